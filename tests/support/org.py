"""A small organisation with registered users, built through the same services the CLI uses.

DUK  Đảng ủy Khối Cơ quan tỉnh (committee)   staff: Trần Văn Tâm, admin: Quản Trị Viên
 ├─ CB01 .. CB05  Chi bộ ... (cells)          secretary of each: "Bí thư CB0n"
 ├─ DTN  Đoàn Thanh niên Khối (mass)
 └─ DB1  Đảng bộ Sở Y tế (grassroots)
      └─ DB1-CB1, DB1-CB2 (cells)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

import pytest

from services import invites, units
from storage.db import session_scope
from tests.support.chat import Chat

ORG_ROWS = [
    ("DUK", "Đảng ủy Khối Cơ quan tỉnh", "committee", ""),
    ("CB01", "Chi bộ Văn phòng", "cell", "DUK"),
    ("CB02", "Chi bộ Ban Tuyên giáo", "cell", "DUK"),
    ("CB03", "Chi bộ Ban Tổ chức", "cell", "DUK"),
    ("CB04", "Chi bộ Ủy ban Kiểm tra", "cell", "DUK"),
    ("CB05", "Chi bộ Ban Dân vận", "cell", "DUK"),
    ("DTN", "Đoàn Thanh niên Khối", "mass", "DUK"),
    ("DB1", "Đảng bộ Sở Y tế", "grassroots", "DUK"),
    ("DB1-CB1", "Chi bộ Phòng Nghiệp vụ", "cell", "DB1"),
    ("DB1-CB2", "Chi bộ Phòng Tài chính", "cell", "DB1"),
]


@dataclass
class Org:
    app: object
    chats: dict[str, Chat] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Chat:
        return self.chats[key]


def register(app, *, unit_code: str, role: str, name: str, user_id: str, channel: str = "console") -> Chat:  # noqa: ANN001
    with session_scope(app.engine) as session:
        code, _ = invites.create_invite(
            session=session,
            unit_code=unit_code,
            role=role,
            expires_in=timedelta(days=7),
            label=name,
            now=app.clock.now(),
        )
    chat = Chat(app=app, user_id=user_id, name=name, channel=channel)
    chat.send(f"/start {code}")
    assert "Chào mừng" in chat.last_text, chat.last_text
    return chat


@pytest.fixture
def org(app, channel) -> Org:
    with session_scope(app.engine) as session:
        units.import_units(
            session=session,
            now=app.clock.now(),
            rows=[{"code": c, "name": n, "kind": k, "parent_code": p} for c, n, k, p in ORG_ROWS],
        )
    result = Org(app=app)
    result.chats["staff"] = register(
        app, unit_code="DUK", role="staff", name="Trần Văn Tâm", user_id="u-staff", channel=channel
    )
    result.chats["admin"] = register(
        app, unit_code="DUK", role="admin", name="Quản Trị Viên", user_id="u-admin", channel=channel
    )
    for n in range(1, 6):
        code = f"CB0{n}"
        result.chats[code] = register(
            app, unit_code=code, role="secretary", name=f"Bí thư {code}", user_id=f"u-{code.lower()}", channel=channel
        )
    result.chats["DB1-CB1"] = register(
        app, unit_code="DB1-CB1", role="secretary", name="Bí thư DB1-CB1", user_id="u-db1-cb1", channel=channel
    )
    result.chats["stranger"] = Chat(app=app, user_id="u-stranger", name="Người lạ", channel=channel)
    return result

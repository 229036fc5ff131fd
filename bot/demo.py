"""`chibot demo`: a sample organisation, the seed directive 141-CV/ĐUK and invites to try it.

Re-running it duplicates nothing: units are re-imported (idempotent), the directive is kept
if it exists, and unused demo invites are replaced by fresh ones (codes are stored hashed,
so an old code cannot be shown again).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from importlib import resources

from sqlmodel import Session

from services import invites, units
from services.demo_directive import register_demo_directive
from services.reminders.config import ReminderConfig
from storage.queries import demo as demo_queries

DEMO_UNITS = [
    ("DUK", "Đảng ủy Khối các cơ quan tỉnh", "committee", ""),
    ("CB-VP", "Chi bộ Văn phòng Đảng ủy Khối", "cell", "DUK"),
    ("CB-TC", "Chi bộ Sở Tài chính", "cell", "DUK"),
    ("CB-YT", "Chi bộ Sở Y tế", "cell", "DUK"),
    ("CB-GD", "Chi bộ Sở Giáo dục và Đào tạo", "cell", "DUK"),
    ("CB-NV", "Chi bộ Sở Nội vụ", "cell", "DUK"),
    ("DOAN-K", "Đoàn Thanh niên Khối", "mass", "DUK"),
    ("CCB-K", "Hội Cựu chiến binh Khối", "mass", "DUK"),
]

#: (unit code, role, person's name)
DEMO_PEOPLE = [
    ("DUK", "staff", "Nguyễn Thị Lan"),
    ("DUK", "admin", "Trần Quốc Bảo"),
    ("CB-VP", "secretary", "Lê Văn Hùng"),
    ("CB-TC", "secretary", "Phạm Thị Mai"),
    ("CB-YT", "secretary", "Hoàng Văn Nam"),
    ("CB-GD", "secretary", "Võ Thị Hồng"),
    ("CB-NV", "secretary", "Đặng Văn Tú"),
    ("DOAN-K", "secretary", "Bùi Thị Thu"),
    ("CCB-K", "secretary", "Ngô Văn Sơn"),
]

DEMO_INVITE_DAYS = 30
SEED_FILE = "141-CV-DUK.txt"


@dataclass(frozen=True)
class DemoInvite:
    name: str
    unit_name: str
    role: str
    code: str | None  # None when this person already registered


@dataclass
class DemoResult:
    units_created: int
    directive_number: str
    directive_created: bool
    deadlines: list[tuple[str, str]] = field(default_factory=list)
    invites: list[DemoInvite] = field(default_factory=list)


def seed_text() -> str:
    return resources.files("bot.demo_data").joinpath(SEED_FILE).read_text(encoding="utf-8")


def load_demo(*, session: Session, now: datetime, config: ReminderConfig, today: date | None = None) -> DemoResult:
    summary = units.import_units(
        session=session,
        now=now,
        rows=[{"code": c, "name": n, "kind": k, "parent_code": p} for c, n, k, p in DEMO_UNITS],
    )
    today = today or now.astimezone(config.tz).date()
    number, created, shown = register_demo_directive(
        session=session, text=seed_text(), unit_code="DUK", now=now, config=config, today=today
    )
    result = DemoResult(
        units_created=summary.created, directive_number=number, directive_created=created, deadlines=shown
    )
    for unit_code, role, name in DEMO_PEOPLE:
        unit = demo_queries.unit_by_code(session=session, code=unit_code)
        if demo_queries.person_registered(session=session, unit_id=unit.id, role=role, full_name=name):
            result.invites.append(DemoInvite(name, unit.name, role, None))
            continue
        demo_queries.drop_unused_invites(session=session, unit_id=unit.id, role=role, label=name)
        code, _ = invites.create_invite(
            session=session,
            unit_code=unit_code,
            role=role,
            expires_in=timedelta(days=DEMO_INVITE_DAYS),
            label=name,
            now=now,
        )
        result.invites.append(DemoInvite(name, unit.name, role, code))
    return result

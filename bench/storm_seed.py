"""A province for the report benchmarks: one committee (DUK) with one staff member, ``cells``
cells with one secretary each, and 141-CV/ĐUK published to all of them with its reminders
planned, written in bulk (a benchmark's setup, not what it measures)."""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402
from sqlalchemy.engine import Engine  # noqa: E402
from sqlmodel import SQLModel  # noqa: E402

import storage.tables  # noqa: E402,F401
from ground.settings import Settings  # noqa: E402
from services.localtime import local_to_utc  # noqa: E402
from services.reminders.config import ReminderConfig  # noqa: E402
from services.reminders.planner import plan_directive  # noqa: E402
from storage.db import make_db_engine, session_scope  # noqa: E402
from storage.tables import Assignment, ChatAccount, Deadline, Directive, Membership, Person, Unit  # noqa: E402

#: Absurd sizes are refused with a message instead of filling the disk.
MAX_CELLS = 100_000
STAFF_USER = "staff-1"
NUMBER = "141-CV/ĐUK"


def check_size(size: int, *, what: str = "cells", most: int = MAX_CELLS) -> None:
    if size < 1:
        raise SystemExit(f"size must be at least 1 {what} (got {size})")
    if size > most:
        raise SystemExit(f"size {size} is more {what} than this benchmark runs (at most {most:,})")


def fresh_engine(url: str | None) -> Engine:
    """A new SQLite file in a temporary folder, or the given database emptied."""
    url = url or f"sqlite:///{tempfile.mkdtemp(prefix='chibot-bench-')}/bench.db"
    engine = make_db_engine(url)
    try:
        with engine.connect():
            pass
    except Exception as exc:  # noqa: BLE001
        reason = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or [type(exc).__name__])[0]
        where = engine.url.render_as_string(hide_password=True)
        raise SystemExit(f"cannot reach the database {where}: {reason}") from None
    SQLModel.metadata.drop_all(engine)
    SQLModel.metadata.create_all(engine)
    return engine


def settings_for(url: str, **over: object) -> Settings:
    return Settings(_env_file=None, database_url=url, **over)  # type: ignore[call-arg]


def secretary_user(i: int, channel: str) -> str:
    """The chat/user id of cell i's secretary (Telegram ids are numbers)."""
    return str(100_000 + i) if channel == "telegram" else f"sec-{i}"


def staff_user(channel: str) -> str:
    return "99999" if channel == "telegram" else STAFF_USER


def seed(engine: Engine, cells: int, *, channel: str = "console", now: datetime | None = None) -> tuple[int, list[int]]:
    """Returns the directive id and the assignment ids, cell by cell (index i = cell i)."""
    now = now or local_to_utc(datetime(2021, 8, 15, 8, 0), _tz())
    with session_scope(engine) as s:
        s.execute(
            insert(Unit).values(
                id=1, code="DUK", name="Đảng ủy Khối", kind="committee", path="/1/", active=True, created_at=now
            )
        )
        s.execute(
            insert(Unit),
            [
                {
                    "id": i + 2,
                    "code": f"CB{i:05d}",
                    "name": f"Chi bộ {i}",
                    "kind": "cell",
                    "parent_id": 1,
                    "path": f"/1/{i + 2}/",
                    "active": True,
                    "created_at": now,
                }
                for i in range(cells)
            ],
        )
        people = [{"id": i + 1, "full_name": f"Bí thư {i}", "preferences": {}, "created_at": now} for i in range(cells)]
        people.append({"id": cells + 1, "full_name": "Trần Văn Tâm", "preferences": {}, "created_at": now})
        s.execute(insert(Person), people)
        members = [
            {"person_id": i + 1, "unit_id": i + 2, "role": "secretary", "active": True, "created_at": now}
            for i in range(cells)
        ]
        members.append({"person_id": cells + 1, "unit_id": 1, "role": "staff", "active": True, "created_at": now})
        s.execute(insert(Membership), members)
        accounts = [
            {
                "person_id": i + 1,
                "channel": channel,
                "external_user_id": secretary_user(i, channel),
                "chat_id": secretary_user(i, channel),
                "display_name": f"Bí thư {i}",
                "language": "vi",
                "reachable": True,
                "created_at": now,
            }
            for i in range(cells)
        ]
        accounts.append(
            {
                "person_id": cells + 1,
                "channel": channel,
                "external_user_id": staff_user(channel),
                "chat_id": staff_user(channel),
                "display_name": "Tâm",
                "language": "vi",
                "reachable": True,
                "created_at": now,
            }
        )
        s.execute(insert(ChatAccount), accounts)
        directive = Directive(
            unit_id=1,
            doc_type="CV",
            number=NUMBER,
            subject="V/v tổ chức quán triệt Nghị quyết số 05-NQ/TU",
            status="published",
            published_at=now,
        )
        s.add(directive)
        s.flush()
        assert directive.id is not None
        directive_id = directive.id
        local_now = now.astimezone(_tz()).replace(tzinfo=None)
        for position, (kind, days) in enumerate((("complete", 5), ("report", 7))):
            due = (local_now + timedelta(days=days)).replace(hour=23, minute=59, second=0, microsecond=0)
            shown = f"hết ngày {due.day}/{due.month}" if kind == "complete" else f"trước {due.day}/{due.month}"
            s.add(
                Deadline(
                    directive_id=directive_id,
                    kind=kind,
                    due_at=local_to_utc(due, _tz()),
                    shown=shown,
                    position=position,
                )
            )
        s.execute(
            insert(Assignment),
            [
                {"directive_id": directive_id, "unit_id": i + 2, "status": "assigned", "assigned_at": now}
                for i in range(cells)
            ],
        )
    with session_scope(engine) as s:
        plan_directive(session=s, directive_id=directive_id, now=now, config=config())
        ids = [
            a.id
            for a in s.query(Assignment).filter(Assignment.directive_id == directive_id).order_by(Assignment.unit_id)
        ]
    return directive_id, [i for i in ids if i is not None]


def config() -> ReminderConfig:
    return ReminderConfig.from_settings(settings_for("sqlite://"))


def _tz():  # noqa: ANN202
    from zoneinfo import ZoneInfo

    return ZoneInfo("Asia/Ho_Chi_Minh")

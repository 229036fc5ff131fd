"""Shared by the reliability tests: a sample organisation whose secretaries chat on Telegram,
work queued for them through the same services and flows the bot uses, and `chibot run` as a
real process against the fake Bot API server."""

from __future__ import annotations

import asyncio
import os
import secrets
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func
from sqlmodel import select

from bot.app import build_app
from ground.clock import ManualClock
from ground.settings import Settings
from services import directives, fanout, units
from services.directive_drafts import draft_from_parsed
from services.parsing import parse_document
from services.reminders.staff_tools import remind_now
from storage.db import make_db_engine, session_scope
from storage.migrate import upgrade
from storage.queries import units as units_queries
from storage.tables import ChatAccount, Directive, OutboxMessage
from tests.support.fake_bot_api import DEFAULT_TOKEN, FakeBotApi
from tests.support.local import CONFIG, TZ
from tests.support.org import register

ROOT = Path(__file__).resolve().parents[2]
#: CI (.ci/run exports CI=true) runs the full-size variants; a developer's run is shorter.
FULL = bool(os.environ.get("CI") or os.environ.get("CHIBOT_RELIABILITY_FULL"))
#: These tests start `chibot` processes (a few seconds of imports each, far more on a busy
#: machine), so they get more than the suite's 120 s.
SUBPROCESS_TIMEOUT = 400
STAFF_CHAT = 9000
SEED_141 = ROOT / "tests" / "fixtures" / "seeds" / "003_11edc695b26208f2.txt"


@dataclass
class Seeded:
    db_url: str
    secretaries: list[int] = field(default_factory=list)
    staff: object = None
    app: object = None


def seed(db_url: str, tmp_path: Path, cells: int) -> Seeded:
    """A committee with ``cells`` cells; every secretary and the staff member registered on
    Telegram (chat id = user id) through the core, as /start with an invite does."""
    upgrade(db_url)
    settings = Settings(_env_file=None, database_url=db_url, attachments_dir=tmp_path / "attachments")  # type: ignore[call-arg]
    app = build_app(settings, clock=ManualClock(datetime.now(UTC)), engine=make_db_engine(db_url), migrate=False)
    rows = [{"code": "DUK", "name": "Đảng ủy Khối", "kind": "committee", "parent_code": ""}]
    rows += [
        {"code": f"C{n:02d}", "name": f"Chi bộ số {n}", "kind": "cell", "parent_code": "DUK"} for n in range(cells)
    ]
    with session_scope(app.engine) as session:
        units.import_units(session=session, now=app.clock.now(), rows=rows)
    result = Seeded(db_url=db_url, app=app)
    result.staff = register(
        app, unit_code="DUK", role="staff", name="Trần Văn Tâm", user_id=str(STAFF_CHAT), channel="telegram"
    )
    for n in range(cells):
        chat = 1000 + n
        register(
            app, unit_code=f"C{n:02d}", role="secretary", name=f"Bí thư {n}", user_id=str(chat), channel="telegram"
        )
        result.secretaries.append(chat)
    return result


def publish_directive(seeded: Seeded) -> int:
    """141-CV/ĐUK published to every cell: one "Văn bản mới" per secretary."""
    app = seeded.app
    text = SEED_141.read_text(encoding="utf-8")
    draft = draft_from_parsed(parse_document(text), text)
    with session_scope(app.engine) as session:
        duk = units_queries.get_unit_by_code(session=session, code="DUK")
        cells = [u for u in units_queries.list_units(session=session) if u.kind == "cell"]
        who = directives.Who(person_id=None, channel="test")
        directive = directives.register(
            session=session, draft=draft, unit_id=duk.id, who=who, now=app.clock.now(), tz=TZ
        )
        directives.publish(
            session=session,
            directive=directive,
            unit_ids=[c.id for c in cells],
            who=who,
            now=app.clock.now(),
            config=CONFIG,
        )
        # Over FANOUT_INLINE_MAX cells a publish writes the rest in the background; these tests
        # are about delivery, so every cell's message is queued here at once.
        fanout.complete(session=session, directive=directive, now=app.clock.now(), config=CONFIG)
        return directive.id


def broadcast_to_all(seeded: Seeded, text: str) -> None:
    """The staff member's /broadcast to every cell, pressed through to «Gửi»."""
    staff = seeded.staff
    staff.send("/broadcast")
    staff.send(text)
    staff.press("Tất cả chi bộ")
    staff.press("Gửi")
    assert "Đã gửi" in staff.last_text or "gửi" in staff.last_text.lower(), staff.last_text


def remind_all(seeded: Seeded, directive_id: int) -> int | None:
    """An immediate reminder to every cell that has not reported (the /remind button, a fresh
    confirm each call)."""
    app = seeded.app
    with session_scope(app.engine) as session:
        directive = session.get(Directive, directive_id)
        chased = remind_now(
            session=session, directive=directive, now=app.clock.now(), config=CONFIG, token=secrets.token_hex(4)
        )
        return chased.units if chased is not None else None


def outbox_counts(engine, channel: str = "telegram") -> dict[str, int]:  # noqa: ANN001
    with session_scope(engine) as session:
        rows = session.exec(
            select(OutboxMessage.status, func.count())
            .join(ChatAccount, ChatAccount.id == OutboxMessage.account_id)
            .where(ChatAccount.channel == channel)
            .group_by(OutboxMessage.status)
        ).all()
    return {status: n for status, n in rows}


def in_flight(engine) -> int:  # noqa: ANN001
    """Messages whose HTTP call had begun with no outcome recorded: the only ones that may be doubled."""
    with session_scope(engine) as session:
        rows = session.exec(
            select(OutboxMessage.account_id, OutboxMessage.attempted_at)
            .where(OutboxMessage.status == "sending", OutboxMessage.attempted_at.is_not(None))
            .distinct()
        ).all()
    return len(rows)


async def start_bot(
    server: FakeBotApi, db_url: str, log_path: Path, *extra: str, env_extra: dict[str, str] | None = None
) -> asyncio.subprocess.Process:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": "/tmp",
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": db_url,
        "TELEGRAM_BOT_TOKEN": DEFAULT_TOKEN,
        "TELEGRAM_API_BASE_URL": server.url,
        "LOG_LEVEL": "INFO",
        **(env_extra or {}),
    }
    log = log_path.open("ab")
    try:
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.cli", "run", *extra, env=env, cwd=str(ROOT), stdout=log, stderr=log
        )
    finally:
        log.close()


async def wait_until(predicate, timeout: float, step: float = 0.2) -> bool:  # noqa: ANN001
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        if await asyncio.to_thread(predicate):
            return True
        await asyncio.sleep(step)
    return bool(await asyncio.to_thread(predicate))


__all__ = ["FULL", "timedelta"]

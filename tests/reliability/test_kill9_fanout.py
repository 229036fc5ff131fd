"""kill -9 of a real `chibot run` half way through the fan-out of a large publish: restarted,
it goes on from the last written batch, and every cell is assigned once, told once, and has
its reminders planned once; the staff member hears "Đã gửi … cho N đơn vị" once. Copies are
counted on the fake Bot API server, i.e. as the chats saw them."""

from __future__ import annotations

import logging
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import func
from sqlmodel import select

from services import directives
from services.directive_drafts import draft_from_parsed
from services.fanout import FanoutConfig
from services.parsing import parse_document
from storage.db import session_scope
from storage.queries import units as units_queries
from storage.tables import Assignment, ChatAccount, FanoutJob, OutboxMessage
from tests.reliability.support import (
    FULL,
    SEED_141,
    STAFF_CHAT,
    SUBPROCESS_TIMEOUT,
    in_flight,
    seed,
    start_bot,
    wait_until,
)
from tests.support.fake_bot_api import FakeBotApi
from tests.support.local import CONFIG, TZ

log = logging.getLogger(__name__)

CELLS = 60 if FULL else 30
KILLS = 3 if FULL else 2
#: Publishing writes the first 3 units; the bot then writes 3 a batch and rests between
#: batches, so the fan-out lasts long enough for each kill to land in the middle of it.
INLINE, BATCH = 3, 3
BOT_ENV = {"FANOUT_BATCH": str(BATCH), "FANOUT_PAUSE_SECONDS": "0.4", "OUTBOX_CONCURRENCY": "2"}


def publish_large(seeded) -> int:  # noqa: ANN001
    app = seeded.app
    text = SEED_141.read_text(encoding="utf-8")
    draft = draft_from_parsed(parse_document(text), text)
    # Its deadlines from next week on, so every cell has reminders to plan.
    local_now = app.clock.now().astimezone(TZ).replace(tzinfo=None, second=0, microsecond=0)
    for days, deadline in enumerate(d for d in draft["deadlines"] if d.get("due")):
        deadline["due"] = (local_now + timedelta(days=7 + 3 * days)).isoformat()
    with session_scope(app.engine) as session:
        duk = units_queries.get_unit_by_code(session=session, code="DUK")
        cells = [u for u in units_queries.list_units(session=session) if u.kind == "cell"]
        staff = session.exec(select(ChatAccount).where(ChatAccount.chat_id == str(STAFF_CHAT))).one()
        who = directives.Who(person_id=staff.person_id, account_id=staff.id, channel="telegram")
        directive = directives.register(
            session=session, draft=draft, unit_id=duk.id, who=who, now=app.clock.now(), tz=TZ
        )
        published = directives.publish(
            session=session,
            directive=directive,
            unit_ids=[c.id for c in cells],
            who=who,
            now=app.clock.now(),
            config=CONFIG,
            fanout=FanoutConfig(inline_max=INLINE, batch=BATCH),
        )
        assert (published.done, published.total) == (INLINE, CELLS)
        return directive.id


def job_done(engine) -> tuple[int, str]:  # noqa: ANN001
    with session_scope(engine) as session:
        job = session.exec(select(FanoutJob)).one()
        return job.done, job.status


def unsent_now(engine) -> int:  # noqa: ANN001
    """Messages that should have gone by now (the reminders are due next week)."""
    return count(
        engine, OutboxMessage, OutboxMessage.kind != "reminder", OutboxMessage.status.in_(("pending", "sending"))
    )


def count(engine, model, *where) -> int:  # noqa: ANN001
    with session_scope(engine) as session:
        return session.exec(select(func.count()).select_from(model).where(*where)).one()


@pytest.mark.timeout(SUBPROCESS_TIMEOUT)
async def test_kill_9_during_a_fan_out_resumes_with_nothing_lost_or_doubled(db_url, tmp_path, capsys) -> None:
    seeded = seed(db_url, tmp_path, CELLS)
    directive_id = publish_large(seeded)
    engine = seeded.app.engine
    log_path = tmp_path / "chibot-run.log"
    kills_mid_fanout = in_flight_at_kills = 0
    done_at_kills: list[int] = []
    async with FakeBotApi() as server:
        server.send_delay = 0.05
        for _ in range(KILLS):
            before = job_done(engine)[0]
            process = await start_bot(server, db_url, log_path, env_extra=BOT_ENV)
            try:
                # Kill once the restarted bot has written a batch or more, with more to come.
                moved = await wait_until(lambda b=before: b < job_done(engine)[0] < CELLS, 120, step=0.05)
                assert moved, log_path.read_text()[-3000:]
            finally:
                process.kill()
                await process.wait()
            done, status = job_done(engine)
            done_at_kills.append(done)
            kills_mid_fanout += status == "running"
            in_flight_at_kills += in_flight(engine)
        # The last start: the fan-out finishes from where it stopped, everything goes out.
        process = await start_bot(server, db_url, log_path, env_extra=BOT_ENV)
        try:
            finished = await wait_until(
                lambda: job_done(engine) == (CELLS, "done") and not unsent_now(engine),
                120,
            )
            assert finished, (job_done(engine), unsent_now(engine), log_path.read_text()[-3000:])
        finally:
            process.terminate()
            await process.wait()
        told = {chat: Counter(m["text"] for m in server.chat_messages(chat)) for chat in seeded.secretaries}
        to_staff = Counter(m["text"] for m in server.chat_messages(STAFF_CHAT))
    with capsys.disabled():
        print(
            f"\nkill -9 during fan-out: {KILLS} kills at {done_at_kills} of {CELLS} units written, "
            f"{in_flight_at_kills} sends in flight at the kills"
        )
    assert kills_mid_fanout == KILLS, done_at_kills
    # Rows: one assignment and one "Văn bản mới" per cell, reminders planned for every cell.
    assert count(engine, Assignment, Assignment.directive_id == directive_id) == CELLS
    assert count(engine, OutboxMessage, OutboxMessage.kind == "directive") == CELLS
    with session_scope(engine) as session:
        planned = session.exec(
            select(OutboxMessage.assignment_id).where(OutboxMessage.kind == "reminder").distinct()
        ).all()
    assert len(planned) == CELLS
    # As the chats saw it: each secretary got the directive once (a second copy only where its
    # send was in flight at a kill), the staff member heard "Đã gửi" once.
    news = {chat: sum(n for text, n in seen.items() if text.startswith("Văn bản mới")) for chat, seen in told.items()}
    assert min(news.values()) == 1, news
    assert sum(news.values()) - CELLS <= in_flight_at_kills, news
    done_texts = [text for text in to_staff if text.startswith("Đã gửi Công văn 141-CV/ĐUK cho")]
    assert len(done_texts) == 1 and to_staff[done_texts[0]] == 1, to_staff
    assert f"cho {CELLS} đơn vị ({CELLS} tin nhắn" in done_texts[0], done_texts

"""Publishing one directive to N cells (not a test).

    .venv/bin/python bench/bench_fanout.py [--size 5000] [--database-url URL]

A committee with N cells, each with a secretary on Telegram, and a directive with three
deadlines. Staff publish it as the /new flow does (``directives.register``, ``directives.publish``
and the reach of the units for the answer, in the chat's one transaction) while the runtime's
dispatcher and background fan-out run as in ``chibot run`` (both woken by the commit). The
sender records the time of each send and sends nothing (the Telegram rate is bench_broadcast's
business: at 30 a second N notices take N/30 s more).

Figures: the answer time (how long the staff member waits for the bot's reply: the publishing
transaction), the first notification's delay after publishing was pressed, the time until the
background fan-out had written every unit and until every cell was told, and how many rows
were written (one assignment and one notification per cell, the reminder plans).
"""

from __future__ import annotations

import argparse
import asyncio
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from bench_oversight import make_recipients  # type: ignore[import-not-found]
from common import figure, fresh_engine, quiet  # type: ignore[import-not-found]
from sqlalchemy import func, select

from bot.fanout_worker import FanoutWorker
from bot.scheduler import DispatchScheduler
from ground.clock import SystemClock
from ground.ports import SendResult
from ground.settings import Settings
from services import directives
from services.dispatcher import Dispatcher
from services.fanout import FanoutConfig
from services.reminders.config import ReminderConfig
from storage.db import session_scope
from storage.outbox_wake import on_outbox_commit
from storage.tables import Assignment, FanoutJob, OutboxMessage, Unit


class TimingSender:
    channel = "telegram"

    def __init__(self) -> None:
        self.sent_at: list[float] = []

    async def send(self, chat_id: str, reply: Any) -> SendResult:  # noqa: ANN401
        self.sent_at.append(time.perf_counter())
        return SendResult("sent", message_id=str(len(self.sent_at)))


def draft(now: datetime) -> dict[str, Any]:
    local = now + timedelta(hours=7)
    deadlines = []
    for kind, days in (("complete", 5), ("report", 7), ("plan", 14)):
        due = (local + timedelta(days=days)).replace(hour=23, minute=59, second=0, microsecond=0, tzinfo=None)
        deadlines.append({"kind": kind, "due": due.isoformat(), "phrase": "", "shown": f"{due:%d/%m/%Y}"})
    return {
        "doc_type": "Công văn",
        "number": "141-CV/ĐUK",
        "issuer": "Đảng ủy Khối",
        "subject": "V/v triển khai thực hiện",
        "deadlines": deadlines,
    }


async def measure(size: int, database_url: str | None) -> list[dict[str, Any]]:
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    config = ReminderConfig.from_settings(settings)
    fanout = FanoutConfig.from_settings(settings)
    engine = fresh_engine(database_url)
    clock = SystemClock()
    actor, _staff_chat = make_recipients(engine, size, clock.now())
    with session_scope(engine) as session:
        root_id = session.execute(select(Unit.id).where(Unit.code == "BENCH")).scalar_one()
        unit_ids = list(session.execute(select(Unit.id).where(Unit.parent_id == root_id)).scalars())
    sender = TimingSender()
    dispatcher = Dispatcher(engine=engine, clock=clock, senders={"telegram": sender}, batch=200)
    scheduler = DispatchScheduler(dispatcher)
    worker = FanoutWorker(engine=engine, clock=clock, config=config, fanout=fanout, dispatch=scheduler)

    def woken() -> None:
        scheduler.wake()
        worker.wake()

    unsubscribe = on_outbox_commit(engine, woken)
    scheduler.start()
    worker.start()
    written_at = expected = float("nan")
    try:
        await asyncio.sleep(0.3)  # the first safety-net tick and fan-out poll found nothing

        def publish() -> None:
            who = directives.Who(actor.person_id, actor.account_id, "telegram")
            now = clock.now().astimezone(UTC)
            with session_scope(engine) as session:
                directive = directives.register(
                    session=session, draft=draft(now), unit_id=root_id, who=who, now=now, tz=settings.tz
                )
                directives.publish(
                    session=session,
                    directive=directive,
                    unit_ids=unit_ids,
                    who=who,
                    now=now,
                    config=config,
                    fanout=fanout,
                )
                directives.reach_of_units(session=session, unit_ids=unit_ids)  # the answer names the unreachable

        def fanned_out() -> bool:
            with session_scope(engine) as session:
                return session.execute(select(FanoutJob.status)).scalar_one() == "done"

        # Every cell, and the staff member's "Đã gửi" (and halfway note, for a long fan-out).
        expected = size + (size > fanout.inline_max) + (size > fanout.inline_max and size >= fanout.halfway_min)
        pressed = time.perf_counter()
        await asyncio.to_thread(publish)
        answered = time.perf_counter() - pressed
        deadline = time.monotonic() + 120 + size / 20
        while time.monotonic() < deadline:
            if written_at != written_at and await asyncio.to_thread(fanned_out):  # nan: not yet
                written_at = time.perf_counter() - pressed
            if len(sender.sent_at) >= expected and written_at == written_at:
                break
            await asyncio.sleep(0.05)
    finally:
        unsubscribe()
        await worker.aclose(5)
        await scheduler.aclose(5)
    with session_scope(engine) as session:
        assignments = session.execute(select(func.count()).select_from(Assignment)).scalar_one()
        notices = session.execute(
            select(func.count()).select_from(OutboxMessage).where(OutboxMessage.kind == "directive")
        ).scalar_one()
        reminders = session.execute(
            select(func.count()).select_from(OutboxMessage).where(OutboxMessage.kind == "reminder")
        ).scalar_one()
    engine.dispose()
    first = (sender.sent_at[0] - pressed) if sender.sent_at else float("nan")
    total = (sender.sent_at[-1] - pressed) if sender.sent_at else float("nan")
    return [
        figure("publish answer time (staff wait)", round(answered, 2), "s", at_most=1.0),
        # Committed with the publish, so queued (and the dispatcher woken) when staff are answered;
        # the dispatcher then waits WAKE_DELAY_SECONDS (0.5 s) so that the answer goes first.
        figure("first notification queued, dispatcher woken", round(answered, 2), "s", at_most=1.0),
        figure("first notification after pressing publish", round(first, 2), "s", at_most=1.0),
        figure("fan-out written (every assignment, message, reminder plan)", round(written_at, 1), "s"),
        figure("every cell told (no Telegram rate)", round(total, 1), "s"),
        figure("messages sent (cells, and the staff's progress notes)", len(sender.sent_at), "", equals=expected),
        figure("notifications queued", notices, "", equals=size),
        figure("assignments written", assignments, "", equals=size),
        figure("reminder rows planned", reminders, ""),
    ]


def run(size: int, *, database_url: str | None = None) -> list[dict[str, Any]]:
    quiet()
    return asyncio.run(measure(size, database_url))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    for fig in run(args.size, database_url=args.database_url):
        print(f"{fig['name']}: {fig['value']} {fig['unit']}".rstrip())


if __name__ == "__main__":
    main()

"""The due poll (SQLite: rows another process queued): a poll still waiting for the database
when the next one is due is not doubled, and APScheduler never skips it with a warning."""

from __future__ import annotations

import asyncio
import logging
import threading
from datetime import UTC, datetime, timedelta

from bot.scheduler import DispatchScheduler


class SlowDatabaseDispatcher:
    """A dispatcher whose "what is due next?" waits until the test lets the database answer
    (as it does behind a storm of updates queued for the worker threads)."""

    busy = False
    senders = {"telegram": object()}

    def __init__(self) -> None:
        self.answer = threading.Event()
        self.asked = 0
        self.clock = self

    def now(self) -> datetime:
        return datetime.now(UTC)

    def next_due(self, channels: list[str]) -> datetime | None:
        self.asked += 1
        self.answer.wait(10)
        return datetime.now(UTC) - timedelta(seconds=1)


async def test_a_poll_that_waits_for_the_database_is_not_doubled_nor_skipped_with_a_warning(caplog):
    dispatcher = SlowDatabaseDispatcher()
    scheduler = DispatchScheduler(dispatcher)  # type: ignore[arg-type]
    scheduler.start()
    try:
        scheduler.scheduler.get_job("dispatch-safety-net").pause()
        with caplog.at_level(logging.WARNING, logger="apscheduler"):
            scheduler.start_due_poll(seconds=0.05)
            while dispatcher.asked == 0:
                await asyncio.sleep(0.01)
            await asyncio.sleep(0.3)  # six more firings while the first poll waits
            assert dispatcher.asked == 1
            dispatcher.answer.set()
            while scheduler.scheduler.get_job("dispatch-next") is None:
                await asyncio.sleep(0.01)
        # The row found due is sent: a dispatch is scheduled, and nothing was skipped.
        assert "maximum number of running instances" not in caplog.text
    finally:
        dispatcher.answer.set()
        await scheduler.aclose(1)

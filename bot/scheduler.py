"""One APScheduler owned by the app. It only wakes the dispatcher; the database says what is due."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from services.dispatcher import Dispatcher

log = logging.getLogger(__name__)

SAFETY_NET_SECONDS = 60


class DispatchScheduler:
    """Runs the dispatcher now, at the next due time, and every minute as a safety net."""

    def __init__(self, dispatcher: Dispatcher) -> None:
        self.dispatcher = dispatcher
        self.scheduler = AsyncIOScheduler(timezone=UTC)
        self._loop: asyncio.AbstractEventLoop | None = None

    def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self.scheduler.add_job(self._tick, "interval", seconds=SAFETY_NET_SECONDS, id="dispatch-safety-net",
                               next_run_time=datetime.now(UTC), max_instances=1, coalesce=True)
        self.scheduler.start()

    def shutdown(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)

    def wake(self) -> None:
        """Thread-safe: ask for a dispatch as soon as possible (called after a commit)."""
        if self._loop is None or self._loop.is_closed():
            return
        self._loop.call_soon_threadsafe(self._schedule_at, datetime.now(UTC))

    def _schedule_at(self, when: datetime) -> None:
        self.scheduler.add_job(self._tick, "date", run_date=when, id="dispatch-next", replace_existing=True,
                               misfire_grace_time=None)

    async def _tick(self) -> None:
        try:
            await self.dispatcher.run_once()
            next_due = await asyncio.to_thread(self.dispatcher.next_due)
        except Exception:
            log.exception("dispatcher run failed; the safety net will try again")
            return
        if next_due is not None:
            # The dispatcher's clock may be simulated; schedule on real time, at least 1 s ahead.
            delay = max((next_due - self.dispatcher.clock.now()).total_seconds(), 1.0)
            self._schedule_at(datetime.now(UTC) + timedelta(seconds=min(delay, SAFETY_NET_SECONDS)))

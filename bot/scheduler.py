"""One APScheduler owned by the runtime. It only wakes the dispatcher; the database says what is due."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from functools import wraps
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from services.dispatcher import Dispatcher

log = logging.getLogger(__name__)

SAFETY_NET_SECONDS = 60
#: How long after a commit its outbox rows go out (see DispatchScheduler.wake).
WAKE_DELAY_SECONDS = 0.5
#: Where commits of other processes cannot notify (SQLite), how often the database is asked
#: whether a row is due: a row another process queued goes out within this plus the wake delay.
DUE_POLL_SECONDS = 0.25


class DispatchScheduler:
    """Runs the dispatcher now, at the next due time, and every minute as a safety net."""

    def __init__(self, dispatcher: Dispatcher) -> None:
        self.dispatcher = dispatcher
        self.scheduler = AsyncIOScheduler(timezone=UTC)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._running: set[asyncio.Task[Any]] = set()
        #: The dispatch in progress, and whether a wake came while it ran (it then runs again).
        self._worker: asyncio.Task[None] | None = None
        self._again = False
        #: The due poll on its way (see _start_poll).
        self._poll: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self.add_job(
            self._tick,
            "interval",
            seconds=SAFETY_NET_SECONDS,
            id="dispatch-safety-net",
            next_run_time=datetime.now(UTC),
            max_instances=1,
            coalesce=True,
        )
        self.scheduler.start()

    def start_due_poll(self, seconds: float = DUE_POLL_SECONDS) -> None:
        """Ask the database every ``seconds`` whether a row is due (for engines without
        LISTEN/NOTIFY: a row committed by another process is seen without waiting for the
        safety net). Skipped while a dispatch is running: that run claims the row anyway."""
        self.add_job(
            self._start_poll, "interval", seconds=seconds, id="dispatch-due-poll", max_instances=1, coalesce=True
        )

    async def _start_poll(self) -> None:
        """Start a poll and return at once, as ``_tick`` does: under a storm of updates the
        question waits for a worker thread behind them, longer than the interval, and
        APScheduler would skip the next firing with "maximum number of running instances
        reached". A firing while a poll is still on its way adds nothing: that poll answers
        the same question."""
        if self._poll is not None and not self._poll.done():
            return
        self._poll = asyncio.create_task(self._poll_due(), name="chibot-due-poll")
        self._running.add(self._poll)
        self._poll.add_done_callback(self._running.discard)

    async def _poll_due(self) -> None:
        if self.dispatcher.busy or not self.dispatcher.senders:
            return
        try:
            next_due = await asyncio.to_thread(self.dispatcher.next_due, list(self.dispatcher.senders))
        except Exception as exc:  # the database is briefly away: the safety net and the next poll retry
            log.debug("due poll failed: %s", exc)
            return
        if next_due is not None and next_due <= self.dispatcher.clock.now():
            self.wake()

    def add_job(self, func: Callable[[], Awaitable[None]], trigger: str, **kwargs: Any) -> None:
        """Add a coroutine job whose runs ``aclose`` waits for (so nothing is left running)."""
        self.scheduler.add_job(self._tracked(func), trigger, **kwargs)

    def _tracked(self, func: Callable[[], Awaitable[None]]) -> Callable[[], Awaitable[None]]:
        @wraps(func)
        async def run() -> None:
            task = asyncio.current_task()
            if task is not None:
                self._running.add(task)
            try:
                await func()
            finally:
                if task is not None:
                    self._running.discard(task)

        return run

    def shutdown(self) -> None:
        """Stop at once; APScheduler cancels the runs in progress."""
        self._loop = None
        for task in (self._worker, self._poll):
            if task is not None and not task.done():
                task.cancel()
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)

    async def aclose(self, grace: float) -> None:
        """Stop firing jobs, give the runs in progress (a send, the reminder jobs) ``grace``
        seconds to finish, then stop. A send cut short leaves its row claimed: it is claimed
        again once the claim is stale, never lost."""
        self._loop = None
        if not self.scheduler.running:
            return
        self.scheduler.pause()
        running = [task for task in self._running if task is not asyncio.current_task()]
        if running:
            _done, late = await asyncio.wait(running, timeout=grace)
            if late:
                log.warning("%d scheduled run(s) still busy after %.0f s; cancelled", len(late), grace)
        self.shutdown()

    def wake(self) -> None:
        """Thread-safe: ask for a dispatch shortly (called after a commit).

        The dispatch runs WAKE_DELAY after the commit, not at once: a commit made while
        answering a chat ("Chào mừng… tôi gửi ngay sau đây") is followed by that answer being
        sent, and the message it queued must arrive after the answer, not overtake it. Commits
        within the delay share one dispatch."""
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        try:
            loop.call_soon_threadsafe(self._schedule_at, datetime.now(UTC) + timedelta(seconds=WAKE_DELAY_SECONDS))
        except RuntimeError:  # the loop closed between the check and the call
            pass

    def _schedule_at(self, when: datetime) -> None:
        if not self.scheduler.running:
            return
        pending = self.scheduler.get_job("dispatch-next")
        if pending is not None and pending.next_run_time is not None and pending.next_run_time <= when:
            return  # an earlier dispatch is already due; a later wish must not push it back
        self.add_job(
            self._tick, "date", run_date=when, id="dispatch-next", replace_existing=True, misfire_grace_time=None
        )

    async def _tick(self) -> None:
        """Start a dispatch, or, when one is running, ask it to look once more when done.

        Returns at once, so APScheduler never sees two runs of one job: a wake during a long
        dispatch (a report storm commits many times a second) is folded into the running
        one instead of being skipped with "maximum number of running instances reached"."""
        if self._worker is not None and not self._worker.done():
            self._again = True
            return
        self._worker = asyncio.create_task(self._dispatch(), name="chibot-dispatch")
        self._running.add(self._worker)
        self._worker.add_done_callback(self._running.discard)

    async def _dispatch(self) -> None:
        while True:
            self._again = False
            try:
                await self.dispatcher.run_once()
                next_due = await asyncio.to_thread(self.dispatcher.next_due, list(self.dispatcher.senders))
            except Exception:
                log.exception("dispatcher run failed; the safety net will try again")
                return
            if self._again:
                continue  # rows committed while this run was sending: take them now
            break
        if next_due is not None:
            # The dispatcher's clock may be simulated; schedule on real time, at least 1 s ahead.
            delay = max((next_due - self.dispatcher.clock.now()).total_seconds(), 1.0)
            self._schedule_at(datetime.now(UTC) + timedelta(seconds=min(delay, SAFETY_NET_SECONDS)))

"""The background fan-out (services/fanout.py) on the runtime's scheduler: it writes the
batches of every running publish, in a worker thread, one short transaction each.

Woken like the dispatcher: after a commit that queued outbox rows (a publish always queues its
first batch's messages), by another process's commit (PostgreSQL NOTIFY, through the runtime's
listener), and by a poll every POLL_SECONDS, which also picks up, at start, a fan-out a
crash or a stop cut short."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

from sqlalchemy.engine import Engine

from bot.app import App
from bot.scheduler import WAKE_DELAY_SECONDS, DispatchScheduler
from ground.clock import Clock
from services.fanout import FanoutConfig, run_pending
from services.reminders.config import ReminderConfig

log = logging.getLogger(__name__)

#: How often the database is asked for running fan-outs without a wake-up (SQLite's other
#: processes cannot notify; a restart resumes here).
POLL_SECONDS = 1.0
#: How long after being woken the first background batch starts. The publish queued the first
#: units' messages and the dispatcher sends them WAKE_DELAY_SECONDS after the commit; a batch
#: already writing then would hold the database's write lock against the dispatcher's claim
#: (SQLite: 2-5 s late at 5,000 units on a loaded machine, bench/bench_fanout.py).
START_DELAY_SECONDS = WAKE_DELAY_SECONDS + 0.5


def write_pending(app: App) -> int:
    """Write every running fan-out now, in the calling thread: for the console shell and the
    simulated clock, which run no scheduler (what ``FanoutWorker`` does when woken)."""
    deps = app.core.deps
    return run_pending(engine=app.engine, clock=app.clock, config=deps.reminders, fanout=deps.fanout)


class FanoutWorker:
    def __init__(
        self,
        *,
        engine: Engine,
        clock: Clock,
        config: ReminderConfig,
        fanout: FanoutConfig,
        dispatch: DispatchScheduler,
        poll_seconds: float = POLL_SECONDS,
        start_delay: float = START_DELAY_SECONDS,
    ) -> None:
        self.start_delay = start_delay
        self.engine = engine
        self.clock = clock
        self.config = config
        self.fanout = fanout
        self.dispatch = dispatch
        self.poll_seconds = poll_seconds
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[None] | None = None
        self._again = False
        self._stopping = False

    def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self.dispatch.add_job(
            self._tick,
            "interval",
            seconds=self.poll_seconds,
            id="fanout-poll",
            next_run_time=datetime.now(UTC),
            max_instances=1,
            coalesce=True,
        )

    def wake(self) -> None:
        """Thread-safe: look for fan-out work now (called after commits)."""
        loop = self._loop
        if loop is None or loop.is_closed() or self._stopping:
            return
        try:
            loop.call_soon_threadsafe(self._kick)
        except RuntimeError:  # the loop closed between the check and the call
            pass

    async def _tick(self) -> None:
        self._kick()

    def _kick(self) -> None:
        """Start the worker, or ask the running one to look once more when done (so the
        scheduler never sees two runs, and a wake during a long fan-out is not lost)."""
        if self._stopping:
            return
        if self._task is not None and not self._task.done():
            self._again = True
            return
        self._task = asyncio.create_task(self._work(), name="chibot-fanout")

    async def _work(self) -> None:
        await asyncio.sleep(self.start_delay)
        while not self._stopping:
            self._again = False
            try:
                written = await asyncio.to_thread(
                    run_pending,
                    engine=self.engine,
                    clock=self.clock,
                    config=self.config,
                    fanout=self.fanout,
                    should_stop=lambda: self._stopping,
                )
            except Exception:
                log.exception("fan-out failed; it goes on from its last batch at the next poll")
                return
            if written:
                log.info("fan-out: %d units written", written)
                self.dispatch.wake()
            if not self._again:
                return

    async def aclose(self, grace: float) -> None:
        """Stop after the batch in progress (its transaction commits or rolls back whole)."""
        self._stopping = True
        self._loop = None
        task = self._task
        if task is not None and not task.done():
            _done, late = await asyncio.wait([task], timeout=grace)
            if late:
                log.warning("fan-out batch still busy after %.0f s; it is written again at the next start", grace)

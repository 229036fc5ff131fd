"""The app-level runtime: everything long-lived, in one asyncio event loop.

``Runtime(app, channels)`` owns, for as long as it runs:

* the App (bot/app.py): database engine, core, outbox dispatcher;
* one APScheduler (bot/scheduler.py) with the dispatcher's safety-net tick and the reminder
  jobs (bot/reminder_jobs.py);
* the background fan-out of large publishes (bot/fanout_worker.py), woken with the dispatcher;
* the wake-up after commit: every commit on the app's engine that queued or rescheduled an
  outbox row, from any thread and any caller (the core, a service, a web request), wakes the
  dispatcher (storage/outbox_wake.py); so do such commits of other processes on the same
  database (PostgreSQL LISTEN/NOTIFY, ``OutboxListener``; on SQLite a poll for due rows every
  quarter second);
* the channels (bot/channels/base.py ``Channel``), started inside it, and one outbox sender
  per channel, registered with the dispatcher.

Use it as ``async with Runtime(app, [channel, ...]) as runtime: ...`` inside a running loop
(a test, a FastAPI lifespan), or ``await runtime.serve()`` / ``run(app, channels)`` to run
until SIGINT or SIGTERM (``chibot run``). Stopping waits a moment for a delivery in progress,
then stops every channel and closes its sender: nothing is left running.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import Iterable
from types import TracebackType

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.app import App
from bot.channels.base import Channel
from bot.fanout_worker import FanoutWorker
from bot.reminder_jobs import start_reminder_jobs
from bot.scheduler import DispatchScheduler
from storage.outbox_wake import OutboxListener, on_outbox_commit

log = logging.getLogger(__name__)

#: How long stopping waits for a delivery or reminder run in progress before cancelling it.
STOP_GRACE_SECONDS = 10.0
#: How long a thread may keep the GIL while another waits for it, while the runtime serves
#: (Python's default is 5 ms). The core runs in worker threads next to the event loop, and
#: the database driver lets the GIL go at every statement; the worker holding SQLite's writer
#: lock then waited up to 5 ms per statement for the loop to hand the GIL back, and every
#: other update waited behind it. Measured on the report storm (bench/bench_storm.py, 300
#: secretaries, rate limiter off): chibot / bare updates/s 0.54 and 0.57 with 0.5 ms,
#: 0.43 and 0.40 with 5 ms. It costs no CPU that shows: bot CPU per update 20.3 and 19.8 ms
#: with 0.5 ms, 19.9 and 20.9 ms with 5 ms (session 7, the same storm on a loaded machine).
#: Settings.gil_switch_seconds (GIL_SWITCH_SECONDS) sets it; this is its default.
GIL_SWITCH_SECONDS = 0.0005


class Runtime:
    """Starts and stops the scheduler, the wake-up after commit and the channels together."""

    def __init__(
        self,
        app: App,
        channels: Iterable[Channel] = (),
        *,
        reminder_jobs: bool = True,
        stop_grace: float = STOP_GRACE_SECONDS,
    ) -> None:
        self.app = app
        self.channels = list(channels)
        names = [channel.name for channel in self.channels]
        if len(set(names)) != len(names):
            raise ValueError(f"each channel may run once in a runtime, got {names}")
        self.reminder_jobs = reminder_jobs
        self.stop_grace = stop_grace
        self.dispatch = DispatchScheduler(app.dispatcher)
        #: Writes the units of large publishes in batches (services/fanout.py).
        self.fanout = FanoutWorker(
            engine=app.engine,
            clock=app.clock,
            config=app.core.deps.reminders,
            fanout=app.core.deps.fanout,
            dispatch=self.dispatch,
        )
        self._started: list[Channel] = []
        self._unsubscribe: list[object] = []
        #: Wakes this process's dispatcher after other processes' commits (PostgreSQL only).
        self.listener = OutboxListener(app.engine, self._woken)
        self.running = False

    @property
    def scheduler(self) -> AsyncIOScheduler:
        """The one APScheduler; a channel may add its own periodic jobs."""
        return self.dispatch.scheduler

    def wake(self) -> None:
        """Ask for a dispatch now (thread-safe). Commits that queue outbox rows do it already."""
        self.dispatch.wake()

    def _woken(self) -> None:
        """A commit queued outbox rows (here or, on PostgreSQL, in another process): send them,
        and, if it was a publish, write the rest of its units."""
        self.dispatch.wake()
        self.fanout.wake()

    # ---- lifecycle ----------------------------------------------------------------------
    async def start(self) -> None:
        if self.running:
            raise RuntimeError("the runtime is already running")
        self._unsubscribe.append(on_outbox_commit(self.app.engine, self._woken))
        try:
            for channel in self.channels:
                await channel.start(self)
                self._started.append(channel)
                if channel.sender is not None:
                    self.app.add_sender(channel.sender)
            # After the channels: the first tick must find every sender registered, or it
            # would count "channel not running" as a failed attempt.
            self.dispatch.start()
            self.fanout.start()
            if self.listener.supported:
                self.listener.start()
            else:
                self.dispatch.start_due_poll()
            if self.reminder_jobs:
                start_reminder_jobs(self.app, self.dispatch)
        except BaseException:
            await self.stop()
            raise
        self.running = True
        log.info(
            "runtime started: channels %s, outbox worker %s",
            ", ".join(c.name for c in self.channels) or "none",
            self.app.dispatcher.worker_id,
        )

    async def stop(self) -> None:
        """Stop the scheduler (letting a run in progress finish), then the channels in
        reverse order. Safe to call twice and after a failed start."""
        self.running = False
        for unsubscribe in self._unsubscribe:
            unsubscribe()  # type: ignore[operator]
        self._unsubscribe.clear()
        await asyncio.to_thread(self.listener.stop)
        await self.fanout.aclose(self.stop_grace)
        await self.dispatch.aclose(self.stop_grace)
        while self._started:
            channel = self._started.pop()
            if channel.sender is not None and self.app.senders.get(channel.name) is channel.sender:
                del self.app.senders[channel.name]
            try:
                await channel.stop()
            except Exception:
                log.exception("channel %s did not stop cleanly", channel.name)
        log.info("runtime stopped")

    async def __aenter__(self) -> Runtime:
        await self.start()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.stop()

    async def serve(self, until: asyncio.Event | None = None) -> None:
        """Start, run until ``until`` is set or SIGINT/SIGTERM arrives, stop."""
        stop = until or asyncio.Event()
        loop = asyncio.get_running_loop()
        switch = sys.getswitchinterval()
        sys.setswitchinterval(self.app.settings.gil_switch_seconds)
        installed = []
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):  # not the main thread, Windows
                loop.add_signal_handler(sig, stop.set)
                installed.append(sig)
        try:
            async with self:
                await stop.wait()
        finally:
            sys.setswitchinterval(switch)
            for sig in installed:
                loop.remove_signal_handler(sig)


def run(app: App, channels: Iterable[Channel]) -> None:
    """Run the runtime in a new event loop until SIGINT or SIGTERM (blocks)."""
    asyncio.run(Runtime(app, channels).serve())

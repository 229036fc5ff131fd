"""Moving a simulated clock (tests, `chibot shell --at`) the way real time would pass:
stopping at every moment something falls due — a queued message, the hourly reminder jobs,
the digest — running the jobs and the dispatcher there, so everything is delivered in order
and at the time it would have been."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime

from bot.app import App
from bot.fanout_worker import write_pending
from ground.clock import ManualClock
from services.reminders.jobs import next_job_time, run_jobs


def tick(app: App, runner: asyncio.Runner | None = None) -> None:
    """What the scheduler does at one moment: periodic jobs, a publish's fan-out, then deliver what is due.

    ``runner`` is the event loop of a whole advance: building a loop (and its thread pool) for
    each of the hundreds of stops of a month cost more than the stops' own work."""
    run_jobs(engine=app.engine, now=app.clock.now(), config=app.core.deps.reminders)
    write_pending(app)
    if runner is None:
        asyncio.run(app.dispatcher.run_once())
    else:
        runner.run(app.dispatcher.run_once())


def _next_stop(app: App, now: datetime) -> datetime:
    # Only what this process delivers: a message waiting for another channel or another
    # person's shell is no stop.
    due = app.dispatcher.next_due()
    stops = [next_job_time(now, app.core.deps.reminders)]
    if due is not None and due > now:
        stops.append(due)
    return min(stops)


def run_until(app: App, target: datetime, *, on_stop: Callable[[datetime], None] | None = None) -> None:
    """Move the manual clock to ``target``, stopping wherever something is due on the way."""
    clock = app.clock
    if not isinstance(clock, ManualClock):
        raise TypeError("run_until needs a ManualClock")
    # One event loop for the whole advance (the dispatcher's locks and thread pool stay with it).
    with asyncio.Runner() as runner:
        # What the runtime does on start (bot/reminder_jobs.py runs the jobs at once): a digest or
        # escalation of today missed while nothing ran goes out now, not at the next hourly stop.
        if on_stop is not None:
            on_stop(clock.now())
        tick(app, runner)
        while True:
            stop = _next_stop(app, clock.now())
            if stop > target:
                break
            clock.set(stop)
            if on_stop is not None:
                on_stop(stop)
            tick(app, runner)
        if clock.now() != target:
            clock.set(target)
            if on_stop is not None:
                on_stop(target)
        tick(app, runner)


async def run_until_async(app: App, target: datetime) -> None:
    """``run_until`` inside a running event loop (channels whose clients live on that loop)."""
    clock = app.clock
    if not isinstance(clock, ManualClock):
        raise TypeError("run_until needs a ManualClock")
    run_jobs(engine=app.engine, now=clock.now(), config=app.core.deps.reminders)
    write_pending(app)
    await app.dispatcher.run_once()
    while True:
        stop = _next_stop(app, clock.now())
        if stop > target:
            break
        clock.set(stop)
        run_jobs(engine=app.engine, now=clock.now(), config=app.core.deps.reminders)
        write_pending(app)
        await app.dispatcher.run_once()
    clock.set(target)
    run_jobs(engine=app.engine, now=clock.now(), config=app.core.deps.reminders)
    write_pending(app)
    await app.dispatcher.run_once()

"""The reminder jobs on the app's one APScheduler: every few minutes (and at start), the
idempotent periodic work (recurring occurrences, escalation, digest), then a dispatcher wake-up.
On start this is also the restart recovery: the dispatcher's sweep drops stale reminders and
sends the still-useful ones late."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

from bot.app import App
from bot.scheduler import DispatchScheduler
from services.reminders.jobs import run_jobs

log = logging.getLogger(__name__)

JOBS_EVERY_MINUTES = 5


def start_reminder_jobs(app: App, dispatch: DispatchScheduler) -> None:
    async def job() -> None:
        try:
            stats = await asyncio.to_thread(
                run_jobs, engine=app.engine, now=app.clock.now(), config=app.core.deps.reminders
            )
        except Exception:
            log.exception("reminder jobs failed; they run again in %s minutes", JOBS_EVERY_MINUTES)
            return
        log.debug("reminder jobs: %s", stats)
        dispatch.wake()

    dispatch.add_job(
        job,
        "interval",
        minutes=JOBS_EVERY_MINUTES,
        id="reminder-jobs",
        next_run_time=datetime.now(UTC),
        max_instances=1,
        coalesce=True,
        # The first run is the restart recovery (a digest missed while the bot was down goes
        # out now): never skipped as "missed" when the start kept the loop busy past
        # APScheduler's default grace of 1 s, which would put it off to the next interval.
        misfire_grace_time=None,
    )

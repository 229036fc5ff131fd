"""The periodic reminder work, each part in its own transaction and idempotent, so the
scheduler (or the simulated clock, or a second process) may run it any number of times."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.engine import Engine

from services.reminders.config import ReminderConfig
from services.reminders.digest import run_digest
from services.reminders.escalation import run_escalations
from services.reminders.recurring import ensure_occurrences
from services.reminders.sweep import sweep_due
from storage.db import session_scope

log = logging.getLogger(__name__)


@dataclass
class JobStats:
    occurrences: int = 0
    escalations: int = 0
    digests: int = 0


def run_jobs(*, engine: Engine, now: datetime, config: ReminderConfig) -> JobStats:
    stats = JobStats()
    with session_scope(engine) as session:
        stats.occurrences = ensure_occurrences(session=session, now=now, config=config)
    with session_scope(engine) as session:
        stats.escalations = run_escalations(session=session, now=now, config=config)
    with session_scope(engine) as session:
        stats.digests = run_digest(session=session, now=now, config=config)
    return stats


def sweep(*, engine: Engine, now: datetime, config: ReminderConfig) -> int:
    with session_scope(engine) as session:
        return sweep_due(session=session, now=now, config=config)


def next_job_time(now: datetime, config: ReminderConfig) -> datetime:
    """When the periodic work next has something to decide: the next full hour (escalations
    and occurrences are decided hourly) or today's/tomorrow's digest moment, whichever first."""
    from datetime import timedelta

    from services.localtime import local_to_utc, to_local

    cfg = config
    hour = now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    h, m = (int(x) for x in cfg.digest_at.split(":"))
    local = to_local(now, cfg.tz)
    digest = local_to_utc(local.replace(hour=h, minute=m, second=0, microsecond=0, tzinfo=None), cfg.tz)
    if digest <= now:
        digest += timedelta(days=1)
    return min(hour, digest)

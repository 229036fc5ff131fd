"""The reminder policy and the local time zone, built once from Settings and passed down.

There is no module-level default: every service that plans, sweeps, escalates or digests
takes a ``ReminderConfig`` argument, so a forgotten time zone is a TypeError, not a silent
Asia/Ho_Chi_Minh.
"""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from ground.settings import Settings
from services.reminders.policy import Policy


@dataclass(frozen=True)
class ReminderConfig:
    policy: Policy
    tz: ZoneInfo
    digest_at: str = "07:30"

    @classmethod
    def from_settings(cls, settings: Settings) -> ReminderConfig:
        return cls(policy=policy_from_settings(settings), tz=settings.tz, digest_at=settings.digest_at)


def policy_from_settings(settings: Settings) -> Policy:
    quiet_start, _, quiet_end = settings.quiet_hours.partition("-")
    return Policy(
        before_days=tuple(int(x) for x in settings.reminder_days_before.split(",") if x.strip()),
        at=settings.reminder_at,
        overdue_times=settings.reminder_overdue_times,
        urgent_hours_before=settings.reminder_urgent_hours_before,
        quiet_start=quiet_start.strip() or "21:00",
        quiet_end=quiet_end.strip() or "07:00",
        skip_sundays=settings.reminder_skip_sundays,
        skip_holidays=settings.reminder_skip_holidays,
        escalate_to_parent=settings.escalate_to_parent,
    )

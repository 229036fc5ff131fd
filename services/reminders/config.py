"""The global reminder policy, read once from Settings when the app is built.

Services that plan reminders (publish, change deadline, report) are called from handlers that
do not carry Settings, so the app sets the policy here; tests and the default get Policy().
"""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from services.localtime import DEFAULT_TZ
from services.reminders.policy import Policy


@dataclass(frozen=True)
class ReminderConfig:
    policy: Policy = Policy()
    tz: ZoneInfo = DEFAULT_TZ
    digest_at: str = "07:30"


_current = ReminderConfig()


def policy_from_settings(settings) -> Policy:  # noqa: ANN001
    quiet_start, _, quiet_end = settings.quiet_hours.partition("-")
    return Policy(
        before_days=tuple(int(x) for x in settings.reminder_days_before.split(",") if x.strip()),
        at=settings.reminder_at, overdue_times=settings.reminder_overdue_times,
        urgent_hours_before=settings.reminder_urgent_hours_before,
        quiet_start=quiet_start.strip() or "21:00", quiet_end=quiet_end.strip() or "07:00",
        skip_sundays=settings.reminder_skip_sundays, skip_holidays=settings.reminder_skip_holidays,
        escalate_to_parent=settings.escalate_to_parent,
    )


def configure(settings) -> ReminderConfig:  # noqa: ANN001
    global _current
    _current = ReminderConfig(policy=policy_from_settings(settings), tz=settings.tz, digest_at=settings.digest_at)
    return _current


def current() -> ReminderConfig:
    return _current

"""The tests' local time: Asia/Ho_Chi_Minh, named once, passed explicitly like production does."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from ground.settings import Settings
from services import localtime
from services.reminders.config import ReminderConfig

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
#: The reminder policy and time zone of default settings.
CONFIG = ReminderConfig.from_settings(Settings(_env_file=None))  # type: ignore[call-arg]


def local_to_utc(naive_local: datetime) -> datetime:
    return localtime.local_to_utc(naive_local, TZ)


def to_local(moment: datetime) -> datetime:
    return localtime.to_local(moment, TZ)


def local_date(moment: datetime) -> date:
    return localtime.local_date(moment, TZ)

"""The one place where UTC (storage) meets local time (what users read and type).

Dates are shown the Vietnamese way: 20/8/2021, 17:00 20/8/2021. Every function takes the time
zone (Settings.tz): there is no default, so a forgotten one fails loudly.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo


def to_local(moment: datetime, tz: ZoneInfo) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: storage times are UTC and must be aware")
    return moment.astimezone(tz)


def local_to_utc(naive_local: datetime, tz: ZoneInfo) -> datetime:
    """A wall-clock time in ``tz`` (as parsed from a document) as an aware UTC datetime."""
    if naive_local.tzinfo is not None:
        return naive_local.astimezone(UTC)
    return naive_local.replace(tzinfo=tz).astimezone(UTC)


def local_date(moment: datetime, tz: ZoneInfo) -> date:
    return to_local(moment, tz).date()


def start_of_local_day(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=tz).astimezone(UTC)


def format_date(day: date) -> str:
    """20/8/2021 — day and month without leading zeros, as Vietnamese documents write them."""
    return f"{day.day}/{day.month}/{day.year}"


def format_local_date(moment: datetime, tz: ZoneInfo) -> str:
    return format_date(to_local(moment, tz).date())


def format_local_datetime(moment: datetime, tz: ZoneInfo) -> str:
    """17:00 20/8/2021."""
    local = to_local(moment, tz)
    return f"{local:%H:%M} {format_date(local.date())}"

"""The moments a recurring report is due ("daily@06:00,12:00,18:00", "weekly@fri", "monthly<25").

A schedule without an hour is due at 17:00 local (end of office hours); a "before" day
("trước ngày 25", "weekly<fri") is due at 23:59 of the day before. Quarterly and yearly
schedules have no fixed day in the documents we saw, so they create no occurrences (staff add
dated deadlines instead).
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from services.localtime import local_to_utc, to_local
from services.parsing.deadlines import Recurrence

DEFAULT_TIME = time(17, 0)
BEFORE_TIME = time(23, 59)


def _times(rule: Recurrence) -> list[time]:
    return [time(int(t[:2]), int(t[3:])) for t in rule.times] or [DEFAULT_TIME]


def _on_day(rule: Recurrence, day: date) -> list[time]:
    """Due times falling on this local day (empty when the schedule skips it)."""
    if rule.freq == "daily":
        return _times(rule) if not rule.before else _times(rule)
    if rule.freq == "weekly":
        if rule.weekday is None:
            return [DEFAULT_TIME] if day.weekday() == 4 else []  # "hằng tuần": Friday, end of week
        target = (rule.weekday - 1) % 7 if rule.before else rule.weekday
        if day.weekday() != target:
            return []
        return [BEFORE_TIME] if rule.before and not rule.times else _times(rule)
    if rule.freq == "monthly":
        last = calendar.monthrange(day.year, day.month)[1]
        named = min(rule.day_of_month or last, last)
        target = named - 1 if rule.before else named
        if day.day != max(target, 1):
            return []
        return [BEFORE_TIME] if rule.before and not rule.times else _times(rule)
    return []


def occurrences(rule_text: str, start: datetime, end: datetime, tz: ZoneInfo) -> list[datetime]:
    """Due moments (UTC) in [start, end)."""
    try:
        rule = Recurrence.from_rule(rule_text)
    except ValueError:
        return []
    found: list[datetime] = []
    day = to_local(start, tz).date()
    last = to_local(end, tz).date()
    while day <= last:
        for moment in _on_day(rule, day):
            utc = local_to_utc(datetime.combine(day, moment), tz)
            if start <= utc < end:
                found.append(utc)
        day += timedelta(days=1)
    return found

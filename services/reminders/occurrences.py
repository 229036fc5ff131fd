"""The moments a recurring report is due ("daily@06:00,12:00,18:00", "weekly@fri", "monthly<25",
"quarterly<3-20", "yearly@3-15").

A schedule without an hour is due at 17:00 local (end of office hours); a "before" day
("trước ngày 25", "weekly<fri") is due at 23:59 of the day before. A schedule that names no
day falls at the end of its period, as "hằng tuần" falls on Friday: the last day of the month,
of the quarter, of the year. A named day past the end of a short month is that month's last
day (31 -> 30/4, 29/2 -> 28/2).
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
    if rule.freq not in ("monthly", "quarterly", "yearly"):
        return []
    # a "before" schedule is due the day before the named day: look at tomorrow's date
    probe = day + timedelta(days=1) if rule.before else day
    if rule.freq == "monthly":
        month, named = probe.month, rule.day_of_month
    elif rule.freq == "quarterly":
        first = 3 * ((probe.month - 1) // 3) + 1
        # "hằng quý" with no day: the quarter's last day
        month, named = (first + 2, None) if rule.month is None else (first + rule.month - 1, rule.day_of_month)
    else:
        # "hằng năm" with no day: 31 December
        month, named = (12, None) if rule.month is None else (rule.month, rule.day_of_month)
    last = calendar.monthrange(probe.year, month)[1]
    if probe != date(probe.year, month, min(named or last, last)):
        return []
    return [BEFORE_TIME] if rule.before and not rule.times else _times(rule)


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


#: The nominal length of a schedule's period in days (a month is at least 28).
PERIOD_DAYS = {"daily": 1, "weekly": 7, "monthly": 28, "quarterly": 90, "yearly": 365}


def period_days(rule_text: str) -> int:
    """Whole days between two occurrences of a schedule; 0 when it falls several times a day."""
    try:
        rule = Recurrence.from_rule(rule_text)
    except ValueError:
        return 0
    if rule.freq == "daily" and len(rule.times) > 1:
        return 0
    return PERIOD_DAYS.get(rule.freq, 0)

"""Vietnamese public holidays on which non-urgent reminders are not sent (when configured).

The dates come from the `holidays` package (country "VN"): the days off of Bộ luật Lao động
2019, Điều 112 (1/1, Tết Nguyên đán, Giỗ Tổ Hùng Vương, 30/4, 1/5, Quốc khánh), with the lunar
dates computed for any year and the observed and substituted days off the government announces,
so the calendar does not stop where a hand-kept table would. Updating it is a version bump of
the package, pinned in pyproject.toml.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import holidays

COUNTRY = "VN"


@lru_cache(maxsize=64)
def holidays_of(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays(COUNTRY, years=year))


def is_holiday(day: date) -> bool:
    return day in holidays_of(day.year)

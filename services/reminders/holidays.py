"""Vietnamese public holidays on which non-urgent reminders are not sent (when configured).

Solar holidays follow Bộ luật Lao động 2019, Điều 112: 1/1, 30/4, 1/5, Quốc khánh 2/9 plus one
adjacent day (the government picks 1/9 or 3/9 each year; we take 1/9). Tết Nguyên đán and Giỗ Tổ
Hùng Vương (10/3 âm lịch) move with the lunar calendar; their solar dates below come from the
Vietnamese lunar calendar computed for UTC+7 (Hồ Ngọc Đức's "Âm lịch Việt Nam" algorithm,
https://www.informatik.uni-leipzig.de/~duc/amlich/), which is why Tết 2030 matches China's but
the table must not be copied from a Chinese calendar for other years. The exact Tết break is
announced yearly by the government; we take the eve plus the first four days (five days).
"""

from __future__ import annotations

from datetime import date, timedelta

#: Mùng 1 Tết (first day of the lunar year), solar date.
TET = {
    2021: date(2021, 2, 12), 2022: date(2022, 2, 1), 2023: date(2023, 1, 22), 2024: date(2024, 2, 10),
    2025: date(2025, 1, 29), 2026: date(2026, 2, 17), 2027: date(2027, 2, 6), 2028: date(2028, 1, 26),
    2029: date(2029, 2, 13), 2030: date(2030, 2, 3), 2031: date(2031, 1, 23), 2032: date(2032, 2, 11),
    2033: date(2033, 1, 31), 2034: date(2034, 2, 19), 2035: date(2035, 2, 8),
}

#: Giỗ Tổ Hùng Vương, 10/3 âm lịch, solar date.
HUNG_KINGS = {
    2021: date(2021, 4, 21), 2022: date(2022, 4, 10), 2023: date(2023, 4, 29), 2024: date(2024, 4, 18),
    2025: date(2025, 4, 7), 2026: date(2026, 4, 26), 2027: date(2027, 4, 16), 2028: date(2028, 4, 4),
    2029: date(2029, 4, 23), 2030: date(2030, 4, 12), 2031: date(2031, 4, 1), 2032: date(2032, 4, 19),
    2033: date(2033, 4, 9), 2034: date(2034, 3, 29), 2035: date(2035, 4, 17),
}

_SOLAR = ((1, 1), (4, 30), (5, 1), (9, 1), (9, 2))
TET_DAYS_BEFORE, TET_DAYS_FROM = 1, 4


def holidays_of(year: int) -> frozenset[date]:
    days = {date(year, m, d) for m, d in _SOLAR}
    if year in HUNG_KINGS:
        days.add(HUNG_KINGS[year])
    for tet_year in (year, year + 1):  # the eve of next year's Tết may fall in this year
        first = TET.get(tet_year)
        if first is not None:
            days.update(first + timedelta(days=n) for n in range(-TET_DAYS_BEFORE, TET_DAYS_FROM))
    return frozenset(d for d in days if d.year == year)


def is_holiday(day: date) -> bool:
    return day in holidays_of(day.year)

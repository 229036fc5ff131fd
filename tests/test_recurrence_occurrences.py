"""Reminder moments of monthly, quarterly and yearly reporting rules."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from services.reminders.occurrences import occurrences

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def local(rule: str, start: str, end: str) -> list[str]:
    s = datetime.fromisoformat(start).replace(tzinfo=TZ).astimezone(UTC)
    e = datetime.fromisoformat(end).replace(tzinfo=TZ).astimezone(UTC)
    return [m.astimezone(TZ).strftime("%d/%m/%Y %H:%M") for m in occurrences(rule, s, e, TZ)]


def test_before_the_20th_of_the_last_month_of_each_quarter():
    assert local("quarterly<3-20", "2024-01-01", "2025-01-01") == [
        "19/03/2024 23:59",
        "19/06/2024 23:59",
        "19/09/2024 23:59",
        "19/12/2024 23:59",
    ]


def test_on_the_6th_of_the_first_month_of_each_quarter_at_office_close():
    assert local("quarterly@1-6", "2024-01-01", "2024-07-01") == ["06/01/2024 17:00", "06/04/2024 17:00"]


def test_quarterly_with_no_day_falls_on_the_quarters_last_day():
    assert local("quarterly", "2024-01-01", "2024-12-01") == [
        "31/03/2024 17:00",
        "30/06/2024 17:00",
        "30/09/2024 17:00",
    ]


def test_by_15_march_every_year():
    assert local("yearly@3-15", "2024-01-01", "2026-12-31") == [
        "15/03/2024 17:00",
        "15/03/2025 17:00",
        "15/03/2026 17:00",
    ]


def test_before_10_january_is_due_on_9_january_at_23_59():
    assert local("yearly<1-10", "2024-01-01", "2025-12-31") == ["09/01/2024 23:59", "09/01/2025 23:59"]


def test_before_the_1st_of_a_month_is_due_on_the_last_day_of_the_month_before():
    assert local("yearly<3-1", "2023-01-01", "2024-12-31") == ["28/02/2023 23:59", "29/02/2024 23:59"]
    assert local("monthly<1", "2024-01-15", "2024-03-15") == ["31/01/2024 23:59", "29/02/2024 23:59"]


def test_29_february_in_a_common_year_is_28_february():
    assert local("yearly@2-29", "2023-01-01", "2025-01-01") == ["28/02/2023 17:00", "29/02/2024 17:00"]


def test_yearly_with_no_day_is_31_december_and_an_hour_is_kept():
    assert local("yearly", "2024-01-01", "2025-06-01") == ["31/12/2024 17:00"]
    assert local("yearly@11-25/09:00", "2024-01-01", "2025-01-01") == ["25/11/2024 09:00"]


def test_an_unknown_rule_has_no_moments():
    assert local("yearly@13-1", "2024-01-01", "2025-01-01") == []

"""The reminder policy as pure functions: offsets, quiet hours, closer deadlines, urgency, rest days."""

from __future__ import annotations

from datetime import date, datetime

from services.reminders.holidays import holidays_of, is_holiday
from services.reminders.policy import Policy, escalation_at, is_urgent, plan, recurring_reminder_at
from tests.support.local import TZ, local_to_utc, to_local

DUE_20_8 = local_to_utc(datetime(2021, 8, 20, 23, 59))
START = local_to_utc(datetime(2021, 8, 15, 8, 0))


def local(items):
    return [(key, to_local(when).strftime("%d/%m %H:%M")) for key, when in items]


def test_default_policy_three_days_one_day_on_the_day_then_three_overdue():
    assert local(plan(DUE_20_8, START, Policy(), tz=TZ)) == [
        ("b3", "17/08 08:00"),
        ("b1", "19/08 08:00"),
        ("d0", "20/08 08:00"),
        ("o1", "21/08 08:00"),
        ("o2", "22/08 08:00"),
        ("o3", "23/08 08:00"),
    ]


def test_a_closer_deadline_gets_the_reminders_that_still_fit():
    now = local_to_utc(datetime(2021, 8, 19, 9, 0))
    assert [k for k, _ in plan(DUE_20_8, now, Policy(), tz=TZ)] == ["d0", "o1", "o2", "o3"]


def test_urgent_directives_get_an_extra_reminder_hours_before():
    assert ("h3", "20/08 20:59") in local(plan(DUE_20_8, START, Policy(), urgent=True, tz=TZ))
    due_17h = local_to_utc(datetime(2021, 8, 20, 17, 0))
    assert ("h3", "20/08 14:00") in local(plan(due_17h, START, Policy(), urgent=True, tz=TZ))
    assert is_urgent("KHẨN") and is_urgent("Hỏa tốc") and is_urgent("THƯỢNG KHẨN") and not is_urgent(None)


def test_quiet_hours_move_reminders_to_the_morning_or_before_the_deadline():
    late = Policy(at="22:00")
    assert local(plan(DUE_20_8, START, late, tz=TZ))[:3] == [
        ("b3", "18/08 07:00"),
        ("b1", "20/08 07:00"),
        # on the day, 07:00 next morning would be after the deadline: the evening before quiet hours
        ("d0", "20/08 20:59"),
    ]
    assert all(not (to_local(w).hour >= 21 or to_local(w).hour < 7) for _k, w in plan(DUE_20_8, START, late, tz=TZ))


def test_sundays_are_skipped_for_non_urgent_reminders_only_when_configured():
    due = local_to_utc(datetime(2021, 8, 23, 23, 59))  # 22/8/2021 is a Sunday
    assert ("b1", "22/08 08:00") in local(plan(due, START, Policy(), tz=TZ))
    skipping = local(plan(due, START, Policy(skip_sundays=True), tz=TZ))
    # b1 moves onto the day itself, where d0 already is: one message, not two
    assert skipping == [
        ("b3", "20/08 08:00"),
        ("b1", "23/08 08:00"),
        ("o1", "24/08 08:00"),
        ("o2", "25/08 08:00"),
        ("o3", "26/08 08:00"),
    ]
    assert ("b1", "22/08 08:00") in local(plan(due, START, Policy(skip_sundays=True), urgent=True, tz=TZ))


def test_tet_2022_is_a_holiday_and_non_urgent_reminders_wait_until_after_it():
    assert date(2022, 2, 1) in holidays_of(2022) and is_holiday(date(2022, 1, 31)) and is_holiday(date(2022, 2, 4))
    assert not is_holiday(date(2022, 2, 5))
    assert {date(2021, 9, 2), date(2021, 4, 30), date(2021, 5, 1), date(2021, 1, 1)} <= holidays_of(2021)
    due = local_to_utc(datetime(2022, 1, 28, 23, 59))
    now = local_to_utc(datetime(2022, 1, 20, 8, 0))
    assert ("o3", "05/02 08:00") in local(plan(due, now, Policy(skip_holidays=True), tz=TZ))
    assert ("o3", "31/01 08:00") in local(plan(due, now, Policy(skip_holidays=True), urgent=True, tz=TZ))


def test_per_directive_overrides_and_escalation_time():
    custom = Policy().with_overrides({"before_days": [2], "overdue_times": 1, "unknown": 1})
    assert [k for k, _ in plan(DUE_20_8, START, custom, tz=TZ)] == ["b2", "o1"]
    assert to_local(escalation_at(DUE_20_8, Policy(), tz=TZ)).strftime("%d/%m %H:%M") == "24/08 08:00"


def test_recurring_reminder_an_hour_before_and_never_in_quiet_hours():
    six = local_to_utc(datetime(2021, 8, 16, 6, 0))
    noon = local_to_utc(datetime(2021, 8, 16, 12, 0))
    assert to_local(recurring_reminder_at(noon, Policy(), tz=TZ)).strftime("%d/%m %H:%M") == "16/08 11:00"
    assert to_local(recurring_reminder_at(six, Policy(), tz=TZ)).strftime("%d/%m %H:%M") == "15/08 20:59"


def test_tet_is_a_holiday_in_years_no_table_was_written_for():
    # Mùng 1 Tết 2040 is 12/2, Tết 2075 is 15/2 (Vietnamese lunar calendar, UTC+7).
    assert is_holiday(date(2040, 2, 12)) and is_holiday(date(2040, 2, 11)) and is_holiday(date(2075, 2, 15))
    assert not is_holiday(date(2040, 3, 12))
    assert {date(2040, 1, 1), date(2040, 4, 30), date(2040, 5, 1), date(2040, 9, 2)} <= holidays_of(2040)

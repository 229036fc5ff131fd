"""/mytasks and /doc of a cell on a directive with a monthly report: the current period is named
with its due ("Kỳ tháng 1/2027: trước 25/1/2027"), a period gone by unreported says how late it
is ("kỳ tháng 1/2027: trước 25/1/2027 — đã quá hạn 3 ngày"), never "kỳ này"."""

from __future__ import annotations

from datetime import datetime

import pytest

from ground.clock import ManualClock
from tests.support.local import local_to_utc
from tests.support.reminders import until
from tests.test_reminders_recurring_periods import publish_monthly


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(local_to_utc(datetime(2026, 12, 1, 9, 0)))


def due_line(chat, command: str) -> str:  # noqa: ANN001
    text = chat.send(command)[0].text
    return next(line.strip() for line in text.split("\n") if line.strip().startswith(("Hạn:", "Kỳ báo cáo")))


def test_mytasks_and_doc_name_the_period_and_a_missed_one_is_late(org, app, clock):
    publish_monthly(org, app)
    cb01, cb02 = org["CB01"], org["CB02"]
    # Before January: the first period, named by its month.
    assert due_line(cb02, "/mytasks") == "Hạn: Kỳ tháng 1/2027: trước 25/1/2027 — chưa báo đã nhận"
    assert due_line(cb02, "/doc 200") == "Kỳ báo cáo đang chờ: Kỳ tháng 1/2027: trước 25/1/2027"
    clock.set(local_to_utc(datetime(2027, 1, 22, 8, 0)))
    until(app, datetime(2027, 1, 22, 9, 0))
    cb01.send("bc 200 trực tiếp 45/50 tốt")
    cb01.press("Xác nhận")
    # January reported: CB01 sees the next period, planned ahead.
    assert due_line(cb01, "/mytasks") == "Hạn: Kỳ tháng 2/2027: trước 25/2/2027 — đã báo cáo"
    clock.set(local_to_utc(datetime(2027, 1, 27, 8, 0)))
    until(app, datetime(2027, 1, 27, 9, 0))
    # CB02 missed January: it is late by 3 days, and February is the current period.
    assert due_line(cb02, "/mytasks") == (
        "Hạn: Kỳ tháng 1/2027: trước 25/1/2027 — đã quá hạn 3 ngày; kỳ tháng 2/2027: trước 25/2/2027 — chưa báo đã nhận"
    )
    assert due_line(cb02, "/doc 200") == (
        "Kỳ báo cáo đang chờ: Kỳ tháng 1/2027: trước 25/1/2027 — đã quá hạn 3 ngày; kỳ tháng 2/2027: trước 25/2/2027"
    )

"""A monthly report rule walked over three months, as the chat reads it: each month's report is
the report for that month's period (version 1 of it, never "bản 2" of January), a correction
within the month is "bản 2" of that month, and a month reported after its due time is late
even when the months before were on time."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlmodel import select

from ground.clock import ManualClock
from storage.db import session_scope
from storage.tables import Assignment, Report, ReportRequest, Unit
from tests.support.local import local_to_utc, to_local
from tests.support.reminders import delivered, until
from tests.test_reminders_recurring_periods import publish_monthly


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(local_to_utc(datetime(2026, 12, 1, 9, 0)))


def report(chat, text: str) -> str:  # noqa: ANN001
    """The secretary types a one-line report and confirms it; what the bot answers."""
    chat.send(text)
    chat.press("Xác nhận")
    return chat.last_text


def stored(app, code: str) -> list[tuple[str, int, bool]]:  # noqa: ANN001
    """(period due as dd/mm/yyyy, version, on time) of every report of the cell, in order."""
    with session_scope(app.engine) as session:
        rows = session.exec(
            select(Report)
            .join(Assignment, Assignment.id == Report.assignment_id)
            .join(Unit, Unit.id == Assignment.unit_id)
            .where(Unit.code == code)
            .order_by(Report.id)
        ).all()
        found = []
        for r in rows:
            due = datetime.fromisoformat(r.answers_for.split("@")[1] + "+00:00")
            found.append((to_local(due).strftime("%d/%m/%Y"), r.version, r.on_time))
        return found


def period_status(app, code: str) -> list[tuple[str, str]]:  # noqa: ANN001
    with session_scope(app.engine) as session:
        rows = session.exec(
            select(ReportRequest)
            .join(Assignment, Assignment.id == ReportRequest.assignment_id)
            .join(Unit, Unit.id == Assignment.unit_id)
            .where(Unit.code == code)
            .order_by(ReportRequest.due_at)
        ).all()
        return [(to_local(r.due_at).strftime("%d/%m/%Y"), r.status) for r in rows]


@pytest.mark.timeout(480)  # weeks of a simulated clock, every hour a stop; slow on PostgreSQL
def test_each_month_is_its_own_report_and_a_late_month_is_late(org, app, clock):
    staff = publish_monthly(org, app)
    cb01, cb02 = org["CB01"], org["CB02"]
    clock.set(local_to_utc(datetime(2027, 1, 20, 7, 0)))
    until(app, datetime(2027, 1, 22, 9, 0))

    cb01.send("bc 200 trực tiếp 45/50 tốt")
    assert "Hạn: kỳ tháng 1/2027: trước 25/1/2027 (23:59 24/1/2027)." in cb01.last_text
    cb01.press("Xác nhận")
    assert cb01.last_text == (
        "Cảm ơn đồng chí! Đã gửi báo cáo 200-CV/ĐUK — Chi bộ Văn phòng: "
        "đúng hạn — hạn kỳ tháng 1/2027: trước 25/1/2027 (23:59 24/1/2027)."
    )
    # Corrected the next day, still January: "bản 2" of January.
    clock.set(local_to_utc(datetime(2027, 1, 23, 9, 0)))
    cb01.send("bc 200 trực tiếp 47/50 tốt")
    assert "đã gửi báo cáo lúc 09:00 22/1/2027 (bản 1: 45/50 (90%))" in cb01.last_text
    cb01.press("Xác nhận")
    assert "Đã gửi báo cáo sửa 200-CV/ĐUK — Chi bộ Văn phòng (bản 2): đúng hạn — hạn kỳ tháng 1/2027" in (
        cb01.last_text
    )

    # CB02 missed January and reports it on 27/1: January's report, late.
    clock.set(local_to_utc(datetime(2027, 1, 27, 9, 0)))
    until(app, datetime(2027, 1, 27, 10, 0))
    cb02.send("bc 200 trực tiếp 20/30 khá")
    assert "Hạn: kỳ tháng 1/2027: trước 25/1/2027" in cb02.last_text
    assert "đã gửi báo cáo lúc" not in cb02.last_text
    cb02.press("Xác nhận")
    assert "trễ hạn — hạn kỳ tháng 1/2027: trước 25/1/2027" in cb02.last_text

    # February on time: version 1 of February, no word of an earlier version. (The clock
    # jumps over the weeks nothing is typed; the jobs catch up at the next stop.)
    clock.set(local_to_utc(datetime(2027, 2, 20, 8, 0)))
    until(app, datetime(2027, 2, 20, 9, 0))
    cb01.send("bc 200 trực tiếp 48/50 tốt")
    assert "Hạn: kỳ tháng 2/2027: trước 25/2/2027" in cb01.last_text
    assert "bản sửa" not in cb01.last_text
    cb01.press("Xác nhận")
    assert cb01.last_text.endswith("đúng hạn — hạn kỳ tháng 2/2027: trước 25/2/2027 (23:59 24/2/2027).")

    # March after its due time: late, though January and February were on time.
    until(app, datetime(2027, 2, 26, 9, 0))  # March's period is planned once February's is due
    clock.set(local_to_utc(datetime(2027, 3, 26, 8, 0)))
    until(app, datetime(2027, 3, 26, 9, 0))
    assert report(cb01, "bc 200 trực tiếp 49/50 tốt").endswith(
        "trễ hạn — hạn kỳ tháng 3/2027: trước 25/3/2027 (23:59 24/3/2027)."
    )
    until(app, datetime(2027, 3, 26, 9, 5))
    heard = [text for _when, who, text in delivered(app, "report") if who == "staff"]
    assert heard[-1].startswith("Chi bộ Văn phòng đã báo cáo 200-CV/ĐUK — trễ hạn — hạn kỳ tháng 3/2027"), heard[-1]

    assert stored(app, "CB01") == [
        ("24/01/2027", 1, True),
        ("24/01/2027", 2, True),
        ("24/02/2027", 1, True),
        ("24/03/2027", 1, False),
    ]
    assert stored(app, "CB02") == [("24/01/2027", 1, False)]
    # Each report closed its own period, and no other.
    assert period_status(app, "CB01")[:3] == [
        ("24/01/2027", "reported"),
        ("24/02/2027", "reported"),
        ("24/03/2027", "reported"),
    ]
    assert period_status(app, "CB02")[:3] == [
        ("24/01/2027", "reported"),
        ("24/02/2027", "open"),
        ("24/03/2027", "open"),
    ]
    assert staff  # staff published it

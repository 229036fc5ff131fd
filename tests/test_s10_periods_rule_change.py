"""Staff change a directive's monthly rule with /deadline ("trước ngày 25 hằng tháng" becomes
"trước ngày 10 hằng tháng"): from then on only the new rule's periods are reminded and
escalated; the period a cell already reported stays reported."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlmodel import select

from ground.clock import ManualClock
from storage.db import session_scope
from storage.tables import Assignment, ReportRequest, Unit
from tests.support.local import local_to_utc, to_local
from tests.support.reminders import delivered, until
from tests.test_reminders_recurring_periods import publish_monthly


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(local_to_utc(datetime(2026, 12, 1, 9, 0)))


def periods_of(app, code: str) -> list[tuple[str, str]]:  # noqa: ANN001
    with session_scope(app.engine) as session:
        rows = session.exec(
            select(ReportRequest)
            .join(Assignment, Assignment.id == ReportRequest.assignment_id)
            .join(Unit, Unit.id == Assignment.unit_id)
            .where(Unit.code == code)
            .order_by(ReportRequest.due_at)
        ).all()
        return [(to_local(r.due_at).strftime("%H:%M %d/%m/%Y"), r.status) for r in rows]


@pytest.mark.timeout(480)  # weeks of a simulated clock, every hour a stop; slow on PostgreSQL
def test_after_a_rule_change_only_the_new_rules_periods_are_reminded(org, app, clock):
    staff = publish_monthly(org, app)
    clock.set(local_to_utc(datetime(2027, 1, 20, 7, 0)))
    until(app, datetime(2027, 1, 22, 9, 0))
    org["CB01"].send("bc 200 trực tiếp 45/50 tốt")
    org["CB01"].press("Xác nhận")

    staff.send("/deadline 200")
    staff.press("Báo cáo định kỳ: hằng tháng trước ngày 25")
    staff.send("trước ngày 10 hằng tháng")
    assert "Báo cáo định kỳ: hằng tháng trước ngày 25 → hằng tháng trước ngày 10" in staff.last_text
    staff.press("Xác nhận")
    assert staff.last_text.startswith("Đã đổi thời hạn: Báo cáo định kỳ: hằng tháng trước ngày 10.")
    # CB01's January stays reported; the old rule's January period of the others is gone, and
    # the new rule's next period (before 10/2) is there for every cell.
    assert periods_of(app, "CB01") == [("23:59 24/01/2027", "reported"), ("23:59 09/02/2027", "open")]
    assert periods_of(app, "CB02") == [("23:59 24/01/2027", "cancelled"), ("23:59 09/02/2027", "open")]

    until(app, datetime(2027, 1, 28, 9, 0))  # where the old rule's overdue chase would have been
    clock.set(local_to_utc(datetime(2027, 2, 5, 8, 0)))  # nothing is due in between
    until(app, datetime(2027, 2, 13, 9, 0))
    heard = [(when, text.split("\n")[1]) for when, who, text in delivered(app, "reminder") if who == "CB02"]
    old = "Báo cáo định kỳ: hằng tháng trước ngày 25 (hạn kỳ này: trước 25/1/2027)"
    new = "Báo cáo định kỳ: hằng tháng trước ngày 10 (hạn kỳ này: trước 10/2/2027)"
    assert heard == [
        ("21/01 08:00", f"{old} — còn 3 ngày."),  # before the change
        ("06/02 08:00", f"{new} — còn 3 ngày."),
        ("08/02 08:00", f"{new} — còn 1 ngày."),
        ("09/02 08:00", f"{new} — hôm nay là hạn cuối."),
        ("10/02 08:00", f"{new} — đã quá hạn 1 ngày."),
        ("11/02 08:00", f"{new} — đã quá hạn 2 ngày."),
        ("12/02 08:00", f"{new} — đã quá hạn 3 ngày."),
    ]
    escalations = [(when, text.split("\n")[0]) for when, who, text in delivered(app, "escalation") if who == "staff"]
    assert escalations == [("13/02 08:00", f"⚠️ Quá hạn: 200-CV/ĐUK — {new}")]
    # /status counts the new rule's periods only; the cancelled January period is no one's debt.
    status = staff.send("/status 200")[0].text
    assert "kỳ trước (hạn trước 10/2/2027): đã báo cáo 0/8, quá hạn 8" in status
    assert "25/1/2027" not in status

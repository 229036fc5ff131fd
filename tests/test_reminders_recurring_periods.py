"""A recurring report rule as a new user writes it: "Từ tháng 01/2027, các chi bộ gửi báo cáo
trước ngày 25 hằng tháng". Its periods start in January 2027 (none for December 2026), each
period gets the reminders a one-off deadline gets, and staff see the periods in /reminders and
/status."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlmodel import select

from ground.clock import ManualClock
from services.reminders.policy import Policy, for_period
from storage.db import session_scope
from storage.tables import ReportRequest
from tests.support.chat import deliver
from tests.support.local import local_to_utc, to_local
from tests.support.reminders import delivered, until
from tests.test_directives_flow import paste_141

MONTHLY = """ĐẢNG ỦY KHỐI CƠ QUAN TỈNH
Số 200-CV/ĐUK
V/v chế độ báo cáo của các chi bộ
Kính gửi: Các chi bộ trực thuộc
Từ tháng 01/2027, các chi bộ gửi báo cáo trước ngày 25 hằng tháng.
T/M BAN THƯỜNG VỤ
"""


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(local_to_utc(datetime(2026, 12, 1, 9, 0)))


def publish_monthly(org, app):  # noqa: ANN001, ANN201
    staff = paste_141(org, MONTHLY)
    assert "• Bắt đầu: từ tháng 1/2027\n• Báo cáo định kỳ: hằng tháng trước ngày 25" in staff.last_text
    staff.press("Xác nhận")
    staff.press("Tất cả chi bộ")
    staff.press("Gửi")
    assert "Đã gửi" in staff.last_text, staff.last_text
    deliver(app)
    return staff


def period_dues(app) -> list[str]:  # noqa: ANN001
    with session_scope(app.engine) as session:
        dues = {r.due_at for r in session.exec(select(ReportRequest)).all()}
    return [to_local(d).strftime("%H:%M %d/%m/%Y") for d in sorted(dues)]


def test_a_monthly_rule_from_january_plans_its_first_period_in_january_with_every_reminder(org, app):
    staff = publish_monthly(org, app)
    # Right after publishing: the January period exists, nothing for December 2026.
    assert period_dues(app) == ["23:59 24/01/2027"]
    plan = staff.send("/reminders 200")[0].text.split("\n")
    assert plan[0] == (
        "Lịch nhắc của 200-CV/ĐUK: 36 tin nhắn sẽ gửi tới 6 đơn vị (các lời nhắc cùng giờ cho một người được gộp"
        " thành một tin):"
    )
    slots = [line for line in plan[1:] if not line.startswith(" ")]
    rule = "Báo cáo định kỳ: hằng tháng trước ngày 25 (hạn kỳ này: trước 25/1/2027)"
    assert slots == [
        f"08:00 21/1/2027 — {rule}, trước 3 ngày:",
        f"08:00 23/1/2027 — {rule}, trước 1 ngày:",
        f"08:00 24/1/2027 — {rule}, ngày đến hạn:",
        f"08:00 25/1/2027 — {rule}, quá hạn lần 1:",
        f"08:00 26/1/2027 — {rule}, quá hạn lần 2:",
        f"08:00 27/1/2027 — {rule}, quá hạn lần 3:",
    ]
    assert plan[2] == "  CB01, CB02, CB03, CB04, CB05, DB1-CB1"
    until(app, datetime(2026, 12, 3, 9, 0))
    assert period_dues(app) == ["23:59 24/01/2027"]
    assert delivered(app, "reminder") == []


def test_each_period_is_reminded_before_on_the_day_and_overdue_and_shown_in_status(org, app, clock):
    staff = publish_monthly(org, app)
    status = staff.send("/status 200")[0].text
    assert (
        "Theo thời hạn:\n"
        "• Báo cáo định kỳ hằng tháng trước ngày 25, kỳ này (hạn trước 25/1/2027): đã báo cáo 0/8\n"
        "  Chưa báo cáo: CB01, CB02, CB03, CB04, CB05, DB1-CB1, DB1-CB2, DTN\n"
    ) in status
    # Nothing falls due over the holidays; the bot is next looked at in January.
    clock.set(local_to_utc(datetime(2027, 1, 20, 7, 0)))
    until(app, datetime(2027, 1, 22, 9, 0))
    org["CB01"].send("bc 200 trực tiếp 45/50 tốt")
    org["CB01"].press("Xác nhận")
    until(app, datetime(2027, 1, 28, 9, 0))
    heard = [(when, text.split("\n")[1]) for when, who, text in delivered(app, "reminder") if who == "CB02"]
    rule = "Báo cáo định kỳ: hằng tháng trước ngày 25 (hạn kỳ này: trước 25/1/2027)"
    assert heard == [
        ("21/01 08:00", f"{rule} — còn 3 ngày."),
        ("23/01 08:00", f"{rule} — còn 1 ngày."),
        ("24/01 08:00", f"{rule} — hôm nay là hạn cuối."),
        ("25/01 08:00", f"{rule} — đã quá hạn 1 ngày."),
        ("26/01 08:00", f"{rule} — đã quá hạn 2 ngày."),
        ("27/01 08:00", f"{rule} — đã quá hạn 3 ngày."),
    ]
    # The day after the third overdue reminder, staff hear which cells missed the period.
    escalations = [(when, text) for when, who, text in delivered(app, "escalation") if who == "staff"]
    assert escalations == [
        (
            "28/01 08:00",
            f"⚠️ Quá hạn: 200-CV/ĐUK — {rule}\n"
            "Các đơn vị chưa thực hiện sau 3 lần nhắc:\n"
            "• CB02 — Chi bộ Ban Tuyên giáo\n• CB03 — Chi bộ Ban Tổ chức\n• CB04 — Chi bộ Ủy ban Kiểm tra\n"
            "• CB05 — Chi bộ Ban Dân vận\n• DB1-CB1 — Chi bộ Phòng Nghiệp vụ\n"
            "Các đơn vị chưa có bí thư hoặc người phụ trách đăng ký nhận tin trên chibot (chưa nhận được lời nhắc "
            "nào), đồng chí liên hệ trực tiếp:\n"
            "• DB1-CB2 — Chi bộ Phòng Tài chính\n• DTN — Đoàn Thanh niên Khối",
        )
    ]
    # CB01 reported on 22/1: its period's later reminders were dropped.
    assert [when for when, who, _t in delivered(app, "reminder") if who == "CB01"] == ["21/01 08:00"]
    status = staff.send("/status 200")[0].text
    assert (
        "• Báo cáo định kỳ hằng tháng trước ngày 25, kỳ trước (hạn trước 25/1/2027): đã báo cáo 1/8, quá hạn 7\n"
        "  Chưa báo cáo: CB02, CB03, CB04, CB05, DB1-CB1, DB1-CB2, DTN\n"
        "• Báo cáo định kỳ hằng tháng trước ngày 25, kỳ này (hạn trước 25/2/2027): đã báo cáo 0/8\n"
    ) in status


def test_short_periods_keep_only_the_reminders_that_fit_inside_them():
    policy = Policy()  # 3 and 1 days before, on the day, 3 times overdue
    daily, weekly, monthly = for_period(policy, 1), for_period(policy, 7), for_period(policy, 28)
    assert (daily.before_days, daily.overdue_times) == ((0,), 0)
    assert (weekly.before_days, weekly.overdue_times) == ((3, 1, 0), 3)
    assert (monthly.before_days, monthly.overdue_times) == ((3, 1, 0), 3)
    assert for_period(policy, 0).before_days == ()

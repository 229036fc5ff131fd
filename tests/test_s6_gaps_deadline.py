"""Session 6 gap: /deadline with a date already gone by. Staff are told the new deadline is
past and what confirming means (the cells not done are overdue at once), and confirm or type
the right one; nothing changes until they confirm. The clock of these chats is 15/8/2021."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import select

from storage.tables import Deadline
from tests.support.reminders import delivered, until
from tests.test_directives_flow import publish_141


def report_deadline(session) -> Deadline:  # noqa: ANN001
    session.expire_all()
    return next(d for d in session.exec(select(Deadline)).all() if d.kind == "report")


def test_a_past_date_is_named_past_and_nothing_changes_before_the_answer(org, app, session):
    staff = publish_141(org, app)
    staff.send("/deadline 141")
    staff.press("Báo cáo")
    staff.send("trước ngày 10/8/2021")
    assert "Báo cáo: trước 23/8/2021 → trước 10/8/2021" in staff.last_text
    assert "⚠️ Thời hạn mới đã qua (hôm nay là 15/8/2021)" in staff.last_text
    assert "các đơn vị chưa xong bị tính là quá hạn ngay" in staff.last_text
    assert staff.buttons == ["Xác nhận", "Hủy"]
    assert report_deadline(session).shown == "trước 23/8/2021"
    # A typo corrected: the right date typed at the question, no warning any more.
    staff.send("trước ngày 30/8/2021")
    assert "Báo cáo: trước 23/8/2021 → trước 30/8/2021" in staff.last_text
    assert "đã qua" not in staff.last_text
    staff.press("Xác nhận")
    assert report_deadline(session).shown == "trước 30/8/2021"


def test_a_future_date_has_no_warning(org, app, session):
    staff = publish_141(org, app)
    staff.send("/deadline 141")
    staff.press("Báo cáo")
    staff.send("trước ngày 25/8/2021")
    assert "đã qua" not in staff.last_text and "⚠️" not in staff.last_text


def test_a_past_date_confirmed_is_stored_and_the_cells_are_overdue_in_the_digest(org, app, session):
    staff = publish_141(org, app)
    staff.send("/deadline 141")
    staff.press("Báo cáo")
    staff.send("trước ngày 10/8/2021")
    staff.press("Xác nhận")
    assert staff.last_text.startswith("Đã đổi thời hạn: Báo cáo: trước 10/8/2021.")
    deadline = report_deadline(session)
    assert deadline.shown == "trước 10/8/2021"
    until(app, datetime(2021, 8, 16, 9, 0))
    [digest] = [text for when, who, text in delivered(app, "digest") if who == "staff" and when == "16/08 07:30"]
    assert "141-CV/ĐUK: đã báo cáo 0/8" in digest and "Quá hạn: CB01, CB02" in digest


def test_in_english_the_past_date_is_named_past(org, app, session):
    staff = publish_141(org, app)
    staff.send("/lang en")
    staff.send("/deadline 141")
    staff.press("Report")
    staff.send("trước ngày 10/8/2021")
    assert "⚠️ The new deadline is already past (today is 15/8/2021)" in staff.last_text
    staff.send("no")
    assert staff.last_text == "The deadline stays as it was; no unit was told."
    assert report_deadline(session).shown == "trước 23/8/2021"

"""Session 5's new-user walk, /remind: the confirm says when the cells were last reminded
(automatically and by hand), and a second /remind to the same cells within 10 minutes is
refused with that time, on the server, whichever question's button is pressed."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import select

from storage.db import session_scope
from storage.tables import OutboxMessage
from tests.support.chat import deliver
from tests.support.reminders import until
from tests.test_reminders_timeline import publish_to_five, quick_report


def _by_hand(app) -> int:  # noqa: ANN001
    with session_scope(app.engine) as session:
        return len(session.exec(select(OutboxMessage).where(OutboxMessage.kind == "reminder_now")).all())


def test_remind_says_when_the_cells_were_last_reminded_and_refuses_a_repeat_within_ten_minutes(org, app, clock):
    publish_to_five(org, app)
    quick_report(org["CB01"])
    until(app, datetime(2021, 8, 19, 9, 5))  # the 08:00 reminder of 19/8 went to the four others
    staff = org["staff"]
    staff.send("/remind 141")
    assert staff.last_text == (
        "Gửi nhắc ngay cho 4 đơn vị chưa thực hiện 141-CV/ĐUK?\n"
        "Lần nhắc gần nhất cho các đơn vị này: tự động lúc 08:00 19/8/2021."
    )
    staff.press("Gửi nhắc")
    assert staff.last_text == "Đã gửi nhắc cho 4 đơn vị chưa thực hiện 141-CV/ĐUK."
    deliver(app)
    assert _by_hand(app) == 4

    clock.advance(timedelta(minutes=1))  # 09:06: pressed again
    [refused] = staff.send("/remind 141")
    assert refused.text == (
        "Các đơn vị chưa thực hiện 141-CV/ĐUK vừa được nhắc bằng tay lúc 09:05 19/8/2021; chibot không "
        "nhắc lại trong vòng 10 phút để các đồng chí không nhận tin trùng. Nếu cần nói thêm, dùng /broadcast."
    )
    assert refused.flat_choices() == [] and _by_hand(app) == 4

    clock.advance(timedelta(minutes=10))  # 09:16: past the window, asked with both times
    staff.send("/remind 141")
    assert staff.last_text == (
        "Gửi nhắc ngay cho 4 đơn vị chưa thực hiện 141-CV/ĐUK?\n"
        "Lần nhắc gần nhất cho các đơn vị này: tự động lúc 08:00 19/8/2021, bằng tay lúc 09:05 19/8/2021."
    )
    staff.press("Gửi nhắc")
    assert staff.last_text == "Đã gửi nhắc cho 4 đơn vị chưa thực hiện 141-CV/ĐUK." and _by_hand(app) == 8


def test_two_remind_questions_pressed_one_after_the_other_remind_once(org, app, clock):
    publish_to_five(org, app)
    until(app, datetime(2021, 8, 19, 9, 5))
    staff, other = org["staff"], org["admin"]
    staff.send("/remind 141")
    other.send("/remind 141")  # a colleague asks too, before anyone pressed
    staff.press("Gửi nhắc")
    deliver(app)  # sent: no longer waiting, so only the time stops a second one
    clock.advance(timedelta(minutes=2))
    [reply] = other.press("Gửi nhắc")
    assert reply.text.startswith("Các đơn vị chưa thực hiện 141-CV/ĐUK vừa được nhắc bằng tay lúc 09:05 19/8/2021;")
    assert _by_hand(app) == 5


def test_remind_on_a_closed_directive_is_refused_and_queues_nothing(org, app):
    publish_to_five(org, app)
    until(app, datetime(2021, 8, 19, 9, 5))
    staff = org["staff"]
    staff.send("/remind 141")  # asked while open, pressed after the close
    other = org["admin"]
    other.send("/close 141")
    other.press("Kết thúc")
    closed = (
        "Văn bản 141-CV/ĐUK đã kết thúc nên chibot không nhắc các đơn vị (họ không gửi báo cáo được nữa). "
        "Mở lại bằng /reopen 141-CV/ĐUK trước khi nhắc."
    )
    assert staff.press("Gửi nhắc")[0].text == closed
    [reply] = staff.send("/remind 141")
    assert reply.text == closed and reply.flat_choices() == []
    assert _by_hand(app) == 0

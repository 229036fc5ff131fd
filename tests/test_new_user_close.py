"""What a new user hit: /close asks first, /reopen undoes it, and a cell reporting on a closed
directive is told it is closed (not that no such directive exists)."""

from __future__ import annotations

from datetime import datetime

from tests.support.reminders import delivered, rows, until
from tests.test_directives_flow import directive_message, use_buttons_of
from tests.test_reminders_timeline import publish_to_five


def test_close_asks_first_and_thoi_keeps_the_directive_open(org, app):
    publish_to_five(org, app)
    staff = org["staff"]
    [ask] = staff.send("/close 141")
    assert ask.text == (
        "Kết thúc văn bản 141-CV/ĐUK? Sau đó chibot dừng nhắc và các chi bộ "
        "không gửi báo cáo được nữa. Có thể mở lại bằng /reopen 141-CV/ĐUK."
    )
    assert staff.buttons == ["Kết thúc", "Thôi"]
    assert staff.press("Thôi")[0].text == "Đã thôi, văn bản vẫn mở."
    assert rows(app, kind="reminder", status="pending")  # nothing was cancelled


def test_a_report_on_a_closed_directive_says_it_is_closed_and_reopen_brings_reminders_and_reports_back(
    org, app, outbox
):
    publish_to_five(org, app)
    staff, cb02 = org["staff"], org["CB02"]
    message = directive_message(outbox, "u-cb02")
    until(app, datetime(2021, 8, 17, 9, 0))
    staff.send("/close 141")
    staff.press("Kết thúc")
    assert rows(app, kind="reminder", status="pending") == []

    cb02.send("bc 141 trực tiếp+zalo 45/50 tốt")
    closed = (
        "Văn bản 141-CV/ĐUK đã kết thúc ngày 17/8/2021, nên không nhận báo cáo nữa. Nếu cần báo cáo thêm, "
        "đồng chí liên hệ cán bộ đơn vị đã giao văn bản (họ có thể mở lại)."
    )
    assert cb02.last_text == closed
    use_buttons_of(cb02, message).press("Báo cáo")
    assert cb02.last_text == closed

    staff.send("/reopen 141")
    planned = len(rows(app, kind="reminder", status="pending"))
    assert planned > 0
    assert staff.last_text == (
        f"Đã mở lại văn bản 141-CV/ĐUK: lên lịch {planned} tin nhắc từ nay; các chi bộ lại gửi báo cáo được."
    )
    sent_before = len(delivered(app, "reminder"))
    until(app, datetime(2021, 8, 19, 9, 0))
    assert len(delivered(app, "reminder")) > sent_before  # the 19/8 reminders went out again
    cb02.send("bc 141 trực tiếp+zalo 45/50 tốt")
    cb02.press("Xác nhận")
    assert cb02.last_text.startswith("Cảm ơn đồng chí! Đã gửi báo cáo 141-CV/ĐUK — Chi bộ Ban Tuyên giáo")
    assert staff.send("/reopen 141")[0].text == "Văn bản 141-CV/ĐUK chưa kết thúc, không cần mở lại."


def test_close_cancels_what_staff_queued_by_hand_and_counts_it(org, app, outbox):
    publish_to_five(org, app)
    until(app, datetime(2021, 8, 17, 9, 0))
    staff = org["staff"]
    staff.send("/remind 141")
    staff.press("Gửi nhắc")
    staff.send("/broadcast")
    staff.send("Các đồng chí khẩn trương báo cáo 141.")
    staff.press("Chưa báo cáo văn bản…")
    staff.send("141")
    staff.press("Gửi")
    # planned reminders due for one chat at one moment go as one message, and count once
    planned = len({(m.account_id, m.due_at) for m in rows(app, kind="reminder", status="pending")})
    by_hand = len(rows(app, kind="reminder_now", status="pending")) + len(rows(app, kind="broadcast", status="pending"))
    assert by_hand == 10  # five cells, one reminder and one broadcast each
    staff.send("/close 141")
    staff.press("Kết thúc")
    assert f"hủy {planned + by_hand} tin nhắc chưa gửi" in staff.last_text
    assert [m.kind for m in rows(app, status="pending") if m.kind in ("reminder_now", "broadcast")] == []
    until(app, datetime(2021, 8, 17, 10, 0))
    assert delivered(app, "reminder_now", "broadcast") == []  # the cells hear nothing more about it


def test_status_and_directives_say_a_directive_is_closed_and_when(org, app):
    publish_to_five(org, app)
    until(app, datetime(2021, 8, 17, 9, 0))
    staff = org["staff"]
    assert "đã kết thúc" not in staff.send("/status 141")[0].text
    staff.send("/close 141")
    staff.press("Kết thúc")
    assert staff.send("/status 141")[0].text.splitlines()[0] == (
        "Tình hình thực hiện Công văn 141-CV/ĐUK (đã kết thúc lúc 09:00 17/8/2021)"
    )
    assert "141-CV/ĐUK (đã kết thúc lúc 09:00 17/8/2021) —" in staff.send("/directives")[0].text
    assert "141-CV/ĐUK (đã kết thúc lúc 09:00 17/8/2021) —" in org["CB02"].send("/directives")[0].text

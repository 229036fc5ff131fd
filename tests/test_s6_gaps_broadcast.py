"""Session 6 gap: a broadcast about a closed directive. The preview says it is closed and what
sending means then (a message only: the cells still cannot report until it is reopened)."""

from __future__ import annotations

from storage.db import session_scope
from storage.tables import Assignment
from tests.support.chat import RecordingSender, deliver
from tests.support.report_factories import make_assignment


def three_cells_of_141(app) -> None:  # noqa: ANN001
    first = make_assignment(app, cell="CB01")
    with session_scope(app.engine) as session:
        directive_id = session.get(Assignment, first).directive_id
    make_assignment(app, cell="CB02", directive_id=directive_id)
    make_assignment(app, cell="CB03", directive_id=directive_id)


def close_141(staff) -> None:  # noqa: ANN001
    staff.send("/close 141")
    staff.press("Kết thúc")
    assert staff.last_text.startswith("Đã kết thúc văn bản")


def test_the_preview_of_a_broadcast_about_a_closed_directive_says_it_is_closed(app, org):
    sender = RecordingSender()
    app.add_sender(sender)
    three_cells_of_141(app)
    staff = org["staff"]
    close_141(staff)
    staff.send("/broadcast")
    staff.send("Đề nghị các chi bộ gửi báo cáo 141")
    staff.press("Chưa báo cáo")
    staff.send("141")
    preview = staff.last_text
    assert "Đối tượng: đơn vị chưa báo cáo 141-CV/ĐUK\nSẽ gửi tới 3 tài khoản của 3 đơn vị." in preview
    assert "⚠️ CV 141-CV/ĐUK đã kết thúc lúc 08:00 15/8/2021" in preview
    assert "họ vẫn không gửi báo cáo được" in preview and "/reopen 141-CV/ĐUK" in preview
    assert staff.buttons == ["Gửi", "Thôi"]
    # Sending is still allowed: the message goes, and the cell still has nothing to report on.
    staff.press("Gửi")
    deliver(app)
    assert sender.texts_to("u-cb02")[-1].endswith("Đề nghị các chi bộ gửi báo cáo 141")
    org["CB02"].send("/report")
    assert org["CB02"].last_text == "Hiện chi bộ của đồng chí không có văn bản nào cần báo cáo."


def test_an_open_directive_has_no_closed_note(app, org):
    three_cells_of_141(app)
    staff = org["staff"]
    staff.send("/broadcast")
    staff.send("Đề nghị các chi bộ gửi báo cáo 141")
    staff.press("Chưa báo cáo")
    staff.send("141")
    assert "Sẽ gửi tới 3 tài khoản của 3 đơn vị." in staff.last_text
    assert "đã kết thúc" not in staff.last_text


def test_in_english_the_preview_says_it_is_closed(app, org):
    three_cells_of_141(app)
    staff = org["staff"]
    close_141(staff)
    staff.send("/lang en")
    staff.send("/broadcast")
    staff.send("Please send your reports")
    staff.press("Not yet reported on a directive…")
    staff.send("141")
    assert "⚠️ CV 141-CV/ĐUK was closed at 08:00 15/8/2021: this message only reaches the units" in staff.last_text

"""/recipients and /deadline on a closed directive say it is closed (walk 6, finding 23): the
picker opened as for an open one, and a change would have told cells that no longer report."""

from __future__ import annotations

from tests.test_directives_flow import publish_141


def test_a_closed_directive_is_reopened_before_its_recipients_or_deadlines_change(org, app):
    staff = publish_141(org, app)
    staff.send("/close 141")
    staff.press("Kết thúc")
    for command in ("/recipients 141", "/deadline 141"):
        staff.send(command)
        assert staff.last_text == (
            "Văn bản Công văn 141-CV/ĐUK đã kết thúc nên không đổi thời hạn, đơn vị nhận được. "
            "Mở lại bằng /reopen 141-CV/ĐUK trước khi đổi."
        )
    staff.send("/reopen 141")
    staff.send("/recipients 141")
    assert "☑ CB01 — Chi bộ Văn phòng" in staff.buttons

"""Session 7 gap: a command typed in the middle of a report drops it and says which directive
the unfinished report was for, and how to start it again (the same words when /cancel ends it)."""

from __future__ import annotations

from tests.support.report_factories import make_assignment


def test_a_dropped_report_names_its_directive(org, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    assert "Báo cáo 141-CV/ĐUK" in cb01.last_text
    cb01.send("/cancel")
    assert cb01.last_text.startswith("Đã hủy gửi báo cáo 141-CV/ĐUK (gõ /report để làm lại).")

"""A secretary looking at a closed directive with /doc gets no «Báo cáo» button (walk 6,
finding 22): it was offered, and pressing it only said the directive was closed."""

from __future__ import annotations

from tests.test_directives_flow import publish_141


def test_doc_of_a_closed_directive_says_so_and_offers_no_report(org, app):
    staff = publish_141(org, app)
    cb01 = org["CB01"]
    cb01.send("/doc 141")
    assert "Báo cáo" in cb01.buttons and cb01.last_text.endswith("Tình trạng: chưa báo đã nhận")
    staff.send("/close 141")
    staff.press("Kết thúc")
    assert staff.last_text.startswith("Đã kết thúc văn bản 141-CV/ĐUK")
    cb01.send("/doc 141")
    assert cb01.last_text.endswith("Tình trạng: chưa báo đã nhận; văn bản đã kết thúc, không nhận báo cáo nữa.")
    assert "Báo cáo" not in cb01.buttons
    assert cb01.buttons == ["Đã nhận", "Xem toàn văn"]
    staff.send("/reopen 141")
    cb01.send("/doc 141")
    assert "Báo cáo" in cb01.buttons

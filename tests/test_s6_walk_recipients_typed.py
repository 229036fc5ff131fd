"""Typing the code of a unit already ticked in the recipients list says so (walk 6, finding 14).

The list says "Bấm để chọn/bỏ chọn, hoặc gõ mã đơn vị"; a staff member who typed «CB03» to take
it off got the same list again, still ticked, without a word."""

from __future__ import annotations

from tests.test_directives_flow import publish_141


def test_typing_a_ticked_code_tells_how_to_untick_and_pressing_it_does(org, app):
    staff = publish_141(org, app)
    staff.send("/recipients 141")
    assert "☑ CB03 — Chi bộ Ban Tổ chức" in staff.buttons
    staff.send("CB03")
    assert staff.replies[0].text == (
        "CB03 đã được chọn từ trước, nên gõ mã không đổi gì. Muốn bỏ chọn, đồng chí bấm vào đơn vị đó trong danh sách."
    )
    assert "☑ CB03 — Chi bộ Ban Tổ chức" in staff.buttons and "Xong (8)" in staff.buttons
    staff.press("CB03")
    assert "☐ CB03 — Chi bộ Ban Tổ chức" in staff.buttons and "Xong (7)" in staff.buttons


def test_typing_new_codes_among_ticked_ones_adds_them_and_names_only_the_ticked(org, app):
    staff = org["staff"]
    staff.send("/new")
    from tests.test_directives_flow import DOC_141

    staff.send(DOC_141)
    staff.press("Xác nhận")
    staff.press("Chọn từng đơn vị")
    staff.send("CB01")
    assert "đã được chọn" not in staff.last_text
    staff.send("cb01, CB02")
    assert staff.replies[0].text.startswith("CB01 đã được chọn từ trước")
    assert "Xong (2)" in staff.buttons

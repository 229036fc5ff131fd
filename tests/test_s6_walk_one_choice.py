"""A number past a menu of one choice (walk 6, finding 1): "Đồng chí chọn từ 1 đến 1." read oddly."""

from __future__ import annotations


def test_a_wrong_number_on_a_one_choice_menu_says_there_is_one_choice(org):
    admin = org["admin"]
    admin.send("/invite")
    admin.send("CB01")
    assert admin.buttons == ["bí thư chi bộ"]
    admin.send("2")
    assert admin.last_text.startswith("Ở đây chỉ có một lựa chọn: đồng chí gõ 1.")
    assert "từ 1 đến 1" not in admin.last_text
    admin.send("1")
    assert "Họ tên người được mời?" in admin.last_text


def test_a_wider_menu_still_states_the_range(org):
    admin = org["admin"]
    admin.send("/invite")
    admin.send("DUK")
    admin.send("5")
    assert admin.last_text.startswith("Đồng chí chọn từ 1 đến 2.")

""" "Đã ghi nhận" names what the review shows (walk 6, finding 6): "45/50" is one answer, but
the note listed "Số người tiếp cận, Tổng số cán bộ, đảng viên", which reads as three fields."""

from __future__ import annotations

from tests.support.report_factories import make_assignment


def test_a_count_pair_is_one_item_in_the_understood_note(org, app):
    make_assignment(app)
    cb01 = org["CB01"]
    cb01.send("bc 141 truc tuyen+zalo 30/33 kha")
    assert "Đã ghi nhận: Hình thức quán triệt, Số người tiếp cận, Nhận thức sau khi học tập." in cb01.last_text
    assert "Tổng số cán bộ, đảng viên" not in cb01.last_text
    assert "• Số người tiếp cận: 30/33 (90,9%)" in cb01.last_text


def test_a_total_alone_is_still_named(org, app):
    make_assignment(app)
    cb01 = org["CB01"]
    cb01.send("bc 141 truc tiep tong so 50 nguoi")
    assert "Đã ghi nhận: Hình thức quán triệt, Tổng số cán bộ, đảng viên." in cb01.last_text

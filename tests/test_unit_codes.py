"""Unit codes as people type them: any letter case, examples from their own tree, and a
number that is not a code answered as such."""

from __future__ import annotations


def test_unit_codes_are_case_insensitive_and_a_number_is_not_answered_as_a_code(org, app):
    admin = org["admin"]
    admin.send("/invite")
    assert admin.last_text == "Tạo mã mời cho đơn vị nào? Gõ mã đơn vị (ví dụ: CB01)."
    admin.send("12")
    assert admin.last_text == "«12» không phải mã đơn vị. Đồng chí gõ mã của đơn vị, ví dụ: CB01, hoặc /cancel để thôi."
    admin.send("db1-cb2")
    assert "Chi bộ Phòng Tài chính" in admin.last_text


def test_staff_report_on_behalf_by_a_lowercase_code(org, app):
    from tests.support.report_factories import make_assignment

    make_assignment(app, cell="CB03")
    staff = org["staff"]
    staff.send("/report")
    assert staff.last_text == (
        "Để báo cáo thay cho một đơn vị, đồng chí gõ /report MÃ_ĐƠN_VỊ (hoặc /report MÃ_ĐƠN_VỊ SỐ_VĂN_BẢN), "
        "ví dụ /report CB01."
    )
    staff.send("/report cb03")
    assert "báo cáo thay cho Chi bộ Ban Tổ chức" in staff.last_text

"""The /status list gives as its example a number the staff member has (walk 6, finding 4):
with only 27-KH/ĐU it said "ví dụ /status 141", the demo's number."""

from __future__ import annotations

from tests.test_directives_flow import publish_141


def test_the_status_hint_names_the_directive_just_listed(org, app):
    letter = (
        "ĐẢNG ỦY KHỐI CƠ QUAN TỈNH\nSố 27-KH/ĐUK\nKẾ HOẠCH\nhọc tập, quán triệt Chỉ thị số 35-CT/TW\n"
        "Các chi bộ báo cáo kết quả trước ngày 25/8/2021.\n"
    )
    staff = publish_141(org, app, text=letter)
    staff.send("/status")
    assert "• Kế hoạch 27-KH/ĐUK" in staff.last_text
    assert staff.last_text.endswith("Gõ /status SỐ để xem chi tiết một văn bản, ví dụ /status 27.")

"""A window ("từ ngày 12/8 đến ngày 15/9") is stored with its end and shown as a span; a
deadline read through a slip of the pen is shown with a request to check it."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import select

from storage.tables import Deadline

WINDOW_DOC = """ĐẢNG ỦY KHỐI CÁC CƠ QUAN THÀNH PHỐ
Số 77-KH/ĐUK
KẾ HOẠCH
tuyên truyền kỷ niệm ngày thành lập Đảng bộ
Các chi bộ tổ chức tuyên truyền từ ngày 12/8/2021 đến ngày 15/9/2021.
"""

TYPO_DOC = """ĐẢNG ỦY KHỐI CÁC CƠ QUAN THÀNH PHỐ
Số 78-CV/ĐUK
V/v tổng kết công tác năm
Đề nghị các chi bộ báo cáo kết quả trước tháng 30/6/2020.
"""


def test_a_window_is_shown_from_start_to_end_and_stored_with_its_end(org, session):
    staff = org["staff"]
    staff.send("/new")
    staff.send(WINDOW_DOC)
    assert "• Bắt đầu: từ 12/8 đến 15/9/2021" in staff.last_text, staff.last_text
    staff.press("Xác nhận")
    staff.press("Tất cả chi bộ")
    staff.press("Gửi")
    assert "Đã gửi" in staff.last_text, staff.last_text
    session.expire_all()
    row = session.exec(select(Deadline)).one()
    # 15/9/2021 23:59 in Asia/Ho_Chi_Minh
    assert row.until_at == datetime(2021, 9, 15, 16, 59, tzinfo=UTC)
    assert row.due_at == datetime(2021, 8, 11, 17, 0, tzinfo=UTC)


def test_a_month_written_for_a_day_is_read_as_that_day_and_flagged(org):
    staff = org["staff"]
    staff.send("/new")
    staff.send(TYPO_DOC)
    assert (
        "• Báo cáo: trước 30/6/2020 (văn bản ghi «trước tháng 30/6/2020», tôi hiểu là ngày; xin kiểm tra lại)"
    ) in staff.last_text, staff.last_text

"""A time limit counted from an event the text does not date ("trước ngày trao thưởng ít nhất
07 ngày", "sau 05 ngày kể từ ngày nhận văn bản") is kept with its words and no date; staff
are asked to set the date, and nothing is reminded until they do."""

from __future__ import annotations

from sqlmodel import select

from services.parsing import parse_document
from storage.tables import Deadline, OutboxMessage

AWARD_DOC = """ĐẢNG ỦY KHỐI CÁC CƠ QUAN THÀNH PHỐ
Số 79-KH/ĐUK
KẾ HOẠCH
tổ chức giải báo chí về xây dựng Đảng
Các chi bộ gửi tác phẩm dự giải về Ban Tuyên giáo trước ngày trao thưởng ít nhất 07 ngày.
"""


def test_a_limit_before_an_undated_event_is_kept_without_a_date():
    doc = parse_document(AWARD_DOC)
    [d] = doc.deadlines
    assert d.due is None and d.recurrence is None
    assert d.text == "trước ngày trao thưởng ít nhất 07 ngày"
    assert d.kind == "complete"
    assert "relative" in d.flags


def test_a_limit_counted_from_receipt_is_a_report_without_a_date():
    doc = parse_document("Các chi bộ báo cáo kết quả về Đảng ủy sau 05 ngày kể từ ngày nhận văn bản này.")
    [d] = doc.deadlines
    assert (d.kind, d.due) == ("report", None)
    assert d.text == "sau 05 ngày kể từ ngày nhận văn bản"


def test_without_diacritics_and_in_working_days():
    doc = parse_document("cac chi bo gui bao cao trong vong 10 ngay lam viec ke tu khi ket thuc hoi nghi")
    [d] = doc.deadlines
    assert (d.kind, d.due) == ("report", None)
    assert d.text.startswith("trong vong 10 ngay lam viec ke tu khi ket thuc")


def test_a_dated_start_is_not_a_relative_limit():
    doc = parse_document("Các chi bộ triển khai thực hiện kể từ ngày 23/12/2021.")
    assert all("relative" not in d.flags for d in doc.deadlines)


def test_an_amount_of_days_without_an_event_is_not_a_deadline():
    doc = parse_document("Đợt tuyên truyền kéo dài 05 ngày, các chi bộ tham gia đầy đủ.")
    assert doc.deadlines == []


def test_the_summary_asks_staff_to_set_the_date_and_no_reminder_is_planned(org, session):
    staff = org["staff"]
    staff.send("/new")
    staff.send(AWARD_DOC)
    assert (
        "• Hoàn thành: trước ngày trao thưởng ít nhất 07 ngày (hạn tính từ một sự việc, "
        "văn bản chưa ghi ngày cụ thể: đồng chí bấm «Thêm hạn» để đặt ngày hạn"
    ) in staff.last_text, staff.last_text
    assert "Thêm hạn" in staff.buttons
    staff.press("Xác nhận")
    staff.press("Tất cả chi bộ")
    staff.press("Gửi")
    assert "Đã gửi" in staff.last_text, staff.last_text
    session.expire_all()
    row = session.exec(select(Deadline)).one()
    assert row.due_at is None
    assert row.phrase == "trước ngày trao thưởng ít nhất 07 ngày"
    reminders = session.exec(select(OutboxMessage).where(OutboxMessage.kind == "reminder")).all()
    assert reminders == []


def test_taking_effect_some_days_after_signing_is_not_a_deadline():
    doc = parse_document("Quyết định này có hiệu lực thi hành sau 10 ngày kể từ ngày ký.")
    assert doc.deadlines == []

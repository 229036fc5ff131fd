""" "kể từ ngày X" says from when a measure holds, not a date to begin a task; a month and year
after "trong" with the word "tháng" dropped ("hoàn thành trong 2/2021") is that month."""

from __future__ import annotations

from datetime import datetime

from services.parsing import parse_document


def test_a_measure_in_force_from_a_date_is_not_a_start():
    doc = parse_document(
        "Tạm dừng hoạt động tiếp công dân tại trụ sở kể từ ngày 23/12/2021 cho đến khi có thông báo mới."
    )
    assert doc.deadlines == []


def test_from_a_date_is_still_a_start():
    [d] = parse_document("Các chi bộ tổ chức tuyên truyền từ ngày 23/12/2021.").deadlines
    assert (d.kind, d.due) == ("start", datetime(2021, 12, 23, 0, 0))


def test_within_a_month_written_without_thang_is_its_last_day():
    [d] = parse_document("Hội nghị do ban tuyên giáo tổ chức, hoàn thành trong 2/2021.").deadlines
    assert (d.kind, d.due, d.text) == ("complete", datetime(2021, 2, 28, 23, 59), "hoàn thành trong 2/2021")


def test_without_diacritics_too():
    [d] = parse_document("cac chi bo hoan thanh trong 11/2021").deadlines
    assert d.due == datetime(2021, 11, 30, 23, 59)


def test_a_document_number_with_a_year_is_not_a_month():
    doc = parse_document("Thực hiện Nghị quyết số 12/2021/NQ-HĐND trong năm học.")
    assert doc.deadlines == []

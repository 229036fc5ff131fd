"""Reporting rules by period read from the words that state them."""

from __future__ import annotations

import pytest

from services.parsing import parse_document
from services.parsing.deadlines import Recurrence


def rules(text: str) -> list[str | None]:
    return [d.recurrence.to_rule() if d.recurrence else d.due.isoformat() for d in parse_document(text).deadlines]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Các chi bộ gửi báo cáo kiểm điểm chậm nhất ngày 15/3 năm sau.", ["yearly@3-15"]),
        ("Các đảng bộ cơ sở báo cáo kết quả trước ngày 10/8 hằng năm.", ["yearly<8-10"]),
        ("Đề nghị các chi bộ gửi báo cáo trước ngày 28 hàng tháng.", ["monthly<28"]),
        # entering results into the shared system each month is a monthly duty too
        ("Định kỳ từ ngày 1 đến ngày 10 hằng tháng, các phòng cập nhật số liệu lên phần mềm.", ["monthly@10"]),
        ("Hằng quý, các chi bộ gửi báo cáo trước ngày 20 của tháng cuối quý.", ["quarterly<3-20"]),
        ("Báo cáo 6 tháng gửi trước ngày 15/6; báo cáo năm gửi trước ngày 15/12.", ["yearly<6-15", "yearly<12-15"]),
        ("- Chậm nhất ngày 08 (tám) tháng 06 (sáu) đối với báo cáo định kỳ 06 (sáu) tháng;", ["yearly@6-8"]),
        (
            "Các đơn vị lập báo cáo hằng quý, 6 tháng và hằng năm gửi Ban Tổ chức. Báo cáo gửi "
            "bằng văn bản, chậm nhất là ngày 25 của tháng cuối kỳ báo cáo.",
            ["quarterly@3-25", "yearly@6-25", "yearly@12-25"],
        ),
        # several periods in one clause, each with its own day
        (
            "Định kỳ hằng tháng (trước ngày 20), hằng quý (trước ngày 20 của tháng cuối quý), "
            "các đơn vị báo cáo kết quả về Sở.",
            ["monthly<20", "quarterly<3-20"],
        ),
        (
            "Báo cáo định kỳ 6 tháng (trước ngày 15/6) và năm (trước ngày 15/12) gửi về Ban Tổ chức.",
            ["yearly<6-15", "yearly<12-15"],
        ),
        ("Định kỳ vào ngày 05 hằng tháng, các chi bộ gửi báo cáo về Đảng ủy.", ["monthly@5"]),
        ("Mỗi tháng một lần, chậm nhất ngày 25, các đơn vị nộp báo cáo.", ["monthly@25"]),
        ("Báo cáo tuần gửi trước 15h00 thứ Năm hằng tuần.", ["weekly<thu/15:00"]),
        ("Các xã báo cáo nhanh trước 16 giờ hằng ngày.", ["daily<16:00"]),
        # a yearly calendar of work, not only of reports
        ("Các trường tổ chức khai giảng vào ngày 5/9 hằng năm.", ["yearly@9-5"]),
        ("Hằng năm, các chi bộ tổ chức kiểm điểm trước ngày 15/12.", ["yearly<12-15"]),
    ],
)
def test_periodic_rule(text, expected):
    assert rules(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Số liệu báo cáo 6 tháng tính từ ngày 01/01 đến ngày 30/6 của năm báo cáo.",
        "Thời gian chốt số liệu từ ngày 15 tháng 12 năm trước đến ngày 14 tháng 6.",
        "Chốt số liệu ngày 25 hằng tháng để tổng hợp báo cáo.",
        # an anniversary kept every year, and the earliest day a thing may happen
        "Các trường tổ chức kỷ niệm Ngày Nhà giáo Việt Nam vào ngày 20/11 hằng năm.",
        "Học sinh tựu trường sớm nhất vào ngày 1/8 hằng năm.",
    ],
)
def test_data_cut_offs_are_not_schedules(text):
    assert rules(text) == []


def test_a_dated_year_makes_a_one_off_deadline_not_a_schedule():
    assert rules("Các chi bộ gửi báo cáo năm trước ngày 15/12/2021.") == ["2021-12-14T23:59:00"]


def test_rule_strings_round_trip_and_describe_themselves():
    for rule, shown in [
        ("quarterly<3-20", "hằng quý trước ngày 20 của tháng cuối quý"),
        ("yearly@3-15", "hằng năm vào ngày 15/3"),
        ("yearly<8-10", "hằng năm trước ngày 10/8"),
    ]:
        rec = Recurrence.from_rule(rule)
        assert rec.to_rule() == rule and rec.describe() == shown
    with pytest.raises(ValueError):
        Recurrence("quarterly", day_of_month=20, month=4)


def test_a_cited_number_after_ngay_is_not_a_day_of_the_month():
    # "ngày 05-NQ/TU" names a resolution, not the 5th; and the rule's text keeps the dash
    doc = parse_document("Hằng tháng báo cáo kết quả thực hiện ngày 05-NQ/TU.")
    assert all(d.recurrence is None or d.recurrence.day_of_month is None for d in doc.deadlines)
    doc = parse_document("- Hằng tháng, các chi bộ báo cáo kết quả - nội dung trước ngày 25.")
    assert [d.text for d in doc.deadlines] == ["Hằng tháng, các chi bộ báo cáo kết quả - nội dung trước ngày 25"]

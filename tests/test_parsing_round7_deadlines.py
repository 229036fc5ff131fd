"""Deadline rules of session 8, round 7 (issue 12, the classes holdout7-9 still missed), each
checked on paragraphs written afresh: other units, other dates, the same turn of the Vietnamese
phrase, with the look-alike text where the rule must not fire.

An item is (kind, due, until, rule): due/until as "YYYY-MM-DD HH:MM" local time.
"""

from __future__ import annotations

from services.parsing import parse_document
from tests.support.deadline_items import deadline_items


def _items(text: str) -> list[tuple]:
    return deadline_items(parse_document(text))


def test_congress_windows_by_level_start_and_finish_at_months_are_one_window_each():
    text = (
        "Hướng dẫn của Hội Nông dân tỉnh về đại hội các cấp nhiệm kỳ 2032-2037.\n"
        "1- Cấp cơ sở: Bắt đầu từ tháng 2-2032, hoàn thành vào tháng 5-2032.\n"
        "2- Cấp huyện: Bắt đầu từ tháng 6-2032, hoàn thành vào giữa tháng 9-2032."
    )
    assert _items(text) == [
        ("start", "2032-02-01 00:00", "2032-05-31 23:59", None),
        ("start", "2032-06-01 00:00", "2032-09-15 23:59", None),
    ]


def test_the_event_a_purpose_names_is_not_the_tasks_month():
    text = (
        "Ban Thường vụ Thị ủy yêu cầu các chi bộ hoàn thành đại hội trước 15-5-2032 "
        "để tiến hành Đại hội Đảng bộ thị xã vào tháng 6-2032."
    )
    assert _items(text) == [("complete", "2032-05-14 23:59", None, None)]


def test_the_years_to_come_are_no_deadline():
    text = (
        "CHỈ THỊ VỀ TĂNG CƯỜNG QUẢN LÝ THU PHÍ CẢNG BIỂN ĐỂ HOÀN THÀNH KẾ HOẠCH TRONG NHỮNG NĂM TỚI\n"
        "Năm 2033, tình hình thu phí có nhiều chuyển biến tích cực."
    )
    assert _items(text) == []


def test_a_report_up_to_the_committee_within_a_month_is_a_report_deadline():
    text = "UBND huyện giao Phòng Tài nguyên rà soát hồ sơ, báo cáo đề xuất với UBND huyện trong tháng 10/2032."
    assert _items(text) == [("report", "2032-10-31 23:59", None, None)]


def test_judging_after_the_closing_day_is_the_organisers_month():
    text = (
        "Theo Thể lệ, thời hạn nhận bài dự thi sẽ kết thúc vào ngày 15/9/2032, "
        "chấm sơ khảo và chung khảo trong tháng 10/2032."
    )
    assert _items(text) == [("complete", "2032-09-15 23:59", None, None)]


def test_a_span_counted_from_a_day_of_the_month_before_is_a_data_cut_off():
    text = (
        "Thời gian chốt số liệu các báo cáo định kỳ như sau.\n"
        "Báo cáo định kỳ hàng tháng: Tính từ ngày 20 tháng trước đến ngày 19 của tháng thuộc kỳ báo cáo;\n"
        "Báo cáo định kỳ năm: Tính từ ngày 20/11 năm trước kỳ báo cáo đến ngày 19/11 của kỳ báo cáo;"
    )
    assert _items(text) == []


def test_the_same_window_told_in_the_lead_and_in_a_summary_is_one_window():
    text = (
        "Người dân gửi ý kiến góp ý dự thảo Quy hoạch từ ngày 3/4 đến 17 giờ ngày 20/4/2032.\n"
        "Tóm tắt lịch trình: Từ ngày 3/4 đến 17 giờ ngày 20/4/2032, tiếp nhận ý kiến góp ý."
    )
    assert _items(text) == [("start", "2032-04-03 00:00", "2032-04-20 17:00", None)]


def test_the_same_window_for_two_listed_units_stays_two_items():
    text = (
        "Lịch điều tra:\n"
        "- Đối với hộ kinh doanh: thu thập thông tin từ ngày 01/8/2032 đến hết ngày 31/8/2032.\n"
        "- Đối với trang trại: thu thập thông tin từ ngày 01/8/2032 đến hết ngày 31/8/2032."
    )
    assert _items(text) == [
        ("start", "2032-08-01 00:00", "2032-08-31 23:59", None),
        ("start", "2032-08-01 00:00", "2032-08-31 23:59", None),
    ]


def test_a_headline_printed_twice_is_one_deadline():
    text = (
        "Nộp hồ sơ dự Giải thưởng Sáng tạo trẻ tỉnh Phú Yên 2032 trước ngày 20/9\n\n"
        "Nộp hồ sơ dự Giải thưởng Sáng tạo trẻ tỉnh Phú Yên 2032 trước ngày 20/9\n\n"
        "Tỉnh đoàn vừa có thông báo về Giải thưởng năm 2032."
    )
    assert _items(text) == [("complete", "2032-09-19 23:59", None, None)]


def test_dotted_ranges_are_windows_and_the_headline_giving_their_end_is_none():
    text = (
        "Phun khử trùng chuồng trại đến hết tháng 6\n"
        "16/04/2032 08:10\n"
        "Từ ngày 20.4-30.6, các xã tổ chức phun khử trùng chuồng trại. "
        "Đợt hai từ ngày 5.9 - 5.10."
    )
    assert _items(text) == [
        ("start", "2032-04-20 00:00", "2032-06-30 23:59", None),
        ("start", "2032-09-05 00:00", "2032-10-05 23:59", None),
    ]


def test_a_year_cut_short_reads_as_the_evident_year():
    text = (
        "Kế hoạch số 88-KH/ĐU ngày 10 tháng 10 năm 2032 của Đảng ủy phường về cuộc thi viết.\n"
        "* Thời gian nhận bài: Từ 15 tháng 10 đến hết ngày 25/11/203"
    )
    assert _items(text) == [("start", "2032-10-15 00:00", "2032-11-25 23:59", None)]


def test_a_task_during_an_events_few_days_has_them_as_its_window():
    text = (
        "Các cơ quan, đơn vị treo cờ Tổ quốc trong thời gian diễn ra Đại hội Đảng bộ tỉnh, "
        "được tổ chức từ ngày 8 đến 10-11-2032."
    )
    assert _items(text) == [("start", "2032-11-08 00:00", "2032-11-10 23:59", None)]


def test_an_events_few_days_alone_are_no_window():
    text = "Đại hội Đảng bộ tỉnh được tổ chức từ ngày 8 đến 10-11-2032 tại Hội trường tỉnh."
    assert _items(text) == []


def test_an_hour_slot_before_a_window_of_days_is_a_daily_rule_bounded_by_it():
    text = (
        "Cuộc thi trắc nghiệm được tổ chức trực tuyến, diễn ra từ 20h – 20h15 "
        "từ ngày 02/6 đến ngày 16/6/2032. Đoàn viên tham gia đầy đủ."
    )
    assert _items(text) == [("recurring", None, "2032-06-16 20:15", "daily@20:00")]


def test_a_fee_collected_in_the_quarters_first_month_is_a_quarterly_rule():
    text = (
        "Bắt đầu từ quý III năm 2032, UBND phường sẽ tiến hành thu theo quý, "
        "Thời gian thu là tháng đầu tiên của Quý bắt đầu từ ngày 1 đến ngày 15 của Quý đó."
    )
    # the day the rule begins stays a start item: reminders begin the rule's periods there
    assert _items(text) == [("start", "2032-07-01 00:00", None, None), ("recurring", None, None, "quarterly@1-15")]

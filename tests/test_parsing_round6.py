"""Date windows of session 7, round 6 (issue 12, the forms holdout9 missed), each checked on
paragraphs written afresh: other organisations, other dates, the same turn of the Vietnamese
phrase, with the look-alike text where a rule must not fire.

An item is (kind, due, until, rule): due/until as "YYYY-MM-DD HH:MM" local time.
"""

from __future__ import annotations

from services.parsing import parse_document
from tests.support.deadline_items import deadline_items


def _items(text: str) -> list[tuple]:
    return deadline_items(parse_document(text))


def test_ke_tu_closed_by_an_end_is_one_window():
    text = (
        "Hội Nông dân huyện lấy ý kiến góp ý dự thảo Điều lệ. Thời gian góp ý là 12 ngày "
        "(kể từ ngày 3-8 đến hết ngày 14-8-2031). Các chi hội gửi ý kiến về Văn phòng."
    )
    assert [(i[1], i[2]) for i in _items(text)] == [("2031-08-03 00:00", "2031-08-14 23:59")]


def test_ke_tu_with_no_end_is_still_when_a_measure_holds():
    text = "Tạm dừng hoạt động karaoke kể từ ngày 9/9/2031 cho đến khi có thông báo mới."
    assert _items(text) == []


def test_a_colon_after_tu_opens_the_window():
    text = "Thời gian nhận bài dự thi từ: 2/3/2032 đến 15/4/2032. Đoàn cơ sở tổ chức cho đoàn viên tham gia."
    assert [(i[1], i[2]) for i in _items(text)] == [("2032-03-02 00:00", "2032-04-15 23:59")]


def test_a_start_day_only_takes_the_month_and_year_of_an_end_of_day():
    text = (
        "Cuộc thi trắc nghiệm trực tuyến diễn ra từ ngày 4 đến hết ngày 25-6-2031, "
        "các chi đoàn vận động đoàn viên dự thi."
    )
    assert [(i[1], i[2]) for i in _items(text)] == [("2031-06-04 00:00", "2031-06-25 23:59")]


def test_a_dashed_run_of_days_reads_its_end_with_the_year():
    text = "Thời gian thực hiện từ ngày 3-17/02/2032, các xã treo cờ Tổ quốc tại trụ sở."
    assert [(i[1], i[2]) for i in _items(text)] == [("2032-02-03 00:00", "2032-02-17 23:59")]


def test_a_congress_of_three_days_is_no_window_to_act_in():
    text = "Đại hội Đảng bộ huyện lần thứ XV được tổ chức từ ngày 27 đến 29-7-2031 tại Hội trường."
    assert _items(text) == []


def test_a_target_year_named_in_the_text_does_not_date_its_year_less_days():
    text = (
        "Đóng góp vào định hướng phát triển đến năm 2035, tầm nhìn đến năm 2045.\n"
        "Thời gian lấy ý kiến của đoàn viên từ ngày 5-9 đến ngày 30-9.\n"
        "Đăng lúc 08:15 02/09/2031"
    )
    assert [(i[1], i[2]) for i in _items(text)] == [("2031-09-05 00:00", "2031-09-30 23:59")]


def test_a_year_less_day_takes_the_year_of_the_texts_full_dates_not_a_later_target():
    text = (
        "Theo kế hoạch, việc rà soát tiến hành từ ngày 1-8 đến hết ngày 30-11-2031. "
        "Trước ngày 20-10, UBND các xã phải báo cáo sơ bộ kết quả về huyện. "
        "Kết quả làm cơ sở thực hiện chính sách năm 2032 và các năm tiếp theo."
    )
    got = _items(text)
    assert "2031-10-19 23:59" in [i[1] for i in got]
    assert all(not i[1].startswith("2032") for i in got)


def test_days_after_ngay_in_a_list_of_weeks_are_no_tally():
    text = (
        "Cuộc thi diễn ra từ ngày 2 đến hết ngày 22-3-2032, gồm 3 tuần thi: tuần thứ nhất từ ngày 2 "
        "đến 8-3, tuần thứ hai từ ngày 9 đến 15-3, tuần thứ ba từ ngày 16 đến 22-3."
    )
    assert [(i[1], i[2]) for i in _items(text)] == [("2032-03-02 00:00", "2032-03-22 23:59")]


def test_a_window_followed_by_a_tally_is_still_a_statistics_period():
    text = "Từ ngày 1.1 đến ngày 30.6.2031, UBND huyện giao 412 nhiệm vụ cho các phòng, ban."
    assert _items(text) == []

"""Deadline rules of session 10, round 9 (issue 12, the classes holdout12 missed), each checked
on short paragraphs written afresh: other units, other dates, the same turn of the Vietnamese
phrase, with the look-alike text where the rule must not fire.

An item is (kind, due, until, rule): due/until as "YYYY-MM-DD HH:MM" local time.
"""

from __future__ import annotations

from services.parsing import parse_document
from tests.support.deadline_items import deadline_items


def _items(text: str) -> list[tuple]:
    return deadline_items(parse_document(text))


# --- windows -------------------------------------------------------------------------------


def test_rounds_opening_at_an_hour_with_the_weekday_in_brackets_are_windows():
    text = (
        "Thể lệ hội thi tìm hiểu lịch sử Đảng bộ huyện.\n"
        "Vòng 1: Bắt đầu từ 07h30 (Thứ 3) ngày 14/4/2043, kết thúc vào 17h00 ngày 24/4/2043.\n"
        "Vòng 2: Bắt đầu từ 9h00 thứ hai, ngày 4/5/2043 và kết thúc vào 11h00 ngày 15/5/2043."
    )
    assert _items(text) == [
        ("start", "2043-04-14 07:30", "2043-04-24 17:00", None),
        ("start", "2043-05-04 09:00", "2043-05-15 11:00", None),
    ]


def test_a_start_without_its_year_takes_the_year_of_the_end_not_an_older_stamp():
    text = (
        "Đăng lúc: 08:15 02/03/2039\nSở Văn hóa đề nghị các đơn vị gửi ảnh dự thi từ ngày 12/2 đến hết ngày 20/6/2041."
    )
    assert _items(text) == [("start", "2041-02-12 00:00", "2041-06-20 23:59", None)]


def test_a_start_without_its_year_crossing_new_year_opens_the_year_before():
    text = "Các chi hội nhận bài viết từ ngày 20/11 đến ngày 10/1/2042."
    assert _items(text) == [("start", "2041-11-20 00:00", "2042-01-10 23:59", None)]


def test_a_window_ending_den_truoc_a_day_closes_the_day_before():
    text = (
        "Kế hoạch nêu rõ các giai đoạn: Từ ngày 3/10 đến trước 20/11/2040, các xã lập danh sách. "
        "Giai đoạn từ ngày 20/11 đến trước ngày 5/01/2041, các huyện thẩm định hồ sơ."
    )
    assert _items(text) == [
        ("start", "2040-10-03 00:00", "2040-11-19 23:59", None),
        ("start", "2040-11-20 00:00", "2041-01-04 23:59", None),
    ]


def test_a_days_run_glued_by_a_dash_in_a_weeks_bracket_is_that_weeks_window():
    text = "Riêng tuần 2 (từ ngày 6/4-12/4/2044), giao Chi đoàn thanh niên làm điểm."
    assert _items(text) == [("start", "2044-04-06 00:00", "2044-04-12 23:59", None)]
    # a bracket closing a noun phrase is still that thing's span, not a task window
    assert _items("Đợt cao điểm tuyên truyền (từ ngày 6/4-12/4/2044) đã kết thúc tốt đẹp.") == []


def test_a_zero_padded_count_of_rounds_does_not_make_the_window_a_tally():
    text = (
        "Cuộc thi diễn ra từ ngày 02/3/2045 và kết thúc vào ngày 30/3/2045, gồm 04 tuần thi:\n"
        "+ Tuần 1: Từ ngày 02/3/2045 đến ngày 08/3/2045."
    )
    assert _items(text) == [("start", "2045-03-02 00:00", "2045-03-30 23:59", None)]
    # a real tally after the window still marks the period a statistic covers
    tally = "Từ ngày 1/1 đến ngày 30/6/2045, toàn tỉnh kết nạp 1.250 đảng viên mới."
    assert _items(tally) == []


# --- periodic rules --------------------------------------------------------------------------


def test_the_quarters_last_month_in_full_words_is_the_quarterly_rule():
    text = "Chế độ báo cáo:\n- Báo cáo quý gửi trước ngày 08 tháng cuối cùng của mỗi quý."
    assert _items(text) == [("recurring", None, None, "quarterly<3-8")]


def test_a_clause_after_a_semicolon_keeps_the_sending_verb_of_the_one_before():
    text = (
        "1. Hồ sơ đề nghị tặng Bằng khen hằng năm gởi về Ban Thi đua chậm nhất ngày 20/02 năm sau; "
        "khen thưởng phong trào thể dục thể thao trước ngày 25/9 hằng năm."
    )
    assert _items(text) == [
        ("recurring", None, None, "yearly@2-20"),
        ("recurring", None, None, "yearly<9-25"),
    ]
    # without a sending verb before it, a yearly day is a commemoration, not a rule
    assert _items("Huyện tổ chức gặp mặt; kỷ niệm ngày 25/9 hằng năm.") == []


def test_a_headline_naming_the_regime_without_a_day_is_the_regimes_title():
    text = (
        "Xây dựng kế hoạch công tác dân vận hàng năm và báo cáo kết quả\n"
        "Ban Dân vận yêu cầu các đơn vị:\n"
        "- Báo cáo năm gửi trước ngày 30/11 hàng năm."
    )
    assert _items(text) == [("recurring", None, None, "yearly<11-30")]

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


# --- cues --------------------------------------------------------------------------------------


def test_a_start_at_an_hour_after_tu_luc_opens_the_window_at_that_hour():
    text = "Phần thi trực tuyến mở từ lúc 8 giờ ngày 03/5/2046 đến 20h00 ngày 30/5/2046."
    assert _items(text) == [("start", "2046-05-03 08:00", "2046-05-30 20:00", None)]


def test_the_launch_day_named_before_its_date_opens_the_window():
    text = "Nhận bài dự thi từ ngày phát động cuộc thi, ngày 10-10-2046 đến ngày 28-2-2047."
    assert _items(text) == [("start", "2046-10-10 00:00", "2047-02-28 23:59", None)]


def test_the_last_time_for_entries_is_a_deadline():
    text = "Thời gian cuối cùng nhận hồ sơ đăng ký là ngày 12/6/2046 (theo dấu bưu điện)."
    assert _items(text) == [("complete", "2046-06-12 23:59", None, None)]


def test_a_limit_told_by_what_happens_after_it_is_a_deadline():
    text = "Các liên đội gửi danh sách về Hội đồng Đội. Nếu gửi muộn sau 18/4/2046 sẽ không kịp in giấy mời."
    assert _items(text) == [("complete", "2046-04-18 23:59", None, None)]


def test_submitting_to_a_body_within_a_month_closing_the_clause_is_a_deadline():
    text = "Các ban tham mưu khẩn trương chuẩn bị đề án trình Ban Thường vụ trong tháng 7/2046."
    assert _items(text) == [("complete", "2046-07-31 23:59", None, None)]
    # "chương trình" is no submission
    assert _items("Các chi bộ xây dựng chương trình công tác trong tháng 7/2046 của mình.") == []


def test_a_year_cut_off_before_the_stop_is_read_as_the_texts_year():
    text = (
        "Các xã báo cáo kết quả trước ngày 1/6/2046. "
        "Cấp huyện hoàn thành và báo cáo kết quả về tỉnh trước ngày 1/8/204."
    )
    assert _items(text) == [
        ("report", "2046-05-31 23:59", None, None),
        ("report", "2046-07-31 23:59", None, None),
    ]


# --- not deadlines -----------------------------------------------------------------------------


def test_the_span_figures_cover_is_no_deadline():
    text = (
        "Các số liệu năm 2046 ước tính đến hết tháng 12/2046. Đợt II bổ sung các số liệu từ tháng "
        "1/2047 đến tháng 6/2047. Báo cáo gửi về Trung ương Hội chậm nhất là ngày 15/11/2046."
    )
    assert _items(text) == [("report", "2046-11-15 23:59", None, None)]


def test_an_event_expected_at_a_periods_end_is_nobodys_task():
    text = "Lễ tổng kết dự kiến được tổ chức vào cuối tháng 11/2046. Các tác giả gửi bài dự thi đến hết ngày 30/9/2046."
    assert _items(text) == [("complete", "2046-09-30 23:59", None, None)]
    # an expected limit stays: the units' congress must be held before it
    assert _items("Đại hội Đảng bộ xã dự kiến tổ chức trước ngày 25/3/2046.") == [
        ("complete", "2046-03-24 23:59", None, None)
    ]


def test_a_date_inside_a_quoted_theme_is_no_deadline():
    text = (
        "Hội nghị thống nhất Chủ đề Đại hội “Đoàn kết; đổi mới; hoàn thành trước năm 2050 mục tiêu "
        "quận văn minh”. Các đồng chí Ủy viên Tiểu ban báo cáo Thường trực trước ngày 18/9/2046."
    )
    assert _items(text) == [("report", "2046-09-17 23:59", None, None)]


def test_what_the_receiving_side_does_after_a_purpose_de_is_not_the_senders_deadline():
    text = (
        "Các đơn vị gửi tác phẩm về Ban Tuyên giáo trước ngày 15.10.2046 để Hội đồng sơ khảo "
        "xét chọn và gửi Trung ương vào quý I/2047."
    )
    assert _items(text) == [("complete", "2046-10-14 23:59", None, None)]
    # a request made anew after the purpose is a deadline of its own
    text = (
        "Các chi bộ gửi danh sách trước ngày 5/5/2046 để Huyện ủy tổng hợp, đồng thời các đơn vị "
        "nộp hồ sơ trước ngày 10/5/2046."
    )
    assert [due for _, due, _, _ in _items(text)] == ["2046-05-04 23:59", "2046-05-09 23:59"]


def test_background_heard_of_and_a_body_starting_work_are_no_deadlines():
    text = (
        "Được biết, Ủy ban Trung ương Mặt trận phát động quyên góp kể từ ngày 10/10/2046 đến hết "
        "ngày 30/11/2046. Các cơ quan mới chính thức đi vào hoạt động từ ngày 1/12/2046."
    )
    assert _items(text) == []


def test_a_task_told_as_already_done_is_no_deadline_even_with_a_long_object():
    text = "Sở đã hoàn thành việc cấp mã định danh học sinh xong trước ngày 20/5/2046."
    assert _items(text) == []


def test_a_span_counted_between_two_dates_is_what_a_figure_covers():
    text = (
        "Kết quả 5 năm tính từ tháng 7/2041 đến hết tháng 6/2046. "
        "Các hội gửi báo cáo về Trung ương Hội chậm nhất ngày 20/7/2046."
    )
    assert _items(text) == [("report", "2046-07-20 23:59", None, None)]


def test_a_championships_days_are_its_organisers_own():
    text = (
        "Tổng cục thông báo thay đổi thời gian tổ chức giải Vô địch Cầu lông quốc gia năm 2046 "
        "từ ngày 05 đến ngày 14 tháng 6 năm 2046 tại tỉnh Nam Định."
    )
    assert _items(text) == []
    # a conference the units must send people to is theirs to act in
    text = "Hội nghị tập huấn được tổ chức, các đơn vị cử cán bộ tham gia từ ngày 05/6/2046 đến ngày 07/6/2046."
    assert _items(text) == [("start", "2046-06-05 00:00", "2046-06-07 23:59", None)]


def test_a_window_told_as_past_or_as_a_publication_span_is_no_task():
    assert _items("Cuộc thi được phát động từ ngày 01/9/2046 đến ngày 30/9/2046, đã nhận được 300 bài.") == []
    text = (
        "Tác phẩm dự thi là các tác phẩm đã được đăng tải trên báo chí trong khoảng thời gian từ "
        "01/10/2045 đến 01/10/2046. Hạn nhận tác phẩm: hết ngày 15/10/2046."
    )
    assert _items(text) == [("complete", "2046-10-15 23:59", None, None)]


def test_a_start_in_brackets_or_towards_an_undated_event_is_no_item():
    text = (
        "Hội thao được tổ chức tại tỉnh (Các đoàn tập trung từ 08h00 ngày 12/5/2046 và trở về ngày 16/5). "
        "Giai đoạn từ ngày 20/5/2046 đến trước ngày Ban tổ chức công bố kết quả sẽ tổng hợp số liệu."
    )
    assert _items(text) == []
    # a time label's value in brackets stays the start it gives
    assert _items("Các chi bộ thực hiện kiểm điểm. Thời gian thực hiện (từ ngày 20/5/2046).") == [
        ("start", "2046-05-20 00:00", None, None)
    ]


def test_an_earlier_notices_limit_is_replaced_by_the_extension():
    text = (
        "Ngày 10/6/2046, Hội Văn học nghệ thuật tỉnh đã có Thông báo số 12/TB-VHNT về thể lệ cuộc thi, "
        "thời hạn cuối nhận tác phẩm là ngày 30/9/2046.\n"
        "Nay Ban tổ chức thông báo gia hạn thời gian nhận tác phẩm dự thi đến hết ngày 30/11/2046."
    )
    assert _items(text) == [("complete", "2046-11-30 23:59", None, None)]


def test_weeks_told_further_down_that_tile_the_contest_window_are_its_parts():
    text = (
        "Cuộc thi do Ban Tuyên giáo tổ chức từ 02/3-22/3/2046. Cuộc thi được tổ chức trực tuyến.\n"
        "Người dự thi đăng ký tài khoản trên trang thông tin của Ban.\n"
        "Theo thể lệ, cuộc thi được tổ chức trong 2 tuần: tuần thứ nhất từ ngày 02/3 - 11/3; "
        "tuần thứ hai từ ngày 12/3 - 22/3/2046."
    )
    assert _items(text) == [("start", "2046-03-02 00:00", "2046-03-22 23:59", None)]


def test_a_year_two_years_back_in_a_deadline_just_after_the_letter_is_a_slip():
    text = (
        "Số: 15/SCT-QLCN\nHải Phòng, ngày 07 tháng 9 năm 2046\n"
        "Đề nghị các cơ sở gửi hồ sơ về Sở trước 11 giờ 30’ ngày 14/9/2044."
    )
    items = parse_document(text).deadlines
    assert [(d.due.strftime("%Y-%m-%d %H:%M") if d.due else None, d.flags) for d in items] == [
        ("2046-09-14 11:30", ("year_typo",))
    ]


def test_a_few_days_opening_the_clause_before_their_doers_and_a_handing_verb_are_a_window():
    text = "Từ ngày 8 đến ngày 10/7/2046 các trưởng thôn chuyển giấy báo đến từng hộ gia đình."
    assert _items(text) == [("start", "2046-07-08 00:00", "2046-07-10 23:59", None)]
    # a congress's few days are no window
    assert _items("Từ ngày 8 đến ngày 10/7/2046, Đại hội đại biểu Đảng bộ tỉnh diễn ra.") == []


def test_from_the_launch_until_a_day_is_a_completion_not_a_start():
    text = "Các tác phẩm gửi về Ban Tổ chức từ khi phát động đến hết 20-8-2046 (theo dấu bưu điện)."
    assert _items(text) == [("complete", "2046-08-20 23:59", None, None)]


def test_a_holiday_span_closed_before_the_cue_leaves_the_sending_deadline():
    text = (
        "Các sở, ngành lập danh sách lãnh đạo trực Tết từ ngày 28/01 đến hết ngày 03/02/2047 "
        "gửi về UBND tỉnh trước ngày 20/01/2047."
    )
    assert _items(text) == [("complete", "2047-01-19 23:59", None, None)]
    # the holiday's own days stay out
    assert _items("Cán bộ được nghỉ Tết từ ngày 28/01 đến hết ngày 03/02/2047.") == []


def test_sending_results_up_is_a_report():
    text = "UBND cấp xã tổng hợp ý kiến, gửi kết quả tổng hợp đến UBND cấp huyện: Thời gian chậm nhất ngày 12/8/2046."
    assert _items(text) == [("report", "2046-08-12 23:59", None, None)]


def test_the_congress_of_the_committee_issuing_the_plan_is_its_own():
    text = (
        "Đảng ủy Quân sự tỉnh đã ban hành Kế hoạch số 15-KH/ĐU; trong đó các chi bộ hoàn thành đại hội "
        "trước ngày 30-4-2046; Đại hội đại biểu Đảng bộ Quân sự tỉnh hoàn thành trước ngày 31-7-2046."
    )
    assert _items(text) == [("complete", "2046-04-29 23:59", None, None)]
    # the congress of a unit below it stays a task
    text = (
        "Đảng ủy Quân sự tỉnh đã ban hành Kế hoạch số 15-KH/ĐU; Đại hội Đảng bộ Trung đoàn 31 "
        "hoàn thành trước ngày 30-5-2046."
    )
    assert _items(text) == [("complete", "2046-05-29 23:59", None, None)]


def test_congresses_held_within_listed_months_are_a_window_an_expected_contest_is_not():
    text = (
        "Đại hội cấp xã diễn ra đúng tiến độ. Đại hội cấp huyện tổ chức trong tháng 9 và tháng 10.2046; "
        "Hội thi cấp tỉnh dự kiến tổ chức trong tháng 12-2046."
    )
    assert _items(text) == [("complete", "2046-09-01 00:00", "2046-10-31 23:59", None)]

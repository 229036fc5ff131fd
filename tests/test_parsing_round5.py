"""Deadline and field rules of session 7, round 5 (issue 12, the classes holdout6 still missed),
each checked on paragraphs written afresh: other organisations, other dates, the same turn of
the Vietnamese phrase. Each rule has its negative: the look-alike text where it must not fire.

An item is (kind, due, until, rule): due/until as "YYYY-MM-DD HH:MM" local time.
"""

from __future__ import annotations

from services.parsing import parse_document
from tests.support.deadline_items import deadline_items


def _items(text: str) -> list[tuple]:
    return deadline_items(parse_document(text))


# --- a school-year timetable with no year on any day ---------------------------------------------


def test_a_school_year_timetable_dates_autumn_in_its_first_year_and_summer_in_its_second():
    text = (
        "Sở Giáo dục và Đào tạo điều chỉnh khung thời gian năm học 2031-2032 như sau.\n"
        "Các trường hoàn thành chương trình học kỳ II trước ngày 25/5. "
        "Xét tốt nghiệp trung học cơ sở trước ngày 20/6. Tuyển sinh lớp 6 hoàn thành trước ngày 10/8.\n"
        "Kế hoạch này thay thế Quyết định số 77/QĐ-SGDĐT ngày 14/3."
    )
    assert _items(text) == [
        ("complete", "2032-05-24 23:59", None, None),
        ("complete", "2032-06-19 23:59", None, None),
        ("complete", "2032-08-09 23:59", None, None),
    ]


def test_school_year_terms_already_past_at_the_cited_decision_are_left_out():
    text = (
        "Khung kế hoạch năm học 2031-2032 được sửa đổi. Sơ kết học kỳ I trước ngày 15/1. "
        "Các trường báo cáo khai giảng trước ngày 20/9. Kết thúc năm học trước ngày 31/5.\n"
        "Văn bản này thay thế Quyết định số 12/QĐ-SGDĐT ngày 2/3."
    )
    # the decision it replaces is of 2/3/2032: January 2032 and September 2031 had passed
    assert _items(text) == [("complete", "2032-05-30 23:59", None, None)]


def test_a_school_year_named_beside_dated_days_does_not_move_them():
    # a day with its year written says which year the text is in: the school year adds nothing
    text = (
        "Ủy ban nhân dân huyện yêu cầu các trường chuẩn bị năm học 2031-2032, "
        "báo cáo trước ngày 15/8/2031 và hoàn thành sửa chữa phòng học trước ngày 20/8."
    )
    assert [i[1] for i in _items(text)] == ["2031-08-14 23:59", "2031-08-19 23:59"]


def test_a_yearly_rule_in_a_school_year_text_keeps_its_days_every_year():
    text = "Trong năm học 2031-2032 và các năm sau, các trường gửi báo cáo tổng kết trước ngày 15/6 hằng năm."
    assert [i[0] for i in _items(text)] == ["recurring"]


# --- a page stamped years after the resolution it cites -------------------------------------------


def test_year_less_days_of_a_stamped_page_are_of_the_stamp_year_not_of_a_cited_resolution():
    text = (
        "Thứ Tư, 12/3/2031 | 09:10\n"
        "Ban Thường vụ Tỉnh ủy vừa ban hành Kế hoạch số 40-KH/TU về sơ kết Nghị quyết số 07-NQ/TU ngày "
        "20/4/2024 của Tỉnh ủy. Các huyện ủy, thành ủy gửi báo cáo về Tỉnh ủy trước ngày 30/5."
    )
    assert _items(text) == [("report", "2031-05-29 23:59", None, None)]


def test_without_a_stamp_a_year_less_day_still_follows_the_latest_cited_document():
    text = (
        "Thực hiện Kế hoạch số 40-KH/TU ngày 02/4/2031 của Tỉnh ủy, các chi bộ gửi báo cáo về Đảng ủy trước ngày 30/5."
    )
    assert _items(text) == [("report", "2031-05-29 23:59", None, None)]


# --- a headline summing up a day the body tells ----------------------------------------------------


def test_a_headline_whose_day_the_body_gives_to_the_issuers_own_office_is_no_deadline():
    text = (
        "Đồng Nai sơ kết 5 năm về chuyển đổi số trước ngày 20/11\n"
        "Ban Thường vụ Tỉnh ủy vừa ban hành Kế hoạch số 51-KH/TU. Các huyện ủy, thành ủy gửi báo cáo Tỉnh ủy "
        "trước ngày 15/9/2031. Cấp tỉnh, Văn phòng Tỉnh ủy tham mưu Ban Thường vụ Tỉnh ủy tổng hợp, "
        "tổ chức hội nghị sơ kết trước ngày 20/11/2031."
    )
    assert _items(text) == [("report", "2031-09-14 23:59", None, None)]


def test_a_headline_alone_is_still_the_deadline():
    text = "Các chi bộ hoàn thành đại hội trước ngày 20/11/2031\nĐảng ủy xã đề nghị các chi bộ khẩn trương thực hiện."
    assert _items(text) == [("complete", "2031-11-19 23:59", None, None)]


def test_an_office_doing_work_for_the_cells_is_not_the_issuers_own():
    # "tham mưu" names advising the committee; an office told to send reports is a request
    text = "Văn phòng Huyện ủy gửi báo cáo về Ban Thường vụ Tỉnh ủy trước ngày 10/10/2031."
    assert [i[0] for i in _items(text)] == ["report"]


# --- the issuer's own congress ----------------------------------------------------------------------


def test_the_issuers_own_congress_named_by_its_ordinal_is_left_out():
    text = (
        "HUYỆN ỦY TAM NÔNG\nSố 15-KH/HU\nTam Nông, ngày 05 tháng 01 năm 2030\nKẾ HOẠCH\n"
        "Các chi bộ trực thuộc tổ chức đại hội từ ngày 10/3 - 25/3/2030. "
        "Đại hội đại biểu Đảng bộ huyện Tam Nông lần thứ XII, nhiệm kỳ 2030 - 2035 dự kiến từ ngày 5/7 - 7/7/2030."
    )
    assert _items(text) == [("start", "2030-03-10 00:00", "2030-03-25 23:59", None)]


def test_a_commune_congress_in_a_district_plan_is_kept():
    text = (
        "HUYỆN ỦY TAM NÔNG\nSố 15-KH/HU\nTam Nông, ngày 05 tháng 01 năm 2030\nKẾ HOẠCH\n"
        "Đại hội Đảng bộ xã Phú Thọ lần thứ IX dự kiến từ ngày 5/4 - 7/4/2030."
    )
    assert _items(text) == [("start", "2030-04-05 00:00", "2030-04-07 23:59", None)]


# --- periods that are nobody's time to act -----------------------------------------------------------


def test_a_situation_update_covering_a_period_is_no_window():
    text = (
        "Ban Chỉ đạo phòng, chống thiên tai tỉnh thông tin về thiệt hại do bão số 3, cập nhật tình hình "
        "từ ngày 02/9/2031 đến 17h00 ngày 06/9/2031, như sau: 12 nhà bị tốc mái."
    )
    assert _items(text) == []


def test_a_request_to_update_figures_in_a_window_is_kept():
    text = "Đề nghị các xã cập nhật số liệu thiệt hại từ ngày 02/9/2031 đến ngày 06/9/2031."
    assert _items(text) == [("start", "2031-09-02 00:00", "2031-09-06 23:59", None)]


def test_an_awards_publication_period_is_not_a_submission_deadline():
    text = (
        "Theo Kế hoạch số 14-KH/BTGTU, thời gian đăng, phát tác phẩm tham dự Giải được tính từ ngày "
        "01/12/2030 đến ngày 15/9/2031. Các tác giả gửi tác phẩm về Ban Tổ chức trước ngày 20/9/2031."
    )
    assert _items(text) == [("complete", "2031-09-19 23:59", None, None)]


def test_an_extension_restated_by_the_next_sentence_is_one_deadline():
    text = (
        "Ban Tuyên giáo Tỉnh ủy quyết định gia hạn thời gian nhận bài dự thi đến ngày 15/10/2031. "
        "Bài dự thi gửi về Ban Tổ chức cuộc thi chậm nhất là ngày 15/10/2031."
    )
    assert _items(text) == [("complete", "2031-10-15 23:59", None, None)]


def test_an_extension_alone_is_the_deadline():
    text = "Ban Tổ chức gia hạn thời gian nhận bài dự thi đến ngày 15/10/2031."
    assert [i[1] for i in _items(text)] == ["2031-10-15 23:59"]


# --- a snippet of a law is no document ----------------------------------------------------------------


def test_a_snippet_cut_mid_sentence_quoting_a_law_is_no_document():
    text = (
        "sách nhà nước hằng năm báo cáo Hội đồng nhân dân cùng cấp.\n"
        "Chậm nhất 10 ngày làm việc sau khi được Hội đồng nhân dân cấp huyện phê chuẩn, Ủy ban nhân dân "
        "cấp huyện gửi báo cáo cho Sở Tài chính"
    )
    doc = parse_document(text)
    assert not doc.recognized
    assert (doc.deadlines, doc.doc_type, doc.issuer) == ([], None, None)


def test_a_paragraph_cut_mid_sentence_with_a_dated_deadline_is_still_read():
    text = "các chi bộ trực thuộc gửi báo cáo về Đảng ủy xã trước ngày 20/10/2031."
    doc = parse_document(text)
    assert doc.recognized
    assert deadline_items(doc) == [("report", "2031-10-19 23:59", None, None)]


# --- a state told as of a year-less day ---------------------------------------------------------------


def test_a_deadline_quoted_before_a_day_it_was_still_unmet_is_past():
    text = (
        "Sở Y tế vừa có thông báo lần 2 gửi các trạm y tế về báo cáo tiêm chủng năm 2031. Theo đó, sở nhắc "
        "các đơn vị hoàn thành báo cáo trước ngày 12-11. Tuy nhiên, đến ngày 20-11, nhiều trạm y tế chưa gửi báo cáo."
    )
    assert _items(text) == []


def test_a_reminder_that_gives_a_new_day_after_the_unmet_one_keeps_it():
    text = (
        "Đến ngày 20-11, nhiều trạm y tế chưa gửi báo cáo tiêm chủng năm 2031. "
        "Sở Y tế đề nghị các trạm y tế gửi báo cáo trước ngày 30-11."
    )
    assert _items(text) == [("report", "2031-11-29 23:59", None, None)]


# --- the point a report's figures are taken at ---------------------------------------------------------


def test_a_report_as_of_the_end_of_a_month_is_its_cut_off_not_its_deadline():
    text = (
        "Sở Nội vụ đề nghị các phòng Nội vụ báo cáo kết quả thực hiện chính sách tinh giản biên chế "
        "đến thời điểm hết tháng 9/2031 theo các nội dung sau:"
    )
    assert _items(text) == []


def test_a_cut_off_point_then_a_sending_day_keeps_the_sending_day():
    text = (
        "Các phòng báo cáo kết quả tinh giản biên chế tính đến thời điểm 30/9/2031, "
        "gửi về Sở Nội vụ trước ngày 10/10/2031."
    )
    assert _items(text) == [("report", "2031-10-09 23:59", None, None)]


# --- the type told by the page's title or the issuer's verb ---------------------------------------------


def test_a_reading_widget_line_is_passed_over_to_the_title():
    text = (
        "Ngày đăng: 03/02/2031 - Lượt xem: 12\nXem với cỡ chữ\n\n"
        "Thông báo lịch tiếp công dân của Chủ tịch UBND xã Tân Phú\n\nLịch tiếp công dân như sau."
    )
    assert parse_document(text).doc_type == "Thông báo"


def test_an_issuer_guiding_the_organising_of_an_event_tells_a_guidance():
    text = (
        "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Hậu Giang hướng dẫn việc tổ chức Ngày hội Đại đoàn kết "
        "toàn dân tộc năm 2031. Các khu dân cư tổ chức Ngày hội trước ngày 18/11/2031."
    )
    assert parse_document(text).doc_type == "Hướng dẫn"


def test_guidance_received_by_the_issuer_names_no_type_of_its_own():
    # the issuer being guided ("được hướng dẫn") is told of, it does not guide
    text = "Ủy ban nhân dân xã Tân Phú được Sở Tài chính hướng dẫn về quyết toán. Xã đã hoàn thành."
    assert parse_document(text).doc_type != "Hướng dẫn"


# --- an organ whose field is "phòng, chống ..." ----------------------------------------------------------


def test_an_organ_named_for_prevention_and_control_keeps_its_comma():
    text = (
        "Ban Chỉ đạo phòng, chống thiên tai tỉnh Phú Yên (Ban Chỉ đạo) thông tin nhanh về tình hình mưa lũ. "
        "Đề nghị các huyện báo cáo thiệt hại trước 16 giờ ngày 04/11/2031."
    )
    assert parse_document(text).issuer == "Ban Chỉ đạo phòng, chống thiên tai tỉnh Phú Yên"


def test_two_organs_listed_with_a_comma_are_still_no_one_issuer():
    text = "Bộ Chính trị, Ban Bí thư thông tin về kết quả hội nghị. Đề nghị các chi bộ báo cáo trước ngày 04/11/2031."
    assert parse_document(text).issuer not in ("Bộ Chính trị, Ban Bí thư", "Bộ Chính trị")


def test_the_ministry_of_information_is_a_name_not_the_verb_to_inform():
    text = "Sở Thông tin và Truyền thông tỉnh Phú Yên đề nghị các đơn vị báo cáo trước ngày 04/11/2031."
    assert parse_document(text).issuer == "Sở Thông tin và Truyền thông tỉnh Phú Yên"

"""Deadline rules of session 6 (issue 12, holdout5 misses), each checked on paragraphs written
afresh: other organisations, other dates, the same turn of the Vietnamese phrase. Each case is
what a careful reader takes from the paragraph -- the items a cell would be reminded of -- and
each rule has its negative: the look-alike sentence where it must not fire.

An item is (kind, due, until, rule): due/until as "YYYY-MM-DD HH:MM" local time, rule a
``Recurrence`` rule string for a schedule.
"""

from __future__ import annotations

import pytest

from services.parsing import parse_document
from tests.support.deadline_items import deadline_items


def _doc(body: str, issued: str | None = None) -> str:
    if issued is None:
        return body
    d, m, y = issued.split("/")
    return f"ĐẢNG ỦY XÃ HÒA BÌNH\n*\nSố 47-CV/ĐU\nHòa Bình, ngày {d} tháng {m} năm {y}\n\n{body}"


def _items(body: str, issued: str | None = None) -> list[tuple]:
    return deadline_items(parse_document(_doc(body, issued)))


# --- a monthly rule after a data cut-off ------------------------------------------------------


def test_a_monthly_rule_after_a_cut_off_is_the_rule_and_the_cut_off_day_is_not():
    body = (
        "Cục Thống kê tỉnh yêu cầu Chi cục Thống kê các huyện thực hiện:\n"
        "- Báo cáo tháng về tiến độ thu ngân sách, thời gian chốt số liệu ngày 20 tháng báo cáo, "
        "gửi về Cục Thống kê tỉnh trước ngày 26 hàng tháng."
    )
    assert _items(body, "03/3/2019") == [("recurring", None, None, "monthly<26")]


def test_a_cut_off_with_no_sending_after_it_gives_no_rule():
    body = "Đề nghị các phòng chuyên môn thực hiện báo cáo tháng theo mẫu, chốt số liệu đến ngày 22 hàng tháng."
    assert _items(body, "03/3/2019") == []


def test_a_cited_letter_about_monthly_reports_is_no_second_rule():
    body = (
        "Căn cứ Công văn số 512/CTK-TH ngày 10/4/2018 của Cục Thống kê về báo cáo tổng hợp hàng tháng "
        "đối với các huyện.\n\n"
        "Đề nghị các xã gửi báo cáo tháng về Chi cục Thống kê trước ngày 22 hàng tháng."
    )
    assert _items(body, "03/3/2019") == [("recurring", None, None, "monthly<22")]


def test_a_monthly_report_asked_in_the_letters_own_words_is_still_a_rule():
    body = "Các xã gửi báo cáo tình hình an ninh trật tự hàng tháng về Công an huyện."
    assert [i[0] for i in _items(body, "03/3/2019")] == ["recurring"]


# --- "vào cuối tháng" after a task held ---------------------------------------------------------


def test_a_task_held_at_the_end_of_a_month_is_due_then():
    body = (
        "Theo kế hoạch, Ban Thường vụ Huyện ủy chọn hai chi bộ tiến hành đại hội điểm "
        "vào cuối tháng 4-2021, sau đó các chi bộ còn lại hoàn thành trước 15-6-2021."
    )
    assert _items(body, "10/1/2021") == [
        ("complete", "2021-04-30 23:59", None, None),
        ("complete", "2021-06-14 23:59", None, None),
    ]


def test_the_end_of_a_month_as_a_target_figure_is_no_deadline():
    body = "Vào cuối tháng 6-2021, tỷ lệ hộ dân dùng nước sạch của xã đạt 95%."
    assert _items(body, "10/1/2021") == []


# --- how many reports a year, and reports dropped ------------------------------------------------


def test_a_count_of_reports_a_year_is_no_rule_and_the_days_after_it_are():
    body = (
        "Đề nghị các Phòng Tư pháp hàng năm chỉ thực hiện 03 kỳ báo cáo, không thực hiện báo cáo "
        "hàng tuần và hàng tháng. Báo cáo gửi về Sở Tư pháp trước ngày 20/4 đối với báo cáo quý I, "
        "trước ngày 20/10 đối với báo cáo 9 tháng hàng năm."
    )
    rules = [i[3] for i in _items(body, "05/1/2019")]
    assert rules == ["yearly<4-20", "yearly<10-20"]


def test_a_yearly_report_sent_every_year_is_still_a_rule():
    body = "Các trường gửi báo cáo tổng kết về Phòng Giáo dục hàng năm."
    assert [(i[0], i[3]) for i in _items(body, "05/1/2019")] == [("recurring", "yearly")]


# --- spans of years --------------------------------------------------------------------------


def test_a_span_of_years_of_a_record_is_not_a_start():
    body = (
        "Đề nghị tặng Bằng khen cho ông Trần Văn Bình, Trưởng phòng Văn hóa huyện, đã có thành tích "
        "trong công tác từ năm 2020 đến năm 2024. Ý kiến gửi về Phòng Nội vụ trước ngày 15/3/2024."
    )
    assert _items(body, "04/3/2024") == [("complete", "2024-03-14 23:59", None, None)]


def test_a_start_in_a_year_with_no_end_year_is_still_a_start():
    body = "Các chi bộ bắt đầu thực hiện sổ tay đảng viên điện tử từ năm 2025."
    assert [i[0] for i in _items(body, "04/11/2024")] == ["start"]


# --- a year typed years ahead ------------------------------------------------------------------


def test_a_deadline_typed_with_the_terms_end_year_is_read_in_the_letters_year_and_flagged():
    body = (
        "Các chi bộ khẩn trương chuẩn bị đại hội nhiệm kỳ 2025 - 2030, lưu ý đại hội chi bộ "
        "hoàn thành chậm nhất ngày 20 tháng 6 năm 2030."
    )
    doc = parse_document(_doc(body, "02/6/2025"))
    assert [(d.kind, d.due.strftime("%Y-%m-%d %H:%M")) for d in doc.deadlines] == [("complete", "2025-06-20 23:59")]
    assert "year_typo" in doc.deadlines[0].flags


@pytest.mark.parametrize(
    "body, due",
    [
        # a real goal years ahead, far from the letter's own weeks
        ("Các xã hoàn thành chuyển đổi số hồ sơ đảng viên chậm nhất ngày 31/12/2028.", "2028-12-31 23:59"),
        # a year ahead is no slip
        ("Các chi bộ hoàn thành kiểm điểm trước ngày 30/6/2026.", "2026-06-29 23:59"),
    ],
)
def test_a_deadline_years_ahead_far_from_the_letters_date_keeps_its_year(body, due):
    assert [i[1] for i in _items(body, "02/6/2025")] == [due]


# --- kinds -----------------------------------------------------------------------------------


def test_sending_right_after_a_report_is_drafted_is_a_report_deadline():
    body = (
        "Giao Phòng Tài chính - Kế hoạch chủ trì tổng hợp chung báo cáo. "
        "Yêu cầu hoàn thiện gửi Văn phòng HĐND và UBND huyện trước ngày 12/9/2022."
    )
    assert _items(body, "05/9/2022") == [("report", "2022-09-11 23:59", None, None)]


def test_submitting_after_a_report_clause_and_a_semicolon_is_a_report_deadline():
    body = (
        "Các phòng, ban rà soát, đánh giá kết quả và xây dựng báo cáo chuyên đề về cải cách hành chính; "
        "trình UBND huyện trước ngày 20/10/2022 để tổng hợp."
    )
    assert _items(body, "05/9/2022") == [("report", "2022-10-19 23:59", None, None)]


def test_sending_after_a_clause_with_no_report_is_a_completion():
    body = "Các xã rà soát danh sách hộ nghèo. Yêu cầu hoàn thiện gửi Phòng Lao động trước ngày 12/9/2022."
    assert _items(body, "05/9/2022") == [("complete", "2022-09-11 23:59", None, None)]


def test_a_task_to_finish_after_a_paragraph_ending_in_an_ellipsis_is_a_completion():
    body = (
        "Đồng chí Phó Chủ tịch yêu cầu các ngành viết báo cáo tham luận ở một số lĩnh vực: "
        "nông nghiệp, du lịch, chuyển đổi số, giao thông nông thôn, y tế cơ sở…\n\n"
        "Theo tiến độ dự kiến, các nhiệm vụ của ban tổ chức phải hoàn thành trước ngày 20-9."
    )
    assert _items(body, "05/9/2022") == [("complete", "2022-09-19 23:59", None, None)]


# --- a schedule listed by level after a colon -------------------------------------------------


def test_a_schedule_listed_by_level_gives_each_level_its_months():
    body = (
        "Lộ trình sơ kết phong trào gồm ba cấp: cấp xã, thị trấn trong tháng 8 và 9 năm 2022; "
        "cấp huyện tổ chức trong tháng 10 và 11 năm 2022; cấp tỉnh trong tháng 12 năm 2022."
    )
    assert _items(body, "05/7/2022") == [
        ("complete", "2022-08-01 00:00", "2022-09-30 23:59", None),
        ("complete", "2022-10-01 00:00", "2022-11-30 23:59", None),
        ("complete", "2022-12-31 23:59", None, None),
    ]


def test_finishing_within_listed_months_is_due_at_the_last_months_end():
    body = "Các chi bộ hoàn thành kiểm điểm trong tháng 8 và 9 năm 2022."
    assert _items(body, "05/7/2022") == [("complete", "2022-09-30 23:59", None, None)]


def test_a_list_after_a_colon_that_is_no_schedule_gives_no_deadline():
    body = (
        "Kết quả nổi bật gồm các lĩnh vực: doanh thu du lịch trong tháng 8 năm 2022; "
        "số khách quốc tế trong tháng 9 năm 2022."
    )
    assert _items(body, "05/10/2022") == []


# --- a sentence the page prints twice ---------------------------------------------------------


def test_a_deadline_sentence_printed_in_the_lead_and_again_in_the_body_is_one_item():
    sentence = "Ý kiến góp ý gửi về Phòng Nội vụ huyện (số 12 đường Trần Phú, thị trấn Hưng Hà) trước ngày 05.11.2021."
    body = f"{sentence}\n\nPhòng Nội vụ huyện Hưng Hà đề nghị lấy ý kiến nhân dân về hồ sơ khen thưởng.\n\n{sentence}"
    assert _items(body, "25/10/2021") == [("complete", "2021-11-04 23:59", None, None)]


def test_two_tasks_due_the_same_day_stay_two_items():
    body = (
        "Các chi bộ gửi danh sách đảng viên được tặng huy hiệu về Ban Tổ chức trước ngày 05.11.2021.\n\n"
        "Các chi bộ gửi báo cáo kiểm điểm tập thể chi ủy về Văn phòng Đảng ủy trước ngày 05.11.2021."
    )
    assert [i[0] for i in _items(body, "25/10/2021")] == ["complete", "report"]


# --- a tally told as of a day dates the text -----------------------------------------------------


def test_a_deadline_before_a_tally_told_as_of_a_later_day_is_past():
    body = (
        "Các huyện ủy đã chỉ đạo 12 chi bộ tiến hành đại hội điểm hoàn thành trước ngày 10/4/2025 "
        "bảo đảm yêu cầu.\n\n"
        "Đến ngày 18/4/2025, toàn huyện có 37/120 chi bộ đã đại hội xong."
    )
    assert _items(body) == []


def test_a_day_a_count_is_taken_on_later_does_not_date_the_text():
    body = (
        "Đề nghị các chi bộ hoàn thành đại hội trước ngày 30/5/2025. "
        "Đến ngày 15/6/2025, Ban Tổ chức tổng hợp kết quả báo cáo Ban Thường vụ."
    )
    assert [i[1] for i in _items(body)] == ["2025-05-29 23:59"]


# --- the organisers' own marking ---------------------------------------------------------------


def test_the_organisers_marking_and_prize_giving_window_is_not_the_units_deadline():
    body = (
        "Các chi bộ chọn bài dự thi tiêu biểu gửi về Ban Tổ chức cuộc thi của Huyện đoàn, "
        "thời gian từ 10.6.2023 đến 30.6.2023. Vòng chung kết, Ban Tổ chức cuộc thi cấp huyện "
        "tổ chức thu bài, chấm bài và trao giải, thời gian từ 01.7.2023 đến 20.7.2023."
    )
    assert _items(body, "02/6/2023") == [("start", "2023-06-10 00:00", "2023-06-30 23:59", None)]


def test_entries_sent_to_the_organisers_for_marking_keep_their_window():
    body = "Bài dự thi gửi về Ban Tổ chức để chấm bài và trao giải, thời gian nhận bài từ 10.6.2023 đến 30.6.2023."
    assert [(i[1], i[2]) for i in _items(body, "02/6/2023")] == [("2023-06-10 00:00", "2023-06-30 23:59")]


# --- what a cited document asks, told before this text's own request -------------------------------


def test_the_rule_a_cited_letter_sets_is_not_the_notices_own_request():
    body = (
        "Thực hiện chỉ đạo của UBND tỉnh tại Công văn số 1452/UBND-KGVX ngày 03/8/2021 về chế độ "
        "báo cáo tiêm chủng. Theo đó, UBND tỉnh yêu cầu các sở; các huyện, thành phố báo cáo trước "
        "8h00 hàng ngày về Sở Y tế.\n\n"
        "Sở Giáo dục và Đào tạo đề nghị các trường báo cáo trước 14h00 hàng ngày về Sở."
    )
    assert _items(body) == [("recurring", None, None, "daily<14:00")]


def test_a_news_page_telling_what_the_issuer_asks_keeps_the_request():
    body = (
        "Ngày 03/8/2021, UBND huyện ban hành Công văn số 1452/UBND-VP về báo cáo tiêm chủng. "
        "Theo đó, UBND huyện yêu cầu các xã báo cáo trước 8h00 hàng ngày về Trung tâm Y tế."
    )
    assert _items(body) == [("recurring", None, None, "daily<08:00")]


def test_accordingly_after_a_cited_letter_of_another_body_keeps_the_issuers_request():
    body = (
        "Thực hiện chỉ đạo của UBND tỉnh tại Công văn số 1452/UBND-KGVX ngày 03/8/2021. "
        "Theo đó, Sở Y tế yêu cầu các trung tâm y tế báo cáo trước 8h00 hàng ngày về Sở."
    )
    assert _items(body) == [("recurring", None, None, "daily<08:00")]


# --- the issuer's own level -----------------------------------------------------------------------

_PROVINCE_PLAN = """TỈNH ỦY QUẢNG BÌNH
*
Số 88-KH/TU
Quảng Bình, ngày 02 tháng 10 năm 2024

KẾ HOẠCH
tổ chức đại hội đảng bộ các cấp

{body}
"""


def _province_items(body: str) -> list[tuple]:
    doc = parse_document(_PROVINCE_PLAN.format(body=body))
    return [(d.kind, d.due.strftime("%Y-%m-%d %H:%M") if d.due else None) for d in doc.deadlines]


def test_the_provinces_own_congress_and_personnel_steps_are_not_the_cells_deadlines():
    body = (
        "Công tác nhân sự cấp cơ sở phải hoàn thành trước 15/3/2025, cấp trên cơ sở trước 30/4/2025, "
        "cấp tỉnh trước 30/6/2025.\n"
        "Đại hội đảng bộ cấp huyện hoàn thành trước ngày 31/8/2025. "
        "Đại hội đại biểu Đảng bộ tỉnh hoàn thành trước ngày 15/10/2025."
    )
    assert _province_items(body) == [
        ("complete", "2025-03-14 23:59"),
        ("complete", "2025-04-29 23:59"),
        ("complete", "2025-08-30 23:59"),
    ]


def test_a_base_level_task_in_a_province_plan_is_kept():
    body = "Đại hội các chi bộ trực thuộc cấp cơ sở hoàn thành trước ngày 31/5/2025."
    assert _province_items(body) == [("complete", "2025-05-30 23:59")]

"""Deadline rules of session 6, round 4 (issue 12, holdout6 misses), each checked on
paragraphs written afresh: other organisations, other dates, the same turn of the Vietnamese
phrase. Each case is what a careful reader takes from the paragraph -- the items a cell would
be reminded of -- and each rule has its negative: the look-alike sentence where it must not
fire.

An item is (kind, due, until, rule): due/until as "YYYY-MM-DD HH:MM" local time, rule a
``Recurrence`` rule string for a schedule.
"""

from __future__ import annotations

from services.directive_drafts import looks_like_directive
from services.parsing import parse_document
from tests.support.deadline_items import deadline_items


def _doc(body: str, issued: str | None = None) -> str:
    if issued is None:
        return body
    d, m, y = issued.split("/")
    return f"ĐẢNG ỦY XÃ TÂN LẬP\n*\nSố 52-CV/ĐU\nTân Lập, ngày {d} tháng {m} năm {y}\n\n{body}"


def _items(body: str, issued: str | None = None) -> list[tuple]:
    return deadline_items(parse_document(_doc(body, issued)))


# --- a directive pasted in chat on one line -----------------------------------------------------


def test_a_directive_pasted_on_one_line_is_read_as_the_same_lines_split():
    title, subject, body = (
        "Kế hoạch số 15-KH/ĐU ngày 02/3/2027",
        "V/v tổng kết công tác dân vận.",
        "Các chi bộ gửi báo cáo trước ngày 25/3/2027.",
    )
    one, split = f"{title} {subject} {body}", f"{title}\n{subject}\n{body}"
    a, b = parse_document(one), parse_document(split)
    assert looks_like_directive(a)
    assert (a.number, a.issued_on) == (b.number, b.issued_on)
    assert (a.doc_type, a.number, a.issued_on.isoformat()) == ("Kế hoạch", "15-KH/ĐU", "2027-03-02")
    assert [d.due.strftime("%d/%m/%Y") for d in a.deadlines] == ["24/03/2027"]


def test_a_chat_sentence_citing_a_document_is_still_no_directive():
    # a sentence that opens with no document's title is a message, not a pasted directive
    doc = parse_document("Đề nghị đồng chí xem lại Công văn số 15-KH/ĐU ngày 02/3/2027. Cảm ơn.")
    assert not looks_like_directive(doc)


def test_a_one_line_title_keeps_a_capital_abbreviation_inside_it():
    doc = parse_document(
        "Công văn số 88-CV/TU ngày 05/4/2027 của Thành ủy TP. Cần Thơ V/v sơ kết."
        " Các đảng bộ báo cáo trước ngày 20/4/2027."
    )
    assert doc.number == "88-CV/TU"
    assert doc.issued_on.isoformat() == "2027-04-05"


# --- "gửi ... về <organ>" after a cited plan is the sending, not the plan's title -----------------


def test_a_list_sent_to_an_organ_after_a_cited_plan_is_this_texts_deadline():
    items = _items(
        "Các chi bộ căn cứ Kế hoạch số 12-KH/ĐU ngày 03/4/2027 của Đảng ủy, cử một đảng viên tham gia"
        " tổ giúp việc và gửi danh sách về Văn phòng Đảng ủy trước 20/4/2027.",
        issued="10/4/2027",
    )
    assert items == [("complete", "2027-04-19 23:59", None, None)]


def test_a_date_inside_a_cited_plans_title_is_still_no_deadline():
    items = _items(
        "Thực hiện Kế hoạch số 12-KH/ĐU ngày 03/4/2027 của Đảng ủy về việc gửi danh sách đảng viên trước ngày"
        " 20/4/2027 của các chi bộ khối cơ quan",
        issued="10/4/2027",
    )
    assert items == []


# --- a schedule in a dashed list under a lead that asks for reports -------------------------------


def test_a_quarterly_day_in_a_list_under_a_request_for_reports_is_a_schedule():
    items = _items(
        "3. Chế độ thông tin: các chi bộ gửi báo cáo tình hình hoạt động tháng, quý về Văn phòng Đảng ủy\n"
        "- Trước ngày 22 hàng tháng đối với báo cáo tháng.\n"
        "- Trước ngày 18 tháng cuối quý, đối với quý.",
        issued="10/4/2027",
    )
    assert items == [("recurring", None, None, "monthly<22"), ("recurring", None, None, "quarterly<3-18")]


def test_a_quarterly_day_in_a_list_under_a_calendar_of_meetings_is_no_schedule():
    # the lead line asks for no report: the days are when meetings are held
    items = _items(
        "3. Lịch sinh hoạt của các chi bộ trong năm như sau:\n- Ngày 05 hàng tháng: sinh hoạt định kỳ.\n"
        "- Trước ngày 18 tháng cuối quý, họp chi ủy.",
        issued="10/4/2027",
    )
    assert items == []


# --- registering by a day of each month -------------------------------------------------------


def test_registering_by_a_day_of_each_month_is_a_monthly_limit():
    items = _items("2. Thời gian các hộ đến đăng ký tạm trú: trước ngày 10 hàng tháng tại trụ sở UBND xã.")
    assert items == [("recurring", None, None, "monthly<10")]


def test_a_meeting_day_of_each_month_without_registering_is_no_limit():
    items = _items("2. Thời gian tiếp công dân định kỳ: ngày 10 hàng tháng tại trụ sở UBND xã.")
    assert items == []


# --- a lead's bare start restated by the body's window --------------------------------------------


def test_a_lead_start_restated_as_a_window_in_the_body_is_one_item():
    items = _items(
        "Từ ngày 05/5/2027, Ban Tổ chức Đảng ủy bắt đầu tiếp nhận hồ sơ đề nghị kết nạp đảng viên.\n\n"
        "Thời gian tiếp nhận hồ sơ từ ngày 05/5, trong giờ hành chính đến 16 giờ ngày 26/5.",
        issued="28/4/2027",
    )
    assert items == [("start", "2027-05-05 00:00", "2027-05-26 16:00", None)]


def test_a_start_on_another_day_than_the_window_stays_its_own_item():
    items = _items(
        "Từ ngày 03/5/2027, các chi bộ bắt đầu rà soát danh sách đảng viên.\n\n"
        "Thời gian tiếp nhận hồ sơ từ ngày 05/5, trong giờ hành chính đến 16 giờ ngày 26/5.",
        issued="28/4/2027",
    )
    assert items == [("start", "2027-05-03 00:00", None, None), ("start", "2027-05-05 00:00", "2027-05-26 16:00", None)]


# --- a few days for filing, the month written once -----------------------------------------------


def test_a_few_days_for_filing_with_the_month_written_once_are_a_window():
    items = _items("Các chi bộ nộp hồ sơ đề nghị khen thưởng từ ngày 12 đến ngày 15.5-2027 tại Văn phòng Đảng ủy.")
    assert items == [("start", "2027-05-12 00:00", "2027-05-15 23:59", None)]


def test_a_congress_of_a_few_days_with_the_month_written_once_is_no_window():
    items = _items("Đại hội Đảng bộ xã được tổ chức từ ngày 12 đến ngày 15.5-2027 tại hội trường UBND xã.")
    assert items == []


def test_a_dotted_day_and_month_with_the_year_after_a_dash_is_that_day():
    items = _items("Các chi bộ gửi báo cáo về Đảng ủy trước ngày 18.5-2027.")
    assert items == [("report", "2027-05-17 23:59", None, None)]


# --- when the eligible works came out is no window --------------------------------------------


def test_the_period_works_were_published_in_is_no_window_and_the_entry_window_stays():
    items = _items(
        "Các cơ quan báo chí chọn các tác phẩm được đăng tải, phát sóng từ ngày 01/11/2026 đến ngày 30/4/2027"
        " để gửi dự giải.\n\nCác tác phẩm dự giải gửi về Ban Tổ chức từ ngày 02/3/2027 đến hết ngày 30/5/2027.",
        issued="20/2/2027",
    )
    assert items == [("start", "2027-03-02 00:00", "2027-05-30 23:59", None)]


def test_a_window_to_register_is_still_a_window():
    items = _items("Các chi bộ đăng ký từ ngày 02/3/2027 đến hết ngày 30/3/2027.", issued="20/2/2027")
    assert items == [("start", "2027-03-02 00:00", "2027-03-30 23:59", None)]


# --- an award's judging is the organisers' own work -----------------------------------------------


def test_the_judging_rounds_of_an_award_are_no_window_and_the_entry_deadline_stays():
    items = _items(
        "Hạn cuối nhận tác phẩm dự giải là ngày 15-5-2027. Tổ chức chấm vòng sơ khảo từ ngày 16-5 đến ngày"
        " 30-5-2027. Hội đồng chấm chung khảo từ ngày 01-6-2027 đến ngày 20-6-2027.",
        issued="20/2/2027",
    )
    assert items == [("complete", "2027-05-15 23:59", None, None)]


def test_a_window_to_send_works_to_the_judges_is_still_a_window():
    items = _items("Các chi bộ gửi tác phẩm về Hội đồng giám khảo từ ngày 16-5 đến ngày 30-5-2027.", issued="20/2/2027")
    assert items == [("start", "2027-05-16 00:00", "2027-05-30 23:59", None)]


# --- "để tổng hợp, báo cáo" is the receiving office's purpose ---------------------------------


def test_files_sent_for_the_office_to_report_upward_are_a_task_to_complete():
    items = _items(
        "Các thôn lập hồ sơ đề nghị gửi về Văn phòng Đảng ủy để tổng hợp, báo cáo Ban Thường vụ trước ngày 12/6/2027.",
        issued="20/5/2027",
    )
    assert items == [("complete", "2027-06-11 23:59", None, None)]


def test_a_report_sent_for_the_office_to_sum_up_is_still_a_report():
    items = _items(
        "Các chi bộ gửi báo cáo kết quả về Văn phòng Đảng ủy để tổng hợp, báo cáo Ban Thường vụ trước ngày 12/6/2027.",
        issued="20/5/2027",
    )
    assert items == [("report", "2027-06-11 23:59", None, None)]

"""parse_document on the four seed directives (docs/domain.md's expected extraction) and on
documents written for these tests to pin each rule by the language, not by a seed's wording."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest

from services.parsing import ParsedDocument, Recurrence, normalize, parse_document, strip_diacritics

SEEDS = Path(__file__).parent / "fixtures" / "seeds"


def seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def cv141() -> ParsedDocument:
    return parse_document(seed("003_11edc695b26208f2.txt"))


@pytest.fixture(scope="module")
def kh54() -> ParsedDocument:
    return parse_document(seed("000_ea0419651be1525a.txt"))


@pytest.fixture(scope="module")
def kh51() -> ParsedDocument:
    return parse_document(seed("002_c658ef2b8e34c7f5.txt"))


@pytest.fixture(scope="module")
def ward_plan() -> ParsedDocument:
    return parse_document(seed("001_6209555e4feaaf67.txt"))


def summary(doc: ParsedDocument) -> list[tuple]:
    return [(d.kind, d.due, d.recurrence.to_rule() if d.recurrence else None) for d in doc.deadlines]


# --- 141-CV/ĐUK -------------------------------------------------------------------------------


def test_141_is_an_urgent_letter_with_its_number_normalised(cv141):
    assert cv141.doc_type == "Công văn"
    assert cv141.number == "141-CV/ĐUK"
    assert cv141.urgent == "KHẨN"
    assert cv141.secret is None


def test_141_subject_keeps_v_v_and_drops_the_quotes(cv141):
    assert cv141.subject == ("V/v tổ chức quán triệt, tuyên truyền Nghị quyết số 05-NQ/TU ngày 05/8/2021 của Tỉnh ủy")


def test_141_addressees_are_the_two_dash_items(cv141):
    assert cv141.addressees == ["Các chi, đảng bộ cơ sở", "Đoàn Khối, Hội Cựu chiến binh Khối"]


def test_141_recipients_exclude_the_filing_line(cv141):
    assert cv141.recipients == [
        "Thường trực Tỉnh ủy",
        "Ban Tuyên giáo Tỉnh ủy",
        "Ban Thường vụ Đảng ủy",
        "Các Ban Xây dựng đảng ĐUK",
        "Đoàn Khối",
        "Hội CCB Khối",
        "Các chi, đảng bộ cơ sở",
    ]


def test_141_signature(cv141):
    assert cv141.signer == "Nguyễn Phúc Hậu"
    assert cv141.signer_title == "BÍ THƯ"


def test_141_has_no_printed_date_and_takes_2021_from_its_references(cv141):
    assert cv141.issued_on is None
    assert cv141.year == 2021


def test_141_issuer_comes_from_its_own_words_and_number_suffix(cv141):
    assert cv141.issuer == "Đảng ủy Khối"


def test_141_has_exactly_three_deadlines_in_order(cv141):
    assert summary(cv141) == [
        ("complete", datetime(2021, 8, 20, 23, 59), None),
        ("report", datetime(2021, 8, 22, 23, 59), None),
        ("plan", datetime(2021, 8, 29, 23, 59), None),
    ]


def test_141_completion_is_through_20_8(cv141):
    d = cv141.deadlines[0]
    assert d.text == "từ nay đến hết ngày 20/8/2021"
    assert d.shown == "đến hết 20/8/2021"


def test_141_report_deadline_is_day_before_23_8(cv141):
    d = cv141.deadlines[1]
    assert "trước ngày 23/8/2021" in d.text
    assert d.anchor == date(2021, 8, 23)
    assert d.shown == "trước 23/8/2021"


def test_141_plan_deadline_is_day_before_30_8(cv141):
    d = cv141.deadlines[2]
    assert "trước ngày 30/8/2021" in d.text
    assert d.shown == "trước 30/8/2021"


def test_141_reference_dates_and_the_classification_year_are_not_deadlines(cv141):
    anchors = {d.anchor for d in cv141.deadlines}
    assert date(2021, 8, 5) not in anchors and date(2021, 8, 9) not in anchors
    assert all("trong năm 2021" not in d.text for d in cv141.deadlines)
    assert all(d.due != datetime(2021, 12, 31, 23, 59) for d in cv141.deadlines)


def test_141_report_fields(cv141):
    assert cv141.report_fields == [
        "hình thức quán triệt",
        "số lượng người tiếp cận/tổng số cán bộ, công chức, lao động (đạt %)",
        "nhận thức của cán bộ, đảng viên, quần chúng sau khi được học tập",
    ]


def test_141_json_dict(cv141):
    data = cv141.to_json_dict()
    assert data["issued_on"] is None
    assert data["number"] == "141-CV/ĐUK"
    assert data["deadlines"][1] == {
        "kind": "report",
        "due": "2021-08-22T23:59:00",
        "recurrence": None,
        "text": cv141.deadlines[1].text,
        "shown": "trước 23/8/2021",
    }
    assert {
        "doc_type",
        "number",
        "issuer",
        "issued_on",
        "subject",
        "urgent",
        "secret",
        "addressees",
        "recipients",
        "signer",
        "report_fields",
        "deadlines",
    } <= set(data)


# --- 54-KH/ĐUK --------------------------------------------------------------------------------


def test_54_is_a_plan_of_the_bloc_committee(kh54):
    assert kh54.doc_type == "Kế hoạch"
    assert kh54.number == "54-KH/ĐUK"
    assert kh54.issuer == "Đảng ủy Khối các cơ quan thành phố Đà Nẵng"
    assert kh54.signer == "Nguyễn Hữu Lợi"
    assert kh54.urgent is None and kh54.secret is None


def test_54_subject_is_the_title_block(kh54):
    assert kh54.subject == (
        "Thực hiện Nghị quyết số 08-NQ/TU ngày 30/7/2021 của Ban Thường vụ Thành ủy Đà Nẵng "
        "về tăng cường một số biện pháp cấp bách phòng, chống dịch COVID-19 trên địa bàn "
        "thành phố Đà Nẵng"
    )


def test_54_deadlines_complete_in_august_two_starts_and_a_daily_report(kh54):
    assert summary(kh54) == [
        ("complete", datetime(2021, 8, 31, 23, 59), None),
        ("start", datetime(2021, 8, 4, 0, 0), None),
        ("start", datetime(2021, 8, 4, 0, 0), None),
        ("recurring", None, "daily"),
    ]
    assert kh54.deadlines[0].text == "Hoàn thành trong tháng 8/2021"
    assert kh54.deadlines[0].shown == "trong tháng 8/2021"
    assert [d.text for d in kh54.deadlines[1:3]] == ["Từ ngày 04/8/2021", "Từ ngày 04/8/2021"]
    assert kh54.deadlines[3].text == "báo cáo hằng ngày"
    assert kh54.deadlines[3].shown == "hằng ngày"


def test_54_resolution_date_30_7_is_a_reference(kh54):
    assert all(d.anchor != date(2021, 7, 30) for d in kh54.deadlines)


def test_54_recipients_and_no_addressees(kh54):
    assert kh54.addressees == []
    assert kh54.recipients[0] == "BTV Thành ủy (để b/c)"
    assert kh54.recipients[-1] == "UVUBKT Đảng ủy Khối"
    assert not any(r.startswith("Lưu") for r in kh54.recipients)


# --- 51-KH/QU ---------------------------------------------------------------------------------


def test_51_is_a_plan_of_ha_dong_district_committee(kh51):
    assert kh51.doc_type == "Kế hoạch"
    assert kh51.number == "51-KH/QU"
    assert kh51.issuer == "Quận ủy Hà Đông"
    assert kh51.signer == "Nguyễn Thanh Xuân"  # not the transcribed signature "Thanh Xuân"


def test_51_only_deadline_is_the_daily_report_at_three_hours(kh51):
    assert len(kh51.deadlines) == 1
    d = kh51.deadlines[0]
    assert (d.kind, d.due) == ("recurring", None)
    assert d.recurrence == Recurrence(freq="daily", times=("06:00", "12:00", "18:00"))
    assert d.text == "báo cáo theo các khung giờ (06h, 12h, 18h) hàng ngày"
    assert d.shown == "hằng ngày lúc 06:00, 12:00, 18:00"


def test_51_wrapped_recipient_line_joins_its_item(kh51):
    assert "Đ/c Lê Hồng Sơn -UVTV Thành ủy, Phó CTUBNDTP (để b/c)" in kh51.recipients
    assert "Lưu VP/QU" not in kh51.recipients


# --- ward plan (no number) --------------------------------------------------------------------


def test_ward_plan_has_no_number_and_no_deadlines(ward_plan):
    assert ward_plan.doc_type == "Kế hoạch"
    assert ward_plan.number is None
    assert ward_plan.deadlines == []
    assert ward_plan.year == 2020
    assert ward_plan.signer is None


def test_ward_plan_issuer_is_the_ward_party_committee(ward_plan):
    assert ward_plan.issuer == "Đảng ủy phường"


def test_ward_plan_subject(ward_plan):
    assert ward_plan.subject == (
        "Thực hiện tuyên truyền Thông báo Kết luận số 172 -TB/TW của Bộ chính trị về công tác "
        "phòng, chống dịch bệnh Covid - 19"
    )


# --- a document with a printed header (written for these tests) -------------------------------

HUYEN_UY_LETTER = """\
ĐẢNG BỘ TỈNH QUẢNG NAM                    ĐẢNG CỘNG SẢN VIỆT NAM
HUYỆN ỦY NÚI THÀNH
*
Số 123 - CV/HU                            Núi Thành, ngày 15 tháng 9 năm 2021
V/v sơ kết 6 tháng thực hiện
Chỉ thị số 05-CT/TW
                                           MẬT
Kính gửi: Các chi bộ, đảng bộ trực thuộc; Ban Tuyên giáo Huyện ủy.

Thực hiện Công văn số 45-CV/TU ngày 10/9/2021 của Ban Thường vụ Tỉnh ủy về sơ kết, Ban \
Thường vụ Huyện ủy yêu cầu các chi bộ, đảng bộ trực thuộc thực hiện tốt một số nội dung sau:
1. Các chi bộ tổ chức hội nghị quán triệt chậm nhất ngày 25/9/2021.
2. Báo cáo kết quả về Ban Tuyên giáo Huyện ủy trước 17h00 ngày 30/9/2021. Nội dung báo cáo gồm:
- Kết quả quán triệt;
- Khó khăn, vướng mắc;
- Đề xuất, kiến nghị.
3. Xây dựng kế hoạch thực hiện, hoàn thành trong quý IV/2021.
4. Thực hiện chế độ báo cáo định kỳ hằng tháng trước ngày 25; báo cáo hằng tuần vào thứ Sáu.
5. Tính đến ngày 10/9/2021, toàn huyện có 50 chi bộ. Trong năm 2021, các chi bộ đã kết nạp \
20 đảng viên. Thời gian qua, các chi bộ đã hoàn thành trước ngày 30/6/2021 việc kiểm điểm.
6. Thời gian thực hiện: từ ngày 20/9/2021 đến ngày 31/10/2021.
7. Hạn nộp báo cáo: 5/10.
8. Các chi bộ nộp danh sách trước ngày 31/2/2021.

Nơi nhận:
- Thường trực Tỉnh ủy (để b/c),
- Như kính gửi,
- Lưu VP.
K/T BÍ THƯ
PHÓ BÍ THƯ

Trần Văn An
"""


@pytest.fixture(scope="module")
def huyen_uy() -> ParsedDocument:
    return parse_document(HUYEN_UY_LETTER)


def test_printed_header_gives_issuer_and_issue_date(huyen_uy):
    assert huyen_uy.issuer == "Huyện ủy Núi Thành"
    assert huyen_uy.issued_on == date(2021, 9, 15)
    assert huyen_uy.year == 2021
    assert huyen_uy.number == "123-CV/HU"


def test_secret_mark_printed_beside_the_header(huyen_uy):
    assert huyen_uy.secret == "MẬT"
    assert huyen_uy.urgent is None


def test_subject_lines_are_joined(huyen_uy):
    assert huyen_uy.subject == "V/v sơ kết 6 tháng thực hiện Chỉ thị số 05-CT/TW"


def test_addressees_split_on_semicolons(huyen_uy):
    assert huyen_uy.addressees == ["Các chi bộ, đảng bộ trực thuộc", "Ban Tuyên giáo Huyện ủy"]


def test_deputy_signs_for_the_secretary(huyen_uy):
    assert (huyen_uy.signer, huyen_uy.signer_title) == ("Trần Văn An", "PHÓ BÍ THƯ")


def test_report_fields_listed_as_dash_items_stop_at_the_next_task(huyen_uy):
    assert huyen_uy.report_fields == ["Kết quả quán triệt", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị"]


def test_every_cue_form_becomes_the_right_deadline(huyen_uy):
    assert [(d.kind, d.due, d.recurrence.to_rule() if d.recurrence else None, d.shown) for d in huyen_uy.deadlines] == [
        ("complete", datetime(2021, 9, 25, 23, 59), None, "đến hết 25/9/2021"),
        ("report", datetime(2021, 9, 30, 17, 0), None, "trước 17:00 30/9/2021"),
        ("plan", datetime(2021, 12, 31, 23, 59), None, "trong quý IV/2021"),
        ("recurring", None, "monthly<25", "hằng tháng trước ngày 25"),
        ("recurring", None, "weekly@fri", "hằng tuần vào thứ Sáu"),
        # "từ ngày 20/9/2021 đến ngày 31/10/2021": one window, not a start and a deadline
        ("start", datetime(2021, 9, 20, 0, 0), None, "từ 20/9/2021 đến hết 31/10/2021"),
        ("report", datetime(2021, 10, 5, 23, 59), None, "đến hết 5/10/2021"),
    ]
    window = huyen_uy.deadlines[5]
    assert window.until == datetime(2021, 10, 31, 23, 59)
    assert window.to_json_dict()["until"] == "2021-10-31T23:59:00"


def test_statistics_as_of_and_past_narrative_are_not_deadlines(huyen_uy):
    anchors = {d.anchor for d in huyen_uy.deadlines}
    assert date(2021, 9, 10) not in anchors  # "Tính đến ngày 10/9/2021" and the cited letter
    assert date(2021, 6, 30) not in anchors  # "Thời gian qua, ... đã hoàn thành trước ..."
    assert all(
        d.due != datetime(2021, 12, 31, 23, 59) or d.kind == "plan" for d in huyen_uy.deadlines
    )  # "Trong năm 2021, ... đã kết nạp" is narrative


def test_impossible_date_is_a_warning_never_a_deadline(huyen_uy):
    assert "ngày 31/2/2021 không tồn tại" in huyen_uy.warnings
    assert all("31/2/2021" not in d.text for d in huyen_uy.deadlines)


def test_year_less_date_takes_the_document_year(huyen_uy):
    assert huyen_uy.deadlines[-1].anchor == date(2021, 10, 5)


# --- single rules, each on a small text --------------------------------------------------------


def deadlines_of(text: str) -> list[tuple]:
    return [(d.kind, d.due) for d in parse_document(text).deadlines]


def test_reference_only_text_has_no_deadlines():
    text = (
        "Căn cứ Nghị quyết số 12-NQ/TU ngày 20/7/2021 của Tỉnh ủy và Công văn số 293- "
        "CV/BTG , ngày 09/8/2021 của Ban Tuyên giáo; Chỉ thị 16/CT-TTg ngày 31/3/2020 của "
        "Thủ tướng; Điện của Thường trực Ban Bí thư ngày 14/3/2020."
    )
    assert deadlines_of(text) == []


def test_within_a_year_modifying_a_noun_is_not_a_deadline_but_completing_within_it_is():
    assert deadlines_of("Đưa vào tiêu chí phân loại đảng viên trong năm 2021.") == []
    assert deadlines_of("Các chi bộ hoàn thành trong năm 2021.") == [("complete", datetime(2021, 12, 31, 23, 59))]


def test_period_opening_a_clause_with_a_doing_verb_is_a_deadline():
    assert deadlines_of("Trong tháng 9/2021, các chi bộ báo cáo kết quả về Đảng ủy.") == [
        ("report", datetime(2021, 9, 30, 23, 59))
    ]


def test_time_label_at_the_very_start_of_the_text_is_a_deadline():
    assert deadlines_of("Thời gian thực hiện: 1/9/2021.") == [("complete", datetime(2021, 9, 1, 23, 59))]


def test_time_label_with_a_period_is_a_deadline():
    assert deadlines_of("Thời gian hoàn thành: tháng 10/2021.") == [("complete", datetime(2021, 10, 31, 23, 59))]


def test_start_before_the_issue_date_is_a_past_event():
    header = "Hà Nội, ngày 3 tháng 8 năm 2021\n\nKẾ HOẠCH\n\nvề phòng, chống dịch\n\n"
    text = header + (
        "Từ ngày 27/4/2021, dịch bệnh diễn biến phức tạp. Từ ngày 10/8/2021, các chi bộ tổ chức trực 24/24h."
    )
    assert deadlines_of(text) == [("start", datetime(2021, 8, 10, 0, 0))]


def test_past_narrative_marker_makes_a_start_a_reference_even_without_an_issue_date():
    text = "Thời gian gần đây, nhất là từ ngày 27/4/2021, dịch bệnh bùng phát mạnh."
    assert deadlines_of(text) == []


def test_same_phrase_in_two_sections_gives_two_deadlines():
    text = (
        "1. Tuyên truyền\n+ Thời gian thực hiện: Từ ngày 04/8/2021.\n"
        "2. Kiểm tra\n+ Thời gian thực hiện: Từ ngày 04/8/2021.\n"
    )
    assert deadlines_of(text) == [("start", datetime(2021, 8, 4, 0, 0))] * 2


def test_issuer_code_after_a_slash_is_not_the_word_from():
    # "08-NQ/TU ngày 30/7/2021": TU is Tỉnh ủy, not "từ ngày"
    assert deadlines_of("Thực hiện Nghị quyết số 08-NQ/TU ngày 30/7/2021 của Thành ủy.") == []


def test_report_kind_survives_a_line_wrapped_mid_sentence():
    text = (
        "Các chi bộ báo cáo kết quả triển khai, quán triệt Nghị quyết về Ban Tuyên giáo\n"
        "Đảng ủy Khối trước ngày 23/8/2021."
    )
    assert deadlines_of(text) == [("report", datetime(2021, 8, 22, 23, 59))]


def test_short_heading_line_does_not_lend_its_verb_to_the_next_paragraph():
    text = "1. Báo cáo\nCác chi bộ hoàn thành hội nghị trước ngày 20/8/2021."
    assert deadlines_of(text) == [("complete", datetime(2021, 8, 19, 23, 59))]


def test_label_without_a_verb_takes_the_kind_of_its_task_heading():
    text = "2. Xây dựng kế hoạch thực hiện Nghị quyết\nThời gian: trước ngày 30/8/2021."
    assert deadlines_of(text) == [("plan", datetime(2021, 8, 29, 23, 59))]


def test_carrying_out_this_plan_is_completion_not_a_new_plan():
    text = "Các chi bộ triển khai thực hiện Kế hoạch này, hoàn thành trước ngày 30/9/2021."
    assert deadlines_of(text) == [("complete", datetime(2021, 9, 29, 23, 59))]


def test_already_done_is_not_a_deadline():
    assert deadlines_of("Các chi bộ đã hoàn thành trước ngày 30/9/2021.") == []


def test_recurring_needs_a_reporting_verb():
    assert deadlines_of("Thường xuyên cập nhật tình hình hằng ngày trên cổng thông tin.") == []
    assert deadlines_of("Các chi bộ gửi số liệu hằng tuần vào thứ Hai.") == [("recurring", None)]


def test_secret_word_inside_prose_is_not_a_mark():
    text = (
        "KẾ HOẠCH\n\nvề bảo vệ bí mật nhà nước\n\n"
        "Giữ gìn bí mật, kiểm soát mật độ dân cư, tăng cường mặt trận.\nMẬT ĐỘ\n"
    )
    doc = parse_document(text)
    assert doc.secret is None
    assert parse_document("KẾ HOẠCH\nTỐI MẬT\nnội dung").secret == "TỐI MẬT"


def test_standalone_secret_line_counts_even_in_lower_case():
    # Word's "All caps" style stores "Mật" and shows "MẬT": the text alone cannot tell
    assert parse_document("KẾ HOẠCH\nMật\nnội dung").secret == "MẬT"


@pytest.mark.parametrize(
    "mark,expected", [("HỎA TỐC", "HỎA TỐC"), ("HOẢ TỐC", "HỎA TỐC"), ("THƯỢNG KHẨN", "THƯỢNG KHẨN"), ("KHẨN", "KHẨN")]
)
def test_urgency_marks(mark, expected):
    assert parse_document(f"Số 5-CV/ĐU\n\n{mark}\n\nKính gửi: Các chi bộ").urgent == expected


def test_khan_inside_prose_is_not_an_urgency_mark():
    assert parse_document("Các chi bộ khẩn trương triển khai.\nKhăn\n").urgent is None


def test_government_style_number_and_decision_type():
    doc = parse_document("ỦY BAN NHÂN DÂN\nSố: 12/QĐ-UBND\n\nQUYẾT ĐỊNH\n\nVề việc thành lập")
    assert (doc.number, doc.doc_type) == ("12/QĐ-UBND", "Quyết định")


def test_issuer_falls_back_to_the_number_suffix():
    doc = parse_document("Số 7-HD/BTGTW\n\nHƯỚNG DẪN\n\ntuyên truyền kỷ niệm")
    assert (doc.doc_type, doc.issuer) == ("Hướng dẫn", "Ban Tuyên giáo Trung ương")


def test_mixed_case_header_and_capitalised_signer_name():
    text = (
        "Đảng bộ tỉnh Bình Dương\nĐảng ủy Khối doanh nghiệp\n*\nSố 8-TB/ĐUK\n"
        "Bình Dương, ngày 2 tháng 3 năm 2022\n\nTHÔNG BÁO\nKết luận về công tác tháng 3\n\n"
        "Các chi bộ báo cáo trước ngày 10/3.\n\nT/M BAN THƯỜNG VỤ\nPhó Bí thư\n"
        "NGUYỄN VĂN BÌNH\n"
    )
    doc = parse_document(text)
    assert doc.issuer == "Đảng ủy Khối doanh nghiệp tỉnh Bình Dương"
    assert (doc.doc_type, doc.subject) == ("Thông báo", "Kết luận về công tác tháng 3")
    assert (doc.signer, doc.signer_title) == ("Nguyễn Văn Bình", "PHÓ BÍ THƯ")
    assert summary(doc) == [("report", datetime(2022, 3, 9, 23, 59), None)]


def test_new_is_not_every():
    # folded "moi ngay" is both "mỗi ngày" (every day) and "mới ngày" (new ... day)
    text = "Trong tình hình mới ngày càng phức tạp, các chi bộ báo cáo kịp thời."
    assert deadlines_of(text) == []
    assert deadlines_of("Các chi bộ báo cáo mỗi ngày.") == [("recurring", None)]


def test_day_in_a_yearly_schedule_is_not_a_one_off_deadline():
    doc = parse_document("Các chi bộ báo cáo tổng kết trước ngày 15/12 hằng năm.")
    assert summary(doc) == [("recurring", None, "yearly<12-15")]


def test_cited_document_dated_after_today_is_a_typo_not_the_document_date():
    text = "Thực hiện Nghị quyết số 5-NQ/TU ngày 30/7/2031 của Tỉnh ủy, các chi bộ hoàn thành trước ngày 20/8/2021."
    assert parse_document(text).deadlines == []  # 30/7/2031 taken at face value hides it
    doc = parse_document(text, today=date(2021, 8, 10))
    assert summary(doc) == [("complete", datetime(2021, 8, 19, 23, 59), None)]


def test_year_comes_from_today_when_the_document_has_no_full_date():
    doc = parse_document("Các chi bộ hoàn thành trước ngày 20/8.", today=date(2022, 5, 1))
    assert doc.year == 2022
    assert summary(doc) == [("complete", datetime(2022, 8, 19, 23, 59), None)]


# --- the same letter written differently reads the same -----------------------------------------


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_pdf_style_hard_wrapped_lines_give_the_same_result(name):
    import textwrap

    text = seed(name)
    wrapped = "\n".join("\n".join(textwrap.wrap(line, 78)) if len(line) > 78 else line for line in text.split("\n"))
    assert wrapped.count("\n") > text.count("\n") + 10
    a, b = parse_document(text), parse_document(wrapped)
    assert summary(b) == summary(a)
    assert (b.subject, b.report_fields, b.number, b.signer) == (a.subject, a.report_fields, a.number, a.signer)


@pytest.mark.parametrize(
    "transform",
    [
        lambda s: unicodedata.normalize("NFD", s),
        lambda s: s.replace("\n", "\r\n"),
        lambda s: s.replace("**", ""),
    ],
)
def test_encoding_and_markup_variants_of_141_give_the_same_result(transform, cv141):
    again = parse_document(transform(seed("003_11edc695b26208f2.txt")))
    assert again.to_json_dict() == cv141.to_json_dict()


def test_141_typed_without_diacritics_gives_the_same_deadlines(cv141):
    plain = parse_document(strip_diacritics(seed("003_11edc695b26208f2.txt")))
    assert summary(plain) == summary(cv141)
    assert plain.number == "141-CV/DUK"
    assert plain.urgent == "KHẨN"
    assert plain.signer == "Nguyen Phuc Hau"


# --- robustness -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "junk",
    [
        "",
        "   \n\n",
        "Số",
        "Kính gửi:",
        "Nơi nhận:",
        "T/M\n",
        "\x00\x01\xff",
        "trước ngày",
        "hằng ngày",
        "31/2/2021",
        "99/99/9999",
        "ngày 0 tháng 0 năm 0000",
        "quý V/2021",
    ],
)
def test_never_raises_on_fragments(junk):
    doc = parse_document(junk)
    assert isinstance(doc, ParsedDocument)
    assert doc.to_json_dict()["deadlines"] == []


def test_non_text_input_returns_an_empty_result():
    assert parse_document(None) == ParsedDocument()  # type: ignore[arg-type]


def test_bytes_input_is_decoded():
    doc = parse_document(seed("003_11edc695b26208f2.txt").encode("utf-8"))  # type: ignore[arg-type]
    assert doc.number == "141-CV/ĐUK"


# --- rules for documents never seen (issue 12, holdout2 misses) ------------------------------


def dues(text: str) -> list[tuple]:
    return [(d.kind, d.due, d.until) for d in parse_document(text).deadlines]


def test_a_window_closed_by_ket_thuc_is_one_item_with_its_end():
    text = (
        "Hội đồng thi đua huyện thông báo: thời gian nhận hồ sơ xét khen thưởng bắt đầu từ ngày "
        "05/4/2022 và kết thúc lúc 16 giờ 30 ngày 20/4/2022."
    )
    [d] = parse_document(text).deadlines
    assert (d.kind, d.due, d.until) == ("start", datetime(2022, 4, 5, 0, 0), datetime(2022, 4, 20, 16, 30))
    assert d.text == "bắt đầu từ ngày 05/4/2022 và kết thúc lúc 16 giờ 30 ngày 20/4/2022"


def test_a_dotted_day_without_a_year_after_a_cue_takes_the_documents_year():
    text = "Các chi bộ nhận đăng ký từ 03.6 đến ngày 10.6.2023."
    assert dues(text) == [("start", datetime(2023, 6, 3, 0, 0), datetime(2023, 6, 10, 23, 59))]


def test_a_dotted_number_without_a_cue_is_not_a_date():
    assert dues("Tốc độ tăng trưởng đạt 12.5 phần trăm, hoàn thành kế hoạch năm 2023.") == []


def test_with_no_year_written_the_term_of_office_gives_the_year():
    text = (
        "Hội nghị giới thiệu người ứng cử đại biểu HĐND xã nhiệm kỳ 2026 - 2031. "
        "Chậm nhất đến 17 giờ ngày 20.2, các thôn gửi biên bản về Ban Thường trực."
    )
    assert dues(text) == [("complete", datetime(2026, 2, 20, 17, 0), None)]


def test_with_no_year_written_a_date_of_the_school_year_falls_in_its_half():
    text = "Kế hoạch năm học 2018-2019.\nTrước ngày 20/9, các tổ gửi kế hoạch; hoàn thành trước ngày 15/4."
    assert [d.due for d in parse_document(text).deadlines] == [
        datetime(2018, 9, 19, 23, 59),
        datetime(2019, 4, 14, 23, 59),
    ]


def test_a_cue_glued_to_the_word_before_it_still_governs_the_date():
    text = "Các xã báo cáo kết quả rà soát về Ủy ban nhân dân huyệnchậm nhất là ngày 12 tháng 5 năm 2022."
    assert dues(text) == [("report", datetime(2022, 5, 12, 23, 59), None)]


def test_two_list_lines_with_the_same_date_are_two_items_even_if_the_last_is_cut_off():
    text = (
        "Đề nghị:\n"
        "- Các chi bộ hoàn thành việc lấy ý kiến chậm nhất là ngày 9 tháng 8 năm 2022.\n"
        "- Các đoàn thể hoàn thành việc tổng hợp danh sách chậm nhất là ngày 9 tháng 8 năm 2022 (trư"
    )
    assert [d.due for d in parse_document(text).deadlines] == [datetime(2022, 8, 9, 23, 59)] * 2


def test_a_headline_above_the_article_is_still_one_item_with_it():
    text = (
        "Hoàn thành đại hội chi bộ trước ngày 30-4-2022\n\n"
        "Ban Thường vụ Huyện ủy yêu cầu các chi bộ hoàn thành đại hội chi bộ trước ngày 30-4-2022."
    )
    assert [d.due for d in parse_document(text).deadlines] == [datetime(2022, 4, 29, 23, 59)]


def test_the_standing_committees_own_task_is_not_a_deadline_for_the_cells():
    text = (
        "Huyện ủy yêu cầu các chi bộ hoàn thành tổng kết trước ngày 15/12/2022; "
        "Ban Thường vụ Huyện ủy hoàn thành tổng kết xong trong tháng 1/2023."
    )
    assert dues(text) == [("complete", datetime(2022, 12, 14, 23, 59), None)]


def test_the_standing_committee_handing_a_task_on_is_a_deadline():
    text = "Ban Thường vụ Huyện ủy yêu cầu các chi bộ hoàn thành tổng kết trước ngày 15/12/2022."
    assert dues(text) == [("complete", datetime(2022, 12, 14, 23, 59), None)]


def test_a_run_of_months_written_with_the_word_once_is_one_window():
    text = (
        "Năm 2024, các chi bộ tổ chức sinh hoạt chuyên đề từ tháng 3 - 5; "
        "báo cáo kết quả hoàn thành trong tháng 12/2024."
    )
    [window, end] = parse_document(text).deadlines
    assert (window.kind, window.due, window.until) == ("start", datetime(2024, 3, 1), datetime(2024, 5, 31, 23, 59))
    assert window.text == "từ tháng 3 - 5"
    assert end.due == datetime(2024, 12, 31, 23, 59)


def test_a_news_page_telling_a_plans_schedule_is_about_that_plan():
    doc = parse_document(
        "Thực hiện kế hoạch của Đảng ủy xã Hòa Phong về đại hội chi bộ, nhiều chi bộ đã tổ chức xong.\n\n"
        "Theo kế hoạch, các chi bộ còn lại hoàn thành đại hội trước ngày 20/4/2024."
    )
    assert (doc.doc_type, doc.number) == ("Kế hoạch", None)
    assert doc.issuer is not None and normalize(doc.issuer) == "dang uy xa hoa phong"
    assert [d.due for d in doc.deadlines] == [datetime(2024, 4, 19, 23, 59)]


def test_a_numbered_plan_after_theo_is_cited_not_the_pages_document():
    doc = parse_document("Theo Kế hoạch số 12-KH/ĐU của Đảng ủy xã, các chi bộ báo cáo trước ngày 20/4/2024.")
    assert doc.number is None


def test_a_first_line_opening_with_a_type_in_sentence_case_is_the_title():
    doc = parse_document(
        "Hướng dẫn tổ chức hội nghị cử tri tại thôn, tổ dân phố\n\n"
        "Các xã tổ chức hội nghị cử tri chậm nhất là ngày 05/3/2026."
    )
    assert doc.doc_type == "Hướng dẫn"


def test_a_headline_that_is_a_sentence_or_a_report_word_is_no_title():
    assert parse_document("Kế hoạch được triển khai đồng bộ.\nCác xã đã hoàn thành.").doc_type is None
    assert parse_document("Báo cáo viên cấp huyện dự tập huấn\nHội nghị diễn ra sáng nay.").doc_type is None


def test_a_text_opening_with_kinh_gui_is_a_letter():
    doc = parse_document(
        "Kính gửi:\n- Hiệu trưởng các trường Tiểu học,\n- Thủ trưởng các đơn vị trực thuộc.\n"
        "Đề nghị các đơn vị gửi danh sách trước ngày 12/10/2025."
    )
    assert doc.doc_type == "Công văn"


def test_theo_ke_hoach_with_what_it_plans_then_a_comma_is_the_pages_plan():
    doc = parse_document(
        "Theo kế hoạch tổ chức đại hội Hội Nông dân các cấp, đại hội cấp xã hoàn thành trước tháng 6.2027."
    )
    assert doc.doc_type == "Kế hoạch"
    assert [d.due for d in doc.deadlines] == [datetime(2027, 5, 31, 23, 59)]


def test_the_place_date_of_a_header_flattened_onto_one_line_follows_the_motto():
    doc = parse_document(
        "ĐẢNG BỘ HUYỆN MỸ HÀO ĐẢNG ỦY XÃ HÒA PHONG * Số 14-KH/ĐU ĐẢNG CỘNG SẢN VIỆT NAM "
        "Hòa Phong, ngày 07 tháng 3 năm 2024 KẾ HOẠCH tổ chức hội nghị"
    )
    assert (doc.number, doc.issued_on) == ("14-KH/ĐU", date(2024, 3, 7))


def test_the_date_after_the_number_of_the_document_a_page_quotes_is_its_issue_date():
    doc = parse_document(
        "Hội nghị đã quán triệt nội dung Kế hoạch số 58 ngày 12.9.2024 của Ban Thường vụ Huyện ủy "
        "về đại hội chi bộ; các chi bộ hoàn thành đại hội trước tháng 12.2024."
    )
    assert (doc.doc_type, doc.number, doc.issued_on) == ("Kế hoạch", "58", date(2024, 9, 12))


def test_drafting_the_political_report_is_a_completion_not_a_report_deadline():
    text = "Các đảng bộ xã hoàn thiện dự thảo báo cáo chính trị trước ngày 10/4/2025."
    assert [d.kind for d in parse_document(text).deadlines] == ["complete"]
    assert [d.kind for d in parse_document("Các chi bộ gửi báo cáo trước ngày 10/4/2025.").deadlines] == ["report"]


def test_a_window_ended_by_ket_thuc_ngay_is_one_item():
    assert dues("Cuộc thi bắt đầu từ ngày 1/8/2023 và kết thúc ngày 30/9/2023.") == [
        ("start", datetime(2023, 8, 1), datetime(2023, 9, 30, 23, 59))
    ]


def test_a_window_in_brackets_after_a_noun_is_its_span_not_a_task():
    assert dues("Trong đợt cao điểm (từ ngày 30/4 đến hết 03/5/2023), các đơn vị tăng cường trực.") == []


def test_a_window_in_brackets_after_a_time_label_is_the_tasks_window():
    assert dues("Thời gian thực hiện (từ ngày 01/8 đến ngày 30/9/2023), các chi bộ tổ chức cuộc thi.") == [
        ("start", datetime(2023, 8, 1), datetime(2023, 9, 30, 23, 59))
    ]


def test_a_communes_standing_committee_named_by_its_level_is_asked_not_the_issuer():
    text = "Ban Thường vụ Đảng ủy xã hoàn thành đại hội chi bộ trước ngày 15/5/2025."
    assert dues(text) == [("complete", datetime(2025, 5, 14, 23, 59), None)]


def test_a_v_v_line_after_the_place_date_of_a_one_line_header_makes_a_letter():
    doc = parse_document(
        "SỞ Y TẾ Độc lập - Tự do - Hạnh phúc Số: 55/SYT-NV Hà Giang, ngày 02 tháng 3 năm 2022 "
        "V/v báo cáo nhanh tình hình dịch bệnh Kính gửi: các đơn vị trực thuộc."
    )
    assert doc.doc_type == "Công văn"


def test_thang_glued_to_its_number_is_still_the_month():
    assert dues("Các đơn vị hoàn thành chậm nhất ngày 05 tháng11 năm 2022.") == [
        ("complete", datetime(2022, 11, 5, 23, 59), None)
    ]


def test_a_district_known_by_its_number_prints_the_place_date():
    doc = parse_document("ĐẢNG ỦY PHƯỜNG 7\nSố 21-KH/ĐU\nPhường 7, ngày 14 tháng 2 năm 2024\nKẾ HOẠCH\nsơ kết")
    assert doc.issued_on == date(2024, 2, 14)


# A two-column header flattened by a PDF copy: the subject block stops at the header fields
# printed under it (national motto, place-date line, number line, the "*" under the organ).
def test_flattened_pdf_header_subject_stops_at_the_motto_and_place_date():
    text = (
        "Số 152-CV/ĐUK\nV/v báo cáo kết quả học tập chuyên đề năm 2026\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Quảng Nam, ngày 02 tháng 12 năm 2026"
    )
    doc = parse_document(text)
    assert doc.subject == "V/v báo cáo kết quả học tập chuyên đề năm 2026"
    assert (doc.number, doc.issued_on) == ("152-CV/ĐUK", date(2026, 12, 2))


@pytest.mark.parametrize(
    "after",
    [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
        "Độc lập - Tự do - Hạnh phúc",
        "Hội An, ngày 5 tháng 1 năm 2027",
        "Hội An, ngày   tháng   năm 2027",
        "Số: 31/UBND-VX",
        "*",
    ],
)
def test_subject_continues_over_lines_but_not_into_a_header_field(after):
    text = f"V/v chuẩn bị hội nghị sơ kết\ncông tác dân vận quý I\n{after}\n\nKính gửi: Các chi bộ"
    assert parse_document(text).subject == "V/v chuẩn bị hội nghị sơ kết công tác dân vận quý I"


# "QĐ" codes both a decision and a regulation: the title line or the word before the number says
HEAD_TW = "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 45-QĐ/TW\nHà Nội, ngày 3 tháng 4 năm 2022\n"


@pytest.mark.parametrize(
    ("text", "doc_type"),
    [
        (HEAD_TW + "\nQUY ĐỊNH\nvề công tác kiểm tra\n", "Quy định"),
        (HEAD_TW + "\nQUYẾT ĐỊNH\nthành lập tổ công tác\n", "Quyết định"),
        (
            "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 45-QĐ/TW\nHà Nội, ngày 3 tháng 4 năm 2022\n"
            "Ban Bí thư ban hành Quy định số 45-QĐ/TW về công tác kiểm tra.\n",
            "Quy định",
        ),
        ("Ban Thường vụ ban hành Quyết định số 45-QĐ/HU về thành lập tổ công tác.\n", "Quyết định"),
    ],
)
def test_qd_is_a_decision_or_a_regulation_by_its_title(text, doc_type):
    assert parse_document(text).doc_type == doc_type


def test_news_of_a_letter_sent_out_reads_as_a_letter():
    text = "Sở Tư pháp vừa ra văn bản nhắc nhở các phòng gửi báo cáo về Sở.\nNội dung báo cáo theo mẫu đính kèm.\n"
    assert parse_document(text).doc_type == "Công văn"


def test_a_letters_closing_names_itself():
    text = (
        "Sở Y tế đề nghị thủ trưởng các đơn vị báo cáo số liệu tiêm chủng trước ngày 15/4/2022.\n"
        "Nhận được công văn này, đề nghị các đơn vị khẩn trương triển khai thực hiện./.\n"
    )
    assert parse_document(text).doc_type == "Công văn"


def test_the_content_to_report_is_not_a_report_quoted():
    text = "Các phòng thực hiện đầy đủ các nội dung báo cáo theo tinh thần chỉ đạo nêu trên.\n"
    assert parse_document(text).doc_type is None


def test_a_district_committees_own_congress_is_not_a_task_for_the_cells():
    text = (
        "Ban Thường vụ Huyện ủy Tân Yên dự kiến: từ tháng 6 đến tháng 7-2025 tiến hành đại hội Đảng bộ huyện. "
        "Đảng bộ xã Ngọc Thiện sẽ tiến hành đại hội điểm trước ngày 31-1-2025.\n"
    )
    doc = parse_document(text)
    assert doc.issuer == "Huyện ủy Tân Yên"
    assert [(d.due, d.until) for d in doc.deadlines] == [(datetime(2025, 1, 30, 23, 59), None)]


def test_the_congress_of_a_lower_level_stays_a_task():
    text = (
        "Ban Thường vụ Tỉnh ủy Bắc Giang yêu cầu: từ tháng 6 đến tháng 7-2025 tiến hành đại hội Đảng bộ huyện; "
        "đại hội Đảng bộ tỉnh trong tháng 10-2025.\n"
    )
    dues = [d.due for d in parse_document(text).deadlines]
    assert datetime(2025, 6, 1) in dues


def test_a_deadline_already_past_when_a_reminder_tells_the_state_as_of_a_later_day():
    text = (
        "Sở Tư pháp vừa ra văn bản nhắc nhở các phòng về báo cáo công tác năm.\n"
        "Thời hạn nộp báo cáo: trước ngày 20/12/2023. Tuy nhiên đến ngày 05/01/2024 vẫn còn nhiều "
        "đơn vị chưa nộp báo cáo về Sở.\n"
    )
    assert deadlines_of(text) == []


def test_the_same_deadline_without_a_later_state_is_kept():
    text = "Sở Tư pháp đề nghị các phòng nộp báo cáo công tác năm trước ngày 20/12/2023.\n"
    assert deadlines_of(text) == [("report", datetime(2023, 12, 19, 23, 59))]


def test_a_window_of_months_takes_its_year_from_the_end():
    text = (
        "Ban Thường vụ Huyện ủy Tân Yên dự kiến: từ tháng 9 đến tháng 11-2024 triển khai học tập nghị quyết; "
        "từ tháng 1 đến tháng 3-2025 tiến hành đại hội các chi bộ trực thuộc.\n"
    )
    assert [(d.kind, d.due, d.until) for d in parse_document(text).deadlines] == [
        ("start", datetime(2024, 9, 1), datetime(2024, 11, 30, 23, 59)),
        ("start", datetime(2025, 1, 1), datetime(2025, 3, 31, 23, 59)),
    ]


def test_a_committees_own_completed_act_is_not_a_deadline():
    text = (
        "Điểm mới lần này là Huyện ủy Tân Yên đã lấy ý kiến của các sở, ban, ngành, đoàn thể, "
        "nhân sĩ, trí thức của tỉnh trước ngày 15.3.\n"
    )
    doc = parse_document(text)
    assert (doc.deadlines, doc.recognized, doc.issuer) == ([], False, None)


def test_a_committees_instruction_told_with_da_is_still_a_deadline():
    text = "Huyện ủy Tân Yên đã yêu cầu các chi bộ, đảng bộ cơ sở báo cáo kết quả trước ngày 15/3/2024.\n"
    assert deadlines_of(text) == [("report", datetime(2024, 3, 14, 23, 59))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Theo kế hoạch, tháng 3-2025, tiến hành đại hội các chi bộ trực thuộc.",
            [("complete", datetime(2025, 3, 31, 23, 59))],
        ),
        ("- Tháng 3/2025 hoàn thành đại hội các chi bộ trực thuộc.", [("complete", datetime(2025, 3, 31, 23, 59))]),
        # a month that only dates what happened, or is not followed by the task, is no deadline
        ("Tháng 3-2025, Huyện ủy đã tổ chức hội nghị sơ kết.", []),
        ("Theo kế hoạch, tháng 3-2025 là tháng cao điểm tuyên truyền.", []),
    ],
)
def test_a_schedules_month_opening_its_clause_with_the_task_after_it(text, expected):
    assert deadlines_of(text) == expected


def test_a_measure_asked_of_the_recipients_from_a_day_is_a_start():
    text = (
        "Sở Y tế yêu cầu các trung tâm y tế, các bệnh viện trực thuộc thực hiện các nội dung, trong đó "
        "có việc tạm dừng thăm bệnh nhân kể từ ngày 03/9/2021.\n"
    )
    assert deadlines_of(text) == [("start", datetime(2021, 9, 3))]


def test_the_issuers_own_measure_from_a_day_is_an_effective_date():
    text = "1. Tạm dừng tiếp công dân tại trụ sở UBND phường kể từ ngày 03/9/2021 cho đến khi có thông báo mới.\n"
    assert deadlines_of(text) == []


def test_the_title_block_stops_where_the_body_starts_without_a_blank_line():
    # A secret notice pasted from a PDF: the body follows the title with no blank line; it
    # must not become the subject that every cell's chat receives.
    text = (
        "ĐẢNG ỦY XÃ AN PHÚ\nSố 12-TB/ĐU\nAn Phú, ngày 03 tháng 3 năm 2027\nMẬT\nTHÔNG BÁO\n"
        "về chuẩn bị nhân sự chi bộ nhiệm kỳ 2027-2030\n"
        "Phương án dự kiến: đồng chí Trần Văn C làm Bí thư.\n"
        "Các chi bộ báo cáo trước ngày 20/3/2027.\nT/M ĐẢNG ỦY\nBÍ THƯ\nNguyễn Văn D\n"
    )
    doc = parse_document(text)
    assert doc.subject == "Về chuẩn bị nhân sự chi bộ nhiệm kỳ 2027-2030"
    assert doc.secret == "MẬT"


def test_a_title_wrapped_after_cua_keeps_its_second_line():
    text = (
        "HUYỆN ỦY BÌNH SƠN\nSố 40-KH/HU\nBình Sơn, ngày 5 tháng 4 năm 2027\nKẾ HOẠCH\n"
        "học tập, quán triệt Nghị quyết của\nBan Chấp hành Đảng bộ tỉnh.\n\n"
        "Các chi bộ hoàn thành trước ngày 30/4/2027.\n"
    )
    assert parse_document(text).subject == "Học tập, quán triệt Nghị quyết của Ban Chấp hành Đảng bộ tỉnh"


def test_an_issue_date_printed_without_its_place_under_the_motto():
    text = (
        "ĐẢNG BỘ HUYỆN TÂN KỲ\nĐẢNG ỦY XÃ NGHĨA ĐỒNG\n*\nSố 07-KH/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Ngày 09 tháng 3 năm 2027\n\nKẾ HOẠCH\ntổ chức hội nghị học tập chuyên đề\n\n"
        "Các chi bộ hoàn thành trước ngày 30/3/2027.\n"
    )
    assert parse_document(text).issued_on == date(2027, 3, 9)


def test_a_body_sentence_opening_with_a_date_is_not_the_issue_date():
    text = (
        "ĐẢNG ỦY XÃ NGHĨA ĐỒNG\nKẾ HOẠCH\ntổ chức hội nghị\n\nNội dung:\n"
        "Ngày 09 tháng 3 năm 2027\nCác chi bộ hoàn thành trước ngày 30/3/2027.\n"
    )
    assert parse_document(text).issued_on is None


def test_inline_report_fields_end_before_the_next_numbered_item():
    text = (
        "ĐẢNG ỦY KHỐI\nSố 9-KH/ĐUK\nKẾ HOẠCH\nhọc tập chuyên đề\n\n"
        "2. Báo cáo kết quả trước ngày 20/4/2027. Báo cáo cần nêu rõ: hình thức, số người tham dự; khó khăn, đề xuất.\n"
        "3. Từ tháng 5/2027, các chi bộ báo cáo định kỳ trước ngày 25 hằng tháng.\n"
    )
    assert parse_document(text).report_fields == ["hình thức", "số người tham dự", "khó khăn", "đề xuất"]

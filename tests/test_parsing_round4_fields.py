"""Document fields, round 4 (issue 12): the type, number and issuer of a page, read by rules
of the language from texts written for these tests (other bodies, numbers and dates than the
holdout pages)."""

from __future__ import annotations

import logging

import pytest

from services.parsing import parse_document

# ---------------------------------------------------------------------------------------
# A head word followed by nothing but blanks (a form's empty cell, a page cut short) names
# nobody; the search goes on to the real subject further down
# ---------------------------------------------------------------------------------------
BLANK_AFTER_HEAD = [
    (
        "Tin ngày 3/3/2022\n\nSố" + " " * 300 + "1\n\nSở Y tế tỉnh Lâm Đồng yêu cầu các bệnh viện "
        "gửi báo cáo trước ngày 5/3/2022.",
        "Sở Y tế tỉnh Lâm Đồng",
    ),
    (
        "Sở" + " " * 400 + "\n\nBan Chỉ đạo tỉnh yêu cầu các huyện gửi báo cáo trước ngày 5/3/2022.",
        "Ban Chỉ đạo tỉnh",
    ),
]


@pytest.mark.parametrize(("text", "issuer"), BLANK_AFTER_HEAD)
def test_a_head_word_before_a_run_of_blanks_does_not_hide_the_issuer(
    text: str, issuer: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR):
        doc = parse_document(text)
    assert doc.issuer == issuer
    assert not [r for r in caplog.records if "failed" in r.getMessage()]


def test_a_number_alone_after_blanks_names_no_issuer() -> None:
    doc = parse_document("Số" + " " * 1000 + "1")
    assert doc.issuer is None


# ---------------------------------------------------------------------------------------
# Numbers: a unit's code may join two parts with "&" ("TC&BC": tổ chức và biên chế); the
# code runs on through it, but a "&" between words of a sentence is no code
# ---------------------------------------------------------------------------------------
def test_a_unit_code_with_an_ampersand_is_read_whole_in_the_body() -> None:
    doc = parse_document(
        "Rà soát biên chế\n\nSở Nội vụ tỉnh Hòa Bình vừa có Công văn số 412/SNV-TC&BC đề nghị các huyện "
        "gửi báo cáo trước ngày 12/6/2022."
    )
    assert doc.number == "412/SNV-TC&BC"


def test_a_unit_code_with_an_ampersand_is_read_whole_in_the_header() -> None:
    doc = parse_document(
        "SỞ NỘI VỤ TỈNH HÒA BÌNH\nSố: 77/SNV-TC&BC\nHòa Bình, ngày 2 tháng 6 năm 2022\nV/v rà soát biên chế"
    )
    assert doc.number == "77/SNV-TC&BC"


def test_an_ampersand_after_a_number_with_a_space_is_not_part_of_it() -> None:
    doc = parse_document(
        "Rà soát biên chế\n\nSở Nội vụ tỉnh Hòa Bình vừa có Công văn số 412/SNV-TCBC & hướng dẫn kèm theo."
    )
    assert doc.number == "412/SNV-TCBC"


# ---------------------------------------------------------------------------------------
# Places: a verb written with a capital after "huyện" is no place's name ("Ủy ban nhân dân
# huyện Xây dựng kế hoạch"); a place may open with a one-letter syllable ("huyện U Minh Thượng")
# ---------------------------------------------------------------------------------------
def test_a_capitalised_verb_after_the_place_word_is_not_the_place() -> None:
    doc = parse_document(
        "KẾ HOẠCH\nTổ chức ngày hội đọc sách trên địa bàn huyện Ba Tơ\n\n"
        "Thực hiện Kế hoạch số 21/KH-UBND ngày 2/3/2023 của UBND tỉnh Quảng Ngãi.\n\n"
        "Ủy ban nhân dân huyện Ban hành kế hoạch tổ chức ngày hội đọc sách năm 2023 như sau:\n\n"
        "Các xã báo cáo kết quả trước ngày 30/4/2023."
    )
    assert doc.issuer == "Ủy ban nhân dân huyện Ba Tơ"


def test_a_place_opening_with_a_one_letter_syllable_completes_the_organ() -> None:
    doc = parse_document(
        "KẾ HOẠCH\nKiểm tra công tác phòng cháy trên địa bàn huyện U Minh Thượng\n\n"
        "Ủy ban nhân dân huyện ban hành kế hoạch kiểm tra công tác phòng cháy năm 2022 tại huyện "
        "U Minh Thượng như sau:\n\nCác xã báo cáo trước ngày 15/5/2022."
    )
    assert doc.issuer == "Ủy ban nhân dân huyện U Minh Thượng"


def test_a_place_named_after_the_place_word_is_still_the_place() -> None:
    doc = parse_document(
        "Huyện ủy Tây Giang tổ chức hội nghị\n\nHuyện ủy Tây Giang yêu cầu các chi bộ gửi báo cáo trước ngày 9/9/2022."
    )
    assert doc.issuer == "Huyện ủy Tây Giang"


# ---------------------------------------------------------------------------------------
# The type word as the verb: "Ban Chỉ đạo ... thông báo số 7/TB-BCĐ về ..." issues that
# Thông báo; capitalised ("Thông báo số ...") or after "theo" it only names one
# ---------------------------------------------------------------------------------------
def test_a_body_announcing_by_number_issues_that_notice() -> None:
    doc = parse_document(
        "Tuyển dụng viên chức năm 2022\n\nHội đồng tuyển dụng viên chức huyện Krông Pắc thông báo số "
        "27/TB-HĐTD về việc nhận hồ sơ dự tuyển. Hồ sơ nộp trước ngày 20/7/2022."
    )
    assert (doc.doc_type, doc.number) == ("Thông báo", "27/TB-HĐTD")


def test_a_notice_cited_after_theo_is_not_the_pages_own() -> None:
    doc = parse_document(
        "Tuyển dụng viên chức năm 2022\n\nCác thí sinh nộp hồ sơ theo thông báo số 27/TB-HĐTD của "
        "Hội đồng tuyển dụng trước ngày 20/7/2022."
    )
    assert doc.number != "27/TB-HĐTD"


def test_the_verb_must_agree_with_the_numbers_type_code() -> None:
    doc = parse_document(
        "Tuyển dụng viên chức năm 2022\n\nHội đồng tuyển dụng viên chức huyện Krông Pắc thông báo số "
        "27/KH-HĐTD về việc nhận hồ sơ dự tuyển."
    )
    assert doc.number != "27/KH-HĐTD"


# ---------------------------------------------------------------------------------------
# A page's title after its furniture: a dashed trail of sections ("Tin tức - Xã A - Huyện B")
# or the post's stamp ("Ngày đăng: ... - Lượt xem: ...") comes before the title line
# ---------------------------------------------------------------------------------------
def test_a_title_after_a_dashed_trail_of_sections_gives_the_type() -> None:
    doc = parse_document(
        "Tin tức - Xã Tân Lập - Huyện Mộc Châu\n\nCông văn V/v rà soát hộ nghèo năm 2023\n\n"
        "Ủy ban nhân dân xã Tân Lập đề nghị các bản rà soát và gửi danh sách trước ngày 10/10/2023."
    )
    assert doc.doc_type == "Công văn"


def test_a_title_after_the_posts_stamp_gives_the_type() -> None:
    doc = parse_document(
        "Ngày đăng: 04/03/2022 - Lượt xem: 215\n\nThông báo lịch trực Tết của Ủy ban nhân dân phường Hòa Cường\n\n"
        "Các bộ phận gửi danh sách trực trước ngày 25/1/2022."
    )
    assert doc.doc_type == "Thông báo"


def test_a_title_with_dashes_is_not_a_trail_of_sections() -> None:
    doc = parse_document(
        "Kế hoạch tổ chức giải chạy - đi bộ - đạp xe năm 2023\n\nCác đơn vị đăng ký tham gia trước ngày 5/5/2023."
    )
    assert doc.doc_type == "Kế hoạch"


# ---------------------------------------------------------------------------------------
# A people's council (HĐND) of a place, as a sentence's subject, issues what it announces;
# "HĐND" with no place is the kind of body, not one issuer
# ---------------------------------------------------------------------------------------
def test_a_district_council_announcing_is_the_issuer() -> None:
    doc = parse_document(
        "Lịch tiếp xúc cử tri quý III năm 2022\n\n1. Thời gian: các xã đăng ký trước ngày 5/8/2022.\n\n"
        "Với nội dung trên, HĐND huyện Bảo Lâm thông báo để các xã, thị trấn biết và thực hiện./."
    )
    assert doc.issuer == "HĐND huyện Bảo Lâm"


def test_a_council_with_no_place_is_not_an_issuer() -> None:
    doc = parse_document(
        "Quy trình lấy phiếu tín nhiệm\n\nTheo luật, HĐND quyết định việc lấy phiếu tín nhiệm tại kỳ họp "
        "cuối năm. Các đại biểu gửi ý kiến trước ngày 5/8/2022."
    )
    assert doc.issuer is None


# ---------------------------------------------------------------------------------------
# A newspaper's editor's note (LTS, lời tòa soạn) naming the document the page carries out
# relays that document; the same "Thực hiện ..." in a body's own text cites a higher one
# ---------------------------------------------------------------------------------------
def test_an_editors_note_relays_the_letter_it_carries_out() -> None:
    doc = parse_document(
        "Chuyên mục góp ý dự thảo văn kiện\n\nLTS: Thực hiện Công văn số 418 ngày 3/4/2025 của Ban Tuyên "
        "giáo Tỉnh ủy, Báo Hà Giang mở chuyên mục góp ý dự thảo văn kiện. Bạn đọc gửi ý kiến từ ngày "
        "5/4 đến hết ngày 20/4/2025."
    )
    assert (doc.doc_type, doc.number) == ("Công văn", "418")
    assert doc.issuer == "Ban Tuyên giáo Tỉnh ủy"
    assert doc.issued_on is not None and doc.issued_on.isoformat() == "2025-04-03"


def test_carrying_out_a_letter_outside_an_editors_note_does_not_make_it_the_pages() -> None:
    doc = parse_document(
        "Chuyên mục góp ý dự thảo văn kiện\n\nThực hiện Công văn số 418 ngày 3/4/2025 của Ban Tuyên "
        "giáo Tỉnh ủy, Báo Hà Giang mở chuyên mục góp ý dự thảo văn kiện."
    )
    assert doc.number != "418"


# ---------------------------------------------------------------------------------------
# Two documents issued together ("Chỉ thị số ... và Kế hoạch số ..."): the one the page goes
# on to follow ("Theo kế hoạch, ...") is its own; with no such sign the first stays
# ---------------------------------------------------------------------------------------
PAIRED = (
    "Chuẩn bị đại hội\n\nBan Thường vụ Huyện ủy Tiên Phước đã ban hành Chỉ thị số 14-CT/HU và Kế hoạch "
    "số 71-KH/HU về đại hội chi bộ nhiệm kỳ 2025 - 2027. "
)


def test_of_two_documents_named_together_the_one_followed_is_the_pages() -> None:
    doc = parse_document(PAIRED + "Theo kế hoạch, các chi bộ hoàn thành đại hội trước ngày 30/6/2025.")
    assert (doc.doc_type, doc.number) == ("Kế hoạch", "71-KH/HU")


def test_of_two_documents_named_together_the_first_stays_without_a_sign() -> None:
    doc = parse_document(PAIRED + "Các chi bộ hoàn thành đại hội trước ngày 30/6/2025.")
    assert (doc.doc_type, doc.number) == ("Chỉ thị", "14-CT/HU")


# ---------------------------------------------------------------------------------------
# A body spelled out from its number's code ("HĐTT": Hội đồng thi tuyển) is named with the
# place the page writes right after it ("... TP. Cần Thơ"); no place after it, none added
# ---------------------------------------------------------------------------------------
def test_a_body_spelled_from_its_code_takes_the_place_written_after_it() -> None:
    doc = parse_document(
        "Tuyển công chức năm 2024\n\nTừ ngày 3/6/2024, Hội đồng thi tuyển TP. Cần Thơ nhận hồ sơ dự thi.\n\n"
        "Hội đồng thi tuyển công chức năm 2024 thông báo số 12/TB-HĐTT về lịch nhận hồ sơ. Hồ sơ nộp "
        "trước ngày 20/6/2024."
    )
    assert doc.issuer == "Hội đồng thi tuyển TP. Cần Thơ"


def test_a_body_spelled_from_its_code_with_no_place_after_it_stays_as_spelled() -> None:
    doc = parse_document(
        "Tuyển công chức năm 2024\n\nTừ ngày 3/6/2024, Hội đồng thi tuyển nhận hồ sơ dự thi.\n\n"
        "Hội đồng thi tuyển công chức năm 2024 thông báo số 12/TB-HĐTT về lịch nhận hồ sơ. Hồ sơ nộp "
        "trước ngày 20/6/2024."
    )
    assert doc.issuer == "Hội đồng thi tuyển"

"""Who issued a document, read as staff paste it: the printed header (after a page's
clutter, flattened onto one line, a name wrapped over two lines, a People's Committee printed
without its place), the organ named in the issuing clause, and a news page's subject. Also the
deadline rules added with them: a period's end ("vào cuối quý 2/2021") and a schedule table's
deadline column."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.parsing import parse_document
from services.parsing.vn_text import normalize

PLACES = ["Quảng Trị", "Nam Định", "Kon Tum", "Bắc Giang", "Hà Giang", "Sóc Trăng"]
CLUTTER = (
    "Để sử dụng toàn bộ tiện ích nâng cao của Hệ Thống Pháp Luật vui lòng lựa chọn và đăng ký gói cước, "
    "nếu bạn là thành viên vui lòng đăng nhập để tiếp tục xem toàn văn và tải về văn bản gốc.\n"
)


def issuer(text: str) -> str | None:
    return parse_document(text).issuer


def same(a: str | None, b: str) -> bool:
    return a is not None and normalize(a) == normalize(b)


@pytest.mark.parametrize("place", PLACES)
def test_a_peoples_committee_printed_without_its_place_takes_it_from_the_enacting_line(place):
    text = (
        f"ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        f"Số: 41/2019/QĐ-UBND | {place}, ngày 22 tháng 10 năm 2019 |\n"
        f"BAN HÀNH QUY ĐỊNH CHẾ ĐỘ BÁO CÁO ĐỊNH KỲ\n"
        f"ỦY BAN NHÂN DÂN TỈNH {place.upper()}\n"
        f"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
    )
    assert same(issuer(text), f"Ủy ban nhân dân tỉnh {place}")


@pytest.mark.parametrize("place", PLACES)
def test_else_from_the_place_of_the_date_line_and_the_noun_the_text_puts_before_it(place):
    text = (
        f"{CLUTTER}ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        f"Số: 130/KH-UBND | {place}, ngày 13 tháng 7 năm 2022 |\n"
        f"UBND tỉnh ban hành Kế hoạch giám sát chương trình trên địa bàn tỉnh {place} như sau:\n"
    )
    assert same(issuer(text), f"Ủy ban nhân dân tỉnh {place}")


def test_the_header_is_found_below_a_pages_clutter():
    text = (
        f"{CLUTTER}{CLUTTER}\nBỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN\n-------\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 4836/BNN-VPĐP\nV/v báo cáo sơ kết 03 năm\n\nHà Nội, ngày 25 tháng 06 năm 2018\n"
    )
    assert same(issuer(text), "Bộ Nông nghiệp và Phát triển nông thôn")


@pytest.mark.parametrize(
    ("run", "lower"),
    [
        ("ĐẢNG BỘ TỈNH THÁI NGUYÊN ĐẢNG BỘ HUYỆN ĐẠI TỪ ĐẢNG ỦY XÃ LA BẰNG", "Đảng ủy xã La Bằng"),
        ("ĐẢNG BỘ TỈNH QUẢNG NAM HUYỆN ỦY PHÚ NINH", "Huyện ủy Phú Ninh"),
        ("ĐẢNG BỘ THÀNH PHỐ HÀ NỘI ĐẢNG BỘ QUẬN CẦU GIẤY ĐẢNG ỦY PHƯỜNG DỊCH VỌNG", "Đảng ủy phường Dịch Vọng"),
    ],
)
def test_a_header_flattened_onto_one_line_gives_its_lowest_organ(run, lower):
    text = f"Nội dung\n\n{run} * Số 09 -KH/ĐU ĐẢNG CỘNG SẢN VIỆT NAM La Bằng, ngày 24 tháng 11 năm 2020 KẾ HOẠCH\n"
    assert same(issuer(text), lower)


def test_an_organ_name_wrapped_over_two_header_lines_is_one_name():
    text = (
        "Hướng dẫn tiêu chuẩn và hồ sơ xét kết nạp Đảng viên\nĐẢNG BỘ ĐẠI HỌC THÁI NGUYÊN\n\n"
        "ĐẢNG ỦY TRƯỜNG ĐẠI HỌC\n\nKỸ THUẬT CÔNG NGHIỆP\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\n*\n\n"
        "Số      -/ĐU\n\nThái Nguyên, ngày       tháng 10 năm 2021\n\nQUYẾT ĐỊNH\n"
    )
    assert same(issuer(text), "Đảng ủy Trường Đại học Kỹ thuật Công nghiệp")


def test_a_central_organ_under_the_central_committee_line_is_that_committees():
    text = (
        "BAN CHẤP HÀNH\nTRUNG ƯƠNG\nBAN TỔ CHỨC\n--------\n|\nĐẢNG CỘNG SẢN\nVIỆT NAM\n|\n"
        "Số: 16 -\nHD/BTCTW\n|\nHà Nội, ngày\n24 tháng 9 năm 2018\n|\nHƯỚNG DẪN\n"
    )
    assert same(issuer(text), "Ban Tổ chức Trung ương")


def test_a_site_name_above_a_clock_is_not_a_header():
    text = (
        "Văn phòng UBND tỉnh\nThứ ba 22/10/2019\nHướng dẫn nội dung tuyên truyền tháng 09/2019\n\n"
        "Ngày 27/8, Đảng ủy Văn phòng UBND tỉnh ban hành Công văn số 468 về việc hướng dẫn nội dung tuyên truyền.\n"
    )
    assert same(issuer(text), "Đảng ủy Văn phòng UBND tỉnh")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ban Tuyên giáo Tỉnh ủy đề nghị các địa phương, đơn vị quan tâm tuyên truyền.", "Ban Tuyên giáo Tỉnh ủy"),
        (
            "UBKT Đảng ủy Khối các cơ quan Trung ương đã xây dựng kế hoạch tổ chức kỷ niệm.",
            "UBKT Đảng ủy Khối các cơ quan Trung ương",
        ),
        (
            "Ban Thường vụ Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh An Giang vừa ban hành Công văn số 959.",
            "Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh An Giang",
        ),
    ],
)
def test_the_organ_named_in_the_issuing_clause_is_kept_whole(sentence, expected):
    assert same(issuer(sentence), expected) or same(issuer(sentence), "Ban Thường vụ " + expected)


COMMITTEES = [
    "Huyện ủy Bình Giang",
    "Quận ủy Cầu Giấy",
    "Huyện ủy Thanh Hà",
    "Thị ủy Hương Thủy",
    "Đảng ủy xã Tân Việt",
]
VERBS = ["đã chọn", "đang xin ý kiến", "vừa tổ chức", "đã phân công", "yêu cầu", "chỉ đạo"]
OPENINGS = ["", "Ban Thường vụ ", "Theo đó, ", "Tại hội nghị sơ kết, "]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(COMMITTEES), st.sampled_from(VERBS), st.sampled_from(OPENINGS))
def test_a_news_pages_issuer_is_the_committee_its_sentence_is_about(committee, verb, opening):
    text = f"{opening}{committee} {verb} các chi bộ hoàn thành đại hội trước ngày 25.3.2020.\nMINH NGUYỆT"
    assert same(issuer(text), committee)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(COMMITTEES))
def test_the_author_of_a_cited_document_is_not_the_issuer(committee):
    text = f"Thực hiện Kế hoạch số 12-KH/HU ngày 3/3/2020 của {committee}, các chi bộ hoàn thành trước ngày 30/3/2020."
    assert issuer(text) is None


def due(text: str) -> list[datetime | None]:
    return [d.due for d in parse_document(text).deadlines]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thời gian hoàn thành các hội nghị vào cuối quý 2/2021.", datetime(2021, 6, 30, 23, 59)),
        ("Các chi bộ hoàn thành trước cuối quý II năm 2021.", datetime(2021, 6, 30, 23, 59)),
        ("Đại hội chi bộ hoàn thành vào cuối tháng 3-2020.", datetime(2020, 3, 31, 23, 59)),
    ],
)
def test_the_end_of_a_period_after_a_completion_word_is_a_deadline(text, expected):
    assert due(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Phấn đấu đến cuối năm 2025, tỷ lệ đảng viên được kết nạp đạt 90%.",
        "Cuối tháng 3-2020 đã có 10 chi bộ tổ chức đại hội.",
    ],
)
def test_the_end_of_a_period_as_a_target_or_in_narrative_is_not(text):
    assert due(text) == []


def test_a_schedule_tables_deadline_column_governs_its_bare_dates():
    text = (
        "Kế hoạch số 12-KH/ĐU ngày 02/01/2021\n"
        "TT | Nội dung công việc | Thời hạn hoàn thành\n"
        "1 | Rà soát hồ sơ đảng viên | 30/6/2021\n"
        "2 | Kiểm điểm chi bộ | 15/7/2021 (thứ Năm)\n"
    )
    assert due(text) == [datetime(2021, 6, 30, 23, 59), datetime(2021, 7, 15, 23, 59)]


def test_a_row_labelled_as_the_deadline_governs_its_date():
    assert due("Kế hoạch số 12-KH/ĐU ngày 02/01/2021\n| Hoàn thành | 30/6/2021 |") == [datetime(2021, 6, 30, 23, 59)]


def test_bare_dates_in_a_table_without_a_deadline_column_are_not_deadlines():
    text = (
        "Kế hoạch số 12-KH/ĐU ngày 02/01/2021\n"
        "TT | Văn bản | Ngày ban hành\n"
        "1 | Nghị quyết 05-NQ/ĐU | 30/6/2021\n"
        "2 | Chỉ thị 03-CT/ĐU | 15/7/2021\n"
    )
    assert due(text) == []


# --- rules for documents never seen (issue 12, holdout2 misses) ------------------------------


def test_a_numbered_van_ban_issued_by_a_state_body_is_a_letter_with_its_number():
    doc = parse_document("Ngày 12-3, UBND huyện có văn bản số 715/UBND-VP về việc rà soát hộ nghèo.")
    assert (doc.doc_type, doc.number, doc.issuer) == ("Công văn", "715/UBND-VP", "UBND huyện")


def test_a_numbered_van_ban_with_a_type_code_takes_that_type():
    doc = parse_document("Sở Y tế vừa ban hành văn bản số 88/KH-SYT về tiêm chủng mùa hè.")
    assert (doc.doc_type, doc.number) == ("Kế hoạch", "88/KH-SYT")


def test_van_ban_alone_still_names_no_document():
    assert parse_document("Huyện đoàn có văn bản gửi các cơ sở đoàn.").doc_type is None


def test_a_coded_number_without_so_names_the_pages_document_and_its_body_by_initials():
    doc = parse_document(
        "Đây là nội dung tại Quyết định 15/QĐ-HĐTĐKT về tiêu chuẩn xét tặng danh hiệu. "
        "Hồ sơ gửi về Thường trực Hội đồng Thi đua Khen thưởng huyện."
    )
    assert (doc.doc_type, doc.number) == ("Quyết định", "15/QĐ-HĐTĐKT")
    assert same(doc.issuer, "Hội đồng Thi đua Khen thưởng")


def test_initials_may_skip_va_and_a_letters_first_code_is_its_issuer():
    doc = parse_document(
        "Số: 301/BKHĐT-TH\nV/v góp ý dự thảo\n"
        "Thực hiện chỉ đạo của Thủ tướng, Bộ Kế hoạch và Đầu tư đề nghị các địa phương góp ý."
    )
    assert same(doc.issuer, "Bộ Kế hoạch và Đầu tư")


def test_va_between_capitalised_parts_stays_inside_the_organs_name():
    doc = parse_document("Ngày 02/6/2025, Ban Tổ chức và Nội vụ Trung ương ban hành Hướng dẫn số 12-HD/BTCNVTW.")
    assert (doc.doc_type, doc.number, doc.issued_on.isoformat()) == ("Hướng dẫn", "12-HD/BTCNVTW", "2025-06-02")
    assert same(doc.issuer, "Ban Tổ chức và Nội vụ Trung ương")


def test_an_issue_date_in_words_before_the_signing_clause():
    doc = parse_document(
        "Ngày 03 tháng 4 năm 2023, đồng chí Trần Văn A, Phó Bí thư Huyện ủy đã ký ban hành "
        "Công văn số 512-CV/HU về việc chuẩn bị sơ kết."
    )
    assert (doc.doc_type, doc.number, doc.issued_on.isoformat()) == ("Công văn", "512-CV/HU", "2023-04-03")


def test_an_issue_date_in_words_after_the_number():
    doc = parse_document("Đảng ủy phường đã xây dựng Kế hoạch số 31-KH/ĐU ngày 05 tháng 3 năm 2022 về kiểm tra.")
    assert (doc.number, doc.issued_on.isoformat()) == ("31-KH/ĐU", "2022-03-05")


def test_van_ban_huong_dan_is_a_guidance_and_an_election_committee_its_issuer():
    doc = parse_document("Ủy ban Bầu cử xã Tam Anh vừa ban hành văn bản hướng dẫn nộp hồ sơ ứng cử.")
    assert doc.doc_type == "Hướng dẫn"
    assert same(doc.issuer, "Ủy ban Bầu cử xã Tam Anh")


def test_a_department_directing_its_schools_is_the_issuer_of_a_page_with_no_document():
    doc = parse_document(
        "Sở Tài nguyên và Môi trường đề nghị các phòng, đơn vị trực thuộc tăng cường kiểm tra bãi thải."
    )
    assert same(doc.issuer, "Sở Tài nguyên và Môi trường")
    assert doc.recognized


def test_a_sentence_opened_by_rieng_is_one_case_of_a_report_not_the_pages_document():
    doc = parse_document(
        "Đến nay, 9 trong 12 xã đã hoàn thành quán triệt nghị quyết. "
        "Riêng Đảng ủy xã Tân Phú đã xây dựng kế hoạch kiểm tra và triển khai đến các chi bộ. "
        "Riêng đối với thị trấn, Huyện ủy Minh Hòa đã chỉ đạo sớm hoàn thành."
    )
    assert (doc.doc_type, doc.issuer, doc.recognized) == (None, None, False)


def test_a_code_may_be_spelled_as_the_head_noun_and_the_rest_in_initials():
    doc = parse_document(
        "Trích Thông tư số 05/2022/TT-BGDĐT của Bộ trưởng Bộ GDĐT.\nCác sở báo cáo trước ngày 30/6/2022."
    )
    assert doc.issuer == "Bộ GDĐT"


def test_a_place_whose_name_folds_like_a_place_noun_is_not_completed_twice():
    doc = parse_document("UBND tỉnh Hà Tĩnh ban hành Quyết định số 1234/QĐ-UBND ngày 5/6/2023 phê duyệt đề án.")
    assert doc.issuer == "UBND tỉnh Hà Tĩnh"


def test_a_meeting_told_as_news_is_no_directive_even_with_its_committee_named():
    doc = parse_document("Chiều 12/5, Ban Thường vụ Tỉnh ủy họp cho ý kiến về nhiều nội dung quan trọng.")
    assert doc.recognized is False


def test_a_committee_asking_a_named_unit_to_act_is_a_directive_told_as_news():
    doc = parse_document("Ban Thường vụ Huyện ủy đề nghị Đảng bộ xã Tân Lập chuẩn bị các điều kiện tổ chức đại hội.")
    assert doc.recognized


def test_a_state_letters_number_may_be_the_issuers_code_alone():
    doc = parse_document("UBND TỈNH LAI CHÂU\nSố: 1530/UBND\nLai Châu, ngày 5 tháng 6 năm 2023\nV/v rà soát")
    assert (doc.number, doc.doc_type, doc.issuer) == ("1530/UBND", "Công văn", "UBND tỉnh Lai Châu")


def test_a_state_number_without_a_type_code_is_a_letter_and_with_one_is_not():
    assert parse_document("Số: 2210/UBND-KT\nCác xã báo cáo.").doc_type == "Công văn"
    assert parse_document("Số: 44/TTr-UBND\nCác xã báo cáo.").doc_type == "Tờ trình"  # a named kind
    assert parse_document("Số: 44/BB-UBND\nCác xã báo cáo.").doc_type is None  # a record, no letter
    assert parse_document("Số: 44/QĐ-UBND\nCác xã báo cáo.").doc_type == "Quyết định"


def test_header_name_spaced_out_by_a_double_space_is_one_name():
    text = (
        "ỦY BAN NHÂN DÂN\n    XÃ TÂN  PHONG\nSố: 15/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Tân Phong, ngày 3 tháng 4 năm 2022\n\nKẾ HOẠCH\nTuyên truyền ngày hội toàn dân\n"
    )
    assert same(issuer(text), "Ủy ban nhân dân xã Tân Phong")


def test_a_stamp_beside_a_header_name_is_not_part_of_it():
    text = "ỦY BAN NHÂN DÂN\nHUYỆN TÂN YÊN  KHẨN\nSố: 15/UBND-VP\nTân Yên, ngày 3 tháng 4 năm 2022\n"
    doc = parse_document(text)
    assert same(doc.issuer, "Ủy ban nhân dân huyện Tân Yên")
    assert doc.urgent == "KHẨN"


def test_a_decisions_chairman_line_names_the_committee_a_bare_header_leaves_out():
    text = (
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 21/2003/QĐ-UB | Pleiku, ngày 4 tháng 5 năm 2003 |\nQUYẾT ĐỊNH\nV/V ban hành quy chế\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH GIA LAI\n- Căn cứ Luật Tổ chức Hội đồng Nhân dân và Ủy ban Nhân dân;\n"
    )
    assert same(issuer(text), "Ủy ban nhân dân tỉnh Gia Lai")


def test_an_organ_answering_with_its_opinion_is_the_issuer():
    text = (
        "Văn bản chỉ đạo\nUBND tỉnh có ý kiến như sau:\n"
        "Giao Sở Công Thương chủ trì rà soát, báo cáo trước ngày 20/10/2024.\n"
    )
    assert same(issuer(text), "UBND tỉnh")


def test_the_organiser_named_after_do_is_the_issuer():
    text = (
        "Hội thi do Ban Dân vận Huyện ủy tổ chức nhằm tôn vinh gương người tốt việc tốt.\n"
        "Bài dự thi gửi về trước ngày 30/9/2024.\n"
    )
    assert same(issuer(text), "Ban Dân vận Huyện ủy")


def test_an_abbreviation_defined_after_the_name_is_not_part_of_it():
    text = "Sở Văn hóa và Thể thao (VHTT) yêu cầu các phòng VHTT báo cáo trước ngày 5/6/2022.\n"
    assert same(issuer(text), "Sở Văn hóa và Thể thao")


def test_a_unit_that_will_carry_out_a_plan_is_not_named_by_its_verb():
    text = (
        "Ban Thường vụ Huyện ủy Tân Yên dự kiến tổ chức đại hội chi bộ trong quý I/2025. "
        "Các chi, Đảng bộ sẽ tiến hành xây dựng kế hoạch triển khai trong nội bộ.\n"
    )
    got = issuer(text)
    assert got is not None and "tiến hành" not in got
    assert same(got, "Huyện ủy Tân Yên")


def test_a_request_told_as_done_after_a_meeting_is_news_not_a_document():
    text = (
        "Sáng 5-11, Huyện ủy Tân Yên đã tổ chức hội nghị quán triệt các nghị quyết của Trung ương.\n"
        "Kết thúc hội nghị, lãnh đạo Huyện ủy Tân Yên đã đề nghị các chi bộ sớm xây dựng chương trình hành động.\n"
    )
    doc = parse_document(text)
    assert (doc.recognized, doc.issuer, doc.deadlines) == (False, None, [])


def test_the_same_request_still_to_be_done_is_a_directive_told_as_news():
    text = "Huyện ủy Tân Yên đề nghị các chi bộ sớm xây dựng chương trình hành động.\n"
    doc = parse_document(text)
    assert doc.recognized and same(doc.issuer, "Huyện ủy Tân Yên")

"""Document fields, round 3 (issue 12): who issued a page, its type and number, read by rules
of the language from texts written for these tests (other bodies, numbers and dates than the
corpus)."""

from __future__ import annotations

from datetime import date

import pytest

from services.parsing import parse_document

# ---------------------------------------------------------------------------------------
# Numbers: every dash form a word processor or a web page prints is the number's hyphen
# ---------------------------------------------------------------------------------------
DASH_FORMS = [
    ("\u2010", "hyphen"),
    ("\u2011", "non-breaking hyphen"),
    ("\u2012", "figure dash"),
    ("\u2015", "horizontal bar"),
    ("\ufe63", "small hyphen-minus"),
    ("\uff0d", "full-width hyphen-minus"),
]


@pytest.mark.parametrize(("dash", "name"), DASH_FORMS)
def test_a_number_printed_with_any_dash_is_read_with_a_hyphen(dash: str, name: str) -> None:
    text = f"HUYỆN ỦY PHÚ LỘC\nSố 37{dash}KH/HU\nPhú Lộc, ngày 4 tháng 3 năm 2022\n\nKẾ HOẠCH\nvề tổ chức hội nghị"
    doc = parse_document(text)
    assert doc.number == "37-KH/HU", name
    assert doc.doc_type == "Kế hoạch"


def test_a_state_number_with_a_full_width_dash_is_a_letter() -> None:
    doc = parse_document("UBND TỈNH AN GIANG\nSố: 512/UBND\uff0dKT\nAn Giang, ngày 4 tháng 3 năm 2022\nV/v báo cáo")
    assert doc.number == "512/UBND-KT"
    assert doc.doc_type == "Công văn"


# ---------------------------------------------------------------------------------------
# Issuers named as a sentence's subject on a news page: state bodies whose name runs in
# lowercase words up to the verb (Cục, Ban Quản lý, Ban Chỉ đạo, Ban Thi đua, Tiểu ban)
# ---------------------------------------------------------------------------------------
NAMED_BODIES = [
    (
        "Hướng dẫn về hồ sơ đăng ký\n\n12/04/2021\n\n"
        "Cục Quản lý xuất nhập cảnh đề nghị công an các tỉnh lưu ý khi tiếp nhận hồ sơ của công dân.",
        "Cục Quản lý xuất nhập cảnh",
    ),
    (
        "Chấn chỉnh an toàn lao động\n\nNgày đăng 03/08/2022\n\n"
        "Ban Quản lý các khu công nghiệp yêu cầu các doanh nghiệp rà soát hệ thống phòng cháy và gửi "
        "báo cáo trước ngày 20/8/2022.",
        "Ban Quản lý các khu công nghiệp",
    ),
    (
        "Lấy ý kiến nhân dân\n\nBan Thi đua - Khen thưởng thành phố vừa có văn bản số 88/TĐKT-NV về việc "
        "lấy ý kiến đối với tập thể đề nghị khen thưởng. Ý kiến gửi trước ngày 5/11/2021.",
        "Ban Thi đua - Khen thưởng thành phố",
    ),
]


@pytest.mark.parametrize(("text", "issuer"), NAMED_BODIES)
def test_a_state_body_named_as_the_subject_is_the_issuer(text: str, issuer: str) -> None:
    assert parse_document(text).issuer == issuer


def test_a_bracketed_apposition_is_no_part_of_the_issuer() -> None:
    text = (
        "Sở Nội vụ (cơ quan thường trực Hội đồng Thi đua tỉnh) lấy ý kiến về danh sách đề nghị khen thưởng.\n"
        "Đề nghị tặng Bằng khen cho ông Trần Văn Lực - Phó Giám đốc Sở Xây dựng đã có thành tích trong "
        "công tác từ năm 2018 đến năm 2022.\nThời gian lấy ý kiến từ ngày 02/6/2023 đến ngày 16/6/2023."
    )
    assert parse_document(text).issuer == "Sở Nội vụ"


def test_a_quoted_campaign_name_is_read_whole_in_the_issuer() -> None:
    text = (
        "Tổng kết phong trào thi đua\n\nBan Chỉ đạo tỉnh phong trào “Cả nước chung tay vì người nghèo” đã có "
        "Kế hoạch số 17/KH-BCĐ về việc sơ kết 5 năm thực hiện phong trào. Cấp xã hoàn thành sơ kết trong "
        "tháng 4 năm 2022."
    )
    assert parse_document(text).issuer == "Ban Chỉ đạo tỉnh phong trào “Cả nước chung tay vì người nghèo”"


def test_what_a_body_will_do_later_does_not_make_it_the_issuer() -> None:
    text = (
        "Tỉnh triển khai kế hoạch điều tra nông nghiệp\n\n"
        "Theo kế hoạch triển khai điều tra nông nghiệp năm 2021, việc thu thập thông tin diễn ra từ ngày "
        "1/7 đến ngày 31/7/2021.\nBan Chỉ đạo điều tra nông nghiệp tỉnh sẽ công bố kết quả sơ bộ theo chỉ "
        "đạo của Trung ương."
    )
    assert parse_document(text).issuer is None


def test_a_place_named_as_often_as_another_is_not_added_to_the_issuer() -> None:
    # two provinces, once each: the board's own province is not told
    text = (
        "Ban Thi đua - Khen thưởng tỉnh vừa có Văn bản số 61/TĐKT-VP về việc lấy ý kiến đối với Nhà máy cơ "
        "khí tỉnh Hà Nam Ninh (nay thuộc tỉnh Nam Định và tỉnh Ninh Bình) đề nghị khen thưởng. Các ý kiến gửi "
        "về Ban trước ngày 14.9.2020."
    )
    assert parse_document(text).issuer == "Ban Thi đua - Khen thưởng tỉnh"


# ---------------------------------------------------------------------------------------
# A notice told in its issuer's words: "<organ> thông báo ..."
# ---------------------------------------------------------------------------------------
ANNOUNCED = [
    (
        "Theo lịch, ngày 20/3/2023 lãnh đạo huyện tiếp công dân định kỳ; do có lịch công tác đột xuất "
        "nên buổi tiếp công dân tháng 3/2023 được lùi lại.\nVăn phòng UBND huyện thông báo đến các cơ quan, "
        "đơn vị và công dân được biết.",
        "Văn phòng UBND huyện",
    ),
    (
        "Để việc xét khen thưởng được công khai, Sở Nội vụ thông báo, tổ chức, cá nhân có ý kiến thì gửi về "
        "Sở Nội vụ trong thời hạn 7 ngày làm việc.",
        "Sở Nội vụ",
    ),
]


@pytest.mark.parametrize(("text", "issuer"), ANNOUNCED)
def test_a_body_announcing_in_its_own_words_is_a_notice(text: str, issuer: str) -> None:
    doc = parse_document(text)
    assert doc.recognized
    assert doc.doc_type == "Thông báo"
    assert doc.issuer == issuer


def test_a_notice_cited_from_another_body_makes_no_notice() -> None:
    doc = parse_document(
        "Theo thông báo của Sở Nội vụ, buổi họp được lùi sang tuần sau. Phòng Nội vụ đề nghị các xã chuẩn bị "
        "hồ sơ trước ngày 10/5/2022."
    )
    assert doc.doc_type != "Thông báo"


# ---------------------------------------------------------------------------------------
# Printed headers of state bodies outside the ministries' tree, on two lines
# ---------------------------------------------------------------------------------------
HEADERS = [
    (
        "BẢO HIỂM XÃ HỘI\nTỈNH THANH HÓA\n-------\nSố: 77/BHXH-TCKT\nThanh Hóa, ngày 2 tháng 3 năm 2015\nV/v thu nợ",
        "Bảo hiểm xã hội tỉnh Thanh Hóa",
    ),
    (
        "BẢO HIỂM XÃ HỘI\nVIỆT NAM\n-------\nSố: 903/BHXH-BT\nHà Nội, ngày 9 tháng 4 năm 2013\nV/v cấp thẻ",
        "Bảo hiểm xã hội Việt Nam",
    ),
    (
        "KHO BẠC NHÀ NƯỚC\nHUYỆN ĐÔNG SƠN\nSố: 41/KBĐS\nĐông Sơn, ngày 2 tháng 3 năm 2015\nV/v đối chiếu số dư",
        "Kho bạc Nhà nước huyện Đông Sơn",
    ),
]


@pytest.mark.parametrize(("text", "issuer"), HEADERS)
def test_a_state_body_printed_on_two_header_lines_is_the_issuer(text: str, issuer: str) -> None:
    assert parse_document(text).issuer == issuer


def test_a_commune_is_still_a_place_in_a_header() -> None:
    doc = parse_document("UBND XÃ HÒA AN\nSố: 77/UBND\nHòa An, ngày 2 tháng 3 năm 2015\nV/v đối chiếu số dư")
    assert doc.issuer == "UBND xã Hòa An"


# ---------------------------------------------------------------------------------------
# A title line with the type, its mark and its date; a type title with a colon
# ---------------------------------------------------------------------------------------
def test_a_title_with_type_mark_and_date_gives_all_three() -> None:
    doc = parse_document(
        "Công văn Hỏa tốc ngày 3/9/2022\n\nKính gửi: các trường trên địa bàn huyện\n"
        "Do mưa lớn kéo dài, Phòng Giáo dục và Đào tạo yêu cầu các trường cho học sinh nghỉ học ngày 5/9/2022."
    )
    assert doc.doc_type == "Công văn"
    assert doc.urgent == "HỎA TỐC"
    assert doc.issued_on == date(2022, 9, 3)
    assert doc.issuer == "Phòng Giáo dục và Đào tạo"


def test_a_title_date_written_in_words() -> None:
    doc = parse_document("Thông báo Khẩn ngày 07 tháng 11 năm 2021\n\nPhòng Nội vụ yêu cầu các xã báo cáo ngay.")
    assert (doc.doc_type, doc.urgent, doc.issued_on) == ("Thông báo", "KHẨN", date(2021, 11, 7))


def test_an_unaccented_lowercase_khan_in_a_title_is_no_mark() -> None:
    doc = parse_document("Thong bao khan ngay 07/11/2021\n\nPhong Noi vu yeu cau cac xa bao cao.")
    assert doc.urgent is None
    assert doc.issued_on == date(2021, 11, 7)


def test_a_sentence_with_a_date_is_no_title() -> None:
    doc = parse_document("Thông báo ngày 7/11/2021 của Sở Y tế đã được gửi tới các xã, phường.\nCác xã thực hiện.")
    assert doc.issued_on is None


def test_a_type_title_with_a_colon_names_the_type() -> None:
    doc = parse_document(
        "Thông báo: Về việc nộp báo cáo thống kê\n\n15/02/2019\n\n"
        "Cục Thống kê đề nghị các chi cục gửi báo cáo trước ngày 25/02/2019."
    )
    assert doc.doc_type == "Thông báo"
    assert doc.issuer == "Cục Thống kê"


def test_a_department_office_named_as_subject_is_the_issuer() -> None:
    doc = parse_document(
        "Do bão số 4, Phòng Văn hóa và Thông tin yêu cầu các xã gỡ bỏ pa nô, áp phích trước 17 giờ ngày 26/9/2022."
    )
    assert doc.issuer == "Phòng Văn hóa và Thông tin"


# ---------------------------------------------------------------------------------------
# A news lead with one misspelt word still names the page's own document
# ---------------------------------------------------------------------------------------
def test_a_lead_with_a_misspelt_verb_names_the_document() -> None:
    doc = parse_document(
        "Ngày 9/ 6, UBND huyện banhành Công văn số 512 /UBND-VP về việc rà soát hồ sơ đất đai năm 2022.\n"
        "Các xã gửi kết quả về Phòng Tài nguyên và Môi trường trước ngày 20/6/2022 (Sao gửi Công văn kèm theo)."
    )
    assert doc.number == "512/UBND-VP"
    assert doc.doc_type == "Công văn"
    assert doc.issued_on == date(2022, 6, 9)
    assert doc.issuer is not None and doc.issuer.startswith("UBND huyện")


def test_a_lead_with_a_misspelt_type_names_the_document_by_its_code() -> None:
    doc = parse_document(
        "Tuyên truyền lịch sử Đảng bộ. Ngày 12.4, Đảng ủy Khối Doanh nghiệp tỉnh đã ban hành Kế hoặc số 33- KH/ĐUK "
        "về tổ chức cuộc thi tìm hiểu lịch sử Đảng bộ năm 2021. Bài dự thi gửi về trước ngày 30.6.2021."
    )
    assert doc.number == "33-KH/ĐUK"
    assert doc.doc_type == "Kế hoạch"
    assert doc.issued_on == date(2021, 4, 12)


def test_a_letter_received_in_a_lead_is_not_the_pages_own() -> None:
    doc = parse_document(
        "Ngày 3/8/2020, Ủy ban nhân dân tỉnh nhận được Văn bản số 771/BYT-KCB ngày 1/8/2020 của Bộ Y tế về phòng "
        "dịch. Giao Sở Y tế báo cáo trước ngày 10/8/2020."
    )
    assert doc.number != "771/BYT-KCB"


def test_a_copy_note_is_never_the_issuer() -> None:
    doc = parse_document(
        "Giao các sở, ngành rà soát theo đề nghị của Bộ Tài chính tại Công văn số 91/BTC-NSNN (Sao gửi Công văn kèm "
        "theo). Yêu cầu gửi báo cáo về Sở Tài chính trước ngày 15/4/2021."
    )
    assert doc.issuer != "Sao"


# ---------------------------------------------------------------------------------------
# A print view's place-date stamp is not the date of the document the page tells of
# ---------------------------------------------------------------------------------------
def test_a_place_date_stamp_without_a_header_yields_to_the_told_date() -> None:
    doc = parse_document(
        "Cần Thơ, ngày 02 tháng 12 năm 2020\n"
        "    Thực hiện Nghị quyết của Huyện ủy về chuyển đổi số, ngày 21/3/2016, Ủy ban nhân dân huyện ban hành "
        "Kế hoạch số 57/KH-UBND về ứng dụng công nghệ thông tin năm 2016.\n"
        "    Đề nghị các phòng, ban xây dựng kế hoạch thực hiện tại đơn vị mình."
    )
    assert doc.number == "57/KH-UBND"
    assert doc.issued_on == date(2016, 3, 21)


def test_a_printed_header_keeps_its_own_date() -> None:
    doc = parse_document(
        "ỦY BAN NHÂN DÂN\nHUYỆN PHONG ĐIỀN\n\nPhong Điền, ngày 02 tháng 12 năm 2020\n\nV/v triển khai kế hoạch\n\n"
        "Ngày 21/3/2016, Ủy ban nhân dân huyện ban hành Kế hoạch số 57/KH-UBND về ứng dụng công nghệ thông tin."
    )
    assert doc.issued_on == date(2020, 12, 2)


# ---------------------------------------------------------------------------------------
# A bloc committee's name is lowercase words after "Khối"
# ---------------------------------------------------------------------------------------
def test_a_bloc_committee_named_in_lowercase_words_is_the_issuer() -> None:
    doc = parse_document(
        "Hội nghị Đảng ủy Khối lần thứ 7\n\nNgày 9-5, Đảng ủy Khối các cơ quan thành phố tổ chức hội nghị lần thứ 7.\n"
        "Đảng ủy đã thông qua kế hoạch tổ chức đại hội. Theo kế hoạch, đại hội cơ sở hoàn thành trước 30-6-2024."
    )
    assert doc.issuer is not None and doc.issuer.startswith("Đảng ủy Khối các cơ quan thành phố")


# ---------------------------------------------------------------------------------------
# A database's "Ngày ban hành" field; an actor retelling a cited document
# ---------------------------------------------------------------------------------------
def test_a_database_issue_date_field_is_the_issue_date() -> None:
    doc = parse_document(
        "thuộc tính Chỉ thị 07-CT/TU\nSố hiệu: | 07-CT/TU |\nNgày ban hành: | 03/02/2022 | Ngày hết hiệu lực: | "
        "Đang cập nhật |\nTỈNH ỦY PHÚ YÊN * Số 07-CT/TU | ĐẢNG CỘNG SẢN VIỆT NAM ____ Tuy H"
    )
    assert doc.issued_on == date(2022, 2, 3)


def test_a_sentence_naming_an_issue_date_is_no_field() -> None:
    doc = parse_document(
        "Các đơn vị báo cáo trong 10 ngày kể từ ngày ban hành văn bản này; văn bản ban hành 03/02/2022 của Sở Y tế "
        "được bãi bỏ."
    )
    assert doc.issued_on is None


def test_the_actor_of_a_retold_document_yields_to_the_pages_own() -> None:
    doc = parse_document(
        "Thực hiện chỉ đạo của UBND tỉnh tại Văn bản số 1204/UBND-KT ngày 02/3/2021 về phòng chống thiên tai. "
        "Theo đó, UBND tỉnh yêu cầu các sở, ngành rà soát phương án ứng phó.\n"
        "Căn cứ nhiệm vụ được giao, Ban Quản lý các khu công nghiệp đề nghị các doanh nghiệp gửi phương án trước "
        "ngày 15/3/2021."
    )
    assert doc.issuer == "Ban Quản lý các khu công nghiệp"


# ---------------------------------------------------------------------------------------
# Documents a page names that are not its own: an earlier one, one that may come
# ---------------------------------------------------------------------------------------
def test_a_letter_sent_before_that_is_not_the_pages_own() -> None:
    doc = parse_document(
        "Ban Dân vận Huyện ủy Krông Pa hướng dẫn tổ chức hội thi dân vận khéo năm 2019\n\n"
        "Tại buổi làm việc, lãnh đạo Ban Dân vận đề nghị các chi bộ quan tâm chỉ đạo hội thi.\n\n"
        "Trước đó, ngày 12/3/2019, Ban Dân vận Huyện ủy đã có công văn số 64 về việc đăng ký tham gia hội thi.\n\n"
        "Hội thi diễn ra từ ngày 1-5 đến 30-6-2019."
    )
    assert doc.number is None
    assert doc.issued_on is None
    assert doc.issuer is not None and doc.issuer.startswith("Ban Dân vận Huyện ủy")


def test_a_sentence_about_an_earlier_time_is_no_place_date_line() -> None:
    doc = parse_document(
        "Trước đây, ngày 3/4/2018, Sở đã nhắc các đơn vị nộp hồ sơ.\nCác đơn vị nộp trước ngày 9/4/2018."
    )
    assert doc.issued_on is None


def test_guidance_that_may_come_is_no_document() -> None:
    doc = parse_document(
        "Căn cứ Mục 3 Quyết định 211/QĐ-BNV năm 2020 quy định về hồ sơ khen thưởng, cụ thể như sau:\n"
        "- Các vụ, cục gửi hồ sơ trước ngày 15 tháng 11 hàng năm, trừ trường hợp Bộ Nội vụ có hướng dẫn khác."
    )
    assert doc.doc_type is None
    assert doc.issuer is None
    assert doc.issued_on is None


# ---------------------------------------------------------------------------------------
# A news page titled with a meeting: the organ that met is its actor
# ---------------------------------------------------------------------------------------
def test_the_organ_named_in_a_meeting_title_is_the_actor() -> None:
    doc = parse_document(
        "14:20, 05/07/2021\n\nHọp Tiểu ban Tuyên truyền Đại hội Phụ nữ tỉnh lần thứ XVI\n\n"
        "Sáng 5-7, bà Trần Thị Hạnh - Trưởng Tiểu ban Tuyên truyền chủ trì cuộc họp với các thành viên.\n"
        "Theo tiến độ, các thành viên hoàn thành tài liệu tuyên truyền trước ngày 20-7."
    )
    assert doc.issuer == "Tiểu ban Tuyên truyền Đại hội Phụ nữ tỉnh lần thứ XVI"


def test_a_meeting_title_without_an_organ_names_no_actor() -> None:
    doc = parse_document(
        "Họp mặt kỷ niệm ngày Nhà giáo Việt Nam\n\nCác trường gửi danh sách giáo viên về dự trước ngày 15/11/2022."
    )
    assert doc.issuer is None


def test_a_sub_committee_printed_in_a_header_is_the_issuer() -> None:
    doc = parse_document(
        "ĐẢNG BỘ TỈNH BÌNH ĐỊNH\nTIỂU BAN VĂN KIỆN\n*\nSố 04-KH/TBVK\nQuy Nhơn, ngày 3 tháng 6 năm 2019\n\nKẾ HOẠCH\n"
        "biên tập dự thảo báo cáo chính trị"
    )
    assert doc.issuer is not None and doc.issuer.startswith("Tiểu ban Văn kiện")

"""Header and body forms of official Vietnamese documents (Nghị định 30/2020, the party's
Hướng dẫn 36-HD/VPTW), written for these tests in words that are in no corpus page: other
provinces, other organs (Ban Dân vận, Ủy ban MTTQ, Đoàn TNCS, Công an, Sở Y tế, Ban Quản lý,
a school) and other types (Hướng dẫn, Thông báo, Quyết định, Nghị quyết, Chương trình, Tờ
trình, Công điện). Each asserts what staff see on the draft: type, number, issuer, date, and
whether chibot read a document at all.
"""

from __future__ import annotations

from datetime import date

import pytest

from services.parsing import parse_document

# (text, doc_type, number, issuer spellings accepted, issued_on)
HEADERS = [
    pytest.param(
        "HUYỆN ỦY CHƯ SÊ                    ĐẢNG CỘNG SẢN VIỆT NAM\n"
        "BAN DÂN VẬN\n"
        "*\n"
        "Số 27-HD/BDVHU                     Chư Sê, ngày 14 tháng 3 năm 2022\n\n"
        "HƯỚNG DẪN\n"
        "tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư năm 2022\n\n"
        "Các chi bộ thôn, làng báo cáo kết quả về Ban Dân vận Huyện ủy trước ngày 20/11/2022.\n",
        "Hướng dẫn",
        "27-HD/BDVHU",
        {"Ban Dân vận Huyện ủy Chư Sê"},
        date(2022, 3, 14),
        id="ban-dan-van-huong-dan",
    ),
    pytest.param(
        "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH BẾN TRE                          Độc lập - Tự do - Hạnh phúc\n"
        "Số: 145/TB-MTTQ-BTT                   Bến Tre, ngày 02 tháng 6 năm 2023\n\n"
        "THÔNG BÁO\n"
        "Kết quả hội nghị hiệp thương lần thứ hai\n",
        "Thông báo",
        "145/TB-MTTQ-BTT",
        {"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bến Tre"},
        date(2023, 6, 2),
        id="mttq-thong-bao",
    ),
    pytest.param(
        "ĐOÀN TNCS HỒ CHÍ MINH\n"
        "BCH TỈNH ĐOÀN LẠNG SƠN\n"
        "***\n"
        "Số: 312-KH/TĐTN-TNNT                  Lạng Sơn, ngày 20 tháng 4 năm 2024\n\n"
        "KẾ HOẠCH\n"
        "Tổ chức chiến dịch Thanh niên tình nguyện hè năm 2024\n",
        "Kế hoạch",
        "312-KH/TĐTN-TNNT",
        {"BCH Tỉnh đoàn Lạng Sơn", "Tỉnh đoàn Lạng Sơn", "Ban Chấp hành Tỉnh đoàn Lạng Sơn"},
        date(2024, 4, 20),
        id="tinh-doan-ke-hoach",
    ),
    pytest.param(
        "CÔNG AN TỈNH HÀ GIANG                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "PHÒNG THAM MƯU                        Độc lập - Tự do - Hạnh phúc\n"
        "Số: 1045/PTM-TH                       Hà Giang, ngày 09 tháng 8 năm 2021\n"
        "V/v tăng cường bảo đảm an ninh trật tự dịp Quốc khánh\n\n"
        "Kính gửi: Công an các huyện, thành phố.\n",
        "Công văn",
        "1045/PTM-TH",
        {"Phòng Tham mưu", "Phòng Tham mưu Công an tỉnh Hà Giang"},
        date(2021, 8, 9),
        id="cong-an-cong-van",
    ),
    pytest.param(
        "UBND TỈNH SÓC TRĂNG                   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "SỞ Y TẾ                               Độc lập - Tự do - Hạnh phúc\n"
        "Số: 2210/SYT-NVY                      Sóc Trăng, ngày 17 tháng 10 năm 2022\n"
        "V/v tiêm vắc xin mũi nhắc lại cho người cao tuổi\n\n"
        "Kính gửi: Các bệnh viện, trung tâm y tế huyện, thị xã, thành phố.\n",
        "Công văn",
        "2210/SYT-NVY",
        {"Sở Y tế", "Sở Y tế tỉnh Sóc Trăng"},
        date(2022, 10, 17),
        id="so-y-te-cong-van",
    ),
    pytest.param(
        "UBND TỈNH BÌNH DƯƠNG                  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP       Độc lập - Tự do - Hạnh phúc\n"
        "Số: 88/QĐ-BQL                         Bình Dương, ngày 05 tháng 5 năm 2020\n\n"
        "QUYẾT ĐỊNH\n"
        "Về việc thành lập Tổ công tác hỗ trợ doanh nghiệp\n",
        "Quyết định",
        "88/QĐ-BQL",
        {"Ban Quản lý các khu công nghiệp", "Ban Quản lý các khu công nghiệp tỉnh Bình Dương"},
        date(2020, 5, 5),
        id="ban-quan-ly-quyet-dinh",
    ),
    pytest.param(
        "SỞ GD&ĐT NGHỆ AN                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TRƯỜNG THPT PHAN BỘI CHÂU             Độc lập - Tự do - Hạnh phúc\n"
        "Số: 56/TB-THPTPBC                     Vinh, ngày 11 tháng 9 năm 2023\n\n"
        "THÔNG BÁO\n"
        "Lịch họp phụ huynh học sinh đầu năm học 2023-2024\n",
        "Thông báo",
        "56/TB-THPTPBC",
        {"Trường THPT Phan Bội Châu"},
        date(2023, 9, 11),
        id="truong-thong-bao",
    ),
    pytest.param(
        "ĐẢNG BỘ HUYỆN THANH CHƯƠNG            ĐẢNG CỘNG SẢN VIỆT NAM\n"
        "ĐẢNG ỦY XÃ THANH LIÊN\n"
        "*\n"
        "Số 09-NQ/ĐU                           Thanh Liên, ngày 28 tháng 7 năm 2021\n\n"
        "NGHỊ QUYẾT\n"
        "về lãnh đạo sản xuất nông nghiệp 6 tháng cuối năm 2021\n",
        "Nghị quyết",
        "09-NQ/ĐU",
        {"Đảng ủy xã Thanh Liên"},
        date(2021, 7, 28),
        id="dang-uy-xa-nghi-quyet",
    ),
    pytest.param(
        "TỈNH ỦY PHÚ YÊN                       ĐẢNG CỘNG SẢN VIỆT NAM\n"
        "*\n"
        "Số 15-CTr/TU                          Tuy Hòa, ngày 03 tháng 12 năm 2020\n\n"
        "CHƯƠNG TRÌNH HÀNH ĐỘNG\n"
        "thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII\n",
        "Chương trình",
        "15-CTr/TU",
        {"Tỉnh ủy Phú Yên"},
        date(2020, 12, 3),
        id="tinh-uy-chuong-trinh",
    ),
    pytest.param(
        "ỦY BAN NHÂN DÂN                       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "HUYỆN MƯỜNG LÁT                       Độc lập - Tự do - Hạnh phúc\n"
        "Số: 34/TTr-UBND                       Mường Lát, ngày 22 tháng 2 năm 2019\n\n"
        "TỜ TRÌNH\n"
        "Về việc đề nghị phê duyệt dự toán kinh phí sửa chữa trường học\n",
        "Tờ trình",
        "34/TTr-UBND",
        {"Ủy ban nhân dân huyện Mường Lát"},
        date(2019, 2, 22),
        id="ubnd-to-trinh",
    ),
    pytest.param(
        "ỦY BAN NHÂN DÂN                       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH QUẢNG BÌNH                       Độc lập - Tự do - Hạnh phúc\n"
        "Số: 05/CĐ-UBND                        Quảng Bình, ngày 13 tháng 10 năm 2020\n\n"
        "CÔNG ĐIỆN\n"
        "Về việc khẩn trương ứng phó mưa lũ\n",
        "Công điện",
        "05/CĐ-UBND",
        {"Ủy ban nhân dân tỉnh Quảng Bình"},
        date(2020, 10, 13),
        id="ubnd-cong-dien",
    ),
    pytest.param(
        "ĐẢNG BỘ TỈNH KHÁNH HÒA                ĐẢNG CỘNG SẢN VIỆT NAM\n"
        "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH\n"
        "*\n"
        "Số 118-CV/ĐUK                         Nha Trang, ngày 06 tháng 4 năm 2022\n"
        "V/v góp ý dự thảo báo cáo chính trị\n",
        "Công văn",
        "118-CV/ĐUK",
        {"Đảng ủy Khối các cơ quan tỉnh", "Đảng ủy Khối các cơ quan tỉnh Khánh Hòa"},
        date(2022, 4, 6),
        id="dang-uy-khoi-cac-co-quan-tinh",
    ),
]


@pytest.mark.parametrize("text,doc_type,number,issuers,issued_on", HEADERS)
def test_a_printed_header_gives_type_number_issuer_and_date(text, doc_type, number, issuers, issued_on):
    doc = parse_document(text)
    assert doc.recognized
    assert doc.doc_type == doc_type
    assert doc.number == number
    assert doc.issuer in issuers
    assert doc.issued_on == issued_on


# A page that tells of a document in running text: (text, doc_type, number, issuers, issued_on)
BODIES = [
    pytest.param(
        "Huyện ủy Krông Pắc vừa ban hành Chỉ thị số 12-CT/HU về tăng cường sự lãnh đạo của cấp ủy "
        "đối với công tác phòng, chống thiên tai. Chỉ thị yêu cầu các chi bộ, đảng bộ cơ sở tổ "
        "chức quán triệt đến từng đảng viên.",
        "Chỉ thị",
        "12-CT/HU",
        {"Huyện ủy Krông Pắc"},
        None,
        id="huyen-uy-vua-ban-hanh",
    ),
    pytest.param(
        "Trang chủ > Tin tức > Hoạt động\n"
        "Thứ hai, 14/02/2022 08:15\n\n"
        "Ban Tuyên giáo Tỉnh ủy Bình Định vừa có Hướng dẫn số 45-HD/BTGTU về tuyên truyền kỷ niệm "
        "các ngày lễ lớn trong năm. Theo đó, các huyện ủy, thị ủy báo cáo kết quả trước ngày "
        "15/12/2022.",
        "Hướng dẫn",
        "45-HD/BTGTU",
        {"Ban Tuyên giáo Tỉnh ủy Bình Định"},
        None,
        id="portal-clock-is-no-issue-date",
    ),
    pytest.param(
        "Ngày 12/9/2022, Sở Nội vụ tỉnh Quảng Bình ban hành Công văn số 1530/SNV-CCVC đề nghị các "
        "sở, ban, ngành rà soát vị trí việc làm, gửi kết quả về Sở trước ngày 30/9/2022.",
        "Công văn",
        "1530/SNV-CCVC",
        {"Sở Nội vụ tỉnh Quảng Bình"},
        date(2022, 9, 12),
        id="ngay-so-ban-hanh",
    ),
    pytest.param(
        "Sáng 3/7/2023, Chủ tịch UBND huyện Nguyễn Văn Bình đã ký công văn hỏa tốc yêu cầu các xã "
        "ven sông sơ tán dân ra khỏi vùng nguy hiểm.",
        "Công văn",
        None,
        {"UBND huyện"},
        date(2023, 7, 3),
        id="chairman-signs-an-urgent-letter",
    ),
    pytest.param(
        "Thực hiện Kế hoạch số 30-KH/TU của Tỉnh ủy, Đảng ủy Khối Doanh nghiệp tỉnh đề nghị các chi "
        "bộ, đảng bộ cơ sở tổ chức sinh hoạt chuyên đề, báo cáo kết quả trước ngày 25/10/2021.",
        None,
        None,
        {"Đảng ủy Khối Doanh nghiệp tỉnh"},
        None,
        id="a-cited-plan-is-not-the-number",
    ),
]


@pytest.mark.parametrize("text,doc_type,number,issuers,issued_on", BODIES)
def test_a_document_told_in_running_text(text, doc_type, number, issuers, issued_on):
    doc = parse_document(text)
    assert doc.recognized
    assert doc.doc_type == doc_type
    assert doc.number == number
    assert doc.issuer in issuers
    assert doc.issued_on == issued_on


def test_an_urgent_letter_named_in_running_text_is_urgent():
    doc = parse_document(
        "Sáng 3/7/2023, Chủ tịch UBND huyện Nguyễn Văn Bình đã ký công văn hỏa tốc yêu cầu các xã "
        "ven sông sơ tán dân ra khỏi vùng nguy hiểm."
    )
    assert doc.urgent == "HỎA TỐC"


NOT_DOCUMENTS = [
    pytest.param(
        "Tags: đại hội chi bộ\n\n"
        "Huyện Đak Pơ hoàn thành đại hội chi bộ thí điểm\n"
        "(12/03/2020)\n"
        "Sáng nay, chi bộ thôn 2 tổ chức đại hội nhiệm kỳ 2020-2022 ...\n\n"
        "Thị xã An Khê chuẩn bị đại hội đảng bộ cơ sở\n"
        "(10/03/2020)\n"
        "Các đảng bộ cơ sở hoàn thành đại hội trước ngày 30/4/2020 ...\n\n"
        "Đảng bộ xã Tú An tổng kết công tác năm\n"
        "(05/03/2020)\n"
        "Ban Chấp hành Đảng bộ xã đánh giá kết quả ...\n",
        id="tag-page",
    ),
    pytest.param(
        "Kết quả tìm kiếm cho: kế hoạch đại hội\n"
        "Tìm thấy 124 kết quả\n\n"
        "Kế hoạch tổ chức đại hội chi bộ nhiệm kỳ 2022-2025\n"
        "05/01/2022 - Ban Thường vụ Đảng ủy phường ban hành kế hoạch ...\n\n"
        "Đại hội điểm chi bộ khu phố 3\n"
        "28/12/2021 - Chi bộ khu phố 3 hoàn thành đại hội trước ngày 15/01/2022 ...\n",
        id="search-results",
    ),
]


@pytest.mark.parametrize("text", NOT_DOCUMENTS)
def test_a_page_listing_several_news_items_is_no_document(text):
    doc = parse_document(text)
    assert not doc.recognized
    assert doc.issuer is None
    assert doc.deadlines == []


# More forms: a header's two columns pasted onto one line, menus and a clock above the
# header, codes with digits, numbers with the issuer's code alone, fields listed with commas
# in a department's name, "ký ban hành", the central committee's header.
MORE = [
    pytest.param(
        "ĐẢNG BỘ TỈNH QUẢNG NGÃI ĐẢNG CỘNG SẢN VIỆT NAM\nHUYỆN ỦY SƠN TỊNH\n*\n"
        "Số 245-CV/HU Sơn Tịnh, ngày 18 tháng 6 năm 2021\nV/v tổng kết công tác bầu cử\n",
        "Công văn",
        "245-CV/HU",
        {"Huyện ủy Sơn Tịnh"},
        date(2021, 6, 18),
        id="columns-on-one-line",
    ),
    pytest.param(
        "Trang chủ | Giới thiệu | Tin tức\nThứ năm, 12/05/2022, 09:12\n\nTỈNH ỦY GIA LAI\n*\n"
        "Số 512-CV/TU\nPleiku, ngày 10 tháng 5 năm 2022\nV/v tăng cường phòng chống dịch\n",
        "Công văn",
        "512-CV/TU",
        {"Tỉnh ủy Gia Lai"},
        date(2022, 5, 10),
        id="menus-and-clock-above-the-header",
    ),
    pytest.param(
        "UBND HUYỆN CẦN GIUỘC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO Độc lập - Tự do - Hạnh phúc\n"
        "Số: 215/PGDĐT Cần Giuộc, ngày 03 tháng 9 năm 2021\nV/v tổ chức khai giảng năm học mới\n",
        "Công văn",
        "215/PGDĐT",
        {"Phòng Giáo dục và Đào tạo", "Phòng Giáo dục và Đào tạo huyện Cần Giuộc"},
        date(2021, 9, 3),
        id="issuer-code-alone-and-motto-on-the-line",
    ),
    pytest.param(
        "CÔNG AN TỈNH NINH BÌNH\nSố: 1502/KH-CAT-PV01 Ninh Bình, ngày 22 tháng 3 năm 2023\n"
        "KẾ HOẠCH\nTuyên truyền phòng chống ma túy\n",
        "Kế hoạch",
        "1502/KH-CAT-PV01",
        {"Công an tỉnh Ninh Bình"},
        date(2023, 3, 22),
        id="unit-code-with-digits",
    ),
    pytest.param(
        "HUYỆN ĐOÀN BA VÌ\n***\nSố: 45-TB/HĐBV Ba Vì, ngày 14 tháng 02 năm 2024\n"
        "THÔNG BÁO\nvề việc tổ chức Ngày hội thanh niên\n",
        "Thông báo",
        "45-TB/HĐBV",
        {"Huyện đoàn Ba Vì"},
        date(2024, 2, 14),
        id="huyen-doan",
    ),
    pytest.param(
        "TRUNG TÂM Y TẾ HUYỆN ĐÔNG ANH\nSố: 77/TB-TTYT Đông Anh, ngày 01 tháng 8 năm 2022\n"
        "THÔNG BÁO\nLịch tiêm chủng mở rộng tháng 8\n",
        "Thông báo",
        "77/TB-TTYT",
        {"Trung tâm Y tế huyện Đông Anh"},
        date(2022, 8, 1),
        id="trung-tam-y-te",
    ),
    pytest.param(
        "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 21-CT/TW Hà Nội, ngày 20 tháng 1 năm 2023\n"
        "CHỈ THỊ\nCỦA BAN BÍ THƯ\nvề tiếp tục đổi mới công tác phụ nữ\n",
        "Chỉ thị",
        "21-CT/TW",
        {"Ban Chấp hành Trung ương", "Ban Bí thư"},
        date(2023, 1, 20),
        id="central-committee",
    ),
    pytest.param(
        "Sở Văn hóa, Thể thao và Du lịch tỉnh Thái Bình vừa có Hướng dẫn số 08/HD-SVHTTDL về tổ chức lễ hội năm 2024.",
        "Hướng dẫn",
        "08/HD-SVHTTDL",
        {"Sở Văn hóa, Thể thao và Du lịch tỉnh Thái Bình"},
        None,
        id="department-with-listed-fields",
    ),
    pytest.param(
        "Chiều 14-9, Thường trực Huyện ủy Đắk Song đã ký ban hành Thông báo kết luận số 210-TB/HU "
        "về tình hình kinh tế - xã hội.",
        "Thông báo",
        "210-TB/HU",
        {"Huyện ủy Đắk Song"},
        None,
        id="ky-ban-hanh-thong-bao-ket-luan",
    ),
    pytest.param(
        "Ngày 10 tháng 4 năm 2023, Ban Thường vụ Quận ủy Ngũ Hành Sơn ban hành Kế hoạch số "
        "88-KH/QU về tổ chức các hoạt động kỷ niệm.",
        "Kế hoạch",
        "88-KH/QU",
        {"Quận ủy Ngũ Hành Sơn"},
        date(2023, 4, 10),
        id="date-in-words-before-the-issuing-clause",
    ),
    pytest.param(
        "Ủy ban MTTQ Việt Nam tỉnh Đồng Nai vừa ban hành Kế hoạch số 120/KH-MTTQ-BTT về giám sát "
        "việc thực hiện chính sách.",
        "Kế hoạch",
        "120/KH-MTTQ-BTT",
        {"Ủy ban MTTQ Việt Nam tỉnh Đồng Nai"},
        None,
        id="front-plan-with-two-unit-codes",
    ),
    pytest.param(
        "Đảng ủy phường Phú Hội (TP. Huế) vừa ban hành Nghị quyết chuyên đề về chỉnh trang đô thị, "
        "yêu cầu các chi bộ triển khai trước ngày 30/6/2022.",
        "Nghị quyết",
        None,
        {"Đảng ủy phường Phú Hội"},
        None,
        id="bracketed-city-after-the-ward",
    ),
    pytest.param(
        "Công an huyện Đức Trọng vừa có Công văn gửi UBND các xã đề nghị phối hợp rà soát hộ khẩu "
        "trước ngày 15/8/2021.",
        "Công văn",
        None,
        {"Công an huyện Đức Trọng"},
        None,
        id="a-place-name-that-folds-like-a-preposition",
    ),
    pytest.param(
        "Sở Y tế Hà Nội vừa có văn bản hỏa tốc gửi các bệnh viện trên địa bàn về việc sẵn sàng tiếp nhận người bệnh.",
        None,
        None,
        {"Sở Y tế Hà Nội"},
        None,
        id="an-urgent-letter-is-a-document",
    ),
    pytest.param(
        "Kế hoạch số 120-KH/HU ngày 5/3/2023 của Ban Thường vụ Huyện ủy Con Cuông về tổ chức đại "
        "hội chi bộ\n\nCác chi bộ hoàn thành đại hội trước ngày 30/4/2023.",
        "Kế hoạch",
        "120-KH/HU",
        {"Huyện ủy Con Cuông"},
        date(2023, 3, 5),
        id="a-page-titled-with-its-number-date-and-author",
    ),
    pytest.param(
        "Quyết định 1234/QĐ-UBND năm 2022 phê duyệt kế hoạch phát triển du lịch tỉnh Quảng Trị\n\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\nQUYẾT ĐỊNH:\nĐiều 1. Phê duyệt kế hoạch.",
        "Quyết định",
        "1234/QĐ-UBND",
        {"Ủy ban nhân dân tỉnh Quảng Trị"},
        None,
        id="a-law-library-title",
    ),
    pytest.param(
        "Ban Bí thư vừa ban hành Chỉ thị số 35-CT/TW về đại hội đảng bộ các cấp.",
        "Chỉ thị",
        "35-CT/TW",
        {"Ban Bí thư"},
        None,
        id="the-secretariat",
    ),
    pytest.param(
        "Thủ tướng Chính phủ vừa ký Công điện số 12/CĐ-TTg yêu cầu các bộ, ngành ứng phó bão số 3.",
        "Công điện",
        "12/CĐ-TTg",
        {"Thủ tướng Chính phủ"},
        None,
        id="prime-ministers-dispatch-in-mixed-case",
    ),
    pytest.param(
        "UBND PHƯỜNG 5\nSố: 88/KH-UBND\nQuận 8, ngày 3 tháng 7 năm 2022\nKẾ HOẠCH\nTổng vệ sinh môi trường\n",
        "Kế hoạch",
        "88/KH-UBND",
        {"UBND phường 5"},
        date(2022, 7, 3),
        id="a-ward-known-by-its-number",
    ),
    pytest.param(
        "Trang chủ\nGiới thiệu\nTin tức\nVăn bản chỉ đạo\nThứ hai, 14/06/2021\n"
        "| HUYỆN ỦY ĐÔNG GIANG | ĐẢNG CỘNG SẢN VIỆT NAM |\n| * | Đông Giang, ngày 14 tháng 6 năm 2021 |\n"
        "| Số 301-CV/HU | |\n| V/v tăng cường phòng chống dịch | |\nKính gửi: Các chi, đảng bộ cơ sở\n",
        "Công văn",
        "301-CV/HU",
        {"Huyện ủy Đông Giang"},
        date(2021, 6, 14),
        id="a-header-table-under-the-menus",
    ),
    pytest.param(
        "Căn cứ Hướng dẫn số 12-HD/BTGTW ngày 02/3/2021 của Ban Tuyên giáo Trung ương, Ban Tuyên "
        "giáo Huyện ủy Lộc Ninh hướng dẫn các chi bộ tổ chức sinh hoạt chuyên đề, báo cáo trước "
        "ngày 30/4/2021.",
        None,
        None,
        {"Ban Tuyên giáo Huyện ủy Lộc Ninh"},
        None,
        id="the-cited-guide-is-not-its-own",
    ),
]


@pytest.mark.parametrize("text,doc_type,number,issuers,issued_on", MORE)
def test_more_forms_of_headers_and_issuing_clauses(text, doc_type, number, issuers, issued_on):
    doc = parse_document(text)
    assert doc.recognized
    assert (doc.doc_type, doc.number, doc.issued_on) == (doc_type, number, issued_on)
    assert doc.issuer in issuers


# The organ printed in capitals under its superior, read back in the case Nghị định 30/2020
# writes names in: the kind of organ and its fields of work capitalised, initials kept.
_TAIL = "\n*\n{num}                    {place}, ngày 10 tháng 3 năm 2022\n\nTHÔNG BÁO\nvề việc tổ chức hội nghị\n"
HEADER_PAIRS = [
    pytest.param("ĐẢNG ỦY KHỐI CƠ QUAN TỈNH           ĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY SỞ TƯ PHÁP",
                 "Số 12-TB/ĐU", "Lâm Đồng", "Đảng ủy Sở Tư pháp", id="party-committee-of-a-department"),
    pytest.param("HUYỆN ỦY LỤC NAM                    ĐẢNG CỘNG SẢN VIỆT NAM\nVĂN PHÒNG",
                 "Số 88-TB/VPHU", "Lục Nam", "Văn phòng Huyện ủy Lục Nam", id="office-of-a-district-committee"),
    pytest.param("TỈNH ỦY BÌNH ĐỊNH                   ĐẢNG CỘNG SẢN VIỆT NAM\nỦY BAN KIỂM TRA",
                 "Số 45-TB/UBKTTU", "Quy Nhơn", "Ủy ban Kiểm tra Tỉnh ủy Bình Định", id="inspection-committee"),
    pytest.param("ĐẢNG BỘ HUYỆN TIÊN DU               ĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY THỊ TRẤN LIM",
                 "Số 07-TB/ĐU", "Lim", "Đảng ủy thị trấn Lim", id="township-committee"),
    pytest.param("ĐOÀN TNCS HỒ CHÍ MINH\nBCH ĐOÀN TRƯỜNG ĐẠI HỌC VINH",
                 "Số: 12-TB/ĐTN", "Nghệ An", "BCH Đoàn Trường Đại học Vinh", id="university-youth-union"),
    pytest.param("ĐẢNG BỘ TỈNH QUẢNG NINH             ĐẢNG CỘNG SẢN VIỆT NAM\nTHÀNH ỦY HẠ LONG\nBAN TUYÊN GIÁO",
                 "Số 33-TB/BTGTU", "Hạ Long", "Ban Tuyên giáo Thành ủy Hạ Long", id="propaganda-board-of-a-city"),
    pytest.param("HỘI NÔNG DÂN VIỆT NAM               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                 "BCH HỘI NÔNG DÂN TỈNH ĐẮK LẮK      Độc lập - Tự do - Hạnh phúc",
                 "Số: 210-TB/HNDT", "Đắk Lắk", "BCH Hội Nông dân tỉnh Đắk Lắk", id="farmers-union"),
    pytest.param("UBND TỈNH LÀO CAI                   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                 "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI  Độc lập - Tự do - Hạnh phúc",
                 "Số: 760/TB-SLĐTBXH", "Lào Cai", "Sở Lao động - Thương binh và Xã hội", id="labour-department"),
    pytest.param("BỘ TÀI CHÍNH                        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                 "TỔNG CỤC THUẾ                       Độc lập - Tự do - Hạnh phúc",
                 "Số: 1200/TB-TCT", "Hà Nội", "Tổng cục Thuế", id="general-department"),
    pytest.param("UBND HUYỆN BÌNH CHÁNH               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                 "BAN CHỈ HUY QUÂN SỰ                 Độc lập - Tự do - Hạnh phúc",
                 "Số: 56/TB-BCH", "Bình Chánh", "Ban Chỉ huy Quân sự", id="military-command"),
]  # fmt: skip


@pytest.mark.parametrize("head,num,place,issuer", HEADER_PAIRS)
def test_an_organ_in_capitals_is_written_as_its_name_is_spelled(head, num, place, issuer):
    doc = parse_document(head + _TAIL.format(num=num, place=place))
    assert (doc.doc_type, doc.issuer, doc.issued_on) == ("Thông báo", issuer, date(2022, 3, 10))


def test_a_plan_issued_before_the_events_told_is_not_the_pages_own():
    doc = parse_document("Sau khi Huyện ủy Yên Thành ban hành Kế hoạch số 12-KH/HU, các chi bộ đã triển khai kịp thời.")
    assert (doc.number, doc.recognized) == (None, False)


def test_a_letter_chased_by_a_reminder_is_the_earlier_one_but_a_status_chases_nothing():
    reminder = parse_document(
        "Ngày 2/3/2023, Sở Nội vụ ban hành Công văn số 321/SNV-CCHC đề nghị các huyện báo cáo. Tuy nhiên, "
        "đến nay một số huyện chưa báo cáo. Sở Nội vụ đề nghị các huyện khẩn trương báo cáo trước ngày 20/4/2023."
    )
    assert (reminder.number, reminder.issued_on, reminder.issuer) == (None, None, "Sở Nội vụ")
    letter = parse_document(
        "UBND huyện Tân Phú ban hành Công văn số 123/UBND-VP đề nghị các xã báo cáo trước ngày 5/6/2023. "
        "Đến nay vẫn còn 3 xã chưa báo cáo."
    )
    assert (letter.number, letter.doc_type, letter.issuer) == ("123/UBND-VP", "Công văn", "UBND huyện Tân Phú")


def test_an_articles_own_tags_do_not_make_it_a_tag_page():
    doc = parse_document("Sở Y tế Hà Nội vừa có văn bản hỏa tốc gửi các bệnh viện trên địa bàn.\nTags: y tế, bệnh viện")
    assert (doc.recognized, doc.issuer, doc.urgent) == (True, "Sở Y tế Hà Nội", "HỎA TỐC")


def test_a_sites_stamp_and_clock_are_no_deadlines_and_what_fell_due_before_the_post_is_past():
    doc = parse_document(
        "Cập nhật lúc 08:30, Thứ Hai, 06/04/2020\n"
        "Thứ ba, 07/04/2020 10:15:02\n"
        "Ban Tuyên giáo Huyện ủy Krông Năng đề nghị các chi bộ nộp bài dự thi đợt 1 trước ngày 01/4/2020 "
        "và đợt 2 trước ngày 30/4/2020."
    )
    assert [d.due.date() for d in doc.deadlines if d.due] == [date(2020, 4, 29)]

"""Field rules of session 10, round 9 (issue 12: issuer, number, type and issue date on the
pages holdout12 missed), each checked on short paragraphs written afresh: other organs, other
provinces, the same turn of the Vietnamese phrase. Each rule has its negative: the look-alike
text where it must not fire.
"""

from __future__ import annotations

from services.parsing import parse_document

# --- associations and unions as the subject of a news page -----------------------------------


def test_an_association_asking_the_press_is_the_issuer():
    text = (
        "Hội Nhà báo tỉnh Lào Cai đề nghị các chi hội nhà báo động viên hội viên gửi tác phẩm "
        "dự thi về Hội trước ngày 20/9/2031."
    )
    assert parse_document(text).issuer == "Hội Nhà báo tỉnh Lào Cai"


def test_an_association_named_with_lowercase_fields_runs_to_its_verb():
    text = (
        "Hội Văn học nghệ thuật tỉnh Cao Bằng thông báo gia hạn thời gian nhận tác phẩm dự thi đến hết ngày 30/11/2031."
    )
    doc = parse_document(text)
    assert doc.issuer == "Hội Văn học nghệ thuật tỉnh Cao Bằng"
    assert doc.doc_type == "Thông báo"


def test_an_association_given_as_the_source_of_a_news_item_is_the_issuer():
    text = (
        "Theo Hội Khuyến học tỉnh, gần 80% số hội cơ sở đã tổ chức xong đại hội.\n"
        "Đại hội cấp huyện hoàn thành trước ngày 30/10/2031."
    )
    assert parse_document(text).issuer == "Hội Khuyến học tỉnh"


def test_a_meeting_or_a_contest_is_no_association():
    # "Hội nghị", "Hội thi": an event, not an organ, even as a sentence's subject
    text = (
        "Hội nghị tổng kết đề nghị các chi bộ hoàn thành báo cáo trước ngày 15/12/2031.\n"
        "Hội thi tuyên truyền viên giỏi thông báo kết quả vào tháng 12."
    )
    assert parse_document(text).issuer is None


def test_a_grassroots_union_issuing_a_letter_is_the_issuer():
    text = (
        "Ngày 12/7/2031, Công đoàn cơ sở Sở Tư pháp ban hành Công văn số 41 /CĐCS về việc vận động "
        "ủng hộ quỹ “Vì người nghèo”. Số tiền ủng hộ nộp về Ban Chấp hành chậm nhất ngày 28/7/2031."
    )
    doc = parse_document(text)
    assert doc.issuer == "Công đoàn cơ sở Sở Tư pháp"
    assert doc.number == "41/CĐCS"


def test_the_labour_confederation_by_its_initials_laying_down_a_rule():
    text = "LĐLĐ tỉnh quy định từ nay đến ngày 15-4-2031, công đoàn các cấp vận động đoàn viên ủng hộ."
    assert parse_document(text).issuer == "LĐLĐ tỉnh"


def test_the_central_youth_union_running_a_contest_is_the_issuer():
    text = (
        "Trung ương Đoàn TNCS Hồ Chí Minh tổ chức Cuộc thi viết “Tuổi trẻ với biển đảo” dành cho "
        "đoàn viên, thanh niên cả nước từ ngày 1/6/2031 đến hết ngày 30/8/2031."
    )
    assert parse_document(text).issuer == "Trung ương Đoàn TNCS Hồ Chí Minh"


def test_a_mass_organisations_own_meeting_is_still_no_document():
    # a union holding its own conference is news of its work, not a call (unchanged rule)
    text = "Tỉnh đoàn Lai Châu tổ chức hội nghị tổng kết công tác Đoàn năm 2031."
    assert parse_document(text).issuer is None


def test_a_faculty_youth_union_notice():
    text = (
        "Căn cứ hướng dẫn của Đoàn trường, Ban Thường vụ Đoàn khoa CNTT thông báo đến các chi Đoàn về "
        "việc thu Đoàn phí. Thời gian thu: từ ngày 10/9/2031 đến 30/9/2031."
    )
    doc = parse_document(text)
    assert doc.issuer == "Đoàn khoa CNTT"
    assert doc.doc_type == "Thông báo"


# --- a name ends where the sentence goes on --------------------------------------------------


def test_a_name_ends_before_its_partners():
    text = (
        "Hưởng ứng Ngày Sách, Trung ương Hội Liên hiệp Thanh niên Việt Nam phối hợp cùng các đơn vị tổ "
        "chức Cuộc thi “Trang sách em yêu”, nhận bài đến hết ngày 30/10/2031."
    )
    assert parse_document(text).issuer == "Trung ương Hội Liên hiệp Thanh niên Việt Nam"


def test_a_board_with_a_duty_is_named_without_the_duty():
    text = (
        "Quy định thời gian nộp hồ sơ\n"
        "1. Hồ sơ gửi về Ủy ban nhân dân tỉnh chậm nhất ngày 15/3 năm sau.\n"
        "2. Ban Thi đua - Khen thưởng có trách nhiệm thẩm định hồ sơ, trình Ủy ban nhân dân tỉnh "
        "quyết định khen thưởng."
    )
    assert parse_document(text).issuer == "Ban Thi đua - Khen thưởng"


def test_an_organ_having_a_letter_names_no_verb_of_its_own():
    # "Cục X có Công văn số ...": the cited letter's author, not the page's actor
    text = (
        "Ngày 03/4/2031, Cục Xúc tiến thương mại có Công văn số 215/XTTM-KH về hội chợ. Căn cứ nội dung "
        "Công văn trên, Sở Công Thương thông báo đến các doanh nghiệp đăng ký trước ngày 20/4/2031."
    )
    assert parse_document(text).issuer == "Sở Công Thương"


def test_the_closing_quote_of_a_title_is_no_part_of_the_organ():
    text = (
        "Nhằm chọn một biểu trưng cho tỉnh, UBND tỉnh đã có Thông báo Thể lệ cuộc thi “Sáng tác biểu "
        "trưng tỉnh Lạng Sơn”. Thời gian nhận tác phẩm đến hết ngày 15-3-2031."
    )
    doc = parse_document(text)
    assert doc.issuer == "UBND tỉnh Lạng Sơn"


def test_an_officials_name_after_the_place_is_cut():
    text = (
        "Thu hoạch xong lúa trong ngày hôm nay, đó là chỉ đạo của Chủ tịch UBND huyện Cẩm Xuyên "
        "Trần Văn Minh trong buổi kiểm tra sáng nay. Chủ tịch UBND huyện yêu cầu các xã tập trung "
        "nhân lực thu hoạch."
    )
    assert parse_document(text).issuer == "Chủ tịch UBND huyện Cẩm Xuyên"


def test_a_signers_name_before_a_comma_and_the_issuing_verb():
    text = (
        "Thay mặt Ban Bí thư, Thường trực Ban Bí thư Lê Văn An, đã ký ban hành Chỉ thị số 61-CT/TW ngày "
        "8/8/2031 về công tác phát triển đảng viên."
    )
    doc = parse_document(text)
    assert doc.issuer == "Ban Bí thư"
    assert doc.number == "61-CT/TW"


def test_a_comma_without_a_signer_breaks_the_issuing_clause():
    text = (
        "Đối với công tác chuẩn bị đại hội, Quận ủy cần rà soát nhân sự, xây dựng các báo cáo tiếp "
        "theo cho sát thực tế."
    )
    assert parse_document(text).doc_type != "Báo cáo"


def test_a_committee_named_by_its_bare_level():
    text = (
        "Đợt này, Đảng bộ xã Tân Lập triển khai đổi thẻ cho 2.100 đảng viên từ ngày 8/8 đến hết ngày "
        "14/8/2031. Đảng ủy xã đã xây dựng lịch làm việc, bố trí hai địa điểm thu nhận thông tin."
    )
    assert parse_document(text).issuer == "Đảng ủy xã Tân Lập"


# --- the merged party board and a mass organisation above its central committee ----------------


def test_the_merged_propaganda_and_mass_mobilisation_board():
    text = (
        "Căn cứ Công văn số 07-CV/TGV, ngày 14/7/2031 của Tổ biên tập, Ban Tuyên giáo và Dân vận Tỉnh ủy "
        "gửi bản tóm tắt dự thảo Báo cáo chính trị để xin ý kiến Nhân dân. Ý kiến góp ý gửi về trước "
        "ngày 30/7/2031."
    )
    assert parse_document(text).issuer == "Ban Tuyên giáo và Dân vận Tỉnh ủy"


def test_a_mass_organisation_printed_above_its_central_committee():
    text = (
        "HỘI CỰU CHIẾN BINH VIỆT NAM\n\nBAN CHẤP HÀNH TRUNG ƯƠNG\n\n*\n\nSố 212 - CV/CCBTW\n\n"
        "Hà Nội, ngày 20 tháng 7 năm 2031\n\nKính gửi: Hội Cựu chiến binh các tỉnh, thành phố\n"
    )
    assert parse_document(text).issuer == "Ban Chấp hành Trung ương Hội Cựu chiến binh Việt Nam"


# --- a document followed mid-sentence is cited ---------------------------------------------------


def test_a_content_followed_mid_sentence_is_a_cited_document():
    text = (
        "Đây là nội dung huyện đang tập trung chỉ đạo theo nội dung công điện số 14 ngày 4/9/2031 của "
        "Chủ tịch UBND tỉnh về ứng phó với bão. Chủ tịch UBND huyện yêu cầu các xã thu hoạch xong lúa."
    )
    doc = parse_document(text)
    assert doc.number is None
    assert doc.issued_on is None


def test_a_sentence_opening_with_the_content_of_a_notice_retells_it():
    text = (
        "Theo nội dung Thông báo 3011-TB/TU, Thường trực Thành ủy đồng ý chủ trương tổ chức Lễ kỷ niệm. "
        "Thường trực Thành ủy giao Ban Tuyên giáo Thành ủy chủ trì tuyên truyền."
    )
    assert parse_document(text).number == "3011-TB/TU"


def test_the_same_organ_carrying_out_its_own_letter_keeps_its_number():
    text = (
        "Ngày 03/4/2031, Huyện ủy Bảo Lâm ban hành Kế hoạch số 88-KH/HU về đại hội chi bộ. Thực hiện Kế "
        "hoạch trên, Huyện ủy Bảo Lâm yêu cầu các chi bộ hoàn thành đại hội trước ngày 30/6/2031."
    )
    doc = parse_document(text)
    assert doc.number == "88-KH/HU"
    assert doc.issuer == "Huyện ủy Bảo Lâm"


# --- the page's own document named outside an issuing clause -----------------------------------


def test_an_annex_names_the_letter_it_belongs_to():
    text = (
        "Kính gửi: Các huyện ủy, thành ủy trực thuộc\n"
        "Ban Tổ chức Tỉnh ủy đề nghị các huyện ủy hướng dẫn chi bộ xây dựng quy chế làm việc.\n\n"
        "Mẫu 1\nQuy chế làm việc mẫu của chi bộ\n"
        "(Ban hành kèm theo Công văn số 512-CV/BTCTU, ngày 30/12/2031 của Ban Tổ chức Tỉnh ủy)\n"
    )
    doc = parse_document(text)
    assert doc.number == "512-CV/BTCTU"
    assert doc.doc_type == "Công văn"
    assert doc.issued_on is not None and doc.issued_on.isoformat() == "2031-12-30"


def test_a_form_sent_with_an_earlier_notice_names_no_own_number():
    text = (
        "Hội đồng Đội tỉnh đề nghị các đơn vị chưa gửi hồ sơ (theo mẫu đã hướng dẫn, gửi kèm Thông báo "
        "số 1) hoàn thành trước ngày 20/5/2031."
    )
    assert parse_document(text).number is None


def test_a_document_shown_below_is_the_pages_own():
    text = (
        "Theo Kết luận số 210-KL/TW của Ban Bí thư, chậm nhất ngày 25/6/2031 phải hoàn thành việc kiện "
        "toàn nhân sự.\nMời bạn đọc chi tiết nội dung tại Kết luận số 210-KL/TW dưới đây"
    )
    doc = parse_document(text)
    assert doc.number == "210-KL/TW"
    assert doc.doc_type == "Kết luận"
    assert doc.issuer == "Ban Bí thư"


def test_a_news_posts_source_line_names_the_notice():
    text = (
        "Thời gian hoạt động các chợ trên địa bàn huyện\n\n"
        "Ủy ban nhân dân huyện Tân Phước thông báo như sau: các chợ chỉ hoạt động từ 5 giờ đến 11 giờ "
        "hằng ngày.\n\nBBT(Nguồn: 215/TB-UBND)\n"
    )
    doc = parse_document(text)
    assert doc.number == "215/TB-UBND"
    assert doc.doc_type == "Thông báo"


def test_a_notice_titled_with_its_sequence_number():
    text = (
        "THÔNG BÁO SỐ 3\nHội trại Thiếu nhi toàn tỉnh năm 2031\n\n"
        "Kính gửi: Ban Thường vụ các huyện đoàn\nHội đồng Đội tỉnh đề nghị các đơn vị gửi danh sách "
        "trước ngày 20/5/2031."
    )
    doc = parse_document(text)
    assert doc.number == "3"
    assert doc.doc_type == "Thông báo"


def test_a_lead_paragraph_opening_with_the_decisions_number_and_date():
    text = (
        "UBND tỉnh quy định chế độ báo cáo định kỳ\n08:41 | 31/01/2032\n\n"
        "Quyết định số 52/2031/QĐ-UBND ngày 24/12/2031 UBND tỉnh Hậu Giang ban hành kèm theo là Quy định "
        "chế độ báo cáo định kỳ trên địa bàn tỉnh.\n"
    )
    doc = parse_document(text)
    assert doc.number == "52/2031/QĐ-UBND"
    assert doc.doc_type == "Quyết định"
    assert doc.issued_on is not None and doc.issued_on.isoformat() == "2031-12-24"


def test_a_teaser_opening_with_an_undated_directive_is_not_that_directive():
    text = (
        "Chính trị - Xã hội\n\nChỉ thị 35-CT/TW của Bộ Chính trị về đại hội đảng bộ các cấp nêu rõ sẽ "
        "giảm số lượng cấp ủy viên.\n\nXem thêm\n"
    )
    assert parse_document(text).number is None


# --- bare numbers and dates without a year in the issuing clause -------------------------------


def test_a_bare_number_after_the_issued_type():
    text = (
        " date 2031-09-12 (Tin tức) -\n\nNgày 12/9, Thường trực Ban Bí thư ký ban hành Kết luận 205 của Bộ "
        "Chính trị về công tác đại hội. Các tỉnh ủy hoàn thành đại hội trong tháng 10."
    )
    doc = parse_document(text)
    assert doc.number == "205"
    assert doc.doc_type == "Kết luận"
    # the day's year from the crawler's stamp: nothing else in the text dates it
    assert doc.issued_on is not None and doc.issued_on.isoformat() == "2031-09-12"


def test_a_year_after_the_type_is_no_number():
    text = "Ngày 5/1/2031, Huyện ủy Mường Tè ban hành Kế hoạch 2031 về công tác kiểm tra, giám sát."
    assert parse_document(text).number is None


def test_a_crawler_stamp_before_the_day_dates_it_the_year_before():
    text = (
        " date 2032-01-05 Ngày 28/12, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 15-KH/TU về tổng kết "
        "công tác năm. Các huyện ủy báo cáo trước ngày 20/1."
    )
    doc = parse_document(text)
    assert doc.issued_on is not None and doc.issued_on.isoformat() == "2031-12-28"


def test_a_numbers_date_without_a_year():
    text = (
        " date 2031-08-13 Thường trực Ban Bí thư đã ký ban hành Chỉ thị số 62-CT/TW ngày 8.8 về đổi thẻ "
        "đảng viên. Ban Bí thư yêu cầu hoàn thành trước ngày 2.9."
    )
    doc = parse_document(text)
    assert doc.number == "62-CT/TW"
    assert doc.issued_on is not None and doc.issued_on.isoformat() == "2031-08-08"


# --- a kind named alone gives way to a numbered document ----------------------------------------


def test_a_heading_naming_a_kind_gives_way_to_the_numbered_letter():
    text = (
        "Xây dựng kế hoạch cải cách hành chính\n"
        "Ngày 08/05/2031, UBND tỉnh Sóc Trăng ban hành văn bản số 1539/UBND-SNV về việc xây dựng kế hoạch "
        "cải cách hành chính hằng năm. Các sở gửi kế hoạch về Sở Nội vụ trước ngày 20/11 hằng năm."
    )
    doc = parse_document(text)
    assert doc.doc_type == "Công văn"
    assert doc.number == "1539/UBND-SNV"
    assert doc.issued_on is not None and doc.issued_on.isoformat() == "2031-05-08"


def test_drawing_up_a_plan_as_a_tasks_name_is_no_plan():
    text = (
        "Thực hiện hướng dẫn xây dựng kế hoạch và dự toán ngân sách năm 2032, Sở Khoa học và Công nghệ "
        "đề nghị các sở, ngành đề xuất nhiệm vụ khoa học (văn bản đính kèm)."
    )
    assert parse_document(text).doc_type is None


# --- an extension supersedes the notice it names; an association spelled out from its code ------


def test_an_extension_makes_the_named_notice_an_earlier_one():
    text = (
        "Gia hạn nhận bài cuộc thi Bút ký năm 2031\n\n"
        "Ngày 10/8/2031, Hội Liên hiệp Văn học nghệ thuật tỉnh Bến Tre đã có Thông báo số 81/TB-VHNT về thể "
        "lệ cuộc thi, thời hạn cuối nhận tác phẩm là ngày 31/01/2032.\nTuy nhiên, do trùng dịp Tết; đồng "
        "thời để các tác giả có thêm thời gian, nay Ban tổ chức cuộc thi thông báo gia hạn thời gian nhận "
        "tác phẩm đến hết ngày 31/3/2032."
    )
    doc = parse_document(text)
    assert doc.number is None
    assert doc.issued_on is None


def test_a_notice_told_without_a_later_change_keeps_its_number():
    text = (
        "Ngày 10/8/2031, Hội Liên hiệp Văn học nghệ thuật tỉnh Bến Tre đã có Thông báo số 81/TB-VHNT về thể "
        "lệ cuộc thi. Tuy nhiên, số tác phẩm gửi về còn ít; Hội đề nghị các chi hội vận động hội viên tham "
        "gia trước ngày 31/01/2032."
    )
    assert parse_document(text).number == "81/TB-VHNT"


def test_an_association_spelled_from_its_code_keeps_its_head_words():
    text = (
        "Số: 81/TB-VHNT\n\nHội Liên hiệp Văn học nghệ thuật tỉnh Bến Tre (đơn vị đăng cai tổ chức cuộc thi "
        "Bút ký văn học khu vực) gửi thể lệ cuộc thi đến các hội văn học nghệ thuật trong khu vực."
    )
    assert parse_document(text).issuer == "Hội Liên hiệp Văn học nghệ thuật tỉnh Bến Tre"


# --- the Front's short committee word, a school's Youth Union, a rule under a header -------------


def test_the_fronts_committee_written_short_with_a_stop():
    text = (
        "BTNO - Chiều 25.2, UB. MTTQ Việt Nam huyện Gò Dầu tổ chức hướng dẫn nội dung, thủ tục giới "
        "thiệu người ứng cử. Hồ sơ nộp trước ngày 14/3/2031."
    )
    assert parse_document(text).issuer == "UB. MTTQ Việt Nam huyện Gò Dầu"


def test_a_schools_youth_union_named_by_its_committee():
    text = (
        "Căn cứ vào điều lệ Đoàn về đoàn phí;\n\nBCH Đoàn trường thông báo về việc chi trả đoàn phí về các "
        "cơ sở đoàn. Các chi đoàn nhận trước ngày 30/11/2031."
    )
    assert parse_document(text).issuer == "BCH Đoàn trường"


def test_a_rule_printed_after_the_header_organ_is_no_part_of_it():
    text = (
        "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM -------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
        "Số: 1302/HD-TLĐ\n\nHà Nội, ngày 07 tháng 8 năm 2031\n\nHƯỚNG DẪN\nVề tổ chức Ban Thanh tra nhân dân\n"
    )
    doc = parse_document(text)
    assert doc.issuer is not None and "-" not in doc.issuer
    assert doc.issuer.lower() == "tổng liên đoàn lao động việt nam"


def test_a_city_youth_union_launching_a_contest():
    text = (
        "TT - Thành đoàn Cần Thơ triển khai cuộc thi viết “Thư gửi Đại hội Đoàn” dành cho đoàn viên. Bài "
        "dự thi gửi về trước ngày 30/9/2031."
    )
    assert parse_document(text).issuer == "Thành đoàn Cần Thơ"


# --- header blocks: the organ under the date, the place only in the date line --------------------


def test_the_organ_printed_under_the_date_line():
    text = (
        "BAN CHẤP HÀNH TRUNG ƯƠNG                 ĐẢNG CỘNG SẢN VIỆT NAM\n          *\n"
        "                                  Hà Nội, ngày 04 tháng 03 năm 2031\n        VĂN PHÒNG\n\n"
        "        Số: 31-HD/VPTW\n\nHƯỚNG DẪN\nmột số điểm về chế độ chi hoạt động công tác đảng\n"
    )
    doc = parse_document(text)
    assert doc.issuer == "Văn phòng Trung ương Đảng"
    assert doc.number == "31-HD/VPTW"


def test_a_state_organ_whose_place_is_only_in_the_date_line():
    text = (
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 07/CT-UBND | Yên Bái, ngày 02 tháng 5 năm 2031 |\nCHỈ THỊ\nVề thu ngân sách nhà nước\n"
        "Để hoàn thành dự toán thu năm 2031, Chủ tịch UBND tỉnh yêu cầu các sở, ngành báo cáo trước ngày "
        "30/5/2031."
    )
    assert parse_document(text).issuer == "Ủy ban nhân dân tỉnh Yên Bái"


# --- a page's title naming the kind and the author ----------------------------------------------


def test_a_title_naming_the_notice_and_its_author():
    text = (
        "10:10, 09/10/2031\n\nThông báo của UBND tỉnh về việc treo cờ Tổ quốc nhân dịp Đại hội Đảng bộ tỉnh\n\n"
        "Các cơ quan, đơn vị treo cờ từ ngày 12/10 đến hết ngày 16/10/2031."
    )
    doc = parse_document(text)
    assert doc.doc_type == "Thông báo"
    assert doc.issuer == "UBND tỉnh"


def test_a_title_giving_the_author_then_the_kind():
    text = (
        "Sở Văn hóa, Thể thao và Du lịch tỉnh Phú Yên - Thông báo\n"
        "Thông báo thể lệ cuộc thi sáng tác ca khúc về quê hương. Tác phẩm gửi về trước ngày 30/9/2031."
    )
    doc = parse_document(text)
    assert doc.doc_type == "Thông báo"
    assert doc.issuer == "Sở Văn hóa, Thể thao và Du lịch tỉnh Phú Yên"


def test_a_sentence_naming_a_notice_of_an_organ_is_no_title():
    text = (
        "Theo Thông báo của UBND tỉnh về việc nghỉ Tết, cán bộ được nghỉ 7 ngày. Sở Nội vụ đề nghị các "
        "đơn vị bố trí trực Tết."
    )
    assert parse_document(text).issuer == "Sở Nội vụ"


def test_an_earlier_act_told_with_truoc_do_is_not_the_issuers():
    text = (
        "(Chinhphu.vn) - Ban Tuyên giáo Thành ủy Hải Phòng quyết định lùi thời gian tổ chức Giải báo chí "
        "năm 2031.\nTrước đó, ngày 12/3/2031, Thành ủy Hải Phòng ban hành Kế hoạch số 21-KH/TU tổ chức Giải. "
        "Tác phẩm gửi về trước ngày 30/10/2031."
    )
    assert parse_document(text).issuer == "Ban Tuyên giáo Thành ủy Hải Phòng"


def test_the_town_of_hoi_an_is_no_association():
    text = (
        "Hội An tổ chức đêm phố cổ. UBND thành phố Hội An đề nghị các phường hoàn thành trang trí trước ngày 30/9/2031."
    )
    assert parse_document(text).issuer == "UBND thành phố Hội An"


def test_a_central_bodys_code_never_spelled_out_names_it():
    text = (
        "Định hướng chủ đề bài dự thi theo Phụ lục kèm theo Kế hoạch 61-KH/HVCTQG năm 2031. Hồ sơ dự thi "
        "gửi từ ngày 06/02/2031 đến hết ngày 15/7/2031."
    )
    doc = parse_document(text)
    assert doc.number == "61-KH/HVCTQG"
    assert doc.issuer == "Học viện Chính trị quốc gia Hồ Chí Minh"


def test_an_unknown_code_names_no_issuer():
    text = "Theo Phụ lục kèm theo Kế hoạch 61-KH/XYZQ năm 2031, hồ sơ gửi trước ngày 15/7/2031."
    assert parse_document(text).issuer is None

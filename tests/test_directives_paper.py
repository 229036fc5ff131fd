"""/new with the documents staff really have: a signed PDF, a photo of the paper, a scan."""

from __future__ import annotations

from sqlmodel import select

from storage.tables import ChatAccount, ConversationState, Directive
from tests.support.paper import (
    SHORT_141,
    needs_ocr,
    needs_pdf_ocr,
    page_image,
    pdf_of,
    picture_without_text,
    scanned_pdf_of,
)
from tests.test_directives_flow import DOC_141, SUMMARY_141

OCR_NOTE = (
    "⚠️ Văn bản này được đọc bằng nhận dạng chữ (OCR) từ ảnh/bản quét, có thể sai số, ngày hoặc dấu. "
    "Đồng chí đối chiếu với bản giấy và bấm «Sửa», «Thêm hạn», «Xóa hạn» để chữa trước khi gửi."
)
SHORT_DEADLINES = """Thời hạn:
• Hoàn thành: đến hết 20/8/2021
• Báo cáo: trước 23/8/2021
• Kế hoạch: trước 30/8/2021"""


def new(org):
    staff = org["staff"]
    staff.send("/new")
    return staff


def saved_draft(session) -> dict:
    session.expire_all()
    state = session.exec(select(ConversationState)).first()
    return dict(state.data) if state else {}


def test_a_pdf_upload_is_read_like_a_paste(org):
    staff = new(org)
    staff.upload("141-CV-DUK (da ky).pdf", pdf_of(DOC_141), "application/pdf")
    assert staff.last_text == SUMMARY_141


def test_a_pdf_renamed_to_docx_is_read_as_the_pdf_it_is(org):
    staff = new(org)
    staff.upload("141.docx", pdf_of(DOC_141))
    assert staff.last_text == SUMMARY_141


@needs_ocr
def test_a_photo_of_the_paper_is_summarised_with_an_ocr_warning_that_stays_until_published(org, session):
    staff = new(org)
    staff.upload("anh.jpg", page_image(SHORT_141, fmt="JPEG"), "image/jpeg", kind="photo")
    assert staff.last_text.startswith(
        OCR_NOTE + "\n" + "Tôi đọc được văn bản như sau:\nLoại: Công văn\nSố, ký hiệu: 141-CV/ĐUK"
    )
    assert SHORT_DEADLINES in staff.last_text
    staff.press("Sửa")
    staff.press("Trích yếu")
    staff.send("V/v tổ chức quán triệt Nghị quyết số 05-NQ/TU")
    assert staff.last_text.startswith(OCR_NOTE)
    assert "Trích yếu: V/v tổ chức quán triệt Nghị quyết số 05-NQ/TU\n" in staff.last_text
    staff.press("Xác nhận")
    staff.press("Tất cả chi bộ")
    staff.press("Gửi")
    assert "Đã gửi" in staff.last_text
    directive = session.exec(select(Directive)).one()
    assert (directive.number, directive.subject) == ("141-CV/ĐUK", "V/v tổ chức quán triệt Nghị quyết số 05-NQ/TU")


@needs_pdf_ocr
def test_a_scanned_pdf_is_read_by_ocr(org):
    staff = new(org)
    staff.upload("scan.pdf", scanned_pdf_of(page_image(SHORT_141)), "application/pdf")
    assert staff.last_text.startswith(OCR_NOTE)
    assert SHORT_DEADLINES in staff.last_text


@needs_ocr
def test_a_photo_that_is_not_a_document_is_said_so_and_nothing_is_kept(org, session):
    staff = new(org)
    staff.upload("meo.jpg", picture_without_text(), "image/jpeg", kind="photo")
    assert staff.last_text.startswith("Tôi chưa đọc được chữ trong ảnh: Nhận dạng chữ (OCR) không thấy chữ nào đáng kể")
    assert staff.buttons == []
    data = saved_draft(session)
    assert not data.get("draft") and not data.get("pasted_text")
    staff.send(DOC_141)  # the flow still waits for the document
    assert staff.last_text == SUMMARY_141


@needs_ocr
def test_a_photo_of_a_page_that_is_no_directive_says_ocr_found_none(org, session):
    staff = new(org)
    letter = "Kính gửi gia đình,\nHôm nay trời đẹp, cả nhà đi chơi công viên và ăn kem.\nChúc mọi người khỏe."
    staff.upload("thu.png", page_image(letter), "image/png", kind="photo")
    assert staff.last_text.startswith(
        "Tôi đã đọc ảnh bằng nhận dạng chữ (OCR) nhưng không thấy số, ký hiệu hay trích yếu"
    )
    assert not saved_draft(session).get("draft")


def test_without_tesseract_a_scan_and_a_photo_get_a_clear_vietnamese_answer(org, app, session):
    app.settings.tesseract_cmd = "/nonexistent/tesseract"
    staff = new(org)
    staff.upload("scan.pdf", scanned_pdf_of(page_image(SHORT_141)), "application/pdf")
    assert staff.last_text.startswith(
        "Không đọc được tệp «scan.pdf»: Tệp PDF này không có lớp chữ (là bản quét), cần nhận dạng chữ (OCR) "
        "nhưng máy chủ chưa cài Tesseract OCR tiếng Việt"
    )
    staff.upload("anh.jpg", page_image(SHORT_141, fmt="JPEG"), "image/jpeg", kind="photo")
    assert staff.last_text.startswith(
        "Tôi chưa đọc được chữ trong ảnh: Đây là ảnh, cần nhận dạng chữ (OCR) nhưng máy chủ chưa cài"
    )
    assert not saved_draft(session).get("draft")
    staff.upload("141.pdf", pdf_of(DOC_141), "application/pdf")  # a PDF with text needs no OCR
    assert staff.last_text == SUMMARY_141


def test_an_empty_file_and_a_binary_are_refused_in_plain_vietnamese(org):
    staff = new(org)
    staff.upload("141.txt", b"")
    assert staff.last_text.startswith("Không đọc được tệp «141.txt»: Tệp trống, không có nội dung.")
    staff.upload("141.pdf.exe", b"MZ\x90\x00\x03\x00\x00\x00" + bytes(range(256)) * 4)
    assert staff.last_text.startswith("Không đọc được tệp «141.pdf.exe»: Tệp không phải văn bản (dữ liệu nhị phân).")


def test_a_file_too_big_to_download_is_refused_with_the_limit(org, app):
    staff = org["staff"]
    staff.send("/new")
    from ground.messages import Attachment

    big = Attachment(
        kind="document", file_name="141.pdf", mime_type="application/pdf", size=25 * 1024 * 1024, content=None
    )
    staff._run(staff._incoming(attachment=big))
    assert staff.last_text.startswith("Không đọc được tệp «141.pdf»: Tệp nặng 25 MB, vượt giới hạn 10 MB.")


def test_in_english_the_ocr_refusal_is_english(org, app, session):
    app.settings.tesseract_cmd = "/nonexistent/tesseract"
    staff = new(org)
    account = session.exec(select(ChatAccount).where(ChatAccount.external_user_id == staff.user_id)).one()
    account.language = "en"
    session.add(account)
    session.commit()
    staff.upload("scan.png", page_image(SHORT_141), "image/png")
    assert "Vietnamese Tesseract OCR is not installed" in staff.last_text


@needs_pdf_ocr
def test_a_scan_longer_than_the_page_limit_says_which_pages_were_read(org, app):
    app.settings.ocr_max_pages = 1
    staff = new(org)
    staff.upload(
        "scan.pdf", scanned_pdf_of(page_image(SHORT_141), page_image("Phụ lục\nDanh sách đơn vị")), "application/pdf"
    )
    assert staff.last_text.startswith(
        OCR_NOTE + "\nChỉ đọc 1 trang đầu trong 2 trang của bản quét.\nTôi đọc được văn bản như sau:"
    )

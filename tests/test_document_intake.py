"""Files coming in: PDFs with a text layer, paper read by OCR, and what is not a document."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from services.document_intake import DocumentIn, Refused, read_upload
from services.parsing import parse_document
from services.parsing.ocr import Ocr
from tests.support.paper import (
    NO_OCR,
    SHORT_141,
    needs_ocr,
    needs_pdf_ocr,
    page_image,
    pdf_of,
    picture_without_text,
    scanned_pdf_of,
)

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
LIMIT = 10 * 1024 * 1024
#: The OCR a server has by default: Tesseract and pdftoppm found on PATH.
DEFAULT_OCR = Ocr()


def read(data: bytes | None, name: str = "", *, ocr: Ocr = DEFAULT_OCR, **kw) -> DocumentIn:
    return read_upload(data, file_name=name, max_bytes=kw.pop("max_bytes", LIMIT), ocr=ocr, **kw)


def refusal(data: bytes | None, name: str = "", **kw) -> str:
    with pytest.raises(Refused) as caught:
        read(data, name, **kw)
    return caught.value.key


def deadlines(text: str) -> list[tuple]:
    return [(d.kind, d.due, d.recurrence.to_rule() if d.recurrence else None) for d in parse_document(text).deadlines]


# ---- PDF with a text layer -------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_a_pdf_of_each_seed_reads_like_its_text(name):
    text = (SEEDS / name).read_text(encoding="utf-8")
    document = read(pdf_of(text), "van-ban.pdf", ocr=NO_OCR)  # a text layer needs no OCR
    assert document.source == "pdf" and not document.by_ocr
    assert parse_document(document.text).to_json_dict() == parse_document(text).to_json_dict()


def test_a_pdf_renamed_to_docx_is_read_as_the_pdf_it_is():
    text = (SEEDS / "003_11edc695b26208f2.txt").read_text(encoding="utf-8")
    document = read(pdf_of(text), "141.docx")
    assert document.source == "pdf"
    assert deadlines(document.text) == deadlines(text)


def test_a_password_protected_pdf_is_refused_clearly():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_of(SHORT_141))))
    writer.encrypt(user_password="bi-mat", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    assert refusal(out.getvalue(), "141.pdf") == "intake.pdf_password"


def test_a_damaged_pdf_is_refused_as_damaged():
    assert refusal(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage", "x.pdf") == "intake.bad_format"


# ---- paper, by OCR ---------------------------------------------------------------------------


@needs_ocr
@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_a_photo_of_a_short_directive_reads_to_the_same_deadlines_as_its_text(fmt):
    document = read(page_image(SHORT_141, fmt=fmt), f"anh.{fmt.lower()}")
    assert document.by_ocr
    parsed = parse_document(document.text)
    assert deadlines(document.text) == deadlines(SHORT_141)
    assert [d.kind for d in parsed.deadlines] == ["complete", "report", "plan"]
    assert parsed.number == "141-CV/ĐUK"


@needs_pdf_ocr
def test_a_scanned_pdf_without_text_layer_is_read_by_ocr():
    document = read(scanned_pdf_of(page_image(SHORT_141)), "scan.pdf")
    assert (document.source, document.pages_read, document.page_count) == ("ocr", 1, 1)
    assert deadlines(document.text) == deadlines(SHORT_141)


@needs_pdf_ocr
def test_a_long_scan_is_cut_at_the_page_and_time_limits_and_says_how_much_was_read():
    scan = scanned_pdf_of(*[page_image(SHORT_141)] * 3)
    by_pages = read(scan, "scan.pdf", ocr=Ocr(max_pages=2, dpi=150))  # 150 dpi: the limits, fast
    assert (by_pages.pages_read, by_pages.page_count, by_pages.pages_cut) == (2, 3, True)
    by_time = read(scan, "scan.pdf", ocr=Ocr(total_seconds=0, dpi=150))  # the first page is always read
    assert (by_time.pages_read, by_time.page_count) == (1, 3)
    assert deadlines(by_time.text) == deadlines(SHORT_141)


@needs_ocr
def test_a_photo_of_something_that_is_not_a_document_gives_no_text():
    assert refusal(picture_without_text(), "meo.jpg") == "intake.ocr_no_text"


def test_without_tesseract_a_photo_and_a_scan_say_ocr_is_unavailable():
    assert refusal(page_image(SHORT_141), "anh.png", ocr=NO_OCR) == "intake.ocr_unavailable"
    assert refusal(scanned_pdf_of(page_image(SHORT_141)), "scan.pdf", ocr=NO_OCR) == "intake.pdf_ocr_unavailable"


@needs_ocr
def test_a_broken_photo_is_refused_as_unreadable():
    assert refusal(b"\xff\xd8\xff\xe0 truncated", "anh.jpg") == "intake.image_unreadable"


@needs_ocr
def test_an_ocr_that_runs_too_long_is_stopped():
    slow = Ocr(timeout_seconds=0.001)
    assert refusal(page_image(SHORT_141), "anh.png", ocr=slow) == "intake.ocr_timeout"


# ---- not a document --------------------------------------------------------------------------


def test_empty_binary_and_other_zips_are_refused():
    assert refusal(b"", "141.txt") == "intake.empty"
    assert refusal(b"\n  \n", "141.txt") == "intake.empty"
    assert refusal(b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 4, "chibot.txt") == "intake.binary"
    assert refusal(b"PK\x03\x04", "bang.xlsx") == "intake.unsupported"


def test_a_text_file_named_docx_is_a_broken_docx_and_a_text_file_is_text():
    assert refusal(b"this is not a zip file", "141.docx") == "intake.bad_format"
    assert read(SHORT_141.encode("utf-8"), "141.txt").source == "text"


def test_the_upload_limit_holds_whether_or_not_the_adapter_downloaded_the_file():
    assert refusal(b"x" * 2048, "141.txt", max_bytes=1024) == "intake.too_big"
    with pytest.raises(Refused) as caught:
        read(None, "141.pdf", size=30 * 1024 * 1024)
    assert (caught.value.key, caught.value.params) == ("intake.too_big", {"size": "30", "limit": "10"})
    assert refusal(None, "141.pdf", size=1000) == "intake.not_received"


def test_stray_nul_and_control_characters_never_reach_the_directive_text():
    # a few NULs (well under the binary threshold), as in a text saved by a broken editor;
    # PostgreSQL refuses NUL in a text column
    dirty = SHORT_141.replace("Số 141", "Số\x00 141").replace("KHẨN", "KHẨN\x0b\x1b").encode("utf-8")
    document = read(dirty, "141.txt")
    assert "\x00" not in document.text and "\x1b" not in document.text and "\x0b" not in document.text
    assert parse_document(document.text).number == "141-CV/ĐUK"
    assert "\n" in document.text and deadlines(document.text) == deadlines(SHORT_141)

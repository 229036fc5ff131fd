"""A PDF whose text layer is not text: fonts without a Unicode map (an embedded font without
ToUnicode gives glyph numbers; a legacy VNI/TCVN3 font gives Latin-1 codes such as
"Ñaûng uûy" for "Đảng ủy"). chibot no longer takes that for the directive: it reads the page
images by OCR when Tesseract is here, and otherwise tells staff plainly what to send."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app as cli_app
from services.document_intake import Refused, read_upload
from services.parsing import parse_document
from services.parsing.ocr import Ocr
from services.parsing.pdf_text import read_pdf_text
from services.parsing.text_quality import judge_text
from tests.support.paper import (
    NO_OCR,
    SHORT_141,
    legacy_font_pdf_of,
    needs_pdf_ocr,
    pdf_of,
    pdf_without_unicode_map,
    vni_style,
)
from tests.test_directives_paper import OCR_NOTE, SHORT_DEADLINES, new, saved_draft

FIXTURES = Path(__file__).parent / "fixtures"
LIMIT = 10 * 1024 * 1024
UNREADABLE = (
    "Lớp chữ trong tệp PDF này không đọc được: tệp được soạn bằng phông chữ cũ (TCVN3/ABC như .VnTime, "
    "hoặc VNI) hoặc bằng phông không có bảng mã Unicode"
)
WHAT_TO_DO = "Đồng chí gửi ảnh chụp hoặc bản quét của văn bản, hoặc mở văn bản gốc, chuyển sang phông Unicode"
OCR_BECAUSE = (
    "Lớp chữ của tệp PDF không đọc được (phông chữ cũ TCVN3/VNI hoặc phông không có bảng mã Unicode), "
    "nên tôi đã đọc ảnh các trang bằng nhận dạng chữ (OCR)."
)
runner = CliRunner()


def deadlines(text: str) -> list[tuple]:
    return [(d.kind, d.due) for d in parse_document(text).deadlines]


# ---- the judgement, by the language ------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(FIXTURES.rglob("*.txt")), ids=lambda p: p.name)
def test_every_corpus_document_reads_as_vietnamese(path):
    quality = judge_text(path.read_text(encoding="utf-8"))
    assert quality.readable, quality


@pytest.mark.parametrize("path", sorted((FIXTURES / "documents").glob("*.txt"))[:12], ids=lambda p: p.name)
def test_the_same_documents_in_vni_style_codes_are_not_readable(path):
    quality = judge_text(vni_style(path.read_text(encoding="utf-8")))
    assert quality.problem == "legacy", quality


def test_an_unmapped_text_layer_is_not_readable_and_a_real_one_is():
    assert read_pdf_text(pdf_without_unicode_map(SHORT_141)).unreadable
    assert read_pdf_text(legacy_font_pdf_of(SHORT_141)).unreadable
    assert not read_pdf_text(pdf_of(SHORT_141)).unreadable


def test_a_short_text_layer_says_nothing_either_way():
    assert judge_text("Ký bởi: Văn phòng Tỉnh ủy").readable  # a signature stamp alone: left to the scan rule


# ---- intake: OCR of the page images, or a plain refusal ----------------------------------------


@pytest.mark.parametrize("build", [pdf_without_unicode_map, legacy_font_pdf_of])
def test_without_ocr_an_unreadable_pdf_is_refused_with_what_to_do(build):
    with pytest.raises(Refused) as caught:
        read_upload(build(SHORT_141), file_name="141.pdf", max_bytes=LIMIT, ocr=NO_OCR)
    assert caught.value.key == "intake.pdf_unreadable"


@needs_pdf_ocr
def test_an_unmapped_pdf_is_read_from_its_page_images():
    document = read_upload(pdf_without_unicode_map(SHORT_141), file_name="141.pdf", max_bytes=LIMIT, ocr=Ocr())
    assert (document.source, document.unreadable_layer) == ("ocr", True)
    assert deadlines(document.text) == deadlines(SHORT_141)
    assert parse_document(document.text).number == "141-CV/ĐUK"


# ---- /new ------------------------------------------------------------------------------------------


def test_new_without_ocr_tells_staff_the_pdf_cannot_be_read_and_saves_nothing(org, app, session):
    app.settings.tesseract_cmd = "/nonexistent/tesseract"
    for build in (pdf_without_unicode_map, legacy_font_pdf_of):
        staff = new(org)
        staff.upload("141.pdf", build(SHORT_141), "application/pdf")
        assert staff.last_text.startswith(f"Không đọc được tệp «141.pdf»: {UNREADABLE}"), staff.last_text
        assert WHAT_TO_DO in staff.last_text
        assert not saved_draft(session).get("draft")


@needs_pdf_ocr
def test_new_reads_an_unmapped_pdf_by_ocr_and_says_why(org):
    staff = new(org)
    staff.upload("141.pdf", pdf_without_unicode_map(SHORT_141), "application/pdf")
    assert staff.last_text.startswith(OCR_NOTE + "\n" + OCR_BECAUSE + "\n"), staff.last_text
    assert "Số, ký hiệu: 141-CV/ĐUK" in staff.last_text
    assert SHORT_DEADLINES in staff.last_text


# ---- chibot parse ----------------------------------------------------------------------------------


def test_parse_without_ocr_refuses_an_unreadable_pdf_in_one_sentence(tmp_path, monkeypatch):
    monkeypatch.setenv("TESSERACT_CMD", "/nonexistent/tesseract")
    path = tmp_path / "141.pdf"
    path.write_bytes(legacy_font_pdf_of(SHORT_141))
    result = runner.invoke(cli_app, ["parse", str(path)])
    assert result.exit_code == 2, result.output
    assert "141.pdf: The text layer of this PDF cannot be read" in result.output
    assert "Please send a photo or scan of the document" in result.output
    assert "Traceback" not in result.output


@needs_pdf_ocr
def test_parse_reads_an_unmapped_pdf_by_ocr_and_says_why(tmp_path):
    path = tmp_path / "141.pdf"
    path.write_bytes(pdf_without_unicode_map(SHORT_141))
    result = runner.invoke(cli_app, ["parse", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("The PDF's text layer cannot be read (a legacy TCVN3/VNI font")
    assert "Number and symbol (số, ký hiệu): 141-CV/ĐUK" in result.output
    assert "  • Report (báo cáo): trước 23/8/2021" in result.output


# ---- a .docx typed in a legacy font --------------------------------------------------------------


def _docx_of(text: str) -> bytes:
    import io

    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_docx_typed_in_a_legacy_font_is_refused_with_how_to_convert_it(org):
    with pytest.raises(Refused) as caught:
        read_upload(_docx_of(vni_style(SHORT_141)), file_name="141.docx", max_bytes=LIMIT, ocr=NO_OCR)
    assert caught.value.key == "intake.legacy_font"
    assert read_upload(_docx_of(SHORT_141), file_name="141.docx", max_bytes=LIMIT, ocr=NO_OCR).source == "docx"
    staff = new(org)
    staff.upload("141.docx", _docx_of(vni_style(SHORT_141)))
    assert staff.last_text.startswith(
        "Không đọc được tệp «141.docx»: Tệp được soạn bằng phông chữ cũ (TCVN3/ABC như .VnTime, hoặc VNI)"
    ), staff.last_text

"""`chibot parse FILE [--json]`: check a document without the bot."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from typer.testing import CliRunner

from bot.cli import app
from tests.support.paper import SHORT_141, needs_ocr, page_image, pdf_of

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
runner = CliRunner()


def test_json_output_of_141_has_the_documented_keys_and_local_due_times():
    result = runner.invoke(app, ["parse", str(SEEDS / "003_11edc695b26208f2.txt"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    for key in (
        "doc_type",
        "number",
        "issuer",
        "issued_on",
        "subject",
        "urgent",
        "secret",
        "addressees",
        "signer",
        "report_fields",
        "deadlines",
    ):
        assert key in data
    assert (data["doc_type"], data["number"], data["urgent"], data["issued_on"]) == (
        "Công văn",
        "141-CV/ĐUK",
        "KHẨN",
        None,
    )
    assert [(d["kind"], d["due"], d["recurrence"]) for d in data["deadlines"]] == [
        ("complete", "2021-08-20T23:59:00", None),
        ("report", "2021-08-22T23:59:00", None),
        ("plan", "2021-08-29T23:59:00", None),
    ]
    assert data["deadlines"][1]["text"] == "trước ngày 23/8/2021"


def test_text_output_reads_in_english_with_the_vietnamese_terms(tmp_path):
    result = runner.invoke(app, ["parse", str(SEEDS / "002_c658ef2b8e34c7f5.txt")])
    assert result.exit_code == 0
    assert "Number and symbol (số, ký hiệu): 51-KH/QU" in result.output
    assert "• Recurring report (báo cáo định kỳ): hằng ngày lúc 06:00, 12:00, 18:00" in result.output
    none = runner.invoke(app, ["parse", str(SEEDS / "001_6209555e4feaaf67.txt")])
    assert "Deadlines (thời hạn): none found" in none.output


def test_a_docx_is_read_like_the_text(tmp_path):
    document = docx.Document()
    for line in (SEEDS / "003_11edc695b26208f2.txt").read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    path = tmp_path / "141.docx"
    document.save(path)
    result = runner.invoke(app, ["parse", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["number"] == "141-CV/ĐUK"


def test_a_fake_docx_and_a_missing_file_get_one_sentence(tmp_path):
    fake = tmp_path / "van-ban.docx"
    fake.write_bytes(b"this is not a zip")
    result = runner.invoke(app, ["parse", str(fake)])
    assert result.exit_code == 2
    assert result.output.startswith("Error: Van-ban.docx:") or "van-ban.docx" in result.output
    assert "Traceback" not in result.output
    missing = runner.invoke(app, ["parse", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2
    assert "No such file" in missing.output


def test_a_pdf_is_read_like_the_text_and_says_so_in_json(tmp_path):
    path = tmp_path / "141.pdf"
    path.write_bytes(pdf_of((SEEDS / "003_11edc695b26208f2.txt").read_text(encoding="utf-8")))
    result = runner.invoke(app, ["parse", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["number"], data["read_by"]) == ("141-CV/ĐUK", "pdf")
    assert [d["due"] for d in data["deadlines"]] == [
        "2021-08-20T23:59:00",
        "2021-08-22T23:59:00",
        "2021-08-29T23:59:00",
    ]


def test_what_is_not_a_document_is_refused_in_one_sentence(tmp_path, monkeypatch):
    monkeypatch.setenv("TESSERACT_CMD", "/nonexistent/tesseract")
    cases = {
        "trong.txt": (b"", "The file is empty."),
        "chibot.bin": (b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4, "The file is not a document (binary data)."),
        "anh.png": (
            page_image(SHORT_141),
            "This is a picture and needs text recognition (OCR), but Vietnamese Tesseract OCR is not installed",
        ),
    }
    for name, (content, sentence) in cases.items():
        (tmp_path / name).write_bytes(content)
        result = runner.invoke(app, ["parse", str(tmp_path / name)])
        assert result.exit_code == 2, (name, result.output)
        assert sentence in result.output, (name, result.output)
        assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


@needs_ocr
def test_a_photo_is_read_by_ocr_and_the_output_says_to_check_it(tmp_path):
    path = tmp_path / "anh.jpg"
    path.write_bytes(page_image(SHORT_141, fmt="JPEG"))
    result = runner.invoke(app, ["parse", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Read by text recognition (OCR) from a photo or scan")
    assert "Number and symbol (số, ký hiệu): 141-CV/ĐUK" in result.output
    assert "  • Report (báo cáo): trước 23/8/2021    ← «trước ngày 23/8/2021»" in result.output

"""`chibot parse FILE [--json]`: check a document without the bot."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from typer.testing import CliRunner

from bot.cli import app

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
runner = CliRunner()


def test_json_output_of_141_has_the_documented_keys_and_local_due_times():
    result = runner.invoke(app, ["parse", str(SEEDS / "003_11edc695b26208f2.txt"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    for key in ("doc_type", "number", "issuer", "issued_on", "subject", "urgent", "secret", "addressees", "signer", "report_fields", "deadlines"):
        assert key in data
    assert (data["doc_type"], data["number"], data["urgent"], data["issued_on"]) == ("Công văn", "141-CV/ĐUK", "KHẨN", None)
    assert [(d["kind"], d["due"], d["recurrence"]) for d in data["deadlines"]] == [
        ("complete", "2021-08-20T23:59:00", None),
        ("report", "2021-08-22T23:59:00", None),
        ("plan", "2021-08-29T23:59:00", None),
    ]
    assert data["deadlines"][1]["text"] == "trước ngày 23/8/2021"


def test_text_output_reads_in_vietnamese(tmp_path):
    result = runner.invoke(app, ["parse", str(SEEDS / "002_c658ef2b8e34c7f5.txt")])
    assert result.exit_code == 0
    assert "Số, ký hiệu: 51-KH/QU" in result.output
    assert "• Báo cáo định kỳ: hằng ngày lúc 06:00, 12:00, 18:00" in result.output
    none = runner.invoke(app, ["parse", str(SEEDS / "001_6209555e4feaaf67.txt")])
    assert "Thời hạn: không tìm thấy" in none.output


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

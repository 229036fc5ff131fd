"""Exports: the XLSX, DOCX and CSV of a directive reopened and read back; the CLI (`-o -` writes
CSV to stdout); a directive with no reports; only the units the staff member oversees."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import datetime

import pytest
from docx import Document
from openpyxl import load_workbook
from sqlmodel import select
from typer.testing import CliRunner

from bot.cli import app as cli_app
from bot.cli_common import CliState
from ground.clock import ManualClock
from storage.db import make_db_engine, session_scope
from storage.migrate import upgrade
from tests.support.local import local_to_utc
from tests.support.org import register
from tests.support.oversight_tree import build_tree, reports
from tests.support.report_factories import make_assignment

NOW = local_to_utc(datetime(2021, 8, 25, 9, 30))
XLSX_HEADERS = [
    "Mã đơn vị",
    "Đơn vị",
    "Thuộc",
    "Bí thư / người phụ trách",
    "Tình trạng",
    "Nhận lúc",
    "Báo cáo lần đầu lúc",
    "Gửi bản mới nhất lúc",
    "Đúng/trễ hạn",
    "Hình thức",
    "Hình thức khác",
    "Số người tiếp cận",
    "Tổng số",
    "Tỷ lệ (%)",
    "Nhận thức",
    "Khó khăn, đề xuất",
    "Bản báo cáo",
    "Báo cáo thay",
]


@pytest.fixture
def cli(db_url, tmp_path, monkeypatch):
    """A migrated database with the generated tree (200 cells), and a way to run `chibot`."""
    upgrade(db_url)
    engine = make_db_engine(db_url)
    with session_scope(engine) as session:
        build_tree(
            session, groups=10, cells_per_group=18, direct_cells=20, now=local_to_utc(datetime(2021, 8, 15, 8, 0))
        )
    engine.dispose()
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(
            cli_app,
            ["--database-url", db_url, *args],
            env={"TELEGRAM_BOT_TOKEN": None, "DATABASE_URL": None},
            obj=CliState(clock=ManualClock(NOW)),
        )

    return run


def test_xlsx_has_one_row_per_cell_with_report_fields_dates_and_a_summary(cli, tmp_path):
    result = cli("export", "51-KH/QU", "--format", "xlsx", "-o", str(tmp_path / "r.xlsx"))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"Wrote {tmp_path / 'r.xlsx'}."
    book = load_workbook(tmp_path / "r.xlsx")
    assert book.sheetnames == ["Các đơn vị", "Tổng hợp"]
    sheet = book["Các đơn vị"]
    assert [c.value for c in sheet[1]] == XLSX_HEADERS
    assert sheet.freeze_panes == "C2"
    assert sheet.max_row == 201
    assert sheet.column_dimensions["B"].width == 32
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    cell = rows["DB001-CB002"]  # cell 1: reported on time, 11/21, secretary none (odd index)
    assert cell[:5] == ("DB001-CB002", "Chi bộ DB001-CB002", "Đảng bộ phường số 1", None, "đã báo cáo")
    assert cell[5] == datetime(2021, 8, 15, 8, 0)
    assert cell[6] == cell[7] == datetime(2021, 8, 15, 9, 0)
    assert cell[8:16] == (
        "đúng hạn",
        "Hội nghị trực tiếp, Zalo / mạng xã hội",
        None,
        11,
        21,
        52.4,
        "Tốt",
        "Thiếu tài liệu",
    )
    assert sheet.cell(3, 6).number_format == "d/m/yyyy hh:mm"
    missing = rows["DB001-CB001"]  # cell 0: not reported, has a secretary
    # Past the report deadline: overdue, as the summary counts it.
    assert missing[3:9] == ("Bí thư mẫu", "quá hạn (chưa báo đã nhận)", None, None, None, "quá hạn")
    assert rows["QU-CB006"][8] == "trễ hạn"  # cell 185: a multiple of 5 reported late
    summary = {r[0]: r[1] for r in book["Tổng hợp"].iter_rows(values_only=True)}
    assert summary["Văn bản"] == "KH 51-KH/QU"
    assert (
        summary["Số đơn vị được giao"],
        summary["Đã nhận văn bản"],
        summary["Đã báo cáo"],
        summary["Chưa báo cáo"],
        summary["Quá hạn"],
    ) == (200, 183, 133, 67, 67)
    late = sum(1 for i in range(200) if reports(i) and i % 5 == 0)
    assert (summary["Báo cáo đúng hạn"], summary["Báo cáo trễ hạn"]) == (133 - late, late) == (107, 26)
    assert (summary["Tổng số người tiếp cận"], summary["Tổng số người"], summary["Tỷ lệ chung (%)"]) == (
        1724,
        2927,
        58.9,
    )
    assert summary["Xuất lúc"] == datetime(2021, 8, 25, 9, 30)


def test_csv_to_stdout_is_utf8_with_bom(cli):
    result = cli("export", "51", "--format", "csv", "-o", "-")
    assert result.exit_code == 0, result.output
    raw = result.stdout_bytes
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].split(",")[:3] == ["Mã đơn vị", "Đơn vị", "Thuộc"]
    assert len(lines) == 201
    assert lines[2].startswith(
        "DB001-CB002,Chi bộ DB001-CB002,Đảng bộ phường số 1,,đã báo cáo,15/8/2021 08:00,15/8/2021 09:00,"
        "15/8/2021 09:00,đúng hạn,"
    )


def test_cli_refuses_unknown_numbers_and_binary_to_stdout(cli):
    result = cli("export", "999", "-o", "x.xlsx")
    assert result.exit_code == 2
    assert "No directive numbered 999 was found." in result.output
    result = cli("export", "51", "--format", "xlsx", "-o", "-")
    assert result.exit_code == 2
    assert "Only CSV can be written to standard output" in result.output


def test_docx_is_a_party_report_with_tables_missing_units_and_grouped_difficulties(cli, tmp_path):
    result = cli("export", "51", "--format", "docx", "-o", str(tmp_path / "r.docx"))
    assert result.exit_code == 0, result.output
    doc = Document(str(tmp_path / "r.docx"))
    texts = [p.text for p in doc.paragraphs]
    head_left, head_right = doc.tables[0].rows[0].cells
    assert "QUẬN ỦY HÀ ĐÔNG" in head_left.text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in head_right.text
    assert "……………, ngày 25 tháng 8 năm 2021" in head_right.text
    assert texts[:3] == ["BÁO CÁO", "Kết quả thực hiện KH 51-KH/QU", "Kế hoạch thực hiện Chỉ thị 05-CT/TU"]
    assert "Có 133/200 đơn vị đã báo cáo (67 đơn vị quá hạn). Số người được tiếp cận: 1.724/2.927 (58,9%)." in texts
    table = doc.tables[1]
    assert len(table.rows) == 134
    assert [c.text for c in table.rows[1].cells] == [
        "DB001-CB002",
        "Chi bộ DB001-CB002",
        "Hội nghị trực tiếp, Zalo / mạng xã hội",
        "11",
        "21",
        "52,4",
        "Tốt",
        "đúng hạn",
    ]
    assert "- DB001-CB001 — Chi bộ DB001-CB001 (Bí thư mẫu)" in texts
    assert "- DB001-CB004 — Chi bộ DB001-CB004 (chưa có bí thư đăng ký)" in texts
    difficulties = [t for t in texts if t.startswith("- Thiếu tài liệu (")]
    expected = sum(1 for i in range(200) if reports(i) and i % 10 == 1)
    assert len(difficulties) == 1 and difficulties[0].count(",") + 1 == expected
    assert "T/M BAN THƯỜNG VỤ" in doc.tables[2].rows[0].cells[1].text


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice is not installed")
def test_docx_renders_to_pdf_with_libreoffice(cli, tmp_path):
    assert cli("export", "51", "--format", "docx", "-o", str(tmp_path / "r.docx")).exit_code == 0
    office = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run(
        [office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "r.docx")],
        check=True,
        timeout=120,
        capture_output=True,
    )
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


def test_chat_export_of_a_directive_with_no_reports_says_so(app, org):
    make_assignment(app, cell="CB01")
    org["staff"].send("/export 141")
    (reply,) = org["staff"].replies
    assert reply.text == "Chưa có đơn vị nào báo cáo CV 141-CV/ĐUK."
    assert reply.document.name == "bao-cao-141-cv-duk.xlsx"
    book = load_workbook(io.BytesIO(reply.document.content))
    summary = {r[0]: r[1] for r in book["Tổng hợp"].iter_rows(values_only=True)}
    assert summary["Đã báo cáo"] == 0 and "Chưa có đơn vị nào báo cáo." in summary
    assert [r[0] for r in book["Các đơn vị"].iter_rows(min_row=2, values_only=True)] == ["CB01"]
    assert org["staff"].buttons == ["DOCX", "CSV"]
    org["staff"].press("CSV")
    assert org["staff"].replies[0].document.content.startswith(b"\xef\xbb\xbf")


def test_chat_export_holds_only_the_units_the_staff_member_oversees(app, org):
    make_assignment(app, cell="CB01")
    db1 = register(app, unit_code="DB1", role="staff", name="Lê Văn Bình", user_id="u-db1-staff")
    db1.send("/export 141")
    assert db1.last_text.startswith("Không tìm thấy văn bản số «141»")  # as if it did not exist
    db1.press_data("exp:1:xlsx")
    assert db1.last_text == "Đồng chí không có quyền thực hiện thao tác này."


def test_cli_lists_directives_sharing_a_number_and_takes_the_id(cli, db_url, tmp_path):
    from storage.tables import Directive

    engine = make_db_engine(db_url)
    with session_scope(engine) as session:
        first = session.exec(select(Directive).where(Directive.number == "51-KH/QU")).one()
        twin = Directive(
            unit_id=first.unit_id,
            doc_type="KH",
            number="51-KH/QU",
            subject="Kế hoạch bổ sung",
            status="published",
            published_at=NOW,
            created_at=NOW,
        )
        session.add(twin)
        session.flush()
        first_id, twin_id = first.id, twin.id
    engine.dispose()
    result = cli("export", "51-KH/QU", "--format", "csv", "-o", "-")
    assert result.exit_code == 2
    assert f"#{first_id} KH 51-KH/QU: Kế hoạch thực hiện Chỉ thị 05-CT/TU — sent 15/8/2021" in result.output
    assert f"#{twin_id} KH 51-KH/QU: Kế hoạch bổ sung — sent 25/8/2021" in result.output
    assert f"chibot export '#{first_id}' -o FILE" in result.output
    result = cli("export", f"#{twin_id}", "--format", "xlsx", "-o", str(tmp_path / "twin.xlsx"))
    assert result.exit_code == 0, result.output


def test_chat_export_names_a_format_it_cannot_make_and_says_how_to_use_it(app, org):
    make_assignment(app, cell="CB01")
    staff = org["staff"]
    (reply,) = staff.send("/export 141 pdf")
    assert reply.text == ("Định dạng «pdf» chưa có; chibot chỉ xuất được xlsx, docx hoặc csv, ví dụ /export 141 docx.")
    assert reply.document is None
    (reply,) = staff.send("/export")
    assert reply.text == "Cách dùng: /export SỐ [xlsx|docx|csv], ví dụ /export 141 hoặc /export 141 docx."
    (reply,) = staff.send("/export 141 csv")
    assert reply.document.name == "bao-cao-141-cv-duk.csv"

"""Session 5's new-user walk, the exported files: the DOCX prints the «khác» format a cell
typed and marks a report staff typed for it; the unit sheet calls an overdue cell overdue, and
«Báo cáo lúc» is the time of the version whose figures it shows."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta

from docx import Document
from openpyxl import load_workbook
from sqlmodel import select

from storage.db import make_db_engine, session_scope
from storage.tables import Directive
from tests.support.reminders import until
from tests.test_exports import cli  # noqa: F401  (the CLI on a migrated database)
from tests.test_reminders_timeline import publish_to_five


def _docx_rows(reply) -> dict[str, list[str]]:  # noqa: ANN001
    table = Document(io.BytesIO(reply.document.content)).tables[1]
    header = [c.text for c in table.rows[0].cells]
    assert header == [
        "Mã đơn vị",
        "Đơn vị",
        "Hình thức",
        "Số người tiếp cận",
        "Tổng số",
        "Tỷ lệ (%)",
        "Nhận thức",
        "Đúng/trễ hạn",
    ]
    return {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]}


def test_the_docx_prints_the_other_format_and_says_staff_reported_for_the_cell(org, app):
    publish_to_five(org, app)
    staff, cb01 = org["staff"], org["CB01"]
    staff.send("/report CB02")  # on behalf of the cell, the format typed in words of its own
    staff.send("hop to dan pho")
    staff.send("18 tren 20")
    staff.press("Tốt")
    staff.press("Bỏ qua")
    staff.press("Bỏ qua")
    assert "• Hình thức quán triệt: khác: hop to dan pho" in staff.last_text
    staff.press("Xác nhận")
    cb01.send("bc 141 trực tiếp 45/50 tốt")
    cb01.press("Xác nhận")

    [reply] = staff.send("/export 141 docx")
    rows = _docx_rows(reply)
    assert rows["CB02"] == [
        "CB02",
        "Chi bộ Ban Tuyên giáo",
        "khác: hop to dan pho",
        "18",
        "20",
        "90",
        "Tốt",
        "đúng hạn\n(cán bộ báo cáo thay)",
    ]
    assert rows["CB01"][2] == "Hội nghị trực tiếp" and rows["CB01"][7] == "đúng hạn"


def test_an_overdue_cell_reads_overdue_and_the_time_is_the_shown_versions(org, app, clock):
    publish_to_five(org, app)
    staff, cb05 = org["staff"], org["CB05"]
    until(app, datetime(2021, 8, 16, 10, 0))
    cb05.send("bc 141 trực tiếp 20/25 tốt")
    cb05.press("Xác nhận")
    clock.advance(timedelta(days=1, minutes=10))  # 17/8 10:10: an amendment, new figures
    cb05.send("bc 141 trực tiếp 22/25 tốt")
    cb05.press("Xác nhận")
    until(app, datetime(2021, 8, 24, 9, 10))  # the report was due 22/8: the others are overdue

    [reply] = staff.send("/export 141 csv")
    lines = list(csv.reader(io.StringIO(reply.document.content.decode("utf-8-sig"))))
    header, rows = lines[0], {r[0]: r for r in lines[1:]}
    col = {name: header.index(name) for name in header}
    assert header[5:9] == ["Nhận lúc", "Báo cáo lần đầu lúc", "Gửi bản mới nhất lúc", "Đúng/trễ hạn"]
    late = rows["CB02"]
    assert (late[col["Tình trạng"]], late[col["Đúng/trễ hạn"]]) == ("quá hạn (chưa báo đã nhận)", "quá hạn")
    amended = rows["CB05"]
    assert [amended[i] for i in (col["Báo cáo lần đầu lúc"], col["Gửi bản mới nhất lúc"])] == [
        "16/8/2021 10:00",
        "17/8/2021 10:10",
    ]
    assert (amended[col["Số người tiếp cận"]], amended[col["Bản báo cáo"]], amended[col["Tình trạng"]]) == (
        "22",
        "2",
        "đã báo cáo",
    )
    [reply] = staff.send("/export 141 xlsx")
    book = load_workbook(io.BytesIO(reply.document.content))
    sheet_rows = {r[0]: r for r in book["Các đơn vị"].iter_rows(min_row=2, values_only=True)}
    assert sheet_rows["CB05"][6:8] == (datetime(2021, 8, 16, 10, 0), datetime(2021, 8, 17, 10, 10))
    overdue = [code for code, r in sheet_rows.items() if str(r[4]).startswith("quá hạn")]
    summary = {r[0]: r[1] for r in book["Tổng hợp"].iter_rows(values_only=True)}
    assert overdue == ["CB01", "CB02", "CB03", "CB04"] and summary["Quá hạn"] == 4


def test_the_cli_exports_a_directive_without_a_number_by_its_id(cli, db_url):  # noqa: F811
    engine = make_db_engine(db_url)
    with session_scope(engine) as session:
        first = session.exec(select(Directive).where(Directive.number == "51-KH/QU")).one()
        plan = Directive(
            unit_id=first.unit_id,
            doc_type="Kế hoạch",
            number=None,
            subject="Thực hiện tuyên truyền Thông báo Kết luận số 172-TB/TW",
            status="published",
            published_at=first.published_at,
            created_at=first.created_at,
        )
        session.add(plan)
        session.flush()
        plan_id = plan.id
    engine.dispose()
    result = cli("export", f"#{plan_id}", "--format", "csv", "-o", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.decode("utf-8-sig").splitlines()[0].startswith("Mã đơn vị,Đơn vị,Thuộc")
    assert cli("export", f"#{plan_id + 1}", "--format", "csv", "-o", "-").exit_code == 2  # no such id

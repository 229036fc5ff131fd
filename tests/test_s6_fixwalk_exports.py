"""Session 6's new-user walk, findings 12 and 13: the CSV export writes its dates as the chat does,
"16/8/2021 10:00", never the zero-padded "16/08/2021"; the XLSX cells show the same form; the
DOCX is titled "Kết quả thực hiện Công văn 141-CV/ĐUK", the directive named as the chat names it."""

from __future__ import annotations

import csv
import io
from datetime import datetime

from docx import Document
from openpyxl import load_workbook

from tests.support.reminders import until
from tests.test_reminders_timeline import publish_to_five, quick_report


def test_the_csv_and_xlsx_write_dates_without_leading_zeros(org, app):
    staff = publish_to_five(org, app)
    until(app, datetime(2021, 8, 16, 9, 5))
    quick_report(org["CB01"])

    [reply] = staff.send("/export 141 csv")
    lines = list(csv.reader(io.StringIO(reply.document.content.decode("utf-8-sig"))))
    header, rows = lines[0], {r[0]: r for r in lines[1:]}
    reported = rows["CB01"][header.index("Báo cáo lần đầu lúc")]
    assert reported == "16/8/2021 09:05"
    assert "/08/" not in reply.document.content.decode("utf-8-sig")

    [reply] = staff.send("/export 141 xlsx")
    sheet = load_workbook(io.BytesIO(reply.document.content))["Các đơn vị"]
    dated = [c for row in sheet.iter_rows(min_row=2) for c in row if isinstance(c.value, datetime)]
    assert dated and {c.number_format for c in dated} == {"d/m/yyyy hh:mm"}


def test_the_docx_title_names_the_directive_as_the_chat_does(org, app):
    staff = publish_to_five(org, app)
    until(app, datetime(2021, 8, 16, 9, 5))
    quick_report(org["CB01"])
    [reply] = staff.send("/export 141 docx")
    texts = [p.text for p in Document(io.BytesIO(reply.document.content)).paragraphs]
    assert texts[:2] == ["BÁO CÁO", "Kết quả thực hiện Công văn 141-CV/ĐUK"]

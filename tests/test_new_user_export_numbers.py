"""The CSV writes figures as the chat does (services/number_format.py, one formatter): a
Vietnamese reader sees "1.724" and "58,9" in both, an English one "1,724" and "58.9". The XLSX
keeps them numbers (its number format shows them in the reader's locale)."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from tests.support.report_factories import make_assignment


def csv_rows(reply) -> dict[str, dict[str, str]]:  # noqa: ANN001
    text = reply.document.content.decode("utf-8-sig")
    return {row[next(iter(row))]: row for row in csv.DictReader(io.StringIO(text))}


def report_1724_of_2927(org, confirm: str = "Xác nhận") -> str:  # noqa: ANN001
    cb01 = org["CB01"]
    cb01.send("bc 141 truc tiep 1724/2927 tot")
    review = cb01.last_text
    cb01.press(confirm)
    return review


def test_the_csv_writes_figures_as_the_vietnamese_chat_does(app, org):
    make_assignment(app, cell="CB01")
    review = report_1724_of_2927(org)
    assert "• Số người tiếp cận: 1.724/2.927 (58,9%)" in review
    staff = org["staff"]
    staff.send("/export 141 csv")
    row = csv_rows(staff.replies[0])["CB01"]
    assert (row["Số người tiếp cận"], row["Tổng số"], row["Tỷ lệ (%)"]) == ("1.724", "2.927", "58,9")
    assert row["Bản báo cáo"] == "1"


def test_the_csv_in_english_writes_figures_as_the_english_chat_does(app, org):
    make_assignment(app, cell="CB01")
    org["CB01"].send("/lang en")
    review = report_1724_of_2927(org, "Confirm")
    assert "1,724/2,927 (58.9%)" in review
    staff = org["staff"]
    staff.send("/lang en")
    staff.send("/export 141 csv")
    row = csv_rows(staff.replies[0])["CB01"]
    assert (row["People reached"], row["Percent (%)"]) == ("1,724", "58.9")


def test_the_xlsx_keeps_the_figures_numbers(app, org):
    make_assignment(app, cell="CB01")
    report_1724_of_2927(org)
    staff = org["staff"]
    staff.send("/export 141 xlsx")
    sheet = load_workbook(io.BytesIO(staff.replies[0].document.content))["Các đơn vị"]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "CB01")
    at = next(i for i, c in enumerate(row) if c.value == 1724)  # the figures' place, whatever columns precede
    assert (row[at].value, row[at + 1].value, row[at + 2].value) == (1724, 2927, 58.9)
    assert (row[at].number_format, row[at + 2].number_format) == ("#,##0", "0.0")

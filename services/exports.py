"""The compiled report of one directive as XLSX, DOCX or CSV files (the figures come from
services/export_data.py)."""

from __future__ import annotations

import csv
import io
from datetime import datetime

from services.export_data import (
    DATE_COLUMNS,
    FORMATS,
    MIME,
    WIDTHS,
    ExportData,
    build,
    file_name,
    summary_pairs,
)
from services.export_docx import to_docx
from services.i18n import Translator
from services.localtime import format_date
from services.number_format import figure_text

__all__ = ["FORMATS", "MIME", "ExportData", "build", "file_name", "render", "to_csv", "to_docx", "to_xlsx"]

# Figures stay numbers in the spreadsheet (staff sum, sort and chart them). The number format
# carries no separator of its own: Excel and LibreOffice show "." / "," from the reader's
# locale, so a Vietnamese reader sees 86,5 and 1.724 and an English one 86.5 and 1,724.
PERCENT_FORMAT = "0.0"
COUNT_FORMAT = "#,##0"
#: Dates as everywhere else: 2/12/2026 09:00, day and month without leading zeros.
DATETIME_FORMAT = "d/m/yyyy hh:mm"
NUMBER_COLUMNS = {"percent": PERCENT_FORMAT, "reached": COUNT_FORMAT, "total": COUNT_FORMAT}


def to_xlsx(data: ExportData, t: Translator) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet), "a new Workbook starts with one worksheet, active"
    sheet.title = t("export.sheet_cells")[:31]
    sheet.append(data.headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in data.rows:
        sheet.append(row)
    date_columns = [data.columns.index(c) + 1 for c in DATE_COLUMNS]
    for column in date_columns:
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            cell.number_format = DATETIME_FORMAT
    for key, number_format in NUMBER_COLUMNS.items():
        column = data.columns.index(key) + 1
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            if isinstance(cell.value, (int, float)):
                cell.number_format = number_format
    for index, header in enumerate(data.headers, start=1):
        fitted = max(12, min(len(header) + 2, 40))
        width = WIDTHS.get(data.columns[index - 1], fitted) if index <= len(data.columns) else fitted
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "C2"  # header row and the unit code/name stay in view
    sheet.auto_filter.ref = sheet.dimensions
    summary = book.create_sheet(t("export.sheet_summary")[:31])
    for label, value in summary_pairs(data, t):
        summary.append([label, value])
        if isinstance(value, datetime):
            summary.cell(summary.max_row, 2).number_format = DATETIME_FORMAT
        elif isinstance(value, float):
            summary.cell(summary.max_row, 2).number_format = PERCENT_FORMAT
        elif isinstance(value, int) and not isinstance(value, bool):
            summary.cell(summary.max_row, 2).number_format = COUNT_FORMAT
    summary.column_dimensions["A"].width = 30
    summary.column_dimensions["B"].width = 60
    for (cell,) in summary.iter_rows(min_col=1, max_col=1):
        cell.font = Font(bold=True)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_csv(data: ExportData, t: Translator) -> bytes:
    """UTF-8 with a byte-order mark: without it Excel reads Vietnamese as mojibake."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(data.headers)
    for row in data.rows:
        writer.writerow([_csv_field(v, t.lang) for v in row])
    if not data.reported:
        writer.writerow([t("export.summary.no_reports")])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _csv_field(value: object, lang: str) -> str:
    """A CSV field is text for a reader, so figures are written as the chat writes them:
    "52,4" in Vietnamese, "52.4" in English (services/number_format.py)."""
    if isinstance(value, datetime):
        return f"{format_date(value.date())} {value:%H:%M}"
    return figure_text(value, lang)


def render(fmt: str, data: ExportData, t: Translator) -> bytes:
    if fmt == "xlsx":
        return to_xlsx(data, t)
    if fmt == "csv":
        return to_csv(data, t)
    return to_docx(data, t)

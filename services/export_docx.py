"""The compiled report as a Word document, in the layout of a party report: issuing unit top
left, "ĐẢNG CỘNG SẢN VIỆT NAM" top right with the place and date line, the title, the figures,
one table of units, the units that have not reported, difficulties and proposals grouped (the
same text from several units once, with the units), then the signature block.

The place is left as dots: chibot does not know where the committee sits, and staff fill it in
when they sign.
"""

from __future__ import annotations

import io
from collections import OrderedDict

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from services.directive_texts import title
from services.export_data import ExportData
from services.i18n import Translator
from services.number_format import figure_text
from services.parsing.vn_text import normalize
from services.status_text import pct
from services.unit_words import leader_short

FONT = "Times New Roman"  # the font of Vietnamese administrative documents (Nghị định 30/2020)
#: The per-unit table: export.col.<key> headers, from the export rows.
TABLE_COLUMNS = ("code", "unit", "formats", "reached", "total", "percent", "awareness", "timing")


def _para(
    cell_or_doc,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: float = 13,
    align=WD_ALIGN_PARAGRAPH.LEFT,
    underline: bool = False,
):  # noqa: ANN001, ANN202
    paragraph = cell_or_doc.add_paragraph()
    paragraph.alignment = align
    run = paragraph.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    run.font.size = Pt(size)
    run.font.name = FONT
    return paragraph


def to_docx(data: ExportData, t: Translator) -> bytes:

    doc = Document()
    section = doc.sections[0]
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    doc.styles["Normal"].font.name = FONT
    doc.styles["Normal"].font.size = Pt(13)

    head = doc.add_table(rows=1, cols=2)
    left, right = head.rows[0].cells
    left.paragraphs[0].text = ""
    _para(left, data.issuer_name.upper(), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=12)
    _para(left, "*", align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(right, t("export.docx.party"), bold=True, underline=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=13)
    now = data.now_local
    _para(
        right,
        t(
            "export.docx.place_date",
            place=t("export.docx.place"),
            day=str(now.day),
            month=str(now.month),
            year=str(now.year),
        ),
        italic=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        size=13,
    )

    _para(doc, t("export.docx.title"), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=15)
    _para(
        doc,
        # "Kế hoạch 27-KH/ĐU", as the chat names it; without a number, its subject.
        t("export.docx.subtitle", number=title(data.directive, t) if data.directive.number else data.subject(t)),
        bold=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        size=14,
    )
    if data.subject(t):
        _para(doc, data.subject(t), italic=True, align=WD_ALIGN_PARAGRAPH.CENTER)

    s = data.status
    _para(doc, t("export.docx.figures"), bold=True)
    _para(
        doc,
        t(
            "export.docx.figures_line",
            reported=s.counts.reported,
            assigned=s.counts.assigned,
            overdue=s.counts.overdue,
            reached=s.reached,
            total=s.total,
            percent=pct(t, s.percent),
        ),
    )

    _para(doc, t("export.docx.cells"), bold=True)
    reported_rows = [r for r, report in zip(data.rows, data.row_reports, strict=True) if report is not None]
    if reported_rows:
        # A recurring report's rows say their period («Kỳ») after the unit.
        keys = TABLE_COLUMNS if "period" not in data.columns else (*TABLE_COLUMNS[:2], "period", *TABLE_COLUMNS[2:])
        indexes = [data.columns.index(c) for c in keys]
        table = doc.add_table(rows=1, cols=len(keys))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, key in zip(table.rows[0].cells, keys, strict=True):
            cell.text = t(f"export.col.{key}")
            cell.paragraphs[0].runs[0].bold = True
        for row in reported_rows:
            cells = table.add_row().cells
            for cell, key, index in zip(cells, keys, indexes, strict=True):
                cell.text = _table_text(data, row, key, index, t)
    else:
        _para(doc, t("export.docx.no_reports"), italic=True)

    _para(doc, t("export.docx.missing"), bold=True)
    if s.missing:
        for m in s.missing:
            names = ", ".join(m.secretaries) or t("status.no_secretary", leader=leader_short(t, m.unit.kind))
            _para(doc, f"- {m.unit.code} — {m.unit.name} ({names})")
    else:
        _para(doc, t("export.docx.missing_none"))

    _para(doc, t("export.docx.difficulties"), bold=True)
    grouped: OrderedDict[str, tuple[str, list[str]]] = OrderedDict()
    for c in s.cells:
        text = (c.report.difficulties or "").strip() if c.report is not None else ""
        if text:
            grouped.setdefault(normalize(text), (text, []))[1].append(c.unit.code)
    if grouped:
        for text, codes in grouped.values():
            _para(doc, f"- {text} ({', '.join(codes)})")
    else:
        _para(doc, t("export.docx.difficulties_none"))

    foot = doc.add_table(rows=1, cols=2)
    left, right = foot.rows[0].cells
    _para(left, t("export.docx.recipients"), bold=True, italic=True, size=12)
    for line in t("export.docx.recipients_lines").split("\n"):
        _para(left, line, size=11)
    _para(right, t("export.docx.signature"), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(right, t("export.docx.signer_role"), italic=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _table_text(data: ExportData, row: list, key: str, index: int, t: Translator) -> str:
    """One cell of the units table. The table has no «Hình thức khác» or «Báo cáo thay»
    column: the other format is written in «Hình thức» as chat shows it ("khác: …"), and a
    report staff typed for the cell says so under «Đúng/trễ hạn»."""
    text = _cell_text(row[index], t.lang)
    if key == "formats" and (other := row[data.columns.index("format_other")]):
        text = ", ".join(p for p in (text, t("report.value.other", text=other)) if p)
    if key == "timing" and row[data.columns.index("behalf")]:
        text = f"{text}\n{t('export.docx.behalf_mark')}"
    return text


def _cell_text(value: object, lang: str) -> str:
    """Figures in the reader's form ("1.724", "86,5"), as the chat and the CSV write them."""
    return figure_text(value, lang)

"""Numbers as each reader writes them, wherever a person reads them: Vietnamese "58,9%" and
"1.724" in the /status chat, the chart labels, the DOCX and the XLSX; English "58.9%" and
"1,724" after /lang en; English counts take their plural ("1 day left", "3 days left")."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from docx import Document
from openpyxl import load_workbook
from sqlmodel import select

from services import charts, exports, status
from services.i18n import Translator
from services.number_format import number_text, percent_text
from storage.db import session_scope
from storage.tables import Directive, Report, Unit
from tests.support.chat import deliver
from tests.support.org import register
from tests.support.oversight_tree import build_tree
from tests.support.reminders import until
from tests.test_reminders_timeline import publish_to_five


@pytest.fixture
def tree(app):
    with session_scope(app.engine) as session:
        return build_tree(session, groups=10, cells_per_group=18, direct_cells=20, now=app.clock.now())


@pytest.fixture
def qu_staff(app, tree):
    return register(app, unit_code="QU", role="staff", name="Nguyễn Thị Hoa", user_id="u-qu-staff")


def test_number_and_percent_forms_per_language():
    assert percent_text(86.5, "vi") == "86,5%" and percent_text(86.5, "en") == "86.5%"
    assert (
        percent_text(90.0, "vi") == "90%" and number_text(1724, "vi") == "1.724" and number_text(1724, "en") == "1,724"
    )


def test_status_chat_shows_the_readers_decimal_and_thousands(qu_staff):
    qu_staff.send("/status 51-KH/QU")
    assert "Số người được tiếp cận: 1.724/2.927 (58,9%)" in qu_staff.last_text.split("\n")
    qu_staff.send("/lang en")
    qu_staff.send("/status 51-KH/QU")
    assert "People reached: 1,724/2,927 (58.9%)" in qu_staff.last_text.split("\n")


def _figures(app, tree):  # noqa: ANN001, ANN202
    with session_scope(app.engine) as session:
        directive = session.exec(select(Directive).where(Directive.number == "51-KH/QU")).one()
        root = session.get(Unit, tree.root_id)
        return status.directive_status(session=session, directive=directive, paths=[root.path], now=app.clock.now())


def _bar_labels(t: Translator, figures) -> list[str]:  # noqa: ANN001
    fig = charts.status_figure(t, figures)
    try:
        _groups, percents = fig.axes
        return [text.get_text() for text in percents.texts]
    finally:
        charts.close_figure(fig)


def test_chart_bar_labels_use_the_readers_decimal_comma(app, tree):
    figures = _figures(app, tree)
    vi, en = _bar_labels(Translator("vi"), figures), _bar_labels(Translator("en"), figures)
    assert vi and all(label.endswith("%") for label in vi)
    assert any("," in label for label in vi) and not any("." in label for label in vi)
    assert [label.replace(",", ".") for label in vi] == en
    # the lowest cell first: cell reports are 10..16 of 20..24 people, 10/24 is 41.7%
    assert vi[0] == "41,7%" and en[0] == "41.7%"


def _export(app, tree, fmt: str, lang: str) -> bytes:  # noqa: ANN001
    t = Translator(lang)
    with session_scope(app.engine) as session:
        directive = session.exec(select(Directive).where(Directive.number == "51-KH/QU")).one()
        root = session.get(Unit, tree.root_id)
        data = exports.build(
            session=session,
            directive=directive,
            paths=[root.path],
            now=app.clock.now(),
            t=t,
            tz=ZoneInfo("Asia/Ho_Chi_Minh"),
        )
        return exports.render(fmt, data, t)


def test_docx_figures_and_table_use_the_readers_form(app, tree, tmp_path):
    path = tmp_path / "r.docx"
    path.write_bytes(_export(app, tree, "docx", "vi"))
    doc = Document(str(path))
    assert any(
        p.text.startswith("Có 133/200 đơn vị đã báo cáo")
        and p.text.endswith("Số người được tiếp cận: 1.724/2.927 (58,9%).")
        for p in doc.paragraphs
    )
    percents = [row.cells[5].text for row in doc.tables[1].rows[1:]]
    assert "52,4" in percents and not any("." in p for p in percents)
    assert "năm 2021" in doc.tables[0].rows[0].cells[1].text  # a year is no number to group: not "2.021"
    path.write_bytes(_export(app, tree, "docx", "en"))
    assert "52.4" in [row.cells[5].text for row in Document(str(path)).tables[1].rows[1:]]


def test_xlsx_keeps_figures_numeric_with_a_number_format_and_the_behalf_column_reads_a_word(app, tree, tmp_path):
    with session_scope(app.engine) as session:
        first = session.exec(select(Report).order_by(Report.id)).first()
        first.on_behalf = True  # staff sent this one for the cell
        session.add(first)
    path = tmp_path / "r.xlsx"
    path.write_bytes(_export(app, tree, "xlsx", "vi"))
    book = load_workbook(path)
    sheet = book["Các đơn vị"]
    headers = [c.value for c in sheet[1]]
    percent = sheet.cell(3, headers.index("Tỷ lệ (%)") + 1)
    # The file holds the number; Excel shows it with the reader's separator ("52,4" on a
    # Vietnamese system) because the format "0.0" names no separator of its own.
    assert percent.value == 52.4 and percent.number_format == "0.0"
    reached = sheet.cell(3, headers.index("Số người tiếp cận") + 1)
    assert reached.value == 11 and reached.number_format == "#,##0"
    summary = {row[0].value: row[1] for row in book["Tổng hợp"].iter_rows()}
    assert summary["Tỷ lệ chung (%)"].value == 58.9 and summary["Tỷ lệ chung (%)"].number_format == "0.0"
    assert (
        summary["Tổng số người tiếp cận"].value == 1724 and summary["Tổng số người tiếp cận"].number_format == "#,##0"
    )
    behalf = {
        c.value
        for (c,) in sheet.iter_rows(
            min_row=2, min_col=headers.index("Báo cáo thay") + 1, max_col=headers.index("Báo cáo thay") + 1
        )
    }
    assert behalf == {"có", None}  # the unquoted YAML `yes:` once made this "export.value.yes"


def test_english_reminders_count_one_day_and_three_days(org, app, outbox):
    org["CB03"].send("/lang en")
    publish_to_five(org, app)

    def last(chat: str) -> str:
        return [r.text for c, r in outbox.sent if c == chat][-1]

    until(app, datetime(2021, 8, 17, 8, 0))
    assert "Complete: by the end of 20/8/2021 — 3 days left." in last("u-cb03").split(
        "\n"
    )  # the deadline as the document words it
    until(app, datetime(2021, 8, 21, 8, 0))
    assert "Report: before 23/8/2021 — 1 day left." in last("u-cb03").split("\n")
    until(app, datetime(2021, 8, 23, 8, 0))
    assert "Report: before 23/8/2021 — overdue by 1 day." in last("u-cb03").split("\n")
    until(app, datetime(2021, 8, 24, 8, 0))
    assert "Report: before 23/8/2021 — overdue by 2 days." in last("u-cb03").split("\n")
    # the Vietnamese cell next to it reads its own words
    assert "Báo cáo: trước 23/8/2021 — đã quá hạn 2 ngày." in last("u-cb04").split("\n")
    deliver(app)

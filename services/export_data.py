"""What the compiled report of one directive holds (rows, headers, summary), built from the same
figures as /status (services/status.py) so the chat and the files never disagree.

Every header and word comes from the locale catalogs (export.*). Times are written in local
time (Asia/Ho_Chi_Minh): spreadsheets have no time zones, and staff read local time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session

from services import directive_texts as texts
from services import report_periods
from services.i18n import Translator
from services.localtime import to_local
from services.parsing.vn_text import normalize
from services.report_templates import Template, template_for
from services.status import DirectiveStatus, directive_status, percent
from storage.queries import reports as report_queries
from storage.queries import status as status_queries
from storage.queries import units as unit_queries
from storage.tables import Directive, Report

FORMATS = ("xlsx", "docx", "csv")
MIME = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "csv": "text/csv",
}
#: Columns of the per-unit table, in order; each is export.col.<key> in the locales.
COLUMNS = (
    "code",
    "unit",
    "parent",
    "secretary",
    "status",
    "acknowledged_at",
    "first_submitted_at",
    "submitted_at",
    "timing",
    "formats",
    "format_other",
    "reached",
    "total",
    "percent",
    "awareness",
    "difficulties",
    "version",
    "behalf",
)
DATE_COLUMNS = ("acknowledged_at", "first_submitted_at", "submitted_at")
#: Template fields that already have a typed column above.
TYPED_FIELDS = ("formats", "reached", "total", "awareness", "difficulties", "attachments")
WIDTHS = {
    "code": 14,
    "unit": 32,
    "parent": 26,
    "secretary": 22,
    "status": 18,
    "acknowledged_at": 17,
    "first_submitted_at": 17,
    "submitted_at": 17,
    "timing": 12,
    "formats": 30,
    "format_other": 20,
    "reached": 10,
    "total": 10,
    "percent": 10,
    "awareness": 14,
    "difficulties": 40,
    "version": 10,
    "behalf": 10,
    "period": 30,
}


def columns_of(has_rules: bool) -> tuple[str, ...]:
    """The per-unit columns; a directive with a recurring report gets «Kỳ» after «Tình trạng»:
    one row per cell per item it reported (the one-off deadline, each period)."""
    if not has_rules:
        return COLUMNS
    at = COLUMNS.index("status") + 1
    return (*COLUMNS[:at], "period", *COLUMNS[at:])


@dataclass
class ExportData:
    directive: Directive
    issuer_name: str
    status: DirectiveStatus
    template: Template
    headers: list[str]
    #: One list per assigned unit (per unit and period for a recurring report), in header
    #: order; date cells are naive local datetimes.
    rows: list[list[Any]]
    now_local: datetime
    #: A file sent through a chat (/export): a secret directive's subject stays out of it.
    for_chat: bool = False
    #: The keys of the columns, in order (``columns_of``).
    columns: tuple[str, ...] = COLUMNS
    #: The report each row shows (None: the row of a unit or period without a report).
    row_reports: list[Report | None] = field(default_factory=list)

    @property
    def reported(self) -> int:
        return self.status.counts.reported

    def subject(self, t: Translator) -> str:
        return texts.chat_subject(t, self.directive) if self.for_chat else self.directive.subject


def build(
    *, session: Session, directive: Directive, paths: list[str], now: datetime, tz: ZoneInfo, t: Translator
) -> ExportData:
    status = directive_status(session=session, directive=directive, paths=paths, now=now)
    template = template_for(directive.report_template)
    extra = [f for f in template.fields if f.key not in TYPED_FIELDS]
    deadlines = report_queries.active_deadlines(session=session, directive_ids=[directive.id])
    rules = {d.id: d for d in report_periods.rules(deadlines)}
    columns = columns_of(bool(rules))
    headers = [t(f"export.col.{c}") for c in columns] + [f.label(t.lang) for f in extra]
    rows: list[list[Any]] = []
    row_reports: list[Report | None] = []

    def local(moment: datetime | None) -> datetime | None:
        # Spreadsheets have no time zones: write the local wall-clock time staff read.
        return to_local(moment, tz).replace(tzinfo=None) if moment is not None else None

    # Per cell, the latest version of each item it reported (one row each, periods not mixed).
    by_cell: dict[int, list[Report]] = {}
    if rules:
        for r in status_queries.latest_item_reports(session=session, directive_id=directive.id, scope_paths=paths):
            by_cell.setdefault(r.assignment_id, []).append(r)
    else:
        by_cell = {c.assignment.id: [c.report] for c in status.cells if c.report is not None}
    shown = [r for found in by_cell.values() for r in found]
    first_at = report_queries.first_submitted_at(session=session, report_ids=[r.id for r in shown if r.id])
    # Overdue as /status and the digest count it (services/report_periods.py).
    overdue, _requests = report_periods.directive_overdue(
        session=session, directive_id=directive.id, deadlines=deadlines, scope_paths=paths, now=now
    )

    def period_of(answers_for: str | None) -> str:
        key = report_periods.parse_key(answers_for or "")
        if key is None or key[0] not in rules:
            return t("export.value.one_off") if answers_for is not None else ""
        return report_periods.period_due_text(t, rules[key[0]], key[1], tz)

    for cell in status.cells:
        a, unit = cell.assignment, cell.unit
        parent = status.parents.get(unit.parent_id) if unit.parent_id is not None else None
        base: dict[str, Any] = {
            "code": unit.code,
            "unit": unit.name,
            "parent": parent.name if parent else "",
            "secretary": ", ".join(status.secretaries.get(unit.id, [])),
            "status": t(f"directive.status.{a.status}"),
            "acknowledged_at": local(a.acknowledged_at),
        }
        mine = sorted(by_cell.get(a.id, []), key=lambda r: _item_order(r.answers_for))
        items: list[tuple[str | None, Report | None]] = [(r.answers_for, r) for r in mine]
        if rules:
            if unit.id in overdue.one_off:
                items.append(("directive", None))
            items += [(report_periods.period_key(rid, due), None) for rid, due in overdue.of_cell(unit.id)]
            items.sort(key=lambda item: _item_order(item[0]))
        if not items:
            items = [(None, None)]
        for answers_for, report in items:
            values = dict(base)
            if rules:
                values["period"] = period_of(answers_for)
            # A row of an overdue item: the one-off deadline passed, or a period the cell missed.
            overdue_row = report is None and (answers_for is not None if rules else unit.id in overdue.one_off)
            if overdue_row:
                values["status"] = t("export.value.overdue_status", status=values["status"])
                values["timing"] = t("export.value.overdue")
            if report is not None:
                values.update(_report_values(report, template, first_at, local, t))
            row = [values.get(c, "") if values.get(c) is not None else "" for c in columns]
            for f in extra:
                row.append(_answer(report.answers.get(f.key)) if report is not None else "")
            rows.append(row)
            row_reports.append(report)
    issuer = unit_queries.get_unit(session=session, unit_id=directive.unit_id)
    return ExportData(
        directive,
        issuer.name if issuer else "",
        status,
        template,
        headers,
        rows,
        to_local(now, tz).replace(tzinfo=None),
        columns=columns,
        row_reports=row_reports,
    )


def _item_order(answers_for: str | None) -> tuple[int, datetime | None, int]:
    """The one-off report first, then the periods oldest first."""
    key = report_periods.parse_key(answers_for or "")
    return (0, None, 0) if key is None else (1, key[1], key[0])


def _report_values(
    report: Report, template: Template, first_at: dict[int, datetime], local: Any, t: Translator
) -> dict[str, Any]:
    return {
        # The first submission decides on-time or late; a correction keeps it. The figures
        # are the latest version's, so «Báo cáo lúc» is when that one came.
        "first_submitted_at": local(first_at.get(report.id or 0, report.submitted_at)),
        "submitted_at": local(report.submitted_at),
        "timing": t("export.value.on_time" if report.on_time else "export.value.late"),
        "formats": _formats(template, report.formats, t.lang),
        "format_other": report.format_other or "",
        "reached": report.reached,
        "total": report.total,
        "percent": report.percent if report.percent is not None else percent(report.reached or 0, report.total or 0),
        "awareness": _awareness(template, report, t.lang),
        "difficulties": report.difficulties or "",
        "version": report.version,
        "behalf": t("export.value.yes") if report.on_behalf else "",
    }


def _formats(template: Template, stored: str | None, lang: str) -> str:
    if not stored:
        return ""
    return ", ".join(_option(template, "formats", v, lang) for v in stored.split(","))


def _option(template: Template, key: str, value: str | None, lang: str) -> str:
    if not value:
        return ""
    if template.has(key):
        option = template.field(key).option(value)
        if option is not None:
            return option.label(lang)
    return value


def _awareness(template: Template, report: Any, lang: str) -> str:
    """The awareness as answered: a free answer whole from the answers (its typed column
    keeps 255 characters, for queries), an option by its label."""
    answered = report.answers.get("awareness") if isinstance(report.answers, dict) else None
    if isinstance(answered, dict) and not answered.get("value") and answered.get("other"):
        return str(answered["other"])
    return _option(template, "awareness", report.awareness, lang)


def _answer(value: Any) -> Any:
    if isinstance(value, dict):
        return ", ".join(str(v) for v in (value.get("values") or [value.get("value") or value.get("other") or ""]))
    return "" if value is None else value


def summary_pairs(data: ExportData, t: Translator) -> list[tuple[str, Any]]:
    s = data.status
    shown = data.row_reports or [c.report for c in s.cells]
    on_time = sum(1 for r in shown if r is not None and r.on_time)
    late = sum(1 for r in shown if r is not None and not r.on_time)
    pairs: list[tuple[str, Any]] = [
        (t("export.summary.directive"), texts.title(data.directive, t)),
        (t("export.summary.subject"), data.subject(t)),
        (t("export.summary.assigned"), s.counts.assigned),
        (t("export.summary.acknowledged"), s.counts.acknowledged),
        (t("export.summary.reported"), s.counts.reported),
        (t("export.summary.not_reported"), s.counts.assigned - s.counts.reported),
        (t("export.summary.overdue"), s.counts.overdue),
        (t("export.summary.on_time"), on_time),
        (t("export.summary.late"), late),
        (t("export.summary.reached"), s.reached),
        (t("export.summary.total"), s.total),
        (t("export.summary.percent"), s.percent if s.percent is not None else ""),
        (t("export.summary.exported_at"), data.now_local),
    ]
    if not s.counts.reported:
        pairs.append((t("export.summary.no_reports"), ""))
    return pairs


def file_name(directive: Directive, fmt: str) -> str:
    """ "bao-cao-141-CV-DUK.xlsx": ASCII, no slashes (they are not allowed in file names)."""
    base = normalize(directive.number or f"van-ban-{directive.id}").replace("/", "-").replace(" ", "-")
    return f"bao-cao-{base}.{fmt}"

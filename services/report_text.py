"""Report answers as people read them: summary lines, due dates, on-time status.

Shared by the report flow (the summary before confirming) and the staff notification.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from services.deadline_words import shown_in
from services.i18n import t
from services.localtime import format_local_datetime, to_local
from services.number_format import number_text
from services.report_answers import computed_percent
from services.report_templates import Template, TemplateField
from storage.tables import Deadline


def format_value(template: Template, f: TemplateField, answers: dict[str, Any], lang: str) -> str:
    value = answers.get(f.key)
    ratio = template.ratio
    if ratio is not None and f.key == ratio.part and value is not None and answers.get(ratio.whole) is not None:
        percent = computed_percent(template, answers)
        return t(lang, "report.value.ratio", part=value, whole=answers[ratio.whole], percent=_percent(percent, lang))
    if value is None or value == [] or value == "":
        return t(lang, "report.value.none")
    if f.type == "choice":
        option = f.option(value.get("value") or "")
        return option.label(lang) if option else t(lang, "report.value.other", text=value.get("other", ""))
    if f.type == "multi_choice":
        parts = [option.label(lang) for v in value.get("values", []) if (option := f.option(v))]
        if value.get("other"):
            parts.append(t(lang, "report.value.other", text=value["other"]))
        return ", ".join(parts)
    if f.type == "yes_no":
        return t(lang, "report.value.yes" if value else "report.value.no")
    if f.type == "attachment":
        return t(lang, "report.value.files", count=len(value))
    if f.type == "date":
        year, month, day = value.split("-")
        return f"{int(day)}/{int(month)}/{year}"
    if f.type == "percentage":
        return f"{_percent(value, lang)}%"
    return str(value)


def summary_lines(template: Template, answers: dict[str, Any], lang: str) -> str:
    ratio = template.ratio
    skipped = template.skipped(answers)
    lines = []
    for f in template.fields:
        if ratio is not None and f.key == ratio.whole and answers.get(ratio.part) is not None:
            continue  # shown with the part: "45/50 (90%)"
        value = t(lang, "report.value.not_asked") if f.key in skipped else format_value(template, f, answers, lang)
        lines.append(t(lang, "report.summary_line", label=f.label(lang), value=value))
    return "\n".join(lines)


def format_due(deadline: Deadline | None, tz: ZoneInfo, lang: str) -> str:
    if deadline is None or deadline.due_at is None:
        return t(lang, "report.due.none")
    when = format_local_datetime(deadline.due_at, tz)
    if not deadline.shown:
        return when
    shown = shown_in(lambda key: t(lang, key), deadline.shown)
    if when in deadline.shown:
        return shown  # "trước 17:00 24/12/2026" already says the minute
    return t(lang, "report.due.shown", shown=shown, when=when)


def format_timing(deadline: Deadline | None, on_time: bool, tz: ZoneInfo, lang: str) -> str:
    if deadline is None or deadline.due_at is None:
        return t(lang, "report.timing.no_deadline")
    return t(lang, "report.timing.on_time" if on_time else "report.timing.late", due=format_due(deadline, tz, lang))


def is_on_time(deadline: Deadline | None, submitted_at: datetime) -> bool:
    """Late only when submitted after the moment the answered deadline falls due."""
    return deadline is None or deadline.due_at is None or submitted_at <= deadline.due_at


def overdue_days(deadline: Deadline | None, status: str, now: datetime, tz: ZoneInfo) -> int | None:
    """Whole local days since the deadline passed (at least 1), counted as reminders count them;
    None while it is not passed or the cell has reported."""
    if deadline is None or deadline.due_at is None or status in ("reported", "completed") or now < deadline.due_at:
        return None
    return max((to_local(now, tz).date() - to_local(deadline.due_at, tz).date()).days, 1)


def _percent(value: float | None, lang: str) -> str:
    return "?" if value is None else number_text(value, lang)

"""What a cell has already sent for a task: shown when a secretary opens a report again."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from services.report_text import format_value
from services.reports import Task
from storage.queries import reports as report_queries
from storage.tables import Report


def latest_report(*, session: Session, task: Task) -> Report | None:
    """The last version the cell sent for the deadline this task answers, or None."""
    sent = [
        r
        for r in report_queries.reports_of_assignment(session=session, assignment_id=task.assignment.id)
        if r.answers_for == task.answers_for
    ]
    return sent[-1] if sent else None


def figures_of(task: Task, report: Report, lang: str) -> str:
    """ "20/25 (80%)" of a stored report, or "" when its template has no count pair."""
    template = task.template()
    ratio = template.ratio
    answers = report.answers or {}
    if ratio is None or answers.get(ratio.part) is None:
        return ""
    return format_value(template, template.field(ratio.part), answers, lang)


def same_as(report: Report, answers: dict[str, Any], *, on_behalf: bool) -> bool:
    """Whether ``answers`` say exactly what ``report`` said (same figures, words and files)."""
    kept = {k: v for k, v in answers.items() if k != "attachments" and v not in (None, [], "")}
    stored = {k: v for k, v in (report.answers or {}).items() if v not in (None, [], "")}
    return (
        kept == stored
        and list(answers.get("attachments") or []) == list(report.attachments or [])
        and bool(report.on_behalf) == on_behalf
    )

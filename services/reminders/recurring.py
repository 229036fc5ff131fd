"""Recurring reports: their periods are created and planned by the jobs (and by the planner on
publishing, services/reminders/periods.py); a report answers the open period nearest to it."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from services.reminders.config import ReminderConfig
from services.reminders.planner import plan_directive
from storage.queries import reminders as queries


def ensure_occurrences(*, session: Session, now: datetime, config: ReminderConfig) -> int:
    """Create the report requests due next and plan their reminders, for every directive with a
    recurring report; returns how many requests were created."""
    created = 0
    for directive in queries.published_directives(session=session):
        if any(d.kind == "recurring" for d in queries.deadlines_of(session=session, directive_id=directive.id)):
            created += plan_directive(session=session, directive_id=directive.id, now=now, config=config).occurrences
    return created


def mark_reported(*, session: Session, assignment_id: int, report_id: int | None, now: datetime) -> int | None:
    """The open occurrence closest to ``now`` is the one a report answers (a cell that missed
    06:00 and reports at 11:50 answers 12:00; earlier misses stay open and visible)."""
    open_requests = queries.report_requests(session=session, assignment_id=assignment_id, status="open")
    if not open_requests:
        return None
    request = min(open_requests, key=lambda r: abs((r.due_at - now).total_seconds()))
    request.status, request.report_id, request.reported_at = "reported", report_id, now
    session.add(request)
    session.flush()
    return request.id

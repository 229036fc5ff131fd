"""Recurring reports: their periods are created and planned by the jobs (and by the planner on
publishing, services/reminders/periods.py); a report answers one period, the one
services/report_periods.py chose."""

from __future__ import annotations

from datetime import UTC, datetime

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


def mark_reported(
    *,
    session: Session,
    assignment_id: int,
    report_id: int | None,
    now: datetime,
    period: tuple[int, datetime] | None = None,
) -> int | None:
    """Mark the period a report answers (``period``: rule id and due moment, chosen by
    services/report_periods.py) reported; a report for the one-off deadline marks none. A
    correction of a period already reported points it at the newest version."""
    if period is None:
        return None
    deadline_id, due_at = period
    for request in queries.report_requests(session=session, assignment_id=assignment_id, deadline_id=deadline_id):
        if request.status == "cancelled" or _utc(request.due_at) != _utc(due_at):
            continue
        if request.status == "open":
            request.status, request.reported_at = "reported", now
        request.report_id = report_id
        session.add(request)
        session.flush()
        return request.id
    return None


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)

"""Recurring reports: one ReportRequest per occurrence, created ahead of time, each with its
own status, until the directive is closed. Re-running for the same window creates nothing new
(unique assignment/deadline/due_at, ON CONFLICT DO NOTHING)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session

from services.reminders.config import ReminderConfig
from services.reminders.occurrences import occurrences
from services.reminders.planner import plan_directive
from storage.queries import reminders as queries

HORIZON = timedelta(hours=48)


def ensure_occurrences(*, session: Session, now: datetime, config: ReminderConfig, horizon: timedelta = HORIZON) -> int:
    """Create the report requests due in the next ``horizon`` and plan their reminders."""
    created = 0
    tz = config.tz
    for directive in queries.published_directives(session=session):
        rules = [
            (d, d.recurrence)
            for d in queries.deadlines_of(session=session, directive_id=directive.id)
            if d.kind == "recurring" and d.recurrence
        ]
        if not rules:
            continue
        assignments = [a for a, _u in queries.live_assignments(session=session, directive_id=directive.id)]
        rows: list[dict[str, Any]] = []
        for deadline, rule in rules:
            start = max(now, directive.published_at or now)
            for due in occurrences(rule, start, now + horizon, tz):
                rows.extend(
                    {"assignment_id": a.id, "deadline_id": deadline.id, "due_at": due}
                    for a in assignments
                    if a.deadline_id in (None, deadline.id)
                )
        created += queries.add_report_requests(session=session, rows=rows)
        plan_directive(session=session, directive_id=directive.id, now=now, config=config)
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

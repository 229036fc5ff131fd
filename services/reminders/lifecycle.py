"""What reminders do when the work moves: a cell acknowledges or reports, a directive closes.
Called by services/directives.py and services/reports.py inside their transaction."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlmodel import Session

from services.reminders.config import ReminderConfig
from services.reminders.planner import DONE_STATUSES, plan_directive
from services.reminders.recurring import mark_reported
from storage.queries import outbox as outbox_queries
from storage.queries import reminders as queries
from storage.tables import Assignment, Directive

log = logging.getLogger(__name__)
#: Queued messages about a directive that its closing cancels besides the planned reminders.
CLOSED_WITH = ("reminder_now", "broadcast")


def after_change(*, session: Session, directive_id: int, now: datetime, config: ReminderConfig) -> None:
    """Published, deadline or recipients changed: re-plan the whole directive (its recurring
    reports' next periods included)."""
    plan_directive(session=session, directive_id=directive_id, now=now, config=config)


def after_acknowledge(*, session: Session, assignment: Assignment, now: datetime, config: ReminderConfig) -> None:
    """Re-plan one assignment: after an acknowledgement the "Đã nhận" button disappears from
    pending reminders; after a secretary registers, their reminders are planned."""
    plan_directive(
        session=session, directive_id=assignment.directive_id, now=now, config=config, assignment_ids=[assignment.id]
    )


def after_report(
    *,
    session: Session,
    assignment: Assignment,
    report_id: int | None,
    now: datetime,
    config: ReminderConfig,
    period: tuple[int, datetime] | None = None,
) -> None:
    """A report for a period of a recurring report (``period``: rule id, due) marks that
    period reported; a report cancels the reminders it made pointless."""
    answered = mark_reported(session=session, assignment_id=assignment.id, report_id=report_id, now=now, period=period)
    if answered is None and assignment.status in DONE_STATUSES:
        # No open occurrence before or after: re-planning would want nothing for this cell and
        # cancel its pending reminders; done in one statement (the report storm's confirm).
        queries.cancel_assignment_reminders(session=session, assignment_id=assignment.id, reason="no longer applies")
        return
    plan_directive(
        session=session, directive_id=assignment.directive_id, now=now, config=config, assignment_ids=[assignment.id]
    )


def close(*, session: Session, directive: Directive, now: datetime, config: ReminderConfig) -> int:
    """Close the directive: pending reminders cancelled, recurring occurrences stop.
    Returns how many pending reminders were cancelled."""
    directive.status, directive.closed_at = "closed", now
    session.add(directive)
    session.flush()
    queries.cancel_open_requests(session=session, directive_id=directive.id)
    cancelled = plan_directive(session=session, directive_id=directive.id, now=now, config=config).cancelled
    # What staff queued by hand about this directive (/remind, a /broadcast to its cells) would
    # push a "Báo cáo" button for a directive that no longer takes reports.
    cancelled += outbox_queries.cancel_pending(session=session, directive_id=directive.id, kinds=CLOSED_WITH)
    log.info("directive %s closed: %s pending reminders cancelled", directive.id, cancelled)
    return cancelled


def reopen(*, session: Session, directive: Directive, now: datetime, config: ReminderConfig) -> int:
    """Undo a close: the directive is published again and its reminders are planned from now
    on (the planner skips moments already past, so nothing stale is sent). Returns how many
    reminders were planned."""
    directive.status, directive.closed_at = "published", None
    session.add(directive)
    session.flush()
    plan_directive(session=session, directive_id=directive.id, now=now, config=config)
    # Counted after planning: reminders cancelled by the close come back as the same rows.
    planned = len(queries.pending_reminders(session=session, directive_id=directive.id))
    log.info("directive %s reopened: %s reminders planned", directive.id, planned)
    return planned

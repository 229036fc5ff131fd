"""Before the dispatcher claims due work: make sure every due reminder still makes sense.

Runs before each dispatch (so also on start, after downtime). A due reminder is dropped, with a
log line, when its cell has done the work, the directive is closed, the cell or secretary is
gone, the deadline moved, or — for one that fell due while the bot was down — it is stale: a
"before the deadline" reminder whose deadline has passed, an occurrence reminder after its
occurrence, or an overdue reminder superseded by a later one. What stays is re-worded for the
moment it actually goes ("còn 1 ngày", not the planned "còn 3 ngày") and the dispatcher marks it
sent_late. Nothing here sends, so nothing can be sent twice.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session

from services.i18n import Translator
from services.reminders import texts
from services.reminders.config import ReminderConfig
from services.reminders.planner import DONE_STATUSES, parse_key, stamp
from storage.queries import reminders as queries
from storage.queries.acknowledged import is_acknowledged
from storage.tables import Deadline, OutboxMessage

log = logging.getLogger(__name__)

#: Same threshold as the dispatcher's sent_late.
LATE_AFTER = timedelta(minutes=30)


def sweep_due(*, session: Session, now: datetime, config: ReminderConfig) -> int:
    """Cancel due reminders that no longer make sense; returns how many were cancelled."""
    due = queries.pending_reminders(session=session, due_before=now)
    cancel: dict[int, str] = {}
    latest_overdue: dict[tuple[int, int, str, int], OutboxMessage] = {}
    # After downtime many rows share an assignment and account: decide each pair once.
    decided: dict[tuple, str | None] = {}
    for message in due:
        pair = (
            message.assignment_id,
            message.dedupe_key.rsplit(":", 1)[-1],
            message.deadline_id,
            message.dedupe_key.split(":")[2],
            _kind_of(message.dedupe_key),
        )
        if pair not in decided:
            decided[pair] = _why_drop(session, message, now)
        reason = decided[pair]
        if reason:
            cancel[message.id] = reason
            continue
        parsed = parse_key(message.dedupe_key)
        if parsed and parsed[3].startswith("o") and now - message.due_at > LATE_AFTER:
            group = (parsed[0], parsed[1], parsed[2], parsed[4])  # one period of a recurring report each
            older = latest_overdue.get(group)
            if older is not None:
                cancel[older.id] = "superseded by a later overdue reminder"
            latest_overdue[group] = message
    by_reason: dict[str, list[int]] = {}
    for message in due:
        if message.id in cancel:
            log.info("reminder %s (%s) dropped: %s", message.id, message.dedupe_key, cancel[message.id])
            by_reason.setdefault(cancel[message.id], []).append(message.id)
        elif now - message.due_at > LATE_AFTER:
            _reword(session, message, now, config.tz)
    for reason, ids in by_reason.items():
        queries.set_status(session=session, ids=ids, status="cancelled", reason=reason)
    return len(cancel)


def _kind_of(key: str) -> str:
    """What decides staleness: recurring, before the deadline, or overdue."""
    parsed = parse_key(key)
    if parsed is None:
        return "?"
    offset = parsed[3]
    return "r" if offset == "r" else ("o" if offset.startswith("o") else "b")


def _why_drop(session: Session, message: OutboxMessage, now: datetime) -> str | None:
    parsed = parse_key(message.dedupe_key)
    context = (
        queries.row_context(session=session, assignment_id=message.assignment_id) if message.assignment_id else None
    )
    if parsed is None or context is None:
        return "not a planned reminder"
    assignment, directive, unit = context
    _a, deadline_id, due_stamp, offset, account_id = parsed
    if directive.status != "published":
        return f"directive {directive.status}"
    if not unit.active:
        return "unit removed"
    if not queries.active_secretary_of(session=session, account_id=account_id, unit_id=unit.id):
        return "recipient is no longer a reachable secretary of the unit"
    deadline = session.get(Deadline, deadline_id)
    if deadline is None or not deadline.active:
        return "deadline removed"
    if deadline.kind == "recurring":
        # One period of a recurring report: done when its request is, whatever the assignment.
        request = next(
            (
                r
                for r in queries.report_requests(session=session, assignment_id=assignment.id, deadline_id=deadline_id)
                if stamp(r.due_at) == due_stamp
            ),
            None,
        )
        if request is None or request.status != "open":
            return "occurrence reported or cancelled"
        if not offset.startswith("o") and now >= request.due_at:
            return "stale: the occurrence has passed"
        return None
    if assignment.status in DONE_STATUSES:
        return f"assignment {assignment.status}"
    if deadline.due_at is None or stamp(deadline.due_at) != due_stamp:
        return "deadline moved"
    if not offset.startswith("o") and now >= deadline.due_at:
        return "stale: the deadline has passed"
    return None


def _reword(session: Session, message: OutboxMessage, now: datetime, tz: ZoneInfo) -> None:
    parsed = parse_key(message.dedupe_key)
    if parsed is None or message.assignment_id is None or parsed[3] == "r":
        return
    context = queries.row_context(session=session, assignment_id=message.assignment_id)
    found = queries.account_person(session=session, account_id=parsed[4])
    deadline = session.get(Deadline, parsed[1])
    if context is None or found is None or deadline is None:
        return
    assignment, directive, _unit = context
    t = Translator(found[0].language)
    if deadline.kind == "recurring":
        occurrence = datetime.strptime(parsed[2], "%Y%m%dT%H%MZ").replace(tzinfo=UTC)
        deadline = texts.period_deadline(t, deadline, occurrence, tz)
    message.payload = texts.reminder_payload(
        t,
        directive,
        deadline,
        assignment.id,
        acknowledged=is_acknowledged(assignment),
        at=now,
        offset=parsed[3],
        tz=tz,
    )
    session.add(message)

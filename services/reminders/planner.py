"""Reminders as outbox rows: planned when a directive is published, re-planned whenever a
deadline, the recipients, the policy or a cell's progress changes.

Planning is idempotent: the wanted rows are computed from the database as it is now, rows
already there (any status) are never inserted again (dedupe key, ON CONFLICT DO NOTHING), and
pending rows that are no longer wanted are cancelled. Two processes planning at once, or a
restart, cannot produce a duplicate.

Key: rem:<assignment>:<deadline>@<due stamp>:<offset>:<account>. The deadline's due moment
(or the occurrence of a recurring report) is in the key, so a moved deadline gets fresh rows
and the old ones are cancelled.

Which part of the work a reminder is about: complete, report and plan deadlines are done when
the cell has reported (status reported or completed) — one report answers the directive.
Every dated deadline keeps its own reminders before it (3 days, 1 day, on the day); only the
deadline by which the report is due (services/reminders/obligation.py) gets the overdue
reminders and the escalation, so a passed completion date never calls a cell "quá hạn" while
its report is not yet due. Reminders of two deadlines that fall on the same moment are still
two rows (each keeps its meaning for re-planning and the sweep); the dispatcher sends them to
the cell as one message naming both (services/reminders/compose.py). "start" deadlines are not
obligations and get no reminders. Each period of a recurring report (its ReportRequest) gets
the same reminders as a one-off deadline, scaled to the period (policy.for_period), keyed by
the period's due moment; it is done when its ReportRequest is reported. A deadline moved to
a date already gone by gets its overdue chase from the moment of the move
(Deadline.overdue_from, services/reminders/policy.py), keyed like any other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from services.i18n import Translator
from services.outbox import reply_to_payload
from services.per_assignment import PerAssignment
from services.reminders import texts
from services.reminders.config import ReminderConfig
from services.reminders.obligation import DATED_KINDS, due_of, obligation
from services.reminders.occurrences import period_days
from services.reminders.periods import ensure_periods
from services.reminders.policy import Policy, for_period, is_urgent, plan, recurring_reminder_at
from storage.queries import reminders as queries
from storage.queries.acknowledged import is_acknowledged
from storage.tables import Assignment, ChatAccount, Deadline, Directive, ReportRequest

DONE_STATUSES = ("reported", "completed", "cancelled")
KIND = "reminder"


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%MZ")


def reminder_key(assignment_id: int, deadline_id: int, due_at: datetime, offset: str, account_id: int) -> str:
    return f"rem:{assignment_id}:{deadline_id}@{stamp(due_at)}:{offset}:{account_id}"


def parse_key(key: str) -> tuple[int, int, str, str, int] | None:
    """(assignment id, deadline id, due stamp, offset, account id) of a reminder key."""
    try:
        _rem, a, dl, offset, account = key.split(":")
        deadline, _, due = dl.partition("@")
        return int(a), int(deadline), due, offset, int(account)
    except ValueError:
        return None


@dataclass
class PlanResult:
    created: int = 0
    cancelled: int = 0
    #: Periods of recurring reports created (report requests, one per cell and period).
    occurrences: int = 0


@dataclass(frozen=True)
class _Wanted:
    directive: Directive
    assignment: Assignment
    account: ChatAccount
    deadline: Deadline
    offset: str
    due_at: datetime
    config: ReminderConfig
    occurrence: datetime | None = None

    def payload(self, rendered: PerAssignment | None = None) -> dict:
        if rendered is None:
            return self._render(self.assignment.id)
        # The text is the same for every cell with this language, deadline, moment and state:
        # rendered once per batch of cells (services/per_assignment.py).
        acknowledged = is_acknowledged(self.assignment)
        key = (self.account.language, self.deadline.id, self.offset, self.due_at, acknowledged, self.occurrence)
        return rendered.payload(key, self.assignment.id, self._render)

    def _render(self, assignment_id: int) -> dict:
        cfg = self.config
        t = Translator(self.account.language)
        acknowledged = is_acknowledged(self.assignment)
        deadline = self.deadline
        if self.occurrence is not None:
            if self.offset == "r":
                reply = texts.recurring(
                    t, self.directive, assignment_id, occurrence=self.occurrence, acknowledged=acknowledged, tz=cfg.tz
                )
                return reply_to_payload(reply)
            deadline = texts.period_deadline(t, deadline, self.occurrence, cfg.tz)
        return texts.reminder_payload(
            t,
            self.directive,
            deadline,
            assignment_id,
            acknowledged=acknowledged,
            at=self.due_at,
            offset=self.offset,
            tz=cfg.tz,
        )

    def row(self, key: str, rendered: PerAssignment | None = None) -> dict:
        return {
            "account_id": self.account.id,
            "kind": KIND,
            "payload": self.payload(rendered),
            "due_at": self.due_at,
            "dedupe_key": key,
            "directive_id": self.directive.id,
            "assignment_id": self.assignment.id,
            "deadline_id": self.deadline.id,
        }


def _wanted(
    session: Session,
    directive: Directive,
    only: set[int] | None,
    cfg: ReminderConfig,
    now: datetime,
    result: PlanResult,
) -> dict[str, _Wanted]:
    policy = cfg.policy.with_overrides(directive.reminder_policy)
    urgent = is_urgent(directive.urgency)
    deadlines = queries.deadlines_of(session=session, directive_id=directive.id)
    dated = [d for d in deadlines if d.kind in DATED_KINDS and d.due_at is not None]
    recurring = {d.id: d for d in deadlines if d.kind == "recurring" and d.recurrence}
    plans = {d.id: plan(due_of(d), None, policy, urgent=urgent, tz=cfg.tz, chase_from=d.overdue_from) for d in dated}
    rows = queries.live_assignments(
        session=session, directive_id=directive.id, assignment_ids=sorted(only) if only is not None else None
    )
    accounts = queries.secretary_accounts(session=session, unit_ids=[u.id for _a, u in rows])
    if recurring:
        # The next periods of its recurring reports exist before their reminders are planned.
        result.occurrences = ensure_periods(
            session=session,
            directive=directive,
            deadlines=deadlines,
            assignments=[a for a, _u in rows],
            now=now,
            config=cfg,
        )
    wanted: dict[str, _Wanted] = {}
    #: The plan of each period, shared by every cell it concerns.
    periods: dict[tuple[int, datetime], list[tuple[str, datetime]]] = {}
    for assignment, unit in rows:
        mine = [d for d in dated if assignment.deadline_id in (None, d.id)]
        report_due = obligation(mine)
        open_requests: list[ReportRequest] = []
        if recurring:
            open_requests = [
                r
                for r in queries.report_requests(session=session, assignment_id=assignment.id, status="open")
                if r.deadline_id in recurring
            ]
        for account in accounts.get(unit.id, []):
            if assignment.status not in DONE_STATUSES:
                for deadline in mine:
                    for offset, when in plans[deadline.id]:
                        if offset.startswith("o") and deadline is not report_due:
                            continue  # only the report's deadline makes a cell overdue
                        key = reminder_key(assignment.id, deadline.id, due_of(deadline), offset, account.id)
                        wanted[key] = _Wanted(directive, assignment, account, deadline, offset, when, cfg)
            for request in open_requests:
                slot = (request.deadline_id, request.due_at)
                if slot not in periods:
                    periods[slot] = _period_plan(recurring[request.deadline_id], request.due_at, policy, urgent, cfg)
                for offset, at in periods[slot]:
                    key = reminder_key(assignment.id, request.deadline_id, request.due_at, offset, account.id)
                    wanted[key] = _Wanted(
                        directive,
                        assignment,
                        account,
                        recurring[request.deadline_id],
                        offset,
                        at,
                        cfg,
                        occurrence=request.due_at,
                    )
    return wanted


def _period_plan(
    deadline: Deadline, occurrence: datetime, policy: Policy, urgent: bool, cfg: ReminderConfig
) -> list[tuple[str, datetime]]:
    """The reminders of one period of a recurring report: a one-off's policy scaled to the
    period (policy.for_period); where none of them falls before the occurrence (a schedule
    several times a day, a daily report at 06:00), the one reminder shortly before it."""
    days = period_days(deadline.recurrence or "")
    moments = plan(occurrence, None, for_period(policy, days), urgent=urgent, tz=cfg.tz) if days else []
    if not any(at < occurrence for _offset, at in moments):
        lead = recurring_reminder_at(occurrence, policy, tz=cfg.tz)
        if lead is not None:
            moments.append(("r", lead))
    return moments


def plan_directive(
    *,
    session: Session,
    directive_id: int,
    now: datetime,
    config: ReminderConfig,
    assignment_ids: list[int] | None = None,
) -> PlanResult:
    """Bring the directive's pending reminders in line with the database as it is now."""
    result = PlanResult()
    directive = session.get(Directive, directive_id)
    only = set(assignment_ids) if assignment_ids is not None else None
    wanted = (
        _wanted(session, directive, only, config, now, result)
        if directive is not None and directive.status == "published"
        else {}
    )
    pending = queries.pending_reminders(
        session=session, directive_id=directive_id, assignment_ids=list(only) if only is not None else None
    )
    result.cancelled = queries.set_status(
        session=session,
        ids=[m.id for m in pending if m.dedupe_key not in wanted],
        status="cancelled",
        reason="no longer applies",
    )
    existing = queries.outbox_rows_by_key(session=session, keys=wanted)
    rendered = PerAssignment()
    # ">=": the first overdue reminder of a deadline moved into the past is due at the move.
    fresh = [w.row(key, rendered) for key, w in wanted.items() if key not in existing and w.due_at >= now]
    result.created = queries.insert_outbox_rows(session=session, rows=fresh, now=now)
    for key, message in existing.items():
        want = wanted[key]
        if message.status == "cancelled" and want.due_at > now:
            # Wanted again (a deadline moved back, a cell re-added): the row comes back, once.
            message.status, message.last_error = "pending", None
        if message.status == "pending":
            if message.due_at != want.due_at and want.due_at > now:
                message.due_at = want.due_at  # the policy changed (hour, quiet hours): same reminder, new time
            if _has_ack_button(message.payload) == is_acknowledged(want.assignment):
                message.payload = want.payload()  # the "Đã nhận" button goes once acknowledged
            session.add(message)
    session.flush()
    return result


def _has_ack_button(payload: dict) -> bool:
    return any(c.get("data", "").startswith("ack:") for row in payload.get("choices", []) for c in row)


def plan_all(*, session: Session, now: datetime, config: ReminderConfig) -> PlanResult:
    total = PlanResult()
    for directive in queries.published_directives(session=session):
        result = plan_directive(session=session, directive_id=directive.id, now=now, config=config)
        total.created += result.created
        total.cancelled += result.cancelled
    return total

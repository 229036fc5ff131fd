"""Escalation: after the last overdue reminder, ONE message to the staff of the issuing unit
listing the cells still overdue (and, if configured, to the secretary of the unit above each
cell). Sent on the escalation day only; the dedupe key (directive, deadline, day, account)
makes re-runs and a second process harmless."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session

from ground.messages import Reply
from services import outbox
from services.directive_texts import deadline_text
from services.i18n import Translator
from services.localtime import local_date
from services.reminders import texts
from services.reminders.config import ReminderConfig
from services.reminders.obligation import due_of, obligation
from services.reminders.occurrences import period_days
from services.reminders.planner import DONE_STATUSES, parse_key, stamp
from services.reminders.policy import Policy, escalation_at, for_period, is_urgent
from storage.queries import reminders as queries
from storage.tables import Assignment, Deadline, Directive, Unit


def overdue_units(
    *, session: Session, directive: Directive, deadline: Deadline, deadlines: list[Deadline] | None = None
) -> list[tuple[Assignment, Unit]]:
    """Units not done whose report deadline is ``deadline`` (services/reminders/obligation.py)."""
    deadlines = deadlines if deadlines is not None else queries.deadlines_of(session=session, directive_id=directive.id)
    return [
        (a, u)
        for a, u in queries.live_assignments(session=session, directive_id=directive.id)
        if a.status not in DONE_STATUSES and obligation(deadlines, a.deadline_id) is deadline
    ]


def overdue_reminders_delivered(
    *, session: Session, deadline: Deadline, assignment_ids: list[int], occurrence: datetime | None = None
) -> dict[int, int]:
    """Per assignment, how many overdue reminders of ``deadline`` (of one period of a recurring
    report: ``occurrence``) actually reached the cell: one that failed, was cancelled (secretary
    unreachable) or never went is not a reminder the cell heard. A reminder sent to two
    secretaries of one cell counts once."""
    sent = queries.delivered_offsets(session=session, deadline_id=deadline.id, assignment_ids=assignment_ids)
    period = stamp(occurrence) if occurrence is not None else None
    counts: dict[int, int] = {}
    for assignment_id in assignment_ids:
        offsets = {
            parsed[3]
            for key in sent.get(assignment_id, ())
            if (parsed := parse_key(key)) is not None and period in (None, parsed[2])
        }
        counts[assignment_id] = sum(1 for offset in offsets if offset.startswith("o"))
    return counts


def run_escalations(*, session: Session, now: datetime, config: ReminderConfig) -> int:
    cfg = config
    queued = 0
    for directive in queries.published_directives(session=session):
        policy = cfg.policy.with_overrides(directive.reminder_policy)
        urgent = is_urgent(directive.urgency)
        deadlines = queries.deadlines_of(session=session, directive_id=directive.id)
        # Only a cell's report deadline makes it overdue; each cell has one (see obligation.py).
        wanted = {
            id(d): d
            for d in (
                obligation(deadlines, a.deadline_id)
                for a, _u in queries.live_assignments(session=session, directive_id=directive.id)
            )
            if d
        }
        for deadline in wanted.values():
            at = escalation_at(due_of(deadline), policy, urgent=urgent, tz=cfg.tz, chase_from=deadline.overdue_from)
            if not at <= now < at + timedelta(days=1):
                continue
            units = overdue_units(session=session, directive=directive, deadline=deadline, deadlines=deadlines)
            if units:
                queued += _escalate(
                    session,
                    directive,
                    deadline,
                    [(a.id, u) for a, u in units],
                    at,
                    now,
                    to_parent=policy.escalate_to_parent,
                    tz=cfg.tz,
                )
        queued += _escalate_periods(session, directive, deadlines, policy, now, cfg)
    return queued


def _escalate_periods(
    session: Session,
    directive: Directive,
    deadlines: list[Deadline],
    policy: Policy,
    now: datetime,
    cfg: ReminderConfig,
) -> int:
    """A recurring report's period escalates like a one-off deadline: the day after its last
    overdue reminder (policy.for_period), naming the cells that have not reported that period.
    Periods too short for an overdue chase (daily, several a day) do not escalate."""
    queued = 0
    for deadline in deadlines:
        if deadline.kind != "recurring" or not deadline.recurrence:
            continue
        scaled = for_period(policy, period_days(deadline.recurrence))
        if scaled.overdue_times == 0:
            continue
        last, _current = queries.period_requests(session=session, deadline_id=deadline.id, around=now, scope_paths=[""])
        if not last:
            continue
        occurrence = last[0][0].due_at
        at = escalation_at(occurrence, scaled, tz=cfg.tz)
        missing = [(r.assignment_id, u) for r, u in last if r.status == "open" and u.active]
        if missing and at <= now < at + timedelta(days=1):
            queued += _escalate(
                session,
                directive,
                deadline,
                missing,
                at,
                now,
                to_parent=policy.escalate_to_parent,
                tz=cfg.tz,
                occurrence=occurrence,
            )
    return queued


def _escalate(
    session: Session,
    directive: Directive,
    deadline: Deadline,
    overdue: list[tuple[int, Unit]],
    at: datetime,
    now: datetime,
    *,
    to_parent: bool,
    tz: ZoneInfo,
    occurrence: datetime | None = None,
) -> int:
    """``overdue``: (assignment id, unit) of each cell still not done; ``occurrence``: the
    period of a recurring report it is about."""
    day = local_date(at, tz).isoformat()
    queued = 0
    units = [u for _a, u in overdue]
    # "After 3 reminders" counts the reminders the cell received, not those planned: a cell
    # whose reminders failed heard fewer, or none (then staff must call it).
    heard = overdue_reminders_delivered(
        session=session, deadline=deadline, assignment_ids=[a for a, _u in overdue], occurrence=occurrence
    )

    def described(t: Translator) -> str:
        if occurrence is None:
            return deadline_text(t, deadline.kind, deadline.shown)
        return deadline_text(t, deadline.kind, texts.period_shown(t, deadline, occurrence, tz))

    reachable = queries.secretary_accounts(session=session, unit_ids=[u.id for u in units])
    by_times: dict[int, list[Unit]] = {}
    undelivered: list[Unit] = []
    unreached: list[Unit] = []
    for assignment_id, unit in overdue:
        if heard[assignment_id]:
            by_times.setdefault(heard[assignment_id], []).append(unit)
        elif reachable.get(unit.id):
            undelivered.append(unit)
        else:
            unreached.append(unit)
    for _person, account in queries.staff_accounts_with_people(session=session, unit_id=directive.unit_id):
        t = Translator(account.language)
        groups = [
            t("reminder.escalation_reminded", times=times, cells=texts.cell_lines(t, cells))
            for times, cells in sorted(by_times.items(), reverse=True)
        ]
        if undelivered:
            groups.append(t("reminder.escalation_undelivered", cells=texts.cell_lines(t, undelivered)))
        if unreached:
            groups.append(t("reminder.escalation_unreached", cells=texts.cell_lines(t, unreached)))
        text = t(
            "reminder.escalation",
            directive=texts.title(directive),
            deadline=described(t),
            groups="\n".join(groups),
        )
        queued += outbox.enqueue(
            session=session,
            account_id=account.id,
            kind="escalation",
            reply=Reply(text=text),
            due_at=now,
            dedupe_key=f"esc:{directive.id}:{deadline.id}:{day}:{account.id}",
            directive_id=directive.id,
        )
    if not to_parent:
        return queued
    by_parent: dict[int, list[Unit]] = {}
    for unit in units:
        if unit.parent_id is not None and unit.parent_id != directive.unit_id:
            by_parent.setdefault(unit.parent_id, []).append(unit)
    secretaries = queries.secretary_accounts(session=session, unit_ids=list(by_parent))
    for parent_id, children in by_parent.items():
        for account in secretaries.get(parent_id, []):
            t = Translator(account.language)
            text = t(
                "reminder.escalation_parent",
                directive=texts.title(directive),
                deadline=described(t),
                cells=texts.cell_lines(t, children),
            )
            queued += outbox.enqueue(
                session=session,
                account_id=account.id,
                kind="escalation",
                reply=Reply(text=text),
                due_at=now,
                dedupe_key=f"esc:{directive.id}:{deadline.id}:{day}:{account.id}",
                directive_id=directive.id,
            )
    return queued

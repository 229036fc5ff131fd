"""What staff do with reminders: see the plan of a directive, remind the not-done cells now,
close a directive, choose how they hear about reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlmodel import Session

from services import outbox
from services.i18n import Translator
from services.localtime import format_local_datetime
from services.reach import Reach, reach
from services.reminders import lifecycle, texts
from services.reminders.config import ReminderConfig
from services.reminders.obligation import due_of
from services.reminders.planner import DATED_KINDS, DONE_STATUSES, parse_key
from storage.queries import outbox as outbox_queries
from storage.queries import reminders as queries
from storage.queries.acknowledged import is_acknowledged
from storage.tables import Directive

NOTIFY_CHOICES = ("each", "digest")
#: A second /remind to cells reminded by hand this recently is refused: they just heard it.
#: Staff who must say more use /broadcast.
REPEAT_WINDOW = timedelta(minutes=10)


@dataclass(frozen=True)
class LastReminded:
    """When the not-done cells of a directive were last reminded, planned and by hand."""

    auto: datetime | None
    by_hand: datetime | None
    #: Units reminded by hand within REPEAT_WINDOW: /remind does not remind them again.
    recent: frozenset[int]


@dataclass(frozen=True)
class Plan:
    """The reminders still to go for a directive, as /reminders shows them."""

    #: "08:00 17/8/2021 — Hoàn thành: ..., trước 3 ngày:" then "  CB01, CB02", per slot.
    lines: list[str]
    #: The messages that will really go out: the reminders due for one chat at one moment
    #: leave as ONE message (services/reminders/compose.py), so they count once.
    messages: int
    #: The units these messages reach.
    units: int


def plan(*, session: Session, t: Translator, directive: Directive, now: datetime, config: ReminderConfig) -> Plan:
    """The pending plan grouped by moment, with the number of messages that will go out."""
    rows = queries.planned_reminders(session=session, directive_id=directive.id, after=now)
    messages = {(message.account_id, message.due_at) for message, _u, _d in rows}
    units = {unit.id for _m, unit, _d in rows}
    return Plan(_plan_lines(rows, t, config), len(messages), len(units))


def _plan_lines(rows: list, t: Translator, config: ReminderConfig) -> list[str]:
    groups: dict[tuple, list[str]] = {}
    for message, unit, deadline in rows:
        parsed = parse_key(message.dedupe_key)
        offset = parsed[3] if parsed else ""
        shown = deadline.shown
        if deadline.kind == "recurring" and parsed is not None:
            # which period it is about, not only the rule
            occurrence = datetime.strptime(parsed[2], "%Y%m%dT%H%MZ").replace(tzinfo=UTC)
            shown = texts.period_shown(t, deadline, occurrence, config.tz)
        slot = (message.due_at, deadline.kind, shown, offset)
        codes = groups.setdefault(slot, [])
        if unit.code not in codes:
            codes.append(unit.code)
    lines = []
    for (due_at, kind, shown, offset), codes in groups.items():
        lines.append(
            t(
                "reminder.plan.slot",
                when=format_local_datetime(due_at, config.tz),
                deadline=texts.deadline_text(t, kind, shown),
                offset=texts.offset_label(t, offset),
            )
        )
        lines.append(t("reminder.plan.recipients", cells=", ".join(codes)))
    return lines


def has_deadlines(*, session: Session, directive: Directive) -> bool:
    """Whether the directive has a deadline reminders are planned for (dated or recurring)."""
    return any(
        d.due_at is not None or d.recurrence for d in queries.deadlines_of(session=session, directive_id=directive.id)
    )


def has_recurring(*, session: Session, directive: Directive) -> bool:
    """Whether the directive has a recurring report (a rule that repeats)."""
    return any(d.recurrence for d in queries.deadlines_of(session=session, directive_id=directive.id))


def not_done_units(*, session: Session, directive: Directive) -> list:
    return [
        (a, u)
        for a, u in queries.live_assignments(session=session, directive_id=directive.id)
        if a.status not in DONE_STATUSES
    ]


def last_reminded(*, session: Session, directive: Directive, now: datetime) -> LastReminded:
    rows = not_done_units(session=session, directive=directive)
    unit_of = {a.id: u.id for a, u in rows}
    found = outbox_queries.last_reminders(session=session, directive_id=directive.id, assignment_ids=list(unit_of))
    auto = max((at for kind, _a, at in found if kind == "reminder"), default=None)
    by_hand = max((at for kind, _a, at in found if kind == "reminder_now"), default=None)
    recent = frozenset(
        unit_of[a] for kind, a, at in found if kind == "reminder_now" and at > now - REPEAT_WINDOW and a in unit_of
    )
    return LastReminded(auto, by_hand, recent)


def remind_reach(*, session: Session, directive: Directive) -> Reach:
    """The not-done units a reminder now would reach, and those it cannot (named to staff)."""
    return reach(session=session, unit_ids=[u.id for _a, u in not_done_units(session=session, directive=directive)])


@dataclass(frozen=True)
class Chased:
    """What one /remind queued: the units reminded and the messages written (one per
    secretary account: a unit with two registered secretaries gets two)."""

    units: int
    messages: int


def remind_now(
    *, session: Session, directive: Directive, now: datetime, config: ReminderConfig, token: str
) -> Chased | None:
    """Queue an immediate reminder to every not-done unit, before or after its deadline (after
    it, the reminder names the deadline passed last and how late it is); returns the units and
    messages queued, None when this confirm (``token``, made when /remind asked) was used
    already. A cell whose
    secretary still has a reminder of /remind pending, or was reminded by hand within
    REPEAT_WINDOW (another /remind question pressed too), is not queued a second one."""
    if outbox_queries.key_used(session=session, directive_id=directive.id, pattern=f"remind:{directive.id}:%:{token}"):
        return None
    if directive.status != "published":
        return Chased(0, 0)  # a closed directive takes no reports: a reminder would ask for one in vain
    recent = last_reminded(session=session, directive=directive, now=now).recent
    waiting = outbox_queries.pending_pairs(session=session, directive_id=directive.id, kind="reminder_now")
    cfg = config
    deadlines = [
        d
        for d in queries.deadlines_of(session=session, directive_id=directive.id)
        if d.kind in DATED_KINDS and d.due_at is not None
    ]
    upcoming = sorted((d for d in deadlines if due_of(d) >= now), key=due_of)
    passed = sorted((d for d in deadlines if due_of(d) < now), key=due_of)
    deadline = upcoming[0] if upcoming else (passed[-1] if passed else None)
    rows = not_done_units(session=session, directive=directive)
    accounts = queries.secretary_accounts(session=session, unit_ids=[u.id for _a, u in rows])
    units: set[int] = set()
    messages = 0
    for assignment, unit in rows:
        if unit.id in recent:
            continue
        for account in accounts.get(unit.id, []):
            if (account.id, assignment.id) in waiting:
                continue  # the reminder of a /remind a moment ago has not gone yet: one is enough
            t = Translator(account.language)
            acknowledged = is_acknowledged(assignment)
            if deadline is not None:
                reply = texts.reminder(
                    t,
                    directive,
                    deadline,
                    assignment.id,
                    acknowledged=acknowledged,
                    at=now,
                    offset="now",
                    tz=cfg.tz,
                    manual=True,
                )
            else:
                reply = texts.recurring(
                    t, directive, assignment.id, occurrence=now, acknowledged=acknowledged, tz=cfg.tz
                )
            if outbox.enqueue(
                session=session,
                account_id=account.id,
                kind="reminder_now",
                reply=reply,
                due_at=now,
                dedupe_key=f"remind:{directive.id}:{assignment.id}:{account.id}:{token}",
                directive_id=directive.id,
                assignment_id=assignment.id,
            ):
                units.add(unit.id)
                messages += 1
    return Chased(len(units), messages)


def close(*, session: Session, directive: Directive, now: datetime, config: ReminderConfig) -> int | None:
    """Close a published directive; None when it was not published. Returns the messages that
    will not go out, counted as /reminders counts them: the planned reminders due for one chat
    at one moment would have gone as one message."""
    if directive.status != "published":
        return None
    planned = queries.pending_reminders(session=session, directive_id=directive.id)
    merged = len({(row.account_id, row.due_at) for row in planned})
    cancelled = lifecycle.close(session=session, directive=directive, now=now, config=config)
    return max(cancelled - len(planned), 0) + merged


def reopen(*, session: Session, directive: Directive, now: datetime, config: ReminderConfig) -> int | None:
    """Reopen a closed directive; None when it was not closed."""
    if directive.status != "closed":
        return None
    return lifecycle.reopen(session=session, directive=directive, now=now, config=config)


def set_notifications(*, session: Session, person_id: int, choice: str) -> bool:
    if choice not in NOTIFY_CHOICES:
        return False
    queries.set_preference(session=session, person_id=person_id, key="report_notifications", value=choice)
    return True

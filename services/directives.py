"""Directives: register a confirmed draft, publish it to units, acknowledge, change it after
publishing, and find what a user may see.

Messages to other users always go through the outbox, written in the same transaction as the
change that causes them, so a crash never leaves a cell assigned but untold (or told twice).
Publishing to many units writes each unit's assignment and message together in batches after
the publish (services/fanout.py), under the same rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session

from ground.actor import Actor
from ground.messages import Reply
from services import directive_texts as texts
from services import fanout as fanout_service
from services import outbox
from services.directive_drafts import storable_draft
from services.fanout import FanoutConfig, Published
from services.i18n import Translator
from services.localtime import local_to_utc, to_local
from services.parsing.deadlines import DeadlineError
from services.parsing.vn_text import normalize
from services.reach import Reach, reach
from services.reminders import lifecycle as reminders
from services.reminders.config import ReminderConfig
from services.reminders.obligation import due_of
from services.reminders.periods import retire_old_periods
from storage.queries import accounts as account_queries
from storage.queries import audit as audit_queries
from storage.queries import directives as queries
from storage.queries import reminders as reminder_queries
from storage.queries import units as unit_queries
from storage.queries.acknowledged import is_acknowledged
from storage.tables import Assignment, Deadline, Directive, Unit


@dataclass(frozen=True)
class Who:
    """Who did it, for the audit log."""

    person_id: int | None
    account_id: int | None = None
    channel: str = ""


def _audit(
    session: Session,
    action: str,
    who: Who,
    now: datetime,
    *,
    directive_id: int | None = None,
    unit_id: int | None = None,
    **details: Any,
) -> None:
    audit_queries.add_audit(
        session=session,
        action=action,
        at=now,
        actor_person_id=who.person_id,
        actor_account_id=who.account_id,
        unit_id=unit_id,
        directive_id=directive_id,
        details={"channel": who.channel, **details},
    )


# ---- registering and publishing ------------------------------------------------------------


def register(
    *,
    session: Session,
    draft: dict[str, Any],
    unit_id: int,
    who: Who,
    now: datetime,
    tz: ZoneInfo,
    amends_id: int | None = None,
) -> Directive:
    """Store a confirmed draft as a directive of ``unit_id`` (status draft until published);
    ``amends_id`` names the directive it replaces, closed when this one is published.

    A secret document keeps only its number, subject and deadlines (and its type and marks):
    its text, distribution list, signer and report fields stay on paper."""
    draft = storable_draft(draft)  # the last gate: whatever path the draft took, it fits its columns
    secrecy = draft.get("secrecy")
    if secrecy:
        draft = {
            **draft,
            "full_text": None,
            "addressees": [],
            "recipients_text": [],
            "report_fields": [],
            "signer": None,
        }
    directive = queries.add_directive(
        session=session,
        directive=Directive(
            unit_id=unit_id,
            doc_type=draft.get("doc_type"),
            number=draft.get("number"),
            issuer=draft.get("issuer"),
            issued_on=date.fromisoformat(draft["issued_on"]) if draft.get("issued_on") else None,
            subject=draft.get("subject") or "",
            urgency=draft.get("urgency"),
            secrecy=secrecy,
            full_text=draft.get("full_text"),
            signer=draft.get("signer"),
            addressees=list(draft.get("addressees") or []),
            recipients_text=list(draft.get("recipients_text") or []),
            report_fields=list(draft.get("report_fields") or []),
            status="draft",
            amends_id=amends_id,
            registered_by_person_id=who.person_id,
            created_at=now,
        ),
    )
    # The issuing office's own duty ("Văn phòng Đảng ủy Khối tổng hợp, báo cáo hằng ngày về
    # Văn phòng Thành ủy") is shown to staff but asks nothing of the cells.
    owed_by_cells = [e for e in draft["deadlines"] if "own_office" not in (e.get("flags") or ())]
    for position, entry in enumerate(owed_by_cells):
        queries.add_deadline(session=session, deadline=_deadline_row(directive.id, position, entry, tz))
    _audit(
        session,
        "register",
        who,
        now,
        directive_id=directive.id,
        unit_id=unit_id,
        number=directive.number,
        amends=directive.amends_id,
    )
    return directive


def preview_message(*, t: Translator, draft: dict[str, Any], tz: ZoneInfo) -> Reply:
    """The message a cell's secretary would get if the draft were published now (nothing stored)."""
    transient = Directive(
        unit_id=0,
        doc_type=draft.get("doc_type"),
        number=draft.get("number"),
        subject=draft.get("subject") or "",
        urgency=draft.get("urgency"),
        secrecy=draft.get("secrecy"),
        full_text=None if draft.get("secrecy") else draft.get("full_text"),
    )
    owed_by_cells = [e for e in draft["deadlines"] if "own_office" not in (e.get("flags") or ())]
    deadlines = [_deadline_row(0, position, entry, tz) for position, entry in enumerate(owed_by_cells)]
    return texts.cell_message(t, transient, deadlines, 0)


def same_number(*, session: Session, unit_id: int, number: str | None) -> list[Directive]:
    """Directives this unit already registered under ``number`` (spelled any usual way),
    oldest first: registering it again is either a mistake or a changed version."""
    wanted = number_key(number or "")
    if not wanted:
        return []
    return [
        d
        for d in queries.directives_of_unit(session=session, unit_id=unit_id)
        if d.status != "draft" and number_key(d.number or "") == wanted
    ]


def _deadline_row(directive_id: int, position: int, entry: dict[str, Any], tz: ZoneInfo) -> Deadline:
    due = local_to_utc(datetime.fromisoformat(entry["due"]), tz) if entry.get("due") else None
    until = local_to_utc(datetime.fromisoformat(entry["until"]), tz) if entry.get("until") else None
    return Deadline(
        directive_id=directive_id,
        kind=entry["kind"],
        due_at=due,
        until_at=until,
        recurrence=entry.get("recurrence"),
        phrase=entry.get("phrase") or "",
        shown=entry.get("shown") or "",
        position=position,
    )


def publish(
    *,
    session: Session,
    directive: Directive,
    unit_ids: list[int],
    who: Who,
    now: datetime,
    config: ReminderConfig,
    fanout: FanoutConfig | None = None,
) -> Published:
    """Publish the directive to the units: mark it published and record its fan-out (the
    units' assignments, the message to their secretaries, their reminders: services/fanout.py).

    The first units (all of them in a small publish) are written in this transaction; the rest
    by the background fan-out in short transactions of their own, so staff are answered at
    once however many units there are. Secretaries whose chat is known to be unreachable get
    nothing queued (staff see them as not acknowledged)."""
    directive.status = "published"
    directive.published_at = now
    queries.save(session=session, row=directive)
    published = fanout_service.start(
        session=session,
        directive=directive,
        unit_ids=unit_ids,
        notify_account_id=who.account_id,
        now=now,
        config=config,
        fanout=fanout or FanoutConfig(),
    )
    replaced = get(session=session, directive_id=directive.amends_id) if directive.amends_id else None
    if replaced is not None and replaced.status == "published":
        # The changed version is what cells carry out and report on from now: the version it
        # replaces stops reminding, so no cell has the same number to do twice.
        reminders.close(session=session, directive=replaced, now=now, config=config)
        _audit(session, "close", who, now, directive_id=replaced.id, unit_id=replaced.unit_id, replaced_by=directive.id)
    _audit(
        session,
        "publish",
        who,
        now,
        directive_id=directive.id,
        unit_id=directive.unit_id,
        units=published.total,
        messages=published.queued,
        **({} if published.finished else {"fanout_job": published.job_id, "written": published.done}),
    )
    return published


def units_without_reachable_secretary(*, session: Session, unit_ids: list[int]) -> list[Unit]:
    """Assigned units nobody in chibot can be told about: staff must send the paper copy."""
    return reach_of_units(session=session, unit_ids=unit_ids).unreachable


def reach_of_units(*, session: Session, unit_ids: list[int]) -> Reach:
    return reach(session=session, unit_ids=unit_ids)


def reach_of(*, session: Session, directive: Directive) -> Reach:
    """Which of the directive's live units a notice reaches, and which it cannot."""
    units = [a.unit_id for a, _u in queries.assignments_with_units(session=session, directive_id=directive.id)]
    return reach(session=session, unit_ids=units)


def _tell_units(
    session: Session, directive: Directive, assignments: dict[int, Assignment], now: datetime, *, key
) -> int:  # noqa: ANN001
    deadlines = queries.active_deadlines(session=session, directive_id=directive.id)
    queued = 0
    for unit, _person, account in account_queries.secretaries_accounts(session=session, unit_ids=list(assignments)):
        if not account.reachable:
            continue
        assignment = assignments[unit.id]
        reply = texts.cell_message(Translator(account.language), directive, deadlines, assignment.id)
        queued += outbox.enqueue(
            session=session,
            account_id=account.id,
            kind="directive",
            reply=reply,
            due_at=now,
            dedupe_key=key(unit.id, account.id),
            directive_id=directive.id,
            assignment_id=assignment.id,
        )
    return queued


def _tell_units_text(session: Session, directive: Directive, unit_ids: list[int], now: datetime, *, key, render) -> int:  # noqa: ANN001
    """Queue a notice (rendered per account language) to the secretaries of these units."""
    queued = 0
    for unit, _person, account in account_queries.secretaries_accounts(session=session, unit_ids=unit_ids):
        if not account.reachable:
            continue
        reply: Reply = render(Translator(account.language))
        assignment = queries.find_assignment(session=session, directive_id=directive.id, unit_id=unit.id)
        queued += outbox.enqueue(
            session=session,
            account_id=account.id,
            kind="notice",
            reply=reply,
            due_at=now,
            dedupe_key=key(unit.id, account.id),
            directive_id=directive.id,
            assignment_id=assignment.id if assignment else None,
        )
    return queued


# ---- acknowledging -------------------------------------------------------------------------


@dataclass(frozen=True)
class AckResult:
    status: str  # ok | already | denied | cancelled
    directive: Directive | None = None
    assignment: Assignment | None = None


def acknowledge(
    *, session: Session, assignment_id: int, actor: Actor, who: Who, now: datetime, config: ReminderConfig
) -> AckResult:
    """Record that a secretary of the assigned unit received the directive. Pressing again
    changes nothing; a secretary of another unit (a forged button) is refused."""
    assignment = queries.get_assignment(session=session, assignment_id=assignment_id)
    if assignment is None or not actor.is_secretary_of(assignment.unit_id):
        return AckResult("denied")
    directive = require(session=session, directive_id=assignment.directive_id)
    if assignment.status == "cancelled":
        return AckResult("cancelled", directive, assignment)
    if is_acknowledged(assignment):
        return AckResult("already", directive, assignment)
    assignment.acknowledged_at = now
    assignment.acknowledged_by_person_id = who.person_id
    if assignment.status == "assigned":
        assignment.status = "acknowledged"
    queries.save(session=session, row=assignment)
    reminders.after_acknowledge(session=session, assignment=assignment, now=now, config=config)
    _audit(session, "acknowledge", who, now, directive_id=directive.id, unit_id=assignment.unit_id)
    return AckResult("ok", directive, assignment)


def awaiting_acknowledgement(
    *, session: Session, actor: Actor, number: str | None = None
) -> list[tuple[Directive, Assignment]]:
    """The actor's cells' live assignments ("Đã nhận" typed instead of pressed): those not yet
    acknowledged, or, with ``number``, those of the directive(s) with that number, acknowledged
    or not (so a second "đã nhận 141" says when it was recorded)."""
    unit_ids = [r.unit_id for r in actor.units("secretary")]
    pairs = [
        (d, a) for d, a in queries.directives_assigned_to(session=session, unit_ids=unit_ids) if d.status == "published"
    ]
    if number is None:
        return [(d, a) for d, a in pairs if a.acknowledged_at is None]
    wanted = number_key(number)
    return [
        (d, a)
        for d, a in pairs
        if (key := number_key(d.number or "")) and (key == wanted or _short_form_matches(wanted, key))
    ]


# ---- seeing ----------------------------------------------------------------------------------


def get(*, session: Session, directive_id: int) -> Directive | None:
    return queries.get_directive(session=session, directive_id=directive_id)


def require(*, session: Session, directive_id: int) -> Directive:
    """A directive a flow's state or a stored row names (published ones are never deleted);
    LookupError if it is gone."""
    directive = get(session=session, directive_id=directive_id)
    if directive is None:
        raise LookupError(f"directive {directive_id} does not exist")
    return directive


def issuer_unit(*, session: Session, directive: Directive) -> Unit:
    """The unit that issued the directive (a foreign key, so it exists)."""
    return unit_queries.require_unit(session=session, unit_id=directive.unit_id)


def can_manage(*, session: Session, actor: Actor, directive: Directive) -> bool:
    """Staff (or admins) of the issuing unit or a unit above it."""
    unit = unit_queries.get_unit(session=session, unit_id=directive.unit_id)
    return unit is not None and actor.oversees(unit.path)


def assignment_of(*, session: Session, actor: Actor, directive: Directive) -> Assignment | None:
    """The live assignment of this directive to one of the actor's own units (as secretary)."""
    for role in actor.units("secretary"):
        found = queries.find_assignment(session=session, directive_id=directive.id, unit_id=role.unit_id)
        if found is not None and found.status != "cancelled":
            return found
    return None


def can_see(*, session: Session, actor: Actor, directive: Directive) -> bool:
    if directive.status == "draft":
        return False
    return (
        can_manage(session=session, actor=actor, directive=directive)
        or assignment_of(session=session, actor=actor, directive=directive) is not None
    )


def visible(*, session: Session, actor: Actor) -> list[Directive]:
    """Staff: directives issued by their unit or below; secretaries: assigned to their unit."""
    found: dict[int, Directive] = {}
    paths = [r.unit_path for r in actor.units("staff", "admin")]
    for directive in queries.directives_issued_under(session=session, unit_paths=paths):
        found[directive.id] = directive
    unit_ids = [r.unit_id for r in actor.units("secretary")]
    for directive, _assignment in queries.directives_assigned_to(session=session, unit_ids=unit_ids):
        found.setdefault(directive.id, directive)
    return sorted(found.values(), key=lambda d: (d.published_at or d.created_at, d.id), reverse=True)


def number_key(text: str) -> str:
    """ "141 - CV/ĐUK", "141-cv/duk" and "141-CV/ĐUK" all give "141-cv/duk"."""
    return normalize(text).replace(" ", "")


def lookup_key(directive: Directive) -> str:
    """What to type after /doc to find this directive: its number, or "#id" without one."""
    return directive.number or f"#{directive.id}"


def find_by_number(*, session: Session, actor: Actor, text: str) -> list[Directive]:
    """Visible directives whose number is ``text``; a bare "141" matches any 141-...;
    "#12" is the directive with id 12 (for documents without a number)."""
    wanted = number_key(text)
    if not wanted:
        return []
    if wanted.startswith("#") and wanted[1:].isascii() and wanted[1:].isdigit():
        return [d for d in visible(session=session, actor=actor) if d.id == int(wanted[1:])]
    matches = []
    for directive in visible(session=session, actor=actor):
        key = number_key(directive.number or "")
        if key and (key == wanted or _short_form_matches(wanted, key)):
            matches.append(directive)
    return matches


def _short_form_matches(wanted: str, key: str) -> bool:
    """ "141" (number only) or "141/duk" (number and issuer, type left out)."""
    number, _, issuer = key.partition("/")
    number = number.split("-")[0]
    wanted_number, _, wanted_issuer = wanted.partition("/")
    if "-" in wanted_number:
        return False
    return wanted_number == number and (not wanted_issuer or wanted_issuer == issuer)


@dataclass(frozen=True)
class UnitStatus:
    unit: Unit
    assignment: Assignment
    acknowledged_by: str


def unit_statuses(*, session: Session, directive: Directive) -> list[UnitStatus]:
    return [
        UnitStatus(unit, a, queries.person_name(session=session, person_id=a.acknowledged_by_person_id))
        for a, unit in queries.assignments_with_units(session=session, directive_id=directive.id)
    ]


def unacknowledged(*, session: Session, directive: Directive) -> list[Unit]:
    return [s.unit for s in unit_statuses(session=session, directive=directive) if not is_acknowledged(s.assignment)]


def deadlines_of(*, session: Session, directive: Directive) -> list[Deadline]:
    return queries.active_deadlines(session=session, directive_id=directive.id)


def next_periods(*, session: Session, deadlines: list[Deadline], now: datetime) -> dict[int, datetime]:
    """When the next period of each recurring deadline among ``deadlines`` is due."""
    ids = [d.id for d in deadlines if d.kind == "recurring" and d.id is not None]
    return reminder_queries.next_periods(session=session, deadline_ids=ids, now=now) if ids else {}


def nearest_deadline(
    *, deadlines: list[Deadline], now: datetime, periods: dict[int, datetime] | None = None
) -> Deadline | None:
    """The next deadline due; a recurring one counts by its next period (``periods``, from
    ``next_periods``): a monthly report due on the 25th is nearer than a plan due next month.
    A recurring one is returned as a copy dated by that period, never stored."""
    periods = periods or {}
    dated = [d for d in deadlines if d.kind != "start" and not (d.kind == "recurring" and d.id in periods)]
    upcoming = [d for d in dated if d.due_at is not None and d.due_at >= now]
    for d in deadlines:
        due = periods.get(d.id) if d.kind == "recurring" else None
        if due is not None and due >= now:
            upcoming.append(Deadline(id=d.id, directive_id=d.directive_id, kind=d.kind, due_at=due, shown=d.shown))
    return min(upcoming, key=due_of) if upcoming else None


# ---- changing after publishing ------------------------------------------------------------


def _change_number(session: Session, directive: Directive) -> int:
    """A counter for the dedupe keys of change notices: each edit gets fresh keys."""
    return queries.count_audit(session=session, directive_id=directive.id, action="edit") + 1


@dataclass(frozen=True)
class DeadlineChange:
    """A typed deadline change read but not applied: what staff confirm (old -> new)."""

    deadline: Deadline
    kind: str
    old_shown: str
    new_shown: str
    #: The new date is already gone by: confirming makes the cells not done overdue at once.
    past: bool = False


def _read_deadline_change(
    session: Session, directive: Directive, deadline_id: int, phrase: str, now: datetime, tz: ZoneInfo
) -> tuple[Deadline, Any] | DeadlineError | None:
    from services import typed_deadlines

    deadline = queries.get_deadline(session=session, deadline_id=deadline_id)
    if deadline is None or deadline.directive_id != directive.id or not deadline.active:
        return None
    local_now = to_local(now, tz)
    year = directive.issued_on.year if directive.issued_on else local_now.year
    found = typed_deadlines.read(phrase, default_year=year, kind_hint=deadline.kind, reference=local_now.date())
    if isinstance(found, DeadlineError):
        return found
    return deadline, found


def preview_deadline_change(
    *, session: Session, directive: Directive, deadline_id: int, phrase: str, now: datetime, config: ReminderConfig
) -> DeadlineChange | DeadlineError | None:
    """What ``change_deadline`` would do with this phrase, changing nothing: the parser's
    complaint, None for a deadline that is not this directive's, or old and new."""
    read = _read_deadline_change(session, directive, deadline_id, phrase, now, config.tz)
    if read is None or isinstance(read, DeadlineError):
        return read
    deadline, found = read
    return DeadlineChange(deadline, found.kind, deadline.shown, found.shown, _gone_by(found, now, config.tz))


def _gone_by(found: Any, now: datetime, tz: ZoneInfo) -> bool:
    """A dated deadline (not a start, not a schedule) whose date is already behind ``now``."""
    past = found.kind != "start" and found.recurrence is None and found.due is not None
    return bool(past and found.due < to_local(now, tz).replace(tzinfo=None))


def change_deadline(
    *,
    session: Session,
    directive: Directive,
    deadline_id: int,
    phrase: str,
    who: Who,
    now: datetime,
    config: ReminderConfig,
) -> Deadline | DeadlineError | None:
    """Replace one deadline by a typed phrase and tell every assigned unit what changed.

    Returns the changed deadline, the parser's complaint, or None for a deadline that is not
    this directive's."""
    tz = config.tz
    read = _read_deadline_change(session, directive, deadline_id, phrase, now, tz)
    if read is None or isinstance(read, DeadlineError):
        return read
    deadline, found = read
    old_shown = deadline.shown
    old_rule = deadline.recurrence if deadline.kind == "recurring" else None
    new_due = local_to_utc(found.due, tz) if found.due else None
    if not _gone_by(found, now, tz):
        deadline.overdue_from = None
    elif new_due != deadline.due_at or deadline.overdue_from is None:
        # Confirmed into the past: the overdue chase starts now (kept when the same date is
        # typed again, so its reminders are not planned a second time).
        deadline.overdue_from = now
    deadline.kind = found.kind
    deadline.due_at = new_due
    deadline.recurrence = found.recurrence.to_rule() if found.recurrence else None
    deadline.until_at = local_to_utc(found.until, tz) if found.until else None
    deadline.phrase, deadline.shown = found.text, found.shown
    queries.save(session=session, row=deadline)
    if old_rule is not None and (deadline.kind != "recurring" or deadline.recurrence != old_rule):
        # The old rule's open periods go; the new rule's are planned by after_change below.
        retire_old_periods(session=session, deadline=deadline, config=config)
    n = _change_number(session, directive)
    units = [a.unit_id for a, _u in queries.assignments_with_units(session=session, directive_id=directive.id)]
    _tell_units_text(
        session,
        directive,
        units,
        now,
        key=lambda u, a: f"edit:{directive.id}:{n}:{u}:{a}",
        render=lambda t: texts.changed_deadline_message(t, directive, deadline.kind, old_shown, deadline.shown),
    )
    # Planned after the notice: a deadline moved into the past has its first overdue reminder
    # due now, and the cell should read what changed before being told it is late.
    reminders.after_change(session=session, directive_id=directive.id, now=now, config=config)
    _audit(
        session,
        "edit",
        who,
        now,
        directive_id=directive.id,
        unit_id=directive.unit_id,
        change="deadline",
        deadline_id=deadline.id,
        old=old_shown,
        new=deadline.shown,
    )
    return deadline


def change_recipients(
    *, session: Session, directive: Directive, unit_ids: list[int], who: Who, now: datetime, config: ReminderConfig
) -> tuple[list[int], list[int]]:
    """Make ``unit_ids`` the directive's units: new units get the directive, removed units'
    assignments are cancelled and they are told. Returns (added, removed) unit ids."""
    fanout_service.complete(session=session, directive=directive, now=now, config=config)
    current = {a.unit_id: a for a, _u in queries.assignments_with_units(session=session, directive_id=directive.id)}
    wanted = list(dict.fromkeys(unit_ids))
    added = [u for u in wanted if u not in current]
    removed = [u for u in current if u not in wanted]
    if not added and not removed:
        return [], []
    n = _change_number(session, directive)
    new_assignments: dict[int, Assignment] = {}
    for unit_id in added:
        assignment = queries.find_assignment(session=session, directive_id=directive.id, unit_id=unit_id)
        if assignment is None:
            assignment = queries.add_assignment(session=session, directive_id=directive.id, unit_id=unit_id, now=now)
        else:  # assigned before, removed, now back: a fresh start
            assignment.status, assignment.assigned_at = "assigned", now
            assignment.acknowledged_at = assignment.acknowledged_by_person_id = None
            queries.save(session=session, row=assignment)
        new_assignments[unit_id] = assignment
    for unit_id in removed:
        current[unit_id].status = "cancelled"
        queries.save(session=session, row=current[unit_id])
    _tell_units(session, directive, new_assignments, now, key=lambda u, a: f"edit:{directive.id}:{n}:add:{u}:{a}")
    reminders.after_change(session=session, directive_id=directive.id, now=now, config=config)
    _tell_units_text(
        session,
        directive,
        removed,
        now,
        key=lambda u, a: f"edit:{directive.id}:{n}:remove:{u}:{a}",
        render=lambda t: texts.removed_message(t, directive),
    )
    _audit(
        session,
        "edit",
        who,
        now,
        directive_id=directive.id,
        unit_id=directive.unit_id,
        change="recipients",
        added=added,
        removed=removed,
    )
    return added, removed


def deliver_open_to_unit(*, session: Session, unit_id: int, now: datetime, config: ReminderConfig) -> int:
    """Queue every open directive assigned to this unit to its secretaries.

    Used when a secretary registers after the directive was published: they get what their
    cell still has to do. Dedupe keys are the publish keys, so nobody gets a message twice.
    """
    queued = 0
    for directive, assignment in queries.directives_assigned_to(session=session, unit_ids=[unit_id]):
        if directive.status != "published" or assignment.status == "cancelled":
            continue
        queued += _tell_units(
            session,
            directive,
            {unit_id: assignment},
            now,
            key=lambda u, a, d=directive.id: f"publish:{d}:{u}:{a}",
        )
        reminders.after_acknowledge(
            session=session, assignment=assignment, now=now, config=config
        )  # their reminders from now on
    return queued

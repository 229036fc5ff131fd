"""SQL for reminders: bulk-planned outbox rows, occurrences of recurring reports, and the
facts the escalation and digest read (who is overdue, who reported since when)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Table, bindparam, func, or_, true, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from storage.queries.accounts import one_per_person
from storage.tables import (
    Assignment,
    ChatAccount,
    Deadline,
    Directive,
    Membership,
    OutboxMessage,
    Person,
    Report,
    ReportRequest,
    Unit,
)

REMINDER_KINDS = ("reminder",)
_outbox: Table = OutboxMessage.__table__  # type: ignore[attr-defined]
LIVE_ASSIGNMENT = ("assigned", "acknowledged", "reported", "completed")


def _insert(session: Session, table):  # noqa: ANN001, ANN202
    """INSERT ... ON CONFLICT DO NOTHING on both databases: two planners never clash."""
    return (pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert)(table)


def insert_outbox_rows(*, session: Session, rows: list[dict[str, Any]], now: datetime) -> int:
    """Insert planned rows; a dedupe key already present (any status) is left alone. ``now``:
    the app's clock (the shell's simulated time), stamped as created_at unless a row has one."""
    if not rows:
        return 0
    # One statement, many parameter sets: compiled once (a VALUES list of 500 rows is compiled
    # every time and was the bottleneck); RETURNING tells which keys were new.
    stmt = (
        _insert(session, OutboxMessage)
        .on_conflict_do_nothing(index_elements=["dedupe_key"])
        .returning(col(OutboxMessage.id))
    )
    params = [
        {
            "status": "pending",
            "attempts": 0,
            "sent_late": False,
            "created_at": now,
            "claimed_by": None,
            "claimed_at": None,
            "sent_at": None,
            "last_error": None,
            "channel_message_id": None,
            "broadcast_id": None,
            **r,
        }
        for r in rows
    ]
    return len(session.execute(stmt, params).all())


def outbox_rows_by_key(*, session: Session, keys: Iterable[str]) -> dict[str, OutboxMessage]:
    keys = list(keys)
    found: dict[str, OutboxMessage] = {}
    for start in range(0, len(keys), 500):
        for row in session.exec(
            select(OutboxMessage).where(col(OutboxMessage.dedupe_key).in_(keys[start : start + 500]))
        ):
            found[row.dedupe_key] = row
    return found


def pending_reminders(
    *,
    session: Session,
    directive_id: int | None = None,
    assignment_ids: list[int] | None = None,
    due_before: datetime | None = None,
) -> list[OutboxMessage]:
    if assignment_ids is not None:
        # A few cells (one report, one acknowledgement): look their rows up by assignment and
        # filter the rest here. Given "status = 'pending'" too, SQLite walks the status index,
        # i.e. every pending row of the province, for each report.
        rows: list[OutboxMessage] = []
        for start in range(0, len(assignment_ids), 500):
            rows.extend(
                session.exec(
                    select(OutboxMessage).where(
                        col(OutboxMessage.assignment_id).in_(assignment_ids[start : start + 500]),
                        col(OutboxMessage.kind).in_(REMINDER_KINDS),
                    )
                ).all()
            )
        wanted = [
            m
            for m in rows
            if m.status == "pending"
            and (directive_id is None or m.directive_id == directive_id)
            and (due_before is None or m.due_at <= due_before)
        ]
        return sorted(wanted, key=lambda m: (m.due_at, m.id))
    query = select(OutboxMessage).where(
        col(OutboxMessage.status) == "pending", col(OutboxMessage.kind).in_(REMINDER_KINDS)
    )
    if directive_id is not None:
        query = query.where(col(OutboxMessage.directive_id) == directive_id)
    if due_before is not None:
        query = query.where(col(OutboxMessage.due_at) <= due_before)
    return list(session.exec(query.order_by(col(OutboxMessage.due_at), col(OutboxMessage.id))).all())


def set_status(*, session: Session, ids: list[int], status: str, reason: str | None = None) -> int:
    if not ids:
        return 0
    total = 0
    for start in range(0, len(ids), 500):
        stmt = (
            update(OutboxMessage)
            .where(col(OutboxMessage.id).in_(ids[start : start + 500]))
            # `status || ''`: SQLite would otherwise walk ix_outbox_status_due_at through every
            # pending row (45,000 in a 5,000-cell province, 10 ms per report) instead of
            # looking up the few ids; the same rows match.
            .where(col(OutboxMessage.status).concat("").in_(("pending", "cancelled")))
            .values(status=status, last_error=reason)
        )
        total += session.exec(stmt).rowcount or 0
    return total


_CANCEL_ASSIGNMENT_REMINDERS = (
    _outbox.update()
    .where(
        _outbox.c.assignment_id == bindparam("of_assignment"),  # (not a column's name: see reports.py)
        _outbox.c.kind.in_(REMINDER_KINDS),
        _outbox.c.status.concat("") == "pending",
    )
    .values(status="cancelled", last_error=bindparam("reason"))
)


def cancel_assignment_reminders(*, session: Session, assignment_id: int, reason: str) -> int:
    """Cancel the pending reminders of one assignment (``set_status`` of what
    ``pending_reminders(assignment_ids=[...])`` finds, in one prepared Core statement; `status
    || ''` for the same reason as there). Reminder rows loaded in the session are not updated."""
    result = session.connection().execute(
        _CANCEL_ASSIGNMENT_REMINDERS, {"of_assignment": assignment_id, "reason": reason}
    )
    return result.rowcount or 0


def published_directives(*, session: Session) -> list[Directive]:
    return list(
        session.exec(select(Directive).where(col(Directive.status) == "published").order_by(col(Directive.id))).all()
    )


def live_assignments(
    *, session: Session, directive_id: int, assignment_ids: list[int] | None = None
) -> list[tuple[Assignment, Unit]]:
    """The directive's live assignments with their active units; only ``assignment_ids`` when
    given (re-planning one cell after its report must not load the whole province)."""
    query = (
        select(Assignment, Unit)
        .join(Unit, col(Unit.id) == col(Assignment.unit_id))
        .where(
            col(Assignment.directive_id) == directive_id,
            col(Assignment.status).in_(LIVE_ASSIGNMENT),
            col(Unit.active) == true(),
        )
    )
    if assignment_ids is not None:
        if not assignment_ids:
            return []
        query = query.where(col(Assignment.id).in_(assignment_ids))
    return list(session.exec(query.order_by(col(Unit.code))).all())


def secretary_accounts(*, session: Session, unit_ids: list[int]) -> dict[int, list[ChatAccount]]:
    """Per unit id, one reachable account of each active secretary: the one on the person's
    preferred channel (storage.queries.accounts.preferred_account), so a person linked on two
    channels gets one copy."""
    found: dict[int, list[ChatAccount]] = {}
    for start in range(0, len(unit_ids), 500):
        rows = session.exec(
            select(col(Membership.unit_id), Person, ChatAccount)
            .join(Person, col(Person.id) == col(Membership.person_id))
            .join(ChatAccount, col(ChatAccount.person_id) == col(Membership.person_id))
            .where(
                col(Membership.unit_id).in_(unit_ids[start : start + 500]),
                col(Membership.role) == "secretary",
                col(Membership.active) == true(),
                col(ChatAccount.reachable) == true(),
            )
            .order_by(col(Membership.unit_id), col(ChatAccount.id))
        ).all()
        for unit_id, _person, account in one_per_person(list(rows), person_at=1, account_at=2, group_at=(0,)):
            found.setdefault(unit_id, []).append(account)
    return found


def staff_accounts_with_people(*, session: Session, unit_id: int) -> list[tuple[Person, ChatAccount]]:
    return one_per_person(
        list(
            session.exec(
                select(Person, ChatAccount)
                .join(Membership, col(Membership.person_id) == col(Person.id))
                .join(ChatAccount, col(ChatAccount.person_id) == col(Person.id))
                .where(
                    col(Membership.unit_id) == unit_id,
                    col(Membership.role).in_(("staff", "admin")),
                    col(Membership.active) == true(),
                    col(ChatAccount.reachable) == true(),
                )
                .order_by(col(Person.id), col(ChatAccount.id))
            ).all()
        ),
        person_at=0,
        account_at=1,
    )


def deadlines_of(*, session: Session, directive_id: int) -> list[Deadline]:
    return list(
        session.exec(
            select(Deadline)
            .where(col(Deadline.directive_id) == directive_id, col(Deadline.active) == true())
            .order_by(col(Deadline.position), col(Deadline.id))
        ).all()
    )


def add_report_requests(*, session: Session, rows: list[dict[str, Any]], now: datetime) -> int:
    """The open requests of recurring periods; ``now`` (the app's clock) stamps created_at."""
    if not rows:
        return 0
    stmt = _insert(session, ReportRequest).values([{"status": "open", "created_at": now, **r} for r in rows])
    stmt = stmt.on_conflict_do_nothing(index_elements=["assignment_id", "deadline_id", "due_at"])
    return session.exec(stmt).rowcount or 0


_REQUESTS_OF_ASSIGNMENT = (
    select(ReportRequest)
    .where(
        col(ReportRequest.assignment_id) == bindparam("assignment_id"), col(ReportRequest.status) == bindparam("status")
    )
    .order_by(col(ReportRequest.due_at), col(ReportRequest.id))
)


def report_requests(
    *, session: Session, assignment_id: int | None = None, deadline_id: int | None = None, status: str | None = None
) -> list[ReportRequest]:
    if assignment_id is not None and deadline_id is None and status is not None:
        # What every confirmed report asks (services/reminders/recurring.py): built once.
        return list(
            session.execute(_REQUESTS_OF_ASSIGNMENT, {"assignment_id": assignment_id, "status": status}).scalars()
        )
    query = select(ReportRequest)
    if assignment_id is not None:
        query = query.where(col(ReportRequest.assignment_id) == assignment_id)
    if deadline_id is not None:
        query = query.where(col(ReportRequest.deadline_id) == deadline_id)
    if status is not None:
        query = query.where(col(ReportRequest.status) == status)
    return list(session.exec(query.order_by(col(ReportRequest.due_at), col(ReportRequest.id))).all())


def cancel_open_requests(*, session: Session, directive_id: int) -> int:
    ids = select(col(Assignment.id)).where(col(Assignment.directive_id) == directive_id)
    stmt = (
        update(ReportRequest)
        .where(col(ReportRequest.assignment_id).in_(ids), col(ReportRequest.status) == "open")
        .values(status="cancelled")
    )
    return session.exec(stmt).rowcount or 0


def latest_reports_since(
    *, session: Session, directive_id: int, since: datetime, until: datetime
) -> list[tuple[Report, Unit]]:
    return list(
        session.exec(
            select(Report, Unit)
            .join(Assignment, col(Assignment.id) == col(Report.assignment_id))
            .join(Unit, col(Unit.id) == col(Assignment.unit_id))
            .where(
                col(Assignment.directive_id) == directive_id,
                col(Report.submitted_at) >= since,
                col(Report.submitted_at) < until,
                col(Report.is_latest) == true(),
            )
            .order_by(col(Unit.code))
        ).all()
    )


def active_secretary_of(*, session: Session, account_id: int, unit_id: int) -> bool:
    row = session.exec(
        select(col(Membership.id))
        .join(ChatAccount, col(ChatAccount.person_id) == col(Membership.person_id))
        .where(
            col(ChatAccount.id) == account_id,
            col(ChatAccount.reachable) == true(),
            col(Membership.unit_id) == unit_id,
            col(Membership.role) == "secretary",
            col(Membership.active) == true(),
        )
    ).first()
    return row is not None


def cancel_pending_for_account(*, session: Session, account_id: int, reason: str) -> int:
    stmt = (
        update(OutboxMessage)
        .where(col(OutboxMessage.account_id) == account_id, col(OutboxMessage.status) == "pending")
        .values(status="cancelled", last_error=reason)
    )
    return session.exec(stmt).rowcount or 0


def row_context(*, session: Session, assignment_id: int) -> tuple[Assignment, Directive, Unit] | None:
    row = session.exec(
        select(Assignment, Directive, Unit)
        .join(Directive, col(Directive.id) == col(Assignment.directive_id))
        .join(Unit, col(Unit.id) == col(Assignment.unit_id))
        .where(col(Assignment.id) == assignment_id)
    ).first()
    return tuple(row) if row is not None else None  # type: ignore[return-value]


def directives_by_unit(*, session: Session) -> dict[int, list[Directive]]:
    found: dict[int, list[Directive]] = {}
    for directive in published_directives(session=session):
        found.setdefault(directive.unit_id, []).append(directive)
    return found


def account_person(*, session: Session, account_id: int) -> tuple[ChatAccount, Person] | None:
    row = session.exec(
        select(ChatAccount, Person)
        .join(Person, col(Person.id) == col(ChatAccount.person_id))
        .where(col(ChatAccount.id) == account_id)
    ).first()
    return tuple(row) if row is not None else None  # type: ignore[return-value]


def get_unit(*, session: Session, unit_id: int | None) -> Unit | None:
    return session.get(Unit, unit_id) if unit_id is not None else None


def set_preference(*, session: Session, person_id: int, key: str, value: Any) -> None:
    person = session.get(Person, person_id)
    if person is not None:
        # A new dict: JSON columns notice reassignment, not in-place mutation.
        person.preferences = {**(person.preferences or {}), key: value}
        session.add(person)


def planned_reminders(
    *, session: Session, directive_id: int, after: datetime
) -> list[tuple[OutboxMessage, Unit, Deadline]]:
    return list(
        session.exec(
            select(OutboxMessage, Unit, Deadline)
            .join(Assignment, col(Assignment.id) == col(OutboxMessage.assignment_id))
            .join(Unit, col(Unit.id) == col(Assignment.unit_id))
            .join(Deadline, col(Deadline.id) == col(OutboxMessage.deadline_id))
            .where(
                col(OutboxMessage.directive_id) == directive_id,
                col(OutboxMessage.status) == "pending",
                col(OutboxMessage.kind).in_(REMINDER_KINDS),
                col(OutboxMessage.due_at) > after,
            )
            .order_by(col(OutboxMessage.due_at), col(Unit.code))
        ).all()
    )


def delivered_offsets(*, session: Session, deadline_id: int, assignment_ids: list[int]) -> dict[int, set[str]]:
    """Per assignment, the dedupe keys of this deadline's planned reminders that were delivered
    (status sent: failed, cancelled and still pending ones never reached anybody)."""
    found: dict[int, set[str]] = {}
    for start in range(0, len(assignment_ids), 500):
        rows = session.exec(
            select(col(OutboxMessage.assignment_id), col(OutboxMessage.dedupe_key)).where(
                col(OutboxMessage.deadline_id) == deadline_id,
                col(OutboxMessage.assignment_id).in_(assignment_ids[start : start + 500]),
                col(OutboxMessage.kind).in_(REMINDER_KINDS),
                col(OutboxMessage.status) == "sent",
            )
        ).all()
        for assignment_id, key in rows:
            if assignment_id is not None:
                found.setdefault(assignment_id, set()).add(key)
    return found


def next_periods(*, session: Session, deadline_ids: Iterable[int], now: datetime) -> dict[int, datetime]:
    """The next period (due at or after ``now``) of each of these recurring deadlines, by id."""
    ids = list(deadline_ids)
    if not ids:
        return {}
    rows = session.exec(
        select(col(ReportRequest.deadline_id), func.min(ReportRequest.due_at))
        .where(
            col(ReportRequest.deadline_id).in_(ids),
            col(ReportRequest.status) != "cancelled",
            col(ReportRequest.due_at) >= now,
        )
        .group_by(col(ReportRequest.deadline_id))
    ).all()
    return {deadline_id: due for deadline_id, due in rows if due is not None}


def period_requests(
    *, session: Session, deadline_id: int, around: datetime, scope_paths: list[str]
) -> tuple[list[tuple[ReportRequest, Unit]], list[tuple[ReportRequest, Unit]]]:
    """The requests of a recurring report's last period due before ``around`` and of its next
    one (due at or after it), each with its unit, for the units under ``scope_paths``."""
    if not scope_paths:
        return [], []
    live = select(col(Assignment.id)).where(col(Assignment.status) != "cancelled")
    of_deadline = (
        col(ReportRequest.deadline_id) == deadline_id,
        col(ReportRequest.status) != "cancelled",
        col(ReportRequest.assignment_id).in_(live),
    )
    last = session.exec(
        select(func.max(ReportRequest.due_at)).where(*of_deadline, col(ReportRequest.due_at) < around)
    ).one()
    upcoming = session.exec(
        select(func.min(ReportRequest.due_at)).where(*of_deadline, col(ReportRequest.due_at) >= around)
    ).one()

    def of(due: datetime | None) -> list[tuple[ReportRequest, Unit]]:
        if due is None:
            return []
        return list(
            session.exec(
                select(ReportRequest, Unit)
                .join(Assignment, col(Assignment.id) == col(ReportRequest.assignment_id))
                .join(Unit, col(Unit.id) == col(Assignment.unit_id))
                .where(
                    *of_deadline,
                    col(ReportRequest.due_at) == due,
                    or_(*[col(Unit.path).startswith(p, autoescape=True) for p in scope_paths]),
                )
                .order_by(col(Unit.code))
            ).all()
        )

    return of(last), of(upcoming)

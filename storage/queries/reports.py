"""Reports and the assignments they answer."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Table, and_, bindparam, true
from sqlalchemy import select as core_select
from sqlalchemy.orm import aliased, defer
from sqlmodel import Session, col, func, select

from storage.tables import Assignment, Deadline, Directive, Report, ReportRequest, Unit

#: Assignments a cell can still report on (a reported one can be amended).
REPORTABLE_STATUSES = ("assigned", "acknowledged", "reported")


def get_assignment_row(*, session: Session, assignment_id: int) -> tuple[Assignment, Directive, Unit] | None:
    row = session.exec(
        select(Assignment, Directive, Unit)
        .join(Directive, col(Directive.id) == col(Assignment.directive_id))
        .join(Unit, col(Unit.id) == col(Assignment.unit_id))
        .where(col(Assignment.id) == assignment_id)
    ).first()
    return tuple(row) if row is not None else None  # type: ignore[return-value]


# Built once: a report flow reads its assignment at every answer (storage/queries/conversation.py).
_ASSIGNMENT_WITH_DEADLINES = (
    select(Assignment, Directive, Unit, Deadline)
    .join(Directive, col(Directive.id) == col(Assignment.directive_id))
    .join(Unit, col(Unit.id) == col(Assignment.unit_id))
    .outerjoin(Deadline, and_(col(Deadline.directive_id) == col(Directive.id), col(Deadline.active) == true()))
    .where(col(Assignment.id) == bindparam("assignment_id"))
    .order_by(col(Deadline.position), col(Deadline.id))
    # The document's text is not read at every answer (loaded if something asks for it).
    .options(defer(Directive.full_text))  # type: ignore[arg-type]
)


def get_assignment_with_deadlines(
    *, session: Session, assignment_id: int
) -> tuple[Assignment, Directive, Unit, list[Deadline]] | None:
    """``get_assignment_row`` and the directive's active deadlines in one statement (a report
    flow reads its assignment at every answer)."""
    rows = session.execute(_ASSIGNMENT_WITH_DEADLINES, {"assignment_id": assignment_id}).all()
    if not rows:
        return None
    assignment, directive, unit, _ = rows[0]
    return assignment, directive, unit, [row[3] for row in rows if row[3] is not None]


def open_assignment_rows(*, session: Session, unit_ids: list[int]) -> list[tuple[Assignment, Directive, Unit]]:
    """Assignments of these units on published directives that still take a report."""
    if not unit_ids:
        return []
    rows = session.exec(
        select(Assignment, Directive, Unit)
        .join(Directive, col(Directive.id) == col(Assignment.directive_id))
        .join(Unit, col(Unit.id) == col(Assignment.unit_id))
        .where(
            col(Assignment.unit_id).in_(unit_ids),
            col(Assignment.status).in_(REPORTABLE_STATUSES),
            col(Directive.status) == "published",
        )
        .order_by(col(Assignment.id))
    ).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def closed_assignment_rows(*, session: Session, unit_ids: list[int]) -> list[tuple[Assignment, Directive, Unit]]:
    """Live assignments of these units on closed directives (to say "closed", not "not found")."""
    if not unit_ids:
        return []
    rows = session.exec(
        select(Assignment, Directive, Unit)
        .join(Directive, col(Directive.id) == col(Assignment.directive_id))
        .join(Unit, col(Unit.id) == col(Assignment.unit_id))
        .where(
            col(Assignment.unit_id).in_(unit_ids),
            col(Assignment.status) != "cancelled",
            col(Directive.status) == "closed",
        )
        .order_by(col(Assignment.id))
    ).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def active_deadlines(*, session: Session, directive_ids: list[int]) -> list[Deadline]:
    if not directive_ids:
        return []
    return list(
        session.exec(
            select(Deadline)
            .where(col(Deadline.directive_id).in_(directive_ids), col(Deadline.active) == true())
            .order_by(col(Deadline.directive_id), col(Deadline.position), col(Deadline.id))
        ).all()
    )


def get_deadline(*, session: Session, deadline_id: int) -> Deadline | None:
    return session.get(Deadline, deadline_id)


_reports: Table = Report.__table__  # type: ignore[attr-defined]
_assignments: Table = Assignment.__table__  # type: ignore[attr-defined]
# Confirming a report runs these once each; built once (see _ASSIGNMENT_WITH_DEADLINES).
_LOCK_ASSIGNMENT = (
    core_select(_assignments.c.id).where(_assignments.c.id == bindparam("assignment_id")).with_for_update()
)
_NEXT_VERSION = core_select(func.max(_reports.c.version)).where(
    _reports.c.assignment_id == bindparam("assignment_id"), _reports.c.answers_for == bindparam("answers_for")
)
_SUPERSEDE = (
    _reports.update()
    .where(
        # Not named after columns: an UPDATE keeps those names for the values it sets.
        _reports.c.assignment_id == bindparam("of_assignment"),
        _reports.c.answers_for == bindparam("of_answers_for"),
        _reports.c.is_latest == true(),
    )
    .values(is_latest=False)
)


def lock_assignment(*, session: Session, assignment_id: int) -> None:
    """Serialize reports on one assignment: two devices confirming at once get versions 1 and 2
    instead of a unique-key error (PostgreSQL row lock; SQLite has a single writer anyway)."""
    session.connection().execute(_LOCK_ASSIGNMENT, {"assignment_id": assignment_id}).first()


def next_version(*, session: Session, assignment_id: int, answers_for: str) -> int:
    current = (
        session.connection()
        .execute(_NEXT_VERSION, {"assignment_id": assignment_id, "answers_for": answers_for})
        .scalar_one()
    )
    return (current or 0) + 1


def first_report(*, session: Session, assignment_id: int, answers_for: str) -> Report | None:
    """Version 1 of the cell's report for this deadline: its time decides on-time or late."""
    return session.exec(
        select(Report)
        .where(col(Report.assignment_id) == assignment_id, col(Report.answers_for) == answers_for)
        .order_by(col(Report.version))
        .limit(1)
    ).first()


def first_submitted_at(*, session: Session, report_ids: list[int]) -> dict[int, datetime]:
    """For each given report, when version 1 of the same cell's report for the same deadline came."""
    if not report_ids:
        return {}
    first = aliased(Report)
    rows = session.exec(
        select(col(Report.id), func.min(col(first.submitted_at)))
        .join(
            first,
            (col(first.assignment_id) == col(Report.assignment_id))
            & (col(first.answers_for) == col(Report.answers_for)),
        )
        .where(col(Report.id).in_(report_ids))
        .group_by(col(Report.id))
    ).all()
    return {rid: when for rid, when in rows}


def supersede_latest(*, session: Session, assignment_id: int, answers_for: str) -> None:
    """The previous latest report stays as history; only the new one is the latest. (A Core
    statement: a Report of this cell loaded in the session keeps its old ``is_latest``.)"""
    session.connection().execute(_SUPERSEDE, {"of_assignment": assignment_id, "of_answers_for": answers_for})


def add_report(*, session: Session, report: Report) -> Report:
    session.add(report)
    session.flush()
    return report


def reports_of_assignment(*, session: Session, assignment_id: int) -> list[Report]:
    return list(
        session.exec(
            select(Report)
            .where(col(Report.assignment_id) == assignment_id)
            .order_by(col(Report.answers_for), col(Report.version))
        ).all()
    )


def set_assignment_reported(*, session: Session, assignment: Assignment, when, person_id: int | None) -> None:  # noqa: ANN001
    """Mark the cell reported; a report implies receipt (storage/queries/acknowledged.py), so an
    empty acknowledged_at takes the moment of the first report, by the cell's own reporter
    (``person_id`` None for staff reporting on the cell's behalf)."""
    assignment.status = "reported"
    assignment.completed_at = when
    if assignment.acknowledged_at is None:
        assignment.acknowledged_at = when
        assignment.acknowledged_by_person_id = person_id
    session.add(assignment)


def set_assignment_acknowledged(*, session: Session, assignment: Assignment, when, person_id: int | None) -> None:  # noqa: ANN001
    """A report for one period of a recurring report implies receipt, but leaves the one-off
    report deadline open: the assignment is acknowledged, not reported."""
    if assignment.status == "assigned":
        assignment.status = "acknowledged"
    if assignment.acknowledged_at is None:
        assignment.acknowledged_at = when
        assignment.acknowledged_by_person_id = person_id
    session.add(assignment)


def cancel_requests(*, session: Session, request_ids: list[int]) -> int:
    """Cancel these open periods of a recurring report (its rule changed)."""
    if not request_ids:
        return 0
    rows = session.exec(
        select(ReportRequest).where(col(ReportRequest.id).in_(request_ids), col(ReportRequest.status) == "open")
    ).all()
    for row in rows:
        row.status = "cancelled"
        session.add(row)
    session.flush()
    return len(rows)

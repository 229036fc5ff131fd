"""Reading and writing directives, their deadlines and their assignments to units."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, or_, true
from sqlmodel import Session, col, select

from storage.tables import Assignment, AuditEntry, Deadline, Directive, Person, Unit


def add_directive(*, session: Session, directive: Directive) -> Directive:
    session.add(directive)
    session.flush()
    return directive


def get_directive(*, session: Session, directive_id: int) -> Directive | None:
    return session.get(Directive, directive_id)


def save(*, session: Session, row: object) -> None:
    session.add(row)
    session.flush()


def add_deadline(*, session: Session, deadline: Deadline) -> Deadline:
    session.add(deadline)
    session.flush()
    return deadline


def get_deadline(*, session: Session, deadline_id: int) -> Deadline | None:
    return session.get(Deadline, deadline_id)


def active_deadlines(*, session: Session, directive_id: int) -> list[Deadline]:
    return list(
        session.exec(
            select(Deadline)
            .where(col(Deadline.directive_id) == directive_id, col(Deadline.active) == true())
            .order_by(col(Deadline.position), col(Deadline.id))
        )
    )


def get_assignment(*, session: Session, assignment_id: int) -> Assignment | None:
    return session.get(Assignment, assignment_id)


def find_assignment(*, session: Session, directive_id: int, unit_id: int) -> Assignment | None:
    return session.exec(
        select(Assignment).where(col(Assignment.directive_id) == directive_id, col(Assignment.unit_id) == unit_id)
    ).first()


def add_assignment(*, session: Session, directive_id: int, unit_id: int, now: datetime) -> Assignment:
    assignment = Assignment(directive_id=directive_id, unit_id=unit_id, status="assigned", assigned_at=now)
    session.add(assignment)
    session.flush()
    return assignment


def assignments_with_units(
    *, session: Session, directive_id: int, include_cancelled: bool = False
) -> list[tuple[Assignment, Unit]]:
    query = (
        select(Assignment, Unit)
        .join(Unit, col(Unit.id) == col(Assignment.unit_id))
        .where(col(Assignment.directive_id) == directive_id)
        .order_by(col(Unit.code))
    )
    if not include_cancelled:
        query = query.where(col(Assignment.status) != "cancelled")
    return list(session.exec(query).all())


def directives_issued_under(*, session: Session, unit_paths: Iterable[str]) -> list[Directive]:
    """Published or closed directives issued by these units or any unit below them, newest first."""
    paths = list(unit_paths)
    if not paths:
        return []
    conditions = [col(Unit.path).startswith(p, autoescape=True) for p in paths]
    return list(
        session.exec(
            select(Directive)
            .join(Unit, col(Unit.id) == col(Directive.unit_id))
            .where(or_(*conditions), col(Directive.status) != "draft")
            .order_by(col(Directive.published_at).desc(), col(Directive.id).desc())
        ).all()
    )


def directives_of_unit(*, session: Session, unit_id: int) -> list[Directive]:
    """Every directive registered by this unit, oldest first."""
    return list(
        session.exec(select(Directive).where(col(Directive.unit_id) == unit_id).order_by(col(Directive.id))).all()
    )


def directives_assigned_to(*, session: Session, unit_ids: Iterable[int]) -> list[tuple[Directive, Assignment]]:
    """Directives with a live (not cancelled) assignment to one of these units, newest first."""
    ids = list(unit_ids)
    if not ids:
        return []
    return list(
        session.exec(
            select(Directive, Assignment)
            .join(Assignment, col(Assignment.directive_id) == col(Directive.id))
            .where(
                col(Assignment.unit_id).in_(ids),
                col(Assignment.status) != "cancelled",
                col(Directive.status) != "draft",
            )
            .order_by(col(Directive.published_at).desc(), col(Directive.id).desc())
        ).all()
    )


def count_audit(*, session: Session, directive_id: int, action: str) -> int:
    return session.exec(
        select(func.count())
        .select_from(AuditEntry)
        .where(col(AuditEntry.directive_id) == directive_id, col(AuditEntry.action) == action)
    ).one()


def person_name(*, session: Session, person_id: int | None) -> str:
    if person_id is None:
        return ""
    person = session.get(Person, person_id)
    return person.full_name if person is not None else ""

"""Look-ups `chibot demo` needs to stay idempotent."""

from __future__ import annotations

from sqlmodel import Session, col, delete, select

from storage.tables import Invite, Membership, Person, Unit


def unit_by_code(*, session: Session, code: str) -> Unit:
    return session.exec(select(Unit).where(col(Unit.code) == code)).one()


def person_registered(*, session: Session, unit_id: int, role: str, full_name: str) -> bool:
    return (
        session.exec(
            select(col(Membership.id))
            .join(Person, col(Person.id) == col(Membership.person_id))
            .where(col(Membership.unit_id) == unit_id, col(Membership.role) == role, col(Person.full_name) == full_name)
        ).first()
        is not None
    )


def drop_unused_invites(*, session: Session, unit_id: int, role: str, label: str) -> None:
    session.exec(
        delete(Invite).where(
            col(Invite.unit_id) == unit_id,
            col(Invite.role) == role,
            col(Invite.label) == label,
            col(Invite.used_at).is_(None),
        )
    )

"""Look-ups `chibot demo` needs to stay idempotent."""

from __future__ import annotations

from sqlmodel import Session, delete, select

from storage.tables import Invite, Membership, Person, Unit


def unit_by_code(*, session: Session, code: str) -> Unit:
    return session.exec(select(Unit).where(Unit.code == code)).one()


def person_registered(*, session: Session, unit_id: int, role: str, full_name: str) -> bool:
    return (
        session.exec(
            select(Membership.id)
            .join(Person, Person.id == Membership.person_id)
            .where(Membership.unit_id == unit_id, Membership.role == role, Person.full_name == full_name)
        ).first()
        is not None
    )


def drop_unused_invites(*, session: Session, unit_id: int, role: str, label: str) -> None:
    session.exec(
        delete(Invite).where(
            Invite.unit_id == unit_id, Invite.role == role, Invite.label == label, Invite.used_at.is_(None)
        )
    )

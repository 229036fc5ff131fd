"""Who holds a role in a set of units, on which chat accounts, and the invites still waiting
to be used there: what the administrators' "Units and people" page lists."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import true
from sqlmodel import Session, col, select

from storage.tables import ChatAccount, Invite, Membership, Person


def members_of_units(*, session: Session, unit_ids: list[int]) -> list[tuple[Membership, Person]]:
    """Every active role in these units and its person, by unit, role and name."""
    if not unit_ids:
        return []
    rows = session.exec(
        select(Membership, Person)
        .join(Person, col(Person.id) == col(Membership.person_id))
        .where(col(Membership.unit_id).in_(unit_ids), col(Membership.active) == true())
        .order_by(col(Membership.unit_id), col(Membership.role), col(Person.full_name), col(Person.id))
    ).all()
    return list(rows)


def accounts_of_people(*, session: Session, person_ids: list[int]) -> list[ChatAccount]:
    """Every chat account of these people, by person and channel."""
    if not person_ids:
        return []
    return list(
        session.exec(
            select(ChatAccount)
            .where(col(ChatAccount.person_id).in_(person_ids))
            .order_by(col(ChatAccount.person_id), col(ChatAccount.channel), col(ChatAccount.id))
        ).all()
    )


def open_invites(*, session: Session, unit_ids: list[int], now: datetime) -> list[Invite]:
    """Invites of these units not used yet and not expired, oldest first."""
    if not unit_ids:
        return []
    return list(
        session.exec(
            select(Invite)
            .where(
                col(Invite.unit_id).in_(unit_ids),
                col(Invite.used_at).is_(None),
                col(Invite.expires_at) > now,
            )
            .order_by(col(Invite.unit_id), col(Invite.created_at), col(Invite.id))
        ).all()
    )

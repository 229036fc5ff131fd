"""Invites, and the person and membership that redeeming one writes.

Chat accounts are read and created through storage.queries.accounts.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col, select

from storage.tables import Invite, Membership, Person


def add_invite(
    *,
    session: Session,
    code_hash: str,
    unit_id: int,
    role: str,
    created_at: datetime,
    expires_at: datetime,
    label: str | None = None,
    created_by_person_id: int | None = None,
) -> Invite:
    invite = Invite(
        code_hash=code_hash,
        unit_id=unit_id,
        role=role,
        label=label,
        created_by_person_id=created_by_person_id,
        created_at=created_at,
        expires_at=expires_at,
    )
    session.add(invite)
    session.flush()
    return invite


def get_invite_by_hash(*, session: Session, code_hash: str) -> Invite | None:
    return session.exec(select(Invite).where(col(Invite.code_hash) == code_hash)).first()


def claim_invite(*, session: Session, invite_id: int, now: datetime) -> bool:
    """Mark an unused, unexpired invite used; False if someone else got there first.

    One conditional UPDATE, so two redemptions racing for the same code cannot both win: the
    database serialises them on the row (PostgreSQL) or the file (SQLite), and the second sees
    ``used_at`` already set and changes nothing.
    """
    result = session.exec(
        update(Invite)
        .where(col(Invite.id) == invite_id, col(Invite.used_at).is_(None), col(Invite.expires_at) > now)
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def set_invite_account(*, session: Session, invite_id: int, account_id: int) -> None:
    session.execute(
        update(Invite)
        .where(col(Invite.id) == invite_id)
        .values(used_by_account_id=account_id)
        .execution_options(synchronize_session=False)
    )


def add_person(*, session: Session, full_name: str, created_at: datetime) -> Person:
    person = Person(full_name=full_name, created_at=created_at)
    session.add(person)
    session.flush()
    return person


def get_membership(*, session: Session, person_id: int, unit_id: int, role: str) -> Membership | None:
    return session.exec(
        select(Membership).where(
            col(Membership.person_id) == person_id,
            col(Membership.unit_id) == unit_id,
            col(Membership.role) == role,
        )
    ).first()


def add_membership(*, session: Session, person_id: int, unit_id: int, role: str, created_at: datetime) -> Membership:
    membership = Membership(person_id=person_id, unit_id=unit_id, role=role, active=True, created_at=created_at)
    session.add(membership)
    session.flush()
    return membership

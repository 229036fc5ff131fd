"""One-time link codes that attach a second chat account to a person."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col, select

from storage.tables import LinkCode


def add_link_code(
    *, session: Session, code_hash: str, person_id: int, account_id: int, created_at: datetime, expires_at: datetime
) -> LinkCode:
    row = LinkCode(
        code_hash=code_hash, person_id=person_id, account_id=account_id, created_at=created_at, expires_at=expires_at
    )
    session.add(row)
    session.flush()
    return row


def get_by_hash(*, session: Session, code_hash: str) -> LinkCode | None:
    return session.exec(select(LinkCode).where(LinkCode.code_hash == code_hash)).first()


def claim(*, session: Session, link_id: int, now: datetime) -> bool:
    """Mark an unused, unexpired code used; False when another redemption got there first."""
    result = session.exec(
        update(LinkCode)
        .where(col(LinkCode.id) == link_id, col(LinkCode.used_at).is_(None), col(LinkCode.expires_at) > now)
        .values(used_at=now)
    )
    return (result.rowcount or 0) == 1


def set_used_by(*, session: Session, link_id: int, account_id: int) -> None:
    row = session.get(LinkCode, link_id)
    if row is not None:
        row.used_by_account_id = account_id
        session.add(row)


def drop_unused_of(*, session: Session, person_id: int, now: datetime) -> None:
    """A new /link code replaces the person's earlier unused ones (one live code at a time)."""
    session.exec(
        update(LinkCode)
        .where(col(LinkCode.person_id) == person_id, col(LinkCode.used_at).is_(None), col(LinkCode.expires_at) > now)
        .values(expires_at=now)
    )

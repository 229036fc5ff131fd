"""Login links and sessions of the staff dashboard."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col, select

from storage.tables import WebLogin, WebSession


def add_login(
    *, session: Session, token_hash: str, person_id: int, origin: str, created_at: datetime, expires_at: datetime
) -> WebLogin:
    row = WebLogin(
        token_hash=token_hash, person_id=person_id, origin=origin, created_at=created_at, expires_at=expires_at
    )
    session.add(row)
    session.flush()
    return row


def login_by_hash(*, session: Session, token_hash: str) -> WebLogin | None:
    return session.exec(select(WebLogin).where(col(WebLogin.token_hash) == token_hash)).first()


def claim_login(*, session: Session, login_id: int, now: datetime) -> bool:
    """Mark an unused, unexpired link used; False when another request used it first."""
    result = session.exec(
        update(WebLogin)
        .where(col(WebLogin.id) == login_id, col(WebLogin.used_at).is_(None), col(WebLogin.expires_at) > now)
        .values(used_at=now)
    )
    return (result.rowcount or 0) == 1


def add_session(
    *,
    session: Session,
    token_hash: str,
    person_id: int,
    login_id: int | None,
    created_at: datetime,
    expires_at: datetime,
) -> WebSession:
    row = WebSession(
        token_hash=token_hash, person_id=person_id, login_id=login_id, created_at=created_at, expires_at=expires_at
    )
    session.add(row)
    session.flush()
    return row


def session_by_hash(*, session: Session, token_hash: str) -> WebSession | None:
    return session.exec(select(WebSession).where(col(WebSession.token_hash) == token_hash)).first()


def end_session(*, session: Session, session_id: int, now: datetime) -> None:
    session.exec(
        update(WebSession)
        .where(col(WebSession.id) == session_id, col(WebSession.ended_at).is_(None))
        .values(ended_at=now)
    )

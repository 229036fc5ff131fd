"""The processes sharing one bot token's send rate: register, stay seen, count, leave."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, update
from sqlmodel import Session, col, select

from storage.tables import SendShareMember


def seen(*, session: Session, budget_key: str, worker: str, now: datetime) -> bool:
    """Mark ``worker`` alive now; True when it was not registered yet (it joins)."""
    result = session.exec(
        update(SendShareMember)
        .where(col(SendShareMember.budget_key) == budget_key, col(SendShareMember.worker) == worker)
        .values(seen_at=now)
    )
    if (result.rowcount or 0) == 1:
        return False
    session.add(SendShareMember(budget_key=budget_key, worker=worker, joined_at=now, seen_at=now))
    session.flush()
    return True


def live(*, session: Session, budget_key: str, now: datetime, ttl: timedelta) -> int:
    """How many processes share the token now (those seen within ``ttl``); forgets the others."""
    session.exec(
        delete(SendShareMember).where(
            col(SendShareMember.budget_key) == budget_key, col(SendShareMember.seen_at) < now - ttl
        )
    )
    return int(
        session.exec(
            select(func.count()).select_from(SendShareMember).where(col(SendShareMember.budget_key) == budget_key)
        ).one()
    )


def leave(*, session: Session, budget_key: str, worker: str) -> None:
    session.exec(
        delete(SendShareMember).where(
            col(SendShareMember.budget_key) == budget_key, col(SendShareMember.worker) == worker
        )
    )

"""Broadcasts: the row, its outbox messages (written in bulk), and its delivery figures."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, or_, update
from sqlmodel import Session, col, select

from storage.queries.acknowledged import REPORTED, acknowledged_clause
from storage.tables import Assignment, Broadcast, ChatAccount, OutboxMessage, Person, Unit

#: Outbox statuses after which a message will not change any more.
FINAL = ("sent", "failed", "cancelled")


def add_broadcast(*, session: Session, broadcast: Broadcast) -> Broadcast:
    session.add(broadcast)
    session.flush()
    return broadcast


def get_broadcast(*, session: Session, broadcast_id: int) -> Broadcast | None:
    return session.get(Broadcast, broadcast_id)


def insert_messages(*, session: Session, rows: list[dict[str, Any]]) -> int:
    """One statement for all the broadcast's messages (3,000 secretaries: one round trip).
    The broadcast is new, so its dedupe keys cannot exist yet."""
    if rows:
        session.execute(insert(OutboxMessage), rows)
    return len(rows)


def unit_ids_of_assignments(
    *,
    session: Session,
    directive_id: int,
    scope_paths: list[str],
    not_reported: bool = False,
    not_acknowledged: bool = False,
) -> list[int]:
    """Units assigned the directive (in scope), optionally only those not reported / not acknowledged."""
    query = (
        select(col(Assignment.unit_id))
        .join(Unit, col(Unit.id) == col(Assignment.unit_id))
        .where(
            col(Assignment.directive_id) == directive_id,
            col(Assignment.status) != "cancelled",
            or_(*[col(Unit.path).startswith(p, autoescape=True) for p in scope_paths]),
        )
    )
    if not_reported or not_acknowledged:
        query = query.where(col(Assignment.status).not_in(REPORTED))
    if not_acknowledged:
        query = query.where(~acknowledged_clause())
    return list(session.exec(query.order_by(col(Unit.code))).all())


def status_counts(*, session: Session, broadcast_id: int) -> dict[str, int]:
    rows = session.exec(
        select(col(OutboxMessage.status), func.count())
        .where(col(OutboxMessage.broadcast_id) == broadcast_id)
        .group_by(col(OutboxMessage.status))
    ).all()
    return {status: n for status, n in rows}


def has_unfinished(*, session: Session, broadcast_id: int) -> bool:
    """Whether a message of the broadcast is still to go (one index seek: broadcast, status)."""
    found = session.exec(
        select(col(OutboxMessage.id))
        .where(col(OutboxMessage.broadcast_id) == broadcast_id, col(OutboxMessage.status).in_(("pending", "sending")))
        .limit(1)
    ).first()
    return found is not None


def failures(*, session: Session, broadcast_id: int) -> list[tuple[str, str]]:
    """(person name, last error) of every message of the broadcast that was not delivered."""
    rows = session.exec(
        select(col(Person.full_name), col(OutboxMessage.last_error))
        .join(ChatAccount, col(ChatAccount.id) == col(OutboxMessage.account_id))
        .join(Person, col(Person.id) == col(ChatAccount.person_id))
        .where(col(OutboxMessage.broadcast_id) == broadcast_id, col(OutboxMessage.status) == "failed")
        .order_by(col(Person.full_name))
    ).all()
    return [(name, error or "") for name, error in rows]


def sent_by_channel(*, session: Session, broadcast_id: int) -> dict[str, int]:
    """How many of the broadcast's messages each channel carried (the account a message was
    finally sent to: after a fallback, the other channel)."""
    rows = session.exec(
        select(ChatAccount.channel, func.count())
        .join(OutboxMessage, col(OutboxMessage.account_id) == col(ChatAccount.id))
        .where(OutboxMessage.broadcast_id == broadcast_id, OutboxMessage.status == "sent")
        .group_by(ChatAccount.channel)
    ).all()
    return {channel: n for channel, n in rows}


def finish(*, session: Session, broadcast_id: int, now: datetime) -> bool:
    """Mark the broadcast done; True only for the one caller that did it (several dispatchers
    may see the last message go out, only one sends the delivery report)."""
    result = session.exec(
        update(Broadcast)
        .where(col(Broadcast.id) == broadcast_id, col(Broadcast.status) == "sending")
        .values(status="done", finished_at=now)
    )
    return (result.rowcount or 0) == 1


def set_progress_message(*, session: Session, broadcast_id: int, message_id: str) -> None:
    session.exec(update(Broadcast).where(col(Broadcast.id) == broadcast_id).values(progress_message_id=message_id))


def account(*, session: Session, account_id: int) -> ChatAccount | None:
    return session.get(ChatAccount, account_id)


def messages_of(*, session: Session, broadcast_id: int) -> list[OutboxMessage]:
    return list(
        session.exec(
            select(OutboxMessage).where(col(OutboxMessage.broadcast_id) == broadcast_id).order_by(col(OutboxMessage.id))
        ).all()
    )

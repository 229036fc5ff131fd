"""The outbox: insert once per dedupe key, claim due rows atomically, record the outcome."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from storage.tables import Assignment, ChatAccount, OutboxMessage


def insert_message(
    *,
    session: Session,
    account_id: int,
    kind: str,
    payload: dict[str, Any],
    due_at: datetime,
    dedupe_key: str,
    directive_id: int | None = None,
    assignment_id: int | None = None,
) -> bool:
    exists = session.exec(select(col(OutboxMessage.id)).where(col(OutboxMessage.dedupe_key) == dedupe_key)).first()
    if exists is not None:
        return False
    try:
        with session.begin_nested():
            session.add(
                OutboxMessage(
                    account_id=account_id,
                    kind=kind,
                    payload=payload,
                    due_at=due_at,
                    dedupe_key=dedupe_key,
                    directive_id=directive_id,
                    assignment_id=assignment_id,
                )
            )
            session.flush()
    except IntegrityError:
        return False
    return True


def claim_due(
    *,
    session: Session,
    now: datetime,
    worker: str,
    limit: int = 50,
    stale_after: timedelta = timedelta(minutes=10),
    channels: Collection[str] | None = None,
) -> list[tuple[OutboxMessage, ChatAccount]]:
    """Mark up to ``limit`` due messages as being sent by ``worker`` and return them.

    With ``channels``, only messages to chats on those channels: a process that runs only
    some channels leaves the others' messages to the process that runs them.

    On PostgreSQL the rows are locked with FOR UPDATE SKIP LOCKED, so several bot processes can
    claim concurrently and each row goes to exactly one of them. SQLite has a single writer, so
    the conditional UPDATE below is enough there. A row left "sending" by a process that died
    is claimed again after ``stale_after``.
    """
    stale = now - stale_after
    query = (
        select(col(OutboxMessage.id))
        .where(
            ((col(OutboxMessage.status) == "pending") & (col(OutboxMessage.due_at) <= now))
            | ((col(OutboxMessage.status) == "sending") & (col(OutboxMessage.claimed_at) < stale))
        )
        .order_by(col(OutboxMessage.due_at), col(OutboxMessage.id))
        .limit(limit)
    )
    if channels is not None:
        query = _on_channels(query, channels)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True, of=OutboxMessage)
    ids = list(session.exec(query).all())
    if not ids:
        return []
    claimed = session.exec(
        update(OutboxMessage)
        .where(col(OutboxMessage.id).in_(ids))
        .where(
            (col(OutboxMessage.status) == "pending")
            | ((col(OutboxMessage.status) == "sending") & (col(OutboxMessage.claimed_at) < stale))
        )
        .values(status="sending", claimed_by=worker, claimed_at=now)
        .returning(col(OutboxMessage.id))
    ).all()
    claimed_ids = [row[0] for row in claimed]
    if not claimed_ids:
        return []
    rows = session.exec(
        select(OutboxMessage, ChatAccount)
        .join(ChatAccount, col(ChatAccount.id) == col(OutboxMessage.account_id))
        .where(col(OutboxMessage.id).in_(claimed_ids))
        .order_by(col(OutboxMessage.due_at), col(OutboxMessage.id))
    ).all()
    return list(rows)


def mark_sent(
    *,
    session: Session,
    message_id: int,
    worker: str,
    now: datetime,
    channel_message_id: str | None,
    sent_text: str | None = None,
) -> None:
    """Mark a row sent. ``sent_text``, when it differs from the queued text (a reminder worded
    for the moment it went, or merged with others), is kept as what the person really read."""
    msg = session.get(OutboxMessage, message_id)
    if msg is None or msg.claimed_by != worker:
        return
    if sent_text is not None and sent_text != msg.payload.get("text"):
        msg.payload = {**msg.payload, "sent_text": sent_text}
    msg.status = "sent"
    msg.sent_at = now
    msg.sent_late = now - msg.due_at > timedelta(minutes=30)
    msg.attempts += 1
    msg.channel_message_id = channel_message_id
    session.add(msg)


def mark_retry(*, session: Session, message_id: int, worker: str, due_at: datetime, reason: str) -> None:
    msg = session.get(OutboxMessage, message_id)
    if msg is None or msg.claimed_by != worker:
        return
    msg.status = "pending"
    msg.due_at = due_at
    msg.attempts += 1
    msg.last_error = reason[:1000]
    msg.claimed_by = None
    msg.claimed_at = None
    session.add(msg)


def reroute(*, session: Session, message_id: int, worker: str, account_id: int, now: datetime, reason: str) -> bool:
    """Give a claimed message to another account of the same person, due now (the fallback
    when the chat it was for is unreachable). Counts as an attempt, so it cannot loop."""
    msg = session.get(OutboxMessage, message_id)
    if msg is None or msg.claimed_by != worker:
        return False
    msg.account_id = account_id
    msg.status = "pending"
    msg.due_at = now
    msg.attempts += 1
    msg.last_error = reason[:1000]
    msg.claimed_by = None
    msg.claimed_at = None
    session.add(msg)
    return True


def mark_failed(*, session: Session, message_id: int, worker: str, reason: str) -> None:
    msg = session.get(OutboxMessage, message_id)
    if msg is None or msg.claimed_by != worker:
        return
    msg.status = "failed"
    msg.attempts += 1
    msg.last_error = reason[:1000]
    session.add(msg)


def next_due_at(*, session: Session, channels: Collection[str] | None = None) -> datetime | None:
    query = select(col(OutboxMessage.due_at)).where(col(OutboxMessage.status) == "pending")
    if channels is not None:
        query = _on_channels(query, channels)
    return session.exec(query.order_by(col(OutboxMessage.due_at)).limit(1)).first()


def _on_channels(query, channels: Collection[str]):  # noqa: ANN001, ANN202
    return query.join(ChatAccount, col(ChatAccount.id) == col(OutboxMessage.account_id)).where(
        col(ChatAccount.channel).in_(list(channels))
    )


def cancel_pending(
    *, session: Session, assignment_id: int | None = None, directive_id: int | None = None, kinds: tuple[str, ...] = ()
) -> int:
    query = update(OutboxMessage).where(col(OutboxMessage.status) == "pending")
    if assignment_id is not None:
        query = query.where(col(OutboxMessage.assignment_id) == assignment_id)
    if directive_id is not None:
        query = query.where(col(OutboxMessage.directive_id) == directive_id)
    if kinds:
        query = query.where(col(OutboxMessage.kind).in_(kinds))
    result = session.exec(query.values(status="cancelled"))
    return result.rowcount or 0


def latest_of_kind(*, session: Session, account_id: int, kind: str, directive_id: int) -> OutboxMessage | None:
    """The newest row of this kind about this directive to this account. On PostgreSQL a
    pending row comes locked (FOR UPDATE), so two reports gathering into it take turns and
    a dispatcher that claimed it first wins (the gatherer then sees it is no longer pending)."""
    query = (
        select(OutboxMessage)
        .where(
            col(OutboxMessage.account_id) == account_id,
            col(OutboxMessage.kind) == kind,
            col(OutboxMessage.directive_id) == directive_id,
        )
        .order_by(col(OutboxMessage.id).desc())
        .limit(1)
    )
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(of=OutboxMessage)
    return session.exec(query).first()


def replace_pending_payload(*, session: Session, message_id: int, payload: dict[str, Any]) -> bool:
    """Rewrite a row's message while nobody has claimed it; False once a dispatcher has."""
    result = session.exec(
        update(OutboxMessage)
        .where(col(OutboxMessage.id) == message_id, col(OutboxMessage.status) == "pending")
        .values(payload=payload)
    )
    return (result.rowcount or 0) == 1


def count_assignments(*, session: Session, directive_id: int, statuses: Collection[str]) -> int:
    return int(
        session.exec(
            select(func.count())
            .select_from(Assignment)
            .where(col(Assignment.directive_id) == directive_id, col(Assignment.status).in_(list(statuses)))
        ).one()
    )

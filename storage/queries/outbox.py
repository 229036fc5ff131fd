"""The outbox: insert once per dedupe key, claim due rows atomically, record the outcome."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Table, bindparam, func, or_, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, select

from storage.tables import Assignment, ChatAccount, OutboxMessage


def key_queued(*, session: Session, dedupe_key: str) -> bool:
    """Whether a row with this dedupe key exists (``insert_message`` would add nothing)."""
    found = session.exec(select(col(OutboxMessage.id)).where(col(OutboxMessage.dedupe_key) == dedupe_key)).first()
    return found is not None


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
    created_at: datetime | None = None,
) -> bool:
    """Queue one row unless its dedupe key exists. ``created_at``: the app's clock (the
    shell's simulated time); a row queued to go at once is created when it is due."""
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
                    created_at=created_at or due_at,
                )
            )
            session.flush()
    except IntegrityError:
        return False
    return True


#: A claimed row not yet handed to its channel may be taken over this soon by another process
#: (its claimer is slow or gone). Taking it over cannot double it: the claimer records its
#: attempt only while it still holds the claim (``record_attempt``).
UNATTEMPTED_LEASE = timedelta(seconds=30)
#: A row whose HTTP call began this long ago without an outcome is sent again: the only case in
#: which a chat may get a message twice (the call may have reached it before its process died).
IN_FLIGHT_STALE = timedelta(minutes=10)


def _reclaimable(now: datetime, lease: timedelta, stale_after: timedelta, dead_workers: Collection[str]):  # noqa: ANN202
    """Rows a claim may take: due pending rows, rows claimed but not attempted within ``lease``,
    rows in flight for longer than ``stale_after``, and every row of a claimer known dead."""
    status, attempted_at = col(OutboxMessage.status), col(OutboxMessage.attempted_at)
    condition = (
        ((status == "pending") & (col(OutboxMessage.due_at) <= now))
        | ((status == "sending") & attempted_at.is_(None) & (col(OutboxMessage.claimed_at) < now - lease))
        | ((status == "sending") & attempted_at.is_not(None) & (attempted_at < now - stale_after))
    )
    if dead_workers:
        condition = condition | ((status == "sending") & col(OutboxMessage.claimed_by).in_(list(dead_workers)))
    return condition


def claim_due(
    *,
    session: Session,
    now: datetime,
    worker: str,
    limit: int = 50,
    stale_after: timedelta = IN_FLIGHT_STALE,
    lease: timedelta = UNATTEMPTED_LEASE,
    channels: Collection[str] | None = None,
    chats: Mapping[str, Collection[str]] | None = None,
    dead_workers: Collection[str] = (),
) -> list[tuple[OutboxMessage, ChatAccount]]:
    """Mark up to ``limit`` due messages as being sent by ``worker`` and return them.

    With ``channels``, only messages to chats on those channels: a process that runs only
    some channels leaves the others' messages to the process that runs them. ``chats`` adds,
    per channel, the only chats this process serves there (a shell serves the people it plays).

    On PostgreSQL the rows are locked with FOR UPDATE SKIP LOCKED, so several bot processes can
    claim concurrently and each row goes to exactly one of them. SQLite has a single writer, so
    the conditional UPDATE below is enough there. A claimed row is taken again when its claimer
    never attempted it within ``lease``, when its attempt is older than ``stale_after``, or at
    once when its claimer is in ``dead_workers``. The claim clears ``attempted_at``.
    """
    reclaimable = _reclaimable(now, lease, stale_after, dead_workers)
    postgres = session.get_bind().dialect.name == "postgresql"
    if postgres:
        # Right after a broadcast of 10,000 is queued the table's statistics still say it is
        # small; the planner then joined the accounts to the outbox in a nested loop that
        # scanned the status index once per account: 10 s per claim. Without nested loops
        # the plan stays linear whatever the statistics (this transaction only).
        session.exec(text("SET LOCAL enable_nestloop = off"))  # type: ignore[call-overload]
    status, due = col(OutboxMessage.status), col(OutboxMessage.due_at)
    # Due pending rows and claimed rows to take over, asked apart: each condition alone walks
    # the (status, due_at) index in order and stops at ``limit``; their OR cannot.
    found: list[tuple[int, datetime]] = []
    for condition in ((status == "pending") & (due <= now), (status == "sending") & reclaimable):
        query = select(col(OutboxMessage.id), due).where(condition).order_by(due, col(OutboxMessage.id)).limit(limit)
        if channels is not None or chats is not None:
            query = _on_channels(query, channels or (), chats)
        if postgres:
            query = query.with_for_update(skip_locked=True, of=OutboxMessage)
        found.extend((row[0], row[1]) for row in session.exec(query).all())
    ids = [row_id for row_id, _due in sorted(found, key=lambda r: (r[1], r[0]))[:limit]]
    if not ids:
        return []
    claimed = session.exec(
        update(OutboxMessage)
        .where(col(OutboxMessage.id).in_(ids))
        .where(reclaimable)
        .values(status="sending", claimed_by=worker, claimed_at=now, attempted_at=None)
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


def claimers(*, session: Session) -> list[str]:
    """The workers that hold claimed rows now."""
    query = (
        select(col(OutboxMessage.claimed_by))
        .where(col(OutboxMessage.status) == "sending", col(OutboxMessage.claimed_by).is_not(None))
        .distinct()
    )
    return [worker for worker in session.exec(query).all() if worker]


def record_attempt(*, session: Session, message_ids: Collection[int], worker: str, now: datetime) -> bool:
    """Record, before the HTTP call, that ``worker`` hands these claimed rows to their channel.

    All or nothing: True when every row was still claimed by ``worker`` and not attempted yet
    (commit right away, then send); False, with nothing changed, when another process took one
    over (do not send). Counts the attempt."""
    ids = list(message_ids)
    result = session.exec(
        update(OutboxMessage)
        .where(
            col(OutboxMessage.id).in_(ids),
            col(OutboxMessage.status) == "sending",
            col(OutboxMessage.claimed_by) == worker,
            col(OutboxMessage.attempted_at).is_(None),
        )
        .values(attempted_at=now, attempts=col(OutboxMessage.attempts) + 1)
    )
    if (result.rowcount or 0) != len(ids):
        session.rollback()
        return False
    return True


def release(*, session: Session, message_ids: Collection[int], worker: str, due_at: datetime, reason: str) -> int:
    """Give back claimed rows that were never attempted, due at ``due_at``; no attempt counted."""
    result = session.exec(
        update(OutboxMessage)
        .where(
            col(OutboxMessage.id).in_(list(message_ids)),
            col(OutboxMessage.status) == "sending",
            col(OutboxMessage.claimed_by) == worker,
            col(OutboxMessage.attempted_at).is_(None),
        )
        .values(status="pending", due_at=due_at, claimed_by=None, claimed_at=None, last_error=reason[:1000])
    )
    return result.rowcount or 0


def _count_attempt(msg: OutboxMessage) -> None:
    # ``record_attempt`` counted it before the call; an outcome stored without one counts here.
    if msg.attempted_at is None:
        msg.attempts += 1


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
    _count_attempt(msg)
    msg.channel_message_id = channel_message_id
    session.add(msg)


def mark_retry(*, session: Session, message_id: int, worker: str, due_at: datetime, reason: str) -> None:
    msg = session.get(OutboxMessage, message_id)
    if msg is None or msg.claimed_by != worker:
        return
    msg.status = "pending"
    msg.due_at = due_at
    _count_attempt(msg)
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
    _count_attempt(msg)
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
    _count_attempt(msg)
    msg.last_error = reason[:1000]
    session.add(msg)


def next_due_at(
    *,
    session: Session,
    channels: Collection[str] | None = None,
    chats: Mapping[str, Collection[str]] | None = None,
    lease: timedelta = UNATTEMPTED_LEASE,
) -> datetime | None:
    """When the next pending row is due, or a claimed row left unattempted may be taken over."""
    query = select(col(OutboxMessage.due_at)).where(col(OutboxMessage.status) == "pending")
    waiting = select(col(OutboxMessage.claimed_at)).where(
        col(OutboxMessage.status) == "sending",
        col(OutboxMessage.attempted_at).is_(None),
        col(OutboxMessage.claimed_at).is_not(None),
    )
    if channels is not None or chats is not None:
        query = _on_channels(query, channels or (), chats)
        waiting = _on_channels(waiting, channels or (), chats)
    due = session.exec(query.order_by(col(OutboxMessage.due_at)).limit(1)).first()
    claimed = session.exec(waiting.order_by(col(OutboxMessage.claimed_at)).limit(1)).first()
    times = [t for t in (due, claimed + lease if claimed is not None else None) if t is not None]
    return min(times) if times else None


def _on_channels(query, channels: Collection[str], chats: Mapping[str, Collection[str]] | None = None):  # noqa: ANN001, ANN202
    """Only rows to chats on ``channels``, or (``chats``) to the listed chats of a channel."""
    conditions: list[ColumnElement[bool]] = [col(ChatAccount.channel).in_(list(channels))]
    for channel, chat_ids in (chats or {}).items():
        conditions.append((col(ChatAccount.channel) == channel) & col(ChatAccount.chat_id).in_(list(chat_ids)))
    return query.join(ChatAccount, col(ChatAccount.id) == col(OutboxMessage.account_id)).where(or_(*conditions))


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


def pending_pairs(*, session: Session, directive_id: int, kind: str) -> set[tuple[int, int]]:
    """(account id, assignment id) of the messages of this kind about the directive that still
    wait: one query for a whole /remind instead of one per secretary."""
    query = select(col(OutboxMessage.account_id), col(OutboxMessage.assignment_id)).where(
        col(OutboxMessage.directive_id) == directive_id,
        col(OutboxMessage.status) == "pending",
        col(OutboxMessage.kind) == kind,
    )
    return {(account, assignment) for account, assignment in session.exec(query).all() if assignment is not None}


def last_reminders(
    *, session: Session, directive_id: int, assignment_ids: Collection[int]
) -> list[tuple[str, int, datetime]]:
    """(kind, assignment id, when) of the latest reminder about the directive each assignment
    got: "reminder" (planned, when it was sent) and "reminder_now" (staff's /remind, when it
    was sent or, still waiting, when it was queued for)."""
    if not assignment_ids:
        return []
    at = func.max(func.coalesce(col(OutboxMessage.sent_at), col(OutboxMessage.due_at)))
    query = (
        select(col(OutboxMessage.kind), col(OutboxMessage.assignment_id), at)
        .where(
            col(OutboxMessage.directive_id) == directive_id,
            col(OutboxMessage.assignment_id).in_(list(assignment_ids)),
            or_(
                (col(OutboxMessage.kind) == "reminder") & (col(OutboxMessage.status) == "sent"),
                (col(OutboxMessage.kind) == "reminder_now")
                & col(OutboxMessage.status).in_(("pending", "sending", "sent")),
            ),
        )
        .group_by(col(OutboxMessage.kind), col(OutboxMessage.assignment_id))
    )
    return [(kind, assignment, when) for kind, assignment, when in session.exec(query).all() if assignment is not None]


def key_used(*, session: Session, directive_id: int, pattern: str) -> bool:
    """Whether a row about the directive has a dedupe key matching this LIKE pattern (a
    one-time confirm already used); the directive's index narrows the rows read."""
    query = select(col(OutboxMessage.id)).where(
        col(OutboxMessage.directive_id) == directive_id, col(OutboxMessage.dedupe_key).like(pattern)
    )
    return session.exec(query.limit(1)).first() is not None


def counts_by_channel(*, session: Session) -> list[tuple[str, str, str | None, int]]:
    """(channel, status, last_error, rows) for every row not cancelled, for `chibot outbox`."""
    query = (
        select(col(ChatAccount.channel), col(OutboxMessage.status), col(OutboxMessage.last_error), func.count())
        .join(ChatAccount, col(ChatAccount.id) == col(OutboxMessage.account_id))
        .where(col(OutboxMessage.status) != "cancelled")
        .group_by(col(ChatAccount.channel), col(OutboxMessage.status), col(OutboxMessage.last_error))
    )
    return [(channel, status, error, int(count)) for channel, status, error, count in session.exec(query).all()]


_outbox: Table = OutboxMessage.__table__  # type: ignore[attr-defined]
# Every confirmed report runs these for each staff member; built once.
_LATEST_OF_KIND = (
    select(OutboxMessage)
    .where(
        col(OutboxMessage.account_id) == bindparam("account_id"),
        col(OutboxMessage.kind) == bindparam("kind"),
        # "+ 0": with the LIMIT bound as a parameter SQLite otherwise walks ix_outbox_directive_id,
        # i.e. every reminder of the directive (9 per cell: 25 ms at 5,000 cells), for each
        # confirmed report; the account's own rows (ix_outbox_account_id) are few.
        (col(OutboxMessage.directive_id) + 0) == bindparam("directive_id"),
    )
    .order_by(col(OutboxMessage.id).desc())
    .limit(1)
)
_LATEST_OF_KIND_LOCKED = _LATEST_OF_KIND.with_for_update(of=OutboxMessage)
_REPLACE_PENDING_PAYLOAD = (
    _outbox.update()
    .where(_outbox.c.id == bindparam("message_id"), _outbox.c.status == "pending")
    .values(payload=bindparam("payload"))
)


def latest_of_kind(*, session: Session, account_id: int, kind: str, directive_id: int) -> OutboxMessage | None:
    """The newest row of this kind about this directive to this account. On PostgreSQL a
    pending row comes locked (FOR UPDATE), so two reports gathering into it take turns and
    a dispatcher that claimed it first wins (the gatherer then sees it is no longer pending)."""
    locked = session.get_bind().dialect.name == "postgresql"
    params = {"account_id": account_id, "kind": kind, "directive_id": directive_id}
    return session.execute(_LATEST_OF_KIND_LOCKED if locked else _LATEST_OF_KIND, params).scalars().first()


def replace_pending_payload(*, session: Session, message_id: int, payload: dict[str, Any]) -> bool:
    """Rewrite a row's message while nobody has claimed it; False once a dispatcher has. (A
    Core statement: the row's object in the session keeps the payload it was read with.)"""
    result = session.connection().execute(_REPLACE_PENDING_PAYLOAD, {"message_id": message_id, "payload": payload})
    return (result.rowcount or 0) == 1


def assignment_counts(*, session: Session, directive_id: int) -> dict[str, int]:
    """How many of the directive's assignments are in each status, in one statement."""
    rows = session.exec(
        select(col(Assignment.status), func.count())
        .where(col(Assignment.directive_id) == directive_id)
        .group_by(col(Assignment.status))
    ).all()
    return {status: int(count) for status, count in rows}

"""Conversation state and processed updates."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, delete, select

from storage.tables import ConversationState, ProcessedUpdate


def claim_update(*, session: Session, channel: str, update_id: str, now: datetime) -> bool:
    """Record that this update is being processed. False when it was processed before.

    The row commits together with whatever the update changed, so a redelivered update (same
    id, as Telegram does after a crash) is processed exactly once.
    """
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    # One statement, no savepoint: a redelivered id conflicts and inserts nothing.
    inserted = session.exec(
        insert(ProcessedUpdate)
        .values(channel=channel, update_id=update_id, processed_at=now)
        .on_conflict_do_nothing(index_elements=["channel", "update_id"])
        .returning(col(ProcessedUpdate.id))
    ).first()
    return inserted is not None


def get_state(*, session: Session, channel: str, user_id: str) -> ConversationState | None:
    return session.exec(
        select(ConversationState).where(
            col(ConversationState.channel) == channel, col(ConversationState.user_id) == user_id
        )
    ).first()


def save_state(
    *, session: Session, channel: str, user_id: str, flow: str, step: str, data: dict[str, Any], now: datetime
) -> ConversationState:
    state = get_state(session=session, channel=channel, user_id=user_id)
    if state is None:
        state = ConversationState(channel=channel, user_id=user_id, flow=flow, step=step)
    return write_state(session=session, state=state, flow=flow, step=step, data=data, now=now)


def write_state(
    *, session: Session, state: ConversationState, flow: str, step: str, data: dict[str, Any], now: datetime
) -> ConversationState:
    """Write a flow's row read earlier in this session (``save_state`` without reading it again)."""
    state.flow = flow
    state.step = step
    state.data = dict(data)  # a new object so SQLAlchemy sees the JSON change
    state.updated_at = now
    session.add(state)
    session.flush()
    return state


def clear_state(*, session: Session, channel: str, user_id: str) -> None:
    session.exec(
        delete(ConversationState).where(
            col(ConversationState.channel) == channel, col(ConversationState.user_id) == user_id
        )
    )


def flow_nonce(state: ConversationState | None) -> str | None:
    """The current step's nonce: a new step gets a new one, so buttons and menus of earlier
    steps are known to be stale. None outside a flow."""
    return state.data.get("_n") if state is not None else None


def claim_step(*, session: Session, channel: str, user_id: str, flow: str, step: str, to_step: str) -> bool:
    """Move a state from ``step`` to ``to_step``; True only for the one caller that did it.
    Two requests racing with the same form (a double submit) both read ``step``; the second
    UPDATE waits for the first to commit, then matches nothing."""
    result = session.exec(
        update(ConversationState)
        .where(
            col(ConversationState.channel) == channel,
            col(ConversationState.user_id) == user_id,
            col(ConversationState.flow) == flow,
            col(ConversationState.step) == step,
        )
        .values(step=to_step)
    )
    return (result.rowcount or 0) == 1

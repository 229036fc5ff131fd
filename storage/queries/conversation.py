"""Conversation state and processed updates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Table, bindparam, update
from sqlalchemy import delete as core_delete
from sqlalchemy import insert as core_insert
from sqlalchemy import select as core_select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, delete, select

from storage.tables import ConversationState, ProcessedUpdate

# The statements every update runs are built once (Core, bound parameters): building and
# hashing a select per call cost more CPU than running it (the report storm's profile).
_processed: Table = ProcessedUpdate.__table__  # type: ignore[attr-defined]
_states: Table = ConversationState.__table__  # type: ignore[attr-defined]
_CLAIM = {
    name: dialect_insert(_processed)
    .values(channel=bindparam("channel"), update_id=bindparam("update_id"), processed_at=bindparam("now"))
    .on_conflict_do_nothing(index_elements=["channel", "update_id"])
    .returning(_processed.c.id)
    for name, dialect_insert in (("postgresql", pg_insert), ("sqlite", sqlite_insert))
}
_READ_FLOW = core_select(_states.c.id, _states.c.flow, _states.c.step, _states.c.data, _states.c.updated_at).where(
    _states.c.channel == bindparam("channel"), _states.c.user_id == bindparam("user_id")
)
_UPDATE_FLOW = (
    _states.update()
    .where(_states.c.id == bindparam("row_id"))
    .values(flow=bindparam("flow"), step=bindparam("step"), data=bindparam("data"), updated_at=bindparam("now"))
)
_INSERT_FLOW = core_insert(_states).returning(_states.c.id)
_CLEAR_FLOW = core_delete(_states).where(
    _states.c.channel == bindparam("channel"), _states.c.user_id == bindparam("user_id")
)


def claim_update(*, session: Session, channel: str, update_id: str, now: datetime) -> bool:
    """Record that this update is being processed. False when it was processed before.

    The row commits together with whatever the update changed, so a redelivered update (same
    id, as Telegram does after a crash) is processed exactly once.
    """
    connection = session.connection()
    statement = _CLAIM["postgresql" if connection.dialect.name == "postgresql" else "sqlite"]
    # One statement, no savepoint: a redelivered id conflicts and inserts nothing.
    inserted = connection.execute(statement, {"channel": channel, "update_id": update_id, "now": now}).first()
    return inserted is not None


@dataclass(frozen=True)
class FlowRow:
    """A chat's flow row as read for one update (plain values, not an ORM object: the core
    reads and writes it once per update with prepared statements)."""

    id: int
    channel: str
    user_id: str
    flow: str
    step: str
    data: dict[str, Any]
    updated_at: datetime


def read_flow(*, session: Session, channel: str, user_id: str) -> FlowRow | None:
    row = session.connection().execute(_READ_FLOW, {"channel": channel, "user_id": user_id}).first()
    if row is None:
        return None
    return FlowRow(row.id, channel, user_id, row.flow, row.step, row.data or {}, row.updated_at)


def write_flow(
    *,
    session: Session,
    row: FlowRow | None,
    channel: str,
    user_id: str,
    flow: str,
    step: str,
    data: dict[str, Any],
    now: datetime,
) -> FlowRow:
    """Write a chat's flow: over ``row`` (read earlier in this transaction), or a new row when
    there is none (the chat had no flow, or ``clear_flow`` ended it in this transaction)."""
    connection = session.connection()
    if row is not None:
        values = {"row_id": row.id, "flow": flow, "step": step, "data": data, "now": now}
        if connection.execute(_UPDATE_FLOW, values).rowcount == 1:
            return FlowRow(row.id, channel, user_id, flow, step, data, now)
    values = {"channel": channel, "user_id": user_id, "flow": flow, "step": step, "data": data, "updated_at": now}
    new_id = connection.execute(_INSERT_FLOW, values).scalar_one()
    return FlowRow(new_id, channel, user_id, flow, step, data, now)


def clear_flow(*, session: Session, channel: str, user_id: str) -> None:
    session.connection().execute(_CLEAR_FLOW, {"channel": channel, "user_id": user_id})


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


def flow_nonce(state: ConversationState | FlowRow | None) -> str | None:
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

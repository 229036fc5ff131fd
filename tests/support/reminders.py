"""Helpers for reminder tests: move the clock like real time and read what was delivered."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import select

from bot.simulated_time import run_until
from storage.db import session_scope
from storage.tables import ChatAccount, OutboxMessage
from tests.support.local import local_to_utc, to_local

CHAT_NAMES = {
    "u-staff": "staff",
    "u-admin": "admin",
    "u-db1-cb1": "DB1-CB1",
    **{f"u-cb0{n}": f"CB0{n}" for n in range(1, 6)},
}


def until(app, when: datetime) -> None:  # noqa: ANN001
    """Run the simulated clock to a local wall-clock time, delivering everything on the way."""
    run_until(app, local_to_utc(when))


def delivered(app, *kinds: str, since: datetime | None = None) -> list[tuple[str, str, str]]:  # noqa: ANN001
    """(local "dd/mm HH:MM", chat name, text as sent) of every message of these kinds that went
    out; rows merged into one message (same chat, same channel message) count once."""
    with session_scope(app.engine) as session:
        query = (
            select(OutboxMessage, ChatAccount)
            .join(ChatAccount, ChatAccount.id == OutboxMessage.account_id)
            .where(OutboxMessage.status == "sent")
            .order_by(OutboxMessage.sent_at, OutboxMessage.id)
        )
        if kinds:
            query = query.where(OutboxMessage.kind.in_(kinds))
        rows = session.exec(query).all()
    found, seen = [], set()
    for m, a in rows:
        if since is not None and m.sent_at < local_to_utc(since):
            continue
        if m.channel_message_id is not None:
            if (a.id, m.channel_message_id) in seen:
                continue
            seen.add((a.id, m.channel_message_id))
        text = m.payload.get("sent_text", m.payload["text"])
        found.append((to_local(m.sent_at).strftime("%d/%m %H:%M"), CHAT_NAMES.get(a.chat_id, a.chat_id), text))
    return found


def rows(app, **where) -> list[OutboxMessage]:  # noqa: ANN001, ANN003
    with session_scope(app.engine) as session:
        query = select(OutboxMessage).order_by(OutboxMessage.due_at, OutboxMessage.id)
        for key, value in where.items():
            query = query.where(getattr(OutboxMessage, key) == value)
        return list(session.exec(query).all())

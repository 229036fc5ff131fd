"""The current menu of a chat without buttons."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session, col, delete, select

from storage.tables import ChatMenu


def get_menu(*, session: Session, channel: str, chat_id: str) -> ChatMenu | None:
    return session.exec(select(ChatMenu).where(ChatMenu.channel == channel, ChatMenu.chat_id == chat_id)).first()


def save_menu(
    *,
    session: Session,
    channel: str,
    chat_id: str,
    account_id: int | None,
    options: list[dict[str, Any]],
    flow: str | None,
    flow_nonce: str | None,
    now: datetime,
) -> ChatMenu:
    """Make ``options`` the chat's current menu, replacing the one before."""
    menu = get_menu(session=session, channel=channel, chat_id=chat_id)
    if menu is None:
        menu = ChatMenu(channel=channel, chat_id=chat_id)
    menu.account_id = account_id
    menu.options = [dict(o) for o in options]  # a new object so SQLAlchemy sees the JSON change
    menu.flow = flow
    menu.flow_nonce = flow_nonce
    menu.created_at = now
    session.add(menu)
    session.flush()
    return menu


def clear_menu(*, session: Session, channel: str, chat_id: str) -> None:
    session.exec(delete(ChatMenu).where(col(ChatMenu.channel) == channel, col(ChatMenu.chat_id) == chat_id))

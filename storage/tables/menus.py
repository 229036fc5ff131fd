"""The numbered choices a chat without buttons was last shown, so a typed "2" can be mapped
back to the option it named after a restart and in another process."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime, utcnow


class ChatMenu(SQLModel, table=True):
    """One current menu per chat: a newer menu replaces the older one."""

    __tablename__ = "chat_menu"
    __table_args__ = (UniqueConstraint("channel", "chat_id"),)

    id: int = Field(default=None, primary_key=True)  # None only until the first flush; typed for stored rows
    channel: str = Field(max_length=16)
    chat_id: str = Field(max_length=128)
    account_id: int | None = Field(default=None, foreign_key="chat_account.id", index=True)
    #: The options in the order they were numbered: [{"label": ..., "data": ...}].
    options: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSON)
    #: The flow the chat was in when the menu was sent, and that flow step's nonce. The menu
    #: answers only while the chat is still at that step (no flow: while it is in none).
    flow: str | None = Field(default=None, max_length=64)
    flow_nonce: str | None = Field(default=None, max_length=32)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)

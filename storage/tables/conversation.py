"""Conversation state per (channel, user), and the updates already processed."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime, utcnow


class ConversationState(SQLModel, table=True):
    __tablename__ = "conversation_state"
    __table_args__ = (UniqueConstraint("channel", "user_id"),)

    id: int = Field(default=None, primary_key=True)  # None only until the first flush; typed for stored rows
    channel: str = Field(max_length=16)
    user_id: str = Field(max_length=128)
    flow: str = Field(max_length=64)
    step: str = Field(max_length=64)
    data: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ProcessedUpdate(SQLModel, table=True):
    """An update already handled: a redelivered update with the same id is ignored."""

    __tablename__ = "processed_update"
    __table_args__ = (UniqueConstraint("channel", "update_id"),)

    id: int = Field(default=None, primary_key=True)  # None only until the first flush; typed for stored rows
    channel: str = Field(max_length=16)
    update_id: str = Field(max_length=128)
    processed_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)

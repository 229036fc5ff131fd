"""Broadcasts: one message from staff to a chosen audience, delivered through the outbox."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Text
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime, utcnow

BROADCAST_STATUSES = ("sending", "done", "cancelled")


class Broadcast(SQLModel, table=True):
    __tablename__ = "broadcast"

    id: int = Field(default=None, primary_key=True)  # None only until the first flush; typed for stored rows
    unit_id: int = Field(foreign_key="unit.id", index=True)
    created_by_person_id: int | None = Field(default=None, foreign_key="person.id")
    text: str = Field(default="", sa_type=Text)
    #: Optional file sent with the message: {"name", "mime_type", "path" or "file_id"}.
    attachment: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    #: How the audience was chosen: {"kind": "all" | "not_reported" | "overdue" | "not_acknowledged" | "picked", ...}.
    audience: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    directive_id: int | None = Field(default=None, foreign_key="directive.id")
    status: str = Field(default="sending", max_length=16)
    total: int = Field(default=0)
    #: Units in the audience with no reachable secretary (nothing queued for them).
    unreachable_units: list[Any] = Field(default_factory=list, sa_type=JSON)
    #: Where the progress message lives, so it can be edited as delivery goes.
    progress_account_id: int | None = Field(default=None, foreign_key="chat_account.id")
    progress_message_id: str | None = Field(default=None, max_length=64)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)

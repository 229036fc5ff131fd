"""Messages waiting to be sent: reminders, notices, broadcasts. The database decides what is due."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, Text
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime, utcnow

OUTBOX_STATUSES = ("pending", "sending", "sent", "failed", "cancelled")


class OutboxMessage(SQLModel, table=True):
    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_status_due_at", "status", "due_at"),
        # "Is anything of this broadcast still to go?" at every delivery: one seek.
        Index("ix_outbox_broadcast_id_status", "broadcast_id", "status"),
    )

    id: int = Field(default=None, primary_key=True)  # None only until the first flush; typed for stored rows
    account_id: int = Field(foreign_key="chat_account.id", index=True)
    #: notice, directive, reminder, escalation, digest, broadcast ...
    kind: str = Field(max_length=32)
    #: The rendered message: {"text": ..., "choices": [[{"label","data"}]]}.
    payload: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    due_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    status: str = Field(default="pending", max_length=16)
    attempts: int = Field(default=0)
    last_error: str | None = Field(default=None, sa_type=Text)
    #: One row per planned message: re-planning never produces a duplicate.
    dedupe_key: str = Field(max_length=255, unique=True)
    directive_id: int | None = Field(default=None, foreign_key="directive.id", index=True)
    assignment_id: int | None = Field(default=None, foreign_key="assignment.id", index=True)
    #: The deadline a reminder is about (so re-planning can drop what no longer applies).
    deadline_id: int | None = Field(default=None, foreign_key="deadline.id", index=True)
    broadcast_id: int | None = Field(default=None, foreign_key="broadcast.id", index=True)
    claimed_by: str | None = Field(default=None, max_length=64)
    claimed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    #: Set, in its own commit, just before the claimed row is handed to its channel; None while
    #: claimed but not yet attempted (such a row is safe to send again after a crash).
    attempted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    sent_late: bool = Field(default=False)
    channel_message_id: str | None = Field(default=None, max_length=64)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class SendShareMember(SQLModel, table=True):
    """A live process sending with one bot token: each takes an equal share of the token's rate
    (services/send_share.py). A row not seen for a few seconds is a process that is gone."""

    __tablename__ = "send_share_member"

    #: Which token: a hash of it (the token itself is never stored), with the channel's name.
    budget_key: str = Field(primary_key=True, max_length=80)
    worker: str = Field(primary_key=True, max_length=64)
    joined_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    seen_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)

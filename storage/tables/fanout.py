"""Fan-out jobs: a published directive's assignments, messages and reminder plans, written
in batches after the publishing transaction (services/fanout.py). The row is the promise:
``done`` counts the units of ``unit_ids`` (in that order) whose rows are committed."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime, utcnow

FANOUT_STATUSES = ("running", "done")


class FanoutJob(SQLModel, table=True):
    __tablename__ = "fanout_job"
    __table_args__ = (Index("ix_fanout_job_status", "status"),)

    id: int = Field(default=None, primary_key=True)  # None only until the first flush; typed for stored rows
    directive_id: int = Field(foreign_key="directive.id", index=True)
    #: The units to assign, in the order they are written; never changed after publishing.
    unit_ids: list[Any] = Field(default_factory=list, sa_type=JSON)
    total: int = Field(default=0)
    #: How many of ``unit_ids`` (from the start) are written: the next batch starts there.
    done: int = Field(default=0)
    #: Messages queued to secretaries so far (the staff's final figure).
    queued: int = Field(default=0)
    #: Units among the written ones whose secretaries got the message (the others have none reachable).
    reached: int = Field(default=0)
    status: str = Field(default="running", max_length=16)
    #: Who is told of the progress (the publishing staff member's chat), if anyone.
    notify_account_id: int | None = Field(default=None, foreign_key="chat_account.id")
    #: The moment of publishing: messages and reminder plans are computed as of then.
    published_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)

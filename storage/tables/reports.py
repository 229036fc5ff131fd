"""Reports from cells: typed columns for the default report plus every answer given."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime, utcnow


class Report(SQLModel, table=True):
    __tablename__ = "report"
    __table_args__ = (UniqueConstraint("assignment_id", "answers_for", "version"),)

    id: int = Field(default=None, primary_key=True)  # None only until the first flush; typed for stored rows
    assignment_id: int = Field(foreign_key="assignment.id", index=True)
    deadline_id: int | None = Field(default=None, foreign_key="deadline.id")
    #: What the report answers: "directive", "d<deadline id>", or "d<id>@<occurrence ISO>" for
    #: one occurrence of a recurring report. A string so uniqueness works on every database.
    answers_for: str = Field(default="directive", max_length=96)
    version: int = Field(default=1)
    is_latest: bool = Field(default=True, index=True)
    submitted_by_person_id: int = Field(foreign_key="person.id")
    submitted_by_account_id: int | None = Field(default=None, foreign_key="chat_account.id")
    #: True when staff submitted on behalf of the cell.
    on_behalf: bool = Field(default=False)
    submitted_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    on_time: bool = Field(default=True)
    # Typed fields of the default report, queryable for totals and exports.
    formats: str | None = Field(default=None, max_length=255)
    format_other: str | None = Field(default=None, sa_type=Text)
    reached: int | None = None
    total: int | None = None
    percent: float | None = None
    awareness: str | None = Field(default=None, max_length=255)
    difficulties: str | None = Field(default=None, sa_type=Text)
    #: Every answer, keyed by template field, as given.
    answers: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    attachments: list[Any] = Field(default_factory=list, sa_type=JSON)

"""One occurrence of a recurring report ("hằng ngày 06h, 12h, 18h"), with its own status."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime, utcnow

REQUEST_STATUSES = ("open", "reported", "cancelled")


class ReportRequest(SQLModel, table=True):
    __tablename__ = "report_request"
    __table_args__ = (UniqueConstraint("assignment_id", "deadline_id", "due_at"),)

    id: int = Field(default=None, primary_key=True)  # None only until the first flush; typed for stored rows
    assignment_id: int = Field(foreign_key="assignment.id", index=True)
    deadline_id: int = Field(foreign_key="deadline.id", index=True)
    #: When this occurrence is due (UTC).
    due_at: datetime = Field(sa_type=UTCDateTime, index=True)
    status: str = Field(default="open", max_length=16)
    report_id: int | None = Field(default=None, foreign_key="report.id")
    reported_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)

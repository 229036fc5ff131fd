"""Directives (văn bản), their deadlines, and their assignment to units."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime, utcnow

DIRECTIVE_STATUSES = ("draft", "published", "closed")
DEADLINE_KINDS = ("complete", "report", "plan", "start", "recurring")
ASSIGNMENT_STATUSES = ("assigned", "acknowledged", "reported", "completed", "cancelled")


class Directive(SQLModel, table=True):
    __tablename__ = "directive"

    id: int = Field(default=None, primary_key=True)  # None only until the first flush; typed for stored rows
    #: The unit that issues the directive to the units below it.
    unit_id: int = Field(foreign_key="unit.id", index=True)
    doc_type: str | None = Field(default=None, max_length=32)
    number: str | None = Field(default=None, max_length=64, index=True)
    issuer: str | None = Field(default=None, max_length=255)
    issued_on: date | None = None
    subject: str = Field(default="", sa_type=Text)
    urgency: str | None = Field(default=None, max_length=16)
    secrecy: str | None = Field(default=None, max_length=16)
    #: Never stored for a secret document: it goes by the official channel only.
    full_text: str | None = Field(default=None, sa_type=Text)
    signer: str | None = Field(default=None, max_length=255)
    addressees: list[Any] = Field(default_factory=list, sa_type=JSON)
    recipients_text: list[Any] = Field(default_factory=list, sa_type=JSON)
    report_fields: list[Any] = Field(default_factory=list, sa_type=JSON)
    #: A report template of its own (None: the default template).
    report_template: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    #: Reminder policy overrides for this directive (None: the global policy).
    reminder_policy: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    status: str = Field(default="draft", max_length=16, index=True)
    registered_by_person_id: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    published_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    closed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    #: A changed version (same number, same issuer) names the directive it replaces.
    amends_id: int | None = Field(default=None, foreign_key="directive.id")


class Deadline(SQLModel, table=True):
    __tablename__ = "deadline"

    id: int = Field(default=None, primary_key=True)  # None only until the first flush; typed for stored rows
    directive_id: int = Field(foreign_key="directive.id", index=True)
    kind: str = Field(max_length=16)
    #: The moment it falls due (UTC); None for a recurring schedule.
    due_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    #: For a window ("từ ngày 12/8 đến ngày 15/9"): its end (UTC); due_at is then its start.
    until_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    #: Recurrence rule for recurring reports, e.g. "daily@06:00,12:00,18:00".
    recurrence: str | None = Field(default=None, max_length=128)
    #: The phrase of the document it came from, or what staff typed.
    phrase: str = Field(default="", sa_type=Text)
    #: How it is shown, e.g. "trước 23/8/2021".
    shown: str = Field(default="", max_length=255)
    position: int = Field(default=0)
    active: bool = Field(default=True)
    #: Set when staff moved the deadline to a date already gone by: the moment they confirmed.
    #: The overdue chase (reminders, then the escalation) runs from then, as it would have run
    #: from the day after the date (services/reminders/policy.py: overdue_moments).
    overdue_from: datetime | None = Field(default=None, sa_type=UTCDateTime)


class Assignment(SQLModel, table=True):
    """A directive assigned to one unit, with that unit's progress."""

    __tablename__ = "assignment"
    __table_args__ = (UniqueConstraint("directive_id", "unit_id"),)

    id: int = Field(default=None, primary_key=True)  # None only until the first flush; typed for stored rows
    directive_id: int = Field(foreign_key="directive.id", index=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    #: Set when only one deadline of the directive is assigned to this unit.
    deadline_id: int | None = Field(default=None, foreign_key="deadline.id")
    status: str = Field(default="assigned", max_length=16, index=True)
    assigned_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    acknowledged_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    acknowledged_by_person_id: int | None = Field(default=None, foreign_key="person.id")
    completed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)

"""Who did what, when: registrations, assignments, broadcasts, reports, role changes, refusals."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime, utcnow


class AuditEntry(SQLModel, table=True):
    __tablename__ = "audit_log"

    id: int = Field(default=None, primary_key=True)  # None only until the first flush; typed for stored rows
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    actor_person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    actor_account_id: int | None = Field(default=None, foreign_key="chat_account.id")
    #: register, publish, edit, assign, acknowledge, broadcast, report, role_change, denied ...
    action: str = Field(max_length=32, index=True)
    unit_id: int | None = Field(default=None, foreign_key="unit.id")
    directive_id: int | None = Field(default=None, foreign_key="directive.id")
    details: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)

"""People, their roles per unit, their chat accounts, and one-time invites."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime, utcnow

ROLES = ("admin", "staff", "secretary")
CHANNELS = ("telegram", "zalo", "console")


class Person(SQLModel, table=True):
    __tablename__ = "person"

    id: int = Field(default=None, primary_key=True)  # None only until the first flush; typed for stored rows
    full_name: str = Field(max_length=255)
    #: Personal choices, e.g. {"report_notifications": "each" | "digest"}.
    preferences: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Membership(SQLModel, table=True):
    """A person's role in a unit: admin, staff of a committee, or secretary of a cell."""

    __tablename__ = "membership"
    __table_args__ = (UniqueConstraint("person_id", "unit_id", "role"),)

    id: int = Field(default=None, primary_key=True)  # None only until the first flush; typed for stored rows
    person_id: int = Field(foreign_key="person.id", index=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    role: str = Field(max_length=16)
    active: bool = Field(default=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ChatAccount(SQLModel, table=True):
    """One person's identity on one channel."""

    __tablename__ = "chat_account"
    __table_args__ = (UniqueConstraint("channel", "external_user_id"),)

    id: int = Field(default=None, primary_key=True)  # None only until the first flush; typed for stored rows
    person_id: int = Field(foreign_key="person.id", index=True)
    channel: str = Field(max_length=16)
    external_user_id: str = Field(max_length=128)
    chat_id: str = Field(max_length=128)
    display_name: str = Field(default="", max_length=255)
    language: str = Field(default="vi", max_length=8)
    reachable: bool = Field(default=True)
    unreachable_reason: str | None = Field(default=None, max_length=255)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    last_seen_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class Invite(SQLModel, table=True):
    """A one-time code that binds a chat account to a unit and role. Only its hash is stored."""

    __tablename__ = "invite"

    id: int = Field(default=None, primary_key=True)  # None only until the first flush; typed for stored rows
    code_hash: str = Field(max_length=64, unique=True, index=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    role: str = Field(max_length=16)
    #: Optional label (who it is for), shown by `chibot demo` and used by `shell --as`.
    label: str | None = Field(default=None, max_length=255)
    created_by_person_id: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    used_by_account_id: int | None = Field(default=None, foreign_key="chat_account.id")


class LinkCode(SQLModel, table=True):
    """A one-time code that attaches a chat account on another channel to the same person.

    Made by ``/link`` on one channel, sent on the other. Only its hash is stored, like invites.
    """

    __tablename__ = "link_code"

    id: int = Field(default=None, primary_key=True)  # None only until the first flush; typed for stored rows
    code_hash: str = Field(max_length=64, unique=True, index=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    #: The account that asked for the code (its channel is the one the code is NOT for).
    account_id: int = Field(foreign_key="chat_account.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    used_by_account_id: int | None = Field(default=None, foreign_key="chat_account.id")

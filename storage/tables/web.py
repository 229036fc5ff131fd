"""The staff dashboard's one-time login links and its sessions. Only hashes of the secrets
are stored (like invites): a copy of the database opens no session."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime, utcnow


class WebLogin(SQLModel, table=True):
    """A login link given by ``/web`` or ``chibot web-login``: one person, one use, short-lived."""

    __tablename__ = "web_login"

    id: int = Field(default=None, primary_key=True)  # None only until the first flush; typed for stored rows
    token_hash: str = Field(max_length=64, unique=True, index=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    #: Where it was asked for: telegram, zalo, console, cli.
    origin: str = Field(default="", max_length=16)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class WebSession(SQLModel, table=True):
    """A signed-in browser. The cookie holds the token; every request re-reads the person's
    roles, so a role removed since ends what the session can do at once."""

    __tablename__ = "web_session"

    id: int = Field(default=None, primary_key=True)  # None only until the first flush; typed for stored rows
    token_hash: str = Field(max_length=64, unique=True, index=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    login_id: int | None = Field(default=None, foreign_key="web_login.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    ended_at: datetime | None = Field(default=None, sa_type=UTCDateTime)

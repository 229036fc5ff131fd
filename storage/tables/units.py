"""The organisation tree: committees, grassroots organisations, cells, mass organisations."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime, utcnow

UNIT_KINDS = ("committee", "grassroots", "cell", "mass")


class Unit(SQLModel, table=True):
    __tablename__ = "unit"

    id: int = Field(default=None, primary_key=True)  # None only until the first flush; typed for stored rows
    code: str = Field(max_length=64, unique=True, index=True)
    name: str = Field(max_length=255)
    #: committee (province/district/bloc), grassroots (đảng bộ cơ sở), cell (chi bộ), mass.
    kind: str = Field(max_length=16)
    parent_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    #: Materialised path of ids, "/1/4/9/": the subtree of unit 4 is every path starting "/1/4/".
    path: str = Field(default="/", max_length=1024, index=True)
    active: bool = Field(default=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)

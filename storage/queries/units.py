"""Reading and writing the unit tree.

``col(Unit.path)`` is the materialised chain of ids from the root, "/1/4/9/": the subtree of a unit
is every unit whose path starts with that unit's path, one indexed LIKE instead of a recursive
query (which SQLite and PostgreSQL spell differently).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from storage.tables import Unit


def get_unit(*, session: Session, unit_id: int) -> Unit | None:
    return session.get(Unit, unit_id)


def require_unit(*, session: Session, unit_id: int) -> Unit:
    """The unit a stored row points at (a foreign key, so it exists); LookupError if it does not."""
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise LookupError(f"unit {unit_id} does not exist")
    return unit


def get_unit_by_code(*, session: Session, code: str) -> Unit | None:
    """The unit with this code, in any letter case ("cb-vp" is CB-VP); an exact match first."""
    code = code.strip()
    exact = session.exec(select(Unit).where(col(Unit.code) == code)).first()
    if exact is not None or not code:
        return exact
    return session.exec(select(Unit).where(func.upper(col(Unit.code)) == code.upper()).order_by(col(Unit.id))).first()


def list_units(*, session: Session) -> list[Unit]:
    """Every unit, active or not, parents before children (ordered by depth, then code)."""
    depth = func.length(col(Unit.path)) - func.length(func.replace(col(Unit.path), "/", ""))
    return list(session.exec(select(Unit).order_by(depth, col(Unit.code))))


def count_units(*, session: Session) -> int:
    return session.exec(select(func.count()).select_from(Unit)).one()


def children_of(*, session: Session, unit_id: int) -> list[Unit]:
    """The units directly below ``unit_id``, by code."""
    return list(session.exec(select(Unit).where(col(Unit.parent_id) == unit_id).order_by(col(Unit.code))))


def subtree_units(
    *,
    session: Session,
    unit: Unit,
    kinds: Iterable[str] | None = None,
    include_self: bool = True,
    active_only: bool = False,
) -> list[Unit]:
    """``unit`` and every unit below it, at any depth, optionally only some kinds."""
    query = select(Unit).where(col(Unit.path).startswith(unit.path, autoescape=True))
    if not include_self:
        query = query.where(col(Unit.id) != unit.id)
    if kinds is not None:
        query = query.where(col(Unit.kind).in_(list(kinds)))
    if active_only:
        query = query.where(col(Unit.active).is_(True))
    return list(session.exec(query.order_by(col(Unit.path))))


def cells_under(
    *, session: Session, unit_id: int, active_only: bool = True, kinds: tuple[str, ...] = ("cell",)
) -> list[Unit]:
    """The cells (chi bộ) anywhere below ``unit_id`` (or the units of ``kinds``), not counting the
    unit itself, by code."""
    unit = session.get(Unit, unit_id)
    if unit is None:
        return []
    cells = subtree_units(session=session, unit=unit, kinds=kinds, include_self=False, active_only=active_only)
    return sorted(cells, key=lambda cell: cell.code)


def add_unit(
    *,
    session: Session,
    code: str,
    name: str,
    kind: str,
    created_at: datetime,
    parent: Unit | None = None,
) -> Unit:
    """Insert a unit and give it its path (which needs the new id, hence the flush)."""
    unit = Unit(
        code=code,
        name=name,
        kind=kind,
        parent_id=parent.id if parent is not None else None,
        created_at=created_at,
    )
    session.add(unit)
    session.flush()
    unit.path = f"{parent.path if parent is not None else '/'}{unit.id}/"
    session.flush()
    return unit

"""Writing the audit log (who did what, when)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from storage.tables import AuditEntry


def add_audit(
    *,
    session: Session,
    action: str,
    at: datetime,
    actor_person_id: int | None = None,
    actor_account_id: int | None = None,
    unit_id: int | None = None,
    directive_id: int | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    entry = AuditEntry(
        action=action,
        at=at,
        actor_person_id=actor_person_id,
        actor_account_id=actor_account_id,
        unit_id=unit_id,
        directive_id=directive_id,
        details=dict(details or {}),
    )
    session.add(entry)
    session.flush()
    return entry


def list_audit(*, session: Session, action: str | None = None) -> list[AuditEntry]:
    """Entries oldest first, optionally only one action."""
    query = select(AuditEntry).order_by(col(AuditEntry.at), col(AuditEntry.id))
    if action is not None:
        query = query.where(col(AuditEntry.action) == action)
    return list(session.exec(query))

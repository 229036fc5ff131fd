"""Writing the audit log (who did what, when)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from storage.tables import AuditEntry, Person


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


def directive_trail(*, session: Session, directive_id: int, limit: int = 500) -> list[tuple[AuditEntry, str | None]]:
    """What was done to one directive, oldest first, with the name of who did it."""
    rows = session.exec(
        select(AuditEntry, col(Person.full_name))
        .outerjoin(Person, col(Person.id) == col(AuditEntry.actor_person_id))
        .where(col(AuditEntry.directive_id) == directive_id)
        .order_by(col(AuditEntry.at), col(AuditEntry.id))
        .limit(limit)
    ).all()
    return [(entry, name) for entry, name in rows]


#: How many of a person's latest broadcasts a second press of «Gửi» is looked up among.
RECENT_BROADCASTS = 50


def broadcast_of_confirm(*, session: Session, person_id: int, confirm: str) -> int | None:
    """The broadcast a person sent by answering the confirm question ``confirm``, among their
    latest ones (the nonce is in the audit details: JSON, matched here on every database)."""
    entries = session.exec(
        select(AuditEntry)
        .where(col(AuditEntry.action) == "broadcast", col(AuditEntry.actor_person_id) == person_id)
        .order_by(col(AuditEntry.id).desc())
        .limit(RECENT_BROADCASTS)
    ).all()
    for entry in entries:
        if (entry.details or {}).get("confirm") == confirm:
            found = entry.details.get("broadcast_id")
            return int(found) if found is not None else None
    return None

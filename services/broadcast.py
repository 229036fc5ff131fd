"""Broadcasts: one message from staff to a chosen set of units, delivered to their secretaries
through the outbox (so a crash loses nothing and sends nothing twice, and the channel's rate
limits are the dispatcher's business).

Decisions:
* A text longer than MAX_TEXT is refused with the limit stated, not split: a broadcast read as
  two messages on 3,000 phones is worse than staff shortening it once. MAX_TEXT leaves room
  for the "Tin nhắn từ ..." line under Telegram's 4,096 characters.
* A file is stored once on disk (settings.attachments_dir); every outbox row points at it
  instead of carrying its bytes.
* Units with no reachable secretary get nothing queued; they are recorded on the broadcast
  and named in the delivery report ("no registered secretary").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session

from ground.actor import Actor
from ground.messages import Reply
from services import directives as directive_service
from services import outbox, status
from services.directive_recipients import DEFAULT_KINDS
from services.i18n import Translator
from services.reach import Reach, reach
from storage.queries import accounts as account_queries
from storage.queries import audit as audit_queries
from storage.queries import broadcasts as queries
from storage.queries import status as status_queries
from storage.queries import units as unit_queries
from storage.tables import Broadcast, ChatAccount, Person, Unit

MAX_TEXT = 4000
AUDIENCES = ("all", "not_reported", "overdue", "not_acknowledged", "picked")


@dataclass
class Audience:
    spec: dict[str, Any]
    units: list[Unit]
    #: (unit, secretary, account) for every reachable secretary account.
    accounts: list[tuple[Unit, Person, ChatAccount]]
    unreachable: list[Unit]
    #: The same split with the reasons, for the texts staff read.
    reach: Reach


def own_unit(actor: Actor) -> int:
    """The unit a staff member or admin broadcasts from; PermissionError for anyone else
    (the flow is open to those roles only)."""
    roles = actor.units("staff", "admin")
    if not roles:
        raise PermissionError("broadcasts are sent by staff and admins only")
    return roles[0].unit_id


def cells_of(*, session: Session, unit_id: int) -> list[Unit]:
    """Who "all" means: the cells and mass organisations below the unit, the same units a
    directive goes to by default (publishing offers "Tất cả chi bộ, đoàn thể")."""
    return unit_queries.cells_under(session=session, unit_id=unit_id, kinds=DEFAULT_KINDS)


def choose(*, session: Session, actor: Actor, spec: dict[str, Any], now: datetime) -> Audience:
    """The units and secretary accounts a broadcast with this audience would reach."""
    kind = spec["kind"]
    unit_id = own_unit(actor)
    if kind == "all":
        units = cells_of(session=session, unit_id=unit_id)
    elif kind == "picked":
        allowed = {u.id: u for u in cells_of(session=session, unit_id=unit_id)}
        units = [allowed[i] for i in spec.get("unit_ids", []) if i in allowed]
    else:
        paths = status.scope_paths(actor)
        directive_id = spec["directive_id"]
        if kind == "overdue":
            directive = directive_service.require(session=session, directive_id=directive_id)
            figures = status.directive_status(session=session, directive=directive, paths=paths, now=now)
            ids = [m.unit.id for m in figures.missing if m.overdue]
        else:
            ids = queries.unit_ids_of_assignments(
                session=session,
                directive_id=directive_id,
                scope_paths=paths,
                not_reported=True,
                not_acknowledged=kind == "not_acknowledged",
            )
        by_id = status_queries.units_by_ids(session=session, unit_ids=ids)
        units = [by_id[i] for i in ids if i in by_id]
    rows = account_queries.secretaries_accounts(session=session, unit_ids=[u.id for u in units])
    reachable = [(u, p, a) for u, p, a in rows if a.reachable]
    found = reach(session=session, unit_ids=[u.id for u in units])
    return Audience(spec, units, reachable, found.unreachable, found)


def visible(*, session: Session, actor: Actor, broadcast_id: int) -> tuple[Broadcast | None, bool]:
    """(the broadcast if it was sent from a unit this staff member oversees, whether it exists)."""
    row = queries.get_broadcast(session=session, broadcast_id=broadcast_id)
    if row is None:
        return None, False
    unit = unit_queries.get_unit(session=session, unit_id=row.unit_id)
    return (row if unit is not None and actor.oversees(unit.path) else None), True


def describe(t: Translator, spec: dict[str, Any]) -> str:
    kind = spec["kind"]
    if kind == "picked":
        return t("broadcast.audience.picked", count=len(spec.get("unit_ids", [])))
    return t(f"broadcast.audience.{kind}", number=spec.get("number", ""))


def message_for(t: Translator, unit_name: str, text: str) -> str:
    return f"{t('broadcast.header', unit=unit_name)}\n{text}"


def save_file(*, folder: Path, nonce: str, name: str, content: bytes) -> str:
    """Keep the file once; outbox rows refer to its path."""
    target = folder / "broadcasts" / f"{nonce}-{Path(name).name}"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    return str(target)


def create(
    *,
    session: Session,
    actor: Actor,
    audience: Audience,
    text: str,
    attachment: dict[str, Any] | None,
    channel: str,
    now: datetime,
    confirm: str | None = None,
) -> Broadcast:
    """Write the broadcast and one outbox row per reachable secretary account, in the caller's
    transaction: all of it is queued, or none of it. ``confirm``: the question staff answered
    (its nonce), kept in the audit so a second press finds the broadcast it sent."""
    unit_id = own_unit(actor)
    unit = unit_queries.require_unit(session=session, unit_id=unit_id)
    broadcast = queries.add_broadcast(
        session=session,
        broadcast=Broadcast(
            unit_id=unit_id,
            created_by_person_id=actor.person_id,
            text=text,
            attachment=attachment,
            audience=audience.spec,
            directive_id=audience.spec.get("directive_id"),
            status="sending",
            total=len(audience.accounts),
            unreachable_units=[[u.id, u.code, u.name] for u in audience.unreachable],
            progress_account_id=actor.account_id,
            created_at=now,
        ),
    )
    rows = []
    for _unit, _person, account in audience.accounts:
        payload = outbox.reply_to_payload(Reply(text=message_for(Translator(account.language), unit.name, text)))
        if attachment:
            payload["document"] = {
                "name": attachment["name"],
                "mime_type": attachment["mime_type"],
                "path": attachment["path"],
            }
        rows.append(
            {
                "account_id": account.id,
                "kind": "broadcast",
                "payload": payload,
                "due_at": now,
                "status": "pending",
                "attempts": 0,
                "dedupe_key": f"bc:{broadcast.id}:{account.id}",
                "broadcast_id": broadcast.id,
                "directive_id": audience.spec.get("directive_id"),
                "created_at": now,
                "sent_late": False,
            }
        )
    queries.insert_messages(session=session, rows=rows)
    if not rows:
        broadcast.status, broadcast.finished_at = "done", now
        session.add(broadcast)
    audit_queries.add_audit(
        session=session,
        action="broadcast",
        at=now,
        actor_person_id=actor.person_id,
        actor_account_id=actor.account_id,
        unit_id=unit_id,
        directive_id=audience.spec.get("directive_id"),
        details={
            "channel": channel,
            "broadcast_id": broadcast.id,
            **({"confirm": confirm} if confirm else {}),
            "audience": audience.spec,
            "units": len(audience.units),
            "accounts": len(rows),
            "unreachable_units": [u.code for u in audience.unreachable],
            "attachment": attachment["name"] if attachment else None,
        },
    )
    return broadcast


def sent_for(*, session: Session, person_id: int | None, confirm: str) -> Broadcast | None:
    """The broadcast this person sent by answering the question ``confirm`` (its nonce), if any."""
    if person_id is None or not confirm:
        return None
    broadcast_id = audit_queries.broadcast_of_confirm(session=session, person_id=person_id, confirm=confirm)
    return queries.get_broadcast(session=session, broadcast_id=broadcast_id) if broadcast_id else None

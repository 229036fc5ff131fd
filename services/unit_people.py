"""The administrators' view of their committee: the unit tree, who holds which role in each
unit and on which channel chibot reaches them, the invites still waiting, and which units have
nobody to receive directives yet. Read only; invites are made by services/invites.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session

from ground.actor import Actor
from ground.messages import Reply
from services import invites, outbox
from services.i18n import Translator
from services.localtime import format_local_datetime
from services.unit_words import role_label
from storage.queries import accounts as account_queries
from storage.queries import unit_people as queries
from storage.queries import units as unit_queries
from storage.queries.accounts import preferred_account
from storage.tables import ChatAccount, Invite, Unit

#: Kinds whose head (secretary) receives directives: a unit of these kinds without one is
#: "chưa đăng ký" (see services/invites.py ROLE_UNIT_KINDS).
RECEIVING_KINDS = invites.ROLE_UNIT_KINDS["secretary"]
ROLE_ORDER = {"admin": 0, "staff": 1, "secretary": 2}


@dataclass(frozen=True)
class Channel:
    channel: str
    reachable: bool
    #: The one account chibot writes to (services/outbox picks it the same way).
    used: bool


@dataclass(frozen=True)
class Member:
    name: str
    role: str
    channels: list[Channel]

    @property
    def registered(self) -> bool:
        return bool(self.channels)


@dataclass
class UnitNode:
    unit: Unit
    members: list[Member] = field(default_factory=list)
    invites: list[Invite] = field(default_factory=list)
    children: list[UnitNode] = field(default_factory=list)

    @property
    def needs_secretary(self) -> bool:
        """A unit that receives directives but has no secretary chibot can write to."""
        return self.unit.kind in RECEIVING_KINDS and not any(
            m.role == "secretary" and m.registered for m in self.members
        )

    def walk(self) -> list[UnitNode]:
        return [self] + [n for c in self.children for n in c.walk()]


def administered(*, session: Session, actor: Actor) -> list[Unit]:
    """The units an administrator administers (the tops of their trees)."""
    found = [unit_queries.get_unit(session=session, unit_id=r.unit_id) for r in actor.units("admin")]
    tops = [u for u in found if u is not None]
    # A unit below another of the admin's units is already in that tree.
    return [u for u in tops if not any(o.id != u.id and u.path.startswith(o.path) for o in tops)]


def administers(actor: Actor, unit: Unit) -> bool:
    return any(unit.path.startswith(r.unit_path) for r in actor.units("admin"))


def tree(*, session: Session, top: Unit, now: datetime) -> UnitNode:
    """``top`` and every active unit below it, with members, their channels and open invites."""
    units = unit_queries.subtree_units(session=session, unit=top, active_only=True)
    nodes = _nodes(session, [top] + [u for u in units if u.id != top.id], now)
    for unit in units:
        if unit.id != top.id and unit.parent_id in nodes:
            nodes[unit.parent_id].children.append(nodes[unit.id])
    for node in nodes.values():
        node.children.sort(key=lambda n: n.unit.code)
    return nodes[top.id]


def unit_node(*, session: Session, unit: Unit, now: datetime) -> UnitNode:
    """One unit with its members and open invites, and the active units right below it."""
    below = [u for u in unit_queries.children_of(session=session, unit_id=unit.id) if u.active]
    node = _nodes(session, [unit], now)[unit.id]
    node.children = [UnitNode(u) for u in below]
    return node


def holders(*, session: Session, unit: Unit, role: str, now: datetime) -> list[str]:
    """Names of the registered people who already hold ``role`` in ``unit``."""
    node = _nodes(session, [unit], now)[unit.id]
    return [m.name for m in node.members if m.role == role and m.registered]


def _nodes(session: Session, units: list[Unit], now: datetime) -> dict[int, UnitNode]:
    nodes = {u.id: UnitNode(u) for u in units}
    rows = queries.members_of_units(session=session, unit_ids=list(nodes))
    accounts = queries.accounts_of_people(session=session, person_ids=sorted({p.id for _, p in rows}))
    by_person: dict[int, list[ChatAccount]] = {}
    for account in accounts:
        by_person.setdefault(account.person_id, []).append(account)
    for membership, person in rows:
        own = by_person.get(person.id, [])
        used = preferred_account(person, own)
        channels = [Channel(a.channel, a.reachable, used is not None and a.id == used.id) for a in own]
        nodes[membership.unit_id].members.append(Member(person.full_name, membership.role, channels))
    for node in nodes.values():
        node.members.sort(key=lambda m: (ROLE_ORDER.get(m.role, 9), m.name))
    for invite in queries.open_invites(session=session, unit_ids=list(nodes), now=now):
        nodes[invite.unit_id].invites.append(invite)
    return nodes


@dataclass(frozen=True)
class Made:
    """An invite just made, with its plain code (shown this once)."""

    code: str
    invite: Invite
    unit: Unit


@dataclass(frozen=True)
class Sent:
    """Invites queued to the admin's own chat: how many, on which channel (None: no chat
    account chibot can write to, nothing queued)."""

    count: int
    channel: str | None


def invite_text(t: Translator, made: Made, tz: ZoneInfo) -> str:
    """The words chat's /invite answers with, for one invite."""
    label = made.invite.label
    return t(
        "invite.created",
        role=role_label(t, made.invite.role, made.unit.kind),
        unit=made.unit.name,
        label=f" ({label})" if label else "",
        code=made.code,
        expires=format_local_datetime(made.invite.expires_at, tz),
    )


def send_to_self(*, session: Session, person_id: int, made: list[Made], now: datetime, tz: ZoneInfo) -> Sent:
    """Queue each invite as its own message to this person's chat (the account chibot writes
    to), so they can forward it to the person invited; the bot delivers it."""
    person = account_queries.get_person(session=session, person_id=person_id)
    accounts = account_queries.accounts_of_person(session=session, person_id=person_id)
    account = preferred_account(person, accounts) if person is not None else None
    if account is None or not account.reachable:
        return Sent(0, None)
    t = Translator(account.language)
    queued = 0
    for one in made:
        queued += outbox.enqueue(
            session=session,
            account_id=account.id,
            kind="notice",
            reply=Reply(text=invite_text(t, one, tz)),
            due_at=now,
            dedupe_key=f"invite:{one.invite.id}:{account.id}",
        )
    return Sent(queued, account.channel)

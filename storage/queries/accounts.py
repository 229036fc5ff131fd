"""Chat accounts, people and their roles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Table, and_, bindparam, true
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from ground.text_limits import without_controls
from storage.queries.conversation import FlowRow
from storage.tables import ChatAccount, ConversationState, Membership, Person, Unit


def get_account(*, session: Session, channel: str, external_user_id: str) -> ChatAccount | None:
    return session.exec(
        select(ChatAccount).where(
            col(ChatAccount.channel) == channel, col(ChatAccount.external_user_id) == external_user_id
        )
    ).first()


_accounts: Table = ChatAccount.__table__  # type: ignore[attr-defined]
_people: Table = Person.__table__  # type: ignore[attr-defined]
_memberships: Table = Membership.__table__  # type: ignore[attr-defined]
_units: Table = Unit.__table__  # type: ignore[attr-defined]
_states: Table = ConversationState.__table__  # type: ignore[attr-defined]
# Built once: the core runs it for every update (see storage/queries/conversation.py).
_ACTOR = (
    core_select(
        _accounts.c.id,
        _accounts.c.person_id,
        _accounts.c.chat_id,
        _accounts.c.display_name,
        _accounts.c.language,
        _accounts.c.reachable,
        _accounts.c.last_seen_at,
        _people.c.full_name,
        _people.c.preferences,
        _memberships.c.role,
        _units.c.id.label("unit_id"),
        _units.c.code,
        _units.c.name,
        _units.c.kind,
        _units.c.path,
        _states.c.id.label("flow_id"),
        _states.c.flow,
        _states.c.step,
        _states.c.data,
        _states.c.updated_at,
    )
    .select_from(_accounts)
    .outerjoin(_people, _people.c.id == _accounts.c.person_id)
    # The chat's flow row comes along (it is keyed like the account): one statement less.
    .outerjoin(
        _states,
        and_(_states.c.channel == _accounts.c.channel, _states.c.user_id == _accounts.c.external_user_id),
    )
    .outerjoin(_memberships, and_(_memberships.c.person_id == _accounts.c.person_id, _memberships.c.active == true()))
    .outerjoin(_units, and_(_units.c.id == _memberships.c.unit_id, _units.c.active == true()))
    .where(_accounts.c.channel == bindparam("channel"), _accounts.c.external_user_id == bindparam("user_id"))
    .order_by(_memberships.c.id)
)
_TOUCH = _accounts.update().where(_accounts.c.id == bindparam("account_id"))
_SET_PREFERENCES = (
    _people.update().where(_people.c.id == bindparam("person_id")).values(preferences=bindparam("preferences"))
)


@dataclass(frozen=True)
class ActorRole:
    role: str
    unit_id: int
    code: str
    name: str
    kind: str
    path: str


@dataclass(frozen=True)
class ActorRow:
    """What every update needs of its sender's account: read in one statement."""

    account_id: int
    person_id: int
    chat_id: str
    display_name: str
    language: str
    reachable: bool
    last_seen_at: datetime | None
    full_name: str | None
    preferences: dict[str, Any]
    #: Active roles in active units, in the order they were given.
    roles: list[ActorRole]
    #: The chat's flow row (storage/queries/conversation.py ``read_flow``), None outside a flow.
    flow: FlowRow | None


def get_actor(*, session: Session, channel: str, external_user_id: str) -> ActorRow | None:
    """The account of (channel, user), its person, active roles and flow row, in one statement."""
    rows = session.connection().execute(_ACTOR, {"channel": channel, "user_id": external_user_id}).all()
    if not rows:
        return None
    first = rows[0]
    flow = (
        FlowRow(first.flow_id, channel, external_user_id, first.flow, first.step, first.data or {}, first.updated_at)
        if first.flow_id is not None
        else None
    )
    roles = [ActorRole(r.role, r.unit_id, r.code, r.name, r.kind, r.path) for r in rows if r.unit_id is not None]
    return ActorRow(
        account_id=first.id,
        person_id=first.person_id,
        chat_id=first.chat_id,
        display_name=first.display_name,
        language=first.language,
        reachable=first.reachable,
        last_seen_at=first.last_seen_at,
        full_name=first.full_name,
        preferences=first.preferences or {},
        roles=roles,
        flow=flow,
    )


def touch_actor(
    *, session: Session, actor: ActorRow, channel: str, chat_id: str, display_name: str, now: datetime
) -> None:
    """Note that the account wrote from ``chat_id`` now (to the minute), under this name, and
    is reachable; the person's preferred channel follows (``note_channel_used``). A statement
    only when something changed: a flow's answers a few seconds apart write nothing."""
    values: dict[str, Any] = {}
    if actor.chat_id != chat_id:
        values["chat_id"] = chat_id
    name = storable_name(display_name) if display_name else ""
    if name and actor.display_name != name:
        values["display_name"] = name
    if actor.last_seen_at is None or abs(now - actor.last_seen_at) >= SEEN_PRECISION:
        values["last_seen_at"] = now
    if not actor.reachable:
        # They are writing to us right now, so this chat works again.
        values["reachable"], values["unreachable_reason"] = True, None
    connection = session.connection()
    if values:
        connection.execute(_TOUCH.values(**values), {"account_id": actor.account_id})
    prefs = actor.preferences
    if actor.full_name is not None and not prefs.get(PREFERRED_FIXED) and prefs.get(PREFERRED_CHANNEL) != channel:
        preferences = {**prefs, PREFERRED_CHANNEL: channel}
        connection.execute(_SET_PREFERENCES, {"person_id": actor.person_id, "preferences": preferences})


def get_account_by_chat(*, session: Session, channel: str, chat_id: str) -> ChatAccount | None:
    return session.exec(
        select(ChatAccount).where(col(ChatAccount.channel) == channel, col(ChatAccount.chat_id) == chat_id)
    ).first()


def get_person(*, session: Session, person_id: int) -> Person | None:
    return session.get(Person, person_id)


def active_memberships(*, session: Session, person_id: int) -> list[tuple[Membership, Unit]]:
    rows = session.exec(
        select(Membership, Unit)
        .join(Unit, col(Unit.id) == col(Membership.unit_id))
        .where(col(Membership.person_id) == person_id, col(Membership.active) == true(), col(Unit.active) == true())
        .order_by(col(Membership.id))
    ).all()
    return list(rows)


def accounts_of_person(*, session: Session, person_id: int) -> list[ChatAccount]:
    return list(session.exec(select(ChatAccount).where(col(ChatAccount.person_id) == person_id)).all())


def storable_name(name: str) -> str:
    """A channel's display name as the column holds it: no control characters, 255 at most."""
    return without_controls(name)[:255]


#: last_seen_at is kept to the minute: a flow's answers a few seconds apart write no row.
SEEN_PRECISION = timedelta(minutes=1)


# ---- one person, several channels ------------------------------------------------------------
#: Person.preferences keys: the channel messages go to, and whether the person chose it (/kenh)
#: rather than it following the last channel they wrote from.
PREFERRED_CHANNEL = "channel"
PREFERRED_FIXED = "channel_fixed"


def note_channel_used(*, session: Session, person: Person, channel: str) -> None:
    """The last channel a person wrote from becomes their preferred one, unless they chose."""
    prefs = dict(person.preferences or {})
    if prefs.get(PREFERRED_FIXED) or prefs.get(PREFERRED_CHANNEL) == channel:
        return
    prefs[PREFERRED_CHANNEL] = channel
    person.preferences = prefs  # a new dict, so the JSON column is written
    session.add(person)


def set_preferred_channel(*, session: Session, person: Person, channel: str | None) -> None:
    """Fix the preferred channel (None: follow the last channel written from again)."""
    prefs = dict(person.preferences or {})
    if channel is None:
        prefs.pop(PREFERRED_FIXED, None)
    else:
        prefs[PREFERRED_CHANNEL], prefs[PREFERRED_FIXED] = channel, True
    person.preferences = prefs
    session.add(person)


def preferred_account(person: Person, accounts: list[ChatAccount]) -> ChatAccount | None:
    """The one account a person's messages go to: a reachable one on the preferred channel,
    else the reachable one last seen; an unreachable one only when none is reachable."""
    if not accounts:
        return None
    pool = [a for a in accounts if a.reachable] or accounts
    wanted = (person.preferences or {}).get(PREFERRED_CHANNEL)
    for account in pool:
        if account.channel == wanted:
            return account
    return max(pool, key=lambda a: (a.last_seen_at or a.created_at, a.id))


def one_per_person(rows: list, *, person_at: int, account_at: int, group_at: tuple[int, ...] = ()) -> list:  # noqa: ANN001
    """Keep, of rows holding (…, person, …, account, …), one row per person (and group), the
    one whose account ``preferred_account`` picks; order of first appearance is kept."""
    groups: dict[tuple, list] = {}
    for row in rows:
        key = (*(_key(row[i]) for i in group_at), row[person_at].id)
        groups.setdefault(key, []).append(row)
    kept = []
    for members in groups.values():
        chosen = preferred_account(members[0][person_at], [r[account_at] for r in members])
        kept.append(next(r for r in members if r[account_at] is chosen))
    return kept


def _key(value):  # noqa: ANN001, ANN202
    return getattr(value, "id", value)


def other_reachable_account(*, session: Session, account_id: int) -> ChatAccount | None:
    """Another reachable account of the same person (the fallback when this one is blocked)."""
    account = session.get(ChatAccount, account_id)
    if account is None:
        return None
    others = [
        a
        for a in accounts_of_person(session=session, person_id=account.person_id)
        if a.id != account.id and a.reachable
    ]
    person = session.get(Person, account.person_id)
    return preferred_account(person, others) if others and person is not None else None


def mark_unreachable(*, session: Session, channel: str, chat_id: str, reason: str) -> int:
    """Flag every account of this chat as unreachable; returns how many were flagged."""
    accounts = session.exec(
        select(ChatAccount).where(col(ChatAccount.channel) == channel, col(ChatAccount.chat_id) == chat_id)
    ).all()
    for account in accounts:
        account.reachable = False
        account.unreachable_reason = reason[:255]
        session.add(account)
    return len(accounts)


def secretaries_accounts(*, session: Session, unit_ids: list[int]) -> list[tuple[Unit, Person, ChatAccount]]:
    """One chat account of every active secretary of these units: the preferred reachable one
    (see ``preferred_account``), or an unreachable one when the person has nothing else."""
    if not unit_ids:
        return []
    rows = session.exec(
        select(Unit, Person, ChatAccount)
        .join(Membership, col(Membership.unit_id) == col(Unit.id))
        .join(Person, col(Person.id) == col(Membership.person_id))
        .join(ChatAccount, col(ChatAccount.person_id) == col(Person.id))
        .where(col(Unit.id).in_(unit_ids), col(Membership.role) == "secretary", col(Membership.active) == true())
        .order_by(col(Unit.id), col(Person.id), col(ChatAccount.id))
    ).all()
    return one_per_person(list(rows), person_at=1, account_at=2, group_at=(0,))


def secretary_reachability(*, session: Session, unit_ids: list[int]) -> list[tuple[int, bool]]:
    """(unit id, reachable) of every chat account of every active secretary of these units: plain
    columns, for counting thousands of units (a unit is reached when any of them is reachable,
    which is also when ``secretaries_accounts`` picks a reachable one)."""
    found: list[tuple[int, bool]] = []
    for start in range(0, len(unit_ids), 1000):
        found.extend(
            session.exec(
                select(col(Membership.unit_id), col(ChatAccount.reachable))
                .join(ChatAccount, col(ChatAccount.person_id) == col(Membership.person_id))
                .where(
                    col(Membership.unit_id).in_(unit_ids[start : start + 1000]),
                    col(Membership.role) == "secretary",
                    col(Membership.active) == true(),
                )
            ).all()
        )
    return found


_STAFF_ACCOUNTS = (
    select(Person, ChatAccount)
    .join(Membership, col(Membership.person_id) == col(Person.id))
    .join(ChatAccount, col(ChatAccount.person_id) == col(Person.id))
    .where(
        col(Membership.unit_id) == bindparam("unit_id"),
        col(Membership.role).in_(["staff", "admin"]),
        col(Membership.active) == true(),
    )
    .order_by(col(Person.id), col(ChatAccount.id))
)


def staff_accounts(*, session: Session, unit_id: int) -> list[tuple[Person, ChatAccount]]:
    """One chat account per staff member or admin of the unit (as ``secretaries_accounts``)."""
    rows = session.execute(_STAFF_ACCOUNTS, {"unit_id": unit_id}).all()
    return one_per_person(list(rows), person_at=0, account_at=1)


def get_unit(*, session: Session, unit_id: int) -> Unit | None:
    return session.get(Unit, unit_id)


def set_language(*, session: Session, account_id: int | None, language: str) -> None:
    if account_id is None:
        return
    account = session.get(ChatAccount, account_id)
    if account is not None:
        account.language = language
        session.add(account)


def get_account_by_id(*, session: Session, account_id: int) -> ChatAccount | None:
    return session.get(ChatAccount, account_id)


def registered_people(*, session: Session) -> list[Person]:
    """People holding at least one active role."""
    return list(
        session.exec(
            # IN instead of DISTINCT: PostgreSQL cannot compare the JSON preferences column.
            select(Person)
            .where(col(Person.id).in_(select(col(Membership.person_id)).where(col(Membership.active) == true())))
            .order_by(col(Person.id))
        ).all()
    )


def create_account(
    *,
    session: Session,
    person_id: int,
    channel: str,
    external_user_id: str,
    chat_id: str,
    display_name: str,
    language: str,
    now: datetime,
) -> ChatAccount:
    account = ChatAccount(
        person_id=person_id,
        channel=channel,
        external_user_id=external_user_id,
        chat_id=chat_id,
        display_name=storable_name(display_name),
        language=language,
        created_at=now,
        last_seen_at=now,
    )
    session.add(account)
    session.flush()
    return account

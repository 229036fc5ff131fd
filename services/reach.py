"""Who a message to some units actually reaches, and who it cannot: every count staff read
("Đã báo cho N đơn vị", "Gửi nhắc ngay cho N đơn vị", a broadcast's audience) says the reached
units and the unreachable ones separately, and names the unreachable with the reason, so staff
know whom to phone or send the paper copy.

A unit is reachable when one of its active secretaries has a chat account chibot can still
write to; the reasons it may not be: nobody registered as its secretary, or every secretary's
chat has blocked chibot (the dispatcher marks the account unreachable)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session

from services.i18n import Translator
from services.unit_words import leader_short
from storage.queries import accounts as account_queries
from storage.queries import status as status_queries
from storage.tables import Unit

#: How many unreachable units a message names before "and N more".
NAMED = 30


@dataclass(frozen=True)
class Reach:
    #: Ids of the units a message reaches (counted, never named: thousands of them).
    reached: list[int]
    #: The units it cannot reach, by code, to be named to staff.
    unreachable: list[Unit]
    #: Ids of the unreachable units that have a secretary whose chat blocked chibot (the rest
    #: have no registered secretary).
    blocked: set[int] = field(default_factory=set)

    @property
    def count(self) -> int:
        return len(self.reached) + len(self.unreachable)


def reach(*, session: Session, unit_ids: list[int]) -> Reach:
    """The units among ``unit_ids`` a message would reach and those it would not, by code."""
    ids = list(dict.fromkeys(unit_ids))
    reached_ids: set[int] = set()
    with_secretary: set[int] = set()
    # Columns, not ORM rows: publishing to 5,000 units asks this before staff are answered.
    for unit_id, reachable in account_queries.secretary_reachability(session=session, unit_ids=ids):
        with_secretary.add(unit_id)
        if reachable:
            reached_ids.add(unit_id)
    # Only the unreachable units are loaded (to be named): a publish to 5,000 units asks this
    # before staff are answered, and 5,000 ORM units took half a second on PostgreSQL.
    units = status_queries.units_by_ids(session=session, unit_ids=[i for i in ids if i not in reached_ids])
    return Reach(
        [i for i in ids if i in reached_ids],
        sorted(units.values(), key=lambda u: u.code),
        {i for i in with_secretary if i not in reached_ids},
    )


def unreachable_text(t: Translator, found: Reach, *, head: str = "reach.head") -> str:
    """ "Chưa báo được cho 2 đơn vị ...:" and one line per unit with its reason; "" when none.
    ``head``: "reach.head_before" words it as a warning before anything is sent."""
    if not found.unreachable:
        return ""
    lines = [t(head, count=len(found.unreachable))]
    for unit in found.unreachable[:NAMED]:
        leader = leader_short(t, unit.kind)
        reason = t("reach.blocked" if unit.id in found.blocked else "reach.no_secretary", leader=leader)
        lines.append(t("reach.line", code=unit.code, name=unit.name, reason=reason))
    if len(found.unreachable) > NAMED:
        lines.append(t("reach.more", count=len(found.unreachable) - NAMED))
    return "\n".join(lines)


@dataclass(frozen=True)
class Contact:
    """A secretary of a unit and the channel messages to them go on."""

    name: str
    channel: str
    reachable: bool


def contacts(*, session: Session, unit_ids: list[int]) -> dict[int, list[Contact]]:
    """Each unit's active secretaries with the one account chibot writes to (as the outbox
    picks it: the preferred reachable one)."""
    found: dict[int, list[Contact]] = {}
    for unit, person, account in account_queries.secretaries_accounts(session=session, unit_ids=unit_ids):
        found.setdefault(unit.id, []).append(Contact(person.full_name, account.channel, account.reachable))
    return found

"""Who a console user is: `chibot shell --as <invite code | name>` resolves here."""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlmodel import Session

from services import invites
from services.parsing.vn_text import normalize
from storage.queries import accounts as account_queries
from storage.queries import invites as invite_queries


class ConsoleUserError(LookupError):
    """Nobody matches what was given to --as / :as."""


def console_user_id(seed: str) -> str:
    return "c-" + hashlib.sha256(seed.encode("utf-8")).hexdigest()[:10]


def resolve(*, session: Session, who: str, now: datetime) -> tuple[str, str, str | None]:
    """Return (console user id, display name, invite code to redeem or None).

    ``who`` is an invite code (unused: the shell redeems it with /start; used: the account
    that used it) or the name of a registered person (their console account, created on
    first use: the shell is a local tool of whoever already holds the database).
    """
    who = who.strip()
    if not who:
        raise ConsoleUserError("empty")
    try:
        invite = invites.check_invite(session=session, code=who, now=now)
    except invites.InviteError as exc:
        invite = None
        if exc.reason == "used":
            used = invite_queries.get_invite_by_hash(session=session, code_hash=invites.hash_code(who))
            if used is not None and used.used_by_account_id is not None:
                account = account_queries.get_account_by_id(session=session, account_id=used.used_by_account_id)
                if account is not None:
                    return _console_account_for_person(session, account.person_id, now)
    if invite is not None:
        return console_user_id(who.upper()), invites.person_name(session=session, invite=invite), who
    wanted = normalize(who)
    people = [p for p in account_queries.registered_people(session=session) if normalize(p.full_name) == wanted]
    if not people:
        people = [p for p in account_queries.registered_people(session=session) if wanted in normalize(p.full_name)]
    if len(people) != 1:
        raise ConsoleUserError(who)
    return _console_account_for_person(session, people[0].id, now)


def _console_account_for_person(session: Session, person_id: int, now: datetime) -> tuple[str, str, None]:
    person = account_queries.get_person(session=session, person_id=person_id)
    if person is None:
        raise LookupError(f"person {person_id} does not exist")
    existing = [
        a for a in account_queries.accounts_of_person(session=session, person_id=person_id) if a.channel == "console"
    ]
    if existing:
        # The account this person registered with in an earlier shell: same conversation state.
        return existing[0].external_user_id, person.full_name, None
    user_id = console_user_id(f"person:{person_id}")
    account = account_queries.get_account(session=session, channel="console", external_user_id=user_id)
    if account is None:
        account_queries.create_account(
            session=session,
            person_id=person_id,
            channel="console",
            external_user_id=user_id,
            chat_id=user_id,
            display_name=person.full_name,
            language="vi",
            now=now,
        )
    return user_id, person.full_name, None

"""One person on two channels: ``/link`` gives a one-time code on one channel; sent on the
other, it attaches that chat account to the same person (same roles, same units).

The code is short enough to type on a phone, lives 15 minutes, is used once and is stored only
hashed (like invites). Redeeming never merges two people: a chat account that already
belongs to someone else is refused, so a forwarded code cannot take over another cell's
account. Which account messages go to is the person's preferred channel
(storage.queries.accounts.preferred_account); ``/kenh`` fixes it.
"""

from __future__ import annotations

import re
import secrets
from datetime import datetime, timedelta

from sqlmodel import Session

from services.invites import CODE_ALPHABET, hash_code, normalize_code
from storage.queries import account_links as queries
from storage.queries import accounts as account_queries
from storage.queries.audit import add_audit
from storage.tables import ChatAccount
from storage.tables.people import CHANNELS

LINK_TTL = timedelta(minutes=15)
PREFIX = "LK"
CODE_LENGTH = 6
#: What a link code looks like when typed (LK-4H7Q2M, lk 4h7q2m ...), to tell it from an invite.
LINK_CODE_RE = re.compile(r"^\s*lk[\s-]*[a-z0-9]{6}\s*$", re.IGNORECASE)
#: Channels a person can be reached on (the console is for trying chibot out).
LINKABLE = ("telegram", "zalo")


class LinkError(Exception):
    """Why a link code cannot be used: unknown, expired, used, same_channel, other_person,
    already_linked, channel_taken."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def looks_like_link_code(text: str) -> bool:
    return bool(LINK_CODE_RE.match(text or ""))


def new_code() -> str:
    return PREFIX + "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def create_link_code(*, session: Session, person_id: int, account_id: int, now: datetime) -> str:
    """A fresh code for this person (earlier unused ones stop working). Shown once."""
    queries.drop_unused_of(session=session, person_id=person_id, now=now)
    code = new_code()
    queries.add_link_code(
        session=session,
        code_hash=hash_code(code),
        person_id=person_id,
        account_id=account_id,
        created_at=now,
        expires_at=now + LINK_TTL,
    )
    return code


def redeem_link_code(
    *,
    session: Session,
    code: str,
    channel: str,
    external_user_id: str,
    chat_id: str,
    display_name: str,
    language: str,
    now: datetime,
) -> ChatAccount:
    """Attach the account writing on ``channel`` to the code's person; the caller commits."""
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}")
    row = queries.get_by_hash(session=session, code_hash=hash_code(normalize_code(code)))
    if row is None:
        raise LinkError("unknown")
    if row.used_at is not None:
        raise LinkError("used")
    if now >= row.expires_at:
        raise LinkError("expired")
    origin = account_queries.get_account_by_id(session=session, account_id=row.account_id)
    if origin is not None and origin.channel == channel:
        raise LinkError("same_channel")
    existing = account_queries.get_account(session=session, channel=channel, external_user_id=external_user_id)
    if existing is not None:
        raise LinkError("already_linked" if existing.person_id == row.person_id else "other_person")
    if any(a.channel == channel for a in account_queries.accounts_of_person(session=session, person_id=row.person_id)):
        raise LinkError("channel_taken")
    if not queries.claim(session=session, link_id=row.id, now=now):
        raise LinkError("used")
    account = account_queries.create_account(
        session=session,
        person_id=row.person_id,
        channel=channel,
        external_user_id=external_user_id,
        chat_id=chat_id,
        display_name=display_name,
        language=origin.language if origin else language,
        now=now,
    )
    queries.set_used_by(session=session, link_id=row.id, account_id=account.id)
    person = account_queries.get_person(session=session, person_id=row.person_id)
    if person is not None:
        account_queries.note_channel_used(session=session, person=person, channel=channel)
    add_audit(
        session=session,
        action="account_link",
        at=now,
        actor_person_id=row.person_id,
        actor_account_id=account.id,
        details={"channel": channel, "from_account_id": row.account_id, "link_id": row.id},
    )
    return account


def channels_of(*, session: Session, person_id: int) -> tuple[str | None, bool, list[ChatAccount]]:
    """(preferred channel, chosen with /kenh, the person's accounts)."""
    person = account_queries.get_person(session=session, person_id=person_id)
    if person is None:
        return None, False, []
    accounts = account_queries.accounts_of_person(session=session, person_id=person.id)
    chosen = account_queries.preferred_account(person, accounts)
    prefs = person.preferences or {}
    return (chosen.channel if chosen else None), bool(prefs.get(account_queries.PREFERRED_FIXED)), accounts


def choose_channel(*, session: Session, person_id: int, channel: str | None) -> None:
    """``/kenh zalo``: messages go to Zalo from now on. ``None`` follows the last channel used.

    Raises LinkError("no_account") when the person has no reachable account on that channel."""
    person = account_queries.get_person(session=session, person_id=person_id)
    if person is None:
        raise LinkError("no_account")
    if channel is not None:
        accounts = account_queries.accounts_of_person(session=session, person_id=person_id)
        if not any(a.channel == channel and a.reachable for a in accounts):
            raise LinkError("no_account")
    account_queries.set_preferred_channel(session=session, person=person, channel=channel)

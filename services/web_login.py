"""Signing in to the staff dashboard without a password.

``/web`` in chat (or ``chibot web-login PERSON``) gives a one-time link: bound to that person,
used once, expiring in 10 minutes, stored only hashed. Opening it starts a browser session
(a random token in an HttpOnly cookie, also stored hashed). Every request re-reads the
person's roles through the same memberships chat reads, so a staff member whose role was
removed since is refused at the next request, not when the session expires.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session

from ground.actor import Actor, RoleInUnit
from storage.queries import accounts as account_queries
from storage.queries import web as queries
from storage.queries.audit import add_audit
from storage.tables import Person, WebLogin, WebSession

LOGIN_TTL = timedelta(minutes=10)
#: Who may use the dashboard: the same roles as /status and /export.
WEB_ROLES = ("staff", "admin")
LOGIN_PATH = "/login/"


class WebLoginError(Exception):
    """Why a login link cannot be used or made: unknown, used, expired, not_staff."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def actor_of(*, session: Session, person_id: int) -> Actor:
    """The person with their active roles, exactly as the chat core builds it."""
    person = account_queries.get_person(session=session, person_id=person_id)
    if person is None:
        return Actor()
    roles = [
        RoleInUnit(m.role, u.id, u.code, u.name, u.kind, u.path)
        for m, u in account_queries.active_memberships(session=session, person_id=person_id)
    ]
    return Actor(account_id=None, person_id=person.id, name=person.full_name, roles=roles)


def may_use_web(actor: Actor) -> bool:
    return actor.registered and actor.has_role(*WEB_ROLES)


def language_of(*, session: Session, person_id: int, default: str) -> str:
    """The language of the account the person's messages go to (set with /lang in chat)."""
    person = account_queries.get_person(session=session, person_id=person_id)
    if person is None:
        return default
    account = account_queries.preferred_account(
        person, account_queries.accounts_of_person(session=session, person_id=person_id)
    )
    return account.language if account is not None else default


def login_url(base_url: str, token: str) -> str:
    return f"{base_url.rstrip('/')}{LOGIN_PATH}{token}"


def create_login_link(*, session: Session, person_id: int, origin: str, base_url: str, now: datetime) -> str:
    """A fresh one-time link for a staff member or administrator; shown once."""
    if not may_use_web(actor_of(session=session, person_id=person_id)):
        raise WebLoginError("not_staff")
    token = secrets.token_urlsafe(32)
    row = queries.add_login(
        session=session,
        token_hash=hash_token(token),
        person_id=person_id,
        origin=origin,
        created_at=now,
        expires_at=now + LOGIN_TTL,
    )
    add_audit(
        session=session, action="web_link", at=now, actor_person_id=person_id, details={"origin": origin, "id": row.id}
    )
    return login_url(base_url, token)


@dataclass(frozen=True)
class Started:
    token: str
    web_session: WebSession


def check_link(*, session: Session, token: str, now: datetime) -> WebLogin:
    """The live login link ``token`` names (nothing changes), or WebLoginError saying why not."""
    row = queries.login_by_hash(session=session, token_hash=hash_token(token))
    if row is None:
        raise WebLoginError("unknown")
    if row.used_at is not None:
        raise WebLoginError("used")
    if now >= row.expires_at:
        raise WebLoginError("expired")
    if not may_use_web(actor_of(session=session, person_id=row.person_id)):
        raise WebLoginError("not_staff")
    return row


def redeem(*, session: Session, token: str, now: datetime, hours: int) -> Started:
    """Use a login link: a new session for its person. The caller commits."""
    row = check_link(session=session, token=token, now=now)
    if not queries.claim_login(session=session, login_id=row.id, now=now):
        raise WebLoginError("used")
    session_token = secrets.token_urlsafe(32)
    web_session = queries.add_session(
        session=session,
        token_hash=hash_token(session_token),
        person_id=row.person_id,
        login_id=row.id,
        created_at=now,
        expires_at=now + timedelta(hours=hours),
    )
    add_audit(
        session=session,
        action="web_login",
        at=now,
        actor_person_id=row.person_id,
        details={"channel": "web", "session": web_session.id},
    )
    return Started(session_token, web_session)


@dataclass(frozen=True)
class SignedIn:
    actor: Actor
    web_session: WebSession


def signed_in(*, session: Session, token: str | None, now: datetime) -> SignedIn | None:
    """Who holds this session cookie, if it is live and they are still staff or admin."""
    if not token:
        return None
    row = queries.session_by_hash(session=session, token_hash=hash_token(token))
    if row is None or row.ended_at is not None or now >= row.expires_at:
        return None
    actor = actor_of(session=session, person_id=row.person_id)
    if not may_use_web(actor):
        return None
    return SignedIn(actor, row)


def sign_out(*, session: Session, web_session: WebSession, now: datetime) -> None:
    queries.end_session(session=session, session_id=web_session.id, now=now)
    add_audit(
        session=session,
        action="web_logout",
        at=now,
        actor_person_id=web_session.person_id,
        details={"channel": "web", "session": web_session.id},
    )


def find_person(*, session: Session, text: str) -> Person:
    """The registered person ``text`` names: an id, or a full name (any case). Raises
    WebLoginError("unknown") or ValueError listing the candidates when several share the name."""
    wanted = text.strip()
    people = account_queries.registered_people(session=session)
    if wanted.isdigit():
        found = [p for p in people if p.id == int(wanted)]
    else:
        found = [p for p in people if p.full_name.casefold() == wanted.casefold()]
    if not found:
        raise WebLoginError("unknown")
    if len(found) > 1:
        raise ValueError(", ".join(f"{p.id}: {p.full_name}" for p in found))
    return found[0]

"""One-time invites: how an admin brings a secretary or a staff member into the bot.

The admin runs ``chibot invite CB01 --role secretary`` and passes the code (or the Telegram link
``https://t.me/<bot>?start=<code>``) to the person, who sends it to the bot. Redeeming binds that
person's chat account to the unit and role. The code is shown once and stored only as a
SHA-256 hash, so a copy of the database does not let anyone join.

Which role fits which unit (what the people using it expect):

- secretary (bí thư): the head who receives directives and reports back. That is the secretary
  of a cell (chi bộ), but also of a grassroots organisation (đảng bộ cơ sở) or the head of a
  mass organisation (đoàn thể), which receive the same directives: kinds cell, grassroots, mass.
- staff (cán bộ văn phòng): registers directives and watches reports for the units below, so
  only where there are units below: committee (cấp ủy) or grassroots organisation.
- admin (quản trị): sets up the tree and invites people, same places as staff.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import datetime, timedelta

from sqlmodel import Session

from ground.actor import Actor
from ground.text_limits import without_controls
from services.i18n import DEFAULT_LANGUAGE, t
from services.unit_words import capitalized, leader_short
from storage.queries.accounts import create_account, get_account
from storage.queries.audit import add_audit
from storage.queries.invites import (
    add_invite,
    add_membership,
    add_person,
    claim_invite,
    get_invite_by_hash,
    get_membership,
    set_invite_account,
)
from storage.queries.units import get_unit, get_unit_by_code
from storage.tables import ChatAccount, Invite, Membership, Unit
from storage.tables.people import CHANNELS, ROLES

#: No 0/O, 1/I/L or U/V look-alikes: codes are read off a screen and typed on a phone.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTWXYZ23456789"
#: 29**10 ≈ 4e14 codes: guessing one of a handful of live, expiring invites is hopeless.
CODE_LENGTH = 10
MAX_EXPIRY = timedelta(days=365)
#: How long an invite made in chat (/invite) or on the dashboard stays usable.
DEFAULT_VALID_FOR = timedelta(days=7)
MAX_LABEL_LENGTH = 255  # Person.full_name

ROLE_UNIT_KINDS: dict[str, tuple[str, ...]] = {
    "secretary": ("cell", "grassroots", "mass"),
    "staff": ("committee", "grassroots"),
    "admin": ("committee", "grassroots"),
}
ROLE_WORDS = {"secretary": "bí thư", "staff": "cán bộ", "admin": "quản trị"}
_KIND_WORDS = {
    "committee": "committee (cấp ủy)",
    "grassroots": "grassroots organisation (đảng bộ cơ sở)",
    "cell": "cell (chi bộ)",
    "mass": "mass organisation (đoàn thể)",
}

_DURATION_RE = re.compile(r"^\s*(\d{1,6})\s*([mhdw])\s*$", re.IGNORECASE)
_DURATION_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


class InviteError(Exception):
    """An invite code cannot be used. ``reason`` is "unknown", "expired" or "used"."""

    MESSAGES = {
        "unknown": "this invite code is not known",
        "expired": "this invite code has expired",
        "used": "this invite code has already been used",
    }

    def __init__(self, reason: str) -> None:
        super().__init__(self.MESSAGES.get(reason, reason))
        self.reason = reason


class InviteRequestError(ValueError):
    """An invite cannot be created as asked (unknown unit, wrong role for the unit, ...)."""


class DurationError(ValueError):
    """A duration such as "7d" could not be read."""


def parse_duration(text: str) -> timedelta:
    """ "30m", "12h", "7d", "2w" (any case, spaces allowed) as a timedelta."""
    match = _DURATION_RE.match(text or "")
    if match is None:
        raise DurationError(f"'{text}' is not a duration; write a number and m, h, d or w, e.g. 7d or 12h")
    amount = int(match.group(1))
    if amount == 0:
        raise DurationError(f"'{text}' is not a duration; it must be longer than zero")
    return timedelta(**{_DURATION_UNITS[match.group(2).lower()]: amount})


def normalize_code(code: str) -> str:
    """What the user typed, as generated: case, spaces and dashes do not matter."""
    return re.sub(r"[\s\-]", "", code or "").upper()


def hash_code(code: str) -> str:
    return hashlib.sha256(normalize_code(code).encode("ascii", "replace")).hexdigest()


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def create_invite(
    *,
    session: Session,
    unit_code: str,
    role: str,
    expires_in: timedelta,
    now: datetime,
    label: str | None = None,
    created_by_person_id: int | None = None,
) -> tuple[str, Invite]:
    """A new invite for ``role`` in the unit ``unit_code``; returns the plain code (shown once)."""
    if role not in ROLES:
        raise InviteRequestError(f"role '{role}' is not one of {', '.join(ROLES)}")
    unit_code = unit_code.strip()
    unit = get_unit_by_code(session=session, code=unit_code)
    if unit is None:
        raise InviteRequestError(f"there is no unit with code '{unit_code}'; `chibot units list` shows the codes")
    if not unit.active:
        raise InviteRequestError(f"unit '{unit_code}' is no longer active")
    if unit.kind not in ROLE_UNIT_KINDS[role]:
        words = [_KIND_WORDS[kind] for kind in ROLE_UNIT_KINDS[role]]
        allowed = ", ".join(words[:-1]) + " or " + words[-1]
        raise InviteRequestError(
            f"a {role} ({ROLE_WORDS[role]}) invite is for a {allowed}, "
            f"but '{unit_code}' is a {_KIND_WORDS.get(unit.kind, unit.kind)}"
        )
    if expires_in <= timedelta(0) or expires_in > MAX_EXPIRY:
        raise InviteRequestError("an invite must expire after more than zero and at most 365 days")
    label = without_controls(label or "").strip() or None
    if label is not None and len(label) > MAX_LABEL_LENGTH:
        raise InviteRequestError(f"the label is longer than {MAX_LABEL_LENGTH} characters")
    code = new_code()
    while get_invite_by_hash(session=session, code_hash=hash_code(code)) is not None:
        code = new_code()  # a collision is astronomically rare, but cheap to rule out
    invite = add_invite(
        session=session,
        code_hash=hash_code(code),
        unit_id=unit.id,
        role=role,
        label=label,
        created_by_person_id=created_by_person_id,
        created_at=now,
        # Whole seconds: the expiry is shown to people and written into scripts' JSON.
        expires_at=(now + expires_in).replace(microsecond=0),
    )
    # Not audited here: the caller (chat flow or CLI) knows who asked and through which channel.
    return code, invite


def allowed_roles(actor: Actor, *, unit_kind: str, unit_path: str) -> list[str]:
    """The roles ``actor`` may invite into a unit: staff invite secretaries of the units they
    oversee; administrators invite anyone there; each role only where it fits the unit."""
    if not actor.oversees(unit_path):
        return []
    wanted = ("secretary", "staff", "admin") if actor.has_role("admin") else ("secretary",)
    return [role for role in wanted if unit_kind in ROLE_UNIT_KINDS[role]]


def invite_by(
    *, session: Session, actor: Actor, unit: Unit, role: str, label: str | None, now: datetime
) -> tuple[str, Invite]:
    """An invite made by a staff member or administrator (chat's /invite, the dashboard):
    the role must be one ``allowed_roles`` gives them for the unit, else InviteRequestError."""
    if role not in allowed_roles(actor, unit_kind=unit.kind, unit_path=unit.path):
        raise InviteRequestError(f"role '{role}' cannot be invited to '{unit.code}' by this person")
    return create_invite(
        session=session,
        unit_code=unit.code,
        role=role,
        expires_in=DEFAULT_VALID_FOR,
        label=label,
        created_by_person_id=actor.person_id,
        now=now,
    )


def check_invite(*, session: Session, code: str, now: datetime) -> Invite:
    """The invite for ``code`` if it can still be used, else InviteError with the reason."""
    invite = get_invite_by_hash(session=session, code_hash=hash_code(code))
    if invite is None:
        raise InviteError("unknown")
    if invite.used_at is not None:
        raise InviteError("used")
    if now >= invite.expires_at:
        raise InviteError("expired")
    return invite


def person_name(*, session: Session, invite: Invite, display_name: str = "", language: str = DEFAULT_LANGUAGE) -> str:
    """What a newly registered person is called: the name given with the invite, else the name
    their chat shows, else the unit's title ("Bí thư Chi bộ Khu phố 3"); never the invite code,
    which is a secret (the console shell knows a person only by the code they typed)."""
    if invite.label:
        return invite.label[:MAX_LABEL_LENGTH]
    shown = without_controls(display_name or "").strip()
    if shown and hash_code(shown) != invite.code_hash:
        return shown[:MAX_LABEL_LENGTH]
    unit = get_unit(session=session, unit_id=invite.unit_id)
    unit_name = unit.name if unit is not None else ""
    if invite.role == "secretary":
        leader = capitalized(leader_short(lambda key, **kw: t(language, key, **kw), unit.kind if unit else None))
        return t(language, "invite.unnamed_secretary", leader=leader, unit=unit_name)[:MAX_LABEL_LENGTH]
    key = "invite.unnamed_admin" if invite.role == "admin" else "invite.unnamed_staff"
    return t(language, key, unit=unit_name)[:MAX_LABEL_LENGTH]


def redeem_invite(
    *,
    session: Session,
    code: str,
    channel: str,
    external_user_id: str,
    chat_id: str,
    display_name: str,
    language: str,
    now: datetime,
) -> tuple[ChatAccount, Membership]:
    """Use the invite: the channel user becomes ``invite.role`` of ``invite.unit``.

    The caller commits; if anything fails the caller's rollback also un-uses the invite.
    """
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}")
    invite = check_invite(session=session, code=code, now=now)
    # Claim first: the claim is the transaction's first write, so a concurrent redemption
    # waits here and then finds the code used, before it creates any person or account.
    if not claim_invite(session=session, invite_id=invite.id, now=now):
        session.refresh(invite)
        raise InviteError("used" if invite.used_at is not None else "expired")

    if display_name and hash_code(display_name.strip()) == invite.code_hash:
        display_name = ""  # the console shell names a newcomer by the code they typed: a secret
    account = get_account(session=session, channel=channel, external_user_id=external_user_id)
    if account is None:
        person = add_person(
            session=session,
            # A stored name others read (staff lists, reports): in the organisation's language.
            full_name=person_name(session=session, invite=invite, display_name=display_name),
            created_at=now,
        )
        account = create_account(
            session=session,
            person_id=person.id,
            channel=channel,
            external_user_id=external_user_id,
            chat_id=chat_id,
            display_name=display_name or person.full_name,
            language=language,
            now=now,
        )
    else:
        # They are writing to us right now, so the chat works again whatever happened before.
        account.chat_id = chat_id
        account.display_name = display_name or account.display_name
        account.reachable = True
        account.unreachable_reason = None
        account.last_seen_at = now
        session.add(account)

    membership = get_membership(session=session, person_id=account.person_id, unit_id=invite.unit_id, role=invite.role)
    if membership is None:
        membership = add_membership(
            session=session,
            person_id=account.person_id,
            unit_id=invite.unit_id,
            role=invite.role,
            created_at=now,
        )
    elif not membership.active:
        membership.active = True
        session.add(membership)

    set_invite_account(session=session, invite_id=invite.id, account_id=account.id)
    session.flush()
    session.refresh(invite)
    unit = get_unit(session=session, unit_id=invite.unit_id)
    add_audit(
        session=session,
        action="role_change",
        at=now,
        actor_person_id=account.person_id,
        actor_account_id=account.id,
        unit_id=invite.unit_id,
        details={
            "via": "invite",
            "invite_id": invite.id,
            "role": invite.role,
            "unit_code": unit.code if unit is not None else None,
            "granted_by_person_id": invite.created_by_person_id,
        },
    )
    return account, membership

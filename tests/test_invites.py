"""One-time invites: codes, hashing, single use, expiry, races, and which role fits which unit."""

from __future__ import annotations

import hashlib
import re
import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlmodel import Session, func, select

from ground.clock import ManualClock
from services.invites import (
    DurationError,
    InviteError,
    InviteRequestError,
    check_invite,
    create_invite,
    parse_duration,
    redeem_invite,
)
from services.units import import_units
from storage.db import session_scope
from storage.tables import AuditEntry, ChatAccount, Invite, Membership, Person

START = datetime(2021, 8, 10, 1, 0, tzinfo=UTC)

UNITS = [
    {"code": "DUK", "name": "Đảng ủy Khối", "kind": "committee", "parent_code": ""},
    {"code": "DB1", "name": "Đảng bộ Sở Y tế", "kind": "grassroots", "parent_code": "DUK"},
    {"code": "CB01", "name": "Chi bộ Văn phòng", "kind": "cell", "parent_code": "DUK"},
    {"code": "CB02", "name": "Chi bộ Tuyên giáo", "kind": "cell", "parent_code": "DUK"},
    {"code": "DTN", "name": "Đoàn Thanh niên Khối", "kind": "mass", "parent_code": "DUK"},
]


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def org(engine, clock):
    with session_scope(engine) as session:
        import_units(session=session, rows=UNITS, now=clock.now())
    return engine


def invite(engine, clock, unit_code="CB01", role="secretary", expires_in=timedelta(days=7), label=None):
    with session_scope(engine) as session:
        code, row = create_invite(
            session=session,
            unit_code=unit_code,
            role=role,
            expires_in=expires_in,
            label=label,
            now=clock.now(),
        )
    return code, row


def redeem(engine, clock, code, user="111", name="Nguyễn Văn A"):
    with session_scope(engine) as session:
        return redeem_invite(
            session=session,
            code=code,
            channel="telegram",
            external_user_id=user,
            chat_id=user,
            display_name=name,
            language="vi",
            now=clock.now(),
        )


def count(engine, table) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(table)).one()


def test_code_is_short_and_fits_a_telegram_deep_link(org, clock):
    code, _ = invite(org, clock)

    assert len(code) == 10
    assert re.fullmatch(r"[A-HJKMNP-TW-Z2-9]{10}", code)
    assert re.fullmatch(r"[A-Za-z0-9_-]{1,64}", code)


def test_only_the_hash_of_the_code_is_stored(org, clock):
    code, row = invite(org, clock, label="Bí thư CB01")

    assert row.code_hash == hashlib.sha256(code.encode()).hexdigest()
    with org.connect() as conn:
        stored = conn.execute(text("SELECT * FROM invite")).one()
    assert all(code.lower() not in str(value).lower() for value in stored)


def test_redeeming_binds_the_account_to_the_unit_and_role(org, clock):
    code, row = invite(org, clock, label="Bí thư Lê Thị B")

    account, membership = redeem(org, clock, code, user="42", name="le_b")

    with Session(org) as session:
        person = session.get(Person, account.person_id)
        used = session.get(Invite, row.id)
        audit = session.exec(select(AuditEntry).where(AuditEntry.action == "role_change")).one()
    assert person.full_name == "Bí thư Lê Thị B"
    assert (account.channel, account.external_user_id, account.chat_id) == ("telegram", "42", "42")
    assert (membership.unit_id, membership.role, membership.active) == (row.unit_id, "secretary", True)
    assert (used.used_at, used.used_by_account_id) == (START, account.id)
    assert (audit.actor_person_id, audit.actor_account_id, audit.unit_id) == (person.id, account.id, row.unit_id)
    assert audit.details["role"] == "secretary" and audit.details["unit_code"] == "CB01"


def test_without_a_label_the_person_gets_the_chat_name(org, clock):
    code, _ = invite(org, clock)

    account, _ = redeem(org, clock, code, name="Trần Văn C")

    with Session(org) as session:
        assert session.get(Person, account.person_id).full_name == "Trần Văn C"


def test_an_invite_works_only_once(org, clock):
    code, _ = invite(org, clock)
    redeem(org, clock, code, user="1")

    with pytest.raises(InviteError) as caught:
        redeem(org, clock, code, user="2")

    assert caught.value.reason == "used"
    assert str(caught.value) == "this invite code has already been used"
    assert (count(org, ChatAccount), count(org, Person), count(org, Membership)) == (1, 1, 1)


def test_an_invite_expires(org, clock):
    code, _ = invite(org, clock, expires_in=timedelta(hours=12))
    clock.advance(timedelta(hours=12))

    with pytest.raises(InviteError) as caught:
        redeem(org, clock, code)

    assert caught.value.reason == "expired"
    assert (count(org, ChatAccount), count(org, Membership)) == (0, 0)


def test_an_invite_still_works_a_second_before_it_expires(org, clock):
    code, _ = invite(org, clock, expires_in=timedelta(hours=12))
    clock.advance(timedelta(hours=12) - timedelta(seconds=1))

    redeem(org, clock, code)

    assert count(org, Membership) == 1


def test_a_wrong_code_is_unknown(org, clock):
    invite(org, clock)

    with Session(org) as session, pytest.raises(InviteError) as caught:
        check_invite(session=session, code="ABCDEFGHJK", now=clock.now())

    assert caught.value.reason == "unknown"


def test_codes_are_case_and_space_insensitive(org, clock):
    code, row = invite(org, clock)
    typed = f" {code[:5].lower()}-{code[5:].lower()} "

    with Session(org) as session:
        assert check_invite(session=session, code=typed, now=clock.now()).id == row.id
    _, membership = redeem(org, clock, typed)
    assert membership.unit_id == row.unit_id


def test_a_known_account_keeps_its_person_and_gains_a_role(org, clock):
    first, _ = invite(org, clock, "CB01", label="Phạm D")
    second, row = invite(org, clock, "DUK", role="staff", label="Someone else")
    account, _ = redeem(org, clock, first, user="7")

    again, membership = redeem(org, clock, second, user="7", name="pham_d")

    assert again.id == account.id
    assert (membership.person_id, membership.unit_id, membership.role) == (account.person_id, row.unit_id, "staff")
    with Session(org) as session:
        assert session.get(Person, account.person_id).full_name == "Phạm D"
    assert (count(org, Person), count(org, Membership)) == (1, 2)


def test_an_inactive_role_is_reactivated_not_duplicated(org, clock):
    code, _ = invite(org, clock)
    _, membership = redeem(org, clock, code, user="9")
    with session_scope(org) as session:
        session.get(Membership, membership.id).active = False

    code, _ = invite(org, clock)
    _, again = redeem(org, clock, code, user="9")

    assert (again.id, again.active) == (membership.id, True)
    assert count(org, Membership) == 1


def test_two_simultaneous_redemptions_give_exactly_one_success(org, clock):
    def race(barrier: threading.Barrier, code: str, outcomes: list[str], user: str) -> None:
        barrier.wait()
        try:
            redeem(org, clock, code, user=user)
            outcomes.append("ok")
        except InviteError as exc:
            outcomes.append(exc.reason)

    for attempt in range(3):
        code, _ = invite(org, clock)
        barrier = threading.Barrier(2)
        outcomes: list[str] = []
        threads = [threading.Thread(target=race, args=(barrier, code, outcomes, f"{attempt}-{n}")) for n in (1, 2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)

        assert sorted(outcomes) == ["ok", "used"]
    assert (count(org, ChatAccount), count(org, Membership)) == (3, 3)


@pytest.mark.parametrize(
    ("role", "unit_code", "allowed"),
    [
        ("secretary", "CB01", True),
        ("secretary", "DB1", True),
        ("secretary", "DTN", True),
        ("secretary", "DUK", False),
        ("staff", "DUK", True),
        ("staff", "DB1", True),
        ("staff", "CB01", False),
        ("staff", "DTN", False),
        ("admin", "DUK", True),
        ("admin", "CB01", False),
    ],
)
def test_roles_fit_unit_kinds(org, clock, role, unit_code, allowed):
    if allowed:
        assert invite(org, clock, unit_code, role=role)[1].role == role
        return
    with pytest.raises(InviteRequestError):
        invite(org, clock, unit_code, role=role)
    assert count(org, Invite) == 0


def test_a_wrong_role_for_the_unit_is_explained(org, clock):
    with pytest.raises(InviteRequestError) as caught:
        invite(org, clock, "DUK", role="secretary")

    assert str(caught.value) == (
        "a secretary (bí thư) invite is for a cell (chi bộ), grassroots organisation "
        "(đảng bộ cơ sở) or mass organisation (đoàn thể), but 'DUK' is a committee (cấp ủy)"
    )


def test_an_unknown_unit_or_role_is_refused(org, clock):
    with pytest.raises(InviteRequestError) as caught:
        invite(org, clock, "NOPE")
    assert str(caught.value) == "there is no unit with code 'NOPE'; `chibot units list` shows the codes"

    with pytest.raises(InviteRequestError) as caught:
        invite(org, clock, "CB01", role="boss")
    assert str(caught.value) == "role 'boss' is not one of admin, staff, secretary"


@pytest.mark.parametrize("expires_in", [timedelta(0), timedelta(days=366)])
def test_expiry_must_be_sensible(org, clock, expires_in):
    with pytest.raises(InviteRequestError):
        invite(org, clock, expires_in=expires_in)


def test_expiry_is_whole_seconds_after_now(org, clock):
    clock.set(datetime(2021, 8, 10, 1, 0, 0, 123456, tzinfo=UTC))

    _, row = invite(org, clock, expires_in=parse_duration("2w"))

    assert row.expires_at == datetime(2021, 8, 24, 1, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("7d", timedelta(days=7)),
        ("12h", timedelta(hours=12)),
        ("30m", timedelta(minutes=30)),
        ("2w", timedelta(weeks=2)),
        (" 3D ", timedelta(days=3)),
    ],
)
def test_durations_are_read(typed, expected):
    assert parse_duration(typed) == expected


@pytest.mark.parametrize("typed", ["", "7", "d", "7 days", "1.5h", "-1d", "0d", "3y"])
def test_bad_durations_are_refused(typed):
    with pytest.raises(DurationError):
        parse_duration(typed)


def test_a_bad_duration_says_how_to_write_one():
    with pytest.raises(DurationError) as caught:
        parse_duration("7 days")

    assert str(caught.value) == "'7 days' is not a duration; write a number and m, h, d or w, e.g. 7d or 12h"

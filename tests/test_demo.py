"""`chibot demo`: a live sample organisation and directive, loaded through the staff services."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, func, select

from bot.demo import DEMO_PEOPLE, DEMO_UNITS, load_demo
from services.demo_directive import shift_dates
from storage.tables import Assignment, Deadline, Directive, Invite, OutboxMessage, Unit
from tests.support.local import CONFIG, local_to_utc

NOW = local_to_utc(datetime(2026, 11, 23, 9, 0))


def counts(session: Session) -> dict[str, int]:
    tables = {
        "units": Unit,
        "directives": Directive,
        "deadlines": Deadline,
        "assignments": Assignment,
        "invites": Invite,
        "outbox": OutboxMessage,
    }
    return {name: session.exec(select(func.count()).select_from(table)).one() for name, table in tables.items()}


def test_demo_loads_the_organisation_and_a_live_141_with_three_deadlines(session):
    result = load_demo(session=session, now=NOW, config=CONFIG)
    session.commit()
    assert result.directive_number == "141-CV/ĐUK"
    assert result.directive_created is True
    # The seed's first deadline (20/8/2021) moves to five days after today (23/11/2026).
    assert result.deadlines == [
        ("complete", "đến hết 28/11/2026"),
        ("report", "trước 1/12/2026"),
        ("plan", "trước 8/12/2026"),
    ]
    assert counts(session)["units"] == len(DEMO_UNITS)
    assert [(i.role, i.name) for i in result.invites] == [(role, name) for _, role, name in DEMO_PEOPLE]
    assert all(i.code for i in result.invites)
    directive = session.exec(select(Directive)).one()
    assert (directive.status, directive.urgency) == ("published", "KHẨN")
    # Kính gửi: "Các chi, đảng bộ cơ sở; Đoàn Khối, Hội Cựu chiến binh Khối" → 5 cells + 2 mass units.
    assert counts(session)["assignments"] == 7


def test_running_the_demo_again_duplicates_nothing(session):
    load_demo(session=session, now=NOW, config=CONFIG)
    session.commit()
    before = counts(session)
    again = load_demo(session=session, now=NOW, config=CONFIG)
    session.commit()
    assert again.directive_created is False
    assert counts(session) == before
    # Old unused codes are replaced: only the new ones work.
    assert session.exec(select(func.count()).select_from(Invite).where(Invite.used_at.is_(None))).one() == len(
        DEMO_PEOPLE
    )


def test_shifting_dates_moves_every_date_and_keeps_its_style():
    assert shift_dates("trước ngày 23/8/2021, Nghị quyết 05-NQ/TU ngày 05/8/2021", 10) == (
        "trước ngày 2/9/2021, Nghị quyết 05-NQ/TU ngày 15/8/2021"
    )
    assert shift_dates("ngày 31/2/2021 không đổi", 3) == "ngày 31/2/2021 không đổi"

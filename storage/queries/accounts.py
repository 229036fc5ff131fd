"""Chat accounts, people and their roles."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import true
from sqlmodel import Session, col, select

from storage.tables import ChatAccount, Membership, Person, Unit


def get_account(*, session: Session, channel: str, external_user_id: str) -> ChatAccount | None:
    return session.exec(
        select(ChatAccount).where(
            col(ChatAccount.channel) == channel, col(ChatAccount.external_user_id) == external_user_id
        )
    ).first()


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


def touch_account(*, session: Session, account: ChatAccount, chat_id: str, display_name: str, now: datetime) -> None:
    account.chat_id = chat_id
    if display_name:
        account.display_name = display_name
    account.last_seen_at = now
    session.add(account)


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
    """Reachable-or-not chat accounts of every active secretary of these units."""
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
    return list(rows)


def staff_accounts(*, session: Session, unit_id: int) -> list[tuple[Person, ChatAccount]]:
    rows = session.exec(
        select(Person, ChatAccount)
        .join(Membership, col(Membership.person_id) == col(Person.id))
        .join(ChatAccount, col(ChatAccount.person_id) == col(Person.id))
        .where(col(Membership.unit_id) == unit_id, col(Membership.role).in_(["staff", "admin"]), col(Membership.active) == true())
        .order_by(col(Person.id), col(ChatAccount.id))
    ).all()
    return list(rows)


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
    *, session: Session, person_id: int, channel: str, external_user_id: str, chat_id: str, display_name: str, language: str, now: datetime
) -> ChatAccount:
    account = ChatAccount(
        person_id=person_id, channel=channel, external_user_id=external_user_id, chat_id=chat_id,
        display_name=display_name, language=language, created_at=now, last_seen_at=now,
    )
    session.add(account)
    session.flush()
    return account

"""The menu each chat without buttons was last sent (console, Zalo).

Such a chat sees choices as numbered lines and answers "2" or the words. The menu is kept in
the database, not in the adapter's memory, so the answer means the same thing after a restart,
in another process, and for a message the outbox dispatcher sent. Whether a channel has
buttons is read from its capabilities, never from its name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from ground.messages import Choice, Reply
from ground.ports import capabilities_of
from storage.queries import conversation as conv_queries
from storage.queries import menus as menu_queries
from storage.tables import ChatAccount


@dataclass(frozen=True)
class Menu:
    options: list[Choice]
    #: The flow step the chat was at when the menu was sent (None: in no flow).
    flow: str | None
    flow_nonce: str | None

    def answers_at(self, flow_nonce: str | None) -> bool:
        """Whether the menu still belongs to where the chat is now: a flow that moved on (a
        new step has a new nonce), ended, or was replaced by another makes it stale."""
        return self.flow_nonce == flow_nonce


def records_menus(channel: str) -> bool:
    """Choices on this channel are numbered lines, so what they were must be remembered."""
    return not capabilities_of(channel).buttons


def shown_choices(replies: list[Reply]) -> list[Choice]:
    """The options of the last message that carried any: the numbers the user sees last."""
    for reply in reversed(replies):
        if reply.flat_choices():
            return reply.flat_choices()
    return []


def remember(
    *,
    session: Session,
    channel: str,
    chat_id: str,
    account_id: int | None,
    choices: list[Choice],
    flow: str | None,
    flow_nonce: str | None,
    now: datetime,
) -> None:
    """Make ``choices`` the chat's current menu. Nothing is recorded for a channel with buttons
    (the pressed button carries its own data) or when there is nothing to choose."""
    if not choices or not records_menus(channel):
        return
    menu_queries.save_menu(
        session=session,
        channel=channel,
        chat_id=chat_id,
        account_id=account_id,
        options=[{"label": c.label, "data": c.data} for c in choices],
        flow=flow,
        flow_nonce=flow_nonce,
        now=now,
    )


def remember_delivered(*, session: Session, account_id: int, choices: list[Choice], now: datetime) -> None:
    """The choices of a message the outbox sent to an account become the chat's menu, tied to
    whatever flow step the account is at right now."""
    account = session.get(ChatAccount, account_id)
    if account is None or not choices or not records_menus(account.channel):
        return
    state = conv_queries.get_state(session=session, channel=account.channel, user_id=account.external_user_id)
    remember(
        session=session,
        channel=account.channel,
        chat_id=account.chat_id,
        account_id=account.id,
        choices=choices,
        flow=state.flow if state is not None else None,
        flow_nonce=conv_queries.flow_nonce(state),
        now=now,
    )


def current(*, session: Session, channel: str, chat_id: str) -> Menu | None:
    row = menu_queries.get_menu(session=session, channel=channel, chat_id=chat_id)
    if row is None or not row.options:
        return None
    options = [Choice(label=o["label"], data=o["data"]) for o in row.options]
    return Menu(options=options, flow=row.flow, flow_nonce=row.flow_nonce)

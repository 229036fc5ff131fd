"""What every channel adapter needs from the core, and what the outbox needs from a channel.

A channel declares what it can show (``Capabilities``); the core and the shared renderer
decide from that, never from the channel's name, whether choices become buttons or numbered
lines and where long text is cut.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ground.messages import Incoming, Reply


@dataclass(frozen=True)
class Capabilities:
    """What a channel can render."""

    #: Inline buttons under a message. Without them, choices are numbered lines answered by a digit.
    buttons: bool
    #: Longest text of one message, in the unit the channel counts (UTF-16 units on Telegram).
    max_text: int
    #: Longest caption of a photo or document.
    max_caption: int
    #: A sent message can be replaced in place (progress, a pressed question).
    can_edit: bool
    #: Photos and documents can be sent as files.
    files: bool = True


TELEGRAM_CAPABILITIES = Capabilities(buttons=True, max_text=4096, max_caption=1024, can_edit=True)
ZALO_CAPABILITIES = Capabilities(buttons=False, max_text=2000, max_caption=2000, can_edit=False, files=False)
CONSOLE_CAPABILITIES = Capabilities(buttons=False, max_text=100_000, max_caption=100_000, can_edit=False)
WEB_CAPABILITIES = Capabilities(buttons=True, max_text=100_000, max_caption=100_000, can_edit=False)

#: Capabilities by channel name, for the core (which records menus for chats without buttons).
CHANNEL_CAPABILITIES: dict[str, Capabilities] = {
    "telegram": TELEGRAM_CAPABILITIES,
    "zalo": ZALO_CAPABILITIES,
    "console": CONSOLE_CAPABILITIES,
    "web": WEB_CAPABILITIES,
}


def capabilities_of(channel: str) -> Capabilities:
    """A channel's capabilities; an unknown channel is treated as the plainest (no buttons)."""
    return CHANNEL_CAPABILITIES.get(channel, ZALO_CAPABILITIES)


class ConversationCore(Protocol):
    """The channel-neutral core. Synchronous: adapters call it in a worker thread."""

    def handle(self, incoming: Incoming) -> list[Reply]:
        """Process one update and return what to say to the sender."""

    def mark_unreachable(self, *, channel: str, chat_id: str, reason: str) -> None:
        """Record that this chat can no longer be reached (the user blocked the bot)."""

    def command_menus(self) -> dict[str, list[tuple[str, str]]]:
        """Command menus per audience: key "default" for unregistered users, then per role."""


@dataclass(frozen=True)
class SendResult:
    """Outcome of sending one message through a channel.

    status: "sent" | "blocked" (user blocked the bot / chat gone: do not retry) |
    "retry" (transient: try again after ``retry_after`` seconds) | "failed" (permanent).
    """

    status: str
    message_id: str | None = None
    retry_after: float | None = None
    reason: str | None = None


class ChannelSender(Protocol):
    """Sends core replies to a chat outside of a conversation turn (outbox delivery)."""

    channel: str

    async def send(self, chat_id: str, reply: Reply) -> SendResult: ...

"""What every channel adapter needs from the core, and what the outbox needs from a channel."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from handlers.messages import Incoming, Reply


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

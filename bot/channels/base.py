"""What a channel is to the runtime (bot/runtime.py), and what every channel shares.

Adding a channel (Zalo, a web chat, ...):

1. Write a class with the attributes and methods of ``Channel`` below, e.g. in
   bot/channels/zalo_app.py. ``__init__`` takes the settings and checks them, raising a
   ``ChannelConfigError`` (a subclass of it) whose message says in one sentence what to set:
   ``chibot run`` prints it and exits before anything starts.
2. ``async start(runtime)`` runs inside the runtime's event loop and must return once the
   channel is receiving (start a polling task or a web server; never block, never call
   ``asyncio.run``). Hand every inbound message to ``runtime.app.core.handle`` in a worker
   thread (``asyncio.to_thread``: the core is synchronous and opens its own transaction).
   Set ``self.sender`` to the ``ChannelSender`` the outbox should use for this channel's
   chats (``sender.channel`` equals ``name``); the runtime registers it with the dispatcher.
   Extra periodic work can go on ``runtime.scheduler`` (the one APScheduler).
3. ``async stop()`` stops receiving and closes what ``start`` opened (HTTP clients, tasks);
   the runtime calls it once, in reverse start order, even when another channel failed.
4. Register a factory in bot/channels/registry.py (one line): then ``chibot run --channel
   NAME`` works, and ``--channel all`` includes it.

Nothing else changes: the outbox dispatcher, reminder jobs and wake-ups after commit are the
runtime's, the same for every channel.
"""

from __future__ import annotations

from typing import Protocol

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.app import App
from ground.ports import Capabilities, ChannelSender
from services.i18n import normalize_language, t


class ChannelConfigError(ValueError):
    """The settings do not allow starting a channel; the message says what to set."""


class RuntimeHandle(Protocol):
    """What a channel may use of the runtime that starts it (bot/runtime.py ``Runtime``)."""

    #: Engine, core (``app.core.handle``), dispatcher, settings, clock.
    app: App

    @property
    def scheduler(self) -> AsyncIOScheduler:
        """The one APScheduler, for a channel's own periodic jobs."""

    def wake(self) -> None:
        """Ask for an outbox dispatch now (thread-safe)."""


class Channel(Protocol):
    """A chat transport started inside the runtime."""

    #: The name in ``Incoming.channel``, ``ChatAccount.channel`` and ``chibot run --channel``.
    name: str
    #: What the channel can render (ground/ports.py).
    capabilities: Capabilities

    @property
    def sender(self) -> ChannelSender | None:
        """Outbox delivery for this channel's chats; set by ``start``, None before. Read-only
        here, so a channel may keep its own sender type (TelegramSender, ZaloSender)."""

    async def start(self, runtime: RuntimeHandle) -> None:
        """Start receiving inside the runtime's event loop; return once running."""

    async def stop(self) -> None:
        """Stop receiving and close the sender; safe to call after a failed start."""


def apology(language: str | None) -> str:
    """The localized "something went wrong" every channel sends when the core fails."""
    return t(normalize_language(language), "error.generic")

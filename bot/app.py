"""Application wiring: settings -> engine -> core and outbox dispatcher. The runtime (bot/runtime.py)
starts the scheduler and the channels around it."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine

from ground.clock import Clock, SystemClock
from ground.ports import ChannelSender
from ground.settings import Settings
from handlers.core import ChibotCore
from handlers.deps import Deps
from handlers.registry import build_router
from services.broadcast_progress import BroadcastProgress
from services.dispatcher import Dispatcher
from services.reminders.wiring import attach_reminders
from storage.db import make_db_engine
from storage.migrate import upgrade_engine


@dataclass
class App:
    settings: Settings
    clock: Clock
    engine: Engine
    core: ChibotCore
    dispatcher: Dispatcher
    senders: dict[str, ChannelSender] = field(default_factory=dict)

    def add_sender(self, sender: ChannelSender) -> None:
        self.senders[sender.channel] = sender


def build_app(
    settings: Settings, *, clock: Clock | None = None, engine: Engine | None = None, migrate: bool = True
) -> App:
    """Build everything the channels need. Upgrades the database schema first (the app
    upgrades on start), unless ``migrate`` is False (tests that created the tables)."""
    clock = clock or SystemClock()
    engine = engine or make_db_engine(settings.database_url, sqlite_synchronous=settings.sqlite_synchronous)
    if migrate:
        upgrade_engine(engine)
    deps = Deps(settings=settings, clock=clock)
    core = ChibotCore(engine=engine, deps=deps, router=build_router())
    senders: dict[str, ChannelSender] = {}
    dispatcher = Dispatcher(engine=engine, clock=clock, senders=senders, concurrency=settings.outbox_concurrency)
    # Broadcast progress and delivery reports follow the outbox's outcomes.
    dispatcher.listeners.append(BroadcastProgress(engine=engine, clock=clock, senders=senders))
    attach_reminders(dispatcher, deps.reminders)
    return App(settings=settings, clock=clock, engine=engine, core=core, dispatcher=dispatcher, senders=senders)


def configure_logging(level: str) -> None:
    logging.basicConfig(level=level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # httpx logs every request URL, and Telegram URLs contain the bot token.
    logging.getLogger("httpx").setLevel(logging.WARNING)

"""Hooks the reminder engine into the dispatcher of an app: the sweep before each claim, the
composer that merges and rewords reminders as they go, and the blocked-recipient handling
after each delivery."""

from __future__ import annotations

import asyncio

from services.dispatcher import Delivered, Dispatcher
from services.reminders.compose import composer
from services.reminders.config import ReminderConfig
from services.reminders.jobs import sweep
from services.reminders.unreachable import on_blocked
from storage.db import session_scope


def attach_reminders(dispatcher: Dispatcher, config: ReminderConfig) -> None:
    engine, clock = dispatcher.engine, dispatcher.clock
    dispatcher.before_claim.append(lambda: sweep(engine=engine, now=clock.now(), config=config))
    dispatcher.composer = composer(clock=clock, tz=config.tz)

    def _blocked(event: Delivered) -> None:
        with session_scope(engine) as session:
            on_blocked(session=session, account_id=event.account_id, assignment_id=event.assignment_id, now=clock.now())

    async def listener(event: Delivered) -> None:
        if event.status == "blocked":
            await asyncio.to_thread(_blocked, event)

    dispatcher.listeners.append(listener)

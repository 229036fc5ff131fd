"""Running the bot: the Telegram channel plus the outbox dispatcher on one event loop."""

from __future__ import annotations

import logging
from typing import Any

from telegram.ext import Application

from bot.app import App
from bot.channels.telegram import build_telegram_sender
from bot.reminder_jobs import start_reminder_jobs
from bot.scheduler import DispatchScheduler
from services.i18n import normalize_language, t

log = logging.getLogger(__name__)


def apology(language: str | None) -> str:
    return t(normalize_language(language), "error.generic")


def telegram_hooks(app: App, **sender_kwargs: Any):  # noqa: ANN201
    """post_init / post_shutdown hooks that start and stop the outbox delivery with the bot."""
    state: dict[str, Any] = {}

    async def post_init(_application: Application) -> None:
        sender = build_telegram_sender(app.settings, **sender_kwargs)
        app.add_sender(sender)
        scheduler = DispatchScheduler(app.dispatcher)
        app.core.on_outbox = scheduler.wake
        scheduler.start()
        start_reminder_jobs(app, scheduler)
        state.update(sender=sender, scheduler=scheduler)
        log.info("outbox dispatcher started (worker %s)", app.dispatcher.worker_id)

    async def post_shutdown(_application: Application) -> None:
        scheduler = state.get("scheduler")
        if scheduler is not None:
            scheduler.shutdown()
        sender = state.get("sender")
        if sender is not None:
            await sender.aclose()

    return post_init, post_shutdown

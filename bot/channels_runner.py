"""`chibot run --channel zalo|all`: several channels in one process, on one event loop, sharing
the app (engine, core), one outbox dispatcher and one scheduler.

Each channel registers its outbox sender before the scheduler starts, so the dispatcher (which
claims only the channels it has a sender for) never takes a message it cannot send. Several
such processes may share one PostgreSQL database: claims use row locks, each message goes once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal

from bot.app import App
from bot.channels.telegram import (
    ALLOWED_UPDATES,
    build_telegram_application,
    build_telegram_sender,
    running_polling,
    running_webhook,
    webhook_config,
)
from bot.channels.zalo_channel import start_zalo
from bot.reminder_jobs import start_reminder_jobs
from bot.runner import apology
from bot.scheduler import DispatchScheduler

log = logging.getLogger(__name__)

CHANNEL_NAMES = ("telegram", "zalo")


def channels_of(choice: str) -> tuple[str, ...]:
    """``telegram``, ``zalo`` or ``all``; ValueError for anything else."""
    if choice == "all":
        return CHANNEL_NAMES
    if choice in CHANNEL_NAMES:
        return (choice,)
    raise ValueError(f"unknown channel {choice!r}: use telegram, zalo or all")


async def run_channels(app: App, channels: tuple[str, ...], *, webhook: bool, stop: asyncio.Event | None = None) -> None:
    """Run until ``stop`` is set (or SIGINT/SIGTERM)."""
    stop = stop or _stop_on_signals()
    async with contextlib.AsyncExitStack() as stack:
        if "telegram" in channels:
            sender = build_telegram_sender(app.settings)
            app.add_sender(sender)
            stack.push_async_callback(sender.aclose)
            application = build_telegram_application(app.settings, app.core, apology_text=apology)
            if webhook:
                hook = webhook_config(app.settings)
                await stack.enter_async_context(running_webhook(
                    application, port=hook.port, listen=hook.listen, url_path=hook.url_path,
                    secret_token=hook.secret_token, webhook_url=hook.webhook_url))
            else:
                await stack.enter_async_context(running_polling(application, timeout=30))
            log.info("telegram channel started (%s)", "webhook" if webhook else "polling")
        if "zalo" in channels:
            runtime = await start_zalo(app.settings, app.core, webhook=webhook, add_sender=app.add_sender)
            stack.push_async_callback(runtime.stop)
        scheduler = DispatchScheduler(app.dispatcher)
        app.core.on_outbox = scheduler.wake
        scheduler.start()
        stack.push_async_callback(_wait_for_delivery, app)
        stack.callback(scheduler.shutdown)
        start_reminder_jobs(app, scheduler)
        log.info("outbox dispatcher started for %s (worker %s)", ", ".join(channels), app.dispatcher.worker_id)
        await stop.wait()
        log.info("stopping")


async def _wait_for_delivery(app: App) -> None:
    """A message being sent when the stop came is finished and recorded, not left "sending"."""
    try:
        await asyncio.wait_for(app.dispatcher.idle(), timeout=30)
    except TimeoutError:
        log.warning("outbox delivery still busy at shutdown; unfinished messages are retried later")


def _stop_on_signals() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    return stop


__all__ = ["ALLOWED_UPDATES", "CHANNEL_NAMES", "channels_of", "run_channels"]

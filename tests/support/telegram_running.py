"""Running a bare python-telegram-bot Application inside the test's event loop (no runtime,
no scheduler): for tests of the Telegram channel alone."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import AsyncIterator

from telegram.ext import Application

from bot.channels.telegram_app import WebhookConfig, start_application, stop_application


@contextlib.asynccontextmanager
async def running_polling(
    application: Application, *, poll_interval: float = 0.0, timeout: int = 1
) -> AsyncIterator[Application]:
    """Long polling until the block ends."""
    await start_application(application, poll_interval=poll_interval, poll_timeout=timeout)
    try:
        yield application
    finally:
        await stop_application(application)


@contextlib.asynccontextmanager
async def running_webhook(
    application: Application,
    *,
    port: int,
    secret_token: str,
    listen: str = "127.0.0.1",
    url_path: str = "telegram",
    webhook_url: str | None = None,
) -> AsyncIterator[Application]:
    """The webhook server on ``listen:port`` until the block ends (not registered with
    Telegram unless ``webhook_url`` is given)."""
    config = WebhookConfig(
        listen=listen, port=port, url_path=url_path, webhook_url=webhook_url, secret_token=secret_token
    )
    await start_application(application, webhook=config)
    try:
        yield application
    finally:
        await stop_application(application)


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]

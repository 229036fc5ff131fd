"""`chibot run [--channel telegram|zalo|all] [--webhook]`: the bot, with the outbox dispatcher."""

from __future__ import annotations

import asyncio

import typer

from bot.app import build_app, configure_logging
from bot.channels.telegram import TelegramConfigError, run_polling, run_webhook, webhook_config
from bot.channels.zalo_channel import ZaloConfigError, token_of
from bot.channels.zalo_channel import webhook_config as zalo_webhook_config
from bot.channels_runner import channels_of, run_channels
from bot.cli_common import EXIT_BAD_INPUT, EXIT_ENVIRONMENT, CliError, cli_state, open_database
from bot.runner import apology, telegram_hooks


def run_command(
    ctx: typer.Context,
    channel: str = typer.Option("telegram", "--channel", help="telegram, zalo, or all (both in one process)."),
    webhook: bool = typer.Option(False, "--webhook", help="Serve webhooks (WEBHOOK_URL/SECRET for Telegram, ZALO_WEBHOOK_URL/SECRET for Zalo) instead of long polling."),
) -> None:
    """Run the bot until stopped (Ctrl+C).

    Telegram needs TELEGRAM_BOT_TOKEN, Zalo needs ZALO_BOT_TOKEN. Long polling by default; with
    --webhook, the platform posts updates and requests without the secret header are refused.
    Several processes (one per channel, or several of each) may share one PostgreSQL database.
    """
    state = cli_state(ctx)
    settings = state.settings()
    try:
        channels = channels_of(channel)
    except ValueError as exc:
        raise CliError(str(exc), EXIT_BAD_INPUT) from exc
    if "telegram" in channels and (settings.telegram_bot_token is None or not settings.telegram_bot_token.get_secret_value()):
        raise CliError("TELEGRAM_BOT_TOKEN is not set; to try chibot without a token use `chibot demo --shell`", EXIT_ENVIRONMENT)
    try:
        if "zalo" in channels:
            token_of(settings)
            if webhook:
                zalo_webhook_config(settings)
        if webhook and "telegram" in channels:
            webhook_config(settings)
    except (TelegramConfigError, ZaloConfigError) as exc:
        raise CliError(str(exc), EXIT_ENVIRONMENT) from exc
    configure_logging(settings.log_level)
    engine = open_database(ctx)
    app = build_app(settings, clock=state.clock, engine=engine, migrate=False)
    if channels == ("telegram",):
        # Telegram alone: python-telegram-bot runs its own loop, with start and stop hooks.
        post_init, post_shutdown = telegram_hooks(app)
        runner = run_webhook if webhook else run_polling
        runner(settings, app.core, apology_text=apology, post_init=post_init, post_shutdown=post_shutdown)
        return
    asyncio.run(run_channels(app, channels, webhook=webhook))

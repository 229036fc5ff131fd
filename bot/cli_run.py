"""`chibot run [--webhook]`: the Telegram bot, with the outbox dispatcher."""

from __future__ import annotations

import typer

from bot.app import build_app, configure_logging
from bot.channels.telegram import TelegramConfigError, run_polling, run_webhook, webhook_config
from bot.cli_common import EXIT_ENVIRONMENT, CliError, cli_state, open_database
from bot.runner import apology, telegram_hooks


def run_command(
    ctx: typer.Context,
    webhook: bool = typer.Option(False, "--webhook", help="Serve a webhook (WEBHOOK_URL, WEBHOOK_SECRET) instead of long polling."),
) -> None:
    """Run the Telegram bot until stopped (Ctrl+C).

    Needs TELEGRAM_BOT_TOKEN. Long polling by default; with --webhook, Telegram posts updates
    to WEBHOOK_URL and requests without the WEBHOOK_SECRET header are rejected.
    """
    state = cli_state(ctx)
    settings = state.settings()
    if settings.telegram_bot_token is None or not settings.telegram_bot_token.get_secret_value():
        raise CliError("TELEGRAM_BOT_TOKEN is not set; to try chibot without a token use `chibot demo --shell`", EXIT_ENVIRONMENT)
    try:
        if webhook:
            webhook_config(settings)
    except TelegramConfigError as exc:
        raise CliError(str(exc), EXIT_ENVIRONMENT) from exc
    configure_logging(settings.log_level)
    engine = open_database(ctx)
    app = build_app(settings, clock=state.clock, engine=engine, migrate=False)
    post_init, post_shutdown = telegram_hooks(app)
    runner = run_webhook if webhook else run_polling
    runner(settings, app.core, apology_text=apology, post_init=post_init, post_shutdown=post_shutdown)

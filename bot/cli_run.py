"""`chibot run [--channel NAME]... [--webhook]`: the channels, with the outbox dispatcher and
the reminder jobs, in one runtime (bot/runtime.py)."""

from __future__ import annotations

import typer

from bot.app import build_app, configure_logging
from bot.channels.base import ChannelConfigError
from bot.channels.registry import ALL, CHANNELS, RunOptions, UnknownChannel, make_channels
from bot.cli_common import EXIT_BAD_INPUT, EXIT_ENVIRONMENT, CliError, cli_state, open_database
from bot.runtime import run


def run_command(
    ctx: typer.Context,
    channel: list[str] = typer.Option(
        ["telegram"], "--channel", metavar="NAME",
        help=f"Channel to run: {', '.join(CHANNELS)}, or {ALL}. Repeat it or give a comma list to run several.",
    ),
    webhook: bool = typer.Option(False, "--webhook", help="Serve a webhook (WEBHOOK_URL, WEBHOOK_SECRET) instead of long polling."),
) -> None:
    """Run chibot's channels until stopped (Ctrl+C).

    Telegram (the default) needs TELEGRAM_BOT_TOKEN. Long polling by default; with --webhook,
    Telegram posts updates to WEBHOOK_URL and requests without the WEBHOOK_SECRET header are
    rejected.
    """
    state = cli_state(ctx)
    settings = state.settings()
    try:
        channels = make_channels(channel, settings, RunOptions(webhook=webhook))
    except UnknownChannel as exc:
        raise CliError(str(exc), EXIT_BAD_INPUT) from exc
    except ChannelConfigError as exc:
        raise CliError(str(exc), EXIT_ENVIRONMENT) from exc
    if not channels:
        raise CliError(f"no channel given: use --channel with one of {', '.join(CHANNELS)} (or {ALL})", EXIT_BAD_INPUT)
    configure_logging(settings.log_level)
    engine = open_database(ctx)
    app = build_app(settings, clock=state.clock, engine=engine, migrate=False)
    try:
        run(app, channels)
    finally:
        engine.dispose()

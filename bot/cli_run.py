"""`chibot run [--channel NAME]... [--webhook]`: the channels, with the outbox dispatcher and
the reminder jobs, in one runtime (bot/runtime.py)."""

from __future__ import annotations

import logging

import typer
from telegram.error import BadRequest, InvalidToken, NetworkError, TelegramError

from bot.app import build_app, configure_logging
from bot.channels.base import ChannelConfigError
from bot.channels.registry import ALL, CHANNELS, RunOptions, UnknownChannel, make_channels
from bot.cli_common import EXIT_BAD_INPUT, EXIT_ENVIRONMENT, CliError, cli_state, open_database
from bot.runtime import run
from bot.web_runtime import WebDashboard

CHANNEL_HELP = f"Channel to run: {', '.join(CHANNELS)}, or {ALL}. Repeat it or give a comma list to run several."


def run_command(
    ctx: typer.Context,
    channel: list[str] = typer.Option(
        ["telegram"],
        "--channel",
        metavar="NAME",
        help=CHANNEL_HELP,
    ),
    webhook: bool = typer.Option(
        False,
        "--webhook",
        help=(
            "Serve webhooks (WEBHOOK_URL/SECRET for Telegram, ZALO_WEBHOOK_URL/SECRET for Zalo) "
            "instead of long polling."
        ),
    ),
    web: bool = typer.Option(
        False, "--web", help="Also serve the staff dashboard (WEB_LISTEN:WEB_PORT, WEB_SECRET_KEY)."
    ),
) -> None:
    """Run chibot's channels until stopped (Ctrl+C).

    Telegram (the default) needs TELEGRAM_BOT_TOKEN, Zalo needs ZALO_BOT_TOKEN. Long polling by
    default; with --webhook, the platform posts updates and requests without the secret header
    are rejected. Several processes (one per channel, or several of each) may share one
    PostgreSQL database.
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
    if web:
        try:
            channels.append(WebDashboard(settings))
        except ChannelConfigError as exc:
            raise CliError(str(exc), EXIT_ENVIRONMENT) from exc
    configure_logging(settings.log_level)
    # PTB logs a page that is not JSON (a wrong TELEGRAM_API_BASE_URL) with its traceback before
    # raising; the error is reported below in one sentence, so its log line stays one line.
    logging.getLogger("telegram.request.BaseRequest").addFilter(_without_traceback)
    engine = open_database(ctx)
    app = build_app(settings, clock=state.clock, engine=engine, migrate=False)
    try:
        run(app, channels)
    except Exception as exc:
        failure = _telegram_failure(exc)
        if failure is None:
            raise
        raise CliError(
            telegram_sentence(
                failure,
                settings.telegram_api_base_url,
                settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else "",
            ),
            EXIT_ENVIRONMENT,
        ) from None
    finally:
        engine.dispose()


def _without_traceback(record: logging.LogRecord) -> bool:
    record.exc_info, record.exc_text = None, None
    return True


def _telegram_failure(exc: BaseException) -> TelegramError | None:
    """The Bot API error behind ``exc`` (raised as is, as a cause, or inside a group)."""
    seen: set[int] = set()
    todo = [exc]
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, TelegramError):
            return current
        if isinstance(current, BaseExceptionGroup):
            todo.extend(current.exceptions)
        for linked in (current.__cause__, current.__context__):
            if linked is not None:
                todo.append(linked)
    return None


def telegram_sentence(exc: TelegramError, base_url: str, token: str) -> str:
    """What failed and what to check, in one sentence, never with the token in it."""
    reason = str(exc.message if hasattr(exc, "message") else exc)
    if token:
        reason = reason.replace(token, "TELEGRAM_BOT_TOKEN")
    reason = reason.split(". Parsing the server response")[0].strip()
    causes: list[str] = []
    cause = exc.__cause__
    while cause is not None and len(causes) < 10:
        causes.append(str(cause))
        cause = cause.__cause__
    if isinstance(exc, InvalidToken):
        # PTB reports any 401 or 404 as a rejected token; a 404 is nearly always a wrong URL.
        if any("404" in text or "Not Found" in text for text in [reason, *causes]):
            return (
                f"the Telegram Bot API at {base_url} does not know the bot's address (404 Not Found): "
                "check TELEGRAM_API_BASE_URL (the server's root, e.g. https://api.telegram.org, without /bot) "
                "and TELEGRAM_BOT_TOKEN"
            )
        return f"Telegram refused TELEGRAM_BOT_TOKEN ({reason}): check the token @BotFather gave you"
    if isinstance(exc, NetworkError) and not isinstance(exc, BadRequest):
        return (
            f"cannot reach the Telegram Bot API at {base_url} ({reason}): check the network connection, "
            "a proxy or firewall, and TELEGRAM_API_BASE_URL"
        )
    return f"the Telegram Bot API at {base_url} failed ({reason}): check TELEGRAM_API_BASE_URL and TELEGRAM_BOT_TOKEN"

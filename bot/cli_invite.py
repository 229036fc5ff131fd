"""`chibot invite UNIT_CODE --role ...`: a one-time code that lets a person join the bot."""

from __future__ import annotations

import json
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

import httpx
import typer

from bot.cli_common import cli_state, open_database
from bot.cli_parse import terms_language
from ground.settings import Settings
from services.i18n import t
from services.invites import create_invite, parse_duration
from services.localtime import format_local_date, to_local
from storage.db import session_scope
from storage.queries.audit import add_audit
from storage.queries.units import require_unit

#: getMe must not hold up the admin: the code is useful without the link.
GET_ME_TIMEOUT_SECONDS = 5.0
#: Tests put an httpx.MockTransport here; None means the real network.
HTTP_TRANSPORT: httpx.BaseTransport | None = None


class Role(StrEnum):
    secretary = "secretary"
    staff = "staff"
    admin = "admin"


class BotUsernameUnavailable(Exception):
    """Telegram could not tell us the bot's username (the message never contains the token)."""


def invite_command(
    ctx: typer.Context,
    unit_code: str = typer.Argument(
        ...,
        metavar="UNIT_CODE",
        help="Code of the unit, as `chibot units list` shows it.",
        show_default=False,
    ),
    role: Role = typer.Option(
        ...,
        "--role",
        help="secretary (bí thư) of a cell, grassroots or mass organisation; staff (cán bộ) "
        "or admin (quản trị) of a committee or grassroots organisation.",
        show_default=False,
    ),
    expires: str = typer.Option(
        "7d",
        "--expires",
        metavar="DURATION",
        help="How long the code can be used: 30m, 12h, 7d, 2w.",
    ),
    label: str | None = typer.Option(
        None,
        "--label",
        metavar="NAME",
        help="Who the invite is for (becomes the person's name).",
    ),
    as_json: bool = typer.Option(
        False,
        "--json",
        help="Print one JSON line for scripts instead of text.",
    ),
) -> None:
    """Make a one-time code that lets a person join a unit in a role.

    The code is shown only now (chibot keeps only a hash of it). The person sends it to the bot,
    or opens the printed Telegram link, before it expires.
    """
    expires_in = parse_duration(expires)
    state = cli_state(ctx)
    settings = state.settings()
    engine = open_database(ctx)
    try:
        with session_scope(engine) as session:
            code, invite = create_invite(
                session=session,
                unit_code=unit_code,
                role=role.value,
                expires_in=expires_in,
                label=label,
                now=state.clock.now(),
            )
            unit = require_unit(session=session, unit_id=invite.unit_id)
            # Same action as the chat flow's invites, so one query lists them all.
            add_audit(
                session=session,
                action="invite",
                at=invite.created_at,
                unit_id=invite.unit_id,
                details={"channel": "cli", "role": invite.role, "label": invite.label or ""},
            )
    finally:
        engine.dispose()

    link, note = telegram_link(settings, code)
    if note:
        typer.echo(f"Note: {note}", err=True)
    if as_json:
        payload = {
            "code": code,
            "unit": unit.code,
            "role": invite.role,
            "expires_at": invite.expires_at.isoformat(),
            "link": link,
        }
        typer.echo(json.dumps(payload, ensure_ascii=False))
        return
    typer.echo(f"Invite code: {code}")
    lang = terms_language()
    typer.echo(f"Unit:        {unit.code}  {unit.name} ({t(lang, f'cli.kind.{unit.kind}')})")
    typer.echo(f"Role:        {invite.role} ({t(lang, f'cli.role.{invite.role}')})")
    if invite.label:
        typer.echo(f"For:         {invite.label}")
    typer.echo(f"Expires:     {local_expiry(invite.expires_at, settings.tz)} ({settings.timezone})")
    if link:
        typer.echo(f"Link:        {link}")
    typer.echo("The code is shown only now; the person sends it to the bot to join.")


def local_expiry(moment: datetime, tz: ZoneInfo) -> str:
    """20/8/2021 17:00: the date first, as the admin writes it."""
    return f"{format_local_date(moment, tz)} {to_local(moment, tz):%H:%M}"


def telegram_link(settings: Settings, code: str) -> tuple[str | None, str | None]:
    """The deep link for ``code`` and, when it cannot be built, a note saying why."""
    token = settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else ""
    if not token.strip():
        return None, None  # Telegram is not set up: the code alone is the invite.
    username = (settings.telegram_bot_username or "").strip().lstrip("@")
    if not username:
        try:
            username = fetch_bot_username(api_base_url=settings.telegram_api_base_url, token=token)
        except BotUsernameUnavailable as exc:
            return None, f"no Telegram link ({exc}); set TELEGRAM_BOT_USERNAME to print it"
    return f"https://t.me/{username}?start={code}", None


def fetch_bot_username(*, api_base_url: str, token: str) -> str:
    """The bot's username from the Bot API's getMe."""
    try:
        with httpx.Client(timeout=GET_ME_TIMEOUT_SECONDS, transport=HTTP_TRANSPORT) as client:
            response = client.get(f"{api_base_url}/bot{token}/getMe")
        data = response.json()
    except httpx.TimeoutException as exc:
        raise BotUsernameUnavailable(f"Telegram did not answer within {GET_ME_TIMEOUT_SECONDS:g} s") from exc
    except httpx.HTTPError as exc:
        # Not str(exc): httpx messages can contain the request URL, and with it the token.
        raise BotUsernameUnavailable(f"Telegram could not be reached at {api_base_url}") from exc
    except ValueError as exc:
        raise BotUsernameUnavailable("Telegram's answer to getMe was not JSON") from exc
    result = data.get("result") if isinstance(data, dict) and data.get("ok") else None
    username = result.get("username") if isinstance(result, dict) else None
    if not username:
        raise BotUsernameUnavailable(f"Telegram refused getMe (HTTP {response.status_code}); check TELEGRAM_BOT_TOKEN")
    return str(username)

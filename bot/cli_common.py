"""What every `chibot` command shares: settings, opening (and upgrading) the database, and
turning known failures into one sentence on stderr instead of a traceback.

A command module (cli_units.py, cli_invite.py, ...) defines plain Typer commands; it calls
``open_database(ctx)`` to get an engine on an up-to-date schema and raises (or lets through)
the project's own errors. ``ChibotGroup`` catches them around every command, including
commands added later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfoNotFoundError

import typer
from pydantic import ValidationError
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from typer.core import TyperGroup

from ground.clock import Clock, SystemClock
from ground.settings import Settings, get_settings
from services.invites import DurationError, InviteError, InviteRequestError
from services.units import UnitImportError
from storage.db import DatabaseUnavailable, make_db_engine, normalize_url
from storage.migrate import upgrade

#: Exit code when what the user typed or gave is wrong.
EXIT_BAD_INPUT = 2
#: Exit code when the environment is wrong: database unreachable, bad settings.
EXIT_ENVIRONMENT = 1

BAD_INPUT_ERRORS: tuple[type[BaseException], ...] = (
    UnitImportError,
    InviteRequestError,
    InviteError,
    DurationError,
)


class CliError(Exception):
    """A problem to report in one sentence and exit with ``exit_code``."""

    def __init__(self, message: str, exit_code: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.exit_code = exit_code


@dataclass
class CliState:
    """Global options, kept on the root context (``ctx.obj``).

    Tests (and a future ``--at``) pass their own, e.g. with a ManualClock, as ``obj=``.
    """

    database_url: str | None = None
    clock: Clock = field(default_factory=SystemClock)
    _settings: Settings | None = field(default=None, repr=False)

    def settings(self) -> Settings:
        if self._settings is None:
            overrides: dict[str, Any] = {}
            if self.database_url:
                overrides["database_url"] = self.database_url
            self._settings = get_settings(**overrides)
        return self._settings


def cli_state(ctx: typer.Context) -> CliState:
    state = ctx.find_root().obj
    if not isinstance(state, CliState):
        state = ctx.find_root().obj = CliState()
    return state


def describe_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return make_url(normalize_url(url)).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def check_database_url(url: str) -> None:
    """Fail early, in words, on URLs that cannot work at all."""
    try:
        parsed = make_url(normalize_url(url))
        parsed.get_dialect()
    except (ArgumentError, NoSuchModuleError) as exc:
        raise CliError(
            f"DATABASE_URL '{describe_url(url)}' is not a database URL chibot can use "
            "(expected sqlite:///FILE or postgresql://USER@HOST/DB)",
            EXIT_ENVIRONMENT,
        ) from exc
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        folder = Path(parsed.database).expanduser().resolve().parent
        if not folder.is_dir():
            raise CliError(
                f"cannot open the database {describe_url(url)}: the folder {folder} does not exist",
                EXIT_ENVIRONMENT,
            )


def open_database(ctx: typer.Context, *, migrate: bool = True) -> Engine:
    """An engine on DATABASE_URL, with the schema upgraded first (as the app does on start)."""
    url = cli_state(ctx).settings().database_url
    check_database_url(url)
    if migrate:
        try:
            upgrade(url)
        except DatabaseUnavailable as exc:
            raise CliError(f"cannot reach the database {describe_url(url)}: {exc}", EXIT_ENVIRONMENT) from exc
    return make_db_engine(url)


def one_sentence(message: str) -> str:
    message = " ".join(message.split())
    first = message.split(" ", 1)[0]
    if re.fullmatch(r"[a-z]+[,:;]?", first):
        # A sentence starts with a capital; a file name or a code stays as typed ("empty.txt: …").
        message = message[:1].upper() + message[1:]
    return message if message.endswith((".", "!", "?")) else message + "."


def _message_for(exc: BaseException) -> tuple[str, int] | None:
    if isinstance(exc, CliError):
        return str(exc), exc.exit_code
    if isinstance(exc, BAD_INPUT_ERRORS):
        return str(exc), EXIT_BAD_INPUT
    if isinstance(exc, DatabaseUnavailable):
        return f"cannot reach the database: {exc}", EXIT_ENVIRONMENT
    if isinstance(exc, OperationalError):
        reason = str(exc.orig) if exc.orig is not None else str(exc)
        first_line = (reason.strip().splitlines() or ["unknown error"])[0]
        return f"the database failed: {first_line}", EXIT_ENVIRONMENT
    if isinstance(exc, ValidationError):
        error = exc.errors()[0]
        name = "_".join(str(part) for part in error.get("loc", ())).upper() or "a setting"
        reason = str(error.get("msg", "invalid value")).removeprefix("Value error, ")
        return f"invalid setting {name}: {reason}", EXIT_ENVIRONMENT
    if isinstance(exc, ZoneInfoNotFoundError):
        # Raised straight through the Settings validator (a KeyError, which pydantic passes on).
        return f"invalid setting TIMEZONE: {exc.args[0] if exc.args else exc}", EXIT_ENVIRONMENT
    return None


def hoist_global_options(args: list[str]) -> list[str]:
    """``--database-url URL`` is accepted anywhere on the line (``chibot export 141
    --database-url URL`` as well as ``chibot --database-url URL export 141``): moved in front
    of the subcommand, where the root group reads it."""
    front, rest, i = [], [], 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i:])
            break
        if arg == GLOBAL_URL_OPTION and i + 1 < len(args):
            front += [arg, args[i + 1]]
            i += 2
            continue
        if arg.startswith(GLOBAL_URL_OPTION + "="):
            front.append(arg)
        else:
            rest.append(arg)
        i += 1
    return front + rest


GLOBAL_URL_OPTION = "--database-url"


class ChibotGroup(TyperGroup):
    """The root command group: known failures become one sentence and an exit code."""

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:  # type: ignore[override]
        return super().parse_args(ctx, hoist_global_options(list(args)))

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except Exception as exc:
            known = _message_for(exc)
            if known is None:
                raise
            message, exit_code = known
            typer.echo(f"Error: {one_sentence(message)}", err=True)
            raise typer.Exit(exit_code) from None

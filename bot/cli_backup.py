"""`chibot backup FILE`: a consistent copy of the SQLite database, made while the bot runs."""

from __future__ import annotations

from pathlib import Path

import typer

from bot.cli_common import EXIT_BAD_INPUT, CliError, cli_state, describe_url
from storage.backup import BackupError, backup_sqlite


def backup_command(
    ctx: typer.Context,
    file: Path = typer.Argument(
        ..., metavar="FILE", help="Where to write the copy, e.g. backups/chibot-2026-12-01.db."
    ),
    force: bool = typer.Option(False, "--force", help="Replace FILE if it exists."),
) -> None:
    """Copy the SQLite database to FILE (online: `chibot run` may keep running). For PostgreSQL
    use pg_dump; the README says how, and how to restore either."""
    url = cli_state(ctx).settings().database_url
    try:
        result = backup_sqlite(url, file, overwrite=force)
    except BackupError as exc:
        raise CliError(str(exc), EXIT_BAD_INPUT) from exc
    typer.echo(
        f"Backed up {describe_url(url)} to {result.path} ({result.size:,} bytes, {result.tables} tables). "
        f"To restore: stop chibot, copy {result.path} over the database file, start chibot."
    )

"""`chibot db ...`: the database schema."""

from __future__ import annotations

import typer

from bot.cli_common import cli_state, describe_url, open_database

db_app = typer.Typer(help="Manage the database schema.", no_args_is_help=True, rich_markup_mode=None)


@db_app.command("upgrade")
def upgrade_command(ctx: typer.Context) -> None:
    """Create or update the database tables to the latest version (safe to run again)."""
    engine = open_database(ctx)
    engine.dispose()
    url = cli_state(ctx).settings().database_url
    typer.echo(f"Database is up to date: {describe_url(url)}")

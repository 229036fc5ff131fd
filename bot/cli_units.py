"""`chibot units ...`: the organisation tree."""

from __future__ import annotations

from pathlib import Path

import typer

from bot.cli_common import cli_state, open_database
from bot.cli_parse import terms_language
from services.units import import_units, render_tree
from storage.db import session_scope

units_app = typer.Typer(
    help="Import and show the organisation tree (units).",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@units_app.command("import")
def import_command(
    ctx: typer.Context,
    file: Path = typer.Argument(
        ...,
        metavar="FILE",
        help="A .csv or .xlsx file whose first row is: code,name,kind,parent_code",
        show_default=False,
    ),
) -> None:
    """Create or update units from a CSV or XLSX file.

    One unit per row. kind is committee (cấp ủy), grassroots (đảng bộ cơ sở), cell (chi bộ)
    or mass (đoàn thể). parent_code is the code of the unit above, empty for the top unit.
    Importing the same file again changes nothing; a changed name or parent is updated.
    If any row is wrong, nothing is imported and the row is named.
    """
    engine = open_database(ctx)
    try:
        with session_scope(engine) as session:
            summary = import_units(session=session, path=file, now=cli_state(ctx).clock.now())
    finally:
        engine.dispose()
    typer.echo(
        f"Imported {file.name}: {summary.created} created, {summary.updated} updated, {summary.unchanged} unchanged."
    )


@units_app.command("list")
def list_command(ctx: typer.Context) -> None:
    """Show the organisation tree.

    Every unit with its code, name and kind, indented under the unit above it.
    """
    engine = open_database(ctx)
    try:
        with session_scope(engine) as session:
            tree = render_tree(session=session, lang=terms_language())
    finally:
        engine.dispose()
    typer.echo(tree or "No units yet. Import them with: chibot units import FILE")

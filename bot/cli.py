"""The `chibot` command line: builds the Typer app from one module per command group.

Each command lives in its own module (cli_db.py, cli_units.py, cli_invite.py) and is
registered here, in one place. Reserved for commands added by later issues, each in its own
module registered below: `run` and `shell` (channels), `demo`, `parse`, `export`.
Known failures are turned into one sentence and an exit code by ChibotGroup (cli_common.py).
"""

from __future__ import annotations

import typer

from bot.cli_backup import backup_command
from bot.cli_common import ChibotGroup, CliState
from bot.cli_db import db_app
from bot.cli_export import export_command
from bot.cli_invite import invite_command
from bot.cli_outbox import outbox_command
from bot.cli_parse import parse_command
from bot.cli_run import run_command
from bot.cli_shell import demo_command, shell_command
from bot.cli_units import units_app
from bot.cli_web import web_command, web_login_command

app = typer.Typer(
    cls=ChibotGroup,
    name="chibot",
    help="chibot: directives, deadlines and reports for party committees and their cells.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help: re-wrapped paragraphs read better in a narrow terminal than Rich boxes.
    rich_markup_mode=None,
)


@app.callback()
def root(
    ctx: typer.Context,
    database_url: str | None = typer.Option(
        None,
        "--database-url",
        metavar="URL",
        help="Database to use instead of DATABASE_URL, e.g. sqlite:///chibot.db or postgresql://user@host/db.",
    ),
) -> None:
    """chibot: directives, deadlines and reports for party committees and their cells."""
    state = ctx.ensure_object(CliState)
    if database_url:
        state.database_url = database_url


app.add_typer(db_app, name="db")
app.add_typer(units_app, name="units")
app.command("invite")(invite_command)
app.command("demo")(demo_command)
app.command("shell")(shell_command)
app.command("run")(run_command)
app.command("parse")(parse_command)
app.command("export")(export_command)
app.command("outbox")(outbox_command)
app.command("backup")(backup_command)
app.command("web")(web_command)
app.command("web-login")(web_login_command)


def main() -> None:
    app(prog_name="chibot")


if __name__ == "__main__":
    main()

"""`chibot export NUMBER --format xlsx|docx|csv -o FILE`: the compiled report of a directive,
for the whole issuing unit (the command line is the administrator's tool). `-o -` writes CSV
to standard output."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from bot.cli_common import EXIT_ENVIRONMENT, CliError, cli_state, open_database
from bot.cli_parse import cli_language
from services import directive_texts as texts
from services import exports, status
from services.i18n import Translator
from storage.db import session_scope
from storage.queries import units as unit_queries


def export_command(
    ctx: typer.Context,
    number: str = typer.Argument(
        ...,
        metavar="NUMBER",
        help="Number of the directive, e.g. 141-CV/ĐUK or 141, or #ID when several share a number.",
    ),
    fmt: str = typer.Option("xlsx", "--format", "-f", help="xlsx, docx or csv."),
    output: str = typer.Option(
        ..., "--output", "-o", metavar="FILE", help="File to write; - writes CSV to standard output."
    ),
) -> None:
    """Write the compiled report of one directive: every assigned unit with its report, totals."""
    fmt = fmt.lower()
    state = cli_state(ctx)
    settings = state.settings()
    t = Translator(settings.default_language)  # the file's words
    say = Translator(cli_language())  # the command line's own messages
    if fmt not in exports.FORMATS:
        raise CliError(say("export.cli.bad_format", fmt=fmt))
    if output == "-" and fmt != "csv":
        raise CliError(say("export.cli.stdout_csv"))
    folder = Path(output).expanduser().resolve().parent
    if output != "-" and not folder.is_dir():
        raise CliError(
            f"cannot write {output}: the folder {folder} does not exist; create it or choose another -o FILE",
            EXIT_ENVIRONMENT,
        )
    engine = open_database(ctx)
    try:
        with session_scope(engine) as session:
            found = status.any_numbered(session=session, text=number)
            if not found:
                raise CliError(say("export.cli.not_found", number=number))
            if len(found) > 1:
                lines = "\n".join(texts.which_line(say, d, settings.tz) for d in found)
                raise CliError(
                    say("export.cli.ambiguous", count=len(found), number=number, lines=lines, id=found[0].id)
                )
            directive = found[0]
            issuer = unit_queries.require_unit(session=session, unit_id=directive.unit_id)
            data = exports.build(
                session=session, directive=directive, paths=[issuer.path], now=state.clock.now(), tz=settings.tz, t=t
            )
            content = exports.render(fmt, data, t)
    finally:
        engine.dispose()
    if output == "-":
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
        return
    try:
        Path(output).write_bytes(content)
    except OSError as exc:
        raise CliError(
            f"cannot write {output}: {exc.strerror or exc}; check the folder exists and you may write there",
            EXIT_ENVIRONMENT,
        ) from None
    typer.echo(say("export.cli.written", path=output))

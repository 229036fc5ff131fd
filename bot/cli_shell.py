"""`chibot shell` and `chibot demo`: try chibot in a terminal, no token, no network."""

from __future__ import annotations

import sys

import typer

from bot.app import build_app, configure_logging
from bot.channels.console import SHELL_HELP, ConsoleShell, ShellError, parse_local_time
from bot.cli_common import CliError, cli_state, open_database
from bot.cli_parse import cli_language, terms_language
from bot.demo import load_demo
from ground.clock import ManualClock
from services.i18n import t
from services.localtime import format_local_datetime
from services.reminders.config import ReminderConfig
from storage.db import session_scope


def _open_shell(ctx: typer.Context, who: str, at: str | None) -> None:
    state = cli_state(ctx)
    settings = state.settings()
    configure_logging("WARNING")
    engine = open_database(ctx)
    clock = state.clock
    if at:
        try:
            clock = ManualClock(parse_local_time(at, settings.tz))
        except ShellError as exc:
            raise CliError(str(exc)) from exc
    app = build_app(settings, clock=clock, engine=engine, migrate=False)
    shell = ConsoleShell(app)
    interactive = sys.stdin.isatty()
    if interactive:
        typer.echo(SHELL_HELP)
        typer.echo("")
    if at:
        typer.echo(f"— simulated time: {format_local_datetime(app.clock.now(), settings.tz)} —")
    try:
        shell.switch_to(who)
    except ShellError as exc:
        raise CliError(str(exc)) from exc
    code = shell.run(sys.stdin, interactive=interactive)
    raise typer.Exit(code)


def shell_command(
    ctx: typer.Context,
    who: str = typer.Option(
        ..., "--as", metavar="CODE_OR_NAME", help="An invite code, or the name of a registered person."
    ),
    at: str | None = typer.Option(
        None,
        "--at",
        metavar="'YYYY-MM-DD HH:MM'",
        help="Run on a simulated clock starting at this local time (move it with :advance).",
    ),
) -> None:
    """Chat with chibot in this terminal, as the person an invite code or a name points to.

    Choices are numbered: answer with the number or the words. Lines starting with ':' control
    the shell (:help lists them). Each line is one message; ':paste' sends the lines after it, up
    to a line with only '.', as one message (a directive's full text). With input from a pipe,
    one message per line is read and the replies are printed.
    """
    _open_shell(ctx, who, at)


def demo_command(
    ctx: typer.Context,
    shell: bool = typer.Option(False, "--shell", help="Open the console as the demo's staff member afterwards."),
    web: bool = typer.Option(
        False, "--web", help="Serve the dashboard afterwards and print a login link for the demo's staff member."
    ),
    at: str | None = typer.Option(
        None, "--at", metavar="'YYYY-MM-DD HH:MM'", help="With --shell: run on a simulated clock from this local time."
    ),
) -> None:
    """Load a sample organisation and the directive 141-CV/ĐUK, and print invite codes to try it.

    Safe to run again: nothing is duplicated; unused demo invites are replaced by new codes.
    """
    state = cli_state(ctx)
    settings = state.settings()
    engine = open_database(ctx)
    now = state.clock.now()
    if at:
        # The demo happens at the simulated time: deadlines 5 days after it, published then,
        # so :advance walks through the whole reminder cycle.
        try:
            now = parse_local_time(at, settings.tz)
        except ShellError as exc:
            raise CliError(str(exc)) from exc
    with session_scope(engine) as session:
        result = load_demo(session=session, now=now, config=ReminderConfig.from_settings(settings))
    typer.echo(f"Demo organisation loaded ({result.units_created} new units).")
    status = "registered" if result.directive_created else "already registered"
    typer.echo(f"Directive {result.directive_number} {status}, published to the cells, with deadlines:")
    lang = cli_language()
    for kind, shown in result.deadlines:
        typer.echo(f"  • {t(lang, 'deadline_kind.' + kind)}: {shown}")
    typer.echo("")
    typer.echo("Invite codes (send '/start CODE' to the bot, or: chibot shell --as CODE):")
    staff_login = None
    for invite in result.invites:
        role = f"{invite.role} ({t(terms_language(), f'cli.role.{invite.role}')})"
        if invite.code:
            typer.echo(f"  {invite.code}  {role:<22} {invite.name} — {invite.unit_name}")
        else:
            typer.echo(
                f"  {'(registered)':<10}  {role:<22} {invite.name} — {invite.unit_name}: "
                f'chibot shell --as "{invite.name}"'
            )
        if invite.role == "staff" and staff_login is None:
            staff_login = invite.code or invite.name
    if web and staff_login:
        _serve_demo_web(ctx, staff_login)
        return
    if shell and staff_login:
        typer.echo("")
        typer.echo("In the shell, ':as <code or name>' switches to another person; ':help' lists shell commands.")
        _open_shell(ctx, staff_login, at)


def _serve_demo_web(ctx: typer.Context, staff_login: str) -> None:
    """Register the demo's staff member on the console if needed, ask the bot for /web as
    they would, print the link it answers with, and serve the dashboard (Ctrl+C stops it)."""
    import secrets

    import uvicorn
    from pydantic import SecretStr

    from ground.messages import Incoming
    from services import console_users
    from web.app import create_app

    state = cli_state(ctx)
    settings = state.settings()
    if settings.web_secret_key is None:
        # Enough for a demo on this machine; a real deployment sets WEB_SECRET_KEY.
        settings = settings.model_copy(update={"web_secret_key": SecretStr(secrets.token_urlsafe(32))})
    engine = open_database(ctx)
    app = build_app(settings, clock=state.clock, engine=engine, migrate=False)
    with session_scope(engine) as session:
        user_id, name, code = console_users.resolve(session=session, who=staff_login, now=state.clock.now())

    def say(text: str) -> str:
        incoming = Incoming(channel="console", chat_id=user_id, user_id=user_id, display_name=name, text=text)
        return "\n".join(r.text for r in app.core.handle(incoming))

    if code is not None:
        say(f"/start {code}")
    typer.echo("")
    typer.echo(f"{name} sent /web to chibot; its answer:")
    typer.echo(say("/web"))
    typer.echo("")
    typer.echo(f"The dashboard is at {settings.web_base_url} (Ctrl+C stops it).")
    configure_logging("WARNING")
    web_app = create_app(settings=settings, engine=engine, clock=state.clock)
    try:
        uvicorn.run(web_app, host=settings.web_listen, port=settings.web_port, log_level="warning", lifespan="off")
    finally:
        engine.dispose()

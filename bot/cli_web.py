"""`chibot web` (the staff dashboard) and `chibot web-login PERSON` (a one-time login link for
someone who cannot ask the bot, e.g. an administrator setting chibot up)."""

from __future__ import annotations

import typer

from bot.app import configure_logging
from bot.cli_common import EXIT_BAD_INPUT, EXIT_ENVIRONMENT, CliError, cli_state, open_database
from services import web_login
from storage.db import session_scope
from web.app import WebConfigError, create_app


def web_command(ctx: typer.Context) -> None:
    """Serve the staff dashboard on WEB_LISTEN:WEB_PORT until stopped (Ctrl+C).

    Needs WEB_SECRET_KEY. Staff sign in with a one-time link: /web in chat, or chibot web-login.
    Put it behind an HTTPS reverse proxy and set WEB_PUBLIC_URL to the address people open.
    """
    import uvicorn

    state = cli_state(ctx)
    settings = state.settings()
    engine = open_database(ctx)
    try:
        app = create_app(settings=settings, engine=engine, clock=state.clock)
    except WebConfigError as exc:
        raise CliError(str(exc), EXIT_ENVIRONMENT) from exc
    configure_logging(settings.log_level)
    typer.echo(f"chibot web: {settings.web_base_url} (listening on {settings.web_listen}:{settings.web_port})")
    try:
        uvicorn.run(app, host=settings.web_listen, port=settings.web_port, proxy_headers=True, log_level="warning")
    finally:
        engine.dispose()


def web_login_command(
    ctx: typer.Context,
    person: str = typer.Argument(..., metavar="PERSON", help="The person's id or full name (staff or administrator)."),
) -> None:
    """Print a one-time login link to the dashboard for a staff member or administrator
    (used once, valid 10 minutes)."""
    state = cli_state(ctx)
    settings = state.settings()
    engine = open_database(ctx)
    try:
        with session_scope(engine) as session:
            try:
                found = web_login.find_person(session=session, text=person)
            except ValueError as exc:
                raise CliError(f"several people are named {person!r} ({exc}): give the id instead") from exc
            url = web_login.create_login_link(
                session=session, person_id=found.id, origin="cli", base_url=settings.web_base_url, now=state.clock.now()
            )
    except web_login.WebLoginError as exc:
        if exc.reason == "not_staff":
            raise CliError(
                f"{person} is neither staff nor an administrator: the dashboard is for them only", EXIT_BAD_INPUT
            ) from exc
        raise CliError(
            f"no registered person {person!r}: give the full name as registered (any case) or the person's id"
        ) from exc
    finally:
        engine.dispose()
    typer.echo(f"Login link for {found.full_name} (works once, for 10 minutes):")
    typer.echo(url)

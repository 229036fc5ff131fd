"""The dashboard from the command line: `chibot web-login PERSON` prints a link that signs in
once, `chibot web` refuses to start without WEB_SECRET_KEY, and `chibot run --web` serves the
dashboard inside the bot's runtime."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from typer.testing import CliRunner

from bot.app import build_app
from bot.cli import app as cli
from bot.cli_common import CliState
from bot.runtime import Runtime
from bot.web_runtime import WebDashboard
from ground.settings import Settings
from services import invites, units
from storage.db import make_db_engine, session_scope
from tests.support.chat import Chat
from tests.support.live_web import free_port
from tests.support.org import ORG_ROWS
from tests.support.web import LINK_RE, open_link
from web.app import create_app

NO_ENV = {"TELEGRAM_BOT_TOKEN": None, "DATABASE_URL": None, "WEB_SECRET_KEY": None, "WEB_PUBLIC_URL": None}


@pytest.fixture
def cli_org(db_url, clock, tmp_path, monkeypatch):
    """A migrated database (as `chibot` leaves it) with the sample units, a staff member and a
    secretary registered through chat."""
    monkeypatch.chdir(tmp_path)
    settings = Settings(_env_file=None, database_url=db_url, web_secret_key="cli-test-secret-0123456789")  # type: ignore[call-arg]
    engine = make_db_engine(db_url)
    application = build_app(settings, clock=clock, engine=engine, migrate=True)
    with session_scope(engine) as session:
        units.import_units(
            session=session,
            now=clock.now(),
            rows=[{"code": c, "name": n, "kind": k, "parent_code": p} for c, n, k, p in ORG_ROWS],
        )
    for unit, role, name in (("DUK", "staff", "Trần Văn Tâm"), ("CB01", "secretary", "Bí thư CB01")):
        with session_scope(engine) as session:
            code, _ = invites.create_invite(
                session=session, unit_code=unit, role=role, expires_in=timedelta(days=1), label=name, now=clock.now()
            )
        Chat(app=application, user_id=f"u-{role}", name=name).send(f"/start {code}")
    yield application
    engine.dispose()


def chibot(db_url, clock, *args: str, env: dict | None = None):
    return CliRunner().invoke(
        cli, ["--database-url", db_url, *args], env={**NO_ENV, **(env or {})}, obj=CliState(clock=clock)
    )


def test_web_login_prints_a_one_time_link_for_staff(cli_org, db_url, clock):
    result = chibot(db_url, clock, "web-login", "trần văn tâm", env={"WEB_PUBLIC_URL": "https://chibot.example.vn"})

    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Login link for Trần Văn Tâm (works once, for 10 minutes):"
    assert lines[1].startswith("https://chibot.example.vn/login/")
    from fastapi.testclient import TestClient

    web = create_app(settings=cli_org.settings, engine=cli_org.engine, clock=clock)
    path = LINK_RE.search(lines[1]).group(1)
    with TestClient(web, follow_redirects=False) as browser:
        assert open_link(browser, path).status_code == 303
    with TestClient(web, follow_redirects=False) as again:
        assert again.get(path).status_code == 400


def test_web_login_refuses_a_secretary_and_an_unknown_name(cli_org, db_url, clock):
    secretary = chibot(db_url, clock, "web-login", "Bí thư CB01")
    assert secretary.exit_code == 2
    assert "Bí thư CB01 is neither staff nor an administrator" in secretary.stderr
    nobody = chibot(db_url, clock, "web-login", "Không Có Ai")
    assert nobody.exit_code == 2
    assert "No registered person 'Không Có Ai': give the full name as registered" in nobody.stderr


def test_chibot_web_needs_a_secret_key(db_url, clock, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = chibot(db_url, clock, "web")
    assert result.exit_code == 1
    assert "WEB_SECRET_KEY is not set" in result.stderr


async def test_run_web_serves_the_dashboard_inside_the_runtime(app):
    port = free_port()
    settings = app.settings.model_copy(update={"web_port": port})
    async with Runtime(app, [WebDashboard(settings)], reminder_jobs=False):
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            response = await client.get("/directives")
    assert response.status_code == 401
    assert "gửi /web cho chibot" in response.text
    assert response.headers["x-frame-options"] == "DENY"
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{port}/directives")  # stopped with the runtime


def test_demo_web_prints_the_bots_login_link_and_serves_the_dashboard(db_url, clock, tmp_path, monkeypatch):
    """`chibot demo --web` leaves the user one click from the dashboard (uvicorn is replaced
    by a TestClient here: the command would serve until Ctrl+C)."""
    import uvicorn
    from fastapi.testclient import TestClient

    monkeypatch.chdir(tmp_path)
    served = []
    monkeypatch.setattr(uvicorn, "run", lambda web_app, **options: served.append((web_app, options)))

    result = chibot(db_url, clock, "demo", "--web")

    assert result.exit_code == 0, result.output
    assert "sent /web to chibot; its answer:" in result.stdout
    assert "Đường dẫn đăng nhập trang làm việc của đồng chí:" in result.stdout
    assert "The dashboard is at http://127.0.0.1:8080 (Ctrl+C stops it)." in result.stdout
    ((web_app, options),) = served
    assert (options["host"], options["port"]) == ("127.0.0.1", 8080)
    with TestClient(web_app, follow_redirects=False) as browser:
        assert open_link(browser, LINK_RE.search(result.stdout).group(1)).status_code == 303
        listing = browser.get("/directives")
    assert listing.status_code == 200 and "141-CV/ĐUK" in listing.text

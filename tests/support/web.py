"""The dashboard in tests: FastAPI's TestClient on the same database and clock as the chat
core, and signing in the way staff do (``/web`` in chat, open the link, press the button)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from tests.support.chat import Chat
from web.app import create_app

LINK_RE = re.compile(r"https?://\S+?(/login/[A-Za-z0-9_-]+)")
CSRF_RE = re.compile(r'name="csrf" value="([0-9a-f]+)"')


@pytest.fixture
def web(app):
    """A TestClient factory: each call is a separate browser (its own cookies). The app's
    settings (tests/support/chat.py) carry a WEB_SECRET_KEY."""
    application = create_app(settings=app.settings, engine=app.engine, clock=app.clock)
    clients: list[TestClient] = []

    def browser() -> TestClient:
        client = TestClient(application, follow_redirects=False)
        clients.append(client)
        return client

    yield browser
    for client in clients:
        client.close()


def link_path(chat: Chat) -> str:
    """The path of the login link /web just sent (/login/<token>)."""
    found = LINK_RE.search(chat.last_text)
    assert found, chat.last_text
    return found.group(1)


def csrf_of(html: str) -> str:
    found = CSRF_RE.search(html)
    assert found, html[:500]
    return found.group(1)


def open_link(client: TestClient, path: str):  # noqa: ANN201
    """Open the link and press "Đăng nhập": the response to the POST."""
    page = client.get(path)
    assert page.status_code == 200, page.text
    return client.post("/login", data={"token": path.rsplit("/", 1)[1], "csrf": csrf_of(page.text)})


def sign_in(client: TestClient, chat: Chat) -> TestClient:
    chat.send("/web")
    response = open_link(client, link_path(chat))
    assert response.status_code == 303 and response.headers["location"] == "/directives", response.text
    return client

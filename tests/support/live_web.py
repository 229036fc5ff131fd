"""The dashboard served for real (uvicorn on a free local port, in a thread) for the browser
test, and Debian's Chromium found for Playwright (no browser download)."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from web.app import create_app

#: Debian's chromium package; its /usr/bin/chromium is a wrapper script around this binary.
CHROMIUM_CANDIDATES = ("/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser")
#: Screenshots of the main pages land here (look at them after a run).
OUTPUT = Path(__file__).resolve().parents[2] / "test-output" / "browser"


def chromium_path() -> str | None:
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("chromium")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def live_web(app) -> Iterator[str]:
    """The base URL of the dashboard running on the test database and clock."""
    port = free_port()
    app.settings.web_public_url = f"http://127.0.0.1:{port}"
    application = create_app(settings=app.settings, engine=app.engine, clock=app.clock)
    server = uvicorn.Server(
        uvicorn.Config(application, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield app.settings.web_public_url
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def browser_page():
    """A Playwright page in headless Chromium from the system's package."""
    path = chromium_path()
    if path is None:
        if os.environ.get("CHIBOT_REQUIRE_BROWSER"):
            pytest.fail("Chromium is not installed (apt-get install chromium)")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    OUTPUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, headless=True, args=["--no-sandbox"])
        context = browser.new_context(accept_downloads=True, locale="vi-VN", viewport={"width": 1280, "height": 900})
        page = context.new_page()
        yield page
        context.close()
        browser.close()

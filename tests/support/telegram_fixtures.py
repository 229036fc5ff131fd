"""Fixtures for tests that run chibot's core behind Telegram: the fake Bot API server and an
app on the test database with the sample organisation's units (nobody registered yet)."""

from __future__ import annotations

import pytest

from bot.app import build_app
from ground.settings import Settings
from services import units
from storage.db import session_scope
from tests.support.fake_bot_api import DEFAULT_TOKEN, FakeBotApi
from tests.support.org import ORG_ROWS


@pytest.fixture
async def server():
    async with FakeBotApi() as api:
        yield api


@pytest.fixture
def tg_settings(tmp_path) -> Settings:
    return Settings(_env_file=None, telegram_bot_token=DEFAULT_TOKEN, attachments_dir=tmp_path / "att")  # type: ignore[call-arg]


@pytest.fixture
def chibot(engine, clock, tg_settings):
    application = build_app(tg_settings, clock=clock, engine=engine, migrate=False)
    with session_scope(engine) as session:
        units.import_units(
            session=session,
            now=clock.now(),
            rows=[{"code": c, "name": n, "kind": k, "parent_code": p} for c, n, k, p in ORG_ROWS],
        )
    return application

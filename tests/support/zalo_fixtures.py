"""Fixtures for tests that run chibot's core behind the Zalo channel, over real HTTP, against
the fake Zalo Bot API (tests/support/fake_zalo_api.py)."""

from __future__ import annotations

import contextlib
from datetime import timedelta

import pytest

from bot.app import build_app
from bot.channels.zalo_channel import start_zalo
from ground.settings import Settings
from services import invites, units
from storage.db import session_scope
from tests.support.fake_zalo_api import DEFAULT_TOKEN, FakeZaloApi
from tests.support.org import ORG_ROWS


@pytest.fixture
async def zalo_server():
    async with FakeZaloApi() as api:
        yield api


@pytest.fixture
def zalo_settings(tmp_path, zalo_server) -> Settings:
    return Settings(  # type: ignore[call-arg]
        _env_file=None, zalo_bot_token=DEFAULT_TOKEN, zalo_api_base_url=zalo_server.url,
        attachments_dir=tmp_path / "att", zalo_max_per_second=0,
    )


@pytest.fixture
def zalo_app(engine, clock, zalo_settings):
    """chibot on the test database with the sample units, nobody registered yet."""
    application = build_app(zalo_settings, clock=clock, engine=engine, migrate=False)
    with session_scope(engine) as session:
        units.import_units(session=session, now=clock.now(), rows=[
            {"code": c, "name": n, "kind": k, "parent_code": p} for c, n, k, p in ORG_ROWS
        ])
    return application


@contextlib.asynccontextmanager
async def running_zalo(app, **kwargs):  # noqa: ANN001, ANN003
    """The Zalo channel polling the fake server, its sender registered with the app."""
    runtime = await start_zalo(app.settings, app.core, add_sender=app.add_sender, min_backoff=0.01,
                               poll_timeout=1, **kwargs)
    try:
        yield runtime
    finally:
        await runtime.stop()


def new_invite(app, unit_code: str, role: str, name: str) -> str:  # noqa: ANN001
    with session_scope(app.engine) as session:
        code, _ = invites.create_invite(session=session, unit_code=unit_code, role=role, expires_in=timedelta(days=1),
                                        label=name, now=app.clock.now())
    return code

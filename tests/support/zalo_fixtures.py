"""Fixtures for tests that run chibot's core behind the Zalo channel, over real HTTP, against
the fake Zalo Bot API (tests/support/fake_zalo_api.py)."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import timedelta

import pytest

from bot.app import build_app
from bot.channels.zalo_app import ZaloChannel
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
        _env_file=None,
        zalo_bot_token=DEFAULT_TOKEN,
        zalo_api_base_url=zalo_server.url,
        attachments_dir=tmp_path / "att",
        zalo_max_per_second=0,
    )


@pytest.fixture
def zalo_app(engine, clock, zalo_settings):
    """chibot on the test database with the sample units, nobody registered yet."""
    application = build_app(zalo_settings, clock=clock, engine=engine, migrate=False)
    with session_scope(engine) as session:
        units.import_units(
            session=session,
            now=clock.now(),
            rows=[{"code": c, "name": n, "kind": k, "parent_code": p} for c, n, k, p in ORG_ROWS],
        )
    return application


class AppOnly:
    """The part of the runtime a channel uses, without its scheduler: these tests deliver the
    outbox themselves (``deliver(app)``), at the moment they choose."""

    def __init__(self, app) -> None:  # noqa: ANN001
        self.app = app

    @property
    def scheduler(self):  # noqa: ANN201
        raise AssertionError("the Zalo channel needs no scheduler")

    def wake(self) -> None:
        pass


@contextlib.asynccontextmanager
async def running_zalo(app, **kwargs):  # noqa: ANN001, ANN003
    """The Zalo channel polling the fake server, its sender registered with the app."""
    channel = ZaloChannel(app.settings, min_backoff=0.01, poll_timeout=1, **kwargs)
    await channel.start(AppOnly(app))
    app.add_sender(channel.sender)
    try:
        yield channel
    finally:
        await channel.stop()


def new_invite(app, unit_code: str, role: str, name: str) -> str:  # noqa: ANN001
    with session_scope(app.engine) as session:
        code, _ = invites.create_invite(
            session=session,
            unit_code=unit_code,
            role=role,
            expires_in=timedelta(days=1),
            label=name,
            now=app.clock.now(),
        )
    return code


class ZaloUser:
    """A person writing to chibot on Zalo through the fake server, reading what came back."""

    def __init__(self, server, runtime, chat_id: str, name: str = "Bí thư") -> None:  # noqa: ANN001
        self.server, self.runtime, self.chat_id, self.name = server, runtime, chat_id, name
        self._seen = 0

    async def _settle(self) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 10
        while self.server.pending_updates:
            if loop.time() > deadline:
                raise AssertionError("the channel never fetched the update")
            await asyncio.sleep(0.01)
        begun = self.server.polls_started
        while self.server.polls_started <= begun and loop.time() < deadline:
            await asyncio.sleep(0.01)  # the next poll began: the update was handed to a task
        await self.runtime.receiver.drain()

    async def say(self, text: str) -> str:
        """Send text; everything chibot answered to it, joined."""
        self.server.push_text(chat_id=self.chat_id, text=text, name=self.name)
        await self._settle()
        return self.news()

    async def send_photo(self, name: str, content: bytes, caption: str | None = None) -> str:
        url = self.server.host_photo(name, content)
        self.server.push_image(chat_id=self.chat_id, photo_url=url, caption=caption, name=self.name)
        await self._settle()
        return self.news()

    async def push(self, update) -> str:  # noqa: ANN001
        self.server.push_raw(update)
        await self._settle()
        return self.news()

    def news(self) -> str:
        """What arrived since the last look (replies and outbox messages alike)."""
        texts = self.server.texts_to(self.chat_id)
        fresh, self._seen = texts[self._seen :], len(texts)
        return "\n---\n".join(fresh)

    @property
    def all_texts(self) -> list[str]:
        return self.server.texts_to(self.chat_id)

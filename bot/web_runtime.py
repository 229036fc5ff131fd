"""`chibot run --web`: the dashboard served inside the bot's runtime, next to the channels.

It is started like a channel (bot/channels/base.py): one uvicorn server task in the runtime's
event loop, stopped with it. It sends nothing through the outbox (``sender`` stays None); what
a page queues (a published directive, a broadcast) is woken by the runtime's after-commit hook
like anything else the core queues.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

import uvicorn

from bot.channels.base import ChannelConfigError, RuntimeHandle
from ground.ports import Capabilities, ChannelSender
from ground.settings import Settings
from web.app import WebConfigError, create_app

log = logging.getLogger(__name__)


class WebDashboard:
    name = "web"
    #: Pages, not chat messages: nothing is rendered through the channel machinery.
    capabilities = Capabilities(buttons=True, max_text=100_000, max_caption=100_000, can_edit=False)

    def __init__(self, settings: Settings) -> None:
        if settings.web_secret_key is None:
            raise ChannelConfigError(
                "WEB_SECRET_KEY is not set: the dashboard signs its forms with it; "
                'make one with: python3 -c "import secrets; print(secrets.token_urlsafe(32))"'
            )
        self.settings = settings
        self.sender: ChannelSender | None = None
        self._server: uvicorn.Server | None = None
        self._task: asyncio.Task[None] | None = None

    async def start(self, runtime: RuntimeHandle) -> None:
        app = runtime.app
        try:
            web_app = create_app(settings=self.settings, engine=app.engine, clock=app.clock)
        except WebConfigError as exc:
            raise ChannelConfigError(str(exc)) from exc
        config = uvicorn.Config(
            web_app,
            host=self.settings.web_listen,
            port=self.settings.web_port,
            proxy_headers=True,
            log_level="warning",
            lifespan="off",  # the app has no startup work; the runtime owns the long-lived parts
        )
        self._server = uvicorn.Server(config)
        # The runtime owns SIGINT/SIGTERM and stops every channel; uvicorn must not catch them.
        self._server.capture_signals = contextlib.nullcontext  # type: ignore[method-assign,assignment]
        self._task = asyncio.create_task(self._server.serve())
        while not self._server.started:
            if self._task.done():
                self._task.result()  # raises why it could not start (port in use ...)
                raise ChannelConfigError(f"the dashboard could not listen on {config.host}:{config.port}")
            await asyncio.sleep(0.05)
        log.info("dashboard at %s", self.settings.web_base_url)

    async def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._task is not None:
            try:
                await asyncio.wait_for(self._task, timeout=10)
            except (TimeoutError, asyncio.CancelledError):
                self._task.cancel()
            except SystemExit:
                pass
        self._server, self._task = None, None

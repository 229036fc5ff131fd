"""The Zalo channel of the runtime (bot/channels/base.py ``Channel``): long polling or a
webhook for the core, and a ZaloSender for the outbox, sharing one HTTP client and one send
budget, answers first (``ZALO_MAX_PER_SECOND`` for the token, split among the processes that
send with it: services/send_share.py); bot/channels/zalo_channel.py holds the pieces."""

from __future__ import annotations

import asyncio
import contextlib
import logging

import httpx

from bot.channels.base import RuntimeHandle
from bot.channels.send_budget import SendBudget
from bot.channels.zalo_api import ZaloApi, make_client
from bot.channels.zalo_channel import (
    HttpServer,
    ZaloReceiver,
    ZaloSender,
    file_publisher,
    http_routes,
    token_of,
    webhook_config,
)
from bot.channels.zalo_inbound import CHANNEL
from ground.ports import ConversationCore, capabilities_of
from ground.settings import Settings
from services.send_share import SendShare, budget_key

log = logging.getLogger(__name__)


class ZaloChannel:
    """Settings are checked on construction (a ZaloConfigError says what to set); ``start``
    begins receiving, ``stop`` waits for the answers under way, then closes the client."""

    name = CHANNEL
    capabilities = capabilities_of(CHANNEL)

    def __init__(
        self,
        settings: Settings,
        *,
        webhook: bool = False,
        core: ConversationCore | None = None,
        client: httpx.AsyncClient | None = None,
        min_backoff: float = 1.0,
        poll_timeout: int = 30,
        poll_grace: float = 10.0,
    ) -> None:
        self.token = token_of(settings)
        self.webhook = webhook_config(settings) if webhook else None
        self.settings = settings
        self.core = core
        self._client = client
        self.min_backoff, self.poll_timeout, self.poll_grace = min_backoff, poll_timeout, poll_grace
        self.sender: ZaloSender | None = None
        self.receiver: ZaloReceiver | None = None
        self.server: HttpServer | None = None
        self._stop_event: asyncio.Event | None = None
        self._poller: asyncio.Task | None = None
        #: The token's send budget (None when ZALO_MAX_PER_SECOND is 0: unlimited) and this
        #: process's share of it.
        self.budget: SendBudget | None = None
        self.share: SendShare | None = None

    async def start(self, runtime: RuntimeHandle) -> None:
        settings = self.settings
        core = self.core if self.core is not None else runtime.app.core
        self._client = self._client or make_client()
        if settings.zalo_max_per_second > 0:
            self.budget = SendBudget(settings.zalo_max_per_second)
            self.share = SendShare(
                engine=runtime.app.engine,
                budget_key=budget_key(CHANNEL, self.token),
                worker=runtime.app.dispatcher.worker_id,
                total=settings.zalo_max_per_second,
                set_rate=self.budget.set_rate,
                hold=self.budget.hold,
            )
            await self.share.start()
        api = ZaloApi(
            token=self.token,
            client=self._client,
            base_url=settings.zalo_api_base_url,
            budget=self.budget,
            poll_grace=self.poll_grace,
        )
        publisher = file_publisher(settings)
        self.receiver = ZaloReceiver(
            core=core, api=api, settings=settings, publisher=publisher, min_backoff=self.min_backoff
        )
        self.sender = ZaloSender(api.for_outbox(), publisher=publisher, language=settings.default_language)
        try:
            routes = http_routes(self.receiver, self.webhook)
            if routes:
                self.server = HttpServer(routes, listen=settings.zalo_webhook_listen, port=settings.zalo_webhook_port)
                port = self.server.start()
                log.info("zalo HTTP server listening on %s:%s", settings.zalo_webhook_listen, port)
            if self.webhook is not None:
                await api.set_webhook(url=self.webhook.url, secret_token=self.webhook.secret)
                log.info("zalo channel started (webhook)")
            else:
                self._stop_event = asyncio.Event()
                self._poller = asyncio.create_task(self.receiver.poll(self._stop_event, timeout=self.poll_timeout))
                log.info("zalo channel started (long polling)")
        except BaseException:
            await self.stop()
            raise

    async def stop(self) -> None:
        if self._stop_event is not None:
            self._stop_event.set()
        poller, self._poller = self._poller, None
        if poller is not None:
            poller.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await poller
        server, self.server = self.server, None
        if server is not None:
            await server.stop()
        if self.receiver is not None:
            await self.receiver.drain()
        client, self._client = self._client, None
        if client is not None:
            await client.aclose()
        share, self.share = self.share, None
        if share is not None:
            await share.stop()
        budget, self.budget = self.budget, None
        if budget is not None:
            await budget.aclose()

"""Telegram wiring: python-telegram-bot's Application (one generic handler, rate limited,
per-chat ordering), the outbox sender's own bot, the webhook settings, and ``TelegramChannel``,
which runs both inside the runtime's event loop (bot/runtime.py).

Decisions worth knowing:

* One send budget per token (bot/channels/send_budget.py): interactive replies and outbox
  delivery draw from the same ``SendBudget`` at ``TELEGRAM_MAX_PER_SECOND`` (30), interactive
  replies first, so a broadcast uses what the conversations leave and never starves them.
  Interactive replies go through the Application's bot, whose limiter waits out a 429
  ``RetryAfter`` and retries (``max_retries``). Outbox delivery uses ``TelegramSender`` on a
  *separate* bot whose limiter never retries: the outbox reschedules instead. A 429 on
  either pauses the shared budget. Several processes with one token take equal shares of
  it through the database (services/send_share.py).
* Updates of different chats are handled concurrently; updates of one chat strictly in order
  (``PerChatUpdateProcessor``), so a slow report for one user never stalls the others and a
  user's two quick messages are never answered out of order.
* The Application is started piecewise (initialize, updater, start), never with
  ``run_polling``/``run_webhook``: those own the event loop, and the runtime owns it.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import tornado.web
from telegram import BotCommand, BotCommandScopeDefault, Update
from telegram.ext import Application, ApplicationBuilder, BaseUpdateProcessor, ExtBot, TypeHandler
from tornado.httpserver import HTTPServer

from bot.channels.base import ChannelConfigError, RuntimeHandle, apology
from bot.channels.send_budget import INTERACTIVE, OUTBOX, BudgetRateLimiter, SendBudget
from bot.channels.telegram_http import bot_request
from bot.channels.telegram_inbound import ApologyText, TelegramInbound, default_apology
from bot.channels.telegram_send import CHANNEL, TelegramSender
from bot.channels.webhook_http import DEFAULT_MAX_BODY, NotAnUpdate, webhook_route
from ground.ports import TELEGRAM_CAPABILITIES, ConversationCore
from ground.settings import Settings
from services.send_share import SendShare, budget_key

_LOGGER = logging.getLogger(__name__)

#: What the bot asks Telegram for; anything else (edits, channel posts, polls) is ignored.
ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"]
#: Telegram's rule for X-Telegram-Bot-Api-Secret-Token.
_SECRET_RE = re.compile(r"[A-Za-z0-9_-]{1,256}")
TELEGRAM_SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class TelegramConfigError(ChannelConfigError):
    """Settings do not allow starting the Telegram channel; the message says what to set."""


def _token(settings: Settings) -> str:
    if settings.telegram_bot_token is None or not settings.telegram_bot_token.get_secret_value():
        raise TelegramConfigError(
            "TELEGRAM_BOT_TOKEN is not set: get one from @BotFather and put it in .env "
            "(to try chibot without a token use `chibot demo --shell`)"
        )
    return settings.telegram_bot_token.get_secret_value()


def _api_urls(settings: Settings, base_url: str | None, base_file_url: str | None) -> tuple[str, str]:
    root = settings.telegram_api_base_url.rstrip("/")
    return base_url or f"{root}/bot", base_file_url or f"{root}/file/bot"


# --------------------------------------------------------------------------- update processor


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Concurrent across chats, in order within a chat (one asyncio.Lock per busy chat)."""

    def __init__(self, max_concurrent_updates: int) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}

    @staticmethod
    def _key(update: object) -> int | None:
        if isinstance(update, Update):
            if update.effective_chat is not None:
                return update.effective_chat.id
            if update.effective_user is not None:
                return update.effective_user.id
        return None

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = self._key(update)
        if key is None:
            await coroutine
            return
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._waiting[key] = self._waiting.get(key, 0) + 1
        try:
            async with lock:
                await coroutine
        finally:
            self._waiting[key] -= 1
            if not self._waiting[key]:
                del self._waiting[key]
                del self._locks[key]

    async def initialize(self) -> None:
        """Nothing to allocate."""

    async def shutdown(self) -> None:
        """Nothing to free."""


# --------------------------------------------------------------------------- building


def build_telegram_application(
    settings: Settings,
    core: ConversationCore,
    *,
    base_url: str | None = None,
    base_file_url: str | None = None,
    apology_text: ApologyText = default_apology,
    max_retries: int = 5,
    max_concurrent_updates: int = 8,
    typing_after: float = 1.0,
    rate_limited: bool = True,
    budget: SendBudget | None = None,
) -> Application:
    """The python-telegram-bot Application for chibot: one generic handler, rate limited.

    ``base_url``/``base_file_url`` override ``settings.telegram_api_base_url`` (tests point
    them at the fake Bot API). ``max_retries`` is how often a 429 is waited out before the
    reply is given up (and logged). ``budget`` is the token's send budget, shared with the
    outbox sender (a new one at ``telegram_max_per_second`` when not given). Its
    ``post_init`` sets the default command menu.
    """
    budget = budget or SendBudget(settings.telegram_max_per_second)
    api_url, file_url = _api_urls(settings, base_url, base_file_url)
    inbound = TelegramInbound(settings, core, apology_text=apology_text, typing_after=typing_after)

    async def set_default_commands(application: Application) -> None:
        """Set the default command menu; a failure is logged, the bot still starts."""
        try:
            menus = await asyncio.to_thread(core.command_menus)
            default = menus.get("default") or []
            if default:
                await application.bot.set_my_commands(
                    [BotCommand(c, d) for c, d in default], scope=BotCommandScopeDefault()
                )
        except Exception:
            _LOGGER.exception("could not set the default command menu; continuing without it")

    # Any: the builder's type changes with the limiter's (PTB types it by its arguments).
    builder: Any = (
        ApplicationBuilder()
        .token(_token(settings))
        .base_url(api_url)
        .base_file_url(file_url)
        # The lean h11 client (bot/channels/telegram_http11.py), uploads left to httpx.
        .request(bot_request())
        .get_updates_request(bot_request(connection_pool_size=1))  # one long poll at a time
    )
    if rate_limited:  # off only to measure the ceiling (bench/bench_storm.py)
        builder = builder.rate_limiter(BudgetRateLimiter(budget, priority=INTERACTIVE, max_retries=max_retries))
    application = (
        builder.concurrent_updates(PerChatUpdateProcessor(max_concurrent_updates))
        # chibot owns one APScheduler; PTB's JobQueue would start a second one.
        .job_queue(None)
        .post_init(set_default_commands)
        .build()
    )
    application.add_handler(TypeHandler(Update, inbound.on_update))
    application.add_error_handler(inbound.on_error)
    return application


def build_telegram_sender(
    settings: Settings,
    *,
    base_url: str | None = None,
    base_file_url: str | None = None,
    budget: SendBudget | None = None,
) -> TelegramSender:
    """A TelegramSender on its own bot, drawing from the token's send budget after the
    interactive replies, with no RetryAfter retries (the outbox reschedules). Without a
    ``budget`` it has one of its own at ``telegram_max_per_second``."""
    api_url, file_url = _api_urls(settings, base_url, base_file_url)
    bot = ExtBot(
        token=_token(settings),
        base_url=api_url,
        base_file_url=file_url,
        request=bot_request(),
        rate_limiter=BudgetRateLimiter(
            budget or SendBudget(settings.telegram_max_per_second), priority=OUTBOX, max_retries=0
        ),
    )
    return TelegramSender(bot)


# --------------------------------------------------------------------------- webhook settings


@dataclass(frozen=True)
class WebhookConfig:
    listen: str
    port: int
    url_path: str
    #: The public URL given to Telegram (setWebhook); None registers the local address.
    webhook_url: str | None
    secret_token: str
    #: Larger request bodies are refused with 413 before they are read.
    max_body: int = DEFAULT_MAX_BODY


def webhook_config(settings: Settings) -> WebhookConfig:
    """Validate the webhook settings; TelegramConfigError says what is missing or wrong.

    The local path equals the path of WEBHOOK_URL (a reverse proxy forwards it unchanged).
    """
    if not settings.webhook_url:
        raise TelegramConfigError(
            "WEBHOOK_URL is not set: the public https:// address Telegram posts updates to "
            "(e.g. https://bot.example.org/telegram). Use polling (`chibot run`) without it."
        )
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else ""
    if not secret:
        raise TelegramConfigError(
            "WEBHOOK_SECRET is not set: without it anyone could post fake updates to the webhook. "
            "Set 1-256 characters of A-Z, a-z, 0-9, _ and -."
        )
    if not _SECRET_RE.fullmatch(secret):
        raise TelegramConfigError("WEBHOOK_SECRET may only use 1-256 characters of A-Z, a-z, 0-9, _ and -")
    parts = urlsplit(settings.webhook_url)
    if parts.scheme != "https" or not parts.netloc:
        raise TelegramConfigError(f"WEBHOOK_URL must be an https:// URL, got {settings.webhook_url!r}")
    return WebhookConfig(
        listen=settings.webhook_listen,
        port=settings.webhook_port,
        url_path=parts.path.strip("/"),
        webhook_url=settings.webhook_url,
        secret_token=secret,
        max_body=settings.webhook_max_body_bytes,
    )


# --------------------------------------------------------------------------- starting, stopping


async def start_application(
    application: Application,
    *,
    webhook: WebhookConfig | None = None,
    poll_interval: float = 0.0,
    poll_timeout: int = 10,
) -> None:
    """What ``run_polling``/``run_webhook`` do before they block, in the current event loop.

    The webhook is chibot's own server (bot/channels/webhook_http.py), not the updater's: the
    updater's compares the secret with ``!=``, reads any body whole and answers 500 to one that
    is not JSON. Ours refuses without the secret (403), over the size limit (413) and what is
    not an update (400), and puts the rest on the Application's update queue."""
    assert application.updater is not None
    await application.initialize()
    try:
        if application.post_init is not None:
            await application.post_init(application)
        if webhook is None:
            await application.updater.start_polling(
                poll_interval=poll_interval, timeout=poll_timeout, allowed_updates=ALLOWED_UPDATES
            )
        else:
            await _start_webhook(application, webhook)
        await application.start()
    except BaseException:
        await stop_application(application)
        raise


#: The webhook server of each started Application (by id), until it is stopped.
_WEBHOOK_SERVERS: dict[int, HTTPServer] = {}


async def _start_webhook(application: Application, webhook: WebhookConfig) -> None:
    bot, queue = application.bot, application.update_queue

    async def accept(data: Any) -> bool:
        if (
            not isinstance(data, dict)
            or not isinstance(data.get("update_id"), int)
            or isinstance(data.get("update_id"), bool)
        ):
            raise NotAnUpdate("no integer update_id")
        update = Update.de_json(data, bot)
        if isinstance(bot, ExtBot):
            bot.insert_callback_data(update)
        await queue.put(update)
        return True

    route = webhook_route(
        rf"/{webhook.url_path}/?" if webhook.url_path else r"/?",
        secret=webhook.secret_token,
        header=TELEGRAM_SECRET_HEADER,
        max_body=webhook.max_body,
        accept=accept,
        name="telegram",
    )
    server = HTTPServer(tornado.web.Application([route]))
    server.listen(webhook.port, address=webhook.listen)
    _WEBHOOK_SERVERS[id(application)] = server
    # As the updater did: without a public URL, the local address is registered.
    url = webhook.webhook_url or f"http://{webhook.listen}:{webhook.port}/{webhook.url_path}"
    await bot.set_webhook(url=url, secret_token=webhook.secret_token, allowed_updates=ALLOWED_UPDATES)


async def _stop_webhook(application: Application) -> None:
    server = _WEBHOOK_SERVERS.pop(id(application), None)
    if server is not None:
        server.stop()
        await server.close_all_connections()


async def stop_application(application: Application) -> None:
    """What ``run_polling``/``run_webhook`` do after they were interrupted."""
    try:
        await _stop_webhook(application)
        if application.updater is not None and application.updater.running:
            await application.updater.stop()
        if application.running:
            await application.stop()
        if application.post_stop is not None:
            await application.post_stop(application)
    finally:
        await application.shutdown()
        if application.post_shutdown is not None:
            await application.post_shutdown(application)


# --------------------------------------------------------------------------- the runtime's channel


class TelegramChannel:
    """The Telegram channel of the runtime: long polling (or a webhook) for the core, and a
    TelegramSender for the outbox. Settings are checked on construction."""

    name = CHANNEL
    capabilities = TELEGRAM_CAPABILITIES

    def __init__(
        self,
        settings: Settings,
        *,
        webhook: bool = False,
        core: ConversationCore | None = None,
        base_url: str | None = None,
        base_file_url: str | None = None,
        apology_text: ApologyText = apology,
        poll_timeout: int = 10,
        **application_kwargs: Any,
    ) -> None:
        # The webhook first: a missing WEBHOOK_URL is the likelier mistake with --webhook.
        self.webhook = webhook_config(settings) if webhook else None
        _token(settings)
        self.settings = settings
        self.core = core
        self.base_url, self.base_file_url = base_url, base_file_url
        self.apology_text = apology_text
        self.poll_timeout = poll_timeout
        self.application_kwargs = application_kwargs
        self.application: Application | None = None
        self.sender: TelegramSender | None = None
        #: The token's one send budget: interactive replies and the outbox sender share it.
        self.budget: SendBudget | None = None
        #: This process's share of the token's rate among the processes that send with it.
        self.share: SendShare | None = None

    async def start(self, runtime: RuntimeHandle) -> None:
        core = self.core if self.core is not None else runtime.app.core
        self.budget = SendBudget(self.settings.telegram_max_per_second)
        self.share = SendShare(
            engine=runtime.app.engine,
            budget_key=budget_key(CHANNEL, _token(self.settings)),
            worker=runtime.app.dispatcher.worker_id,
            total=self.settings.telegram_max_per_second,
            set_rate=self.budget.set_rate,
            hold=self.budget.hold,
        )
        await self.share.start()
        self.sender = build_telegram_sender(
            self.settings, base_url=self.base_url, base_file_url=self.base_file_url, budget=self.budget
        )
        self.application = build_telegram_application(
            self.settings,
            core,
            base_url=self.base_url,
            base_file_url=self.base_file_url,
            apology_text=self.apology_text,
            budget=self.budget,
            **self.application_kwargs,
        )
        try:
            await start_application(self.application, webhook=self.webhook, poll_timeout=self.poll_timeout)
        except BaseException:
            await self.sender.aclose()
            await self.share.stop()
            raise
        mode = f"webhook on {self.webhook.listen}:{self.webhook.port}" if self.webhook else "long polling"
        _LOGGER.info("telegram channel started (%s)", mode)

    async def stop(self) -> None:
        application, self.application = self.application, None
        try:
            if application is not None:
                await stop_application(application)
        finally:
            if self.sender is not None:
                await self.sender.aclose()
            if self.share is not None:
                await self.share.stop()
            if self.budget is not None:
                await self.budget.aclose()

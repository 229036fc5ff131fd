"""The Telegram channel: python-telegram-bot in, ConversationCore, replies out.

One generic handler turns every Update into an ``Incoming``, asks the core (in a worker
thread: the core is synchronous) and renders the replies (bot/channels/telegram_render.py).

Decisions worth knowing:

* Interactive replies go through the Application's bot, whose ``AIORateLimiter`` waits out
  a 429 ``RetryAfter`` and retries (``max_retries``). Outbox delivery uses ``TelegramSender``
  on a *separate* bot whose limiter never retries: the outbox reschedules instead. A shared
  bot cannot do both, because python-telegram-bot ignores ``rate_limit_args=0`` (it is falsy,
  so the limiter's own ``max_retries`` applies).
* Updates of different chats are handled concurrently; updates of one chat strictly in order
  (``PerChatUpdateProcessor``), so a slow report for one user never stalls the others and a
  user's two quick messages are never answered out of order.
* Every callback query is answered first, before the core runs, so the button's spinner
  stops even if the core is slow or fails.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import socket
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeChat,
    BotCommandScopeDefault,
    InputFile,
    Message,
    Update,
)
from telegram.constants import ChatAction, ChatMemberStatus, ChatType
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    BaseUpdateProcessor,
    ContextTypes,
    ExtBot,
    TypeHandler,
    filters,
)

from ground.ports import ConversationCore, SendResult
from bot.channels.telegram_render import PARSE_MODE, Outgoing, escape, plan_reply
from ground.settings import Settings
from ground.messages import Attachment, Incoming, Reply
from services.i18n import DEFAULT_LANGUAGE, normalize_language, t

#: The apology when the core failed and no better text could be made.
APOLOGY_KEY = "error.fallback"
DEFAULT_APOLOGY = t(DEFAULT_LANGUAGE, APOLOGY_KEY)

_LOGGER = logging.getLogger(__name__)

CHANNEL = "telegram"
#: What the bot asks Telegram for; anything else (edits, channel posts, polls) is ignored.
ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"]
#: Telegram's rule for X-Telegram-Bot-Api-Secret-Token.
_SECRET_RE = re.compile(r"[A-Za-z0-9_-]{1,256}")

ApologyText = Callable[[str | None], str]
Hook = Callable[[Application], Awaitable[None]]


def default_apology(language: str | None) -> str:
    return t(normalize_language(language), APOLOGY_KEY)


class TelegramConfigError(ValueError):
    """Settings do not allow starting the Telegram channel; the message says what to set."""


# --------------------------------------------------------------------------- small helpers


def _token(settings: Settings) -> str:
    if settings.telegram_bot_token is None or not settings.telegram_bot_token.get_secret_value():
        raise TelegramConfigError("TELEGRAM_BOT_TOKEN is not set: get one from @BotFather and put it in .env")
    return settings.telegram_bot_token.get_secret_value()


def _api_urls(settings: Settings, base_url: str | None, base_file_url: str | None) -> tuple[str, str]:
    root = settings.telegram_api_base_url.rstrip("/")
    return base_url or f"{root}/bot", base_file_url or f"{root}/file/bot"


def retry_after_seconds(exc: RetryAfter) -> float:
    """RetryAfter.retry_after is an int or a timedelta depending on PTB settings; give seconds."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = exc.retry_after
    if isinstance(value, timedelta):
        return value.total_seconds()
    return float(value)


def is_not_modified(exc: BaseException) -> bool:
    return isinstance(exc, BadRequest) and "message is not modified" in str(exc).lower()


def _is_gone_chat(exc: BadRequest) -> bool:
    text = str(exc).lower()
    return "chat not found" in text or "peer_id_invalid" in text or "user not found" in text


def _chat_id(chat_id: str | int) -> int | str:
    try:
        return int(chat_id)
    except (TypeError, ValueError):
        return str(chat_id)  # "@channelusername"


def _input_file(out_file: Any) -> InputFile:
    input_file = InputFile(out_file.content, filename=out_file.name)
    if out_file.mime_type and out_file.mime_type != "application/octet-stream":
        input_file.mimetype = out_file.mime_type
    return input_file


async def send_outgoing(bot: Bot, chat_id: int | str, outgoing: Outgoing) -> Message:
    """Send one planned message."""
    if outgoing.kind == "text":
        return await bot.send_message(
            chat_id=chat_id, text=outgoing.text or "", parse_mode=PARSE_MODE, reply_markup=outgoing.markup
        )
    send = bot.send_photo if outgoing.kind == "photo" else bot.send_document
    kwargs: dict[str, Any] = {"chat_id": chat_id, "reply_markup": outgoing.markup}
    kwargs[outgoing.kind] = _input_file(outgoing.file)
    if outgoing.text:
        kwargs["caption"] = outgoing.text
        kwargs["parse_mode"] = PARSE_MODE
    return await send(**kwargs)


async def send_reply(bot: Bot, chat_id: int | str, reply: Reply) -> list[Message]:
    """Render one Reply as new messages (escaped, split, keyboard last, files) and its menu."""
    planned = plan_reply(reply)
    if not planned:
        _LOGGER.warning("reply to chat %s has nothing to show (empty text, no file); skipped", chat_id)
    sent = [await send_outgoing(bot, chat_id, outgoing) for outgoing in planned]
    if reply.commands is not None:
        await set_chat_commands(bot, chat_id, reply.commands)
    return sent


async def set_chat_commands(bot: Bot, chat_id: int | str, commands: list[tuple[str, str]]) -> None:
    """Show this command menu in one chat; a failure is logged, never fatal."""
    scope = BotCommandScopeChat(chat_id)
    try:
        if commands:
            await bot.set_my_commands([BotCommand(c, d) for c, d in commands], scope=scope)
        else:
            await bot.delete_my_commands(scope=scope)
    except Forbidden:
        raise
    except TelegramError as exc:
        _LOGGER.warning("could not set the command menu of chat %s: %s", chat_id, exc)


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


# --------------------------------------------------------------------------- the adapter


class TelegramChannel:
    """The generic handler: Update -> Incoming -> core -> rendered replies."""

    def __init__(
        self,
        settings: Settings,
        core: ConversationCore,
        *,
        apology_text: ApologyText = default_apology,
        typing_after: float = 1.0,
    ) -> None:
        self.settings = settings
        self.core = core
        self.apology_text = apology_text
        #: Show "typing…" when the core takes longer than this (seconds).
        self.typing_after = typing_after

    # --- lifecycle

    async def post_init(self, application: Application) -> None:
        """Set the default command menu; a failure is logged, the bot still starts."""
        try:
            menus = await asyncio.to_thread(self.core.command_menus)
            default = menus.get("default") or []
            if default:
                await application.bot.set_my_commands(
                    [BotCommand(c, d) for c, d in default], scope=BotCommandScopeDefault()
                )
        except Exception:
            _LOGGER.exception("could not set the default command menu; continuing without it")

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Last line of defence: log whatever escaped the handler, with the update."""
        _LOGGER.error(
            "unhandled error for update %s", _describe(update), exc_info=context.error
        )

    # --- dispatch

    async def on_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Hand one update to the core; errors become a logged apology, never a dead bot."""
        bot = context.bot
        try:
            if update.callback_query is not None:
                await self._on_callback(bot, update)
            elif update.message is not None:
                await self._on_message(bot, update)
            elif update.my_chat_member is not None:
                await self._on_membership(update)
            else:
                _LOGGER.debug("ignoring update %s of an unhandled kind", update.update_id)
        except Forbidden as exc:
            chat = update.effective_chat
            if chat is not None:
                await self._mark_unreachable(chat.id, str(exc))
        except RetryAfter:
            # The limiter already waited out max_retries floods; an apology would only flood more.
            _LOGGER.exception("gave up replying to update %s: still rate limited", _describe(update))
        except Exception:
            _LOGGER.exception("error while handling update %s", _describe(update))
            await self._apologize(bot, update)

    async def _on_message(self, bot: Bot, update: Update) -> None:
        message = update.message
        assert message is not None
        if filters.StatusUpdate.ALL.check_update(update):
            return  # joins, leaves, pins, title changes: nothing for the core
        if message.from_user is not None and message.from_user.is_bot:
            return
        incoming = await self.incoming_from_message(bot, update)
        replies = await self._ask_core(bot, incoming, message.chat_id)
        for reply in replies:
            await send_reply(bot, message.chat_id, reply)

    async def _on_callback(self, bot: Bot, update: Update) -> None:
        query = update.callback_query
        assert query is not None
        try:
            await query.answer()
        except TelegramError as exc:
            # Too old or already answered: the press still counts.
            _LOGGER.warning("could not answer callback query %s: %s", query.id, exc)
        if query.data is None:
            return
        message = query.message
        chat_id = message.chat.id if message is not None else query.from_user.id
        message_id = message.message_id if message is not None else None
        user = query.from_user
        incoming = Incoming(
            channel=CHANNEL,
            chat_id=str(chat_id),
            user_id=str(user.id),
            display_name=user.full_name,
            button=query.data,
            language=user.language_code,
            update_id=str(update.update_id),
            message_id=str(message_id) if message_id is not None else None,
        )
        replies = await self._ask_core(bot, incoming, chat_id)
        await self.render_after_button(bot, chat_id, message_id, replies)

    async def _on_membership(self, update: Update) -> None:
        member = update.my_chat_member
        assert member is not None
        if member.chat.type == ChatType.PRIVATE and member.new_chat_member.status == ChatMemberStatus.BANNED:
            await self._mark_unreachable(member.chat.id, "user blocked the bot (my_chat_member: kicked)")

    # --- core

    async def _ask_core(self, bot: Bot, incoming: Incoming, chat_id: int) -> list[Reply]:
        """Run the core in a thread; show "typing…" if it takes a while."""
        task = asyncio.ensure_future(asyncio.to_thread(self.core.handle, incoming))
        if self.typing_after is not None and self.typing_after >= 0:
            done, _ = await asyncio.wait({task}, timeout=self.typing_after)
            while not done:
                try:
                    await bot.send_chat_action(chat_id=chat_id, action=ChatAction.TYPING)
                except Forbidden:
                    raise
                except TelegramError as exc:
                    _LOGGER.debug("typing action failed for chat %s: %s", chat_id, exc)
                # The indicator lasts 5 seconds; renew it while the core works.
                done, _ = await asyncio.wait({task}, timeout=4.5)
        return list(await task or [])

    async def incoming_from_message(self, bot: Bot, update: Update) -> Incoming:
        message = update.message
        assert message is not None
        user = message.from_user
        if user is not None:
            user_id, display_name, language = str(user.id), user.full_name, user.language_code
        else:  # anonymous group admin / channel: the sender is a chat
            sender = message.sender_chat or message.chat
            user_id, display_name, language = str(sender.id), sender.title or sender.full_name or "", None
        return Incoming(
            channel=CHANNEL,
            chat_id=str(message.chat_id),
            user_id=user_id,
            display_name=display_name,
            text=message.text if message.text is not None else message.caption,
            attachment=await self.attachment_of(bot, message),
            language=language,
            update_id=str(update.update_id),
            message_id=str(message.message_id),
        )

    async def attachment_of(self, bot: Bot, message: Message) -> Attachment | None:
        """Describe a document/photo/sticker/other media; download documents and photos that fit."""
        limit = self.settings.max_upload_bytes
        if message.document is not None:
            doc = message.document
            content = await self._download(bot, doc.file_id, doc.file_size, limit)
            return Attachment(
                kind="document",
                file_name=doc.file_name,
                mime_type=doc.mime_type,
                size=doc.file_size if doc.file_size is not None else (len(content) if content else None),
                file_id=doc.file_id,
                content=content,
            )
        if message.photo:
            photo = message.photo[-1]  # Telegram lists sizes smallest first
            content = await self._download(bot, photo.file_id, photo.file_size, limit)
            return Attachment(
                kind="photo",
                file_name=f"{photo.file_unique_id}.jpg",
                mime_type="image/jpeg",
                size=photo.file_size if photo.file_size is not None else (len(content) if content else None),
                file_id=photo.file_id,
                content=content,
            )
        if message.sticker is not None:
            sticker = message.sticker
            return Attachment(kind="sticker", size=sticker.file_size, file_id=sticker.file_id)
        for media in (message.video, message.audio, message.voice, message.animation, message.video_note):
            if media is not None:
                return Attachment(
                    kind="other",
                    file_name=getattr(media, "file_name", None),
                    mime_type=getattr(media, "mime_type", None),
                    size=media.file_size,
                    file_id=media.file_id,
                )
        if message.text is None and message.caption is None:
            return Attachment(kind="other")  # location, contact, poll...: the core says "not supported"
        return None

    async def _download(self, bot: Bot, file_id: str, size: int | None, limit: int) -> bytes | None:
        """Bytes of a file up to ``limit``; None when too big or the download failed."""
        if size is not None and size > limit:
            return None
        try:
            tg_file = await bot.get_file(file_id)
            if tg_file.file_size is not None and tg_file.file_size > limit:
                return None
            data = bytes(await tg_file.download_as_bytearray())
        except Forbidden:
            raise
        except TelegramError as exc:
            _LOGGER.warning("could not download file %s: %s", file_id, exc)
            return None
        return data if len(data) <= limit else None

    # --- rendering

    async def render_after_button(
        self, bot: Bot, chat_id: int, message_id: int | None, replies: list[Reply]
    ) -> None:
        """Edit the pressed message (first reply with edit=True) or take its keyboard away."""
        rest = replies
        first = replies[0] if replies else None
        editable = first is not None and first.edit and first.document is None and first.photo is None
        if message_id is not None and editable:
            assert first is not None
            if await self._edit(bot, chat_id, message_id, first):
                rest = replies[1:]
            else:
                await self._remove_keyboard(bot, chat_id, message_id)
        elif message_id is not None:
            await self._remove_keyboard(bot, chat_id, message_id)
        for reply in rest:
            await send_reply(bot, chat_id, reply)

    async def _edit(self, bot: Bot, chat_id: int, message_id: int, reply: Reply) -> bool:
        """Replace the pressed message's text and keyboard; False when it cannot be edited."""
        planned = plan_reply(reply)
        if not planned:
            await self._remove_keyboard(bot, chat_id, message_id)
            return True
        head, tail = planned[0], planned[1:]
        try:
            await bot.edit_message_text(
                chat_id=chat_id,
                message_id=message_id,
                text=head.text or "",
                parse_mode=PARSE_MODE,
                reply_markup=head.markup,
            )
        except BadRequest as exc:
            if not is_not_modified(exc):
                _LOGGER.info("could not edit message %s in chat %s (%s); sending anew", message_id, chat_id, exc)
                return False
        for outgoing in tail:  # a long edit: the overflow follows as new messages
            await send_outgoing(bot, chat_id, outgoing)
        if reply.commands is not None:
            await set_chat_commands(bot, chat_id, reply.commands)
        return True

    async def _remove_keyboard(self, bot: Bot, chat_id: int, message_id: int) -> None:
        try:
            await bot.edit_message_reply_markup(chat_id=chat_id, message_id=message_id, reply_markup=None)
        except BadRequest as exc:
            if not is_not_modified(exc):
                _LOGGER.info("could not remove the keyboard of message %s: %s", message_id, exc)

    # --- failures

    async def _apologize(self, bot: Bot, update: Update) -> None:
        chat = update.effective_chat
        if chat is None:
            return
        user = update.effective_user
        try:
            text = self.apology_text(user.language_code if user else None)
        except Exception:
            _LOGGER.exception("apology text failed; using the default")
            text = DEFAULT_APOLOGY
        try:
            await bot.send_message(chat_id=chat.id, text=escape(text), parse_mode=PARSE_MODE)
        except Forbidden as exc:
            await self._mark_unreachable(chat.id, str(exc))
        except TelegramError as exc:
            _LOGGER.error("could not send the apology to chat %s: %s", chat.id, exc)

    async def _mark_unreachable(self, chat_id: int, reason: str) -> None:
        _LOGGER.info("chat %s is unreachable: %s", chat_id, reason)
        try:
            await asyncio.to_thread(
                self.core.mark_unreachable, channel=CHANNEL, chat_id=str(chat_id), reason=reason
            )
        except Exception:
            _LOGGER.exception("core.mark_unreachable failed for chat %s", chat_id)


def _describe(update: object) -> str:
    if isinstance(update, Update):
        return f"{update.update_id} {update.to_dict()!r}"
    return repr(update)


# --------------------------------------------------------------------------- building & running


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
    post_init: Hook | None = None,
    post_shutdown: Hook | None = None,
) -> Application:
    """The python-telegram-bot Application for chibot: one generic handler, rate limited.

    ``base_url``/``base_file_url`` override ``settings.telegram_api_base_url`` (tests point
    them at the fake Bot API). ``max_retries`` is how often a 429 is waited out before the
    reply is given up (and logged). ``post_init``/``post_shutdown`` run after the channel's
    own start-up (command menu) and at shutdown: start and stop long-lived services there.
    """
    api_url, file_url = _api_urls(settings, base_url, base_file_url)
    channel = TelegramChannel(settings, core, apology_text=apology_text, typing_after=typing_after)

    async def _post_init(application: Application) -> None:
        await channel.post_init(application)
        if post_init is not None:
            await post_init(application)

    builder = (
        ApplicationBuilder()
        .token(_token(settings))
        .base_url(api_url)
        .base_file_url(file_url)
        .rate_limiter(AIORateLimiter(max_retries=max_retries))
        .concurrent_updates(PerChatUpdateProcessor(max_concurrent_updates))
        # chibot owns one APScheduler; PTB's JobQueue would start a second one.
        .job_queue(None)
        .post_init(_post_init)
    )
    if post_shutdown is not None:
        builder = builder.post_shutdown(post_shutdown)
    application = builder.build()
    application.add_handler(TypeHandler(Update, channel.on_update))
    application.add_error_handler(channel.on_error)
    return application


@dataclass(frozen=True)
class WebhookConfig:
    listen: str
    port: int
    url_path: str
    webhook_url: str
    secret_token: str


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
    )


def run_polling(settings: Settings, core: ConversationCore, **build_kwargs: Any) -> None:
    """Run the bot with long polling until interrupted (blocks; `chibot run`)."""
    application = build_telegram_application(settings, core, **build_kwargs)
    application.run_polling(allowed_updates=ALLOWED_UPDATES)


def run_webhook(settings: Settings, core: ConversationCore, **build_kwargs: Any) -> None:
    """Run the bot behind a webhook until interrupted (blocks; `chibot run --webhook`).

    Requests without the right X-Telegram-Bot-Api-Secret-Token header are answered 403.
    """
    config = webhook_config(settings)  # before building: a config error must not need a token
    application = build_telegram_application(settings, core, **build_kwargs)
    application.run_webhook(
        listen=config.listen,
        port=config.port,
        url_path=config.url_path,
        secret_token=config.secret_token,
        webhook_url=config.webhook_url,
        allowed_updates=ALLOWED_UPDATES,
    )


async def _start(application: Application) -> None:
    await application.initialize()
    if application.post_init is not None:
        await application.post_init(application)


async def _stop(application: Application) -> None:
    try:
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


@contextlib.asynccontextmanager
async def running_polling(
    application: Application, *, poll_interval: float = 0.0, timeout: int = 1
) -> AsyncIterator[Application]:
    """Run polling inside the current event loop without blocking (tests, embedding)."""
    assert application.updater is not None
    await _start(application)
    try:
        await application.updater.start_polling(
            poll_interval=poll_interval, timeout=timeout, allowed_updates=ALLOWED_UPDATES
        )
        await application.start()
        yield application
    finally:
        await _stop(application)


@contextlib.asynccontextmanager
async def running_webhook(
    application: Application,
    *,
    port: int,
    secret_token: str,
    listen: str = "127.0.0.1",
    url_path: str = "telegram",
    webhook_url: str | None = None,
) -> AsyncIterator[Application]:
    """Serve the webhook inside the current event loop without blocking (tests, embedding)."""
    assert application.updater is not None
    await _start(application)
    try:
        await application.updater.start_webhook(
            listen=listen,
            port=port,
            url_path=url_path,
            secret_token=secret_token,
            webhook_url=webhook_url,
            allowed_updates=ALLOWED_UPDATES,
        )
        await application.start()
        yield application
    finally:
        await _stop(application)


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that was free a moment ago (for running_webhook in tests)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


# --------------------------------------------------------------------------- outbox sender


def send_result_for_error(exc: TelegramError, *, network_retry_after: float) -> SendResult:
    """Map a Bot API error to the outbox's vocabulary."""
    if isinstance(exc, RetryAfter):
        return SendResult("retry", retry_after=retry_after_seconds(exc), reason=str(exc))
    if isinstance(exc, Forbidden):
        return SendResult("blocked", reason=str(exc))
    if isinstance(exc, ChatMigrated):
        return SendResult("failed", reason=f"chat migrated to {exc.new_chat_id}")
    if isinstance(exc, BadRequest):  # before NetworkError: BadRequest subclasses it
        if _is_gone_chat(exc):
            return SendResult("blocked", reason=str(exc))
        return SendResult("failed", reason=str(exc))
    if isinstance(exc, (TimedOut, NetworkError)):
        return SendResult("retry", retry_after=network_retry_after, reason=str(exc))
    return SendResult("failed", reason=str(exc) or type(exc).__name__)


class TelegramSender:
    """ChannelSender for outbox delivery: renders like the interactive path, never waits out 429.

    Give it a bot whose rate limiter does not retry (``build_telegram_sender`` does): a
    ``RetryAfter`` then comes back at once as ``SendResult("retry", retry_after=...)`` and the
    outbox reschedules, instead of a delivery worker sleeping inside the limiter. Network
    errors back off exponentially across consecutive failures (they are rarely per-message).
    A reply split into several messages that fails half-way is reported as failed/retry;
    the parts already sent may be sent again on retry.
    """

    channel = CHANNEL

    def __init__(self, bot: Bot, *, network_backoff: float = 5.0, max_network_backoff: float = 300.0) -> None:
        self.bot = bot
        self.network_backoff = network_backoff
        self.max_network_backoff = max_network_backoff
        self._network_failures = 0
        self._init_lock = asyncio.Lock()
        self._initialized = False

    async def _ensure_initialized(self) -> None:
        async with self._init_lock:
            if not self._initialized:
                await self.bot.initialize()
                self._initialized = True

    async def send(self, chat_id: str, reply: Reply) -> SendResult:
        try:
            await self._ensure_initialized()
            sent = await send_reply(self.bot, _chat_id(chat_id), reply)
        except TelegramError as exc:
            if isinstance(exc, (TimedOut, NetworkError)) and not isinstance(exc, BadRequest):
                self._network_failures += 1
            backoff = min(
                self.network_backoff * 2 ** max(self._network_failures - 1, 0), self.max_network_backoff
            )
            result = send_result_for_error(exc, network_retry_after=backoff)
            log = _LOGGER.warning if result.status == "failed" else _LOGGER.info
            log("outbox send to telegram chat %s: %s (%s)", chat_id, result.status, exc)
            return result
        except Exception as exc:  # a rendering bug must not kill the delivery loop
            _LOGGER.exception("outbox send to telegram chat %s crashed", chat_id)
            return SendResult("failed", reason=f"{type(exc).__name__}: {exc}")
        self._network_failures = 0
        if not sent:
            return SendResult("failed", reason="reply has nothing to send (empty text, no file)")
        return SendResult("sent", message_id=str(sent[-1].message_id))

    async def edit(self, chat_id: str, message_id: str, reply: Reply) -> SendResult:
        """Replace the text of a message sent before (broadcast progress). Not retried on 429:
        the next progress edit carries newer figures anyway."""
        try:
            await self._ensure_initialized()
            await self.bot.edit_message_text(chat_id=_chat_id(chat_id), message_id=int(message_id),
                                             text=escape(reply.text), parse_mode=PARSE_MODE)
        except TelegramError as exc:
            if is_not_modified(exc):
                return SendResult("sent", message_id=message_id)
            return send_result_for_error(exc, network_retry_after=self.network_backoff)
        return SendResult("sent", message_id=message_id)

    async def aclose(self) -> None:
        if self._initialized:
            await self.bot.shutdown()
            self._initialized = False

    async def __aenter__(self) -> TelegramSender:
        await self._ensure_initialized()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()


def build_telegram_sender(
    settings: Settings,
    *,
    base_url: str | None = None,
    base_file_url: str | None = None,
    overall_max_rate: float = 20,
) -> TelegramSender:
    """A TelegramSender on its own bot: throttled below Telegram's ~30 msg/s (leaving room for
    interactive replies), with no RetryAfter retries (the outbox reschedules)."""
    api_url, file_url = _api_urls(settings, base_url, base_file_url)
    bot = ExtBot(
        token=_token(settings),
        base_url=api_url,
        base_file_url=file_url,
        rate_limiter=AIORateLimiter(overall_max_rate=overall_max_rate, max_retries=0),
    )
    return TelegramSender(bot)

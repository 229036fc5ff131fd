"""Sending to Telegram: one Reply as messages (text split, keyboard last, files, command menu),
editing the pressed message, and the outbox's sender with Bot API errors mapped to SendResult.

Interactive replies go through the Application's bot, whose limiter (the shared send budget) waits out a
429. ``TelegramSender`` (outbox delivery) runs on a *separate* bot whose limiter never retries:
the outbox reschedules instead (see bot/channels/telegram_app.py, ``build_telegram_sender``).
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from datetime import timedelta
from typing import Any

from telegram import Bot, BotCommand, BotCommandScopeChat, InputFile, Message
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut

from bot.channels.telegram_render import PARSE_MODE, Outgoing, escape, plan_reply
from ground.messages import Reply
from ground.ports import SendResult

_LOGGER = logging.getLogger(__name__)

CHANNEL = "telegram"


# --------------------------------------------------------------------------- small helpers


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


# --------------------------------------------------------------------------- new messages


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


# --------------------------------------------------------------------------- after a button press


async def render_after_button(bot: Bot, chat_id: int, message_id: int | None, replies: list[Reply]) -> None:
    """Edit the pressed message (first reply with edit=True), else send the answer as new
    messages. One rate-limited request per answer: the pressed message's keyboard is not
    taken away by a separate edit (its buttons answer "Nút này đã cũ" once the flow moved on)."""
    rest = replies
    first = replies[0] if replies else None
    editable = first is not None and first.edit and first.document is None and first.photo is None
    if message_id is not None and editable:
        assert first is not None
        if await _edit(bot, chat_id, message_id, first):
            rest = replies[1:]
        else:
            await _remove_keyboard(bot, chat_id, message_id)
    for reply in rest:
        await send_reply(bot, chat_id, reply)


async def _edit(bot: Bot, chat_id: int, message_id: int, reply: Reply) -> bool:
    """Replace the pressed message's text and keyboard; False when it cannot be edited."""
    planned = plan_reply(reply)
    if not planned:
        await _remove_keyboard(bot, chat_id, message_id)
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


async def _remove_keyboard(bot: Bot, chat_id: int, message_id: int) -> None:
    try:
        await bot.edit_message_reply_markup(chat_id=chat_id, message_id=message_id, reply_markup=None)
    except BadRequest as exc:
        if not is_not_modified(exc):
            _LOGGER.info("could not remove the keyboard of message %s: %s", message_id, exc)


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
    if isinstance(exc, (TimedOut, NetworkError)) or _is_unreadable_answer(exc):
        return SendResult("retry", retry_after=network_retry_after, reason=str(exc))
    return SendResult("failed", reason=str(exc) or type(exc).__name__)


def _is_unreadable_answer(exc: TelegramError) -> bool:
    # PTB raises a bare TelegramError when a 2xx answer is not JSON (a proxy's page, a cut
    # body): a fault of the way there, not of the message, so it is tried again.
    return type(exc) is TelegramError and str(exc) == "Invalid server response"


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
            backoff = min(self.network_backoff * 2 ** max(self._network_failures - 1, 0), self.max_network_backoff)
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
            await self.bot.edit_message_text(
                chat_id=_chat_id(chat_id), message_id=int(message_id), text=escape(reply.text), parse_mode=PARSE_MODE
            )
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

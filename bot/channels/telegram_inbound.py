"""Telegram in: one generic handler turns every Update into an ``Incoming`` (documents and
photos downloaded when they fit), asks the core in a worker thread (the core is synchronous)
and sends its replies (bot/channels/telegram_send.py).

* Every callback query is answered at once, while the core runs (not after it), so the
  button's spinner stops even if the core is slow or fails; the reply waits for the answer.
* Whatever goes wrong becomes a logged apology, never a dead bot; a chat that blocked the bot
  is marked unreachable instead.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from telegram import Bot, CallbackQuery, Message, Update
from telegram.constants import ChatAction, ChatMemberStatus, ChatType
from telegram.error import Forbidden, RetryAfter, TelegramError
from telegram.ext import ContextTypes, filters

from bot.channels.telegram_render import PARSE_MODE, escape
from bot.channels.telegram_send import CHANNEL, render_after_button, send_reply
from ground.messages import Attachment, Incoming, Reply
from ground.ports import ConversationCore
from ground.settings import Settings
from services.i18n import DEFAULT_LANGUAGE, normalize_language, t

_LOGGER = logging.getLogger(__name__)

#: The apology when the core failed and no better text could be made.
APOLOGY_KEY = "error.fallback"
DEFAULT_APOLOGY = t(DEFAULT_LANGUAGE, APOLOGY_KEY)

ApologyText = Callable[[str | None], str]


def default_apology(language: str | None) -> str:
    return t(normalize_language(language), APOLOGY_KEY)


class TelegramInbound:
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

    # --- errors

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Last line of defence: log whatever escaped the handler, with the update."""
        _LOGGER.error("unhandled error for update %s", _describe(update), exc_info=context.error)

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
        if query.data is None:
            await _answer(query)
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
        # The answer goes out first and the core works meanwhile (one round trip less per
        # press); the reply follows once both are done, so it never overtakes the answer.
        answered = asyncio.ensure_future(_answer(query))
        try:
            replies = await self._ask_core(bot, incoming, chat_id)
        finally:
            await answered
        await render_after_button(bot, chat_id, message_id, replies)

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
            await asyncio.to_thread(self.core.mark_unreachable, channel=CHANNEL, chat_id=str(chat_id), reason=reason)
        except Exception:
            _LOGGER.exception("core.mark_unreachable failed for chat %s", chat_id)


async def _answer(query: CallbackQuery) -> None:
    """Stop the button's spinner; a query too old or already answered still counts as a press."""
    try:
        await query.answer()
    except TelegramError as exc:
        _LOGGER.warning("could not answer callback query %s: %s", query.id, exc)


def _describe(update: object) -> str:
    if isinstance(update, Update):
        return f"{update.update_id} {update.to_dict()!r}"
    return repr(update)

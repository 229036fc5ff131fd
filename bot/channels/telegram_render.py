"""How a core Reply becomes Telegram messages: escaping, splitting, keyboards, file captions.

Pure functions only (no network): ``plan_reply`` turns one Reply into the list of messages to
send, which the adapter (bot/channels/telegram_send.py) then executes. Keeping the decisions here
makes the limits easy to test on their own.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.channels.text_render import split_text as shared_split_text
from ground.messages import Choice, OutFile, Reply

#: Telegram's limits, counted after entity parsing in UTF-16 code units. We measure the
#: escaped text, which is never shorter, so a part that fits here fits on Telegram.
TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024

PARSE_MODE = "HTML"


def escape(text: str) -> str:
    """Core text is plain; make it safe for parse_mode HTML (only <, > and & are special)."""
    return html.escape(text, quote=False)


def telegram_length(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (an emoji outside the BMP counts 2)."""
    return len(text.encode("utf-16-le")) // 2


def _cost(ch: str) -> int:
    return telegram_length(escape(ch))


def split_text(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """Split plain ``text`` into parts whose escaped form is at most ``limit`` long (the shared
    splitter of bot/channels/text_render.py, measuring as Telegram counts). A text that fits
    whole (nearly every answer) is measured once instead of character by character."""
    whole = text.strip()
    if telegram_length(escape(whole)) <= limit:
        return [whole] if whole else []
    return shared_split_text(text, limit, _cost)


def keyboard(choices: list[list[Choice]]) -> InlineKeyboardMarkup | None:
    """Rows of Choices as an inline keyboard (rows as given); None when there are no buttons."""
    rows = [
        [InlineKeyboardButton(text=choice.label, callback_data=choice.data) for choice in row] for row in choices if row
    ]
    return InlineKeyboardMarkup(rows) if rows else None


@dataclass(frozen=True)
class Outgoing:
    """One Telegram message to send: text (already escaped), or a file with optional caption."""

    kind: str  # "text" | "document" | "photo"
    text: str | None = None
    markup: InlineKeyboardMarkup | None = None
    file: OutFile | None = None


def plan_reply(reply: Reply) -> list[Outgoing]:
    """The messages that render one Reply, in order; the keyboard rides on the last one.

    Files carry the text as caption when it fits in 1024 characters; a longer text follows
    as its own message(s). A reply with nothing to show plans nothing.
    """
    markup = keyboard(reply.choices)
    text = (reply.text or "").strip()
    files = [("photo", reply.photo), ("document", reply.document)]
    files = [(kind, f) for kind, f in files if f is not None]

    if not files:
        parts = split_text(text)
        return [
            Outgoing("text", text=escape(part), markup=markup if i == len(parts) - 1 else None)
            for i, part in enumerate(parts)
        ]

    caption = escape(text) if text else None
    caption_fits = caption is not None and telegram_length(caption) <= CAPTION_LIMIT
    planned: list[Outgoing] = []
    for i, (kind, out_file) in enumerate(files):
        last_file = i == len(files) - 1
        if last_file and (caption_fits or not text):
            planned.append(Outgoing(kind, text=caption, markup=markup, file=out_file))
        else:
            planned.append(Outgoing(kind, file=out_file))
    if text and not caption_fits:
        parts = split_text(text)
        planned.extend(
            Outgoing("text", text=escape(part), markup=markup if j == len(parts) - 1 else None)
            for j, part in enumerate(parts)
        )
    return planned

"""A Zalo Bot API update (getUpdates result or webhook body) as the core's ``Incoming``.

Tolerant by design: the documentation shows getUpdates answers wrapped as ``{ok, result}``
while webhook posts arrive bare, and field names vary a little between samples (``from``
carries ``display_name`` or ``first_name``). What cannot be used (an unknown event, a group
chat, no chat id, a message from a bot) comes back as ``Skipped`` with a reason for the log,
never as an exception.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ground.messages import Attachment, Incoming

CHANNEL = "zalo"

TEXT = "message.text.received"
IMAGE = "message.image.received"
STICKER = "message.sticker.received"
UNSUPPORTED = "message.unsupported.received"
KNOWN_EVENTS = (TEXT, IMAGE, STICKER, UNSUPPORTED)


@dataclass(frozen=True)
class Skipped:
    """An update chibot does not answer, and why (for one log line)."""

    reason: str


@dataclass(frozen=True)
class ParsedUpdate:
    incoming: Incoming
    #: Where the photo can be downloaded, for an image message.
    photo_url: str | None = None


def unwrap(body: Any) -> Any:
    """The update itself, whether it came as ``{ok, result: update}`` or bare."""
    if isinstance(body, dict) and "event_name" not in body and "result" in body:
        return body["result"]
    return body


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _id(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (str, int)) and str(value).strip():
        return str(value).strip()
    return None


def parse_update(body: Any) -> ParsedUpdate | Skipped:
    update = unwrap(body)
    if not isinstance(update, dict):
        return Skipped(f"update is not an object ({type(update).__name__})")
    event = update.get("event_name")
    if event not in KNOWN_EVENTS:
        return Skipped(f"unknown event {str(event)[:64]!r}")
    message = update.get("message")
    if not isinstance(message, dict):
        return Skipped(f"{event} without a message")
    chat = message.get("chat")
    chat = chat if isinstance(chat, dict) else {}
    sender = message.get("from")
    sender = sender if isinstance(sender, dict) else {}
    chat_id = _id(chat.get("id"))
    if chat_id is None:
        return Skipped(f"{event} without chat.id")
    if sender.get("is_bot") is True:
        return Skipped("message from a bot")
    chat_type = str(chat.get("chat_type") or "PRIVATE").upper()
    if chat_type != "PRIVATE":
        # chibot talks to one secretary at a time; answering in a group would show a cell's
        # directive to everyone in it.
        return Skipped(f"{chat_type.lower()} chat {chat_id}")
    user_id = _id(sender.get("id")) or chat_id
    name = _text(sender.get("display_name")) or _text(sender.get("first_name")) or _text(sender.get("name")) or ""
    message_id = _id(message.get("message_id"))
    fields: dict[str, Any] = {}
    photo_url = None
    if event == TEXT:
        text = _text(message.get("text"))
        if text is None:
            return Skipped("text message without text")
        fields["text"] = text
    elif event == IMAGE:
        photo_url = _text(message.get("photo")) or _text(message.get("url"))
        caption = _text(message.get("caption"))
        fields["attachment"] = Attachment(
            kind="photo", file_name=_photo_name(message_id), mime_type="image/jpeg", file_id=photo_url
        )
        if caption and caption.strip():
            fields["text"] = caption
    elif event == STICKER:
        fields["attachment"] = Attachment(kind="sticker", file_id=_text(message.get("sticker")))
    else:
        fields["attachment"] = Attachment(kind="other")
    incoming = Incoming(
        channel=CHANNEL,
        chat_id=chat_id,
        user_id=user_id,
        display_name=name[:255],
        language="vi",
        update_id=f"m:{message_id}" if message_id else None,
        message_id=message_id,
        **fields,
    )
    return ParsedUpdate(incoming=incoming, photo_url=photo_url)


def _photo_name(message_id: str | None) -> str:
    return f"zalo-{message_id or 'photo'}.jpg"

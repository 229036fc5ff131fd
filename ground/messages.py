"""Channel-neutral message types: what adapters hand to the core and what the core hands back.

Adapters (Telegram, Zalo, console) only translate between their wire format and these types.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CHANNELS = ("telegram", "zalo", "console")

#: Telegram limits callback_data to 64 bytes; every channel keeps to it so data is portable.
MAX_BUTTON_DATA_BYTES = 64


@dataclass(frozen=True)
class Attachment:
    """A file or photo the user sent. ``content`` is filled by the adapter when it downloaded it."""

    kind: str  # "document" | "photo" | "sticker" | "other"
    file_name: str | None = None
    mime_type: str | None = None
    size: int | None = None
    file_id: str | None = None
    content: bytes | None = None


@dataclass(frozen=True)
class Incoming:
    """One thing a user did: sent text, pressed a button, or sent a file."""

    channel: str
    chat_id: str
    user_id: str
    display_name: str = ""
    text: str | None = None
    button: str | None = None
    attachment: Attachment | None = None
    language: str | None = None
    #: Channel's id of this update, used to process a redelivered update once.
    update_id: str | None = None
    #: Id of the message that carried the pressed button (so a reply can edit it).
    message_id: str | None = None


@dataclass(frozen=True)
class Choice:
    """One button. ``data`` is short ASCII (ids, never labels) and at most 64 bytes."""

    label: str
    data: str

    def __post_init__(self) -> None:
        if len(self.data.encode("utf-8")) > MAX_BUTTON_DATA_BYTES:
            raise ValueError(f"button data longer than {MAX_BUTTON_DATA_BYTES} bytes: {self.data!r}")


@dataclass(frozen=True)
class OutFile:
    """A document or photo to send."""

    name: str
    content: bytes
    mime_type: str = "application/octet-stream"


@dataclass
class Reply:
    """One message from the bot.

    ``text`` is plain text (adapters escape it for their markup). ``choices`` is a list of rows
    of buttons. ``edit`` asks the adapter to replace the message whose button was pressed
    instead of sending a new one. ``document``/``photo`` send a file with ``text`` as caption.
    """

    text: str = ""
    choices: list[list[Choice]] = field(default_factory=list)
    document: OutFile | None = None
    photo: OutFile | None = None
    edit: bool = False
    #: When set, the channel should show this command menu in this chat from now on
    #: (pairs of command without slash and its description), e.g. after registration.
    commands: list[tuple[str, str]] | None = None

    def flat_choices(self) -> list[Choice]:
        return [c for row in self.choices for c in row]

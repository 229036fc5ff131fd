"""Conversation tests that read like the chat: a user sends text or presses buttons, and the
test reads what chibot answered.

    staff = chat_as("staff")
    staff.send("/new")
    assert "Dán toàn văn" in staff.last_text
    staff.press("Xác nhận")
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import pytest

from bot.app import App, build_app
from ground.clock import ManualClock
from ground.messages import Attachment, Choice, Incoming, Reply
from ground.ports import SendResult
from ground.settings import Settings
from tests.support.local import local_to_utc

_update_ids = itertools.count(1)

#: Tests start on a fixed local time in the middle of the seed directives' period.
START = datetime(2021, 8, 15, 8, 0)


@dataclass
class Chat:
    """One user talking to the core on one channel."""

    app: App
    user_id: str
    name: str = "Người dùng"
    channel: str = "console"
    language: str = "vi"
    replies: list[Reply] = field(default_factory=list)
    history: list[Reply] = field(default_factory=list)
    _message_with_buttons: str | None = None
    _buttons: list[Choice] = field(default_factory=list)

    def _incoming(self, **fields) -> Incoming:  # noqa: ANN003
        return Incoming(
            channel=self.channel,
            chat_id=self.user_id,
            user_id=self.user_id,
            display_name=self.name,
            language=self.language,
            update_id=str(next(_update_ids)),
            **fields,
        )

    def _run(self, incoming: Incoming) -> list[Reply]:
        self.replies = self.app.core.handle(incoming)
        self.history.extend(self.replies)
        for reply in self.replies:
            if reply.flat_choices():
                self._buttons = reply.flat_choices()
                self._message_with_buttons = str(next(_update_ids))
        return self.replies

    def send(self, text: str) -> list[Reply]:
        return self._run(self._incoming(text=text))

    def upload(
        self, name: str, content: bytes, mime: str = "application/octet-stream", *, kind: str = "document"
    ) -> list[Reply]:
        attachment = Attachment(
            kind=kind, file_name=name, mime_type=mime, size=len(content), file_id=f"file-{name}", content=content
        )
        return self._run(self._incoming(attachment=attachment))

    def press(self, label: str) -> list[Reply]:
        """Press the button whose label contains ``label`` (case-insensitive) on the latest keyboard."""
        return self._run(self._incoming(button=self.button(label).data, message_id=self._message_with_buttons))

    def press_data(self, data: str) -> list[Reply]:
        """Press a button with arbitrary data (a forged or stale button)."""
        return self._run(self._incoming(button=data, message_id=self._message_with_buttons))

    def button(self, label: str) -> Choice:
        found = [c for c in self._buttons if label.lower() in c.label.lower()]
        if not found:
            raise AssertionError(f"no button {label!r}; buttons: {[c.label for c in self._buttons]}")
        return found[0]

    @property
    def buttons(self) -> list[str]:
        return [c.label for c in self._buttons]

    @property
    def last_text(self) -> str:
        return "\n".join(r.text for r in self.replies)


class RecordingSender:
    """Collects what the outbox delivers on a channel, per chat id (instead of a network)."""

    def __init__(self, channel: str = "console") -> None:
        self.channel = channel
        self.sent: list[tuple[str, Reply]] = []
        self.blocked: set[str] = set()

    async def send(self, chat_id: str, reply: Reply) -> SendResult:
        if chat_id in self.blocked:
            return SendResult("blocked", reason="Forbidden: bot was blocked by the user")
        self.sent.append((chat_id, reply))
        return SendResult("sent", message_id=str(len(self.sent)))

    def texts_to(self, chat_id: str) -> list[str]:
        return [r.text for c, r in self.sent if c == chat_id]


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(local_to_utc(START))


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(  # type: ignore[call-arg]
        _env_file=None,
        database_url="sqlite://",
        attachments_dir=tmp_path / "attachments",
        web_secret_key="test-secret-key-for-csrf-0123456789",
    )


#: Channels the conversation tests can run on (``pytest.mark.parametrize("channel", CHANNELS)``).
CHANNELS = ["console", "telegram", "zalo"]


@pytest.fixture
def channel() -> str:
    """The channel the sample organisation's people write from (parametrise to change it)."""
    return "console"


@pytest.fixture
def app(engine, clock, settings, channel) -> App:
    """The whole core on the test database and a manual clock; outbox goes to `outbox`."""
    application = build_app(settings, clock=clock, engine=engine, migrate=False)
    recorder = RecordingSender("console")
    application.add_sender(recorder)
    if channel != "console":
        # One recorder for both: a test may add a console user next to the channel's people.
        application.senders[channel] = recorder
    return application


@pytest.fixture
def outbox(app) -> RecordingSender:
    return app.senders["console"]  # type: ignore[return-value]


def deliver(app: App) -> None:
    """Run the outbox dispatcher once (what the scheduler does in production)."""
    import asyncio

    asyncio.run(app.dispatcher.run_once())


def advance(app: App, clock: ManualClock, delta: timedelta) -> None:
    clock.advance(delta)
    deliver(app)

"""The Telegram channel end to end: real python-telegram-bot Application, real HTTP, fake Bot API."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable

import pytest

from bot.channels.telegram_app import (
    TelegramChannel,
    TelegramConfigError,
    build_telegram_application,
    build_telegram_sender,
    webhook_config,
)
from bot.channels.telegram_inbound import DEFAULT_APOLOGY
from bot.channels.telegram_render import TEXT_LIMIT, escape, plan_reply, split_text, telegram_length
from ground.messages import MAX_BUTTON_DATA_BYTES, Choice, Incoming, OutFile, Reply
from ground.ports import SendResult
from ground.settings import Settings
from tests.support.fake_bot_api import DEFAULT_TOKEN, FakeBotApi
from tests.support.telegram_running import free_port, running_polling, running_webhook

LAN = 1001  # a user in a private chat: chat id == user id
MINH = 1002
SECRET = "s3cret_Token-42"

MENU = [
    [Choice("📝 Nộp báo cáo", "report:start"), Choice("⏰ Hạn chót", "deadline:list")],
    [Choice("Huỷ", "cancel")],
]


def long_text() -> str:
    """About 10,000 characters in paragraphs of lines of words."""
    paragraphs = []
    i = 0
    while sum(len(p) + 2 for p in paragraphs) < 10_000:
        lines = [" ".join(f"từ{i}_{j}_{k}" for k in range(12)) for j in range(5)]
        paragraphs.append(f"Mục {i}:\n" + "\n".join(lines))
        i += 1
    return "\n\n".join(paragraphs)


LONG_TEXT = long_text()


class FakeCore:
    """A tiny ConversationCore: echoes, shows menus, edits on buttons, fails on "boom"."""

    def __init__(self) -> None:
        self.incoming: list[Incoming] = []
        self.unreachable: list[dict[str, str]] = []
        self.menus = {"default": [("start", "Bắt đầu"), ("help", "Trợ giúp")], "member": [("report", "Nộp báo cáo")]}
        self.release = threading.Event()
        self.changed: Callable[[], None] = lambda: None

    def handle(self, incoming: Incoming) -> list[Reply]:
        self.incoming.append(incoming)
        if incoming.button is not None:
            return self._button(incoming.button)
        if incoming.attachment is not None:
            a = incoming.attachment
            got = "nội dung" if a.content is not None else "quá lớn"
            return [Reply(text=f"Nhận {a.kind} {a.file_name} ({a.size} bytes): {got}")]
        text = incoming.text or ""
        if text == "boom":
            raise RuntimeError("core exploded")
        if text == "menu":
            return [Reply(text="Chọn một mục:", choices=MENU)]
        if text == "long":
            return [Reply(text=LONG_TEXT, choices=[[Choice("Đã đọc", "read")]])]
        if text == "doc":
            return [
                Reply(
                    text="Báo cáo <tháng 5>",
                    document=OutFile("bao-cao.csv", b"a,b\n1,2\n", "text/csv"),
                    choices=[[Choice("OK", "ok")]],
                )
            ]
        if text == "doc-long-caption":
            return [Reply(text="Chú thích " * 200, document=OutFile("x.txt", b"x"))]
        if text == "photo":
            return [Reply(text="Ảnh", photo=OutFile("a.jpg", b"\xff\xd8\xff", "image/jpeg"))]
        if text == "register":
            return [Reply(text="Đã đăng ký!", commands=self.menus["member"])]
        if text == "slow":
            self.release.wait(10)
            return [Reply(text="Xong việc chậm")]
        if text == "two":
            return [Reply(text="Một"), Reply(text="Hai")]
        return [Reply(text=f"Bạn nói: {text}")]

    def _button(self, data: str) -> list[Reply]:
        if data.startswith("edit:"):
            return [Reply(text=f"Đã chọn {data[5:]}", choices=[[Choice("Tiếp", "next")]], edit=True)]
        if data == "edit-plain":
            return [Reply(text="Đã xong", edit=True), Reply(text="Thêm một tin")]
        if data == "boom":
            raise RuntimeError("button exploded")
        return [Reply(text=f"Bạn bấm: {data}")]

    def mark_unreachable(self, *, channel: str, chat_id: str, reason: str) -> None:
        self.unreachable.append({"channel": channel, "chat_id": chat_id, "reason": reason})

    def command_menus(self) -> dict[str, list[tuple[str, str]]]:
        return self.menus


async def eventually(condition: Callable[[], object], timeout: float = 5) -> None:
    """Wait for a condition on the core (which runs in worker threads)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.01)


@pytest.fixture
async def server():
    async with FakeBotApi() as api:
        yield api


@pytest.fixture
def settings() -> Settings:
    return Settings(_env_file=None, telegram_bot_token=DEFAULT_TOKEN, max_upload_bytes=1000)


@pytest.fixture
def core() -> FakeCore:
    return FakeCore()


def make_app(server: FakeBotApi, settings: Settings, core: FakeCore, **kwargs):
    return build_telegram_application(
        settings, core, base_url=server.base_url, base_file_url=server.base_file_url, **kwargs
    )


@pytest.fixture
async def app(server, settings, core):
    application = make_app(server, settings, core)
    async with running_polling(application):
        yield application
    core.release.set()


def last_bot_message(server: FakeBotApi, chat_id: int) -> dict:
    return server.chat_messages(chat_id)[-1]


# --------------------------------------------------------------------------- messages


async def test_text_is_answered_with_html_escaped_reply(app, server, core):
    server.push_message(LAN, LAN, "<b>đậm</b> & co", first_name="Lan")
    (call,) = await server.wait_for("sendMessage", chat_id=LAN)
    assert call.params["text"] == "Bạn nói: &lt;b&gt;đậm&lt;/b&gt; &amp; co"
    assert call.params["parse_mode"] == "HTML"
    assert last_bot_message(server, LAN)["text"] == "Bạn nói: <b>đậm</b> & co"  # what the user sees
    (incoming,) = core.incoming
    assert incoming.channel == "telegram"
    assert (incoming.chat_id, incoming.user_id) == (str(LAN), str(LAN))
    assert incoming.display_name == "Lan"
    assert incoming.language == "vi"
    assert incoming.text == "<b>đậm</b> & co"


async def test_several_replies_arrive_in_order(app, server):
    server.push_message(LAN, LAN, "two")
    await server.wait_for("sendMessage", count=2)
    assert server.sent_texts(LAN) == ["Một", "Hai"]


async def test_long_reply_is_split_at_paragraphs_with_keyboard_on_last_part(app, server):
    server.push_message(LAN, LAN, "long")
    calls = await server.wait_for("sendMessage", count=3, chat_id=LAN)
    texts = [c.params["text"] for c in calls]
    assert all(len(t) <= TEXT_LIMIT for t in texts)
    assert "\n\n".join(texts) == escape(LONG_TEXT)  # cut exactly at paragraph breaks
    assert all(t.startswith("Mục ") for t in texts)
    assert [("reply_markup" in c.params) for c in calls] == [False] * (len(calls) - 1) + [True]
    assert calls[-1].params["reply_markup"] == {"inline_keyboard": [[{"text": "Đã đọc", "callback_data": "read"}]]}


async def test_menu_is_an_inline_keyboard_with_short_button_data(app, server):
    server.push_message(LAN, LAN, "menu")
    (call,) = await server.wait_for("sendMessage")
    rows = call.params["reply_markup"]["inline_keyboard"]
    assert [[(b["text"], b["callback_data"]) for b in row] for row in rows] == [
        [("📝 Nộp báo cáo", "report:start"), ("⏰ Hạn chót", "deadline:list")],
        [("Huỷ", "cancel")],
    ]
    assert all(len(b["callback_data"].encode()) <= MAX_BUTTON_DATA_BYTES for row in rows for b in row)


def test_button_data_over_64_bytes_is_refused_before_reaching_telegram():
    with pytest.raises(ValueError):
        Choice("x", "đ" * 33)


async def test_document_reply_has_escaped_caption_and_keyboard(app, server):
    server.push_message(LAN, LAN, "doc")
    (call,) = await server.wait_for("sendDocument")
    assert call.params["caption"] == "Báo cáo &lt;tháng 5&gt;"
    assert call.params["parse_mode"] == "HTML"
    upload = call.files["document"]
    assert (upload.file_name, upload.content, upload.mime_type) == ("bao-cao.csv", b"a,b\n1,2\n", "text/csv")
    assert call.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "ok"


async def test_caption_too_long_goes_in_its_own_message(app, server):
    server.push_message(LAN, LAN, "doc-long-caption")
    (doc,) = await server.wait_for("sendDocument")
    (text,) = await server.wait_for("sendMessage")
    assert "caption" not in doc.params
    assert text.params["text"].startswith("Chú thích")


async def test_photo_reply_is_sent_with_send_photo(app, server):
    server.push_message(LAN, LAN, "photo")
    (call,) = await server.wait_for("sendPhoto")
    assert call.params["caption"] == "Ảnh"
    assert call.files["photo"].content == b"\xff\xd8\xff"


# --------------------------------------------------------------------------- buttons


async def press(server: FakeBotApi, data: str, *, chat_id: int = LAN) -> tuple[int, dict]:
    """Show the menu, then press a button on it; returns (message id, callback update)."""
    mark = server.mark()
    server.push_message(chat_id, chat_id, "menu")
    await server.wait_for("sendMessage", chat_id=chat_id, since=mark)
    message_id = last_bot_message(server, chat_id)["message_id"]
    update = server.push_callback(chat_id, chat_id, data, message_id)
    return message_id, update


async def test_button_press_is_answered_with_one_new_message_and_no_separate_keyboard_edit(app, server, core):
    message_id, update = await press(server, "report:start")
    (answer,) = await server.wait_for("answerCallbackQuery")
    assert answer.params["callback_query_id"] == update["callback_query"]["id"]
    await server.wait_for("sendMessage", count=2)
    assert server.sent_texts(LAN)[-1] == "Bạn bấm: report:start"
    # One request answers the press: the old keyboard is not taken away by a second one.
    assert not server.calls_of("editMessageReplyMarkup")
    assert not server.calls_of("editMessageText")
    pressed = core.incoming[-1]
    assert (pressed.button, pressed.message_id, pressed.text) == ("report:start", str(message_id), None)
    assert pressed.update_id == str(update["update_id"])


async def test_edit_reply_replaces_the_pressed_message(app, server):
    message_id, _ = await press(server, "edit:42")
    (edit,) = await server.wait_for("editMessageText", ok=True)
    assert edit.params["message_id"] == message_id
    shown = server.message(LAN, message_id)
    assert shown["text"] == "Đã chọn 42"
    assert shown["reply_markup"] == {"inline_keyboard": [[{"text": "Tiếp", "callback_data": "next"}]]}
    await server.wait_for("answerCallbackQuery")
    assert len(server.calls_of("sendMessage")) == 1  # only the menu itself
    assert not server.calls_of("editMessageReplyMarkup")


async def test_edit_without_buttons_drops_keyboard_and_sends_the_rest(app, server):
    message_id, _ = await press(server, "edit-plain")
    await server.wait_for("editMessageText", ok=True)
    await server.wait_for("sendMessage", count=2)
    assert "reply_markup" not in server.message(LAN, message_id)
    assert server.sent_texts(LAN)[-1] == "Thêm một tin"


async def test_edit_with_same_content_is_not_an_error(app, server, core):
    message_id, _ = await press(server, "edit:1")
    await server.wait_for("editMessageText", ok=True)
    server.push_callback(LAN, LAN, "edit:1", message_id)  # same text, same keyboard
    await server.wait_for("editMessageText", count=2)
    assert server.calls_of("editMessageText")[-1].status == 400
    server.push_message(LAN, LAN, "vẫn chạy")
    await server.wait_for("sendMessage", count=2)
    assert server.sent_texts(LAN)[-1] == "Bạn nói: vẫn chạy"  # no apology in between
    assert DEFAULT_APOLOGY not in server.sent_texts(LAN)


# --------------------------------------------------------------------------- failures


async def test_core_error_sends_apology_and_bot_keeps_going(app, server):
    server.push_message(LAN, LAN, "boom")
    await server.wait_for("sendMessage")
    assert server.sent_texts(LAN) == [DEFAULT_APOLOGY]
    server.push_message(LAN, LAN, "còn đó không?")
    await server.wait_for("sendMessage", count=2)
    assert server.sent_texts(LAN)[-1] == "Bạn nói: còn đó không?"


async def test_core_error_on_button_still_answers_the_callback(app, server):
    message_id, update = await press(server, "boom")
    (answer,) = await server.wait_for("answerCallbackQuery", ok=True)
    assert answer.params["callback_query_id"] == update["callback_query"]["id"]
    await server.wait_for("sendMessage", count=2)
    assert server.sent_texts(LAN)[-1] == DEFAULT_APOLOGY


async def test_apology_is_in_the_users_language(server, settings, core):
    def apology(language: str | None) -> str:
        return "Sorry, something went wrong." if language == "en" else DEFAULT_APOLOGY

    async with running_polling(make_app(server, settings, core, apology_text=apology)):
        server.push_message(MINH, MINH, "boom", language_code="en")
        await server.wait_for("sendMessage")
    assert server.sent_texts(MINH) == ["Sorry, something went wrong."]


async def test_redelivered_update_reaches_core_with_same_update_id(app, server, core):
    update = server.push_message(LAN, LAN, "một lần")
    await server.wait_for("sendMessage")
    server.repeat_update(update["update_id"])
    await server.wait_for("sendMessage", count=2)
    assert [i.update_id for i in core.incoming] == [str(update["update_id"])] * 2  # dedupe is the core's job


async def test_blocked_user_is_marked_unreachable(app, server, core):
    server.block_chat(MINH)
    server.push_message(MINH, MINH, "xin chào")
    await server.wait_for("sendMessage", ok=False)
    await eventually(lambda: core.unreachable)
    assert core.unreachable == [{"channel": "telegram", "chat_id": str(MINH), "reason": core.unreachable[0]["reason"]}]
    assert "blocked" in core.unreachable[0]["reason"]
    assert len(server.calls_of("sendMessage")) == 1  # no apology to a chat that blocked us


async def test_user_blocking_the_bot_is_noticed_from_membership_update(app, server, core):
    server.push_raw(
        {
            "my_chat_member": {
                "chat": {"id": MINH, "type": "private", "first_name": "Minh"},
                "from": {"id": MINH, "is_bot": False, "first_name": "Minh"},
                "date": 1_700_000_000,
                "old_chat_member": {"user": {"id": 1, "is_bot": True, "first_name": "b"}, "status": "member"},
                "new_chat_member": {
                    "user": {"id": 1, "is_bot": True, "first_name": "b"},
                    "status": "kicked",
                    "until_date": 0,
                },
            }
        }
    )
    await eventually(lambda: core.unreachable)
    assert core.unreachable[0]["chat_id"] == str(MINH)
    assert not core.incoming


async def test_rate_limited_reply_is_waited_out_and_delivered(app, server):
    server.rate_limit_next(1, retry_after=1)
    loop = asyncio.get_running_loop()
    started = loop.time()
    server.push_message(LAN, LAN, "chậm thôi")
    (delivered,) = await server.wait_for("sendMessage", ok=True)
    assert loop.time() - started >= 1
    assert delivered.params["text"] == "Bạn nói: chậm thôi"
    assert [c.status for c in server.calls_of("sendMessage")] == [429, 200]


# --------------------------------------------------------------------------- attachments


async def test_document_is_downloaded_into_the_attachment(app, server, core):
    server.push_message(LAN, LAN, "báo cáo tháng", document=("bao-cao.docx", b"D" * 600, "application/msword"))
    await server.wait_for("sendMessage")
    attachment = core.incoming[0].attachment
    assert attachment.kind == "document"
    assert (attachment.file_name, attachment.mime_type, attachment.size) == ("bao-cao.docx", "application/msword", 600)
    assert attachment.content == b"D" * 600
    assert core.incoming[0].text == "báo cáo tháng"  # the caption


async def test_oversized_document_arrives_without_content(app, server, core):
    server.push_message(LAN, LAN, None, document=("lon.pdf", b"P" * 2000, "application/pdf"))
    await server.wait_for("sendMessage")
    attachment = core.incoming[0].attachment
    assert (attachment.size, attachment.content) == (2000, None)
    assert not server.calls_of("getFile")  # not even fetched
    assert server.sent_texts(LAN) == ["Nhận document lon.pdf (2000 bytes): quá lớn"]


async def test_photo_is_downloaded_largest_size(app, server, core):
    server.push_message(LAN, LAN, None, photo=b"\xff\xd8" + b"J" * 300)
    await server.wait_for("sendMessage")
    attachment = core.incoming[0].attachment
    assert attachment.kind == "photo"
    assert attachment.content == b"\xff\xd8" + b"J" * 300


async def test_sticker_is_described_not_downloaded(app, server, core):
    server.push_message(LAN, LAN, None, sticker="👍")
    await server.wait_for("sendMessage")
    assert core.incoming[0].attachment.kind == "sticker"
    assert core.incoming[0].attachment.content is None


# --------------------------------------------------------------------------- command menus


async def test_default_command_menu_is_set_on_start(app, server):
    (call,) = await server.wait_for("setMyCommands")
    assert call.params["scope"] == {"type": "default"}
    assert server.commands["default"] == [("start", "Bắt đầu"), ("help", "Trợ giúp")]


async def test_failing_set_my_commands_does_not_stop_the_bot(server, settings, core):
    server.fail_method("setMyCommands", 1, status=500)
    async with running_polling(make_app(server, settings, core)):
        server.push_message(LAN, LAN, "vẫn ổn")
        await server.wait_for("sendMessage")
    assert server.calls_of("setMyCommands")[0].status == 500
    assert server.sent_texts(LAN) == ["Bạn nói: vẫn ổn"]


async def test_reply_commands_set_a_chat_scoped_menu(app, server):
    server.push_message(LAN, LAN, "register")
    await server.wait_for("setMyCommands", count=2)
    assert server.calls_of("setMyCommands")[-1].params["scope"] == {"type": "chat", "chat_id": LAN}
    assert server.commands[f"chat:{LAN}"] == [("report", "Nộp báo cáo")]
    assert server.sent_texts(LAN) == ["Đã đăng ký!"]


async def test_failing_chat_menu_is_not_fatal(app, server):
    await server.wait_for("setMyCommands")
    server.fail_method("setMyCommands", 1, description="Bad Request: BOT_COMMAND_INVALID")
    server.push_message(LAN, LAN, "register")
    await server.wait_for("setMyCommands", count=2)
    server.push_message(LAN, LAN, "sau đó")
    await server.wait_for("sendMessage", count=2)
    assert server.sent_texts(LAN) == ["Đã đăng ký!", "Bạn nói: sau đó"]


# --------------------------------------------------------------------------- concurrency


async def test_slow_core_shows_typing_and_does_not_block_other_chats(server, settings, core):
    async with running_polling(make_app(server, settings, core, typing_after=0.05)):
        server.push_message(LAN, LAN, "slow")
        await server.wait_for("sendChatAction", chat_id=LAN)
        server.push_message(MINH, MINH, "tôi trước")
        await server.wait_for("sendMessage", chat_id=MINH)
        server.push_message(LAN, LAN, "sau việc chậm")
        core.release.set()
        await server.wait_for("sendMessage", count=2, chat_id=LAN)
    assert server.sent_texts(LAN) == ["Xong việc chậm", "Bạn nói: sau việc chậm"]
    assert server.calls_of("sendChatAction")[0].params["action"] == "typing"


# --------------------------------------------------------------------------- webhook


async def test_webhook_accepts_only_the_secret_token(server, settings, core):
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    async with running_webhook(make_app(server, settings, core), port=port, secret_token=SECRET):
        (set_call,) = await server.wait_for("setWebhook")
        assert set_call.params["secret_token"] == SECRET
        missing = await server.post_webhook(url, server.message_update(LAN, LAN, "không có mã"))
        wrong = await server.post_webhook(url, server.message_update(LAN, LAN, "sai mã"), secret_token="wrong")
        right = await server.post_webhook(url, server.message_update(LAN, LAN, "đúng mã"), secret_token=SECRET)
        assert (missing.status_code, wrong.status_code, right.status_code) == (403, 403, 200)
        await server.wait_for("sendMessage")
    assert [i.text for i in core.incoming] == ["đúng mã"]
    assert server.sent_texts(LAN) == ["Bạn nói: đúng mã"]


def test_webhook_refuses_to_start_without_url_or_secret(core):
    no_url = Settings(_env_file=None, telegram_bot_token=DEFAULT_TOKEN, webhook_secret=SECRET)
    with pytest.raises(TelegramConfigError, match="WEBHOOK_URL"):
        TelegramChannel(no_url, webhook=True, core=core)
    no_secret = Settings(_env_file=None, telegram_bot_token=DEFAULT_TOKEN, webhook_url="https://bot.example.org/tg")
    with pytest.raises(TelegramConfigError, match="WEBHOOK_SECRET"):
        TelegramChannel(no_secret, webhook=True, core=core)
    plain_http = Settings(_env_file=None, webhook_url="http://bot.example.org/tg", webhook_secret=SECRET)
    with pytest.raises(TelegramConfigError, match="https"):
        webhook_config(plain_http)
    bad_secret = Settings(_env_file=None, webhook_url="https://bot.example.org/tg", webhook_secret="has space")
    with pytest.raises(TelegramConfigError, match="WEBHOOK_SECRET"):
        webhook_config(bad_secret)


def test_webhook_path_follows_the_public_url():
    config = webhook_config(
        Settings(
            _env_file=None, webhook_url="https://bot.example.org/hooks/tg", webhook_secret=SECRET, webhook_port=8443
        )
    )
    assert (config.url_path, config.port, config.secret_token) == ("hooks/tg", 8443, SECRET)


def test_missing_token_is_a_clear_error(core):
    with pytest.raises(TelegramConfigError, match="TELEGRAM_BOT_TOKEN"):
        build_telegram_application(Settings(_env_file=None, telegram_bot_token=None), core)


def test_application_uses_the_configured_api_url(core):
    settings = Settings(_env_file=None, telegram_bot_token=DEFAULT_TOKEN, telegram_api_base_url="http://127.0.0.1:9/")
    application = build_telegram_application(settings, core)
    assert application.bot.base_url == f"http://127.0.0.1:9/bot{DEFAULT_TOKEN}"
    assert application.bot.base_file_url == f"http://127.0.0.1:9/file/bot{DEFAULT_TOKEN}"


# --------------------------------------------------------------------------- outbox sender


@pytest.fixture
async def sender(server, settings):
    async with build_telegram_sender(
        settings, base_url=server.base_url, base_file_url=server.base_file_url
    ) as tg_sender:
        yield tg_sender


async def test_sender_sends_rendered_reply(sender, server):
    result = await sender.send(str(LAN), Reply(text="Nhắc hạn <mai>", choices=[[Choice("Xem", "view:1")]]))
    assert result == SendResult("sent", message_id=str(last_bot_message(server, LAN)["message_id"]))
    (call,) = server.calls_of("sendMessage")
    assert call.params["text"] == "Nhắc hạn &lt;mai&gt;"
    assert call.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "view:1"
    assert sender.channel == "telegram"


async def test_sender_reports_blocked_chats(sender, server):
    server.block_chat(MINH)
    result = await sender.send(str(MINH), Reply(text="Nhắc"))
    assert result.status == "blocked"
    server.fail_method("sendMessage", 1, description="Bad Request: chat not found")
    assert (await sender.send("555", Reply(text="Nhắc"))).status == "blocked"


async def test_sender_returns_retry_on_429_without_waiting(sender, server):
    server.rate_limit_next(1, retry_after=7)
    loop = asyncio.get_running_loop()
    started = loop.time()
    result = await sender.send(str(LAN), Reply(text="Nhắc"))
    assert (result.status, result.retry_after) == ("retry", 7)
    assert loop.time() - started < 1
    assert len(server.calls_of("sendMessage")) == 1  # the outbox reschedules; no hidden retry


async def test_sender_backs_off_on_server_errors(sender, server):
    server.fail_method("sendMessage", 2, status=500)
    first = await sender.send(str(LAN), Reply(text="Nhắc"))
    second = await sender.send(str(LAN), Reply(text="Nhắc"))
    assert (first.status, second.status) == ("retry", "retry")
    assert second.retry_after > first.retry_after > 0
    assert (await sender.send(str(LAN), Reply(text="Nhắc"))).status == "sent"


async def test_sender_reports_permanent_failures(sender, server):
    server.fail_method("sendMessage", 1, description="Bad Request: not enough rights to send text messages")
    result = await sender.send(str(LAN), Reply(text="Nhắc"))
    assert result.status == "failed"
    assert "not enough rights" in result.reason.lower()


async def test_sender_sends_documents(sender, server):
    result = await sender.send(str(LAN), Reply(text="Tổng hợp", document=OutFile("tong-hop.xlsx", b"PK\x03\x04")))
    assert result.status == "sent"
    (call,) = server.calls_of("sendDocument")
    assert call.files["document"].file_name == "tong-hop.xlsx"


# --------------------------------------------------------------------------- rendering rules


def test_split_prefers_paragraphs_then_lines_then_spaces():
    paragraphs = "\n\n".join(["a" * 30, "b" * 30, "c" * 30])
    assert split_text(paragraphs, limit=70) == ["a" * 30 + "\n\n" + "b" * 30, "c" * 30]
    lines = "\n".join(["a" * 30, "b" * 30, "c" * 30])
    assert split_text(lines, limit=70) == ["a" * 30 + "\n" + "b" * 30, "c" * 30]
    words = " ".join(["từ"] * 100)
    parts = split_text(words, limit=50)
    assert all(len(p) <= 50 and p.split() == ["từ"] * len(p.split()) for p in parts)
    assert " ".join(parts) == words


def test_split_cuts_inside_a_word_only_when_unavoidable():
    assert split_text("x" * 25, limit=10) == ["x" * 10, "x" * 10, "x" * 5]


def test_split_counts_escaping_and_utf16():
    parts = split_text("<" * 5000)
    assert all(len(escape(p)) <= TEXT_LIMIT for p in parts)
    assert "".join(parts) == "<" * 5000
    emoji = split_text("😀" * 3000)
    assert all(telegram_length(p) <= TEXT_LIMIT for p in emoji)
    assert "".join(emoji) == "😀" * 3000


def test_plan_puts_keyboard_on_last_part_only():
    planned = plan_reply(Reply(text=LONG_TEXT, choices=MENU))
    assert [p.markup is not None for p in planned] == [False] * (len(planned) - 1) + [True]


def test_plan_of_empty_reply_is_empty():
    assert plan_reply(Reply(text="   ")) == []

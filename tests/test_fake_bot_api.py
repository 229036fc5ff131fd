"""The fake Bot API behaves like Telegram where a bot could notice the difference."""

from __future__ import annotations

import asyncio
import datetime as dtm
import json

import httpx
import pytest
from telegram import Bot
from telegram.error import BadRequest, Forbidden, RetryAfter

from tests.support.fake_bot_api import DEFAULT_TOKEN, FakeBotApi


@pytest.fixture
async def server():
    async with FakeBotApi() as api:
        yield api


@pytest.fixture
async def bot(server):
    async with Bot(DEFAULT_TOKEN, base_url=server.base_url, base_file_url=server.base_file_url) as tg_bot:
        yield tg_bot


async def raw(server: FakeBotApi, method: str, *, token: str = DEFAULT_TOKEN, **kwargs) -> httpx.Response:
    async with httpx.AsyncClient(trust_env=False) as client:
        return await client.post(f"{server.url}/bot{token}/{method}", **kwargs)


async def test_get_me_answers_a_bot_user(bot):
    me = await bot.get_me()
    assert me.username == "chibot_test_bot"
    assert me.is_bot


async def test_unknown_method_is_404_not_found(server):
    response = await raw(server, "sendTelepathy", json={"chat_id": 1})
    assert response.status_code == 404
    assert response.json() == {"ok": False, "error_code": 404, "description": "Not Found: method not found"}


async def test_wrong_token_is_401(server):
    response = await raw(server, "getMe", token="1:wrong")
    assert response.status_code == 401
    assert response.json()["ok"] is False


async def test_json_form_and_get_requests_are_all_understood(server):
    await raw(server, "sendMessage", json={"chat_id": 7, "text": "123"})
    await raw(
        server,
        "sendMessage",
        data={
            "chat_id": "7",
            "text": "true",
            "reply_markup": json.dumps({"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]}),
        },
    )
    async with httpx.AsyncClient(trust_env=False) as client:
        await client.get(f"{server.url}/bot{DEFAULT_TOKEN}/sendMessage", params={"chat_id": 7, "text": "hi"})
    calls = server.calls_of("sendMessage")
    assert [c.params["text"] for c in calls] == ["123", "true", "hi"]  # texts stay strings
    assert calls[1].params["chat_id"] == 7
    assert calls[1].params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "a"


async def test_message_ids_increase_per_chat(bot):
    first = await bot.send_message(1, "a")
    second = await bot.send_message(1, "b")
    other = await bot.send_message(2, "c")
    assert (first.message_id, second.message_id, other.message_id) == (1, 2, 1)
    assert second.chat.id == 1 and second.text == "b"


async def test_unescaped_html_is_rejected_like_telegram(bot, server):
    with pytest.raises(BadRequest, match="parse entities"):
        await bot.send_message(1, "a <b", parse_mode="HTML")
    message = await bot.send_message(1, "a &lt;b&gt; <b>bold</b>", parse_mode="HTML")
    assert message.text == "a <b> bold"


async def test_too_long_text_and_caption_are_rejected(bot):
    with pytest.raises(BadRequest, match="too long"):
        await bot.send_message(1, "x" * 4097)
    with pytest.raises(BadRequest, match="too long"):
        await bot.send_document(1, b"data", filename="a.txt", caption="y" * 1025)


async def test_long_poll_returns_empty_after_timeout(bot, server):
    loop = asyncio.get_running_loop()
    started = loop.time()
    assert await bot.get_updates(timeout=1) == ()
    assert 0.8 < loop.time() - started < 3


async def test_long_poll_wakes_up_when_an_update_arrives(bot, server):
    server.max_poll_wait = 5
    loop = asyncio.get_running_loop()
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await server.wait_for_poll()
    started = loop.time()
    server.push_message(10, 10, "xin chào")
    updates = await asyncio.wait_for(poll, 2)
    assert loop.time() - started < 0.5
    assert updates[0].message.text == "xin chào"
    assert updates[0].message.from_user.language_code == "vi"


async def test_offset_confirms_updates_and_repeat_redelivers(bot, server):
    first = server.push_message(10, 10, "một")
    server.push_message(10, 10, "hai")
    updates = await bot.get_updates()
    assert [u.message.text for u in updates] == ["một", "hai"]
    assert await bot.get_updates(offset=updates[-1].update_id + 1) == ()
    server.repeat_update(first["update_id"])
    again = await bot.get_updates(offset=updates[-1].update_id + 1)
    assert [u.update_id for u in again] == [first["update_id"]]


async def test_callback_query_carries_the_pressed_message(bot, server):
    sent = await bot.send_message(5, "Chọn", reply_markup={"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]})
    server.push_callback(5, 5, "a", sent.message_id)
    (update,) = await bot.get_updates()
    assert update.callback_query.data == "a"
    assert update.callback_query.message.message_id == sent.message_id
    assert await bot.answer_callback_query(update.callback_query.id)
    with pytest.raises(BadRequest, match="too old"):
        await bot.answer_callback_query(update.callback_query.id)


async def test_edit_markup_not_modified_is_an_error(bot):
    sent = await bot.send_message(5, "no keyboard")
    with pytest.raises(BadRequest, match="not modified"):
        await bot.edit_message_reply_markup(chat_id=5, message_id=sent.message_id, reply_markup=None)


async def test_files_are_uploaded_recorded_and_downloadable(bot, server):
    info = server.add_file(b"%PDF-1.4 data", file_name="a.pdf", mime_type="application/pdf")
    tg_file = await bot.get_file(info["file_id"])
    assert bytes(await tg_file.download_as_bytearray()) == b"%PDF-1.4 data"
    message = await bot.send_document(3, b"report bytes", filename="report.txt", caption="Báo cáo")
    (call,) = server.calls_of("sendDocument")
    assert call.files["document"].file_name == "report.txt"
    assert call.files["document"].content == b"report bytes"
    assert message.document.file_name == "report.txt"
    assert message.caption == "Báo cáo"
    photo = await bot.send_photo(3, b"\xff\xd8jpeg")
    assert photo.photo[-1].width == 1280


async def test_blocked_chat_is_403_forbidden(bot, server):
    server.block_chat(9)
    with pytest.raises(Forbidden, match="blocked"):
        await bot.send_message(9, "hi")
    assert server.calls_of("sendMessage")[0].status == 403
    assert await bot.send_message(8, "still fine")


async def test_rate_limit_answers_429_with_retry_after(bot, server):
    server.rate_limit_next(1, retry_after=3)
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(1, "x")
    assert caught.value.retry_after in (3, dtm.timedelta(seconds=3))
    assert await bot.send_message(1, "x")
    response = await raw(server, "sendMessage", json={"chat_id": 1, "text": "y"})
    assert response.status_code == 200


async def test_rate_limit_body_matches_telegram(server):
    server.rate_limit_next(1, retry_after=1)
    response = await raw(server, "sendMessage", json={"chat_id": 1, "text": "y"})
    assert response.status_code == 429
    assert response.json() == {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 1",
        "parameters": {"retry_after": 1},
    }


async def test_fail_method_fails_the_next_calls_only(server):
    server.fail_method("setMyCommands", 2, status=500)
    statuses = []
    for _ in range(3):
        response = await raw(
            server, "setMyCommands", json={"commands": [{"command": "start", "description": "Bắt đầu"}]}
        )
        statuses.append(response.status_code)
    assert statuses == [500, 500, 200]
    assert server.commands["default"] == [("start", "Bắt đầu")]


async def test_webhook_blocks_get_updates_until_deleted(bot, server):
    await bot.set_webhook("https://example.org/hook", secret_token="abc")
    assert (await bot.get_webhook_info()).url == "https://example.org/hook"
    response = await raw(server, "getUpdates", json={})
    assert response.status_code == 409
    await bot.delete_webhook()
    assert await bot.get_updates() == ()


async def test_wait_for_times_out_with_a_useful_message(server):
    with pytest.raises(AssertionError, match="sendMessage"):
        await server.wait_for("sendMessage", timeout=0.05)

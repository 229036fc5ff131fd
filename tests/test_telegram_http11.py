"""The lean HTTP/1.1 client of the bots (bot/channels/telegram_http11.py), against the fake Bot
API over real HTTP: messages go out over kept-alive connections, a connection the server drops
is replaced (the message sent once more only when it was a reused connection), timeouts and
Telegram's errors reach the bot as python-telegram-bot's own exceptions, uploads go through
httpx, and the whole guided report still runs over it."""

from __future__ import annotations

import asyncio
import time

import pytest
from sqlmodel import Session, select
from telegram import Bot, InputFile
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut
from telegram.request import HTTPXRequest

from bot.channels.telegram_app import build_telegram_application, build_telegram_sender
from bot.channels.telegram_http import bot_request, httpx_request
from bot.channels.telegram_http11 import POOL_TIMEOUT_MESSAGE, Http11Request
from storage.tables import Report
from tests.support.fake_bot_api import FakeBotApi
from tests.support.telegram_running import free_port, running_polling
from tests.test_telegram_e2e import SECRETARY, SEED_141, STAFF, buttons_of, new_invite, press, say

CHAT = 4242


def lean_request(**timeouts: float) -> Http11Request:
    return Http11Request(httpx_request(), **timeouts)


async def lean_bot(server: FakeBotApi, request: Http11Request) -> Bot:
    bot = Bot(server.token, base_url=server.base_url, base_file_url=server.base_file_url, request=request)
    await bot.initialize()  # getMe, on the first connection
    return bot


async def test_messages_to_a_chat_go_out_over_one_kept_alive_connection(server):
    bot = await lean_bot(server, lean_request())
    try:
        for text in ("Văn bản mới: 141-CV/ĐUK", "Nhắc hạn báo cáo 23/8/2021", "Đã nhận báo cáo"):
            await bot.send_message(CHAT, text)
    finally:
        await bot.shutdown()
    assert server.sent_texts(CHAT) == ["Văn bản mới: 141-CV/ĐUK", "Nhắc hạn báo cáo 23/8/2021", "Đã nhận báo cáo"]
    assert server.connections == 1  # getMe and three messages


async def test_answers_in_parallel_open_a_connection_each_and_keep_them_for_the_next_ones(server):
    request = lean_request()
    bot = await lean_bot(server, request)
    try:
        await asyncio.gather(*(bot.send_message(CHAT + i, f"Câu hỏi {i}") for i in range(3)))
        opened = server.connections
        await asyncio.gather(*(bot.send_message(CHAT + i, f"Câu hỏi tiếp {i}") for i in range(3)))
        assert request.idle_connections == opened
    finally:
        await bot.shutdown()
    assert 1 < opened <= 3
    assert server.connections == opened  # the second round opened none
    assert server.sent_texts(CHAT + 2) == ["Câu hỏi 2", "Câu hỏi tiếp 2"]
    assert request.idle_connections == 0  # shut down


async def test_a_kept_alive_connection_the_server_drops_is_replaced_and_the_message_sent_once(server):
    bot = await lean_bot(server, lean_request())
    try:
        await bot.send_message(CHAT, "Văn bản mới: 141-CV/ĐUK")
        server.hang_up_next(1)  # the next request is read, then the connection closed unanswered
        await bot.send_message(CHAT, "Nhắc hạn báo cáo 23/8/2021")
    finally:
        await bot.shutdown()
    assert server.hung_up == 1
    assert server.sent_texts(CHAT) == ["Văn bản mới: 141-CV/ĐUK", "Nhắc hạn báo cáo 23/8/2021"]
    assert server.connections == 2


async def test_on_a_new_connection_a_dropped_request_is_not_sent_again(server):
    request = lean_request()
    bot = await lean_bot(server, request)
    try:
        await request.shutdown()  # the kept-alive connection of getMe goes away
        await request.initialize()
        server.hang_up_next(1)  # a second try would have gone through
        with pytest.raises(NetworkError, match="RemoteProtocolError") as raised:
            await bot.send_message(CHAT, "Văn bản mới: 141-CV/ĐUK")
        assert not isinstance(raised.value, TimedOut)
        assert server.hung_up == 1
        assert server.sent_texts(CHAT) == []
        await bot.send_message(CHAT, "Văn bản mới: 141-CV/ĐUK")
    finally:
        await bot.shutdown()
    assert server.sent_texts(CHAT) == ["Văn bản mới: 141-CV/ĐUK"]


async def test_an_answer_slower_than_the_read_timeout_is_timed_out_and_its_connection_dropped(server):
    bot = await lean_bot(server, lean_request(read_timeout=0.3))
    try:
        server.stall_next(1, 2.0)
        started = time.monotonic()
        with pytest.raises(TimedOut):
            await bot.send_message(CHAT, "Nhắc hạn báo cáo 23/8/2021")
        assert time.monotonic() - started < 1.5
        # A longer timeout for one call is honoured too.
        server.stall_next(1, 0.5)
        with pytest.raises(NetworkError, match="Gateway Timeout"):
            await bot.send_message(CHAT, "Nhắc hạn báo cáo 23/8/2021", read_timeout=3)
        await bot.send_message(CHAT, "Nhắc hạn báo cáo 23/8/2021")
    finally:
        await bot.shutdown()
    assert server.sent_texts(CHAT) == ["Nhắc hạn báo cáo 23/8/2021"]
    assert server.connections == 2  # the timed-out connection was not used again


async def test_a_full_pool_times_out_with_ptbs_message(server):
    bot = await lean_bot(server, Http11Request(httpx_request(), connection_pool_size=1, pool_timeout=0.2))
    try:
        server.stall_next(1, 1.0)
        slow = asyncio.create_task(bot.send_message(CHAT, "chậm"))
        await asyncio.sleep(0.1)
        with pytest.raises(TimedOut) as raised:
            await bot.send_message(CHAT + 1, "nhanh")
        assert raised.value.message == POOL_TIMEOUT_MESSAGE
        with pytest.raises(NetworkError, match="Gateway Timeout"):
            await slow
    finally:
        await bot.shutdown()
    assert server.sent_texts(CHAT + 1) == []


async def test_too_many_requests_raises_retry_after_and_a_bad_request_raises_bad_request(server):
    bot = await lean_bot(server, lean_request())
    try:
        server.rate_limit_next(1, retry_after=7)
        with pytest.raises(RetryAfter, match="Retry in 7"):
            await bot.send_message(CHAT, "Đã nhận báo cáo")
        server.fail_method("sendMessage", status=400, description="Bad Request: chat not found")
        with pytest.raises(BadRequest, match="(?i)chat not found"):
            await bot.send_message(CHAT, "Đã nhận báo cáo")
        await bot.send_message(CHAT, "Đã nhận báo cáo")
    finally:
        await bot.shutdown()
    assert server.sent_texts(CHAT) == ["Đã nhận báo cáo"]
    assert server.connections == 1  # Telegram's refusals leave the connection usable


async def test_a_bot_api_that_is_not_listening_is_a_network_error():
    bot = Bot("123:abc", base_url=f"http://127.0.0.1:{free_port()}/bot", request=lean_request())
    with pytest.raises(NetworkError, match="ConnectError") as raised:
        await bot.initialize()
    assert not isinstance(raised.value, TimedOut)
    await bot.shutdown()


async def test_an_upload_goes_through_httpx_and_the_rest_stays_on_the_lean_connection(server):
    bot = await lean_bot(server, lean_request())
    try:
        await bot.send_document(CHAT, InputFile(b"STT;Don vi\n1;CB01\n", filename="bao-cao.csv"), caption="Tổng hợp")
        await bot.send_message(CHAT, "Đã gửi tệp tổng hợp")
    finally:
        await bot.shutdown()
    (upload,) = server.calls_of("sendDocument", ok=True)
    assert upload.files["document"].file_name == "bao-cao.csv"
    assert upload.files["document"].content == b"STT;Don vi\n1;CB01\n"
    assert server.sent_texts(CHAT)[-1] == "Đã gửi tệp tổng hợp"
    assert server.connections == 2  # one lean, one httpx


def test_the_bots_use_the_lean_client_unless_a_proxy_is_named(monkeypatch, tg_settings):
    for name in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    application = build_telegram_application(tg_settings, core=None, base_url="http://127.0.0.1:9/bot")  # type: ignore[arg-type]
    assert isinstance(application.bot.request, Http11Request)
    sender = build_telegram_sender(tg_settings, base_url="http://127.0.0.1:9/bot")
    assert isinstance(sender.bot.request, Http11Request)
    # An office reaching Telegram through a proxy keeps PTB's own client, which honours it.
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:3128")
    request = bot_request()
    assert isinstance(request, HTTPXRequest)
    assert request._client._mounts  # the proxy is mounted for https


async def test_the_guided_report_runs_over_the_lean_client(server, chibot):
    staff_code = new_invite(chibot, "DUK", "staff", "Trần Văn Tâm")
    secretary_code = new_invite(chibot, "CB01", "secretary", "Bí thư CB01")
    sender = build_telegram_sender(chibot.settings, base_url=server.base_url, base_file_url=server.base_file_url)
    chibot.add_sender(sender)
    application = build_telegram_application(
        chibot.settings, chibot.core, base_url=server.base_url, base_file_url=server.base_file_url
    )
    assert isinstance(application.bot.request, Http11Request)
    async with running_polling(application):
        await say(server, SECRETARY, f"/start {secretary_code}")
        await say(server, STAFF, f"/start {staff_code}")
        await say(server, STAFF, "/new")
        await say(server, STAFF, SEED_141)
        await press(server, STAFF, "Xác nhận")
        everyone = next(label for label in buttons_of(server.chat_messages(STAFF)[-1]) if label.startswith("Tất cả"))
        await press(server, STAFF, everyone)
        await press(server, STAFF, "Gửi")
        await chibot.dispatcher.run_once()  # the directive goes out through the sender's bot
        for label in ("Báo cáo", "Hội nghị trực tiếp", "Zalo / mạng xã hội", "Xong"):
            await press(server, SECRETARY, label)
        assert "Nhận thức sau khi học tập?" in await say(server, SECRETARY, "45/50")
        for label in ("Tốt", "Bỏ qua", "Bỏ qua", "Xác nhận"):
            await press(server, SECRETARY, label)
        assert server.chat_messages(SECRETARY)[-1]["text"].startswith(
            "Cảm ơn đồng chí! Đã gửi báo cáo 141-CV/ĐUK — Chi bộ Văn phòng"
        )
    await chibot.dispatcher.run_once()
    await sender.aclose()
    with Session(chibot.engine) as session:
        (report,) = session.exec(select(Report)).all()
    assert (report.reached, report.total, report.awareness) == (45, 50, "tot")
    assert "Chi bộ Văn phòng đã báo cáo 141-CV/ĐUK" in server.chat_messages(STAFF)[-1]["text"]
    assert all(call.status == 200 for call in server.calls)
    # The long poll, the answers and the outbox's bot each keep their connections open.
    assert server.connections <= 6

"""Both webhooks, probed as an attacker would: without or with a wrong secret, oversized,
malformed, not an update, replayed. chibot's real core behind each, over real HTTP.

What a sender must see: 403 without the secret, 413 for a body over WEBHOOK_MAX_BODY_BYTES
(decided from Content-Length before the body is read, or counted as a chunked body arrives),
400 for what is not JSON or not an update, never 500; and a replayed update answered once.
"""

from __future__ import annotations

import asyncio
import socket

import httpx
import pytest
from pydantic import SecretStr

from bot.channels.telegram_app import build_telegram_application
from bot.channels.zalo_channel import SECRET_HEADER
from tests.support.fake_bot_api import FakeBotApi
from tests.support.telegram_running import free_port, running_webhook
from tests.support.zalo_fixtures import new_invite, running_zalo

TG_SECRET = "s3cret_Token-42"
ZALO_SECRET = "zalo-secret-1234"
TG_HEADER = "X-Telegram-Bot-Api-Secret-Token"
LAN = 5101
FIVE_MB = 5 * 1024 * 1024


def raw_post(port: int, path: str, headers: dict[str, str], body_start: bytes) -> tuple[int, int]:
    """Send request headers and only the start of the body; the status line and how many body
    bytes had been sent when the answer came (the server must not wait for the rest)."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        sock.sendall((head + "\r\n").encode() + body_start)
        answer = sock.recv(4096).decode("latin-1")
    return int(answer.split(" ", 2)[1]), len(body_start)


def chunked_post(port: int, path: str, headers: dict[str, str], chunks: int, chunk: bytes) -> int:
    """A body without Content-Length, sent in chunks; the status the server answered."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
        head += "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        sock.sendall((head + "\r\n").encode())
        for _ in range(chunks):
            sock.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
        sock.sendall(b"0\r\n\r\n")
        answer = sock.recv(4096).decode("latin-1")
    return int(answer.split(" ", 2)[1])


# --------------------------------------------------------------------------- Telegram


@pytest.fixture
async def telegram_hook(server: FakeBotApi, chibot):
    port = free_port()
    application = build_telegram_application(
        chibot.settings, chibot.core, base_url=server.base_url, base_file_url=server.base_file_url
    )
    async with running_webhook(application, port=port, secret_token=TG_SECRET):
        await server.wait_for("setWebhook")
        yield port


async def test_telegram_webhook_refuses_what_it_must_and_never_answers_500(server, telegram_hook):
    port = telegram_hook
    url = f"http://127.0.0.1:{port}/telegram"
    good = server.message_update(LAN, LAN, "/help")
    json_headers = {"Content-Type": "application/json"}
    async with httpx.AsyncClient(trust_env=False, timeout=10) as client:
        missing = await client.post(url, json=good)
        wrong = await client.post(url, json=good, headers={TG_HEADER: TG_SECRET + "x"})
        junk = await client.post(url, content=b"\x00\xff not json {", headers={**json_headers, TG_HEADER: TG_SECRET})
        not_object = await client.post(url, json=[1, 2, 3], headers={TG_HEADER: TG_SECRET})
        no_update_id = await client.post(url, json={"message": {"text": "hi"}}, headers={TG_HEADER: TG_SECRET})
        not_utf8 = await client.post(url, content=b'{"update_id": 1, "x": "\xff"}', headers={TG_HEADER: TG_SECRET})
    assert (missing.status_code, wrong.status_code) == (403, 403)
    assert (junk.status_code, not_object.status_code, no_update_id.status_code, not_utf8.status_code) == (
        400,
        400,
        400,
        400,
    )
    assert server.sent_texts(LAN) == []  # nothing of it reached the core


async def test_telegram_webhook_refuses_5_mb_before_reading_it(server, telegram_hook):
    port = telegram_hook
    headers = {"Content-Type": "application/json", "Content-Length": str(FIVE_MB), TG_HEADER: TG_SECRET}
    status, sent = await asyncio.to_thread(
        raw_post, port, "/telegram", headers, b'{"update_id": 1, "message": {"text": "'
    )
    assert status == 413 and sent < 100  # answered with the body's first bytes only
    chunked = await asyncio.to_thread(chunked_post, port, "/telegram", {TG_HEADER: TG_SECRET}, 24, b"x" * 65536)
    assert chunked == 413
    assert server.sent_texts(LAN) == []


async def test_telegram_webhook_answers_a_replayed_update_once(server, telegram_hook):
    port = telegram_hook
    update = server.message_update(LAN, LAN, "/help")
    url = f"http://127.0.0.1:{port}/telegram"
    first = await server.post_webhook(url, update, secret_token=TG_SECRET)
    await server.wait_for("sendMessage", chat_id=LAN)
    replayed = await server.post_webhook(url, update, secret_token=TG_SECRET)
    later = await server.post_webhook(url, server.message_update(LAN, LAN, "/help"), secret_token=TG_SECRET)
    await server.wait_for("sendMessage", count=2, chat_id=LAN)
    await asyncio.sleep(0.3)  # a duplicate answer would have shown up by now
    assert (first.status_code, replayed.status_code, later.status_code) == (200, 200, 200)
    assert len(server.sent_texts(LAN)) == 2  # the first and the later one; the replay not


async def test_telegram_webhook_takes_an_update_just_under_the_limit(server, chibot):
    port = free_port()
    chibot.settings.webhook_max_body_bytes = 2000
    application = build_telegram_application(
        chibot.settings, chibot.core, base_url=server.base_url, base_file_url=server.base_file_url
    )
    from bot.channels.telegram_app import WebhookConfig

    config = WebhookConfig(
        listen="127.0.0.1", port=port, url_path="tg", webhook_url=None, secret_token=TG_SECRET, max_body=2000
    )
    from bot.channels.telegram_app import start_application, stop_application

    await start_application(application, webhook=config)
    try:
        url = f"http://127.0.0.1:{port}/tg"
        small = server.message_update(LAN, LAN, "/help")
        padded = server.message_update(LAN, LAN, "/help " + "a" * 3000)
        ok = await server.post_webhook(url, small, secret_token=TG_SECRET)
        too_big = await server.post_webhook(url, padded, secret_token=TG_SECRET)
        await server.wait_for("sendMessage", chat_id=LAN)
    finally:
        await stop_application(application)
    assert (ok.status_code, too_big.status_code) == (200, 413)


# --------------------------------------------------------------------------- Zalo


def zalo_update(chat_id: str, text: str, message_id: str) -> dict:
    return {
        "event_name": "message.text.received",
        "message": {
            "message_id": message_id,
            "chat": {"id": chat_id, "chat_type": "PRIVATE"},
            "from": {"id": chat_id, "display_name": "An"},
            "text": text,
            "date": 1766619597466,
        },
    }


@pytest.fixture
def zalo_hook_settings(zalo_app):
    settings = zalo_app.settings
    settings.zalo_webhook_url = "https://chibot.example.vn/zalo/hook"
    settings.zalo_webhook_secret = SecretStr(ZALO_SECRET)
    settings.zalo_webhook_listen, settings.zalo_webhook_port = "127.0.0.1", 0
    return settings


async def test_zalo_webhook_refuses_what_it_must_and_never_answers_500(zalo_server, zalo_app, zalo_hook_settings):
    update = zalo_update("z-an", "/help", "m1")
    async with running_zalo(zalo_app, webhook=True) as runtime:
        port = runtime.server.port
        url = f"http://127.0.0.1:{port}/zalo/hook"
        secret = {SECRET_HEADER: ZALO_SECRET}
        async with httpx.AsyncClient(trust_env=False, timeout=10) as client:
            missing = await client.post(url, json=update)
            wrong = await client.post(url, json=update, headers={SECRET_HEADER: "x" + ZALO_SECRET})
            junk = await client.post(url, content=b"\x00\xff{{{", headers=secret)
            not_object = await client.post(url, json="just a string", headers=secret)
            no_event = await client.post(url, json={"hello": "world"}, headers=secret)
            await runtime.receiver.drain()
        assert (missing.status_code, wrong.status_code) == (403, 403)
        assert (junk.status_code, not_object.status_code, no_event.status_code) == (400, 400, 400)
        headers = {"Content-Type": "application/json", "Content-Length": str(FIVE_MB), **secret}
        status, sent = await asyncio.to_thread(
            raw_post, port, "/zalo/hook", headers, b'{"event_name": "message.text.received", '
        )
        assert status == 413 and sent < 100
        chunked = await asyncio.to_thread(chunked_post, port, "/zalo/hook", secret, 24, b"y" * 65536)
        assert chunked == 413
        await runtime.receiver.drain()
    assert zalo_server.texts_to("z-an") == []


async def test_zalo_webhook_answers_a_replayed_update_once(zalo_server, zalo_app, zalo_hook_settings):
    code = new_invite(zalo_app, "CB01", "secretary", "An")
    registration = zalo_update("z-an", code, "m-reg")
    async with running_zalo(zalo_app, webhook=True) as runtime:
        url = f"http://127.0.0.1:{runtime.server.port}/zalo/hook"
        secret = {SECRET_HEADER: ZALO_SECRET}
        async with httpx.AsyncClient(trust_env=False, timeout=10) as client:
            first = await client.post(url, json=registration, headers=secret)
            await runtime.receiver.drain()
            replayed = await client.post(url, json=registration, headers=secret)
            await runtime.receiver.drain()
        assert (first.status_code, replayed.status_code) == (200, 200)
    texts = zalo_server.texts_to("z-an")
    assert len(texts) == 1 and "Chào mừng đồng chí!" in texts[0]

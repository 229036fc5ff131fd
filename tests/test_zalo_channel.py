"""The Zalo channel's edges: the polling loop survives the platform's bad moments, the webhook
refuses posts without the secret, odd updates are logged and answered politely, the envelope
of every call is checked and errors reach the outbox as retry / blocked / failed."""

from __future__ import annotations

import asyncio
import logging

import httpx
import pytest

from bot.channels.plain_render import plan_texts, split_text
from bot.channels.send_budget import SendBudget
from bot.channels.zalo_api import ZaloApi, ZaloFailed, ZaloRetry, ZaloUnreachable
from bot.channels.zalo_channel import SECRET_HEADER, ZaloSender
from bot.channels.zalo_inbound import Skipped, parse_update
from ground.messages import Choice, Reply
from tests.support.fake_zalo_api import DEFAULT_TOKEN
from tests.support.zalo_fixtures import ZaloUser, new_invite, running_zalo

SECRET = "s3cret-for-the-zalo-webhook"


async def test_polling_keeps_going_through_408s_5xx_a_timeout_and_garbled_answers(zalo_server, zalo_app, caplog):
    caplog.set_level(logging.INFO)
    zalo_server.timeout_hold = 2.0
    for kind in ("500", "502", "malformed", "timeout", "garbled_update", "429"):
        zalo_server.fail_next("getUpdates", kind)
    code = new_invite(zalo_app, "CB01", "secretary", "An")
    async with running_zalo(zalo_app, poll_grace=0.5) as runtime:
        an = ZaloUser(zalo_server, runtime, "z-an", "An")
        assert "Chào mừng đồng chí!" in await an.say(code)
        assert "/help" in await an.say("/help")
        # Nothing more to fetch: the next long poll ends empty (408) and the loop goes on.
        polls = zalo_server.polls_started
        for _ in range(1000):
            if zalo_server.polls_started > polls + 1:
                break
            await asyncio.sleep(0.01)
    statuses = [c.status for c in zalo_server.calls_of("getUpdates", ok=None)]
    assert {500, 502, 429} <= set(statuses) and 408 in statuses
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("bot."))
    assert "zalo getUpdates failed" in logged and "timed out" in logged and "not JSON" in logged
    assert "zalo update skipped: text message without text" in logged or "without a message" in logged
    assert DEFAULT_TOKEN not in logged


async def test_odd_updates_are_logged_and_never_crash(zalo_server, zalo_app, caplog):
    caplog.set_level(logging.INFO)
    async with running_zalo(zalo_app) as runtime:
        an = ZaloUser(zalo_server, runtime, "z-an", "An")
        assert await an.push({"event_name": "message.reaction.received", "message": {"chat": {"id": "z-an"}}}) == ""
        assert (
            await an.push({"event_name": "message.text.received", "message": {"text": "hi", "from": {"id": "z-an"}}})
            == ""
        )
        assert await an.push(["not", "an", "update"]) == ""
        assert await an.push(
            {
                "ok": True,
                "result": {
                    "event_name": "message.text.received",
                    "message": {
                        "message_id": "m1",
                        "chat": {"id": "z-an", "chat_type": "PRIVATE"},
                        "from": {"id": "z-an"},
                        "text": "xin chao",
                    },
                },
            }
        )
        long_text = "Báo cáo " + "rất dài " * 400
        assert "mã mời" in await an.say(long_text)  # over 2,000 characters in: read like any text
    assert "unknown event 'message.reaction.received'" in caplog.text
    assert "without chat.id" in caplog.text and "update is not an object" in caplog.text


async def test_the_same_update_delivered_twice_is_answered_once(zalo_server, zalo_app):
    async with running_zalo(zalo_app) as runtime:
        an = ZaloUser(zalo_server, runtime, "z-an", "An")
        update = zalo_server.push_text(chat_id="z-an", text="/help")
        await an._settle()
        assert an.news()
        await an.push(update)
        assert an.news() == ""


async def test_the_webhook_takes_posts_with_the_secret_only(zalo_server, zalo_app):
    settings = zalo_app.settings
    settings.zalo_webhook_url, settings.zalo_webhook_secret = "https://chibot.example.vn/zalo/hook", SECRET
    settings.zalo_webhook_listen, settings.zalo_webhook_port = "127.0.0.1", 0
    from pydantic import SecretStr

    settings.zalo_webhook_secret = SecretStr(SECRET)
    code = new_invite(zalo_app, "CB01", "secretary", "An")
    update = {
        "event_name": "message.text.received",
        "message": {
            "message_id": "w1",
            "chat": {"id": "z-an", "chat_type": "PRIVATE"},
            "from": {"id": "z-an", "display_name": "An"},
            "text": code,
            "date": 1766619597466,
        },
    }
    async with running_zalo(zalo_app, webhook=True) as runtime:
        assert (
            zalo_server.webhook["url"] == "https://chibot.example.vn/zalo/hook" and zalo_server.secret_token == SECRET
        )
        url = f"http://127.0.0.1:{runtime.server.port}/zalo/hook"
        async with httpx.AsyncClient() as client:
            missing = await client.post(url, json=update)
            wrong = await client.post(url, json=update, headers={SECRET_HEADER: SECRET + "x"})
            await runtime.receiver.drain()
            assert (missing.status_code, wrong.status_code) == (403, 403)
            assert zalo_server.texts_to("z-an") == []  # nothing processed
            bad = await client.post(url, content=b"{not json", headers={SECRET_HEADER: SECRET})
            assert bad.status_code == 400
            right = await client.post(url, json=update, headers={SECRET_HEADER: SECRET})
            assert right.status_code == 200 and right.json() == {"ok": True}
            await runtime.receiver.drain()
        assert "Chào mừng đồng chí!" in zalo_server.texts_to("z-an")[0]
        assert zalo_server.calls_of("getUpdates") == []


async def test_send_errors_become_the_outbox_vocabulary(zalo_server):
    async with httpx.AsyncClient(timeout=httpx.Timeout(1.0)) as client:
        api = ZaloApi(token=DEFAULT_TOKEN, client=client, base_url=zalo_server.url)
        sender = ZaloSender(api, backoff=2.0)
        zalo_server.blocked.add("gone")
        zalo_server.unknown.add("nobody")
        assert (await sender.send("gone", Reply(text="x"))).status == "blocked"
        assert (await sender.send("nobody", Reply(text="x"))).status == "blocked"
        zalo_server.fail_next("sendMessage", "500", times=2)
        first, second = await sender.send("c1", Reply(text="x")), await sender.send("c1", Reply(text="x"))
        assert (first.status, first.retry_after, second.retry_after) == ("retry", 2.0, 4.0)  # backs off
        zalo_server.fail_next("sendMessage", "malformed")
        assert (await sender.send("c1", Reply(text="x"))).status == "retry"
        sent = await sender.send("c1", Reply(text="Có văn bản mới", choices=[[Choice("Đã nhận", "ack:1")]]))
        assert sent.status == "sent" and sent.message_id
        assert zalo_server.texts_to("c1") == ["Có văn bản mới\n\n1. Đã nhận"]
        with pytest.raises(ZaloFailed):
            await api.send_message(chat_id="c1", text="x" * 2001)
        with pytest.raises(ZaloUnreachable):
            await api.send_message(chat_id="gone", text="x")
        bad_token = ZaloApi(token="wrong", client=client, base_url=zalo_server.url)
        with pytest.raises(ZaloRetry):  # an operator fixes the token; messages wait meanwhile
            await bad_token.get_me()
        assert (await api.get_me())["account_name"] == "bot.chibot"
        assert await api.get_update(timeout=0) is None  # 408: nothing new, not an error


async def test_a_split_reply_that_failed_half_way_is_retried_from_the_part_that_did_not_go(zalo_server):
    text = "\n".join(f"Dòng {n}: " + "nội dung " * 20 for n in range(40))
    async with httpx.AsyncClient(timeout=httpx.Timeout(1.0)) as client:
        sender = ZaloSender(ZaloApi(token=DEFAULT_TOKEN, client=client, base_url=zalo_server.url), backoff=0.1)
        zalo_server.fail_next("sendMessage", "502", after=1)  # the first part goes, the second fails
        assert (await sender.send("c2", Reply(text=text))).status == "retry"
        assert len(zalo_server.texts_to("c2")) == 1
        assert (await sender.send("c2", Reply(text=text))).status == "sent"
    parts = zalo_server.texts_to("c2")
    assert len(parts) == len(set(parts)) >= 3  # every part once, none twice
    lines = [line.rstrip() for line in "\n".join(parts).split("\n")]
    assert lines == [line.rstrip() for line in text.split("\n")]  # in order, nothing lost


def test_long_replies_split_on_line_boundaries_with_the_options_last():
    text = "\n".join(f"Dòng {n}: " + "nội dung " * 20 for n in range(40))
    parts = plan_texts(Reply(text=text, choices=[[Choice("Đã nhận", "a"), Choice("Báo cáo", "b")]]), limit=2000)
    assert len(parts) >= 3 and all(len(p) <= 2000 for p in parts)
    assert all(p.split("\n")[0].startswith("Dòng") for p in parts)  # each part starts on a line
    assert parts[-1].endswith("1. Đã nhận\n2. Báo cáo")
    assert split_text("a" * 4500, 2000) == ["a" * 2000, "a" * 2000, "a" * 500]


def test_updates_wrapped_or_bare_read_the_same():
    bare = {
        "event_name": "message.text.received",
        "message": {
            "message_id": "m9",
            "text": "1",
            "chat": {"id": "c9", "chat_type": "PRIVATE"},
            "from": {"id": "c9", "first_name": "Hà"},
        },
    }
    for body in (bare, {"ok": True, "result": bare}):
        parsed = parse_update(body)
        assert parsed.incoming.text == "1" and parsed.incoming.chat_id == "c9" and parsed.incoming.display_name == "Hà"
        assert parsed.incoming.update_id == "m:m9"
    group = {**bare, "message": {**bare["message"], "chat": {"id": "g1", "chat_type": "GROUP"}}}
    assert isinstance(parse_update(group), Skipped)


async def test_zalo_answers_go_before_the_outbox_on_the_tokens_budget_and_a_429_pauses_both(zalo_server):
    budget = SendBudget(2, window=1.0)  # two sends a second for the token (wide enough that a slow
    # machine does not free a slot before the answers are queued)
    async with httpx.AsyncClient(timeout=httpx.Timeout(2.0)) as client:
        answers = ZaloApi(token=DEFAULT_TOKEN, client=client, base_url=zalo_server.url, budget=budget)
        outbox = answers.for_outbox()
        await outbox.send_message(chat_id="c1", text="Thông báo 1")
        await outbox.send_message(chat_id="c2", text="Thông báo 2")  # the window is full now
        sends = []
        for api, chat, text in [
            (outbox, "c3", "Thông báo 3"),
            (outbox, "c4", "Thông báo 4"),
            (answers, "z-an", "Trả lời An"),
            (answers, "z-binh", "Trả lời Bình"),
        ]:
            sends.append(asyncio.create_task(api.send_message(chat_id=chat, text=text)))
            await asyncio.sleep(0)  # queued in this order
        await asyncio.gather(*sends)
        order = [c.params["text"] for c in zalo_server.calls_of("sendMessage", ok=True)]
        assert order == ["Thông báo 1", "Thông báo 2", "Trả lời An", "Trả lời Bình", "Thông báo 3", "Thông báo 4"]

        zalo_server.fail_next("sendMessage", "429")
        with pytest.raises(ZaloRetry):
            await outbox.send_message(chat_id="c5", text="Thông báo 5")
        assert budget.pauses == 1  # everyone who sends with the token waits, answers too
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(answers.send_message(chat_id="z-an", text="Trả lời nữa"), 0.3)
    await budget.aclose()
    assert zalo_server.texts_to("z-an") == ["Trả lời An"]

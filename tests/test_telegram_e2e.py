"""chibot's real core behind python-telegram-bot, over real HTTP, against the fake Bot API."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlmodel import Session, select

from bot.app import build_app
from bot.channels.base import apology
from bot.channels.telegram_app import build_telegram_application, build_telegram_sender
from ground.messages import Reply
from services import invites, outbox
from storage.db import session_scope
from storage.tables import ChatAccount, OutboxMessage
from tests.support.fake_bot_api import FakeBotApi
from tests.support.telegram_running import running_polling

STAFF = 2001
SECRETARY = 2002


def new_invite(chibot, unit_code: str, role: str, name: str) -> str:
    with session_scope(chibot.engine) as session:
        code, _ = invites.create_invite(
            session=session,
            unit_code=unit_code,
            role=role,
            expires_in=timedelta(days=1),
            label=name,
            now=chibot.clock.now(),
        )
    return code


def telegram_app(server: FakeBotApi, chibot):
    return build_telegram_application(
        chibot.settings, chibot.core, base_url=server.base_url, base_file_url=server.base_file_url, apology_text=apology
    )


async def test_register_by_invite_then_help_lists_the_role_commands(server, chibot):
    code = new_invite(chibot, "DUK", "staff", "Trần Văn Tâm")
    async with running_polling(telegram_app(server, chibot)):
        server.push_message(STAFF, STAFF, f"/start {code}", first_name="Tâm")
        (welcome,) = await server.wait_for("sendMessage", chat_id=STAFF)
        assert (
            "Chào mừng đồng chí! Tài khoản này đã được gắn với Đảng ủy Khối Cơ quan tỉnh, vai trò cán bộ cơ quan "
            "đảng ủy." in welcome.params["text"]
        )
        scoped = await server.wait_for(
            "setMyCommands", where=lambda c: "scope" in c.params and c.params["scope"].get("type") == "chat"
        )
        assert "invite" in [c["command"] for c in scoped[-1].params["commands"]]
        mark = server.mark()
        server.push_message(STAFF, STAFF, "/help")
        (help_call,) = await server.wait_for("sendMessage", chat_id=STAFF, since=mark)
        assert "/invite — tạo mã mời" in help_call.params["text"]


async def test_unknown_user_only_learns_how_to_register(server, chibot):
    async with running_polling(telegram_app(server, chibot)):
        server.push_message(SECRETARY, SECRETARY, "/invite")
        (call,) = await server.wait_for("sendMessage", chat_id=SECRETARY)
        assert "mã mời do văn phòng đảng ủy cấp" in call.params["text"]


async def test_buttons_are_answered_old_keyboard_goes_and_a_restart_resumes_the_flow(
    server, chibot, engine, clock, tg_settings
):
    code = new_invite(chibot, "DUK", "staff", "Trần Văn Tâm")
    async with running_polling(telegram_app(server, chibot)):
        server.push_message(STAFF, STAFF, f"/start {code}")
        await server.wait_for("sendMessage", chat_id=STAFF)
        server.push_message(STAFF, STAFF, "/invite")
        server.push_message(STAFF, STAFF, "CB02")
        calls = await server.wait_for("sendMessage", chat_id=STAFF, count=3)
        role_question = calls[-1]
        assert "Mã mời cho vai trò nào tại Chi bộ Ban Tuyên giáo?" in role_question.params["text"]
        button = role_question.params["reply_markup"]["inline_keyboard"][0][0]
        assert button["text"] == "bí thư chi bộ"
        message_id = server.chat_messages(STAFF)[-1]["message_id"]
        assert server.chat_messages(STAFF)[-1]["text"].startswith("Mã mời cho vai trò nào")

    # The process stops here; a new one starts on the same database.
    restarted = build_app(tg_settings, clock=clock, engine=engine, migrate=False)
    async with running_polling(telegram_app(server, restarted)):
        mark = server.mark()
        server.push_callback(STAFF, STAFF, button["callback_data"], message_id)
        await server.wait_for("answerCallbackQuery", since=mark)
        edited = await server.wait_for("editMessageText", since=mark)
        assert "Họ tên người được mời?" in edited[-1].params["text"]
        assert server.message(STAFF, message_id)["text"].startswith("Họ tên người được mời?")
        # The old question's button is gone from the chat; pressing its data again is stale.
        mark = server.mark()
        server.push_callback(STAFF, STAFF, button["callback_data"], message_id)
        await server.wait_for("answerCallbackQuery", since=mark)
        (stale,) = await server.wait_for("sendMessage", since=mark, chat_id=STAFF)
        assert "Nút này đã cũ" in stale.params["text"]


async def test_a_redelivered_update_is_processed_once(server, chibot):
    code = new_invite(chibot, "CB01", "secretary", "Bí thư CB01")
    async with running_polling(telegram_app(server, chibot)):
        update = server.push_message(SECRETARY, SECRETARY, f"/start {code}")
        await server.wait_for("sendMessage", chat_id=SECRETARY)
        mark = server.mark()
        server.repeat_update(update["update_id"])
        server.push_message(SECRETARY, SECRETARY, "/whoami")
        calls = await server.wait_for("sendMessage", chat_id=SECRETARY, since=mark)
        await asyncio.sleep(0.3)  # give a duplicate reply the chance to show up
        texts = [c.params["text"] for c in server.calls_of("sendMessage", chat_id=SECRETARY)[-len(calls) :]]
        assert len(server.calls_of("sendMessage", chat_id=SECRETARY)) == 2
        assert "Bí thư CB01" in texts[-1]


async def secretary_on_telegram(server: FakeBotApi, chibot) -> tuple:  # noqa: ANN001
    """A secretary registered over Telegram, and the outbox sender for that channel."""
    code = new_invite(chibot, "CB01", "secretary", "Bí thư CB01")
    async with running_polling(telegram_app(server, chibot)):
        server.push_message(SECRETARY, SECRETARY, f"/start {code}")
        await server.wait_for("sendMessage", chat_id=SECRETARY)
    sender = build_telegram_sender(chibot.settings, base_url=server.base_url, base_file_url=server.base_file_url)
    chibot.add_sender(sender)
    with Session(chibot.engine) as session:
        account = session.exec(select(ChatAccount).where(ChatAccount.channel == "telegram")).one()
    return sender, account.id


async def test_outbox_messages_go_out_through_telegram_and_a_blocked_chat_is_marked(server, chibot):
    sender, account_id = await secretary_on_telegram(server, chibot)
    with Session(chibot.engine) as session:
        outbox.enqueue(
            session=session,
            account_id=account_id,
            kind="notice",
            reply=Reply(text="Nhắc việc <141>"),
            due_at=chibot.clock.now(),
            dedupe_key="t1",
        )
        outbox.enqueue(
            session=session,
            account_id=account_id,
            kind="notice",
            reply=Reply(text="Lần hai"),
            due_at=chibot.clock.now(),
            dedupe_key="t2",
        )
        session.commit()
    server.block_chat(SECRETARY)
    stats = await chibot.dispatcher.run_once()
    await sender.aclose()
    assert (stats.sent, stats.blocked) == (0, 2)
    with Session(chibot.engine) as session:
        account = session.exec(select(ChatAccount).where(ChatAccount.channel == "telegram")).one()
        assert account.reachable is False
        rows = session.exec(select(OutboxMessage).order_by(OutboxMessage.id)).all()
        assert [r.status for r in rows] == ["failed", "failed"]
        assert rows[0].last_error.startswith("blocked")


async def test_outbox_message_is_delivered_once_with_html_escaped(server, chibot):
    sender, account_id = await secretary_on_telegram(server, chibot)
    with Session(chibot.engine) as session:
        assert outbox.enqueue(
            session=session,
            account_id=account_id,
            kind="notice",
            reply=Reply(text="Nhắc việc <141>"),
            due_at=chibot.clock.now(),
            dedupe_key="once",
        )
        assert not outbox.enqueue(
            session=session,
            account_id=account_id,
            kind="notice",
            reply=Reply(text="Nhắc việc <141>"),
            due_at=chibot.clock.now(),
            dedupe_key="once",
        )
        session.commit()
    first = await chibot.dispatcher.run_once()
    second = await chibot.dispatcher.run_once()
    await sender.aclose()
    assert (first.sent, second.sent) == (1, 0)
    assert server.chat_messages(SECRETARY)[-1]["text"] == "Nhắc việc <141>"
    assert server.calls_of("sendMessage", chat_id=SECRETARY)[-1].params["text"] == "Nhắc việc &lt;141&gt;"


# ---- the whole cycle on Telegram: register a directive, a cell acknowledges and reports ----

SEED_141 = (__import__("pathlib").Path(__file__).parent / "fixtures" / "seeds" / "003_11edc695b26208f2.txt").read_text(
    encoding="utf-8"
)


def buttons_of(message: dict) -> dict[str, str]:
    markup = message.get("reply_markup") or {}
    return {b["text"]: b["callback_data"] for row in markup.get("inline_keyboard", []) for b in row}


async def press(server: FakeBotApi, chat_id: int, label: str) -> None:
    """Press a button of the newest message that has one, and wait until chibot has answered."""
    message = next(m for m in reversed(server.chat_messages(chat_id)) if buttons_of(m))
    mark = server.mark()
    server.push_callback(chat_id, chat_id, buttons_of(message)[label], message["message_id"])
    await server.wait_for("answerCallbackQuery", since=mark)
    await settle(server, mark, chat_id)


async def say(server: FakeBotApi, chat_id: int, text: str) -> str:
    mark = server.mark()
    server.push_message(chat_id, chat_id, text)
    await settle(server, mark, chat_id)
    return server.chat_messages(chat_id)[-1]["text"]


async def settle(server: FakeBotApi, since: int, chat_id: int) -> None:
    """Wait until chibot answered in this chat after ``since`` and then stayed quiet a moment."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 5
    answered = {"sendMessage", "editMessageText", "sendDocument"}
    while not any(c.method in answered and str(c.params.get("chat_id")) == str(chat_id) for c in server.calls[since:]):
        if loop.time() > deadline:
            raise AssertionError("chibot did not answer")
        await asyncio.sleep(0.01)
    count = -1
    while count != len(server.calls):
        count = len(server.calls)
        await asyncio.sleep(0.1)


async def test_directive_to_report_on_telegram(server, chibot):
    from sqlmodel import select as sql_select

    from storage.tables import Assignment, Report

    staff_code = new_invite(chibot, "DUK", "staff", "Trần Văn Tâm")
    secretary_code = new_invite(chibot, "CB01", "secretary", "Bí thư CB01")
    sender = build_telegram_sender(chibot.settings, base_url=server.base_url, base_file_url=server.base_file_url)
    chibot.add_sender(sender)
    async with running_polling(telegram_app(server, chibot)):
        await say(server, SECRETARY, f"/start {secretary_code}")
        await say(server, STAFF, f"/start {staff_code}")
        await say(server, STAFF, "/new")
        summary = await say(server, STAFF, SEED_141)
        assert "• Hoàn thành: đến hết 20/8/2021\n• Báo cáo: trước 23/8/2021\n• Kế hoạch: trước 30/8/2021" in summary
        await press(server, STAFF, "Xác nhận")
        await press(
            server,
            STAFF,
            next(label for label in buttons_of(server.chat_messages(STAFF)[-1]) if label.startswith("Tất cả")),
        )
        await press(server, STAFF, "Gửi")
        assert any("Đã gửi" in m["text"] for m in server.chat_messages(STAFF)[-2:])

        # The outbox delivers the directive to the secretary's Telegram chat.
        await chibot.dispatcher.run_once()
        directive_message = server.chat_messages(SECRETARY)[-1]
        assert directive_message["text"].startswith("Văn bản mới: Công văn 141-CV/ĐUK")
        assert list(buttons_of(directive_message)) == ["Đã nhận", "Báo cáo", "Xem toàn văn"]

        await press(server, SECRETARY, "Đã nhận")
        with Session(chibot.engine) as session:
            assignment = session.exec(sql_select(Assignment).where(Assignment.status != "cancelled")).all()
            acknowledged = [a for a in assignment if a.acknowledged_at is not None]
        assert len(acknowledged) == 1

        await press(server, SECRETARY, "Báo cáo")
        assert "Hình thức quán triệt?" in server.chat_messages(SECRETARY)[-1]["text"]
        await press(server, SECRETARY, "Hội nghị trực tiếp")
        await press(server, SECRETARY, "Zalo / mạng xã hội")
        await press(server, SECRETARY, "Xong")
        assert "Số người tiếp cận?" in server.chat_messages(SECRETARY)[-1]["text"]
        assert "Nhận thức sau khi học tập?" in await say(server, SECRETARY, "45 tren 50")
        await press(server, SECRETARY, "Tốt")
        await press(server, SECRETARY, "Bỏ qua")  # difficulties
        await press(server, SECRETARY, "Bỏ qua")  # attachments
        summary = server.chat_messages(SECRETARY)[-1]["text"]
        assert "45/50 (90%)" in summary
        await press(server, SECRETARY, "Xác nhận")
        assert server.chat_messages(SECRETARY)[-1]["text"].startswith(
            "Cảm ơn đồng chí! Đã gửi báo cáo 141-CV/ĐUK — Chi bộ Văn phòng: đúng hạn"
        )
    await chibot.dispatcher.run_once()
    await sender.aclose()
    with Session(chibot.engine) as session:
        (report,) = session.exec(sql_select(Report)).all()
    assert (report.reached, report.total, report.percent, report.awareness) == (45, 50, 90.0, "tot")
    assert report.on_time is True
    assert "Chi bộ Văn phòng đã báo cáo 141-CV/ĐUK" in server.chat_messages(STAFF)[-1]["text"]

"""A broadcast delivered over Telegram (the fake Bot API): the progress message is edited as
delivery goes, a recipient who blocked the bot and RetryAfter (429) from the server are handled,
and nobody gets the message twice."""

from __future__ import annotations

from datetime import timedelta

from bot.channels.telegram_app import build_telegram_sender
from services import invites
from storage.db import session_scope
from tests.support.chat import Chat

STAFF = 3001
CELLS = {"CB01": 3101, "CB02": 3102, "CB03": 3103, "CB04": 3104, "CB05": 3105}
TEXT = "Đề nghị các chi bộ báo cáo <kết quả> trước 17h00."


def register(chibot, unit: str, role: str, user: int) -> Chat:
    with session_scope(chibot.engine) as session:
        code, _ = invites.create_invite(
            session=session,
            unit_code=unit,
            role=role,
            expires_in=timedelta(days=1),
            label=f"{role} {unit}",
            now=chibot.clock.now(),
        )
    chat = Chat(app=chibot, user_id=str(user), name=f"{role} {unit}", channel="telegram")
    chat.send(f"/start {code}")
    return chat


async def run_until_done(chibot, clock, rounds: int = 10) -> None:
    for _ in range(rounds):
        await chibot.dispatcher.run_once()
        clock.advance(timedelta(seconds=2))  # let rescheduled (429) messages fall due


async def test_broadcast_over_telegram_with_a_blocked_recipient_and_retry_after(server, chibot, clock):
    staff = register(chibot, "DUK", "staff", STAFF)
    for code, user in CELLS.items():
        register(chibot, code, "secretary", user)
    sender = build_telegram_sender(chibot.settings, base_url=server.base_url, base_file_url=server.base_file_url)
    chibot.add_sender(sender)
    server.block_chat(CELLS["CB03"])
    server.rate_limit_next(2, retry_after=1)

    staff.send("/broadcast")
    staff.send(TEXT)
    staff.press("Tất cả chi bộ")
    assert "Sẽ gửi tới 5 tài khoản của 5 đơn vị." in staff.last_text
    staff.press("Gửi")
    await run_until_done(chibot, clock)
    await sender.aclose()

    for code, user in CELLS.items():
        delivered = server.sent_texts(user)
        expected = (
            []
            if code == "CB03"
            else ["Tin nhắn từ Đảng ủy Khối Cơ quan tỉnh:\n" + TEXT.replace("<", "&lt;").replace(">", "&gt;")]
        )
        assert delivered == expected, code
    # Two 429s and the blocked chat, in whichever order the chats sent to at once reached the server.
    refused = sorted(c.status for c in server.calls_of("sendMessage", ok=False))
    assert refused.count(429) == 2 and 403 in refused
    progress, report = server.chat_messages(STAFF)[-2:]
    assert progress["text"] == "Đã gửi 5/5"
    assert server.calls_of("editMessageText", chat_id=STAFF)
    assert report["text"] == (
        "Kết quả gửi tin (tất cả chi bộ, đoàn thể):\n• Đã gửi tới: 4\n• Không gửi được: 4\n"
        "   – đã chặn chatbot: secretary CB03\n"
        "   – chưa có bí thư đăng ký hoặc không liên lạc được: DB1-CB1 — Chi bộ Phòng Nghiệp vụ, DB1-CB2 — Chi bộ "
        "Phòng Tài chính, DTN — Đoàn Thanh niên Khối\n"
        "• Gửi qua: Telegram 4"
    )

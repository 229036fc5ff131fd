"""Telegram misbehaving under a real `chibot run`: 429 with retry_after, a 5xx, a request that
times out, a 200 whose body is not JSON, a chat that blocked the bot (403). The bot keeps
running, delivers every message once to every chat that can get it, and answers chats after."""

from __future__ import annotations

import pytest
from sqlmodel import select

from storage.db import session_scope
from storage.tables import ChatAccount, OutboxMessage
from tests.reliability.support import SUBPROCESS_TIMEOUT, broadcast_to_all, seed, start_bot, wait_until
from tests.support.fake_bot_api import FakeBotApi
from tests.support.org import register

CELLS = 5
TEXT = "Họp chi bộ thường kỳ lúc 14 giờ thứ Sáu."


def broadcast_rows(engine) -> list[tuple[str, str, int, str | None]]:  # noqa: ANN001
    with session_scope(engine) as session:
        rows = session.exec(
            select(ChatAccount.chat_id, OutboxMessage.status, OutboxMessage.attempts, OutboxMessage.last_error)
            .join(ChatAccount, ChatAccount.id == OutboxMessage.account_id)
            .where(OutboxMessage.kind == "broadcast")
            .order_by(ChatAccount.chat_id)
        ).all()
    return [tuple(row) for row in rows]


@pytest.mark.timeout(SUBPROCESS_TIMEOUT)
async def test_the_bot_rides_out_telegram_faults_and_keeps_answering(db_url, tmp_path) -> None:
    seeded = seed(db_url, tmp_path, CELLS)
    engine = seeded.app.engine
    seeded.staff = register(seeded.app, unit_code="DUK", role="staff", name="Phạm Thu Hà", user_id="c-ha")
    broadcast_to_all(seeded, TEXT)
    blocked = seeded.secretaries[-1]
    async with FakeBotApi(first_update_id=1_000_000) as server:
        # In the order the bot meets them: a body that is not JSON, a call that outlasts the
        # bot's 5 s read timeout, a 500, two 429s asking to wait a second; one chat blocked.
        server.garbage_next(1)
        server.stall_next(1, 6.0)
        server.fail_method("sendMessage", 1, status=500)
        server.rate_limit_next(2, retry_after=1)
        server.block_chat(blocked)
        process = await start_bot(server, db_url, tmp_path / "run.log")
        try:
            settled = await wait_until(
                lambda: all(status in ("sent", "failed") for _chat, status, _n, _e in broadcast_rows(engine)), 150
            )
            assert settled, (broadcast_rows(engine), (tmp_path / "run.log").read_text()[-3000:])
            assert process.returncode is None  # still running
            # And it still answers a chat.
            chat = seeded.secretaries[0]
            mark = len(server.calls)
            server.push_message(chat, chat, "/help")
            await server.wait_for("sendMessage", chat_id=chat, since=mark, timeout=30)
        finally:
            process.terminate()
            await process.wait()
        faults = [c.status for c in server.calls if c.method == "sendMessage" and c.status != 200]
        delivered = {chat: [m["text"] for m in server.chat_messages(chat)] for chat in seeded.secretaries}
    assert sorted(faults) == sorted([0, 504, 500, 429, 429, 403]), faults
    for chat in seeded.secretaries[:-1]:
        assert len([t for t in delivered[chat] if TEXT in t]) == 1, delivered[chat]  # once, not lost, not doubled
    assert not delivered[blocked]
    rows = {chat: (status, error) for chat, status, _n, error in broadcast_rows(engine)}
    assert rows.pop(str(blocked))[0] == "failed"
    assert {status for status, _error in rows.values()} == {"sent"}
    with session_scope(engine) as session:
        account = session.exec(select(ChatAccount).where(ChatAccount.chat_id == str(blocked))).one()
        assert not account.reachable and "blocked" in (account.unreachable_reason or "")

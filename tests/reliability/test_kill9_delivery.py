"""kill -9 of a real `chibot run` while it delivers a directive, a broadcast and reminders to
every cell on Telegram: restarted each time, it loses nothing, and a chat gets a message twice
only where that message's HTTP call was in flight at a kill. Copies are counted on the fake
Bot API server, i.e. as the chats saw them."""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections import Counter

import pytest
from sqlmodel import select

from storage.db import session_scope
from storage.tables import Broadcast, ChatAccount, OutboxMessage
from tests.reliability.support import (
    FULL,
    SUBPROCESS_TIMEOUT,
    broadcast_to_all,
    in_flight,
    outbox_counts,
    publish_directive,
    remind_all,
    seed,
    start_bot,
    wait_until,
)
from tests.support.fake_bot_api import FakeBotApi

log = logging.getLogger(__name__)

KILLS = 22 if FULL else 6
CELLS = 60 if FULL else 14
#: Latency of each Bot API send: a kill lands mid-call now and then, as it would on a real network.
SEND_DELAY = 0.2
#: Chats sent to at once (production: 8). Two keep the concurrent path under test while the
#: delivery lasts long enough for every kill to land in it.
BOT_ENV = {"OUTBOX_CONCURRENCY": "2"}


def _kinds_per_chat(engine, chats: list[int]) -> dict[int, int]:  # noqa: ANN001
    with session_scope(engine) as session:
        rows = session.exec(
            select(ChatAccount.chat_id, OutboxMessage.id)
            .join(ChatAccount, ChatAccount.id == OutboxMessage.account_id)
            .where(OutboxMessage.status != "cancelled")
        ).all()
    counts = Counter(int(chat) for chat, _id in rows)
    return {chat: counts[chat] for chat in chats}


@pytest.mark.timeout(3 * SUBPROCESS_TIMEOUT if FULL else SUBPROCESS_TIMEOUT)
async def test_kill_9_during_delivery_loses_nothing_and_doubles_only_what_was_in_flight(
    db_url, tmp_path, capsys
) -> None:
    seeded = seed(db_url, tmp_path, CELLS)
    directive_id = publish_directive(seeded)
    broadcast_to_all(seeded, "Họp chi bộ thường kỳ lúc 14 giờ thứ Sáu.")
    assert remind_all(seeded, directive_id) == CELLS
    engine = seeded.app.engine
    expected = _kinds_per_chat(engine, seeded.secretaries)
    assert set(expected.values()) == {3}, expected  # directive, broadcast, reminder
    rng = random.Random(1515)
    log_path = tmp_path / "chibot-run.log"
    kills = in_flight_at_kills = kills_mid_send = 0
    async with FakeBotApi() as server:
        server.send_delay = SEND_DELAY
        for _ in range(KILLS):
            if not outbox_counts(engine).get("pending") and not outbox_counts(engine).get("sending"):
                break
            mark = len(server.calls)
            process = await start_bot(server, db_url, log_path, env_extra=BOT_ENV)
            try:
                if rng.random() < 0.25:
                    # A moment from the start: during start-up, the first claim or the first sends.
                    await asyncio.sleep(rng.uniform(0.5, 4.0))
                else:
                    await server.wait_for("sendMessage", since=mark, timeout=120)
                    await asyncio.sleep(rng.uniform(0.0, 0.35))
            finally:
                process.kill()
                await process.wait()
            kills += 1
            flying = in_flight(engine)
            log.info("kill %d: %s, %d in flight", kills, outbox_counts(engine), flying)
            in_flight_at_kills += flying
            kills_mid_send += bool(flying or server.in_flight)
        # The last start: everything goes out, well within a minute of the bot being up (the
        # interpreter's start-up is not the dispatcher's; it is printed apart).
        started = time.monotonic()
        mark = len(server.calls)
        process = await start_bot(server, db_url, log_path, env_extra=BOT_ENV)
        try:
            await server.wait_for("getUpdates", since=mark, timeout=120)
            up = time.monotonic()
            done = await wait_until(
                lambda: not outbox_counts(engine).get("pending") and not outbox_counts(engine).get("sending"), 60
            )
            took = time.monotonic() - up
            assert done, (outbox_counts(engine), log_path.read_text()[-3000:])
        finally:
            process.terminate()
            await process.wait()
        copies = {chat: Counter(m["text"] for m in server.chat_messages(chat)) for chat in expected}
    lost = sum(max(expected[chat] - len(seen), 0) for chat, seen in copies.items())
    doubled = sum(n - 1 for seen in copies.values() for n in seen.values() if n > 1)
    with capsys.disabled():
        print(
            f"\nkill -9: {kills} kills ({kills_mid_send} with a send in flight), {sum(expected.values())} messages "
            f"to {len(expected)} chats: {lost} lost, {doubled} doubled (allowed {in_flight_at_kills}: sends in "
            f"flight at the kills); after the last start, the bot was up in {up - started:.1f} s and "
            f"everything was delivered {took:.1f} s later"
        )
    assert kills >= KILLS * 0.8, f"only {kills} kills landed before everything was delivered"
    assert lost == 0, copies
    assert doubled <= in_flight_at_kills, copies
    assert took < 60
    assert set(outbox_counts(engine)) == {"sent"}, outbox_counts(engine)  # none failed, none left
    with session_scope(engine) as session:
        assert [b.status for b in session.exec(select(Broadcast))] == ["done"]

"""A broadcast to N recipients at Telegram's rate (not a test).

    .venv/bin/python bench/bench_broadcast.py [--size 10000] [--database-url URL] [--rate 30]

The real outbox dispatcher and TelegramSender (on the token's one send budget, 30 a second)
send to the fake Bot API server, which answers 429 (retry_after=1) past --rate sends in any
second, as Telegram does. Figures: achieved rate against --rate, 429 answers, duplicates and
losses (every recipient must get the message exactly once), and the latency of interactive
replies sent while the broadcast goes out (one every few seconds on the same budget, as the
Application's bot sends them: they go first, so they wait for one slot, not for the queue).

The achieved rate counts only the messages recipients got, over the whole delivery: the
replies (about 1% of the token) and the staff member's progress edits (every 5 s, under 1%)
draw from the same 30 a second, so it is a little below what a broadcast reaches while nobody
chats, the issue's condition. Each slot counts until a second after its answer, so the answer
delay (a few ms here, with the fake server in this process) is the budget's only other cost.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import time
from collections import Counter
from typing import Any

from bench_oversight import queue_broadcast  # type: ignore[import-not-found]
from common import figure, fresh_engine, percentile, quiet  # type: ignore[import-not-found]
from sqlalchemy import select
from telegram.ext import ExtBot

from bot.channels.send_budget import INTERACTIVE, BudgetRateLimiter, SendBudget
from bot.channels.telegram_app import build_telegram_sender
from ground.clock import SystemClock
from ground.settings import Settings
from services.broadcast_progress import BroadcastProgress
from services.dispatcher import Dispatcher
from storage.db import session_scope
from storage.tables import OutboxMessage
from tests.support.fake_bot_api import DEFAULT_TOKEN, FakeBotApi

LIMIT = 30.0
#: An interactive reply every this many seconds during the broadcast (first after two seconds).
REPLY_EVERY = 3.0
REPLY_CHATS = 900_000_000  # chat ids of the people chatting (no recipient has one this high)


async def replies_during(bot: ExtBot, latencies: list[float], stop: asyncio.Event) -> None:
    """Answer someone every REPLY_EVERY seconds until ``stop``: how long each answer took."""
    n = 0
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), 2.0)
    while not stop.is_set():
        began = time.perf_counter()
        await bot.send_message(chat_id=REPLY_CHATS + n, text=f"Trả lời {n}")
        latencies.append(time.perf_counter() - began)
        n += 1
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), REPLY_EVERY)


async def measure(size: int, database_url: str | None, rate: float = LIMIT) -> list[dict[str, Any]]:
    engine = fresh_engine(database_url)
    clock = SystemClock()
    broadcast_id, queued, queue_seconds, staff_chat = queue_broadcast(engine, size, clock.now())
    settings = Settings(_env_file=None, telegram_bot_token=DEFAULT_TOKEN)  # type: ignore[call-arg]
    async with FakeBotApi(max_send_rate=rate) as server:
        budget = SendBudget(settings.telegram_max_per_second)
        sender = build_telegram_sender(
            settings, base_url=server.base_url, base_file_url=server.base_file_url, budget=budget
        )
        senders = {"telegram": sender}
        # As `chibot run` builds it (bot/app.py), with the benchmark's larger batches.
        dispatcher = Dispatcher(
            engine=engine, clock=clock, senders=senders, batch=200, concurrency=settings.outbox_concurrency
        )
        dispatcher.listeners.append(BroadcastProgress(engine=engine, clock=clock, senders=senders))
        answers = ExtBot(
            token=DEFAULT_TOKEN,
            base_url=f"{server.base_url}",
            base_file_url=server.base_file_url,
            rate_limiter=BudgetRateLimiter(budget, priority=INTERACTIVE, max_retries=3),
        )
        await answers.initialize()
        latencies: list[float] = []
        stop = asyncio.Event()
        chatting = asyncio.create_task(replies_during(answers, latencies, stop))
        start = time.perf_counter()
        cpu_start = time.process_time()
        try:
            while True:
                await dispatcher.run_once()
                with session_scope(engine) as session:
                    left = session.execute(
                        select(OutboxMessage.id)
                        .where(
                            OutboxMessage.broadcast_id == broadcast_id, OutboxMessage.status.in_(("pending", "sending"))
                        )
                        .limit(1)
                    ).first()
                if left is None:
                    break
                await asyncio.sleep(0.1)  # a 429 rescheduled a row a second ahead
            elapsed = time.perf_counter() - start
            cpu = time.process_time() - cpu_start
            stop.set()
            await chatting
            await dispatcher.run_once()  # the delivery report
        finally:
            stop.set()
            chatting.cancel()
            await answers.shutdown()
            await sender.aclose()
            await budget.aclose()
        everything = server.calls_of("sendMessage", ok=True)
        ok = [c for c in everything if str(c.params["chat_id"]) != str(staff_chat) and _chat(c) < REPLY_CHATS]
        per_chat = Counter(str(c.params["chat_id"]) for c in ok)
        rejected = len([c for c in server.calls if c.status == 429])
        # Everything the token carried while the broadcast went: the broadcast, the replies,
        # the staff member's progress (sent or edited).
        token_sends = len([c for c in server.calls if c.method.startswith(("send", "edit")) and c.status == 200])
    engine.dispose()
    duplicates = sum(n - 1 for n in per_chat.values() if n > 1)
    lost = queued - len(per_chat)
    achieved = len(ok) / elapsed
    # The 0.95 is for a broadcast while nobody chats; here someone does, throughout:
    # what the broadcast made of the rate the replies left (still only recipients' messages).
    left_by_replies = LIMIT - len(latencies) / elapsed
    replies = sorted(latencies)
    return [
        figure("recipients queued", queued, "", equals=size),
        figure("queueing the broadcast", round(queue_seconds, 2), "s"),
        figure("achieved rate / 30 msg/s", round(achieved / LIMIT, 3), "", at_least=0.95),
        figure("achieved rate / (30 msg/s - the replies' rate)", round(achieved / left_by_replies, 3), ""),
        figure(
            "token's rate used / 30 msg/s (broadcast, replies, progress)", round(token_sends / elapsed / LIMIT, 3), ""
        ),
        figure("delivery time", round(elapsed, 1), "s"),
        figure("CPU per message (bot and fake server in one process)", round(cpu / max(len(ok), 1) * 1000, 1), "ms"),
        figure("CPU share of one core during delivery", round(cpu / elapsed, 2), ""),
        figure("429 answers (honoured, rescheduled)", rejected, ""),
        figure(f"replies during the broadcast (one every {REPLY_EVERY:g} s)", len(replies), ""),
        figure("reply latency during the broadcast p50", round(percentile(replies, 0.5) * 1000), "ms"),
        figure("reply latency during the broadcast max", round(max(replies, default=0) * 1000), "ms"),
        figure("duplicates", duplicates, "", equals=0),
        figure("lost", lost, "", equals=0),
    ]


def _chat(call: Any) -> int:
    try:
        return int(call.params["chat_id"])
    except (TypeError, ValueError):
        return 0


def run(size: int, *, database_url: str | None = None) -> list[dict[str, Any]]:
    quiet()
    return asyncio.run(measure(size, database_url))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--database-url")
    parser.add_argument("--rate", type=float, default=LIMIT)
    args = parser.parse_args()
    quiet()
    for fig in asyncio.run(measure(args.size, args.database_url, args.rate)):
        print(f"{fig['name']}: {fig['value']} {fig['unit']}".rstrip())


if __name__ == "__main__":
    main()

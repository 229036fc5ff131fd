"""The outbox drained by one process and by two (not a test).

    .venv/bin/python bench/bench_scale.py [--size 3000] [--database-url URL] [--latency-ms 50]

N due messages to N chats. First one process, then (on a fresh copy of the rows) two
processes, each running chibot's outbox dispatcher against the same database, as two `chibot
run` processes would. The sender sends nothing but takes --latency-ms per message, as a round
trip to Telegram's servers does (the dispatcher sends one message at a time), and no rate limit
applies: this measures how the work is shared, not Telegram's 30 a second. Every row must be
sent exactly once in all.

Then the token's rate with 1 and with 2 processes: the real TelegramSender on each process's
send budget, its share of the token's 30 a second taken in the database
(services/send_share.py), against one fake Bot API server (in this process) that answers 429
past 30 sends in any second. Two processes must together stay under the token's rate (no 429)
and still use it (achieved / 30).
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

from common import figure, fresh_engine, quiet  # type: ignore[import-not-found]
from sqlalchemy import insert, select

from bot.channels.send_budget import SendBudget
from bot.channels.telegram_app import build_telegram_sender
from ground.clock import SystemClock
from ground.ports import SendResult
from ground.settings import Settings
from services.dispatcher import Dispatcher
from services.send_share import SendShare, budget_key
from storage.db import make_db_engine, session_scope
from storage.tables import ChatAccount, OutboxMessage, Person
from tests.support.fake_bot_api import DEFAULT_TOKEN, FakeBotApi


class SlowSender:
    channel = "telegram"

    def __init__(self, latency: float) -> None:
        self.latency = latency
        self.sent: list[str] = []

    async def send(self, chat_id: str, reply: Any) -> SendResult:  # noqa: ANN401
        await asyncio.sleep(self.latency)
        self.sent.append(reply.text)
        return SendResult("sent", message_id=str(len(self.sent)))


def seed(url: str | None, size: int) -> str:
    engine = fresh_engine(url)
    now = datetime.now(UTC) - timedelta(seconds=1)
    with session_scope(engine) as s:
        s.execute(
            insert(Person), [{"full_name": f"Bí thư {i}", "preferences": {}, "created_at": now} for i in range(size)]
        )
        s.execute(
            insert(ChatAccount),
            [
                {
                    "person_id": i + 1,
                    "channel": "telegram",
                    "external_user_id": str(100000 + i),
                    "chat_id": str(100000 + i),
                    "display_name": "",
                    "language": "vi",
                    "reachable": True,
                    "created_at": now,
                }
                for i in range(size)
            ],
        )
        s.execute(
            insert(OutboxMessage),
            [
                {
                    "account_id": i + 1,
                    "kind": "notice",
                    "payload": {"text": str(i)},
                    "due_at": now,
                    "dedupe_key": f"scale{i}",
                    "status": "pending",
                    "attempts": 0,
                    "sent_late": False,
                    "created_at": now,
                }
                for i in range(size)
            ],
        )
    url = engine.url.render_as_string(hide_password=False)
    engine.dispose()
    return url


def worker(url: str, latency: float, start_at: float, queue: Any) -> None:  # noqa: ANN401
    quiet()
    engine = make_db_engine(url)
    sender = SlowSender(latency)
    dispatcher = Dispatcher(engine=engine, clock=SystemClock(), senders={"telegram": sender}, batch=50)
    time.sleep(max(0.0, start_at - time.time()))
    began = time.perf_counter()
    asyncio.run(dispatcher.run_once())
    queue.put((sender.sent, time.perf_counter() - began))
    engine.dispose()


def drain(url: str, processes: int, latency: float) -> tuple[float, int, int]:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    start_at = time.time() + 3.0  # both start together, after their imports
    workers = [context.Process(target=worker, args=(url, latency, start_at, queue)) for _ in range(processes)]
    for w in workers:
        w.start()
    try:
        results = [queue.get() for _ in workers]
    finally:
        for w in workers:
            w.join(30)
            if w.is_alive():
                w.terminate()
    sent = Counter(text for texts, _ in results for text in texts)
    seconds = max(took for _, took in results)
    return seconds, len(sent), sum(n - 1 for n in sent.values())


TOKEN_RATE = 30.0


def token_worker(url: str, base_url: str, start_at: float, queue: Any) -> None:  # noqa: ANN401
    """One `chibot run`'s outbox on the token: its share, its budget, its dispatcher."""
    quiet()
    engine = make_db_engine(url)

    async def run() -> int:
        budget = SendBudget(TOKEN_RATE)
        dispatcher = Dispatcher(engine=engine, clock=SystemClock(), senders={}, batch=50)
        share = SendShare(
            engine=engine,
            budget_key=budget_key("telegram", DEFAULT_TOKEN),
            worker=dispatcher.worker_id,
            total=TOKEN_RATE,
            set_rate=budget.set_rate,
            hold=budget.hold,
        )
        settings = Settings(_env_file=None, telegram_bot_token=DEFAULT_TOKEN)  # type: ignore[call-arg]
        sender = build_telegram_sender(settings, base_url=base_url, base_file_url=base_url, budget=budget)
        dispatcher.senders["telegram"] = sender
        await share.start()
        try:
            while True:  # as the scheduler does: run while something is due
                await dispatcher.run_once()
                with session_scope(engine) as session:
                    left = session.execute(
                        select(OutboxMessage.id).where(OutboxMessage.status.in_(("pending", "sending"))).limit(1)
                    ).first()
                if left is None:
                    return budget.given[1]
                await asyncio.sleep(0.2)
        finally:
            await share.stop()
            await sender.aclose()
            await budget.aclose()

    time.sleep(max(0.0, start_at - time.time()))
    began = time.perf_counter()
    given = asyncio.run(run())
    queue.put((given, time.perf_counter() - began))
    engine.dispose()


def on_one_token(url: str, processes: int, size: int) -> dict[str, float]:
    """Drain ``size`` rows with ``processes`` processes on one token: rate, 429s, losses."""
    ready = threading.Event()
    stop = threading.Event()
    box: dict[str, Any] = {}

    def serve() -> None:
        async def main() -> None:
            async with FakeBotApi(max_send_rate=TOKEN_RATE) as server:
                box["server"] = server
                ready.set()
                while not stop.is_set():
                    await asyncio.sleep(0.05)

        asyncio.run(main())

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    ready.wait(10)
    server = box["server"]
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    start_at = time.time() + 3.0
    workers = [
        context.Process(target=token_worker, args=(url, server.base_url, start_at, queue)) for _ in range(processes)
    ]
    for w in workers:
        w.start()
    try:
        results = [queue.get(timeout=size / 10 + 60) for _ in workers]
    finally:
        for w in workers:
            w.join(30)
            if w.is_alive():
                w.terminate()
        stop.set()
        thread.join(10)
    calls = [c for c in server.calls if c.method == "sendMessage"]
    per_chat = Counter(str(c.params["chat_id"]) for c in calls if c.status == 200)
    seconds = max(took for _, took in results)
    return {
        "rate": sum(per_chat.values()) / seconds,
        "rejected": len([c for c in calls if c.status == 429]),
        "lost": size - len(per_chat),
        "twice": sum(n - 1 for n in per_chat.values() if n > 1),
        "shares": min(given for given, _ in results),
    }


def measure(size: int, database_url: str | None, latency: float) -> list[dict[str, Any]]:
    figures: list[dict[str, Any]] = []
    rates = []
    for processes in (1, 2):
        url = seed(database_url, size)
        seconds, delivered, duplicates = drain(url, processes, latency)
        rates.append(delivered / seconds)
        figures += [
            figure(f"{processes} process(es): messages/s", round(delivered / seconds, 1), "msg/s"),
            figure(f"{processes} process(es): lost", size - delivered, "", equals=0),
            figure(f"{processes} process(es): sent twice", duplicates, "", equals=0),
        ]
    figures.append(
        figure(f"2 processes / 1 (sender latency {latency * 1000:.0f} ms)", round(rates[1] / rates[0], 2), "x")
    )
    token_size = min(size, 1500)  # at 30 a second: 50 s a run
    for processes in (1, 2):
        url = seed(database_url, token_size)
        got = on_one_token(url, processes, token_size)
        label = f"one token, {processes} process(es), {token_size:,} messages"
        figures += [
            figure(f"{label}: achieved rate / 30 msg/s", round(got["rate"] / TOKEN_RATE, 3), "", at_least=0.95),
            figure(f"{label}: 429 answers", got["rejected"], "", equals=0),
            figure(f"{label}: lost", got["lost"], "", equals=0),
            figure(f"{label}: sent twice", got["twice"], "", equals=0),
            figure(f"{label}: fewest messages one process sent", got["shares"], ""),
        ]
    return figures


def run(size: int, *, database_url: str | None = None) -> list[dict[str, Any]]:
    quiet()
    return measure(size, database_url, 0.05)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=3000)
    parser.add_argument("--database-url")
    parser.add_argument("--latency-ms", type=float, default=50)
    args = parser.parse_args()
    quiet()
    for fig in measure(args.size, args.database_url, args.latency_ms / 1000):
        print(f"{fig['name']}: {fig['value']} {fig['unit']}".rstrip())


if __name__ == "__main__":
    main()

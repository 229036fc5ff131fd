"""The outbox drained by one process and by two (not a test).

    .venv/bin/python bench/bench_scale.py [--size 3000] [--database-url URL] [--latency-ms 50]

N due messages to N chats. First one process, then (on a fresh copy of the rows) two
processes, each running chibot's outbox dispatcher against the same database, as two `chibot
run` processes would. The sender sends nothing but takes --latency-ms per message, as a round
trip to Telegram's servers does (the dispatcher sends one message at a time), and no rate limit
applies: this measures how the work is shared, not Telegram's 30 a second. Every row must be
sent exactly once in all.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

from common import figure, fresh_engine, quiet  # type: ignore[import-not-found]
from sqlalchemy import insert

from ground.clock import SystemClock
from ground.ports import SendResult
from services.dispatcher import Dispatcher
from storage.db import make_db_engine, session_scope
from storage.tables import ChatAccount, OutboxMessage, Person


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

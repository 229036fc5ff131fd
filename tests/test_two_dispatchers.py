"""Two bot processes on one PostgreSQL: every due row is sent exactly once (FOR UPDATE SKIP LOCKED)."""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from datetime import timedelta

import pytest
from sqlmodel import select

from ground.clock import ManualClock
from ground.ports import SendResult
from services.dispatcher import Dispatcher
from storage.db import make_db_engine, session_scope
from storage.tables import ChatAccount, OutboxMessage, Person
from storage.types import utcnow
from tests.support.db import TEST_DATABASE_URL, using_postgres

pytestmark = pytest.mark.skipif(
    not using_postgres(), reason="row locks (SKIP LOCKED) need PostgreSQL; SQLite has one writer"
)

ROWS = 300


class SlowSender:
    """Yields while sending, so the two dispatchers really interleave."""

    channel = "console"

    def __init__(self, sent: list[int], lock: threading.Lock) -> None:
        self.sent, self.lock = sent, lock

    async def send(self, chat_id: str, reply) -> SendResult:  # noqa: ANN001
        await asyncio.sleep(0.001)
        with self.lock:
            self.sent.append(int(reply.text))
        return SendResult("sent", message_id=reply.text)


def test_two_dispatchers_send_every_row_exactly_once(engine):
    now = utcnow()
    with session_scope(engine) as session:
        person = Person(full_name="Bí thư")
        session.add(person)
        session.flush()
        accounts = [
            ChatAccount(person_id=person.id, channel="console", external_user_id=f"u{i}", chat_id=f"u{i}")
            for i in range(10)
        ]
        session.add_all(accounts)
        session.flush()
        session.add_all(
            OutboxMessage(
                account_id=accounts[i % 10].id,
                kind="reminder",
                payload={"text": str(i)},
                due_at=now - timedelta(seconds=i % 7),
                dedupe_key=f"k{i}",
            )
            for i in range(ROWS)
        )
    second_engine = make_db_engine(TEST_DATABASE_URL)
    sent: list[int] = []
    lock = threading.Lock()
    clock = ManualClock(now)
    dispatchers = [
        Dispatcher(engine=eng, clock=clock, senders={"console": SlowSender(sent, lock)}, worker_id=f"w{n}", batch=10)
        for n, eng in enumerate((engine, second_engine))
    ]
    stats = [None, None]

    def run(n: int) -> None:
        stats[n] = asyncio.run(dispatchers[n].run_once())

    threads = [threading.Thread(target=run, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    second_engine.dispose()

    assert sorted(sent) == list(range(ROWS))  # every row, none twice
    assert stats[0].sent + stats[1].sent == ROWS
    assert stats[0].sent > 0 and stats[1].sent > 0  # both really worked
    with session_scope(engine) as session:
        rows = session.exec(select(OutboxMessage)).all()
    assert Counter(m.status for m in rows) == {"sent": ROWS}
    assert Counter(m.claimed_by for m in rows) == {"w0": stats[0].sent, "w1": stats[1].sent}

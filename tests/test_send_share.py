"""One send budget per bot token across processes: every process that sends with a token takes
its share, so the server never sees more than the token's rate, however many processes run."""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from datetime import timedelta

import pytest
from sqlmodel import select

from bot.channels.send_budget import SendBudget
from bot.channels.telegram_app import build_telegram_sender
from ground.clock import SystemClock
from services.dispatcher import Dispatcher
from services.send_share import SendShare, budget_key
from storage.db import make_db_engine, session_scope
from storage.tables import ChatAccount, OutboxMessage, Person, SendShareMember
from storage.types import utcnow
from tests.support.db import TEST_DATABASE_URL, using_postgres
from tests.support.fake_bot_api import DEFAULT_TOKEN, FakeBotApi

RATE = 10.0  # the token's rate in these tests: the fake server refuses the 11th send in a second
KEY = budget_key("telegram", DEFAULT_TOKEN)


def share(engine, worker: str, budget: SendBudget) -> SendShare:  # noqa: ANN001
    return SendShare(
        engine=engine,
        budget_key=KEY,
        worker=worker,
        total=RATE,
        set_rate=budget.set_rate,
        hold=budget.hold,
        interval=0.2,
        ttl=1.0,
    )


def queue_notices(engine, chats: int, per_chat: int) -> int:  # noqa: ANN001
    now = utcnow()
    with session_scope(engine) as session:
        person = Person(full_name="Bí thư")
        session.add(person)
        session.flush()
        accounts = [
            ChatAccount(person_id=person.id, channel="telegram", external_user_id=str(5000 + i), chat_id=str(5000 + i))
            for i in range(chats)
        ]
        session.add_all(accounts)
        session.flush()
        session.add_all(
            OutboxMessage(
                account_id=accounts[i % chats].id,
                kind="notice",
                payload={"text": f"Thông báo {i}"},
                due_at=now - timedelta(seconds=1),
                dedupe_key=f"n{i}",
            )
            for i in range(chats * per_chat)
        )
    return chats * per_chat


def test_the_token_is_shared_equally_and_a_process_that_leaves_gives_its_share_back(engine):
    first, second = SendBudget(RATE), SendBudget(RATE)
    a, b = share(engine, "host:1:a", first), share(engine, "host:2:b", second)
    assert a.beat() == (1, True)  # alone: the whole rate
    a._apply(1)
    assert first.capacity == 10
    assert b.beat() == (2, True)  # joins: sees the first, takes half
    b._apply(2)
    assert second.capacity == 5
    assert a.beat() == (2, False)  # the first sees it at its next beat and halves its own
    a._apply(2)
    assert first.capacity == 5
    b._leave()
    assert a.beat() == (1, False)
    a._update(1, now=100.0)  # the other left: its last second's sends still count at the server
    assert first.capacity == 5
    a._update(1, now=100.0 + a.window)  # a window later the whole rate is this one's again
    assert first.capacity == 10
    with session_scope(engine) as session:
        rows = session.exec(select(SendShareMember)).all()
        assert [(r.budget_key, r.worker) for r in rows] == [(KEY, "host:1:a")]
        assert KEY.startswith("telegram:") and DEFAULT_TOKEN not in KEY  # the token is not stored


def test_a_process_that_died_is_forgotten_and_its_share_taken_back(engine):
    budget = SendBudget(RATE)
    alive = share(engine, "host:1:alive", budget)
    with session_scope(engine) as session:
        session.add(
            SendShareMember(
                budget_key=KEY,
                worker="host:9:dead",
                joined_at=utcnow() - timedelta(minutes=1),
                seen_at=utcnow() - timedelta(seconds=30),
            )
        )
        session.add(SendShareMember(budget_key="zalo:other", worker="host:9:dead", seen_at=utcnow()))
    assert alive.beat() == (1, True)  # the dead one is not counted (and is forgotten)
    with session_scope(engine) as session:
        assert sorted(r.worker for r in session.exec(select(SendShareMember))) == ["host:1:alive", "host:9:dead"]


@pytest.mark.skipif(not using_postgres(), reason="several processes on one token share a PostgreSQL database")
async def test_two_dispatchers_on_one_token_never_exceed_its_rate_at_the_server(engine):
    queued = queue_notices(engine, chats=20, per_chat=4)
    second_engine = make_db_engine(TEST_DATABASE_URL)
    done: list[int] = []

    async with FakeBotApi(max_send_rate=RATE) as server:  # 429 for the 11th send in any second

        def process(n: int, eng) -> None:  # noqa: ANN001
            async def run() -> None:
                budget = SendBudget(RATE)
                own = share(eng, f"host:{n}:p{n}", budget)
                from ground.settings import Settings

                settings = Settings(_env_file=None, telegram_bot_token=DEFAULT_TOKEN)  # type: ignore[call-arg]
                sender = build_telegram_sender(
                    settings, base_url=server.base_url, base_file_url=server.base_file_url, budget=budget
                )
                dispatcher = Dispatcher(
                    engine=eng, clock=SystemClock(), senders={"telegram": sender}, worker_id=f"host:{n}:p{n}", batch=5
                )
                await own.start()
                try:
                    while True:  # as the scheduler does: run while something is due
                        await dispatcher.run_once()
                        with session_scope(eng) as session:
                            left = session.exec(
                                select(OutboxMessage.id).where(OutboxMessage.status.in_(("pending", "sending")))
                            ).first()
                        if left is None:
                            break
                        await asyncio.sleep(0.2)
                finally:
                    await own.stop()
                    await sender.aclose()
                    await budget.aclose()
                done.append(budget.given[1])

            asyncio.run(run())

        threads = [threading.Thread(target=process, args=(n, eng)) for n, eng in enumerate((engine, second_engine))]
        for thread in threads:
            thread.start()
        await asyncio.to_thread(lambda: [t.join(timeout=60) for t in threads])
        sends = server.calls_of("sendMessage")
    second_engine.dispose()

    assert [c for c in sends if c.status == 429] == []  # the server never saw more than 10 in a second
    per_chat = Counter(str(c.params["chat_id"]) for c in sends if c.status == 200)
    assert sum(per_chat.values()) == queued and set(per_chat.values()) == {4}  # none lost, none doubled
    assert len(done) == 2 and min(done) > 0  # both processes sent
    with session_scope(engine) as session:
        assert {m.status for m in session.exec(select(OutboxMessage))} == {"sent"}
        assert session.exec(select(SendShareMember)).all() == []  # both left

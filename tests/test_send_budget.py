"""One send budget per bot token: interactive replies and outbox delivery share Telegram's rate,
interactive replies first, and a 429 pauses everyone who sends with the token."""

from __future__ import annotations

import asyncio

from sqlmodel import Session, select

from bot.channels.send_budget import BACKGROUND, INTERACTIVE, OUTBOX, SendBudget
from bot.channels.telegram_app import TelegramChannel
from bot.runtime import Runtime
from ground.messages import Reply
from services import outbox
from storage.db import session_scope
from storage.tables import ChatAccount, OutboxMessage, Person

SECRETARIES = [9001 + i for i in range(24)]
TYPING_USERS = [7001, 7002, 7003]


async def test_waiting_requests_are_served_interactive_first_then_outbox_then_typing():
    budget = SendBudget(20, window=0.1)  # two slots per tenth of a second
    served: list[str] = []

    async def take(name: str, priority: int) -> None:
        await budget.acquire(priority)
        served.append(name)

    await take("first", OUTBOX)
    await take("second", OUTBOX)  # the window is full now
    tasks = []
    for name, priority in [
        ("broadcast 1", OUTBOX),
        ("typing", BACKGROUND),
        ("broadcast 2", OUTBOX),
        ("answer 1", INTERACTIVE),
        ("answer 2", INTERACTIVE),
    ]:
        tasks.append(asyncio.create_task(take(name, priority)))
        await asyncio.sleep(0)  # queued in this order
    await asyncio.gather(*tasks)
    await budget.aclose()
    assert served == ["first", "second", "answer 1", "answer 2", "broadcast 1", "broadcast 2", "typing"]
    assert budget.given == {INTERACTIVE: 2, OUTBOX: 4, BACKGROUND: 1}


async def test_a_pause_for_retry_after_holds_every_sender_back():
    budget = SendBudget(30)
    await budget.acquire(INTERACTIVE)
    budget.pause(5)
    for priority in (INTERACTIVE, OUTBOX):
        try:
            await asyncio.wait_for(budget.acquire(priority), 0.3)
        except TimeoutError:
            pass
        else:  # pragma: no cover - the assertion below names the failure
            raise AssertionError(f"a slot was given during the pause (priority {priority})")
    assert budget.given[INTERACTIVE] == 1 and budget.given[OUTBOX] == 0
    await budget.aclose()


async def test_a_request_counts_until_a_window_after_its_answer_not_after_it_was_given():
    # A request may reach the server any time before its answer comes back: a slot only frees a
    # window after that answer, however long the request took.
    budget = SendBudget(20, window=0.1)  # two slots per tenth of a second
    answered = [asyncio.Event(), asyncio.Event()]
    entered = asyncio.Event()
    count = 0

    async def slow_request(n: int) -> None:
        nonlocal count
        async with budget.slot(OUTBOX):
            count += 1
            if count == 2:
                entered.set()
            await answered[n].wait()  # the server takes its time

    requests = [asyncio.create_task(slow_request(n)) for n in range(2)]
    await entered.wait()
    try:  # three windows later both are still unanswered: nothing is free
        await asyncio.wait_for(budget.acquire(INTERACTIVE), 0.3)
    except TimeoutError:
        pass
    else:  # pragma: no cover - the assertion below names the failure
        raise AssertionError("a slot was given while both requests of the window were unanswered")
    answered[0].set()
    await asyncio.wait_for(budget.acquire(INTERACTIVE), 5)  # free a window after the answer
    assert budget.given == {INTERACTIVE: 1, OUTBOX: 2, BACKGROUND: 0}
    answered[1].set()
    await asyncio.gather(*requests)
    await budget.aclose()


def test_a_share_of_the_rate_is_never_rounded_up_and_slow_rates_space_their_slots():
    budget = SendBudget(30)
    budget.set_rate(30 / 4)  # four processes on one token: 7 each (28 in all), not 8 (32)
    assert budget.capacity == 7
    budget.set_rate(30 / 2)
    assert budget.capacity == 15
    slow = SendBudget(0.5)  # one message every two seconds
    assert (slow.capacity, round(slow.window - slow.margin, 6)) == (1, 2.0)


def seed_secretaries(engine, clock) -> None:  # noqa: ANN001
    with session_scope(engine) as session:
        for chat in SECRETARIES:
            person = Person(full_name=f"Bí thư {chat}")
            session.add(person)
            session.flush()
            account = ChatAccount(
                person_id=person.id, channel="telegram", external_user_id=str(chat), chat_id=str(chat)
            )
            session.add(account)
            session.flush()
            outbox.enqueue(
                session=session,
                account_id=account.id,
                kind="notice",
                reply=Reply(text=f"Thông báo {chat}"),
                due_at=clock.now(),
                dedupe_key=f"notice-{chat}",
            )


async def test_a_broadcast_and_conversations_share_the_tokens_rate_without_one_429(engine, clock, tg_settings):
    from bot.app import build_app
    from tests.support.fake_bot_api import FakeBotApi

    # Six a second for the token; the server refuses past ten: two budgets of six (one for the
    # answers, one for the outbox) would overrun it, one shared budget leaves room for jitter.
    settings = tg_settings.model_copy(update={"telegram_max_per_second": 6.0})
    chibot = build_app(settings, clock=clock, engine=engine, migrate=False)
    seed_secretaries(engine, clock)
    async with FakeBotApi(max_send_rate=10) as server:  # answers 429 past 10 sends in a second
        channel = TelegramChannel(
            settings, base_url=server.base_url, base_file_url=server.base_file_url, poll_timeout=1
        )
        async with Runtime(chibot, [channel], reminder_jobs=False):
            await server.wait_for("sendMessage", chat_id=SECRETARIES[0], timeout=30)
            for user in TYPING_USERS:  # people write while the broadcast is going out
                server.push_message(user, user, "/start")
            for user in TYPING_USERS:
                await server.wait_for("sendMessage", chat_id=user, timeout=30, ok=True)
            await server.wait_for("sendMessage", chat_id=SECRETARIES[-1], timeout=60, ok=True)
        sends = [c for c in server.calls if c.method.startswith(("send", "edit"))]
    assert [c for c in sends if c.status == 429] == []
    delivered = [int(c.params["chat_id"]) for c in sends if c.method == "sendMessage" and c.status == 200]
    assert sorted(chat for chat in delivered if chat in SECRETARIES) == SECRETARIES  # each once, none lost
    last_notice = max(i for i, chat in enumerate(delivered) if chat in SECRETARIES)
    # The answers did not wait behind the rest of the broadcast.
    assert all(delivered.index(user) < last_notice for user in TYPING_USERS)
    with Session(engine) as session:
        assert {m.status for m in session.exec(select(OutboxMessage))} == {"sent"}


async def test_typing_goes_only_with_spare_capacity_and_never_waits_for_a_slot():
    from bot.channels.send_budget import BudgetRateLimiter

    budget = SendBudget(40, window=0.1)  # four slots per tenth of a second
    limiter = BudgetRateLimiter(budget, priority=INTERACTIVE)
    sent: list[str] = []

    async def request(endpoint: str) -> bool:
        sent.append(endpoint)
        return True

    async def send(endpoint: str) -> object:
        return await limiter.process_request(request, (endpoint,), {}, endpoint, {"chat_id": 7001}, None)

    assert await send("sendChatAction") is True  # an idle budget: "typing…" is shown
    await send("sendMessage")  # two of four slots taken now: half the window
    # The budget is half used: "typing…" is answered at once and not sent, so the answer
    # that follows gets the slot.
    assert await send("sendChatAction") is True
    await send("sendMessage")
    assert sent == ["sendChatAction", "sendMessage", "sendMessage"]
    assert limiter.skipped == 1
    assert budget.given == {INTERACTIVE: 2, OUTBOX: 0, BACKGROUND: 1}
    await budget.aclose()


async def test_typing_is_dropped_while_answers_wait_for_the_budget():
    budget = SendBudget(20, window=0.1)  # two slots per tenth of a second
    await budget.acquire(INTERACTIVE)
    assert not budget.spare()  # one of two taken: no room to spare for "typing…"
    budget = SendBudget(30)
    assert budget.spare()
    await budget.acquire(OUTBOX)
    waiting = [asyncio.create_task(budget.acquire(OUTBOX)) for _ in range(40)]  # a broadcast
    await asyncio.sleep(0)
    assert not budget.spare()  # messages wait: "typing…" would only take one's place
    for task in waiting:
        task.cancel()
    await asyncio.gather(*waiting, return_exceptions=True)
    await budget.aclose()

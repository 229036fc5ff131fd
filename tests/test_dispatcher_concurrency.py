"""The dispatcher sends to several chats at once: one chat's messages keep their order, every
row is sent once, and a dispatcher run from one asyncio.run after another (the console's
way) keeps working."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from ground.messages import Reply
from ground.ports import SendResult
from services import outbox
from services.dispatcher import Dispatcher
from storage.db import session_scope
from storage.tables import ChatAccount, Person


class SlowSender:
    """Yields while sending, so the chats really overlap."""

    channel = "console"

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []
        self.at_once = 0
        self.most_at_once = 0

    async def send(self, chat_id: str, reply: Reply) -> SendResult:
        self.at_once += 1
        self.most_at_once = max(self.most_at_once, self.at_once)
        await asyncio.sleep(0.01)
        self.at_once -= 1
        self.sent.append((chat_id, reply.text))
        return SendResult("sent", message_id=str(len(self.sent)))


def queue(engine, clock, chats: list[str], per_chat: int, tag: str) -> None:  # noqa: ANN001
    with session_scope(engine) as session:
        for chat in chats:
            person = Person(full_name=f"Bí thư {chat}")
            session.add(person)
            session.flush()
            account = ChatAccount(
                person_id=person.id, channel="console", external_user_id=f"{tag}{chat}", chat_id=f"{tag}{chat}"
            )
            session.add(account)
            session.flush()
            for n in range(per_chat):
                outbox.enqueue(
                    session=session,
                    account_id=account.id,
                    kind="notice",
                    reply=Reply(text=f"tin {n + 1}"),
                    due_at=clock.now() - timedelta(seconds=1),
                    dedupe_key=f"{tag}{chat}-{n}",
                )


def test_several_chats_at_once_each_in_order_across_event_loops(engine, clock):
    sender = SlowSender()
    dispatcher = Dispatcher(engine=engine, clock=clock, senders={"console": sender}, concurrency=4)
    heard: list[int] = []

    async def slow_listener(event) -> None:  # noqa: ANN001
        await asyncio.sleep(0.005)  # listeners wait for each other: the lock is contended
        heard.append(event.message_id)

    dispatcher.listeners.append(slow_listener)
    for tag in ("a", "b"):  # two dispatches, each in a new event loop, as the console runs them
        queue(engine, clock, ["1", "2", "3", "4", "5", "6"], 3, tag)
        stats = asyncio.run(dispatcher.run_once())
        assert stats.sent == 18
    assert len(sender.sent) == len(set(heard)) == 36
    assert 1 < sender.most_at_once <= 4
    for tag in ("a", "b"):
        for chat in "123456":
            texts = [text for chat_id, text in sender.sent if chat_id == f"{tag}{chat}"]
            assert texts == ["tin 1", "tin 2", "tin 3"]


class HeldSender:
    """Holds the first chat's message until a message of a later batch has started going out."""

    channel = "console"

    def __init__(self, held_chat: str, until_chat: str) -> None:
        self.held_chat, self.until_chat = held_chat, until_chat
        self.sent: list[tuple[str, str]] = []
        self.later_started = asyncio.Event()

    async def send(self, chat_id: str, reply: Reply) -> SendResult:
        if chat_id == self.until_chat:
            self.later_started.set()
        if chat_id == self.held_chat:
            await asyncio.wait_for(self.later_started.wait(), 10)
        await asyncio.sleep(0)
        self.sent.append((chat_id, reply.text))
        return SendResult("sent", message_id=str(len(self.sent)))


def test_the_next_batch_goes_out_while_a_slow_chat_of_the_last_one_is_still_sending(engine, clock):
    # Batches of 4: chat c1's message waits until c6 (second batch) is being sent. Claiming only
    # after a whole batch had finished would leave c1 waiting and the run stuck.
    queue(engine, clock, ["1", "2", "3", "4", "5", "6", "7", "8"], 1, "c")
    queue(engine, clock, ["1"], 2, "d")  # d1 has two messages, one in each batch (claimed by due time, id)
    sender = HeldSender(held_chat="c1", until_chat="c6")
    dispatcher = Dispatcher(engine=engine, clock=clock, senders={"console": sender}, batch=4, concurrency=2)
    stats = asyncio.run(dispatcher.run_once())
    assert stats.sent == 10
    chats = [chat for chat, _ in sender.sent]
    assert chats.index("c6") < chats.index("c1")  # the later batch did not wait for the slow chat
    assert sorted(chats) == sorted([f"c{n}" for n in range(1, 9)] + ["d1", "d1"])
    assert [text for chat, text in sender.sent if chat == "d1"] == ["tin 1", "tin 2"]  # in order

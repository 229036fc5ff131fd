"""The runtime: channels started inside it, the outbox delivered when a commit queues a row
(whoever commits it), and nothing left running after it stops."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlmodel import Session, select
from telegram.error import NetworkError

from bot.channels.telegram_app import TelegramChannel
from bot.runtime import Runtime
from ground.messages import Reply
from ground.ports import CONSOLE_CAPABILITIES, SendResult
from services import invites, outbox
from storage.db import session_scope
from storage.queries.reminders import insert_outbox_rows
from storage.tables import ChatAccount, OutboxMessage, Person

SECRETARY = 4001


def telegram(server, chibot) -> TelegramChannel:
    return TelegramChannel(
        chibot.settings, base_url=server.base_url, base_file_url=server.base_file_url, poll_timeout=1
    )


def ours_still_running() -> list[asyncio.Task]:
    """Tasks of chibot, python-telegram-bot or APScheduler (the fake Bot API's may linger)."""
    words = ("telegram", "apscheduler", "Application", "Updater", "/bot/", "/services/")
    return [t for t in asyncio.all_tasks() if t is not asyncio.current_task() and any(w in repr(t) for w in words)]


def quiet_safety_net(runtime: Runtime) -> None:
    """Pause the minutely tick, so only a wake-up after commit can deliver."""
    runtime.scheduler.get_job("dispatch-safety-net").pause()


async def test_a_row_queued_outside_the_core_is_delivered_on_telegram_by_the_commit(server, chibot):
    with session_scope(chibot.engine) as session:
        code, _ = invites.create_invite(
            session=session,
            unit_code="CB01",
            role="secretary",
            expires_in=timedelta(days=1),
            label="Bí thư CB01",
            now=chibot.clock.now(),
        )
    channel = telegram(server, chibot)
    async with Runtime(chibot, [channel], reminder_jobs=False) as runtime:
        application, sender = channel.application, channel.sender
        assert ours_still_running()  # polling, the scheduler
        server.push_message(SECRETARY, SECRETARY, f"/start {code}")
        (welcome,) = await server.wait_for("sendMessage", chat_id=SECRETARY)
        assert welcome.params["text"].startswith("Chào mừng đồng chí!")
        quiet_safety_net(runtime)
        mark = server.mark()

        # A service called in a plain transaction, in a worker thread like the core's: no
        # handler, no flag, no explicit wake.
        def remind() -> None:
            with session_scope(chibot.engine) as session:
                account = session.exec(select(ChatAccount).where(ChatAccount.channel == "telegram")).one()
                outbox.enqueue(
                    session=session,
                    account_id=account.id,
                    kind="notice",
                    reply=Reply(text="Nhắc: nộp báo cáo <141>"),
                    due_at=chibot.clock.now(),
                    dedupe_key="outside-the-core",
                )

        await asyncio.to_thread(remind)
        (sent,) = await server.wait_for("sendMessage", chat_id=SECRETARY, since=mark)
        assert sent.params["text"] == "Nhắc: nộp báo cáo &lt;141&gt;"
        assert chibot.senders["telegram"] is channel.sender
    with Session(chibot.engine) as session:
        (row,) = session.exec(select(OutboxMessage)).all()
        assert row.status == "sent"
    # Stopped: no scheduler, no polling, no sender left behind.
    assert not runtime.scheduler.running
    assert not application.running and not application.updater.running
    assert "telegram" not in chibot.senders and not sender._initialized
    assert ours_still_running() == []


class RecordingChannel:
    """The smallest channel: no inbound, a sender that keeps what it is given. What a Zalo
    channel implements, with nothing in the runtime changed."""

    name = "console"
    capabilities = CONSOLE_CAPABILITIES

    def __init__(self) -> None:
        self.sender = None
        self.sent: list[tuple[str, str]] = []
        self.delivered = asyncio.Event()
        self.stopped = False

    async def start(self, runtime) -> None:  # noqa: ANN001
        self.sender = RecordingSender(self)

    async def stop(self) -> None:
        self.stopped = True


class RecordingSender:
    channel = "console"

    def __init__(self, owner: RecordingChannel) -> None:
        self.owner = owner

    async def send(self, chat_id: str, reply: Reply) -> SendResult:
        self.owner.sent.append((chat_id, reply.text))
        self.owner.delivered.set()
        return SendResult("sent", message_id=str(len(self.owner.sent)))


def console_account(engine) -> int:  # noqa: ANN001
    with session_scope(engine) as session:
        person = Person(full_name="Lê Thị Hoa")
        session.add(person)
        session.flush()
        account = ChatAccount(person_id=person.id, channel="console", external_user_id="hoa", chat_id="hoa")
        session.add(account)
        session.flush()
        return account.id


async def test_a_bulk_insert_of_planned_rows_wakes_the_dispatcher(chibot):
    account_id = console_account(chibot.engine)
    channel = RecordingChannel()
    async with Runtime(chibot, [channel], reminder_jobs=False) as runtime:
        quiet_safety_net(runtime)
        rows = [
            {
                "account_id": account_id,
                "kind": "reminder",
                "payload": {"text": f"Nhắc lần {i}"},
                "due_at": chibot.clock.now(),
                "dedupe_key": f"bulk-{i}",
                "directive_id": None,
                "assignment_id": None,
            }
            for i in (1, 2)
        ]

        def plan() -> None:
            with session_scope(chibot.engine) as session:
                insert_outbox_rows(session=session, rows=rows, now=chibot.clock.now())

        await asyncio.to_thread(plan)
        await asyncio.wait_for(channel.delivered.wait(), 30)
        while len(channel.sent) < 2:
            await asyncio.sleep(0.01)
    assert channel.sent == [("hoa", "Nhắc lần 1"), ("hoa", "Nhắc lần 2")]
    assert channel.stopped


async def test_a_channel_that_fails_to_start_stops_the_ones_started_before(server, chibot):
    first = RecordingChannel()
    broken = TelegramChannel(
        chibot.settings, base_url="http://127.0.0.1:9/bot", base_file_url="http://127.0.0.1:9/file/bot"
    )
    runtime = Runtime(chibot, [first, broken], reminder_jobs=False)
    with pytest.raises(NetworkError):  # nothing listens on port 9
        await runtime.start()
    assert first.stopped
    assert not runtime.scheduler.running
    assert chibot.senders == {}


def test_a_channel_runs_once_per_runtime(chibot):
    with pytest.raises(ValueError, match="once"):
        Runtime(chibot, [RecordingChannel(), RecordingChannel()])


async def test_the_reminder_jobs_run_on_the_runtimes_scheduler(chibot):
    async with Runtime(chibot, [RecordingChannel()]) as runtime:
        assert {job.id for job in runtime.scheduler.get_jobs()} >= {"dispatch-safety-net", "reminder-jobs"}


async def test_a_process_running_some_channels_leaves_the_others_messages_pending(chibot):
    console = console_account(chibot.engine)
    with session_scope(chibot.engine) as session:
        zalo = ChatAccount(
            person_id=session.get(ChatAccount, console).person_id, channel="zalo", external_user_id="z1", chat_id="z1"
        )
        session.add(zalo)
        session.flush()
        for account_id, key in ((zalo.id, "to-zalo"), (console, "to-console")):
            outbox.enqueue(
                session=session,
                account_id=account_id,
                kind="notice",
                reply=Reply(text=key),
                due_at=chibot.clock.now(),
                dedupe_key=key,
            )
    channel = RecordingChannel()
    async with Runtime(chibot, [channel], reminder_jobs=False):
        await asyncio.wait_for(channel.delivered.wait(), 30)
    assert channel.sent == [("hoa", "to-console")]
    with Session(chibot.engine) as session:
        rows = {m.dedupe_key: (m.status, m.attempts) for m in session.exec(select(OutboxMessage))}
    assert rows == {"to-console": ("sent", 1), "to-zalo": ("pending", 0)}  # for the process that runs Zalo
    assert chibot.dispatcher.next_due(["console"]) is None

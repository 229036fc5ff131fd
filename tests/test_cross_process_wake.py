"""Cross-process wake: a row committed by another process (a console, a web dashboard, a second
bot) is delivered without waiting for the minutely safety net. PostgreSQL notifies (LISTEN/NOTIFY);
SQLite is polled for due rows."""

from __future__ import annotations

import asyncio
import threading

import pytest
from sqlalchemy.engine import Engine

from bot.runtime import Runtime
from ground.messages import Reply
from services import outbox
from storage.db import make_db_engine, session_scope
from storage.outbox_wake import OutboxListener
from storage.tables import Person
from tests.support.db import using_postgres
from tests.test_runtime import RecordingChannel, console_account, quiet_safety_net


def another_process(engine: Engine) -> Engine:
    """An engine of its own on the same database: its commits never reach this engine's
    in-process subscribers, as if a second program had made them."""
    return make_db_engine(engine.url.render_as_string(hide_password=False))


def queue_from(engine: Engine, account_id: int, key: str, now) -> None:  # noqa: ANN001
    with session_scope(engine) as session:
        outbox.enqueue(
            session=session, account_id=account_id, kind="notice", reply=Reply(text=key), due_at=now, dedupe_key=key
        )


async def test_a_message_queued_by_another_process_goes_out_without_the_safety_net(chibot):
    account_id = console_account(chibot.engine)
    console = another_process(chibot.engine)
    channel = RecordingChannel()
    try:
        async with Runtime(chibot, [channel], reminder_jobs=False) as runtime:
            quiet_safety_net(runtime)
            if runtime.listener.supported:
                assert await asyncio.to_thread(runtime.listener.listening.wait, 10)
            await asyncio.sleep(0.3)  # the first safety-net tick has found nothing
            await asyncio.to_thread(queue_from, console, account_id, "Đã giao 141-CV/ĐUK", chibot.clock.now())
            # Paused safety net: only the other process's notification (or the poll) can deliver.
            await asyncio.wait_for(channel.delivered.wait(), 30)
    finally:
        console.dispose()
    assert channel.sent == [("hoa", "Đã giao 141-CV/ĐUK")]


@pytest.mark.skipif(not using_postgres(), reason="LISTEN/NOTIFY is PostgreSQL's")
def test_the_listener_hears_commits_of_other_processes_that_queue_messages_and_nothing_else(engine, clock):
    account_id = console_account(engine)
    heard = threading.Semaphore(0)
    listener = OutboxListener(engine, heard.release, poll_seconds=0.2)
    other = another_process(engine)
    listener.start()
    try:
        assert listener.listening.wait(10)
        with session_scope(other) as session:
            session.add(Person(full_name="Trần Văn Tâm"))  # no outbox row: no notification
        with pytest.raises(RuntimeError), session_scope(other) as session:
            outbox.enqueue(
                session=session,
                account_id=account_id,
                kind="notice",
                reply=Reply(text="rolled back"),
                due_at=clock.now(),
                dedupe_key="rolled-back",
            )
            raise RuntimeError("the change that caused it failed")
        assert not heard.acquire(timeout=1.0)
        queue_from(other, account_id, "a", clock.now())
        assert heard.acquire(timeout=10)
        assert not heard.acquire(timeout=0.5)  # once per commit
    finally:
        listener.stop()
        other.dispose()

"""The wake-up after commit: any commit that makes an outbox row due calls the subscribers of
its engine, once, after the commit; nothing else does."""

from __future__ import annotations

import pytest

from ground.messages import Reply
from services import outbox
from storage.db import session_scope
from storage.outbox_wake import on_outbox_commit
from storage.queries import outbox as outbox_queries
from storage.queries.reminders import cancel_pending_for_account, insert_outbox_rows, set_status
from storage.tables import ChatAccount, OutboxMessage, Person


@pytest.fixture
def wakes(engine):
    seen: list[int] = []
    unsubscribe = on_outbox_commit(engine, lambda: seen.append(len(seen)))
    yield seen
    unsubscribe()


@pytest.fixture
def account_id(engine, clock) -> int:
    with session_scope(engine) as session:
        person = Person(full_name="Lê Thị Hoa")
        session.add(person)
        session.flush()
        account = ChatAccount(person_id=person.id, channel="console", external_user_id="hoa", chat_id="hoa")
        session.add(account)
        session.flush()
        return account.id


def queue(engine, account_id: int, key: str, due_at) -> None:  # noqa: ANN001
    with session_scope(engine) as session:
        outbox.enqueue(
            session=session, account_id=account_id, kind="notice", reply=Reply(text=key), due_at=due_at, dedupe_key=key
        )


def test_queueing_a_message_wakes_once_after_the_commit(engine, clock, account_id, wakes):
    with session_scope(engine) as session:
        outbox.enqueue(
            session=session,
            account_id=account_id,
            kind="notice",
            reply=Reply(text="a"),
            due_at=clock.now(),
            dedupe_key="a",
        )
        outbox.enqueue(
            session=session,
            account_id=account_id,
            kind="notice",
            reply=Reply(text="b"),
            due_at=clock.now(),
            dedupe_key="b",
        )
        assert wakes == []  # the savepoints of enqueue are released, the rows not yet committed
    assert wakes == [0]


def test_a_bulk_insert_wakes(engine, clock, account_id, wakes):
    with session_scope(engine) as session:
        insert_outbox_rows(
            session=session,
            rows=[
                {
                    "account_id": account_id,
                    "kind": "reminder",
                    "payload": {"text": "x"},
                    "due_at": clock.now(),
                    "dedupe_key": "r1",
                    "directive_id": None,
                    "assignment_id": None,
                }
            ],
            now=clock.now(),
        )
    assert wakes == [0]


def test_a_rolled_back_message_does_not_wake(engine, clock, account_id, wakes):
    with pytest.raises(RuntimeError), session_scope(engine) as session:
        outbox.enqueue(
            session=session,
            account_id=account_id,
            kind="notice",
            reply=Reply(text="a"),
            due_at=clock.now(),
            dedupe_key="a",
        )
        raise RuntimeError("the change that caused it failed")
    with session_scope(engine) as session:
        session.add(Person(full_name="Trần Văn Tâm"))
    assert wakes == []


def test_claiming_sending_and_cancelling_do_not_wake_but_a_retry_does(engine, clock, account_id, wakes):
    queue(engine, account_id, "a", clock.now())
    queue(engine, account_id, "b", clock.now())
    wakes.clear()
    with session_scope(engine) as session:
        (first, second) = [m.id for m, _ in outbox_queries.claim_due(session=session, now=clock.now(), worker="w")]
    with session_scope(engine) as session:
        outbox_queries.mark_sent(session=session, message_id=first, worker="w", now=clock.now(), channel_message_id="1")
    with session_scope(engine) as session:
        cancel_pending_for_account(session=session, account_id=account_id, reason="left the cell")
    assert wakes == []
    with session_scope(engine) as session:
        outbox_queries.mark_retry(session=session, message_id=second, worker="w", due_at=clock.now(), reason="429")
    assert wakes == [0]
    with session_scope(engine) as session:
        set_status(session=session, ids=[second], status="pending")
    assert wakes == [0, 1]


def test_only_the_engines_own_subscribers_are_woken(engine, clock, account_id, tmp_path):
    from sqlmodel import SQLModel

    from storage.db import make_db_engine

    other = make_db_engine(f"sqlite:///{tmp_path / 'other.db'}")
    SQLModel.metadata.create_all(other)
    theirs: list[str] = []
    unsubscribe = on_outbox_commit(other, lambda: theirs.append("woken"))
    try:
        queue(engine, account_id, "a", clock.now())
        assert theirs == []
    finally:
        unsubscribe()
        other.dispose()
    with session_scope(engine) as session:
        assert session.get(OutboxMessage, 1) is not None

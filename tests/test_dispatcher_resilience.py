"""The dispatcher when the database goes away for a moment: nothing lost, nothing doubled."""

from __future__ import annotations

import asyncio

from sqlmodel import Session, select

from ground.messages import Reply
from services import outbox
from services.dispatcher import Dispatcher
from storage.db import make_db_engine
from storage.tables import OutboxMessage
from tests.support.chat import RecordingSender


def test_a_briefly_unreachable_database_loses_nothing_and_sends_once(org, app, clock, tmp_path):
    with Session(app.engine) as session:
        from storage.tables import ChatAccount

        account = session.exec(select(ChatAccount).where(ChatAccount.external_user_id == "u-cb01")).one()
        outbox.enqueue(
            session=session,
            account_id=account.id,
            kind="notice",
            reply=Reply(text="Nhắc việc"),
            due_at=clock.now(),
            dedupe_key="resilience",
        )
        session.commit()
    sender = RecordingSender("console")
    down = make_db_engine(f"sqlite:///{tmp_path / 'missing-folder' / 'db.sqlite'}")
    dispatcher = Dispatcher(engine=down, clock=clock, senders={"console": sender})
    stats = asyncio.run(dispatcher.run_once())  # the database cannot be opened: no exception
    assert (stats.sent, stats.failed) == (0, 0)
    dispatcher.engine = app.engine  # the database is back
    assert asyncio.run(dispatcher.run_once()).sent == 1
    assert asyncio.run(dispatcher.run_once()).sent == 0
    assert sender.texts_to("u-cb01") == ["Nhắc việc"]
    with Session(app.engine) as session:
        row = session.exec(select(OutboxMessage).where(OutboxMessage.dedupe_key == "resilience")).one()
    assert row.status == "sent"

"""A web process and a stopped bot on one database (issue 15): a directive published on the
dashboard while no process runs the cells' channel waits in the outbox, untouched by a bot
that runs other channels, for as long as it takes; when the channel's process comes, every cell
gets it once. `chibot web` runs no dispatcher; the test's web app is the same app."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlmodel import select

from services.dispatcher import Dispatcher
from storage.db import session_scope
from storage.tables import ChatAccount, OutboxMessage
from tests.support.chat import RecordingSender
from tests.support.web import sign_in
from tests.test_web_new import TEXT_141, review_form, start


def console_rows(app) -> list[OutboxMessage]:  # noqa: ANN001
    with session_scope(app.engine) as session:
        return list(
            session.exec(
                select(OutboxMessage)
                .join(ChatAccount, ChatAccount.id == OutboxMessage.account_id)
                .where(ChatAccount.channel == "console")
            ).all()
        )


def test_published_on_the_web_while_the_bot_is_stopped_waits_and_goes_out_once(app, org, web, clock):
    browser = sign_in(web(), org["staff"])
    start(browser, text=TEXT_141)
    form = review_form(browser.get("/new/review").text)
    assert browser.post("/new/review", data={**form, "action": "publish"}).status_code == 303
    waiting = console_rows(app)
    assert waiting and {r.status for r in waiting} == {"pending"}

    # Two hours with only a Telegram bot up: it claims none of them, gives none up.
    telegram_only = Dispatcher(engine=app.engine, clock=clock, senders={"telegram": RecordingSender("telegram")})
    for _ in range(12):
        clock.advance(timedelta(minutes=10))
        assert asyncio.run(telegram_only.run_once()).sent == 0
    rows = console_rows(app)
    assert {r.status for r in rows} == {"pending"} and {r.attempts for r in rows} == {0}

    # The cells' channel is back: each message goes out once.
    sender = RecordingSender("console")
    back = Dispatcher(engine=app.engine, clock=clock, senders={"console": sender})
    while asyncio.run(back.run_once()).sent:
        pass
    due = [r for r in console_rows(app) if r.due_at <= clock.now()]
    assert due and {r.status for r in due} == {"sent"}  # reminders for later deadlines still wait
    new_directive = [(chat, r.text) for chat, r in sender.sent if r.text.startswith("Văn bản mới")]
    chats = [chat for chat, _text in new_directive]
    assert len(chats) == len(set(chats)) and "u-cb01" in chats
    assert all("141-CV/ĐUK" in text for _chat, text in new_directive)

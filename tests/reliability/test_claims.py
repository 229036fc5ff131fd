"""The claim, attempt and outcome of each outbox row, as one process dying at any moment leaves
them: a row claimed and never attempted goes out again at once (its claimer is dead) or after
its lease (its claimer may be alive, and then never sends it); a row in flight is the only one
a chat may get twice; a channel that stops after the claim costs its rows no attempt."""

from __future__ import annotations

import asyncio
import socket
import subprocess
from datetime import timedelta

from sqlmodel import select

from bot.cli_outbox import render
from ground.messages import Reply
from services.dispatcher import Dispatcher, worker_is_gone
from storage.db import session_scope
from storage.queries import outbox as outbox_queries
from storage.tables import OutboxMessage
from tests.support.chat import deliver

TEXT = "Đề nghị các chi bộ hoàn thành báo cáo trước 17h00 ngày 20/8/2021."
SECRETARIES = ["u-cb01", "u-cb02", "u-cb03", "u-cb04", "u-cb05", "u-db1-cb1"]


def queue_broadcast(staff) -> None:  # noqa: ANN001
    staff.send("/broadcast")
    staff.send(TEXT)
    staff.press("Tất cả chi bộ")
    staff.press("Gửi")


def dead_worker() -> str:
    """The worker id a process on this host had, once that process has exited."""
    finished = subprocess.Popen(["true"])
    finished.wait()
    return f"{socket.gethostname()[:40]}:{finished.pid}:0badc0de"


def broadcast_rows(app) -> dict[int, OutboxMessage]:  # noqa: ANN001
    with session_scope(app.engine) as session:
        return {m.id: m for m in session.exec(select(OutboxMessage).where(OutboxMessage.kind == "broadcast"))}


def test_a_worker_on_this_host_is_gone_when_its_process_is(app) -> None:
    assert worker_is_gone(dead_worker())
    assert not worker_is_gone(app.dispatcher.worker_id)  # this process
    assert not worker_is_gone("another-host:1:abc")  # cannot tell: counts as alive
    assert not worker_is_gone("dead")


def test_after_a_kill_the_unattempted_rows_go_at_once_and_only_the_one_in_flight_twice(app, org, outbox) -> None:
    queue_broadcast(org["staff"])
    dead = Dispatcher(engine=app.engine, clock=app.clock, senders=app.senders, worker_id=dead_worker(), batch=4)
    claims = dead._claim()
    assert len(claims) == 4
    asyncio.run(dead._send_one(claims[0]))  # sent and marked
    # The second one's attempt is committed and Telegram got it, then the process died.
    assert dead._attempt([claims[1]])
    outbox.sent.append((claims[1].chat_id, Reply(text="(in flight)")))
    # The restarted process, at the same moment (no lease to wait out): everything goes.
    deliver(app)
    rows = broadcast_rows(app)
    assert {m.status for m in rows.values()} == {"sent"}
    copies = {chat: len(outbox.texts_to(chat)) for chat in SECRETARIES}
    assert sorted(copies.values()) == [1, 1, 1, 1, 1, 2]
    assert copies[claims[1].chat_id] == 2  # the in-flight one, the only double
    assert rows[claims[1].message_id].attempts == 2 and rows[claims[2].message_id].attempts == 1


def test_a_live_claim_is_taken_over_only_after_its_lease_and_its_claimer_then_sends_nothing(
    app, org, outbox, clock
) -> None:
    queue_broadcast(org["staff"])
    slow = Dispatcher(engine=app.engine, clock=clock, senders=app.senders, worker_id="other-host:7:slow", batch=2)
    held = slow._claim()
    deliver(app)  # the other rows go; the claimed two wait for their claimer
    assert sum(len(outbox.texts_to(c)) for c in SECRETARIES) == 4
    clock.advance(outbox_queries.UNATTEMPTED_LEASE + timedelta(seconds=1))
    deliver(app)
    assert all(len(outbox.texts_to(c)) == 1 for c in SECRETARIES)
    # The slow process wakes up: its claim is gone, so it records no attempt and sends nothing.
    stats = [asyncio.run(slow._send_one(claim)) for claim in held]
    assert [s.sent for s in stats] == [0, 0]
    assert all(len(outbox.texts_to(c)) == 1 for c in SECRETARIES)
    assert {m.status for m in broadcast_rows(app).values()} == {"sent"}


def test_a_channel_stopped_after_the_claim_leaves_its_rows_waiting_without_an_attempt(app, org, outbox) -> None:
    queue_broadcast(org["staff"])
    claims = app.dispatcher._claim()
    del app.senders["console"]
    asyncio.run(app.dispatcher._send_one(claims[0]))
    row = broadcast_rows(app)[claims[0].message_id]
    assert (row.status, row.attempts, row.last_error) == ("pending", 0, "channel console is not running")
    assert row.claimed_by is None


def test_chibot_outbox_counts_by_channel_and_names_the_reasons(app, org, outbox) -> None:
    outbox.blocked.add("u-cb02")
    queue_broadcast(org["staff"])
    deliver(app)
    with session_scope(app.engine) as session:
        text = render(outbox_queries.counts_by_channel(session=session))
    lines = text.splitlines()
    assert lines[0].split() == ["channel", "pending", "sending", "sent", "failed"]
    assert lines[1].split()[0] == "console" and lines[1].split()[4] == "1"
    assert "Failed, by reason:" in text
    assert "blocked: Forbidden: bot was blocked by the user" in text
    assert render([]) == "The outbox is empty."

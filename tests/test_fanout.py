"""Publishing to many units: staff are answered at once ("Đang gửi cho … đơn vị…"), the rest is
written in background batches, every cell gets its message once, staff hear when it is done.

"Tất cả chi bộ" is 8 units of the sample organisation (DB1-CB2 and the mass organisation DTN
with nobody registered); here a publish of more than
2 units is "large", written 2 units per batch, with a halfway note from 4 units on."""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path

import pytest
from sqlmodel import select

from bot.runtime import Runtime
from bot.simulated_time import tick
from ground.settings import Settings
from services import directives, fanout
from services.i18n import Translator
from services.reminders import lifecycle
from services.reminders import texts as reminder_texts
from services.reminders.planner import parse_key
from storage.db import session_scope
from storage.tables import Assignment, Deadline, Directive, FanoutJob, OutboxMessage
from tests.support.chat import CHANNELS, deliver
from tests.support.web import sign_in

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
DOC_141 = (SEEDS / "003_11edc695b26208f2.txt").read_text(encoding="utf-8")
SECRETARIES = ["u-cb01", "u-cb02", "u-cb03", "u-cb04", "u-cb05", "u-db1-cb1"]


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(  # type: ignore[call-arg]
        _env_file=None,
        database_url="sqlite://",
        attachments_dir=tmp_path / "attachments",
        web_secret_key="test-secret-key-for-csrf-0123456789",
        fanout_inline_max=2,
        fanout_batch=2,
        fanout_halfway_min=4,
    )


def publish_141(org):
    staff = org["staff"]
    staff.send("/new")
    staff.send(DOC_141)
    staff.press("Xác nhận")
    staff.press("Tất cả chi bộ")
    staff.press("Gửi")
    return staff


def run_background(app) -> int:
    """What the runtime's fan-out worker does when woken."""
    deps = app.core.deps
    return fanout.run_pending(engine=app.engine, clock=app.clock, config=deps.reminders, fanout=deps.fanout)


def directive_texts_to(outbox, chat_id: str) -> list[str]:
    return [t for t in outbox.texts_to(chat_id) if t.startswith("Văn bản mới")]


def rows(app, model, *where):
    with session_scope(app.engine) as session:
        return list(session.exec(select(model).where(*where)).all())


@pytest.mark.parametrize("channel", CHANNELS)
def test_staff_are_answered_at_once_and_every_cell_gets_its_message_once(org, app, outbox):
    staff = publish_141(org)
    assert staff.last_text.startswith(
        "Đã ghi nhận Công văn 141-CV/ĐUK. Đang gửi cho 6 đơn vị… Gửi xong tôi sẽ báo lại. "
        "Xem ai đã nhận: /doc 141-CV/ĐUK"
    ), staff.last_text
    assert "DB1-CB2" in staff.last_text and "DTN" in staff.last_text  # nobody to tell: the paper copy, as before
    # Answered with the first batch written: two cells assigned and told, the rest to come.
    assert len(rows(app, Assignment)) == 2
    deliver(app)
    assert sum(len(directive_texts_to(outbox, chat)) for chat in SECRETARIES) == 2

    assert run_background(app) == 6
    deliver(app)
    for chat in SECRETARIES:
        assert len(directive_texts_to(outbox, chat)) == 1, chat
    assert len(rows(app, Assignment)) == 8
    [job] = rows(app, FanoutJob)
    assert (job.status, job.done, job.total, job.queued, job.reached) == ("done", 8, 8, 6, 6)
    to_staff = outbox.texts_to("u-staff")
    assert "Đang gửi Công văn 141-CV/ĐUK: đã gửi cho 4/8 đơn vị…" in to_staff
    assert to_staff[-1] == (
        "Đã gửi Công văn 141-CV/ĐUK cho 6 đơn vị (6 tin nhắn tới bí thư, người phụ trách). "
        "Xem ai đã nhận: /doc 141-CV/ĐUK"
    )
    # Nothing more to do: woken again, the worker writes nothing and nobody hears twice.
    assert run_background(app) == 0
    deliver(app)
    assert all(len(directive_texts_to(outbox, chat)) == 1 for chat in SECRETARIES)
    assert Counter(to_staff)[to_staff[-1]] == 1


def test_status_during_the_fan_out_says_it_is_still_being_sent(org, app):
    staff = publish_141(org)
    staff.send("/status 141")
    assert staff.last_text == (
        "Tình hình thực hiện Công văn 141-CV/ĐUK\n"
        "Văn bản đang được gửi cho các đơn vị: đã gửi 2/8. Số liệu nhận, báo cáo sẽ đầy đủ khi gửi xong; "
        "đồng chí xem lại sau ít phút."
    )
    staff.send("/status")
    assert "• Công văn 141-CV/ĐUK\n   Đang gửi cho các đơn vị: 2/8" in staff.last_text
    run_background(app)
    staff.send("/status 141")
    assert "Giao 8 đơn vị · đã nhận 0 · đã báo cáo 0" in staff.last_text


def test_the_dashboard_says_it_is_still_being_sent_too(org, app, web):
    staff = publish_141(org)
    browser = sign_in(web(), staff)
    (directive,) = rows(app, Directive)
    listed = browser.get("/directives").text
    assert '<span class="tag sending">Đang gửi cho các đơn vị: 2/8</span>' in listed
    page = browser.get(f"/directives/{directive.id}").text
    assert "Văn bản đang được gửi cho các đơn vị: đã gửi 2/8." in page
    run_background(app)
    assert "Đang gửi" not in browser.get("/directives").text
    assert "đang được gửi" not in browser.get(f"/directives/{directive.id}").text


def test_reminders_planned_in_batches_are_each_cells_own(org, app):
    """Texts are rendered once per language and moment, buttons point at each cell's assignment:
    every row is what rendering it for that cell alone gives, and re-planning changes nothing."""
    publish_141(org)
    run_background(app)
    with session_scope(app.engine) as session:
        directive = session.exec(select(Directive)).one()
        reminders = session.exec(select(OutboxMessage).where(OutboxMessage.kind == "reminder")).all()
        assert len({r.assignment_id for r in reminders}) == 6  # every reachable cell, DB1-CB2 has nobody
        for row in reminders:
            key = parse_key(row.dedupe_key)
            assert key is not None
            _assignment, deadline_id, _due, offset, _account = key
            alone = reminder_texts.reminder_payload(
                Translator("vi"),
                directive,
                session.get(Deadline, deadline_id),
                row.assignment_id,
                acknowledged=False,
                at=row.due_at,
                offset=offset,
                tz=app.core.deps.tz,
            )
            assert row.payload == alone
        again = lifecycle.plan_directive(
            session=session, directive_id=directive.id, now=app.clock.now(), config=app.core.deps.reminders
        )
        assert (again.created, again.cancelled) == (0, 0)
        messages = session.exec(select(OutboxMessage).where(OutboxMessage.kind == "directive")).all()
        assert all(f"ack:{m.assignment_id}" in str(m.payload["choices"]) for m in messages)


def test_a_batch_written_again_adds_nothing(org, app, outbox):
    """As after a crash between a batch's writes and its record: written twice, still one of each."""
    publish_141(org)
    run_background(app)
    before = {m.dedupe_key for m in rows(app, OutboxMessage)}
    with session_scope(app.engine) as session:
        job = session.exec(select(FanoutJob)).one()
        job.status, job.done, job.queued, job.reached = "running", 2, 0, 0
        session.add(job)
    assert run_background(app) == 6
    deliver(app)
    assert {m.dedupe_key for m in rows(app, OutboxMessage)} == before
    assert len(rows(app, Assignment)) == 8
    assert all(len(directive_texts_to(outbox, chat)) == 1 for chat in SECRETARIES)


def test_a_small_publish_is_written_whole_before_the_answer(org, app, outbox):
    staff = org["staff"]
    staff.send("/new")
    staff.send(DOC_141)
    staff.press("Xác nhận")
    staff.press("Chọn từng đơn vị")
    staff.send("CB01 CB02")
    staff.press("Xong")
    staff.press("Gửi")
    assert staff.last_text.startswith("Đã gửi Công văn 141-CV/ĐUK cho 2 đơn vị (2 tin nhắn"), staff.last_text
    [job] = rows(app, FanoutJob)
    assert (job.status, job.done, job.total) == ("done", 2, 2)
    deliver(app)
    assert [len(directive_texts_to(outbox, c)) for c in ("u-cb01", "u-cb02", "u-cb03")] == [1, 1, 0]
    assert run_background(app) == 0
    assert not [t for t in outbox.texts_to("u-staff") if t.startswith("Đã gửi")]  # the answer said it


def test_a_closed_directive_stops_its_fan_out(org, app, outbox):
    publish_141(org)
    with session_scope(app.engine) as session:
        directive = session.exec(select(Directive)).one()
        lifecycle.close(session=session, directive=directive, now=app.clock.now(), config=app.core.deps.reminders)
    assert run_background(app) == 0
    deliver(app)
    assert sum(len(directive_texts_to(outbox, chat)) for chat in SECRETARIES) == 2
    assert [(j.status, j.done) for j in rows(app, FanoutJob)] == [("done", 2)]


def test_changing_recipients_during_the_fan_out_finishes_it_first(org, app, outbox):
    """The edit sees every unit the publish named: none is added twice, a removed one is told once."""
    publish_141(org)
    with session_scope(app.engine) as session:
        directive = session.exec(select(Directive)).one()
        units = [a.unit_id for a in session.exec(select(Assignment))]
        job = session.exec(select(FanoutJob)).one()
        wanted = [u for u in job.unit_ids if u != units[0]]
        added, removed = directives.change_recipients(
            session=session,
            directive=directive,
            unit_ids=wanted,
            who=directives.Who(None),
            now=app.clock.now(),
            config=app.core.deps.reminders,
        )
    assert (added, removed) == ([], [units[0]])
    assert run_background(app) == 0
    deliver(app)
    assert [len(directive_texts_to(outbox, chat)) for chat in SECRETARIES] == [1] * 6
    assert outbox.texts_to("u-staff")[-1].startswith("Đã gửi Công văn 141-CV/ĐUK cho 6 đơn vị")
    assert [(j.status, j.done) for j in rows(app, FanoutJob)] == [("done", 8)]


def test_without_a_scheduler_the_next_delivery_writes_the_rest(org, app, outbox):
    """The console shell and the simulated clock run no scheduler: their delivery step writes the fan-out."""
    publish_141(org)
    tick(app)
    assert [len(directive_texts_to(outbox, chat)) for chat in SECRETARIES] == [1] * 6
    assert outbox.texts_to("u-staff")[-1].startswith("Đã gửi Công văn 141-CV/ĐUK cho 6 đơn vị")


async def test_the_running_bot_writes_the_rest_without_being_asked(org, app, outbox):
    """In the runtime, the publish's commit wakes the fan-out worker; staff hear when it is done."""
    async with Runtime(app, [], reminder_jobs=False):
        staff = await asyncio.to_thread(publish_141, org)
        assert "Đang gửi cho 6 đơn vị…" in staff.last_text
        for _ in range(200):
            if any(t.startswith("Đã gửi Công văn 141-CV/ĐUK cho 6 đơn vị") for t in outbox.texts_to("u-staff")):
                break
            await asyncio.sleep(0.05)
    assert [len(directive_texts_to(outbox, chat)) for chat in SECRETARIES] == [1] * 6
    assert outbox.texts_to("u-staff")[-1].startswith("Đã gửi Công văn 141-CV/ĐUK cho 6 đơn vị")

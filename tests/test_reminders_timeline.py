"""The reminder timeline with a controlled clock: 141-CV/ĐUK (KHẨN; deadlines 20/8, 23/8, 30/8/2021)
published to five cells on 15/8/2021 08:00; time moves, reminders, escalations and digests
arrive in order, exactly once. What a cell reads and answers is checked on every channel (a
reminder's buttons are numbered lines on the console and Zalo, answered through the same core)."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import pytest
from sqlmodel import select

from bot.app import build_app
from services import directives
from storage.db import session_scope
from storage.tables import ChatAccount, Deadline, Directive, Membership, OutboxMessage, ReportRequest, Unit
from tests.support.chat import CHANNELS, RecordingSender, deliver
from tests.support.local import CONFIG, local_to_utc
from tests.support.reminders import delivered, rows, until
from tests.test_directives_flow import paste_141, use_buttons_of

CELLS = ["CB01", "CB02", "CB03", "CB04", "CB05"]

#: The tests where a person reads or answers a reminder run on every channel (the core decides,
#: the channel only renders); the timing ones run once: when reminders fall is the planner's.
on_every_channel = pytest.mark.parametrize("channel", CHANNELS)

#: What a cell that never reports hears, and when (local time): the deadline lines of each
#: message. A cell's obligation is the report (due before 23/8): completion and plan dates get
#: their own reminders before them, but only the report deadline makes a cell "quá hạn", and
#: two deadlines due the same morning come as one message naming both.
FULL_SEQUENCE = [
    ("17/08 08:00", "Hoàn thành: đến hết 20/8/2021 — còn 3 ngày."),
    ("19/08 08:00", "Hoàn thành: đến hết 20/8/2021 — còn 1 ngày. | Báo cáo: trước 23/8/2021 — còn 3 ngày."),
    ("20/08 08:00", "Hoàn thành: đến hết 20/8/2021 — hôm nay là hạn cuối."),
    ("20/08 20:59", "Hoàn thành: đến hết 20/8/2021 — còn 3 giờ."),  # KHẨN: 3 h before, moved out of quiet hours
    ("21/08 08:00", "Báo cáo: trước 23/8/2021 — còn 1 ngày."),
    ("22/08 08:00", "Báo cáo: trước 23/8/2021 — hôm nay là hạn cuối."),
    ("22/08 20:59", "Báo cáo: trước 23/8/2021 — còn 3 giờ."),
    ("23/08 08:00", "Báo cáo: trước 23/8/2021 — đã quá hạn 1 ngày."),
    ("24/08 08:00", "Báo cáo: trước 23/8/2021 — đã quá hạn 2 ngày."),
    ("25/08 08:00", "Báo cáo: trước 23/8/2021 — đã quá hạn 3 ngày."),
    ("26/08 08:00", "Kế hoạch: trước 30/8/2021 — còn 3 ngày."),
    ("28/08 08:00", "Kế hoạch: trước 30/8/2021 — còn 1 ngày."),
    ("29/08 08:00", "Kế hoạch: trước 30/8/2021 — hôm nay là hạn cuối."),
    ("29/08 20:59", "Kế hoạch: trước 30/8/2021 — còn 3 giờ."),
]
#: Rows behind FULL_SEQUENCE: the 19/8 message answers two planned reminders.
FULL_ROWS = len(FULL_SEQUENCE) + 1


def deadline_lines(text: str) -> str:
    """The deadline lines of a reminder, one message's lines joined by " | "."""
    lines = text.split("\n")
    bullets = [line[2:] for line in lines if line.startswith("• ")]
    return " | ".join(bullets) if bullets else lines[1]


def publish_to_five(org, app):  # noqa: ANN001, ANN201
    staff = paste_141(org)
    staff.press("Xác nhận")
    staff.press("Chọn từng đơn vị")
    staff.send(", ".join(CELLS))
    staff.press("Xong")
    staff.press("Gửi")
    assert "Đã gửi" in staff.last_text, staff.last_text
    deliver(app)
    return staff


def quick_report(chat, line: str = "bc 141 trực tiếp+zalo 45/50 tốt") -> None:  # noqa: ANN001
    chat.send(line)
    chat.press("Xác nhận")
    assert chat.last_text.startswith("Cảm ơn đồng chí!"), chat.last_text


def reminders_by_cell(app) -> dict[str, list[tuple[str, str]]]:  # noqa: ANN001
    found: dict[str, list[tuple[str, str]]] = {cell: [] for cell in CELLS}
    for when, who, text in delivered(app, "reminder"):
        found[who].append((when, deadline_lines(text)))
    return found


def move_completion_deadline(app, phrase: str) -> str:  # noqa: ANN001
    """Staff change the completion deadline of 141 (as /deadline does); returns how it shows."""
    with session_scope(app.engine) as session:
        directive = session.exec(select(Directive)).one()
        complete = session.exec(select(Deadline).where(Deadline.kind == "complete")).one()
        return directives.change_deadline(
            session=session,
            directive=directive,
            deadline_id=complete.id,
            phrase=phrase,
            who=directives.Who(None),
            now=app.clock.now(),
            config=app.core.deps.reminders,
        ).shown


def directive_id(app) -> int:  # noqa: ANN001
    with session_scope(app.engine) as session:
        return session.exec(select(Directive.id)).one()


def test_full_timeline_for_141_with_two_cells_reporting_early(org, app):
    publish_to_five(org, app)
    until(app, datetime(2021, 8, 16, 10, 0))
    quick_report(org["CB01"])
    until(app, datetime(2021, 8, 18, 10, 0))
    quick_report(org["CB02"], "bc 141 tt 30/40 khá")
    until(app, datetime(2021, 9, 2, 9, 0))

    by_cell = reminders_by_cell(app)
    assert by_cell["CB01"] == []
    assert by_cell["CB02"] == FULL_SEQUENCE[:1]
    for cell in ("CB03", "CB04", "CB05"):
        assert by_cell[cell] == FULL_SEQUENCE
    # never twice, never in quiet hours
    sent = rows(app, kind="reminder", status="sent")
    assert len(sent) == len({m.dedupe_key for m in sent}) == 1 + 3 * FULL_ROWS
    assert not any(m.sent_late for m in sent)


@on_every_channel
def test_a_reminder_reads_plainly_and_carries_report_and_ack_buttons(org, app, outbox):
    publish_to_five(org, app)
    until(app, datetime(2021, 8, 17, 8, 0))
    reply = [r for chat, r in outbox.sent if chat == "u-cb03"][-1]
    assert reply.text == (
        "🔔 Nhắc việc: 141-CV/ĐUK — V/v tổ chức quán triệt, tuyên truyền Nghị quyết số 05-NQ/TU ngày 05/8/2021 của "
        "Tỉnh ủy\n"
        "Hoàn thành: đến hết 20/8/2021 — còn 3 ngày.\n"
        "Đề nghị đồng chí báo cáo kết quả khi hoàn thành."
    )
    assert [(c.label, c.data.split(":")[0]) for c in reply.flat_choices()] == [("Báo cáo", "rep"), ("Đã nhận", "ack")]
    # acknowledging removes the "Đã nhận" button from the reminders still to come
    cb03 = use_buttons_of(org["CB03"], reply)
    cb03.press("Đã nhận")
    until(app, datetime(2021, 8, 19, 8, 0))
    later = [r for chat, r in outbox.sent if chat == "u-cb03"][-1]
    assert "còn 1 ngày" in later.text and [c.label for c in later.flat_choices()] == ["Báo cáo"]


@on_every_channel
def test_the_report_button_of_a_reminder_starts_the_report_flow(org, app, outbox):
    publish_to_five(org, app)
    until(app, datetime(2021, 8, 17, 8, 0))
    cb04 = use_buttons_of(org["CB04"], [r for chat, r in outbox.sent if chat == "u-cb04"][-1])
    cb04.press("Báo cáo")
    assert cb04.last_text.startswith("Báo cáo 141-CV/ĐUK — Chi bộ Ủy ban Kiểm tra."), cb04.last_text
    cb04.send("trực tiếp")
    cb04.send("45/50")
    cb04.send("tốt")
    while "Xác nhận" not in cb04.buttons:
        cb04.press("Bỏ qua")
    cb04.press("Xác nhận")
    pending = [m for m in rows(app, kind="reminder", status="pending") if m.assignment_id is not None]
    with session_scope(app.engine) as session:
        cb04_unit = session.exec(select(Unit).where(Unit.code == "CB04")).one()
        assignment_ids = {m.assignment_id for m in pending}
        from storage.tables import Assignment

        cb04_assignment = session.exec(select(Assignment).where(Assignment.unit_id == cb04_unit.id)).one()
    assert cb04_assignment.id not in assignment_ids  # the report cancelled its pending reminders at once


def test_escalation_and_digest_contents(org, app):
    publish_to_five(org, app)
    quick_report(org["CB01"])
    until(app, datetime(2021, 8, 26, 8, 0))
    escalations = delivered(app, "escalation")
    # The cells' obligation is the report (due 22/8 23:59): three overdue reminders 23-25/8,
    # then the escalation the day after; the completion date of 20/8 escalates nothing.
    assert [(w, who) for w, who, _t in escalations] == [("26/08 08:00", "staff"), ("26/08 08:00", "admin")]
    assert escalations[0][2] == (
        "⚠️ Quá hạn: 141-CV/ĐUK — Báo cáo: trước 23/8/2021\n"
        "Các đơn vị chưa thực hiện sau 3 lần nhắc:\n"
        "• CB02 — Chi bộ Ban Tuyên giáo\n• CB03 — Chi bộ Ban Tổ chức\n"
        "• CB04 — Chi bộ Ủy ban Kiểm tra\n• CB05 — Chi bộ Ban Dân vận"
    )
    digests = [(w, text) for w, who, text in delivered(app, "digest") if who == "staff"]
    # The bot starts at 08:00 on 15/8, after 07:30: that day's digest goes out at once.
    assert digests[0] == ("15/08 08:00", "📋 Bản tin ngày 15/8/2021\n141-CV/ĐUK: đã báo cáo 1/5")
    assert (
        "16/08 07:30",
        "📋 Bản tin ngày 16/8/2021\n141-CV/ĐUK: đã báo cáo 1/5\n  Báo cáo mới từ hôm qua: CB01",
    ) in digests
    # Past the completion date but before the report is due, nobody is overdue yet.
    assert ("22/08 07:30", "📋 Bản tin ngày 22/8/2021\n141-CV/ĐUK: đã báo cáo 1/5") in digests
    assert (
        "23/08 07:30",
        "📋 Bản tin ngày 23/8/2021\n141-CV/ĐUK: đã báo cáo 1/5\n  Quá hạn: CB02, CB03, CB04, CB05",
    ) in digests
    assert len(digests) == 12  # one a day, 15/8 .. 26/8
    # running the jobs again the same day changes nothing
    until(app, datetime(2021, 8, 26, 20, 0))
    assert len(delivered(app, "escalation")) == 2 and len(delivered(app, "digest")) == 24


def test_staff_who_chose_digest_get_no_message_per_report(org, app):
    publish_to_five(org, app)
    assert "bản tin hằng ngày lúc 07:30" in org["staff"].send("/notify digest")[0].text
    quick_report(org["CB01"])
    deliver(app)
    assert [who for _w, who, _t in delivered(app, "report")] == ["admin"]
    org["staff"].send("/notify each")
    quick_report(org["CB02"])
    deliver(app)
    # staff hear of it at once; the admin, told of CB01 a moment ago, a minute after that message
    assert sorted(who for _w, who, _t in delivered(app, "report")) == ["admin", "staff"]
    app.clock.advance(timedelta(seconds=61))
    deliver(app)
    assert sorted(who for _w, who, _t in delivered(app, "report")) == ["admin", "admin", "staff"]


def test_editing_a_deadline_reschedules_without_duplicates(org, app):
    publish_to_five(org, app)
    until(app, datetime(2021, 8, 17, 9, 0))
    assert move_completion_deadline(app, "đến hết ngày 25/8/2021") == "đến hết 25/8/2021"
    again = rows(app, kind="reminder", status="pending")
    until(app, datetime(2021, 8, 22, 9, 0))
    cb03 = reminders_by_cell(app)["CB03"]
    assert cb03 == [
        ("17/08 08:00", "Hoàn thành: đến hết 20/8/2021 — còn 3 ngày."),
        ("19/08 08:00", "Báo cáo: trước 23/8/2021 — còn 3 ngày."),
        ("21/08 08:00", "Báo cáo: trước 23/8/2021 — còn 1 ngày."),
        # the moved deadline's "3 days before" meets the report deadline's day: one message naming both
        (
            "22/08 08:00",
            "Báo cáo: trước 23/8/2021 — hôm nay là hạn cuối. | Hoàn thành: đến hết 25/8/2021 — còn 3 ngày.",
        ),
    ]
    # re-planning the same directive again creates nothing
    with session_scope(app.engine) as session:
        from services.reminders.planner import plan_directive

        assert (
            plan_directive(session=session, directive_id=directive_id(app), now=app.clock.now(), config=CONFIG).created
            == 0
        )
    assert len(again) == len({m.dedupe_key for m in again})


def test_closing_a_directive_cancels_pending_reminders(org, app):
    publish_to_five(org, app)
    until(app, datetime(2021, 8, 17, 9, 0))
    # counted as messages: the reminders due for one chat at one moment would have gone as one
    pending = len({(m.account_id, m.due_at) for m in rows(app, kind="reminder", status="pending")})
    org["staff"].send("/close 141")
    assert org["staff"].press("Kết thúc")[0].text == (
        f"Đã kết thúc văn bản 141-CV/ĐUK: hủy {pending} tin nhắc chưa gửi. Mở lại: /reopen 141-CV/ĐUK"
    )
    until(app, datetime(2021, 9, 5, 9, 0))
    assert len(delivered(app, "reminder")) == 5  # only the 17/8 ones, sent before closing
    assert rows(app, kind="reminder", status="pending") == []
    assert delivered(app, "escalation") == []
    assert (
        org["staff"].send("/close 141")[0].text == "Văn bản 141-CV/ĐUK đã kết thúc trước đó. Mở lại: /reopen 141-CV/ĐUK"
    )


def test_restart_in_the_middle_sends_the_missed_useful_ones_late_and_nothing_twice(org, app, clock, engine, settings):
    publish_to_five(org, app)
    until(app, datetime(2021, 8, 17, 9, 0))
    before = len(delivered(app, "reminder"))
    # the bot is down from 17/8 09:00 to 21/8 09:30; a new process starts on the same database
    clock.set(local_to_utc(datetime(2021, 8, 21, 9, 30)))
    second = build_app(settings, clock=clock, engine=engine, migrate=False)
    second.add_sender(RecordingSender("console"))
    asyncio.run(second.dispatcher.run_once())
    asyncio.run(second.dispatcher.run_once())
    late = [m for m in rows(second, kind="reminder", status="sent") if m.sent_late]
    # per cell the report's "3 days before" (19/8) and "1 day before" (21/8): still useful, so
    # they go, late, as ONE message worded for now
    assert len(late) == 10
    assert all(
        m.payload.get("sent_text", m.payload["text"]).splitlines()[1] == "Báo cáo: trước 23/8/2021 — còn 1 ngày."
        for m in late
    )
    dropped = [m for m in rows(second, kind="reminder", status="cancelled")]
    # the completion date's 19/8, 20/8 and 20/8 20:59 reminders: that date has passed
    assert len(dropped) == 15 and all(m.last_error.startswith("stale") for m in dropped)
    sent_texts = second.senders["console"].sent
    assert len(sent_texts) == 5 and before == 5
    until(second, datetime(2021, 8, 22, 9, 0))
    keys = [m.dedupe_key for m in rows(second, kind="reminder", status="sent")]
    assert len(keys) == len(set(keys)) == 20


def test_a_removed_secretary_and_a_removed_cell_hear_nothing_more(org, app):
    publish_to_five(org, app)
    with session_scope(app.engine) as session:
        cb04 = session.exec(select(Unit).where(Unit.code == "CB04")).one()
        membership = session.exec(select(Membership).where(Membership.unit_id == cb04.id)).one()
        membership.active = False
        cb05 = session.exec(select(Unit).where(Unit.code == "CB05")).one()
        cb05.active = False
        session.add_all([membership, cb05])
    until(app, datetime(2021, 8, 17, 9, 0))
    assert [who for _w, who, _t in delivered(app, "reminder")] == ["CB01", "CB02", "CB03"]
    reasons = {m.last_error for m in rows(app, kind="reminder", status="cancelled")}
    assert reasons == {"recipient is no longer a reachable secretary of the unit", "unit removed"}


@on_every_channel
def test_a_blocked_recipient_is_marked_unreachable_staff_told_once_no_retry_storm(org, app, outbox):
    publish_to_five(org, app)
    outbox.blocked.add("u-cb04")
    until(app, datetime(2021, 8, 25, 9, 0))
    with session_scope(app.engine) as session:
        account = session.exec(select(ChatAccount).where(ChatAccount.chat_id == "u-cb04")).one()
        assert account.reachable is False
        attempts = session.exec(
            select(OutboxMessage).where(OutboxMessage.account_id == account.id, OutboxMessage.status == "failed")
        ).all()
    assert len(attempts) == 1 and attempts[0].attempts == 1
    told = [text for _w, who, text in delivered(app, "notice") if who == "staff"]
    assert told == [
        "⚠️ Không gửi được tin nhắn cho Bí thư CB04 (Chi bộ Ủy ban Kiểm tra): tài khoản đã chặn chibot. "
        "Đồng chí liên hệ trực tiếp để nhắc việc."
    ]
    assert "CB04" not in [who for _w, who, _t in delivered(app, "reminder")]


def test_quiet_hours_from_a_directive_policy_override(org, app):
    publish_to_five(org, app)
    with session_scope(app.engine) as session:
        directive = session.exec(select(Directive)).one()
        directive.reminder_policy = {"at": "06:00", "urgent_hours_before": 0}
        session.add(directive)
        session.flush()
        from services.reminders.planner import plan_directive

        plan_directive(session=session, directive_id=directive.id, now=app.clock.now(), config=CONFIG)
    until(app, datetime(2021, 8, 21, 9, 0))
    times = sorted({w for w, _who, _t in delivered(app, "reminder")})
    assert times == ["17/08 07:00", "19/08 07:00", "20/08 07:00", "21/08 07:00"]


@on_every_channel
def test_staff_see_the_plan_and_can_remind_now(org, app, outbox):
    publish_to_five(org, app)
    quick_report(org["CB01"])
    until(app, datetime(2021, 8, 27, 9, 0))
    plan = org["staff"].send("/reminders 141")[0].text
    assert plan.splitlines()[:3] == [
        "Lịch nhắc của 141-CV/ĐUK: 12 tin nhắn sẽ gửi tới 4 đơn vị (các lời nhắc cùng giờ cho một người được"
        " gộp thành một tin):",
        "08:00 28/8/2021 — Kế hoạch: trước 30/8/2021, trước 1 ngày:",
        "  CB02, CB03, CB04, CB05",
    ]
    staff = org["staff"]
    staff.send("/remind 141")
    assert staff.last_text == (
        "Gửi nhắc ngay cho 4 đơn vị chưa thực hiện 141-CV/ĐUK?\n"
        "Lần nhắc gần nhất cho các đơn vị này: tự động lúc 08:00 26/8/2021."
    )
    staff.press("Gửi nhắc")
    assert staff.last_text == "Đã gửi nhắc cho 4 đơn vị chưa thực hiện 141-CV/ĐUK."
    deliver(app)
    now_texts = [text for _w, who, text in delivered(app, "reminder_now")]
    assert len(now_texts) == 4 and now_texts[0].splitlines()[1] == "Kế hoạch: trước 30/8/2021 — còn 2 ngày."
    assert org["CB02"].send("/remind 141")[0].text != staff.last_text  # secretaries cannot


def test_recurring_reports_each_occurrence_has_its_own_status(org, app):
    from tests.support.report_factories import make_assignment, unit_id

    first = make_assignment(app, cell="CB01", number="51-KH/QU", report_due=None, complete_due=None)
    with session_scope(app.engine) as session:
        from storage.tables import Assignment

        directive_id_ = session.get(Assignment, first).directive_id
        session.add(
            Deadline(
                directive_id=directive_id_,
                kind="recurring",
                recurrence="daily@06:00,12:00,18:00",
                shown="hằng ngày lúc 06:00, 12:00, 18:00",
            )
        )
    make_assignment(app, cell="CB02", directive_id=directive_id_)
    until(app, datetime(2021, 8, 16, 11, 30))
    quick = org["CB01"]
    quick.send("bc 51 trực tiếp 45/50 tốt")
    quick.press("Xác nhận")
    until(app, datetime(2021, 8, 16, 19, 0))
    at = lambda h: local_to_utc(datetime(2021, 8, 16, h, 0))  # noqa: E731
    with session_scope(app.engine) as session:
        requests = session.exec(select(ReportRequest).order_by(ReportRequest.due_at, ReportRequest.assignment_id)).all()
        got = [(r.assignment_id, r.due_at, r.status) for r in requests if at(6) <= r.due_at <= at(18)]
    assert got == [
        (first, at(6), "open"),
        (first + 1, at(6), "open"),
        (first, at(12), "reported"),
        (first + 1, at(12), "open"),
        (first, at(18), "open"),
        (first + 1, at(18), "open"),
    ]
    reminders = [(w, who) for w, who, _t in delivered(app, "reminder")]
    # an hour before 12:00 and 18:00; the 06:00 one the evening before, out of quiet hours
    assert reminders == [
        (when, cell)
        for when in ("15/08 11:00", "15/08 17:00", "15/08 20:59", "16/08 11:00", "16/08 17:00")
        for cell in ("CB01", "CB02")
    ]
    assert (
        delivered(app, "reminder")[4][2].splitlines()[1]
        == "Kỳ báo cáo lúc 06:00 16/8/2021. Đề nghị đồng chí gửi báo cáo đúng giờ."
    )
    assert unit_id(app, "CB01")


def test_a_deadline_moved_into_the_past_drops_its_advance_reminders(org, app):
    publish_to_five(org, app)
    until(app, datetime(2021, 8, 16, 9, 0))
    assert move_completion_deadline(app, "đến hết ngày 10/8/2021") == "đến hết 10/8/2021"
    pending = rows(app, kind="reminder", status="pending")
    assert len(pending) == len({m.dedupe_key for m in pending})
    until(app, datetime(2021, 8, 22, 9, 0))
    cb03 = [text for _when, text in reminders_by_cell(app)["CB03"]]
    # Nothing counts down to a date that is gone, and nothing says "còn" about it.
    assert not [t for t in cb03 if t.startswith("Hoàn thành: đến hết 20/8/2021")]
    assert not [t for t in cb03 if t.startswith("Hoàn thành: đến hết 10/8/2021") and "còn" in t]
    # The report deadline is untouched and still counts down.
    assert "Báo cáo: trước 23/8/2021 — còn 3 ngày." in cb03, cb03


@on_every_channel
def test_staff_of_another_unit_cannot_see_or_trigger_reminders_and_it_is_audited(org, app):
    from storage.tables import AuditEntry
    from tests.support.org import register

    publish_to_five(org, app)
    # Staff of the grassroots organisation DB1 do not manage the bloc committee's directive.
    other = register(app, unit_code="DB1", role="staff", name="Cán bộ DB1", user_id="u-db1-staff")
    other.send("/reminders 141")
    # Outside their scope the directive is not even named to them.
    assert other.last_text.startswith("Không tìm thấy văn bản số «141» trong phạm vi đồng chí được xem.")
    other.press_data(f"rmd:{directive_id(app)}")
    with session_scope(app.engine) as session:
        denied = session.exec(select(AuditEntry).where(AuditEntry.action == "denied")).all()
        assert [(d.directive_id, d.details.get("command"), d.details.get("button")) for d in denied] == [
            (directive_id(app), "reminders", None),
            (directive_id(app), None, f"rmd:{directive_id(app)}"),
        ]
        assert session.exec(select(OutboxMessage).where(OutboxMessage.kind == "reminder_now")).all() == []


@on_every_channel
def test_the_remind_confirm_is_used_up_and_a_second_remind_queues_nothing_twice(org, app, clock):
    publish_to_five(org, app)
    quick_report(org["CB01"])
    until(app, datetime(2021, 8, 27, 9, 0))
    staff = org["staff"]
    staff.send("/remind 141")
    staff.press("Gửi nhắc")
    assert staff.last_text == "Đã gửi nhắc cho 4 đơn vị chưa thực hiện 141-CV/ĐUK."
    clock.advance(timedelta(minutes=3))
    staff.press("Gửi nhắc")
    assert staff.last_text == "Các lựa chọn đó thuộc một tin nhắn cũ, không còn dùng được."
    [refused] = staff.send("/remind 141")  # a new question, while the first reminders still wait
    assert refused.text.startswith("Các đơn vị chưa thực hiện 141-CV/ĐUK vừa được nhắc bằng tay lúc 09:00 27/8/2021;")
    assert refused.flat_choices() == []
    with session_scope(app.engine) as session:
        queued = session.exec(select(OutboxMessage).where(OutboxMessage.kind == "reminder_now")).all()
        assert sorted(m.assignment_id for m in queued) == sorted({m.assignment_id for m in queued})
        assert len(queued) == 4

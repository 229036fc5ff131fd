"""Session 7 gap: a deadline moved into the past is chased like one that passed on its own.

Staff confirm /deadline with a date already gone by: the cells that have not reported get
their overdue reminders from that moment (the first at once, then one a day, three in all)
and staff get the escalation a day after the last, as for a deadline that passed naturally.
The chase is planned once: re-planning, the same date typed again, or a second process on
the same database adds nothing. The clock of these chats starts at 08:00 15/8/2021."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import select

from bot.app import build_app
from ground.clock import ManualClock
from services.reminders.planner import parse_key, plan_directive, stamp
from services.reminders.policy import Policy, escalation_at, plan
from storage.db import session_scope
from storage.tables import Assignment, Deadline, Directive, OutboxMessage, Unit
from tests.support.local import TZ, local_to_utc, to_local
from tests.support.reminders import delivered, until
from tests.test_directives_flow import publish_141
from tests.test_report_flow import fill_default


def move_report_deadline(staff, phrase: str) -> None:  # noqa: ANN001
    staff.send("/deadline 141")
    staff.press("Báo cáo")
    staff.send(phrase)
    staff.press("Xác nhận")
    assert staff.last_text.startswith("Đã đổi thời hạn: Báo cáo:"), staff.last_text


def overdue_rows(app) -> list[tuple[str, str, str]]:  # noqa: ANN001
    """(offset, local due "dd/mm HH:MM", status) of every overdue reminder of the report
    deadline's current date (rows of dates it had before are left out)."""
    with session_scope(app.engine) as session:
        report = next(d for d in session.exec(select(Deadline)).all() if d.kind == "report")
        found = []
        for m in session.exec(select(OutboxMessage).where(OutboxMessage.deadline_id == report.id)).all():
            parsed = parse_key(m.dedupe_key)
            if parsed and parsed[3].startswith("o") and parsed[2] == stamp(report.due_at):
                found.append((parsed[3], to_local(m.due_at).strftime("%d/%m %H:%M"), m.status))
        return sorted(found, key=lambda row: (row[1], row[0]))


def test_a_deadline_moved_into_the_past_chases_the_cells_at_once_and_then_daily(org, app, session):
    staff = publish_141(org, app)
    move_report_deadline(staff, "trước ngày 10/8/2021")
    until(app, datetime(2021, 8, 15, 8, 5))
    to_cb01 = [(when, text) for when, who, text in delivered(app, "notice", "reminder") if who == "CB01"]
    # First what changed, then that the cell is late (and by how much).
    assert to_cb01[0][1].startswith("Thay đổi thời hạn Công văn 141-CV/ĐUK")
    assert to_cb01[1][0] == "15/08 08:00"
    assert "Báo cáo: trước 10/8/2021 — đã quá hạn 6 ngày." in to_cb01[1][1]
    assert to_cb01[1][1].endswith("Đề nghị đồng chí báo cáo kết quả ngay.")
    until(app, datetime(2021, 8, 19, 9, 0))
    chased = [(when, text) for when, who, text in delivered(app, "reminder") if who == "CB01" and "10/8/2021" in text]
    assert [when for when, _text in chased] == ["15/08 08:00", "16/08 08:00", "17/08 08:00"]
    assert "đã quá hạn 8 ngày" in chased[-1][1]
    [escalation] = [text for when, who, text in delivered(app, "escalation") if who == "staff"]
    assert escalation.startswith("⚠️ Quá hạn: 141-CV/ĐUK — Báo cáo: trước 10/8/2021")
    assert "sau 3 lần nhắc" in escalation and "CB01" in escalation
    assert [when for when, who, _t in delivered(app, "escalation") if who == "staff"] == ["18/08 08:00"]


def test_the_chase_is_planned_once_whatever_re_runs(org, app, session, clock, settings, engine):
    staff = publish_141(org, app)
    move_report_deadline(staff, "trước ngày 10/8/2021")
    first = overdue_rows(app)
    assert sorted({row[:2] for row in first}) == [
        ("o1", "15/08 08:00"),
        ("o2", "16/08 08:00"),
        ("o3", "17/08 08:00"),
    ]
    # The next day the planner runs again (as after any acknowledgement), the same date is
    # typed and confirmed again, and a second process starts on the same database.
    until(app, datetime(2021, 8, 16, 10, 0))
    with session_scope(app.engine) as s:
        directive = s.exec(select(Directive)).one()
        result = plan_directive(session=s, directive_id=directive.id, now=clock.now(), config=app.core.deps.reminders)
    assert result.created == 0
    move_report_deadline(staff, "trước ngày 10/8/2021")
    second_process = build_app(settings, clock=ManualClock(clock.now()), engine=engine, migrate=False)
    second_process.add_sender(app.senders["console"])
    until(second_process, datetime(2021, 8, 19, 9, 0))
    assert [row[:2] for row in overdue_rows(app)] == [row[:2] for row in first]
    chased = [when for when, who, text in delivered(app, "reminder") if who == "CB01" and "10/8/2021" in text]
    assert chased == ["15/08 08:00", "16/08 08:00", "17/08 08:00"]
    assert len([1 for _w, who, _t in delivered(app, "escalation") if who == "staff"]) == 1


def test_a_cell_that_reports_is_no_longer_chased(org, app, session):
    staff = publish_141(org, app)
    move_report_deadline(staff, "trước ngày 10/8/2021")
    until(app, datetime(2021, 8, 15, 8, 5))
    cell = org["CB02"]
    with session_scope(app.engine) as s:
        unit = s.exec(select(Unit).where(Unit.code == "CB02")).one()
        assignment_id = s.exec(select(Assignment.id).where(Assignment.unit_id == unit.id)).one()
    cell.press_data(f"rep:{assignment_id}")
    fill_default(cell)
    cell.press("Xác nhận")
    assert "Cảm ơn đồng chí" in cell.last_text, cell.last_text
    until(app, datetime(2021, 8, 19, 9, 0))
    chased = [when for when, who, text in delivered(app, "reminder") if who == "CB02" and "10/8/2021" in text]
    assert chased == ["15/08 08:00"]
    [escalation] = [text for _w, who, text in delivered(app, "escalation") if who == "staff"]
    assert "CB01" in escalation and "CB02" not in escalation


def test_moving_it_back_to_a_future_date_stops_the_chase(org, app, session):
    staff = publish_141(org, app)
    move_report_deadline(staff, "trước ngày 10/8/2021")
    move_report_deadline(staff, "trước ngày 30/8/2021")
    pending = [row for row in overdue_rows(app) if row[2] == "pending"]
    # The overdue reminders left are the new date's own, from the day after it.
    assert {row[1] for row in pending} == {"30/08 08:00", "31/08 08:00", "01/09 08:00"}
    with session_scope(app.engine) as s:
        report = next(d for d in s.exec(select(Deadline)).all() if d.kind == "report")
        assert report.overdue_from is None
    until(app, datetime(2021, 8, 19, 9, 0))
    assert not [1 for _w, who, _t in delivered(app, "escalation") if who == "staff"]


def test_a_move_confirmed_at_night_waits_for_the_morning_and_keeps_a_day_between():
    policy = Policy()
    due = local_to_utc(datetime(2021, 8, 10, 0, 0))
    confirmed = local_to_utc(datetime(2021, 8, 15, 22, 30))
    overdue = [
        (key, to_local(at).strftime("%d/%m %H:%M"))
        for key, at in plan(due, None, policy, tz=TZ, chase_from=confirmed)
        if key.startswith("o")
    ]
    assert overdue == [("o1", "16/08 07:00"), ("o2", "17/08 08:00"), ("o3", "18/08 08:00")]
    assert to_local(escalation_at(due, policy, tz=TZ, chase_from=confirmed)).strftime("%d/%m %H:%M") == "19/08 08:00"


def test_a_date_whose_own_chase_is_still_ahead_keeps_it():
    """Moved at 09:00 to "before today": the day after the date (tomorrow 08:00) is still to come."""
    policy = Policy()
    due = local_to_utc(datetime(2021, 8, 15, 0, 0))
    confirmed = local_to_utc(datetime(2021, 8, 15, 9, 0))
    with_move = plan(due, None, policy, tz=TZ, chase_from=confirmed)
    assert with_move == plan(due, None, policy, tz=TZ)
    assert escalation_at(due, policy, tz=TZ, chase_from=confirmed) == escalation_at(due, policy, tz=TZ)

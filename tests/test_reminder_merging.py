"""What one cell hears when several reminders fall on one moment, and how time left is worded."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from services.i18n import Translator
from services.reminders.planner import plan_directive
from services.reminders.texts import time_left
from storage.db import session_scope
from storage.tables import Assignment
from tests.support.chat import CHANNELS
from tests.support.local import CONFIG, TZ, local_to_utc
from tests.support.reminders import delivered, until
from tests.support.report_factories import make_assignment


def _plan(app, *assignment_ids: int) -> None:  # noqa: ANN001
    with session_scope(app.engine) as session:
        for directive_id in {session.get(Assignment, a).directive_id for a in assignment_ids}:
            plan_directive(session=session, directive_id=directive_id, now=app.clock.now(), config=CONFIG)


@pytest.mark.parametrize("channel", CHANNELS)
def test_three_directives_due_the_same_morning_come_as_one_message(org, app, outbox):
    first = make_assignment(app, cell="CB03", number="141-CV/ĐUK", subject="V/v quán triệt Nghị quyết 05")
    second = make_assignment(app, cell="CB03", number="77-CV/ĐU", subject="V/v kiểm tra đảng viên")
    third = make_assignment(
        app,
        cell="CB03",
        number="12-KH/ĐU",
        subject="V/v học tập chuyên đề",
        complete_due=None,
        report_due=datetime(2021, 8, 20, 23, 59),
    )
    _plan(app, first, second, third)
    until(app, datetime(2021, 8, 17, 8, 30))
    texts = [text for when, who, text in delivered(app, "reminder") if who == "CB03"]
    assert texts == [
        "🔔 Nhắc việc\n"
        "141-CV/ĐUK — V/v quán triệt Nghị quyết 05\n"
        "• Hoàn thành: hết ngày 20/8 — còn 3 ngày.\n"
        "\n"
        "77-CV/ĐU — V/v kiểm tra đảng viên\n"
        "• Hoàn thành: hết ngày 20/8 — còn 3 ngày.\n"
        "\n"
        "12-KH/ĐU — V/v học tập chuyên đề\n"
        "• Báo cáo: trước 21/8 — còn 3 ngày.\n"
        "Đề nghị đồng chí báo cáo kết quả khi hoàn thành."
    ]
    message = [reply for chat, reply in outbox.sent if chat == "u-cb03"][-1]
    assert [c.label for c in message.flat_choices()] == [
        "Báo cáo 141-CV/ĐUK",
        "Đã nhận 141-CV/ĐUK",
        "Báo cáo 77-CV/ĐU",
        "Đã nhận 77-CV/ĐU",
        "Báo cáo 12-KH/ĐU",
        "Đã nhận 12-KH/ĐU",
    ]
    # three rows stored as sent, one message on the wire
    assert len([c for c, _r in outbox.sent if c == "u-cb03"]) == 1


def test_time_left_counts_from_the_moment_it_is_sent_and_rounds_down():
    t = Translator("vi")
    due = local_to_utc(datetime(2021, 8, 20, 7, 30))
    assert time_left(t, due, local_to_utc(datetime(2021, 8, 20, 7, 0)), TZ) == "còn 30 phút"
    assert time_left(t, due, local_to_utc(datetime(2021, 8, 20, 4, 45)), TZ) == "còn 2 giờ 45 phút"
    assert time_left(t, due, local_to_utc(datetime(2021, 8, 20, 4, 30)), TZ, hours=True) == "còn 3 giờ"
    assert time_left(t, due, local_to_utc(datetime(2021, 8, 17, 8, 0)), TZ) == "còn 3 ngày"
    assert (
        time_left(t, due + timedelta(hours=16), local_to_utc(datetime(2021, 8, 20, 8, 0)), TZ) == "hôm nay là hạn cuối"
    )
    assert time_left(t, due, due + timedelta(days=2), TZ) == "đã quá hạn 2 ngày"
    assert time_left(Translator("en"), due, local_to_utc(datetime(2021, 8, 20, 7, 0)), TZ) == "30 minutes left"


def test_escalation_names_cells_no_reminder_could_reach(org, app):
    reachable = make_assignment(app, cell="CB03")
    with session_scope(app.engine) as session:
        directive_id = session.get(Assignment, reachable).directive_id
    # DB1 has no registered secretary: no reminder ever reached it
    silent = make_assignment(app, cell="DB1", directive_id=directive_id)
    _plan(app, reachable, silent)
    until(app, datetime(2021, 8, 26, 8, 30))
    escalation = [text for _w, who, text in delivered(app, "escalation") if who == "staff"]
    assert escalation == [
        "⚠️ Quá hạn: 141-CV/ĐUK — Báo cáo: trước 23/8\n"
        "Các đơn vị chưa thực hiện sau 3 lần nhắc:\n"
        "• CB03 — Chi bộ Ban Tổ chức\n"
        "Các đơn vị chưa có bí thư hoặc người phụ trách đăng ký nhận tin trên chibot (chưa nhận được lời nhắc nào), "
        "đồng chí liên hệ trực tiếp:\n"
        "• DB1 — Đảng bộ Sở Y tế"
    ]

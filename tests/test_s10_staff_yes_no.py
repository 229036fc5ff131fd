"""At the yes/no questions of /close and /remind, typed "có", "co", "ok", "không", "khong" work
like the buttons; /close speaks of recurring reports only when the directive has a rule."""

from __future__ import annotations

import pytest
from sqlmodel import select

from ground.messages import Choice
from handlers.choice_match import match_choice
from storage.db import session_scope
from storage.tables import Directive, OutboxMessage
from tests.test_s10_staff_reminders import DemoShell, clock  # noqa: F401  (the demo's clock)


@pytest.fixture
def staff(app) -> DemoShell:  # noqa: ANN001
    demo = DemoShell(app)
    demo.as_person("Lê Văn Hùng")
    demo.as_person("Nguyễn Thị Lan")
    return demo


def status(app) -> str:  # noqa: ANN001
    with session_scope(app.engine) as session:
        return session.exec(select(Directive)).one().status


def by_hand(app) -> int:  # noqa: ANN001
    with session_scope(app.engine) as session:
        return len(session.exec(select(OutboxMessage).where(OutboxMessage.kind == "reminder_now")).all())


@pytest.mark.parametrize("no", ["không", "khong", "Không.", "thôi", "ko"])
def test_a_typed_no_at_close_keeps_the_directive_open(staff, app, no):
    asked = staff.line("/close 141")
    assert asked.startswith(
        "chibot: Kết thúc văn bản 141-CV/ĐUK? Sau đó chibot dừng nhắc và các chi bộ không gửi báo cáo được nữa."
    )
    assert "định kỳ" not in asked  # 141 has no recurring report
    assert staff.line(no) == "chibot: Đã thôi, văn bản vẫn mở.\n"
    assert status(app) == "published"


@pytest.mark.parametrize("yes", ["có", "co", "ok", "Có!", "đồng ý"])
def test_a_typed_yes_at_close_closes_it(staff, app, yes):
    staff.line("/close 141")
    said = staff.line(yes)
    assert said.startswith("chibot: Đã kết thúc văn bản 141-CV/ĐUK: hủy ")
    assert said.endswith(" tin nhắc chưa gửi. Mở lại: /reopen 141-CV/ĐUK\n")
    assert status(app) == "closed"


@pytest.mark.parametrize("yes", ["có", "co", "ok"])
def test_a_typed_yes_at_remind_sends_the_reminder(staff, app, yes):
    assert "Gửi nhắc ngay cho 1 đơn vị chưa thực hiện 141-CV/ĐUK?" in staff.line("/remind 141")
    said = staff.line(yes)
    assert said.startswith("chibot: Đã gửi nhắc cho 1 đơn vị chưa thực hiện 141-CV/ĐUK.")
    assert "📨 to Lê Văn Hùng: 🔔 Văn phòng nhắc: 141-CV/ĐUK" in said
    assert by_hand(app) == 1


@pytest.mark.parametrize("no", ["không", "khong"])
def test_a_typed_no_at_remind_sends_nothing(staff, app, no):
    staff.line("/remind 141")
    assert staff.line(no) == "chibot: Đã thôi, không gửi nhắc.\n"
    assert by_hand(app) == 0


def test_close_names_recurring_reports_when_the_directive_has_a_rule(staff, app):
    staff.line("/deadline 141")
    staff.line("2")
    staff.line("trước ngày 25 hằng tháng")
    staff.line("có")
    asked = staff.line("/close 141")
    assert asked.startswith("chibot: Kết thúc văn bản 141-CV/ĐUK? Sau đó chibot dừng nhắc, dừng báo cáo định kỳ và")
    assert ", dừng báo cáo định kỳ. Mở lại: /reopen 141-CV/ĐUK" in staff.line("có")


def test_yes_and_no_pick_nothing_when_the_question_is_not_yes_or_no():
    three = [Choice("Đã nhận", "a"), Choice("Báo cáo", "b"), Choice("Xem toàn văn", "c")]
    assert match_choice("có", three) is None and match_choice("không", three) is None
    two = [Choice("Đã nhận", "a"), Choice("Báo cáo", "b")]  # no cancelling option: not a yes/no
    assert match_choice("ok", two) is None

"""/reminders right after `chibot demo`, in the shell: the plan says what is true, and the
number of messages it announces is the number that really goes out."""

from __future__ import annotations

import io
import re
from datetime import datetime

import pytest
from sqlmodel import select

from bot.channels.console import ConsoleShell
from bot.demo import load_demo
from ground.clock import ManualClock
from storage.db import session_scope
from storage.tables import OutboxMessage
from tests.support.local import local_to_utc


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(local_to_utc(datetime(2026, 12, 3, 9, 0)))


class DemoShell:
    """`chibot demo` loaded at the app's time, and `chibot shell` on it."""

    def __init__(self, app) -> None:  # noqa: ANN001
        with session_scope(app.engine) as session:
            result = load_demo(session=session, now=app.clock.now(), config=app.core.deps.reminders)
        self.codes = {invite.name: invite.code for invite in result.invites}
        self.out = io.StringIO()
        self.shell = ConsoleShell(app, out=self.out)
        self.app = app

    def line(self, text: str) -> str:
        """What the shell printed for this line."""
        start = len(self.out.getvalue())
        self.shell.handle_line(text)
        return self.out.getvalue()[start:]

    def as_person(self, name: str) -> str:
        return self.line(f":as {self.codes[name]}")


@pytest.fixture
def demo(app) -> DemoShell:  # noqa: ANN001
    return DemoShell(app)


def test_right_after_the_demo_the_plan_says_nobody_is_registered_to_be_reminded(demo):
    demo.as_person("Nguyễn Thị Lan")
    said = demo.line("/reminders 141")
    assert said.splitlines()[:3] == [
        "chibot: Chưa có lịch nhắc cho 141-CV/ĐUK: 7 đơn vị chưa thực hiện nhưng chưa đơn vị nào có bí thư"
        " hoặc người phụ trách đăng ký nhận tin trên chibot. Khi họ đăng ký (mời bằng /invite), chibot tự"
        " lên lịch nhắc cho họ.",
        "Các đơn vị chưa nhận được tin qua chibot (7):",
        "• CB-GD — Chi bộ Sở Giáo dục và Đào tạo: chưa có bí thư đăng ký",
    ]
    assert "• DOAN-K — Đoàn Thanh niên Khối: chưa có người phụ trách đăng ký" in said
    assert "đã qua hạn" not in said and "đã thực hiện," not in said


def test_the_plan_counts_the_messages_that_really_go_out_merged_ones_once(demo):
    demo.as_person("Lê Văn Hùng")
    demo.as_person("Phạm Thị Mai")
    demo.as_person("Nguyễn Thị Lan")
    plan = demo.line("/reminders 141").splitlines()
    head = re.fullmatch(
        r"chibot: Lịch nhắc của 141-CV/ĐUK: (\d+) tin nhắn sẽ gửi tới 2 đơn vị \(các lời nhắc cùng giờ cho một"
        r" người được gộp thành một tin\):",
        plan[0],
    )
    assert head, plan[0]
    # Two deadlines share 08:00 on 7/12 (the Complete's day before, the Report's 3 days before): one
    # slot line each, but one message per secretary.
    assert "08:00 7/12/2026 — Hoàn thành: đến hết 8/12/2026, trước 1 ngày:" in plan
    assert "08:00 7/12/2026 — Báo cáo: trước 11/12/2026, trước 3 ngày:" in plan
    slots = [line for line in plan[1:] if line[:1].isdigit()]
    assert int(head.group(1)) < 2 * len(slots)
    # The units nobody can be reminded in are named in a second message.
    assert (
        "chibot: Không được nhắc qua chibot (5 đơn vị; khi có người đăng ký nhận tin, chibot lên lịch nhắc cho họ):"
        in plan
    )
    assert "• CB-YT — Chi bộ Sở Y tế: chưa có bí thư đăng ký" in plan
    # Everything planned goes out: the messages the secretaries get are the figure announced.
    demo.line(":at 2026-12-25 09:00")
    printed = demo.out.getvalue()
    received = re.findall(r"^📨 to (Lê Văn Hùng|Phạm Thị Mai): 🔔 Nhắc việc", printed, flags=re.M)
    assert len(received) == int(head.group(1))
    with session_scope(demo.app.engine) as session:
        reminders = session.exec(select(OutboxMessage).where(OutboxMessage.kind == "reminder")).all()
    assert {r.status for r in reminders} == {"sent"}
    assert len({(r.account_id, r.due_at) for r in reminders}) == len(received)
    assert demo.line("/reminders 141").startswith(
        "chibot: Văn bản 141-CV/ĐUK không còn lịch nhắc: các thời hạn đã qua và các lần nhắc quá hạn đã gửi"
        " hết. Nhắc thêm: /remind 141"
    )


def test_a_closed_directive_says_it_is_closed_and_close_counted_the_plan_alike(demo):
    demo.as_person("Lê Văn Hùng")
    demo.as_person("Nguyễn Thị Lan")
    planned = re.match(r"chibot: Lịch nhắc của 141-CV/ĐUK: (\d+) tin nhắn", demo.line("/reminders 141"))
    assert planned
    demo.line("/close 141")
    assert f"hủy {planned.group(1)} tin nhắc chưa gửi" in demo.line("1")
    assert demo.line("/reminders 141") == (
        "chibot: Văn bản 141-CV/ĐUK đã kết thúc nên không còn lịch nhắc. Mở lại: /reopen 141-CV/ĐUK\n"
    )

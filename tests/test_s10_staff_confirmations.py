"""«Xóa hạn» asks before removing; «Gửi» pressed again on a broadcast already sent says so and
sends nothing twice; pressed buttons are checked on the server, forged ones refused."""

from __future__ import annotations

import re

import pytest
from sqlmodel import select

from ground.messages import Incoming
from storage.db import session_scope
from storage.tables import AuditEntry, Broadcast, Directive, OutboxMessage
from tests.test_s10_staff_reminders import DemoShell, clock  # noqa: F401  (the demo's clock)

PASTED = """ĐẢNG ỦY KHỐI CƠ QUAN TỈNH
Số 201-CV/ĐUK
V/v báo cáo sơ kết công tác quý IV
Kính gửi: Các chi bộ trực thuộc
Các chi bộ xây dựng kế hoạch thực hiện trước ngày 15/12/2026; báo cáo kết quả trước ngày 20/12/2026.
T/M BAN THƯỜNG VỤ
."""


@pytest.fixture
def staff(app) -> DemoShell:  # noqa: ANN001
    demo = DemoShell(app)
    demo.as_person("Lê Văn Hùng")
    demo.as_person("Phạm Thị Mai")
    demo.as_person("Nguyễn Thị Lan")
    return demo


def press(app, user_id: str, data: str) -> str:  # noqa: ANN001
    """A button pressed by hand (as a forged or replayed callback would arrive)."""
    incoming = Incoming(channel="console", chat_id=user_id, user_id=user_id, display_name="x", button=data)
    return "\n".join(r.text for r in app.core.handle(incoming))


def user_id(demo: DemoShell, name: str) -> str:
    return next(u.user_id for u in demo.shell.users.values() if u.name == name)


def test_removing_a_deadline_asks_first_and_thoi_keeps_it(staff):
    staff.line("/new")
    staff.line(":paste")
    for line in PASTED.splitlines():
        staff.line(line)
    said = staff.line("Xóa hạn")
    assert (
        "chibot: Xóa thời hạn nào?\n  1. Kế hoạch: trước 15/12/2026\n  2. Báo cáo: trước 20/12/2026\n  3. Quay lại\n"
        in said
    )
    assert staff.line("2") == (
        "chibot: Xóa thời hạn «Báo cáo: trước 20/12/2026» khỏi văn bản?\n  1. Xóa hạn\n  2. Thôi\n"
    )
    kept = staff.line("không")
    assert kept.startswith("chibot: Đã giữ thời hạn: Báo cáo: trước 20/12/2026\n")
    assert "• Kế hoạch: trước 15/12/2026\n• Báo cáo: trước 20/12/2026" in kept
    staff.line("Xóa hạn")
    staff.line("Kế hoạch")
    removed = staff.line("có")
    assert removed.startswith("chibot: Đã xóa thời hạn: Kế hoạch: trước 15/12/2026\n")
    assert "Thời hạn:\n• Báo cáo: trước 20/12/2026\n  1. Xác nhận" in removed


def test_pressing_send_again_on_a_sent_broadcast_sends_nothing_twice(staff, app):
    staff.line("/broadcast")
    staff.line("Các đồng chí khẩn trương báo cáo.")
    preview = staff.line("1")  # everybody
    assert "Sẽ gửi tới 2 tài khoản của 2 đơn vị." in preview
    staff.line("Gửi")
    with session_scope(app.engine) as session:
        nonce = session.exec(select(AuditEntry).where(AuditEntry.action == "broadcast")).one().details["confirm"]
    again = "chibot: Tin nhắn này đã được gửi lúc 09:00 3/12/2026 tới 2 tài khoản; chibot không gửi lại lần nữa."
    assert staff.line("1").startswith(again)  # typed, on the console
    assert staff.line("gửi").startswith(again)
    lan = user_id(staff, "Nguyễn Thị Lan")
    assert press(app, lan, f"f:{nonce}:send").startswith(again[len("chibot: ") :])  # the button itself
    with session_scope(app.engine) as session:
        assert len(session.exec(select(Broadcast)).all()) == 1
        assert len(session.exec(select(OutboxMessage).where(OutboxMessage.kind == "broadcast")).all()) == 2
    # somebody else replaying that button learns nothing about it, and nothing is sent
    hung = user_id(staff, "Lê Văn Hùng")
    assert press(app, hung, f"f:{nonce}:send").startswith("Nút này đã cũ")


def test_forged_close_and_remind_buttons_are_refused_on_the_server(staff, app):
    with session_scope(app.engine) as session:
        directive_id = session.exec(select(Directive)).one().id
    hung = user_id(staff, "Lê Văn Hùng")
    assert press(app, hung, f"cls:{directive_id}") == "Đồng chí không có quyền thực hiện thao tác này."
    assert press(app, hung, f"rmd:{directive_id}:abcd1234") == "Đồng chí không có quyền thực hiện thao tác này."
    with session_scope(app.engine) as session:
        assert session.exec(select(Directive)).one().status == "published"
        assert session.exec(select(OutboxMessage).where(OutboxMessage.kind == "reminder_now")).all() == []
        denied = [e.details.get("button") for e in session.exec(select(AuditEntry)).all() if e.action == "denied"]
    assert [d for d in denied if d and re.match(r"(cls|rmd):", d)] == [
        f"cls:{directive_id}",
        f"rmd:{directive_id}:abcd1234",
    ]

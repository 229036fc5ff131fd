"""/remind after the deadlines passed: the late units are chased, the reminder says how late,
and the figure staff read is the rows written (a unit with two secretaries gets two)."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from services import invites
from storage.db import session_scope
from storage.tables import OutboxMessage
from tests.test_s10_staff_reminders import DemoShell, clock  # noqa: F401  (the demo's clock)


def chased(app) -> list[OutboxMessage]:  # noqa: ANN001
    with session_scope(app.engine) as session:
        return list(session.exec(select(OutboxMessage).where(OutboxMessage.kind == "reminder_now")).all())


def test_chasing_after_every_deadline_passed_reaches_the_late_units(app):
    demo = DemoShell(app)
    demo.as_person("Lê Văn Hùng")
    demo.as_person("Phạm Thị Mai")
    demo.as_person("Nguyễn Thị Lan")
    demo.line(":at 2026-12-20 09:00")  # the last deadline (Kế hoạch: trước 18/12/2026) is behind
    asked = demo.line("/remind 141")
    assert asked.startswith("chibot: Gửi nhắc ngay cho 2 đơn vị chưa thực hiện 141-CV/ĐUK?\n")
    said = demo.line("Gửi nhắc")
    assert said.startswith("chibot: Đã gửi nhắc cho 2 đơn vị chưa thực hiện 141-CV/ĐUK.\n")
    late = "🔔 Văn phòng nhắc: 141-CV/ĐUK — V/v tổ chức quán triệt"
    assert f"📨 to Lê Văn Hùng: {late}" in said and f"📨 to Phạm Thị Mai: {late}" in said
    assert said.count("Kế hoạch: trước 18/12/2026 — đã quá hạn 3 ngày.") == 2
    rows = chased(app)
    assert len(rows) == 2 and {r.status for r in rows} == {"sent"}


def test_the_figure_counts_each_secretary_reminded(app):
    demo = DemoShell(app)
    with session_scope(app.engine) as session:
        second, _ = invites.create_invite(
            session=session,
            unit_code="CB-VP",
            role="secretary",
            expires_in=timedelta(days=3),
            now=app.clock.now(),
            label="Trần Thị Hoa",
        )
    demo.as_person("Lê Văn Hùng")
    demo.line(f":as {second}")
    demo.as_person("Phạm Thị Mai")
    demo.as_person("Nguyễn Thị Lan")
    demo.line(":at 2026-12-12 09:00")  # Hoàn thành and Báo cáo are behind, Kế hoạch ahead
    demo.line("/remind 141")
    said = demo.line("có")
    assert said.startswith(
        "chibot: Đã gửi nhắc cho 2 đơn vị chưa thực hiện 141-CV/ĐUK (3 tin nhắn: có đơn vị có nhiều người nhận tin).\n"
    )
    assert said.count("Kế hoạch: trước 18/12/2026 — còn 5 ngày.") == 3
    assert len(chased(app)) == 3
    # asked again at once: those units were just reminded by hand
    assert demo.line("/remind 141").startswith(
        "chibot: Các đơn vị chưa thực hiện 141-CV/ĐUK vừa được nhắc bằng tay lúc 09:00 12/12/2026"
    )
    assert len(chased(app)) == 3

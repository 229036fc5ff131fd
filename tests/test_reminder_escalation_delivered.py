"""Escalation "after 3 reminders" counts the reminders a cell actually received."""

from __future__ import annotations

from datetime import datetime

from ground.messages import Reply
from ground.ports import SendResult
from tests.support.reminders import delivered, until
from tests.test_reminders_timeline import publish_to_five, quick_report


def test_escalation_counts_only_the_reminders_that_reached_each_cell(org, app, outbox):
    failing: set[str] = set()
    send = outbox.send

    async def send_or_fail(chat_id: str, reply: Reply) -> SendResult:
        if chat_id in failing:
            return SendResult("failed", reason="Bad Request: chat not found")
        return await send(chat_id, reply)

    outbox.send = send_or_fail  # type: ignore[method-assign]
    publish_to_five(org, app)
    quick_report(org["CB01"])
    # From the last day before the report deadline, nothing reaches CB04 (its account stays).
    until(app, datetime(2021, 8, 22, 7, 0))
    failing.add("u-cb04")
    # CB02 hears the first overdue reminder, then blocks the bot.
    until(app, datetime(2021, 8, 23, 9, 0))
    outbox.blocked.add("u-cb02")
    until(app, datetime(2021, 8, 26, 9, 0))
    escalations = [text for _w, who, text in delivered(app, "escalation") if who == "staff"]
    assert escalations == [
        "⚠️ Quá hạn: 141-CV/ĐUK — Báo cáo: trước 23/8/2021\n"
        "Các đơn vị chưa thực hiện sau 3 lần nhắc:\n"
        "• CB03 — Chi bộ Ban Tổ chức\n• CB05 — Chi bộ Ban Dân vận\n"
        "Các đơn vị chưa thực hiện sau 1 lần nhắc:\n"
        "• CB02 — Chi bộ Ban Tuyên giáo\n"
        "Các đơn vị chưa nhận được lời nhắc nào (tin nhắn tới bí thư, người phụ trách không gửi được), "
        "đồng chí liên hệ trực tiếp:\n"
        "• CB04 — Chi bộ Ủy ban Kiểm tra"
    ]

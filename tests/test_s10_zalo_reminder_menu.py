"""A cell secretary on Zalo opens the report, leaves it half-way, and days later a reminder
arrives ending "1. Báo cáo / 2. Đã nhận". The report has timed out meanwhile; the reminder is
the last thing on the screen, so the typed "2" is «Đã nhận», not "an old message"."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import select

from bot.simulated_time import run_until_async
from storage.db import session_scope
from storage.tables import Assignment, Report, Unit
from tests.support.local import local_to_utc
from tests.support.zalo_fixtures import running_zalo
from tests.test_zalo_e2e import publish_141, secretary, staff  # noqa: F401 (the staff fixture)


def acknowledged_by(app, code: str) -> bool:  # noqa: ANN001
    with session_scope(app.engine) as session:
        unit = session.exec(select(Unit).where(Unit.code == code)).one()
        row = session.exec(select(Assignment).where(Assignment.unit_id == unit.id)).one()
        return row.acknowledged_at is not None


async def test_a_typed_2_under_a_reminder_acknowledges_after_the_report_timed_out(zalo_server, zalo_app, staff):  # noqa: F811
    async with running_zalo(zalo_app) as runtime:
        binh = await secretary(zalo_server, runtime, zalo_app, "CB02", "z-binh", "Bình")
        await publish_141(zalo_app, staff)
        binh.news()
        assert "Hình thức quán triệt?" in await binh.say("bao cao")
        assert "Số người tiếp cận?" in await binh.say("truc tiep")  # ... and Bình is called away

        await run_until_async(zalo_app, local_to_utc(datetime(2021, 8, 17, 9, 0)))
        reminder = binh.news()
        assert reminder.startswith("🔔 Nhắc việc: 141-CV/ĐUK") and reminder.endswith("1. Báo cáo\n2. Đã nhận")
        assert not acknowledged_by(zalo_app, "CB02")

        answer = await binh.say("2")

        assert answer.startswith("Thao tác gửi báo cáo 141-CV/ĐUK")  # says the report was dropped
        assert "tin nhắn cũ" not in answer
        assert "Đã ghi nhận chi bộ đồng chí đã nhận Công văn 141-CV/ĐUK" in answer
    assert acknowledged_by(zalo_app, "CB02")


async def test_an_option_of_the_timed_out_report_itself_is_still_refused(zalo_server, zalo_app, staff):  # noqa: F811
    """The question's own numbered answers (1. Hội nghị trực tiếp ...) belonged to the flow
    that ended: a typed 1 picks nothing, and says the form closed and how to start again."""
    async with running_zalo(zalo_app) as runtime:
        binh = await secretary(zalo_server, runtime, zalo_app, "CB02", "z-binh", "Bình")
        await publish_141(zalo_app, staff)
        binh.news()
        await binh.say("1")  # Đã nhận: no reminder will offer it again
        assert "1. Hội nghị trực tiếp" in await binh.say("bao cao")
        zalo_app.clock.set(local_to_utc(datetime(2021, 8, 16, 9, 0)))  # a day later, no reminder

        answer = await binh.say("1")

        assert answer.startswith("Thao tác gửi báo cáo 141-CV/ĐUK")
        assert "nên «1» không được ghi vào báo cáo nào" in answer and "/report" in answer
    with session_scope(zalo_app.engine) as session:
        assert session.exec(select(Report)).all() == []

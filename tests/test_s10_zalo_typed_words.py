"""On Zalo the options are numbered lines; a secretary answers in words as they speak, without
diacritics. "nhận rồi" says the same as «Đã nhận» (Vietnamese marks a done thing with "đã"
before or "rồi" after), so it acknowledges; a word no option means is still not guessed."""

from __future__ import annotations

from sqlmodel import select

from storage.db import session_scope
from storage.tables import Assignment, Unit
from tests.support.zalo_fixtures import running_zalo
from tests.test_zalo_e2e import publish_141, secretary, staff  # noqa: F401 (the staff fixture)


def acknowledged(app) -> list[str]:  # noqa: ANN001
    with session_scope(app.engine) as session:
        rows = session.exec(select(Unit.code, Assignment.acknowledged_at).join(Assignment)).all()
    return sorted(code for code, at in rows if at is not None)


async def test_nhan_roi_with_or_without_diacritics_acknowledges_once(zalo_server, zalo_app, staff):  # noqa: F811
    async with running_zalo(zalo_app) as runtime:
        an = await secretary(zalo_server, runtime, zalo_app, "CB01", "z-an", "An")
        binh = await secretary(zalo_server, runtime, zalo_app, "CB02", "z-binh", "Bình")
        await publish_141(zalo_app, staff)
        assert an.news().endswith("1. Đã nhận\n2. Báo cáo\n3. Xem toàn văn")
        binh.news()

        assert "Đã ghi nhận chi bộ đồng chí đã nhận Công văn 141-CV/ĐUK" in await an.say("nhan roi")
        assert "Đã ghi nhận chi bộ đồng chí đã nhận Công văn 141-CV/ĐUK" in await binh.say("Nhận rồi.")
        # the next menu has no «Đã nhận»: the same words now pick nothing
        assert "Đã ghi nhận" not in await an.say("nhan roi")
    assert acknowledged(zalo_app) == ["CB01", "CB02"]


async def test_a_word_that_is_no_option_is_not_taken_for_one(zalo_server, zalo_app, staff):  # noqa: F811
    async with running_zalo(zalo_app) as runtime:
        an = await secretary(zalo_server, runtime, zalo_app, "CB01", "z-an", "An")
        await publish_141(zalo_app, staff)
        an.news()
        assert "Tôi chưa hiểu tin nhắn này" in await an.say("roi")
        assert "Tôi chưa hiểu tin nhắn này" in await an.say("mai roi")
    assert acknowledged(zalo_app) == []

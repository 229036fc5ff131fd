"""chibot's real core behind the Zalo channel, over real HTTP, against the fake Zalo Bot API:
what a cell secretary and a staff member see on Zalo, where there are no buttons."""

from __future__ import annotations

import asyncio
from datetime import datetime

import pytest
from sqlmodel import select

from bot.app import build_app
from bot.channels.registry import RunOptions, make_channels
from bot.runtime import Runtime
from bot.simulated_time import run_until_async
from storage.db import session_scope
from storage.tables import Assignment, ChatAccount, ChatMenu, Report
from tests.support.chat import RecordingSender
from tests.support.local import local_to_utc
from tests.support.org import register
from tests.support.zalo_fixtures import ZaloUser, new_invite, running_zalo
from tests.test_directives_flow import DOC_141

OPTIONS = "1. Đã nhận\n2. Báo cáo\n3. Xem toàn văn"


@pytest.fixture
def staff(zalo_app):
    """Committee staff on the console (their messages come through a recording sender)."""
    zalo_app.add_sender(RecordingSender("console"))
    return register(zalo_app, unit_code="DUK", role="staff", name="Trần Văn Tâm", user_id="u-staff")


async def secretary(server, runtime, app, unit: str, chat_id: str, name: str) -> ZaloUser:  # noqa: ANN001
    user = ZaloUser(server, runtime, chat_id, name)
    welcome = await user.say(new_invite(app, unit, "secretary", name))
    assert "Chào mừng đồng chí!" in welcome
    return user


async def publish_141(app, staff) -> None:  # noqa: ANN001
    staff.send("/new")
    staff.send(DOC_141)
    staff.press("Xác nhận")
    staff.press("Tất cả chi bộ")
    staff.press("Gửi")
    assert "Đã gửi" in staff.last_text, staff.last_text
    await app.dispatcher.run_once()


async def test_registration_by_invite_code_on_zalo(zalo_server, zalo_app):
    code = new_invite(zalo_app, "CB01", "secretary", "Nguyễn Văn An")
    async with running_zalo(zalo_app) as runtime:
        an = ZaloUser(zalo_server, runtime, "e4ea2cd5189df1c3a88c", "An")
        welcome = await an.say(code)
        assert "Chào mừng đồng chí! Tài khoản này đã được gắn với Chi bộ Văn phòng, vai trò bí thư chi bộ." in welcome
        assert "/report" in welcome
    with session_scope(zalo_app.engine) as session:
        account = session.exec(select(ChatAccount).where(ChatAccount.channel == "zalo")).one()
        assert account.chat_id == "e4ea2cd5189df1c3a88c" and account.display_name == "An"


async def test_a_directive_arrives_with_numbered_options_acknowledged_by_number_and_by_words(
    zalo_server, zalo_app, staff
):
    async with running_zalo(zalo_app) as runtime:
        an = await secretary(zalo_server, runtime, zalo_app, "CB01", "z-an", "An")
        binh = await secretary(zalo_server, runtime, zalo_app, "CB02", "z-binh", "Bình")
        await publish_141(zalo_app, staff)
        notice = an.news()
        assert notice.startswith("Văn bản mới: Công văn 141-CV/ĐUK") and notice.endswith(OPTIONS)
        assert binh.news().endswith(OPTIONS)
        assert "Đã ghi nhận chi bộ đồng chí đã nhận" in await an.say("1")
        assert "Đã ghi nhận chi bộ đồng chí đã nhận" in await binh.say("da nhan")
        # "7" is not one of the options now shown (report, full text): the core says which
        # numbers there are and shows them again; nothing is acknowledged twice.
        assert (await an.say("7")).startswith("Đồng chí chọn từ 1 đến 2.")
    assert all(len(t) <= 2000 for t in zalo_server.texts_to("z-an"))
    with session_scope(zalo_app.engine) as session:
        assert all(a.acknowledged_at is not None for a in session.exec(select(Assignment)).all() if a.unit_id in (2, 3))


async def test_a_full_guided_report_with_a_photo_and_a_one_line_report_on_zalo(zalo_server, zalo_app, staff):
    async with running_zalo(zalo_app) as runtime:
        an = await secretary(zalo_server, runtime, zalo_app, "CB01", "z-an", "An")
        binh = await secretary(zalo_server, runtime, zalo_app, "CB02", "z-binh", "Bình")
        await publish_141(zalo_app, staff)
        an.news()
        question = await an.say("2")  # Báo cáo
        assert "Hình thức quán triệt?" in question and "1. Hội nghị trực tiếp" in question
        await an.say("hoi nghi truc tiep")
        await an.say("zalo")
        assert "Số người tiếp cận?" in await an.say("xong")
        assert "Nhận thức" in await an.say("45/50")
        await an.say("tot")
        await an.say("Thiếu hội trường")
        saved = await an.send_photo("bien-ban.jpg", b"\xff\xd8JPEGDATA")
        assert "Đã nhận tệp" in saved
        summary = await an.say("xong")
        assert "Số người tiếp cận: 45/50 (90%)" in summary
        assert "Cảm ơn đồng chí!" in await an.say("xac nhan")
        one_line = await binh.say("bc 141 tt+zalo 30/40 kha")
        assert "30/40 (75%)" in one_line
        assert "Cảm ơn đồng chí!" in await binh.say("1")  # 1. Xác nhận
    with session_scope(zalo_app.engine) as session:
        reports = session.exec(select(Report).order_by(Report.id)).all()
        assert [(r.reached, r.total) for r in reports] == [(45, 50), (30, 40)]
        assert open(reports[0].attachments[0]["path"], "rb").read() == b"\xff\xd8JPEGDATA"


async def test_on_zalo_a_typed_1_under_the_difficulties_question_skips_it(zalo_server, zalo_app, staff):
    """The optional free-text question shows "1. Bỏ qua": the secretary's "1" is that option,
    not a difficulty called "1"; the question says so."""
    async with running_zalo(zalo_app) as runtime:
        an = await secretary(zalo_server, runtime, zalo_app, "CB01", "z-an", "An")
        await publish_141(zalo_app, staff)
        an.news()
        await an.say("2")  # Báo cáo
        await an.say("truc tiep")
        await an.say("45/50")
        difficulties = await an.say("tot")
        assert difficulties.startswith("Khó khăn, đề xuất?")
        assert "(Không bắt buộc: gõ 1 để bỏ qua nếu không có.)" in difficulties
        assert difficulties.endswith("1. Bỏ qua\n2. « Quay lại")
        attachment = await an.say("1")
        assert attachment.startswith("Tệp đính kèm") and attachment.endswith("1. Xong\n2. Bỏ qua\n3. « Quay lại")
        summary = await an.say("2")
        assert "• Khó khăn, đề xuất: (không có)" in summary and summary.endswith("1. Xác nhận\n2. Sửa")
        assert "Cảm ơn đồng chí!" in await an.say("1")
    with session_scope(zalo_app.engine) as session:
        report = session.exec(select(Report)).one()
        assert (report.reached, report.total, report.difficulties) == (45, 50, None)


async def test_a_reminder_reaches_zalo_and_its_first_option_starts_the_report(zalo_server, zalo_app, staff):
    async with running_zalo(zalo_app) as runtime:
        an = await secretary(zalo_server, runtime, zalo_app, "CB01", "z-an", "An")
        await publish_141(zalo_app, staff)
        an.news()
        await run_until_async(zalo_app, local_to_utc(datetime(2021, 8, 17, 9, 0)))
        reminder = an.news()
        assert reminder.startswith("🔔 Nhắc việc: 141-CV/ĐUK")
        assert "Hoàn thành: đến hết 20/8/2021 — còn 3 ngày." in reminder
        assert reminder.endswith("1. Báo cáo\n2. Đã nhận")
        question = await an.say("1")
        assert "Hình thức quán triệt?" in question


async def test_a_broadcast_on_zalo_progress_as_a_few_messages_and_a_report_naming_the_channel(zalo_server, zalo_app):
    async with running_zalo(zalo_app) as runtime:
        tam = ZaloUser(zalo_server, runtime, "z-staff", "Tâm")
        assert "Chào mừng" in await tam.say(new_invite(zalo_app, "DUK", "staff", "Trần Văn Tâm"))
        cells = [
            await secretary(zalo_server, runtime, zalo_app, f"CB0{n}", f"z-cb0{n}", f"Bí thư CB0{n}")
            for n in range(1, 5)
        ]
        zalo_server.blocked.add("z-cb03")
        await tam.say("/broadcast")
        await tam.say("Đề nghị các chi bộ báo cáo trước 17h00.")
        preview = await tam.say("tat ca chi bo")
        assert "Sẽ gửi tới 4 tài khoản của 4 đơn vị." in preview
        await tam.say("gui")
        await zalo_app.dispatcher.run_once()
        await zalo_app.dispatcher.run_once()
        for n, cell in enumerate(cells, start=1):
            expected = 0 if n == 3 else 1
            assert sum("Đề nghị các chi bộ báo cáo trước 17h00." in t for t in cell.all_texts) == expected
        staff_texts = tam.all_texts
        progress = [t for t in staff_texts if t.startswith("Đã gửi ")]
        # a few new messages, never one per message: start, halfway, done (the dispatcher sends to
        # several chats at once, so two of those moments may fall together)
        shown = [int(t.removeprefix("Đã gửi ").removesuffix("/4")) for t in progress]
        assert shown == sorted(set(shown)) and shown[-1] == 4 and len(shown) <= 3
        report = staff_texts[-1]
        assert report.startswith("Kết quả gửi tin (tất cả chi bộ, đoàn thể):\n• Đã gửi tới: 3")
        assert "đã chặn chatbot: Bí thư CB03" in report and report.endswith("• Gửi qua: Zalo 3")


async def test_a_chart_request_on_zalo_is_answered_without_an_image_url(zalo_server, zalo_app):
    async with running_zalo(zalo_app) as runtime:
        tam = ZaloUser(zalo_server, runtime, "z-staff", "Tâm")
        await tam.say(new_invite(zalo_app, "DUK", "staff", "Trần Văn Tâm"))
        await tam.say("/new")
        await tam.say(DOC_141)
        await tam.say("xac nhan")
        await tam.say("tat ca chi bo")
        await tam.say("gui")
        answer = await tam.say("/status 141 chart")
        assert "Ảnh biểu đồ không gửi được qua Zalo" in answer
        assert zalo_server.calls_of("sendPhoto") == []
        detail = await tam.say("/status 141")
        assert "1. Xem biểu đồ" in detail or "Xem biểu đồ" in detail


async def test_a_chart_goes_as_a_link_served_by_chibot_when_a_public_url_is_set(zalo_server, zalo_app, tmp_path):
    zalo_app.settings.public_base_url = "https://chibot.example.vn"
    zalo_app.settings.zalo_webhook_listen, zalo_app.settings.zalo_webhook_port = "127.0.0.1", 0
    async with running_zalo(zalo_app) as runtime:
        tam = ZaloUser(zalo_server, runtime, "z-staff", "Tâm")
        await tam.say(new_invite(zalo_app, "DUK", "staff", "Trần Văn Tâm"))
        for line in ("/new", DOC_141, "xac nhan", "tat ca chi bo", "gui"):
            await tam.say(line)
        await tam.say("/status 141 chart")
        [url] = zalo_server.photos_to("z-staff")
        assert url.startswith("https://chibot.example.vn/files/")
        import httpx

        local = url.replace("https://chibot.example.vn", f"http://127.0.0.1:{runtime.server.port}")
        async with httpx.AsyncClient() as client:
            png = await client.get(local)
            missing = await client.get(local.replace("/files/", "/files/x"))
        assert png.status_code == 200 and png.content.startswith(b"\x89PNG")
        assert missing.status_code == 404


async def test_stickers_unsupported_messages_and_long_replies(zalo_server, zalo_app, staff):
    async with running_zalo(zalo_app) as runtime:
        an = await secretary(zalo_server, runtime, zalo_app, "CB01", "z-an", "An")
        zalo_server.push_sticker(chat_id="z-an")
        await an._settle()
        assert "Tôi chỉ đọc được tin nhắn chữ" in an.news()
        zalo_server.push_unsupported(chat_id="z-an")
        await an._settle()
        assert "Tôi chỉ đọc được tin nhắn chữ" in an.news()
        await publish_141(zalo_app, staff)
        an.news()
        full = await an.say("3")  # Xem toàn văn: longer than one Zalo message
        parts = zalo_server.texts_to("z-an")[-full.count("\n---\n") - 1 :]
        assert len(parts) >= 2 and all(1 <= len(p) <= 2000 for p in parts)
        assert "Nguyễn Phúc Hậu" in full and full.endswith("1. Đã nhận\n2. Báo cáo")  # options on the last part


async def menu_recorded(app, chat_id: str, timeout: float = 10.0) -> None:  # noqa: ANN001
    """Until the dispatcher has committed what it sent to ``chat_id`` with its numbered menu
    (the fake server sees the message a moment before the dispatcher marks it sent)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        with session_scope(app.engine) as session:
            menu = session.exec(select(ChatMenu).where(ChatMenu.chat_id == chat_id)).first()
            if menu is not None and any(str(o.get("data", "")).startswith("ack:") for o in menu.options):
                return
        await asyncio.sleep(0.05)
    raise AssertionError(f"no menu recorded for {chat_id}")


async def test_chibot_run_channel_zalo_in_process_the_runtime_delivers_and_stops_it(zalo_server, zalo_app, staff):
    """What `chibot run --channel zalo` starts: the registry's channel inside the runtime. The
    commit that queues the directive wakes the runtime's dispatcher (no test nudges it); the
    stop ends the polling and unregisters the sender."""
    [channel] = make_channels(["zalo"], zalo_app.settings, RunOptions())
    channel.min_backoff, channel.poll_timeout = 0.01, 1
    async with Runtime(zalo_app, [channel], reminder_jobs=False):
        assert zalo_app.senders["zalo"] is channel.sender
        an = await secretary(zalo_server, channel, zalo_app, "CB01", "z-an", "An")
        staff.send("/new")
        staff.send(DOC_141)
        staff.press("Xác nhận")
        staff.press("Tất cả chi bộ")
        staff.press("Gửi")
        await zalo_server.wait_for("sendMessage", chat_id="z-an", count=2, timeout=20)
        assert an.news().startswith("Văn bản mới: Công văn 141-CV/ĐUK")
        await menu_recorded(zalo_app, "z-an")
        assert "Đã ghi nhận chi bộ đồng chí đã nhận" in await an.say("1")
    assert "zalo" not in zalo_app.senders
    polls = zalo_server.polls_started
    await asyncio.sleep(0.3)
    assert zalo_server.polls_started == polls


async def test_a_restart_between_the_directive_and_the_typed_1_still_acknowledges(zalo_server, zalo_app, staff):
    """The menu a Zalo chat answers is the one the core recorded in the database: a new
    process (new app, new channel) reads "1" against the directive the old one delivered."""
    async with running_zalo(zalo_app) as runtime:
        an = await secretary(zalo_server, runtime, zalo_app, "CB01", "z-an", "An")
        await publish_141(zalo_app, staff)
        assert an.news().endswith(OPTIONS)
    # The old process's last long poll is answered (empty) before anyone writes again: an
    # update taken by a poll nobody waits for any more would be lost, here as on Zalo.
    while len(zalo_server.calls_of("getUpdates", ok=None)) < zalo_server.polls_started:
        await asyncio.sleep(0.01)
    restarted = build_app(zalo_app.settings, clock=zalo_app.clock, engine=zalo_app.engine, migrate=False)
    async with running_zalo(restarted) as runtime:
        an = ZaloUser(zalo_server, runtime, "z-an", "An")
        an.news()
        assert "Đã ghi nhận chi bộ đồng chí đã nhận" in await an.say("1")
    with session_scope(zalo_app.engine) as session:
        acknowledged = [a for a in session.exec(select(Assignment)).all() if a.acknowledged_at is not None]
        assert [a.unit_id for a in acknowledged] == [2]

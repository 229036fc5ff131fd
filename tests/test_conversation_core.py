"""The conversation core, as users see it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from ground.messages import Incoming
from storage.tables import AuditEntry, ChatAccount, ConversationState
from tests.support.chat import CHANNELS, Chat

#: The same conversations on every channel: the core decides, the channel only renders.
pytestmark = pytest.mark.parametrize("channel", CHANNELS)


def test_unknown_user_is_told_how_to_register_and_nothing_else(app, channel):
    stranger = Chat(app=app, user_id="u-x", channel=channel)
    for text in ("xin chào", "/help", "/whoami", "/invite", "/lang en"):
        stranger.send(text)
        assert "mã mời" in stranger.last_text
        assert "/invite" not in stranger.last_text


def test_start_with_invite_binds_account_and_lists_commands(org):
    secretary = org["CB01"]
    secretary.send("/whoami")
    assert "Bí thư CB01" in secretary.last_text
    assert "bí thư chi bộ — Chi bộ Văn phòng (mã CB01)" in secretary.last_text


def test_start_with_wrong_code_says_so(app, channel):
    stranger = Chat(app=app, user_id="u-x", channel=channel)
    stranger.send("/start KHONGCOMA1")
    assert "Mã mời không đúng" in stranger.last_text


def test_help_lists_only_what_the_role_may_do(org):
    org["CB01"].send("/help")
    assert "/invite" not in org["CB01"].last_text
    org["staff"].send("/help")
    assert "/invite" in org["staff"].last_text


def test_secretary_cannot_use_staff_commands_and_it_is_audited(org, session):
    org["CB01"].send("/invite")
    assert "không có quyền" in org["CB01"].last_text
    denied = session.exec(select(AuditEntry).where(AuditEntry.action == "denied")).all()
    assert [d.details["command"] for d in denied] == ["invite"]


def test_unknown_command_is_answered_politely(org):
    org["CB01"].send("/xyz")
    assert "Tôi chưa biết lệnh /xyz" in org["CB01"].last_text


def test_cancel_leaves_the_flow_and_saves_nothing(org, session):
    staff = org["staff"]
    staff.send("/invite")
    staff.send("CB02")
    staff.send("/cancel")
    assert "Đã hủy tạo mã mời" in staff.last_text
    assert session.exec(select(ConversationState)).all() == []
    staff.send("/cancel")
    assert "không có thao tác nào" in staff.last_text


def test_flow_survives_a_restart_at_the_same_step(org, settings, engine, clock):
    from bot.app import build_app

    staff = org["staff"]
    staff.send("/invite")
    staff.send("CB03")
    assert "vai trò nào" in staff.last_text
    # A new application on the same database: nothing in memory survives.
    restarted = build_app(settings, clock=clock, engine=engine, migrate=False)
    again = Chat(app=restarted, user_id=staff.user_id, name=staff.name, channel=staff.channel)
    again._buttons, again._message_with_buttons = staff._buttons, staff._message_with_buttons
    again.press("bí thư")
    assert "Họ tên người được mời" in again.last_text
    again.send("Phạm Thị Mới")
    assert "Đã tạo mã mời cho bí thư chi bộ — Chi bộ Ban Tổ chức (Phạm Thị Mới)" in again.last_text


def test_abandoned_flow_expires_with_a_friendly_note(org, clock, settings):
    staff = org["staff"]
    staff.send("/invite")
    clock.advance(timedelta(minutes=settings.conversation_timeout_minutes + 1))
    staff.send("CB02")
    assert "đã quá lâu không được hoàn tất" in staff.last_text
    assert "Tôi chưa hiểu tin nhắn này" in staff.last_text


def test_stale_button_from_an_earlier_question_is_refused(org):
    staff = org["staff"]
    staff.send("/invite")
    staff.send("CB02")
    old = staff.button("bí thư")
    staff.press("bí thư")
    staff.press_data(old.data)
    assert "Nút này đã cũ" in staff.last_text


def test_forged_and_unknown_buttons_are_refused(org):
    org["CB01"].press_data("zz:1:2")
    assert "Nút này đã cũ" in org["CB01"].last_text
    org["CB01"].press_data("f:nonce:secretary")
    assert "Nút này đã cũ" in org["CB01"].last_text


def test_same_update_delivered_twice_is_processed_once(org, app, session, channel):
    incoming = Incoming(channel=channel, chat_id="u-staff", user_id="u-staff", text="/invite", update_id="dup-1")
    first = app.core.handle(incoming)
    second = app.core.handle(incoming)
    assert "đơn vị nào" in first[0].text
    assert second == []


def test_unregistered_user_can_send_the_bare_invite_code(app, org):
    from services import invites
    from storage.db import session_scope

    with session_scope(app.engine) as s:
        code, _ = invites.create_invite(
            session=s, unit_code="CB04", role="secretary", expires_in=timedelta(days=1), now=app.clock.now()
        )
    newcomer = Chat(app=app, user_id="u-new", channel="zalo")
    newcomer.send(code.lower())
    assert "Chi bộ Ủy ban Kiểm tra" in newcomer.last_text


def test_lang_switches_texts_to_english(org):
    org["CB01"].send("/lang en")
    assert org["CB01"].last_text == "Switched to English."
    org["CB01"].send("/help")
    assert "Commands you can use" in org["CB01"].last_text
    org["CB01"].send("/lang fr")
    assert "Usage: /lang vi or /lang en" in org["CB01"].last_text


def test_bad_inputs_outside_a_flow_get_short_answers(org):
    chat = org["CB01"]
    chat.send("x" * 10_000)
    assert "Tôi chưa hiểu" in chat.last_text
    chat.send("😀🎉")
    assert "Tôi chưa hiểu" in chat.last_text
    chat.upload("photo.jpg", b"\xff\xd8\xff", "image/jpeg", kind="photo")
    assert "đã nhận tệp" in chat.last_text
    chat.upload("sticker.webp", b"RIFF", "image/webp", kind="sticker")
    assert chat.last_text.startswith("Tôi chỉ đọc được tin nhắn chữ, tệp văn bản và ảnh.")


def test_photo_where_text_is_expected_keeps_the_step(org):
    staff = org["staff"]
    staff.send("/invite")
    staff.upload("a.jpg", b"\xff\xd8", "image/jpeg", kind="photo")
    assert "câu trả lời bằng chữ" in staff.last_text
    staff.send("CB02")
    assert "vai trò nào" in staff.last_text


def test_handler_error_gives_an_apology_and_saves_nothing(org, app, monkeypatch, session):
    from handlers import invite_flow

    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(invite_flow.InviteFlow, "_got_unit", boom)
    staff = org["staff"]
    staff.send("/invite")
    staff.send("CB02")
    assert "Xin lỗi, đã có lỗi xảy ra" in staff.last_text
    state = session.exec(select(ConversationState)).one()
    assert state.step == "unit"


def test_blocked_chat_is_marked_unreachable(org, app, session, channel):
    app.core.mark_unreachable(channel=channel, chat_id="u-cb01", reason="Forbidden: bot was blocked by the user")
    account = session.exec(select(ChatAccount).where(ChatAccount.external_user_id == "u-cb01")).one()
    assert account.reachable is False
    assert "blocked" in account.unreachable_reason


def test_control_characters_typed_in_a_message_never_reach_the_database(org, app):
    """A NUL in a report answer is stored nowhere (PostgreSQL refuses it): the text is cleaned first."""
    from sqlmodel import select

    from storage.db import session_scope
    from storage.tables import Report
    from tests.support.report_factories import make_assignment

    make_assignment(app, cell="CB01")
    cell = org["CB01"]
    cell.send("bc 141 truc tiep 45/50 tot\x00, kho khan: thieu\x07 may chieu\x00")
    cell.press("Xác nhận")
    assert cell.last_text.startswith("Cảm ơn đồng chí!"), cell.last_text
    with session_scope(app.engine) as session:
        report = session.exec(select(Report)).one()
    assert "\x00" not in str(report.answers) and "\x07" not in str(report.answers)
    assert report.reached == 45 and report.total == 50

"""Numbered choices answered by typing, on a channel without buttons (the console; Zalo next),
after a restart and in another process: the core keeps each chat's current menu in the
database. And "Đã nhận" typed instead of pressed, on every channel."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import delete, select

from bot.app import build_app
from storage.db import session_scope
from storage.tables import Assignment, ChatMenu, Directive, Report
from tests.support.chat import Chat, RecordingSender, deliver
from tests.support.org import register
from tests.support.report_factories import make_assignment

DOC_141 = (Path(__file__).parent / "fixtures" / "seeds" / "003_11edc695b26208f2.txt").read_text(encoding="utf-8")

ACKED_141 = "Đã ghi nhận chi bộ đồng chí đã nhận Công văn 141-CV/ĐUK lúc 08:00 15/8/2021. Cảm ơn đồng chí."


def publish_141(org, app) -> None:  # noqa: ANN001
    """Staff publish 141 to every cell; the dispatcher sends it out."""
    staff = org["staff"]
    staff.send("/new")
    staff.send(DOC_141)
    staff.press("Xác nhận")
    staff.press("Tất cả chi bộ")
    staff.press("Gửi")
    assert "Đã gửi" in staff.last_text, staff.last_text
    deliver(app)


def restarted(app, settings, engine, clock, user_id: str, channel: str = "console") -> Chat:  # noqa: ANN001
    """The same chat talking to a new process: a new app and core on the same database."""
    again = build_app(settings, clock=clock, engine=engine, migrate=False)
    again.add_sender(RecordingSender(channel))
    return Chat(app=again, user_id=user_id, channel=channel)


def acknowledged(session, cell: str = "CB01") -> list[Assignment]:  # noqa: ANN001
    session.expire_all()
    from storage.tables import Unit

    unit = session.exec(select(Unit).where(Unit.code == cell)).one()
    return [
        a
        for a in session.exec(select(Assignment).where(Assignment.unit_id == unit.id))
        if a.acknowledged_at is not None
    ]


# ---- a directive the dispatcher sent, answered after a restart --------------------------------


def test_after_a_restart_1_acknowledges_the_directive_the_dispatcher_sent(
    org, app, outbox, settings, engine, clock, session
):
    publish_141(org, app)
    sent = [r for chat, r in outbox.sent if chat == "u-cb01" and r.text.startswith("Văn bản mới")][-1]
    assert [c.label for c in sent.flat_choices()] == ["Đã nhận", "Báo cáo", "Xem toàn văn"]

    cb01 = restarted(app, settings, engine, clock, "u-cb01")
    cb01.send("1")

    assert cb01.last_text == ACKED_141
    assert len(acknowledged(session)) == 1
    # What is left to do is the new menu: "1" now means Báo cáo.
    assert cb01.buttons == ["Báo cáo", "Xem toàn văn"]


def test_after_a_restart_2_starts_the_report_on_that_directive(org, app, settings, engine, clock):
    publish_141(org, app)

    cb01 = restarted(app, settings, engine, clock, "u-cb01")
    cb01.send("2")

    assert "Báo cáo 141-CV/ĐUK — Chi bộ Văn phòng" in cb01.last_text
    assert "Hình thức quán triệt?" in cb01.last_text


def test_the_words_of_an_option_without_diacritics_pick_it_too(org, app, settings, engine, clock, session):
    publish_141(org, app)

    cb01 = restarted(app, settings, engine, clock, "u-cb01")
    cb01.send("xem toan van")

    assert "Số 141 - CV/ĐUK" in cb01.last_text  # the full text, from its first lines
    assert acknowledged(session) == []


def test_a_number_past_the_last_option_states_the_range_and_shows_the_menu_again(
    org, app, settings, engine, clock, session
):
    publish_141(org, app)

    cb01 = restarted(app, settings, engine, clock, "u-cb01")
    cb01.send("9")

    assert cb01.last_text.startswith("Đồng chí chọn từ 1 đến 3.")
    assert cb01.buttons == ["Đã nhận", "Báo cáo", "Xem toàn văn"]
    assert acknowledged(session) == []
    cb01.send("1")
    assert cb01.last_text == ACKED_141


def test_a_number_with_no_menu_says_so_and_what_to_do(org):
    cb01 = org["CB01"]
    cb01.send("3")
    assert cb01.last_text == "Tôi chưa rõ đồng chí chọn mục nào. Gõ /help để xem các lệnh đồng chí có thể dùng."
    cb01.send("xyz")
    assert cb01.last_text == "Tôi chưa hiểu tin nhắn này. Gõ /help để xem các lệnh đồng chí có thể dùng."


def test_a_menu_is_the_chats_own_and_only_what_was_delivered_is_one(org, app, outbox):
    outbox.blocked.add("u-cb03")
    publish_141(org, app)
    # CB02 got its own copy of the directive: its "1" is its own acknowledgement, never CB01's.
    org["CB02"].send("1")
    assert org["CB02"].last_text == ACKED_141
    with session_scope(app.engine) as session:
        menus = {m.chat_id: [o["data"].split(":")[0] for o in m.options] for m in session.exec(select(ChatMenu))}
    assert menus["u-cb01"] == ["ack", "rep", "full"]
    assert menus["u-cb02"] == ["rep", "full"]
    assert "u-cb03" not in menus  # the chat blocked the bot: it was shown nothing


# ---- flows: numbers that are answers, and menus that went stale -------------------------------


def test_in_the_people_reached_step_a_bare_number_is_a_count_not_an_option(org, app, settings, engine, clock, session):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.send("truc tiep + zalo")
    assert "Số người tiếp cận?" in cb01.last_text
    assert cb01.replies[-1].flat_choices() == []  # no "1. « Quay lại" where "1" is one person (walk6 #9)

    cb01 = restarted(app, settings, engine, clock, "u-cb01")
    cb01.send("1")
    assert "Tổng số" in cb01.last_text
    cb01.send("50")
    assert "Nhận thức" in cb01.last_text
    cb01.send("2")  # the awareness question's own options: 2 is Khá
    cb01.send("bo qua")
    cb01.send("bo qua")
    assert "Số người tiếp cận: 1/50 (2%)" in cb01.last_text
    assert cb01.buttons == ["Xác nhận", "Sửa"]
    cb01.send("1")

    assert "Đã gửi báo cáo 141-CV/ĐUK — Chi bộ Văn phòng" in cb01.last_text
    session.expire_all()
    report = session.exec(select(Report)).one()
    assert (report.reached, report.total, report.awareness) == (1, 50, "kha")


def test_on_the_optional_difficulties_step_a_typed_1_is_the_option_shown_and_words_are_the_answer(
    org, app, settings, engine, clock, session
):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.send("truc tiep + zalo")
    cb01.send("45/50")
    cb01.send("tot")
    assert cb01.last_text.startswith("Khó khăn, đề xuất? Đồng chí gõ nội dung")
    assert "(Không bắt buộc: gõ 1 để bỏ qua nếu không có.)" in cb01.last_text  # the prompt says what 1 is
    assert cb01.buttons == ["Bỏ qua", "« Quay lại"]

    cb01 = restarted(app, settings, engine, clock, "u-cb01")  # the menu and the rule outlive a restart
    cb01.send("1")
    assert "Tệp đính kèm" in cb01.last_text and "gõ 2 để bỏ qua" in cb01.last_text  # the next question: 1 skipped
    cb01.send("3")  # « Quay lại (1. Xong  2. Bỏ qua  3. « Quay lại)
    assert cb01.last_text.startswith("Khó khăn, đề xuất?")
    cb01.send("17")  # no option has that number: on a free-text step it is what was typed
    assert "Tệp đính kèm" in cb01.last_text
    cb01.send("bo qua")
    assert "• Khó khăn, đề xuất: 17" in cb01.last_text
    cb01.send("sua")
    cb01.send("5")  # the fifth field
    assert cb01.last_text.startswith("Khó khăn, đề xuất?") and "Câu trả lời hiện tại: 17." in cb01.last_text
    cb01.send("Thiếu hội trường")
    cb01.send("xac nhan")
    assert "Đã gửi báo cáo 141-CV/ĐUK — Chi bộ Văn phòng" in cb01.last_text
    session.expire_all()
    assert session.exec(select(Report)).one().difficulties == "Thiếu hội trường"


def test_a_menu_of_a_flow_that_ended_is_stale_and_does_nothing(org, session):
    staff = org["staff"]
    staff.send("/new")
    staff.send(DOC_141)
    assert staff.buttons == ["Xác nhận", "Sửa", "Thêm hạn", "Xóa hạn", "Hủy"]
    staff.send("/cancel")
    staff.send("1")

    assert staff.last_text == (
        "Các lựa chọn đó thuộc một tin nhắn cũ, không còn dùng được. Gõ /help để xem các lệnh đồng chí có thể dùng."
    )
    session.expire_all()
    assert session.exec(select(Directive)).all() == []


def test_a_menu_of_an_earlier_flow_does_not_answer_the_next_one(org):
    admin = org["admin"]
    admin.send("/invite")
    admin.send("CB01")
    assert admin.buttons[0] == "bí thư chi bộ"
    admin.send("/cancel")
    admin.send("/invite")  # a new flow, asking for a unit code: no options to number
    admin.send("1")

    # "1" is this question's answer, not the old menu's "bí thư chi bộ".
    assert admin.last_text.startswith("«1» không phải mã đơn vị. Đồng chí gõ mã của đơn vị, ví dụ: CB01")


def test_a_number_with_no_menu_recorded_in_a_flow_offers_the_steps_menu_again(org, app, session):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.send("bc 141 tt 45/50 tot")
    assert cb01.buttons == ["Xác nhận", "Sửa"]
    # A chat whose menu was shown before menus were recorded (say, before the upgrade).
    with session_scope(app.engine) as other:
        other.exec(delete(ChatMenu))
    cb01.send("1")

    assert cb01.last_text.startswith("Tôi chưa rõ đồng chí chọn mục nào.\n")
    assert cb01.buttons == ["Xác nhận", "Sửa"]
    cb01.send("1")
    assert "Đã gửi báo cáo 141-CV/ĐUK — Chi bộ Văn phòng" in cb01.last_text
    session.expire_all()
    assert [r.assignment_id for r in session.exec(select(Report))] == [aid]


def test_a_directive_sent_in_the_middle_of_a_flow_is_what_1_answers(org, app, session):
    cb01 = org["CB01"]
    aid = make_assignment(app, number="77-CV/ĐUK")
    cb01.press_data(f"rep:{aid}")
    assert "Hình thức quán triệt?" in cb01.last_text
    publish_141(org, app)  # arrives while CB01 is answering the first question
    cb01.send("1")

    assert cb01.last_text == ACKED_141
    # The flow was not answered by it, and still takes its answer in words.
    cb01.send("truc tiep")
    assert "Số người tiếp cận?" in cb01.last_text


# ---- "Đã nhận" typed, on every channel ---------------------------------------------------------


def test_typed_da_nhan_acknowledges_the_one_directive_waiting(org, app, session):
    publish_141(org, app)
    org["CB01"].send("/help")  # the directive's menu is no longer the last message
    org["CB01"].send("Đã nhận")
    assert org["CB01"].last_text == ACKED_141
    org["CB02"].send("da nhan")
    assert org["CB02"].last_text == ACKED_141
    org["CB03"].send("đã nhận 141")
    assert org["CB03"].last_text == ACKED_141
    assert len(acknowledged(session, "CB03")) == 1
    org["CB03"].send("da nhan 141")
    assert org["CB03"].last_text == "Chi bộ đồng chí đã báo nhận Công văn 141-CV/ĐUK lúc 08:00 15/8/2021 rồi."


def test_typed_da_nhan_on_telegram_acknowledges(org, app, session):
    app.add_sender(RecordingSender("telegram"))
    hoa = register(app, unit_code="CB01", role="secretary", name="Lê Thị Hoa", user_id="4001", channel="telegram")
    publish_141(org, app)
    assert [r.text[:11] for c, r in app.senders["telegram"].sent if c == "4001"] == ["Văn bản mới"]

    hoa.send("đã nhận 141")

    assert hoa.last_text == ACKED_141
    assert len(acknowledged(session)) == 1
    # Telegram has buttons: no menu is recorded, and a typed digit is never read as an option.
    with session_scope(app.engine) as other:
        assert other.exec(select(ChatMenu).where(ChatMenu.channel == "telegram")).all() == []
    hoa.send("1")
    assert hoa.last_text == "Tôi chưa hiểu tin nhắn này. Gõ /help để xem các lệnh đồng chí có thể dùng."


def test_typed_bao_cao_with_a_number_starts_that_report_on_telegram(org, app):
    hoa = register(app, unit_code="CB01", role="secretary", name="Lê Thị Hoa", user_id="4001", channel="telegram")
    make_assignment(app, number="77-CV/ĐUK")
    make_assignment(app)
    hoa.send("bao cao 141")
    assert "Báo cáo 141-CV/ĐUK — Chi bộ Văn phòng" in hoa.last_text


def test_typed_da_nhan_with_two_waiting_asks_which_and_an_unknown_number_says_so(org, app, session):
    make_assignment(app, number="77-CV/ĐUK")
    make_assignment(app)
    cb01 = org["CB01"]
    cb01.send("da nhan")
    assert cb01.last_text.startswith("Đồng chí xác nhận đã nhận văn bản nào?")
    assert cb01.buttons == ["Đã nhận: CV 141-CV/ĐUK", "Đã nhận: CV 77-CV/ĐUK"]
    cb01.send("2")
    assert cb01.last_text.startswith("Đã ghi nhận chi bộ đồng chí đã nhận CV 77-CV/ĐUK lúc")
    cb01.send("đã nhận 999")
    assert cb01.last_text == "Không có văn bản số 999 giao cho chi bộ đồng chí. Gõ /directives để xem các văn bản."
    cb01.send("da nhan")
    assert cb01.last_text.startswith("Đã ghi nhận chi bộ đồng chí đã nhận CV 141-CV/ĐUK lúc")


def test_typed_da_nhan_from_staff_is_not_an_acknowledgement(org, app, session):
    publish_141(org, app)
    org["staff"].send("da nhan 141")
    assert org["staff"].last_text == "Tôi chưa hiểu tin nhắn này. Gõ /help để xem các lệnh đồng chí có thể dùng."
    assert acknowledged(session) == []


def test_after_a_restart_2_acknowledges_from_the_reminder_the_dispatcher_sent(
    org, app, outbox, settings, engine, clock, session
):
    from datetime import timedelta

    from tests.support.chat import advance

    publish_141(org, app)
    org["CB01"].send("/help")  # something else since the directive: the reminder comes last
    advance(app, clock, timedelta(days=3))
    reminder = [r for chat, r in outbox.sent if chat == "u-cb01"][-1]
    assert not reminder.text.startswith("Văn bản mới"), reminder.text
    assert [c.label for c in reminder.flat_choices()] == ["Báo cáo", "Đã nhận"], reminder.text

    cb01 = restarted(app, settings, engine, clock, "u-cb01")
    cb01.send("2")

    assert cb01.last_text.startswith("Đã ghi nhận chi bộ đồng chí đã nhận Công văn 141-CV/ĐUK lúc")
    assert len(acknowledged(session)) == 1


def test_saying_go_ahead_picks_the_menus_one_confirming_option():
    from ground.messages import Choice
    from handlers.choice_match import match_choice

    review = [Choice("Xác nhận", "ok"), Choice("Sửa", "edit"), Choice("Hủy", "cancel")]
    for typed in ("ok gửi luôn", "OK", "đồng ý", "gui di", "Gửi."):
        assert match_choice(typed, review) == review[0], typed
    # no confirming option, or two of them: the words pick nothing
    assert match_choice("ok", [Choice("Sửa", "edit"), Choice("Hủy", "cancel")]) is None
    assert match_choice("ok", [Choice("Xác nhận", "a"), Choice("Gửi", "b")]) is None
    assert match_choice("để tôi xem lại", review) is None

"""A MẬT directive end to end on Telegram (python-telegram-bot over real HTTP to the fake Bot
API): what the cells' phones receive names it by number and the pointer, carries no full
text, no report fields and no «Xem toàn văn» button; and an old «Xem toàn văn» button (a
message sent before the directive was marked secret, or a forged callback) is refused by the
server, not only hidden."""

from __future__ import annotations

from sqlmodel import select

from bot.channels.telegram_app import build_telegram_sender
from storage.db import session_scope
from storage.tables import Directive
from tests.support.telegram_running import running_polling
from tests.test_broadcast_telegram import register, run_until_done
from tests.test_directives_flow import DOC_141
from tests.test_telegram_e2e import telegram_app

STAFF = 5001
CELLS = {"CB01": 5101, "CB02": 5102}
SECRET_141 = DOC_141.replace("KHẨN\n", "KHẨN\n\nMẬT\n", 1)
#: Words of 141's subject, of its body and of its report fields.
SUBJECT_WORDS = ("tuyên truyền", "05-NQ/TU", "Nghị quyết số 05")
BODY_WORDS = ("Kính gửi", "T/M BAN THƯỜNG VỤ", "Nguyễn Phúc Hậu")
REPORT_FIELD_WORDS = ("Báo cáo cần nêu rõ", "hình thức quán triệt")
POINTER = "nhận văn bản theo đường văn thư/tại Văn phòng; trích yếu không gửi qua chat"
REFUSED = "là văn bản mật: toàn văn được chuyển theo đường văn thư chính thức, không gửi qua chat."


def _leaks(text: str, words: tuple[str, ...]) -> list[str]:
    return [w for w in words if w.lower() in text.lower()]


def _buttons(message: dict) -> list[tuple[str, str]]:
    keyboard = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return [(b["text"], b.get("callback_data", "")) for row in keyboard for b in row]


def _publish(chibot, text: str):  # noqa: ANN001, ANN202
    staff = register(chibot, "DUK", "staff", STAFF)
    for code, user in CELLS.items():
        register(chibot, code, "secretary", user)
    staff.send("/new")
    staff.send(text)
    staff.press("Xác nhận")
    staff.press("Tất cả chi bộ")
    staff.press("Gửi")
    assert "Đã gửi" in staff.last_text, staff.last_text
    return staff


def _directive_message(server, user: int) -> dict:  # noqa: ANN001
    (message,) = [m for m in server.chat_messages(user) if m.get("text", "").startswith("Văn bản mới")]
    return message


async def test_cells_receive_a_secret_directive_without_its_subject_text_or_report_fields(server, chibot, clock):
    sender = build_telegram_sender(chibot.settings, base_url=server.base_url, base_file_url=server.base_file_url)
    chibot.add_sender(sender)
    _publish(chibot, SECRET_141)
    await run_until_done(chibot, clock)
    await sender.aclose()
    for code, user in CELLS.items():
        message = _directive_message(server, user)
        text = message["text"]
        assert text.startswith("Văn bản mới: Công văn 141-CV/ĐUK"), (code, text)
        assert POINTER in text
        assert "Văn bản MẬT: toàn văn được chuyển theo đường văn thư chính thức, không gửi qua chat." in text
        assert _leaks(text, SUBJECT_WORDS + BODY_WORDS + REPORT_FIELD_WORDS) == [], (code, text)
        labels = [label for label, _data in _buttons(message)]
        assert labels == ["Đã nhận", "Báo cáo"], labels
        # Nothing else that reached the phone names it either (reminders, menus).
        for other in server.sent_texts(user):
            assert _leaks(other, SUBJECT_WORDS + BODY_WORDS + REPORT_FIELD_WORDS) == [], other


async def test_an_old_full_text_button_of_a_directive_now_secret_is_refused_by_the_server(server, chibot, clock):
    sender = build_telegram_sender(chibot.settings, base_url=server.base_url, base_file_url=server.base_file_url)
    chibot.add_sender(sender)
    _publish(chibot, DOC_141)  # ordinary when sent: its message has «Xem toàn văn»
    await run_until_done(chibot, clock)
    await sender.aclose()
    user = CELLS["CB01"]
    message = _directive_message(server, user)
    (full,) = [data for label, data in _buttons(message) if label.endswith("Xem toàn văn")]
    with session_scope(chibot.engine) as session:
        directive = session.exec(select(Directive)).one()
        directive.secrecy = "MẬT"  # marked secret afterwards (the office corrected its register)
    async with running_polling(telegram_app(server, chibot)):
        mark = server.mark()
        server.push_callback(user, user, full, message["message_id"])
        (answer,) = await server.wait_for("sendMessage", chat_id=user, since=mark)
        text = answer.params["text"]
        assert text.startswith("Công văn 141-CV/ĐUK") and REFUSED in text, text
        assert _leaks(text, SUBJECT_WORDS + BODY_WORDS + REPORT_FIELD_WORDS) == [], text
        await server.wait_for("answerCallbackQuery", since=mark)
        # The cell's other way to the directive, /doc, shows no report fields or subject either.
        mark = server.mark()
        server.push_message(user, user, "/doc 141")
        (doc,) = await server.wait_for("sendMessage", chat_id=user, since=mark)
        assert _leaks(doc.params["text"], SUBJECT_WORDS + BODY_WORDS + REPORT_FIELD_WORDS) == [], doc.params["text"]
        assert "Xem toàn văn" not in [label for label, _ in _buttons(doc.params)]


async def test_a_forged_full_text_callback_for_a_secret_directive_is_refused(server, chibot, clock):
    sender = build_telegram_sender(chibot.settings, base_url=server.base_url, base_file_url=server.base_file_url)
    chibot.add_sender(sender)
    _publish(chibot, SECRET_141)
    await run_until_done(chibot, clock)
    await sender.aclose()
    with session_scope(chibot.engine) as session:
        directive_id = session.exec(select(Directive)).one().id
    user = CELLS["CB02"]
    message = _directive_message(server, user)
    async with running_polling(telegram_app(server, chibot)):
        mark = server.mark()
        server.push_callback(user, user, f"full:{directive_id}", message["message_id"])
        (answer,) = await server.wait_for("sendMessage", chat_id=user, since=mark)
        assert REFUSED in answer.params["text"]


async def test_a_message_queued_before_the_directive_was_marked_secret_leaves_without_fields_or_button(
    server, chibot, clock
):
    _publish(chibot, DOC_141)  # queued while ordinary: subject, report fields and «Xem toàn văn» in it
    with session_scope(chibot.engine) as session:
        directive = session.exec(select(Directive)).one()
        assert directive.report_fields  # kept: it was registered as an ordinary directive
        directive.secrecy = "MẬT"
    sender = build_telegram_sender(chibot.settings, base_url=server.base_url, base_file_url=server.base_file_url)
    chibot.add_sender(sender)
    await run_until_done(chibot, clock)
    await sender.aclose()
    for code, user in CELLS.items():
        message = _directive_message(server, user)
        assert POINTER in message["text"], (code, message["text"])
        assert _leaks(message["text"], SUBJECT_WORDS + REPORT_FIELD_WORDS) == [], (code, message["text"])
        assert [label for label, _ in _buttons(message)] == ["Đã nhận", "Báo cáo"]

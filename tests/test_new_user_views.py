"""What a new user found wrong in what chibot shows: a secretary's /doc reads like a view of a
directive already received, not a new one offering «Đã nhận» again; /mytasks cuts a long
subject with "…"; after /lang the menus come in the new language; a long list says how many
it left out."""

from __future__ import annotations

from tests.test_directives_flow import DOC_141, directive_message, publish_141, use_buttons_of

LONG_SUBJECT_LINE = (
    "Nghị quyết số 05-NQ/TU ngày 05/8/2021 của Tỉnh ủy về sẵn sàng ứng phó với mọi tình huống diễn biến "
    "của dịch bệnh Covid-19 trên địa bàn toàn tỉnh”"
)
DOC_LONG_SUBJECT = DOC_141.replace("Nghị quyết số 05-NQ/TU ngày 05/8/2021 của Tỉnh ủy”", LONG_SUBJECT_LINE, 1)


# ---- /doc for a secretary -------------------------------------------------------------------------


def test_a_secretary_doc_is_a_view_and_offers_da_nhan_only_until_acknowledged(org, app, outbox):
    publish_141(org, app)
    cb01 = org["CB01"]
    cb01.send("/doc 141")
    assert cb01.last_text.startswith("Công văn 141-CV/ĐUK\nĐộ khẩn: KHẨN\nTrích yếu:")
    assert "Văn bản mới" not in cb01.last_text
    assert cb01.last_text.endswith("Tình trạng: chưa báo đã nhận")
    assert cb01.buttons == ["Đã nhận", "Báo cáo", "Xem toàn văn"]
    use_buttons_of(cb01, directive_message(outbox, "u-cb01")).press("Đã nhận")
    cb01.send("/doc 141")
    assert cb01.last_text.startswith("Công văn 141-CV/ĐUK\n")
    assert "Tình trạng: đã nhận" in cb01.last_text
    assert cb01.buttons == ["Báo cáo", "Xem toàn văn"]


def test_a_secretary_doc_in_english_is_a_view_too(org, app, outbox):
    publish_141(org, app)
    cb01 = org["CB01"]
    cb01.send("/lang en")
    use_buttons_of(cb01, directive_message(outbox, "u-cb01")).press("Đã nhận")
    cb01.send("/doc 141")
    assert cb01.last_text.startswith("Official letter 141-CV/ĐUK\nUrgency: KHẨN\nSubject:")
    assert cb01.last_text.endswith("Status: acknowledged")
    assert "New directive" not in cb01.last_text
    assert cb01.buttons == ["Report", "Full text"]


# ---- /mytasks cuts a long subject with "…" ---------------------------------------------------------


def test_mytasks_cuts_a_long_subject_with_an_ellipsis(org, app):
    publish_141(org, app, text=DOC_LONG_SUBJECT)
    cb01 = org["CB01"]
    cb01.send("/mytasks")
    line = next(x for x in cb01.last_text.splitlines() if x.startswith("• 141-CV/ĐUK: "))
    subject = line.removeprefix("• 141-CV/ĐUK: ")
    assert subject.startswith("V/v tổ chức quán triệt, tuyên truyền Nghị quyết số 05-NQ/TU")
    assert subject.endswith("…") and len(subject) == 120


# ---- /lang: the command menu follows the language --------------------------------------------------


def test_lang_sends_the_command_menu_in_the_new_language_and_back(org):
    staff = org["staff"]
    [reply] = staff.send("/lang en")
    assert reply.text == "Switched to English."
    menu = dict(reply.commands or [])
    assert menu["help"] == "list of commands" and menu["deadline"].startswith("change a deadline")
    assert "invite" in menu and "mytasks" not in menu  # the staff member's own commands
    [reply] = staff.send("/lang vi")
    assert reply.text == "Đã chuyển sang tiếng Việt."
    assert dict(reply.commands or [])["help"] == "danh sách lệnh"


async def test_lang_on_telegram_replaces_the_chat_command_menu(server, chibot):
    from tests.support.telegram_running import running_polling
    from tests.test_telegram_e2e import STAFF, new_invite, telegram_app

    code = new_invite(chibot, "DUK", "staff", "Trần Văn Tâm")

    def chat_scope(call) -> bool:  # noqa: ANN001
        return (call.params.get("scope") or {}).get("type") == "chat"

    async with running_polling(telegram_app(server, chibot)):
        server.push_message(STAFF, STAFF, f"/start {code}", first_name="Tâm")
        await server.wait_for("setMyCommands", where=chat_scope)
        mark = server.mark()
        server.push_message(STAFF, STAFF, "/lang en")
        (done,) = await server.wait_for("sendMessage", chat_id=STAFF, since=mark)
        assert done.params["text"] == "Switched to English."
        await server.wait_for("setMyCommands", since=mark, where=chat_scope)
        assert dict(server.commands[f"chat:{STAFF}"])["help"] == "list of commands"


# ---- long lists say what they left out -------------------------------------------------------------


def test_directives_past_the_fifteen_shown_says_how_many_older_ones_are_left_out(app, org):
    from tests.support.report_factories import make_assignment

    for n in range(1, 18):
        make_assignment(app, cell="CB01", number=f"{n}-CV/ĐUK", subject=f"V/v việc số {n}")
    staff = org["staff"]
    staff.send("/directives")
    lines = staff.last_text.splitlines()
    assert sum(1 for x in lines if x.startswith("• ")) == 15
    assert lines[-2:] == ["… và 2 văn bản khác (cũ hơn)", "Xem chi tiết: /doc SỐ"]
    staff.send("/lang en")
    staff.send("/directives")
    assert staff.last_text.splitlines()[-2] == "… and 2 older directives"

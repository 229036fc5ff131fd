"""Registering a directive in chat, sending it to the cells, and the cells acknowledging it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlmodel import select

from ground.ports import capabilities_of
from storage.tables import Assignment, AuditEntry, ConversationState, Deadline, Directive, OutboxMessage
from tests.support.chat import CHANNELS, Chat, deliver

#: The same conversations on every channel: the core decides, the channel only renders.
pytestmark = pytest.mark.parametrize("channel", CHANNELS)

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
DOC_141 = (SEEDS / "003_11edc695b26208f2.txt").read_text(encoding="utf-8")
NO_DEADLINE_DOC = (SEEDS / "001_6209555e4feaaf67.txt").read_text(encoding="utf-8")

SUMMARY_141 = """Tôi đọc được văn bản như sau:
Loại: Công văn
Số, ký hiệu: 141-CV/ĐUK
Trích yếu: V/v tổ chức quán triệt, tuyên truyền Nghị quyết số 05-NQ/TU ngày 05/8/2021 của Tỉnh ủy
Độ khẩn: KHẨN
Thời hạn:
• Hoàn thành: đến hết 20/8/2021
• Báo cáo: trước 23/8/2021
• Kế hoạch: trước 30/8/2021
Báo cáo cần nêu rõ: hình thức quán triệt; số lượng người tiếp cận/tổng số cán bộ, công chức, lao động (đạt %); \
nhận thức của cán bộ, đảng viên, quần chúng sau khi được học tập"""

ALL_SECRETARIES = ["u-cb01", "u-cb02", "u-cb03", "u-cb04", "u-cb05", "u-db1-cb1"]


def paste_141(org, text: str = DOC_141) -> Chat:
    staff = org["staff"]
    staff.send("/new")
    assert "dán toàn văn văn bản" in staff.last_text
    staff.send(text)
    return staff


def publish_141(org, app, *, audience: str = "Tất cả chi bộ", text: str = DOC_141) -> Chat:
    staff = paste_141(org, text)
    staff.press("Xác nhận")
    staff.press(audience)
    staff.press("Gửi")
    assert "Đã gửi" in staff.last_text, staff.last_text
    deliver(app)
    return staff


def directive_message(outbox, chat_id: str):
    return [r for c, r in outbox.sent if c == chat_id and r.text.startswith("Văn bản mới")][-1]


def use_buttons_of(chat: Chat, reply) -> Chat:
    """The secretary looks at a message the outbox delivered and may press its buttons."""
    chat._buttons = reply.flat_choices()
    return chat


def rows(session, table) -> list:
    session.expire_all()
    return session.exec(select(table)).all()


# ---- the summary ------------------------------------------------------------------------------


def test_pasting_141_shows_a_compact_summary_with_its_three_deadlines(org):
    staff = paste_141(org)
    assert staff.last_text == SUMMARY_141
    assert staff.buttons == ["Xác nhận", "Sửa", "Thêm hạn", "Xóa hạn", "Hủy"]


def test_a_greeting_is_not_a_document_and_the_flow_waits_for_one(org):
    staff = org["staff"]
    staff.send("/new")
    staff.send("xin chào")
    assert staff.last_text.startswith("Tôi không nhận ra văn bản chỉ đạo trong tin nhắn này. Đồng chí hãy dán toàn văn")
    staff.send(DOC_141)
    assert staff.last_text == SUMMARY_141


def test_a_photo_gets_a_clear_answer(org):
    staff = org["staff"]
    staff.send("/new")
    staff.upload("anh.jpg", b"\xff\xd8\xff", "image/jpeg", kind="photo")
    assert "Tôi chưa đọc được chữ trong ảnh" in staff.last_text


def test_a_docx_upload_is_read_like_a_paste(org):
    import docx

    document = docx.Document()
    for line in DOC_141.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    staff = org["staff"]
    staff.send("/new")
    staff.upload("141.docx", buffer.getvalue())
    assert staff.last_text == SUMMARY_141


def test_a_txt_upload_in_windows_encoding_is_read(org):
    staff = org["staff"]
    staff.send("/new")
    staff.upload("141.txt", DOC_141.encode("utf-16"))
    assert staff.last_text == SUMMARY_141


def test_a_docx_that_is_not_a_docx_is_refused_clearly(org):
    staff = org["staff"]
    staff.send("/new")
    staff.upload("141.docx", b"this is not a zip file")
    assert staff.last_text.startswith("Không đọc được tệp «141.docx»: Tệp không phải định dạng .docx hợp lệ.")
    staff.upload("bang.xlsx", b"PK\x03\x04")
    assert "Tệp không phải .docx, .txt, PDF hay ảnh chụp văn bản." in staff.last_text


def test_a_100000_character_paste_is_accepted_and_a_bigger_one_refused(org):
    long_doc = DOC_141 + "\n" + ("Phụ lục: nội dung tuyên truyền. " * 4000)
    assert len(long_doc) > 100_000
    staff = paste_141(org, long_doc)
    assert "• Hoàn thành: đến hết 20/8/2021" in staff.last_text
    staff.send("/cancel")
    staff = paste_141(org, "x" * 200_001)
    assert staff.last_text.startswith("Văn bản dài 200.001 ký tự, vượt giới hạn 200.000 ký tự.")


# ---- deadlines and fields -------------------------------------------------------------------


def test_a_document_without_deadlines_asks_to_add_one_or_confirm_none(org, app, session):
    staff = paste_141(org, NO_DEADLINE_DOC)
    assert "Thời hạn: không tìm thấy thời hạn nào trong văn bản." in staff.last_text
    assert staff.buttons == ["Không có hạn, tiếp tục", "Sửa", "Thêm hạn", "Hủy"]
    staff.press("Không có hạn")
    staff.press("Tất cả chi bộ")
    staff.press("Gửi")
    directive = rows(session, Directive)[0]
    assert rows(session, Deadline) == []
    deliver(app)
    assert "• (không có thời hạn)" in directive_message(app.senders["console"], "u-cb01").text
    assert directive.number is None


def test_staff_add_a_deadline_typed_in_vietnamese(org):
    staff = paste_141(org, NO_DEADLINE_DOC)
    staff.press("Thêm hạn")
    assert "Gõ thời hạn" in staff.last_text
    staff.send("trước 17h00 ngày 25/8/2021")
    assert staff.last_text.startswith("Đã thêm thời hạn: Hoàn thành: trước 17:00 25/8/2021\nTôi đọc được văn bản")
    assert "Thời hạn:\n• Hoàn thành: trước 17:00 25/8/2021" in staff.last_text
    assert staff.buttons[0] == "Xác nhận"


def test_an_impossible_date_is_refused_and_the_question_repeated(org):
    staff = paste_141(org)
    staff.press("Thêm hạn")
    staff.send("31/2/2021")
    assert staff.last_text == (
        "Ngày 31/2/2021 không tồn tại. Đồng chí gõ lại thời hạn (ví dụ: trước ngày 23/8), hoặc /cancel để thôi."
    )
    staff.send("Báo cáo: trước ngày 25/8")
    assert "• Báo cáo: trước 25/8/2021" in staff.last_text


def test_a_past_deadline_is_warned_and_allowed_on_confirm(org, session):
    staff = paste_141(org)
    staff.press("Thêm hạn")
    staff.send("đến hết ngày 10/8/2021")
    assert "Lưu ý: thời hạn này đã qua (hôm nay là 15/8/2021)." in staff.last_text
    assert "• Hoàn thành: đến hết 10/8/2021 (đã qua)" in staff.last_text
    assert "Lưu ý: có thời hạn đã qua so với hôm nay." in staff.last_text
    staff.press("Xác nhận")
    staff.press("Tất cả chi bộ")
    staff.press("Gửi")
    assert [d.shown for d in rows(session, Deadline)][-1] == "đến hết 10/8/2021"


def test_staff_remove_a_deadline(org):
    staff = paste_141(org)
    staff.press("Xóa hạn")
    assert staff.buttons == [
        "Hoàn thành: đến hết 20/8/2021",
        "Báo cáo: trước 23/8/2021",
        "Kế hoạch: trước 30/8/2021",
        "Quay lại",
    ]
    staff.press("Báo cáo")
    assert staff.last_text == "Xóa thời hạn «Báo cáo: trước 23/8/2021» khỏi văn bản?"
    staff.press("Xóa hạn")
    assert "Thời hạn:\n• Hoàn thành: đến hết 20/8/2021\n• Kế hoạch: trước 30/8/2021\n" in staff.last_text


def test_staff_correct_the_number(org, session):
    staff = paste_141(org)
    staff.press("Sửa")
    assert staff.buttons == ["Số, ký hiệu", "Trích yếu", "Độ khẩn"]
    staff.press("Số, ký hiệu")
    staff.send("142-CV/ĐUK")
    assert "Số, ký hiệu: 142-CV/ĐUK" in staff.last_text
    staff.press("Sửa")
    staff.press("Độ khẩn")
    staff.send("không")
    assert "Độ khẩn: thường" in staff.last_text
    staff.press("Xác nhận")
    staff.press("Tất cả chi bộ")
    staff.press("Gửi")
    assert [(d.number, d.urgency) for d in rows(session, Directive)] == [("142-CV/ĐUK", None)]


def test_an_invalid_urgency_is_refused_with_the_choices(org, session):
    staff = paste_141(org)
    staff.press("Sửa")
    staff.press("Độ khẩn")
    staff.send("rat khan")
    assert staff.last_text == (
        "«rat khan» không phải là độ khẩn, nên tôi chưa đổi gì.\nGõ độ khẩn: KHẨN, THƯỢNG KHẨN, HỎA TỐC, hoặc «không»."
    )
    staff.send("hoa toc")
    assert "Độ khẩn: HỎA TỐC" in staff.last_text


# ---- recipients and publishing -----------------------------------------------------------------


def test_confirm_shows_the_count_and_publishing_reaches_every_secretary(org, app, outbox, session):
    staff = paste_141(org)
    staff.press("Xác nhận")
    assert staff.last_text == "Gửi văn bản cho những đơn vị nào?"
    assert staff.buttons == ["Tất cả chi bộ, đoàn thể (8)", "Theo Kính gửi/Nơi nhận (9)", "Chọn từng đơn vị", "Hủy"]
    staff.press("Tất cả chi bộ")
    assert staff.last_text.startswith("Gửi Công văn 141-CV/ĐUK cho 8 đơn vị:\n• CB01 — Chi bộ Văn phòng\n")
    # Before «Gửi»: who cannot be told yet, so staff may invite them first.
    assert staff.last_text.endswith(
        "\nLưu ý: hiện chưa báo được cho 2 đơn vị (chưa có bí thư hoặc người phụ trách "
        "nhận tin qua chibot). Văn bản vẫn được giao; họ nhận khi có người đăng ký (mời bằng /invite), hoặc đồng "
        "chí báo bằng đường khác:\n"
        "• DB1-CB2 — Chi bộ Phòng Tài chính: chưa có bí thư đăng ký\n"
        "• DTN — Đoàn Thanh niên Khối: chưa có người phụ trách đăng ký\n"
        "Đồng chí xác nhận gửi?"
    )
    assert rows(session, Directive) == []  # nothing stored before the last confirmation
    staff.press("Gửi")
    assert staff.last_text == (
        "Đã gửi Công văn 141-CV/ĐUK cho 6 đơn vị (6 tin nhắn tới bí thư, người phụ trách). "
        "Xem ai đã nhận: /doc 141-CV/ĐUK\n"
        "Chưa báo được cho 2 đơn vị (không có bí thư hoặc người phụ trách nhận tin qua chibot; đồng chí báo bằng "
        "đường khác):\n"
        "• DB1-CB2 — Chi bộ Phòng Tài chính: chưa có bí thư đăng ký\n"
        "• DTN — Đoàn Thanh niên Khối: chưa có người phụ trách đăng ký"
    )
    deliver(app)
    assert sorted({c for c, _ in outbox.sent}) == ALL_SECRETARIES
    message = directive_message(outbox, "u-cb01")
    assert message.text == (
        "Văn bản mới: Công văn 141-CV/ĐUK\nĐộ khẩn: KHẨN\n"
        "Trích yếu: V/v tổ chức quán triệt, tuyên truyền Nghị quyết số 05-NQ/TU ngày 05/8/2021 của Tỉnh ủy\n"
        "Thời hạn:\n• Hoàn thành: đến hết 20/8/2021\n• Báo cáo: trước 23/8/2021\n• Kế hoạch: trước 30/8/2021\n"
        "Báo cáo cần nêu rõ: hình thức quán triệt; số lượng người tiếp cận/tổng số cán bộ, công chức, lao động "
        "(đạt %); nhận thức của cán bộ, đảng viên, quần chúng sau khi được học tập"
    )
    directive = rows(session, Directive)[0]
    cb01 = [a for a in rows(session, Assignment) if a.id == int(message.choices[0][0].data.split(":")[1])][0]
    assert [[(c.label, c.data) for c in row] for row in message.choices] == [
        [("Đã nhận", f"ack:{cb01.id}"), ("Báo cáo", f"rep:{cb01.id}")],
        [("Xem toàn văn", f"full:{directive.id}")],
    ]
    assert directive.status == "published"
    assert len(rows(session, Assignment)) == 8
    assert [e.action for e in rows(session, AuditEntry) if e.directive_id == directive.id] == ["register", "publish"]
    keys = sorted(m.dedupe_key for m in rows(session, OutboxMessage) if m.kind == "directive")
    assert keys[0].startswith(f"publish:{directive.id}:")


def test_kinh_gui_selects_cells_grassroots_and_the_youth_union(org, session):
    staff = paste_141(org)
    staff.press("Xác nhận")
    staff.press("Theo Kính gửi")
    assert staff.last_text.split(" (chưa có bí thư")[0] == (
        "Gửi Công văn 141-CV/ĐUK cho 9 đơn vị:\n• CB01 — Chi bộ Văn phòng\n• CB02 — Chi bộ Ban Tuyên giáo\n"
        "• CB03 — Chi bộ Ban Tổ chức\n• CB04 — Chi bộ Ủy ban Kiểm tra\n• CB05 — Chi bộ Ban Dân vận\n"
        "• DB1 — Đảng bộ Sở Y tế\n• DB1-CB1 — Chi bộ Phòng Nghiệp vụ\n• DB1-CB2 — Chi bộ Phòng Tài chính\n"
        "• DTN — Đoàn Thanh niên Khối\nLưu ý: hiện chưa báo được cho 3 đơn vị"
    )


def test_staff_pick_units_by_ticking_and_by_typing_codes(org, session, channel):
    staff = paste_141(org)
    staff.press("Xác nhận")
    staff.press("Chọn từng đơn vị")
    assert staff.last_text.startswith("Chọn đơn vị nhận (trang 1/2, đã chọn 0).")
    assert len([b for b in staff.buttons if b.startswith("☐")]) == 8
    staff.press("CB02")
    assert "☑ CB02 — Chi bộ Ban Tuyên giáo" in staff.buttons
    staff.press("Trang sau")
    assert staff.buttons[0] == "☐ DTN — Đoàn Thanh niên Khối"
    staff.send("12")  # a menu number out of range is not a unit code
    if capabilities_of(channel).buttons:
        assert staff.last_text.startswith(
            "«12» không phải số thứ tự trên danh sách, cũng không phải mã đơn vị. "
            "Đồng chí chọn trên danh sách, hoặc gõ mã đơn vị, ví dụ: CB01, CB02."
        )
    else:  # the numbered menu of a channel without buttons says so itself
        assert staff.last_text.startswith("Đồng chí chọn từ 1 đến 4.")
    assert "không có đơn vị mã" not in staff.last_text.lower()
    staff.send("CB04, cb05, XX9")
    assert "Không có đơn vị mã XX9 trong phạm vi đồng chí quản lý (mã đơn vị như CB01, CB02)." in staff.last_text
    assert "đã chọn 3" in staff.last_text and "hoặc gõ mã đơn vị, ví dụ: CB01, CB02." in staff.last_text
    staff.press("Xong (3)")
    assert staff.last_text.startswith("Gửi Công văn 141-CV/ĐUK cho 3 đơn vị:\n• CB02 — Chi bộ Ban Tuyên giáo\n• CB04")
    staff.press("Gửi")
    assert len(rows(session, Assignment)) == 3


def test_cancel_before_publishing_leaves_no_rows(org, session):
    staff = paste_141(org)
    staff.press("Xác nhận")
    staff.press("Tất cả chi bộ")
    staff.send("/cancel")
    assert staff.last_text == "Đã hủy đăng ký văn bản mới. Không có gì được lưu."
    for table in (Directive, Deadline, Assignment, OutboxMessage, ConversationState):
        assert rows(session, table) == []


def test_registration_survives_a_restart_mid_flow(org, settings, engine, clock, session):
    from bot.app import build_app

    staff = paste_141(org)
    staff.press("Xác nhận")
    restarted = build_app(settings, clock=clock, engine=engine, migrate=False)
    again = Chat(app=restarted, user_id=staff.user_id, name=staff.name, channel=staff.channel)
    again._buttons, again._message_with_buttons = staff._buttons, staff._message_with_buttons
    again.press("Tất cả chi bộ")
    again.press("Gửi")
    assert again.last_text.startswith("Đã gửi Công văn 141-CV/ĐUK cho 6 đơn vị")
    assert len(rows(session, Assignment)) == 8


def test_a_secret_document_keeps_no_full_text_and_says_so(org, app, outbox, session):
    secret = DOC_141.replace("KHẨN\n", "KHẨN\n\nMẬT\n", 1)
    staff = paste_141(org, secret)
    assert "Độ mật: MẬT — toàn văn sẽ KHÔNG được lưu hay gửi qua chat" in staff.last_text
    staff.press("Xác nhận")
    staff.press("Tất cả chi bộ")
    staff.press("Gửi")
    deliver(app)
    directive = rows(session, Directive)[0]
    assert (directive.secrecy, directive.full_text, directive.number) == ("MẬT", None, "141-CV/ĐUK")
    assert (directive.report_fields, directive.addressees, directive.signer) == ([], [], None)
    assert [d.shown for d in rows(session, Deadline)] == ["đến hết 20/8/2021", "trước 23/8/2021", "trước 30/8/2021"]
    message = directive_message(outbox, "u-cb01")
    assert message.text.endswith("Văn bản MẬT: toàn văn được chuyển theo đường văn thư chính thức, không gửi qua chat.")
    assert [c.label for c in message.flat_choices()] == ["Đã nhận", "Báo cáo"]
    org["CB01"].press_data(f"full:{directive.id}")
    assert org["CB01"].last_text == (
        "Công văn 141-CV/ĐUK là văn bản mật: toàn văn được chuyển theo đường văn thư chính thức, không gửi qua chat."
    )


# ---- acknowledging and full text --------------------------------------------------------------------


def test_acknowledgement_is_recorded_with_time_and_staff_see_who_has_not(org, app, outbox, session, clock):
    staff = publish_141(org, app)
    cb01 = use_buttons_of(org["CB01"], directive_message(outbox, "u-cb01"))
    ack = cb01.button("Đã nhận").data
    cb01.press("Đã nhận")
    assert (
        cb01.last_text
        == "Đã ghi nhận chi bộ đồng chí đã nhận Công văn 141-CV/ĐUK lúc 08:00 15/8/2021. Cảm ơn đồng chí."
    )
    # What the cell can still do comes with the answer (the pressed message loses its buttons).
    assert cb01.buttons == ["Báo cáo", "Xem toàn văn"]
    cb01.press_data(ack)
    assert cb01.last_text == "Chi bộ đồng chí đã báo nhận Công văn 141-CV/ĐUK lúc 08:00 15/8/2021 rồi."
    acked = [a for a in rows(session, Assignment) if a.acknowledged_at is not None]
    assert [(a.status, a.acknowledged_at) for a in acked] == [("acknowledged", clock.now())]
    assert len([e for e in rows(session, AuditEntry) if e.action == "acknowledge"]) == 1
    staff.send("/doc 141")
    assert "Đã nhận: 1/8 đơn vị\n• CB01 — Chi bộ Văn phòng: Bí thư CB01, 08:00 15/8/2021\n" in staff.last_text
    assert "Chưa báo đã nhận Công văn 141-CV/ĐUK (7/8 đơn vị):\n• CB02 — Chi bộ Ban Tuyên giáo\n" in staff.last_text
    staff.send("/unacked 141-cv/duk")
    assert staff.last_text.startswith("Chưa báo đã nhận Công văn 141-CV/ĐUK (7/8 đơn vị):\n• CB02")
    assert "CB01" not in staff.last_text


def test_a_forged_ack_for_another_cell_is_refused_and_audited(org, app, outbox, session):
    publish_141(org, app)
    cb01_data = directive_message(outbox, "u-cb01").choices[0][0].data
    org["CB02"].press_data(cb01_data)
    assert org["CB02"].last_text == "Đồng chí không có quyền thực hiện thao tác này."
    org["staff"].press_data(cb01_data)  # staff hold no secretary role: refused by the router
    assert org["staff"].last_text == "Đồng chí không có quyền thực hiện thao tác này."
    assert [a for a in rows(session, Assignment) if a.acknowledged_at is not None] == []
    denied = [e.details.get("button") for e in rows(session, AuditEntry) if e.action == "denied"]
    assert denied == [cb01_data, cb01_data]


def test_full_text_is_sent_in_pieces_to_those_who_may_see_it(org, app, outbox, session):
    staff = paste_141(org)
    staff.press("Xác nhận")
    staff.press("Chọn từng đơn vị")
    staff.send("CB01")
    staff.press("Xong")
    staff.press("Gửi")
    deliver(app)
    cb01 = use_buttons_of(org["CB01"], directive_message(outbox, "u-cb01"))
    cb01.press("Xem toàn văn")
    assert all(len(r.text) <= 3500 for r in cb01.replies)
    full = "\n".join(r.text for r in cb01.replies)
    assert "Số 141 - CV/ĐUK" in full and full.endswith("Nguyễn Phúc Hậu")
    directive = rows(session, Directive)[0]
    org["CB02"].press_data(f"full:{directive.id}")  # CB02 was not assigned
    assert org["CB02"].last_text == "Đồng chí không có quyền thực hiện thao tác này."


# ---- after publishing ------------------------------------------------------------------------------


def test_changing_a_deadline_after_publishing_tells_the_cells(org, app, outbox, session):
    staff = publish_141(org, app)
    staff.send("/deadline 141")
    assert staff.buttons == [
        "Hoàn thành: đến hết 20/8/2021",
        "Báo cáo: trước 23/8/2021",
        "Kế hoạch: trước 30/8/2021",
        "Hủy",
    ]
    staff.press("Báo cáo")
    staff.send("trước ngày 31/2/2021")
    assert staff.last_text.startswith("Ngày 31/2/2021 không tồn tại.")
    staff.send("trước ngày 25/8/2021")
    assert staff.last_text.startswith(
        "Đổi thời hạn Công văn 141-CV/ĐUK:\nBáo cáo: trước 23/8/2021 → trước 25/8/2021\nSẽ báo cho 6 đơn vị."
    )
    assert staff.buttons == ["Xác nhận", "Hủy"]
    staff.press("Xác nhận")
    assert staff.last_text == (
        "Đã đổi thời hạn: Báo cáo: trước 25/8/2021. Đã báo cho 6 đơn vị.\n"
        "Chưa báo được cho 2 đơn vị (không có bí thư hoặc người phụ trách nhận tin qua chibot; đồng chí báo bằng "
        "đường khác):\n"
        "• DB1-CB2 — Chi bộ Phòng Tài chính: chưa có bí thư đăng ký\n"
        "• DTN — Đoàn Thanh niên Khối: chưa có người phụ trách đăng ký"
    )
    deliver(app)
    assert len({c for c, r in outbox.sent if r.text.startswith("Thay đổi thời hạn")}) == 6  # as many as it said
    assert outbox.texts_to("u-cb03")[-1] == (
        "Thay đổi thời hạn Công văn 141-CV/ĐUK (V/v tổ chức quán triệt, tuyên truyền Nghị quyết số 05-NQ/TU "
        "ngày 05/8/2021 của Tỉnh ủy):\nBáo cáo: trước 23/8/2021 → trước 25/8/2021"
    )
    report = [d for d in rows(session, Deadline) if d.kind == "report"][0]
    assert report.due_at.isoformat() == "2021-08-24T16:59:00+00:00"  # 24/8 23:59 in Hà Nội
    assert [e.details["change"] for e in rows(session, AuditEntry) if e.action == "edit"] == ["deadline"]


def test_removing_a_recipient_cancels_its_assignment_and_tells_it(org, app, outbox, session):
    staff = publish_141(org, app)
    staff.send("/recipients 141")
    assert "☑ CB03 — Chi bộ Ban Tổ chức" in staff.buttons
    staff.press("CB03")
    staff.press("Xong (7)")
    assert staff.last_text == (
        "Đã cập nhật đơn vị nhận Công văn 141-CV/ĐUK. Thêm: —. Bỏ: CB03. Đã báo cho 1 đơn vị liên quan."
    )
    deliver(app)
    assert outbox.texts_to("u-cb03")[-1].endswith(
        "không còn giao cho đơn vị đồng chí. Đồng chí không cần thực hiện hay báo cáo văn bản này nữa."
    )
    cancelled = [a for a in rows(session, Assignment) if a.status == "cancelled"]
    assert len(cancelled) == 1
    org["CB03"].send("/directives")
    assert org["CB03"].last_text == "Chưa có văn bản nào."


def test_directives_lists_what_each_user_may_see(org, app, outbox):
    staff = publish_141(org, app, audience="Theo Kính gửi")
    use_buttons_of(org["CB01"], directive_message(outbox, "u-cb01")).press("Đã nhận")
    staff.send("/directives")
    assert staff.last_text == (
        "Văn bản:\n• Công văn 141-CV/ĐUK — V/v tổ chức quán triệt, tuyên truyền Nghị quyết số 05-NQ/TU ngày 05/8/2021 "
        "của Tỉnh ủy\n  Đã nhận: 1/9 đơn vị · đã báo cáo: 0/9\nXem chi tiết: /doc SỐ"
    )
    org["CB03"].send("bc 141 truc tiep + zalo 45/50 tot")
    org["CB03"].press("Xác nhận")
    staff.send("/directives")
    assert "  Đã nhận: 2/9 đơn vị · đã báo cáo: 1/9\n" in staff.last_text  # a report is a receipt too
    org["CB02"].send("/directives")
    assert org["CB02"].last_text.endswith(
        "  Tình trạng: chưa báo đã nhận; hạn gần nhất: Hoàn thành: đến hết 20/8/2021\nXem chi tiết: /doc SỐ"
    )
    org["CB02"].send("/doc 141")
    assert org["CB02"].last_text.startswith("Công văn 141-CV/ĐUK\n")
    assert org["CB02"].buttons == ["Đã nhận", "Báo cáo", "Xem toàn văn"]
    org["CB02"].send("/unacked 141")
    assert "không có quyền" in org["CB02"].last_text


def test_doc_and_unacked_explain_a_wrong_number(org, app):
    staff = publish_141(org, app)
    staff.send("/doc")
    assert staff.last_text.startswith("Cách dùng: /doc SỐ")
    staff.send("/doc 999")
    assert staff.last_text.startswith("Không tìm thấy văn bản số «999»")


def test_secretaries_cannot_register_directives(org, session):
    org["CB01"].send("/new")
    assert org["CB01"].last_text == "Đồng chí không có quyền thực hiện thao tác này."
    assert [e.details["command"] for e in rows(session, AuditEntry) if e.action == "denied"] == ["new"]


def test_a_secretary_who_registers_after_publishing_still_gets_the_directive(org, app, outbox):
    publish_141(org, app)
    # CB03 gets a second secretary, who registers with an invite after the directive went out.
    from tests.support.org import register

    newcomer = register(app, unit_code="CB03", role="secretary", name="Bí thư mới CB03", user_id="u-new-cb03")
    assert "Hiện chi bộ của đồng chí có 1 văn bản cần thực hiện" in newcomer.last_text
    deliver(app)
    message = directive_message(outbox, "u-new-cb03")
    assert "141-CV/ĐUK" in message.text
    assert [c.label for c in message.flat_choices()][:2] == ["Đã nhận", "Báo cáo"]
    # The secretary who had it already gets nothing twice.
    assert len([r for c, r in outbox.sent if c == "u-cb03" and r.text.startswith("Văn bản mới")]) == 1


def test_a_long_paste_cut_into_several_messages_is_read_as_one_document(org):
    plan = (SEEDS / "000_ea0419651be1525a.txt").read_text(encoding="utf-8")
    parts = [plan[i : i + 4096] for i in range(0, len(plan), 4096)]  # as a Telegram client cuts it
    assert len(parts) == 3
    staff = org["staff"]
    staff.send("/new")
    staff.send(parts[0])
    assert "54-KH/ĐUK" in staff.last_text
    assert "hằng ngày" not in staff.last_text  # the daily report is asked for in a later part
    staff.send(parts[1])
    staff.send(parts[2])
    assert staff.last_text.startswith("Đã ghép phần tiếp theo của văn bản (tổng cộng 8.25")
    assert "• Hoàn thành: trong tháng 8/2021" in staff.last_text
    assert "hằng ngày" in staff.last_text
    assert staff.buttons[0] == "Xác nhận"
    # A short text at the same step is not a continuation: the buttons are pointed at.
    staff.send("ok")
    assert "Đã ghép" not in staff.last_text


def test_a_reply_on_the_review_screen_is_never_glued_onto_the_official_text(org, app, session, channel):
    staff = org["staff"]
    staff.send("/new")
    staff.upload("141.txt", DOC_141.encode("utf-8"))
    assert len(DOC_141) > 3000 and staff.last_text == SUMMARY_141
    staff.send("để tôi xem lại")
    assert "Đã ghép" not in staff.last_text
    assert staff.last_text.startswith("«để tôi xem lại» không phải là một lựa chọn, và tôi không ghép nó vào văn bản.")
    assert staff.buttons == ["Xác nhận", "Sửa", "Thêm hạn", "Xóa hạn", "Hủy"]
    staff.send("9")  # out of the menu's range: an answer, not glued onto the text
    expected = "«9» không phải là một lựa chọn" if capabilities_of(channel).buttons else "Đồng chí chọn từ 1 đến 5."
    assert staff.last_text.startswith(expected) and "Đã ghép" not in staff.last_text
    # A long text after an uploaded file is not a continuation either: a file arrives whole.
    staff.send("Ghi chú của văn phòng: " + "gửi gấp cho các chi bộ. " * 20)
    assert "Đã ghép" not in staff.last_text
    staff.send("ok gửi luôn")  # says "go ahead": the confirming option, never glued
    assert "Đã ghép" not in staff.last_text and "Gửi văn bản cho những đơn vị nào?" in staff.last_text
    staff.press("Tất cả chi bộ")
    staff.press("Gửi")
    [directive] = rows(session, Directive)
    assert directive.full_text == DOC_141


def test_a_short_reply_after_a_long_paste_is_an_answer_too(org):
    staff = paste_141(org)  # 3,451 characters pasted: as long as a client may cut
    staff.send("chờ chút")
    assert "Đã ghép" not in staff.last_text and "không phải là một lựa chọn" in staff.last_text
    staff.send("ok gửi luôn")
    assert "Đã ghép" not in staff.last_text and "Gửi văn bản cho những đơn vị nào?" in staff.last_text

"""The same number registered twice: staff are told and choose; where two directives share a
number, every command lists them apart and lets staff pick one."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from storage.tables import ConversationState, Directive
from tests.support.chat import deliver
from tests.test_directives_flow import DOC_141, directive_message, publish_141

SUBJECT = "V/v tổ chức quán triệt, tuyên truyền Nghị quyết số 05-NQ/TU ngày 05/8/2021 của Tỉnh ủy"


def directives_stored(session) -> list[Directive]:  # noqa: ANN001
    session.expire_all()
    return list(session.exec(select(Directive).order_by(Directive.id)).all())


def register_again(staff) -> None:  # noqa: ANN001
    staff.send("/new")
    staff.send(DOC_141)
    staff.press("Xác nhận")


def test_registering_a_number_that_exists_says_so_and_opens_the_existing_one(org, app, session):
    staff = publish_141(org, app)
    register_again(staff)
    assert staff.last_text == (
        "Đơn vị đã đăng ký văn bản số «141-CV/ĐUK»:\n"
        f"• #1 Công văn 141-CV/ĐUK: {SUBJECT} — đã gửi 15/8/2021\n"
        "Nếu đây là bản thay đổi của văn bản đó (cùng số, nội dung mới), đồng chí chọn «Đăng ký bản thay đổi»: "
        "bản mới được gửi, bản cũ kết thúc và không nhắc hạn nữa. Nếu gõ nhầm số, chọn «Sửa số, ký hiệu»."
    )
    assert staff.buttons == ["Mở văn bản đã có", "Đăng ký bản thay đổi", "Sửa số, ký hiệu", "Hủy"]
    staff.press("Mở văn bản đã có")
    assert staff.last_text.startswith("Công văn 141-CV/ĐUK\nTrích yếu:") and "Đã nhận: 0/8 đơn vị" in staff.last_text
    assert len(directives_stored(session)) == 1


def test_a_mistyped_number_is_fixed_from_the_warning(org, app, session):
    staff = publish_141(org, app)
    register_again(staff)
    staff.press("Sửa số, ký hiệu")
    staff.send("142-CV/ĐUK")
    assert "Số, ký hiệu: 142-CV/ĐUK" in staff.last_text
    staff.press("Xác nhận")
    assert staff.last_text == "Gửi văn bản cho những đơn vị nào?"


def test_a_changed_version_replaces_the_old_one_for_the_cells(org, app, outbox, session, clock):
    staff = publish_141(org, app)
    clock.advance(timedelta(days=1))
    register_again(staff)
    staff.press("Đăng ký bản thay đổi")
    session.expire_all()
    row = session.exec(select(ConversationState).where(ConversationState.flow == "directive_new")).one()
    # Kept under full names in the flow's state, not in the draft read from the document.
    assert (row.data["existing_directive_id"], row.data["amends_directive_id"]) == (1, 1)
    assert "amends_id" not in row.data["draft"]
    staff.press("Tất cả chi bộ")
    staff.press("Gửi")
    assert "Bản trước (#1) đã kết thúc" in staff.last_text
    old, new = directives_stored(session)
    assert (old.status, new.status, new.amends_id) == ("closed", "published", old.id)
    deliver(app)
    assert "Đây là bản thay đổi của văn bản cùng số gửi trước đó" in directive_message(outbox, "u-cb01").text
    cb01 = org["CB01"]
    cb01.send("/mytasks")
    assert cb01.last_text.count("141-CV/ĐUK") == 1

    # Both versions answer to "141": each command lists them apart and lets staff pick one.
    staff.send("/status 141")
    assert staff.last_text == (
        "Có 2 văn bản số «141». Đồng chí chọn một văn bản bên dưới, hoặc gõ lại lệnh với mã của văn bản "
        "(ví dụ: /status #2):\n"
        f"• #2 Công văn 141-CV/ĐUK: {SUBJECT} — bản thay đổi của #1, đã gửi 16/8/2021\n"
        f"• #1 Công văn 141-CV/ĐUK: {SUBJECT} — đã kết thúc 16/8/2021"
    )
    assert staff.buttons == ["#2 Công văn 141-CV/ĐUK, gửi 16/8/2021", "#1 Công văn 141-CV/ĐUK, gửi 15/8/2021"]
    staff.press("#2")
    assert staff.buttons == ["Xem biểu đồ", "Xuất Excel"] and staff.button("Xem biểu đồ").data == "stc:2"
    staff.send("/status #1")
    assert "Có 2 văn bản" not in staff.last_text
    staff.send("/export 141-CV/ĐUK csv")
    staff.press("#2")
    assert staff.replies[0].document is not None and staff.replies[0].document.name.endswith(".csv")
    staff.send("/close 141")
    staff.press("#1")
    assert "đã kết thúc" in staff.last_text
    staff.send("/doc 141")
    staff.press("#2")
    assert staff.last_text.startswith("Công văn 141-CV/ĐUK")
    cb01.send("/doc 141")  # a cell was sent both: it picks too
    assert cb01.last_text.startswith("Có 2 văn bản số «141».")
    cb01.press("#2")
    assert cb01.last_text.startswith("Công văn 141-CV/ĐUK\n") and "Đây là bản thay đổi" in cb01.last_text


def test_a_forged_pick_runs_nothing_the_user_may_not(org, app):
    publish_141(org, app)
    cb01 = org["CB01"]
    cb01.press_data("pick:close:1")
    assert "không có quyền" in cb01.last_text
    cb01.press_data("pick:lang:1")
    assert cb01.last_text.startswith("Nút này đã cũ")

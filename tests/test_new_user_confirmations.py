"""Changes a new user made by accident, now asked first: /recipients taking off a cell that has
already reported, and /deadline (old -> new and how many cells are told). The answer is a
button or a typed "có"/"không" ("yes"/"no"), and the confirm re-checks on the server that the
staff member still manages the directive."""

from __future__ import annotations

from sqlmodel import select

from storage.tables import Assignment, AuditEntry, Deadline, Membership, OutboxMessage, Report, Unit
from tests.support.chat import deliver
from tests.test_directives_flow import publish_141


def assignment_of(session, code: str) -> Assignment:  # noqa: ANN001
    session.expire_all()
    unit = session.exec(select(Unit).where(Unit.code == code)).one()
    return session.exec(select(Assignment).where(Assignment.unit_id == unit.id)).one()


def report_deadline(session) -> Deadline:  # noqa: ANN001
    session.expire_all()
    return next(d for d in session.exec(select(Deadline)).all() if d.kind == "report")


def change_notices(session) -> int:  # noqa: ANN001
    session.expire_all()
    return sum(1 for m in session.exec(select(OutboxMessage)).all() if m.dedupe_key.startswith("edit:"))


def cb03_reports(org) -> None:  # noqa: ANN001
    org["CB03"].send("bc 141 truc tiep + zalo 45/50 tot")
    org["CB03"].press("Xác nhận")
    assert "Cảm ơn đồng chí!" in org["CB03"].last_text


# ---- /recipients: a cell that has reported --------------------------------------------------------


def test_taking_off_a_cell_that_has_reported_asks_first_and_no_keeps_it(org, app, session):
    staff = publish_141(org, app)
    cb03_reports(org)
    staff.send("/recipients 141")
    staff.press("CB03")
    staff.press("Xong (7)")
    assert staff.last_text == (
        "1 đơn vị định bỏ khỏi Công văn 141-CV/ĐUK đã báo cáo:\n"
        "• CB03 — Chi bộ Ban Tổ chức: đã báo cáo lúc 08:00 15/8/2021\n"
        "Nếu bỏ, báo cáo đã gửi vẫn được lưu nhưng không còn được tính trong /status và bản xuất, và đơn vị được "
        "báo là không còn phải thực hiện văn bản này. Đồng chí vẫn bỏ (có/không)?"
    )
    assert staff.buttons == ["Vẫn bỏ", "Quay lại"]
    assert assignment_of(session, "CB03").status == "reported"  # nothing changed yet
    staff.send("không")
    assert staff.replies[0].text == "Chưa bỏ đơn vị nào. Các đơn vị đã báo cáo được chọn lại:"
    assert "☑ CB03 — Chi bộ Ban Tổ chức" in staff.buttons
    assert assignment_of(session, "CB03").status == "reported"
    staff.press("CB03")
    staff.press("Xong (7)")
    staff.press("Quay lại")  # the button says the same as the typed «không»
    assert "☑ CB03 — Chi bộ Ban Tổ chức" in staff.buttons
    staff.press("Hủy")
    assert assignment_of(session, "CB03").status == "reported"


def test_taking_off_a_cell_that_has_reported_applies_on_yes_and_the_report_stays(org, app, outbox, session):
    staff = publish_141(org, app)
    cb03_reports(org)
    staff.send("/recipients 141")
    staff.press("CB03")
    staff.press("Xong (7)")
    staff.press("Vẫn bỏ")
    assert staff.last_text == (
        "Đã cập nhật đơn vị nhận Công văn 141-CV/ĐUK. Thêm: —. Bỏ: CB03. Đã báo cho 1 đơn vị liên quan."
    )
    assert assignment_of(session, "CB03").status == "cancelled"
    assert [(r.reached, r.total) for r in session.exec(select(Report)).all()] == [(45, 50)]  # the report stays
    staff.send("/status 141")
    # As the question said: no longer counted (7 units left, none reported) nor listed.
    assert "Giao 7 đơn vị · đã nhận 0 · đã báo cáo 0 ·" in staff.last_text and "CB03" not in staff.last_text
    deliver(app)
    assert outbox.texts_to("u-cb03")[-1].endswith("Đồng chí không cần thực hiện hay báo cáo văn bản này nữa.")


def test_taking_off_a_reported_cell_in_english_takes_a_typed_yes(org, app, session):
    staff = publish_141(org, app)
    cb03_reports(org)
    staff.send("/lang en")
    staff.send("/recipients 141")
    staff.press("CB03")
    staff.press("Done (7)")
    assert staff.last_text == (
        "1 unit you are removing from Official letter 141-CV/ĐUK has reported:\n"
        "• CB03 — Chi bộ Ban Tổ chức: reported at 08:00 15/8/2021\n"
        "If removed, the report sent stays stored but no longer counts in /status or the exports, and the unit is "
        "told it no longer has to carry out this directive. Remove anyway (yes/no)?"
    )
    assert staff.buttons == ["Remove anyway", "Back"]
    staff.send("maybe")
    assert staff.last_text == "Please answer «yes» or «no», or press a button below."
    assert staff.buttons == ["Remove anyway", "Back"]
    staff.send("yes")
    assert staff.last_text.startswith("Units of Official letter 141-CV/ĐUK updated. Added: —. Removed: CB03.")
    assert assignment_of(session, "CB03").status == "cancelled"


# ---- /deadline: old -> new, how many are told, then confirm -----------------------------------------


def test_a_deadline_change_shows_old_and_new_and_no_keeps_it(org, app, session):
    staff = publish_141(org, app)
    staff.send("/deadline 141")
    staff.press("Báo cáo")
    staff.send("trước ngày 25/8/2021")
    assert staff.last_text.startswith(
        "Đổi thời hạn Công văn 141-CV/ĐUK:\n"
        "Báo cáo: trước 23/8/2021 → trước 25/8/2021\n"
        "Sẽ báo cho 6 đơn vị. Đồng chí xác nhận đổi (có/không)?\n"
        "Chưa báo được cho 2 đơn vị"
    )
    assert staff.buttons == ["Xác nhận", "Hủy"]
    assert report_deadline(session).shown == "trước 23/8/2021"  # nothing changed yet
    staff.send("không")
    assert staff.last_text == "Đã giữ nguyên thời hạn; không đơn vị nào được báo."
    assert report_deadline(session).shown == "trước 23/8/2021" and change_notices(session) == 0


def test_a_deadline_change_applies_on_a_typed_co(org, app, session):
    staff = publish_141(org, app)
    staff.send("/deadline 141")
    staff.press("Báo cáo")
    staff.send("trước ngày 25/8/2021")
    staff.send("có")
    assert staff.last_text.startswith("Đã đổi thời hạn: Báo cáo: trước 25/8/2021. Đã báo cho 6 đơn vị.")
    assert report_deadline(session).shown == "trước 25/8/2021" and change_notices(session) == 6


def test_another_phrase_at_the_question_is_read_as_the_new_deadline(org, app, session):
    staff = publish_141(org, app)
    staff.send("/deadline 141")
    staff.press("Báo cáo")
    staff.send("trước ngày 25/8/2021")
    staff.send("trước ngày 27/8/2021")
    assert "Báo cáo: trước 23/8/2021 → trước 27/8/2021" in staff.last_text
    staff.press("Xác nhận")
    assert report_deadline(session).shown == "trước 27/8/2021"


def test_a_deadline_change_in_english_asks_and_takes_a_typed_no(org, app, session):
    staff = publish_141(org, app)
    staff.send("/lang en")
    staff.send("/deadline 141")
    staff.press("Report")
    staff.send("trước ngày 25/8/2021")
    assert staff.last_text.startswith(
        "Change a deadline of Official letter 141-CV/ĐUK:\n"
        "Report: trước 23/8/2021 → trước 25/8/2021\n"  # the deadline as stored, as every English line shows it
        "6 units will be told. Change it (yes/no)?"
    )
    assert staff.buttons == ["Confirm", "Cancel"]
    staff.send("no")
    assert staff.last_text == "The deadline stays as it was; no unit was told."
    assert report_deadline(session).shown == "trước 23/8/2021"


def test_the_confirm_button_rechecks_that_the_staff_member_still_manages_the_directive(org, app, session):
    staff = publish_141(org, app)
    staff.send("/deadline 141")
    staff.press("Báo cáo")
    staff.send("trước ngày 25/8/2021")
    # Meanwhile the staff member is moved to DB1: still staff, no longer over the issuing unit.
    db1 = session.exec(select(Unit).where(Unit.code == "DB1")).one()
    duk = session.exec(select(Unit).where(Unit.code == "DUK")).one()
    membership = session.exec(select(Membership).where(Membership.role == "staff", Membership.unit_id == duk.id)).one()
    membership.unit_id = db1.id
    session.add(membership)
    session.commit()
    staff.press("Xác nhận")
    assert staff.last_text == "Đồng chí không có quyền thực hiện thao tác này."
    assert report_deadline(session).shown == "trước 23/8/2021" and change_notices(session) == 0
    session.expire_all()
    assert [e.details.get("command") for e in session.exec(select(AuditEntry)).all() if e.action == "denied"] == [
        "deadline"
    ]

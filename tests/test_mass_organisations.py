"""A mass organisation (Đoàn Thanh niên Khối, kind 'mass') is not a "chi bộ" and its leader is
not a "bí thư chi bộ": every text addressed to it, or listing it, says "tổ chức" and "người
phụ trách"; a cell still reads "chi bộ" and "bí thư chi bộ"."""

from __future__ import annotations

from tests.support.chat import deliver
from tests.support.org import register
from tests.test_directives_flow import directive_message, publish_141, use_buttons_of


def dtn_leader(app):  # noqa: ANN001, ANN201
    return register(app, unit_code="DTN", role="secretary", name="Nguyễn Thu Hà", user_id="u-dtn")


def test_the_leader_of_a_mass_organisation_is_welcomed_as_its_person_in_charge(org, app):
    leader = dtn_leader(app)
    assert leader.last_text.startswith(
        "Chào mừng đồng chí! Tài khoản này đã được gắn với Đoàn Thanh niên Khối, vai trò người phụ trách."
    )
    assert "chi bộ" not in leader.last_text
    leader.send("/whoami")
    assert "người phụ trách" in leader.last_text and "bí thư" not in leader.last_text
    # A cell's secretary keeps the cell's words.
    org["CB01"].send("/whoami")
    assert "bí thư chi bộ" in org["CB01"].last_text


def test_a_directive_to_a_mass_organisation_speaks_of_the_organisation(org, app, outbox):
    publish_141(org, app)
    leader = dtn_leader(app)
    # Registered after the directive went out: it follows, announced for the organisation.
    assert "Hiện tổ chức của đồng chí có 1 văn bản cần thực hiện" in leader.last_text
    deliver(app)
    use_buttons_of(leader, directive_message(outbox, "u-dtn"))
    leader.press("Đã nhận")
    assert leader.last_text == (
        "Đã ghi nhận tổ chức đồng chí đã nhận Công văn 141-CV/ĐUK lúc 08:00 15/8/2021. Cảm ơn đồng chí."
    )
    use_buttons_of(leader, directive_message(outbox, "u-dtn")).press("Đã nhận")  # the first message's button, again
    assert leader.last_text.startswith("Tổ chức đồng chí đã báo nhận Công văn 141-CV/ĐUK lúc")
    leader.send("da nhan")  # typed, with nothing left to acknowledge
    assert leader.last_text.startswith("Tổ chức đồng chí đã báo nhận mọi văn bản được giao.")
    leader.send("da nhan 999")
    assert leader.last_text.startswith("Không có văn bản số 999 giao cho tổ chức đồng chí.")
    leader.send("/mytasks")
    # received already: no «Đã nhận» button, so the hint names only «Báo cáo»
    assert "Bấm «Báo cáo» để báo cáo kết quả của tổ chức" in leader.last_text
    assert "chi bộ" not in leader.last_text
    # The cell next to it still hears about its chi bộ.
    cb01 = org["CB01"]
    use_buttons_of(cb01, directive_message(outbox, "u-cb01"))
    cb01.press("Đã nhận")
    assert cb01.last_text.startswith("Đã ghi nhận chi bộ đồng chí đã nhận")
    cb01.send("/mytasks")
    assert "Bấm «Báo cáo» để báo cáo kết quả của chi bộ" in cb01.last_text


def test_a_quick_report_with_nothing_open_names_the_organisation(org, app):
    leader = dtn_leader(app)
    leader.send("bc 141 truc tiep 20/25 tot")
    assert leader.last_text == "Hiện tổ chức của đồng chí không có văn bản nào cần báo cáo."
    org["CB01"].send("bc 141 truc tiep 20/25 tot")
    assert org["CB01"].last_text == "Hiện chi bộ của đồng chí không có văn bản nào cần báo cáo."


def test_staff_see_the_person_in_charge_of_a_mass_organisation_in_the_missing_list(org, app):
    staff = publish_141(org, app)
    staff.send("/status 141")
    lines = staff.last_text.splitlines()
    assert "• DTN — Đoàn Thanh niên Khối — người phụ trách: chưa có người phụ trách đăng ký" in lines
    assert "• CB01 — Chi bộ Văn phòng — bí thư: Bí thư CB01" in lines
    dtn_leader(app)
    staff.send("/status 141")
    assert "• DTN — Đoàn Thanh niên Khối — người phụ trách: Nguyễn Thu Hà" in staff.last_text.splitlines()


def test_an_invite_for_a_mass_organisation_offers_its_person_in_charge(org, app):
    staff = org["staff"]
    staff.send("/invite DTN")
    assert staff.last_text == "Mã mời cho vai trò nào tại Đoàn Thanh niên Khối?"
    assert staff.buttons == ["người phụ trách"]
    staff.send("bi thu chi bo")
    assert staff.last_text.endswith("người phụ trách")
    staff.press("người phụ trách")
    staff.press("Bỏ qua")
    assert "người phụ trách" in staff.last_text and "chi bộ" not in staff.last_text
    staff.send("/invite CB01")
    assert staff.buttons == ["bí thư chi bộ"]

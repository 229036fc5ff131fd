"""A command typed in the middle of a flow: the flow in progress is dropped, and the user is
told first which one, before the new command's answer. Nothing of the dropped flow is stored."""

from __future__ import annotations

import pytest
from sqlmodel import select

from storage.tables import Invite, Report
from tests.support.chat import CHANNELS
from tests.support.report_factories import make_assignment

pytestmark = pytest.mark.parametrize("channel", CHANNELS)


def _invites(session) -> list[Invite]:  # noqa: ANN001
    session.expire_all()
    return session.exec(select(Invite)).all()


def test_invite_typed_while_an_invite_waits_for_its_name_says_which_invite_was_dropped(org, session):
    staff = org["staff"]
    before = len(_invites(session))
    staff.send("/invite CB03")
    staff.press("Bí thư")
    assert "Họ tên người được mời?" in staff.last_text
    staff.send("/invite")
    first, *rest = staff.replies
    assert first.text == "Đã hủy tạo mã mời cho Chi bộ Ban Tổ chức đang làm dở. Không có gì của thao tác đó được lưu."
    assert [r.text for r in rest][0].startswith("Tạo mã mời cho đơn vị nào?")  # then the new invite's question
    assert len(_invites(session)) == before
    staff.send("CB02")  # the new invite goes on from its own first question
    staff.press("Bí thư")
    staff.send("Lê Thị Hoa")
    assert "Đã tạo mã mời" in staff.last_text and "Chi bộ Ban Tuyên giáo" in staff.last_text
    invites = _invites(session)
    assert len(invites) == before + 1 and invites[-1].label == "Lê Thị Hoa"


def test_new_typed_while_a_report_is_half_done_says_the_report_was_dropped(org, session, app):
    aid = make_assignment(app)
    staff = org["staff"]
    staff.press_data(f"rep:{aid}")
    staff.send("trực tiếp")
    staff.send("/new")
    assert staff.replies[0].text.startswith("Đã hủy gửi báo cáo 141-CV/ĐUK (gõ /report để làm lại) đang làm dở.")
    assert "dán toàn văn văn bản" in staff.replies[1].text
    session.expire_all()
    assert session.exec(select(Report)).all() == []


def test_a_command_that_starts_no_flow_keeps_the_flow_and_cancel_says_it_once(org, session):
    staff = org["staff"]
    staff.send("/invite CB03")
    staff.send("/whoami")
    assert "Đã hủy" not in staff.last_text and "Trần Văn Tâm" in staff.last_text
    staff.press("Bí thư")  # the invite is still there
    assert "Họ tên người được mời?" in staff.last_text
    staff.send("/cancel")
    assert staff.last_text.count("Đã hủy") == 1 and "Không có gì được lưu" in staff.last_text


def test_in_english_the_line_is_english(org, session):
    staff = org["staff"]
    staff.send("/lang en")
    staff.send("/invite CB03")
    staff.send("/invite")
    dropped = "Cancelled creating an invite for Chi bộ Ban Tổ chức, left unfinished. Nothing of it was saved."
    assert staff.replies[0].text == dropped

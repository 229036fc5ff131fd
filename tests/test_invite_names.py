"""/invite: a name too long is refused whole, and a second secretary for a cell is said."""

from __future__ import annotations

import pytest
from sqlmodel import select

from storage.tables import Invite
from tests.support.chat import CHANNELS

pytestmark = pytest.mark.parametrize("channel", CHANNELS)


def test_an_overlong_name_is_refused_and_asked_again(org, session):
    staff = org["staff"]
    staff.send("/invite")
    staff.send("CB02")
    staff.press("Bí thư")
    staff.send("Nguyễn " * 800)
    assert "tối đa 120 ký tự" in staff.last_text and "Họ tên người được mời?" in staff.last_text
    before = len(session.exec(select(Invite)).all())
    staff.send("Lê Thị Hoa")
    assert "Đã tạo mã mời" in staff.last_text
    session.expire_all()
    invites = session.exec(select(Invite).order_by(Invite.id)).all()
    assert len(invites) == before + 1 and invites[-1].label == "Lê Thị Hoa"


def test_a_second_secretary_for_a_cell_that_has_one_is_said(org):
    staff = org["staff"]
    staff.send("/invite")
    staff.send("CB01")
    staff.press("Bí thư")
    staff.send("Trần Văn Phó")
    assert "Đã tạo mã mời" in staff.last_text
    assert "đã có" in staff.last_text and "Bí thư CB01" in staff.last_text
    assert "cả hai sẽ cùng nhận" in staff.last_text

""" "/report 27" names directive 27-KH first; "/report CB01 27" is staff reporting on behalf of
CB01 on that directive; "bc 999" in the middle of a report for a number nobody has is "not
found", not an offer to report 999 first."""

from __future__ import annotations

import pytest
from sqlmodel import select

from storage.tables import Report
from tests.support.chat import CHANNELS
from tests.support.report_factories import make_assignment

pytestmark = pytest.mark.parametrize("channel", CHANNELS)


def reports(session) -> list[Report]:  # noqa: ANN001
    session.expire_all()
    return session.exec(select(Report).order_by(Report.id)).all()


def test_report_with_a_directive_number_opens_that_directive(org, app):
    make_assignment(app, number="141-CV/ĐUK")
    make_assignment(app, number="27-KH/ĐUK")
    cb01 = org["CB01"]
    cb01.send("/report 27")
    assert "Báo cáo 27-KH/ĐUK — " in cb01.last_text and "Hình thức quán triệt?" in cb01.last_text
    cb01.send("/report 141-cv")
    assert "Báo cáo 141-CV/ĐUK — " in cb01.last_text


def test_report_with_a_number_the_cell_does_not_have_says_not_found(org, app):
    make_assignment(app, number="141-CV/ĐUK")
    cb01 = org["CB01"]
    cb01.send("/report 999")
    assert "Không tìm thấy văn bản 999 trong việc đang mở của chi bộ đồng chí" in cb01.last_text
    assert "đơn vị có mã" not in cb01.last_text
    cb01.send("/report XYZ")  # not a number: still read as a unit code
    assert "Không tìm thấy đơn vị có mã «XYZ»" in cb01.last_text


def test_staff_report_on_behalf_of_a_cell_on_one_directive(org, app, session):
    make_assignment(app, number="141-CV/ĐUK")
    make_assignment(app, number="27-KH/ĐUK")
    staff = org["staff"]
    staff.send("/report CB01")  # two open: which one?
    assert "văn bản nào" in staff.last_text
    staff.send("/report CB01 27")
    assert "Báo cáo 27-KH/ĐUK — " in staff.last_text and "báo cáo thay" in staff.last_text
    staff.send("/cancel")
    staff.send("/report CB01 999")
    assert "Không tìm thấy văn bản 999" in staff.last_text
    staff.send("/report 27")  # no cell named: staff are told how to name one
    assert "/report MÃ_ĐƠN_VỊ SỐ_VĂN_BẢN" in staff.last_text


def test_bc_999_mid_flow_is_not_found(org, app, session):
    aid = make_assignment(app, number="141-CV/ĐUK")
    make_assignment(app, number="27-KH/ĐUK")
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.send("bc 999 tt 45/50 tot")
    assert "Không tìm thấy văn bản 999 trong việc được giao cho" in cb01.last_text
    assert "«999» trước" not in cb01.last_text
    assert "Hình thức quán triệt?" in cb01.last_text
    cb01.send("bc 27 tt 45/50 tot")  # 27 exists: offered to be reported first
    assert "Muốn báo cáo văn bản «27» trước" in cb01.last_text
    assert reports(session) == []

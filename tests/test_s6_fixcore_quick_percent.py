"""A one-line report with a percentage and no total ("bc 141 truc tiep 90% tot"): the answer
says the 90% was noted and asks the total, as the flow does when 90% is typed at the question."""

from __future__ import annotations

import pytest
from sqlmodel import select

from storage.tables import Report
from tests.support.chat import CHANNELS
from tests.support.report_factories import make_assignment

pytestmark = pytest.mark.parametrize("channel", CHANNELS)


def test_a_percentage_in_a_one_line_report_is_noted_and_the_total_is_asked(org, session, app):
    make_assignment(app)
    cb01 = org["CB01"]
    cb01.send("bc 141 truc tiep 90% tot")
    assert "Đã ghi nhận: Hình thức quán triệt, Nhận thức" in cb01.last_text
    assert "Đã ghi 90%; cần thêm tổng số để tính số người." in cb01.last_text
    assert cb01.last_text.rstrip().endswith("Tổng số cán bộ, đảng viên? Đồng chí gõ tổng số người, ví dụ 50.")
    assert "Số người tiếp cận?" not in cb01.last_text
    cb01.send("50")
    assert "Số người tiếp cận: 45/50 (90%)" in cb01.last_text and "Xác nhận" in cb01.buttons
    cb01.press("Xác nhận")
    session.expire_all()
    (report,) = session.exec(select(Report)).all()
    assert report.awareness == "tot"


def test_a_total_the_percentage_does_not_divide_asks_the_count_and_keeps_the_total(org, session, app):
    make_assignment(app)
    cb01 = org["CB01"]
    cb01.send("bc 141 truc tiep 90% tot")
    cb01.send("47")
    assert "không ra số người tròn" in cb01.last_text and "trên tổng số 47 người" in cb01.last_text
    cb01.send("42/47")
    assert "42/47" in cb01.last_text and "Xác nhận" in cb01.buttons
    session.expire_all()
    assert session.exec(select(Report)).all() == []


def test_a_one_line_report_with_its_count_and_total_is_not_asked_the_total(org, app):
    make_assignment(app)
    cb01 = org["CB01"]
    cb01.send("bc 141 truc tiep 45/50 tot")
    assert "Đã ghi 90%" not in cb01.last_text and "45/50 (90%)" in cb01.last_text


def test_the_same_line_typed_in_the_middle_of_the_report_notes_the_percentage_too(org, session, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    assert "Hình thức quán triệt?" in cb01.last_text
    cb01.send("bc 141 truc tiep 90% tot")
    assert "Đã ghi 90%; cần thêm tổng số để tính số người." in cb01.last_text
    assert "Tổng số cán bộ, đảng viên?" in cb01.last_text and "Số người tiếp cận?" not in cb01.last_text
    cb01.send("50")
    assert "Số người tiếp cận: 45/50 (90%)" in cb01.last_text

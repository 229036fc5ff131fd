"""A secretary who types the next answer instead of pressing «Xong», or a second one-line
report while one is open: what is ticked is kept, nothing lands in the wrong report."""

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


def test_typing_the_count_after_ticking_a_format_keeps_the_format(org, session, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.send("hoi nghi truc tiep")
    assert "Đã chọn: Hội nghị trực tiếp" in cb01.last_text
    cb01.send("45 tren 50")  # the next answer typed, «Xong» never pressed
    assert "Hình thức quán triệt?" not in cb01.last_text
    assert "Nhận thức" in cb01.last_text
    cb01.press("Tốt")
    cb01.send("khong")
    if "Xác nhận" not in [c.label for c in cb01._buttons]:
        cb01.press("Bỏ qua")
    assert "Hình thức quán triệt: Hội nghị trực tiếp" in cb01.last_text
    assert "khác" not in cb01.last_text.lower()
    cb01.press("Xác nhận")
    [report] = reports(session)
    assert (report.formats, report.format_other, report.reached, report.total) == ("truc_tiep", None, 45, 50)


def test_khong_is_not_a_format_called_other(org, session, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.send("khong")
    assert "cần ít nhất một lựa chọn" in cb01.last_text
    assert "Hình thức quán triệt?" in cb01.last_text
    cb01.send("zalo")
    assert "Đã chọn: Zalo" in cb01.last_text
    cb01.send("xong")
    assert "Số người tiếp cận?" in cb01.last_text
    assert reports(session) == []


def test_a_one_line_report_for_another_directive_is_not_filed_into_the_open_one(org, session, app):
    make_assignment(app, number="87-CV/ĐU")
    make_assignment(app, number="141-CV/ĐUK")
    cb01 = org["CB01"]
    cb01.send("bc 87 tt")
    assert "87-CV/ĐU" in cb01.last_text and "Số người tiếp cận?" in cb01.last_text
    cb01.send("bc 141 zalo 45/50 tot")
    assert "Đồng chí đang báo cáo 87-CV/ĐU" in cb01.last_text
    assert "«141»" in cb01.last_text and "/cancel" in cb01.last_text
    assert "Số người tiếp cận?" in cb01.last_text  # still the same question of 87's report
    cb01.send("20/25")
    cb01.press("Tốt")  # a quick report asks only what is missing: then the summary
    assert "20/25" in cb01.last_text and "45/50" not in cb01.last_text
    cb01.press("Xác nhận")
    [report] = reports(session)
    assert (report.reached, report.total, report.formats) == (20, 25, "truc_tiep")

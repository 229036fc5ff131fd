"""A secretary whose whole cell took part says so in words: "toàn bộ", "tat ca" (walk 6, finding 7).

It used to be refused ("cần một số nguyên … không gõ chữ") and, in a one-line report, half of it
was said back as not understood («toan»)."""

from __future__ import annotations

from sqlmodel import select

from storage.tables import Report
from tests.support.report_factories import make_assignment


def reports(session) -> list[Report]:  # noqa: ANN001
    session.expire_all()
    return session.exec(select(Report).order_by(Report.id)).all()


def test_toan_bo_at_the_reached_question_asks_the_total_and_counts_everyone(org, session, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.send("sinh hoat chi bo")
    cb01.press("Xong")
    cb01.send("toan bo")
    assert "Đã ghi 100%" in cb01.last_text and "Tổng số" in cb01.last_text
    assert "số nguyên" not in cb01.last_text
    cb01.send("50")
    cb01.press("Tốt")
    cb01.press("Bỏ qua")
    cb01.press("Bỏ qua")
    assert "• Số người tiếp cận: 50/50 (100%)" in cb01.last_text
    cb01.press("Xác nhận")
    [report] = reports(session)
    assert (report.reached, report.total, report.percent) == (50, 50, 100.0)


def test_tat_ca_dang_vien_in_a_one_line_report_is_not_said_back_as_not_understood(org, session, app):
    make_assignment(app)
    cb01 = org["CB01"]
    cb01.send("bc 141 sinh hoat chi bo tat ca dang vien tot")
    assert "Tôi chưa hiểu" not in cb01.last_text
    assert "«tat»" not in cb01.last_text and "«toan»" not in cb01.last_text
    assert "Đã ghi nhận: Hình thức quán triệt" in cb01.last_text and "Nhận thức sau khi học tập" in cb01.last_text


def test_everyone_with_a_total_in_the_same_answer_is_read_as_the_pair(org, session, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.send("truc tiep")
    cb01.send("45/50")
    cb01.press("Tốt")
    cb01.press("Bỏ qua")
    cb01.press("Bỏ qua")
    cb01.press("Sửa")
    cb01.press("Số người tiếp cận")
    cb01.send("toàn bộ")
    assert "• Số người tiếp cận: 50/50 (100%)" in cb01.last_text

"""Session 6 gap: "90%" typed for the people reached, then a total no whole count of people
fits (90% of 33 is 29.7): the total is kept and only the count is asked, not the total again."""

from __future__ import annotations

from sqlmodel import select

from storage.tables import Report
from tests.support.report_factories import make_assignment


def test_total_typed_after_a_percentage_that_does_not_fit_is_kept(org, session, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.send("truc tiep")
    assert "Số người tiếp cận?" in cb01.last_text
    cb01.send("90%")
    assert "Đã ghi 90%" in cb01.last_text and "Tổng số" in cb01.last_text
    cb01.send("33")
    assert "90% của 33 người không ra số người tròn" in cb01.last_text
    # The next question is the count of people out of the 33 already given, not the total.
    assert "Số người tiếp cận (trên tổng số 33 người)?" in cb01.last_text
    assert "Tổng số cán bộ" not in cb01.last_text
    cb01.send("30")
    assert "Nhận thức" in cb01.last_text  # the total is not asked a second time
    cb01.press("Tốt")
    cb01.press("Bỏ qua")
    cb01.press("Bỏ qua")
    assert "Số người tiếp cận: 30/33 (90,9%)" in cb01.last_text
    cb01.press("Xác nhận")
    session.expire_all()
    [report] = session.exec(select(Report)).all()
    assert (report.reached, report.total) == (30, 33)


def test_back_from_the_count_returns_to_the_kept_total_and_asks_the_count_after_it(org, session, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.send("truc tiep")
    cb01.send("90%")
    cb01.send("33")
    # a number is the answer here, so the way back is a word to type, not a numbered choice
    assert "quay lại" in cb01.last_text
    cb01.send("quay lai")
    assert "Tổng số cán bộ, đảng viên?" in cb01.last_text and "33" in cb01.last_text
    cb01.send("40")
    # The count of people is still missing: asked now, out of the new total.
    assert "Số người tiếp cận (trên tổng số 40 người)?" in cb01.last_text
    cb01.send("36")
    assert "Nhận thức" in cb01.last_text
    cb01.press("Tốt")
    cb01.press("Bỏ qua")
    cb01.press("Bỏ qua")
    assert "Số người tiếp cận: 36/40 (90%)" in cb01.last_text


def test_a_count_above_the_kept_total_is_refused(org, session, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.send("truc tiep")
    cb01.send("90%")
    cb01.send("33")
    cb01.send("40")
    assert "40" in cb01.last_text and "33" in cb01.last_text
    assert "trên tổng số 33 người" in cb01.last_text  # still the count is asked


def test_in_english_the_count_question_names_the_kept_total(org, session, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.send("/lang en")
    cb01.press_data(f"rep:{aid}")
    cb01.send("in person")
    cb01.send("90%")
    cb01.send("33")
    assert "out of 33 in total" in cb01.last_text

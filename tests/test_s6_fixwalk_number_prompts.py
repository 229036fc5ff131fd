"""Session 6's new-user walk, finding 9: on a channel without buttons (Zalo, the console shell)
a question whose answer is a number never shows "1. « Quay lại": 1 is an answer there. The
prompt says the words to type instead, and those words go back or skip."""

from __future__ import annotations

import pytest
from sqlmodel import select

from storage.tables import Report
from tests.support.report_factories import make_assignment


@pytest.mark.parametrize("channel", ["console", "zalo"])
def test_the_total_question_offers_no_number_and_quay_lai_goes_back(org, app, session, channel):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.send("truc tiep")
    assert cb01.last_text.startswith("Số người tiếp cận?")
    assert cb01.replies[-1].flat_choices() == []
    assert "(Gõ «quay lại» để về câu trước.)" in cb01.last_text
    cb01.send("50")
    assert cb01.last_text.startswith("Tổng số")
    assert "1." not in cb01.last_text and cb01.replies[-1].flat_choices() == []
    cb01.send("1")  # the total is 1: an answer, and 50 reached of 1 is refused as before
    assert "không thể lớn hơn" in cb01.last_text
    cb01.send("quay lại")
    assert cb01.last_text.startswith("Số người tiếp cận?")
    cb01.send("45")
    cb01.send("50")
    assert "Nhận thức" in cb01.last_text


@pytest.mark.parametrize("channel", ["telegram"])
def test_with_buttons_the_back_button_stays(org, app, channel):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.send("truc tiep")
    assert cb01.buttons == ["« Quay lại"]
    assert "Gõ «quay lại»" not in cb01.last_text


@pytest.mark.parametrize("channel", ["zalo"])
def test_a_whole_report_on_zalo_with_the_numbers_typed(org, app, session, channel):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.send("truc tiep")
    cb01.send("1")
    cb01.send("1")
    cb01.send("tot")
    cb01.send("bo qua")
    cb01.send("bo qua")
    assert "Số người tiếp cận: 1/1 (100%)" in cb01.last_text
    cb01.send("1")
    session.expire_all()
    report = session.exec(select(Report)).one()
    assert (report.reached, report.total) == (1, 1)

"""An answer typed after the report form closed (sent, cancelled, timed out) is told the form
is closed and how to start again; it is never stored and never met with "Tôi chưa hiểu"."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from storage.tables import Report
from tests.support.chat import CHANNELS
from tests.support.report_factories import make_assignment

on_every_channel = pytest.mark.parametrize("channel", CHANNELS)

CLOSED = "Biểu mẫu báo cáo đã đóng (đã gửi xong, đã hủy, hoặc để quá lâu không trả lời), nên «{}» không được ghi"


def reports(session) -> list[Report]:  # noqa: ANN001
    session.expire_all()
    return session.exec(select(Report).order_by(Report.id)).all()


@on_every_channel
def test_answers_after_cancel_are_told_the_form_is_closed(org, session, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.send("tt")
    cb01.send("xong")
    cb01.send("/cancel")
    for answer in ("45/50", "tốt", "xong", "bỏ qua", "truc tiep + zalo"):
        cb01.send(answer)
        assert CLOSED.format(answer) in cb01.last_text, answer
        assert "/report" in cb01.last_text and "Tôi chưa hiểu" not in cb01.last_text
    cb01.send("hôm nay trời đẹp")  # not an answer to any question: the usual line
    assert "Tôi chưa hiểu tin nhắn này" in cb01.last_text
    assert reports(session) == []


@pytest.mark.parametrize("channel", ["console", "zalo"])
def test_a_number_typed_to_a_closed_form_s_numbered_menu_is_told_too(org, session, app, channel):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.send("huy")
    cb01.send("2")  # "2. Hội nghị trực tuyến" of the menu the form showed
    assert CLOSED.format("2") in cb01.last_text
    assert reports(session) == []


@on_every_channel
def test_an_answer_after_the_form_timed_out_is_told_both(org, session, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.send("tt + zalo")
    assert "Số người tiếp cận?" in cb01.last_text
    app.clock.advance(timedelta(hours=5))
    cb01.send("45/50")
    assert "đã quá lâu không được hoàn tất nên đã tự hủy" in cb01.last_text
    assert CLOSED.format("45/50") in cb01.last_text
    assert reports(session) == []


@on_every_channel
def test_an_answer_after_the_report_was_sent_is_not_a_second_report(org, session, app):
    make_assignment(app)
    cb01 = org["CB01"]
    cb01.send("bc 141 tt 45/50 tot")
    cb01.press("Xác nhận")
    assert "Đã gửi báo cáo" in cb01.last_text
    cb01.send("khá")
    assert CLOSED.format("khá") in cb01.last_text
    [report] = reports(session)
    assert report.awareness == "tot"

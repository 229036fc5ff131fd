""" "0/45" (nobody reached) is probably a slip: the bot asks once before going on."""

from __future__ import annotations

import pytest
from sqlmodel import select

from storage.tables import Report
from tests.support.chat import CHANNELS, Chat
from tests.support.report_factories import make_assignment

pytestmark = pytest.mark.parametrize("channel", CHANNELS)

ASKED = "Chưa tiếp cận được ai (0/45), đúng không?"


def reports(session) -> list[Report]:  # noqa: ANN001
    session.expire_all()
    return session.exec(select(Report).order_by(Report.id)).all()


def to_counts(chat: Chat, aid: int) -> None:
    chat.press_data(f"rep:{aid}")
    chat.send("trực tiếp + zalo")
    assert "Số người tiếp cận?" in chat.last_text


def finish(chat: Chat) -> None:
    if "Nhận thức" in chat.last_text:  # not asked after 0 reached (tests/test_s10_flow_zero.py)
        chat.press("Tốt")
    chat.press("Bỏ qua")
    chat.press("Bỏ qua")
    chat.press("Xác nhận")


def test_yes_keeps_zero_and_goes_on(org, session, app, channel):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    to_counts(cb01, aid)
    cb01.send("0/45")
    assert ASKED in cb01.last_text and "Nhận thức" not in cb01.last_text
    cb01.press("Có")
    assert "Khó khăn, đề xuất?" in cb01.last_text  # the awareness is not asked of nobody
    finish(cb01)
    [report] = reports(session)
    assert (report.reached, report.total, report.awareness) == (0, 45, None)


def test_typed_no_asks_the_number_again(org, session, app, channel):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    to_counts(cb01, aid)
    cb01.send("0/45")
    cb01.send("khong")
    assert "Số người tiếp cận (trên tổng số 45 người)?" in cb01.last_text
    cb01.send("40")
    assert "Nhận thức" in cb01.last_text
    finish(cb01)
    [report] = reports(session)
    assert (report.reached, report.total) == (40, 45)


def test_typed_yes_and_typed_number(org, session, app, channel):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    to_counts(cb01, aid)
    cb01.send("0/45")
    cb01.send("co")
    assert "Khó khăn, đề xuất?" in cb01.last_text
    cb01.press("Quay lại")
    cb01.send("0/45")
    assert ASKED not in cb01.last_text  # confirmed once: not asked again


def test_number_typed_at_the_question_replaces_zero(org, session, app, channel):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    to_counts(cb01, aid)
    cb01.send("0/45")
    cb01.send("38/45")
    assert "Nhận thức" in cb01.last_text
    finish(cb01)
    [report] = reports(session)
    assert (report.reached, report.total) == (38, 45)


def test_nonzero_not_asked(org, session, app, channel):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    to_counts(cb01, aid)
    cb01.send("1/45")
    assert "đúng không" not in cb01.last_text and "Nhận thức" in cb01.last_text


def test_one_line_report_asks_too(org, session, app, channel):
    make_assignment(app)
    cb01 = org["CB01"]
    cb01.send("bc 141 truc tiep 0/45 tot")
    assert ASKED in cb01.last_text
    assert reports(session) == []
    cb01.press("Có")
    assert "0/45" in cb01.last_text
    assert "Nhận thức sau khi học tập: không hỏi, vì chưa tiếp cận được ai" in cb01.last_text
    cb01.press("Xác nhận")
    [report] = reports(session)
    assert (report.reached, report.total, report.awareness) == (0, 45, None)

"""Commands typed at a question of the report ("đã nhận", "hủy", "ok", "thoát", "xong") act
as commands and are never stored as an answer; «Xong» with nothing ticked asks again."""

from __future__ import annotations

import pytest
from sqlmodel import select

from storage.tables import Assignment, Report
from tests.support.chat import CHANNELS
from tests.support.report_factories import make_assignment

pytestmark = pytest.mark.parametrize("channel", CHANNELS)

FORMATS = "Hình thức quán triệt?"


def reports(session) -> list[Report]:  # noqa: ANN001
    session.expire_all()
    return session.exec(select(Report).order_by(Report.id)).all()


def test_da_nhan_at_the_formats_question_acknowledges_and_asks_again(org, session, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.send("đã nhận")
    assert "Đã ghi nhận chi bộ đồng chí đã nhận CV 141-CV/ĐUK" in cb01.last_text
    assert FORMATS in cb01.last_text and "Số người tiếp cận?" not in cb01.last_text
    session.expire_all()
    assert session.get(Assignment, aid).acknowledged_at is not None
    cb01.send("da nhan")  # typed twice: said again, still nothing stored
    assert "đã báo nhận" in cb01.last_text and FORMATS in cb01.last_text
    cb01.send("tt + zalo")
    cb01.send("45/50")
    cb01.press("Tốt")
    cb01.press("Bỏ qua")
    cb01.press("Bỏ qua")
    cb01.press("Xác nhận")
    [report] = reports(session)
    assert (report.formats, report.format_other) == ("truc_tiep,zalo", None)


@pytest.mark.parametrize("word", ["huy", "hủy", "thoat", "Thoát."])
def test_cancel_words_at_a_question_cancel_the_report(org, session, app, word):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.send("truc tiep")
    cb01.send("xong")
    assert "Số người tiếp cận?" in cb01.last_text
    cb01.send(word)
    assert cb01.last_text == "Đã hủy gửi báo cáo 141-CV/ĐUK (gõ /report để làm lại). Không có gì được lưu."
    cb01.send("45/50")  # the form is closed: nothing goes on
    assert "Nhận thức" not in cb01.last_text
    assert reports(session) == []


def test_ok_at_the_formats_question_is_done_never_a_format(org, session, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.send("ok")
    assert "cần ít nhất một lựa chọn" in cb01.last_text and FORMATS in cb01.last_text
    cb01.send("zalo")
    cb01.send("ok")  # now something is ticked: «ok» is «Xong»
    assert "Số người tiếp cận?" in cb01.last_text
    cb01.send("45/50")
    cb01.send("xong")  # at the awareness question «xong» means nothing: said, asked again
    assert "«xong» là lệnh, không phải câu trả lời" in cb01.last_text
    assert "Nhận thức sau khi học tập?" in cb01.last_text
    cb01.send("xong")  # typed again it is still not «khác: xong»
    assert "«xong» là lệnh" in cb01.last_text
    cb01.send("tot")
    cb01.send("ok")  # optional free text: nothing to add
    cb01.press("Bỏ qua")
    assert "Kiểm tra lại báo cáo" in cb01.last_text
    cb01.send("ok")
    [report] = reports(session)
    assert (report.formats, report.format_other, report.awareness, report.difficulties) == ("zalo", None, "tot", None)


def test_xong_with_nothing_ticked_offers_khac_and_stores_nothing(org, session, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.send("xong")
    assert (
        "Mục «Hình thức quán triệt» cần ít nhất một lựa chọn trước khi bấm «Xong»" in cb01.last_text
        and "«khác: ...»" in cb01.last_text
    )
    assert FORMATS in cb01.last_text and "Số người tiếp cận?" not in cb01.last_text
    cb01.send("khác: họp tổ dân phố")
    cb01.send("45/50")
    cb01.press("Tốt")
    cb01.press("Bỏ qua")
    cb01.press("Bỏ qua")
    cb01.press("Xác nhận")
    [report] = reports(session)
    assert (report.formats, report.format_other) == (None, "họp tổ dân phố")

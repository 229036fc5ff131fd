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


def test_an_english_reader_gets_the_deadline_in_english_words(org, app):
    make_assignment(app, report_shown="trước 23/8/2021")
    cb01 = org["CB01"]
    cb01.send("/mytasks")
    assert "trước 23/8/2021" in cb01.last_text
    cb01.send("/lang en")
    cb01.send("/mytasks")
    assert "before 23/8/2021" in cb01.last_text and "trước" not in cb01.last_text


def test_reporting_again_says_what_was_sent_and_that_this_is_a_correction(org, app, session):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.send("bc 141 tt 20/25 tot")
    cb01.press("Xác nhận")
    cb01.press_data(f"rep:{aid}")
    assert "Chi bộ Văn phòng đã gửi báo cáo lúc" in cb01.last_text
    assert "(bản 1: 20/25 (80%))" in cb01.last_text and "bản sửa (bản 2)" in cb01.last_text


def test_the_picker_puts_what_still_waits_first_and_marks_what_was_reported(org, app):
    from datetime import datetime

    make_assignment(app, number="87-CV/ĐU", report_due=datetime(2021, 8, 10, 23, 59))
    make_assignment(app, number="141-CV/ĐUK", report_due=datetime(2021, 8, 22, 23, 59))
    cb01 = org["CB01"]
    cb01.send("bc 87 tt 20/25 tot")
    cb01.press("Xác nhận")
    cb01.send("bc tt 45/50 tot")  # no number: which one?
    labels = [c.label for c in cb01._buttons]
    assert labels[0].startswith("141-CV/ĐUK"), labels
    assert labels[1].startswith("Sửa báo cáo 87-CV/ĐU"), labels


def test_a_percentage_that_fits_no_whole_count_suggests_one_that_does(org, app, session):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.send("tt, zalo")
    cb01.send("90%")
    cb01.send("33")
    assert "ví dụ 30/33" in cb01.last_text
    cb01.send("30/33")
    assert "Nhận thức" in cb01.last_text


def test_a_difficulty_that_names_a_format_is_taken_whole_and_changes_nothing_else(org, app, session):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.send("truc tiep, zalo")
    cb01.send("15/20")
    cb01.press("Khá")
    assert "Khó khăn" in cb01.last_text
    cb01.send("thieu tai lieu, can them kinh phi, zalo chua on dinh")
    assert "Đã ghi nhận" not in cb01.last_text and "Tôi chưa hiểu" not in cb01.last_text
    cb01.press("Bỏ qua")  # the attachment question still comes
    assert "Hình thức quán triệt: Hội nghị trực tiếp, Zalo / mạng xã hội" in cb01.last_text
    assert "Khó khăn, đề xuất: thieu tai lieu, can them kinh phi, zalo chua on dinh" in cb01.last_text
    cb01.press("Xác nhận")
    [report] = reports(session)
    assert report.formats == "truc_tiep,zalo" and report.difficulties.startswith("thieu tai lieu")


def test_words_naming_a_format_at_another_question_do_not_replace_the_formats(org, app, session):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.send("truc tiep, zalo")
    cb01.send("zalo chua on dinh")  # at «Số người tiếp cận?»
    assert "Số người tiếp cận?" in cb01.last_text
    cb01.send("40/45")
    cb01.press("Tốt")
    cb01.press("Bỏ qua")
    cb01.press("Bỏ qua")
    assert "Hình thức quán triệt: Hội nghị trực tiếp, Zalo / mạng xã hội" in cb01.last_text


def test_counts_named_by_their_question_in_a_sentence_are_read(org, app, session):
    make_assignment(app)
    cb01 = org["CB01"]
    cb01.send("bc 141 hội nghị trực tiếp, tiếp cận 45 người, tổng số 50 đảng viên, nhận thức tốt")
    assert "Số người tiếp cận: 45/50 (90%)" in cb01.last_text or "Khó khăn" in cb01.last_text
    assert "Số người tiếp cận?" not in cb01.last_text


def test_a_number_no_question_took_is_said_back(org, app):
    make_assignment(app)
    cb01 = org["CB01"]
    cb01.send("bc 141 tt 45 tot")
    assert "Tôi chưa hiểu: «45»" in cb01.last_text
    assert "Số người tiếp cận?" in cb01.last_text


def test_one_later_answer_typed_early_keeps_the_guided_questions_after_it(org, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.send("hoi nghi truc tiep")
    cb01.send("45 tren 50")
    cb01.send("tot")
    assert "Khó khăn" in cb01.last_text  # not straight to the summary


def test_a_one_line_report_for_another_directive_at_the_summary_is_said(org, app, session):
    make_assignment(app, number="87-CV/ĐU")
    make_assignment(app, number="141-CV/ĐUK")
    cb01 = org["CB01"]
    cb01.send("bc 87 tt 45/50 tot")
    assert "Xác nhận" in [c.label for c in cb01._buttons]
    cb01.send("bc 141 tt 30/40 kha")
    assert "Đồng chí đang báo cáo 87-CV/ĐU" in cb01.last_text and "«141»" in cb01.last_text
    cb01.send("abc xyz")
    assert "Tôi chưa hiểu tin nhắn này" in cb01.last_text
    assert reports(session) == []

"""A directive with a one-off report ("báo cáo kết quả sơ kết ... trước ngày 15/01/2027") and a
monthly rule beside it. A secretary with both open is asked which one the report is for; with
one open, not asked. Two months on, the daily digest, /status and the exported sheet count the
same overdue cells: the one-off report's and each missed period's."""

from __future__ import annotations

import io
from collections import Counter
from datetime import datetime

import pytest
from docx import Document
from openpyxl import load_workbook
from sqlmodel import select

from ground.clock import ManualClock
from storage.db import session_scope
from storage.tables import Assignment, Report, Unit
from tests.support.chat import deliver
from tests.support.local import local_to_utc
from tests.support.reminders import delivered, until
from tests.test_directives_flow import paste_141

BOTH = """ĐẢNG ỦY KHỐI CƠ QUAN TỈNH
Số 201-CV/ĐUK
V/v sơ kết và chế độ báo cáo của các chi bộ
Kính gửi: Các chi bộ trực thuộc
Các chi bộ báo cáo kết quả sơ kết về Ban Thường vụ trước ngày 15/01/2027.
Từ tháng 01/2027, các chi bộ gửi báo cáo trước ngày 25 hằng tháng.
T/M BAN THƯỜNG VỤ
"""
ONE_OFF = "Báo cáo (một lần): trước 15/1/2027 (23:59 14/1/2027)"
JANUARY = "Kỳ tháng 1/2027: trước 25/1/2027 (23:59 24/1/2027)"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(local_to_utc(datetime(2026, 12, 1, 9, 0)))


def publish_both(org, app):  # noqa: ANN001, ANN201
    staff = paste_141(org, BOTH)
    assert "• Báo cáo: trước 15/1/2027\n• Bắt đầu: từ tháng 1/2027\n• Báo cáo định kỳ: hằng tháng trước ngày 25" in (
        staff.last_text
    )
    staff.press("Xác nhận")
    staff.press("Tất cả chi bộ")
    staff.press("Gửi")
    assert "Đã gửi" in staff.last_text, staff.last_text
    deliver(app)
    return staff


def answers_for(app, code: str) -> list[tuple[str, int]]:  # noqa: ANN001
    with session_scope(app.engine) as session:
        rows = session.exec(
            select(Report)
            .join(Assignment, Assignment.id == Report.assignment_id)
            .join(Unit, Unit.id == Assignment.unit_id)
            .where(Unit.code == code)
            .order_by(Report.id)
        ).all()
        return [("một lần" if "@" not in r.answers_for else "kỳ " + r.answers_for[-19:-9], r.version) for r in rows]


def test_both_open_the_secretary_picks_one_open_no_question(org, app, clock):
    publish_both(org, app)
    cb01 = org["CB01"]
    clock.set(local_to_utc(datetime(2027, 1, 10, 8, 0)))
    until(app, datetime(2027, 1, 10, 9, 0))
    [asked] = cb01.send("bc 201 trực tiếp 45/50 tốt")[-1:]
    assert asked.text == "201-CV/ĐUK có hơn một việc đang chờ báo cáo. Báo cáo này cho việc nào?"
    assert [c.label for c in asked.flat_choices()] == [ONE_OFF, JANUARY]
    # The number works as well as the button: "2" is the January period.
    cb01.send("2")
    assert "Hạn: kỳ tháng 1/2027: trước 25/1/2027 (23:59 24/1/2027)." in cb01.last_text
    assert "• Số người tiếp cận: 45/50 (90%)" in cb01.last_text  # what was typed is kept
    cb01.press("Xác nhận")
    assert cb01.last_text.endswith("đúng hạn — hạn kỳ tháng 1/2027: trước 25/1/2027 (23:59 24/1/2027).")
    # The one-off report is still waiting: now the only item open, so no question.
    cb01.send("bc 201 trực tiếp 46/50 tốt")
    assert "Hạn: trước 15/1/2027 (23:59 14/1/2027)." in cb01.last_text
    assert "Báo cáo này cho việc nào?" not in cb01.last_text
    cb01.press("Xác nhận")
    assert cb01.last_text.endswith("đúng hạn — hạn trước 15/1/2027 (23:59 14/1/2027).")
    # Both reported: another report corrects the last one sent (bản 2 of the one-off).
    cb01.send("bc 201 trực tiếp 47/50 tốt")
    assert "Báo cáo này sẽ là bản sửa (bản 2)" in cb01.last_text
    cb01.press("Xác nhận")
    assert "(bản 2): đúng hạn — hạn trước 15/1/2027" in cb01.last_text
    assert answers_for(app, "CB01") == [("kỳ 2027-01-24", 1), ("một lần", 1), ("một lần", 2)]


@pytest.mark.timeout(480)  # weeks of a simulated clock, every hour a stop; slow on PostgreSQL
def test_the_digest_status_and_export_count_the_same_overdue_cells_per_period(org, app, clock):
    staff = publish_both(org, app)
    cb01, cb02 = org["CB01"], org["CB02"]
    clock.set(local_to_utc(datetime(2027, 1, 10, 8, 0)))
    until(app, datetime(2027, 1, 10, 9, 0))
    cb01.send("bc 201 trực tiếp 45/50 tốt")
    cb01.press(ONE_OFF)
    cb01.press("Xác nhận")
    cb01.send("bc 201 trực tiếp 45/50 tốt")  # January, the only item left open
    cb01.press("Xác nhận")
    # CB02 reports January late, on 27/1; its one-off report is still missing.
    clock.set(local_to_utc(datetime(2027, 1, 27, 9, 0)))
    until(app, datetime(2027, 1, 27, 10, 0))
    cb02.send("bc 201 trực tiếp 20/30 khá")
    cb02.press(JANUARY)
    cb02.press("Xác nhận")
    assert "trễ hạn — hạn kỳ tháng 1/2027" in cb02.last_text
    clock.set(local_to_utc(datetime(2027, 2, 20, 8, 0)))
    until(app, datetime(2027, 2, 20, 9, 0))
    cb01.send("bc 201 trực tiếp 48/50 tốt")  # February: one item open
    assert "Hạn: kỳ tháng 2/2027: trước 25/2/2027" in cb01.last_text
    cb01.press("Xác nhận")
    until(app, datetime(2027, 2, 27, 8, 0))

    late_once = "CB02, CB03, CB04, CB05, DB1-CB1, DB1-CB2, DTN"
    missed_january = "CB03, CB04, CB05, DB1-CB1, DB1-CB2, DTN"
    missed_february = late_once
    [digest] = [text for when, who, text in delivered(app, "digest") if who == "staff" and when == "27/02 07:30"]
    assert digest.split("\n")[1:] == [
        "201-CV/ĐUK: đã báo cáo 1/8",
        f"  Quá hạn: {late_once}",
        f"  Quá hạn kỳ tháng 1/2027 (hạn trước 25/1/2027): {missed_january}",
        f"  Quá hạn kỳ tháng 2/2027 (hạn trước 25/2/2027): {missed_february}",
    ]

    status = staff.send("/status 201")[0].text
    assert "Giao 8 đơn vị · đã nhận 2 · đã báo cáo 1 · quá hạn 7" in status
    rule = "Báo cáo định kỳ hằng tháng trước ngày 25"
    assert (
        "Theo thời hạn:\n"
        "• Báo cáo trước 15/1/2027: đã báo cáo 1/8, quá hạn 7\n"
        f"• {rule}, kỳ tháng 1/2027 (hạn trước 25/1/2027): đã báo cáo 2/8, quá hạn 6\n"
        f"  Chưa báo cáo: {missed_january}\n"
        f"• {rule}, kỳ trước (hạn trước 25/2/2027): đã báo cáo 1/8, quá hạn 7\n"
        f"  Chưa báo cáo: {missed_february}\n"
        f"• {rule}, kỳ này (hạn trước 25/3/2027): đã báo cáo 0/8\n"
    ) in status

    [reply] = staff.send("/export 201 xlsx")
    sheet = load_workbook(io.BytesIO(reply.document.content)).worksheets[0]
    header = [c.value for c in sheet[1]]
    assert header[4:7] == ["Tình trạng", "Kỳ", "Nhận lúc"]
    code, period, timing, version = (header.index(h) for h in ("Mã đơn vị", "Kỳ", "Đúng/trễ hạn", "Bản báo cáo"))
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    overdue = Counter(r[period] for r in rows if r[timing] == "quá hạn")
    assert overdue == {
        "báo cáo một lần": 7,
        "kỳ tháng 1/2027: trước 25/1/2027": 6,
        "kỳ tháng 2/2027: trước 25/2/2027": 7,
    }
    # One row per cell per item reported, each with its own figures and timing.
    assert [(r[period], r[timing], r[version]) for r in rows if r[code] == "CB01"] == [
        ("báo cáo một lần", "đúng hạn", 1),
        ("kỳ tháng 1/2027: trước 25/1/2027", "đúng hạn", 1),
        ("kỳ tháng 2/2027: trước 25/2/2027", "đúng hạn", 1),
    ]
    assert [(r[period], r[timing]) for r in rows if r[code] == "CB02"] == [
        ("báo cáo một lần", "quá hạn"),
        ("kỳ tháng 1/2027: trước 25/1/2027", "trễ hạn"),
        ("kỳ tháng 2/2027: trước 25/2/2027", "quá hạn"),
    ]
    # The DOCX's table of reports names the period of each row too.
    [reply] = staff.send("/export 201 docx")
    table = Document(io.BytesIO(reply.document.content)).tables[1]
    assert [c.text for c in table.rows[0].cells][:3] == ["Mã đơn vị", "Đơn vị", "Kỳ"]
    assert [(r.cells[0].text, r.cells[2].text) for r in table.rows[1:]][:4] == [
        ("CB01", "báo cáo một lần"),
        ("CB01", "kỳ tháng 1/2027: trước 25/1/2027"),
        ("CB01", "kỳ tháng 2/2027: trước 25/2/2027"),
        ("CB02", "kỳ tháng 1/2027: trước 25/1/2027"),
    ]

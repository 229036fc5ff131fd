"""/deadline with a rule that repeats: an impossible day is refused politely, saying what is
expected, and nothing changes; a rule of a quarter or a year keeps the day typed."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from services import typed_deadlines
from storage.db import session_scope
from storage.tables import Deadline
from tests.test_s10_staff_reminders import DemoShell, clock  # noqa: F401  (the demo's clock)

TODAY = date(2026, 12, 3)


def report_deadline(app) -> tuple[str, str | None]:  # noqa: ANN001
    with session_scope(app.engine) as session:
        row = session.exec(select(Deadline).where(Deadline.kind.in_(("report", "recurring")))).one()  # type: ignore[attr-defined]
        return row.shown, row.recurrence


@pytest.fixture
def staff(app) -> DemoShell:  # noqa: ANN001
    demo = DemoShell(app)
    demo.as_person("Nguyễn Thị Lan")
    assert "  2. Báo cáo: trước 11/12/2026" in demo.line("/deadline 141")
    assert "Gõ thời hạn" in demo.line("2")
    return demo


def test_a_day_of_the_month_past_31_is_refused_and_nothing_changes(staff, app):
    said = staff.line("trước ngày 35 hằng tháng")
    assert said == (
        "chibot: Ngày 35 không có trong tháng: quy định định kỳ cần một ngày từ 1 đến 31, ví dụ «hằng tháng"
        " trước ngày 25». Đồng chí gõ lại thời hạn (ví dụ: trước ngày 23/8), hoặc /cancel để thôi.\n"
    )
    assert report_deadline(app) == ("trước 11/12/2026", None)
    # still asked: a good rule typed next is read and confirmed
    assert "→ hằng tháng trước ngày 25" in staff.line("trước ngày 25 hằng tháng")
    staff.line("có")
    assert report_deadline(app) == ("hằng tháng trước ngày 25", "monthly<25")


def test_a_day_that_is_not_in_the_year_is_refused(staff, app):
    said = staff.line("ngày 30/2 hằng năm")
    assert said.startswith(
        "chibot: Ngày 30/2 không có trong năm: quy định hằng năm cần một ngày có thật (tháng từ 1 đến 12, ngày"
        " có trong tháng đó), ví dụ «trước ngày 10/8 hằng năm»."
    )
    assert staff.line("trước ngày 15/13 hằng năm").startswith("chibot: Ngày 15/13 không có trong năm")
    assert report_deadline(app) == ("trước 11/12/2026", None)


def test_a_typed_quarterly_rule_keeps_its_day(staff, app):
    said = staff.line("hằng quý, trước ngày 20 tháng cuối quý")
    assert "Báo cáo định kỳ: trước 11/12/2026 → hằng quý trước ngày 20 của tháng cuối quý" in said
    assert "Đã đổi thời hạn: Báo cáo định kỳ: hằng quý trước ngày 20 của tháng cuối quý." in staff.line("có")
    assert report_deadline(app) == ("hằng quý trước ngày 20 của tháng cuối quý", "quarterly<3-20")


@pytest.mark.parametrize(
    ("typed", "rule"),
    [
        ("trước ngày 10/8 hằng năm", "yearly<8-10"),
        ("ngày 15/3 hằng năm", "yearly@3-15"),
        ("hằng năm, trước ngày 15 tháng 12", "yearly<12-15"),
        ("ngày 29/2 hằng năm", "yearly@2-29"),  # a real day of the year (28/2 in other years)
        ("trước ngày 31 hằng tháng", "monthly<31"),
        ("hằng tháng, ngày 1", "monthly@1"),
        ("hằng tuần vào thứ Sáu", "weekly@fri"),
    ],
)
def test_real_days_are_kept(typed, rule):
    found = typed_deadlines.read(typed, default_year=2026, reference=TODAY)
    assert not isinstance(found, typed_deadlines.DeadlineError), found
    assert found.recurrence is not None and found.recurrence.to_rule() == rule


@pytest.mark.parametrize(
    ("typed", "starts"),
    [
        ("hằng tháng ngày 0", "Ngày 0 không có trong tháng"),
        ("hang thang truoc ngay 32", "Ngày 32 không có trong tháng"),
        ("hằng quý trước ngày 40 tháng cuối quý", "Ngày 40 không có trong tháng"),
        ("ngày 31/4 hằng năm", "Ngày 31/4 không có trong năm"),
        ("hằng quý ngày 20 giữa quý", "Chưa đọc được ngày trong quy định «hằng quý ngày 20 giữa quý»"),
    ],
)
def test_impossible_or_unread_days_are_refused(typed, starts):
    found = typed_deadlines.read(typed, default_year=2026, reference=TODAY)
    assert isinstance(found, typed_deadlines.DeadlineError) and found.message.startswith(starts), found

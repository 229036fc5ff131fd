"""Session 6 gap: a recurring report's next period is a deadline like any other in "hạn gần
nhất" (/status for staff, /directives for a cell): a monthly report due on the 25th is nearer
than a plan due at the end of February. The clock starts on 1/12/2026."""

from __future__ import annotations

from datetime import datetime

import pytest

from ground.clock import ManualClock
from tests.support.chat import deliver
from tests.support.local import local_to_utc
from tests.support.reminders import delivered, until
from tests.test_directives_flow import paste_141

MONTHLY_AND_PLAN = """ĐẢNG ỦY KHỐI CƠ QUAN TỈNH
Số 200-CV/ĐUK
V/v triển khai công tác tuyên truyền năm 2027
Kính gửi: Các chi bộ trực thuộc
Từ tháng 01/2027, các chi bộ gửi báo cáo trước ngày 25 hằng tháng.
Các chi bộ xây dựng kế hoạch, gửi về Đảng ủy Khối trước ngày 28/02/2027.
T/M BAN THƯỜNG VỤ
"""


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(local_to_utc(datetime(2026, 12, 1, 9, 0)))


def publish(org, app):  # noqa: ANN001, ANN201
    staff = paste_141(org, MONTHLY_AND_PLAN)
    assert "• Báo cáo định kỳ: hằng tháng trước ngày 25" in staff.last_text
    assert "• Kế hoạch: trước 28/2/2027" in staff.last_text
    staff.press("Xác nhận")
    staff.press("Tất cả chi bộ")
    staff.press("Gửi")
    assert "Đã gửi" in staff.last_text, staff.last_text
    deliver(app)
    return staff


def test_status_names_the_next_monthly_period_as_the_nearest_deadline(org, app):
    staff = publish(org, app)
    status = staff.send("/status")[0].text
    assert "Hạn gần nhất: hằng tháng trước ngày 25 (23:59 24/1/2027)" in status
    assert "Hạn gần nhất: trước 28/2/2027" not in status


def test_a_cell_s_directives_list_names_the_next_period(org, app):
    publish(org, app)
    cb01 = org["CB01"]
    cb01.send("/directives")
    assert "hạn gần nhất: Báo cáo định kỳ: hằng tháng trước ngày 25 (23:59 24/1/2027)" in cb01.last_text


MONTHLY = """ĐẢNG ỦY KHỐI CƠ QUAN TỈNH
Số 200-CV/ĐUK
V/v chế độ báo cáo của các chi bộ
Kính gửi: Các chi bộ trực thuộc
Từ tháng 01/2027, các chi bộ gửi báo cáo trước ngày 25 hằng tháng.
T/M BAN THƯỜNG VỤ
"""


def test_the_digest_names_the_cells_that_missed_the_last_monthly_period(org, app, clock):
    staff = paste_141(org, MONTHLY)
    staff.press("Xác nhận")
    staff.press("Tất cả chi bộ")
    staff.press("Gửi")
    deliver(app)
    clock.set(local_to_utc(datetime(2027, 1, 20, 7, 0)))
    until(app, datetime(2027, 1, 22, 9, 0))
    org["CB01"].send("bc 200 trực tiếp 45/50 tốt")
    org["CB01"].press("Xác nhận")
    until(app, datetime(2027, 1, 26, 9, 0))
    digests = {when: text for when, who, text in delivered(app, "digest") if who == "staff"}
    assert "Quá hạn" not in digests["24/01 07:30"]  # the January period is due at 23:59 on 24/1
    # Session 10: a missed period is named with its due, as /status and the export name it.
    assert (
        "200-CV/ĐUK: đã báo cáo 1/8\n"
        "  Quá hạn kỳ tháng 1/2027 (hạn trước 25/1/2027): CB02, CB03, CB04, CB05, DB1-CB1, DB1-CB2, DTN"
    ) in digests["25/01 07:30"]

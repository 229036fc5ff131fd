"""«Đã nhận» is named in a text only where its button is shown; a reminder after the deadline
asks for the report now, not "khi hoàn thành"."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.support.chat import CHANNELS
from tests.support.reminders import delivered, until
from tests.support.report_factories import make_assignment
from tests.test_directives_flow import publish_141
from tests.test_s7_past_deadline_chase import move_report_deadline

HINT_ACK = "Bấm «Đã nhận» khi chi bộ đã nhận văn bản"


@pytest.mark.parametrize("channel", CHANNELS)
def test_mytasks_names_da_nhan_only_while_its_button_is_there(org, app):
    make_assignment(app)
    cb01 = org["CB01"]
    cb01.send("/mytasks")
    assert HINT_ACK in cb01.last_text and "Đã nhận: 141-CV/ĐUK" in cb01.buttons
    cb01.press("Đã nhận: 141")
    cb01.send("/mytasks")
    assert cb01.buttons == ["Báo cáo: 141-CV/ĐUK"]
    assert "Đã nhận" not in cb01.last_text
    assert cb01.last_text.endswith(
        "Bấm «Báo cáo» để báo cáo kết quả của chi bộ; hoặc gõ báo cáo một dòng, "
        "ví dụ: bc 141 truc tiep + zalo 45/50 tot. Xem văn bản: /doc 141."
    )


def test_a_reminder_before_the_deadline_asks_when_done_and_after_it_asks_now(org, app):
    publish_141(org, app)
    until(app, datetime(2021, 8, 17, 8, 5))
    before = [text for _when, who, text in delivered(app, "reminder") if who == "CB01"]
    assert before and before[-1].endswith("Đề nghị đồng chí báo cáo kết quả khi hoàn thành.")
    until(app, datetime(2021, 8, 24, 8, 5))
    late = [text for _when, who, text in delivered(app, "reminder") if who == "CB01" and "đã quá hạn" in text]
    assert late, "the report deadline (before 23/8) has passed: the cell is chased"
    assert all(text.endswith("Đề nghị đồng chí báo cáo kết quả ngay.") for text in late)
    assert not any("khi hoàn thành" in text for text in late)


def test_a_deadline_moved_into_the_past_is_chased_with_ngay(org, app):
    staff = publish_141(org, app)
    move_report_deadline(staff, "trước ngày 10/8/2021")
    until(app, datetime(2021, 8, 15, 8, 5))
    [first] = [text for _when, who, text in delivered(app, "reminder") if who == "CB01"]
    assert "Báo cáo: trước 10/8/2021 — đã quá hạn 6 ngày.\nĐề nghị đồng chí báo cáo kết quả ngay." in first

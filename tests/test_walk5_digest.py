"""Session 5's new-user walk, the daily digest: a directive every cell has reported leaves the
digest once its last reports were told, and a day with nothing to tell sends no digest."""

from __future__ import annotations

from datetime import datetime

from tests.support.reminders import delivered, until
from tests.test_reminders_timeline import CELLS, publish_to_five, quick_report


def test_a_fully_reported_directive_leaves_the_digest_and_an_empty_digest_is_not_sent(org, app):
    publish_to_five(org, app)
    until(app, datetime(2021, 8, 16, 10, 0))
    for cell in CELLS:
        quick_report(org[cell])
    until(app, datetime(2021, 8, 20, 9, 0))

    digests = [(when, text) for when, who, text in delivered(app, "digest") if who == "staff"]
    assert digests == [
        # 15/8 07:30 passed before the bot started at 08:00: that day's digest goes at the start
        ("15/08 08:00", "📋 Bản tin ngày 15/8/2021\n141-CV/ĐUK: đã báo cáo 0/5"),
        ("16/08 07:30", "📋 Bản tin ngày 16/8/2021\n141-CV/ĐUK: đã báo cáo 0/5"),
        (
            "17/08 07:30",
            "📋 Bản tin ngày 17/8/2021\n141-CV/ĐUK: đã báo cáo 5/5\n"
            "  Báo cáo mới từ hôm qua: CB01, CB02, CB03, CB04, CB05",
        ),
    ]  # 18/8, 19/8, 20/8: everything was reported and told, nothing is sent

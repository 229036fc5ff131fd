"""Session 6's new-user walk, finding 5: /mytasks says "hạn gần nhất ở trên", so a task whose
completion deadline (20/8) comes before its report deadline (22/8) shows both, the nearer first;
once the completion deadline has passed, only the report's is left."""

from __future__ import annotations

from datetime import datetime

from tests.support.local import TZ
from tests.support.report_factories import make_assignment


def test_mytasks_shows_the_nearer_completion_deadline_before_the_report_one(org, app):
    make_assignment(app)
    cb01 = org["CB01"]
    cb01.send("/mytasks")
    due_line = next(line for line in cb01.last_text.splitlines() if line.strip().startswith("Hạn:"))
    assert due_line.strip().startswith("Hạn: Hoàn thành: ")
    assert "20/8/2021" in due_line and "; Báo cáo: " in due_line and "22/8/2021" in due_line
    assert due_line.index("20/8/2021") < due_line.index("22/8/2021")


def test_after_the_completion_deadline_only_the_report_deadline_is_shown(org, app):
    make_assignment(app)
    app.clock.set(datetime(2021, 8, 21, 9, 0, tzinfo=TZ))  # 20/8 is over
    cb01 = org["CB01"]
    cb01.send("/mytasks")
    due_line = next(line for line in cb01.last_text.splitlines() if line.strip().startswith("Hạn:"))
    assert "Hoàn thành" not in due_line and "22/8/2021" in due_line


def test_a_directive_with_only_a_report_deadline_shows_that_one(org, app):
    make_assignment(app, complete_due=None)
    cb01 = org["CB01"]
    cb01.send("/mytasks")
    due_line = next(line for line in cb01.last_text.splitlines() if line.strip().startswith("Hạn:"))
    assert "Hoàn thành" not in due_line and "22/8/2021" in due_line

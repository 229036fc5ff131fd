"""In the shell on a simulated clock, every row written is stamped with the simulated time, not
the machine's; the demo's directive reads as plain text with its years moved too."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import DateTime, inspect, select
from sqlmodel import SQLModel

from bot.demo import load_demo
from ground.clock import ManualClock
from storage.tables import Directive
from tests.support.local import CONFIG, local_to_utc
from tests.test_s10_staff_reminders import DemoShell

#: A simulated time far from the machine's clock: a leak of the real clock stands out.
SIMULATED = datetime(2031, 3, 1, 9, 0)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(local_to_utc(SIMULATED))


def stamped_on_the_real_clock(engine) -> dict[str, int]:  # noqa: ANN001
    """Per table.column, the timestamps within a day of the machine's clock."""
    real = datetime.now(UTC)
    found: dict[str, int] = {}
    with engine.connect() as conn:
        for table in SQLModel.metadata.sorted_tables:
            if not inspect(engine).has_table(table.name):
                continue
            for column in table.columns:
                if not isinstance(column.type, DateTime) and "DateTime" not in type(column.type).__name__:
                    continue
                for (value,) in conn.execute(select(column).where(column.is_not(None))):
                    moment = value if value.tzinfo else value.replace(tzinfo=UTC)
                    if abs(moment - real) < timedelta(days=1):
                        found[f"{table.name}.{column.name}"] = found.get(f"{table.name}.{column.name}", 0) + 1
    return found


def test_a_walk_on_the_simulated_clock_stores_no_real_time(app):
    demo = DemoShell(app)
    demo.as_person("Lê Văn Hùng")
    demo.line("Đã nhận")
    demo.as_person("Nguyễn Thị Lan")
    for line in ["/broadcast", "Khẩn trương báo cáo.", "1", "Gửi", "/remind 141", "có"]:
        demo.line(line)
    for line in ["/deadline 141", "2", "trước ngày 25 hằng tháng", "có"]:  # recurring: report requests
        demo.line(line)
    demo.line(":advance 2d")
    demo.as_person("Lê Văn Hùng")
    demo.line("bc 141 trực tiếp 45/50 tốt")
    demo.line("Xác nhận")
    demo.as_person("Nguyễn Thị Lan")
    demo.line("/close 141")
    demo.line("có")
    demo.line("/reopen 141")
    demo.line(":advance 30d")
    assert stamped_on_the_real_clock(app.engine) == {}


def test_the_demo_directive_is_plain_text_dated_with_the_demo(session):
    load_demo(session=session, now=local_to_utc(SIMULATED), config=CONFIG)
    session.commit()
    text = session.exec(select(Directive)).one()[0].full_text
    assert "**" not in text and "\n*\n" not in text
    assert "2021" not in text
    assert "từ nay đến hết ngày 6/3/2031" in text
    assert "trong năm 2031" in text  # "trong năm 2021", moved with the dates

"""The shell's simulated clock: `:advance` and `:at` deliver what falls due in between, in order."""

from __future__ import annotations

import io
import re

from bot.channels.console import ConsoleShell
from tests.test_reminders_timeline import publish_to_five


def test_advance_delivers_digests_and_reminders_in_order_with_their_times(org, app):
    publish_to_five(org, app)
    out = io.StringIO()
    shell = ConsoleShell(app, out=out)
    # A shell shows the messages of the people it plays (the others wait for their own shell).
    for name in ["Trần Văn Tâm", "Quản Trị Viên", *(f"Bí thư CB0{n}" for n in range(1, 6))]:
        shell.handle_line(f":as {name}")
    shell.handle_line(":advance 2d")
    text = out.getvalue()
    banners = re.findall(r"^— (\d\d:\d\d \d+/8/2021) —$", text, flags=re.M)
    # 15/8's digest (07:30) was missed before the shell started at 08:00: it goes out at once.
    assert banners == ["08:00 15/8/2021", "07:30 16/8/2021", "07:30 17/8/2021", "08:00 17/8/2021"]
    after = text.split("— 08:00 17/8/2021 —\n", 1)[1]
    pushed = re.findall(r"^📨 to (.+?): 🔔 Nhắc việc: 141-CV/ĐUK", after, flags=re.M)
    # one each; the dispatcher sends to several chats at once, so their order may vary
    assert sorted(pushed) == [f"Bí thư CB0{n}" for n in range(1, 6)]
    assert "  1. Báo cáo\n  2. Đã nhận" in after
    assert text.rstrip().endswith("— time is now 08:00 17/8/2021 —")
    shell.handle_line(":at 2021-08-19 08:00")
    assert out.getvalue().count("🔔 Nhắc việc") == 10  # 17/8 and 19/8, once each

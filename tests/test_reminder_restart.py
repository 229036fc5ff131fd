"""After a restart: work the bot missed while it was down goes out at once, and only once."""

from __future__ import annotations

import io
import re
from datetime import datetime

from bot.channels.console import ConsoleShell
from tests.support.local import local_to_utc
from tests.test_reminders_timeline import publish_to_five


def _shell_as_staff(app) -> tuple[ConsoleShell, io.StringIO]:  # noqa: ANN001
    out = io.StringIO()
    shell = ConsoleShell(app, out=out)
    shell.handle_line(":as Trần Văn Tâm")
    return shell, out


def test_a_digest_missed_at_0730_goes_out_at_the_restart_once(org, app, clock):
    publish_to_five(org, app)
    shell, out = _shell_as_staff(app)
    shell.handle_line(":at 2021-08-16 07:00")
    # Down from 07:00 to 09:10: the 07:30 digest never went.
    clock.set(local_to_utc(datetime(2021, 8, 16, 9, 10)))
    shell, out = _shell_as_staff(app)
    shell.handle_line(":advance 2h")
    text = out.getvalue()
    assert re.findall(r"^— (.+?) —\n📨 to Trần Văn Tâm: 📋 Bản tin ngày 16/8/2021$", text, flags=re.M) == [
        "09:10 16/8/2021"
    ]
    # Another restart the same morning sends nothing again.
    again, out = _shell_as_staff(app)
    again.handle_line(":advance 1h")
    assert "Bản tin ngày 16/8/2021" not in out.getvalue()

"""Pasting a directive into `chibot shell`: `:paste` sends the pasted lines as one message."""

from __future__ import annotations

import io

from bot.channels.console import SHELL_HELP
from tests.test_s10_staff_reminders import DemoShell, clock  # noqa: F401  (the demo's clock)

DIRECTIVE = """ĐẢNG ỦY KHỐI CƠ QUAN TỈNH
Số 201-CV/ĐUK

V/v báo cáo sơ kết công tác quý IV
Kính gửi: Các chi bộ trực thuộc
Các chi bộ báo cáo trước ngày 20/12/2026.
T/M BAN THƯỜNG VỤ"""


def run(demo: DemoShell, script: str) -> str:
    start = len(demo.out.getvalue())
    assert demo.shell.run(io.StringIO(script), interactive=False) == 0
    return demo.out.getvalue()[start:]


def test_a_pasted_directive_goes_as_one_message_and_is_read_whole(app):
    demo = DemoShell(app)
    demo.as_person("Nguyễn Thị Lan")
    said = run(demo, f"/new\n:paste\n{DIRECTIVE}\n.\n")
    assert said.count("chibot:") == 2  # the /new prompt, then one reading of the whole text
    assert "Số, ký hiệu: 201-CV/ĐUK\nTrích yếu: V/v báo cáo sơ kết công tác quý IV" in said
    assert "• Báo cáo: trước 20/12/2026" in said
    assert "  1. Xác nhận" in said


def test_without_paste_each_line_is_a_message(app):
    demo = DemoShell(app)
    demo.as_person("Nguyễn Thị Lan")
    said = run(demo, f"/new\n{DIRECTIVE}\n")
    # read from its first lines only: no subject, no deadline
    assert "Trích yếu: V/v báo cáo sơ kết" not in said and "• Báo cáo: trước 20/12/2026" not in said
    echoed = [line for line in said.splitlines() if line.startswith("» ")]
    assert len(echoed) == 8  # /new and each of the seven lines, read on its own


def test_end_of_input_sends_the_paste_and_an_empty_paste_sends_nothing(app):
    demo = DemoShell(app)
    demo.as_person("Nguyễn Thị Lan")
    said = run(demo, f"/new\n:paste\n{DIRECTIVE}\n")
    assert "Số, ký hiệu: 201-CV/ĐUK" in said
    demo.line("/cancel")
    assert run(demo, ":paste\n.\n/whoami\n").splitlines()[1:3] == [
        '— pasting: the lines that follow go as one message; a line with only "." sends it —',
        "— nothing pasted, nothing sent —",
    ]


def test_the_shell_help_says_how_to_paste():
    assert ":paste" in SHELL_HELP and 'only "."' in SHELL_HELP

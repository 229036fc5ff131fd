"""The console shell, driven by a script on stdin, as a newcomer would use it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from bot.cli import app as cli_app

ROWS = "code,name,kind,parent_code\nDUK,Đảng ủy Khối,committee,\nCB01,Chi bộ Văn phòng,cell,DUK\n"


def chibot(db_url: str, *args: str, stdin: str = "", cwd=None) -> subprocess.CompletedProcess:  # noqa: ANN001
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "--database-url", db_url, *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        env={
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(__import__("pathlib").Path(__file__).parents[1]),
            "HOME": "/tmp",
        },
    )


def admin(db_url: str, *args: str):  # noqa: ANN201
    """The same `chibot` command run in this process: the admin's setup steps before the shell
    (units, invites), without a process start (a second of imports) each."""
    env = {"DATABASE_URL": None, "TELEGRAM_BOT_TOKEN": None, "TELEGRAM_BOT_USERNAME": None}
    return CliRunner().invoke(cli_app, ["--database-url", db_url, *args], env=env)


@pytest.fixture
def org_db(db_url, tmp_path) -> str:
    units_csv = tmp_path / "units.csv"
    units_csv.write_text(ROWS, encoding="utf-8")
    result = admin(db_url, "units", "import", str(units_csv))
    assert result.exit_code == 0, result.output
    return db_url


def invite(db_url: str, unit: str, role: str, label: str) -> str:
    result = admin(db_url, "invite", unit, "--role", role, "--label", label, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["code"]


def test_a_script_registers_with_an_invite_and_reads_help(org_db):
    code = invite(org_db, "CB01", "secretary", "Lê Thị Hoa")
    result = chibot(org_db, "shell", "--as", code, stdin="/help\n/whoami\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "— now talking as Lê Thị Hoa —" in out
    assert "Chào mừng đồng chí! Tài khoản này đã được gắn với Chi bộ Văn phòng, vai trò bí thư chi bộ." in out
    assert "» /whoami" in out
    assert "• bí thư chi bộ — Chi bộ Văn phòng (mã CB01)" in out
    assert "Traceback" not in result.stderr


def test_choices_are_answered_by_number_or_words_without_diacritics(org_db):
    code = invite(org_db, "DUK", "admin", "Trần Quản Trị")
    script = "/invite\nCB01\nbi thu chi bo\nNguyen Van An\n"
    result = chibot(org_db, "shell", "--as", code, stdin=script)
    assert "  1. bí thư chi bộ" in result.stdout
    assert "Đã tạo mã mời cho bí thư chi bộ — Chi bộ Văn phòng (Nguyen Van An)" in result.stdout
    # The same person comes back later by name, and answers with a number.
    again = chibot(org_db, "shell", "--as", "tran quan tri", stdin="/invite\nCB01\n1\n1\n")
    assert "— now talking as Trần Quản Trị —" in again.stdout
    assert "Đã tạo mã mời cho bí thư chi bộ — Chi bộ Văn phòng:" in again.stdout


def test_file_line_sends_an_attachment_and_bad_shell_lines_are_explained(org_db, tmp_path):
    code = invite(org_db, "CB01", "secretary", "Lê Thị Hoa")
    photo = tmp_path / "bien-ban.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0photo")
    script = f":file {photo}\n:file /no/such/file\n:advance 1d\n:bogus\n"
    result = chibot(org_db, "shell", "--as", code, stdin=script)
    assert "Tôi đã nhận tệp" in result.stdout
    assert "! no such file: /no/such/file" in result.stdout
    assert "! the clock is real" in result.stdout
    assert "! unknown shell command :bogus" in result.stdout


def test_unknown_person_is_one_sentence_and_a_non_zero_exit(org_db):
    result = chibot(org_db, "shell", "--as", "Không Có Ai", stdin="")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "Error: No invite code or registered person matches «Không Có Ai» (a code works once" in result.stderr
    assert "`chibot invite` makes one)." in result.stderr


def test_demo_shell_walks_in_as_the_staff_member(db_url):
    result = chibot(db_url, "demo", "--shell", stdin="/whoami\n:as Lê Văn Hùng\n")
    assert result.returncode == 0, result.stderr
    assert "Directive 141-CV/ĐUK registered" in result.stdout
    assert "• cán bộ cơ quan đảng ủy — Đảng ủy Khối các cơ quan tỉnh (mã DUK)" in result.stdout
    # Lê Văn Hùng has not registered yet: :as by name cannot find him, the shell says so.
    assert "! no invite code or registered person matches «Lê Văn Hùng»" in result.stdout
    rerun = chibot(db_url, "demo")
    assert "Directive 141-CV/ĐUK already registered" in rerun.stdout
    assert "(registered)" in rerun.stdout and "Nguyễn Thị Lan" in rerun.stdout


def test_coming_back_by_name_continues_the_conversation_left_in_an_earlier_shell(org_db):
    code = invite(org_db, "DUK", "staff", "Trần Văn Tâm")
    chibot(org_db, "shell", "--as", code, stdin="/invite\nCB01\n")
    again = chibot(org_db, "shell", "--as", "Trần Văn Tâm", stdin="bi thu chi bo\n")
    assert "Họ tên người được mời?" in again.stdout


def test_a_new_shell_answers_the_menu_an_earlier_shell_was_sent_by_the_dispatcher(org_db):
    from datetime import UTC, datetime
    from pathlib import Path

    from services import directives
    from services.directive_drafts import draft_from_parsed
    from services.parsing import parse_document
    from storage.db import make_db_engine, session_scope
    from storage.queries import units as units_queries
    from tests.support.local import CONFIG, TZ

    engine = make_db_engine(org_db)
    text = (Path(__file__).parent / "fixtures" / "seeds" / "003_11edc695b26208f2.txt").read_text(encoding="utf-8")
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        duk = units_queries.get_unit_by_code(session=session, code="DUK")
        cell = units_queries.get_unit_by_code(session=session, code="CB01")
        who = directives.Who(person_id=None, channel="test")
        directive = directives.register(
            session=session,
            draft=draft_from_parsed(parse_document(text), text),
            unit_id=duk.id,
            who=who,
            now=now,
            tz=TZ,
        )
        directives.publish(session=session, directive=directive, unit_ids=[cell.id], who=who, now=now, config=CONFIG)
    engine.dispose()
    code = invite(org_db, "CB01", "secretary", "Lê Thị Hoa")

    # Registering delivers the directive (sent by the outbox dispatcher) with numbered options.
    first = chibot(org_db, "shell", "--as", code, stdin="")
    assert "📨 to Lê Thị Hoa: Văn bản mới: Công văn 141-CV/ĐUK" in first.stdout
    assert "  1. Đã nhận\n  2. Báo cáo\n  3. Xem toàn văn" in first.stdout
    # Another process: "1" is that message's Đã nhận.
    second = chibot(org_db, "shell", "--as", "le thi hoa", stdin="1\n")
    assert "Đã ghi nhận chi bộ đồng chí đã nhận Công văn 141-CV/ĐUK" in second.stdout, second.stdout
    assert "  1. Báo cáo\n  2. Xem toàn văn" in second.stdout
    # And a third: "1" is now the Báo cáo the second one was shown.
    third = chibot(org_db, "shell", "--as", "le thi hoa", stdin="1\n9\n")
    assert "Báo cáo 141-CV/ĐUK — Chi bộ Văn phòng" in third.stdout, third.stdout
    assert "chibot: Đồng chí chọn từ 1 đến 5." in third.stdout, third.stdout
    assert "Traceback" not in first.stderr + second.stderr + third.stderr

"""What a new user hit on the command line: each failure is one sentence (what failed, what to
check) with exit code 1, never a traceback; --database-url works after the subcommand too; the
command line speaks one language (English, naming the Vietnamese terms)."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from typer.testing import CliRunner

from bot.cli import app as cli
from tests.support.fake_bot_api import DEFAULT_TOKEN, FakeBotApi
from tests.support.telegram_running import free_port

ROOT = Path(__file__).parents[1]
SEED = ROOT / "tests" / "fixtures" / "seeds" / "003_11edc695b26208f2.txt"
runner = CliRunner()


def one_sentence(result) -> str:  # noqa: ANN001
    assert "Traceback" not in result.output, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    return lines[0]


def test_export_into_a_folder_that_does_not_exist_says_so_in_one_sentence(db_url):
    assert runner.invoke(cli, ["demo", "--database-url", db_url]).exit_code == 0
    result = runner.invoke(
        cli, ["export", "141", "--format", "xlsx", "-o", "/nonexistent_dir/x.xlsx", "--database-url", db_url]
    )
    assert result.exit_code == 1
    assert one_sentence(result) == (
        "Error: Cannot write /nonexistent_dir/x.xlsx: the folder /nonexistent_dir does not "
        "exist; create it or choose another -o FILE."
    )


def test_export_onto_a_folder_says_what_is_wrong(db_url, tmp_path):
    runner.invoke(cli, ["demo", "--database-url", db_url])
    result = runner.invoke(cli, ["export", "141", "-o", str(tmp_path), "--database-url", db_url])
    assert result.exit_code == 1
    assert one_sentence(result) == (
        f"Error: Cannot write {tmp_path}: Is a directory; check the folder exists and you may write there."
    )


def test_database_url_after_the_subcommand_is_the_same_as_before_it(db_url, tmp_path):
    before = runner.invoke(cli, ["--database-url", db_url, "demo"])
    after = runner.invoke(cli, ["units", "list", "--database-url", db_url])
    assert before.exit_code == after.exit_code == 0
    assert after.output.startswith("DUK  Đảng ủy Khối các cơ quan tỉnh (cấp ủy)")
    assert not (tmp_path / "chibot.db").exists() and not Path("chibot.db").exists()


def test_run_against_an_api_nobody_answers_is_one_sentence(db_url):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    result = runner.invoke(
        cli,
        ["run", "--database-url", db_url],
        env={"TELEGRAM_BOT_TOKEN": DEFAULT_TOKEN, "TELEGRAM_API_BASE_URL": base, "LOG_LEVEL": "ERROR"},
    )
    assert result.exit_code == 1
    assert one_sentence(result) == (
        f"Error: Cannot reach the Telegram Bot API at {base} "
        f"(ConnectError: Connect call failed ('127.0.0.1', {port})): "
        "check the network connection, a proxy or firewall, and TELEGRAM_API_BASE_URL."
    )


async def test_run_with_a_wrong_api_url_says_to_check_it_and_never_prints_the_token(db_url):
    async with FakeBotApi() as server:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": "/tmp",
            "PYTHONPATH": str(ROOT),
            "DATABASE_URL": db_url,
            "TELEGRAM_BOT_TOKEN": DEFAULT_TOKEN,
            "TELEGRAM_API_BASE_URL": server.url + "/wrong",
        }
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot.cli",
            "run",
            env=env,
            cwd=str(ROOT),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        output = (await asyncio.wait_for(process.communicate(), 60))[0].decode()
    assert process.returncode == 1
    assert "Traceback" not in output and DEFAULT_TOKEN not in output
    assert output.strip().splitlines()[-1] == (
        f"Error: The Telegram Bot API at {server.url}/wrong does not know the bot's address (404 Not Found): check "
        "TELEGRAM_API_BASE_URL (the server's root, e.g. https://api.telegram.org, without /bot) and TELEGRAM_BOT_TOKEN."
    )


def test_the_command_line_speaks_english_and_names_the_vietnamese_terms(db_url, tmp_path):
    parsed = runner.invoke(cli, ["parse", str(SEED)])
    assert "Number and symbol (số, ký hiệu): 141-CV/ĐUK" in parsed.output
    assert "  • Report (báo cáo): trước 23/8/2021    ← «trước ngày 23/8/2021»" in parsed.output
    demo = runner.invoke(cli, ["demo", "--database-url", db_url])
    assert "  • Complete (hoàn thành): " in demo.output
    written = runner.invoke(cli, ["export", "141", "-o", str(tmp_path / "r.xlsx"), "--database-url", db_url])
    assert written.output.strip() == f"Wrote {tmp_path / 'r.xlsx'}."
    missing = runner.invoke(cli, ["export", "77", "-o", str(tmp_path / "r.xlsx"), "--database-url", db_url])
    assert one_sentence(missing) == "Error: No directive numbered 77 was found."


def test_export_by_id_works_for_a_directive_without_a_number(db_url, tmp_path):
    from sqlmodel import select

    from storage.db import make_db_engine, session_scope
    from storage.tables import Directive

    runner.invoke(cli, ["demo", "--database-url", db_url])
    engine = make_db_engine(db_url)
    with session_scope(engine) as session:
        demo = session.exec(select(Directive)).first()
        plan = Directive(
            unit_id=demo.unit_id, doc_type="KH", number=None, subject="Kế hoạch tuyên truyền", status="published"
        )
        session.add(plan)
        session.flush()
        plan_id = plan.id
    engine.dispose()
    out = tmp_path / "plan.csv"
    written = runner.invoke(cli, ["export", f"#{plan_id}", "--format", "csv", "-o", str(out), "--database-url", db_url])
    assert written.output.strip() == f"Wrote {out}.", written.output
    assert out.read_text(encoding="utf-8-sig").count("\n") >= 1

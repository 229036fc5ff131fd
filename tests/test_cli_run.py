"""`chibot run`: the real entry point, as a process, against the fake Bot API over loopback."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

from bot.cli import app as cli
from services import directives, invites, units
from services.directive_drafts import draft_from_parsed
from services.parsing import parse_document
from storage.db import make_db_engine, session_scope
from storage.migrate import upgrade
from storage.queries import units as units_queries
from storage.tables import OutboxMessage
from tests.support.fake_bot_api import DEFAULT_TOKEN, FakeBotApi
from tests.support.local import CONFIG
from tests.support.local import TZ as DEFAULT_TZ
from tests.support.telegram_running import free_port

ROOT = Path(__file__).parents[1]
CHAT = 3001


def test_run_without_a_token_says_how_to_try_chibot_instead(db_url, monkeypatch):
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    result = CliRunner().invoke(cli, ["--database-url", db_url, "run"], env={"TELEGRAM_BOT_TOKEN": ""})
    assert result.exit_code == 1
    assert "TELEGRAM_BOT_TOKEN is not set" in result.output
    assert "chibot demo --shell" in result.output


def test_run_webhook_without_its_settings_is_refused_in_one_sentence(db_url):
    result = CliRunner().invoke(
        cli,
        ["--database-url", db_url, "run", "--webhook"],
        env={"TELEGRAM_BOT_TOKEN": DEFAULT_TOKEN, "WEBHOOK_URL": "", "WEBHOOK_SECRET": ""},
    )
    assert result.exit_code == 1
    assert "WEBHOOK_URL is not set" in result.output
    assert "Traceback" not in result.output


def test_an_unknown_channel_is_refused_in_one_sentence(db_url):
    result = CliRunner().invoke(
        cli, ["--database-url", db_url, "run", "--channel", "telegram,fax"], env={"TELEGRAM_BOT_TOKEN": DEFAULT_TOKEN}
    )
    assert result.exit_code == 2
    assert result.output.strip() == "Error: Unknown channel 'fax': choose from telegram, zalo (or all)."


@pytest.mark.parametrize("args", [["run"], ["run", "--channel", "telegram"]], ids=["default", "channel-telegram"])
async def test_chibot_run_answers_chats_and_delivers_the_outbox(db_url, args):
    upgrade(db_url)
    engine = make_db_engine(db_url)
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        units.import_units(
            session=session,
            now=now,
            rows=[
                {"code": "DUK", "name": "Đảng ủy Khối", "kind": "committee", "parent_code": ""},
                {"code": "CB01", "name": "Chi bộ Văn phòng", "kind": "cell", "parent_code": "DUK"},
            ],
        )
        code, _ = invites.create_invite(
            session=session,
            unit_code="CB01",
            role="secretary",
            expires_in=timedelta(days=1),
            label="Lê Thị Hoa",
            now=now,
        )
        # A directive published before this secretary registered: it is sent on registration.
        text = (ROOT / "tests" / "fixtures" / "seeds" / "003_11edc695b26208f2.txt").read_text(encoding="utf-8")
        draft = draft_from_parsed(parse_document(text), text)
        duk = units_queries.get_unit_by_code(session=session, code="DUK")
        cell = units_queries.get_unit_by_code(session=session, code="CB01")
        who = directives.Who(person_id=None, channel="test")
        directive = directives.register(session=session, draft=draft, unit_id=duk.id, who=who, now=now, tz=DEFAULT_TZ)
        directives.publish(session=session, directive=directive, unit_ids=[cell.id], who=who, now=now, config=CONFIG)
    async with FakeBotApi() as server:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": "/tmp",
            "PYTHONPATH": str(ROOT),
            "DATABASE_URL": db_url,
            "TELEGRAM_BOT_TOKEN": DEFAULT_TOKEN,
            "TELEGRAM_API_BASE_URL": server.url,
        }
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot.cli",
            *args,
            env=env,
            cwd=str(ROOT),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        try:
            server.push_message(CHAT, CHAT, f"/start {code}", first_name="Hoa")
            # The welcome, the note that a directive follows, and the directive itself, which
            # the outbox dispatcher (woken by the commit) delivers right away.
            await server.wait_for("sendMessage", chat_id=CHAT, count=3, timeout=60)
            texts = [m["text"] for m in server.chat_messages(CHAT)]
            assert texts[0].startswith("Chào mừng đồng chí!")
            assert texts[1].startswith("Hiện chi bộ của đồng chí có 1 văn bản cần thực hiện")
            assert texts[2].startswith("Văn bản mới: Công văn 141-CV/ĐUK")
        finally:
            process.send_signal(signal.SIGINT)
            output, _ = await asyncio.wait_for(process.communicate(), 60)
    with Session(engine) as session:
        directive_messages = session.exec(select(OutboxMessage).where(OutboxMessage.kind == "directive")).all()
        assert [m.status for m in directive_messages] == ["sent"]
    engine.dispose()
    assert process.returncode == 0, output.decode()[-2000:]
    assert DEFAULT_TOKEN not in output.decode()


async def test_chibot_run_webhook_answers_only_requests_with_the_secret(db_url):
    upgrade(db_url)
    engine = make_db_engine(db_url)
    with session_scope(engine) as session:
        units.import_units(
            session=session,
            now=datetime.now(UTC),
            rows=[
                {"code": "DUK", "name": "Đảng ủy Khối", "kind": "committee", "parent_code": ""},
            ],
        )
    engine.dispose()
    port = free_port()
    async with FakeBotApi() as server:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": "/tmp",
            "PYTHONPATH": str(ROOT),
            "DATABASE_URL": db_url,
            "TELEGRAM_BOT_TOKEN": DEFAULT_TOKEN,
            "TELEGRAM_API_BASE_URL": server.url,
            "WEBHOOK_URL": "https://bot.example.org/hooks/tg",
            "WEBHOOK_SECRET": "s3cret_Token-42",
            "WEBHOOK_LISTEN": "127.0.0.1",
            "WEBHOOK_PORT": str(port),
        }
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot.cli",
            "run",
            "--channel",
            "telegram",
            "--webhook",
            env=env,
            cwd=str(ROOT),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        try:
            (registered,) = await server.wait_for("setWebhook", timeout=60)
            assert registered.params["url"] == "https://bot.example.org/hooks/tg"
            assert registered.params["secret_token"] == "s3cret_Token-42"
            url = f"http://127.0.0.1:{port}/hooks/tg"
            forged = await server.post_webhook(url, server.message_update(CHAT, CHAT, "/help"), secret_token="wrong")
            genuine = await server.post_webhook(
                url, server.message_update(CHAT, CHAT, "/help"), secret_token="s3cret_Token-42"
            )
            assert (forged.status_code, genuine.status_code) == (403, 200)
            (answer,) = await server.wait_for("sendMessage", chat_id=CHAT, timeout=60)
            assert "mã mời" in answer.params["text"]
        finally:
            process.send_signal(signal.SIGINT)
            output, _ = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 0, output.decode()[-2000:]

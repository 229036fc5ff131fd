"""`chibot run --channel zalo|all`: the real entry point, as a process, against the fake Zalo
(and Telegram) Bot API over loopback."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlmodel import Session, select
from typer.testing import CliRunner

from bot.cli import app as cli
from services import directives, invites, units
from services.directive_drafts import draft_from_parsed
from services.parsing import parse_document
from storage.db import make_db_engine, session_scope
from storage.migrate import upgrade
from storage.queries import units as units_queries
from storage.tables import ChatAccount, OutboxMessage
from tests.support.fake_bot_api import DEFAULT_TOKEN as TELEGRAM_TOKEN
from tests.support.fake_bot_api import FakeBotApi
from tests.support.fake_zalo_api import DEFAULT_TOKEN, FakeZaloApi
from tests.support.local import CONFIG
from tests.support.local import TZ as DEFAULT_TZ

ROOT = Path(__file__).parents[1]
ZALO_CHAT = "a1b2c3d4e5f6a7b8c9d0"
TELEGRAM_CHAT = 3101


def test_run_zalo_without_a_token_or_with_a_bad_webhook_says_what_to_set(db_url):
    result = CliRunner().invoke(cli, ["--database-url", db_url, "run", "--channel", "zalo"], env={"ZALO_BOT_TOKEN": ""})
    assert result.exit_code == 1
    assert "ZALO_BOT_TOKEN is not set" in result.output
    result = CliRunner().invoke(
        cli,
        ["--database-url", db_url, "run", "--channel", "zalo", "--webhook"],
        env={
            "ZALO_BOT_TOKEN": DEFAULT_TOKEN,
            "ZALO_WEBHOOK_URL": "https://bot.example.vn/zalo",
            "ZALO_WEBHOOK_SECRET": "short",
        },
    )
    assert result.exit_code == 1
    assert "ZALO_WEBHOOK_SECRET must be 8 to 256 characters" in result.output
    result = CliRunner().invoke(cli, ["--database-url", db_url, "run", "--channel", "viber"])
    assert result.exit_code == 2
    assert "Unknown channel 'viber': choose from telegram, zalo (or all)" in result.output


def _seed(db_url: str) -> tuple[str, str]:
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
                {"code": "CB02", "name": "Chi bộ Ban Tuyên giáo", "kind": "cell", "parent_code": "DUK"},
            ],
        )
        codes = [
            invites.create_invite(
                session=session,
                unit_code=u,
                role="secretary",
                expires_in=timedelta(days=1),
                label=f"Bí thư {u}",
                now=now,
            )[0]
            for u in ("CB01", "CB02")
        ]
        text = (ROOT / "tests" / "fixtures" / "seeds" / "003_11edc695b26208f2.txt").read_text(encoding="utf-8")
        draft = draft_from_parsed(parse_document(text), text)
        duk = units_queries.get_unit_by_code(session=session, code="DUK")
        cells = [units_queries.get_unit_by_code(session=session, code=c).id for c in ("CB01", "CB02")]
        who = directives.Who(person_id=None, channel="test")
        directive = directives.register(session=session, draft=draft, unit_id=duk.id, who=who, now=now, tz=DEFAULT_TZ)
        directives.publish(session=session, directive=directive, unit_ids=cells, who=who, now=now, config=CONFIG)
    engine.dispose()
    return codes[0], codes[1]


async def _stop(process) -> str:  # noqa: ANN001
    process.send_signal(signal.SIGINT)
    output, _ = await asyncio.wait_for(process.communicate(), 60)
    return output.decode()


async def test_chibot_run_all_serves_telegram_and_zalo_from_one_process_and_one_outbox(db_url):
    zalo_code, telegram_code = _seed(db_url)
    async with FakeZaloApi() as zalo, FakeBotApi() as telegram:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": "/tmp",
            "PYTHONPATH": str(ROOT),
            "DATABASE_URL": db_url,
            "ZALO_BOT_TOKEN": DEFAULT_TOKEN,
            "ZALO_API_BASE_URL": zalo.url,
            "TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN,
            "TELEGRAM_API_BASE_URL": telegram.url,
        }
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot.cli",
            "run",
            "--channel",
            "all",
            env=env,
            cwd=str(ROOT),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        try:
            zalo.push_text(chat_id=ZALO_CHAT, text=zalo_code, name="Hoa")
            telegram.push_message(TELEGRAM_CHAT, TELEGRAM_CHAT, f"/start {telegram_code}", first_name="Minh")
            # Welcome, "a directive follows", and the directive itself, from the one outbox.
            await telegram.wait_for("sendMessage", chat_id=TELEGRAM_CHAT, count=3, timeout=60)
            for _ in range(600):
                zalo_texts = zalo.texts_to(ZALO_CHAT)
                if any(t.startswith("Văn bản mới") for t in zalo_texts):
                    break
                await asyncio.sleep(0.1)
            assert zalo_texts[0].startswith("Chào mừng đồng chí!")
            directive = next(t for t in zalo_texts if t.startswith("Văn bản mới: Công văn 141-CV/ĐUK"))
            assert "\n1. Đã nhận\n2. Báo cáo\n3. Xem toàn văn" in directive
        finally:
            output = await _stop(process)
    engine = make_db_engine(db_url)
    with Session(engine) as session:
        rows = session.exec(
            select(OutboxMessage, ChatAccount)
            .join(ChatAccount, ChatAccount.id == OutboxMessage.account_id)
            .where(OutboxMessage.kind == "directive")
        ).all()
        assert sorted((a.channel, m.status) for m, a in rows) == [("telegram", "sent"), ("zalo", "sent")]
    engine.dispose()
    assert process.returncode == 0, output[-2000:]
    assert DEFAULT_TOKEN not in output and TELEGRAM_TOKEN not in output

"""A console process and a stopped bot on one database: each process claims only the messages
of the channels (and, for a shell, the people) it serves; the others wait, counted by
`chibot outbox`, and go out when their process runs. Nothing is given up meanwhile."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlmodel import select

from storage.db import session_scope
from storage.tables import ChatAccount, OutboxMessage
from tests.reliability.support import ROOT, SUBPROCESS_TIMEOUT, outbox_counts, seed, start_bot, wait_until
from tests.support.fake_bot_api import FakeBotApi
from tests.support.org import register

CELLS = 3


def chibot(db_url: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "--database-url", db_url, *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": "/tmp"},
    )


def rows_on(engine, channel: str) -> list[OutboxMessage]:  # noqa: ANN001
    with session_scope(engine) as session:
        return list(
            session.exec(
                select(OutboxMessage)
                .join(ChatAccount, ChatAccount.id == OutboxMessage.account_id)
                .where(ChatAccount.channel == channel)
                .order_by(OutboxMessage.id)
            ).all()
        )


@pytest.mark.timeout(SUBPROCESS_TIMEOUT)
async def test_a_shell_leaves_telegram_messages_to_the_bot_and_the_bot_leaves_console_ones_to_the_shell(
    db_url, tmp_path
) -> None:
    seeded = seed(db_url, tmp_path, CELLS)
    engine = seeded.app.engine
    # The staff member works in `chibot shell` (a console account) while `chibot run` is down.
    register(seeded.app, unit_code="DUK", role="staff", name="Phạm Thu Hà", user_id="c-ha", channel="console")
    script = "/broadcast\nHọp chi bộ thường kỳ lúc 14 giờ thứ Sáu.\nTất cả chi bộ, đoàn thể của đơn vị\nGửi\n"
    shell = chibot(db_url, "shell", "--as", "Phạm Thu Hà", stdin=script)
    assert shell.returncode == 0, shell.stderr
    assert f"Đã xếp {CELLS} tin vào hàng gửi." in shell.stdout, shell.stdout
    # The shell's dispatcher did not touch the Telegram rows: pending, never attempted.
    telegram = [r for r in rows_on(engine, "telegram") if r.kind == "broadcast"]
    assert [(r.status, r.attempts, r.last_error) for r in telegram] == [("pending", 0, None)] * CELLS
    listing = chibot(db_url, "outbox")
    assert listing.returncode == 0, listing.stderr
    table = {line.split()[0]: line.split()[1:] for line in listing.stdout.splitlines()[1:] if line.strip()}
    assert table["telegram"][0] == str(CELLS), listing.stdout  # pending
    assert "Failed" not in listing.stdout, listing.stdout

    async with FakeBotApi() as server:
        process = await start_bot(server, db_url, tmp_path / "run.log")
        try:
            for chat in seeded.secretaries:
                await server.wait_for("sendMessage", chat_id=chat, timeout=60)
            # The result of the broadcast for the staff member is a console message: the bot
            # (Telegram only) leaves it for her next shell, without trying it.
            assert await wait_until(
                lambda: any(r.kind != "broadcast" and r.status == "pending" for r in rows_on(engine, "console")), 30
            ), [(r.kind, r.status) for r in rows_on(engine, "console")]
        finally:
            process.terminate()
            await process.wait()
        for chat in seeded.secretaries:
            texts = [m["text"] for m in server.chat_messages(chat)]
            assert [t for t in texts if "Họp chi bộ thường kỳ" in t] and len(texts) == 1, texts
    assert set(outbox_counts(engine, "telegram")) == {"sent"}
    waiting = [r for r in rows_on(engine, "console") if r.status == "pending"]
    assert waiting and all(r.attempts == 0 and r.last_error is None for r in waiting)

    # Her next shell shows what waited for her as it opens.
    again = chibot(db_url, "shell", "--as", "Phạm Thu Hà", stdin="")
    assert again.returncode == 0, again.stderr
    assert "📨 to Phạm Thu Hà: Kết quả gửi tin" in again.stdout, again.stdout
    assert {r.status for r in rows_on(engine, "console")} == {"sent"}


@pytest.mark.timeout(SUBPROCESS_TIMEOUT)
def test_a_shell_shows_only_the_messages_of_the_people_it_plays(db_url, tmp_path) -> None:
    seeded = seed(db_url, tmp_path, 0)
    engine = seeded.app.engine
    register(seeded.app, unit_code="DUK", role="staff", name="Phạm Thu Hà", user_id="c-ha", channel="console")
    register(seeded.app, unit_code="DUK", role="admin", name="Lê Văn Quản", user_id="c-quan", channel="console")
    from datetime import UTC, datetime

    from ground.messages import Reply
    from services import outbox
    from storage.queries import accounts as account_queries

    with session_scope(engine) as session:
        for user in ("c-ha", "c-quan"):
            account = account_queries.get_account(session=session, channel="console", external_user_id=user)
            outbox.enqueue(
                session=session,
                account_id=account.id,
                kind="notice",
                reply=Reply(text=f"Thông báo riêng cho {user}"),
                due_at=datetime.now(UTC),
                dedupe_key=f"notice:{user}",
            )
    first = chibot(db_url, "shell", "--as", "Phạm Thu Hà", stdin="")
    assert "📨 to Phạm Thu Hà: Thông báo riêng cho c-ha" in first.stdout, first.stdout
    assert "c-quan" not in first.stdout
    by_user = {r.payload["text"]: r.status for r in rows_on(engine, "console") if r.kind == "notice"}
    assert by_user == {"Thông báo riêng cho c-ha": "sent", "Thông báo riêng cho c-quan": "pending"}
    second = chibot(db_url, "shell", "--as", "Lê Văn Quản", stdin="")
    assert "📨 to Lê Văn Quản: Thông báo riêng cho c-quan" in second.stdout, second.stdout
    assert "c-ha" not in second.stdout

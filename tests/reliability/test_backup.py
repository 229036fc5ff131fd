"""`chibot backup FILE`: a consistent copy of the SQLite database while it is being written.

The writer below stands in for the running bot: it commits pairs of audit rows, one pair per
transaction, as fast as it can, from another thread, while the backup runs. A consistent copy
holds whole transactions only: an even number of rows, and every pair complete.
"""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime

from sqlmodel import Session, select
from typer.testing import CliRunner

from bot.cli import app
from services import units
from storage.db import make_db_engine, session_scope
from storage.migrate import upgrade
from storage.tables import AuditEntry, Unit

NOW = datetime(2021, 8, 15, 1, 0, tzinfo=UTC)


def _database(tmp_path):  # noqa: ANN001, ANN202
    path = tmp_path / "chibot.db"
    url = f"sqlite:///{path}"
    upgrade(url)
    engine = make_db_engine(url)
    with session_scope(engine) as session:
        units.import_units(
            session=session,
            now=NOW,
            rows=[
                {"code": "DUK", "name": "Đảng ủy Khối", "kind": "committee", "parent_code": ""},
                {"code": "CB01", "name": "Chi bộ 1", "kind": "cell", "parent_code": "DUK"},
            ],
        )
    return url, engine


def test_backup_while_the_database_is_written_is_one_consistent_state(tmp_path):
    url, engine = _database(tmp_path)
    stop = threading.Event()
    written = [0]

    def writer() -> None:
        while not stop.is_set():
            with session_scope(engine) as session:
                pair = written[0]
                for half in ("a", "b"):
                    session.add(AuditEntry(at=NOW, action="backup-test", details={"pair": pair, "half": half}))
            written[0] += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while written[0] < 20:  # the writer is going
            threading.Event().wait(0.01)
        target = tmp_path / "copy.db"
        result = CliRunner().invoke(app, ["--database-url", url, "backup", str(target)])
        during = written[0]
    finally:
        stop.set()
        thread.join()
    assert result.exit_code == 0, result.output
    assert f"to {target}" in result.output and "To restore" in result.output
    copy = sqlite3.connect(target)
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    rows = copy.execute("SELECT details FROM audit_log WHERE action = 'backup-test'").fetchall()
    copy.close()
    assert 40 <= len(rows) <= 2 * (during + 1)  # what was committed when it started, at least
    assert len(rows) % 2 == 0  # whole transactions only
    # The copy opens as a chibot database: same units, and the schema is current.
    copied = make_db_engine(f"sqlite:///{target}")
    with Session(copied) as session:
        assert sorted(u.code for u in session.exec(select(Unit)).all()) == ["CB01", "DUK"]
    copied.dispose()
    upgrade(f"sqlite:///{target}")
    engine.dispose()


def test_backup_refuses_in_one_sentence_what_it_cannot_do(tmp_path):
    url, engine = _database(tmp_path)
    engine.dispose()
    runner = CliRunner()
    existing = tmp_path / "exists.db"
    existing.write_bytes(b"keep me")
    again = runner.invoke(app, ["--database-url", url, "backup", str(existing)])
    assert again.exit_code == 2 and "already exists" in again.output
    assert existing.read_bytes() == b"keep me"
    forced = runner.invoke(app, ["--database-url", url, "backup", str(existing), "--force"])
    assert forced.exit_code == 0, forced.output
    assert sqlite3.connect(existing).execute("SELECT count(*) FROM unit").fetchone() == (2,)
    postgres = runner.invoke(
        app, ["--database-url", "postgresql://chibot@127.0.0.1:1/chibot", "backup", str(tmp_path / "pg.db")]
    )
    assert postgres.exit_code == 2 and "pg_dump" in postgres.output
    missing_dir = runner.invoke(app, ["--database-url", url, "backup", str(tmp_path / "no" / "such.db")])
    assert missing_dir.exit_code == 2 and "does not exist" in missing_dir.output
    assert not list(tmp_path.glob(".*.partial"))

"""`chibot backup FILE`: a consistent copy of the SQLite database while it is being written.

The writer below stands in for the running bot: it commits pairs of audit rows, one pair per
transaction, as fast as it can, from another thread, while the backup runs. A consistent copy
holds whole transactions only: an even number of rows, and every pair complete.
"""

from __future__ import annotations

import sqlite3
import subprocess
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text
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


def test_the_readmes_postgresql_backup_and_restore_bring_back_every_row(db_url, tmp_path):
    """README "Backup and restore": pg_dump --format=custom, then pg_restore --no-owner into an
    empty database: the restored database has every unit and is at the current schema."""
    if not db_url.startswith("postgresql"):
        pytest.skip("pg_dump is PostgreSQL's: run with TEST_DATABASE_URL=postgresql+psycopg://...")
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert "pg_dump --format=custom --file=" in readme and "pg_restore --no-owner --dbname=" in readme
    upgrade(db_url)
    engine = make_db_engine(db_url)
    rows = [{"code": "DUK", "name": "Đảng ủy Khối", "kind": "committee", "parent_code": ""}]
    rows += [{"code": f"C{n:03d}", "name": f"Chi bộ {n}", "kind": "cell", "parent_code": "DUK"} for n in range(50)]
    with session_scope(engine) as session:
        units.import_units(session=session, now=NOW, rows=rows)
    libpq_url = make_url(db_url).set(drivername="postgresql")
    restored_name = f"{libpq_url.database}_restored"
    dump = tmp_path / "chibot.dump"
    plain = libpq_url.render_as_string(hide_password=False)
    subprocess.run(["pg_dump", "--format=custom", f"--file={dump}", plain], check=True, timeout=120)
    admin = create_engine(db_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{restored_name}"'))
        conn.execute(text(f'CREATE DATABASE "{restored_name}"'))
    restored_url = libpq_url.set(database=restored_name)
    try:
        subprocess.run(
            ["pg_restore", "--no-owner", f"--dbname={restored_url.render_as_string(hide_password=False)}", str(dump)],
            check=True,
            timeout=120,
        )
        restored = make_db_engine(restored_url.set(drivername="postgresql+psycopg").render_as_string(False))
        with session_scope(restored) as session:
            codes = sorted(u.code for u in session.exec(select(Unit)).all())
            version = session.exec(text("SELECT version_num FROM alembic_version")).one()[0]
        restored.dispose()
        with session_scope(engine) as session:
            assert codes == sorted(u.code for u in session.exec(select(Unit)).all())
            assert version == session.exec(text("SELECT version_num FROM alembic_version")).one()[0]
        assert len(codes) == 51
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{restored_name}" WITH (FORCE)'))
        admin.dispose()
        engine.dispose()

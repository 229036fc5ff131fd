"""Database fixtures: a fresh, empty database for every test.

Locally tests run on a SQLite file per test. With TEST_DATABASE_URL set (CI sets it to the
machine's PostgreSQL) they run there: the schema is created once per session and every table
is emptied before each test.

Where the time goes, and what is done about it (the product's settings are unchanged):
- SQLite files live in RAM (/dev/shm where the machine has it): every commit of the product's
  ``synchronous=FULL`` is an fsync, which on a disk shared by a busy machine waits far longer
  than the test computes. The same pragmas run; only the disk under them is memory.
- The tables are created once per session in a template file; each test gets a copy of it
  (byte for byte what ``create_all`` would have written there).
- On PostgreSQL the test connections commit without waiting for the WAL flush
  (``synchronous_commit=off``): a commit is as visible to every other connection as before and
  is lost only if the server itself crashes, which no test does.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel

import storage.tables  # noqa: F401  (registers the tables)
from storage.db import make_db_engine, normalize_url

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL")
#: Whether the session's PostgreSQL schema has every table (False after a ``db_url`` test,
#: which leaves it empty or migrated).
_postgres_tables: dict[Engine, bool] = {}
#: Memory-backed directory for the per-test SQLite files (none: they go to the test's tmp_path).
RAM_DIR = Path("/dev/shm")


def using_postgres() -> bool:
    return bool(TEST_DATABASE_URL) and normalize_url(TEST_DATABASE_URL).startswith("postgresql")


def reset_postgres_schema(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))


def _commit_without_flush_wait(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _no_flush_wait(dbapi_conn, _record):  # noqa: ANN001
        cur = dbapi_conn.cursor()
        cur.execute("SET synchronous_commit TO off")
        cur.close()
        dbapi_conn.commit()


@pytest.fixture(scope="session")
def _postgres_engine() -> Iterator[Engine | None]:
    if not using_postgres():
        yield None
        return
    engine = make_db_engine(TEST_DATABASE_URL)  # type: ignore[arg-type]
    _commit_without_flush_wait(engine)
    reset_postgres_schema(engine)
    SQLModel.metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def _sqlite_dir(tmp_path_factory) -> Iterator[Path]:
    """Where this session's SQLite files go: RAM if the machine has it, else pytest's tmp."""
    if RAM_DIR.is_dir() and os.access(RAM_DIR, os.W_OK):
        path = Path(tempfile.mkdtemp(prefix="chibot-tests-", dir=RAM_DIR))
        yield path
        shutil.rmtree(path, ignore_errors=True)
        return
    yield tmp_path_factory.mktemp("sqlite")


@pytest.fixture(scope="session")
def _sqlite_template(_sqlite_dir, _postgres_engine) -> Path | None:
    """A SQLite file with every table and no rows, copied for each test."""
    if _postgres_engine is not None:
        return None
    path = _sqlite_dir / "template.db"
    eng = make_db_engine(f"sqlite:///{path}")
    SQLModel.metadata.create_all(eng)
    with eng.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    eng.dispose()
    return path


@pytest.fixture
def _sqlite_path(request, _sqlite_dir) -> Iterator[Path]:
    """This test's SQLite file (shared by ``db_url`` and ``engine``), removed afterwards."""
    digest = hashlib.sha1(request.node.nodeid.encode()).hexdigest()[:16]
    folder = _sqlite_dir / digest
    folder.mkdir(exist_ok=True)
    yield folder / "chibot-test.db"
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def db_url(_postgres_engine, _sqlite_path) -> Iterator[str]:
    """URL of an empty database (no tables) for tests that run migrations or the CLI."""
    if _postgres_engine is not None:
        reset_postgres_schema(_postgres_engine)
        # The next test that wants the tables (``engine``) creates them again; a run of CLI
        # and migration tests in a row does not rebuild them after each one.
        _postgres_tables[_postgres_engine] = False
        yield TEST_DATABASE_URL  # type: ignore[misc]
        return
    yield f"sqlite:///{_sqlite_path}"


@pytest.fixture
def engine(_postgres_engine, _sqlite_path, _sqlite_template) -> Iterator[Engine]:
    """An engine on an empty database that has every table."""
    if _postgres_engine is not None:
        if not _postgres_tables.get(_postgres_engine, True):
            reset_postgres_schema(_postgres_engine)
            SQLModel.metadata.create_all(_postgres_engine)
            _postgres_tables[_postgres_engine] = True
        names = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
        with _postgres_engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        yield _postgres_engine
        return
    shutil.copyfile(_sqlite_template, _sqlite_path)
    eng = make_db_engine(f"sqlite:///{_sqlite_path}")
    yield eng
    eng.dispose()


@pytest.fixture
def session(engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as s:
        yield s

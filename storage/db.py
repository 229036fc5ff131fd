"""Engines and sessions. One session per unit of work, committed or rolled back as a whole."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from weakref import WeakKeyDictionary

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, create_engine


class DatabaseUnavailable(RuntimeError):
    """The database in DATABASE_URL cannot be reached or opened."""


def normalize_url(url: str) -> str:
    """Accept the usual spellings of a PostgreSQL URL and use the psycopg 3 driver."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def make_db_engine(url: str, *, echo: bool = False, sqlite_synchronous: str = "FULL", **engine_kw: object) -> Engine:
    url = normalize_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, echo=echo, connect_args={"check_same_thread": False, "timeout": 30}, **engine_kw)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # noqa: ANN001
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            if parsed.database and parsed.database != ":memory:":
                cur.execute("PRAGMA journal_mode=WAL")
                # FULL by default: a report the bot confirmed survives a power cut. NORMAL
                # (SQLITE_SYNCHRONOUS) skips the fsync per commit (4 ms on this machine, under
                # the writer lock: at most ~240 updates/s, far above Telegram's 30/s) and may
                # lose the last commits to an OS crash; the database stays consistent.
                level = "NORMAL" if sqlite_synchronous.upper() == "NORMAL" else "FULL"
                cur.execute(f"PRAGMA synchronous={level}")
            cur.close()

        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True, connect_args={"connect_timeout": 10}, **engine_kw)


_writer_locks: WeakKeyDictionary[Engine, threading.RLock] = WeakKeyDictionary()
_writer_locks_guard = threading.Lock()


def writer_lock(engine: Engine) -> AbstractContextManager[object]:
    """Hold while a unit of work that writes runs, on SQLite: its writers queue on this lock
    instead of in SQLite's busy handler, which sleeps (up to 100 ms a try) while the lock is
    already free again; under a storm of updates the bot sat idle waiting. Re-entrant, so a
    unit of work may open another on the same thread. PostgreSQL locks rows: no lock here."""
    if engine.dialect.name != "sqlite":
        return nullcontext()
    with _writer_locks_guard:
        lock = _writer_locks.get(engine)
        if lock is None:
            lock = _writer_locks[engine] = threading.RLock()
    return lock


def is_disconnect(exc: BaseException) -> bool:
    """The database connection was lost under this error (server restart, idle timeout, a
    backend terminated): SQLAlchemy has invalidated it, and the pool opens a new one. A unit
    of work that failed this way rolled back whole and can run once more."""
    return isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session that commits when the block ends normally and rolls back on any exception."""
    session = Session(engine, expire_on_commit=False)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()

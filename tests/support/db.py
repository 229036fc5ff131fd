"""Database fixtures: a fresh, empty database for every test.

Locally tests run on a SQLite file per test. With TEST_DATABASE_URL set (CI sets it to the
machine's PostgreSQL) they run there: the schema is created once per session and every table
is emptied before each test.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel

import storage.tables  # noqa: F401  (registers the tables)
from storage.db import make_db_engine, normalize_url

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL")


def using_postgres() -> bool:
    return bool(TEST_DATABASE_URL) and normalize_url(TEST_DATABASE_URL).startswith("postgresql")


def reset_postgres_schema(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))


@pytest.fixture(scope="session")
def _postgres_engine() -> Iterator[Engine | None]:
    if not using_postgres():
        yield None
        return
    engine = make_db_engine(TEST_DATABASE_URL)  # type: ignore[arg-type]
    reset_postgres_schema(engine)
    SQLModel.metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def db_url(tmp_path, _postgres_engine) -> str:
    """URL of an empty database (no tables) for tests that run migrations or the CLI."""
    if _postgres_engine is not None:
        reset_postgres_schema(_postgres_engine)
        yield TEST_DATABASE_URL  # type: ignore[misc]
        # Leave the shared schema as the other tests expect it.
        reset_postgres_schema(_postgres_engine)
        SQLModel.metadata.create_all(_postgres_engine)
        return
    yield f"sqlite:///{tmp_path / 'chibot-test.db'}"


@pytest.fixture
def engine(tmp_path, _postgres_engine) -> Iterator[Engine]:
    """An engine on an empty database that has every table."""
    if _postgres_engine is not None:
        names = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
        with _postgres_engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        yield _postgres_engine
        return
    eng = make_db_engine(f"sqlite:///{tmp_path / 'chibot-test.db'}")
    SQLModel.metadata.create_all(eng)
    yield eng
    eng.dispose()


@pytest.fixture
def session(engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as s:
        yield s

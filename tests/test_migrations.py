"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlmodel import Session, select
from typer.testing import CliRunner

from bot.cli import app
from storage.db import make_db_engine
from storage.migrate import alembic_config, upgrade
from storage.tables import Unit, metadata
from storage.types import utcnow


def schema_diff(url: str) -> list:
    engine = make_db_engine(url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            return compare_metadata(context, metadata)
    finally:
        engine.dispose()


def current_revision(url: str) -> str | None:
    engine = make_db_engine(url)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


def head_revision(url: str) -> str:
    return ScriptDirectory.from_config(alembic_config(url)).get_current_head()


def test_upgrade_creates_exactly_the_models_schema(db_url):
    upgrade(db_url)

    assert schema_diff(db_url) == []
    assert current_revision(db_url) == head_revision(db_url)


def test_upgrading_twice_changes_nothing_and_keeps_data(db_url):
    upgrade(db_url)
    engine = make_db_engine(db_url)
    with Session(engine) as session:
        session.add(Unit(code="DUK", name="Đảng ủy Khối", kind="committee", path="/1/", created_at=utcnow()))
        session.commit()

    upgrade(db_url)

    with Session(engine) as session:
        assert [u.code for u in session.exec(select(Unit))] == ["DUK"]
    engine.dispose()
    assert schema_diff(db_url) == []
    assert current_revision(db_url) == head_revision(db_url)


def test_db_upgrade_command_creates_the_tables(db_url):
    result = CliRunner().invoke(app, ["--database-url", db_url, "db", "upgrade"])

    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Database is up to date: ")
    engine = make_db_engine(db_url)
    tables = set(inspect(engine).get_table_names())
    engine.dispose()
    assert tables == {table.name for table in metadata.sorted_tables} | {"alembic_version"}


def test_upgrading_a_database_with_people_from_the_first_revision_keeps_them(db_url):
    from sqlalchemy import create_engine, text

    from storage.db import normalize_url
    from storage.migrate import upgrade

    upgrade(db_url, "0001")
    engine = create_engine(normalize_url(db_url))
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO person (full_name, created_at) VALUES ('Lê Văn Hùng', CURRENT_TIMESTAMP)"))
    upgrade(db_url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT full_name, preferences FROM person")).all()
    engine.dispose()
    assert [r[0] for r in rows] == ["Lê Văn Hùng"]
    assert rows[0][1] in ({}, "{}")


def test_upgrade_stamps_receipt_on_cells_that_reported_without_pressing_received(db_url):
    """Migration 0007: a report implies receipt, so "Nhận lúc" takes the first report's time."""
    from datetime import datetime

    from storage.tables import Assignment, Directive, Person, Report

    upgrade(db_url, "0006")
    # The rows below are written with today's models, which have directive.amends_id: on this
    # branch 0005 sits beside main's chain (joined by 0005_0007) until it is re-chained.
    upgrade(db_url, "0005")
    engine = make_db_engine(db_url)
    first, second = datetime(2021, 8, 16, 1, 0, tzinfo=UTC), datetime(2021, 8, 17, 1, 0, tzinfo=UTC)
    try:
        with Session(engine) as session:
            unit = Unit(code="CB01", name="Chi bộ Văn phòng", kind="cell", path="/")
            other = Unit(code="CB02", name="Chi bộ Ban Tuyên giáo", kind="cell", path="/")
            person = Person(full_name="Bí thư CB01")
            session.add_all([unit, other, person])
            session.flush()
            directive = Directive(unit_id=unit.id, subject="V/v", status="published")
            session.add(directive)
            session.flush()
            reported = Assignment(directive_id=directive.id, unit_id=unit.id, status="reported")
            waiting = Assignment(directive_id=directive.id, unit_id=other.id, status="assigned")
            session.add_all([reported, waiting])
            session.flush()
            session.add_all(
                [
                    Report(assignment_id=reported.id, submitted_by_person_id=person.id, submitted_at=second, version=2),
                    Report(
                        assignment_id=reported.id,
                        submitted_by_person_id=person.id,
                        submitted_at=first,
                        version=1,
                        is_latest=False,
                    ),
                ]
            )
            session.commit()
            ids = reported.id, waiting.id
        upgrade(db_url)
        with Session(engine) as session:
            assert session.get(Assignment, ids[0]).acknowledged_at == first
            assert session.get(Assignment, ids[1]).acknowledged_at is None
    finally:
        engine.dispose()

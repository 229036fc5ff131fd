"""A dropped PostgreSQL connection (server restart, idle timeout, a killed backend) does not
fail the next update: the pool checks a connection before use (pool_pre_ping), and a unit of
work whose connection is lost under it runs once more. Real PostgreSQL: chibot's backends are
terminated with pg_terminate_backend, as a server restart would."""

from __future__ import annotations

import asyncio

import psycopg
import pytest
from sqlalchemy import event, func, text
from sqlmodel import select

from storage.db import session_scope
from storage.tables import AuditEntry, ProcessedUpdate
from tests.support.chat import deliver
from tests.support.db import using_postgres
from tests.test_directives_flow import publish_141
from tests.test_typed_choices import ACKED_141, acknowledged

pytestmark = pytest.mark.skipif(not using_postgres(), reason="needs PostgreSQL (TEST_DATABASE_URL)")


def _terminate_chibot_backends(app) -> int:  # noqa: ANN001
    """What a server restart does to chibot: every backend on its database is killed (this
    helper's own connection is a separate one, outside chibot's pool)."""
    database = app.engine.url.database
    dsn = app.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as admin:
        rows = admin.execute(
            "select pg_terminate_backend(pid) from pg_stat_activity where datname = %s and pid <> pg_backend_pid()",
            (database,),
        ).fetchall()
    return len(rows)


def _acknowledged(app, cell: str) -> list:  # noqa: ANN001
    # A session of its own, never one held across the kill (the test's would be killed too).
    with session_scope(app.engine) as fresh:
        return acknowledged(fresh, cell)


def _stored_once(app, cell: str) -> None:  # noqa: ANN001
    assert len(_acknowledged(app, cell)) == 1
    with session_scope(app.engine) as fresh:
        updates = fresh.exec(select(func.count()).select_from(ProcessedUpdate)).one()
        acks = fresh.exec(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action.like("%ack%"))  # type: ignore[attr-defined]
        ).one()
    assert updates >= 1
    assert acks == 1


def test_an_update_after_the_server_dropped_every_connection_is_answered_and_stored_once(org, app):
    publish_141(org, app)
    assert _terminate_chibot_backends(app) >= 1  # the pool held live connections: they are gone now
    org["CB01"].send("đã nhận 141")
    assert org["CB01"].last_text == ACKED_141
    _stored_once(app, "CB01")
    # The dispatcher, too, works on after the drop: the next publish reaches the cells.
    _terminate_chibot_backends(app)
    asyncio.run(app.dispatcher.run_once())
    org["CB02"].send("đã nhận 141")
    assert org["CB02"].last_text == ACKED_141


def test_a_connection_lost_inside_the_update_s_transaction_is_retried_once_and_stored_once(org, app):
    publish_141(org, app)
    deliver(app)
    killed: list[int] = []

    def kill_on_first_begin(conn) -> None:  # noqa: ANN001
        # The server goes away after the transaction took its connection (pre-ping passed):
        # the first statement of the update then fails with a lost connection.
        if killed:
            return
        pid = conn.exec_driver_sql("select pg_backend_pid()").scalar()
        killed.append(pid)
        dsn = app.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(dsn, autocommit=True) as admin:
            admin.execute("select pg_terminate_backend(%s)", (pid,))

    event.listen(app.engine, "begin", kill_on_first_begin)
    try:
        org["CB01"].send("đã nhận 141")
    finally:
        event.remove(app.engine, "begin", kill_on_first_begin)
    assert killed, "the update's transaction began on a connection that was then killed"
    assert org["CB01"].last_text == ACKED_141
    _stored_once(app, "CB01")
    with app.engine.connect() as conn:
        assert conn.execute(text("select pg_backend_pid()")).scalar() != killed[0]


def test_a_connection_lost_twice_in_a_row_gets_the_polite_error_and_stores_nothing(org, app):
    publish_141(org, app)
    kills: list[int] = []

    def kill_every_begin(conn) -> None:  # noqa: ANN001
        if len(kills) >= 2:
            return
        pid = conn.exec_driver_sql("select pg_backend_pid()").scalar()
        kills.append(pid)
        dsn = app.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(dsn, autocommit=True) as admin:
            admin.execute("select pg_terminate_backend(%s)", (pid,))

    event.listen(app.engine, "begin", kill_every_begin)
    try:
        org["CB01"].send("đã nhận 141")
    finally:
        event.remove(app.engine, "begin", kill_every_begin)
    assert len(kills) == 2  # one retry, not more
    assert "lỗi" in org["CB01"].last_text.lower()
    assert _acknowledged(app, "CB01") == []
    # and the bot goes on: the same secretary, next message, is answered
    org["CB01"].send("đã nhận 141")
    assert org["CB01"].last_text == ACKED_141

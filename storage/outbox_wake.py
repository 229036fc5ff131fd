"""Wake whoever delivers the outbox after a commit that made an outbox row due.

The session events below are registered once, on SQLAlchemy's Session class, so every caller
that queues a message wakes the dispatcher: the core, a service called from the CLI, the
console, a web process. Nobody has to remember to set a flag.

* during the transaction, a row counts when it is inserted (ORM ``session.add`` or a bulk
  ``session.execute(insert(OutboxMessage), rows)``), or when an ORM update changes its
  ``status`` or ``due_at`` while it is pending (a retry, a re-planned reminder). Core UPDATEs
  count only when they set ``status`` to "pending" or move ``due_at``: the others claim or
  cancel rows, which never makes anything due;
* after the outermost commit the callbacks subscribed for that engine are called, in the
  committing thread (the core runs in worker threads: a callback must be thread-safe, e.g.
  ``loop.call_soon_threadsafe``). A rollback forgets what was seen.

Other processes (a console, a web dashboard, a second ``chibot run``) learn of the commit too:

* on PostgreSQL the committing transaction also sends ``NOTIFY chibot_outbox`` (delivered by
  PostgreSQL at commit, never for a rollback), and ``OutboxListener`` in every running bot
  LISTENs on a connection of its own and calls its callback for each notification;
* SQLite has no notifications: the runtime polls for due rows every half second instead
  (bot/scheduler.py, ``DispatchScheduler.start_due_poll``).

So a one-shot CLI command without subscribers loses nothing and delays nothing: the running
bot's dispatcher is woken by the notification (or finds the row on its next short poll).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import event, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction, UOWTransaction

from storage.tables import OutboxMessage

log = logging.getLogger(__name__)

Callback = Callable[[], None]

#: Set in ``session.info`` while the open transaction holds an outbox row that became due.
_DUE = "chibot.outbox_due"

_lock = threading.Lock()
_subscribers: WeakKeyDictionary[Engine, list[Callback]] = WeakKeyDictionary()


def on_outbox_commit(engine: Engine, callback: Callback) -> Callable[[], None]:
    """Call ``callback`` after every commit on ``engine`` that queued or rescheduled outbox
    rows. Returns the function that unsubscribes it."""
    with _lock:
        _subscribers.setdefault(engine, []).append(callback)

    def unsubscribe() -> None:
        with _lock:
            callbacks = _subscribers.get(engine, [])
            if callback in callbacks:
                callbacks.remove(callback)

    return unsubscribe


def _engine_of(session: Session) -> Engine | None:
    bind = session.bind
    return getattr(bind, "engine", None) if bind is not None else None


def _changed(obj: OutboxMessage) -> bool:
    state = inspect(obj)
    return any(state.attrs[name].history.has_changes() for name in ("status", "due_at"))


@event.listens_for(Session, "after_flush")
def _seen_in_flush(session: Session, _flush: UOWTransaction) -> None:
    if session.info.get(_DUE):
        return
    if any(isinstance(obj, OutboxMessage) for obj in session.new) or any(
        isinstance(obj, OutboxMessage) and obj.status == "pending" and _changed(obj) for obj in session.dirty
    ):
        session.info[_DUE] = True


@event.listens_for(Session, "do_orm_execute")
def _seen_in_statement(state: ORMExecuteState) -> None:
    if state.session.info.get(_DUE) or not (state.is_insert or state.is_update):
        return
    if not any(mapper.class_ is OutboxMessage for mapper in state.all_mappers):
        return
    if state.is_insert or _makes_due(state.statement, state.parameters):
        state.session.info[_DUE] = True


def _makes_due(statement: object, parameters: object) -> bool:
    values = {getattr(column, "key", column): value for column, value in getattr(statement, "_values", {}).items()}
    for row in parameters if isinstance(parameters, list) else [parameters or {}]:
        if isinstance(row, Mapping):  # the parameters of an ORM statement are mappings
            values.update(row)
    if "due_at" in values:
        return True
    status = values.get("status")
    return getattr(status, "value", status) == "pending"


#: The PostgreSQL notification channel every committing process notifies and every bot listens on.
CHANNEL = "chibot_outbox"


@event.listens_for(Session, "before_commit")
def _notify_other_processes(session: Session) -> None:
    # Inside the transaction: PostgreSQL delivers the notification when (and only if) it commits,
    # and folds several identical ones of one transaction into one.
    if session.in_nested_transaction() or not session.info.get(_DUE):
        return
    engine = _engine_of(session)
    if engine is None or engine.dialect.name != "postgresql":
        return
    session.connection().exec_driver_sql(f"NOTIFY {CHANNEL}")


@event.listens_for(Session, "after_commit")
def _wake_after_commit(session: Session) -> None:
    # Also fired when a SAVEPOINT is released (begin_nested): the rows are not visible yet.
    if session.in_nested_transaction() or not session.info.pop(_DUE, False):
        return
    engine = _engine_of(session)
    if engine is None:
        return
    with _lock:
        callbacks = list(_subscribers.get(engine, ()))
    for callback in callbacks:
        try:
            callback()
        except Exception:  # a failed wake-up must not undo or hide a committed change
            log.exception("outbox wake-up callback failed; the safety net delivers later")


@event.listens_for(Session, "after_transaction_end")
def _forget_after_rollback(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        session.info.pop(_DUE, None)


class OutboxListener:
    """LISTENs on PostgreSQL for commits of any process that made outbox rows due, and calls
    ``callback`` (from its own thread: it must be thread-safe) for each.

    It holds one connection of its own, outside the engine's pool. When the database goes
    away it reconnects with a growing pause and calls ``callback`` once reconnected (a commit
    may have been missed meanwhile). On engines other than PostgreSQL ``start`` does nothing.
    """

    def __init__(self, engine: Engine, callback: Callback, *, poll_seconds: float = 1.0) -> None:
        self.engine = engine
        self.callback = callback
        self.poll_seconds = poll_seconds
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        #: Set once the first LISTEN is in place (tests wait for it).
        self.listening = threading.Event()

    @property
    def supported(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    def start(self) -> None:
        if not self.supported or self._thread is not None:
            return
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="chibot-outbox-listen", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout)

    def _connect(self) -> Any:
        raw = self.engine.raw_connection()
        conn = raw.driver_connection
        raw.detach()  # its own, for as long as the listener runs; never returned to the pool
        if conn is None:
            raise RuntimeError("the database driver gave no connection to listen on")
        conn.autocommit = True
        conn.execute(f"LISTEN {CHANNEL}")
        return conn

    def _run(self) -> None:
        pause = 0.5
        reconnected = False
        while not self._stop.is_set():
            conn = None
            try:
                conn = self._connect()
                self.listening.set()
                pause = 0.5
                if reconnected:
                    self._call()
                while not self._stop.is_set():
                    for _notification in conn.notifies(timeout=self.poll_seconds):
                        self._call()
            except Exception as exc:
                if self._stop.is_set():
                    break
                log.warning("outbox listener lost the database (%r); reconnecting in %.0f s", exc, pause)
                self._stop.wait(pause)
                pause = min(pause * 2, 30.0)
                reconnected = True
            finally:
                if conn is not None:
                    try:
                        conn.close()
                    except Exception:  # already gone
                        pass

    def _call(self) -> None:
        try:
            self.callback()
        except Exception:  # a failed wake-up must not stop listening
            log.exception("outbox listener callback failed; the safety net delivers later")

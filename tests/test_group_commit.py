"""SQLite's group commit (handlers/core.py, ``ChibotCore._grouped``): updates that queue for
the writer lock while another holds it are committed together, one fsync for all of them,
each answered as if alone; one that fails rolls back alone and its chat gets the apology."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import event
from sqlmodel import Session, select

from services.i18n import t
from storage.db import writer_lock
from storage.tables.audit import AuditEntry
from storage.tables.conversation import ProcessedUpdate
from tests.support.chat import Chat


@pytest.fixture
def sqlite_app(app):
    if app.engine.dialect.name != "sqlite":
        pytest.skip("group commit is SQLite's (PostgreSQL commits concurrently)")
    return app


def _while_the_writer_lock_is_held(app, sends: list[tuple[Chat, str]]) -> int:  # noqa: ANN001
    """Each chat sends its text from its own thread while the test holds the writer lock;
    once all of them wait for it the lock is let go. Returns the commits made meanwhile."""
    commits: list[object] = []
    listener = lambda conn: commits.append(conn)  # noqa: E731
    event.listen(app.engine, "commit", listener)
    lock = writer_lock(app.engine)
    lock.acquire()
    try:
        threads = [threading.Thread(target=chat.send, args=(text,)) for chat, text in sends]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 10
        while len(app.core._waiting) < len(sends):
            assert time.monotonic() < deadline, "the updates did not queue for the writer lock"
            time.sleep(0.01)
    finally:
        lock.release()
    for thread in threads:
        thread.join(10)
    event.remove(app.engine, "commit", listener)
    return len(commits)


def _claimed(app) -> set[str]:  # noqa: ANN001
    with Session(app.engine) as session:
        return set(session.exec(select(ProcessedUpdate.update_id)).all())


def test_updates_queued_for_the_writer_lock_share_one_commit_and_each_gets_its_answer(sqlite_app, org):
    secretaries = [org["CB01"], org["CB02"], org["CB03"]]
    before = _claimed(sqlite_app)
    commits = _while_the_writer_lock_is_held(sqlite_app, [(chat, "/whoami") for chat in secretaries])
    assert commits == 1
    units = ("Chi bộ Văn phòng", "Chi bộ Ban Tuyên giáo", "Chi bộ Ban Tổ chức")
    for chat, unit in zip(secretaries, units, strict=True):
        assert f"Đồng chí: {chat.name}" in chat.last_text
        assert unit in chat.last_text
    assert len(_claimed(sqlite_app) - before) == 3  # each update recorded once


def test_an_update_that_fails_rolls_back_alone_and_the_others_are_kept(sqlite_app, org):
    def faulty(ctx, text):  # noqa: ANN001, ANN202
        if text != "lỗi thử":
            return None
        ctx.audit("written_before_the_fault")
        raise RuntimeError("a handler failed half way")

    sqlite_app.core.router.text_handlers.insert(0, faulty)
    before = _claimed(sqlite_app)
    first, failing, last = org["CB01"], org["CB02"], org["CB03"]
    commits = _while_the_writer_lock_is_held(sqlite_app, [(first, "/whoami"), (failing, "lỗi thử"), (last, "/whoami")])
    assert commits == 1
    assert "Đồng chí: Bí thư CB01" in first.last_text
    assert "Đồng chí: Bí thư CB03" in last.last_text
    assert failing.last_text == t("vi", "error.generic")
    with Session(sqlite_app.engine) as session:
        assert session.exec(select(AuditEntry).where(AuditEntry.action == "written_before_the_fault")).all() == []
    # The failed update is not marked processed: delivered again, it is handled again.
    assert len(_claimed(sqlite_app) - before) == 2
    failing.send("/whoami")
    assert "Đồng chí: Bí thư CB02" in failing.last_text


def test_an_update_alone_commits_on_its_own(sqlite_app, org):
    commits = _while_the_writer_lock_is_held(sqlite_app, [(org["CB01"], "/whoami")])
    assert commits == 1
    assert "Đồng chí: Bí thư CB01" in org["CB01"].last_text

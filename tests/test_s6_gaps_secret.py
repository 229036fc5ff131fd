"""Session 6 gaps of the secret rule (a MẬT directive's subject never goes through a chat):
the registration summary staff read in chat names it by the pointer, and messages queued
before the directive was marked secret go out without the subject (the pointer instead)."""

from __future__ import annotations

import json
from datetime import datetime

from sqlmodel import select

from storage.db import session_scope
from storage.tables import Directive
from tests.support.reminders import delivered, rows, until
from tests.test_directives_flow import DOC_141, paste_141, publish_141

SECRET_141 = DOC_141.replace("KHẨN\n", "KHẨN\n\nMẬT\n", 1)
SUBJECT_WORDS = ("tuyên truyền", "05-NQ/TU", "Nghị quyết số 05")
POINTER = "nhận văn bản theo đường văn thư/tại Văn phòng; trích yếu không gửi qua chat"


def _leaks(text: str) -> list[str]:
    return [w for w in SUBJECT_WORDS if w.lower() in text.lower()]


def test_the_registration_summary_of_a_secret_directive_shows_the_pointer_not_the_subject(org, app):
    staff = paste_141(org, SECRET_141)
    summary = staff.last_text
    assert "Số, ký hiệu: 141-CV/ĐUK" in summary
    assert f"Trích yếu: văn bản MẬT — {POINTER}" in summary
    assert "Độ mật: MẬT" in summary
    assert _leaks(summary) == []


def test_the_registration_summary_of_an_ordinary_directive_still_shows_its_subject(org, app):
    staff = paste_141(org)
    assert "Trích yếu: V/v tổ chức quán triệt, tuyên truyền Nghị quyết số 05-NQ/TU" in staff.last_text


def test_reminders_queued_before_the_directive_was_marked_secret_go_out_without_the_subject(org, app):
    publish_141(org, app)
    queued = [m for m in rows(app, kind="reminder", status="pending")]
    assert queued and all(_leaks(m.payload["text"]) for m in queued)  # worded when it was not secret
    with session_scope(app.engine) as session:
        directive = session.exec(select(Directive)).one()
        directive.secrecy = "MẬT"
    until(app, datetime(2021, 8, 22, 10, 0))
    reminders = [(when, who, text) for when, who, text in delivered(app, "reminder") if who == "CB01"]
    assert reminders, "CB01 is reminded of 141 before 22/8"
    for _when, _who, text in reminders:
        assert text.startswith("🔔 Nhắc việc")
        assert _leaks(text) == [] and POINTER in text
    # The rows keep the words that went out: no stored reminder names the subject any more.
    sent = [m for m in rows(app, kind="reminder") if m.status == "sent"]
    assert sent and [m.id for m in sent if _leaks(json.dumps(m.payload, ensure_ascii=False))] == []


def test_an_ordinary_directive_s_reminders_keep_their_subject(org, app):
    publish_141(org, app)
    until(app, datetime(2021, 8, 18, 10, 0))
    reminders = [text for _when, who, text in delivered(app, "reminder") if who == "CB01"]
    assert reminders and all("tuyên truyền Nghị quyết số 05-NQ/TU" in text for text in reminders)

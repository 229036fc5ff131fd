"""A MẬT directive's subject never goes through a chat (domain rule): publish, /doc, /mytasks,
/directives, /status, /unacked, reminders, digest, report flow and /export name it by number and
a pointer. Every stored outbox payload and every reply after registration is scanned."""

from __future__ import annotations

import io
import json
from datetime import datetime

from openpyxl import load_workbook

from tests.support.chat import deliver
from tests.support.reminders import rows, until
from tests.test_directives_flow import DOC_141, paste_141

SECRET_141 = DOC_141.replace("KHẨN\n", "KHẨN\n\nMẬT\n", 1)
#: Words of 141's subject ("V/v tổ chức quán triệt, tuyên truyền Nghị quyết số 05-NQ/TU …").
SUBJECT_WORDS = ("tuyên truyền", "05-NQ/TU", "Nghị quyết số 05")
POINTER = "nhận văn bản theo đường văn thư/tại Văn phòng; trích yếu không gửi qua chat"


def _record(app) -> list[str]:  # noqa: ANN001
    texts: list[str] = []
    handle = app.core.handle

    def recording(incoming):  # noqa: ANN001, ANN202
        replies = handle(incoming)
        for r in replies:
            texts.append(r.text or "")
            texts.extend(c.label for c in r.flat_choices())
        return replies

    app.core.handle = recording
    return texts


def _leaks(text: str) -> list[str]:
    return [w for w in SUBJECT_WORDS if w.lower() in text.lower()]


def test_a_secret_directive_is_named_by_number_and_pointer_in_every_chat_text(org, app):
    staff = paste_141(org, SECRET_141)
    # The registration summary echoes what staff themselves pasted; everything after is scanned.
    staff.press("Xác nhận")
    staff.press("Tất cả chi bộ")
    replies = _record(app)
    staff.press("Gửi")
    deliver(app)
    cb01 = org["CB01"]
    for command in ("/doc 141", "/mytasks"):
        cb01.send(command)
    assert POINTER in cb01.last_text or "Công văn 141-CV/ĐUK" in cb01.last_text
    for command in ("/doc 141", "/directives", "/status 141", "/unacked 141"):
        staff.send(command)
    until(app, datetime(2021, 8, 22, 10, 0))
    cb01.send("bc 141 trực tiếp+zalo 45/50 tốt")
    cb01.press("Xác nhận")
    assert cb01.last_text.startswith("Cảm ơn đồng chí!"), cb01.last_text
    cb01.send("/mytasks")
    until(app, datetime(2021, 8, 25, 10, 0))
    staff.send("/export 141 xlsx")
    exported = staff.replies[0].document
    assert exported is not None
    sheet_text = " ".join(
        str(c.value) for ws in load_workbook(io.BytesIO(exported.content)) for row in ws.iter_rows() for c in row
    )
    assert _leaks(sheet_text) == []
    assert POINTER in sheet_text

    outbox = rows(app)
    kinds = {m.kind for m in outbox}
    assert {"reminder"} <= kinds, kinds
    published = [m.payload["text"] for m in outbox if m.payload["text"].startswith("Văn bản mới")]
    assert published and all(f"Trích yếu: văn bản MẬT — {POINTER}" in p for p in published)
    reminders = [m.payload for m in outbox if m.kind == "reminder"]
    assert reminders and all(POINTER in p.get("sent_text", p["text"]) for p in reminders)
    leaking = [(m.kind, _leaks(json.dumps(m.payload, ensure_ascii=False))) for m in outbox]
    assert [x for x in leaking if x[1]] == []
    assert replies and [(r, _leaks(r)) for r in replies if _leaks(r)] == []


def test_a_secret_directive_in_english_says_the_subject_is_not_sent(org, app):
    staff = paste_141(org, SECRET_141)
    staff.press("Xác nhận")
    staff.press("Tất cả chi bộ")
    staff.press("Gửi")
    deliver(app)
    cb01 = org["CB01"]
    cb01.send("/lang en")
    cb01.send("/doc 141")
    assert "MẬT document — get it through the official document channel/at the Office" in cb01.last_text
    assert _leaks(cb01.last_text) == []

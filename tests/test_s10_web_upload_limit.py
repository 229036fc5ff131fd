"""The office desk uploads a scanned PDF too large to take: the answer is a page in Vietnamese
that names the limit and says nothing was saved, like the sentence for a file just over it (it
was a bare bilingual line without the limit); the desk goes on working."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import select

from storage.db import session_scope
from storage.tables import ConversationState, Directive
from tests.support.web import csrf_of, sign_in
from web.app import create_app


def nothing_saved(app) -> bool:  # noqa: ANN001
    with session_scope(app.engine) as session:
        return not session.exec(select(Directive)).all() and not session.exec(select(ConversationState)).all()


def test_a_30_mb_scan_is_refused_with_the_limit_named_and_nothing_saved(app, org, web):
    browser = sign_in(web(), org["staff"])
    token = csrf_of(browser.get("/new").text)
    scan = b"%PDF-1.4\n" + b"0" * (30 * 1024 * 1024)

    refused = browser.post("/new", data={"csrf": token}, files={"document": ("quet-141.pdf", scan, "application/pdf")})

    assert refused.status_code == 413 and refused.headers["content-type"].startswith("text/html")
    assert "<title>Tệp quá lớn · chibot</title>" in refused.text
    assert "vượt giới hạn 10 MB nên chibot không đọc" in refused.text and "chưa có gì được lưu" in refused.text
    assert nothing_saved(app)
    assert browser.get("/new").status_code == 200


def test_a_file_just_over_the_limit_is_read_and_refused_in_the_intakes_words(app, org, web):
    browser = sign_in(web(), org["staff"])
    token = csrf_of(browser.get("/new").text)
    scan = b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024 + 1000)

    refused = browser.post("/new", data={"csrf": token}, files={"document": ("quet-141.pdf", scan, "application/pdf")})

    assert refused.status_code == 400 and "vượt giới hạn 10 MB" in refused.text
    assert nothing_saved(app)


def test_with_english_as_the_default_language_the_page_is_english(app, org):
    application = create_app(
        settings=app.settings.model_copy(update={"default_language": "en"}), engine=app.engine, clock=app.clock
    )
    with TestClient(application) as browser:
        refused = browser.post("/new", content=b"x" * (30 * 1024 * 1024), headers={"content-type": "text/plain"})
    assert refused.status_code == 413 and "<title>File too large · chibot</title>" in refused.text
    assert "over the 10 MB limit" in refused.text

"""Registering a directive on the dashboard: paste or upload, check what chibot read, correct
it, tick recipients, preview the cells' message, publish once. Bad input answers politely and
stores nothing."""

from __future__ import annotations

import io
import re
from importlib import resources

import docx
from sqlmodel import select

from storage.db import session_scope
from storage.tables import Assignment, Directive
from tests.support.chat import deliver
from tests.support.web import csrf_of, sign_in

TEXT_141 = resources.files("bot.demo_data").joinpath("141-CV-DUK.txt").read_text(encoding="utf-8")


def published(app) -> list[Directive]:
    with session_scope(app.engine) as session:
        return list(session.exec(select(Directive).where(Directive.status == "published")).all())


def review_form(html: str) -> dict[str, object]:
    """What the browser would send back from the review page, as it stands."""
    nonce = re.search(r'name="nonce" value="([^"]+)"', html).group(1)
    ticked = re.findall(r'name="unit" value="(\d+)" checked', html)
    return {
        "csrf": csrf_of(html),
        "nonce": nonce,
        "number": re.search(r'name="number" value="([^"]*)"', html).group(1),
        "subject": re.search(r'name="subject" rows="2">([^<]*)</textarea>', html).group(1),
        "urgency": re.search(r'name="urgency" value="([^"]*)"', html).group(1),
        "unit": ticked,
    }


def start(browser, **files_or_text):  # noqa: ANN003, ANN201
    page = browser.get("/new")
    assert page.status_code == 200
    token = csrf_of(page.text)
    if "files" in files_or_text:
        return browser.post("/new", data={"csrf": token}, files=files_or_text["files"])
    return browser.post("/new", data={"csrf": token, "text": files_or_text.get("text", "")})


def test_paste_check_and_publish_once(app, org, web, outbox):
    browser = sign_in(web(), org["staff"])
    assert start(browser, text=TEXT_141).headers["location"] == "/new/review"

    review = browser.get("/new/review").text
    assert "141-CV/ĐUK" in review and "KHẨN" in review
    assert "Hoàn thành: đến hết 20/8/2021" in review  # what chibot read, as /new shows it
    form = review_form(review)
    assert len(form["unit"]) == 9  # Kính gửi: every cell and grassroots unit, and the mass organisation
    preview = re.search(r'<pre class="preview">(.*?)</pre>', review, re.S).group(1)
    assert "141-CV/ĐUK" in preview

    done = browser.post("/new/review", data={**form, "action": "publish"})
    again = browser.post("/new/review", data={**form, "action": "publish"})  # the double submit

    (directive,) = published(app)
    assert done.status_code == 303 and done.headers["location"] == f"/directives/{directive.id}"
    assert again.status_code == 409 and "đã được ban hành" in again.text
    with session_scope(app.engine) as session:
        assigned = session.exec(select(Assignment).where(Assignment.directive_id == directive.id)).all()
    assert len(assigned) == 9
    deliver(app)
    assert any("141-CV/ĐUK" in text for text in outbox.texts_to("u-cb01"))
    page = browser.get(f"/directives/{directive.id}").text
    assert re.findall(r'<b class="assigned">([^<]*)</b>', page) == ["9"]


def test_corrections_ticks_and_an_added_deadline_show_in_the_preview(app, org, web):
    browser = sign_in(web(), org["staff"])
    start(browser, text=TEXT_141)
    form = review_form(browser.get("/new/review").text)
    with session_scope(app.engine) as session:
        from storage.tables import Unit

        cb01 = session.exec(select(Unit).where(Unit.code == "CB01")).one()
    saved = browser.post(
        "/new/review",
        data={
            **form,
            "urgency": "không",
            "subject": "V/v quán triệt Nghị quyết 05",
            "deadline": "nộp kế hoạch trước ngày 5/9/2021",
            "unit": [str(cb01.id)],
            "action": "preview",
        },
    )
    assert saved.status_code == 303
    review = browser.get("/new/review").text
    assert review_form(review)["unit"] == [str(cb01.id)]
    assert "V/v quán triệt Nghị quyết 05" in review and 'name="urgency" value=""' in review
    assert "5/9/2021" in re.search(r'<pre class="preview">(.*?)</pre>', review, re.S).group(1)
    browser.post("/new/review", data={**review_form(review), "action": "publish"})
    (directive,) = published(app)
    assert (directive.subject, directive.urgency) == ("V/v quán triệt Nghị quyết 05", None)


def test_a_docx_upload_is_read_like_a_paste(app, org, web):
    document = docx.Document()
    for line in TEXT_141.splitlines():
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    browser = sign_in(web(), org["staff"])
    response = start(browser, files={"document": ("141.docx", out.getvalue(), "application/octet-stream")})
    assert response.status_code == 303
    assert "141-CV/ĐUK" in browser.get("/new/review").text


def test_bad_input_answers_politely_and_stores_nothing(app, org, web):
    browser = sign_in(web(), org["staff"])
    not_a_document = start(browser, files={"document": ("anh.pdf", b"\x89PNG\r\n\x1a\n not a pdf", "application/pdf")})
    assert not_a_document.status_code == 400 and "Không đọc được tệp «anh.pdf»" in not_a_document.text
    assert start(browser, text="").status_code == 400
    chatter = start(browser, text="chào anh, mai họp nhé")
    assert chatter.status_code == 400 and "Không nhận ra văn bản chỉ đạo" in chatter.text
    huge = browser.post(
        "/new", data={"csrf": "x"}, files={"document": ("big.pdf", b"0" * (50 * 1024 * 1024), "application/pdf")}
    )
    assert huge.status_code == 413
    assert browser.post("/new", data={"text": TEXT_141}).status_code == 403  # no CSRF token

    start(browser, text=TEXT_141)
    form = review_form(browser.get("/new/review").text)
    typo = browser.post("/new/review", data={**form, "urgency": "rất gấp", "action": "publish"})
    assert typo.status_code == 400 and "«rất gấp» không phải là độ khẩn" in typo.text
    nobody = browser.post("/new/review", data={**form, "unit": [], "action": "publish"})
    assert nobody.status_code == 400 and "Đồng chí chưa chọn đơn vị nào." in nobody.text
    forged = browser.post("/new/review", data={**form, "csrf": "0" * 64, "action": "publish"})
    assert forged.status_code == 403
    assert published(app) == []


def test_units_outside_the_tree_cannot_be_ticked_in(app, org, web):
    browser = sign_in(web(), org["staff"])
    start(browser, text=TEXT_141)
    form = review_form(browser.get("/new/review").text)
    browser.post("/new/review", data={**form, "unit": ["999999", form["unit"][0]], "action": "publish"})
    (directive,) = published(app)
    with session_scope(app.engine) as session:
        assigned = session.exec(select(Assignment).where(Assignment.directive_id == directive.id)).all()
    assert len(assigned) == 1


def test_no_session_and_secretaries_cannot_register(app, org, web):
    assert web().get("/new").status_code == 401
    assert web().post("/new", data={"text": TEXT_141}).status_code == 401
    assert published(app) == []

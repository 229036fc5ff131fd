"""Registering on the dashboard a number the unit has registered already: as chat's /new does
(tests/test_directive_duplicates.py), staff are told and choose to open the one registered,
send this as its changed version (the old one closes), or fix the number."""

from __future__ import annotations

import html

from sqlmodel import select

from storage.db import session_scope
from storage.tables import Directive
from tests.support.web import sign_in
from tests.test_web_new import TEXT_141, review_form, start

SUBJECT = "V/v tổ chức quán triệt, tuyên truyền Nghị quyết số 05-NQ/TU ngày 05/8/2021 của Tỉnh ủy"


def stored(app) -> list[Directive]:  # noqa: ANN001
    with session_scope(app.engine) as session:
        return list(session.exec(select(Directive).order_by(Directive.id)).all())


def publish_again(browser, **changes):  # noqa: ANN001, ANN003, ANN201
    start(browser, text=TEXT_141)
    form = review_form(browser.get("/new/review").text)
    return browser.post("/new/review", data={**form, **changes, "action": "publish"})


def test_the_same_number_is_not_published_twice_without_asking(app, org, web):
    browser = sign_in(web(), org["staff"])
    assert publish_again(browser).status_code == 303
    page = publish_again(browser)
    assert page.status_code == 409
    text = html.unescape(page.text)
    assert "Đơn vị đã đăng ký văn bản số «141-CV/ĐUK»:" in text
    assert f"#1 Công văn 141-CV/ĐUK: {SUBJECT} — đã gửi 15/8/2021" in text
    assert "đồng chí bấm «Đăng ký bản thay đổi»: bản mới được gửi cho các đơn vị đã chọn, bản cũ kết thúc" in text
    assert '<a class="button" href="/directives/1">Mở văn bản đã có</a>' in text
    assert '<button type="submit" name="action" value="amend"' in text and "Sửa số, ký hiệu" in text
    assert [d.status for d in stored(app)] == ["published"]  # nothing more was published

    done = browser.post("/new/review", data={**review_form(page.text), "action": "amend"})
    assert done.status_code == 303
    old, new = stored(app)
    assert (old.status, new.status, new.amends_id) == ("closed", "published", old.id)
    assert done.headers["location"] == f"/directives/{new.id}"


def test_a_mistyped_number_is_fixed_on_the_page_and_published(app, org, web):
    browser = sign_in(web(), org["staff"])
    publish_again(browser)
    page = publish_again(browser)
    form = review_form(page.text)
    done = browser.post("/new/review", data={**form, "number": "142-CV/ĐUK", "action": "publish"})
    assert done.status_code == 303
    assert [(d.number, d.status, d.amends_id) for d in stored(app)] == [
        ("141-CV/ĐUK", "published", None),
        ("142-CV/ĐUK", "published", None),
    ]


def test_the_question_in_english(app, org, web):
    org["staff"].send("/lang en")
    browser = sign_in(web(), org["staff"])
    publish_again(browser)
    text = html.unescape(publish_again(browser).text)
    assert "Your unit has already registered a directive numbered «141-CV/ĐUK»:" in text
    assert "press «Register as changed version»: the new one is sent to the ticked units" in text
    assert "Open the registered one" in text and "Fix the number" in text

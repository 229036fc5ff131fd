"""Signing in to the dashboard: /web in chat gives staff a one-time link bound to them; it
starts an HttpOnly, SameSite=Lax session cookie; used, expired or forged links and stale
sessions are refused; logout ends the session. Every page answers with security headers."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from storage.db import session_scope
from storage.tables import AuditEntry, Membership, WebLogin
from tests.support.web import csrf_of, link_path, open_link, sign_in


def test_staff_get_a_one_time_link_in_chat_and_it_signs_them_in(org, web):
    org["staff"].send("/web")
    text = org["staff"].last_text
    assert text.startswith("Đường dẫn đăng nhập trang làm việc của đồng chí:\nhttp://127.0.0.1:8080/login/")
    assert "Chỉ dùng được một lần, trong 10 phút" in text
    browser = web()
    page = browser.get(link_path(org["staff"]))
    assert page.status_code == 200
    assert "Đăng nhập với tư cách Trần Văn Tâm." in page.text

    response = browser.post(
        "/login", data={"token": link_path(org["staff"]).rsplit("/", 1)[1], "csrf": csrf_of(page.text)}
    )

    assert response.status_code == 303
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("chibot_session=")
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Max-Age=43200" in cookie
    assert "Secure" not in cookie  # plain http on 127.0.0.1
    listing = browser.get("/directives")
    assert listing.status_code == 200
    assert "Văn bản của đơn vị" in listing.text and "Trần Văn Tâm" in listing.text


def test_opening_the_link_alone_does_not_use_it(org, web):
    """A chat app fetching the link for its preview must not sign anyone in."""
    org["staff"].send("/web")
    path = link_path(org["staff"])
    assert web().get(path).status_code == 200
    assert web().get(path).status_code == 200
    assert open_link(web(), path).status_code == 303


def test_a_used_link_is_refused(org, web):
    org["staff"].send("/web")
    path = link_path(org["staff"])
    assert open_link(web(), path).status_code == 303

    again = web().get(path)
    assert again.status_code == 400
    assert "Đường dẫn đăng nhập này đã được dùng rồi" in again.text
    page_before_use = web()
    # A second browser that had the page open before the link was used cannot use it either.
    reused = page_before_use.post("/login", data={"token": path.rsplit("/", 1)[1], "csrf": "0" * 64})
    assert reused.status_code == 403 and "set-cookie" not in reused.headers


def test_a_link_expires_after_ten_minutes(org, web, clock):
    org["staff"].send("/web")
    path = link_path(org["staff"])
    browser = web()
    page = browser.get(path)
    clock.advance(timedelta(minutes=10, seconds=1))

    late = browser.post("/login", data={"token": path.rsplit("/", 1)[1], "csrf": csrf_of(page.text)})

    assert late.status_code == 400
    assert "Đường dẫn đăng nhập đã hết hạn" in late.text
    assert "set-cookie" not in late.headers


def test_an_unknown_link_is_refused(web, org):
    response = web().get("/login/not-a-real-token")
    assert response.status_code == 400
    assert "Đường dẫn đăng nhập không đúng." in response.text


def test_secretaries_cannot_ask_for_a_link(org, app):
    org["CB01"].send("/web")
    assert org["CB01"].last_text == "Đồng chí không có quyền thực hiện thao tác này."
    with session_scope(app.engine) as session:
        assert session.exec(select(WebLogin)).all() == []
        denied = session.exec(select(AuditEntry).where(AuditEntry.action == "denied")).all()
    assert [d.details["command"] for d in denied] == ["web"]


def test_admins_get_a_link_too_and_the_link_is_bound_to_its_person(org, web):
    org["admin"].send("/web")
    browser = sign_in(web(), org["admin"])
    assert "Quản Trị Viên" in browser.get("/directives").text


def test_a_role_removed_since_ends_the_session_at_the_next_request(org, web, app):
    browser = sign_in(web(), org["staff"])
    assert browser.get("/directives").status_code == 200
    with session_scope(app.engine) as session:
        for membership in session.exec(select(Membership).where(Membership.role == "staff")).all():
            membership.active = False
            session.add(membership)

    refused = browser.get("/directives")

    assert refused.status_code == 401
    assert "gửi /web cho chibot" in refused.text
    assert "Trần Văn Tâm" not in refused.text


def test_a_session_expires(org, web, clock):
    browser = sign_in(web(), org["staff"])
    clock.advance(timedelta(hours=12, minutes=1))
    assert browser.get("/directives").status_code == 401


def test_logout_needs_the_csrf_token_then_ends_the_session(org, web):
    browser = sign_in(web(), org["staff"])
    page = browser.get("/directives")

    assert browser.post("/logout").status_code == 403
    assert browser.post("/logout", data={"csrf": "f" * 64}).status_code == 403
    assert browser.get("/directives").status_code == 200  # nothing happened

    cookie = browser.cookies.get("chibot_session")
    out = browser.post("/logout", data={"csrf": csrf_of(page.text)})
    assert out.status_code == 303 and out.headers["location"] == "/signed-out"
    assert browser.get("/directives").status_code == 401
    # The old cookie, kept by someone, no longer works either.
    stolen = web()
    stolen.cookies.set("chibot_session", cookie)
    assert stolen.get("/directives").status_code == 401


def test_the_csrf_token_of_one_session_does_not_work_in_another(org, web):
    first = sign_in(web(), org["staff"])
    second = sign_in(web(), org["admin"])
    token_of_first = csrf_of(first.get("/directives").text)
    assert second.post("/logout", data={"csrf": token_of_first}).status_code == 403


def test_every_page_carries_the_security_headers(org, web):
    browser = web()
    for response in (browser.get("/directives"), browser.get("/login/x"), browser.get("/static/app.js")):
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
    signed = sign_in(web(), org["staff"])
    page = signed.get("/directives").text
    assert "<script>" not in page and "style=" not in page and "onclick" not in page


def test_a_50_mb_request_is_refused_before_it_is_read(org, web):
    browser = sign_in(web(), org["staff"])
    response = browser.post("/logout", content=b"x" * (50 * 1024 * 1024), headers={"content-type": "text/plain"})
    assert response.status_code == 413
    assert browser.get("/directives").status_code == 200


def test_behind_https_the_cookie_is_secure(org, app, web):
    app.settings.web_public_url = "https://chibot.example.vn"
    org["staff"].send("/web")
    assert "https://chibot.example.vn/login/" in org["staff"].last_text
    response = open_link(web(), link_path(org["staff"]))
    assert "Secure" in response.headers["set-cookie"]


def test_a_person_reading_english_gets_english_pages(org, web):
    org["staff"].send("/lang en")
    browser = sign_in(web(), org["staff"])
    assert "Your unit&#39;s directives" in browser.get("/directives").text

"""Signing in with a one-time link, and out. Opening the link shows a button: the sign-in
happens on its POST, so a chat app that fetches the link for a preview does not use it up."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services import web_login
from services.i18n import Translator
from storage.db import session_scope
from web.desk import COOKIE, Desk, desk, state_of
from web.rendering import page
from web.security import csrf_ok, csrf_token

router = APIRouter()


def _link_failed(request: Request, t: Translator, reason: str) -> HTMLResponse:
    web = state_of(request)
    return page(web.pages, "login_failed.html", t, status_code=400 if reason != "not_staff" else 403, reason=reason)


@router.get("/login/{token}", response_class=HTMLResponse)
def login_page(request: Request, token: str) -> HTMLResponse:
    """The link from /web: who it signs in, and the button that does it."""
    web = state_of(request)
    with session_scope(web.engine) as session:
        now = web.clock.now()
        try:
            row = web_login.check_link(session=session, token=token, now=now)
        except web_login.WebLoginError as exc:
            return _link_failed(request, Translator(web.settings.default_language), exc.reason)
        lang = web_login.language_of(session=session, person_id=row.person_id, default=web.settings.default_language)
        actor = web_login.actor_of(session=session, person_id=row.person_id)
    return page(
        web.pages,
        "login.html",
        Translator(lang),
        name=actor.name,
        token=token,
        login_csrf=csrf_token(web.secret, "login", token),
    )


@router.post("/login")
def login(request: Request, token: str = Form(""), csrf: str = Form("")) -> Response:
    """Use the link (once) and start the session cookie."""
    web = state_of(request)
    t = Translator(web.settings.default_language)
    if not csrf_ok(web.secret, "login", token, csrf):
        return page(web.pages, "refused.html", t, status_code=403, reason="csrf")
    with session_scope(web.engine) as session:
        try:
            started = web_login.redeem(
                session=session, token=token, now=web.clock.now(), hours=web.settings.web_session_hours
            )
        except web_login.WebLoginError as exc:
            return _link_failed(request, t, exc.reason)
    response = RedirectResponse("/directives", status_code=303)
    secure = web.settings.web_base_url.startswith("https://") or request.url.scheme == "https"
    response.set_cookie(
        COOKIE,
        started.token,
        max_age=web.settings.web_session_hours * 3600,
        httponly=True,
        samesite="lax",
        secure=secure,
        path="/",
    )
    return response


@router.post("/logout")
def logout(here: Desk = Depends(desk, scope="function"), csrf: str = Form("")) -> Response:
    here.check_csrf(csrf)
    web_login.sign_out(session=here.session, web_session=here.web_session, now=here.now)
    response = RedirectResponse("/signed-out", status_code=303)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="lax")
    return response


@router.get("/signed-out", response_class=HTMLResponse)
def signed_out(request: Request) -> HTMLResponse:
    web = state_of(request)
    return page(web.pages, "signed_out.html", Translator(web.settings.default_language))


@router.get("/")
def home(request: Request) -> Response:
    return RedirectResponse("/directives", status_code=303)

"""The dashboard's FastAPI application: pages from web/templates, files from web/static, and
the security every response carries (web/security.py)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.engine import Engine
from starlette.exceptions import HTTPException as StarletteHTTPException

from ground.clock import Clock
from ground.settings import Settings
from services.i18n import Translator
from services.number_format import number_text
from web import admin_routes, broadcast_routes, directive_routes, login_routes, new_routes
from web.desk import CsrfRefused, NotSignedIn, WebState, state_of
from web.rendering import Pages, page
from web.security import BodyLimit, SecurityHeaders

#: Room for a form's other fields around the largest file allowed.
FORM_OVERHEAD = 256 * 1024


class WebConfigError(Exception):
    """A setting the dashboard cannot start without."""


def create_app(*, settings: Settings, engine: Engine, clock: Clock) -> FastAPI:
    if settings.web_secret_key is None or len(settings.web_secret_key.get_secret_value()) < 16:
        raise WebConfigError(
            "WEB_SECRET_KEY is not set (or shorter than 16 characters): the dashboard signs its forms with it; "
            'make one with: python3 -c "import secrets; print(secrets.token_urlsafe(32))"'
        )
    app = FastAPI(title="chibot", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.web = WebState(
        settings=settings,
        engine=engine,
        clock=clock,
        pages=Pages(settings.tz),
        secret=settings.web_secret_key.get_secret_value(),
    )
    app.mount("/static", StaticFiles(packages=[("web", "static")]), name="static")
    app.include_router(login_routes.router)
    app.include_router(directive_routes.router)
    app.include_router(new_routes.router)
    app.include_router(broadcast_routes.router)
    app.include_router(admin_routes.router)

    def default_t(request: Request) -> Translator:
        return Translator(state_of(request).settings.default_language)

    @app.exception_handler(NotSignedIn)
    async def _not_signed_in(request: Request, exc: NotSignedIn) -> HTMLResponse:
        return page(state_of(request).pages, "signin_needed.html", default_t(request), status_code=401)

    @app.exception_handler(CsrfRefused)
    async def _csrf(request: Request, exc: CsrfRefused) -> HTMLResponse:
        return page(state_of(request).pages, "refused.html", default_t(request), status_code=403, reason="csrf")

    @app.exception_handler(RequestValidationError)
    async def _unreadable(request: Request, exc: RequestValidationError) -> HTMLResponse:
        # "/units/abc": a page of its own, not FastAPI's JSON.
        return page(state_of(request).pages, "refused.html", default_t(request), status_code=400, reason="bad_request")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> HTMLResponse:
        reason = "not_found" if exc.status_code == 404 else "bad_request"
        return page(
            state_of(request).pages, "refused.html", default_t(request), status_code=exc.status_code, reason=reason
        )

    # Larger than any file the desk takes: refused before it is read, with the limit named (a
    # file just over the limit is read and refused by the intake, in the same words).
    too_large = page(
        app.state.web.pages,
        "refused.html",
        Translator(settings.default_language),
        status_code=413,
        reason="too_large",
        params={"limit": number_text(round(settings.max_upload_bytes / 1024 / 1024, 1), settings.default_language)},
    ).body
    app.add_middleware(BodyLimit, limit=settings.max_upload_bytes + FORM_OVERHEAD, page=bytes(too_large))
    app.add_middleware(SecurityHeaders)
    return app

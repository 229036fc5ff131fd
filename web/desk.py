"""One request of a signed-in staff member: the database session, the Actor (built as chat
builds it), texts in their language, the clock read once, and the CSRF token of the session."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from sqlalchemy.engine import Engine
from sqlmodel import Session

from ground.actor import Actor
from ground.clock import Clock
from ground.settings import Settings
from services import web_login
from services.i18n import Translator
from storage.db import session_scope
from storage.queries.audit import add_audit
from storage.tables import WebSession
from web.rendering import Pages, page
from web.security import csrf_ok, csrf_token

COOKIE = "chibot_session"
CSRF_FIELD = "csrf"


@dataclass(frozen=True)
class WebState:
    """What the app holds for every request (app.state.web)."""

    settings: Settings
    engine: Engine
    clock: Clock
    pages: Pages
    secret: str


class NotSignedIn(Exception):
    """No live session, or its person is no longer staff or admin: the sign-in page, 401."""


class CsrfRefused(Exception):
    """A form without this session's token: refused with 403, nothing done."""


@dataclass
class Desk:
    request: Request
    web: WebState
    session: Session
    actor: Actor
    t: Translator
    now: datetime
    web_session: WebSession

    @property
    def csrf(self) -> str:
        return csrf_token(self.web.secret, "session", self.web_session.token_hash)

    @property
    def tz(self):  # noqa: ANN201 (ZoneInfo)
        return self.web.settings.tz

    def audit(
        self, action: str, *, directive_id: int | None = None, unit_id: int | None = None, **details: Any
    ) -> None:
        add_audit(
            session=self.session,
            action=action,
            at=self.now,
            actor_person_id=self.actor.person_id,
            unit_id=unit_id,
            directive_id=directive_id,
            details={"channel": "web", **details},
        )

    def page(self, template: str, *, status_code: int = 200, **context: Any) -> HTMLResponse:
        return page(
            self.web.pages, template, self.t, status_code=status_code, actor=self.actor, csrf=self.csrf, **context
        )

    def check_csrf(self, given: object) -> None:
        if not csrf_ok(self.web.secret, "session", self.web_session.token_hash, given):
            raise CsrfRefused


def state_of(request: Request) -> WebState:
    return request.app.state.web


def desk(request: Request) -> Iterator[Desk]:
    """The signed-in staff member, re-checked against the database on every request."""
    web = state_of(request)
    with session_scope(web.engine) as session:
        now = web.clock.now()
        found = web_login.signed_in(session=session, token=request.cookies.get(COOKIE), now=now)
        if found is None:
            raise NotSignedIn
        lang = web_login.language_of(
            session=session, person_id=found.web_session.person_id, default=web.settings.default_language
        )
        yield Desk(request, web, session, found.actor, Translator(lang), now, found.web_session)

"""What every response and every form of the dashboard carries: security headers, a body size
limit, and CSRF tokens bound to the session."""

from __future__ import annotations

import hashlib
import hmac

from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: No inline script or style anywhere: the page's JavaScript is /static/app.js.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    # A login link is in the address bar once; it must not travel on to another site.
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """Adds HEADERS to every HTTP response (pages, files, errors)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in HEADERS if h[0] not in names]
            await send(message)

        await self.app(scope, receive, with_headers)


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    """Refuses a request body larger than ``limit`` bytes with 413, whether it announces its
    length or streams it, before a form parser buffers it."""

    def __init__(self, app: ASGIApp, limit: int, page: bytes = b"") -> None:
        self.app = app
        self.limit = limit
        #: The HTML page that says so, in the dashboard's default language (web/app.py).
        self.page = page

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > self.limit:
                await _too_large(send, self.page)
                return
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except BodyTooLarge:
            if not started:
                await _too_large(send, self.page)


async def _too_large(send: Send, page: bytes) -> None:
    body = page or "Tệp hoặc nội dung gửi lên quá lớn. / The upload is too large.".encode()
    kind = b"text/html; charset=utf-8" if page else b"text/plain; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


def csrf_token(secret: str, purpose: str, bound_to: str) -> str:
    """A token only this server can make, for one session (or one login link)."""
    return hmac.new(secret.encode(), f"{purpose}:{bound_to}".encode(), hashlib.sha256).hexdigest()


def csrf_ok(secret: str, purpose: str, bound_to: str, given: object) -> bool:
    return isinstance(given, str) and hmac.compare_digest(csrf_token(secret, purpose, bound_to), given)

"""The request handler both webhooks share (Telegram's in webhook mode, Zalo's receiver).

What it refuses, before the channel sees anything:

* a missing or wrong secret header: 403, compared in constant time (``hmac.compare_digest``);
* a body over the configured size (``WEBHOOK_MAX_BODY_BYTES``, default 1 MB): 413, decided
  from Content-Length before the body is read; a chunked body is counted as it arrives and
  nothing past the limit is kept;
* a body that is not JSON, or JSON the channel does not take for an update: 400.

Nothing a sender posts answers 500: a handler that fails on a body answers 400 and logs it.
The handler streams the body (``stream_request_body``), so an oversized request is refused by
this code and not by tornado's own limit, which would close the connection with a bare 400.
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import tornado.web

log = logging.getLogger(__name__)

#: Default for ``Settings.webhook_max_body_bytes``: one update is a few kilobytes.
DEFAULT_MAX_BODY = 1024 * 1024

#: What the channel does with a parsed body: returns False (or an awaitable of False) when the
#: body is not an update it takes (answered 400), True when it took it (answered 200).
Accept = Callable[[Any], "bool | Awaitable[bool]"]


class NotAnUpdate(ValueError):
    """The body parsed as JSON but is not an update of this channel."""


@tornado.web.stream_request_body
class JsonWebhookHandler(tornado.web.RequestHandler):
    """POST only. ``initialize`` takes the secret, its header, the size limit and ``accept``."""

    SUPPORTED_METHODS = ("POST",)

    def initialize(self, *, secret: str, header: str, max_body: int, accept: Accept, name: str) -> None:
        self.secret = secret.encode()
        self.header = header
        self.max_body = max_body
        self.accept = accept
        self.name = name
        self._chunks: list[bytes] = []
        self._size = 0
        self._too_big = False

    def set_default_headers(self) -> None:
        self.set_header("Content-Type", "application/json; charset=utf-8")

    def prepare(self) -> None:
        given = (self.request.headers.get(self.header) or "").encode()
        if not hmac.compare_digest(given, self.secret):
            log.warning("%s webhook post refused: wrong or missing %s", self.name, self.header)
            self._refuse(403, "forbidden")
            return
        declared = self.request.headers.get("Content-Length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            log.warning("%s webhook post refused: %s bytes over the limit of %d", self.name, declared, self.max_body)
            self._refuse(413, "request body too large")
            return

    def data_received(self, chunk: bytes) -> None:
        if self._too_big:
            return
        self._size += len(chunk)
        if self._size > self.max_body:
            self._too_big = True
            self._chunks = []
            return
        self._chunks.append(chunk)

    async def post(self) -> None:
        if self._finished:
            return
        if self._too_big:
            log.warning("%s webhook post refused: chunked body over the limit of %d", self.name, self.max_body)
            self._refuse(413, "request body too large")
            return
        body = b"".join(self._chunks)
        try:
            data = json.loads(body)
        except ValueError:  # UnicodeDecodeError and JSONDecodeError both are
            log.warning("%s webhook post is not JSON (%d bytes)", self.name, len(body))
            self._refuse(400, "body must be JSON")
            return
        try:
            taken = self.accept(data)
            if not isinstance(taken, bool):
                taken = await taken
        except NotAnUpdate as exc:
            log.warning("%s webhook post is not an update: %s", self.name, exc)
            taken = False
        except Exception:
            log.exception("%s webhook post could not be taken (%d bytes)", self.name, len(body))
            taken = False
        if not taken:
            self._refuse(400, "body is not an update")
            return
        self.finish({"ok": True})

    def _refuse(self, status: int, description: str) -> None:
        self.set_status(status)
        self.finish({"ok": False, "description": description})

    def log_exception(self, typ, value, tb) -> None:  # noqa: ANN001
        log.warning("%s webhook request failed: %r", self.name, value)


def webhook_route(
    path: str, *, secret: str, header: str, max_body: int, accept: Accept, name: str
) -> tuple[str, type[JsonWebhookHandler], dict[str, Any]]:
    """A tornado route for one webhook."""
    return (
        path,
        JsonWebhookHandler,
        {"secret": secret, "header": header, "max_body": max_body, "accept": accept, "name": name},
    )

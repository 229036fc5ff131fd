"""An in-process fake of the Zalo Bot API, served over real HTTP on 127.0.0.1.

chibot's Zalo channel talks to it exactly as it talks to ``bot-api.zaloplatforms.com``::

    async with FakeZaloApi() as server:
        settings = Settings(zalo_bot_token=server.token, zalo_api_base_url=server.url, ...)
        server.push_text(chat_id="u1", text="/start CODE")
        await server.wait_for("sendMessage")
        assert "Chào" in server.texts_to("u1")[-1]

Faithful to the shapes the documentation shows (docs/zalo.md): POST ``/bot<TOKEN>/<method>``
with a JSON body; every answer is ``{ok, result}`` or ``{ok: false, error_code,
description}``; getUpdates hands out ONE update per call (no offset) wrapped as
``{ok, result: update}``, or answers 408 after the poll wait; sendMessage takes 1 to 2,000
characters; sendPhoto takes a URL. Faults can be injected per method (408, 429, 5xx, a
timeout, a body that is not JSON, a garbled update), chats can be blocked (403) or unknown
(404), and every call is recorded so tests assert what the user would see.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import tornado.web
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets

DEFAULT_TOKEN = "1459232241454765289:fake-zalo-token_for-chibot"
BOT_INFO = {
    "id": "1459232241454765289",
    "account_name": "bot.chibot",
    "account_type": "BASIC",
    "can_join_groups": False,
}
MAX_TEXT = 2000
METHODS = (
    "getMe",
    "getUpdates",
    "setWebhook",
    "deleteWebhook",
    "getWebhookInfo",
    "sendMessage",
    "sendPhoto",
    "sendChatAction",
    "sendSticker",
)


class Call(NamedTuple):
    method: str
    params: dict[str, Any]
    status: int
    ok: bool


@dataclass
class Fault:
    """What the next call(s) of a method get instead of a normal answer."""

    kind: str  # "408" | "429" | "500" | "502" | "timeout" | "malformed" | "garbled_update"
    times: int = 1
    after: int = 0  # calls of the method answered normally before the fault starts


@dataclass
class _State:
    calls: list[Call] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    faults: dict[str, list[Fault]] = field(default_factory=lambda: defaultdict(list))


class FakeZaloApi:
    """``async with FakeZaloApi() as server`` or start()/stop()."""

    def __init__(self, token: str = DEFAULT_TOKEN, *, poll_wait: float = 0.3, timeout_hold: float = 2.0) -> None:
        self.token = token
        #: getUpdates holds at most this long (whatever ``timeout`` the bot asked), then 408.
        self.poll_wait = poll_wait
        #: An injected "timeout" holds the request this long (longer than the client waits).
        self.timeout_hold = timeout_hold
        self.port: int | None = None
        self._server: HTTPServer | None = None
        self._state = _State()
        self._message_ids = itertools.count(1)
        self._new_update = asyncio.Event()
        self._new_call = asyncio.Event()
        self.blocked: set[str] = set()
        self.unknown: set[str] = set()
        self.webhook: dict[str, Any] = {"url": "", "updated_at": 0}
        self.secret_token: str | None = None
        self._closing = False
        self.photos: dict[str, bytes] = {}
        #: getUpdates requests begun (a new one begun means the previous update was handed on).
        self.polls_started = 0

    # ------------------------------------------------------------------ lifecycle
    @property
    def url(self) -> str:
        if self.port is None:
            raise RuntimeError("FakeZaloApi is not started")
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> FakeZaloApi:
        app = tornado.web.Application(
            [
                (r"/bot([^/]+)/([A-Za-z]+)/?", _Handler, {"api": self}),
                (r"/photos/([^/]+)", _PhotoHandler, {"api": self}),
            ]
        )
        sockets = bind_sockets(0, "127.0.0.1")
        self.port = sockets[0].getsockname()[1]
        self._server = HTTPServer(app)
        self._server.add_sockets(sockets)
        return self

    async def stop(self) -> None:
        self._closing = True
        self._new_update.set()
        if self._server is not None:
            self._server.stop()
            await self._server.close_all_connections()
            self._server = None

    async def __aenter__(self) -> FakeZaloApi:
        return await self.start()

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    # ------------------------------------------------------------------ what users do
    def push_raw(self, update: Any) -> None:
        """Queue any update body (even a broken one) for the next getUpdates."""
        self._state.updates.append(update)
        self._new_update.set()

    def _message(self, chat_id: str, user_id: str | None, name: str, **fields: Any) -> dict[str, Any]:
        return {
            "message_id": f"msg{next(self._message_ids):06d}",
            "date": int(time.time() * 1000),
            "chat": {"id": chat_id, "chat_type": "PRIVATE"},
            "from": {"id": user_id or chat_id, "display_name": name, "is_bot": False},
            **fields,
        }

    def push_text(self, *, chat_id: str, text: str, user_id: str | None = None, name: str = "Bí thư") -> dict[str, Any]:
        update = {"event_name": "message.text.received", "message": self._message(chat_id, user_id, name, text=text)}
        self.push_raw(update)
        return update

    def push_image(
        self, *, chat_id: str, photo_url: str, caption: str | None = None, name: str = "Bí thư"
    ) -> dict[str, Any]:
        fields: dict[str, Any] = {"photo": photo_url}
        if caption is not None:
            fields["caption"] = caption
        update = {"event_name": "message.image.received", "message": self._message(chat_id, None, name, **fields)}
        self.push_raw(update)
        return update

    def push_sticker(self, *, chat_id: str, name: str = "Bí thư") -> dict[str, Any]:
        update = {
            "event_name": "message.sticker.received",
            "message": self._message(chat_id, None, name, sticker="0e078a2fb66a5f34067b", url="https://s/x.png"),
        }
        self.push_raw(update)
        return update

    def push_unsupported(self, *, chat_id: str, name: str = "Bí thư") -> dict[str, Any]:
        update = {"event_name": "message.unsupported.received", "message": self._message(chat_id, None, name)}
        self.push_raw(update)
        return update

    def host_photo(self, name: str, content: bytes) -> str:
        """A photo a user sent, stored where Zalo keeps it (its URL goes in the update)."""
        self.photos[name] = content
        return f"{self.url}/photos/{name}"

    def fail_next(self, method: str, kind: str, times: int = 1, *, after: int = 0) -> None:
        self._state.faults[method].append(Fault(kind, times, after))

    # ------------------------------------------------------------------ inspection
    @property
    def calls(self) -> list[Call]:
        return self._state.calls

    def calls_of(self, method: str, *, ok: bool | None = None, chat_id: str | None = None) -> list[Call]:
        return [
            c
            for c in self._state.calls
            if c.method == method
            and (ok is None or c.ok == ok)
            and (chat_id is None or str(c.params.get("chat_id")) == chat_id)
        ]

    def texts_to(self, chat_id: str) -> list[str]:
        """Every text the user of this chat received, in order (photo captions included)."""
        return [
            c.params.get("text") or c.params.get("caption") or ""
            for c in self._state.calls
            if c.ok and c.method in ("sendMessage", "sendPhoto") and str(c.params.get("chat_id")) == chat_id
        ]

    def photos_to(self, chat_id: str) -> list[str]:
        return [c.params["photo"] for c in self.calls_of("sendPhoto", ok=True, chat_id=chat_id)]

    @property
    def pending_updates(self) -> int:
        return len(self._state.updates)

    async def wait_for(
        self, method: str, count: int = 1, *, chat_id: str | None = None, timeout: float = 10.0, ok: bool | None = True
    ) -> list[Call]:
        """Wait until at least ``count`` calls of ``method`` (for that chat) were answered."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            found = self.calls_of(method, ok=ok, chat_id=chat_id)
            if len(found) >= count:
                return found
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                raise AssertionError(
                    f"{method} seen {len(found)} times, wanted {count}; calls: "
                    f"{[(c.method, c.status) for c in self._state.calls[-10:]]}"
                )
            self._new_call.clear()
            try:
                await asyncio.wait_for(self._new_call.wait(), timeout=min(left, 0.2))
            except TimeoutError:
                pass

    async def wait_idle(self, *, timeout: float = 10.0) -> None:
        """Wait until every queued update was taken and answered (the bot is quiet for a moment)."""
        deadline = asyncio.get_running_loop().time() + timeout
        while self._state.updates:
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(f"{len(self._state.updates)} updates never fetched")
            await asyncio.sleep(0.02)
        # The last update was taken: wait for the bot to stop talking.
        quiet_since = len(self._state.calls)
        while True:
            await asyncio.sleep(0.15)
            sends = [c for c in self._state.calls[quiet_since:] if c.method.startswith("send")]
            if not sends:
                return
            quiet_since = len(self._state.calls)
            if asyncio.get_running_loop().time() > deadline:
                return

    # ------------------------------------------------------------------ answering
    def _record(self, method: str, params: dict[str, Any], status: int, ok: bool) -> None:
        self._state.calls.append(Call(method, params, status, ok))
        self._new_call.set()

    def _take_fault(self, method: str) -> Fault | None:
        queue = self._state.faults.get(method)
        if not queue:
            return None
        fault = queue[0]
        if fault.after > 0:
            fault.after -= 1
            return None
        fault.times -= 1
        if fault.times <= 0:
            queue.pop(0)
        return fault

    async def answer(self, method: str, params: dict[str, Any]) -> tuple[int, Any]:
        if method == "getUpdates" and self._state.faults.get(method):
            self.polls_started += 1
        fault = self._take_fault(method)
        if fault is not None:
            return await self._fault(method, fault)
        if method == "getMe":
            return 200, _ok(BOT_INFO)
        if method == "getUpdates":
            return await self._get_updates(params)
        if method == "setWebhook":
            url, secret = params.get("url"), params.get("secret_token")
            if not isinstance(url, str) or not url.startswith("https://"):
                return 400, _error(400, "url must be an HTTPS URL")
            if not isinstance(secret, str) or not 8 <= len(secret) <= 256:
                return 400, _error(400, "secret_token must be 8 to 256 characters")
            self.webhook = {"url": url, "updated_at": int(time.time() * 1000)}
            self.secret_token = secret
            return 200, _ok(self.webhook)
        if method == "deleteWebhook":
            self.webhook = {"url": "", "updated_at": int(time.time() * 1000)}
            self.secret_token = None
            return 200, _ok(self.webhook)
        if method == "getWebhookInfo":
            return 200, _ok(self.webhook)
        if method in ("sendMessage", "sendPhoto", "sendChatAction", "sendSticker"):
            return self._send(method, params)
        return 404, _error(404, f"method {method} not found")

    async def _fault(self, method: str, fault: Fault) -> tuple[int, Any]:
        if fault.kind == "timeout":
            await asyncio.sleep(self.timeout_hold)
            return 200, _ok({})
        if fault.kind == "malformed":
            return 200, "<html>Bad gateway</html>"
        if fault.kind == "garbled_update":
            return 200, _ok({"event_name": "message.text.received", "message": "not an object"})
        code = int(fault.kind)
        descriptions = {
            408: "Request timeout",
            429: "Too many requests",
            500: "Internal server error",
            502: "Bad gateway",
            503: "Service unavailable",
        }
        return code, _error(code, descriptions.get(code, "error"))

    async def _get_updates(self, params: dict[str, Any]) -> tuple[int, Any]:
        self.polls_started += 1
        if self.webhook.get("url"):
            return 400, _error(400, "getUpdates is not available while a webhook is set")
        try:
            asked = float(params.get("timeout", 30))
        except (TypeError, ValueError):
            asked = 30.0
        deadline = asyncio.get_running_loop().time() + min(asked, self.poll_wait)
        while not self._state.updates and not self._closing:
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                break
            self._new_update.clear()
            try:
                await asyncio.wait_for(self._new_update.wait(), timeout=left)
            except TimeoutError:
                break
        if not self._state.updates:
            return 408, _error(408, "Request timeout")
        return 200, _ok(self._state.updates.pop(0))

    def _send(self, method: str, params: dict[str, Any]) -> tuple[int, Any]:
        chat_id = params.get("chat_id")
        if not isinstance(chat_id, str) or not chat_id:
            return 400, _error(400, "chat_id is required")
        if chat_id in self.blocked:
            return 403, _error(403, "The user has blocked the bot")
        if chat_id in self.unknown:
            return 404, _error(404, "Chat not found")
        if method == "sendMessage":
            text = params.get("text")
            if not isinstance(text, str) or not 1 <= len(text) <= MAX_TEXT:
                return 400, _error(400, f"text must be 1 to {MAX_TEXT} characters")
        if method == "sendPhoto":
            photo, caption = params.get("photo"), params.get("caption")
            if not isinstance(photo, str) or not photo.startswith(("http://", "https://")):
                return 400, _error(400, "photo must be a URL")
            if caption is not None and (not isinstance(caption, str) or len(caption) > MAX_TEXT):
                return 400, _error(400, f"caption must be at most {MAX_TEXT} characters")
        if method == "sendChatAction":
            if params.get("action") not in ("typing", "upload_photo"):
                return 400, _error(400, "unknown action")
            return 200, {"ok": True}
        return 200, _ok({"message_id": f"out{next(self._message_ids):06d}", "date": int(time.time() * 1000)})


def _ok(result: Any) -> dict[str, Any]:
    return {"ok": True, "result": result}


def _error(code: int, description: str) -> dict[str, Any]:
    return {"ok": False, "error_code": code, "description": description}


class _Handler(tornado.web.RequestHandler):
    def initialize(self, api: FakeZaloApi) -> None:
        self.api = api

    async def post(self, token: str, method: str) -> None:
        await self._handle(token, method)

    async def get(self, token: str, method: str) -> None:
        await self._handle(token, method)

    async def _handle(self, token: str, method: str) -> None:
        try:
            params = json.loads(self.request.body or b"{}")
        except ValueError:
            params = None
        if not isinstance(params, dict):
            self.api._record(method, {}, 400, False)
            return self._write(400, _error(400, "body must be a JSON object"))
        if token != self.api.token:
            self.api._record(method, params, 401, False)
            return self._write(401, _error(401, "Unauthorized"))
        status, body = await self.api.answer(method, params)
        ok = isinstance(body, dict) and body.get("ok") is True
        self.api._record(method, params, status, ok)
        self._write(status, body)

    def _write(self, status: int, body: Any) -> None:
        self.set_status(status)
        if isinstance(body, str):
            self.set_header("Content-Type", "text/html")
            self.finish(body)
        else:
            self.set_header("Content-Type", "application/json")
            self.finish(json.dumps(body, ensure_ascii=False))


class _PhotoHandler(tornado.web.RequestHandler):
    def initialize(self, api: FakeZaloApi) -> None:
        self.api = api

    def get(self, name: str) -> None:
        content = self.api.photos.get(name)
        if content is None:
            self.set_status(404)
            self.finish("not found")
            return
        self.set_header("Content-Type", "image/jpeg")
        self.finish(content)

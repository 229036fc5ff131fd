"""An in-process fake of the Telegram Bot API, served over real HTTP on 127.0.0.1.

python-telegram-bot's real ``Application`` talks to it exactly as it talks to Telegram::

    async with FakeBotApi() as server:
        app = ApplicationBuilder().token(server.token) \
            .base_url(f"{server.url}/bot").base_file_url(f"{server.url}/file/bot").build()
        server.push_message(chat_id=42, user_id=42, text="hi")
        await server.wait_for("sendMessage")

It runs on the test's own event loop (tornado), keeps Telegram's observable behaviour where a
bot could trip over it (HTML parse errors, length limits, "message is not modified", long
polling with ``offset``, 403 for blocked chats, 429 with ``retry_after``) and records every
call so tests assert what the user would see.
"""

from __future__ import annotations

import asyncio
import html
import itertools
import json
import re
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import httpx
import tornado.web
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets

DEFAULT_TOKEN = "123456789:TEST-fake-token_for-chibot"
BOT_USER = {
    "id": 123456789,
    "is_bot": True,
    "first_name": "Chibot Test",
    "username": "chibot_test_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64
MAX_GET_FILE_BYTES = 20 * 1024 * 1024

# Parameters that are plain strings in the Bot API: never JSON-decode them (a text "123" or
# "true" must stay a string).
_STRING_PARAMS = {
    "text",
    "caption",
    "parse_mode",
    "callback_query_id",
    "inline_message_id",
    "url",
    "secret_token",
    "file_id",
    "action",
    "language_code",
    "ip_address",
    "description",
    "short_description",
    "name",
    "business_connection_id",
    "message_effect_id",
}

_METHODS = [
    "getMe",
    "getUpdates",
    "deleteWebhook",
    "setWebhook",
    "getWebhookInfo",
    "sendMessage",
    "editMessageText",
    "editMessageReplyMarkup",
    "answerCallbackQuery",
    "sendDocument",
    "sendPhoto",
    "sendChatAction",
    "setMyCommands",
    "deleteMyCommands",
    "getMyCommands",
    "getFile",
    "close",
    "logOut",
]
_CANONICAL = {m.lower(): m for m in _METHODS}

_HTML_TAGS = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "span",
    "tg-spoiler",
    "a",
    "code",
    "pre",
    "blockquote",
    "tg-emoji",
}
_TAG_RE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*)?>")
_ENTITY_RE = re.compile(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")


class ApiError(Exception):
    """An error answer of the fake API (status code, description, optional parameters)."""

    def __init__(self, status: int, description: str, parameters: dict[str, Any] | None = None):
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters


@dataclass(frozen=True)
class UploadedFile:
    file_name: str
    content: bytes
    mime_type: str


class Call(NamedTuple):
    """One request the bot made: method, decoded params, uploaded files, answered HTTP status."""

    method: str
    params: dict[str, Any]
    files: dict[str, UploadedFile]
    status: int = 200


@dataclass
class _StoredFile:
    file_id: str
    file_unique_id: str
    file_path: str
    content: bytes
    file_name: str | None = None
    mime_type: str | None = None


@dataclass
class _Pending:
    update: dict[str, Any]
    delivered: bool = False


@dataclass
class _Failure:
    times: int
    status: int
    description: str
    parameters: dict[str, Any] | None = None


@dataclass
class _State:
    calls: list[Call] = field(default_factory=list)
    messages: dict[tuple[int, int], dict[str, Any]] = field(default_factory=dict)
    message_ids: dict[int, int] = field(default_factory=lambda: defaultdict(int))


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse_html(text: str) -> str:
    """Check Telegram-HTML like the Bot API does and return the visible text.

    Raises ApiError(400, "Bad Request: can't parse entities: ...") for a stray ``<``/``&`` or an
    unsupported tag, which is what Telegram answers when a bot forgets to escape user text.
    """
    out: list[str] = []
    stack: list[str] = []
    pos = 0
    while pos < len(text):
        ch = text[pos]
        if ch == "<":
            m = _TAG_RE.match(text, pos)
            if not m or m.group(2).lower() not in _HTML_TAGS:
                raise ApiError(
                    400,
                    "Bad Request: can't parse entities: Unsupported start tag "
                    f'"{text[pos + 1 : pos + 10]}" at byte offset {len(text[:pos].encode())}',
                )
            closing, tag = m.group(1), m.group(2).lower()
            if closing:
                if not stack or stack[-1] != tag:
                    raise ApiError(
                        400,
                        f"Bad Request: can't parse entities: Unmatched end tag at byte offset "
                        f'{len(text[:pos].encode())}, expected "</{stack[-1] if stack else ""}>", '
                        f'found "</{tag}>"',
                    )
                stack.pop()
            else:
                stack.append(tag)
            pos = m.end()
        elif ch == "&":
            m = _ENTITY_RE.match(text, pos)
            if not m:
                raise ApiError(
                    400,
                    "Bad Request: can't parse entities: Character '&' is reserved and must be "
                    "escaped with the preceding '\\'",
                )
            out.append(html.unescape(m.group(0)))
            pos = m.end()
        elif ch == ">":
            # Telegram tolerates a bare '>' but the docs require escaping; accept it.
            out.append(ch)
            pos += 1
        else:
            out.append(ch)
            pos += 1
    if stack:
        raise ApiError(
            400, f"Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"{stack[-1]}\""
        )
    return "".join(out)


class FakeBotApi:
    """The fake Bot API server. Use ``async with FakeBotApi() as server`` or start()/stop()."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        max_poll_wait: float = 1.0,
        max_send_rate: float | None = None,
        first_update_id: int = 1,
    ) -> None:
        self.token = token
        #: When set, Telegram's overall flood limit: more than this many send*/edit* calls in
        #: the last second answer 429 with retry_after=1 (the benchmark's 30 msg/s).
        self.max_send_rate = max_send_rate
        self._recent_sends: list[float] = []
        #: Long polls never hold longer than this, whatever ``timeout`` the bot asked for, so a
        #: test (and a bot shutting down) is never stuck behind a poll.
        self.max_poll_wait = max_poll_wait
        self.port: int | None = None
        self._server: HTTPServer | None = None
        self._state = _State()
        #: A test that registered people through the core first starts past their update ids.
        self._update_ids = itertools.count(first_update_id)
        self._callback_ids = itertools.count(1)
        self._file_ids = itertools.count(1)
        self._pending: list[_Pending] = []
        self._redeliver: list[dict[str, Any]] = []
        self._delivered: dict[int, dict[str, Any]] = {}
        self._new_updates = asyncio.Event()
        self._new_call = asyncio.Event()
        self._closing = False
        #: Number of getUpdates requests currently held open (long polling).
        self.waiting_polls = 0
        self._blocked: set[int] = set()
        self._rate_limited = 0
        self._retry_after = 1
        self._failures: dict[str, list[_Failure]] = defaultdict(list)
        self._files: dict[str, _StoredFile] = {}
        self._files_by_path: dict[str, _StoredFile] = {}
        self._answered_callbacks: set[str] = set()
        self._open_callbacks: set[str] = set()
        self.webhook: dict[str, Any] = {}
        #: Current command menus: key "default" or f"chat:{chat_id}" -> list of (command, description).
        self.commands: dict[str, list[tuple[str, str]]] = {}
        #: Latency of every send* call, in seconds: the message is delivered (recorded) only after
        #: it, also when the bot hung up meanwhile, as Telegram delivers a request it received.
        self.send_delay = 0.0
        #: send* requests received and not yet carried out (in flight).
        self.in_flight = 0
        self._stalls: list[list[float]] = []  # [times, seconds]
        self._garbage = 0
        self._hang_ups = 0
        #: send* requests read and then hung up on, unanswered (nothing delivered).
        self.hung_up = 0

    # ------------------------------------------------------------------ lifecycle

    @property
    def url(self) -> str:
        if self.port is None:
            raise RuntimeError("FakeBotApi is not started")
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        """What to pass to ApplicationBuilder.base_url()."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        """What to pass to ApplicationBuilder.base_file_url()."""
        return f"{self.url}/file/bot"

    async def start(self) -> FakeBotApi:
        app = tornado.web.Application(
            [
                (r"/bot([^/]+)/([A-Za-z]+)/?", _ApiHandler, {"api": self}),
                (r"/file/bot([^/]+)/(.+)", _FileHandler, {"api": self}),
            ]
        )
        sockets = bind_sockets(0, "127.0.0.1")
        self.port = sockets[0].getsockname()[1]
        self._server = _CountingServer(app)
        self._server.add_sockets(sockets)
        self._closing = False
        return self

    @property
    def connections(self) -> int:
        """TCP connections the server has accepted so far (a keep-alive client opens few)."""
        server = self._server
        return server.accepted if isinstance(server, _CountingServer) else 0

    async def stop(self) -> None:
        self._closing = True
        self._wake_pollers()
        if self._server is not None:
            self._server.stop()
            await self._server.close_all_connections()
            self._server = None

    async def __aenter__(self) -> FakeBotApi:
        return await self.start()

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    # ------------------------------------------------------------------ inspection

    @property
    def calls(self) -> list[Call]:
        return self._state.calls

    def calls_of(self, method: str, *, chat_id: int | str | None = None, ok: bool | None = None) -> list[Call]:
        """Calls of one method, optionally for one chat and only successful (ok=True) or failed."""
        method = _CANONICAL.get(method.lower(), method)
        return [c for c in self._state.calls if _matches(c, method, chat_id, ok)]

    def sent_texts(self, chat_id: int | str | None = None) -> list[str]:
        """The ``text`` of every successful sendMessage, as sent (HTML-escaped), in order."""
        return [c.params.get("text", "") for c in self.calls_of("sendMessage", chat_id=chat_id, ok=True)]

    def chat_messages(self, chat_id: int) -> list[dict[str, Any]]:
        """The bot's messages in a chat as the user now sees them (edits applied), oldest first."""
        return [
            m
            for (cid, _), m in sorted(self._state.messages.items())
            if cid == chat_id and m.get("from", {}).get("is_bot")
        ]

    def message(self, chat_id: int, message_id: int) -> dict[str, Any] | None:
        return self._state.messages.get((chat_id, message_id))

    def mark(self) -> int:
        """Index into ``calls`` to pass as ``since=`` so a wait only counts later calls."""
        return len(self._state.calls)

    async def wait_for(
        self,
        method: str,
        count: int = 1,
        timeout: float = 5,
        *,
        chat_id: int | str | None = None,
        since: int = 0,
        ok: bool | None = None,
        where: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """Wait until at least ``count`` matching calls were made; return the matching calls."""
        method = _CANONICAL.get(method.lower(), method)

        def matching() -> list[Call]:
            return [
                c for c in self._state.calls[since:] if _matches(c, method, chat_id, ok) and (where is None or where(c))
            ]

        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            found = matching()
            if len(found) >= count:
                return found
            remaining = deadline - loop.time()
            if remaining <= 0:
                seen = [(c.method, c.status) for c in self._state.calls if c.method != "getUpdates"]
                raise AssertionError(
                    f"timed out after {timeout}s waiting for {count} x {method} "
                    f"(chat_id={chat_id}); got {len(found)}. Calls so far: {seen}"
                )
            event = self._new_call
            try:
                await asyncio.wait_for(event.wait(), remaining)
            except TimeoutError:
                pass

    # ------------------------------------------------------------------ user actions

    def _user(self, user_id: int, first_name: str, language_code: str | None) -> dict[str, Any]:
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
        if language_code:
            user["language_code"] = language_code
        return user

    @staticmethod
    def _chat(chat_id: int, first_name: str = "") -> dict[str, Any]:
        if chat_id > 0:
            return {"id": chat_id, "type": "private", "first_name": first_name or "User"}
        if chat_id < -1_000_000_000_000:
            return {"id": chat_id, "type": "supergroup", "title": "Test group"}
        return {"id": chat_id, "type": "group", "title": "Test group"}

    def _next_message_id(self, chat_id: int) -> int:
        self._state.message_ids[chat_id] += 1
        return self._state.message_ids[chat_id]

    def add_file(
        self, content: bytes, *, file_name: str | None = None, mime_type: str | None = None, kind: str = "documents"
    ) -> dict[str, Any]:
        """Register a file the bot can fetch with getFile; returns its Bot API description."""
        n = next(self._file_ids)
        ext = ""
        if file_name and "." in file_name:
            ext = file_name[file_name.rfind(".") :]
        elif kind == "photos":
            ext = ".jpg"
        stored = _StoredFile(
            file_id=f"FILE-{n}-{'x' * 8}",
            file_unique_id=f"U{n}",
            file_path=f"{kind}/file_{n}{ext}",
            content=content,
            file_name=file_name,
            mime_type=mime_type,
        )
        self._files[stored.file_id] = stored
        self._files_by_path[stored.file_path] = stored
        info: dict[str, Any] = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(content),
        }
        if file_name:
            info["file_name"] = file_name
        if mime_type:
            info["mime_type"] = mime_type
        return info

    def message_update(
        self,
        chat_id: int,
        user_id: int,
        text: str | None = None,
        *,
        first_name: str = "Lan",
        language_code: str | None = "vi",
        document: tuple[str, bytes, str] | None = None,
        photo: bytes | None = None,
        sticker: str | None = None,
    ) -> dict[str, Any]:
        """Build (without queueing) an Update for a user message; allocates ids."""
        message: dict[str, Any] = {
            "message_id": self._next_message_id(chat_id),
            "from": self._user(user_id, first_name, language_code),
            "chat": self._chat(chat_id, first_name),
            "date": int(time.time()),
        }
        has_media = document is not None or photo is not None
        if document is not None:
            name, content, mime = document
            message["document"] = self.add_file(content, file_name=name, mime_type=mime)
        if photo is not None:
            info = self.add_file(photo, kind="photos")
            small = dict(
                info,
                file_id=info["file_id"] + "-s",
                file_unique_id=info["file_unique_id"] + "s",
                width=90,
                height=90,
                file_size=max(1, len(photo) // 10),
            )
            # Only the big size can be downloaded here; enough for a bot that takes the largest.
            message["photo"] = [small, dict(info, width=1280, height=960)]
        if sticker is not None:
            info = self.add_file(b"RIFF-sticker", kind="stickers")
            message["sticker"] = dict(
                info, width=512, height=512, is_animated=False, is_video=False, type="regular", emoji=sticker
            )
        if text is not None:
            if has_media:
                message["caption"] = text
            else:
                message["text"] = text
                if text.startswith("/"):
                    command = text.split()[0]
                    message["entities"] = [{"type": "bot_command", "offset": 0, "length": _utf16_len(command)}]
        self._state.messages[(chat_id, message["message_id"])] = message
        return {"update_id": next(self._update_ids), "message": message}

    def callback_update(
        self,
        chat_id: int,
        user_id: int,
        data: str,
        message_id: int,
        *,
        first_name: str = "Lan",
        language_code: str | None = "vi",
    ) -> dict[str, Any]:
        """Build (without queueing) an Update for a button press on ``message_id``."""
        message = self._state.messages.get((chat_id, message_id)) or {
            "message_id": message_id,
            "from": BOT_USER,
            "chat": self._chat(chat_id, first_name),
            "date": int(time.time()),
            "text": "…",
        }
        query_id = f"{next(self._callback_ids)}{chat_id}".replace("-", "")
        self._open_callbacks.add(query_id)
        return {
            "update_id": next(self._update_ids),
            "callback_query": {
                "id": query_id,
                "from": self._user(user_id, first_name, language_code),
                "message": message,
                "chat_instance": f"ci{chat_id}",
                "data": data,
            },
        }

    def push_message(self, chat_id: int, user_id: int, text: str | None = None, **kwargs: Any) -> dict[str, Any]:
        """Queue a user's message for getUpdates; returns the Update dict."""
        return self.push_raw(self.message_update(chat_id, user_id, text, **kwargs))

    def push_callback(self, chat_id: int, user_id: int, data: str, message_id: int, **kwargs: Any) -> dict[str, Any]:
        """Queue a button press on the bot's message ``message_id``; returns the Update dict."""
        return self.push_raw(self.callback_update(chat_id, user_id, data, message_id, **kwargs))

    def push_raw(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue any Update dict (an update_id is assigned when missing)."""
        if "update_id" not in update:
            update = {"update_id": next(self._update_ids), **update}
        self._pending.append(_Pending(update))
        self._wake_pollers()
        return update

    def repeat_update(self, update_id: int) -> None:
        """Deliver an already delivered update again, as Telegram does after a bot crash."""
        update = self._delivered.get(update_id) or next(
            (p.update for p in self._pending if p.update["update_id"] == update_id), None
        )
        if update is None:
            raise KeyError(f"no update {update_id} was queued")
        self._redeliver.append(update)
        self._wake_pollers()

    @property
    def pending_updates(self) -> int:
        return len(self._pending) + len(self._redeliver)

    async def post_webhook(
        self, url: str, update: dict[str, Any], secret_token: str | None = None, *, timeout: float = 5
    ) -> httpx.Response:
        """POST an Update to the bot's webhook like Telegram does; returns the HTTP response."""
        headers = {"Content-Type": "application/json"}
        if secret_token is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret_token
        async with httpx.AsyncClient(trust_env=False, timeout=timeout) as client:
            return await client.post(url, content=json.dumps(update).encode(), headers=headers)

    # ------------------------------------------------------------------ failure injection

    def block_chat(self, chat_id: int) -> None:
        """From now on, anything sent to this chat answers 403 (the user blocked the bot)."""
        self._blocked.add(int(chat_id))

    def unblock_chat(self, chat_id: int) -> None:
        self._blocked.discard(int(chat_id))

    def rate_limit_next(self, n: int, retry_after: int = 1) -> None:
        """The next ``n`` send* calls answer 429 Too Many Requests with ``retry_after``."""
        self._rate_limited += n
        self._retry_after = retry_after

    def stall_next(self, n: int, seconds: float) -> None:
        """The next ``n`` send* calls hang ``seconds`` before failing with 504 (a bot whose read
        timeout is shorter sees a timeout; nothing is delivered)."""
        self._stalls.append([n, seconds])

    def garbage_next(self, n: int) -> None:
        """The next ``n`` send* calls answer 200 with a body that is not JSON (nothing delivered)."""
        self._garbage += n

    def hang_up_next(self, n: int) -> None:
        """The next ``n`` send* calls are read and then the connection is closed without an
        answer (a server or proxy dropping a keep-alive connection; nothing delivered)."""
        self._hang_ups += n

    def fail_method(self, method: str, times: int = 1, *, status: int = 400, description: str | None = None) -> None:
        """The next ``times`` calls of ``method`` fail with ``status`` (400 or 500)."""
        method = _CANONICAL.get(method.lower(), method)
        if description is None:
            description = "Bad Request: injected failure" if status == 400 else "Internal Server Error"
        self._failures[method].append(_Failure(times, status, description))

    # ------------------------------------------------------------------ request handling

    def _wake_pollers(self) -> None:
        event, self._new_updates = self._new_updates, asyncio.Event()
        event.set()

    def _record(self, call: Call) -> None:
        self._state.calls.append(call)
        self._notify()

    def _notify(self) -> None:
        event, self._new_call = self._new_call, asyncio.Event()
        event.set()

    async def wait_for_poll(self, timeout: float = 5) -> None:
        """Wait until the bot holds a long poll open (so a pushed update must wake it)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not self.waiting_polls:
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise AssertionError(f"no long poll started within {timeout}s")
            event = self._new_call
            try:
                await asyncio.wait_for(event.wait(), remaining)
            except TimeoutError:
                pass

    async def handle(
        self, token: str, method_name: str, params: dict[str, Any], files: dict[str, UploadedFile]
    ) -> tuple[int, dict[str, Any]]:
        method = _CANONICAL.get(method_name.lower(), method_name)
        try:
            if token != self.token:
                raise ApiError(401, "Unauthorized")
            result = await self._dispatch(method, params, files)
        except ApiError as exc:
            body: dict[str, Any] = {"ok": False, "error_code": exc.status, "description": exc.description}
            if exc.parameters:
                body["parameters"] = exc.parameters
            self._record(Call(method, params, files, exc.status))
            return exc.status, body
        self._record(Call(method, params, files, 200))
        return 200, {"ok": True, "result": result}

    def _check_injected(self, method: str, params: dict[str, Any]) -> None:
        failures = self._failures.get(method)
        if failures:
            failure = failures[0]
            failure.times -= 1
            if failure.times <= 0:
                failures.pop(0)
            raise ApiError(failure.status, failure.description, failure.parameters)
        chat_id = params.get("chat_id")
        if chat_id is not None and _as_int(chat_id) in self._blocked and method != "getChat":
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if self.max_send_rate is not None and method.startswith(("send", "edit")):
            now = time.monotonic()
            self._recent_sends = [t for t in self._recent_sends if now - t < 1.0]
            if len(self._recent_sends) >= self.max_send_rate:
                raise ApiError(429, "Too Many Requests: retry after 1", {"retry_after": 1})
            self._recent_sends.append(now)
        if method.startswith("send") and self._rate_limited > 0:
            self._rate_limited -= 1
            raise ApiError(
                429,
                f"Too Many Requests: retry after {self._retry_after}",
                {"retry_after": self._retry_after},
            )

    async def _dispatch(self, method: str, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        if method not in _CANONICAL.values():
            raise ApiError(404, "Not Found: method not found")
        if method.startswith("send") and self._stalls:
            stall = self._stalls[0]
            stall[0] -= 1
            if stall[0] <= 0:
                self._stalls.pop(0)
            await asyncio.sleep(stall[1])
            raise ApiError(504, "Gateway Timeout")
        if method.startswith("send") and self.send_delay:
            self.in_flight += 1
            try:
                await asyncio.sleep(self.send_delay)
            finally:
                self.in_flight -= 1
        self._check_injected(method, params)
        handler = getattr(self, f"_m_{method}")
        result = handler(params, files)
        if asyncio.iscoroutine(result):
            result = await result
        return result

    # --- methods

    def _m_getMe(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        return BOT_USER

    async def _m_getUpdates(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        if self.webhook.get("url"):
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the "
                "webhook first",
            )
        offset = _as_int(params.get("offset") or 0)
        limit = _as_int(params.get("limit") or 100)
        timeout = float(params.get("timeout") or 0)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + min(timeout, self.max_poll_wait)
        while True:
            if offset:
                # Updates below offset are confirmed: Telegram forgets them.
                self._pending = [p for p in self._pending if p.update["update_id"] >= offset]
            batch = self._redeliver[:limit]
            del self._redeliver[: len(batch)]
            for pending in self._pending:
                if len(batch) >= limit:
                    break
                batch.append(pending.update)
                pending.delivered = True
            if batch:
                for update in batch:
                    self._delivered[update["update_id"]] = update
                return batch
            remaining = deadline - loop.time()
            if remaining <= 0 or self._closing:
                return []
            event = self._new_updates
            self.waiting_polls += 1
            self._notify()
            try:
                await asyncio.wait_for(event.wait(), remaining)
            except TimeoutError:
                return []
            finally:
                self.waiting_polls -= 1

    def _m_deleteWebhook(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        self.webhook = {}
        if params.get("drop_pending_updates"):
            self._pending.clear()
        return True

    def _m_setWebhook(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        url = params.get("url") or ""
        if url and not url.startswith("https://") and not url.startswith("http://"):
            raise ApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
        secret = params.get("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", str(secret)):
            raise ApiError(400, "Bad Request: secret token contains unallowed characters")
        self.webhook = {k: v for k, v in params.items()}
        if params.get("drop_pending_updates"):
            self._pending.clear()
        return True

    def _m_getWebhookInfo(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        return {
            "url": self.webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self._pending),
            "max_connections": self.webhook.get("max_connections", 40),
        }

    def _check_markup(self, params: dict[str, Any]) -> dict[str, Any] | None:
        markup = params.get("reply_markup")
        if markup in (None, ""):
            return None
        if not isinstance(markup, dict):
            raise ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object")
        for row in markup.get("inline_keyboard", []):
            for button in row:
                data = button.get("callback_data")
                if data is not None and not (1 <= len(str(data).encode()) <= MAX_CALLBACK_DATA):
                    raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
                if not button.get("text"):
                    raise ApiError(400, "Bad Request: text buttons are unallowed in the inline keyboard")
        return markup

    def _visible(self, text: str, parse_mode: str | None) -> str:
        if parse_mode and parse_mode.upper() == "HTML":
            return parse_html(text)
        return text

    def _new_bot_message(self, chat_id: int, **content: Any) -> dict[str, Any]:
        message = {
            "message_id": self._next_message_id(chat_id),
            "from": BOT_USER,
            "chat": self._chat(chat_id),
            "date": int(time.time()),
            **{k: v for k, v in content.items() if v is not None},
        }
        self._state.messages[(chat_id, message["message_id"])] = message
        return message

    def _m_sendMessage(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        chat_id = _require_chat(params)
        text = params.get("text")
        if text is None or not str(text).strip():
            raise ApiError(400, "Bad Request: message text is empty")
        visible = self._visible(str(text), params.get("parse_mode"))
        if not visible.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if _utf16_len(visible) > MAX_TEXT:
            raise ApiError(400, "Bad Request: message is too long")
        markup = self._check_markup(params)
        return self._new_bot_message(chat_id, text=visible, reply_markup=markup)

    def _existing_bot_message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = _require_chat(params)
        message_id = _as_int(params.get("message_id"))
        message = self._state.messages.get((chat_id, message_id))
        if message is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        if not message.get("from", {}).get("is_bot"):
            raise ApiError(400, "Bad Request: message can't be edited")
        return message

    def _m_editMessageText(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        message = self._existing_bot_message(params)
        if "text" not in message:
            raise ApiError(400, "Bad Request: there is no text in the message to edit")
        text = params.get("text")
        if text is None or not str(text).strip():
            raise ApiError(400, "Bad Request: message text is empty")
        visible = self._visible(str(text), params.get("parse_mode"))
        if _utf16_len(visible) > MAX_TEXT:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        markup = self._check_markup(params)
        if visible == message.get("text") and markup == message.get("reply_markup"):
            raise ApiError(
                400,
                "Bad Request: message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup of the message",
            )
        message["text"] = visible
        message["edit_date"] = int(time.time())
        if markup is None:
            message.pop("reply_markup", None)
        else:
            message["reply_markup"] = markup
        return message

    def _m_editMessageReplyMarkup(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        message = self._existing_bot_message(params)
        markup = self._check_markup(params)
        if markup == message.get("reply_markup") or (
            markup in (None, {"inline_keyboard": []}) and not message.get("reply_markup")
        ):
            raise ApiError(
                400,
                "Bad Request: message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup of the message",
            )
        if markup is None:
            message.pop("reply_markup", None)
        else:
            message["reply_markup"] = markup
        message["edit_date"] = int(time.time())
        return message

    def _m_answerCallbackQuery(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        query_id = str(params.get("callback_query_id") or "")
        if query_id not in self._open_callbacks or query_id in self._answered_callbacks:
            raise ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid")
        self._answered_callbacks.add(query_id)
        return True

    def _caption(self, params: dict[str, Any]) -> str | None:
        caption = params.get("caption")
        if caption is None:
            return None
        visible = self._visible(str(caption), params.get("parse_mode"))
        if _utf16_len(visible) > MAX_CAPTION:
            raise ApiError(400, "Bad Request: message caption is too long")
        return visible

    def _upload(
        self, field_name: str, params: dict[str, Any], files: dict[str, UploadedFile], kind: str
    ) -> tuple[dict[str, Any], bytes]:
        value = params.get(field_name)
        upload = files.get(field_name)
        if upload is None and isinstance(value, str) and value.startswith("attach://"):
            upload = files.get(value[len("attach://") :])
        if upload is not None:
            info = self.add_file(upload.content, file_name=upload.file_name, mime_type=upload.mime_type, kind=kind)
            return info, upload.content
        if isinstance(value, str) and value in self._files:
            stored = self._files[value]
            return {
                "file_id": stored.file_id,
                "file_unique_id": stored.file_unique_id,
                "file_size": len(stored.content),
            }, stored.content
        raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")

    def _m_sendDocument(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        chat_id = _require_chat(params)
        info, _ = self._upload("document", params, files, "documents")
        caption = self._caption(params)
        markup = self._check_markup(params)
        return self._new_bot_message(chat_id, document=info, caption=caption, reply_markup=markup)

    def _m_sendPhoto(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        chat_id = _require_chat(params)
        info, _ = self._upload("photo", params, files, "photos")
        info.pop("file_name", None)
        info.pop("mime_type", None)
        caption = self._caption(params)
        markup = self._check_markup(params)
        return self._new_bot_message(
            chat_id, photo=[dict(info, width=1280, height=960)], caption=caption, reply_markup=markup
        )

    def _m_sendChatAction(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        _require_chat(params)
        return True

    @staticmethod
    def _scope_key(params: dict[str, Any]) -> str:
        scope = params.get("scope") or {"type": "default"}
        if scope.get("type") in ("chat", "chat_administrators", "chat_member"):
            return f"{scope['type']}:{scope.get('chat_id')}"
        return str(scope.get("type", "default"))

    def _m_setMyCommands(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise ApiError(400, "Bad Request: can't parse commands JSON object")
        for command in commands:
            name = str(command.get("command", ""))
            if not re.fullmatch(r"[a-z0-9_]{1,32}", name):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not (1 <= len(str(command.get("description", ""))) <= 256):
                raise ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[self._scope_key(params)] = [(c["command"], c["description"]) for c in commands]
        return True

    def _m_deleteMyCommands(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        self.commands.pop(self._scope_key(params), None)
        return True

    def _m_getMyCommands(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        return [{"command": c, "description": d} for c, d in self.commands.get(self._scope_key(params), [])]

    def _m_getFile(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        stored = self._files.get(str(params.get("file_id")))
        if stored is None:
            raise ApiError(400, "Bad Request: invalid file_id")
        if len(stored.content) > MAX_GET_FILE_BYTES:
            raise ApiError(400, "Bad Request: file is too big")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.content),
            "file_path": stored.file_path,
        }

    def _m_close(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        return True

    def _m_logOut(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        return True

    def file_content(self, token: str, path: str) -> bytes | None:
        if token != self.token:
            return None
        stored = self._files_by_path.get(path)
        return stored.content if stored else None


def _matches(call: Call, method: str, chat_id: int | str | None, ok: bool | None) -> bool:
    if call.method != method:
        return False
    if chat_id is not None and str(call.params.get("chat_id")) != str(chat_id):
        return False
    return ok is None or (call.status == 200) == ok


def _as_int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _require_chat(params: dict[str, Any]) -> int:
    chat_id = params.get("chat_id")
    if chat_id in (None, ""):
        raise ApiError(400, "Bad Request: chat_id is empty")
    try:
        return int(chat_id)
    except (TypeError, ValueError):
        raise ApiError(400, "Bad Request: chat not found") from None


def _decode_value(name: str, raw: str) -> Any:
    if name in _STRING_PARAMS:
        return raw
    try:
        return json.loads(raw)
    except ValueError:
        return raw


class _CountingServer(HTTPServer):
    """tornado's HTTPServer, counting the connections it accepts."""

    accepted = 0

    def handle_stream(self, stream: Any, address: tuple[Any, ...]) -> None:
        self.accepted += 1
        super().handle_stream(stream, address)


class _ApiHandler(tornado.web.RequestHandler):
    def initialize(self, api: FakeBotApi) -> None:
        self.api = api

    def _params(self) -> tuple[dict[str, Any], dict[str, UploadedFile]]:
        request = self.request
        params: dict[str, Any] = {}
        for name, values in request.query_arguments.items():
            params[name] = _decode_value(name, values[-1].decode("utf-8"))
        content_type = request.headers.get("Content-Type", "")
        if content_type.startswith("application/json") and request.body:
            body = json.loads(request.body)
            if isinstance(body, dict):
                params.update(body)
        else:
            for name, values in request.body_arguments.items():
                params[name] = _decode_value(name, values[-1].decode("utf-8"))
        files = {
            name: UploadedFile(f[-1].filename, f[-1].body, f[-1].content_type) for name, f in request.files.items()
        }
        return params, files

    async def _serve(self, token: str, method: str) -> None:
        params, files = self._params()
        if self.api._hang_ups and method.lower().startswith("send"):
            self.api._hang_ups -= 1
            self.api.hung_up += 1
            self.detach().close()
            return
        if self.api._garbage and method.lower().startswith("send"):
            self.api._garbage -= 1
            # Recorded with status 0: answered, but with nothing a client can read (not delivered).
            self.api._record(Call(_CANONICAL.get(method.lower(), method), params, files, 0))
            self.set_status(200)
            self.set_header("Content-Type", "application/json")
            self.finish('{"ok": true, "result": {"message_id": <html>')
            return
        status, body = await self.api.handle(token, method, params, files)
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(body))

    async def post(self, token: str, method: str) -> None:
        await self._serve(token, method)

    async def get(self, token: str, method: str) -> None:
        await self._serve(token, method)


class _FileHandler(tornado.web.RequestHandler):
    def initialize(self, api: FakeBotApi) -> None:
        self.api = api

    def get(self, token: str, path: str) -> None:
        content = self.api.file_content(token, path)
        if content is None:
            self.set_status(404)
            self.set_header("Content-Type", "application/json")
            self.finish(json.dumps({"ok": False, "error_code": 404, "description": "Not Found"}))
            return
        self.set_header("Content-Type", "application/octet-stream")
        self.finish(content)

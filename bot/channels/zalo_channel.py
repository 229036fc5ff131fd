"""The Zalo channel: updates in (long polling or webhook), the core, plain-text replies out.

Decisions worth knowing:

* One ``httpx.AsyncClient`` and one send budget serve both the conversation replies and the
  outbox sender (``ZaloApi.for_outbox``), so the conservative rate limit
  (``ZALO_MAX_PER_SECOND``) covers everything chibot sends to Zalo with the token, answers
  first (bot/channels/send_budget.py), shared among processes (services/send_share.py).
* getUpdates hands out one update per call and has no offset: an update taken is gone, so
  the loop hands it to a task at once and polls again. Updates of one chat are answered in
  order (one lock per chat), different chats concurrently.
* The webhook and the public file links are served by tornado, which chibot already has
  (python-telegram-bot[webhooks] brings it): no new dependency, and graceful stop comes with
  it. The webhook's checks (secret in constant time, 413 over the size limit, 400 for what is
  not an update) are shared with Telegram's: bot/channels/webhook_http.py.
* Zalo has no buttons and no edits: choices become numbered lines (plain_render), and the
  core resolves a typed "1" or "đã nhận" against the menu it recorded for the chat.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import httpx
import tornado.web
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets

from bot.channels import plain_render
from bot.channels.base import ChannelConfigError
from bot.channels.webhook_http import DEFAULT_MAX_BODY, NotAnUpdate, webhook_route
from bot.channels.zalo_api import (
    MAX_TEXT,
    ZaloApi,
    ZaloError,
    ZaloFailed,
    ZaloRetry,
    ZaloUnreachable,
)
from bot.channels.zalo_inbound import CHANNEL, ParsedUpdate, Skipped, parse_update, unwrap
from ground.messages import Attachment, Incoming, OutFile, Reply
from ground.ports import ConversationCore, SendResult
from ground.settings import Settings
from services.i18n import t

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Bot-Api-Secret-Token"
#: An answer that takes longer than this shows "typing…" to the user.
TYPING_AFTER = 1.0


class ZaloConfigError(ChannelConfigError):
    """Settings do not allow starting the Zalo channel; the message says what to set."""


def token_of(settings: Settings) -> str:
    if settings.zalo_bot_token is None or not settings.zalo_bot_token.get_secret_value():
        raise ZaloConfigError("ZALO_BOT_TOKEN is not set: create a bot with Zalo Bot Creator and put its token in .env")
    return settings.zalo_bot_token.get_secret_value()


@dataclass(frozen=True)
class ZaloWebhookConfig:
    url: str
    secret: str
    listen: str
    port: int
    path: str
    #: Larger request bodies are refused with 413 before they are read.
    max_body: int = DEFAULT_MAX_BODY


def webhook_config(settings: Settings) -> ZaloWebhookConfig:
    url, secret = settings.zalo_webhook_url, settings.zalo_webhook_secret
    if not url:
        raise ZaloConfigError("ZALO_WEBHOOK_URL is not set: the public HTTPS address Zalo posts updates to")
    if not url.startswith("https://"):
        raise ZaloConfigError("ZALO_WEBHOOK_URL must start with https:// (Zalo only posts to HTTPS)")
    secret_value = secret.get_secret_value() if secret is not None else ""
    if not 8 <= len(secret_value) <= 256:
        raise ZaloConfigError("ZALO_WEBHOOK_SECRET must be 8 to 256 characters")
    path = urlsplit(url).path or "/"
    return ZaloWebhookConfig(
        url,
        secret_value,
        settings.zalo_webhook_listen,
        settings.zalo_webhook_port,
        path,
        max_body=settings.webhook_max_body_bytes,
    )


# --------------------------------------------------------------------------- files


class FilePublisher:
    """Keeps files chibot wants a Zalo user to open, under an unguessable name, and gives the
    public link chibot's own HTTP server answers for (``/files/<token>/<name>``)."""

    def __init__(self, *, folder: Path, public_base_url: str) -> None:
        self.folder = folder
        self.public_base_url = public_base_url.rstrip("/")

    def publish(self, out_file: OutFile) -> str:
        token = secrets.token_urlsafe(18)
        name = Path(out_file.name).name or "file"
        target = self.folder / token / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(out_file.content)
        return f"{self.public_base_url}/files/{token}/{quote(name)}"

    def path_of(self, token: str, name: str) -> Path | None:
        if not token or "/" in token or ".." in token or "/" in name or ".." in name:
            return None
        path = self.folder / token / name
        return path if path.is_file() else None


def file_publisher(settings: Settings) -> FilePublisher | None:
    if not settings.public_base_url:
        return None
    return FilePublisher(folder=Path(settings.attachments_dir) / "public", public_base_url=settings.public_base_url)


# --------------------------------------------------------------------------- sending


@dataclass(frozen=True)
class Planned:
    kind: str  # "text" | "photo"
    text: str | None = None
    photo_url: str | None = None


def plan_reply(reply: Reply, *, publisher: FilePublisher | None, lang: str) -> list[Planned]:
    """The Zalo messages for one Reply. Photos go by URL when chibot can serve them publicly;
    documents become a link; without a public URL, a line says where to find the file."""
    extra: list[str] = []
    planned: list[Planned] = []
    if reply.photo is not None:
        if publisher is not None:
            planned.append(Planned("photo", photo_url=publisher.publish(reply.photo)))
        else:
            extra.append(t(lang, "zalo.photo_unavailable"))
    if reply.document is not None:
        if publisher is not None:
            extra.append(t(lang, "zalo.file_link", name=reply.document.name, url=publisher.publish(reply.document)))
        else:
            extra.append(t(lang, "zalo.file_unavailable", name=reply.document.name))
    texts = plain_render.plan_texts(reply, limit=MAX_TEXT, extra=extra)
    if planned and texts and len(texts[0]) <= MAX_TEXT and not reply.flat_choices() and len(texts) == 1:
        # A photo with a short caption and no options: one message, as on Telegram.
        return [Planned("photo", text=texts[0], photo_url=planned[0].photo_url)]
    return planned + [Planned("text", text=part) for part in texts]


async def send_planned(
    api: ZaloApi, chat_id: str, planned: list[Planned], progress: list[int] | None = None
) -> str | None:
    """Send the messages in order; the id of the last one. ``progress[0]`` counts the parts
    that went, so a caller can tell where a failure half-way stopped."""
    last = None
    for item in planned:
        if item.kind == "photo":
            result = await api.send_photo(chat_id=chat_id, photo_url=item.photo_url or "", caption=item.text)
        else:
            result = await api.send_message(chat_id=chat_id, text=item.text or "")
        if isinstance(result, dict) and result.get("message_id") is not None:
            last = str(result["message_id"])
        if progress is not None:
            progress[0] += 1
    return last


#: Split replies whose first parts went before a failure, remembered so a retry sends only the
#: rest (at most this many at once; the oldest is forgotten first).
_PARTS_REMEMBERED = 1000


class ZaloSender:
    """ChannelSender for outbox delivery on Zalo.

    Errors map to the outbox's vocabulary: ``ZaloRetry`` -> "retry" (backing off across
    consecutive failures), ``ZaloUnreachable`` -> "blocked" (the dispatcher then tries the
    person's other channel), ``ZaloFailed`` -> "failed". A reply split into several messages
    that fails half-way is retried from the first part that did not go: the parts already
    delivered are remembered by chat and content (in this process; after a crash the
    outbox's in-flight rule applies).
    """

    channel = CHANNEL

    def __init__(
        self,
        api: ZaloApi,
        *,
        publisher: FilePublisher | None = None,
        language: str = "vi",
        backoff: float = 5.0,
        max_backoff: float = 300.0,
    ) -> None:
        self.api = api
        self.publisher = publisher
        self.language = language
        self.backoff = backoff
        self.max_backoff = max_backoff
        self._failures = 0
        self._parts_sent: dict[tuple[str, str], int] = {}

    def _remember_parts(self, key: tuple[str, str], sent: int) -> None:
        if sent <= 0:
            return
        self._parts_sent.pop(key, None)
        self._parts_sent[key] = sent
        while len(self._parts_sent) > _PARTS_REMEMBERED:
            self._parts_sent.pop(next(iter(self._parts_sent)))

    async def send(self, chat_id: str, reply: Reply) -> SendResult:
        key, progress = (chat_id, ""), [0]
        try:
            planned = plan_reply(reply, publisher=self.publisher, lang=self.language)
            if not planned:
                return SendResult("failed", reason="reply has nothing to send (empty text, no file)")
            key = (chat_id, hashlib.sha256(repr(planned).encode("utf-8")).hexdigest())
            progress[0] = self._parts_sent.get(key, 0)
            message_id = await send_planned(self.api, chat_id, planned[progress[0] :], progress)
            self._parts_sent.pop(key, None)
        except ZaloRetry as exc:
            self._remember_parts(key, progress[0])
            self._failures += 1
            delay = exc.retry_after or min(self.backoff * 2 ** (self._failures - 1), self.max_backoff)
            log.info("outbox send to zalo chat %s: retry in %.0fs (%s)", chat_id, delay, exc)
            return SendResult("retry", retry_after=delay, reason=str(exc))
        except ZaloUnreachable as exc:
            log.info("outbox send to zalo chat %s: unreachable (%s)", chat_id, exc)
            return SendResult("blocked", reason=str(exc))
        except ZaloFailed as exc:
            log.warning("outbox send to zalo chat %s failed: %s", chat_id, exc)
            return SendResult("failed", reason=str(exc))
        except Exception as exc:  # a rendering bug must not kill the delivery loop
            log.exception("outbox send to zalo chat %s crashed", chat_id)
            return SendResult("failed", reason=f"{type(exc).__name__}: {exc}")
        self._failures = 0
        return SendResult("sent", message_id=message_id)


# --------------------------------------------------------------------------- receiving


class ZaloReceiver:
    """Answers Zalo updates through the core. ``handle_body`` takes one update as it came."""

    def __init__(
        self,
        *,
        core: ConversationCore,
        api: ZaloApi,
        settings: Settings,
        publisher: FilePublisher | None = None,
        min_backoff: float = 1.0,
        max_backoff: float = 30.0,
    ) -> None:
        self.core = core
        self.api = api
        self.settings = settings
        self.publisher = publisher
        self.min_backoff = min_backoff
        self.max_backoff = max_backoff
        self._chat_locks: dict[str, asyncio.Lock] = {}
        self._tasks: set[asyncio.Task] = set()

    # ---- one update -------------------------------------------------------------------------
    def spawn(self, body: Any) -> None:
        """Handle an update in the background (the poll or the webhook answer goes on)."""
        task = asyncio.create_task(self.handle_body(body))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def drain(self) -> None:
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def handle_body(self, body: Any) -> None:
        try:
            parsed = parse_update(body)
            if isinstance(parsed, Skipped):
                log.info("zalo update skipped: %s", parsed.reason)
                return
            lock = self._chat_locks.setdefault(parsed.incoming.chat_id, asyncio.Lock())
            async with lock:
                await self._answer(parsed)
        except Exception:  # one bad update must never stop the loop
            log.exception("zalo update could not be handled: %.300s", _brief(body))

    async def _answer(self, parsed: ParsedUpdate) -> None:
        incoming = parsed.incoming
        if parsed.photo_url and incoming.attachment is not None:
            incoming = await self._with_photo(incoming, parsed.photo_url)
        typing = asyncio.create_task(self._typing_later(incoming.chat_id))
        try:
            replies = await asyncio.to_thread(self.core.handle, incoming)
        finally:
            typing.cancel()
        lang = self.settings.default_language
        for reply in replies:
            try:
                await send_planned(self.api, incoming.chat_id, plan_reply(reply, publisher=self.publisher, lang=lang))
            except ZaloUnreachable as exc:
                await asyncio.to_thread(
                    self.core.mark_unreachable, channel=CHANNEL, chat_id=incoming.chat_id, reason=str(exc)
                )
                return
            except ZaloError as exc:
                log.warning("reply to zalo chat %s not sent: %s", incoming.chat_id, exc)
                return

    async def _typing_later(self, chat_id: str) -> None:
        await asyncio.sleep(TYPING_AFTER)
        with contextlib.suppress(ZaloError):
            await self.api.send_chat_action(chat_id=chat_id, action="typing")

    async def _with_photo(self, incoming: Incoming, url: str) -> Incoming:
        """The photo's bytes, when they can be had within the upload limit (else none: the
        core then says the file could not be read)."""
        limit = self.settings.max_upload_bytes
        content: bytes | None = None
        try:
            async with self.api.client.stream("GET", url) as response:
                if response.status_code == 200:
                    chunks: list[bytes] = []
                    size = 0
                    async for chunk in response.aiter_bytes():
                        size += len(chunk)
                        if size > limit:
                            chunks = []
                            break
                        chunks.append(chunk)
                    content = b"".join(chunks) if chunks else None
        except httpx.HTTPError as exc:
            log.warning("zalo photo of chat %s not downloaded: %s", incoming.chat_id, type(exc).__name__)
        old = incoming.attachment
        assert old is not None
        attachment = Attachment(
            kind=old.kind,
            file_name=old.file_name,
            mime_type=old.mime_type,
            size=len(content) if content is not None else None,
            file_id=old.file_id,
            content=content,
        )
        return _replace(incoming, attachment=attachment)

    # ---- long polling -------------------------------------------------------------------------
    async def poll(self, stop: asyncio.Event, *, timeout: int = 30) -> None:
        """getUpdates until ``stop`` is set. Nothing stops the loop but ``stop``: errors are
        logged and waited out with a growing pause."""
        with contextlib.suppress(ZaloError):
            await self.api.delete_webhook()  # getUpdates does not work while a webhook is set
        backoff = self.min_backoff
        while not stop.is_set():
            try:
                update = await self.api.get_update(timeout=timeout)
            except ZaloError as exc:
                log.warning("zalo getUpdates failed: %s; again in %.1fs", exc, backoff)
                await _sleep_unless(stop, backoff)
                backoff = min(backoff * 2, self.max_backoff)
                continue
            except Exception:
                log.exception("zalo getUpdates crashed; again in %.1fs", backoff)
                await _sleep_unless(stop, backoff)
                backoff = min(backoff * 2, self.max_backoff)
                continue
            backoff = self.min_backoff
            if update is not None:
                self.spawn(update)


async def _sleep_unless(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)


def _replace(incoming: Incoming, **fields: Any) -> Incoming:
    from dataclasses import replace

    return replace(incoming, **fields)


def _brief(body: Any) -> str:
    try:
        return json.dumps(body, ensure_ascii=False)[:300]
    except (TypeError, ValueError):
        return repr(body)[:300]


# --------------------------------------------------------------------------- HTTP server


def _accept_update(channel: ZaloReceiver) -> Callable[[Any], bool]:
    """What the webhook takes: an object with an event name (an unknown event is taken and
    skipped, so Zalo does not resend it); anything else is answered 400."""

    def accept(body: Any) -> bool:
        update = unwrap(body)
        if not isinstance(update, dict) or not isinstance(update.get("event_name"), str):
            raise NotAnUpdate("no event_name")
        channel.spawn(body)
        return True

    return accept


class _FileHandler(tornado.web.RequestHandler):
    def initialize(self, publisher: FilePublisher) -> None:
        self.publisher = publisher

    def get(self, token: str, name: str) -> None:
        from urllib.parse import unquote

        path = self.publisher.path_of(token, unquote(name))
        if path is None:
            self.set_status(404)
            self.finish("not found")
            return
        self.set_header("Content-Type", "image/png" if path.suffix.lower() == ".png" else "application/octet-stream")
        self.finish(path.read_bytes())


def http_routes(channel: ZaloReceiver, webhook: ZaloWebhookConfig | None) -> list[Any]:
    routes: list[Any] = []
    if webhook is not None:
        routes.append(
            webhook_route(
                webhook.path,
                secret=webhook.secret,
                header=SECRET_HEADER,
                max_body=webhook.max_body,
                accept=_accept_update(channel),
                name="zalo",
            )
        )
    if channel.publisher is not None:
        routes.append((r"/files/([^/]+)/([^/]+)", _FileHandler, {"publisher": channel.publisher}))
    return routes


class HttpServer:
    """chibot's own small HTTP server for Zalo: the webhook and the public file links."""

    def __init__(self, routes: list[Any], *, listen: str, port: int) -> None:
        self.app = tornado.web.Application(routes)
        self.listen = listen
        self.port = port
        self._server: HTTPServer | None = None

    def start(self) -> int:
        sockets = bind_sockets(self.port, self.listen)
        self.port = sockets[0].getsockname()[1]
        # The webhook's own handler refuses a body over its limit (413); the server's limit
        # only bounds what any other route could be sent.
        self._server = HTTPServer(self.app)
        self._server.add_sockets(sockets)
        return self.port

    async def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            await self._server.close_all_connections()
            self._server = None

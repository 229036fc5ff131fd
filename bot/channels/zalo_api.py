"""The Zalo Bot API over httpx: one method call, its envelope checked, its failure typed.

Zalo Bot Platform methods are Telegram-like POSTs to ``<base>/bot<TOKEN>/<method>`` with a JSON
body, answered with ``{"ok": bool, "result": ..., "error_code": int, "description": str}``
(see docs/zalo.md for what the published documentation confirmed). Every answer is checked
here, so callers only ever see a result or one of three exceptions, which is exactly what the
outbox needs to decide:

* ``ZaloRetry``: try again later (timeouts, 429, 5xx, a garbled answer, a bad token that an
  operator will fix: nothing is lost by waiting);
* ``ZaloUnreachable``: this chat cannot be reached (blocked bot, unknown chat): do not retry
  here, another channel of the same person may work;
* ``ZaloFailed``: this request will never work as sent (400: text too long, bad parameter).

``getUpdates`` answering 408 means "nothing new within the timeout" and is not an error.
"""

from __future__ import annotations

import logging
from typing import Any

import httpx

from bot.channels.send_budget import BACKGROUND, INTERACTIVE, OUTBOX, SendBudget

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://bot-api.zaloplatforms.com"
#: sendMessage and a photo caption: 1 to 2,000 characters (documented).
MAX_TEXT = 2000
#: Long polling wait asked of the server, in seconds (the documented default is 30).
POLL_TIMEOUT = 30
#: Error codes that mean "later": timeouts, rate limit, the platform's own trouble.
RETRY_CODES = {408, 429, 500, 502, 503, 504}
#: Error codes that mean "this chat cannot be reached": forbidden, not found.
UNREACHABLE_CODES = {403, 404}
#: The token is wrong or revoked: the operator must fix it; messages wait (retry, long delay).
AUTH_CODES = {401}
AUTH_RETRY_SECONDS = 300.0


class ZaloError(Exception):
    """A Zalo Bot API call that did not succeed."""

    def __init__(self, description: str, *, error_code: int | None = None, method: str = "") -> None:
        super().__init__(f"{method}: {error_code or '-'} {description}".strip())
        self.description = description
        self.error_code = error_code
        self.method = method


class ZaloRetry(ZaloError):
    """Transient: the same request may succeed later."""

    def __init__(self, description: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(description, **kwargs)
        self.retry_after = retry_after


class ZaloUnreachable(ZaloError):
    """The chat cannot be reached (the user blocked the bot, or the chat id is unknown)."""


class ZaloFailed(ZaloError):
    """Permanent for this request: sending it again will not help."""


class NoUpdate(Exception):
    """getUpdates found nothing new within its timeout (error code 408)."""


def error_for(method: str, error_code: int | None, description: str) -> ZaloError:
    """The typed exception for an ``ok: false`` answer."""
    text = description or "no description"
    folded = text.lower()
    if error_code in AUTH_CODES:
        return ZaloRetry(text, retry_after=AUTH_RETRY_SECONDS, error_code=error_code, method=method)
    if error_code in RETRY_CODES:
        return ZaloRetry(text, error_code=error_code, method=method)
    if error_code in UNREACHABLE_CODES or "blocked" in folded or "not found" in folded:
        return ZaloUnreachable(text, error_code=error_code, method=method)
    return ZaloFailed(text, error_code=error_code, method=method)


class ZaloApi:
    """Calls on one bot token through one ``httpx.AsyncClient`` (owned by whoever made it).

    The token is part of every URL: it is never logged (only the method name is)."""

    def __init__(
        self,
        *,
        token: str,
        client: httpx.AsyncClient,
        base_url: str = DEFAULT_BASE_URL,
        budget: SendBudget | None = None,
        priority: int = INTERACTIVE,
        poll_grace: float = 10.0,
    ) -> None:
        self._token = token
        #: A long poll's HTTP timeout is the server's wait plus this.
        self.poll_grace = poll_grace
        self.client = client
        self.base_url = base_url.rstrip("/")
        #: The token's send budget (``ZALO_MAX_PER_SECOND``; None: unlimited), shared by the
        #: answers (this api, INTERACTIVE) and the outbox (``for_outbox()``): answers first.
        self.budget = budget
        self.priority = priority

    def for_outbox(self) -> ZaloApi:
        """The same token, client and budget, drawing after the interactive answers."""
        return ZaloApi(
            token=self._token,
            client=self.client,
            base_url=self.base_url,
            budget=self.budget,
            priority=OUTBOX,
            poll_grace=self.poll_grace,
        )

    def _url(self, method: str) -> str:
        return f"{self.base_url}/bot{self._token}/{method}"

    async def call(self, method: str, params: dict[str, Any] | None = None, *, timeout: float | None = None) -> Any:
        """POST one method; the ``result`` of a successful answer, else a typed exception."""
        kwargs: dict[str, Any] = {"json": params or {}}
        if timeout is not None:
            kwargs["timeout"] = httpx.Timeout(timeout, connect=10.0)
        try:
            response = await self.client.post(self._url(method), **kwargs)
        except httpx.TimeoutException as exc:
            raise ZaloRetry(f"timed out ({type(exc).__name__})", method=method) from None
        except httpx.HTTPError as exc:
            raise ZaloRetry(f"network error ({type(exc).__name__})", method=method) from None
        try:
            body = response.json()
        except ValueError:  # not JSON (a proxy's error page, a cut answer)
            code = response.status_code
            if code == 408 and method == "getUpdates":
                raise NoUpdate() from None
            if code in UNREACHABLE_CODES or code == 400:
                raise error_for(method, code, f"HTTP {code} without a JSON body") from None
            raise ZaloRetry(f"HTTP {code}, answer is not JSON", error_code=code, method=method) from None
        if not isinstance(body, dict) or "ok" not in body:
            raise ZaloRetry(f"HTTP {response.status_code}, answer has no 'ok' field", method=method)
        if body.get("ok") is True:
            return body.get("result")
        given = body.get("error_code")
        code = given if isinstance(given, int) else response.status_code
        if code == 408 and method == "getUpdates":
            raise NoUpdate()
        raise error_for(method, code, str(body.get("description") or ""))

    # ---- the methods chibot uses ------------------------------------------------------------
    async def get_me(self) -> dict[str, Any]:
        return await self.call("getMe")

    async def get_update(self, *, timeout: int = POLL_TIMEOUT) -> dict[str, Any] | None:
        """One update, or None when nothing arrived within ``timeout`` seconds."""
        try:
            # The HTTP timeout must outlast the server's long-poll wait.
            return await self.call("getUpdates", {"timeout": str(timeout)}, timeout=timeout + self.poll_grace)
        except NoUpdate:
            return None

    async def set_webhook(self, *, url: str, secret_token: str) -> Any:
        return await self.call("setWebhook", {"url": url, "secret_token": secret_token})

    async def delete_webhook(self) -> Any:
        return await self.call("deleteWebhook")

    async def get_webhook_info(self) -> Any:
        return await self.call("getWebhookInfo")

    async def _limited(self, method: str, params: dict[str, Any], priority: int | None = None) -> Any:
        """One call within the token's budget; a 429 pauses everyone who sends with it."""
        if self.budget is None:
            return await self.call(method, params)
        try:
            async with self.budget.slot(self.priority if priority is None else priority):
                return await self.call(method, params)
        except ZaloRetry as exc:
            if exc.error_code == 429:
                self.budget.pause(exc.retry_after or 5.0)
            raise

    async def send_message(self, *, chat_id: str, text: str) -> dict[str, Any]:
        return await self._limited("sendMessage", {"chat_id": chat_id, "text": text})

    async def send_photo(self, *, chat_id: str, photo_url: str, caption: str | None = None) -> dict[str, Any]:
        params: dict[str, Any] = {"chat_id": chat_id, "photo": photo_url}
        if caption:
            params["caption"] = caption
        return await self._limited("sendPhoto", params)

    async def send_chat_action(self, *, chat_id: str, action: str = "typing") -> Any:
        # "typing…" only with spare capacity (never waits for a slot nor holds one an answer needs).
        if self.budget is not None and not self.budget.spare():
            return None
        return await self._limited("sendChatAction", {"chat_id": chat_id, "action": action}, BACKGROUND)


def make_client(*, timeout: float = 20.0) -> httpx.AsyncClient:
    """The runtime's one client for Zalo: bounded timeouts, a few pooled connections."""
    return httpx.AsyncClient(
        timeout=httpx.Timeout(timeout, connect=10.0),
        limits=httpx.Limits(max_connections=10, max_keepalive_connections=5),
    )

"""The HTTP clients of the bots: ``bot_request`` picks the lean h11 client
(bot/channels/telegram_http11.py) and, for uploads and behind a proxy, python-telegram-bot's
HTTPXRequest on an httpx transport whose connections answer "has the server closed you?" cheaply.

httpcore asks that of every idle connection of the pool twice per request (when the request
joins the pool and when its answer is closed). Through anyio each question first rebuilt the
socket's table of attributes to find the socket (about 8% of the bot's CPU under the report
storm, with its 16 or so keep-alive connections); here the socket is found once, when the
connection opens, and only the poll of the socket is left. Everything else is httpx's and
httpcore's own: HTTP/1.1 keep-alive, the pool's limits, timeouts, TLS, errors.
"""

from __future__ import annotations

import select
import socket
import sys
import urllib.request
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx
from telegram.request import BaseRequest, HTTPXRequest

from bot.channels.telegram_http11 import CONNECTION_POOL_SIZE, Http11Request


def socket_readable(sock: socket.socket | None) -> bool:
    """Whether reading the socket would not block: for an idle keep-alive connection, that the
    server closed it (or sent what it should not have). No socket counts as closed."""
    fd = sock.fileno() if sock is not None else -1
    if fd < 0:
        return True
    if sys.platform == "win32" or getattr(select, "poll", None) is None:  # pragma: no cover
        ready, _, _ = select.select([fd], [], [], 0)
        return bool(ready)
    poll = select.poll()
    poll.register(fd, select.POLLIN)
    return bool(poll.poll(0))


class _Stream(httpcore.AsyncNetworkStream):
    """An anyio stream that knows its socket."""

    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner
        self._socket: socket.socket | None = inner.get_extra_info("socket")

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        return _Stream(await self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable":
            return socket_readable(self._socket)
        return self._inner.get_extra_info(info)


class _Backend(httpcore.AsyncNetworkBackend):
    """httpcore's anyio backend, its streams wrapped in ``_Stream``."""

    def __init__(self) -> None:
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        return _Stream(await self._inner.connect_tcp(host, port, timeout, local_address, socket_options))

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:  # pragma: no cover - the Bot API is reached over TCP
        return _Stream(await self._inner.connect_unix_socket(path, timeout, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class _Transport(httpx.AsyncHTTPTransport):
    """httpx's transport (HTTP/1.1, keep-alive) on a pool whose connections use ``_Backend``."""

    def __init__(self, limits: httpx.Limits) -> None:
        super().__init__(limits=limits)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            http1=True,
            http2=False,
            network_backend=_Backend(),
        )


def httpx_request(connection_pool_size: int = CONNECTION_POOL_SIZE) -> HTTPXRequest:
    """PTB's HTTPXRequest with its defaults (timeouts, HTTP/1.1, the pool size ApplicationBuilder
    uses), on ``_Transport``. Where the environment names a proxy (HTTPS_PROXY, ALL_PROXY ...),
    PTB's own client, which honours it."""
    if proxy_in_environment():  # an office behind a proxy
        return HTTPXRequest(connection_pool_size=connection_pool_size)
    limits = httpx.Limits(max_connections=connection_pool_size)
    return HTTPXRequest(connection_pool_size=connection_pool_size, httpx_kwargs={"transport": _Transport(limits)})


def proxy_in_environment() -> bool:
    """Whether HTTPS_PROXY or ALL_PROXY (any case) names a proxy for the Bot API."""
    return bool({"https", "all"} & set(urllib.request.getproxies()))


def bot_request(connection_pool_size: int = CONNECTION_POOL_SIZE) -> BaseRequest:
    """The request object for a bot: the lean h11 client (bot/channels/telegram_http11.py),
    which leaves uploads (multipart) to ``httpx_request``; behind a proxy, ``httpx_request``
    alone (it honours the proxy, the lean client does not)."""
    if proxy_in_environment():
        return httpx_request(connection_pool_size)
    return Http11Request(httpx_request(connection_pool_size), connection_pool_size=connection_pool_size)

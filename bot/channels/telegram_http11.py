"""A lean HTTP/1.1 keep-alive client for the Bot API calls the bot makes (sendMessage,
editMessageText, answerCallbackQuery, getUpdates ...): a python-telegram-bot ``BaseRequest``
on the ``h11`` protocol library over asyncio streams.

Why: PTB's HTTPXRequest costs about 2-3 ms of CPU per call (httpx's client, httpcore's pool
and anyio's streams, each with its own layers); under a report storm that was most of the gap
between chibot and a bare bot. Here one call is: take an idle connection (or open one), write
the request in one piece, read until h11 has the whole answer, put the connection back.

What it keeps of HTTPXRequest:

* the same default timeouts (connect 5 s, read 5 s, write 5 s, pool 1 s), each honoured
  (read and write per socket operation, as httpx does), a timeout raising ``TimedOut`` and
  the pool's own with PTB's "Pool timeout" message; any other connection or protocol error
  raises ``NetworkError`` naming httpx's class for it (ConnectError, ReadError, WriteError,
  RemoteProtocolError);
* ``connection_pool_size`` connections at most (256 by default, as ApplicationBuilder's),
  idle ones kept for ``KEEPALIVE_EXPIRY`` seconds (httpx's 5 s);
* parameters sent form-encoded (``application/x-www-form-urlencoded``), as httpx sends
  ``data=``; the status and body handed to ``BaseRequest``, which turns a 429 into
  ``RetryAfter``, a 400 into ``BadRequest`` and so on.

A request that carries files (multipart) goes to the ``fallback`` request (httpx); so does
everything when a proxy is named in the environment (``bot_request`` picks HTTPXRequest then).
A request on a *reused* connection that fails before any byte of the answer came back (the
server closed the idle connection just as it was taken) is sent once more on a new
connection; on a new connection nothing is retried.
"""

from __future__ import annotations

import asyncio
import ssl
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Final
from urllib.parse import urlsplit

import h11
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

#: What python-telegram-bot's ApplicationBuilder gives the bot by default (its pool size).
CONNECTION_POOL_SIZE: Final = 256
#: How long an idle connection is kept for the next request (httpx's default).
KEEPALIVE_EXPIRY: Final = 5.0
#: One read from the socket at most (an answer of the Bot API is usually far smaller).
READ_SIZE: Final = 65_536
#: PTB's message for a full pool (HTTPXRequest's, word for word).
POOL_TIMEOUT_MESSAGE: Final = (
    "Pool timeout: All connections in the connection pool are occupied. Request was *not* sent "
    "to Telegram. Consider adjusting the connection pool size or the pool timeout."
)
_FORM: Final = b"application/x-www-form-urlencoded"


def _given(value: ODVInput[float], default: float | None) -> float | None:
    """A timeout passed for one call, or this client's default where none was."""
    return default if value is BaseRequest.DEFAULT_NONE else value  # type: ignore[return-value]


class _Failure(Exception):
    """A connection or protocol error, named by httpx's class for it; ``answered`` says
    whether any byte of the answer had come back (then the request is never sent again)."""

    def __init__(self, kind: str, error: BaseException, *, answered: bool) -> None:
        super().__init__(f"{kind}: {error!r}")
        self.kind = kind
        self.answered = answered


@dataclass(eq=False)
class _Connection:
    """One keep-alive connection to an origin."""

    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    protocol: h11.Connection = field(default_factory=lambda: h11.Connection(our_role=h11.CLIENT))
    served: int = 0
    idle_since: float = 0.0

    def usable(self, now: float) -> bool:
        """Whether an idle connection can carry the next request: not expired, not closed by
        the server (its end of stream already seen) and h11 ready for a new request."""
        return (
            now - self.idle_since < KEEPALIVE_EXPIRY
            and not self.reader.at_eof()
            and not self.writer.is_closing()
            and self.protocol.our_state is h11.IDLE
        )

    def close(self) -> None:
        if not self.writer.is_closing():
            self.writer.close()


@dataclass(frozen=True)
class _Origin:
    scheme: str
    host: str
    port: int

    @property
    def host_header(self) -> bytes:
        default = 443 if self.scheme == "https" else 80
        return (self.host if self.port == default else f"{self.host}:{self.port}").encode("ascii")


class Http11Request(BaseRequest):
    """PTB's request interface on ``h11`` keep-alive connections (see the module's notes).

    ``fallback`` carries what this client leaves to httpx (requests with files); it is
    initialised and shut down with this one."""

    __slots__ = (
        "_closed",
        "_connect_timeout",
        "_fallback",
        "_idle",
        "_origins",
        "_pool_timeout",
        "_read_timeout",
        "_slots",
        "_ssl_context",
        "_write_timeout",
    )

    def __init__(
        self,
        fallback: BaseRequest,
        *,
        connection_pool_size: int = CONNECTION_POOL_SIZE,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
    ) -> None:
        if connection_pool_size < 1:
            raise ValueError("connection_pool_size must be at least 1")
        self._fallback = fallback
        self._read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._slots = asyncio.Semaphore(connection_pool_size)
        self._idle: dict[_Origin, deque[_Connection]] = {}
        self._origins: dict[str, tuple[_Origin, bytes]] = {}
        self._ssl_context: ssl.SSLContext | None = None
        self._closed = False

    @property
    def read_timeout(self) -> float | None:
        """See :attr:`BaseRequest.read_timeout`."""
        return self._read_timeout

    @property
    def idle_connections(self) -> int:
        """How many keep-alive connections wait for the next request."""
        return sum(len(idle) for idle in self._idle.values())

    async def initialize(self) -> None:
        """See :meth:`BaseRequest.initialize`."""
        self._closed = False
        await self._fallback.initialize()

    async def shutdown(self) -> None:
        """See :meth:`BaseRequest.shutdown`: idle connections are closed at once, busy ones
        when their answer is in."""
        self._closed = True
        for idle in self._idle.values():
            while idle:
                idle.pop().close()
        await self._fallback.shutdown()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """See :meth:`BaseRequest.do_request`."""
        if request_data is not None and request_data.contains_files:
            return await self._fallback.do_request(
                url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
            )
        if self._closed:
            raise RuntimeError("This Http11Request is not initialized!")
        timeouts = (
            _given(read_timeout, self._read_timeout),
            _given(write_timeout, self._write_timeout),
            _given(connect_timeout, self._connect_timeout),
        )
        origin, target = self._split(url)
        body = request_data.url_encoded_parameters().encode("ascii") if request_data is not None else b""
        headers = [
            (b"Host", origin.host_header),
            (b"User-Agent", self.USER_AGENT.encode("ascii")),
            (b"Accept", b"*/*"),
        ]
        if method != "GET" or body:
            headers += [(b"Content-Type", _FORM), (b"Content-Length", str(len(body)).encode("ascii"))]
        request = h11.Request(method=method, target=target, headers=headers)

        pool_wait = _given(pool_timeout, self._pool_timeout)
        try:
            async with asyncio.timeout(pool_wait):
                await self._slots.acquire()
        except TimeoutError:
            raise TimedOut(message=POOL_TIMEOUT_MESSAGE) from None
        try:
            connection = self._take_idle(origin)
            if connection is not None:
                try:
                    return await self._exchange(connection, origin, request, body, timeouts)
                except _Failure as failure:
                    if failure.answered:
                        raise NetworkError(str(failure)) from failure
                    # The server closed the idle connection as it was taken: once more, anew.
            connection = await self._connect(origin, timeouts[2])
            try:
                return await self._exchange(connection, origin, request, body, timeouts)
            except _Failure as failure:
                raise NetworkError(str(failure)) from failure
        finally:
            self._slots.release()

    def _split(self, url: str) -> tuple[_Origin, bytes]:
        """The origin and request target of ``url`` (cached per URL: the bot calls few)."""
        known = self._origins.get(url)
        if known is not None:
            return known
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise NetworkError(f"UnsupportedProtocol: {url.split('/bot')[0]!r} is not an http(s) URL")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        split = (_Origin(parts.scheme, parts.hostname, port), target.encode("ascii"))
        if len(self._origins) < 1024:  # the bot's methods; file URLs differ per file
            self._origins[url] = split
        return split

    def _take_idle(self, origin: _Origin) -> _Connection | None:
        idle = self._idle.get(origin)
        now = time.monotonic()
        while idle:
            connection = idle.pop()  # the most recently used: the least likely to have expired
            if connection.usable(now):
                return connection
            connection.close()
        return None

    async def _connect(self, origin: _Origin, timeout: float | None) -> _Connection:
        context: ssl.SSLContext | None = None
        if origin.scheme == "https":
            if self._ssl_context is None:
                self._ssl_context = ssl.create_default_context()
            context = self._ssl_context
        try:
            async with asyncio.timeout(timeout):
                reader, writer = await asyncio.open_connection(
                    origin.host, origin.port, ssl=context, server_hostname=origin.host if context else None
                )
        except TimeoutError:
            raise TimedOut from None
        except (OSError, ssl.SSLError) as error:
            raise NetworkError(f"ConnectError: {error.strerror or error}") from error
        return _Connection(reader, writer)

    async def _exchange(
        self,
        connection: _Connection,
        origin: _Origin,
        request: h11.Request,
        body: bytes,
        timeouts: tuple[float | None, float | None, float | None],
    ) -> tuple[int, bytes]:
        """Send ``request`` on ``connection`` and read its answer; the connection goes back to
        the pool when both sides are done with it, and is closed otherwise (an error, a
        timeout, a cancelled call, "Connection: close")."""
        read_timeout, write_timeout, _connect = timeouts
        protocol = connection.protocol
        keep = False
        answered = False
        try:
            try:
                data = protocol.send(request) or b""
                if body:
                    data += protocol.send(h11.Data(data=body)) or b""
                data += protocol.send(h11.EndOfMessage()) or b""
                connection.writer.write(data)
                async with asyncio.timeout(write_timeout):
                    await connection.writer.drain()
            except TimeoutError:
                raise TimedOut from None
            except OSError as error:
                raise _Failure("WriteError", error, answered=False) from error
            status = 0
            chunks: list[bytes] = []
            while True:
                try:
                    event = protocol.next_event()
                except h11.RemoteProtocolError as error:
                    raise _Failure("RemoteProtocolError", error, answered=answered) from error
                if event is h11.NEED_DATA:
                    try:
                        async with asyncio.timeout(read_timeout):
                            received = await connection.reader.read(READ_SIZE)
                    except TimeoutError:
                        raise TimedOut from None
                    except OSError as error:
                        raise _Failure("ReadError", error, answered=answered) from error
                    if received:
                        answered = True
                    protocol.receive_data(received)
                    continue
                if isinstance(event, h11.Response):
                    status = event.status_code
                elif isinstance(event, h11.Data):
                    chunks.append(bytes(event.data))
                elif isinstance(event, h11.EndOfMessage):
                    break
                elif isinstance(event, h11.ConnectionClosed):
                    closed = ConnectionError("the server closed the connection before answering")
                    raise _Failure("RemoteProtocolError", closed, answered=answered)
                # h11.InformationalResponse (100 Continue): nothing to keep.
            connection.served += 1
            if protocol.our_state is h11.DONE and protocol.their_state is h11.DONE and not self._closed:
                protocol.start_next_cycle()
                keep = True
            return status, b"".join(chunks)
        finally:
            if keep:
                connection.idle_since = time.monotonic()
                self._idle.setdefault(origin, deque()).append(connection)
            else:
                connection.close()

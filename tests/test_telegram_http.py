"""The bots' httpx client (bot/channels/telegram_http.py; uploads, and everything behind a
proxy): a keep-alive connection is used again while the server keeps it open, and one the
server closed is never used again. The lean client is tests/test_telegram_http11.py's."""

from __future__ import annotations

import asyncio

import httpx

from bot.channels.telegram_http import _Transport, httpx_request


class KeepAliveServer:
    """Answers every request with a small JSON body over HTTP/1.1 keep-alive; with
    ``close_after_answer`` it hangs up once each answer is out."""

    def __init__(self, *, close_after_answer: bool) -> None:
        self.close_after_answer = close_after_answer
        self.connections = 0
        self.requests = 0

    async def start(self) -> str:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        port = self.server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        while True:
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except asyncio.IncompleteReadError:  # the client hung up
                break
            length = next(
                (
                    int(line.split(b":")[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length")
                ),
                0,
            )
            await reader.readexactly(length)
            self.requests += 1
            body = b'{"ok":true,"result":true}'
            writer.write(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)
            )
            await writer.drain()
            if self.close_after_answer:
                break
        writer.close()

    async def stop(self) -> None:
        self.server.close()
        await self.server.wait_closed()


async def _two_requests(close_after_answer: bool) -> KeepAliveServer:
    server = KeepAliveServer(close_after_answer=close_after_answer)
    url = await server.start()
    async with httpx.AsyncClient(transport=_Transport(httpx.Limits(max_connections=4))) as client:
        first = await client.post(f"{url}/bot123:abc/getMe", json={})
        await asyncio.sleep(0.05)  # the server's hang-up reaches us
        second = await client.post(f"{url}/bot123:abc/getMe", json={})
    await server.stop()
    assert first.json() == second.json() == {"ok": True, "result": True}
    return server


async def test_an_open_keep_alive_connection_carries_the_next_request():
    server = await _two_requests(close_after_answer=False)
    assert (server.requests, server.connections) == (2, 1)


async def test_a_connection_the_server_closed_is_not_used_again():
    server = await _two_requests(close_after_answer=True)
    assert (server.requests, server.connections) == (2, 2)


async def test_the_bots_request_posts_to_the_bot_api_and_reads_its_answer():
    server = KeepAliveServer(close_after_answer=False)
    url = await server.start()
    request = httpx_request()
    await request.initialize()
    try:
        answer = await request.post(f"{url}/bot123:abc/getMe")
    finally:
        await request.shutdown()
        await server.stop()
    assert answer is True


def test_a_proxy_named_in_the_environment_is_honoured(monkeypatch):
    # An office reaching Telegram through a proxy (HTTPS_PROXY) keeps PTB's own client, which
    # uses it; without one, uploads get the cheaper transport.
    for name in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    assert isinstance(httpx_request()._client._transport, _Transport)
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:3128")
    request = httpx_request()
    assert not isinstance(request._client._transport, _Transport)
    assert request._client._mounts  # the proxy is mounted for https

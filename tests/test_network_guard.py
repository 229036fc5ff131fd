"""The network guard keeps every test offline and still lets tests use loopback servers."""

from __future__ import annotations

import asyncio
import socket

import httpx
import pytest

from tests.support.network_guard import NetworkAccessBlocked, is_local_host

TELEGRAM_DC = ("149.154.167.220", 443)


def test_connect_to_telegram_address_is_blocked(network_guard):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        with pytest.raises(NetworkAccessBlocked):
            sock.connect(TELEGRAM_DC)
        with pytest.raises(NetworkAccessBlocked):
            sock.connect_ex(TELEGRAM_DC)
    with pytest.raises(NetworkAccessBlocked):
        socket.create_connection(TELEGRAM_DC, timeout=1)
    assert len(network_guard.forgive()) == 3


def test_dns_lookup_of_public_name_is_blocked(network_guard):
    with pytest.raises(NetworkAccessBlocked):
        socket.getaddrinfo("api.telegram.org", 443)
    network_guard.forgive()


async def test_http_client_cannot_reach_telegram(network_guard):
    async with httpx.AsyncClient(trust_env=False) as client:
        with pytest.raises(Exception) as caught:
            await client.get("https://149.154.167.220/")
    assert "network access blocked" in repr(caught.value) or isinstance(caught.value, NetworkAccessBlocked)
    assert network_guard.forgive()


async def test_loopback_is_allowed():
    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(await reader.readline())
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"ping\n")
        assert await reader.readline() == b"ping\n"
        writer.close()
        reader, writer = await asyncio.open_connection("localhost", port)
        writer.close()
    finally:
        server.close()
        await server.wait_closed()


def test_blocking_socket_to_loopback_is_allowed():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        with socket.create_connection(listener.getsockname(), timeout=1):
            pass


@pytest.mark.parametrize(
    ("host", "local"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("::ffff:127.0.0.1", True),
        ("localhost", True),
        ("0.0.0.0", True),
        ("149.154.167.220", False),
        ("10.0.0.1", False),
        ("2001:67c:4e8:f004::9", False),
        ("api.telegram.org", False),
    ],
)
def test_is_local_host(host, local):
    assert is_local_host(host) is local

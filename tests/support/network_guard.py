"""Tests are offline by construction: any socket connection off this machine raises.

Loaded through ``pytest_plugins`` in tests/conftest.py. The patch is installed when pytest is
configured (so collection and session fixtures are covered too) and every test gets the
autouse ``network_guard`` fixture, which also fails the test if code swallowed a blocked
attempt (an HTTP client that turns the error into a retry loop would otherwise hide it).

Allowed: 127.0.0.0/8, ::1, "localhost", the unspecified address (0.0.0.0 / ::, which can only
reach this machine) and unix sockets. Host names other than localhost are refused before DNS,
so a stray ``https://api.telegram.org`` fails at once instead of waiting on a resolver.

Not covered: C libraries that open sockets themselves (libpq behind psycopg). Point those at
local services only.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


class NetworkAccessBlocked(RuntimeError):
    """A test tried to reach the network. Deliberately not an OSError: retry loops must not eat it."""


@dataclass
class _Guard:
    attempts: list[str] = field(default_factory=list)
    installed: bool = False
    originals: dict[str, Any] = field(default_factory=dict)


_GUARD = _Guard()


def is_local_host(host: object) -> bool:
    """True for an address or name that cannot leave this machine."""
    if host is None:
        return True  # getaddrinfo(None, port): the local wildcard
    if isinstance(host, bytes):
        host = host.decode("idna", "replace")
    if not isinstance(host, str):
        return False
    name = host.strip("[]").split("%", 1)[0].lower().rstrip(".")
    if name in _LOCAL_NAMES or name.endswith(".localhost") or name == "":
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    mapped = getattr(address, "ipv4_mapped", None)
    if mapped is not None:
        address = mapped
    return address.is_loopback or address.is_unspecified


def _is_ip_literal(host: object) -> bool:
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    try:
        ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return False
    return True


def _refuse(what: str) -> None:
    _GUARD.attempts.append(what)
    raise NetworkAccessBlocked(f"network access blocked in tests: {what}")


def _check_address(sock: socket.socket, address: Any) -> None:
    family = getattr(sock, "family", None)
    if family not in (socket.AF_INET, socket.AF_INET6):
        return  # unix sockets, netlink, ...
    host = address[0] if isinstance(address, tuple) and address else address
    if not is_local_host(host):
        _refuse(f"connect to {address!r}")


def install() -> None:
    """Patch socket connects (idempotent)."""
    if _GUARD.installed:
        return
    originals = _GUARD.originals
    originals["connect"] = socket.socket.connect
    originals["connect_ex"] = socket.socket.connect_ex
    originals["create_connection"] = socket.create_connection
    originals["getaddrinfo"] = socket.getaddrinfo

    def guarded_connect(self: socket.socket, address: Any) -> None:
        _check_address(self, address)
        return originals["connect"](self, address)

    def guarded_connect_ex(self: socket.socket, address: Any) -> int:
        _check_address(self, address)
        return originals["connect_ex"](self, address)

    def guarded_create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        if not is_local_host(address[0]):
            _refuse(f"create_connection to {address!r}")
        return originals["create_connection"](address, *args, **kwargs)

    def guarded_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        # IP literals resolve without DNS; connect() decides about them.
        if not (is_local_host(host) or _is_ip_literal(host)):
            _refuse(f"DNS lookup of {host!r}")
        return originals["getaddrinfo"](host, *args, **kwargs)

    socket.socket.connect = guarded_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = guarded_connect_ex  # type: ignore[method-assign]
    socket.create_connection = guarded_create_connection  # type: ignore[assignment]
    socket.getaddrinfo = guarded_getaddrinfo  # type: ignore[assignment]
    _GUARD.installed = True


def uninstall() -> None:
    if not _GUARD.installed:
        return
    originals = _GUARD.originals
    socket.socket.connect = originals["connect"]  # type: ignore[method-assign]
    socket.socket.connect_ex = originals["connect_ex"]  # type: ignore[method-assign]
    socket.create_connection = originals["create_connection"]  # type: ignore[assignment]
    socket.getaddrinfo = originals["getaddrinfo"]  # type: ignore[assignment]
    _GUARD.installed = False


class NetworkGuard:
    """Handle given to tests by the ``network_guard`` fixture."""

    @property
    def attempts(self) -> list[str]:
        """Blocked attempts during this test, oldest first."""
        return _GUARD.attempts

    def forgive(self) -> list[str]:
        """Clear the blocked attempts (for tests that provoke them on purpose); returns them."""
        seen = list(_GUARD.attempts)
        _GUARD.attempts.clear()
        return seen


def pytest_configure(config: pytest.Config) -> None:
    install()


def pytest_unconfigure(config: pytest.Config) -> None:
    uninstall()


@pytest.fixture(autouse=True)
def network_guard() -> Iterator[NetworkGuard]:
    """Every test runs offline; a blocked attempt fails the test even if the code caught it."""
    install()
    _GUARD.attempts.clear()
    guard = NetworkGuard()
    yield guard
    attempts = guard.forgive()
    if attempts:
        pytest.fail("test tried to reach the network: " + "; ".join(attempts), pytrace=False)

"""Staff oversight (/status, /export, /broadcast), registered in one call from handlers/registry.py."""

from __future__ import annotations

from handlers import broadcast, export, status
from handlers.router import Router


def register(router: Router) -> None:
    status.register(router)
    export.register(router)
    broadcast.register(router)

"""Everything about directives, registered in one call from handlers/registry.py."""

from __future__ import annotations

from handlers import directives_change, directives_new, directives_view
from handlers.router import Router


def register(router: Router) -> None:
    directives_new.register(router)
    directives_view.register(router)
    directives_change.register(router)

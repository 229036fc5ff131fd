"""The one place where every command, button and flow is registered."""

from __future__ import annotations

from handlers import common, invite_flow
from handlers.router import Router


def build_router() -> Router:
    router = Router()
    common.register(router)
    invite_flow.register(router)
    return router

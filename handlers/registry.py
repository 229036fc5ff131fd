"""The one place where every command, button and flow is registered."""

from __future__ import annotations

from handlers import (
    account_links,
    common,
    directives_routes,
    invite_flow,
    oversight_routes,
    report_closed,
    report_flow,
    typed_ack,
    web_login,
)
from handlers import reminders as reminder_routes
from handlers.router import Router


def build_router() -> Router:
    router = Router()
    common.register(router)
    account_links.register(router)
    invite_flow.register(router)
    directives_routes.register(router)
    report_flow.register(router)
    oversight_routes.register(router)
    reminder_routes.register(router)
    typed_ack.register(router)
    web_login.register(router)
    # Last: what no other text handler took and reads as an answer to a closed report form.
    report_closed.register(router)
    return router

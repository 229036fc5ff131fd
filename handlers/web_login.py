"""/web: a one-time link to the staff dashboard, for staff and administrators."""

from __future__ import annotations

from ground.messages import Reply
from handlers.context import Context
from handlers.router import Router
from services import web_login


def _web(ctx: Context, args: str) -> list[Reply]:
    """A link for this person only, used once, valid 10 minutes."""
    person_id = ctx.actor.person_id
    if person_id is None:  # the router lets only registered staff and admins here
        return [ctx.reply("auth.denied")]
    url = web_login.create_login_link(
        session=ctx.session,
        person_id=person_id,
        origin=ctx.incoming.channel,
        base_url=ctx.deps.settings.web_base_url,
        now=ctx.now,
    )
    return [ctx.reply("web.link", url=url, minutes=int(web_login.LOGIN_TTL.total_seconds() // 60))]


def register(router: Router) -> None:
    router.command("web", roles=web_login.WEB_ROLES, help_key="web.help")(_web)

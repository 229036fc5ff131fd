"""Commands for everyone: /start, /help, /cancel, /whoami, /lang."""

from __future__ import annotations

from ground.messages import Reply
from handlers import account_links as link_handlers
from handlers.context import Context
from handlers.router import Router
from services import account_links, directives, invites
from services.i18n import LANGUAGES
from services.unit_words import role_label, unit_word
from storage.queries import accounts as account_queries
from storage.queries.units import require_unit


def register(router: Router) -> None:
    @router.command("start", help_key="help.start", public=True)
    def start(ctx: Context, args: str) -> list[Reply]:
        """Bind this chat to an invite's unit and role, or explain how to get an invite."""
        code = args.split()[0] if args.split() else ""
        if not code:
            if ctx.actor.registered:
                return [ctx.reply("start.already_registered", name=ctx.actor.name), *_help(ctx, router)]
            return [ctx.reply("start.how_to_register")]
        if account_links.looks_like_link_code(code) or account_links.looks_like_link_code(args):
            # A /link code from the person's other channel, pasted here as if it were an invite.
            return link_handlers.redeem(ctx, args)
        try:
            _account, membership = invites.redeem_invite(
                session=ctx.session,
                code=code,
                channel=ctx.incoming.channel,
                external_user_id=ctx.incoming.user_id,
                chat_id=ctx.incoming.chat_id,
                display_name=ctx.incoming.display_name,
                language=ctx.lang,
                now=ctx.now,
            )
        except invites.InviteError as exc:
            return [ctx.reply(f"start.invite_{exc.reason}")]
        unit = require_unit(session=ctx.session, unit_id=membership.unit_id)
        role = membership.role
        commands = router.commands_for({role}, registered=True)
        lines = "\n".join(f"/{c.name} — {ctx.t(c.help_key)}" for c in commands if c.help_key)
        reply = ctx.reply("start.welcome", role=role_label(ctx.t, role, unit.kind), unit=unit.name, commands=lines)
        reply.commands = [(c.name, ctx.t(c.help_key)) for c in commands if c.help_key]
        replies = [reply]
        if role == "secretary":
            queued = directives.deliver_open_to_unit(
                session=ctx.session, unit_id=membership.unit_id, now=ctx.now, config=ctx.deps.reminders
            )
            if queued:
                replies.append(ctx.reply("start.open_directives", count=queued, unit_word=unit_word(ctx.t, unit.kind)))
        return replies

    @router.command("help", help_key="help.help", public=True)
    def help_(ctx: Context, args: str) -> list[Reply]:
        """List what this user's role may do."""
        if not ctx.actor.registered:
            return [ctx.reply("start.how_to_register")]
        return _help(ctx, router)

    @router.command("cancel", help_key="help.cancel")
    def cancel(ctx: Context, args: str) -> list[Reply]:
        """Leave the current flow; nothing of it is saved."""
        if ctx.state is None:
            return [ctx.reply("cancel.nothing")]
        flow = router.flows.get(ctx.state.flow)
        what = flow.describe(ctx) if flow is not None else ctx.state.flow
        ctx.flow_end()
        return [ctx.reply("cancel.done", what=what)]

    @router.command("whoami", help_key="help.whoami")
    def whoami(ctx: Context, args: str) -> list[Reply]:
        """Name, unit and role of this user."""
        lines = "\n".join(
            ctx.t("whoami.role_line", role=role_label(ctx.t, r.role, r.unit_kind), unit=r.unit_name, code=r.unit_code)
            for r in ctx.actor.roles
        )
        return [ctx.reply("whoami.text", name=ctx.actor.name, roles=lines, channel=ctx.incoming.channel)]

    @router.command("lang", help_key="help.lang")
    def lang(ctx: Context, args: str) -> list[Reply]:
        """Switch the language of the bot's messages."""
        wanted = args.strip().lower()
        if wanted not in LANGUAGES:
            return [ctx.reply("lang.usage")]
        account_queries.set_language(session=ctx.session, account_id=ctx.actor.account_id, language=wanted)
        ctx.t.lang = wanted
        reply = ctx.reply("lang.done")
        reply.commands = router.command_menu(ctx)
        return [reply]


def _help(ctx: Context, router: Router) -> list[Reply]:
    roles = {r.role for r in ctx.actor.roles}
    commands = router.commands_for(roles, registered=True)
    lines = "\n".join(f"/{c.name} — {ctx.t(c.help_key)}" for c in commands if c.help_key)
    return [ctx.reply("help.text", commands=lines)]

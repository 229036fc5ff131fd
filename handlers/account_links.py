"""/link and /kenh: one person on Telegram and Zalo."""

from __future__ import annotations

from ground.messages import Reply
from handlers.context import Context
from handlers.router import Router
from services import account_links
from services.parsing.vn_text import normalize

#: What /kenh understands, folded (no diacritics, lower case).
_CHANNEL_WORDS = {
    "telegram": "telegram",
    "tele": "telegram",
    "tg": "telegram",
    "zalo": "zalo",
    "za": "zalo",
    "tu dong": None,
    "auto": None,
}


def link(ctx: Context, args: str) -> list[Reply]:
    """Without a code: a one-time code for the other channel. With one: attach this chat."""
    code = args.strip()
    if code:
        return redeem(ctx, code)
    if not ctx.actor.registered:
        return [ctx.reply("start.how_to_register")]
    new = account_links.create_link_code(
        session=ctx.session, person_id=ctx.actor.known_person_id, account_id=ctx.actor.known_account_id, now=ctx.now
    )
    other = "Zalo" if ctx.incoming.channel == "telegram" else "Telegram"
    return [ctx.reply("link.code", code=new, other=other, minutes=int(account_links.LINK_TTL.total_seconds() // 60))]


def redeem(ctx: Context, code: str) -> list[Reply]:
    incoming = ctx.incoming
    try:
        account = account_links.redeem_link_code(
            session=ctx.session,
            code=code,
            channel=incoming.channel,
            external_user_id=incoming.user_id,
            chat_id=incoming.chat_id,
            display_name=incoming.display_name,
            language=ctx.lang,
            now=ctx.now,
        )
    except account_links.LinkError as exc:
        return [ctx.reply(f"link.error.{exc.reason}")]
    ctx.t.lang = account.language
    return [ctx.reply("link.done", channel=_name(incoming.channel))]


def choose(ctx: Context, args: str) -> list[Reply]:
    """/kenh telegram|zalo: where reminders, directives and broadcasts go."""
    words = normalize(args)
    if not words:
        preferred, fixed, accounts = account_links.channels_of(session=ctx.session, person_id=ctx.actor.known_person_id)
        linked = ", ".join(sorted({_name(a.channel) for a in accounts}))
        key = "kenh.current_fixed" if fixed else "kenh.current_auto"
        return [ctx.reply(key, channel=_name(preferred or ctx.incoming.channel), linked=linked)]
    if words not in _CHANNEL_WORDS:
        return [ctx.reply("kenh.usage")]
    channel = _CHANNEL_WORDS[words]
    try:
        account_links.choose_channel(session=ctx.session, person_id=ctx.actor.known_person_id, channel=channel)
    except account_links.LinkError:
        return [ctx.reply("kenh.no_account", channel=_name(channel or ""))]
    if channel is None:
        return [ctx.reply("kenh.auto")]
    return [ctx.reply("kenh.done", channel=_name(channel))]


def _name(channel: str) -> str:
    return {"telegram": "Telegram", "zalo": "Zalo", "console": "console"}.get(channel, channel)


def register(router: Router) -> None:
    router.command("link", help_key="help.link", public=True)(link)
    router.command("kenh", help_key="help.kenh")(choose)

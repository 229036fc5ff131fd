"""On a channel without buttons, a typed answer to the numbered menu becomes the button it names.

The core asks here before any flow or text handler sees free text. What comes back is button
data, so the normal button path runs next: the same authorization, and the same nonce check
that refuses a flow's old button. A number is an option number unless the current flow step
said it takes a number as its answer (``ctx.expect_number()``, e.g. people reached). On a
free-text step (``expect_number(options_first=True)``) the number of an option shown is that
option, as the user reading "1. Bỏ qua" expects, and any other number is the text answer.
"""

from __future__ import annotations

from collections.abc import Callable

from ground.messages import Choice, Reply
from handlers.choice_match import bare_number, match_choice
from handlers.context import FLOW_BUTTON_PREFIX, Context
from handlers.report_closed import REPORT_FLOW, form_closed
from services import chat_menus


def resolve(
    ctx: Context, text: str, *, answered: Callable[[str], list[Reply] | None] | None = None
) -> str | list[Reply] | None:
    """Button data the text picks; replies when a number picks nothing; None when the text is
    not an answer to a menu (the flow or the text handlers take it). ``answered``: what to
    say about an option of a question already answered (a broadcast sent, picked again)."""
    menu = chat_menus.current(session=ctx.session, channel=ctx.incoming.channel, chat_id=ctx.incoming.chat_id)
    live = menu if menu is not None and (menu.answers_at(ctx.flow_nonce) or _outlived(ctx, menu)) else None
    number = bare_number(text)
    if menu is not None and live is None and answered is not None and not ctx.number_is_answer:
        if number is not None:
            old = menu.options[number - 1] if 1 <= number <= len(menu.options) else None
        else:
            old = match_choice(text, menu.options)
        said = answered(old.data) if old is not None else None
        if said is not None:
            return said
    if number is None:
        found = match_choice(text, live.options) if live is not None else None
        return found.data if found is not None else None
    if ctx.number_is_answer:
        return None
    if live is not None:
        if 1 <= number <= len(live.options):
            return live.options[number - 1].data
        if ctx.number_may_be_answer:
            return None
        return [_again(ctx, ctx.t("menu.out_of_range", last=len(live.options)), live.options)]
    if ctx.number_may_be_answer:
        return None
    offered = ctx.offered_buttons()
    if ctx.flow is not None and not offered:
        # The step asked a question without options: a number is its answer.
        return None
    if ctx.flow is None and menu is not None and _of_report_form(menu):
        # "45" or "2" after the report form closed: said so, with how to start again.
        return [form_closed(ctx, text)]
    return [_again(ctx, ctx.t("menu.stale" if menu is not None else "menu.no_pick"), offered)]


def _outlived(ctx: Context, menu: chat_menus.Menu) -> bool:
    """A menu of actions outside any flow (a reminder's "1. Báo cáo / 2. Đã nhận") recorded
    while a flow was open, when that flow has just timed out unseen: nothing was shown since,
    so its numbers still mean what the user reads. A flow's own options stay stale."""
    return (
        ctx.expired_nonce is not None
        and menu.flow_nonce == ctx.expired_nonce
        and not any(o.data.startswith(f"{FLOW_BUTTON_PREFIX}:") for o in menu.options)
    )


def _of_report_form(menu: chat_menus.Menu) -> bool:
    """The menu was a question of the report form (its own buttons, not a reminder's)."""
    return menu.flow == REPORT_FLOW and all(c.data.startswith(f"{FLOW_BUTTON_PREFIX}:") for c in menu.options)


def _again(ctx: Context, first: str, options: list[Choice]) -> Reply:
    """Say what went wrong, then the menu that is current, or what can be done without one."""
    if options:
        return Reply(text=f"{first}\n{ctx.t('menu.pick_one')}", choices=[[c] for c in options])
    return Reply(text=f"{first} {ctx.t('menu.what_to_do')}")

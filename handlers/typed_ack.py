""" "Đã nhận" typed instead of pressed, on every channel: "da nhan", "đã nhận 141".

It ends in the same handler as the button (ack:<assignment id>), so the same checks apply.
Without a number it acknowledges the one directive waiting for it, or asks which one.
("bao cao 141" / "bc 141" are quick reports: handlers/report_flow.py.)
"""

from __future__ import annotations

import re

from ground.messages import Choice, Reply
from ground.text_limits import cut
from handlers.context import Context
from handlers.directives_view import acknowledge
from handlers.router import Router
from services import directive_texts as texts
from services import directives
from services.parsing.vn_text import normalize
from services.unit_words import capitalized, common_kind, unit_word

#: "đã nhận", "da nhan", "nhan", "đã nhận văn bản 141", "received 141" (folded, no diacritics).
_ACK_RE = re.compile(r"^(?:(?:da\s*)?nhan|received)(?:\s+(?:van ban|vb|so|directive|no\.?))?(?:\s+(?P<number>\d\S*))?$")


def ack_words(text: str) -> re.Match[str] | None:
    """ "đã nhận", "da nhan 141" typed (the number, if any, in group "number"); None otherwise."""
    return _ACK_RE.match(normalize(text).strip(" .!"))


def typed_ack(ctx: Context, text: str) -> list[Reply] | None:
    """ "đã nhận [số]": acknowledge the cell's assignment of that directive."""
    found = ack_words(text)
    if found is None or not ctx.actor.has_role("secretary"):
        return None
    number = found.group("number")
    waiting = directives.awaiting_acknowledgement(session=ctx.session, actor=ctx.actor, number=number)
    if len(waiting) == 1:
        return acknowledge(ctx, str(waiting[0][1].id))
    if not waiting:
        word = unit_word(ctx.t, common_kind(r.unit_kind for r in ctx.actor.units("secretary")))
        if number:
            return [ctx.reply("directive.ack.unknown_number", number=number[:32], unit_word=word)]
        return [ctx.reply("directive.ack.none_waiting", Unit_word=capitalized(word))]
    label = ctx.t("directive.button.ack")
    rows = [[Choice(cut(f"{label}: {texts.title(d, ctx.t)}", 60), f"ack:{a.id}")] for d, a in waiting]
    return [ctx.reply("directive.ack.which", choices=rows)]


def register(router: Router) -> None:
    router.add_text_handler(typed_ack)

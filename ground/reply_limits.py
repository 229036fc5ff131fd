"""Every reply within what its channel can show (issue 15): the one rule, applied where replies
leave chibot for a channel. Two doors lead there and both pass through ``fit_reply``: the
core's answer to an update (handlers/core.py, every channel's turn) and the outbox dispatcher's
delivery (services/dispatcher.py, every pushed message). The renderers then split what is left
into messages of the channel's size (bot/channels/text_render.py): Zalo's 2,000 characters,
Telegram's 4,096 UTF-16 units after HTML escaping.

What a user sees:

* A text up to ``MAX_PARTS`` messages long is split, never cut (a long status list or a
  directive's section comes whole, in a few messages, as today on Zalo and Telegram).
* Past that it is cut at a character boundary and ends in "…": a reply never grows with what
  was typed (one 300,000-character line must not become 75 Telegram or 150 Zalo messages).
  The console and the web show one long message; they get the same bound as Telegram.
* A list reply (units, one a line) that would pass that bound is cut by its builder with
  ``fit_lines``: whole lines, then "… và N đơn vị khác" counting exactly the lines left out,
  so the cut above never ends a list in a bare "…" or halfway through a line.
* A button's label is at most ``MAX_LABEL_CHARS`` characters ("…" at a cut): a Telegram
  button shows one short line, a Zalo option is one numbered line.
* Button data over 64 bytes is refused where a ``Choice`` is made (ground/messages.py): a
  programming error that tests/reliability/test_reply_limits.py looks for over every
  registered button kind, never something to cut here (cut data would name another button).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ground.messages import Choice, Reply
from ground.ports import TELEGRAM_CAPABILITIES, Capabilities, capabilities_of
from ground.text_limits import ELLIPSIS, cut

#: Messages one reply may become on a channel before its text is cut.
MAX_PARTS = 4
#: The longest reply text on any channel, in UTF-16 units: four Telegram messages.
MAX_REPLY_UNITS = TELEGRAM_CAPABILITIES.max_text * MAX_PARTS
#: The longest button label shown.
MAX_LABEL_CHARS = 64


def text_budget(capabilities: Capabilities) -> int:
    """How long (in UTF-16 units, which no channel counts higher) a reply's text may be."""
    return min(capabilities.max_text * MAX_PARTS, MAX_REPLY_UNITS)


def budget_for(channel: str) -> int:
    """The longest reply text the channel is sent (what ``fit_reply`` keeps of a longer one)."""
    return text_budget(capabilities_of(channel))


def utf16_units(text: str) -> int:
    """Length as Telegram counts it: a character outside the BMP (most emoji) counts 2."""
    return len(text.encode("utf-16-le")) // 2


def cut_units(text: str, budget: int) -> str:
    """``text`` within ``budget`` UTF-16 units; a longer one is cut and ends in "…"."""
    if len(text) * 2 <= budget or utf16_units(text) <= budget:
        return text
    used, keep = 1, 0  # the "…" takes one unit
    for ch in text[:budget]:
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > budget:
            break
        keep += 1
    return text[:keep].rstrip() + ELLIPSIS


def fit_lines(lines: list[str], budget: int, more: Callable[[int], str], *, head: int = 1) -> str:
    """``lines`` joined one a line within ``budget`` UTF-16 units: the first ``head`` lines
    always, then as many whole lines as fit, then ``more(n)`` for the ``n`` lines left out
    (the caller's words, e.g. "… và 412 đơn vị khác"). All of them when they fit."""
    text = "\n".join(lines)
    if utf16_units(text) <= budget:
        return text
    kept = lines[:head]
    used = utf16_units("\n".join(kept))
    # Room for the closing line with the largest count it could show (fewer digits later).
    reserve = utf16_units(more(len(lines) - head)) + 1
    for line in lines[head:]:
        cost = utf16_units(line) + 1
        if used + cost + reserve > budget:
            break
        kept.append(line)
        used += cost
    left_out = len(lines) - len(kept)
    return "\n".join([*kept, more(left_out)]) if left_out else "\n".join(kept)


def fit_reply(reply: Reply, capabilities: Capabilities) -> Reply:
    """``reply`` as the channel may show it: the same object when it already fits."""
    text = cut_units(reply.text, text_budget(capabilities)) if reply.text else reply.text
    long_label = any(len(c.label) > MAX_LABEL_CHARS for row in reply.choices for c in row)
    if text is reply.text and not long_label:
        return reply
    choices = (
        [[Choice(label=cut(c.label, MAX_LABEL_CHARS), data=c.data) for c in row] for row in reply.choices]
        if long_label
        else reply.choices
    )
    return replace(reply, text=text, choices=choices)


def fit_replies(replies: list[Reply], capabilities: Capabilities) -> list[Reply]:
    return [fit_reply(reply, capabilities) for reply in replies]

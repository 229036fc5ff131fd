"""Rendering shared by every channel adapter: choices as numbered lines (for channels without
buttons: console, Zalo) and long text split at a channel's limit (Telegram, Zalo).

It lives with the adapters because only they render: the core returns Replies with choices
and never numbered text. Channel-specific concerns stay in their modules (Telegram's HTML
escaping and UTF-16 length: bot/channels/telegram_render.py), which pass their own ``measure``.
"""

from __future__ import annotations

from collections.abc import Callable

from ground.messages import Choice

# Where a long text may be cut, best first: between paragraphs, between lines, between words.
_SEPARATORS = ("\n\n", "\n", " ")


def numbered_lines(choices: list[Choice]) -> list[str]:
    """ "1. Đã nhận", "2. Báo cáo", ...: the numbers the core resolves a typed answer against."""
    return [f"{i}. {c.label}" for i, c in enumerate(choices, start=1)]


def numbered_options(choices: list[Choice]) -> str:
    return "\n".join(numbered_lines(choices))


def split_text(text: str, limit: int, measure: Callable[[str], int] = len) -> list[str]:
    """Split ``text`` into parts each at most ``limit`` long as ``measure`` counts it.

    ``measure`` must add up over characters (the length of a text is the sum over its
    characters), as len, UTF-16 units and escaped lengths do. Cuts at the last paragraph break
    that fits, else the last line break, else the last space; only a single word longer than
    the limit is cut inside. Separators at a cut are dropped, so no part starts or ends with
    the blank line that separated it.
    """
    text = text.strip()
    parts: list[str] = []
    while text:
        fit = 0
        used = 0
        for ch in text:
            used += measure(ch)
            if used > limit:
                break
            fit += 1
        if fit == len(text):
            parts.append(text)
            break
        cut, skip = fit, 0
        for separator in _SEPARATORS:
            # +len(separator): a separator that starts inside the fitting prefix may end past it.
            at = text.rfind(separator, 0, fit + len(separator))
            if 0 < at <= fit:
                cut, skip = at, len(separator)
                break
        part = text[:cut].rstrip()
        if part:
            parts.append(part)
        text = text[cut + skip :].lstrip()
    return parts


def plain_messages(text: str, choices: list[Choice], limit: int, measure: Callable[[str], int] = len) -> list[str]:
    """A reply for a channel without buttons: its text, then its choices as numbered lines, in
    parts that fit ``limit``. The options are never split from each other when they fit
    together, so the last message a user reads holds the whole menu."""
    options = numbered_options(choices)
    if not options:
        return split_text(text, limit, measure)
    whole = f"{text.strip()}\n\n{options}" if text.strip() else options
    if sum(measure(ch) for ch in whole) <= limit:
        return [whole]
    if sum(measure(ch) for ch in options) > limit:
        return split_text(text, limit, measure) + split_text(options, limit, measure)
    return split_text(text, limit, measure) + [options]

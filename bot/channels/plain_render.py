"""How a core Reply becomes plain text messages on a channel without buttons or edits (Zalo).

Pure functions: choices become numbered lines ("1. Đã nhận") under the text, a long text is
cut on line boundaries into messages of at most ``limit`` characters, and the numbered
options ride on the last part so the question and its answers stay together.
"""

from __future__ import annotations

from ground.messages import Choice, Reply
from handlers.choice_match import numbered

# Where a long text may be cut, best first: between paragraphs, between lines, between words.
_SEPARATORS = ("\n\n", "\n", " ")


def split_text(text: str, limit: int) -> list[str]:
    """Parts of at most ``limit`` characters, cut at the last paragraph break, else line
    break, else space that fits; only a word longer than ``limit`` is cut inside."""
    text = text.strip()
    parts: list[str] = []
    while text:
        if len(text) <= limit:
            parts.append(text)
            break
        cut, skip = limit, 0
        for separator in _SEPARATORS:
            at = text.rfind(separator, 0, limit + len(separator))
            if 0 < at <= limit:
                cut, skip = at, len(separator)
                break
        part = text[:cut].rstrip()
        if part:
            parts.append(part)
        text = text[cut + skip:].lstrip()
    return parts


def options_block(choices: list[Choice]) -> str:
    return "\n".join(numbered(choices))


def plan_texts(reply: Reply, *, limit: int, extra: list[str] | None = None) -> list[str]:
    """The text messages for one reply: its text (plus ``extra`` lines, e.g. a file's link or
    why a file cannot come through), then its numbered options, split to fit ``limit``."""
    body = (reply.text or "").strip()
    for line in extra or []:
        body = f"{body}\n\n{line}" if body else line
    flat = reply.flat_choices()
    if not flat:
        return split_text(body, limit)
    options = options_block(flat)
    whole = f"{body}\n\n{options}" if body else options
    if len(whole) <= limit:
        return [whole]
    # The options go with the last part of the text when they fit there, else on their own.
    parts = split_text(body, limit)
    last = f"{parts[-1]}\n\n{options}" if parts else options
    if len(last) <= limit:
        return [*parts[:-1], last]
    return [*parts, *split_text(options, limit)]

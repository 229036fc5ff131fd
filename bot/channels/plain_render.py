"""How a core Reply becomes plain text messages on a channel without buttons or edits (Zalo).

Pure functions on the shared adapter rendering (bot/channels/text_render.py): choices become
numbered lines ("1. Đã nhận") under the text, a long text is cut on line boundaries into
messages of at most ``limit`` characters, and the numbered options ride on the last part so
the question and its answers stay together.
"""

from __future__ import annotations

from bot.channels.text_render import numbered_options, split_text
from ground.messages import Reply

__all__ = ["plan_texts", "split_text"]


def plan_texts(reply: Reply, *, limit: int, extra: list[str] | None = None) -> list[str]:
    """The text messages for one reply: its text (plus ``extra`` lines, e.g. a file's link or
    why a file cannot come through), then its numbered options, split to fit ``limit``."""
    body = (reply.text or "").strip()
    for line in extra or []:
        body = f"{body}\n\n{line}" if body else line
    flat = reply.flat_choices()
    if not flat:
        return split_text(body, limit)
    options = numbered_options(flat)
    whole = f"{body}\n\n{options}" if body else options
    if len(whole) <= limit:
        return [whole]
    # The options go with the last part of the text when they fit there, else on their own.
    parts = split_text(body, limit)
    last = f"{parts[-1]}\n\n{options}" if parts else options
    if len(last) <= limit:
        return [*parts[:-1], last]
    return [*parts, *split_text(options, limit)]

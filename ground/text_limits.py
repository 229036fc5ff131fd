"""Text rules every layer shares: no control characters in what is stored, and one way to cut
an echoed input for a reply (at a character boundary, ending in "…")."""

from __future__ import annotations

import re

ELLIPSIS = "…"

#: C0 control characters other than tab and line breaks, and DEL: PostgreSQL refuses NUL in
#: text, and none of them mean anything in a chat message.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def without_controls(text: str) -> str:
    """``text`` without control characters (NUL included); tabs and line breaks stay."""
    return _CONTROL_RE.sub("", text) if _CONTROL_RE.search(text) else text


def has_controls(text: str) -> bool:
    return bool(_CONTROL_RE.search(text))


def cut(text: str, limit: int) -> str:
    """``text`` at most ``limit`` characters long; a longer one ends in "…" (within the limit)."""
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)].rstrip() + ELLIPSIS


def cut_list(items: list[str], limit: int, separator: str = ", ") -> str:
    """Items joined for a reply, each whole, as many as fit in ``limit``; "…" stands for the
    rest (and ends an item that alone is longer than the limit)."""
    shown: list[str] = []
    used = 0
    for i, item in enumerate(items):
        extra = len(item) + (len(separator) if shown else 0)
        if used + extra > limit - (len(separator) + 1 if i < len(items) - 1 else 0):
            if not shown:
                return cut(item, limit)
            return separator.join(shown) + separator + ELLIPSIS
        shown.append(item)
        used += extra
    return separator.join(shown)


def cut_bytes(text: str, limit: int) -> str:
    """``text`` at most ``limit`` bytes in UTF-8, cut at a character boundary (no "…": for
    button data, where the bytes count and nobody reads the cut)."""
    encoded = text.encode("utf-8")
    if len(encoded) <= limit:
        return text
    return encoded[:limit].decode("utf-8", errors="ignore")

"""Hard limits on what chibot stores and echoes, the same on SQLite and PostgreSQL.

An input that passes a flow's validation must also fit the database: a count within
``MAX_COUNT`` (PostgreSQL's integer stops at 2,147,483,647, SQLite's at 2**63, Python's float
at 10**308, its int parser at 4,300 digits), a text within its column's length, and no control
character (PostgreSQL refuses NUL in text; none of them mean anything in a chat). The checks
live here, below the handlers, so every path (chat, file, CLI, import) meets the same ones, and
the flow never keeps a value it could not store.

``cut`` is the one way an echoed input is shortened for a reply: at a character boundary,
with "…", so a reply never grows with what was typed.
"""

from __future__ import annotations

from typing import Any

from ground.text_limits import ELLIPSIS, has_controls, without_controls
from ground.text_limits import cut as _cut

__all__ = [
    "ELLIPSIS",
    "MAX_COUNT",
    "MAX_COUNT_DIGITS",
    "column_length",
    "cut",
    "has_controls",
    "storable",
    "without_controls",
]

#: The largest count chibot takes (people reached, totals): no unit has ten million members.
MAX_COUNT = 10_000_000
#: Digits read for a count: past this the number is refused before ``int()`` sees it.
MAX_COUNT_DIGITS = len(str(MAX_COUNT))
#: How much of a typed input a reply repeats back.
ECHO_CHARS = 64


def cut(text: str, limit: int = ECHO_CHARS) -> str:
    """``text`` at most ``limit`` characters long; a longer one ends in "…" (within the limit)."""
    return _cut(text, limit)


def count_within(value: int) -> bool:
    return 0 <= value <= MAX_COUNT


def column_length(table: type, column: str) -> int | None:
    """The declared length of a string column (``Field(max_length=...)``), None for Text."""
    return getattr(table.__table__.c[column].type, "length", None)  # type: ignore[attr-defined]


def storable(value: Any, limit: int | None) -> Any:
    """A value from a document or a parser made fit for a column: strings lose control
    characters and are cut to ``limit`` (with "…"); lists and dicts are cleaned inside."""
    if isinstance(value, str):
        clean = without_controls(value)
        return cut(clean, limit) if limit is not None else clean
    if isinstance(value, list):
        return [storable(v, None) for v in value]
    if isinstance(value, dict):
        return {k: storable(v, None) for k, v in value.items()}
    return value

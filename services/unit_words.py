"""What a unit is called and who leads it, by its kind.

Only a cell is a "chi bộ" led by a "bí thư chi bộ". A mass organisation (Đoàn Thanh niên, Hội
Cựu chiến binh, ...) is called "tổ chức" and its leader "người phụ trách": one word fits a
youth union (led by a bí thư đoàn) and an association (led by a chủ tịch hội), which the unit
kind alone cannot tell apart. A text that speaks of units of mixed kinds says "đơn vị".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from storage.tables.units import UNIT_KINDS

Translate = Callable[..., str]


def _kind(kind: str | None) -> str:
    return kind if kind in UNIT_KINDS else "unit"


def common_kind(kinds: Iterable[str | None]) -> str | None:
    """The one kind all these units share; None when they differ (or there are none)."""
    found = set(kinds)
    return found.pop() if len(found) == 1 else None


def unit_word(t: Translate, kind: str | None) -> str:
    """ "chi bộ", "đảng bộ", "tổ chức"...; "đơn vị" for an unknown or mixed kind."""
    return t(f"unit_kind.{_kind(kind)}.noun")


def capitalized(word: str) -> str:
    """For a word that opens a sentence: "chi bộ" -> "Chi bộ"."""
    return word[:1].upper() + word[1:]


def leader_word(t: Translate, kind: str | None) -> str:
    """ "bí thư chi bộ", "người phụ trách"..."""
    return t(f"unit_kind.{_kind(kind)}.leader")


def leader_short(t: Translate, kind: str | None) -> str:
    """The leader in a list of units whose names already say what they are: "bí thư", "người phụ trách"."""
    return t(f"unit_kind.{_kind(kind)}.leader_short")


def role_label(t: Translate, role: str, kind: str | None) -> str:
    """A role as shown to a user: the secretary's word depends on the unit led."""
    return leader_word(t, kind) if role == "secretary" else t(f"role.{role}")

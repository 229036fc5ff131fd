"""Answering a choice by typing, on channels without buttons (console, Zalo), and typed words
for a flow's buttons on any channel.

"2", "Xác nhận", "xac nhan" and a close misspelling all pick the same option; at a yes/no
question "có", "ok" pick its one action and "không", "thôi" its one cancelling option.
"""

from __future__ import annotations

import difflib
import re

from ground.messages import Choice
from services.parsing.vn_text import normalize

_NUMBER_RE = re.compile(r"^\s*(\d{1,3})\s*[.)]?\s*$")
_LIST_SEP_RE = re.compile(r"[,+;]")
_BARE_NUMBER_RE = re.compile(r"^\s*(\d{1,9})\s*[.)]?\s*$", re.ASCII)
#: How close a typed answer must be to a label to count (difflib ratio on folded text).
CLOSE_MATCH = 0.8
#: Longest typed answer compared with the labels. Labels are a few words (buttons are cut to
#: 64 characters), so a longer line is never a choice; past this it is not folded or compared
#: at all: difflib's matching grows with the square of the text and took minutes on a
#: 300,000-character line. The line then goes on to the flow, which answers it politely.
MAX_CHOICE_CHARS = 200
#: Ways of saying "yes, go ahead" ("ok gửi luôn", "đồng ý") that pick the menu's one
#: confirming option (Xác nhận / Gửi / Đồng ý), folded.
_AFFIRMATIVE = frozenset(
    {
        "ok",
        "oke",
        "okay",
        "dong y",
        "gui",
        "gui luon",
        "gui di",
        "ok gui",
        "ok gui luon",
        "ok gui di",
        "yes",
        "co",
        "duoc",
        "dong y gui",
        "xac nhan gui",
        "confirm",
        "send",
        "go",
    }
)
_CONFIRMING_LABELS = frozenset({"xac nhan", "gui", "dong y", "confirm", "send", "yes"})
#: The labels of a yes/no question's yes when it names its action: "Kết thúc" / "Thôi" (/close),
#: "Gửi nhắc" / "Thôi" (/remind), "Xóa hạn" / "Thôi". Never an edit ("Sửa"): "ok" to
#: "Sửa" / "Hủy" picks nothing.
_ACTION_LABELS = frozenset({"ket thuc", "gui nhac", "xoa", "xoa han", "van bo", "mo lai", "dung", "co"})
#: Ways of saying "no" ("không", "ko", "thôi") that pick the menu's one cancelling option.
_NEGATIVE = frozenset({"khong", "ko", "k", "kg", "khg", "no", "thoi", "huy", "cancel", "khong gui", "thoi khong"})
#: The labels of an option that does nothing: "Thôi", "Hủy", "Không" ...
_CANCELLING_LABELS = frozenset({"thoi", "huy", "cancel", "khong", "no", "huy bo", "keep it"})


def bare_number(text: str) -> int | None:
    """The number typed alone ("2", "2.", " 45 "), which names an option or is an answer."""
    found = _BARE_NUMBER_RE.match(text)
    return int(found.group(1)) if found else None


def _perfective_forms(typed: str) -> set[str]:
    """What was typed, and for "X rồi" its other ways of saying the same: "đã X" and "X"
    ("nhận rồi" is «Đã nhận», "xong rồi" is «Xong»). Already normalized, without diacritics."""
    stem = typed.rstrip(".!").removesuffix(" roi").strip()
    if stem == typed.rstrip(".!") or not stem:
        return {typed}
    return {typed, stem, f"da {stem.removeprefix('da ')}"}


def match_choice(text: str, choices: list[Choice]) -> Choice | None:
    """The choice the user meant, or None when the answer is not one of them."""
    if not choices or len(text) > MAX_CHOICE_CHARS and len(text.strip()) > MAX_CHOICE_CHARS:
        return None
    number = _NUMBER_RE.match(text)
    if number:
        index = int(number.group(1)) - 1
        return choices[index] if 0 <= index < len(choices) else None
    typed = normalize(text)
    if not typed:
        return None
    labels = [normalize(c.label) for c in choices]
    forms = _perfective_forms(typed)
    exact = [c for c, label in zip(choices, labels, strict=True) if label in forms]
    if len(exact) == 1:
        return exact[0]
    said = typed.rstrip(".!")
    cancelling = [c for c, label in zip(choices, labels, strict=True) if label in _CANCELLING_LABELS]
    if said in _AFFIRMATIVE:
        confirming = [c for c, label in zip(choices, labels, strict=True) if label in _CONFIRMING_LABELS]
        if len(confirming) == 1:
            return confirming[0]
        if len(choices) == 2 and len(cancelling) == 1:
            # a yes/no question whose yes is its action ("Kết thúc" / "Thôi", "Gửi nhắc" / "Thôi")
            doing = [c for c, label in zip(choices, labels, strict=True) if label in _ACTION_LABELS]
            if len(doing) == 1:
                return doing[0]
    if said in _NEGATIVE and len(cancelling) == 1:
        return cancelling[0]
    if _LIST_SEP_RE.search(typed):
        # "hoi nghi truc tiep, zalo" names several options: the question's own parser reads
        # it; a close match would keep the first and drop the rest.
        return None
    scored = sorted(
        ((difflib.SequenceMatcher(None, typed, label).ratio(), i) for i, label in enumerate(labels)),
        reverse=True,
    )
    best_score, best = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    if best_score >= CLOSE_MATCH and best_score - runner_up > 0.05:
        return choices[best]
    # A label that starts with what was typed, when only one does ("xac" for "Xác nhận").
    prefixed = [c for c, label in zip(choices, labels, strict=True) if len(typed) >= 3 and label.startswith(typed)]
    if len(prefixed) == 1:
        return prefixed[0]
    return None

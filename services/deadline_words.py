"""A deadline's display phrase in the reader's language.

The parser and staff store how a deadline is shown in Vietnamese ("trước 15/1/2027",
"đến hết 20/12/2026", "hằng tháng trước ngày 25"); dates and times in it read the same in every
language, the words around them do not. An English reader gets the words from locales/en; a
Vietnamese reader gets the phrase unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: The words a stored phrase is made of (longest first), and the locale key of each.
WORDS = (
    ("của tháng đầu quý", "first_month_of_quarter"),
    ("của tháng giữa quý", "middle_month_of_quarter"),
    ("của tháng cuối quý", "last_month_of_quarter"),
    ("6 tháng đầu năm", "first_half"),
    ("6 tháng cuối năm", "second_half"),
    ("đến hết ngày", "by_end_of"),
    ("đến hết", "by_end_of"),
    ("chậm nhất", "no_later_than"),
    ("hằng ngày", "daily"),
    ("hằng tuần", "weekly"),
    ("hằng tháng", "monthly"),
    ("hằng quý", "quarterly"),
    ("hằng năm", "yearly"),
    ("trước", "before"),
    ("đến", "until"),
    ("từ", "from"),
    ("trong", "in"),
    ("lúc", "at"),
    ("vào", "on"),
    ("thứ Hai", "mon"),
    ("thứ Ba", "tue"),
    ("thứ Tư", "wed"),
    ("thứ Năm", "thu"),
    ("thứ Sáu", "fri"),
    ("thứ Bảy", "sat"),
    ("Chủ nhật", "sun"),
    ("ngày", "day"),
    ("tháng", "month"),
    ("quý", "quarter"),
    ("năm", "year"),
)
_WORD_RE = re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w, _ in WORDS) + r")(?!\w)", re.IGNORECASE)
_KEY_OF = {w.casefold(): k for w, k in WORDS}


def shown_in(translate: Callable[[str], str], shown: str) -> str:
    """``shown`` with its Vietnamese words put in the language ``translate`` speaks."""
    if not shown or translate("deadline_word.before") == "trước":
        return shown  # Vietnamese (or a language without its own words): as stored
    return _WORD_RE.sub(lambda m: translate("deadline_word." + _KEY_OF[m.group(1).casefold()]), shown)

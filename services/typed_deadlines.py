"""A deadline typed by staff (/deadline, /new's «Thêm hạn» and «Sửa»), read and checked.

The parser reads the phrase; a rule of a month, quarter or year is then checked for the day it
names, so an impossible one is refused with what is expected instead of being dropped from
the rule without a word: "trước ngày 35 hằng tháng" (a day of the month is 1-31), "ngày 30/2
hằng năm" (a real day of the year; 29/2 is one), and a day the rule could not keep at all
("hằng quý ngày 20 giữa quý")."""

from __future__ import annotations

import calendar
import re
from datetime import date

from services.i18n import Translator
from services.parsing import DeadlineError
from services.parsing.deadlines import Deadline
from services.parsing.vn_text import fold

#: "ngày 30/2", "30-2", "ngày 15 tháng 12": a day and a month with no year after them.
_DAY_MONTH = re.compile(
    r"\b(?P<d>\d{1,3})\s?(?:[/\-]\s?|\s+thang\s+)(?P<m>\d{1,3})\b(?!\s?[/\-]\s?\d|\s+nam\s+\d|\s*,\s*nam\s+\d)"
)
#: "ngày 35": a day on its own (a day of the month, or of the quarter's month).
_DAY_ONLY = re.compile(r"\bngay\s+(?P<d>\d{1,3})\b(?!\s?[/\-]\s?\d|\s+thang\s+\d)")
#: Rules whose point is a day; "hằng ngày" and "hằng tuần" name hours and weekdays instead.
_DAY_RULES = ("monthly", "quarterly", "yearly")
#: A leap year: 29/2 is a real day of the year (in other years the rule falls on 28/2).
_LEAP = 2024


def read(
    phrase: str, *, default_year: int | None, reference: date, kind_hint: str | None = None
) -> Deadline | DeadlineError:
    """The deadline ``phrase`` states, or why it cannot be taken (a message ready to send)."""
    from services.parsing.dates import parse_deadline_phrase

    found = parse_deadline_phrase(phrase, default_year=default_year, kind_hint=kind_hint, reference=reference)
    if isinstance(found, DeadlineError) or found.recurrence is None:
        return found
    return rule_day_error(phrase, found) or found


def rule_day_error(phrase: str, found: Deadline) -> DeadlineError | None:
    """Why the day a typed rule names cannot be its day; None when it can (or names none)."""
    rule = found.recurrence
    if rule is None or rule.freq not in _DAY_RULES:
        return None
    t = Translator("vi")
    folded = fold(phrase)
    named = False
    for m in _DAY_MONTH.finditer(folded):
        named = True
        day, month = int(m["d"]), int(m["m"])
        if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(_LEAP, month)[1]):
            return DeadlineError("rule_day", t("typed_deadline.day_of_year", day=day, month=month), phrase)
    for m in _DAY_ONLY.finditer(folded):
        named = True
        day = int(m["d"])
        if not 1 <= day <= 31:
            return DeadlineError("rule_day", t("typed_deadline.day_of_month", day=day), phrase)
    if named and rule.day_of_month is None:
        return DeadlineError("rule_day", t("typed_deadline.day_unread", phrase=phrase.strip()), phrase)
    return None

"""Vietnamese dates, times and deadline phrases.

Everything here matches on *folded* text (see ``vn_text.fold``: lowercase, no diacritics, same
length as the readable text), so "trước ngày 23/8/2021", "truoc ngay 23/8/2021" and NFD
copy-paste all read the same, and a match position is also a position in the original.

Public API
----------
``find_dates(text)``            every day-level date written in the text, valid or not
``parse_date(s, ...)``          the first date in ``s``; raises ``InvalidDateError`` for 31/2/2021
``parse_time(s)``               "17h00", "17h", "17 giờ", "17:00" -> datetime.time
``parse_deadline_phrase(...)``  a deadline typed in chat -> ``Deadline`` or ``DeadlineError``
                                (returned, never raised, so the chat flow can answer with
                                ``error.message``, e.g. "ngày 31/2/2021 không tồn tại").

Semantics (docs/domain.md): "đến hết / hết / chậm nhất ngày X" and a bare X mean X 23:59;
"trước ngày X" means X-1 23:59; "trước 17h00 ngày X" means X 17:00; "trong tháng/quý/năm"
means the last day of that period 23:59; "từ ngày X" is a start (X 00:00); "hằng ngày /
tuần / tháng" is a schedule with no single due time.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal, overload

from .deadlines import Deadline, DeadlineError, Recurrence, format_date
from .vn_text import clean_markup, fold, has_diacritics

__all__ = [
    "DateMention",
    "InvalidDateError",
    "find_dates",
    "parse_date",
    "parse_time",
    "parse_deadline_phrase",
    "resolve_day_month",
]

END_OF_DAY = time(23, 59)

# ---------------------------------------------------------------------------------------
# Regular expressions (all on folded text). Every quantifier is bounded or consumes a
# distinct character class, so matching stays linear on 100k-character documents.
# ---------------------------------------------------------------------------------------

_YEAR_TAIL = r"(?:\s?[/.\-]\s?(?P<{0}>\d{{4}})|(?:\s*,)?\s+nam\s+(?P<{1}>\d{{4}}))?"

TEMPORAL_RE = re.compile(
    # cheap first-character test so most positions fail before trying six alternatives
    r"(?=[nqt\d])(?:"
    # "ngày 20 tháng 8 năm 2021" (year optional)
    # ("Từ 20 tháng 11 đến hết ngày ...": after "từ" the word "ngày" may be dropped)
    r"(?:\bngay\s+|(?<=\btu\s))(?P<w_d>\d{1,2})\s+thang\s*(?P<w_m>\d{1,2})"
    r"(?:(?:\s*,)?\s+nam\s+(?P<w_y>\d{4}))?(?!\d)"
    # 20/8/2021, 20-8-2021, 20.8.2021 (same separator twice)
    # (a whole date may follow another glued by a dash: "từ ngày 01/7/2024-7/7/2024")
    # ("từ ngày 20-28/01/2016": the end of a run of days, glued to its start day by a dash)
    # ("28.6-2017": a dotted day and month, the year after a dash, as some papers print it)
    # ("từ ngày 23/3-29/3/2020": a whole date glued by a dash to a day and month before it)
    r"|(?:(?<![\d/.\-])|(?<=[/.\-]\d{4}-)|(?<=\bngay\s\d-)|(?<=\bngay\s\d\d-)|(?<=\d/\d-)|(?<=\d/\d\d-))(?P<n_d>\d{1,2})\s?(?P<sep>[/.\-])\s?(?P<n_m>\d{1,2})"
    r"(?:\s?(?P=sep)\s?|(?<=\.\d)-|(?<=\.\d\d)-)"
    # ("đến hết ngày 30/12/202": a year cut off in the copy, one digit short, is read as the
    # text's evident year, as a date without one)
    # (or before the sentence's stop: "trước ngày 1/9/201.")
    r"(?:(?P<n_y>\d{4})(?!\d)|(?P<n_y3>(?:19|20)\d)(?![\d/\-]|\.\d))"
    # "tháng 9, 10 năm 2018", "tháng 11 và 12/2023": months listed with the word once, read as
    # the span to the last one
    r"|\bthang\s+\d{1,2}(?:\s?,\s?\d{1,2}){0,3}(?:\s?,\s?|\s+va\s+)(?:thang\s+)?(?P<l_m>\d{1,2})"
    r"(?:\s?[/.\-]\s?|(?:\s*,)?\s+nam\s+)(?P<l_y>\d{4})(?!\d)"
    # tháng 8/2021, tháng 8 năm 2021, tháng 8
    r"|\bthang\s+(?P<m_m>\d{1,2})" + _YEAR_TAIL.format("m_y", "m_y2") + r"(?![\d/])"
    # quý III/2021, quý 3 năm 2021, quý III
    r"|\bquy\s+(?P<q_q>iv|iii|ii|i|[1-4])(?![a-z\d])"
    + _YEAR_TAIL.format("q_y", "q_y2")
    # năm 2021
    + r"|\bnam\s+(?P<y_y>\d{4})(?!\d)"
    # 20/8 or 20-8 without a year; "ngày 25.3" with a dot
    # "hoàn thành trong 2/2021": a month and year after "trong" with the word "tháng" dropped
    r"|(?<=trong\s)(?P<b_m>0?[1-9]|1[0-2])\s?/\s?(?P<b_y>(?:19|20)\d{2})(?![\d/])"
    # (a spaced dash after it opens the end of a range: "từ 01/8 - 15/8/2023")
    r"|(?<![\d/.\-])(?P<s_d>\d{1,2})\s?[/\-]\s?(?P<s_m>\d{1,2})(?![\d/]|\s?/\s?\d|-(?!\d{1,2}/\d{1,2}/(?:19|20)\d\d)\s?\d|\s-\d|\.\d)"
    # (or right after a cue word: "bắt đầu từ 22.2", "trước 15.2"; a bare "22.2" elsewhere may
    # be a decimal number)
    # (or closing a dotted range: "từ ngày 12.3-30.4", "từ ngày 10.3 - 10.4")
    r"|(?:(?<=ngay\s)|(?<=\btu\s)|(?<=\btruoc\s)|(?<=\bden\s)|(?<=\bhet\s)"
    r"|(?<=\d\.\d-)|(?<=\d\.\d\d-)|(?<=\d\.\d\s-\s)|(?<=\d\.\d\d\s-\s)|(?<=\d\.\d\s–\s)|(?<=\d\.\d\d\s–\s))"
    r"(?P<p_d>\d{1,2})\.(?P<p_m>\d{1,2})(?![\d.]\d|\d)"
    r")"
)

_TIME_CORE = (
    r"(?:[01]?\d|2[0-3])\s?(?:h|gio|g)(?:\s?[0-5]\d)?(?:\s?(?:phut|p))?(?![a-z\d])"
    r"|(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)"
)
TIME_RE = re.compile(
    r"(?<![\d/:.,])(?P<h>[01]?\d|2[0-3])\s?(?:(?:h|gio|g)(?:\s?(?P<m>[0-5]\d))?(?:\s?(?:phut|p))?"
    r"(?![a-z\d])|:(?P<m2>[0-5]\d)(?!\d))"
)

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_ROMAN_OUT = {1: "I", 2: "II", 3: "III", 4: "IV"}


class InvalidDateError(ValueError):
    """A date-like string that names no real day (31/2/2021, 32/1/2021, 15/13/2021)."""

    def __init__(self, raw: str):
        self.raw = raw.strip()
        self.message = f"ngày {self.raw} không tồn tại"
        super().__init__(self.message)


@dataclass(frozen=True)
class DateMention:
    """A day-level date written in a text.

    ``year`` is None when the text omits it ("20/8"). ``value`` is the date when it exists
    (and the year is known), else None; ``invalid`` is True for days that do not exist.
    """

    start: int
    end: int
    raw: str
    day: int
    month: int
    year: int | None

    @property
    def invalid(self) -> bool:
        return not _is_valid_day(self.day, self.month, self.year)

    @property
    def value(self) -> date | None:
        if self.year is None or self.invalid:
            return None
        return date(self.year, self.month, self.day)

    @property
    def message(self) -> str | None:
        return f"ngày {self.raw} không tồn tại" if self.invalid else None


def _is_valid_day(day: int, month: int, year: int | None) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    # Without a year, 29/2 may exist (leap years), so only check against the longest month.
    y = year if year is not None else 2000
    if year is not None and not 1 <= year <= 9999:
        return False
    return day <= calendar.monthrange(y, month)[1]


# ---------------------------------------------------------------------------------------
# Temporal mentions: a day, a month, a quarter or a year.
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Temporal:
    """Internal: one temporal expression found in folded text."""

    start: int
    end: int
    unit: str  # "day" | "month" | "quarter" | "year"
    day: int | None = None
    month: int | None = None
    quarter: int | None = None
    year: int | None = None


def iter_temporal(folded: str, start: int = 0, end: int | None = None):
    """Yield ``Temporal`` for each date/period expression, left to right."""
    for m in TEMPORAL_RE.finditer(folded, start, len(folded) if end is None else end):
        g = m.groupdict()
        s, e = m.start(), m.end()
        if g["w_d"] is not None:
            yield Temporal(s, e, "day", day=int(g["w_d"]), month=int(g["w_m"]), year=_int(g["w_y"]))
        elif g["n_d"] is not None:
            yield Temporal(s, e, "day", day=int(g["n_d"]), month=int(g["n_m"]), year=_int(g["n_y"]))
        elif g["l_m"] is not None:
            yield Temporal(s, e, "month", month=int(g["l_m"]), year=int(g["l_y"]))
        elif g["m_m"] is not None:
            yield Temporal(s, e, "month", month=int(g["m_m"]), year=_int(g["m_y"] or g["m_y2"]))
        elif g["b_m"] is not None:
            yield Temporal(s, e, "month", month=int(g["b_m"]), year=int(g["b_y"]))
        elif g["q_q"] is not None:
            q = g["q_q"]
            yield Temporal(s, e, "quarter", quarter=_ROMAN.get(q) or int(q), year=_int(g["q_y"] or g["q_y2"]))
        elif g["y_y"] is not None:
            yield Temporal(s, e, "year", year=int(g["y_y"]))
        elif g["s_d"] is not None:
            yield Temporal(s, e, "day", day=int(g["s_d"]), month=int(g["s_m"]))
        elif g["p_d"] is not None:
            yield Temporal(s, e, "day", day=int(g["p_d"]), month=int(g["p_m"]))


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def find_dates(text: str) -> list[DateMention]:
    """All day-level dates in ``text`` (valid or not), with positions in ``clean_markup(text)``."""
    cleaned = clean_markup(text)
    folded = fold(cleaned)
    out = []
    for t in iter_temporal(folded):
        if t.unit == "day":
            out.append(DateMention(t.start, t.end, cleaned[t.start : t.end], t.day, t.month, t.year))
    return out


def resolve_day_month(day: int, month: int, *, default_year: int | None, reference: date | None = None) -> date | None:
    """Year for a date written without one: the next such date on/after ``reference`` when
    given, else ``default_year``. None when no year can be chosen or the day does not exist."""
    if reference is not None:
        for y in (reference.year, reference.year + 1):
            if _is_valid_day(day, month, y) and date(y, month, day) >= reference:
                return date(y, month, day)
        return None
    if default_year is None or not _is_valid_day(day, month, default_year):
        return None
    return date(default_year, month, day)


def parse_date(s: str, *, default_year: int | None = None, reference: date | None = None) -> date | None:
    """The first date written in ``s`` ("20/8/2021", "ngày 20 tháng 8 năm 2021", "20/8").

    Returns None when ``s`` holds no date (or no year can be chosen for "20/8");
    raises ``InvalidDateError`` when it holds a day that does not exist ("31/2/2021").
    """
    for mention in find_dates(s):
        if mention.invalid:
            raise InvalidDateError(mention.raw)
        if mention.year is not None:
            return mention.value
        return resolve_day_month(mention.day, mention.month, default_year=default_year, reference=reference)
    return None


def parse_time(s: str) -> time | None:
    """ "17h00", "17h", "17 giờ 30", "17:00", "06h" -> time; None if no time is written."""
    m = TIME_RE.search(fold(clean_markup(s)))
    return _time_of(m) if m else None


def _time_of(m: re.Match) -> time:
    return time(int(m["h"]), int(m["m"] or m["m2"] or 0))


# ---------------------------------------------------------------------------------------
# Periods
# ---------------------------------------------------------------------------------------


def period_bounds(t: Temporal, year: int) -> tuple[date, date] | None:
    """First and last day of a month / quarter / year temporal (None if out of range)."""
    if not 1 <= year <= 9999:
        return None
    if t.unit == "month":
        month = t.month
        if month is None or not 1 <= month <= 12:
            return None
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if t.unit == "quarter":
        assert t.quarter is not None, "iter_temporal gives every quarter temporal its quarter"
        first_month = 3 * t.quarter - 2
        last_month = first_month + 2
        return date(year, first_month, 1), date(year, last_month, calendar.monthrange(year, last_month)[1])
    if t.unit == "year":
        return date(year, 1, 1), date(year, 12, 31)
    return None


def period_label(t: Temporal, year: int) -> str:
    """ "tháng 8/2021", "quý III/2021", "năm 2021"."""
    if t.unit == "month":
        return f"tháng {t.month}/{year}"
    if t.unit == "quarter":
        assert t.quarter is not None, "iter_temporal gives every quarter temporal its quarter"
        return f"quý {_ROMAN_OUT[t.quarter]}/{year}"
    return f"năm {year}"


# ---------------------------------------------------------------------------------------
# Cues: the words right before a date that make it a deadline, and how.
# Each pattern is anchored at the end of the window that precedes the date.
# ---------------------------------------------------------------------------------------

# Cue words start at a word that is not glued to a "/" or "-": the "TU" of "08-NQ/TU ngày"
# is an issuer code, not "từ" (from). Hence _W instead of \b at word starts.
_W = r"(?<![\w/\-])"
# Copy-paste glues words ("đại biểu Hội đồng nhân dânchậm nhất là ngày ..."). A cue that opens
# with a consonant cluster no Vietnamese syllable has inside it ("tr", "ch") is still that
# cue after a glued letter; short cues ("từ", "đến", "hạn") keep the strict start.
_WG = r"(?<![\d/\-])"
# "17 giờ 00'", "17h00’": a minute mark after the time
# "8 giờ sáng", "3 giờ chiều": the part of the day after the hour
_T = rf"(?P<t>{_TIME_CORE})(?:\s?')?(?:\s+(?P<pod>sang|trua|chieu|toi)\b)?"
# the weekday written between a cue and its date: "trước 17h00, thứ Sáu, ngày 23/6/2023",
# "ngày thứ Sáu 23/6/2023", "chậm nhất vào Chủ nhật, ngày ..."
# (or in brackets: "bắt đầu từ 08h00 (Thứ 2) ngày 16/9/2019")
_WD = r"(?:\(?\s*(?:thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s+nhat)\s*\)?\s*,?\s*(?:ngay\s*)?)?"
_NGAY = rf"(?:(?:cua|vao)\s+)?(?:ngay\s*)?{_WD}"
_HAN = (  # "hạn", "thời hạn", "hạn chót", "hạn nộp báo cáo" — not "giới hạn", "hạn chế"
    rf"(?<!gioi\s){_W}(?:thoi\s+)?han(?:\s+(?:chot|cuoi(?:\s+cung)?))?"
)

CUE_BEFORE_TIME = re.compile(rf"{_WG}truoc\s+(?:(?:luc|thoi\s+diem)\s+)?{_T}\s*,?\s*{_NGAY}$")
CUE_AT_TIME = re.compile(
    rf"(?<!tinh\s)(?:{_WG}(?:cham|muon)\s+nhat|{_W}(?:den|vao|luc|han(?:\s+chot)?))\s+(?:(?:la|luc|vao|truoc)\s+){{0,2}}"
    rf"{_T}\s*,?\s*{_NGAY}$"
)
# "trước tháng 30/6/2020": "tháng" before a whole day is a slip for "ngày" (read as the
# evident day and flagged, see TYPO_MONTH_FOR_DAY).
CUE_BEFORE = re.compile(rf"{_WG}truoc\s*(?:(?:cac\s+)?(?:ngay|thang)\s*)?{_WD}$")
TYPO_MONTH_FOR_DAY = re.compile(r"\bthang\s*$")
CUE_END_OF_DAY = re.compile(
    rf"(?:{_W}tu\s+nay\s+)?(?:{_W}(?:den|toi)\s+)?{_W}het\s*(?:ngay\s*)?$"
    rf"|{_WG}(?:cham|muon)\s+nhat(?:\s+(?:la|vao|den|trong|cac))*\s*[:,]?\s*(?:ngay\s*)?{_WD}$"
    rf"|{_HAN}(?:\s+(?:nop|gui|bao\s+cao|hoan\s+thanh|thuc\s+hien|ke\s+hoach)){{0,2}}"
    rf"(?:\s+(?:la|vao))?\s*:?\s*(?:ngay\s*)?$"
    # "Hạn cuối nhận bài dự thi là ngày ...", "Hạn chót gửi bài là ...": what is due, then "là"
    rf"|{_HAN}(?!\s+che\b)(?:\s+[a-z]+){{1,6}}?\s+la\s*:?\s*(?:ngay\s*)?$"
    rf"|{_W}(?:hoan\s+thanh|xong|nop|ket\s+thuc)(?:\s+xong)?\s*(?:(?:vao|trong|la)\s+)?"
    rf"(?:ngay\s*)?$"
    # "không muộn hơn ngày X", "không chậm hơn ngày X", "không quá ngày X": no later than X
    # ("không quá 1/2" without "ngày" is a fraction: no more than half)
    rf"|{_W}khong\s+(?:(?:muon|cham)\s+hon\s*(?:ngay\s*)?|qua\s+ngay\s*)$"
    # "Nếu gửi muộn sau 20/5 thì không kịp ...": a limit told by what happens after it
    rf"|{_W}(?:muon|tre)\s+(?:hon\s+)?sau\s*(?:ngay\s*)?$"
    # "Thời gian cuối cùng nhận bài dự thi là ngày 15/4/2024": the last time for a thing
    rf"|{_W}thoi\s+(?:gian|diem)\s+cuoi(?:\s+cung)?(?:\s+[a-z]+){{0,6}}?\s+la\s*:?\s*(?:ngay\s*)?$"
)
# "Thời gian thực hiện: 20/8/2021" — a time label whose value is the date.
# So is "Hạn chót nộp hồ sơ: 25/6/2023", "Hạn nộp bài dự thi: ..." (not "hạn chế: ...").
CUE_LABEL = re.compile(
    rf"(?:{_W}thoi\s+(?:gian|han)|(?<!gioi\s){_W}han(?:\s+chot)?(?!\s+che\b))\b[^:;\n]{{0,60}}:\s*(?:ngay\s*)?$"
)
EVENT_AT = re.compile(r"(?:vao|luc)\b")
EVENT_WORD = re.compile(
    r"\b(?:hoi\s+nghi|dai\s+hoi|le|buoi|hop|khai\s+mac|dien\s+ra|duoc\s+to\s+chuc|du|moi|ra\s+quan|mit\s+tinh)\b"
)
WORK_WORD = re.compile(r"\b(?:nop|gui|bao\s+cao|hoan\s+thanh|xong|ket\s+thuc|han|dang\s+ky)\b")
LABEL_AT_TIME = re.compile(rf"(?<![\d:]){_T}\s*,?\s*{_NGAY}$")
# "đến ngày X" is an end only in a range ("từ ... đến ngày X") or with a completion cue;
# "tính đến ngày X" is an as-of date in statistics, never a deadline.
# "từ ngày 27 đến 29-7-2020": a run of days written with the month once is the days an
# event takes (a congress, a conference), not a deadline; "đến" there closes no task.
# ("những năm tới", "thời gian tới", "tháng tới": "tới" after a span of time is "next", not "until")
CUE_UNTIL = re.compile(
    rf"(?<!tinh\s)(?<!ngay\s\d\s)(?<!ngay\s\d\d\s){_W}(?:den|(?<!nam\s)(?<!thang\s)(?<!tuan\s)(?<!gian\s)toi)"
    rf"\s+(?:het\s+)?(?:ngay\s*)?$"
)
# "từ 01/8 - 15/8/2023": a spaced dash after a whole day (not "từ ngày 23 - 24/11", a run of days)
CUE_DASH = re.compile(r"(?:(?<=\d\s)|(?<=[/.]\d{4})|(?<=\d\.\d)|(?<=\d\.\d\d)|(?<=\d/\d)|(?<=\d/\d\d))[-–]\s?$")
_DAY_BEFORE_DASH = re.compile(
    r"\d{1,2}\s?[/.]\s?\d{1,2}(?:\s?[/.]\s?\d{4})?\s$|\d{1,2}[./]\d{1,2}$|\d{1,2}\s?([/.])\s?\d{1,2}\s?\1\s?\d{4}$"
)
CUE_START = re.compile(
    rf"(?<!tinh\s){_W}(?:ke\s+)?tu\s*(?::\s*)?(?:(?:luc\s+)?{_T}\s*,?\s*)?(?:ngay\s*)?{_WD}$"
    # "từ ngày phát động cuộc thi, ngày 22-11-2018": the launch day named, then its date
    rf"|{_W}(?:ke\s+)?tu\s+(?:ngay|khi)\s+phat\s+dong(?:\s+(?!den\b|toi\b|het\b)[a-z]+){{0,3}}?\s*,?\s*(?:ngay\s*)?$"
    rf"|{_W}bat\s+dau(?:\s+(?:tu|vao|thuc\s+hien|trien\s+khai))?\s*(?:ngay\s*)?$"
)
CUE_START_AT = re.compile(rf"(?<!tinh\s){_W}(?:ke\s+)?tu\s+luc\s+{_T}\s*,?\s*{_NGAY}$")
# Periods ("tháng 8/2021", "quý III", "năm 2021").
CUE_P_BEFORE = re.compile(rf"{_WG}truoc\s*$")
CUE_P_END = re.compile(
    rf"(?:{_W}(?:den|toi)\s+)?{_W}het\s*$"
    rf"|{_WG}(?:cham|muon)\s+nhat(?:\s+(?:la|vao|den|trong))*\s*[:,]?\s*$"
    rf"|{_HAN}\s*:?\s*(?:trong\s*)?$"
)
CUE_P_IN = re.compile(rf"{_W}trong\s*$")
CUE_P_AT = re.compile(rf"{_W}vao\s*$")
PHASE_LABEL = re.compile(
    rf"(?:^\s*|\n\s*|[-+•*]\s*|[.;]\s+){_W}(?:giai\s+doan|dot|buoc)\s+(?:\d{{1,2}}|[ivx]{{1,4}})\s*[:(]\s*$"
)
PHASE_MONTH_RUN = re.compile(r"\s?-\s?(?:thang\s+)?\d{1,2}\b")
CUE_P_ENDS = re.compile(rf"{_W}ket\s+thuc\s+(?:vao\s+)?(?:(?:cuoi|het)\s+)?$")
# "(hoàn thành ...) vào cuối quý 2/2021", "trước cuối tháng 3-2020": the period's end, when a
# completion word or time label earlier in the clause makes it a deadline (and not a target
# such as "đến cuối năm 2025, tỷ lệ ... đạt 90%").
CUE_P_LATE = re.compile(
    rf"{_W}(?:(?:vao|truoc|den|trong|(?:cham|muon)\s+nhat(?:\s+(?:la|vao|den))*)\s+)?(?:thoi\s+diem\s+)?cuoi\s*$"
)
# "hoàn thành vào giữa tháng 10-2017": the middle of a month, read as its 15th, when a
# completion word binds it right before
CUE_P_MID = re.compile(
    rf"{_W}(?:hoan\s+thanh|xong|ket\s+thuc)\s+(?:(?:vao|trong|truoc)\s+)?(?P<mid>giua|trung\s+tuan)\s*$"
)
#: the day a month's middle ("giữa tháng", "trung tuần tháng") is read as
MID_MONTH_DAY = 15
# "... báo cáo kết quả về Huyện ủy vào cuối tháng 3-2020": a report or a sending before it
LATE_ACT = re.compile(rf"{_W}(?:gui|nop)\b")
# (or a task carried out "vào cuối ...": "tiến hành đại hội vào cuối tháng 3", "tổ chức hội nghị vào cuối quý")
HELD_ACT = re.compile(rf"{_W}(?:tien\s+hanh|to\s+chuc|trien\s+khai|thuc\s+hien)\b")
# "báo cáo (đề xuất) với UBND tỉnh", "báo cáo về Ban Thường vụ": reporting up to a body
REPORT_UP = re.compile(
    rf"{_W}bao\s+cao(?:\s+(?:de\s+xuat|ket\s+qua))?\s+(?:voi|len|ve)\s+(?:ubnd|uy\s+ban|ban|so|bo|thuong\s+truc|tinh|huyen|thanh)\b"
)
# "trình Hội nghị Trung ương", "trình UBND tỉnh": submitting to a body (not "chương trình",
# "quá trình", "lộ trình", "trình độ")
SUBMIT_UP = re.compile(
    r"(?<!chuong\s)(?<!qua\s)(?<!lo\s)(?<!cong\s)(?<!hanh\s)(?<!tien\s)(?<!giao\s)(?<!\w)trinh\s+"
    r"(?:hoi\s+nghi|ban|ubnd|uy\s+ban|bo\s+chinh\s+tri|trung\s+uong|thuong\s+truc|hdnd|hoi\s+dong|chinh\s+phu|thu\s+tuong)\b"
)
# "trong tháng X" is a deadline when it is the complement of a doing/finishing verb
# ("hoàn thành trong tháng 8/2021", "triển khai xong trong quý III") — not when it is a
# time modifier of a noun ("tiêu chí phân loại đảng viên trong năm 2021").
VERB_BEFORE_TRONG = re.compile(
    rf"{_W}(?:hoan\s+thanh|xong|thuc\s+hien|trien\s+khai|bao\s+cao|nop|gui|ban\s+hanh|"
    rf"ket\s+thuc|to\s+chuc(?:\s+xong)?|tien\s+hanh)\s*[:,]?\s*trong\s*$"
)
# (not the ratings "hoàn thành tốt / xuất sắc nhiệm vụ")
FINISH_VERB = re.compile(rf"{_W}(?:hoan\s+thanh(?!\s+(?:tot|xuat\s+sac|nhiem\s+vu)\b)|ket\s+thuc)\b")
# (after the period, or after a span of periods it opens: "trong quý II và quý III/2020.")
CLAUSE_END = re.compile(
    r"(?:\s?(?:-|\s(?:va|den)\s)\s?(?:(?:thang|quy)\s+)?(?:\d{1,2}|iv|iii|ii|i)(?:\s?[/.\-]\s?\d{4})?)?"
    r"\s*(?:[.;,\n]|$)"
)
LABEL_BEFORE_TRONG = re.compile(rf"{_W}thoi\s+(?:gian|han)\b[^:;\n]{{0,60}}:\s*(?:trong\s*)?$")
BARE_MONTH_OPENING = re.compile(r"[\s\-+*•.)(\d]*(?:theo\s+(?:ke\s+hoach|du\s+kien|lo\s+trinh)\s*,\s*)?$")
BARE_MONTH_ACT = re.compile(r"\s*,?\s*(?:se\s+)?(?:tien\s+hanh|hoan\s+thanh|to\s+chuc|trien\s+khai)\b")
CLAUSE_START_TRONG = re.compile(r"^[\s\-+*•.)(\d]*trong\s*$")
DOING_VERB = re.compile(
    rf"{_W}(?:hoan\s+thanh|bao\s+cao|nop|gui|trien\s+khai|thuc\s+hien|xay\s+dung|"
    rf"ban\s+hanh|to\s+chuc)\b"
)
RANGE_START = re.compile(rf"{_W}tu\s+(?:nay|ngay|\d|thang|quy|nam)")
COMPLETION_WORD = re.compile(
    rf"{_W}(?:hoan\s+thanh|thoi\s+(?:gian|han)|xong|nop|tiep\s+nhan|nhan\s+(?:bai|ho\s+so|phieu|tac\s+pham))\b"
)


_ANY_CUE_WORD = re.compile(
    r"truoc|het|nhat|han|tu|den|toi|dau|thoi|trong|thanh|xong|nop|thuc|cuoi|hon|qua|vao|doan|dot|buoc|muon|tre"
)


@dataclass(frozen=True)
class Cue:
    relation: str  # see deadlines.RELATIONS, plus "period_before"/"period_start"
    start: int  # absolute position where the cue words begin
    at: time | None = None
    through: bool = False  # "đến hết tháng 8" (shown as such) rather than "trong tháng 8"


@overload
def match_cue(folded: str, t: Temporal, lo: int, *, loose: Literal[True]) -> Cue: ...
@overload
def match_cue(folded: str, t: Temporal, lo: int, *, loose: bool = False) -> Cue | None: ...
def match_cue(folded: str, t: Temporal, lo: int, *, loose: bool = False) -> Cue | None:
    """The deadline cue governing temporal ``t`` (None when it is not a deadline).

    ``lo`` is where the clause begins: cues never reach across clauses. ``loose`` is for a
    phrase typed in chat, where a bare date or period already means a deadline.
    """
    # Cue phrases are short: 60 characters back is enough for all but a time label
    # ("Thời gian hoàn thành công tác triển khai: ..."), which gets 120 when a ":" is near.
    wstart = max(lo, t.start - 60)
    window = folded[wstart : t.start]
    if (
        t.unit == "month"
        and t.year is not None
        and t.start - lo <= 40
        and BARE_MONTH_OPENING.match(folded, lo, t.start)
        and BARE_MONTH_ACT.match(folded, t.end)
    ):
        # "Theo kế hoạch, tháng 1-2020, tiến hành đại hội các chi bộ": a schedule's month
        # opening its clause, its task right after it, is done within that month
        return Cue("period_end", t.start)
    # Most dates are governed by nothing; one cheap scan for any cue word spares the dozen
    # anchored cue patterns below (a table of 25,000 dates must stay fast).
    if not loose and not _ANY_CUE_WORD.search(window) and folded.find(":", max(lo, t.start - 120), t.start) == -1:
        return None

    def cue(rel, m, at=None):
        return Cue(rel, wstart + m.start(), at)

    if t.unit == "day":
        if m := CUE_BEFORE_TIME.search(window):
            return cue("before_time", m, _cue_time(m))
        if m := CUE_START_AT.search(window):
            # "mở từ lúc 7 giờ ngày 06/9/2021": a start at an hour ("lúc ... ngày" alone is a time)
            return cue("start", m, _cue_time(m))
        if m := CUE_AT_TIME.search(window):
            if not loose and EVENT_AT.match(window, m.start()) and _event_clause(folded, lo, t):
                # "Hội nghị được tổ chức vào lúc 14 giờ ngày 25/5/2020": when an event is
                # held, not a limit for anyone's work
                return None
            return cue("at_time", m, _cue_time(m))
        if m := CUE_BEFORE.search(window):
            return cue("before_day", m)
        if (m := LABEL_AT_TIME.search(window)) and (p := _label(folded, lo, wstart + m.start(), CUE_LABEL)) is not None:
            # "Hạn cuối nhận bài dự thi: 17 giờ ngày 30/9/2022": a time label's value with an hour
            return Cue("at_time", p, _cue_time(m))
        if m := CUE_END_OF_DAY.search(window):
            return cue("end_of_day", m)
        if m := CUE_START.search(window):
            return cue("start", m, _cue_time(m) if m["t"] else None)
        if m := CUE_UNTIL.search(window):
            if (
                loose
                or _range_or_completion(folded, lo, wstart + m.start())
                or _must_by(folded, lo, wstart + m.start(), t)
            ):
                return cue("end_of_day", m)
            return None
        if (
            (m := CUE_DASH.search(window))
            and _DAY_BEFORE_DASH.search(window, 0, m.start())
            and RANGE_START.search(folded, max(lo, t.start - 40), wstart + m.start())
        ):
            return cue("end_of_day", m)  # "từ 01/8 - 15/8/2023": the range's end
        if (p := _label(folded, lo, t.start, CUE_LABEL)) is not None:
            return Cue("end_of_day", p)
        if loose:
            return Cue("end_of_day", t.start)
        return None

    # periods
    if m := PHASE_LABEL.search(window):
        # "Giai đoạn 2 (tháng 9 - 10/2023): tổ chức thi", "Đợt 1: tháng 9/2023": a phase's span;
        # a run of months is a window from its first month, one month the time to finish in
        run = PHASE_MONTH_RUN.match(folded, t.end) if t.unit == "month" else None
        return cue("period_start" if run else "period_end", m)
    if m := CUE_P_BEFORE.search(window):
        return cue("period_before", m)
    if m := CUE_P_END.search(window):
        return Cue("period_end", wstart + m.start(), None, through="het" in m[0])
    if m := CUE_START.search(window):
        return cue("period_start", m)
    if t.unit == "month" and (m := CUE_P_MID.search(window)):
        return cue("period_mid", m)
    if m := CUE_P_LATE.search(window):
        head_end = wstart + m.start()
        if (
            loose
            or COMPLETION_WORD.search(folded, lo, head_end)
            or LATE_ACT.search(folded, lo, head_end)
            # "tiến hành đại hội điểm vào cuối tháng 3-2020": a task held by the period's end
            or (m[0].lstrip(" ,").startswith("vao") and HELD_ACT.search(folded, max(lo, head_end - 120), head_end))
            or REPORT_WORD.search(folded, lo, head_end)
            or re.match(r"(?:truoc|cham|muon)\b", m[0])
            # "Đến cuối tháng 3-2020, các chi bộ gửi danh sách ...": opening the clause, a
            # duty after it (not "Đến cuối năm 2025, tỷ lệ hộ nghèo giảm ...", a target)
            or (CLAUSE_OPEN.fullmatch(folded, lo, head_end) and _doing_after(folded, t))
        ):
            return cue("period_end", m)
        return None
    if (m := CUE_P_ENDS.search(window)) and (
        loose or RANGE_START.search(folded, max(lo, t.start - 200), wstart + m.start())
    ):
        # "bắt đầu từ tháng 10-2021 và kết thúc vào tháng 2-2022": the end of a window
        return Cue("period_end", wstart + m.start(), None, through=True)
    if (m := CUE_P_AT.search(window)) and DOING_VERB.search(
        folded, _after_purpose(folded, max(lo, t.start - 200), wstart + m.start()), wstart + m.start()
    ):
        # "tổ chức sinh hoạt chuyên đề ... vào tháng 9, 10 năm 2018": done in that period
        # (not "hoàn thành đại hội cấp cơ sở trước 30-6 để tiến hành đại hội cấp huyện vào
        # tháng 7": the month of the purpose "để" names is the event served, not the task's)
        return cue("period_end", m)
    if m := CUE_P_IN.search(window):
        if loose:
            return cue("period_end", m)
        head = window[: m.end()]
        if v := VERB_BEFORE_TRONG.search(head):
            return cue("period_end", v)
        if _label(folded, lo, t.start, LABEL_BEFORE_TRONG) is not None:
            return cue("period_end", m)
        # "hoàn thành hội nghị sơ kết trong tháng 5.2020.": the period closing a clause whose
        # verb is a finishing one is the time it must be finished in
        # (unless the verb has its own date first: "kết thúc vào ngày 30/11/2017, chấm sơ khảo
        # ... trong tháng 12/2017" finishes on the day, the month is the judging's)
        if (
            CLAUSE_END.match(folded, t.end)
            and (f := _last(FINISH_VERB.finditer(folded, max(lo, t.start - 100), wstart + m.start())))
            and not _DATE_BETWEEN.search(folded, f.end(), t.start)
        ):
            return Cue("period_end", f.start())
        # "UBND tỉnh giao Thanh tra tỉnh ... báo cáo đề xuất với UBND tỉnh trong tháng 9/2014.":
        # a report handed up (với / lên / về a body) within the period that closes the clause
        # (the cue is "trong": the report word before it gives the kind)
        if CLAUSE_END.match(folded, t.end) and REPORT_UP.search(folded, max(lo, t.start - 100), wstart + m.start()):
            return cue("period_end", m)
        # "Các cơ quan khẩn trương chuẩn bị nội dung trình Hội nghị Trung ương trong tháng 3/2026.":
        # a submission to a body within the period that closes the clause
        if CLAUSE_END.match(folded, t.end) and SUBMIT_UP.search(folded, max(lo, t.start - 100), wstart + m.start()):
            return cue("period_end", m)
        # "Kế hoạch tổng kết có ba cấp: cấp xã trong tháng 3 và 4 năm 2010; cấp huyện trong
        # tháng 5 năm 2010.": a schedule listed after a colon, each item's period closing it
        if CLAUSE_END.match(folded, t.end) and _in_schedule_list(folded, t.start):
            return cue("period_end", m)
        # "Trong tháng 8/2021, các chi bộ hoàn thành ..." — the period opens the clause and
        # a doing verb follows in the same clause.
        if lo >= wstart and CLAUSE_START_TRONG.search(folded[lo : t.start]):
            return Cue("period_end", wstart + m.start(), None) if _doing_after(folded, t) else None
        return None
    if m := CUE_UNTIL.search(window):
        if loose or _range_or_completion(folded, lo, wstart + m.start()):
            return cue("period_end", m)
        return None
    if (p := _label(folded, lo, t.start, CUE_LABEL)) is not None:
        return Cue("period_end", p)
    if loose:
        return Cue("period_end", t.start)
    return None


# a date written between a verb and a later period: the verb's own date
_DATE_BETWEEN = re.compile(r"\d{1,2}\s?[/.\-]\s?\d{1,2}|\b(?:thang|quy)\s+(?:\d|[iv])|\bnam\s+\d{4}")
# "để" (in order to) opening a purpose; folded "de" is also "đề" of "đề nghị", "đề án", ...
_PURPOSE = re.compile(
    r"(?<!chuyen\s)(?<!van\s)(?<!chu\s)(?<!tieu\s)(?<!nhan\s)\bde\s+(?!(?:nghi|an|xuat|ra|cap|tai|thi|muc|cuong|cu|bat|phong)\b)[a-z]"
)


def _after_purpose(folded: str, a: int, b: int) -> int:
    """Where the words after the last purpose "để" in folded[a:b] begin (``a`` if none)."""
    last = _last(_PURPOSE.finditer(folded, a, b))
    return last.end() - 1 if last else a


def _event_clause(folded: str, lo: int, t: Temporal) -> bool:
    """Does the clause around ``t`` tell when an event is held (a meeting, a ceremony) and ask
    for no work to be handed in or finished?"""
    tail = folded[t.end : t.end + 160]
    cut = re.search(r"[;\n]|\.(?:\s|$)", tail)
    clause = folded[max(lo, t.start - 200) : t.start] + " " + (tail[: cut.start()] if cut else tail)
    return bool(EVENT_WORD.search(clause)) and not WORK_WORD.search(clause)


def _last(matches) -> re.Match | None:
    last = None
    for last in matches:  # noqa: B007 - only the last one is wanted
        pass
    return last


# what a colon-headed list schedules: "Kế hoạch ... gồm các mốc:", "Tiến độ thực hiện:", "Lịch ..."
_SCHEDULE_HEAD = re.compile(r"\b(?:ke\s+hoach|lich|tien\s+do|thoi\s+gian|lo\s+trinh)\b")


def _in_schedule_list(folded: str, pos: int) -> bool:
    """Is ``pos`` in an item of a list that a schedule's colon opens, within one sentence
    ("Lộ trình có ba bước: cấp xã ...; cấp huyện ...; cấp tỉnh ...")?"""
    head = folded[max(0, pos - 400) : pos]
    colon = head.rfind(":")
    if colon == -1 or re.search(r"[.!?\n]", head[colon:]):
        return False
    stop = max(head.rfind(c, 0, colon) for c in ".!?\n")
    return bool(_SCHEDULE_HEAD.search(head, stop + 1, colon))


def _label(folded: str, lo: int, end: int, rx: re.Pattern) -> int | None:
    """Start of a time label ("Thời gian thực hiện:") ending right before ``end``."""
    wstart = max(lo, end - 120)
    if ":" not in folded[wstart:end]:
        return None
    m = rx.search(folded, wstart, end)
    return m.start() if m else None


def _range_or_completion(folded: str, lo: int, end: int) -> bool:
    """Does the clause, before "đến", open a range ("từ ...") or name a completion? Looks at
    most 300 characters back so that many dates in one long clause stay linear."""
    head = folded[max(lo, end - 300) : end]
    return bool(RANGE_START.search(head) or COMPLETION_WORD.search(head))


# "Đến ngày 30/7/2023, các đơn vị phải hoàn thành ...": a clause opened by "đến ngày X" whose
# verb is a duty ("phải hoàn thành") sets X as the deadline; "Đến ngày 10/9, có 12 đảng bộ đã
# hoàn thành" (as of X, a count) has no duty and stays no deadline.
_MUST_DO = re.compile(
    r"\bphai\s+(?:[a-z]+\s+){0,2}?(?:hoan\s+thanh|xong|bao\s+cao|nop|gui|ket\s+thuc|trien\s+khai|to\s+chuc)\b"
)


def _must_by(folded: str, lo: int, cue_start: int, t: Temporal) -> bool:
    if not CLAUSE_OPEN.fullmatch(folded, lo, cue_start):
        return False
    tail = folded[t.end : t.end + 200]
    cut = re.search(r"[;\n]|\.(?:\s|$)", tail)
    return bool(_MUST_DO.search(tail[: cut.start()] if cut else tail))


CLAUSE_OPEN = re.compile(r"[\s\-+*•.)(\d]*")


def _doing_after(folded: str, t: Temporal) -> bool:
    tail = folded[t.end : t.end + 200]
    cut = re.search(r"[;\n]|\.(?:\s|$)", tail)
    tail = tail[: cut.start()] if cut else tail
    return bool(DOING_VERB.search(tail)) and not re.search(r"\bda\b", tail[:40])


def _cue_time(m: re.Match) -> time | None:
    """The hour of a cue's time, "3 giờ chiều" read as 15:00."""
    at = _time_from_text(m["t"])
    if at is not None and m["pod"] in ("chieu", "toi") and at.hour < 12:
        at = at.replace(hour=at.hour + 12)
    return at


def _time_from_text(s: str) -> time | None:
    m = TIME_RE.search(s)
    return _time_of(m) if m else None


# "(từ) ngày 1 - 25.4.2019", "từ ngày 5 đến 20/8/2023": the first day of a run written with the
# month once, right before the last day
RUN_FIRST = re.compile(r"(?<![\d/.\-])(?P<d>\d{1,2})\s?(?:[-–]|\s(?:den|toi)(?:\s+(?:het\s+)?ngay)?)\s?$")
RUN_OPEN = re.compile(r"(?<![\w/\-])(?:ke\s+)?tu\s+(?:ngay\s+)?$")
#: a run of days shorter than this is the days an event takes (a congress "từ ngày 27 đến
#: 29-7-2020", a conference "từ ngày 23 - 24/11/2020"), not a window to act in
RUN_MIN_DAYS = 6


def shared_month_run(folded: str, t: Temporal, lo: int, min_days: int = RUN_MIN_DAYS) -> Temporal | None:
    """The start day of a window "từ ngày D1 - D2/M/Y" whose end ``t`` is, as a Temporal of
    its own; None when ``t`` closes no such run or the run is an event's few days."""
    if t.day is None or t.month is None:
        return None
    m = RUN_FIRST.search(folded, max(lo, t.start - 24), t.start)
    if m is None or not RUN_OPEN.search(folded, max(lo, m.start() - 12), m.start()):
        return None
    first = int(m["d"])
    if not 1 <= first < t.day or t.day - first < min_days:
        return None
    return Temporal(m.start(), m.start() + len(m["d"]), "day", day=first, month=t.month, year=t.year)


# "chậm nhất ngày 15/9/2023 lúc 17h00", "trước ngày 15/6 (16 giờ)": an hour written after the day
TIME_AFTER = re.compile(
    r"\s*,?\s*(?:\(\s*)?(?:(?:vao\s+)?luc\s+)?(?P<h>[01]?\d|2[0-3])\s?(?:h|gio|:)\s?(?P<m>[0-5]\d)?(?:\s?(?:phut|p))?(?![\d/a-z])"
)

# ---------------------------------------------------------------------------------------
# Turning a cue + temporal into due / shown.
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Resolved:
    relation: str
    due: datetime
    anchor: date
    shown: str
    is_start: bool = False


class _Invalid(Exception):
    def __init__(self, raw: str):
        self.raw = raw


class _NoYear(Exception):
    pass


def resolve(t: Temporal, cue: Cue, *, raw: str, default_year: int | None, reference: date | None) -> Resolved:
    """Due time and display for a cued temporal. Raises _Invalid / _NoYear."""
    if t.unit == "day":
        # iter_temporal gives every day temporal its day and month
        if t.day is None or t.month is None or not _is_valid_day(t.day, t.month, t.year):
            raise _Invalid(raw)
        if t.year is not None:
            day = date(t.year, t.month, t.day)
        else:
            found = resolve_day_month(t.day, t.month, default_year=default_year, reference=reference)
            if found is None:
                if default_year is None and reference is None:
                    raise _NoYear()
                raise _Invalid(raw)
            day = found
        ds = format_date(day)
        rel = cue.relation
        if rel == "before_day":
            due = datetime.combine(day - timedelta(days=1), END_OF_DAY)
            return Resolved(rel, due, day, f"trước {ds}")
        if rel == "before_time" and cue.at is not None:
            return Resolved(rel, datetime.combine(day, cue.at), day, f"trước {cue.at:%H:%M} {ds}")
        if rel == "at_time" and cue.at is not None:
            return Resolved(rel, datetime.combine(day, cue.at), day, f"đến {cue.at:%H:%M} {ds}")
        if rel == "start":
            at = cue.at or time(0, 0)
            shown = f"từ {at:%H:%M} {ds}" if cue.at else f"từ {ds}"
            return Resolved("start", datetime.combine(day, at), day, shown, is_start=True)
        return Resolved("end_of_day", datetime.combine(day, END_OF_DAY), day, f"đến hết {ds}")

    # periods
    year = t.year
    if year is None:
        if reference is not None:
            year = reference.year
            bounds = period_bounds(t, year)
            if bounds and bounds[1] < reference:
                year += 1
        elif default_year is not None:
            year = default_year
        else:
            raise _NoYear()
    if t.unit == "month" and not 1 <= (t.month or 0) <= 12:
        raise _Invalid(raw)
    bounds = period_bounds(t, year)
    if bounds is None:
        raise _Invalid(raw)
    first, last = bounds
    label = period_label(t, year)
    if cue.relation == "period_before":
        prev = first - timedelta(days=1)
        return Resolved("period_end", datetime.combine(prev, END_OF_DAY), first, f"trước {label}")
    if cue.relation == "period_mid" and t.unit == "month":
        mid = first.replace(day=MID_MONTH_DAY)
        return Resolved("period_end", datetime.combine(mid, END_OF_DAY), first, f"giữa {label}")
    if cue.relation == "period_start":
        return Resolved("start", datetime.combine(first, time(0, 0)), first, f"từ {label}", is_start=True)
    verb = "đến hết" if cue.through else "trong"
    return Resolved("period_end", datetime.combine(last, END_OF_DAY), first, f"{verb} {label}")


# ---------------------------------------------------------------------------------------
# Kind of a deadline from the clause that governs it.
# ---------------------------------------------------------------------------------------

# "báo cáo" is the act of reporting, not the name of a congress document ("dự thảo báo cáo
# chính trị") or a person ("báo cáo viên")
REPORT_WORD = re.compile(r"(?<!thao\s)\bbao\s+cao\b(?!\s+(?:so\b(?!\s+(?:ket|luong|lieu))|chinh\s+tri\b|vien\b))")
# In documents "kế hoạch" makes a plan deadline only as the thing being drafted
# ("xây dựng kế hoạch", "hoàn thành kế hoạch"); "thực hiện Kế hoạch này/số ..." is carrying
# out an existing plan, i.e. a completion.
PLAN_WORD_STRICT = re.compile(
    r"\b(?:xay\s+dung|ban\s+hanh|hoan\s+thanh|lap|soan\s+thao|trinh|gui)\s+"
    r"(?:(?:cac|01|mot|bo|du\s+thao)\s+)?ke\s+hoach\b(?!\s+(?:so|nay)\b)"
)
PLAN_WORD_LOOSE = re.compile(r"\bke\s+hoach\b")
COMPLETE_WORD = re.compile(r"\b(?:hoan\s+thanh|trien\s+khai|thuc\s+hien|to\s+chuc|quan\s+triet|tuyen\s+truyen|xong)\b")
START_WORD = re.compile(r"\btu\s+ngay\b|\bbat\s+dau\b|\bke\s+tu\b")


def kind_of(folded_clause: str, *, strict: bool = True) -> str | None:
    """ "report" / "plan" / "complete" from the verbs of a clause; None if it has none.

    When both a report and a plan verb occur, the one nearest the date (the last one in
    the text before it) governs: "xây dựng kế hoạch và báo cáo ... trước ngày X" -> report.
    """
    best, best_end = None, -1
    for m in REPORT_WORD.finditer(folded_clause):
        best, best_end = "report", m.end()
    plan_re = PLAN_WORD_STRICT if strict else PLAN_WORD_LOOSE
    for m in plan_re.finditer(folded_clause):
        if m.end() > best_end:
            best, best_end = "plan", m.end()
    if best:
        return best
    if COMPLETE_WORD.search(folded_clause):
        return "complete"
    return None


# ---------------------------------------------------------------------------------------
# Recurring schedules
# ---------------------------------------------------------------------------------------

FREQ_RE = re.compile(r"\b(?:hang|moi)\s+(?P<f>ngay|tuan|thang|quy|nam)\b(?!\s*\d)")
_FREQ = {"ngay": "daily", "tuan": "weekly", "thang": "monthly", "quy": "quarterly", "nam": "yearly"}
WEEKDAY_RE = re.compile(
    r"\b(?P<before>truoc\s+(?:(?:sang|chieu|toi)\s+)?)?"
    r"(?:thu\s+(?P<d>hai|ba|tu|nam|sau|bay|[2-7])(?![a-z\d])(?!\s+\d{4})|(?P<cn>chu\s+nhat))"
)
_WEEKDAY = {"hai": 0, "2": 0, "ba": 1, "3": 1, "tu": 2, "4": 2, "nam": 3, "5": 3, "sau": 4, "6": 4, "bay": 5, "7": 5}
DAY_OF_MONTH_RE = re.compile(
    r"(?P<before>\btruoc\s+)?\bngay\s+(?P<d>\d{1,2})\b(?!\s?[/.\-]\s?\d|\s?-\s?[a-z])(?!\s+thang)"
)


_BEFORE_TIME = re.compile(r"\btruoc\s*(?:luc\s*)?$")


@dataclass(frozen=True)
class RecurringFound:
    recurrence: Recurrence
    start: int
    end: int


# Folded "hang" / "moi" are also "hạng", "mới", "mọi": with diacritics present, only the
# real frequency words count ("tình hình mới ngày càng phức tạp" is not "mỗi ngày").
_FREQ_WORDS_ACCENTED = {"hằng", "hàng", "mỗi"}


# "hàng năm chỉ thực hiện 02 kỳ báo cáo": how many reports a year, not when one is due
_COUNT_AFTER = re.compile(
    r"\s*,?\s*(?:(?:chi|se|duoc|phai)\s+)*(?:(?:thuc\s+hien|co|gom|to\s+chuc|lam)\s+)?\d{1,2}\s+(?:ky|lan|dot)\b"
)
# "không thực hiện báo cáo hàng tháng và hàng quý": a report dropped, not scheduled
_NOT_REPORTED = re.compile(
    r"\bkhong\s+(?:(?:can|phai)\s+)?(?:(?:thuc\s+hien|gui|nop|lam)\s+)?(?:che\s+do\s+)?bao\s+cao\b[^,;()]{0,30}$"
)


def freq_match(folded: str, lo: int, hi: int, cleaned: str | None = None):
    """First frequency phrase ("hằng tuần") in folded[lo:hi], checked against ``cleaned``."""
    for fm in FREQ_RE.finditer(folded, lo, hi):
        if _COUNT_AFTER.match(folded, fm.end()) or _NOT_REPORTED.search(folded, max(lo, fm.start() - 60), fm.start()):
            continue
        if cleaned is not None:
            word = cleaned[fm.start() : fm.start() + (4 if fm[0].startswith("hang") else 3)]
            if has_diacritics(word) and word.lower() not in _FREQ_WORDS_ACCENTED:
                continue
        return fm
    return None


def find_recurrence(folded: str, lo: int, hi: int, cleaned: str | None = None) -> RecurringFound | None:
    """The schedule stated in folded[lo:hi] ("hằng ngày (06h, 12h, 18h)"), if any."""
    fm = freq_match(folded, lo, hi, cleaned)
    if not fm:
        return None
    freq = _FREQ[fm["f"]]
    start, end = fm.start(), fm.end()
    times: list[str] = []
    before = False
    weekday = dom = None
    for tm in TIME_RE.finditer(folded, lo, hi):
        # a time bound to a calendar date ("17h ngày 20/8") is not part of the schedule
        if re.match(r"\s*,?\s*(?:ngay\s+)?\d{1,2}\s?[/\-]\s?\d", folded[tm.end() : tm.end() + 20]):
            continue
        hhmm = _time_of(tm).strftime("%H:%M")
        if hhmm not in times:
            times.append(hhmm)
        if not before and _BEFORE_TIME.search(folded, max(lo, tm.start() - 12), tm.start()):
            before = True
        start, end = min(start, tm.start()), max(end, tm.end())
    if freq == "weekly":
        if wm := WEEKDAY_RE.search(folded, lo, hi):
            weekday = 6 if wm["cn"] else _WEEKDAY[wm["d"]]
            before = before or bool(wm["before"])
            start, end = min(start, wm.start()), max(end, wm.end())
    elif freq == "monthly":
        if dm := DAY_OF_MONTH_RE.search(folded, lo, hi):
            d = int(dm["d"])
            if 1 <= d <= 31:
                dom = d
                before = before or bool(dm["before"])
                start, end = min(start, dm.start()), max(end, dm.end())
    # A schedule's "trước" only applies to days/hours; with neither it means nothing.
    if freq in ("quarterly", "yearly"):
        times, before = [], False
    if not times and weekday is None and dom is None:
        before = False
    rec = Recurrence(freq=freq, times=tuple(sorted(times)), weekday=weekday, day_of_month=dom, before=before)
    return RecurringFound(rec, start, end)


# ---------------------------------------------------------------------------------------
# A deadline typed by hand in chat
# ---------------------------------------------------------------------------------------

_KIND_PREFIX = re.compile(r"^\s*(?:bao\s+cao|ke\s+hoach|hoan\s+thanh|trien\s+khai)\s*[:\-]?\s*")


def _typed_rule_day(folded: str, rec: Recurrence) -> Recurrence:
    """A typed rule of a month, quarter or year keeps the day it names ("hằng quý, trước ngày
    20 tháng cuối quý" -> quarterly<3-20, "ngày 15/3 hằng năm" -> yearly@3-15): the schedule
    reader finds the period only, the reporting-rule reader finds the day. A typed deadline is
    a duty by definition, so the phrase is read as the rule of a report."""
    if rec.freq not in ("monthly", "quarterly", "yearly") or rec.day_of_month is not None or rec.times:
        return rec
    from .periodic_rules import find_periodic

    duty = "bao cao " + folded
    for rule in find_periodic(duty, 0, len(duty)):
        if rule.recurrence.freq == rec.freq:
            return rule.recurrence
    if rec.freq == "yearly":
        # "ngày 15/3 hằng năm", with no cue before the day: one day and month, no year
        days = [t for t in iter_temporal(folded) if t.unit == "day" and t.month is not None and t.year is None]
        if len(days) == 1 and days[0].day is not None and days[0].month is not None:
            day, month = days[0].day, days[0].month
            if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2024, month)[1]:
                before = bool(re.search(r"\btruoc\s+(?:ngay\s+)?$", folded[: days[0].start]))
                return Recurrence("yearly", day_of_month=day, month=month, before=before)
    return rec


def parse_deadline_phrase(
    text: str, *, default_year: int | None, kind_hint: str | None = None, reference: date | None = None
) -> Deadline | DeadlineError:
    """Understand a deadline typed by staff: "trước ngày 23/8", "trong quý III/2021",
    "hằng ngày (06h, 12h, 18h)", "Báo cáo: 23/8/2021", "20/8/2021" ...

    Year-less dates take ``default_year``, or with ``reference`` (e.g. the document's date
    or today) the next such date on/after it. Kind: words in the phrase decide (báo cáo ->
    report, kế hoạch -> plan, hoàn thành/triển khai -> complete, từ ngày/bắt đầu -> start,
    hằng ngày/tuần/tháng -> recurring), else ``kind_hint``, else "complete".

    Never raises for bad input: returns ``DeadlineError`` whose ``message`` is ready to send
    ("ngày 31/2/2021 không tồn tại").
    """
    original = text if isinstance(text, str) else ""
    cleaned = clean_markup(original)
    phrase = cleaned.strip()
    if not phrase:
        return DeadlineError("empty", "Chưa nhập thời hạn.", original)
    folded = fold(phrase)

    word_kind = kind_of(folded, strict=False)

    rec = find_recurrence(folded, 0, len(folded), phrase)
    if rec is not None:
        recurrence = _typed_rule_day(folded, rec.recurrence)
        return Deadline(
            kind="recurring",
            due=None,
            recurrence=recurrence,
            text=phrase,
            shown=recurrence.describe(),
            anchor=None,
            relation="recurring",
        )

    temporals = list(iter_temporal(folded))
    if not temporals:
        return DeadlineError(
            "no_date",
            "Không tìm thấy ngày trong thời hạn. Hãy ghi như: 20/8/2021, trước ngày 23/8, "
            "trong tháng 8/2021, hằng ngày (06h, 12h, 18h).",
            original,
        )
    # Prefer a day over a period ("trước 17h ngày 23/8/2021 trong tháng 8" is day-level);
    # among equals, the first written.
    days = [t for t in temporals if t.unit == "day"]
    t = days[0] if days else temporals[0]
    lo = 0
    if (km := _KIND_PREFIX.match(folded)) and km.end() <= t.start:
        lo = km.end()
    run_end: Temporal | None = None
    if t.unit == "day" and (first := shared_month_run(folded, t, lo, min_days=1)) is not None:
        run_end, t = t, first  # "từ ngày 1 - 25/4/2019": from the 1st, through the 25th
        cue = Cue("start", t.start)
    else:
        cue = match_cue(folded, t, lo, loose=True)
    raw = phrase[t.start : t.end]
    if re.match(r"ngay\s", fold(raw)):
        raw = raw[5:].strip()
    try:
        res = resolve(t, cue, raw=raw, default_year=default_year, reference=reference)
    except _Invalid as e:
        return DeadlineError("invalid_date", f"ngày {e.raw} không tồn tại", original)
    except _NoYear:
        return DeadlineError("missing_year", "Vui lòng ghi rõ năm, ví dụ: 20/8/2021.", original)
    until = None
    if run_end is not None and run_end.day is not None and run_end.month is not None:
        try:
            until = datetime(res.due.year, run_end.month, run_end.day, 23, 59)
        except ValueError:
            return DeadlineError("invalid_date", f"ngày {_date_raw(phrase, run_end)} không tồn tại", original)
    elif t.unit == "day" and res.relation in ("end_of_day", "before_day") and (tm := TIME_AFTER.match(folded, t.end)):
        # "trước ngày 15/6/2020 lúc 17h": the hour written after the day
        at = time(int(tm["h"]), int(tm["m"] or 0))
        rel = "at_time" if res.relation == "end_of_day" else "before_time"
        lead = "đến" if rel == "at_time" else "trước"
        res = Resolved(
            rel, datetime.combine(res.anchor, at), res.anchor, f"{lead} {at:%H:%M} {format_date(res.anchor)}"
        )
    kind = word_kind or kind_hint or "complete"
    if kind not in ("complete", "report", "plan", "start"):
        kind = "complete"  # e.g. a "recurring" hint but no schedule written: a plain date
    if res.is_start or START_WORD.search(folded) or (kind == "start" and not word_kind):
        kind = "start"
        if not res.is_start:  # "bắt đầu 4/8/2021" with a bare date: a start, at 00:00
            res = Resolved(
                "start", datetime.combine(res.anchor, time(0, 0)), res.anchor, f"từ {format_date(res.anchor)}", True
            )
    if until is not None:
        res = Resolved(res.relation, res.due, res.anchor, f"{res.shown} đến hết {format_date(until.date())}", True)
    return Deadline(
        kind=kind,
        due=res.due,
        recurrence=None,
        text=phrase,
        shown=res.shown,
        anchor=res.anchor,
        relation=res.relation,
        until=until,
    )


def _date_raw(phrase: str, t: Temporal) -> str:
    return re.sub(r"^\s*ng[aà]y\s+", "", phrase[t.start : t.end], flags=re.I)

"""Finding the deadlines in a directive's body.

The rule, by the language rather than by any one document's wording:

* A date is a deadline only when a deadline cue governs it, i.e. the cue words come right
  before it in the same clause: "đến hết (ngày)", "hết ngày", "chậm nhất", "trước (ngày)",
  "trước 17h00 ngày", "hạn", "Thời gian thực hiện/hoàn thành: ...", "hoàn thành (trong)",
  "từ ngày / bắt đầu từ" (a start), "đến ngày" closing a range. Periods ("tháng 8/2021",
  "quý III", "năm 2021") need "trong" attached to a doing/finishing verb ("hoàn thành trong
  tháng 8/2021"), a time label, or must open a clause whose verb follows; "trong năm 2021"
  modifying a noun ("tiêu chí phân loại đảng viên trong năm 2021") is not a time frame for
  doing anything, so it is not a deadline.
* Everything else is a reference: "Nghị quyết số 08-NQ/TU ngày 30/7/2021", "(ngày 29/7/2021)".
* A cued date describing the past is not a deadline: a date earlier than the document's own
  date (its printed issue date, else the latest document it cites — a directive cannot cite
  a document from its future), or a clause told as past narrative ("Thời gian gần đây, nhất
  là từ ngày 27/4/2021, dịch bệnh ...", "đã hoàn thành trước ...").
* Recurring reports: "hằng/hàng/mỗi ngày|tuần|tháng|quý|năm" in a clause that reports,
  sends or submits (báo cáo / gửi / nộp); the clause's hours ("06h, 12h, 18h"), weekday
  ("thứ Sáu") or day of month ("trước ngày 25") form the schedule. One per clause. With
  diacritics present the frequency word must really be "hằng/hàng/mỗi" ("tình hình mới ngày
  càng ..." is not "mỗi ngày"); a year-less date inside a yearly schedule ("trước ngày 15/12
  hằng năm") belongs to the schedule and is not a one-off deadline.
* Kind from the governing clause: a start cue -> start; else the nearest "báo cáo" (report)
  or drafting of a plan ("xây dựng / hoàn thành kế hoạch" -> plan) before the date; else
  the words after the date in the clause; else the numbered task's heading line; else
  "complete".
* Each cue+date is reported once, at its own position, so the same phrase in two sections
  ("Thời gian thực hiện: Từ ngày 04/8/2021" twice) gives two deadlines.
"""

from __future__ import annotations

import calendar
import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from .dates import (
    COMPLETE_WORD,
    FREQ_RE,
    PLAN_WORD_STRICT,
    RANGE_START,
    REPORT_WORD,
    RUN_MIN_DAYS,
    RUN_OPEN,
    TIME_AFTER,
    TYPO_MONTH_FOR_DAY,
    Cue,
    Temporal,
    _Invalid,
    _NoYear,
    find_recurrence,
    freq_match,
    iter_temporal,
    kind_of,
    match_cue,
    resolve,
    shared_month_run,
)
from .deadlines import Deadline, Recurrence, format_date
from .periodic_rules import DATA_CUTOFF, PERIOD_WORD, find_periodic

__all__ = ["Segmenter", "extract_deadlines", "reference_dates", "ExtractionResult", "own_level_before"]

# A document number such as 08-NQ/TU, 293- CV/BTG, 16/CT-TTg, 3642/QĐ-UBND, 01/2021/NĐ-CP
# (folded). A date right after one ("... 08-NQ/TU ngày 30/7/2021") is the cited document's date.
DOC_NUMBER = (
    r"\d{1,5}\s?-\s?[a-z]{1,8}(?:\s?-\s?[a-z]{1,8})?\s?/\s?[a-z]{1,10}(?:\s?-\s?[a-z]{1,10})?"
    r"|\d{1,5}/\d{4}/[a-z]{1,8}-[a-z]{1,10}"
    r"|\d{1,5}\s?/\s?[a-z]{1,8}\s?-\s?[a-z]{1,10}"
)
REF_BEFORE = re.compile(rf"(?:{DOC_NUMBER})\s*,?\s*(?:ngay\s*)?$")
# (every document number has a "/" then a letter: "NQ/TU", "/QĐ-UBND", "/2021/NĐ-CP")
_SLASH_LETTER = re.compile(r"/\s?[a-z]")


def ref_before(folded: str, a: int, b: int) -> bool:
    """``REF_BEFORE.search(folded, a, b)``: a window with no "/" before a letter (a run of
    plain dates) holds no document number, told by one quick scan instead of trying the
    number pattern at each start."""
    return _SLASH_LETTER.search(folded, a, b) is not None and REF_BEFORE.search(folded, a, b) is not None


# A cited document's number, then (its date, its issuer and) "về việc" / "về" / "V/v": what
# follows is that document's title.
# A comma after the title ("... về tuyên truyền, các chi bộ báo cáo trước ...") closes it.
_IN_CITED_TITLE = re.compile(rf"(?:{DOC_NUMBER})[^;\n]{{0,160}}?\b(?P<kw>ve\s+viec|v\s?/\s?v|ve)\b[^,;\n]{{0,200}}$")
# "... và gửi danh sách về Ban Tổ chức trước 30/9": the "về" of a sending verb says where to,
# it opens no title
_SENT_TO = re.compile(r"\b(?:gui|nop|chuyen|bao\s+cao)(?:\s+[a-z]+){0,4}\s+$")


def _in_cited_title(folded: str, a: int, b: int) -> bool:
    """``_IN_CITED_TITLE.search(folded, a, b)``; every match has a "v" ("về", "v/v"), and a
    window without one (a run of dates) is told at C speed instead of trying the pattern
    at each of its ~450 starts."""
    if folded.find("v", a, b) == -1 or (m := _IN_CITED_TITLE.search(folded, a, b)) is None:
        return False
    kw = m.start("kw")
    return m["kw"] != "ve" or _SENT_TO.search(folded, max(m.start(), kw - 40), kw) is None


# Past narrative: background told in the past, not an instruction.
PAST_MARKER = re.compile(
    r"\bthoi\s+gian\s+(?:gan\s+day|qua|vua\s+qua)\b|\bvua\s+qua\b|\bgan\s+day\b"
    r"|\bnam\s+qua\b|\btruoc\s+day\b|\btu\s+truoc\s+den\s+nay\b"
    # "Đến nay, xã đã dự thảo ...": the state reached so far
    r"|(?<!\w)(?<!tu\s)(?<!nam\s\d{4}\s)den\s+nay\b"
    # "Được biết, Ủy ban Trung ương ... phát động ... đến hết ngày 30/11": background heard of
    r"|\bduoc\s+biet\b"
)
_LIST_MARKER = re.compile(r"[ \t]*(?:[-+•*]|\d{1,3}(?:\.\d{1,3})*\s?[.)]|[ivxlc]{1,6}\s?[.)]|[a-z]\))")
_HEADING = re.compile(r"^[ \t]*(?:[ivxlc]{1,6}|\d{1,3}(?:\.\d{1,3})*)\s?[.)]", re.M)
_INLINE_BOUNDARY = re.compile(r"[;!?]|\.(?=\s|$)")
_SENTENCE_END = (".", ":", ";", "!", "?", "…")
_BREAK_RUN = re.compile(r"\n[^\S\n]*(?:\n[^\S\n]*)*")


# a line holding a date and nothing else (a post's stamp under its headline): no sentence
# wraps onto it
_DATE_LINE = re.compile(
    r"[^\S\n]*\d{1,2}\s?([/.\-])\s?\d{1,2}\s?\1\s?\d{4}[^\S\n]*(?:\d{1,2}:\d{2}(?::\d{2})?)?[^\S\n]*(?:\n|$)"
)


class Segmenter:
    """Clause boundaries of a document (positions in the folded text).

    Boundaries: ";", sentence-ending "." "!" "?", and line breaks — except a line break
    that wraps a sentence (a long line not ending in punctuation, followed by a line that
    does not open a list item), which PDF copy-paste and page breaks produce mid-sentence.
    """

    def __init__(self, folded: str):
        self.folded = folded
        bounds = [m.start() for m in _INLINE_BOUNDARY.finditer(folded)]
        # One match per run of line breaks (blank lines included), so a paste of 100k
        # empty lines costs one step, not 100k.
        for m in _BREAK_RUN.finditer(folded):
            brk = m.start()
            prev_line = folded[folded.rfind("\n", 0, brk) + 1 : brk].strip()
            soft = (
                len(prev_line) >= 50
                and not prev_line.endswith(_SENTENCE_END)
                and not _LIST_MARKER.match(folded, m.end())
                and not _DATE_LINE.match(folded, m.end())
            )
            if not soft:
                bounds.append(brk)
        self.bounds = sorted(set(bounds))
        self.headings = [m.start() for m in _HEADING.finditer(folded)]

    def clause(self, pos: int) -> tuple[int, int]:
        """(lo, hi) of the clause containing ``pos``; lo is just after the boundary."""
        i = bisect_right(self.bounds, pos - 1)
        lo = self.bounds[i - 1] + 1 if i > 0 else 0
        hi = self.bounds[i] if i < len(self.bounds) else len(self.folded)
        return lo, hi

    def heading_line(self, pos: int) -> str:
        """The numbered heading line ("2. Xây dựng kế hoạch ...") of the task containing pos."""
        i = bisect_left(self.headings, pos)
        if i == 0:
            return ""
        start = self.headings[i - 1]
        end = self.folded.find("\n", start)
        return self.folded[start : end if end != -1 else len(self.folded)]


# A state told as of a day ("Tuy nhiên đến ngày 02/01/2020 vẫn còn nhiều đơn vị chưa nộp"):
# the text was written on or after that day.
_AS_OF_BEFORE = re.compile(r"\b(?:tinh\s+)?den\s+(?:het\s+)?ngay\s*$")
# (or a tally as of that day: "Đến ngày 27/3/2020, toàn tỉnh có 159/1447 tổ chức đã đại hội xong")
# ("Đến ngày 24-10, nhiều đơn vị chưa nộp báo cáo": a few words of subject, then "chưa" / "vẫn")
_AS_OF_AFTER = re.compile(
    r"\s*,?\s*(?:van|con|moi|chi|chua|da\s+co|(?:[a-z]+\s+){0,3}?(?:co|da\s+co)\s+\d+"
    r"|(?:[a-z]+\s+){1,5}?(?:chua|van\s+chua|van\s+con))(?![a-z])"
)


def reference_dates(folded: str, temporals: list[Temporal] | None = None) -> list[date]:
    """Dates of cited documents ("... 05-NQ/TU ngày 05/8/2021") and days a state is told as
    of ("đến ngày 02/01/2020 vẫn còn ..."): the text is no earlier. Valid ones only."""
    out = []
    for t in temporals if temporals is not None else iter_temporal(folded):
        if t.unit != "day" or t.year is None or t.month is None or t.day is None:
            continue  # (a day temporal always has its day and month)
        as_of = _AS_OF_BEFORE.search(folded, max(0, t.start - 20), t.start) and _AS_OF_AFTER.match(folded, t.end)
        if as_of or ref_before(folded, max(0, t.start - 60), t.start):
            try:
                out.append(date(t.year, t.month, t.day))
            except ValueError:
                pass
    return out


def as_of_days(folded: str, temporals: list[Temporal], year: int) -> list[date]:
    """Year-less days a state is told as of ("Tuy nhiên, đến ngày 24-10, nhiều đơn vị chưa
    nộp báo cáo"), in the document's ``year``: the text is no earlier than them."""
    out = []
    for t in temporals:
        if t.unit != "day" or t.year is not None or t.month is None or t.day is None:
            continue
        if _AS_OF_BEFORE.search(folded, max(0, t.start - 20), t.start) and _AS_OF_AFTER.match(folded, t.end):
            try:
                out.append(date(year, t.month, t.day))
            except ValueError:
                pass
    return out


# A portal's own stamp on a post: a line holding a date and a clock time and nothing else but
# a weekday, post words, counters and the author's name in capitals ("Đăng lúc: 07:54:42
# 16/04/2021 (GMT+7)", "THỨ SÁU, 12/10/2018 15:30:50", "Ngày đăng 04/06/2024 | 14:26 | Lượt
# xem: 94", "Cập nhật lúc 00:16, Chủ Nhật, 05/04/2020"). Its date is when the page went up:
# not a deadline, and no deadline of the page lies before it.
_CLOCK = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])")
_STAMP_DATE = re.compile(r"(?<![\d/.\-])\d{1,2}\s?([/.\-])\s?\d{1,2}\s?\1\s?\d{4}(?!\d)")
_POST_WORD = re.compile(r"\b(?:(?:ngay\s+)?(?:dang|cap\s+nhat|xuat\s+ban)(?:\s+(?:luc|ngay))?\s*:?|luot\s+xem)\b")
_STAMP_CUE = re.compile(_CLOCK.pattern + "|" + _POST_WORD.pattern)
# words that make the line a limit, not a stamp ("HẠN CHÓT 30/06/2020 17:00")
_STAMP_NOT = re.compile(r"truoc|han|chot|cham|muon|nhat|den|toi|het|tu|nop|gui|hoan|thanh|xong|ket|thuc|bat|dau")
_STAMP_NOISE = re.compile(
    r"\b(?:ngay|dang|cap\s+nhat|xuat\s+ban|luc|luot\s+xem|view\s+count|gmt|am|pm|"
    r"thu\s+(?:hai|ba|tu|nam|sau|bay)|chu\s+nhat)\b|(?<=\d)[hg](?![a-z])|[\d|,:;\-–()+.]"
)


def _in_spans(spans: list[tuple[int, int]], pos: int) -> bool:
    """Is ``pos`` inside one of ``spans`` (sorted, not overlapping)?"""
    i = bisect_right(spans, (pos, math.inf)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def page_stamps(cleaned: str, folded: str) -> list[tuple[int, int, date | None]]:
    """(line start, line end, date) of each page stamp line; the date None when it is not a
    real day (a "9/16/2020" month-first stamp)."""
    out: list[tuple[int, int, date | None]] = []
    seen: set[int] = set()
    # line ends found once: a long line with many clocks costs a lookup per clock, not a scan
    breaks = [m.start() for m in re.finditer("\n", folded)]
    for cm in _STAMP_CUE.finditer(folded):
        i = bisect_left(breaks, cm.start())
        a = breaks[i - 1] + 1 if i > 0 else 0
        b = breaks[i] if i < len(breaks) else len(folded)
        if a in seen or b - a > 90:
            continue
        seen.add(a)
        dm = _STAMP_DATE.search(folded, a, b)
        if dm is None:
            continue
        # without a clock, a post word must say it is a stamp ("Ngày đăng: 12/10/2023")
        if not _CLOCK.search(folded, a, b) and not _POST_WORD.search(folded, a, b):
            continue
        rest = _STAMP_NOISE.sub(" ", folded[a:b].replace(dm[0], " "))
        words = rest.split()
        if len(words) > 4 or any(_STAMP_NOT.fullmatch(w) for w in words):
            continue
        # what is left may only be a name in capitals ("VĂN PHIN 26/02/2021 08:38")
        if words and not all(w.isupper() for w in _STAMP_NOISE.sub(" ", cleaned[a:b]).split() if w.isalpha()):
            continue
        nums = [int(x) for x in re.findall(r"\d+", dm[0])]
        try:
            day = date(nums[2], nums[1], nums[0])
        except ValueError:
            day = None
        out.append((a, b, day))
    return out


@dataclass(frozen=True)
class ExtractionResult:
    deadlines: list[Deadline]
    warnings: list[str]


class _Matches:
    """Every match of a pattern in the document, for "is there one in [a, b)?" queries in
    O(log n). Asking the same question of each date's clause by re-scanning the clause
    would be quadratic on a long clause with many dates."""

    def __init__(self, rx: re.Pattern, text: str):
        spans = [m.span() for m in rx.finditer(text)]
        self.starts = [sp[0] for sp in spans]
        self.spans = spans

    def last_in(self, a: int, b: int) -> tuple[int, int] | None:
        """The last match lying inside [a, b)."""
        i = bisect_right(self.starts, b) - 1
        while i >= 0 and self.starts[i] >= a:
            if self.spans[i][1] <= b:
                return self.spans[i]
            i -= 1  # matches do not overlap: at most one straddles b
        return None

    def first_in(self, a: int, b: int) -> tuple[int, int] | None:
        i = bisect_left(self.starts, a)
        if i < len(self.spans) and self.spans[i][1] <= b:
            return self.spans[i]
        return None


# A clause whose grammatical subject is the issuer's own office ("Văn phòng Đảng ủy Khối
# tổng hợp, báo cáo hằng ngày về Văn phòng Thành ủy"): the office's duty upward, not a
# request to the cells. The subject opens the clause, before any verb.
_OWN_OFFICE = re.compile(
    r"\s*(?:[-+•*]\s*|\d{1,2}\s?[.)]\s*)?(?:[^:;\n]{0,40}:\s*)?(?:giao\s+)?van\s+phong\s+"
    r"(?:dang\s+uy|huyen\s+uy|tinh\s+uy|thanh\s+uy|quan\s+uy|thi\s+uy|cap\s+uy)"
    r"(?:\s+(?!tong\b|bao\b|gui\b|chu\b|theo\b)[a-z]+){0,4}?\s+(?:chu\s+tri|tong\s+hop|bao\s+cao|gui|theo\s+doi)\b"
)
# "Cấp thành phố, Văn phòng Thành ủy tham mưu Ban Thường vụ Thành ủy tổng hợp, ... tổ chức hội
# nghị tổng kết trước ngày 15/10/2021": the committee's office advising (tham mưu) the committee
# itself prepares the issuer's own work, asked of no unit below
_OFFICE_ADVISES = re.compile(
    r"\s*(?:[-+•*]\s*|\d{1,2}\s?[.)]\s*)?(?:[^,;:\n]{0,30}[,:]\s*)?van\s+phong\s+"
    r"(?:dang\s+uy|huyen\s+uy|tinh\s+uy|thanh\s+uy|quan\s+uy|thi\s+uy|cap\s+uy)"
    r"(?:\s+(?!tham\b)[a-z]+){0,4}?\s+tham\s+muu\s+(?:cho\s+)?(?:ban\s+thuong\s+vu|thuong\s+truc|ban\s+chap\s+hanh)\b"
)
# A clause whose subject is the issuing committee's own standing body ("...; Ban Thường vụ
# Thành ủy hoàn thành kiểm điểm xong trong tháng 1/2014"): what the issuer itself will do,
# asked of no one below, so no deadline for the cells. Unless that body hands the task on
# ("Ban Thường vụ Huyện ủy yêu cầu các chi bộ hoàn thành trước ...").
_OWN_COMMITTEE = re.compile(
    r"\s*(?:[-+•*]\s*|\d{1,2}\s?[.)]\s*)?(?:ban\s+thuong\s+vu|thuong\s+truc|ban\s+chap\s+hanh)\s+"
    # (a commune's or grassroots committee named by its level is an addressee, not the issuer)
    r"(?:dang\s+uy(?!\s+(?:xa|phuong|thi\s+tran|co\s+so|cac|truc\s+thuoc)\b)|huyen\s+uy|tinh\s+uy|thanh\s+uy|"
    r"quan\s+uy|thi\s+uy)\b"
)
# (or announces a schedule for the units below it: "Ban Thường vụ Huyện ủy dự kiến: từ tháng 7 ...")
_HANDS_ON = re.compile(
    r"\b(?:yeu\s+cau|de\s+nghi|giao|chi\s+dao|phan\s+cong|huong\s+dan|dinh\s+huong|cac)\b|\bdu\s+kien\s*:"
)
# a clause whose subject is a contest's organisers or judges, marking or awarding
_ORGANISERS_MARK = re.compile(
    r"\s*(?:[-+•*]\s*)?(?:[^,;:\n]{0,40},\s*)?(?:btc|ban\s+to\s+chuc|ban\s+giam\s+khao|hoi\s+dong\s+giam\s+khao)\b"
    r"[a-z\s,]{0,80}?\b(?:cham\s+(?:bai|thi|diem|chung\s+khao)|trao\s+(?:giai|thuong)|xet\s+giai)\b"
)
# "Thực hiện chỉ đạo của UBND tỉnh tại Văn bản số 3079/UBND-VX4 ... . Theo đó, UBND tỉnh yêu
# cầu các sở ... báo cáo trước 7h30' hàng ngày": what the cited document asks (of the issuer
# among others), told before this text's own request: a duty upward, not a request of it
_IMPLEMENTS = re.compile(
    r"\s*(?:thuc\s+hien|can\s+cu|trien\s+khai)(?:\s+(?:y\s+kien\s+)?chi\s+dao)?\s+cua\s+(?P<who>(?:[a-z]+\s+){1,5}?)"
    r"tai\s+(?:van\s+ban|cong\s+van|ke\s+hoach|chi\s+thi|quyet\s+dinh|thong\s+bao)\s+(?:so\s+)?\d"
)
_ACCORDINGLY = re.compile(r"\s*theo\s+do\s*,\s*(?P<who>(?:[a-z]+\s+){1,5}?)(?:yeu\s+cau|de\s+nghi|chi\s+dao|giao)\b")
_ISSUES = re.compile(r"\b(?:ban\s+hanh|co\s+(?:cong\s+)?van\s+ban|vua\s+co)\b")


def _cited_request(folded: str, pos: int) -> bool:
    """Is ``pos`` in a "Theo đó, X yêu cầu ..." sentence telling what X's document, cited by the
    sentence before as the one being carried out, asks?"""
    # (sentences looked at are bounded: a paste of one endless line stays linear)
    s0 = max(folded.rfind(c, max(0, pos - 800), pos) for c in ".!?\n")
    if s0 == -1 and pos > 800:
        return False
    m = _ACCORDINGLY.match(folded, s0 + 1)
    if m is None or m.start("who") > pos:
        return False
    s1 = max(folded.rfind(c, max(0, s0 - 800), s0) for c in ".!?\n")
    prev = _IMPLEMENTS.match(folded, s1 + 1, s0)
    return prev is not None and prev["who"].split() == m["who"].split() and not _ISSUES.search(folded, s1 + 1, s0)


_CLAUSE_PUNCT = re.compile(r"[,;:()]")
_EXPECTED_EVENT = re.compile(
    r"\bdu\s+kien\s+(?:se\s+)?(?:duoc\s+)?(?:to\s+chuc|dien\s+ra|khai\s+mac|trao\s+giai)\b(?:\s+[a-z]+){0,2}?\s*$"
)
_EXPECTED_BEFORE = re.compile(r"\bdu\s+kien\s+(?:se\s+)?(?:duoc\s+)?$")
_PURPOSE_AFTER = re.compile(
    r"(?<!chuyen\s)(?<!van\s)(?<!chu\s)(?<!tieu\s)(?<!nhan\s)\bde\s+(?!(?:nghi|an|xuat|ra|cap|tai|thi|muc|cuong|cu|bat|phong)\b)[a-z]"
)


# "Đảng ủy Công an tỉnh đã ban hành Kế hoạch số 71-KH/ĐUCA; trong đó ...; Đại hội đại biểu Đảng bộ
# Công an tỉnh hoàn thành trước ngày 31-8-2020": the congress of the committee that issues the
# plan is its own work, not the units'
_CONGRESS_SUBJECT = re.compile(
    r"\s*(?:[-+•*]\s*|\d{1,2}\s?[.)]\s*)?dai\s+hoi\s+(?:dai\s+bieu\s+)?dang\s+bo\s+"
    r"(?P<x>(?!cap\b|cac\b|co\s+so\b|xa\b|phuong\b)[a-z]+(?:\s+(?!hoan\b|to\b|tien\b|dien\b|se\b|du\b|truoc\b|trong\b|vao\b|lan\b|nhiem\b)[a-z]+){0,3})"
    r"\s+(?:lan\s+thu\s+[a-z0-9]+\s*,?\s*)?(?:nhiem\s+ky\s+[\d\s\-–]+\s*,?\s*)?"
    r"(?:hoan\s+thanh|to\s+chuc|tien\s+hanh|dien\s+ra|se|du\s+kien|truoc|trong|vao)\b"
)


def _issuers_own_congress(folded: str, lo: int, cue_start: int) -> bool:
    m = _CONGRESS_SUBJECT.match(folded, lo, cue_start)
    if m is None:
        return False
    who = r"\s+".join(m["x"].split())
    issuing = re.compile(
        rf"\bdang\s+uy\s+{who}\s+(?:da\s+|vua\s+)?(?:ban\s+hanh|co\s+(?:ke\s+hoach|cong\s+van|van\s+ban)|yeu\s+cau|chi\s+dao)\b"
    )
    return issuing.search(folded, max(0, lo - 3000), lo) is not None


def _purpose_between(folded: str, a: int, b: int) -> bool:
    """Does a purpose "để ..." open between a deadline ending at ``a`` and a date cued at ``b``
    (a short stretch: the purpose follows its deadline)?"""
    if b - a > 200 or (p := _PURPOSE_AFTER.search(folded, a, b)) is None:
        return False
    # (a request made anew after the purpose is a task of its own: "... để Huyện ủy tổng hợp,
    # đồng thời các đơn vị nộp hồ sơ trước ngày 10/5")
    return not (_REQUEST_WORD.search(folded, p.end(), b) or _UNITS_ACT.search(folded, p.end(), b))


#: a quoted theme, slogan or title is a sentence or two: a longer "quote" is a whole article
#: pasted inside quotation marks, whose instructions stand
_QUOTE_MAX = 400


def _in_curly_quotes(cleaned: str, lo: int, pos: int, hi: int) -> bool:
    """Is ``pos`` inside a short pair of curly quotes “...” (a theme, a slogan, a title)?"""
    opened = cleaned.rfind("“", max(0, pos - _QUOTE_MAX), pos)
    if opened == -1 or cleaned.rfind("”", opened, pos) != -1:
        return False
    closed = cleaned.find("”", pos, opened + _QUOTE_MAX)
    return closed != -1 and cleaned.find("“", pos, closed) == -1


_UNITS_ACT = re.compile(
    r"(?<!cua\s)\bcac\s+(?:chi\s+bo|dang\s+bo|don\s+vi|cap\s+uy|to\s+chuc\s+dang|phong|xa|phuong|co\s+so)\b"
)
_ORGAN_DID = re.compile(
    r"\b(?:huyen|tinh|thanh|quan|thi)\s+uy(?:\s+[a-z]+){0,3}\s+(?P<da>da)\s+"
    r"(?!giao|yeu\s+cau|de\s+nghi|chi\s+dao|ban\s+hanh|huong\s+dan|co\s+van\s+ban|co\s+cong\s+van|phan\s+cong)"
    r"[a-z]+[^;.!?\n]*$"
)
_DA = re.compile(r"\bđã\b", re.I)
_DA_PLAIN = re.compile(r"\bda\b", re.I)
_YEARLY = re.compile(r"\b(?:hang|moi)\s+nam\b")
_SEND = re.compile(r"\b(?:nop|gui)\b")
# sending results or figures up is reporting them: "gửi kết quả tổng hợp ý kiến cử tri đến UBND
# cấp huyện: chậm nhất ngày 31/7"
_REPORTS = re.compile(REPORT_WORD.pattern + r"|\b(?:gui|nop)\s+(?:ket\s+qua|so\s+lieu)\b")
# "có hiệu lực (thi hành) kể từ ngày", "được áp dụng kể từ ngày": when a text takes effect,
# not something to do by a date.
# (or when a body begins to work: "chính thức đi vào hoạt động từ ngày 1/7/2025")
_EFFECTIVE = re.compile(
    r"\b(?:hieu\s+luc|ap\s+dung|(?:di\s+vao\s+)?hoat\s+dong(?:\s+chinh\s+thuc)?)(?:\s+thi\s+hanh)?\s*(?:ke\s+|tu\s*)?$"
)


_COORDINATED = re.compile(r"\s*(?:\([^()\n]{0,20}\)\s*)?(?P<w>,|va|hoac)\s*(?:(?:cac\s+)?ngay\s*)?")
_LIST_GOES_ON = re.compile(r"\s*(?:,|va|hoac)\s*(?:ngay\s*)?\d{1,2}\s?[/.\-]\s?\d")
_PERIOD_SPAN = re.compile(
    r"\s?(?:-|\s(?:va|den|toi)\s)\s?(?:(?:het\s+)?(?P<w>thang|quy)\s+)?(?P<n>\d{1,2}|iv|iii|ii|i)(?![a-z])"
    r"(?:\s?[/.\-]\s?(?P<y>(?:19|20)\d{2})|\s+nam\s+(?P<y2>(?:19|20)\d{2}))?(?![\d/])"
)
_ROMAN_Q = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _span_last(t: Temporal, span: re.Match, year: int) -> datetime | None:
    """End of the last period of "tháng 5 - 6/2020" / "quý II và quý III/2020"."""
    y = int(span["y"] or span["y2"] or year)
    if t.unit == "month":
        if span["w"] == "quy" or not span["n"].isdigit() or not (t.month or 0) < int(span["n"]) <= 12:
            return None
        m = int(span["n"])
    else:
        if span["w"] == "thang":
            return None
        q = _ROMAN_Q.get(span["n"]) or (int(span["n"]) if span["n"].isdigit() else 0)
        if not (t.quarter or 0) < q <= 4:
            return None
        m = 3 * q
    return datetime(y, m, calendar.monthrange(y, m)[1], 23, 59)


def _span_label(t: Temporal, span: re.Match, last: datetime) -> str:
    if t.unit == "month":
        return f"tháng {t.month} - {last.month}/{last.year}"
    roman = {1: "I", 2: "II", 3: "III", 4: "IV"}
    return f"quý {roman.get(t.quarter or 0, t.quarter)} - {roman[last.month // 3]}/{last.year}"


# (or a page's calendar: "Lịch công tác tuần từ ngày 13/3 đến ngày 19/3/2023")
_DAYS_OFF = re.compile(
    r"\b(?:duoc\s+nghi|nghi\s+(?:le|tet|bu|phep|he|hoc|viec)|lich\s+(?:nghi|cong\s+tac|lam\s+viec|tiep\s+cong\s+dan)"
    # (or a duty roster over a holiday: "lãnh đạo trực Tết từ ngày 10/02 đến hết ngày 16/02")
    r"|truc\s+(?:tet|le))\b"
)
_CUTOFF_ENDS = re.compile(r"\)|,\s*(?:[a-z]+\s+){0,4}?(?:gui|nop|bao\s+cao|hoan\s+thanh)\b")
_UP_TO_NOW = re.compile(
    r"\s*,?\s*(?:(?:cho\s+)?(?:den|toi)\s+(?:nay|hien\s+nay|thoi\s+diem\s+nay)\b|tro\s+lai\s+day\b)"
)
_KE_TU = re.compile(r"ke\s+tu\b")
_RANGE_CLOSED = re.compile(r"\b(?:den|toi)\s+(?:het\s+)?(?:ngay\s*)?\d{1,2}\s?[/.\-]\s?\d{1,2}")
# "từ ngày 10 đến hết ngày 30-11-2025": the end of a run of days whose start gives the day only
_RUN_END_CUE = re.compile(r"(?:den|toi)\s+het\b")
# the end of a window right after its start: "đến hết ngày 5-10-2022", "tới 17 giờ ngày 16/4"
_WINDOW_END = re.compile(r"\s*(?:den|toi)\s+(?:het\s+)?(?:ngay\s*)?\d")
_YEAR_SPAN_END = re.compile(r"\s*(?:den|toi|[-–])\s*(?:het\s+)?(?:nam\s+)?(?:19|20)\d{2}(?!\d)")
_ASKS_OTHERS = re.compile(r"\b(?:yeu\s+cau|de\s+nghi|chi\s+dao)\s+(?:cac|toan\s+the|moi)\s")
_MONTH_RUN = re.compile(r"\s?[-–]\s?(?:thang\s+)?(?P<m>\d{1,2})(?:\s?[/.\-]\s?(?P<y>(?:19|20)\d{2}))?(?![\d/.\-])")


_LISTED_MONTHS = re.compile(r"thang\s+(?P<m>\d{1,2})(?:\s?,\s?\d{1,2}){0,3}(?:\s?,\s?|\s+va\s+)")
_IN_BEFORE = re.compile(r"\btrong\s*$")
_FINISHED_BY = re.compile(r"\b(?:hoan\s+thanh|xong|ket\s+thuc)\b")
_SUBMIT = re.compile(r"\b(?:trinh|gui|nop)\b")
# ("đồng thời", not "phát động thời gian": folded alike)
_REQUEST_WORD = re.compile(r"\b(?:de\s+nghi|yeu\s+cau|giao|phai|can|dong\s+thoi(?!\s+gian))\b")


class _Extractor:
    def __init__(self, cleaned: str, folded: str):
        self.cleaned, self.folded = cleaned, folded
        self.seg = Segmenter(folded)
        self.report = _Matches(_REPORTS, folded)
        self.plan = _Matches(PLAN_WORD_STRICT, folded)
        self.complete = _Matches(COMPLETE_WORD, folded)
        self.past = _Matches(PAST_MARKER, folded)
        self.yearly = _Matches(_YEARLY, folded)
        self.send = _Matches(_SEND, folded)
        self.cutoff = _Matches(DATA_CUTOFF, folded)
        self.submit = _Matches(_SUBMIT, folded)
        self._days_off: dict[tuple[int, int], bool] = {}

    def days_off_in(self, lo: int, hi: int) -> bool:
        """``_DAYS_OFF.search(folded, lo, hi)``, asked once per clause (a clause of thousands
        of dates asks it of each date)."""
        if (lo, hi) not in self._days_off:
            self._days_off[lo, hi] = bool(_DAYS_OFF.search(self.folded, lo, hi))
        return self._days_off[lo, hi]

    def submits_in(self, lo: int, b: int) -> bool:
        """``_SUBMIT.search(folded, lo, b)`` in O(log n): its matches are whole words, so one
        lies in [lo, b) exactly when a whole-text match does, or a word cut at b reads as one
        (hence the short re-search of the last few characters)."""
        return self.submit.first_in(lo, b) is not None or bool(_SUBMIT.search(self.folded, max(lo, b - 6), b))

    def kind_in(self, a: int, b: int) -> str | None:
        """Same rule as ``dates.kind_of`` on folded[a:b]: the report or plan word nearest
        the end wins, else "complete" if a doing verb is there, else None."""
        rep, plan = self.report.last_in(a, b), self.plan.last_in(a, b)
        if rep or plan:
            if rep and plan:
                return "report" if rep[1] >= plan[1] else "plan"
            return "report" if rep else "plan"
        return "complete" if self.complete.last_in(a, b) else None

    def kind(self, lo: int, hi: int, cue: Cue, t: Temporal) -> str:
        own = self.kind_in(lo, cue.start) or self.kind_in(t.end, hi)
        if own == "report" and (rep := self.report.last_in(lo, cue.start)):
            # "lập hồ sơ gửi về Phòng Văn hóa để tổng hợp, báo cáo UBND huyện trước ngày ...":
            # the report after "để" is the receiving office's purpose; the sender's task is
            # what comes before it
            purpose = _PURPOSE_REPORT.search(self.folded, max(lo, rep[0] - 30), rep[0])
            if purpose:
                own = self.kind_in(lo, purpose.start()) or "complete"
        if own is None and self.submits_report(lo, cue.start):
            return "report"
        return own or kind_of(self.seg.heading_line(lo)) or "complete"

    def submits_report(self, lo: int, cue_start: int) -> bool:
        """ "Sở X tổng hợp chung báo cáo. Yêu cầu hoàn thiện gửi Văn phòng trước ngày 24/5":
        a clause that only sends (gửi / trình / nộp) right after a clause drafting a report
        sends that report."""
        if not self.submits_in(lo, cue_start) or lo < 2 or self.folded[lo - 1] == "\n":
            return False
        plo, phi = self.seg.clause(lo - 2)
        return self.report.last_in(plo, phi) is not None and self.plan.last_in(plo, phi) is None

    def said_in_past(self, lo: int, cue_start: int) -> bool:
        # (a request after the past marker asks anew: "Đến nay vẫn còn 3 chi bộ chưa nộp, đề
        # nghị nộp trước ngày 20/2")
        if (past := self.past.last_in(lo, cue_start)) and not _REQUEST_WORD.search(self.folded, past[1], cue_start):
            return True
        # "đã" (already) governing the cue's verb: "các chi bộ đã hoàn thành trước ngày ...".
        # Only the words since the last comma count ("nội dung đã giao, hoàn thành trước
        # ..." is an instruction), and the accented word is required when the text has
        # marks, since folded "da" is also "đa".
        # (a longer object may stand between: "Sở đã hoàn thành cấp mã học sinh xong trước ...",
        # unless units are set to act after "đã": "Huyện ủy đã chọn các chi bộ hoàn thành ...")
        tail = _CLAUSE_PUNCT.split(self.cleaned[max(lo, cue_start - 60) : cue_start])[-1]
        if (da := _DA.search(tail)) and (
            da.start() >= len(tail) - 30
            or not _UNITS_ACT.search(self.folded, cue_start - len(tail) + da.end(), cue_start)
        ):
            return True
        # a committee's own completed act told as news, however long the list of its object:
        # "Huyện ủy X đã lấy ý kiến của các sở, ban, ngành ... trước ngày 28.2"
        # (every match names a "... ủy": a window without "uy", a run of dates, skips the scan)
        organ_at = max(lo, cue_start - 300)
        organs = (
            _ORGAN_DID.finditer(self.folded, organ_at, cue_start) if "uy" in self.folded[organ_at:cue_start] else ()
        )
        for m in organs:
            if _UNITS_ACT.search(self.folded, m.end("da"), cue_start):
                continue  # "Huyện ủy X đã chọn các chi bộ hoàn thành ...": units set to act
            if self.cleaned[m.start("da") : m.end("da")].lower() == "đã" or self.cleaned.isascii():
                return True
        return tail.isascii() and bool(_DA_PLAIN.search(tail))


def extract_deadlines(
    cleaned: str,
    folded: str,
    *,
    default_year: int | None,
    reference: date | None,
    not_before: date | None,
    temporals: list[Temporal] | None = None,
) -> ExtractionResult:
    """Deadlines in reading order. ``not_before``: dates before it are past events."""
    ex = _Extractor(cleaned, folded)
    seg = ex.seg
    found: list[tuple[int, Deadline]] = []
    warnings: list[str] = []
    past_starts: set[int] = set()
    last_day: tuple[int, int, Cue] | None = None  # (clause, end, cue) of the last dated deadline
    last_item: tuple[int, int] | None = None  # (clause, end) of the last deadline taken

    stamps = page_stamps(cleaned, folded)
    stamp_days = [d for _, _, d in stamps if d is not None]
    if not_before is None and stamp_days:
        not_before = min(stamp_days)  # the page went up then: what was due before is past
    stamp_lines = [(a, b) for a, b, _ in stamps]

    periodic, periodic_clauses, covered = _periodic(cleaned, folded, seg)
    found.extend(periodic)
    table_cells = _deadline_table_cells(folded)
    yearly_frame = any(d.recurrence is not None and d.recurrence.freq == "yearly" for _, d in periodic)

    years_end = -1  # end of a span of years just read ("từ năm 2020 đến năm 2024")
    for t in temporals if temporals is not None else iter_temporal(folded):
        if stamp_lines and _in_spans(stamp_lines, t.start):
            continue
        if t.start < years_end:
            continue
        lo, hi = seg.clause(t.start)
        # a year-less day in a reporting rule ("trước ngày 10/07 của năm báo cáo") is the
        # rule's day, not a one-off deadline
        if lo in periodic_clauses and t.year is None:
            continue
        cue = match_cue(folded, t, lo)
        # "Bắt đầu từ quý II năm 2019, ... thu theo quý": the day a rule begins to apply stays a
        # start item; the reminder planner begins the rule's periods there (schedule_start)
        if cue is None and t.start in table_cells:
            cue = Cue("end_of_day" if t.unit == "day" else "period_end", t.start)
        run_end: Temporal | None = None
        if (
            cue is None
            and t.unit == "day"
            and last_day is not None
            and last_day[0] == lo
            and (co := _COORDINATED.fullmatch(folded, last_day[1], t.start))
            # (a comma only inside a list of days: "trước ngày 15/3, 15/6, 15/9 và 15/12")
            and (co["w"] != "," or _LIST_GOES_ON.match(folded, t.end))
        ):
            # "trước ngày 15/6/2020 và ngày 15/12/2020": a day joined to a deadline's day by
            # "và" / "," / "hoặc" shares its cue
            prev = last_day[2]
            cue = Cue(prev.relation, last_day[1] + co.start("w"), prev.at, prev.through)
        if (
            (cue is None or (cue.relation == "end_of_day" and _RUN_END_CUE.match(folded, cue.start)))
            and t.unit == "day"
            and (first := shared_month_run(folded, t, lo, 1)) is not None
            and (
                (t.day or 0) - (first.day or 0) >= RUN_MIN_DAYS
                or _FILING.search(folded, max(lo, t.start - 200), t.start)
                or _DURING_EVENT.search(folded, max(lo, t.start - 200), t.start)
                or _run_opens_task(folded, lo, first.start, t.end)
            )
        ):
            # "Từ ngày 1 - 25.4.2019", "từ ngày 5 đến 20/8/2023": a window of a week or more
            # with the month written once; its start day takes the end's month and year
            run_end, t = t, first
            opened = RUN_OPEN.search(folded, max(lo, t.start - 12), t.start)
            cue = Cue("start", opened.start() if opened else t.start)
        if cue is None:
            continue
        # "số liệu tính từ ngày ... đến ngày ...", "chốt số liệu ngày 25": the days a report
        # covers, not when it is due
        # (a cut-off in brackets, or one a sending verb follows, stops there: "(số liệu tính
        # từ ngày 01/01 đến ngày 31/3), gửi về Sở trước ngày 20/4" keeps its deadline)
        if (cut := ex.cutoff.last_in(lo, t.start)) and not _CUTOFF_ENDS.search(folded, cut[1], t.start):
            continue
        # "Kế hoạch số 12-KH/HU ngày ... về việc hoàn thành trước ngày ...": words of a cited
        # document's title, not an instruction of this one
        # (a match ends at the cue and spans at most ~420 characters: searching only that far
        # back keeps a clause of thousands of dates linear)
        if _in_cited_title(folded, max(lo, cue.start - 450), cue.start):
            continue
        # "... 08-NQ/TU ngày 30/7/2021": the date of a cited document, whatever precedes it
        if t.unit == "day" and ref_before(folded, max(lo, t.start - 60), t.start):
            continue
        # "báo cáo trước ngày 15/12 hằng năm": a year-less date in a yearly schedule is the
        # schedule's day, not a one-off deadline
        if t.year is None and ex.yearly.first_in(lo, hi):
            continue
        if t.year is None and t.unit in ("month", "quarter") and (sp := _PERIOD_SPAN.match(folded, t.end)):
            if sp["y"] or sp["y2"]:  # "tháng 5 - 6/2020": the year written once, at the end
                t = replace(t, year=int(sp["y"] or sp["y2"]))
        raw = cleaned[t.start : t.end]
        try:
            res = resolve(t, cue, raw=_date_words(raw), default_year=default_year, reference=reference)
        except _Invalid as e:
            warnings.append(f"ngày {e.raw} không tồn tại")
            continue
        except _NoYear:
            # no year anywhere, in a text that states yearly rules ("khai giảng vào ngày 5-9
            # hàng năm. Kết thúc năm học trước ngày 31-5."): each day of its calendar is a
            # day of every year
            if yearly_frame and (item := _yearly_day(ex, t, cue, lo, hi)) is not None:
                found.append(item)
            continue
        latest = res.anchor if t.unit == "day" else res.due.date()
        year_typo = False
        if (
            not_before is not None
            and latest < not_before
            and (fixed := _year_slip(t, not_before)) is not None
            and not _OVERDUE.search(folded, lo, hi + 100)
        ):
            # "hoàn thành trước ngày 21/11/2022" in a letter of 14/11/2023: last year's number
            # left in a date a few weeks ahead; read as the evident date, flagged
            try:
                res = resolve(fixed, cue, raw=_date_words(raw), default_year=default_year, reference=reference)
            except (_Invalid, _NoYear):
                continue
            t, latest, year_typo = fixed, res.anchor, True
        elif not_before is not None and not res.is_start and (fixed := _year_ahead_slip(t, not_before)) is not None:
            # "hoàn thành chậm nhất ngày 31 tháng 5 năm 2025" in a letter of 7/5/2020 pressing
            # this spring's congresses: the term's end year typed for the current one
            try:
                res = resolve(fixed, cue, raw=_date_words(raw), default_year=default_year, reference=reference)
            except (_Invalid, _NoYear):
                continue
            t, latest, year_typo = fixed, res.anchor, True
        if not_before is not None and latest < not_before:
            if not res.is_start:
                continue
            # a window opened before the text but closing after it is still open: kept
            # only if an end joins it below
            past_starts.add(cue.start)
        if ex.said_in_past(lo, cue.start):
            continue
        # "Hội nghị ... lần thứ 5 (dự kiến tổ chức vào cuối tháng 12/2020)", "Lễ trao giải dự
        # kiến được tổ chức vào cuối tháng 10": when an event is expected, nobody's task
        # (a limit or a window stays: "Đại hội xã dự kiến tổ chức trước ngày 25.3" is the
        # plan's limit for the commune)
        if (
            folded.startswith("vao", cue.start) and _EXPECTED_EVENT.search(folded, max(lo, cue.start - 60), cue.start)
        ) or (
            # "Hội thi cấp tỉnh dự kiến tổ chức trong tháng 10-2019": the verb is the cue there
            folded.startswith(("to chuc", "dien ra"), cue.start)
            and _EXPECTED_BEFORE.search(folded, max(lo, cue.start - 30), cue.start)
        ):
            continue
        # "Chủ đề Đại hội “... phấn đấu đến năm 2030 ...”": words quoted inside curly quotes
        # (a theme, a slogan, a title) are no instruction of this text
        if _in_curly_quotes(cleaned, lo, cue.start, hi):
            continue
        # "gửi tác phẩm về Ban Tuyên giáo trước ngày 30.11 để Hội đồng sơ khảo xét chọn và gửi
        # Trung ương vào quý I": a date after a purpose "để" that follows this clause's deadline
        # is when the receiving side acts on it
        if last_item is not None and last_item[0] == lo and _purpose_between(folded, last_item[1], cue.start):
            continue
        if _issuers_own_congress(folded, lo, cue.start):
            continue
        if (body := _OWN_COMMITTEE.match(folded, lo)) and not _HANDS_ON.search(folded, body.end(), cue.start):
            continue
        # "Vòng chung khảo, BTC cuộc thi tổ chức chấm bài, trao giải, thời gian từ ...": the
        # organisers' own marking and prize-giving, nothing for the units to do
        if _ORGANISERS_MARK.match(folded, lo) and not _HANDS_ON.search(folded, lo, cue.start):
            continue
        if _cited_request(folded, cue.start):
            continue
        # "thời gian đăng, phát tác phẩm tham dự Giải ... được tính từ ngày 16/11/2021 đến ngày
        # 10/8/2022", "kéo dài thời gian đăng, phát tác phẩm ... đến ngày 29/8/2022": when the
        # eligible works must have come out, an award's period, not a time for anyone to act
        if _PUBLISH_PERIOD.search(folded, max(lo, cue.start - 300), cue.start):
            continue
        # "các tác phẩm đã được đăng tải trên báo chí trong khoảng thời gian từ ... đến ...": when
        # entries came out (its start and its end)
        if _PUBLISHED_IN.search(folded, max(lo, cue.start - 160), cue.start):
            continue
        # "từ năm 2017 đến nay", "từ tháng 3/2020 trở lại đây": a span up to now, told of the past
        if res.is_start and _UP_TO_NOW.match(folded, t.end):
            continue
        # "có thành tích trong công tác từ năm 2020 đến năm 2024": a span of whole years is the
        # period a thing covers (a record, a programme), not a day to begin a task
        if res.is_start and t.unit == "year" and (ys := _YEAR_SPAN_END.match(folded, t.end)):
            years_end = ys.end()  # (its end year too)
            continue
        # "Cán bộ được nghỉ từ ngày 30/4 đến hết ngày 3/5/2020": days off, not a time to act
        # (a range closed before the cue is not this date's: "lập danh sách trực Tết từ ngày 10/02
        # đến hết ngày 16/02/2021 gửi về UBND tỉnh trước ngày 30/01/2021" sends the list by then)
        if (
            res.is_start
            or (
                (rs := RANGE_START.search(folded, max(lo, cue.start - 80), cue.start))
                and not _RANGE_CLOSED.search(folded, rs.end(), cue.start)
            )
        ) and ex.days_off_in(lo, hi):
            continue  # (its end too)
        if res.is_start and _EFFECTIVE.search(folded, max(lo, cue.start - 40), cue.start + 3):
            continue
        # "tạm dừng ... kể từ ngày 23/12/2021 cho đến khi có thông báo mới": "kể từ" says from
        # when a measure holds, not a date to begin a task ("từ ngày", "bắt đầu từ")
        # Unless the measure is asked of the recipients: "Sở ... yêu cầu các phòng ... cho học
        # sinh tạm dừng đến trường kể từ ngày 12/5/2021" is a start they must make that day.
        # (a "kể từ" an end closes is a window all the same: "kể từ ngày 26-9 đến hết ngày 5-10")
        if (
            res.is_start
            and _KE_TU.match(folded, cue.start)
            and not _ASKS_OTHERS.search(folded, lo, cue.start)
            and not _WINDOW_END.match(folded, t.end)
        ):
            continue
        kind = "start" if res.is_start else ex.kind(lo, hi, cue, t)
        end, until = t.end, None
        if t.unit == "day" and res.relation in ("end_of_day", "before_day") and (tm := TIME_AFTER.match(folded, t.end)):
            # "chậm nhất ngày 15/9/2023 lúc 17h00", "HẠN CHÓT 30/06/2020 17:00": the hour
            # written after the day
            at = time(int(tm["h"]), int(tm["m"] or 0))
            rel = "at_time" if res.relation == "end_of_day" else "before_time"
            lead = "đến" if rel == "at_time" else "trước"
            res = replace(
                res,
                relation=rel,
                due=datetime.combine(res.anchor, at),
                shown=f"{lead} {at:%H:%M} {format_date(res.anchor)}",
            )
            end = tm.end()
        if run_end is not None:
            assert run_end.month is not None and run_end.day is not None
            last = date(res.due.year, run_end.month, run_end.day)  # the start's year, resolved
            end, until = run_end.end, datetime.combine(last, time(23, 59))
            res = replace(res, shown=f"{res.shown} đến hết {last.day}/{last.month}/{last.year}")
        if not res.is_start and t.unit in ("month", "quarter") and (span := _PERIOD_SPAN.match(folded, t.end)):
            # "xong trong tháng 5 - 6/2020", "trong quý II và quý III/2020": done by the end of
            # the last period of the span
            span_end = _span_last(t, span, res.due.year)
            if span_end is not None and span_end > res.due:
                res = replace(res, due=span_end, shown=f"{res.shown.split(' ')[0]} {_span_label(t, span, span_end)}")
                end = span.end()
        if (
            not res.is_start
            and t.unit == "month"
            and until is None
            and (listed := _LISTED_MONTHS.match(folded, t.start))
            and (t.month or 0) > int(listed["m"])
            and _IN_BEFORE.search(folded, max(lo, t.start - 12), t.start)
            and not _FINISHED_BY.search(folded, lo, t.start)
        ):
            # "cấp xã tổ chức trong tháng 3 và 4 năm 2010": held during the months listed, a
            # window from the first one's start (finishing "trong tháng 5 - 6" is by the end)
            first_day = date(res.due.year, int(listed["m"]), 1)
            until = res.due
            res = replace(
                res,
                due=datetime.combine(first_day, time(0, 0)),
                anchor=first_day,
                shown=f"trong tháng {first_day.month} - {t.month}/{first_day.year}",
            )
        if res.is_start and t.unit == "month":
            # "từ tháng 4 - 6": a run of months written with the word once is one window
            if (run := _MONTH_RUN.match(folded, t.end)) and (t.month or 0) < int(run["m"]) <= 12:
                if run["y"] and t.month is not None:  # "từ tháng 6 - 8/2023": the year written at the end
                    y = int(run["y"])
                    res = replace(
                        res, due=datetime(y, t.month, 1), anchor=date(y, t.month, 1), shown=f"từ tháng {t.month}/{y}"
                    )
                last = date(res.due.year, int(run["m"]), calendar.monthrange(res.due.year, int(run["m"]))[1])
                end, until = run.end(), datetime.combine(last, time(23, 59))
                res = replace(res, shown=f"{res.shown} đến hết tháng {last.month}/{last.year}")
        text = " ".join(cleaned[cue.start : end].split())
        flags = (
            ("month_for_day",)
            if (
                t.unit == "day"
                and res.relation == "before_day"
                and TYPO_MONTH_FOR_DAY.search(folded, cue.start, t.start)
            )
            else ()
        ) + (("year_typo",) if year_typo else ())
        if _OFFICE_ADVISES.match(folded, lo):
            continue
        if _OWN_OFFICE.match(folded, lo):
            # "Văn phòng Đảng ủy Khối tổng hợp, báo cáo Ban Thường vụ Tỉnh ủy trước ngày ...":
            # the issuing office's own duty upward, as for its schedules below
            flags += ("own_office",)
        found.append(
            (
                cue.start,
                Deadline(
                    kind=kind,
                    due=res.due,
                    recurrence=None,
                    text=text,
                    shown=res.shown,
                    anchor=res.anchor,
                    relation=res.relation,
                    flags=flags,
                    until=until,
                ),
            )
        )
        if t.unit == "day" and not res.is_start and run_end is None:
            last_day = (lo, end, cue)
        if not res.is_start:
            last_item = (lo, end)

    seen_clauses: set[int] = set()
    for fm in FREQ_RE.finditer(folded):
        lo, hi = seg.clause(fm.start())
        if lo in seen_clauses or lo in periodic_clauses:
            continue
        # "Công văn số 2070/BHXH-KHTC về báo cáo thống kê hàng tháng": a cited title's words
        if _in_cited_title(folded, max(lo, fm.start() - 450), fm.start()) or _cited_request(folded, fm.start()):
            continue
        seen_clauses.add(lo)  # one schedule per clause, and each clause examined once
        fm = freq_match(folded, fm.start(), hi, cleaned)
        if fm is None:
            continue
        if not (ex.report.first_in(lo, hi) or ex.send.first_in(lo, hi)):
            continue  # a schedule only for reporting / sending, not "cập nhật hằng ngày"
        if ex.past.first_in(lo, hi) or DATA_CUTOFF.search(folded, lo, hi):
            continue  # past narrative, or the days a report covers ("chốt số liệu ngày 25")
        # the whole clause: hours / weekday / day may come before the frequency word
        rec = find_recurrence(folded, lo, hi, cleaned)
        if rec is None:
            continue
        start, end = rec.start, rec.end
        word = ex.report.last_in(lo, fm.start()) or ex.report.first_in(fm.start(), hi)
        if word is not None:
            start, end = min(start, word[0]), max(end, word[1])
        text = " ".join(cleaned[start:end].split())
        if any(a <= start < b and rec.recurrence.freq in freqs for a, b, freqs in covered):
            continue  # its periods are scheduled by a later sentence ("... cuối kỳ báo cáo")
        own = ("own_office",) if _OWN_OFFICE.match(folded, lo) else ()
        found.append(
            (
                start,
                Deadline(
                    kind="recurring",
                    due=None,
                    recurrence=rec.recurrence,
                    text=text,
                    shown=rec.recurrence.describe(),
                    anchor=None,
                    relation="recurring",
                    flags=own,
                ),
            )
        )

    found.extend(_relative(ex, found))
    found.sort(key=lambda p: p[0])
    found = _windows(found, seg, folded, cleaned)
    # "Giải Vô địch ... được tổ chức từ ngày 07 đến ngày 16/5", "Đại hội ... toàn quốc được tổ
    # chức ..., thời gian từ ngày 10/6 đến hết ngày 13/6": the days an event is held by its
    # organisers
    found = [(pos, d) for pos, d in found if not (d.until is not None and _event_held(folded, seg.clause(pos)[0], pos))]
    if past_starts:
        found = [(pos, d) for pos, d in found if pos not in past_starts or d.until is not None]
    found = _drop_sub_windows(found)
    found = _drop_tiling_windows(found, folded)
    found = [(pos, d) for pos, d in found if not _side_start(folded, pos, d)]
    found = _drop_superseded(found, seg, folded)
    found = _drop_starts_of_windows(found)
    found = _daily_slots(found, folded, cleaned)
    found = [(pos, d) for pos, d in found if not (d.until is not None and _tallied_window(folded, seg, pos, d))]
    found = _drop_headline_repeats(found, folded)
    found = _drop_repeated_sentences(found, seg, folded)
    found = _drop_extension_restated(found, seg, folded)
    found = _drop_subject_regimes(found, folded)
    return ExtractionResult([d for _, d in found], warnings)


# A schedule table, flattened to one cell a line or to "|" / tab cells: a column headed "Ngày
# chậm nhất phải hoàn thành", "Thời hạn hoàn thành", "Thời gian hoàn thành" heads bare dates,
# each the deadline of its row; a row "Hoàn thành | 30/6/2021" labels the date next to it.
_DEADLINE_COLUMN = re.compile(
    r"(?:ngay|thoi\s+(?:han|gian))(?:\s+(?:cham\s+nhat|phai|du\s+kien|thuc\s+hien))*\s+"
    r"(?:hoan\s+thanh|nop|gui)(?:\s+[a-z]+){0,2}"
    r"|thoi\s+han(?:\s+(?:hoan\s+thanh|thuc\s+hien|nop|gui|bao\s+cao))?|hoan\s+thanh|han\s+(?:hoan\s+thanh|nop)"
)
_CELL_SEP = re.compile(r"\||\t")
# a cell holding only a date or period, perhaps with a short remark: "07/02/2021 (chủ Nhật)"
_BARE_DATE_CELL = re.compile(
    r"(?:ngay\s+)?(?:\d{1,2}\s?[/.\-]\s?\d{1,2}(?:\s?[/.\-]\s?\d{4})?"
    r"|(?:thang|quy)\s+[\divx]{1,4}(?:\s?[/.\-]\s?\d{4})?)\s*(?:\([^()\n]{0,30}\))?\s*[.;]?"
)


def _deadline_table_cells(folded: str) -> set[int]:
    """Start positions of the bare dates that a schedule table's deadline column (or a row's
    deadline label) governs. Cheap when the text has no such label."""
    if "hoan thanh" not in folded and "thoi han" not in folded:
        return set()
    out: set[int] = set()
    column = False
    pos = 0
    for line in folded.split("\n"):
        cells: list[tuple[int, str]] = []
        last = 0
        for m in [*_CELL_SEP.finditer(line), None]:
            end = m.start() if m else len(line)
            raw = line[last:end]
            if raw.strip():
                cells.append((pos + last + len(raw) - len(raw.lstrip()), raw.strip()))
            last = m.end() if m else last
        for k, (start, cell) in enumerate(cells):
            if len(cell) <= 60 and _DEADLINE_COLUMN.fullmatch(cell):
                nxt = cells[k + 1] if k + 1 < len(cells) else None
                if nxt and _BARE_DATE_CELL.fullmatch(nxt[1]):
                    out.add(nxt[0])  # "Hoàn thành | 30/6/2021"
                else:
                    column = True  # a column header: the bare dates below are its values
            elif column and _BARE_DATE_CELL.fullmatch(cell):
                out.add(start + (len(cell) - len(cell.removeprefix("ngay").lstrip()) if cell.startswith("ngay") else 0))
        pos += len(line) + 1
    return out


_PERIODIC_TRIGGER = re.compile("|".join(rx.pattern for rx in PERIOD_WORD) + r"|\bthang\s+cuoi\s+ky\b")


def _periodic(cleaned: str, folded: str, seg: Segmenter):
    """Reporting rules by period (periodic_rules.py), one pass over the clauses naming a
    period. Returns the items, the clauses they came from, and (lo, hi, freqs) stretches
    whose periods a later clause scheduled."""
    items: list[tuple[int, Deadline]] = []
    clauses: set[int] = set()
    covered: list[tuple[int, int, set[str]]] = []
    seen: set[int] = set()
    for m in _PERIODIC_TRIGGER.finditer(folded):
        lo, hi = seg.clause(m.start())
        if lo in seen:
            continue
        seen.add(lo)
        context_lo = max(0, lo - 600)
        rules = find_periodic(folded, lo, hi, context_lo=context_lo)
        if not rules:
            continue
        clauses.add(lo)
        used_context = not any(rx.search(folded, lo, hi) for rx in PERIOD_WORD)
        if used_context:
            covered.append((context_lo, lo, {r.recurrence.freq for r in rules}))
        clause = cleaned[lo:hi]
        marker = _LIST_MARKER.match(clause)  # only a marker that opens the clause
        text = " ".join(clause[marker.end() if marker else 0 :].split()).rstrip(".;,")
        # "Văn phòng Huyện ủy tổng hợp, báo cáo hằng quý, trước ngày 20 của tháng cuối quý":
        # the issuing office's own duty upward, as in the frequency-word pass below
        own = ("own_office",) if _OWN_OFFICE.match(folded, lo) else ()
        for r in rules:
            items.append(
                (
                    r.start,
                    Deadline(
                        kind="recurring",
                        due=None,
                        recurrence=r.recurrence,
                        text=text,
                        shown=r.recurrence.describe(),
                        anchor=None,
                        relation="recurring",
                        flags=own,
                    ),
                )
            )
    return items, clauses, covered


# A time limit counted from an event rather than a calendar date: "trước ngày trao thưởng ít
# nhất 07 ngày", "sau 05 ngày kể từ ngày nhận văn bản", "trong vòng 10 ngày làm việc kể từ
# khi kết thúc hội nghị". The event has no date in the text, so the item keeps its words and
# no due time; staff set the date. The event must start with a word, not a number, so
# "kể từ ngày 23/12/2021" (a dated start) is not one.
_AMOUNT = r"\d{1,3}(?:\s*\([a-z ]{2,20}\))?\s+(?:ngay(?:\s+lam\s+viec)?|tuan|thang|gio)\b"
_EVENT = r"(?:\s+(?!\d)[a-z]+){1,5}"
_RELATIVE = re.compile(
    rf"\btruoc\s+(?:ngay|khi|thoi\s+diem|buoi|le|hoi\s+nghi|dai\s+hoi)\b(?:\s+(?!\d)[a-z]+){{0,8}}?"
    rf"\s+(?:it\s+nhat|toi\s+thieu|cham\s+nhat)\s+{_AMOUNT}"
    # "Trước ngày khai mạc 10 ngày", "Sau khi kết thúc hội nghị 05 ngày": the amount after the event
    rf"|\b(?:truoc\s+(?:ngay|khi)|sau\s+khi)(?:\s+(?!\d)[a-z]+){{1,6}}?\s+{_AMOUNT}(?!\s+(?:ke\s+tu|tinh\s+tu))"
    rf"|\b(?:(?:it\s+nhat|toi\s+thieu|cham\s+nhat)\s+)?(?:sau|trong(?:\s+vong|\s+thoi\s+han)?"
    rf"|khong\s+qua|cham\s+nhat|chua\s+qua)\s+{_AMOUNT}\s*,?\s*"
    rf"(?:ke\s+tu|tinh\s+tu|sau\s+khi|truoc\s+khi|truoc|sau)\b{_EVENT}"
)
_EFFECTIVE_BEFORE = re.compile(r"\b(?:hieu\s+luc|ap\s+dung)(?:\s+thi\s+hanh)?\s*$")
#: Words that end the event ("kể từ ngày nhận văn bản này, các chi bộ ...").
_EVENT_STOP = re.compile(r"\s+(?:cac|va|de|thi|phai|nay|gui|bao|ve)\b")


def _relative(ex: _Extractor, found: list[tuple[int, Deadline]]) -> list[tuple[int, Deadline]]:
    taken = [(pos, pos + len(d.text)) for pos, d in found]
    out: list[tuple[int, Deadline]] = []
    for m in _RELATIVE.finditer(ex.folded):
        start, end = m.span()
        stop = _EVENT_STOP.search(ex.folded, start + 1, end)
        if stop is not None and stop.start() > start + 12:
            end = stop.start()
        if any(a < end and start < b for a, b in taken):
            continue
        # "có hiệu lực thi hành sau 10 ngày kể từ ngày ký": when a text takes effect
        if _EFFECTIVE_BEFORE.search(ex.folded, max(0, start - 40), start):
            continue
        lo, hi = ex.seg.clause(start)
        if ex.said_in_past(lo, start):
            continue
        # "Sau khi diễn ra 3 ngày, hội nghị đã bế mạc": a span told of the past
        if _DA.search(ex.cleaned, end, hi) or (ex.cleaned.isascii() and _DA_PLAIN.search(ex.cleaned, end, hi)):
            continue
        kind = ex.kind_in(lo, start) or ex.kind_in(end, hi) or kind_of(ex.seg.heading_line(lo)) or "complete"
        text = " ".join(ex.cleaned[start:end].split())
        out.append(
            (
                start,
                Deadline(
                    kind=kind,
                    due=None,
                    recurrence=None,
                    text=text,
                    shown=text,
                    anchor=None,
                    relation="relative",
                    flags=("relative",),
                ),
            )
        )
    return out


_PUBLISH_PERIOD = re.compile(
    r"\bthoi\s+gian\s+(?:dang(?:\s+tai)?|phat(?:\s+song)?|xuat\s+ban)"
    r"(?:\s*,\s*(?:dang(?:\s+tai)?|phat(?:\s+song)?|xuat\s+ban))?\s+(?:(?:cac|nhung)\s+)?(?:tac\s+pham|bai\s+(?:bao|viet))\b"
)
# "Đồng thời gia hạn thời gian cuối cùng thu nhận tác phẩm ... đến ngày 30/8/2022. Hồ sơ ... gửi
# về Ban Tổ chức ..., chậm nhất là ngày 30/8/2022": the extension announces the date the next
# sentence asks for, one deadline
_EXTENDS = re.compile(r"\b(?:gia\s+han|keo\s+dai)\b")


def _drop_extension_restated(
    found: list[tuple[int, Deadline]], seg: Segmenter, folded: str
) -> list[tuple[int, Deadline]]:
    """An extension ("gia hạn ... đến ngày X") followed by an item with the same kind and due
    is the same deadline: the later one, which names the task, is kept."""
    out = []
    for i, (pos, d) in enumerate(found):
        lo = seg.clause(pos)[0]
        if (
            d.due is not None
            and d.until is None
            and _EXTENDS.search(folded, max(lo, pos - 300), pos)
            and any(n.due == d.due and n.kind == d.kind and n.until is None for _, n in found[i + 1 : i + 4])
        ):
            continue
        out.append((pos, d))
    return out


_PUBLISHED = re.compile(
    r"\b(?:dang(?:\s+tai)?|phat(?:\s+song)?|xuat\s+ban|cong\s+bo)"
    r"(?:\s*,\s*(?:dang(?:\s+tai)?|phat(?:\s+song)?|xuat\s+ban))?\s+$"
)
# "Tổ chức chấm vòng sơ khảo từ ngày 7-12 đến ngày 22-12": the judging of a contest or award
# is its organisers' own work
_JUDGING = re.compile(r"\bcham\s+(?:giai|vong|so\s+khao|chung\s+khao|tac\s+pham)\b|\bvong\s+(?:so|chung)\s+khao\b")
_PURPOSE_REPORT = re.compile(r"\bde\s+(?:tong\s+hop\s*,?\s*(?:va\s+)?)?$")
_UNTIL_CUE = re.compile(r"(?:den|toi|ket\s+thuc)\b|[-–]")
# "bắt đầu từ ngày 22/02 và kết thúc vào 17 giờ ngày 14/3": "kết thúc" (ends) right before the
# second date's cue closes the window just as "đến" does.
_ENDS_BEFORE = re.compile(r"\bket\s+thuc\s*$")
_UNTIL_BEFORE = re.compile(r"\b(?:den|toi)\s+$")
# "Bắt đầu từ tháng 1-2017, hoàn thành vào tháng 4-2017": finishing at a period or a day
# ("vào") closes the window the start opened; "hoàn thành trước ..." and "hoàn thành trong
# tháng 5" are limits of their own, kept beside the start as earlier readings keep them
_FINISHED_IN = re.compile(r"(?:hoan\s+thanh|xong)\s+(?:vao\b|(?:vao\s+)?giua\b)")
_FINISH_BEFORE = re.compile(r"\b(?:hoan\s+thanh|xong)\s*$")


def _windows(
    found: list[tuple[int, Deadline]], seg: Segmenter, folded: str, cleaned: str
) -> list[tuple[int, Deadline]]:
    """ "từ ngày 12/8 đến ngày 15/9": a start followed in its clause by an end ("đến",
    "tới", "đến hết") is one item, the start with ``until`` = the end."""
    out: list[tuple[int, Deadline]] = []
    i = 0
    while i < len(found):
        pos, d = found[i]
        if d.kind == "start" and i + 1 < len(found):
            npos, nxt = found[i + 1]
            dy = _start_in_ends_year(d, nxt)
            if (
                nxt.kind != "start"
                and nxt.due is not None
                and dy.due is not None
                and seg.clause(pos)[0] == seg.clause(npos)[0]
                and (
                    _UNTIL_CUE.match(folded, npos)
                    # "Từ ngày 1/11 đến trước 23/12/2025": a window closing the day before
                    or _UNTIL_BEFORE.search(folded, max(pos, npos - 8), npos)
                    or _ENDS_BEFORE.search(folded, max(pos, npos - 12), npos)
                    or _FINISHED_IN.match(folded, npos)
                    or (folded.startswith("vao", npos) and _FINISH_BEFORE.search(folded, max(pos, npos - 14), npos))
                )
                and nxt.due >= dy.due
            ):
                d = dy
                i += 2
                if _PUBLISHED.search(folded, max(0, pos - 40), pos) or _JUDGING.search(
                    folded, max(seg.clause(pos)[0], pos - 120), pos
                ):
                    # "các tác phẩm được đăng tải, phát sóng từ ngày 1/10/2018 đến ngày ...":
                    # when the eligible works came out, not a window for anyone to act in;
                    # "chấm vòng sơ khảo từ ngày ...": the organisers' judging
                    continue
                if _in_brackets(folded, pos, npos):
                    # "Đợt cao điểm (từ ngày 30/4 đến hết 03/5/2023)": the span of the thing
                    # named before the bracket, not a task's window
                    continue
                if _TOLD_DONE.match(folded, npos + len(nxt.text)):
                    # "cuộc thi được phát động từ ngày 20/9 đến ngày 20/10/2021, đã nhận được
                    # nhiều tác phẩm": a window told as past
                    continue
                # the words between the two ("và kết thúc") belong to the phrase
                gap = " " if cleaned[npos - 1 : npos].isspace() else ""
                text = f"{' '.join(cleaned[pos:npos].split())}{gap}{nxt.text}"
                out.append((pos, replace(d, until=nxt.due, text=text, shown=f"{d.shown} {nxt.shown}")))
                continue
        out.append((pos, d))
        i += 1
    return out


# a window's clause going on with what already happened: ", đã nhận được nhiều tác phẩm"
_TOLD_DONE = re.compile(r"\s*,\s*(?:[a-z]+\s+){0,2}?da\s+(?:nhan|thu\s+hut|co|duoc|dien\s+ra|ket\s+thuc)\b")
# works published within a span: "các tác phẩm đã được đăng tải trên các phương tiện thông tin
# đại chúng trong khoảng thời gian từ ..."
_PUBLISHED_IN = re.compile(
    r"\b(?:dang\s+tai|phat\s+song|xuat\s+ban|cong\s+bo|dang\s+phat)\b[^.;:\n]{0,90}?"
    r"\b(?:trong\s+)?(?:khoang\s+)?thoi\s+gian(?:\s+tu\b[^.;:\n]{0,40})?\s*$"
)
# an event held by its organisers: a national congress, a conference, a championship, a
# ceremony (the congresses of the units below, "Đại hội các chi bộ ... diễn ra từ ...", are theirs
# to hold: a window for them)
_EVENT_NOUN = re.compile(
    r"\b(?:dai\s+hoi\b[^.;\n]{0,60}?\btoan\s+quoc|hoi\s+nghi|giai\s+(?:vo\s+dich|thi\s+dau)|hoi\s+thao|hoi\s+khoe|le\s+(?:ky\s+niem|trao|tong\s+ket|khai\s+mac))\b"
)
_HELD = re.compile(r"\b(?:duoc\s+to\s+chuc|dien\s+ra|thoi\s+gian\s+to\s+chuc|khai\s+mac)\b")
# ... where entrants or units act all the same: filing, sending, registering, taking part
_ACTS_IN = re.compile(r"\b(?:nop|gui|nhan|dang\s+ky|tham\s+gia|du\s+thi|treo|trien\s+khai|thuc\s+hien|hoan\s+thanh)\b")


def _event_held(folded: str, lo: int, pos: int) -> bool:
    """Is the window at ``pos`` the days an event named before it in its sentence is held?"""
    a = max(lo, pos - 250)
    held = _HELD.search(folded, a, pos)
    if held is None or _DURING_EVENT.search(folded, a, pos):
        return False
    noun = _EVENT_NOUN.search(folded, a, pos)
    return noun is not None and not _ACTS_IN.search(folded, noun.end(), pos)


# "Cuộc thi diễn ra từ 19h – 19h10 từ ngày 05/5 đến ngày 19/5/2020": an hour slot right before
# a window of days is held every day of it, at that hour
_SLOT_BEFORE = re.compile(
    r"(?<![\w/.:])(?:tu\s+)?(?P<h>[01]?\d|2[0-3])\s?(?:h|gio|:)\s?(?P<m>[0-5]\d)?\s?(?:phut\s?)?"
    r"(?:-|–|den|toi)\s?(?P<h2>[01]?\d|2[0-3])\s?(?:h|gio|:)\s?(?P<m2>[0-5]\d)?\s?(?:phut\s?)?"
    r"(?:\s*,\s*|\s+)(?:hang\s+ngay\s+|moi\s+ngay\s+)?$"
)


def _daily_slots(found: list[tuple[int, Deadline]], folded: str, cleaned: str) -> list[tuple[int, Deadline]]:
    """A window of days whose words open with an hour slot ("từ 19h – 19h10 từ ngày 05/5 đến
    ngày 19/5/2020") is a daily rule at the slot's first hour, bounded by the window: the last
    slot's end is its ``until``."""
    out: list[tuple[int, Deadline]] = []
    for pos, d in found:
        slot = _SLOT_BEFORE.search(folded, max(0, pos - 30), pos) if d.until is not None else None
        if slot is None or d.due is None or d.until is None or d.due.time() != time(0, 0):
            out.append((pos, d))
            continue
        at = time(int(slot["h"]), int(slot["m"] or 0))
        end = time(int(slot["h2"]), int(slot["m2"] or 0))
        if end <= at:
            out.append((pos, d))
            continue
        rec = Recurrence("daily", times=(at.strftime("%H:%M"),))
        last = datetime.combine(d.until.date(), end)
        text = " ".join(cleaned[slot.start() : pos].split()) + " " + d.text
        shown = f"{rec.describe()} {d.shown}"
        out.append(
            (
                slot.start(),
                replace(
                    d,
                    kind="recurring",
                    due=None,
                    recurrence=rec,
                    relation="recurring",
                    until=last,
                    text=text,
                    shown=shown,
                ),
            )
        )
    return out


def _yearly_day(ex: _Extractor, t: Temporal, cue: Cue, lo: int, hi: int) -> tuple[int, Deadline] | None:
    """A cued year-less day of a yearly calendar as a yearly schedule ("trước ngày 31-5" ->
    yearly<5-31); None for a start or a day that no year has."""
    if t.unit != "day" or t.day is None or t.month is None or cue.relation == "start":
        return None
    if not _is_day_of_some_year(t.day, t.month):
        return None
    times = (cue.at.strftime("%H:%M"),) if cue.at is not None else ()
    before = cue.relation in ("before_day", "before_time")
    rec = Recurrence("yearly", times=times, day_of_month=t.day, month=t.month, before=before)
    clause = ex.cleaned[lo:hi]
    marker = _LIST_MARKER.match(clause)
    text = " ".join(clause[marker.end() if marker else 0 :].split()).rstrip(".;,")
    return (
        cue.start,
        Deadline(
            kind="recurring",
            due=None,
            recurrence=rec,
            text=text,
            shown=rec.describe(),
            anchor=None,
            relation="recurring",
        ),
    )


def _is_day_of_some_year(day: int, month: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2000, month)[1]


# "hạn nộp là ngày 31/01/2022; đến nay vẫn còn 5 chi bộ chưa nộp": a limit told as missed
_OVERDUE = re.compile(r"\b(?:den\s+nay|van\s+con|qua\s+han|cham\s+tre|chua\s+(?:nop|gui|bao\s+cao|hoan\s+thanh))\b")


#: how many years back a slipped year may be ("14/9/2020" in a letter of 7/9/2022, a template
#: reused from two contests ago)
_YEARS_BACK = 3
#: a date written with last year's number is read as this year's when that falls this close
#: after the document's own date (a deadline a few weeks ahead, the year not yet updated)
_YEAR_SLIP_DAYS = 62


def _year_slip(t: Temporal, own: date) -> Temporal | None:
    """``t`` with the document's year when it was written with the year before and the day
    then falls within a couple of months after the document's date; else None."""
    if t.year is None or not own.year - _YEARS_BACK <= t.year < own.year:
        return None
    return _in_own_year_if_soon(t, own)


#: a day-level deadline this many years or more after the document's date is no plan for a
#: day: when its day and month fall within weeks of the document's date, the year is a slip
_YEARS_AHEAD = 3


def _year_ahead_slip(t: Temporal, own: date) -> Temporal | None:
    """``t`` with the document's year when it was written years ahead (a term's end year,
    "năm 2025", in a letter of 2020) and the day then falls within a couple of months after
    the document's date; else None."""
    if t.year is None or t.year < own.year + _YEARS_AHEAD:
        return None
    return _in_own_year_if_soon(t, own)


def _in_own_year_if_soon(t: Temporal, own: date) -> Temporal | None:
    """``t`` (a day) moved to the document's year when that day then falls within a couple of
    months after the document's date; else None (the year as written may be meant)."""
    if t.unit != "day" or t.day is None or t.month is None:
        return None
    try:
        day = date(own.year, t.month, t.day)
    except ValueError:
        return None
    if not own <= day <= own + timedelta(days=_YEAR_SLIP_DAYS):
        return None
    return replace(t, year=own.year)


# "Từ ngày 1.1 đến ngày 6.7, UBND tỉnh giao 833 nhiệm vụ ...": a window whose clause goes on to
# a tally (a count of ten or more things; not "ngày 10 đến 16-11", a day) is the period a
# statistic covers, not a time to act
_TALLY = re.compile(
    # (a zero-padded count is a small one: "gồm 04 kỳ thi" lists rounds, it tallies nothing)
    r"(?<![\d/.,])(?<!nam\s)(?<!khoa\s)(?<!ngay\s)(?!(?:19|20)\d\d\b)(?!0)(?:\d{1,3}(?:[.,]\d{3})+|\d{2,})\s+(?!ngay|thang|nam|gio|phut|h\b|%)[a-z]"
)
# (a task set for each unit names them: "mỗi chi bộ giới thiệu 10 quần chúng", "các xã rà soát")
_ASKED = re.compile(
    r"\b(?:de\s+nghi|yeu\s+cau|phai|can|giao\s+cho|chi\s+dao|moi\s+(?:chi|dang|don|xa|phuong|to|co)"
    r"|cac\s+(?:chi\s+bo|dang\s+bo|don\s+vi|xa|phuong|thi\s+tran|co\s+quan|to\s+chuc|cap\s+uy))\b"
)


def _tallied_window(folded: str, seg: Segmenter, pos: int, d: Deadline) -> bool:
    lo, hi = seg.clause(pos)
    after = pos + len(d.text)
    tail = folded[after:hi]
    return bool(_TALLY.search(tail[:120])) and not _ASKED.search(folded, lo, hi)


#: how far after a window its parts may be listed ("..., chia thành 3 tuần: Tuần 01: từ ...")
_PARTS_REACH = 400


def _drop_sub_windows(found: list[tuple[int, Deadline]]) -> list[tuple[int, Deadline]]:
    """ "Cuộc thi được tổ chức từ ngày 01/7 đến hết ngày 21/7, chia thành 3 tuần: Tuần 01: từ
    ngày 01/7-7/7; ...": windows listed right after a window and lying inside it are its
    parts, not further items (rounds with no window around them stay items)."""
    out: list[tuple[int, Deadline]] = []
    outer: tuple[int, Deadline] | None = None
    for pos, d in found:
        if d.until is not None and d.due is not None:
            if (
                outer is not None
                and pos - outer[0] <= _PARTS_REACH + len(outer[1].text)
                and outer[1].due is not None
                and outer[1].until is not None
                and outer[1].due <= d.due
                and d.until <= outer[1].until
                and (d.due, d.until) != (outer[1].due, outer[1].until)
            ):
                continue
            outer = (pos, d)
        out.append((pos, d))
    return out


# "tuần thứ nhất", "vòng 2", "kỳ 03", "đợt I": a round of a contest or campaign
_ROUND_LABEL = re.compile(
    r"\b(?:tuan|vong|ky|dot|luot)\s+(?:thu\s+)?(?:\d{1,2}|[ivx]{1,4}|nhat|mot|hai|ba|bon|tu|nam|sau)\b"
    r"[^.;\n]{0,30}$"
)


#: more distinct windows than this make a table or a hostile paste, not a contest with rounds
_TILING_MAX = 200


def _drop_tiling_windows(found: list[tuple[int, Deadline]], folded: str) -> list[tuple[int, Deadline]]:
    """ "Cuộc thi ... từ 27/2-15/3" and, further down, "tổ chức trong 2 tuần: tuần thứ nhất từ
    ngày 27/2 - 8/3; tuần thứ hai từ ngày 9/3 - 15/3": later rounds (weeks, rounds, phases told
    as such) that lie inside a window and together open on its first day and close on its last
    are its parts, however far below they are told (rounds that stand alone tile no window; a
    unit's phases, "Đối với cơ sở ...: thời gian chuẩn bị từ ...", are no rounds)."""
    rounds = sorted(
        (d.due, d.until, pos)
        for pos, d in found
        if d.until is not None and d.due is not None and _ROUND_LABEL.search(folded, max(0, pos - 45), pos)
    )
    if len(rounds) < 2:
        return found
    dues = [r[0] for r in rounds]
    drop: set[int] = set()
    # each distinct outer window once; its candidate rounds found by bisection on their start
    # (a hostile list of thousands of equal windows stays near linear)
    outers: dict[tuple[datetime, datetime], int] = {}
    for pos, d in found:
        if d.until is not None and d.due is not None:
            outers.setdefault((d.due, d.until), pos)
    if len(outers) > _TILING_MAX:
        return found  # a table of windows, not a contest and its rounds
    for (o_due, o_until), pos in outers.items():
        inner = []
        for due, until, p in rounds[bisect_left(dues, o_due) : bisect_right(dues, o_until)]:
            if p > pos and until <= o_until and (due, until) != (o_due, o_until):
                inner.append((due, until, p))
        if (
            len(inner) >= 2
            and any(due == o_due for due, _, _ in inner)
            and any(until == o_until for _, until, _ in inner)
        ):
            drop.update(p for _, _, p in inner)
    return [(pos, d) for pos, d in found if pos not in drop]


# "(Các đoàn tập trung từ 09h00 ngày 10/6 và sáng 14/6 trở về địa phương)": a start with no end,
# told inside brackets, is a remark on the arrangements; "Giai đoạn từ ngày 15/3 đến trước ngày
# Hội đồng bầu cử công bố kết quả": a start whose end is an undated event is no date to keep
_OPEN_BRACKET_LABEL = re.compile(r"\bthoi\s+(?:gian|han)\b[^()\n]{0,30}\(\s*$")
# (not "đến khi có thông báo mới": a measure the recipients start on that day and keep up)
_UNDATED_END = re.compile(r"\s*(?:den|toi)\s+(?:truoc\s+|het\s+)?ngay\s+(?!\d)[a-z]")


def _side_start(folded: str, pos: int, d: Deadline) -> bool:
    if d.kind != "start" or d.until is not None or d.due is None:
        return False
    if _UNDATED_END.match(folded, pos + len(d.text)):
        return True
    opened = folded.rfind("(", max(0, pos - 120), pos)
    if opened == -1 or folded.find(")", opened, pos) != -1:
        return False
    if _OPEN_BRACKET_LABEL.search(folded, max(0, opened - 45), opened + 1):
        return False  # "Thời gian thực hiện (từ ngày ...)": the label's value
    return folded.find(")", pos, pos + 120) != -1


# "Ngày 10/8, Hội ... đã có Thông báo số 79/TB-VHNT ..., thời hạn cuối nhận tác phẩm là ngày
# 31/01/2017" then "nay Ban tổ chức thông báo gia hạn thời gian nhận tác phẩm đến hết ngày
# 31/3/2017": the limit of the earlier notice, told as its content, is replaced by the extension
_CITES_EARLIER = re.compile(rf"\bda\s+(?:co|ban\s+hanh|phat\s+hanh|gui)\b[^.;\n]{{0,40}}?(?:{DOC_NUMBER})")


def _drop_superseded(found: list[tuple[int, Deadline]], seg: Segmenter, folded: str) -> list[tuple[int, Deadline]]:
    extended = [
        (pos, d.due)
        for pos, d in found
        if d.due is not None and _EXTENDS.search(folded, max(seg.clause(pos)[0], pos - 300), pos)
    ]
    if not extended:
        return found
    out = []
    for pos, d in found:
        if d.due is not None and any(p > pos and e > d.due for p, e in extended):
            s0 = max(folded.rfind(c, max(0, pos - 400), pos) for c in ".\n")
            if _CITES_EARLIER.search(folded, s0 + 1, pos) and not _EXTENDS.search(folded, s0 + 1, pos):
                continue
        out.append((pos, d))
    return out


# "các trường nhận hồ sơ ... từ ngày 26 đến ngày 28.6": days for filing are a window to act in,
# however few (a congress's or a conference's few days are not)
_FILING = re.compile(r"\b(?:tiep\s+nhan|nhan|nop)\s+(?:ho\s+so|don|tac\s+pham|bai\s+du\s+thi)\b|\bdang\s+ky\b")


# "Từ ngày 19 đến ngày 21/6/2019 các trưởng xóm chuyển phiếu thông báo đến các hộ": a run of a
# few days opening its clause, its doers and a handing-over verb right after it, is their window
# (a congress's or a conference's few days open no such task)
_RUN_TASK_AFTER = re.compile(
    r"\s*,?\s*(?:[a-z]+\s*,?\s+){0,6}?(?:chuyen|gui|nop|phat|thu|nhan|dang\s+ky|hoan\s+thanh|tong\s+hop|"
    r"bao\s+cao|ra\s+soat|kiem\s+tra|lap\s+danh\s+sach)\b"
)
_RUN_EVENT = re.compile(r"\b(?:dai\s+hoi|hoi\s+nghi|dien\s+ra|to\s+chuc|hop|le)\b")


_RUN_OPENING = re.compile(r"[\s\-+*•.)(\d]*(?:ke\s+)?tu\s+(?:ngay\s+)?")


def _run_opens_task(folded: str, lo: int, first: int, end: int) -> bool:
    if first - lo > 30 or not _RUN_OPENING.fullmatch(folded, lo, first):
        return False
    m = _RUN_TASK_AFTER.match(folded, end)
    return m is not None and not _RUN_EVENT.search(folded, end, m.end())


# "treo cờ ... trong thời gian diễn ra Đại hội ..., được tổ chức từ ngày 12 đến 14-10-2020": a
# task done during an event's days has those few days as its window
_DURING_EVENT = re.compile(r"\btrong\s+(?:suot\s+)?thoi\s+gian\s+(?:dien\s+ra|to\s+chuc)\b")


def _drop_starts_of_windows(found: list[tuple[int, Deadline]]) -> list[tuple[int, Deadline]]:
    """ "Từ ngày 22/02/2021, Ủy ban bắt đầu tiếp nhận hồ sơ" in the lead and "nhận hồ sơ từ ngày
    22/02 ... đến 17 giờ ngày 14/3" in the body: a start with no end, on the day a window of the
    text opens, is that window told without its end -- one item."""
    opens = {d.due for _, d in found if d.until is not None and d.due is not None}
    return [(pos, d) for pos, d in found if not (d.kind == "start" and d.until is None and d.due in opens)]


def _start_in_ends_year(d: Deadline, end: Deadline) -> Deadline:
    """ "từ tháng 7 đến tháng 12-2019": a start written without its year is in the year of
    the end written with one (the default year, taken from elsewhere, may be the next or an
    older one): the latest year that does not put the start after the end ("từ ngày 22/11 đến
    ngày 15/3/2019" opens in 2018)."""
    if d.due is None or end.due is None or re.search(r"\d{4}", d.text):
        return d
    for year in (end.due.year, end.due.year - 1):
        if year == d.due.year and d.due <= end.due:
            return d
        try:
            due = d.due.replace(year=year)
            anchor = d.anchor.replace(year=year) if d.anchor else None
        except ValueError:  # 29/2
            return d
        if due <= end.due:
            return replace(d, due=due, anchor=anchor, shown=d.shown.replace(str(d.due.year), str(due.year)))
    return d


def _in_brackets(folded: str, start: int, end: int) -> bool:
    """Does a bracket open right before ``start`` and close soon after ``end``?"""
    if not folded[max(0, start - 3) : start].rstrip().endswith("("):
        return False
    if re.search(
        r"\bthoi\s+(?:gian|han)\b[^()\n]{0,30}$|\b(?:giai\s+doan|dot|buoc|phan|tuan|vong|ky)\s+(?:\d{1,2}|[ivx]{1,4}|mot|hai|ba|bon)\s*$",
        folded[max(0, start - 45) : start].rstrip(" ("),
    ):
        # "Thời gian thực hiện (từ ... đến ...)", "Giai đoạn 1 (từ tháng 6 - 8/2023)": a time
        # label's or a phase's value is the window
        return False
    close = folded.find(")", end, end + 60)
    return close != -1 and "(" not in folded[start:close]


#: a headline is a line of a few words: a paragraph the page cut off before its stop is none
_HEADLINE_MAX = 200


def _drop_headline_repeats(found: list[tuple[int, Deadline]], folded: str) -> list[tuple[int, Deadline]]:
    """A page's headline or lead line restating a deadline of the body ("Hoàn thành đại hội
    cấp cơ sở trước ngày 15-6-2020" above the article saying the same) is one item. A
    headline: a line standing alone, not a list item, with no closing punctuation. Two
    list items of different tasks with the same date stay two items."""

    def headline(pos: int) -> bool:
        a = folded.rfind("\n", 0, pos) + 1
        b = folded.find("\n", pos)
        line = folded[a : b if b != -1 else len(folded)].strip()
        return (
            bool(line)
            and len(line) <= _HEADLINE_MAX
            and not line.endswith((".", ";", ":"))
            and line[0] not in "-+*•"
            and not line[0].isdigit()
        )

    # per (kind, due): how many of its mentions are not headlines (linear in the count)
    # A headline stands above the text it sums up: only a body mention after it makes it a
    # repeat. A line after the body's mention (a list item the page cut off before its
    # closing stop) is an item of its own.
    last_body: dict = {}
    heads = [d.due is not None and headline(pos) for pos, d in found]
    # (keyed by the due time alone: a headline's few words may not carry the verb that gives
    # the body's kind, "Hà Nội dự kiến tổng kết ... trước ngày 15/10" above "gửi báo cáo")
    for (pos, d), is_head in zip(found, heads, strict=True):
        if d.due is not None and not is_head:
            last_body[d.due] = pos
    # "Tiêm phòng cho gia súc, gia cầm đến hết tháng 4" above (and again below) the body's
    # window "Từ ngày 12.3-30.4, các địa phương tiêm phòng ...": the headline gives the end of
    # the window the body states, not a task of its own
    window_ends = {d.until for (_, d), is_head in zip(found, heads, strict=True) if d.until is not None and not is_head}

    def told_below(pos: int, d: Deadline) -> bool:
        # the body gives the headline's day in a sentence of its own, whatever that sentence
        # makes of it (the issuer's own duty, a date left out): the headline only sums it up
        if d.anchor is None or d.until is not None:
            return False
        end = folded.find("\n", pos)
        if end == -1:
            return False
        # (not the same day of another year: "(2.9.1945 - 2.9.2025)" under "trước ngày 2.9")
        day = re.compile(
            rf"(?<![\d/.\-]){d.anchor.day}\s?[/.\-]\s?0?{d.anchor.month}(?![\d])"
            rf"(?!\s?[/.\-]\s?(?!{d.anchor.year}(?!\d))\d{{4}})"
        )
        # (past the item's own date, which a wrapped line may carry onto the next line)
        own = day.search(folded, pos, min(len(folded), pos + 400))
        end = max(end, own.end()) if own else end
        for m in day.finditer(folded, end, min(len(folded), end + 20000)):
            if not headline(m.start()):
                return True
        return False

    return [
        (pos, d)
        for (pos, d), is_head in zip(found, heads, strict=True)
        if not (
            is_head
            and (last_body.get(d.due, -1) > pos or told_below(pos, d) or (d.until is None and d.due in window_ends))
        )
    ]


#: a sentence this long printed twice word for word is the page repeating itself (a lead
#: above the body); a short label ("Thời gian thực hiện: từ ngày 04/8/2021") may recur by design
_REPEAT_MIN = 60
_REPEAT_MAX = 1000


def _drop_repeated_sentences(
    found: list[tuple[int, Deadline]], seg: Segmenter, folded: str
) -> list[tuple[int, Deadline]]:
    """ "Các ý kiến gửi về Ban Thi đua ... trước ngày 22.10.2018." in the sapo and again in the
    body is one item: a later item whose whole clause repeats an earlier item's, word for word,
    with the same kind and due time."""
    seen: set[tuple] = set()
    lines: dict[tuple, int] = {}  # a line's words -> where the line starts
    windows: set[tuple] = set()
    out: list[tuple[int, Deadline]] = []
    for pos, d in found:
        a = folded.rfind("\n", 0, pos) + 1
        b = folded.find("\n", pos)
        listed = _LIST_MARKER.match(folded, a) is not None
        if d.until is not None and d.due is not None:
            # "Thí sinh nộp hồ sơ từ ngày 15/3 đến 17 giờ ngày 16/4" in the lead, the body and
            # a summary: the same window, to the minute at both ends, told again in running
            # text is one window (list items are different units' tasks by design: "- Đối
            # với cơ sở SXKD: ... từ 01/7 đến 30/7; - Đối với cơ sở tôn giáo: ... từ 01/7 ...")
            if (d.due, d.until) in windows and not listed:
                continue
            if not listed:
                windows.add((d.due, d.until))
        lo, hi = seg.clause(pos)
        if hi - lo > _REPEAT_MAX:  # a sentence, not a table flattened into one clause
            out.append((pos, d))
            continue
        words = " ".join(folded[lo:hi].split()).strip(" .;,-+*")
        key = (d.kind, d.due, d.until, d.recurrence, words)
        if len(words) >= _REPEAT_MIN and key in seen:
            continue
        # a headline printed twice (the title, and again above the photo): its line again,
        # word for word, with the same deadline
        line = " ".join(folded[a : b if b != -1 else len(folded)].split()).strip(" .;,-+*")
        line_key = (d.kind, d.due, d.until, d.recurrence, line)
        if _REPEAT_MIN <= len(line) <= _HEADLINE_MAX and lines.get(line_key, a) != a:
            continue
        seen.add(key)
        lines.setdefault(line_key, a)
        out.append((pos, d))
    return out


def own_level_before(folded: str, pos: int, level: str) -> bool:
    """Does the deadline at ``pos`` belong to the issuer's own level, named right before it in
    its clause? "Đại hội đại biểu Đảng bộ tỉnh hoàn thành trước ngày 31/10/2020" and "..., cấp
    tỉnh trước 30/6/2020" in a Tỉnh ủy's plan are the Tỉnh ủy's own work (``level`` the folded
    level word: "tinh", "huyen", "thanh pho", ...)."""
    lv = r"\s+".join(level.split())
    head = folded[max(0, pos - 80) : pos]
    return bool(
        re.search(
            rf"(?:^|[.;:,\n]\s*)(?:(?:\d{{1,2}}\s?[.)]|[-+•*])\s*)?(?:(?:dai\s+hoi\s+(?:dai\s+bieu\s+)?dang\s+bo|cap)\s+{lv})\b"
            r"(?:\s+(?!va\b|cac\b|cap\b)[a-z]+){0,3}\s*$",
            head,
        )
    )


_SUBJECT_LINE = re.compile(r"\s*(?:v\s?/\s?v|ve\s+viec)\b")


def _drop_subject_regimes(found: list[tuple[int, Deadline]], folded: str) -> list[tuple[int, Deadline]]:
    """A subject line naming the report regime ("V/v chế độ báo cáo hằng tháng") names what the
    body rules ("... gửi báo cáo trước ngày 20 hằng tháng"): not a schedule of its own when a
    later sentence sets one of the same frequency. Alone, it stays (the only rule there is)."""

    def on_subject_line(pos: int) -> bool:
        return bool(_SUBJECT_LINE.match(folded, folded.rfind("\n", 0, pos) + 1))

    def bare_on_headline(pos: int, d: Deadline) -> bool:
        # "Xây dựng kế hoạch cải cách hành chính hàng năm và báo cáo cải cách hành chính" over
        # the rules: a headline naming the regime without a day or an hour is its title too
        rec = d.recurrence
        if rec is None or rec.times or rec.weekday is not None or rec.day_of_month is not None:
            return False
        a = folded.rfind("\n", 0, pos) + 1
        b = folded.find("\n", pos)
        line = folded[a : b if b != -1 else len(folded)].strip()
        return 0 < len(line) <= _HEADLINE_MAX and not line.endswith((".", ";", ":")) and line[0] not in "-+*•"

    def freq(d: Deadline) -> str | None:
        return d.recurrence.freq if d.recurrence is not None else None

    def title(pos: int, d: Deadline) -> bool:
        return on_subject_line(pos) or bare_on_headline(pos, d)

    body = [(pos, freq(d)) for pos, d in found if freq(d) is not None and not title(pos, d)]
    return [
        (pos, d)
        for pos, d in found
        if not (freq(d) is not None and title(pos, d) and any(b > pos and f == freq(d) for b, f in body))
    ]


def _date_words(raw: str) -> str:
    """ "ngày 31 tháng 2 năm 2021" -> "31 tháng 2 năm 2021" for the error message."""
    return re.sub(r"^\s*ng[aà]y\s+", "", raw, flags=re.I)

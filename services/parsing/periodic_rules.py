"""Reporting rules that repeat every month, quarter, half-year or year.

Vietnamese reporting regimes state the schedule by the report's period and a day, not by a
date of a given year:

* "Chậm nhất ngày 15 của tháng báo cáo đối với báo cáo định kỳ hằng tháng" -> monthly@15
* "trước ngày 20 của tháng cuối quý" (hằng quý) -> quarterly<3-20
* "Báo cáo 6 tháng đầu năm gửi trước ngày 10/07 của năm báo cáo" -> yearly<7-10 (a six-month
  report due on a fixed day comes once a year)
* "chậm nhất ngày 15/3 năm sau", "trước ngày 10/8 hằng năm" -> yearly@3-15, yearly<8-10
* "hàng quý, 6 tháng và hàng năm ... chậm nhất là ngày 20 của tháng cuối kỳ báo cáo" -> one
  schedule per period named: quarterly@3-20, yearly@6-20, yearly@12-20.

A clause is read here only when it names a period of reporting, a day, and a deadline cue
before that day, and is not a data cut-off ("số liệu tính từ ngày 01/01 đến ngày 30/06",
"chốt số liệu"): those say which days a report covers, not when it is due.
All matching is on folded text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .deadlines import Recurrence

__all__ = ["PeriodicRule", "find_periodic", "DATA_CUTOFF", "PERIOD_WORD", "blank_spelled_numbers"]

# "06 (sáu)", "25 (hai mươi lăm)": legal texts spell a number out in brackets after it.
_SPELLED = re.compile(
    r"(?<=\d)(\s?)\((?:\s?(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|muoi|mot|"
    r"tram|linh|le|lam|nhat|mươi)){1,5}\s?\)"
)


def blank_spelled_numbers(folded: str) -> str:
    """The folded text with "(sáu)"-style number words after digits turned into spaces,
    length kept so positions still point at the readable text."""
    return _SPELLED.sub(lambda m: " " * len(m[0]), folded)


# "số liệu ... tính từ ngày ...", "chốt số liệu": the period a report covers. Sending data
# ("gửi số liệu hằng tuần") is a schedule, so "số liệu" alone is not a cut-off.
DATA_CUTOFF = re.compile(
    r"\bchot\s+(?:so|du)\s+lieu\b|\bso\s+lieu\b[^.;\n]{0,60}?\btinh\s+(?:tu|den)\b"
    # "Các số liệu năm 2020 ước tính đến hết tháng 12/2020", "các số liệu 5 năm lấy đến hết
    # tháng 12/2020", "bổ sung các số liệu từ tháng 1 đến tháng 6": the span figures cover
    r"|\bso\s+lieu\b[^.;\n]{0,40}?\blay\s+(?:tu|den)\b|\bso\s+lieu\s+(?:tu|den)\b"
    # "Kết quả 10 năm tính từ tháng 7/2011 đến hết tháng 6/2021": a span counted between two
    # dates is what a figure or a period covers
    r"|\btinh\s+tu(?=\s+(?:ngay\s+|thang\s+|nam\s+)?\d[^.;\n]{0,40}?\b(?:den|toi)\b)"
    r"|\bthoi\s+ky\s+lay\s+so\s+lieu\b"
    # "Báo cáo định kỳ hàng tháng: Tính từ ngày 15 tháng trước đến ngày 14 của tháng thuộc kỳ
    # báo cáo": a span counted from a day of the period before is the days a report covers
    r"|\btinh\s+tu\s+(?:ngay\s+)?\d{1,2}\b[^.;\n]{0,40}?\b(?:thang|nam|ky)\s+truoc\b"
    # "báo cáo kết quả triển khai ... đến thời điểm hết tháng 07/2019": the point a report's
    # figures are taken at
    r"|\b(?:tinh\s+)?den\s+thoi\s+diem\b(?=\s+(?:het\s+|cuoi\s+)?(?:ngay|thang|quy|nam|\d))"
    # "thông tin ... cập nhật tình hình từ ngày 25/7/2020 đến 18h00 ngày 05/8/2020": the period
    # a situation update covers
    r"|\bcap\s+nhat\s+tinh\s+hinh\b(?=(?:\s+[a-z0-9\-]+){0,4}?\s+(?:tinh\s+)?tu\s+ngay\b)"
)

_MONTHLY = re.compile(r"\b(?:hang|moi)\s+thang\b(?!\s*\d)|\bbao\s+cao\s+(?:dinh\s+ky\s+)?thang\b|\bthang\s+bao\s+cao\b")
_QUARTERLY = re.compile(
    r"\b(?:hang|moi)\s+quy\b|\bbao\s+cao\s+(?:dinh\s+ky\s+)?quy\b(?!\s+(?:i|[1-4])\b)"
    r"|\bthang\s+(?:cuoi|dau)(?:\s+tien)?\s+(?:cua\s+)?quy\b"
    # "UBND xã sẽ tiến hành thu theo quý": collected each quarter
    r"|\bthu\s+theo\s+quy\b"
)
_HALF = re.compile(r"(?<![\d/])\b0?6\s+thang\b(?!\s*[/.\-]?\s*\d)")
_YEARLY = re.compile(
    r"\b(?:hang|moi)\s+nam\b|\bbao\s+cao\s+(?:dinh\s+ky\s+)?(?:ca\s+)?nam\b(?!\s+\d)"
    r"|\bnam\s+(?:sau|bao\s+cao|lien\s+ke)\b"
)
PERIOD_WORD = (_MONTHLY, _QUARTERLY, _HALF, _YEARLY)

_CUE = r"(?P<cue>truoc|(?:cham|muon)\s+nhat(?:\s+la)?|han(?:\s+chot)?(?:\s+la)?|vao|den\s+het|den)\s+"
# ngày D/M, ngày D tháng M (no year: a year would make it a one-off date)
_DAY_MONTH = re.compile(
    _CUE + r"(?:ngay\s+)?(?P<d>\d{1,2})\s?(?:[/.\-]\s?|\s+thang\s+)(?P<m>\d{1,2})\b"
    r"(?!\s?[/.\-]\s?\d|\s+nam\s+\d|\s*,\s*nam\s+\d)"
)
# ngày D (của tháng cuối quý / cuối kỳ báo cáo / tháng báo cáo / hằng tháng)
_DAY_ONLY = re.compile(
    _CUE + r"ngay\s+(?P<d>\d{1,2})\b(?!\s?[/.\-]\s?\d|\s+thang\s+\d|\s?-\s?[a-z])"
    # ("ngày 05 tháng cuối cùng của mỗi quý": the quarter's last month in full)
    r"(?:\s+(?:cua\s+)?thang\s+(?P<which>cuoi(?:\s+cung)?\s+(?:cua\s+)?(?:moi\s+)?quy|dau(?:\s+tien)?\s+(?:cua\s+)?(?:moi\s+)?quy"
    r"|cuoi\s+ky|bao\s+cao|cuoi))?"
)
# a sending verb after a comma closes a cut-off: ", gửi về Sở trước ngày 28 hàng tháng"
_SEND_AFTER_CUTOFF = re.compile(r",\s*(?:[a-z]+\s+){0,4}?(?:gui|nop|bao\s+cao)\b")
# (entering results into a shared system is reporting too: "cập nhật kết quả ... hằng tháng")
# (registering by a day of each month is a duty by a limit too: "đăng ký trước ngày 15 hàng tháng")
# (a fee collected every period is a payment due from the recipients: "thu theo quý")
# ("gởi", the southern spelling of "gửi", folds to "goi" as "gọi" (call) does: only before a
# destination or a limit)
_REPORTING = re.compile(
    r"\bbao\s+cao\b|\bgui\b|\bnop\b|\bcap\s+nhat\b|\bdang\s+ky\b|\bthu\s+theo\s+(?:thang|quy|nam)\b"
    r"|\bgoi\s+(?:ve|den|len|toi|qua|truoc|cham\s+nhat)\b"
)


def _elliptic_report(folded: str, lo: int) -> bool:
    """ "Hồ sơ ... gửi về Ủy ban chậm nhất ngày 15/3 năm sau; khen thưởng theo năm học trước ngày
    10/8 hằng năm": a clause after ";" that names only another kind of file and its day leaves
    the sending verb of the clause before it unsaid."""
    if lo < 1 or folded[lo - 1] != ";":
        return False
    start = max(folded.rfind(c, max(0, lo - 600), lo - 1) for c in ".\n")
    return _REPORTING.search(folded, start + 1, lo - 1) is not None


# "Thời gian thu là tháng đầu tiên của Quý, từ ngày 1 đến ngày 20": the quarter's first month
_FIRST_MONTH_OF_QUARTER = re.compile(r"\bthang\s+dau(?:\s+tien)?\s+(?:cua\s+)?quy\b")
_ITEM_OPEN = re.compile(r"[ \t]*[-+•*–][ \t]")


def _lead_reports(folded: str, lo: int, context_lo: int | None) -> bool:
    """Is the clause at ``lo`` an item of a dashed list whose lead line asks for reports ("...
    yêu cầu các chi bộ gửi báo cáo tháng; quý; năm" / "- Trước ngày 20 tháng cuối quý, ...")?"""
    if context_lo is None or not _ITEM_OPEN.match(folded, lo):
        return False
    end = lo
    while end > context_lo:
        start = folded.rfind("\n", context_lo, end - 1) + 1
        if start <= context_lo:
            return False
        if not _ITEM_OPEN.match(folded, start):
            return _REPORTING.search(folded, start, end) is not None
        end = start
    return False


# A yearly calendar of work states its days with doing verbs, not only reports: "tổ chức khai
# giảng vào ngày 5-9 hằng năm", "hoàn thành tuyển sinh trước ngày 31-7 hằng năm".
_DOING = re.compile(
    r"\b(?:hoan\s+thanh|ket\s+thuc|to\s+chuc|trien\s+khai|thuc\s+hien|tong\s+ket|khai\s+giang|xet|"
    r"tuyen\s+sinh|ban\s+hanh|xay\s+dung)\b"
)
# ... but a day kept every year in memory is an anniversary ("kỷ niệm ngày 3-2 hằng năm"), and
# "sớm nhất vào ngày 1-8" is the earliest a thing may happen, not a limit
_NOT_A_LIMIT = re.compile(r"\bky\s+niem\b|\bngay\s+(?:sinh|thanh\s+lap|truyen\s+thong)\b|\bsom\s+nhat\b")


@dataclass(frozen=True)
class PeriodicRule:
    recurrence: Recurrence
    start: int
    end: int


def _periods(folded: str, lo: int, hi: int) -> list[str]:
    names = ("monthly", "quarterly", "half", "yearly")
    return [n for n, rx in zip(names, PERIOD_WORD, strict=True) if rx.search(folded, lo, hi)]


def find_periodic(folded: str, lo: int, hi: int, *, context_lo: int | None = None) -> list[PeriodicRule]:
    """Schedules stated in the clause folded[lo:hi]; ``context_lo`` opens the stretch before
    it where the periods may have been named ("... hàng quý, 6 tháng và hàng năm. Báo cáo
    ..., chậm nhất là ngày 20 của tháng cuối kỳ báo cáo")."""
    periods = _periods(folded, lo, hi)
    day_lo = lo
    if cut := DATA_CUTOFF.search(folded, lo, hi):
        # "..., thời gian chốt số liệu ngày 25 tháng báo cáo, gửi về ... trước ngày 28 hàng
        # tháng": the cut-off ends where a sending verb takes over; its day is no due day
        resume = _SEND_AFTER_CUTOFF.search(folded, cut.end(), hi)
        if resume is None:
            return []
        day_lo = resume.start()
    out: list[PeriodicRule] = []
    m = _DAY_MONTH.search(folded, day_lo, hi)
    if (
        not _REPORTING.search(folded, lo, hi)
        and not _lead_reports(folded, lo, context_lo)
        and not _elliptic_report(folded, lo)
    ):
        # a yearly calendar's day of work ("tổ chức khai giảng vào ngày 5-9 hằng năm")
        if not (m and periods == ["yearly"] and _DOING.search(folded, lo, m.start())):
            return []
        if _NOT_A_LIMIT.search(folded, lo, m.end()):
            return []
    if m and periods and periods != ["monthly"] and "quarterly" not in periods:
        # each day of the clause is one yearly rule: "Báo cáo 6 tháng gửi trước ngày 15/6, báo
        # cáo năm gửi trước ngày 15/12 hằng năm"
        for dm in _DAY_MONTH.finditer(folded, m.start(), hi):
            day, month = int(dm["d"]), int(dm["m"])
            if 1 <= month <= 12 and 1 <= day <= 31:
                rec = Recurrence("yearly", day_of_month=day, month=month, before=dm["cue"] == "truoc")
                out.append(PeriodicRule(rec, dm.start(), dm.end()))
        return out
    days = list(_DAY_ONLY.finditer(folded, day_lo, hi))
    if len(days) <= 1:
        return _day_rules(folded, days[0], periods, lo, context_lo) if days else []
    # several days, each after its own period: "Định kỳ hằng tháng (trước ngày 20), hằng quý
    # (trước ngày 20 của tháng cuối quý), ..." -> monthly<20, quarterly<3-20
    prev = lo
    for dm in days:
        own = _periods(folded, prev, dm.end()) or periods
        out.extend(_day_rules(folded, dm, own, lo, context_lo))
        prev = dm.end()
    return out


def _day_rules(folded: str, m: re.Match, periods: list[str], lo: int, context_lo: int | None) -> list[PeriodicRule]:
    """The schedules of one "ngày D (của tháng cuối quý / cuối kỳ / báo cáo)" under ``periods``."""
    out: list[PeriodicRule] = []
    day, which = int(m["d"]), " ".join((m["which"] or "").split())
    if which.endswith("quy"):  # "cuối cùng của mỗi quý" -> "cuối quý"
        which = "cuoi quy" if which.startswith("cuoi") else "dau quy"
    if not 1 <= day <= 31:
        return []
    before = m["cue"] == "truoc"
    if which.startswith("cuoi ky") and not periods and context_lo is not None:
        periods = _periods(folded, context_lo, lo)
    if which.startswith("cuoi ky"):
        last_month = {"monthly": None, "quarterly": 3, "half": 6, "yearly": 12}
        for p in periods:
            if p == "monthly":
                rec = Recurrence("monthly", day_of_month=day, before=before)
            elif p == "quarterly":
                rec = Recurrence("quarterly", day_of_month=day, month=3, before=before)
            else:
                rec = Recurrence("yearly", day_of_month=day, month=last_month[p], before=before)
            out.append(PeriodicRule(rec, m.start(), m.end()))
        return out
    if which in ("cuoi quy", "dau quy") or (periods == ["quarterly"] and not which):
        first = which == "dau quy" or (not which and _FIRST_MONTH_OF_QUARTER.search(folded, lo, m.start()))
        month = 1 if first else 3
        rec = Recurrence("quarterly", day_of_month=day, month=month, before=before)
        return [PeriodicRule(rec, m.start(), m.end())]
    if which == "bao cao" or periods == ["monthly"]:
        return [PeriodicRule(Recurrence("monthly", day_of_month=day, before=before), m.start(), m.end())]
    return []

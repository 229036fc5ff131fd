"""The deadline value objects produced by the parsers.

Times are naive local wall-clock times (the caller applies Asia/Ho_Chi_Minh); a deadline
"through the end of day X" is X 23:59, per the semantics table in docs/domain.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

__all__ = [
    "KINDS",
    "RELATIONS",
    "FREQS",
    "Recurrence",
    "Deadline",
    "DeadlineError",
    "FLAGS",
    "format_date",
    "WEEKDAY_CODES",
    "WEEKDAY_NAMES_VI",
]

KINDS = ("complete", "report", "plan", "start", "recurring")
FREQS = ("daily", "weekly", "monthly", "quarterly", "yearly")

# How the due time was derived from the words; lets the UI say what the document said.
RELATIONS = (
    "end_of_day",  # đến hết ngày X / chậm nhất ngày X / bare X  -> X 23:59
    "before_day",  # trước ngày X                                -> X-1 23:59
    "before_time",  # trước 17h00 ngày X                          -> X 17:00
    "at_time",  # chậm nhất 17h00 ngày X / đến 17h ngày X       -> X 17:00
    "period_end",  # trong tháng 8/2021, trước tháng 9/2021, ...  -> last day 23:59
    "start",  # từ ngày X                                   -> X 00:00, not a deadline
    "recurring",  # hằng ngày / tuần / tháng                      -> no due
    "relative",  # trước ngày trao thưởng ít nhất 07 ngày           -> no due: staff set it
)

FLAGS = ("month_for_day", "year_typo", "relative", "own_office")

WEEKDAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_NAMES_VI = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
_FREQ_VI = {
    "daily": "hằng ngày",
    "weekly": "hằng tuần",
    "monthly": "hằng tháng",
    "quarterly": "hằng quý",
    "yearly": "hằng năm",
}

_QUARTER_MONTH_VI = {1: "đầu", 2: "giữa", 3: "cuối"}


def format_date(day: date) -> str:
    """20/8/2021: day and month without leading zeros, as Vietnamese documents write them."""
    return f"{day.day}/{day.month}/{day.year}"


_TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_RULE_RE = re.compile(
    r"^(?P<freq>daily|weekly|monthly|quarterly|yearly)"
    r"(?:(?P<op>[@<])(?P<anchor>[^/]+))?"
    r"(?:/(?P<times>[0-9:,]+))?$"
)


@dataclass(frozen=True)
class Recurrence:
    """A recurring report schedule ("báo cáo hằng ngày lúc 06h, 12h, 18h").

    freq: "daily" | "weekly" | "monthly" | "quarterly" | "yearly" (the last two for
        "hằng quý" / "hằng năm", common in party reporting rules).
    times: "HH:MM" strings; empty when the document names no hour.
    weekday: 0=Monday .. 6=Sunday (weekly only).
    day_of_month: the day NAMED in the text (monthly only). "hằng tháng trước ngày 25" is
        stored as day_of_month=25, before=True: the report is due by the end of the 24th.
        Storing the named day keeps the display faithful ("trước ngày 25").
    before: the schedule point is a "trước" (before) limit rather than an "on/at".

    Rule strings (``to_rule``/``from_rule``) are compact and round-trip exactly:
        "daily", "daily@06:00,12:00,18:00", "daily<17:00",
        "weekly", "weekly@fri", "weekly<fri", "weekly@fri/16:00",
        "monthly", "monthly@25", "monthly<25", "monthly<25/17:00",
        "quarterly", "quarterly<3-20" (the 20th of the quarter's last month),
        "yearly", "yearly@3-15" (15 March), "yearly<8-10/17:00".
    For daily the anchor after "@"/"<" is the hour list; for weekly/monthly it is the day;
    for quarterly it is MONTH-DAY with MONTH the month of the quarter (1-3); for yearly it is
    MONTH-DAY of the calendar. Hours (if any) follow a "/".
    month: the month of the anchor (quarterly: 1-3 within the quarter; yearly: 1-12); set
        together with day_of_month.
    """

    freq: str
    times: tuple[str, ...] = ()
    weekday: int | None = None
    day_of_month: int | None = None
    before: bool = False
    month: int | None = None

    def __post_init__(self) -> None:
        if self.freq not in FREQS:
            raise ValueError(f"unknown recurrence frequency: {self.freq!r}")
        for t in self.times:
            if not _TIME_RE.match(t):
                raise ValueError(f"bad time {t!r}, expected HH:MM")
        if self.weekday is not None and not 0 <= self.weekday <= 6:
            raise ValueError(f"weekday out of range: {self.weekday}")
        if self.day_of_month is not None and not 1 <= self.day_of_month <= 31:
            raise ValueError(f"day of month out of range: {self.day_of_month}")
        if self.month is not None:
            top = 3 if self.freq == "quarterly" else 12
            if self.freq not in ("quarterly", "yearly") or not 1 <= self.month <= top:
                raise ValueError(f"month {self.month} does not fit a {self.freq} rule")
            if self.day_of_month is None:
                raise ValueError("a month needs a day")

    def to_rule(self) -> str:
        op = "<" if self.before else "@"
        times = ",".join(self.times)
        if self.freq == "daily":
            return f"daily{op}{times}" if times else "daily"
        anchor = ""
        if self.freq == "weekly" and self.weekday is not None:
            anchor = f"{op}{WEEKDAY_CODES[self.weekday]}"
        elif self.freq == "monthly" and self.day_of_month is not None:
            anchor = f"{op}{self.day_of_month}"
        elif self.freq in ("quarterly", "yearly") and self.month is not None:
            anchor = f"{op}{self.month}-{self.day_of_month}"
        return f"{self.freq}{anchor}" + (f"/{times}" if times else "")

    @classmethod
    def from_rule(cls, s: str) -> Recurrence:
        m = _RULE_RE.match(s.strip())
        if not m:
            raise ValueError(f"not a recurrence rule: {s!r}")
        freq, op, anchor, times_s = m["freq"], m["op"], m["anchor"], m["times"]
        before = op == "<"
        times: tuple[str, ...] = tuple(times_s.split(",")) if times_s else ()
        weekday = day = month = None
        if freq == "daily":
            if anchor:
                if times:
                    raise ValueError(f"daily rule has hours twice: {s!r}")
                times = tuple(anchor.split(","))
        elif anchor:
            if freq == "weekly" and anchor in WEEKDAY_CODES:
                weekday = WEEKDAY_CODES.index(anchor)
            elif freq == "monthly" and anchor.isdigit():
                day = int(anchor)
            elif freq in ("quarterly", "yearly") and re.fullmatch(r"\d{1,2}-\d{1,2}", anchor):
                month, day = (int(x) for x in anchor.split("-"))
            else:
                raise ValueError(f"bad anchor {anchor!r} in rule {s!r}")
        return cls(freq=freq, times=times, weekday=weekday, day_of_month=day, before=before, month=month)

    def describe(self) -> str:
        """Vietnamese display: "hằng ngày lúc 06:00, 12:00, 18:00", "hằng tháng trước ngày 25"."""
        out = _FREQ_VI[self.freq]
        times = ", ".join(self.times)
        if self.freq == "weekly" and self.weekday is not None:
            day = WEEKDAY_NAMES_VI[self.weekday]
            if self.before:
                return f"{out} trước {times + ' ' if times else ''}{day}"
            out += f" vào {day}"
        elif self.freq == "monthly" and self.day_of_month is not None:
            if self.before:
                return f"{out} trước {times + ' ' if times else ''}ngày {self.day_of_month}"
            out += f" vào ngày {self.day_of_month}"
        elif self.freq in ("quarterly", "yearly") and self.month is not None:
            if self.freq == "quarterly":
                day = f"ngày {self.day_of_month} của tháng {_QUARTER_MONTH_VI[self.month]} quý"
            else:
                day = f"ngày {self.day_of_month}/{self.month}"
            if self.before:
                return f"{out} trước {times + ' ' if times else ''}{day}"
            out += f" vào {day}"
        if times:
            out += f" trước {times}" if self.before and self.freq == "daily" else f" lúc {times}"
        return out


@dataclass(frozen=True)
class Deadline:
    """One time obligation found in a directive or typed by staff.

    kind: complete | report | plan | start | recurring.
    due: naive local datetime; None for recurring, and for a relative limit ("sau 05 ngày
        kể từ ngày nhận văn bản") whose event has no date. For kind "start" it is the start
        moment (X 00:00), not a deadline.
    recurrence: the schedule for kind "recurring", else None.
    text: the exact phrase it came from: the source words after markdown emphasis ("**")
        is removed and runs of whitespace (line breaks included) become one space.
    shown: Vietnamese display ("trước 23/8/2021", "trong tháng 8/2021", ...).
    anchor: the date written in the text ("trước ngày 23/8/2021" -> 2021-08-23 while due is
        2021-08-22 23:59); for periods, the period's first day; None for recurring.
    relation: one of RELATIONS; how ``due`` was derived.
    until: for a window ("từ ngày 12/8 đến ngày 15/9"), the end of it (15/9 23:59); the
        item's ``due`` is then its start. None otherwise.
    """

    kind: str
    due: datetime | None
    recurrence: Recurrence | None
    text: str
    shown: str
    anchor: date | None = None
    relation: str = ""
    until: datetime | None = None
    #: Doubts the reader should check, as codes: "month_for_day" ("trước tháng 30/6/2020"
    #: read as the day 30/6/2020); "year_typo" ("trước ngày 21/11/2022" in a letter of
    #: 14/11/2023, read as 21/11/2023); "relative" (counted from an event the text does not date,
    #: so ``due`` is None and staff must set it); "own_office" (a duty of the issuer's own
    #: office, "Văn phòng Đảng ủy Khối tổng hợp, báo cáo hằng ngày", not asked of the cells).
    flags: tuple[str, ...] = ()

    def to_json_dict(self) -> dict:
        out: dict[str, Any] = {
            "kind": self.kind,
            "due": self.due.isoformat(timespec="seconds") if self.due else None,
            "recurrence": self.recurrence.to_rule() if self.recurrence else None,
            "text": self.text,
            "shown": self.shown,
        }
        if self.until is not None:
            out["until"] = self.until.isoformat(timespec="seconds")
        if self.flags:
            out["flags"] = list(self.flags)
        return out


@dataclass(frozen=True)
class DeadlineError:
    """Why a typed deadline phrase could not be understood; returned, not raised.

    code: "empty" | "no_date" | "invalid_date" | "missing_year".
    message: plain Vietnamese the chat can send as is ("ngày 31/2/2021 không tồn tại").
    text: the phrase the user typed.
    """

    code: str
    message: str
    text: str = ""

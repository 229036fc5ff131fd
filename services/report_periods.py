"""What one report answers: ONE item of the cell's work — the directive's one-off report deadline,
or one period of a recurring report rule ("trước ngày 25 hằng tháng": the January period, the
February period ...).

A period is a report request (storage/tables/report_requests.py) and a report for it is stored
with ``answers_for = "d<rule id>@<due moment, UTC ISO>"``, so a February report is version 1 of
February, never "bản 2" of January. Versions count reports of the same item only.

Which item a new report is for:

* the one-off item (the report deadline, else the directive itself) exists when the directive
  has a dated deadline or no rule at all; it is open while it has no report;
* of each rule, the open period nearest now (a monthly report sent on 27/1 is January's, late;
  a cell that missed 06:00 and reports at 11:50 answers 12:00); earlier misses stay open;
* one open item: that one, no question. Several: the secretary picks (buttons or the number).
  None open: the report corrects the item reported last (the current period, else the one-off).

Overdue is decided here for every view (the digest, /status, the export): ``overdue_items``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session

from services.i18n import Translator
from services.localtime import format_date, format_local_datetime, to_local
from services.parsing.deadlines import Recurrence
from services.reminders.obligation import is_overdue
from storage.queries import status as status_queries
from storage.queries.acknowledged import REPORTED
from storage.tables import Deadline, ReportRequest


def _utc(moment: datetime) -> datetime:
    """Stored moments are UTC; SQLite gives them back naive."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def period_key(deadline_id: int, due_at: datetime) -> str:
    """``answers_for`` of a report for one period: "d12@2027-01-24T16:59:00"."""
    return f"d{deadline_id}@{_utc(due_at).replace(tzinfo=None).isoformat(timespec='seconds')}"


def parse_key(answers_for: str) -> tuple[int, datetime] | None:
    """(rule id, period due) of a period's ``answers_for``; None for a one-off item."""
    head, sep, iso = answers_for.partition("@")
    if not sep or not head.startswith("d") or not head[1:].isdigit():
        return None
    try:
        return int(head[1:]), datetime.fromisoformat(iso).replace(tzinfo=UTC)
    except ValueError:
        return None


def as_utc(moment: datetime) -> datetime:
    """A stored moment as an aware UTC datetime (SQLite reads them naive)."""
    return _utc(moment)


def is_period_key(answers_for: str) -> bool:
    return parse_key(answers_for) is not None


def _named_day(rule: Recurrence | None, local: datetime) -> datetime:
    """The day a period is named after: a "trước ngày 25" period due 23:59 on the 24th is the
    period of the 25th's month."""
    if rule is not None and rule.before and local.time() == time(23, 59):
        return local + timedelta(minutes=1)
    return local


def period_name(t: Translator, deadline: Deadline, due_at: datetime, tz: ZoneInfo) -> str:
    """ "kỳ tháng 12/2026", "kỳ quý 1/2027", "kỳ năm 2027", "kỳ tuần đến 4/12/2026", "kỳ 06:00
    3/12/2026"."""
    try:
        rule: Recurrence | None = Recurrence.from_rule(deadline.recurrence or "")
    except ValueError:
        rule = None
    local = to_local(_utc(due_at), tz)
    day = _named_day(rule, local)
    freq = rule.freq if rule is not None else ""
    if freq == "monthly":
        return t("report.period.monthly", month=str(day.month), year=str(day.year))
    if freq == "quarterly":
        return t("report.period.quarterly", quarter=str((day.month - 1) // 3 + 1), year=str(day.year))
    if freq == "yearly":
        return t("report.period.yearly", year=str(day.year))
    if freq == "weekly":
        return t("report.period.weekly", date=format_date(day.date()))
    if freq == "daily" and rule is not None and len(rule.times) <= 1:
        return t("report.period.daily", when=format_date(day.date()))
    return t("report.period.daily", when=format_local_datetime(_utc(due_at), tz))


def period_due_text(t: Translator, deadline: Deadline, due_at: datetime, tz: ZoneInfo) -> str:
    """ "kỳ tháng 12/2026: trước 25/12/2026"."""
    from services.reminders.texts import period_due  # texts imports the reminders' planner

    return t(
        "report.period.due", period=period_name(t, deadline, due_at, tz), due=period_due(t, deadline, _utc(due_at), tz)
    )


def period_deadline(t: Translator, deadline: Deadline, due_at: datetime, tz: ZoneInfo) -> Deadline:
    """One period worded like a dated deadline (never stored): the report flow says "Hạn: kỳ
    tháng 1/2027: trước 25/1/2027", and on time / late is decided against this period's due."""
    return Deadline(
        id=deadline.id,
        directive_id=deadline.directive_id,
        kind="recurring",
        due_at=_utc(due_at),
        recurrence=deadline.recurrence,
        shown=period_due_text(t, deadline, due_at, tz),
        position=deadline.position,
    )


def rules(deadlines: Iterable[Deadline]) -> list[Deadline]:
    return [d for d in deadlines if d.kind == "recurring" and d.recurrence and d.active and d.id is not None]


def has_one_off(deadlines: Iterable[Deadline]) -> bool:
    """A one-off item exists beside the rules: a dated deadline, or no rule at all."""
    found = list(deadlines)
    return not rules(found) or any(d.kind in ("report", "complete", "plan") and d.due_at is not None for d in found)


def open_periods(requests: Iterable[ReportRequest], rule_ids: Iterable[int], now: datetime) -> list[ReportRequest]:
    """Per rule, the open period a report sent now is for: of the periods whose window has
    begun (those gone by and the current one), the open one nearest ``now``. A later period
    planned ahead (February's, on 23/1) is not reported yet."""
    found: list[ReportRequest] = []
    moment = _utc(now)
    every = list(requests)
    for rule_id in sorted(set(rule_ids)):
        current = current_period(every, rule_id, now)
        limit = _utc(current.due_at) if current is not None else None
        mine = [
            r
            for r in every
            if r.deadline_id == rule_id and r.status == "open" and (limit is None or _utc(r.due_at) <= limit)
        ]
        if mine:
            found.append(min(mine, key=lambda r: (abs((_utc(r.due_at) - moment).total_seconds()), _utc(r.due_at))))
    return found


def current_period(requests: Iterable[ReportRequest], rule_id: int, now: datetime) -> ReportRequest | None:
    """The period whose window holds ``now``: the first one due at or after it."""
    ahead = [
        r for r in requests if r.deadline_id == rule_id and r.status != "cancelled" and _utc(r.due_at) >= _utc(now)
    ]
    return min(ahead, key=lambda r: r.due_at) if ahead else None


# ---- overdue, one rule for the digest, /status and the export ----------------------------------


@dataclass(frozen=True)
class Overdue:
    """What is overdue on one directive: the cells (unit ids) past the one-off report deadline
    without a report, and per period of each rule (rule id, due) the cells that missed it."""

    one_off: frozenset[int]
    periods: dict[tuple[int, datetime], frozenset[int]]

    @property
    def cells(self) -> frozenset[int]:
        """Every cell with at least one overdue item (what "quá hạn N" counts)."""
        found = set(self.one_off)
        for units in self.periods.values():
            found |= units
        return frozenset(found)

    def of_cell(self, unit_id: int) -> list[tuple[int, datetime]]:
        """The periods this cell missed, oldest first."""
        return sorted((key for key, units in self.periods.items() if unit_id in units), key=lambda k: k[1])


#: Missed periods named one by one in the digest and /status (the latest); older ones are
#: counted, and the export lists every one.
SHOWN_PERIODS = 3


def shown_periods(overdue: Overdue) -> list[tuple[int, datetime]]:
    """The latest SHOWN_PERIODS missed periods, oldest first."""
    return sorted(overdue.periods, key=lambda k: (k[1], k[0]))[-SHOWN_PERIODS:]


def overdue_items(
    *,
    deadlines: list[Deadline],
    cells: Iterable[tuple[int, int | None, bool]],
    requests: Iterable[tuple[ReportRequest, int]],
    now: datetime,
) -> Overdue:
    """The one rule of overdue. ``cells``: (unit id, assigned deadline id, one-off reported) of
    each live assignment in scope; ``requests``: the periods of those assignments with their unit
    id. A cell is overdue on the one-off item when the deadline its report is due by has passed
    (services/reminders/obligation.py) and it has not reported; on a period when the period's
    due moment has passed and the request is still open (not reported, not cancelled)."""
    one_off = (
        frozenset(u for u, assigned, reported in cells if not reported and is_overdue(deadlines, now, assigned))
        if has_one_off(deadlines)
        else frozenset()
    )
    live_rules = {d.id for d in rules(deadlines)}
    periods: dict[tuple[int, datetime], set[int]] = {}
    moment = _utc(now)
    for request, unit_id in requests:
        if request.deadline_id in live_rules and request.status == "open" and _utc(request.due_at) < moment:
            periods.setdefault((request.deadline_id, _utc(request.due_at)), set()).add(unit_id)
    return Overdue(one_off, {k: frozenset(v) for k, v in periods.items()})


def directive_overdue(
    *, session: Session, directive_id: int, deadlines: list[Deadline], scope_paths: list[str], now: datetime
) -> tuple[Overdue, list[tuple[ReportRequest, int]]]:
    """``overdue_items`` of one directive for the units under ``scope_paths`` (``[""]``: every
    unit), read in two statements; with the periods read, for views that count them too."""
    cells = [
        (unit_id, assigned, status in REPORTED)
        for unit_id, assigned, status in status_queries.live_cells(
            session=session, directive_id=directive_id, scope_paths=scope_paths
        )
    ]
    requests = (
        status_queries.directive_requests(session=session, directive_id=directive_id, scope_paths=scope_paths)
        if rules(deadlines)
        else []
    )
    return overdue_items(deadlines=deadlines, cells=cells, requests=requests, now=now), requests

"""The periods of recurring reports: one ReportRequest per occurrence, created ahead of time by
the planner (whenever it plans a directive or some of its cells: on publishing, by the jobs),
each with its own status, until the directive is closed. Re-running for the same window
creates nothing new (unique assignment/deadline/due_at, ON CONFLICT DO NOTHING).

A schedule begins at the start date written in its own sentence ("Từ tháng 01/2027, các chi
bộ gửi báo cáo trước ngày 25 hằng tháng": the first period is January 2027, none before), or
at publication. The next period of each schedule always exists, however far away (a monthly
report's is a month ahead), so it gets the whole reminder policy of a one-off deadline (3 days
before, on the day, overdue) and shows in /status and /reminders; beyond it, the occurrences
of the next ``horizon`` (several a day for "hằng ngày 06h, 12h, 18h")."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session

from services.parsing.deadlines import Recurrence
from services.parsing.vn_text import fold
from services.reminders.config import ReminderConfig
from services.reminders.occurrences import occurrences
from storage.queries import reminders as queries
from storage.queries import reports as report_queries
from storage.tables import Assignment, Deadline, Directive

HORIZON = timedelta(hours=48)
#: How far ahead the next occurrence of a schedule may lie (one period and a little more).
LOOKAHEAD = {
    "daily": timedelta(days=2),
    "weekly": timedelta(days=8),
    "monthly": timedelta(days=32),
    "quarterly": timedelta(days=93),
    "yearly": timedelta(days=367),
}


def schedule_start(recurring: Deadline, deadlines: Iterable[Deadline]) -> datetime | None:
    """The start date that governs a recurring schedule: a start ("từ ngày …", "từ tháng …")
    written in the schedule's own sentence. A start elsewhere in the document is about other
    work (54-KH/ĐUK starts its propaganda on 4/8 and reports daily from publication)."""
    own = fold(recurring.phrase or "")
    found = [
        d.due_at
        for d in deadlines
        if d.kind == "start" and d.active and d.due_at is not None and d.phrase and fold(d.phrase) in own
    ]
    return max(found) if found else None


def due_moments(
    rule_text: str, *, begin: datetime, now: datetime, horizon: timedelta, config: ReminderConfig
) -> list[datetime]:
    """The occurrences to exist now: those in [max(begin, now), now + horizon), and the next one
    from then on, wherever it falls."""
    start = max(begin, now)
    moments = occurrences(rule_text, start, now + horizon, config.tz)
    try:
        freq = Recurrence.from_rule(rule_text).freq
    except ValueError:
        return moments
    if not moments:
        moments = occurrences(rule_text, start, start + LOOKAHEAD[freq], config.tz)[:1]
    return moments


def next_after(rule_text: str, after: datetime, tz: ZoneInfo) -> datetime | None:
    """The schedule's first occurrence after ``after`` (a period not planned yet)."""
    try:
        freq = Recurrence.from_rule(rule_text).freq
    except ValueError:
        return None
    found = occurrences(rule_text, after + timedelta(seconds=1), after + LOOKAHEAD[freq], tz)
    return found[0] if found else None


def ensure_periods(
    *,
    session: Session,
    directive: Directive,
    deadlines: list[Deadline],
    assignments: Iterable[Assignment],
    now: datetime,
    config: ReminderConfig,
    horizon: timedelta = HORIZON,
) -> int:
    """Create the report requests of the directive's recurring schedules for these assignments
    (see the module); returns how many were new."""
    rows: list[dict[str, Any]] = []
    for deadline in deadlines:
        if deadline.kind != "recurring" or not deadline.recurrence:
            continue
        begin = max(filter(None, [directive.published_at, schedule_start(deadline, deadlines)]), default=now)
        for due in due_moments(deadline.recurrence, begin=begin, now=now, horizon=horizon, config=config):
            rows.extend(
                {"assignment_id": a.id, "deadline_id": deadline.id, "due_at": due}
                for a in assignments
                if a.deadline_id in (None, deadline.id)
            )
    return queries.add_report_requests(session=session, rows=rows, now=now) if rows else 0


def retire_old_periods(*, session: Session, deadline: Deadline, config: ReminderConfig) -> int:
    """The rule of ``deadline`` was changed (/deadline): its open periods that are not periods of
    the new rule are cancelled, so only the new rule's periods are reminded and escalated (the
    planner then creates them). Periods already reported stay reported; a period the new rule
    also has stays open. Returns how many were cancelled."""
    open_requests = queries.report_requests(session=session, deadline_id=deadline.id, status="open")
    if not open_requests:
        return 0
    keep: set[datetime] = set()
    if deadline.kind == "recurring" and deadline.recurrence and deadline.active:
        first = min(r.due_at for r in open_requests)
        last = max(r.due_at for r in open_requests)
        keep = {
            _utc(d) for d in occurrences(deadline.recurrence, _utc(first), _utc(last) + timedelta(seconds=1), config.tz)
        }
    gone = [r.id for r in open_requests if _utc(r.due_at) not in keep]
    return report_queries.cancel_requests(session=session, request_ids=gone)


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)

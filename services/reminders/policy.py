"""When reminders go out: pure functions of a deadline, the time now and a policy.

Offset keys name each planned reminder and end up in outbox dedupe keys:
  b3, b1 (days before, at ``at`` local), d0 (on the day), h3 (urgent: hours before),
  o1, o2, o3 (days overdue). Moving a reminder out of quiet hours or off a rest day never
  changes its key, so re-planning stays idempotent.

A deadline staff moved to a date already gone by (Deadline.overdue_from) gets the same overdue
chase as one that passed on its own, started when they confirmed instead of the day after the
date: the first overdue reminder at once, the next ones a day apart, the escalation a day
after the last. The moment is stored, so every re-plan computes the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from services.localtime import local_to_utc, to_local
from services.reminders.holidays import is_holiday

URGENT_MARKS = ("KHẨN", "THƯỢNG KHẨN", "HỎA TỐC")


@dataclass(frozen=True)
class Policy:
    before_days: tuple[int, ...] = (3, 1, 0)
    at: str = "08:00"
    overdue_times: int = 3
    urgent_hours_before: int = 3
    quiet_start: str = "21:00"
    quiet_end: str = "07:00"
    skip_sundays: bool = False
    skip_holidays: bool = False
    #: Escalation goes out this many days after the last overdue reminder, at ``at``.
    escalate_after_days: int = 1
    escalate_to_parent: bool = False
    #: Recurring reports: one reminder this many minutes before each occurrence.
    recurring_lead_minutes: int = 60

    def with_overrides(self, overrides: dict[str, Any] | None) -> Policy:
        """A directive's reminder_policy JSON over this policy; unknown keys are ignored."""
        if not overrides:
            return self
        known = {f.name for f in fields(self)}
        values: dict[str, Any] = {
            k: (tuple(v) if k == "before_days" else v) for k, v in overrides.items() if k in known
        }
        return replace(self, **values)


def is_urgent(urgency: str | None) -> bool:
    if not urgency:
        return False
    return urgency.strip().upper() in URGENT_MARKS


def _hm(text: str) -> time:
    hour, minute = text.split(":")
    return time(int(hour), int(minute))


def in_quiet_hours(local: datetime, policy: Policy) -> bool:
    start, end, now = _hm(policy.quiet_start), _hm(policy.quiet_end), local.time()
    if start <= end:
        return start <= now < end
    return now >= start or now < end


def _rest_day(day: date, policy: Policy) -> bool:
    return (policy.skip_sundays and day.weekday() == 6) or (policy.skip_holidays and is_holiday(day))


def _out_of_quiet_forward(local: datetime, policy: Policy) -> datetime:
    if not in_quiet_hours(local, policy):
        return local
    end = datetime.combine(local.date(), _hm(policy.quiet_end), tzinfo=local.tzinfo)
    return end if end > local else end + timedelta(days=1)


def _out_of_quiet_backward(local: datetime, policy: Policy) -> datetime:
    """The last allowed minute before the quiet hours that contain ``local``."""
    start = datetime.combine(local.date(), _hm(policy.quiet_start), tzinfo=local.tzinfo)
    if start > local:
        start -= timedelta(days=1)
    return start - timedelta(minutes=1)


def adjust(local: datetime, policy: Policy, *, urgent: bool, limit: datetime | None) -> datetime | None:
    """Move a reminder out of quiet hours (forward) and, for non-urgent ones, off rest days.

    A reminder that must arrive before ``limit`` (the deadline) and would be pushed past it is
    moved backward instead: to the previous allowed day, or the evening before quiet hours.
    Returns None when no allowed moment fits."""
    moved = _out_of_quiet_forward(local, policy)
    if not urgent:
        for _ in range(15):
            if not _rest_day(moved.date(), policy):
                break
            moved = datetime.combine(moved.date() + timedelta(days=1), _hm(policy.at), tzinfo=local.tzinfo)
    if limit is None or moved < limit:
        return moved
    back = local if not in_quiet_hours(local, policy) else _out_of_quiet_backward(local, policy)
    if not urgent:
        for _ in range(15):
            if not _rest_day(back.date(), policy):
                break
            back = datetime.combine(back.date() - timedelta(days=1), _hm(policy.at), tzinfo=local.tzinfo)
    return back if back < limit and not in_quiet_hours(back, policy) else None


def _chase_start(due_local: datetime, policy: Policy, chase_from: datetime | None, tz: ZoneInfo) -> datetime | None:
    """The local moment of the first overdue reminder of a deadline moved into the past, or
    None when its chase runs as usual (not moved, or moved to a date whose chase is still
    ahead: then the day after the date comes later than the move)."""
    if chase_from is None:
        return None
    natural = datetime.combine(due_local.date() + timedelta(days=1), _hm(policy.at), tzinfo=due_local.tzinfo)
    start = to_local(chase_from, tz)
    return start if start > natural else None


def overdue_moments(
    due_at: datetime, policy: Policy, *, urgent: bool = False, tz: ZoneInfo, chase_from: datetime | None = None
) -> list[tuple[str, datetime]]:
    """The overdue reminders of one deadline as (offset key, local moment), before quiet hours
    and rest days move them: a day apart from the day after the date at ``at``, or, for a
    deadline moved into the past, from the moment of the move (the first one then at once)."""
    due_local = to_local(due_at, tz)
    at = _hm(policy.at)
    start = _chase_start(due_local, policy, chase_from, tz)
    if start is None:
        return [
            (f"o{n}", datetime.combine(due_local.date() + timedelta(days=n), at, tzinfo=due_local.tzinfo))
            for n in range(1, policy.overdue_times + 1)
        ]
    first = adjust(start, policy, urgent=urgent, limit=None) or start
    moments = [("o1", first)] if policy.overdue_times else []
    for n in range(2, policy.overdue_times + 1):
        moments.append((f"o{n}", datetime.combine(first.date() + timedelta(days=n - 1), at, tzinfo=first.tzinfo)))
    return moments


def plan(
    due_at: datetime,
    now: datetime | None,
    policy: Policy,
    *,
    urgent: bool = False,
    tz: ZoneInfo,
    chase_from: datetime | None = None,
) -> list[tuple[str, datetime]]:
    """Every reminder for one deadline as (offset key, due UTC), in time order.

    With ``now``, only reminders after it are kept (a deadline closer than the first offset
    gets those that still fit); without, the whole plan (to recognise rows that still apply).
    ``chase_from``: Deadline.overdue_from (see the module's note)."""
    due_local = to_local(due_at, tz)
    at = _hm(policy.at)
    wanted: list[tuple[str, datetime, datetime | None]] = []
    for days in policy.before_days:
        moment = datetime.combine(due_local.date() - timedelta(days=days), at, tzinfo=due_local.tzinfo)
        wanted.append((f"b{days}" if days else "d0", moment, due_local))
    if urgent and policy.urgent_hours_before > 0:
        wanted.append(
            (f"h{policy.urgent_hours_before}", due_local - timedelta(hours=policy.urgent_hours_before), due_local)
        )
    for key, moment in overdue_moments(due_at, policy, urgent=urgent, tz=tz, chase_from=chase_from):
        wanted.append((key, moment, None))
    result: list[tuple[str, datetime]] = []
    seen: set[datetime] = set()
    for key, moment, limit in wanted:
        if limit is not None and moment >= limit:
            continue
        moved = adjust(moment, policy, urgent=urgent, limit=limit)
        if moved is None or moved in seen:
            continue  # two offsets landing on one moment: one message is enough
        seen.add(moved)
        utc = local_to_utc(moved, tz)
        if now is None or utc > now:
            result.append((key, utc))
    return sorted(result, key=lambda item: item[1])


def escalation_at(
    due_at: datetime, policy: Policy, *, urgent: bool = False, tz: ZoneInfo, chase_from: datetime | None = None
) -> datetime:
    """When staff hear about cells still overdue: a day after the last overdue reminder (of
    the chase started by a move into the past, with ``chase_from``)."""
    due_local = to_local(due_at, tz)
    first = due_local.date() + timedelta(days=1)
    start = _chase_start(due_local, policy, chase_from, tz)
    if start is not None:
        first = (adjust(start, policy, urgent=urgent, limit=None) or start).date()
    day = first + timedelta(days=policy.overdue_times - 1 + policy.escalate_after_days)
    return local_to_utc(datetime.combine(day, _hm(policy.at)), tz)


def for_period(policy: Policy, days: int) -> Policy:
    """The policy of a one-off deadline scaled to a recurring period of ``days`` whole days: a
    reminder N days before, or an overdue one N days after, only where it falls inside the
    period, so one period's chase never runs into the next one's reminders (a daily report
    keeps "on the day" only; a weekly or monthly one keeps 3 days, 1 day, the day, 3 overdue)."""
    before = tuple(d for d in policy.before_days if d < days)
    overdue = max(0, min(policy.overdue_times, days - 1 - max(before, default=0)))
    return replace(policy, before_days=before, overdue_times=overdue)


def recurring_reminder_at(occurrence: datetime, policy: Policy, *, tz: ZoneInfo) -> datetime | None:
    """The one reminder before a recurring report occurrence (quiet hours respected)."""
    local = to_local(occurrence, tz)
    moved = adjust(local - timedelta(minutes=policy.recurring_lead_minutes), policy, urgent=True, limit=local)
    return local_to_utc(moved.replace(tzinfo=None), tz) if moved is not None else None

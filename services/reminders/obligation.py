"""When a cell is overdue: one rule, used by reminders, escalation, the digest and /status.

A cell's obligation is the report. A directive may carry several dated deadlines — finish the
work (hoàn thành), send the report (báo cáo), draw up a plan (kế hoạch) — and one report
answers the whole directive. So a cell is overdue only once the deadline *by which its report
is due* has passed:

* the report deadline when the directive has one (the earliest, if it has several);
* otherwise the last of its dated deadlines (the report is expected when the work is done).

Before that moment every dated deadline still gets its own reminders ("Hoàn thành: đến hết
6/12 — hôm nay là hạn cuối"), but a passed completion deadline never makes a cell "quá hạn"
while its report is not yet due. Start dates and recurring reports are not obligations here
(a recurring report's occurrences have their own requests).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol, TypeVar

#: Deadline kinds a cell must meet by a date (start dates and recurring reports are not).
DATED_KINDS = ("complete", "report", "plan")


class _Deadline(Protocol):
    # Read-only, so a table row and a plain record both fit.
    @property
    def id(self) -> int | None: ...

    @property
    def kind(self) -> str: ...

    @property
    def due_at(self) -> datetime | None: ...


D = TypeVar("D", bound=_Deadline)


def due_of(deadline: _Deadline) -> datetime:
    """The date of a deadline the caller has already kept only if dated (a sort key)."""
    assert deadline.due_at is not None, "an undated deadline reached a date comparison"
    return deadline.due_at


def dated(deadlines: Iterable[D], assigned_to: int | None = None) -> list[D]:
    """The dated obligations of a cell; ``assigned_to`` limits them to one deadline when the
    cell was assigned only that one (Assignment.deadline_id)."""
    return [d for d in deadlines if d.kind in DATED_KINDS and d.due_at is not None and assigned_to in (None, d.id)]


def obligation(deadlines: Iterable[D], assigned_to: int | None = None) -> D | None:
    """The deadline by which the cell's report is due (see the module's rule), or None."""
    mine = dated(deadlines, assigned_to)
    reports = [d for d in mine if d.kind == "report"]
    if reports:
        return min(reports, key=due_of)
    return max(mine, key=due_of) if mine else None


def is_overdue(deadlines: Iterable[_Deadline], now: datetime, assigned_to: int | None = None) -> bool:
    """True when the report deadline (by the rule above) has passed; the caller checks that
    the cell has not reported."""
    due = obligation(deadlines, assigned_to)
    return due is not None and due.due_at is not None and due.due_at < now

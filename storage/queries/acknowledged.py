"""The one definition of "acknowledged" (đã nhận) that every view counts and lists by.

A cell has acknowledged a directive when its secretary pressed "Đã nhận" (acknowledged_at)
or the cell has reported on it. A report implies receipt: nobody reports on a directive they
never got, and a secretary who answers straight from the message, or with a one-line
"bc 141 ...", never presses "Đã nhận". Counting only the button made /directives say 1/5
while /status said 5/5.

So a report also stamps acknowledged_at when it is still empty (the moment of the first
report; storage/queries/reports.set_assignment_reported), and migration 0007 did the same for
rows reported before: "Nhận lúc" in the exports is never empty for a cell counted as received.
The status test below stays as the definition, so a row written any other way still counts.
"""

from __future__ import annotations

from sqlalchemy import case, or_
from sqlmodel import col

from storage.tables import Assignment

#: Assignment statuses that mean the cell has reported.
REPORTED = ("reported", "completed")


def is_acknowledged(assignment: Assignment) -> bool:
    return assignment.acknowledged_at is not None or assignment.status in REPORTED


def acknowledged_clause():  # noqa: ANN201
    """The same test as a SQL condition."""
    return or_(col(Assignment.acknowledged_at).is_not(None), col(Assignment.status).in_(REPORTED))


def acknowledged_flag():  # noqa: ANN201
    """1 for an acknowledged assignment, else 0 (to sum or group by)."""
    return case((acknowledged_clause(), 1), else_=0)

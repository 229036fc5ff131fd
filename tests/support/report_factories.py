"""Directives, deadlines and assignments for report tests, inserted directly (no directive flow)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import select

from storage.db import session_scope
from storage.tables import Assignment, Deadline, Directive, Unit
from tests.support.local import local_to_utc


def unit_id(app, code: str) -> int:  # noqa: ANN001
    with session_scope(app.engine) as session:
        return session.exec(select(Unit).where(Unit.code == code)).one().id


def make_assignment(
    app,  # noqa: ANN001
    *,
    cell: str = "CB01",
    number: str = "141-CV/ĐUK",
    subject: str = "V/v tổ chức quán triệt Nghị quyết số 05-NQ/TU",
    report_due: datetime | None = datetime(2021, 8, 22, 23, 59),
    complete_due: datetime | None = datetime(2021, 8, 20, 23, 59),
    template: dict[str, Any] | None = None,
    directive_id: int | None = None,
    report_shown: str | None = None,
) -> int:
    """An assignment of a published directive of DUK to ``cell``; returns the assignment id.

    Due times are local (Asia/Ho_Chi_Minh) wall-clock times, as documents write them.
    """
    issuer, cell_id = unit_id(app, "DUK"), unit_id(app, cell)
    with session_scope(app.engine) as session:
        if directive_id is None:
            directive = Directive(
                unit_id=issuer,
                doc_type="CV",
                number=number,
                subject=subject,
                status="published",
                report_template=template,
                published_at=app.clock.now(),
            )
            session.add(directive)
            session.flush()
            directive_id = directive.id
            for position, (kind, due) in enumerate((("complete", complete_due), ("report", report_due))):
                if due is not None:
                    shown = (
                        f"trước {due.day + 1}/{due.month}" if kind == "report" else f"hết ngày {due.day}/{due.month}"
                    )
                    if kind == "report" and report_shown:
                        shown = report_shown
                    session.add(
                        Deadline(
                            directive_id=directive_id,
                            kind=kind,
                            due_at=local_to_utc(due),
                            shown=shown,
                            position=position,
                        )
                    )
        assignment = Assignment(directive_id=directive_id, unit_id=cell_id, assigned_at=app.clock.now())
        session.add(assignment)
        session.flush()
        return assignment.id

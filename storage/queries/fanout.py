"""SQL for fan-out jobs: the job row, and the bulk writes of one batch (assignments, messages)
with ON CONFLICT DO NOTHING on their unique keys, so a batch written again after a crash, or
by a second process, adds nothing."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from storage.queries.reminders import _insert, insert_outbox_rows
from storage.tables import Assignment, FanoutJob


def add_job(*, session: Session, job: FanoutJob) -> FanoutJob:
    session.add(job)
    session.flush()
    return job


def running_job_ids(*, session: Session) -> list[int]:
    return list(
        session.exec(select(col(FanoutJob.id)).where(col(FanoutJob.status) == "running").order_by(col(FanoutJob.id)))
    )


def claim_job(*, session: Session, job_id: int) -> FanoutJob | None:
    """The running job, locked for this transaction (PostgreSQL: another process's worker
    skips it meanwhile); None when it is done or another worker holds it."""
    return session.exec(
        select(FanoutJob)
        .where(col(FanoutJob.id) == job_id, col(FanoutJob.status) == "running")
        .with_for_update(skip_locked=True)
    ).first()


def running_job_of(*, session: Session, directive_id: int) -> FanoutJob | None:
    """The directive's running job, locked (waiting for a worker's batch in progress to end)."""
    return session.exec(
        select(FanoutJob)
        .where(col(FanoutJob.directive_id) == directive_id, col(FanoutJob.status) == "running")
        .with_for_update()
    ).first()


def advance(
    *,
    session: Session,
    job_id: int,
    done_before: int,
    done: int,
    queued: int,
    reached: int,
    finished_at: datetime | None,
) -> bool:
    """Move the job on to ``done`` (and add ``queued`` and ``reached``) if nobody moved it since ``done_before``
    was read: False means another worker wrote this batch, and this transaction must not commit."""
    values: dict[str, Any] = {
        "done": done,
        "queued": col(FanoutJob.queued) + queued,
        "reached": col(FanoutJob.reached) + reached,
    }
    if finished_at is not None:
        values |= {"status": "done", "finished_at": finished_at}
    result = session.exec(
        update(FanoutJob)
        .where(col(FanoutJob.id) == job_id, col(FanoutJob.done) == done_before, col(FanoutJob.status) == "running")
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)


def insert_assignments(*, session: Session, directive_id: int, unit_ids: list[int], now: datetime) -> dict[int, int]:
    """Assign the directive to these units (one statement); returns the assignment id of each unit."""
    if not unit_ids:
        return {}
    stmt = _insert(session, Assignment).on_conflict_do_nothing(index_elements=["directive_id", "unit_id"])
    session.execute(
        stmt,
        [
            {
                "directive_id": directive_id,
                "unit_id": unit_id,
                "status": "assigned",
                "assigned_at": now,
                "deadline_id": None,
                "acknowledged_at": None,
                "acknowledged_by_person_id": None,
                "completed_at": None,
            }
            for unit_id in unit_ids
        ],
    )
    rows = session.exec(
        select(col(Assignment.unit_id), col(Assignment.id)).where(
            col(Assignment.directive_id) == directive_id, col(Assignment.unit_id).in_(unit_ids)
        )
    ).all()
    return {unit_id: assignment_id for unit_id, assignment_id in rows}


def insert_messages(*, session: Session, rows: list[dict[str, Any]], now: datetime) -> int:
    """Queue many outbox rows at once; a dedupe key already present is left alone. Returns how many are new.
    ``now``: the app's clock, stamped as created_at."""
    return insert_outbox_rows(session=session, rows=rows, now=now)


def running_progress(*, session: Session, directive_ids: list[int]) -> dict[int, tuple[int, int]]:
    """(done, total) of each of these directives whose fan-out is still running."""
    if not directive_ids:
        return {}
    rows = session.exec(
        select(col(FanoutJob.directive_id), col(FanoutJob.done), col(FanoutJob.total)).where(
            col(FanoutJob.directive_id).in_(directive_ids), col(FanoutJob.status) == "running"
        )
    ).all()
    return {directive_id: (done, total) for directive_id, done, total in rows}

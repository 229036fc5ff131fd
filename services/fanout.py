"""Fan-out: what publishing a directive writes for each unit (its assignment, the message to
its secretaries, its reminder plan), in batches, after the staff member was answered.

Publishing (services/directives.publish) records a ``FanoutJob`` row naming the units and
writes the first batch in its own transaction, so staff are answered at once and the first
cells are told at once; a background worker (bot/fanout_worker.py, on the runtime's scheduler)
writes the rest, one batch of ``FanoutConfig.batch`` units per short transaction. The row is
the source of truth: ``done`` moves on in the transaction that writes the batch, so a crash
loses at most the batch in progress (rolled back) and a restart goes on from ``done``. Every
write is ON CONFLICT DO NOTHING on its unique key (assignment: directive and unit; message and
reminder: dedupe key), so a batch written twice (two processes, a retried transaction) still
gives one row each.

Small publishes (at most ``inline_max`` units) are written whole in the publishing transaction
by the same batch writer: the answer then carries the final figures, as before.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session

from ground.clock import Clock
from ground.messages import Reply
from ground.settings import Settings
from services import directive_texts as texts
from services.i18n import Translator
from services.outbox import reply_to_payload
from services.per_assignment import PerAssignment
from services.reminders.config import ReminderConfig
from services.reminders.planner import plan_directive
from storage.db import session_scope, writer_lock
from storage.queries import accounts as account_queries
from storage.queries import directives as directive_queries
from storage.queries import fanout as queries
from storage.tables import ChatAccount, Deadline, Directive, FanoutJob

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FanoutConfig:
    #: Publishes to at most this many units are written whole before staff are answered.
    inline_max: int = 50
    #: Units per background transaction.
    batch: int = 200
    #: Units of a large publish written before staff are answered: the first cells are told
    #: at once, whichever process runs the background batches.
    first: int = 20
    #: Fan-outs to at least this many units tell staff when half is written, too.
    halfway_min: int = 1000
    #: Seconds the worker rests between batches (lets interactive writes in on SQLite).
    pause: float = 0.02

    @classmethod
    def from_settings(cls, settings: Settings) -> FanoutConfig:
        return cls(
            inline_max=settings.fanout_inline_max,
            batch=settings.fanout_batch,
            halfway_min=settings.fanout_halfway_min,
            pause=settings.fanout_pause_seconds,
        )


@dataclass(frozen=True)
class Published:
    """Where a publish stands when staff are answered."""

    job_id: int
    total: int
    done: int
    #: Messages queued to secretaries so far, and units whose secretaries they reach.
    queued: int
    reached: int

    @property
    def finished(self) -> bool:
        return self.done >= self.total


def start(
    *,
    session: Session,
    directive: Directive,
    unit_ids: list[int],
    notify_account_id: int | None,
    now: datetime,
    config: ReminderConfig,
    fanout: FanoutConfig,
) -> Published:
    """Record the fan-out of a directive just marked published, and write its first batch
    (all of it when small) in the caller's transaction."""
    units = list(dict.fromkeys(unit_ids))
    job = queries.add_job(
        session=session,
        job=FanoutJob(
            directive_id=directive.id,
            unit_ids=units,
            total=len(units),
            notify_account_id=notify_account_id,
            published_at=now,
            created_at=now,
        ),
    )
    first = units if len(units) <= fanout.inline_max else units[: min(fanout.first, fanout.inline_max)]
    queued, reached = _write_batch(session, job, directive, first, now=now, config=config, fanout=fanout, inline=True)
    return Published(job.id, len(units), len(first), queued, reached)


def _write_batch(
    session: Session,
    job: FanoutJob,
    directive: Directive,
    unit_ids: list[int],
    *,
    now: datetime,
    config: ReminderConfig,
    fanout: FanoutConfig,
    inline: bool = False,
    tell: bool | None = None,
) -> tuple[int, int]:
    """Assign, tell and plan reminders for these units (the next ones of the job); move the
    job on in the same transaction. ``inline``: the job row is this transaction's own (the
    publish, or an edit that holds its lock). ``tell``: the publisher hears of the progress
    (not when the publish's own answer gives the figures). Returns (messages queued, units reached)."""
    assignments = queries.insert_assignments(session=session, directive_id=directive.id, unit_ids=unit_ids, now=now)
    deadlines = directive_queries.active_deadlines(session=session, directive_id=directive.id)
    rendered = PerAssignment()
    rows: list[dict[str, Any]] = []
    reached: set[int] = set()
    for unit, _person, account in account_queries.secretaries_accounts(session=session, unit_ids=unit_ids):
        if not account.reachable:
            continue  # staff see the unit as not acknowledged, and were told to send the paper copy
        assignment_id = assignments[unit.id]
        render = partial(_cell_payload, account.language, directive, deadlines)
        rows.append(
            {
                "account_id": account.id,
                "kind": "directive",
                "payload": rendered.payload(account.language, assignment_id, render),
                "due_at": now,
                "dedupe_key": f"publish:{directive.id}:{unit.id}:{account.id}",
                "directive_id": directive.id,
                "assignment_id": assignment_id,
                "deadline_id": None,
            }
        )
        reached.add(unit.id)
    queued = queries.insert_messages(session=session, rows=rows, now=now)
    plan_directive(
        session=session, directive_id=directive.id, now=now, config=config, assignment_ids=list(assignments.values())
    )
    before, done = job.done, job.done + len(unit_ids)
    finished = done >= job.total
    if inline:
        # The job row is this transaction's own: nobody else can have moved it.
        job.done, job.queued, job.reached = done, job.queued + queued, job.reached + len(reached)
        if finished:
            job.status, job.finished_at = "done", now
        session.add(job)
        session.flush()
    elif not queries.advance(
        session=session,
        job_id=job.id,
        done_before=before,
        done=done,
        queued=queued,
        reached=len(reached),
        finished_at=now if finished else None,
    ):
        raise _Overtaken(job.id)
    else:
        session.refresh(job)
    if (not inline) if tell is None else tell:
        _tell_staff(session, job, directive, before, now, fanout)
    return queued, len(reached)


def _cell_payload(language: str, directive: Directive, deadlines: list[Deadline], assignment_id: int) -> dict[str, Any]:
    return reply_to_payload(texts.cell_message(Translator(language), directive, deadlines, assignment_id))


def _tell_staff(
    session: Session, job: FanoutJob, directive: Directive, before: int, now: datetime, fanout: FanoutConfig
) -> None:
    """The publisher hears once when every unit is told, and, for a long fan-out, at half way."""
    if job.notify_account_id is None:
        return
    account = session.get(ChatAccount, job.notify_account_id)
    if account is None or not account.reachable:
        return
    t = Translator(account.language)
    title = texts.title(directive, t)
    if job.done >= job.total:
        key = f"fanout-done:{job.id}"
        reply = Reply(
            text=t(
                "directive.published",
                title=title,
                count=job.reached,
                messages=job.queued,
                number=directive.number or f"#{directive.id}",
            )
        )
    elif job.total >= fanout.halfway_min and 2 * before < job.total <= 2 * job.done:
        key = f"fanout-half:{job.id}"
        reply = Reply(text=t("fanout.halfway", title=title, done=job.done, total=job.total))
    else:
        return
    queries.insert_messages(
        session=session,
        rows=[
            {
                "account_id": account.id,
                "kind": "notice",
                "payload": reply_to_payload(reply),
                "due_at": now,
                "dedupe_key": key,
                "directive_id": directive.id,
                "assignment_id": None,
                "deadline_id": None,
            }
        ],
        now=now,
    )


class _Overtaken(Exception):
    """Another worker wrote this batch first: this transaction must roll back."""


def run_pending(
    *,
    engine: Engine,
    clock: Clock,
    config: ReminderConfig,
    fanout: FanoutConfig,
    should_stop: Callable[[], bool] = lambda: False,
) -> int:
    """Write the remaining batches of every running fan-out, each in its own transaction,
    until all are done (or ``should_stop``). Returns how many units were written."""
    with session_scope(engine) as session:
        job_ids = queries.running_job_ids(session=session)
    written = 0
    for job_id in job_ids:
        while not should_stop():
            try:
                count = _next_batch(engine, job_id, clock.now(), config, fanout)
            except _Overtaken:
                log.info("fan-out %s: a batch was written by another worker; going on from there", job_id)
                continue
            if count == 0:
                break
            written += count
            if fanout.pause:
                time.sleep(fanout.pause)
    return written


def _next_batch(engine: Engine, job_id: int, now: datetime, config: ReminderConfig, fanout: FanoutConfig) -> int:
    with writer_lock(engine), session_scope(engine) as session:
        job = queries.claim_job(session=session, job_id=job_id)
        if job is None:
            return 0  # done, or another process's worker holds it now
        directive = session.get(Directive, job.directive_id)
        if directive is None or directive.status != "published":
            # Closed (or replaced by a changed version) while being sent: the units not yet
            # written are not told about a directive that no longer asks anything of them.
            log.info("fan-out %s stopped at %s/%s: the directive is no longer published", job.id, job.done, job.total)
            job.status, job.finished_at = "done", now
            session.add(job)
            return 0
        batch = [int(u) for u in job.unit_ids[job.done : job.done + fanout.batch]]
        _write_batch(session, job, directive, batch, now=now, config=config, fanout=fanout)
        return len(batch)


def complete(*, session: Session, directive: Directive, now: datetime, config: ReminderConfig) -> int:
    """Write what is left of the directive's fan-out in the caller's transaction (before its
    recipients change: the edit must see every unit the publish named). Returns the units written."""
    job = queries.running_job_of(session=session, directive_id=directive.id)
    if job is None:
        return 0
    session.refresh(job)  # the lock waited for a batch that may have moved it on
    if job.status != "running":
        return 0
    rest = [int(u) for u in job.unit_ids[job.done :]]
    _write_batch(session, job, directive, rest, now=now, config=config, fanout=FanoutConfig(), inline=True, tell=True)
    return len(rest)


@dataclass(frozen=True)
class Progress:
    done: int
    total: int


def progress(*, session: Session, directive_ids: list[int]) -> dict[int, Progress]:
    """The fan-outs still running among these directives: how many units are told so far."""
    return {
        d: Progress(done, total)
        for d, (done, total) in queries.running_progress(session=session, directive_ids=directive_ids).items()
    }


def has_running(*, engine: Engine) -> bool:
    with session_scope(engine) as session:
        return bool(queries.running_job_ids(session=session))

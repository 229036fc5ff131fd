"""Where directives stand: counts per directive, per deadline, roll-up through the unit tree and
the cells that have not reported. Staff see only the units they oversee.

"Overdue" means: not reported, and a dated deadline of the cell's (complete, report or plan)
has passed. One report answers the directive, as the reminders count it, so a report counts
for every dated deadline.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlmodel import Session

from ground.actor import Actor
from services import directives, fanout, report_periods
from services.reminders.obligation import is_overdue, obligation
from storage.queries import reports as report_queries
from storage.queries import status as queries
from storage.queries import units as unit_queries
from storage.tables import Deadline, Directive, Report, ReportRequest, Unit

#: Deadline kinds that are not a due date for the cells (start dates, recurring schedules).
NOT_DUE_KINDS = ("start", "recurring")


def scope_paths(actor: Actor) -> list[str]:
    """The subtrees a staff member (or admin) may see."""
    return [r.unit_path for r in actor.units("staff", "admin")]


@dataclass(frozen=True)
class Counts:
    assigned: int = 0
    acknowledged: int = 0
    reported: int = 0
    overdue: int = 0


@dataclass(frozen=True)
class DirectiveSummary:
    directive: Directive
    counts: Counts
    nearest: Deadline | None
    #: Still being sent to its units (services/fanout.py): the counts are not complete yet.
    sending: fanout.Progress | None = None


@dataclass(frozen=True)
class DeadlineFigures:
    deadline: Deadline
    concerned: int
    reported: int
    overdue: int
    #: Whether this is the deadline by which cells must report (only such a deadline makes a
    #: cell overdue; a completion date before the report date does not).
    counts_overdue: bool = True


@dataclass(frozen=True)
class PeriodFigures:
    """One period of a recurring report ("hằng tháng trước ngày 25"): who has reported it.
    ``current`` is the next one due; the other is the last one already due (its missing cells
    are overdue)."""

    deadline: Deadline
    due_at: datetime
    current: bool
    concerned: int
    reported: int
    missing: list[Unit]
    #: A period before the last one due, shown because cells missed it.
    earlier: bool = False


@dataclass(frozen=True)
class GroupFigures:
    unit: Unit
    cells: int
    reported: int
    reached: int
    total: int

    @property
    def percent(self) -> float | None:
        return percent(self.reached, self.total)


@dataclass(frozen=True)
class Missing:
    """A unit that has not reported, with its secretaries, under the group it belongs to."""

    unit: Unit
    group: Unit | None
    secretaries: list[str]
    overdue: bool


@dataclass
class DirectiveStatus:
    directive: Directive
    counts: Counts
    per_deadline: list[DeadlineFigures]
    reached: int
    total: int
    groups: list[GroupFigures]
    deep: bool
    missing: list[Missing] = field(default_factory=list)
    #: Every assigned unit in scope with its latest report (charts, exports).
    cells: list[queries.CellRow] = field(default_factory=list)
    secretaries: dict[int, list[str]] = field(default_factory=dict)
    parents: dict[int, Unit] = field(default_factory=dict)
    #: Recurring reports: the last period due and the current one, per schedule.
    periods: list[PeriodFigures] = field(default_factory=list)

    @property
    def percent(self) -> float | None:
        return percent(self.reached, self.total)


def percent(reached: int, total: int) -> float | None:
    return round(100.0 * reached / total, 1) if total else None


def _deadlines(session: Session, directive_ids: list[int]) -> dict[int, list[Deadline]]:
    found: dict[int, list[Deadline]] = {d: [] for d in directive_ids}
    for deadline in report_queries.active_deadlines(session=session, directive_ids=directive_ids):
        found[deadline.directive_id].append(deadline)
    return found


def _is_overdue(deadline_id: int | None, deadlines: list[Deadline], now: datetime) -> bool:
    """Past the deadline by which the cell's report is due (services/reminders/obligation.py:
    the report deadline, else the last dated one), as reminders, escalation and the digest
    count it. The caller checks the cell has not reported."""
    return is_overdue(deadlines, now, deadline_id)


def _with_overdue(
    counts: Counts, session: Session, directive: Directive, deadlines: list[Deadline], paths: list[str], now: datetime
) -> tuple[Counts, report_periods.Overdue, list[tuple[ReportRequest, int]]]:
    """The counts with "quá hạn" as every view counts it (services/report_periods.py): the cells
    with an overdue item, the one-off report deadline or a period gone by."""
    overdue, requests = report_periods.directive_overdue(
        session=session, directive_id=directive.id, deadlines=deadlines, scope_paths=paths, now=now
    )
    return replace(counts, overdue=len(overdue.cells)), overdue, requests


def _fold(rows: list[queries.CountRow], deadlines: list[Deadline], now: datetime) -> Counts:
    assigned = acked = reported = overdue = 0
    for row in rows:
        assigned += row.count
        acked += row.count if row.acknowledged else 0
        reported += row.count if row.reported else 0
        if not row.reported and _is_overdue(row.deadline_id, deadlines, now):
            overdue += row.count
    return Counts(assigned, acked, reported, overdue)


def open_summaries(*, session: Session, actor: Actor, now: datetime) -> list[DirectiveSummary]:
    """Open (published) directives of the staff member's own units, newest first."""
    unit_ids = [r.unit_id for r in actor.units("staff", "admin")]
    found = queries.open_directives(session=session, unit_ids=unit_ids)
    return _summaries(session, actor, found, now)


def summaries_in_scope(
    *, session: Session, actor: Actor, now: datetime, statuses: tuple[str, ...] = ("published", "closed")
) -> list[DirectiveSummary]:
    """Directives issued by the staff member's units and the units below them (the dashboard's
    list), with the same counts as ``open_summaries``."""
    found = queries.directives_in_scope(session=session, scope_paths=scope_paths(actor), statuses=statuses)
    return _summaries(session, actor, found, now)


def summaries_of(*, session: Session, actor: Actor, found: list[Directive], now: datetime) -> list[DirectiveSummary]:
    """The counts of ``/status`` for these directives (``/directives`` lists them)."""
    return _summaries(session, actor, found, now)


def _summaries(session: Session, actor: Actor, found: list[Directive], now: datetime) -> list[DirectiveSummary]:
    ids = [d.id for d in found]
    by_directive: dict[int, list[queries.CountRow]] = {d: [] for d in ids}
    for row in queries.assignment_counts(session=session, directive_ids=ids, scope_paths=scope_paths(actor)):
        by_directive[row.directive_id].append(row)
    deadlines = _deadlines(session, ids)
    every = [d for found_deadlines in deadlines.values() for d in found_deadlines]
    periods = directives.next_periods(session=session, deadlines=every, now=now)
    sending = fanout.progress(session=session, directive_ids=ids)
    paths = scope_paths(actor)
    return [
        DirectiveSummary(
            d,
            _with_overdue(_fold(by_directive[d.id], deadlines[d.id], now), session, d, deadlines[d.id], paths, now)[0],
            directives.nearest_deadline(deadlines=deadlines[d.id], now=now, periods=periods),
            sending.get(d.id),
        )
        for d in found
    ]


def sending(*, session: Session, directive: Directive) -> fanout.Progress | None:
    """How far the directive's fan-out is, while it is still being sent to its units."""
    return fanout.progress(session=session, directive_ids=[directive.id]).get(directive.id)


def may_see(*, session: Session, actor: Actor, directive: Directive) -> bool:
    return directive.status != "draft" and directives.can_manage(session=session, actor=actor, directive=directive)


def directive_status(*, session: Session, directive: Directive, paths: list[str], now: datetime) -> DirectiveStatus:
    """Everything `/status <number>` shows, for the units under ``paths``."""
    deadlines = _deadlines(session, [directive.id])[directive.id]
    rows = queries.assignment_counts(session=session, directive_ids=[directive.id], scope_paths=paths)
    counts, overdue, requests = _with_overdue(_fold(rows, deadlines, now), session, directive, deadlines, paths, now)
    per_deadline = _per_deadline(rows, deadlines, now)
    groups = [
        GroupFigures(r.unit, r.cells, r.reported, r.reached, r.total)
        for r in queries.rollup(
            session=session, directive_id=directive.id, parent_id=directive.unit_id, scope_paths=paths
        )
    ]
    cells = queries.cell_rows(session=session, directive_id=directive.id, scope_paths=paths)
    issuer = unit_queries.get_unit(session=session, unit_id=directive.unit_id)
    issuer_depth = issuer.path.count("/") if issuer else 0
    deep = any(c.unit.path.count("/") > issuer_depth + 1 for c in cells)
    parents = queries.units_by_ids(session=session, unit_ids=[c.unit.parent_id for c in cells if c.unit.parent_id])
    names = queries.secretary_names(session=session, directive_id=directive.id)
    missing = [
        Missing(
            c.unit,
            parents.get(c.unit.parent_id)
            if c.unit.parent_id is not None and c.unit.parent_id != directive.unit_id
            else None,
            names.get(c.unit.id, []),
            c.unit.id in overdue.cells,
        )
        for c in cells
        if c.assignment.status not in queries.REPORTED
    ]
    # Grouped by the unit they belong to, the units directly under the issuer last.
    missing.sort(key=lambda m: (m.group is None, m.group.code if m.group else "", m.unit.code))
    reached = sum(g.reached for g in groups)
    total = sum(g.total for g in groups)
    return DirectiveStatus(
        directive,
        counts,
        per_deadline,
        reached,
        total,
        groups,
        deep,
        missing,
        cells,
        names,
        parents,
        _periods(deadlines, overdue, requests, cells, now),
    )


def _periods(
    deadlines: list[Deadline],
    overdue: report_periods.Overdue,
    requests: list[tuple[ReportRequest, int]],
    cells: list[queries.CellRow],
    now: datetime,
) -> list[PeriodFigures]:
    """Per recurring report: the periods gone by that cells missed (the latest
    report_periods.SHOWN_PERIODS, as the digest names them), the last one due, and the current
    one, each with who has reported it."""
    units = {c.unit.id: c.unit for c in cells}
    moment = report_periods.as_utc(now)
    shown = set(report_periods.shown_periods(overdue))
    found = []
    for deadline in report_periods.rules(deadlines):
        by_due: dict[datetime, list[ReportRequest]] = {}
        unit_of: dict[int, int] = {}
        for request, unit_id in requests:
            if request.deadline_id == deadline.id:
                by_due.setdefault(report_periods.as_utc(request.due_at), []).append(request)
                unit_of[request.id] = unit_id
        past = sorted(d for d in by_due if d < moment)
        ahead = sorted(d for d in by_due if d >= moment)
        wanted = [(d, False, True) for d in past[:-1] if (deadline.id, d) in shown]
        wanted += [(past[-1], False, False)] if past else []
        wanted += [(ahead[0], True, False)] if ahead else []
        for due, current, earlier in wanted:
            rows = by_due[due]
            missing = sorted(
                (units[unit_of[r.id]] for r in rows if r.status != "reported" and unit_of[r.id] in units),
                key=lambda u: u.code,
            )
            found.append(
                PeriodFigures(
                    deadline, due, current, len(rows), sum(1 for r in rows if r.status == "reported"), missing, earlier
                )
            )
    return found


def subgroups(*, session: Session, directive: Directive, parent_id: int, paths: list[str]) -> list[GroupFigures]:
    """One level further down the roll-up: the units directly below ``parent_id`` with the sums of
    their subtrees, summed by the same query as the first level of ``directive_status``."""
    return [
        GroupFigures(r.unit, r.cells, r.reported, r.reached, r.total)
        for r in queries.rollup(session=session, directive_id=directive.id, parent_id=parent_id, scope_paths=paths)
    ]


@dataclass(frozen=True)
class ReportVersion:
    report: Report
    unit: Unit
    submitted_by: str


def report_history(*, session: Session, directive: Directive, paths: list[str]) -> list[ReportVersion]:
    """Every report of the directive in scope, every version, by unit code then version."""
    return [
        ReportVersion(r, u, name or "")
        for r, u, name in queries.report_versions(session=session, directive_id=directive.id, scope_paths=paths)
    ]


def _per_deadline(rows: list[queries.CountRow], deadlines: list[Deadline], now: datetime) -> list[DeadlineFigures]:
    figures = []
    for deadline in deadlines:
        if deadline.due_at is None or deadline.kind in NOT_DUE_KINDS:
            continue
        concerned = sum(r.count for r in rows if r.deadline_id in (None, deadline.id))
        # A cell's report answers the directive, so it counts for each of its dated deadlines.
        reported = sum(r.count for r in rows if r.deadline_id in (None, deadline.id) and r.reported)
        # Overdue only where this is the cells' report deadline: a passed completion date
        # does not make a cell overdue while its report is not yet due.
        governs = any(
            obligation(deadlines, r.deadline_id) is deadline for r in rows if r.deadline_id in (None, deadline.id)
        )
        overdue = sum(
            r.count
            for r in rows
            if r.deadline_id in (None, deadline.id)
            and not r.reported
            and obligation(deadlines, r.deadline_id) is deadline
            and deadline.due_at < now
        )
        figures.append(DeadlineFigures(deadline, concerned, reported, overdue, governs or not rows))
    return figures


@dataclass(frozen=True)
class Lookup:
    status: str  # ok | usage | not_found | ambiguous | denied
    directive: Directive | None = None
    #: The directives sharing the number, when it is ambiguous.
    found: tuple[Directive, ...] = ()


def lookup(*, session: Session, actor: Actor, text: str) -> Lookup:
    """The one directive numbered ``text`` this staff member oversees. A directive of a unit
    they do not oversee is "denied" (the caller audits it), not "not found"."""
    if not text.strip():
        return Lookup("usage")
    mine = [
        d
        for d in directives.find_by_number(session=session, actor=actor, text=text)
        if may_see(session=session, actor=actor, directive=d)
    ]
    if len(mine) == 1:
        return Lookup("ok", mine[0])
    if len(mine) > 1:
        return Lookup("ambiguous", found=tuple(mine))
    others = any_numbered(session=session, text=text)
    return Lookup("denied", others[0]) if others else Lookup("not_found")


def by_id(*, session: Session, actor: Actor, directive_id: int) -> Directive | None:
    """A directive from a button's id, only when this staff member oversees it."""
    directive = directives.get(session=session, directive_id=directive_id)
    if directive is None or not may_see(session=session, actor=actor, directive=directive):
        return None
    return directive


def any_numbered(*, session: Session, text: str) -> list[Directive]:
    """Published or closed directives of any unit numbered ``text`` (same matching as /doc;
    "#12" is the directive with id 12)."""
    wanted = directives.number_key(text)
    if wanted.startswith("#") and wanted[1:].isascii() and wanted[1:].isdigit() and len(wanted) <= 13:
        # "#3" is how a directive without a number is named: it must be found too.
        found = directives.get(session=session, directive_id=int(wanted[1:]))
        return [found] if found is not None and found.status != "draft" else []
    return [
        d
        for d in queries.numbered_directives(session=session)
        if d.number is not None  # the query selects only numbered ones
        and (
            directives.number_key(d.number) == wanted
            or directives._short_form_matches(wanted, directives.number_key(d.number))
        )
    ]

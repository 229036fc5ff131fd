"""Cell reports: which assignments a cell can report on, who may report, saving a version.

A report is saved in the same transaction as the assignment's new status and the staff
notifications (outbox rows), so either all of it happens or none of it.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session

from ground.actor import Actor
from ground.messages import Attachment, Reply
from services import directive_texts, report_periods
from services.i18n import Translator, t
from services.outbox import reply_to_payload
from services.reminders import lifecycle as reminders
from services.reminders.config import ReminderConfig
from services.reminders.obligation import due_of
from services.reminders.periods import next_after
from services.report_answers import Problem, check_answers, computed_percent
from services.report_audience import with_audience
from services.report_templates import Template, template_for
from services.report_text import format_timing, is_on_time, summary_lines
from storage.queries import accounts as account_queries
from storage.queries import outbox as outbox_queries
from storage.queries import reminders as reminder_queries
from storage.queries import reports as report_queries
from storage.tables import Assignment, Deadline, Directive, Report, Unit

#: Deadline kinds a report answers, in order of preference.
ANSWERED_KINDS = ("report", "complete")
#: Assignments counted in a gathered message's running total ("Đến nay: 345/1.000 đơn vị").
LIVE_STATUSES = ("assigned", "acknowledged", "reported", "completed")
_SAFE_NAME_RE = re.compile(r"[^A-Za-z0-9._-]+")


class ReportInvalid(ValueError):
    """The answers break the template: nothing is saved."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(", ".join(p.key for p in problems))


class AttachmentTooLarge(ValueError):
    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(f"attachment over {limit} bytes")


@dataclass(frozen=True)
class Task:
    """One assignment of one unit, with the deadline its report answers."""

    assignment: Assignment
    directive: Directive
    unit: Unit
    deadline: Deadline | None
    #: When the report answers one period of a recurring rule: that period's due moment
    #: (``deadline`` is then the rule worded for this period, services/report_periods.py).
    period_due: datetime | None = None

    @property
    def answers_for(self) -> str:
        if self.period_due is not None and self.deadline is not None and self.deadline.id is not None:
            return report_periods.period_key(self.deadline.id, self.period_due)
        return f"d{self.deadline.id}" if self.deadline is not None else "directive"

    @property
    def is_period(self) -> bool:
        return self.period_due is not None

    def name(self, t: Translator, *, with_subject: bool = True, subject_chars: int = 60) -> str:
        """The directive as secretaries read it (services/directive_texts.directive_name)."""
        return directive_texts.directive_name(t, self.directive, with_subject=with_subject, subject_chars=subject_chars)

    def template(self) -> Template:
        """The directive's template; the default one counts the directive's own audience."""
        template = template_for(self.directive.report_template)
        return with_audience(template, self.directive, own_template=bool(self.directive.report_template))


def answered_deadline(assignment: Assignment, deadlines: list[Deadline]) -> Deadline | None:
    """The deadline a report answers: the assigned one, else the earliest report deadline,
    else the earliest completion deadline. Recurring schedules are not handled here yet."""
    if assignment.deadline_id is not None:
        return next((d for d in deadlines if d.id == assignment.deadline_id), None)
    for kind in ANSWERED_KINDS:
        dated = sorted((d for d in deadlines if d.kind == kind and d.due_at is not None), key=due_of)
        if dated:
            return dated[0]
    return None


def _tasks(session: Session, rows: list[tuple[Assignment, Directive, Unit]]) -> list[Task]:
    deadlines = report_queries.active_deadlines(session=session, directive_ids=sorted({d.id for _, d, _ in rows}))
    by_directive: dict[int, list[Deadline]] = {}
    for d in deadlines:
        by_directive.setdefault(d.directive_id, []).append(d)
    return [Task(a, d, u, answered_deadline(a, by_directive.get(d.id, []))) for a, d, u in rows]


def open_tasks(*, session: Session, unit_ids: list[int]) -> list[Task]:
    """Assignments still taking a report, nearest deadline first (no deadline last)."""
    tasks = _tasks(session, report_queries.open_assignment_rows(session=session, unit_ids=unit_ids))
    far = datetime.max.replace(tzinfo=None)

    def key(task: Task) -> tuple[bool, bool, Any, int]:
        # What still waits for a report comes before what was reported (a report there would
        # only amend it), each nearest deadline first.
        due = task.deadline.due_at if task.deadline is not None else None
        reported = task.assignment.status == "reported"
        return (reported, due is None, due.replace(tzinfo=None) if due else far, task.assignment.id or 0)

    return sorted(tasks, key=key)


def nearer_deadlines(*, session: Session, tasks: list[Task], now: datetime) -> dict[int, Deadline]:
    """Per assignment id, the nearest deadline still ahead that falls before the one the report
    answers ("Hoàn thành: đến hết 12/12" before "Báo cáo: trước 15/12"): /mytasks says the
    nearest first, so it must show it too. Assignments limited to one deadline have none."""
    found: dict[int, Deadline] = {}
    directive_ids = sorted({task.directive.id for task in tasks if task.directive.id is not None})
    by_directive: dict[int, list[Deadline]] = {}
    for deadline in report_queries.active_deadlines(session=session, directive_ids=directive_ids):
        by_directive.setdefault(deadline.directive_id, []).append(deadline)

    def naive(when: datetime) -> datetime:  # stored moments are UTC; SQLite gives them naive
        return when.astimezone(UTC).replace(tzinfo=None) if when.tzinfo else when

    moment = naive(now)

    for task in tasks:
        answered = task.deadline
        if answered is None or answered.due_at is None or task.assignment.deadline_id is not None:
            continue
        earlier = [
            d
            for d in by_directive.get(task.directive.id or 0, [])
            if d.id != answered.id
            and d.kind in ANSWERED_KINDS
            and d.due_at is not None
            and moment <= naive(d.due_at) < naive(answered.due_at)
        ]
        if earlier and task.assignment.id is not None:
            found[task.assignment.id] = min(earlier, key=lambda d: naive(due_of(d)))
    return found


def closed_tasks(*, session: Session, unit_ids: list[int]) -> list[Task]:
    """Assignments of these units on directives staff have closed (/close)."""
    return _tasks(session, report_queries.closed_assignment_rows(session=session, unit_ids=unit_ids))


def get_task(
    *, session: Session, assignment_id: int, item: str | None = None, lang: str = "vi", tz: ZoneInfo | None = None
) -> Task | None:
    """The assignment's task; ``item`` (a report's ``answers_for``) picks one period of a rule
    instead of the one-off deadline (services/report_periods.py)."""
    row = report_queries.get_assignment_with_deadlines(session=session, assignment_id=assignment_id)
    if row is None:
        return None
    assignment, directive, unit, deadlines = row
    task = Task(assignment, directive, unit, answered_deadline(assignment, deadlines))
    key = report_periods.parse_key(item) if item else None
    if key is not None:
        rule = next((d for d in report_periods.rules(deadlines) if d.id == key[0]), None)
        if rule is not None:
            return _period_task(task, rule, key[1], lang, tz)
    return task


def _period_task(task: Task, rule: Deadline, due_at: datetime, lang: str, tz: ZoneInfo | None) -> Task:
    if tz is None:
        raise TypeError("a period's task needs the local time zone")  # no silent default zone
    worded = report_periods.period_deadline(Translator(lang), rule, due_at, tz)
    return Task(task.assignment, task.directive, task.unit, worded, period_due=worded.due_at)


@dataclass(frozen=True)
class Items:
    """What a report sent now may answer: the open items (one: no question; several: the
    secretary picks), and the item a report corrects when none is open."""

    open: list[Task]
    fallback: Task
    #: Whether the directive has a recurring report for this cell at all.
    rules: bool = False
    #: The next period not yet open for a report (/mytasks says it when nothing else is open).
    upcoming: Task | None = None
    #: Every period still waiting for a report whose window has begun, oldest first: the
    #: latest missed ones (report_periods.SHOWN_PERIODS) and the current one (/mytasks, /doc).
    waiting: list[Task] = field(default_factory=list)


def report_items(*, session: Session, task: Task, now: datetime, tz: ZoneInfo, lang: str = "vi") -> Items:
    """The items of the cell's work a new report may answer (services/report_periods.py)."""
    deadlines = report_queries.active_deadlines(session=session, directive_ids=[task.directive.id])
    assigned = task.assignment.deadline_id
    rules = [r for r in report_periods.rules(deadlines) if assigned in (None, r.id)]
    if not rules:
        return Items([], task)
    one_off = (
        task if report_periods.has_one_off(deadlines) and (assigned is None or task.deadline is not None) else None
    )
    if one_off is not None and one_off.deadline is not None and one_off.deadline.kind == "recurring":
        one_off = None  # assigned the rule itself: it has periods only
    reports_sent = report_queries.reports_of_assignment(session=session, assignment_id=task.assignment.id)
    answered = {r.answers_for for r in reports_sent}
    requests = reminder_queries.report_requests(session=session, assignment_id=task.assignment.id)
    periods = report_periods.open_periods(requests, [r.id for r in rules if r.id is not None], now)
    by_id = {r.id: r for r in rules}
    period_tasks = [_period_task(task, by_id[p.deadline_id], p.due_at, lang, tz) for p in periods]
    opened = ([one_off] if one_off is not None and one_off.answers_for not in answered else []) + period_tasks
    upcoming = None
    if not period_tasks:
        ahead = sorted((r for r in requests if r.status == "open" and r.deadline_id in by_id), key=lambda r: r.due_at)
        if ahead:
            upcoming = _period_task(task, by_id[ahead[0].deadline_id], ahead[0].due_at, lang, tz)
        else:  # every period planned is reported: the next one of the first rule, not planned yet
            rule = rules[0]
            planned = [r.due_at for r in requests if r.deadline_id == rule.id and r.status != "cancelled"]
            after = max(planned, key=report_periods.as_utc) if planned else now
            due = next_after(rule.recurrence or "", report_periods.as_utc(after), tz)
            upcoming = _period_task(task, rule, due, lang, tz) if due is not None else None
    fallback = _fallback(task, one_off, rules, reports_sent, requests, now, lang, tz)
    waiting = []
    for rule in rules:
        current = report_periods.current_period(requests, rule.id or 0, now)
        limit = current.due_at if current is not None else None
        mine = sorted(
            (
                r
                for r in requests
                if r.deadline_id == rule.id
                and r.status == "open"
                and (limit is None or report_periods.as_utc(r.due_at) <= report_periods.as_utc(limit))
            ),
            key=lambda r: r.due_at,
        )
        waiting += [_period_task(task, rule, r.due_at, lang, tz) for r in mine[-(report_periods.SHOWN_PERIODS + 1) :]]
    return Items(opened, fallback, rules=True, upcoming=upcoming, waiting=waiting)


def _fallback(
    task: Task,
    one_off: Task | None,
    rules: list[Deadline],
    reports_sent: list[Report],
    requests: list[Any],
    now: datetime,
    lang: str,
    tz: ZoneInfo,
) -> Task:
    """Nothing open: the report corrects the item reported last; nothing reported yet: the
    current period of the first rule, else the one-off item."""
    by_id = {r.id: r for r in rules}
    for sent in sorted(reports_sent, key=lambda r: (r.submitted_at, r.id), reverse=True):
        key = report_periods.parse_key(sent.answers_for)
        if key is None and one_off is not None:
            return one_off
        if key is not None and key[0] in by_id:
            return _period_task(task, by_id[key[0]], key[1], lang, tz)
    for rule in rules:
        current = report_periods.current_period(requests, rule.id or 0, now)
        if current is not None:
            return _period_task(task, rule, current.due_at, lang, tz)
    return one_off or task


def reporting_role(actor: Actor, unit: Unit) -> str | None:
    """ "secretary" for the cell's own secretary, "staff" for staff overseeing it, else None."""
    if actor.is_secretary_of(unit.id):
        return "secretary"
    if actor.oversees(unit.path):
        return "staff"
    return None


def short_number(directive: Directive) -> str:
    """What a secretary types after "bc" for this directive: "141" of 141-CV/ĐUK."""
    number = (directive.number or "").split("-")[0].split("/")[0].strip()
    return number if number.isdigit() else (directive.number or f"#{directive.id}")


def is_open(task: Task) -> bool:
    return task.assignment.status in report_queries.REPORTABLE_STATUSES and task.directive.status == "published"


def resolve_item(*, session: Session, task: Task, now: datetime, tz: ZoneInfo, lang: str = "vi") -> Task:
    """The task as the item a report sent now answers, when the caller has not picked one: the
    task itself while it is an open item, else the only open item, else the one corrected
    (services/report_periods.py). A directive without a rule has one item: the task."""
    if task.is_period:
        return task
    items = report_items(session=session, task=task, now=now, tz=tz, lang=lang)
    if any(i.answers_for == task.answers_for for i in items.open):
        return task
    if items.open:
        return items.open[0]
    return items.fallback


def submit_report(
    *,
    session: Session,
    task: Task,
    answers: dict[str, Any],
    person_id: int,
    account_id: int | None,
    on_behalf: bool,
    submitter_name: str,
    now: datetime,
    config: ReminderConfig,
) -> Report:
    """Save a new version of the cell's report, mark the assignment reported, notify staff.

    Versions are numbered one way in every text and file: 1 is the first report, 2 the first
    amendment ("bản 2"), never an amendment count that would call the first one "lần 2"."""
    template = task.template()
    problems = check_answers(template, answers)
    if problems:
        raise ReportInvalid(problems)
    task = resolve_item(session=session, task=task, now=now, tz=config.tz)
    answers_for = task.answers_for
    report_queries.lock_assignment(session=session, assignment_id=task.assignment.id)
    version = report_queries.next_version(session=session, assignment_id=task.assignment.id, answers_for=answers_for)
    # A correction keeps the mark of the first submission: an on-time report corrected after
    # the deadline is still on time, and a late one does not become on time by a correction.
    first = (
        report_queries.first_report(session=session, assignment_id=task.assignment.id, answers_for=answers_for)
        if version > 1
        else None
    )
    report_queries.supersede_latest(session=session, assignment_id=task.assignment.id, answers_for=answers_for)
    report = Report(
        assignment_id=task.assignment.id,
        deadline_id=task.deadline.id if task.deadline is not None else None,
        answers_for=answers_for,
        version=version,
        is_latest=True,
        submitted_by_person_id=person_id,
        submitted_by_account_id=account_id,
        on_behalf=on_behalf,
        submitted_at=now,
        on_time=first.on_time if first is not None else is_on_time(task.deadline, now),
        answers={k: v for k, v in answers.items() if k != "attachments"},
        attachments=list(answers.get("attachments") or []),
        **typed_columns(template, answers),
    )
    report_queries.add_report(session=session, report=report)
    if task.is_period and report_periods.has_one_off(
        report_queries.active_deadlines(session=session, directive_ids=[task.directive.id])
    ):
        # A period's report leaves the one-off report deadline waiting for its own report.
        report_queries.set_assignment_acknowledged(
            session=session, assignment=task.assignment, when=now, person_id=None if on_behalf else person_id
        )
    else:
        report_queries.set_assignment_reported(
            session=session, assignment=task.assignment, when=now, person_id=None if on_behalf else person_id
        )
    period = (
        (task.deadline.id, task.period_due)
        if task.period_due is not None and task.deadline is not None and task.deadline.id is not None
        else None
    )
    reminders.after_report(
        session=session, assignment=task.assignment, report_id=report.id, now=now, config=config, period=period
    )
    _notify_staff(
        session=session,
        task=task,
        report=report,
        template=template,
        answers=answers,
        submitter_name=submitter_name,
        account_id=account_id,
        now=now,
        tz=config.tz,
    )
    if on_behalf:
        _notify_secretaries(
            session=session,
            task=task,
            report=report,
            template=template,
            answers=answers,
            name=submitter_name,
            account_id=account_id,
        )
    return report


def _notify_secretaries(
    *,
    session: Session,
    task: Task,
    report: Report,
    template: Template,
    answers: dict[str, Any],
    name: str,
    account_id: int | None,
) -> None:
    """Staff reported for the cell: its secretaries hear it, with the figures sent in their name."""
    assert task.unit.id is not None
    accounts = reminder_queries.secretary_accounts(session=session, unit_ids=[task.unit.id])
    for account in accounts.get(task.unit.id, []):
        if account.id == account_id:
            continue  # staff who are also its secretary saw the thank-you
        text = t(
            account.language,
            "report.notify_secretary_behalf",
            name=name,
            directive=task.name(Translator(account.language)),
            unit=task.unit.name,
            version=report.version,
            summary=summary_lines(template, answers, account.language),
        )
        outbox_queries.insert_message(
            session=session,
            account_id=account.id,
            kind="notice",
            payload=reply_to_payload(Reply(text=text)),
            due_at=report.submitted_at,
            dedupe_key=f"report-behalf:{report.id}:{account.id}",
            directive_id=task.directive.id,
            assignment_id=task.assignment.id,
        )


def typed_columns(template: Template, answers: dict[str, Any]) -> dict[str, Any]:
    """The default report's answers as queryable columns (for totals and exports)."""
    columns: dict[str, Any] = {}
    formats = answers.get("formats") if template.has("formats") else None
    if isinstance(formats, dict):
        columns["formats"] = ",".join(formats.get("values", []))[:255] or None
        columns["format_other"] = formats.get("other")
    for key in ("reached", "total"):
        if template.has(key) and isinstance(answers.get(key), int):
            columns[key] = answers[key]
    columns["percent"] = computed_percent(template, answers)
    awareness = answers.get("awareness") if template.has("awareness") else None
    if isinstance(awareness, dict):
        columns["awareness"] = (awareness.get("value") or awareness.get("other") or "")[:255] or None
    if template.has("difficulties") and isinstance(answers.get("difficulties"), str):
        columns["difficulties"] = answers["difficulties"]
    return columns


#: Reports to one staff member about one directive closer together than this are gathered:
#: the next message waits until this long after the last one went, and collects every report
#: that arrives meanwhile ("12 đơn vị vừa báo cáo 141-CV/ĐUK: …").
GATHER_WINDOW = timedelta(seconds=60)
#: Units named in a gathered message; the others are counted ("và 988 đơn vị khác").
GATHER_NAMES = 15
REPORTED_STATUSES = ("reported", "completed")


def _notify_staff(
    *,
    session: Session,
    task: Task,
    report: Report,
    template: Template,
    answers: dict[str, Any],
    submitter_name: str,
    account_id: int | None,
    now: datetime,
    tz: Any,
) -> None:
    """Tell each staff account of the issuing unit. A report that comes while the previous
    message about this directive has not gone out yet, or less than GATHER_WINDOW after it
    went, joins one gathered message instead of queueing one more: a storm of 1,000 reports
    reaches staff as one message a minute with the running total, not 1,000 messages."""
    total: int | None = None
    reported: int | None = None
    for person, account in account_queries.staff_accounts(session=session, unit_id=task.directive.unit_id):
        if account.id == account_id:
            continue  # staff who reported on a cell's behalf already saw the thank-you
        if (person.preferences or {}).get("report_notifications") == "digest":
            continue  # they chose /notify digest: the daily digest lists new reports
        lang = account.language
        unit = task.unit.name
        assert task.directive.id is not None
        last = outbox_queries.latest_of_kind(
            session=session, account_id=account.id, kind="report", directive_id=task.directive.id
        )
        # An amendment keeps its own message (what changed matters); new reports gather.
        gathering = report.version == 1 and last is not None and bool(last.payload.get("gathered"))
        if last is not None and last.status == "pending" and gathering:
            # Only the names shown are kept, with the count: the row stays small however many
            # reports it gathers (re-read and re-written at every report of a storm).
            units = list(last.payload.get("gathered") or [])
            count = int(last.payload.get("gathered_count") or len(units)) + 1
            if len(units) < GATHER_NAMES:
                units.append(unit)
            if total is None or reported is None:
                counts = outbox_queries.assignment_counts(session=session, directive_id=task.directive.id)
                reported = sum(counts.get(status, 0) for status in REPORTED_STATUSES)
                total = sum(counts.get(status, 0) for status in LIVE_STATUSES)
            payload = {
                **reply_to_payload(
                    Reply(text=_gathered_text(lang, task.name(Translator(lang)), units, count, reported, total))
                ),
                "gathered": units,
                "gathered_count": count,
            }
            if outbox_queries.replace_pending_payload(session=session, message_id=last.id, payload=payload):
                continue
            last = None  # a dispatcher claimed it meanwhile: this report gets its own message
        behalf = t(lang, "report.notify_behalf", name=submitter_name) if report.on_behalf else ""
        key = "report.notify_new" if report.version == 1 else "report.notify_amended"
        text = t(
            lang,
            key,
            unit=task.unit.name,
            directive=task.name(Translator(lang)),
            version=report.version,
            behalf=behalf,
            timing=format_timing(task.deadline, report.on_time, tz, lang),
            summary=summary_lines(template, answers, lang),
        )
        went = (last.sent_at or last.claimed_at) if last is not None and gathering else None
        due_at = max(now, went + GATHER_WINDOW) if went is not None else now
        payload = reply_to_payload(Reply(text=text))
        outbox_queries.insert_message(
            session=session,
            account_id=account.id,
            kind="report",
            payload={**payload, "gathered": [unit], "gathered_count": 1} if report.version == 1 else payload,
            due_at=due_at,
            created_at=now,
            dedupe_key=f"report:{report.id}:{account.id}",
            directive_id=task.directive.id,
            assignment_id=task.assignment.id,
        )


def _gathered_text(lang: str, title: str, units: list[str], count: int, reported: int, total: int) -> str:
    """``count`` reports gathered, of which ``units`` are the first (at most GATHER_NAMES) names."""
    named = ", ".join(units[:GATHER_NAMES])
    if count > len(units[:GATHER_NAMES]):
        named = t(lang, "report.gathered_more", units=named, count=count - len(units[:GATHER_NAMES]))
    return t(lang, "report.gathered", count=count, directive=title, units=named, reported=reported, total=total)


def store_attachment(
    *, attachments_dir: Path, max_bytes: int, assignment_id: int, attachment: Attachment
) -> dict[str, Any]:
    """Keep the channel's file id and, when downloaded, a copy under attachments_dir/<assignment>/."""
    size = attachment.size if attachment.size is not None else len(attachment.content or b"")
    if size > max_bytes or len(attachment.content or b"") > max_bytes:
        raise AttachmentTooLarge(max_bytes)
    stored: dict[str, Any] = {
        "kind": attachment.kind,
        "file_id": attachment.file_id,
        "name": attachment.file_name,
        "mime_type": attachment.mime_type,
        "size": size,
        "path": None,
    }
    if attachment.content is not None:
        folder = Path(attachments_dir) / str(assignment_id)
        folder.mkdir(parents=True, exist_ok=True)
        # A random prefix: two uploads with the same name never overwrite each other.
        name = _SAFE_NAME_RE.sub("_", attachment.file_name or attachment.kind)[-80:] or "file"
        path = folder / f"{uuid.uuid4().hex[:12]}-{name}"
        path.write_bytes(attachment.content)
        stored["path"] = str(path)
    return stored

"""The daily digest to staff at DIGEST_AT local time: per open directive of their unit,
reported / assigned, overdue cells, and the reports that came in during the 24 hours before
the digest moment (each report is listed once, even when a digest goes out late). A directive
every unit has reported, with no report new since the last digest, is left out; a digest with
nothing left in it is not sent.

Staff who chose "/notify digest" get no message per report: this digest is where they see
them. One digest per staff account per day (dedupe key), whoever runs the job."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session

from ground.messages import Reply
from services import outbox, report_periods
from services.i18n import Translator
from services.localtime import format_date, local_to_utc, to_local
from services.reminders import texts
from services.reminders.config import ReminderConfig
from services.reminders.planner import DONE_STATUSES
from storage.queries import outbox as outbox_queries
from storage.queries import reminders as queries
from storage.tables import Directive


def digest_moment(now: datetime, cfg: ReminderConfig) -> datetime | None:
    """Today's digest time if it has passed (local), else None."""
    local = to_local(now, cfg.tz)
    hour, minute = (int(x) for x in cfg.digest_at.split(":"))
    moment = local_to_utc(datetime.combine(local.date(), time(hour, minute)), cfg.tz)
    return moment if now >= moment else None


def _directive_lines(
    t: Translator, session: Session, directive: Directive, since: datetime, now: datetime, tz: ZoneInfo
) -> list[str]:
    rows = queries.live_assignments(session=session, directive_id=directive.id)
    reported = [u for a, u in rows if a.status in DONE_STATUSES]
    deadlines = queries.deadlines_of(session=session, directive_id=directive.id)
    # Overdue as /status and the export count it (services/report_periods.py): the one-off
    # report deadline's cells, then each period gone by that cells missed.
    overdue, _requests = report_periods.directive_overdue(
        session=session, directive_id=directive.id, deadlines=deadlines, scope_paths=[""], now=now
    )
    units = {u.id: u for _a, u in rows}
    rules = {d.id: d for d in report_periods.rules(deadlines)}
    fresh = [
        u
        for _r, u in queries.latest_reports_since(
            session=session, directive_id=directive.id, since=since, until=since + timedelta(days=1)
        )
    ]
    if rows and len(reported) == len(rows) and not fresh and not overdue.cells:
        return []  # every unit has reported and nothing came in since: nothing to tell staff

    def codes(ids: Iterable[int]) -> str:
        return ", ".join(sorted(units[i].code for i in ids if i in units))

    lines = [
        t("reminder.digest.directive", directive=texts.title(directive), reported=len(reported), assigned=len(rows)),
        t("reminder.digest.overdue", cells=codes(overdue.one_off)) if overdue.one_off else "",
    ]
    shown = report_periods.shown_periods(overdue)
    for rule_id, due in shown:
        lines.append(
            t(
                "reminder.digest.overdue_period",
                period=report_periods.period_name(t, rules[rule_id], due, tz),
                due=texts.period_due(t, rules[rule_id], due, tz),
                cells=codes(overdue.periods[(rule_id, due)]),
            )
        )
    if len(overdue.periods) > len(shown):
        lines.append(t("reminder.digest.overdue_earlier", count=len(overdue.periods) - len(shown)))
    if fresh:
        lines.append(t("reminder.digest.new_reports", cells=", ".join(dict.fromkeys(u.code for u in fresh))))
    return lines


def run_digest(*, session: Session, now: datetime, config: ReminderConfig) -> int:
    moment = digest_moment(now, config)
    if moment is None:
        return 0
    day = to_local(moment, config.tz).date()
    since = moment - timedelta(days=1)
    queued = 0
    for unit_id, directives in queries.directives_by_unit(session=session).items():
        for _person, account in queries.staff_accounts_with_people(session=session, unit_id=unit_id):
            key = f"digest:{account.id}:{day.isoformat()}"
            if outbox_queries.key_queued(session=session, dedupe_key=key):
                # Queued at an earlier stop today: enqueue would add nothing, so compose nothing
                # (the clock stops hourly; composing every directive each hour was most of its work).
                continue
            t = Translator(account.language)
            lines = [t("reminder.digest.head", date=format_date(day))]
            for directive in directives:
                lines.extend(line for line in _directive_lines(t, session, directive, since, now, config.tz) if line)
            if len(lines) == 1:
                continue  # no directive to tell about: no digest that day
            queued += outbox.enqueue(
                session=session,
                account_id=account.id,
                kind="digest",
                reply=Reply(text="\n".join(lines)),
                due_at=now,
                dedupe_key=key,
            )
    return queued

"""How /status reads in a chat: short lines, the figures staff ask for first, kept under one
Telegram message (the not-reported list is cut and points to /export)."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

from services import directive_texts as texts
from services import report_periods
from services.deadline_words import shown_in
from services.i18n import Translator
from services.number_format import percent_text
from services.reminders import texts as reminder_texts
from services.status import DirectiveStatus, DirectiveSummary
from services.unit_words import leader_short

#: Directives listed by /status, and not-reported units listed by /status <number>.
LIST_LIMIT = 15
MISSING_LIMIT = 40
#: Cells named per period of a recurring report (the rest are counted).
PERIOD_CODES_LIMIT = 20


def pct(t: Translator, value: float | None) -> str:
    return percent_text(value, t.lang) if value is not None else t("status.no_percent")


def summaries_text(t: Translator, found: list[DirectiveSummary], tz: ZoneInfo) -> str:
    if not found:
        return t("status.none")
    lines = [t("status.head")]
    for s in found[:LIST_LIMIT]:
        nearest = texts.when(s.nearest.due_at, tz) if s.nearest is not None else t("status.no_nearest")
        if s.nearest is not None and s.nearest.shown:
            nearest = f"{shown_in(t, s.nearest.shown)} ({nearest})"
        if s.sending is not None:
            # Counted now, the figures would say most units were never assigned.
            lines.append(
                t("status.line_sending", title=texts.title(s.directive, t), done=s.sending.done, total=s.sending.total)
            )
            continue
        c = s.counts
        lines.append(
            t(
                "status.line",
                title=texts.title(s.directive, t),
                assigned=c.assigned,
                acknowledged=c.acknowledged,
                reported=c.reported,
                overdue=c.overdue,
                nearest=nearest,
            )
        )
    if len(found) > LIST_LIMIT:
        lines.append(t("status.more", count=len(found) - LIST_LIMIT))
    example = example_number([s.directive.number for s in found[:LIST_LIMIT]])
    lines.append(t("status.hint", example=example) if example else t("status.hint_plain"))
    return "\n".join(lines)


def example_number(numbers: list[str | None]) -> str | None:
    """A number the user has, as short as /status reads it: "27" for 27-KH/ĐU (the whole number
    when another listed directive starts with the same digits); None when none has a number."""
    leads = [re.match(r"\d+", n.strip()) for n in numbers if n]
    for number in numbers:
        if not number:
            continue
        lead = re.match(r"\d+", number.strip())
        if lead is None:
            return number.strip()
        same = [m for m in leads if m is not None and m.group() == lead.group()]
        return lead.group() if len(same) == 1 else number.strip()
    return None


def status_text(t: Translator, status: DirectiveStatus, number: str, tz: ZoneInfo) -> str:
    c = status.counts
    lines = [
        t("status.title", title=texts.closed_title(t, status.directive, tz)),
        t("status.counts", assigned=c.assigned, acknowledged=c.acknowledged, reported=c.reported, overdue=c.overdue),
    ]
    if status.per_deadline or status.periods:
        lines.append(t("status.deadlines_head"))
        for f in status.per_deadline:
            kind = t(f"directive.kind.{f.deadline.kind}")
            key = "status.deadline_line" if f.counts_overdue else "status.deadline_line_no_overdue"
            lines.append(
                t(
                    key,
                    kind=kind,
                    shown=shown_in(t, f.deadline.shown),
                    reported=f.reported,
                    concerned=f.concerned,
                    overdue=f.overdue,
                )
            )
        lines.extend(_period_lines(t, status, tz))
    if status.total:
        lines.append(t("status.reach", reached=status.reached, total=status.total, percent=pct(t, status.percent)))
    else:
        lines.append(t("status.reach_none"))
    if status.deep:
        lines.append(t("status.groups_head"))
        for g in status.groups:
            lines.append(
                t(
                    "status.group_line",
                    name=g.unit.name,
                    reported=g.reported,
                    cells=g.cells,
                    reached=g.reached,
                    total=g.total,
                    percent=pct(t, g.percent),
                )
            )
    lines.extend(_missing_lines(t, status, number))
    return "\n".join(lines)


def _period_lines(t: Translator, status: DirectiveStatus, tz: ZoneInfo) -> list[str]:
    """Recurring reports: who has reported the last period due and the current one."""
    lines = []
    for p in status.periods:
        due = reminder_texts.period_due(t, p.deadline, p.due_at, tz)
        kind = t("directive.kind.recurring")
        if p.current:
            line = t(
                "status.period_current",
                kind=kind,
                rule=p.deadline.shown,
                due=due,
                reported=p.reported,
                concerned=p.concerned,
            )
        elif p.earlier:
            line = t(
                "status.period_earlier",
                kind=kind,
                rule=p.deadline.shown,
                period=report_periods.period_name(t, p.deadline, p.due_at, tz),
                due=due,
                reported=p.reported,
                concerned=p.concerned,
                overdue=len(p.missing),
            )
        else:
            line = t(
                "status.period_last",
                kind=kind,
                rule=p.deadline.shown,
                due=due,
                reported=p.reported,
                concerned=p.concerned,
                overdue=len(p.missing),
            )
        lines.append(line)
        if p.missing:
            codes = [u.code for u in p.missing]
            cells = ", ".join(codes[:PERIOD_CODES_LIMIT])
            if len(codes) > PERIOD_CODES_LIMIT:
                cells = t("status.period_cells_more", cells=cells, count=len(codes) - PERIOD_CODES_LIMIT)
            lines.append(t("status.period_missing", cells=cells))
    return lines


def _missing_lines(t: Translator, status: DirectiveStatus, number: str) -> list[str]:
    if not status.missing:
        return [t("status.all_reported")]
    lines = [t("status.missing_head", count=len(status.missing))]
    group_id: object = object()
    for m in status.missing[:MISSING_LIMIT]:
        current = m.group.id if m.group is not None else None
        if status.deep and current != group_id:
            lines.append(t("status.missing_group", name=m.group.name) if m.group else t("status.missing_direct"))
            group_id = current
        leader = leader_short(t, m.unit.kind)
        secretaries = ", ".join(m.secretaries) if m.secretaries else t("status.no_secretary", leader=leader)
        lines.append(
            t(
                "status.missing_line",
                code=m.unit.code,
                name=m.unit.name,
                secretaries=secretaries,
                leader=leader,
                overdue=t("status.missing_overdue") if m.overdue else "",
            )
        )
    if len(status.missing) > MISSING_LIMIT:
        lines.append(t("status.missing_more", count=len(status.missing) - MISSING_LIMIT, number=number))
    return lines

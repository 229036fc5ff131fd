"""Reminder, escalation and digest texts, rendered in the recipient account's language."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from ground.messages import Choice, Reply
from services.directive_texts import deadline_text
from services.i18n import Translator
from services.localtime import format_local_datetime, to_local
from storage.tables import Deadline, Directive


def title(directive: Directive) -> str:
    return directive.number or f"#{directive.id}"


def time_left(t: Translator, due_at: datetime, at: datetime, tz: ZoneInfo, *, hours: bool = False) -> str:
    """"còn 3 ngày", "còn 3 giờ", "hôm nay là hạn cuối", "đã quá hạn 2 ngày" (by local dates)."""
    days = (to_local(due_at, tz).date() - to_local(at, tz).date()).days
    if at >= due_at:
        return t("reminder.left.overdue", n=max(-days, 1))
    if days > 0:
        return t("reminder.left.days", n=days)
    if hours:
        return t("reminder.left.hours", n=max(round((due_at - at).total_seconds() / 3600), 1))
    return t("reminder.left.today")


def buttons(t: Translator, assignment_id: int, acknowledged: bool) -> list[list[Choice]]:
    row = [Choice(label=t("reminder.button_report"), data=f"rep:{assignment_id}")]
    if not acknowledged:
        row.append(Choice(label=t("reminder.button_ack"), data=f"ack:{assignment_id}"))
    return [row]


def reminder(t: Translator, directive: Directive, deadline: Deadline, assignment_id: int, *, acknowledged: bool,
             at: datetime, offset: str, tz: ZoneInfo, manual: bool = False) -> Reply:
    left = time_left(t, deadline.due_at, at, tz, hours=offset.startswith("h"))
    text = t("reminder.manual_text" if manual else "reminder.text", directive=title(directive),
             subject=directive.subject, deadline=deadline_text(t, deadline.kind, deadline.shown), left=left)
    return Reply(text=text, choices=buttons(t, assignment_id, acknowledged))


def recurring(t: Translator, directive: Directive, assignment_id: int, *, occurrence: datetime, acknowledged: bool,
              tz: ZoneInfo) -> Reply:
    text = t("reminder.recurring_text", directive=title(directive), subject=directive.subject,
             when=format_local_datetime(occurrence, tz))
    return Reply(text=text, choices=buttons(t, assignment_id, acknowledged))


def offset_label(t: Translator, offset: str) -> str:
    kind, number = offset[:1], offset[1:]
    if offset == "d0":
        return t("reminder.offset.day")
    if kind == "b":
        return t("reminder.offset.before", n=number)
    if kind == "h":
        return t("reminder.offset.hours", n=number)
    if kind == "o":
        return t("reminder.offset.overdue", n=number)
    return t("reminder.offset.recurring")


def cell_lines(t: Translator, units) -> str:  # noqa: ANN001
    return "\n".join(t("reminder.cell_line", code=u.code, name=u.name) for u in units)

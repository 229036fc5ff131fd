"""Reminder, escalation and digest texts, rendered in the recipient account's language."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from ground.messages import Choice, Reply
from services.directive_texts import chat_subject, deadline_text
from services.i18n import Translator
from services.localtime import format_date, format_local_datetime, to_local
from services.outbox import reply_to_payload
from services.parsing.deadlines import Recurrence
from services.reminders.obligation import due_of
from storage.tables import Deadline, Directive


def title(directive: Directive) -> str:
    return directive.number or f"#{directive.id}"


def time_left(t: Translator, due_at: datetime, at: datetime, tz: ZoneInfo, *, hours: bool = False) -> str:
    """ "còn 3 ngày", "còn 2 giờ 30 phút", "còn 30 phút", "hôm nay là hạn cuối", "đã quá hạn 2 ngày".

    Days count by local dates (a deadline 23:59 on 20/8 is "còn 3 ngày" at 08:00 on 17/8).
    On the last day, and for urgent reminders, the time left is counted from ``at`` — the
    moment the message actually goes — and rounded down, never up: at 07:00 for a 07:30
    deadline it says "còn 30 phút", not "còn 1 giờ"."""
    days = (to_local(due_at, tz).date() - to_local(at, tz).date()).days
    if at >= due_at:
        return t("reminder.left.overdue", n=max(-days, 1))
    minutes = int((due_at - at).total_seconds() // 60)
    if days > 0 and not hours and minutes >= 6 * 60:
        return t("reminder.left.days", n=days)
    if hours or minutes < 6 * 60:
        whole, rest = divmod(minutes, 60)
        if whole == 0:
            return t("reminder.left.minutes", n=max(minutes, 1))
        if rest:
            return t("reminder.left.hours_minutes", h=whole, m=rest)
        return t("reminder.left.hours", n=whole)
    return t("reminder.left.today")


def buttons(t: Translator, assignment_id: int, acknowledged: bool) -> list[list[Choice]]:
    row = [Choice(label=t("reminder.button_report"), data=f"rep:{assignment_id}")]
    if not acknowledged:
        row.append(Choice(label=t("reminder.button_ack"), data=f"ack:{assignment_id}"))
    return [row]


def reminder(
    t: Translator,
    directive: Directive,
    deadline: Deadline,
    assignment_id: int,
    *,
    acknowledged: bool,
    at: datetime,
    offset: str,
    tz: ZoneInfo,
    manual: bool = False,
) -> Reply:
    left = time_left(t, due_of(deadline), at, tz, hours=offset.startswith("h"))
    overdue = at >= due_of(deadline)
    text = t(
        "reminder.manual_text" if manual else "reminder.text",
        directive=title(directive),
        subject=chat_subject(t, directive),
        deadline=deadline_text(t, deadline.kind, deadline.shown),
        left=left,
        ask=_ask(t, overdue=overdue, manual=manual),
    )
    return Reply(text=text, choices=buttons(t, assignment_id, acknowledged))


def reminder_payload(
    t: Translator,
    directive: Directive,
    deadline: Deadline,
    assignment_id: int,
    *,
    acknowledged: bool,
    at: datetime,
    offset: str,
    tz: ZoneInfo,
) -> dict[str, Any]:
    """The outbox payload of a planned reminder: the text as planned, plus what the dispatcher
    needs to word it again at the moment it goes and to merge it with others due then."""
    reply = reminder(t, directive, deadline, assignment_id, acknowledged=acknowledged, at=at, offset=offset, tz=tz)
    payload = reply_to_payload(reply)
    payload["reminder"] = {
        "directive": title(directive),
        "subject": chat_subject(t, directive),
        "assignment_id": assignment_id,
        "kind": deadline.kind,
        "shown": deadline.shown,
        "due_at": due_of(deadline).isoformat(),
        "offset": offset,
        "acknowledged": acknowledged,
    }
    return payload


def merged(t: Translator, items: list[dict[str, Any]], *, at: datetime, tz: ZoneInfo) -> Reply:
    """Several reminders due for one cell at one moment, as one message: each directive once,
    each of its deadlines on its own line, the buttons of every directive."""
    by_directive: dict[int, list[dict[str, Any]]] = {}
    seen: set[tuple] = set()
    for item in items:
        # Two reminders of one deadline (after downtime, "3 days" and "1 day" both due) say one thing.
        same = (item["assignment_id"], item["kind"], item["due_at"])
        if same in seen:
            continue
        seen.add(same)
        by_directive.setdefault(item["assignment_id"], []).append(item)
    items = [i for group in by_directive.values() for i in group]
    if len(items) == 1:
        item = items[0]
        text = t(
            "reminder.text",
            directive=item["directive"],
            subject=item["subject"],
            deadline=deadline_text(t, item["kind"], item["shown"]),
            left=_left_of(t, item, at, tz),
            ask=_ask(t, overdue=_overdue(item, at)),
        )
        return Reply(text=text, choices=buttons(t, item["assignment_id"], item["acknowledged"]))
    blocks = []
    choices: list[list[Choice]] = []
    for assignment_id, group in by_directive.items():
        group.sort(key=lambda i: i["due_at"])
        lines = "\n".join(
            t("reminder.merged_line", deadline=deadline_text(t, i["kind"], i["shown"]), left=_left_of(t, i, at, tz))
            for i in group
        )
        blocks.append(
            t("reminder.merged_block", directive=group[0]["directive"], subject=group[0]["subject"], lines=lines)
        )
        acknowledged = all(i["acknowledged"] for i in group)
        if len(by_directive) == 1:
            choices = buttons(t, assignment_id, acknowledged)
        else:
            row = [
                Choice(
                    label=t("reminder.button_report_of", directive=group[0]["directive"]), data=f"rep:{assignment_id}"
                )
            ]
            if not acknowledged:
                row.append(
                    Choice(
                        label=t("reminder.button_ack_of", directive=group[0]["directive"]), data=f"ack:{assignment_id}"
                    )
                )
            choices.append(row)
    ask = _ask(t, overdue=any(_overdue(i, at) for i in items))
    return Reply(text=t("reminder.merged", blocks="\n\n".join(blocks), ask=ask), choices=choices)


def _ask(t: Translator, *, overdue: bool, manual: bool = False) -> str:
    """The closing line: "báo cáo kết quả ngay" once a deadline has passed, "khi hoàn thành"
    before it (a staff member's manual reminder asks plainly until then)."""
    if overdue:
        return t("reminder.ask.now")
    return t("reminder.ask.manual" if manual else "reminder.ask.when_done")


def _overdue(item: dict[str, Any], at: datetime) -> bool:
    return at >= datetime.fromisoformat(item["due_at"])


def _left_of(t: Translator, item: dict[str, Any], at: datetime, tz: ZoneInfo) -> str:
    return time_left(t, datetime.fromisoformat(item["due_at"]), at, tz, hours=item["offset"].startswith("h"))


def recurring(
    t: Translator, directive: Directive, assignment_id: int, *, occurrence: datetime, acknowledged: bool, tz: ZoneInfo
) -> Reply:
    text = t(
        "reminder.recurring_text",
        directive=title(directive),
        subject=chat_subject(t, directive),
        when=format_local_datetime(occurrence, tz),
    )
    return Reply(text=text, choices=buttons(t, assignment_id, acknowledged))


def period_shown(t: Translator, deadline: Deadline, occurrence: datetime, tz: ZoneInfo) -> str:
    """One period of a recurring report, as its rule and this period's due moment:
    "hằng tháng trước ngày 25 (hạn kỳ này: trước 25/1/2027)"."""
    return t("reminder.period", rule=deadline.shown, due=period_due(t, deadline, occurrence, tz))


def period_due(t: Translator, deadline: Deadline, occurrence: datetime, tz: ZoneInfo) -> str:
    """A period's due moment as the rule says it: "trước 25/1/2027" for "trước ngày 25" (due
    23:59 on the 24th, deadline semantics), else the moment ("17:00 4/12/2026")."""
    local = to_local(occurrence, tz)
    try:
        before = Recurrence.from_rule(deadline.recurrence or "").before and local.time() == time(23, 59)
    except ValueError:
        before = False
    if before:
        return t("reminder.period_before", date=format_date(local.date() + timedelta(days=1)))
    return format_local_datetime(occurrence, tz)


def period_deadline(t: Translator, deadline: Deadline, occurrence: datetime, tz: ZoneInfo) -> Deadline:
    """A period of a recurring report worded like a dated deadline (never stored): its reminders
    read "Báo cáo định kỳ: hằng tháng trước ngày 25 (hạn kỳ này: trước 25/1/2027) — còn 3 ngày"."""
    return Deadline(
        id=deadline.id,
        directive_id=deadline.directive_id,
        kind="recurring",
        due_at=occurrence,
        recurrence=deadline.recurrence,
        shown=period_shown(t, deadline, occurrence, tz),
    )


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

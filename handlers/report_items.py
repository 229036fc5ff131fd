"""The question "which item is this report for?" when a directive's one-off report deadline and a
period of its recurring report are both open (services/report_periods.py decides what is open).
Answered with a button or its number; the report then goes on as usual for the item picked."""

from __future__ import annotations

from ground.messages import Reply
from ground.text_limits import cut
from handlers.context import Context
from handlers.flow_state import FlowState
from services import report_periods, reports
from services.report_text import format_due, overdue_days


def ask(ctx: Context, flow: str, step: str, state: FlowState, items: list[reports.Task]) -> list[Reply]:
    """Start the flow at ``step`` and ask which of ``items`` the report answers."""
    ctx.flow_start(flow, step, state)
    rows = []
    for n, task in enumerate(items):
        due = format_due(task.deadline, ctx.deps.tz, ctx.lang)
        if task.is_period:
            label = due[:1].upper() + due[1:]  # "Kỳ tháng 1/2027: trước 25/1/2027 (23:59 24/1/2027)"
        else:
            kind = ctx.t(f"directive.kind.{task.deadline.kind}") if task.deadline is not None else ""
            label = ctx.t("report.pick_item_once", kind=kind, due=due)
        rows.append([ctx.flow_button(cut(label, 60), f"i:{n}")])
    return [Reply(text=ctx.t("report.pick_period", directive=items[0].name(ctx.t)), choices=rows)]


def picked(ctx: Context, assignment_id: int | None, offered: list[str], value: str) -> reports.Task | None:
    """The task of the item picked (by its place among those offered), or None when stale."""
    if not value.isdigit() or int(value) >= len(offered) or assignment_id is None:
        return None
    return reports.get_task(
        session=ctx.session, assignment_id=assignment_id, item=offered[int(value)], lang=ctx.lang, tz=ctx.deps.tz
    )


def due_words(ctx: Context, task: reports.Task) -> str | None:
    """What a directive with a recurring report waits for, as /mytasks and /doc say it: the
    open one-off report, a period gone by unreported ("kỳ tháng 11/2026: trước 25/11/2026 — đã
    quá hạn 3 ngày"), the current period ("kỳ tháng 12/2026: trước 25/12/2026"); when all are
    reported, the next period. None for a directive without a rule."""
    items = reports.report_items(session=ctx.session, task=task, now=ctx.now, tz=ctx.deps.tz, lang=ctx.lang)
    if not items.rules:
        return None
    parts = []
    one_off = [i for i in items.open if not i.is_period]
    shown = [*one_off, *items.waiting, *([items.upcoming] if items.upcoming is not None else [])]
    for item in shown:
        if item.is_period:
            assert item.deadline is not None and item.period_due is not None  # a period's task is dated
            due = report_periods.period_due_text(ctx.t, item.deadline, item.period_due, ctx.deps.tz)
        else:
            kind = ctx.t(f"directive.kind.{item.deadline.kind}") if item.deadline is not None else ""
            due = format_due(item.deadline, ctx.deps.tz, ctx.lang)
            due = f"{kind}: {due}" if kind else due
        days = overdue_days(item.deadline, "assigned", ctx.now, ctx.deps.tz)
        parts.append(ctx.t("report.period.overdue", period=due, days=days) if days is not None else due)
    text = "; ".join(dict.fromkeys(parts))
    return text[:1].upper() + text[1:]


def mytasks_words(ctx: Context, task: reports.Task, due: str, status: str) -> dict[str, str]:
    """/mytasks' "Hạn: … — status" of one task: a directive with a recurring report says its
    items (``due_words``), each with its own overdue days, and the plain status."""
    words = due_words(ctx, task)
    if words is None:
        return {"due": due, "status": status}
    return {"due": words, "status": ctx.t(f"report.status.{task.assignment.status}")}

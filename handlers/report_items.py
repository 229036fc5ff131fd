"""The question "which item is this report for?" when a directive's one-off report deadline and a
period of its recurring report are both open (services/report_periods.py decides what is open).
Answered with a button or its number; the report then goes on as usual for the item picked."""

from __future__ import annotations

from ground.messages import Reply
from ground.text_limits import cut
from handlers.context import Context
from handlers.flow_state import FlowState
from services import reports
from services.report_text import format_due


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

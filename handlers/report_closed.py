"""An answer to the report form typed after the form closed (sent, cancelled, timed out):
said plainly, with how to start again; never stored, never "Tôi chưa hiểu".

Registered after every other text handler: a one-line report ("bc 141 …") or "đã nhận"
typed outside a form are taken by theirs first.
"""

from __future__ import annotations

from ground.messages import Reply
from ground.text_limits import cut
from handlers.context import Context
from handlers.router import Router
from services import reports
from services.report_answers import reads_as_answer
from services.report_templates import template_for

#: The report flow's name (handlers/report_flow.py), which menus are recorded under.
REPORT_FLOW = "report"


def closed_form(ctx: Context, text: str) -> list[Reply] | None:
    """ "tốt", "45/50", "xong" with no report form open: the form was closed."""
    if not ctx.actor.has_role("secretary", "staff", "admin") or ctx.flow is not None:
        return None
    unit_ids = [r.unit_id for r in ctx.actor.units("secretary")]
    tasks = reports.open_tasks(session=ctx.session, unit_ids=unit_ids) if unit_ids else []
    templates = {id(t.template()): t.template() for t in tasks} or {0: template_for(None)}
    if not any(reads_as_answer(template, text) for template in templates.values()):
        return None
    return [form_closed(ctx, text)]


def form_closed(ctx: Context, text: str) -> Reply:
    return ctx.reply("report.form_closed", text=cut(text.strip(), 40))


def register(router: Router) -> None:
    router.add_text_handler(closed_form)

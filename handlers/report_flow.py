"""The report flow: one question at a time, a summary, confirm; plus /report, /mytasks and the
quick one-message report ("bc 141 tt+zalo 45/50 tot").

Flow data (kept in the database, so a restart resumes the same step):
  a     assignment id          ans   answers so far, keyed by template field
  hist  steps answered before  pp    a percentage typed before the total ("90%")
  ed    editing from summary   quick ask only required answers still missing
  sel   multi-choice picks made with buttons, not yet confirmed with "Xong"
  beh   staff reporting on behalf of the cell
Permission is checked again on every step: a role can be lost mid-flow.
"""

from __future__ import annotations

from typing import Any

from handlers.context import Context
from ground.messages import Choice, Reply
from handlers.router import Router
from services import reports
from services.parsing.vn_text import normalize
from services.report_answers import Parsed, Problem, check_answers, is_quick_report, parse_field, parse_quick
from services.report_templates import Template, TemplateField
from services.report_text import format_due, format_timing, format_value, summary_lines
from storage.queries import units as unit_queries

FLOW = "report"
SUMMARY, EDIT, PICK = "_summary", "_edit", "_pick"
#: Typed words that work like the control buttons on channels without buttons.
_CONTROL_WORDS = {"quay lai": "back", "back": "back", "bo qua": "skip", "skip": "skip", "xong": "done", "done": "done",
                  "xac nhan": "ok", "confirm": "ok", "sua": "edit", "edit": "edit"}

#: Questions that read a bare number themselves ("45" people reached), whatever menu is shown.
#: On the others a number names an option of the menu (a choice's options come first, in the
#: order the flow numbers them, so "2" is the second option either way).
_NUMBER_ANSWER_TYPES = ("integer", "percentage", "text", "date")


def problem_text(ctx: Context, problem: Problem) -> str:
    return ctx.t(f"report.error.{problem.key}", **problem.params)


class ReportFlow:
    name = FLOW
    roles = frozenset({"secretary", "staff", "admin"})

    def describe(self, ctx: Context) -> str:
        return ctx.t("report.describe")

    # ---- entry points -------------------------------------------------------------------
    def start(self, ctx: Context, task: reports.Task, *, answers: dict[str, Any] | None = None, quick: bool = False,
              pending: float | None = None, notes: list[Reply] | None = None) -> list[Reply]:
        role = reports.reporting_role(ctx.actor, task.unit)
        if role is None:
            return self._deny(ctx, task.assignment.id)
        if not reports.is_open(task):
            return [ctx.reply("report.not_open")]
        ctx.flow_start(FLOW, SUMMARY, {"a": task.assignment.id, "ans": answers or {}, "hist": [], "pp": pending,
                                       "quick": quick, "beh": role == "staff"})
        intro = [ctx.reply("report.start", directive=task.title, unit=task.unit.name, due=format_due(task.deadline, ctx.deps.tz, ctx.lang))]
        if role == "staff":
            intro.append(ctx.reply("report.on_behalf", unit=task.unit.name))
        return intro + (notes or []) + self._advance(ctx, task.template(), None, set())

    def on_text(self, ctx: Context, text: str) -> list[Reply]:
        if ctx.state.step == PICK:
            return [ctx.reply("report.pick")]
        task = self._task(ctx)
        if isinstance(task, list):
            return task
        control = _CONTROL_WORDS.get(normalize(text))
        if control is not None:
            handled = self._control(ctx, task, control)
            if handled is not None:
                return handled
        step = ctx.state.step
        if step in (SUMMARY, EDIT):
            return self._ask(ctx, task.template(), step)
        return self._answer(ctx, task.template(), step, text)

    def on_button(self, ctx: Context, value: str) -> list[Reply]:
        if ctx.state.step == PICK and value.startswith("p:"):
            return self._picked(ctx, value[2:])
        task = self._task(ctx)
        if isinstance(task, list):
            return task
        template, step = task.template(), ctx.state.step
        if value.startswith("o:") and step in template.keys():
            return self._option(ctx, template, template.field(step), value[2:])
        if value.startswith("e:") and step == EDIT and value[2:] in template.keys():
            ctx.flow_goto(value[2:], ed=True)
            return self._ask(ctx, template, value[2:])
        return self._control(ctx, task, value) or [ctx.reply("button.stale")]

    def on_attachment(self, ctx: Context) -> list[Reply]:
        task = self._task(ctx)
        if isinstance(task, list):
            return task
        template, step = task.template(), ctx.state.step
        field = template.field(step) if step in template.keys() else None
        if field is None or field.type != "attachment":
            wanted = next((f for f in template.fields if f.type == "attachment"), None)
            if wanted is None:
                return [ctx.reply("report.attachment_no_field")]
            return [ctx.reply("report.attachment_not_now", label=wanted.label(ctx.lang))]
        attachment = ctx.incoming.attachment
        try:
            stored = reports.store_attachment(attachments_dir=ctx.deps.settings.attachments_dir,
                                                max_bytes=ctx.deps.settings.max_upload_bytes, assignment_id=task.assignment.id, attachment=attachment)
        except reports.AttachmentTooLarge as exc:
            return [ctx.reply("report.attachment_too_large", name=attachment.file_name or "", max_mb=_mb(exc.limit))]
        answers = ctx.flow_data["ans"]
        files = list(answers.get(step) or []) + [stored]
        ctx.flow_goto(step, ans={**answers, step: files})
        return [ctx.reply("report.attachment_saved", name=attachment.file_name or attachment.kind), *self._ask(ctx, template, step)]

    # ---- steps --------------------------------------------------------------------------
    def _answer(self, ctx: Context, template: Template, step: str, text: str) -> list[Reply]:
        data = ctx.flow_data
        parsed = parse_field(template, step, text, data["ans"], lang=ctx.lang, today=ctx.now.date(), pending_percent=data.get("pp"))
        if parsed.problem is not None:
            # Same step, nothing stored: one sentence saying what is expected, then the question.
            return [Reply(text=problem_text(ctx, parsed.problem)), *self._ask(ctx, template, step, fresh=False)]
        return self._accept(ctx, template, step, parsed)

    def _accept(self, ctx: Context, template: Template, step: str, parsed: Parsed) -> list[Reply]:
        data = ctx.flow_data
        answers = {**data["ans"], **parsed.values}
        updates: dict[str, Any] = {"ans": answers, "sel": [], "pp": parsed.pending_percent}
        if parsed.pending_percent is not None and template.ratio is not None:
            ctx.flow_goto(template.ratio.whole, hist=[*data["hist"], step], **updates)
            note = ctx.reply("report.pending_percent", percent=_fmt(parsed.pending_percent))
            return [note, *self._ask(ctx, template, template.ratio.whole)]
        ctx.flow_goto(step, hist=[*data["hist"], step], **updates)
        return self._advance(ctx, template, step, set(parsed.values))

    def _advance(self, ctx: Context, template: Template, after: str | None, filled: set[str]) -> list[Reply]:
        """Ask the next question, or show the summary when there is none."""
        data = ctx.flow_data
        step = SUMMARY if data.get("ed") else _next_step(template, data, after, filled)
        ctx.flow_goto(step, ed=False if step == SUMMARY else data.get("ed", False))
        return self._ask(ctx, template, step)

    def _option(self, ctx: Context, template: Template, field: TemplateField, value: str) -> list[Reply]:
        if field.type == "yes_no" and value in ("yes", "no"):
            return self._accept(ctx, template, field.key, Parsed(values={field.key: value == "yes"}))
        if field.option(value) is None:
            return [ctx.reply("button.stale")]
        if field.type == "choice":
            return self._accept(ctx, template, field.key, Parsed(values={field.key: {"value": value}}))
        selected = list(ctx.flow_data.get("sel") or [])
        selected = [v for v in selected if v != value] if value in selected else [*selected, value]
        ctx.flow_goto(field.key, sel=selected)
        return self._ask(ctx, template, field.key)

    def _control(self, ctx: Context, task: reports.Task, action: str) -> list[Reply] | None:
        """Back, skip, done, confirm, edit; None when the action does not apply to this step."""
        template, step, data = task.template(), ctx.state.step, ctx.flow_data
        if action == "back":
            if step in template.keys() and data.get("ed") or step == EDIT:
                ctx.flow_goto(SUMMARY, ed=False, sel=[], pp=None)
                return self._ask(ctx, template, SUMMARY)
            if not data["hist"]:
                return [ctx.reply("report.nothing_back"), *self._ask(ctx, template, step, fresh=False)]
            previous = data["hist"][-1]
            ctx.flow_goto(previous, hist=data["hist"][:-1], sel=[], pp=None)
            return self._ask(ctx, template, previous)
        if step in template.keys():
            field = template.field(step)
            if action == "skip":
                if field.required:
                    return [ctx.reply("report.skip_required", label=field.label(ctx.lang)), *self._ask(ctx, template, step, fresh=False)]
                return self._accept(ctx, template, step, Parsed(values={step: [] if field.type == "attachment" else None}))
            if action == "done" and field.type == "multi_choice" and data.get("sel"):
                return self._accept(ctx, template, step, Parsed(values={step: {"values": data["sel"], "other": None}}))
            if action == "done" and field.type == "attachment":
                return self._accept(ctx, template, step, Parsed(values={step: data["ans"].get(step) or []}))
        if step == SUMMARY and action == "ok":
            return self._confirm(ctx, task)
        if step == SUMMARY and action == "edit":
            ctx.flow_goto(EDIT)
            return self._ask(ctx, template, EDIT)
        return None

    def _confirm(self, ctx: Context, task: reports.Task) -> list[Reply]:
        data = ctx.flow_data
        template = task.template()
        problems = check_answers(template, data["ans"], lang=ctx.lang)
        if problems:
            step = _next_step(template, {**data, "quick": True}, None, set())
            ctx.flow_goto(step)
            return [ctx.reply("report.not_saved", problems="; ".join(problem_text(ctx, p) for p in problems)), *self._ask(ctx, template, step)]
        report = reports.submit_report(
            session=ctx.session, task=task, answers=data["ans"], person_id=ctx.actor.person_id, account_id=ctx.actor.account_id,
            on_behalf=bool(data.get("beh")), submitter_name=ctx.actor.name, now=ctx.now, config=ctx.deps.reminders,
        )
        ctx.outbox_touched = True
        ctx.audit("report", unit_id=task.unit.id, directive_id=task.directive.id, assignment_id=task.assignment.id,
                  report_id=report.id, version=report.version, on_behalf=report.on_behalf, on_time=report.on_time)
        ctx.flow_end()
        timing = format_timing(task.deadline, report.on_time, ctx.deps.tz, ctx.lang)
        key = "report.saved" if report.version == 1 else "report.saved_amended"
        return [ctx.reply(key, directive=task.title, unit=task.unit.name, timing=timing, version=report.version)]

    def _picked(self, ctx: Context, raw_id: str) -> list[Reply]:
        task = reports.get_task(session=ctx.session, assignment_id=_id(raw_id)) if _id(raw_id) else None
        if task is None:
            return [ctx.reply("button.stale")]
        data = ctx.flow_data
        # Only a quick report that gave answers skips the optional questions.
        return self.start(ctx, task, answers=data.get("ans"), quick=bool(data.get("ans")), pending=data.get("pp"))

    # ---- questions ----------------------------------------------------------------------
    def _ask(self, ctx: Context, template: Template, step: str, *, fresh: bool = True) -> list[Reply]:
        data = ctx.flow_data
        # Made only where shown: an offered button is remembered (typed words, the menu again).
        def back() -> list[Choice]:
            return [ctx.flow_button(ctx.t("report.button.back"), "back")]

        if step == SUMMARY:
            task = self._task(ctx)
            text = ctx.t("report.summary", directive=task.title, unit=task.unit.name, lines=summary_lines(template, data["ans"], ctx.lang))
            return [Reply(text=text, choices=[[ctx.flow_button(ctx.t("report.button.confirm"), "ok"), ctx.flow_button(ctx.t("report.button.edit"), "edit")]])]
        if step == EDIT:
            rows = [[ctx.flow_button(f.label(ctx.lang)[:40], f"e:{f.key}")] for f in template.fields]
            return [Reply(text=ctx.t("report.edit_pick"), choices=[*rows, back()])]
        field = template.field(step)
        if field.type in _NUMBER_ANSWER_TYPES:
            ctx.expect_number()
        lines = [_question(ctx, template, field)]
        if data.get("sel"):
            labels = ", ".join(field.option(v).label(ctx.lang) for v in data["sel"] if field.option(v))
            lines.append(ctx.t("report.ask.multi_selected", selected=labels))
        if not field.required:
            lines.append(ctx.t("report.ask.optional"))
        if fresh and data["ans"].get(step) not in (None, [], "") and field.type != "attachment":
            lines.append(ctx.t("report.ask.current", value=format_value(template, field, data["ans"], ctx.lang)))
        rows: list[list[Choice]] = [[ctx.flow_button(o.label(ctx.lang)[:40], f"o:{o.value}")] for o in field.options]
        if field.type == "yes_no":
            rows = [[ctx.flow_button(ctx.t("report.button.yes"), "o:yes"), ctx.flow_button(ctx.t("report.button.no"), "o:no")]]
        controls = []
        if field.type == "multi_choice" and data.get("sel") or field.type == "attachment":
            controls.append(ctx.flow_button(ctx.t("report.button.done"), "done"))
        if not field.required:
            controls.append(ctx.flow_button(ctx.t("report.button.skip"), "skip"))
        if data["hist"] or data.get("ed"):
            controls.extend(back())
        return [Reply(text="\n".join(lines), choices=[*rows, controls] if controls else rows)]

    # ---- permission ---------------------------------------------------------------------
    def _task(self, ctx: Context) -> reports.Task | list[Reply]:
        """The flow's assignment, re-checked: still open and still this actor's to report."""
        assignment_id = ctx.flow_data.get("a")
        task = reports.get_task(session=ctx.session, assignment_id=int(assignment_id or 0))
        if task is None or reports.reporting_role(ctx.actor, task.unit) is None:
            ctx.flow_end()
            return self._deny(ctx, assignment_id)
        if not reports.is_open(task):
            ctx.flow_end()
            return [ctx.reply("report.not_open")]
        return task

    @staticmethod
    def _deny(ctx: Context, assignment_id: Any) -> list[Reply]:
        ctx.audit("denied", button=f"rep:{assignment_id}", assignment_id=assignment_id)
        return [ctx.reply("auth.denied")]


def _question(ctx: Context, template: Template, field: TemplateField) -> str:
    label = field.label(ctx.lang)
    ratio = template.ratio
    if ratio is not None and field.key == ratio.part:
        return ctx.t("report.ask.ratio_part", label=label)
    if ratio is not None and field.key == ratio.whole:
        return ctx.t("report.ask.ratio_whole", label=label)
    if field.type == "choice":
        return ctx.t("report.ask.choice_other" if field.allow_other else "report.ask.choice", label=label)
    if field.type == "text":
        return ctx.t("report.ask.text", label=label, max=field.max_length)
    if field.type == "attachment":
        return ctx.t("report.ask.attachment", label=label, max_mb=_mb(ctx.deps.settings.max_upload_bytes))
    return ctx.t(f"report.ask.{field.type}", label=label)


def _next_step(template: Template, data: dict[str, Any], after: str | None, filled: set[str]) -> str:
    """The next question: in order after ``after``, skipping what this answer filled; in a
    quick report only required questions still unanswered."""
    keys = template.keys()
    start = keys.index(after) + 1 if after in keys else 0
    for f in template.fields[start:]:
        if data.get("quick"):
            if f.required and data["ans"].get(f.key) in (None, [], ""):
                return f.key
        elif f.key not in filled:
            return f.key
    return SUMMARY


def _id(text: str) -> int | None:
    """A row id from button data; forged data (non-ASCII digits, huge numbers) is no id."""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 9 else None


def _mb(limit: int) -> str:
    return _fmt(round(limit / (1024 * 1024), 1))


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


# ---- commands and entry points ------------------------------------------------------------
def register(router: Router) -> None:
    flow = ReportFlow()
    router.add_flow(flow)

    @router.button("rep", roles=("secretary", "staff", "admin"))
    def report_button(ctx: Context, args: str) -> list[Reply]:
        """The "Báo cáo" button of a directive: the assignment must be this actor's to report."""
        task = reports.get_task(session=ctx.session, assignment_id=_id(args)) if _id(args) else None
        if task is None:
            return flow._deny(ctx, args[:20])
        return flow.start(ctx, task)

    @router.command("report", roles=("secretary", "staff", "admin"), help_key="report.help_report")
    def report_command(ctx: Context, args: str) -> list[Reply]:
        """Report on one open assignment; several open ones are listed, nearest deadline first."""
        unit_ids = [r.unit_id for r in ctx.actor.units("secretary")]
        if args:
            unit = unit_queries.get_unit_by_code(session=ctx.session, code=args.split()[0])
            if unit is None or reports.reporting_role(ctx.actor, unit) is None:
                return [ctx.reply("report.unit_unknown", code=args.split()[0][:32])]
            unit_ids = [unit.id]
        elif not unit_ids:
            return [ctx.reply("report.staff_usage")]
        tasks = reports.open_tasks(session=ctx.session, unit_ids=unit_ids)
        if len(tasks) == 1:
            return flow.start(ctx, tasks[0])
        return _pick_list(ctx, tasks, lambda task: f"rep:{task.assignment.id}")

    @router.command("mytasks", roles=("secretary",), help_key="report.help_mytasks")
    def mytasks(ctx: Context, args: str) -> list[Reply]:
        """Open assignments of the secretary's cells with deadlines and status, nearest first."""
        replies = []
        for role in ctx.actor.units("secretary"):
            tasks = reports.open_tasks(session=ctx.session, unit_ids=[role.unit_id])
            if not tasks:
                replies.append(ctx.reply("report.mytasks_none"))
                continue
            lines = [ctx.t("report.mytasks_header", unit=role.unit_name)] + [
                ctx.t("report.mytasks_line", directive=t.title, subject=t.directive.subject[:120],
                      due=format_due(t.deadline, ctx.deps.tz, ctx.lang), status=ctx.t(f"report.status.{t.assignment.status}"))
                for t in tasks
            ]
            buttons = [[Choice(label=f"{ctx.t('report.button.report')}: {t.title}"[:60], data=f"rep:{t.assignment.id}")] for t in tasks]
            replies.append(Reply(text="\n".join(lines), choices=buttons))
        return replies

    def quick_report(ctx: Context, text: str) -> list[Reply] | None:
        """"bc 141 tt+zalo 45/50 tot": fill what was understood, ask only what is missing."""
        if not is_quick_report(text) or not ctx.actor.has_role("secretary"):
            return None
        tasks = reports.open_tasks(session=ctx.session, unit_ids=[r.unit_id for r in ctx.actor.units("secretary")])
        if not tasks:
            return [ctx.reply("report.no_open")]
        # Every template of the candidate directives reads the message the same way only if
        # they share it; the first task's template is used until the directive is known.
        quick = parse_quick(tasks[0].template(), text, lang=ctx.lang, today=ctx.now.date())
        if quick.ref:
            tasks = [t for t in tasks if _number_matches(t.directive.number, quick.ref)]
            if not tasks:
                return [ctx.reply("report.quick_unknown_ref", ref=quick.ref[:32])]
        notes = _quick_notes(ctx, tasks[0].template(), quick)
        if len(tasks) == 1:
            return flow.start(ctx, tasks[0], answers=quick.values, quick=bool(quick.values), pending=quick.pending_percent, notes=notes)
        ctx.flow_start(FLOW, PICK, {"ans": quick.values, "pp": quick.pending_percent, "hist": []})
        return notes + _pick_list(ctx, tasks, lambda task: None)

    router.add_text_handler(quick_report)


def _number_matches(number: str | None, ref: str) -> bool:
    """"141" names 141-CV/ĐUK but not 1410-CV/ĐUK."""
    folded = normalize(number or "")
    return folded == ref or folded.startswith((ref + "-", ref + "/"))


def _quick_notes(ctx: Context, template: Template, quick: Any) -> list[Reply]:
    labels = [f.label(ctx.lang) for f in template.fields if f.key in quick.values]
    notes = [ctx.reply("report.quick_understood", fields=", ".join(labels))] if labels else [ctx.reply("report.quick_nothing")]
    return notes + [Reply(text=problem_text(ctx, p)) for p in quick.problems]


def _pick_list(ctx: Context, tasks: list[reports.Task], data_of: Any) -> list[Reply]:
    if not tasks:
        return [ctx.reply("report.no_open")]
    rows = []
    for task in tasks:
        label = ctx.t("report.pick_item", directive=task.title, due=format_due(task.deadline, ctx.deps.tz, ctx.lang))[:60]
        data = data_of(task)
        rows.append([Choice(label=label, data=data) if data else ctx.flow_button(label, f"p:{task.assignment.id}")])
    return [Reply(text=ctx.t("report.pick"), choices=rows)]

"""The report flow: one question at a time, a summary, confirm; plus /report, /mytasks and the
quick one-message report ("bc 141 tt+zalo 45/50 tot").

The state (ReportState) is kept in the database, so a restart resumes the same step. The steps
are the template's questions (one step per field key), the summary, the edit list, and the
pick list of a quick report that named no directive.
Permission is checked again on every step: a role can be lost mid-flow.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from ground.messages import Choice, Reply
from ground.text_limits import cut
from handlers import report_items
from handlers.context import Context
from handlers.directives_view import acknowledge
from handlers.flow_state import FlowState, required
from handlers.flow_steps import Step, StepFlow
from handlers.report_closed import REPORT_FLOW
from handlers.router import Router
from handlers.typed_ack import ack_words, typed_ack
from services import chat_menus, report_history, reports
from services.directive_texts import chat_subject
from services.localtime import format_date, format_local_datetime, to_local
from services.parsing.vn_text import normalize
from services.report_answers import (
    NONE_WORDS,
    Parsed,
    Problem,
    Quick,
    check_answers,
    is_quick_report,
    looks_like_report,
    option_list,
    parse_field,
    parse_quick,
    with_selection,
    yes_no_word,
)
from services.report_templates import Ratio, Template, TemplateField, template_for
from services.report_text import format_due, format_timing, format_value, overdue_days, summary_lines
from services.unit_words import common_kind, unit_word
from storage.queries import units as unit_queries
from storage.queries.acknowledged import is_acknowledged
from storage.tables import Deadline, Directive

FLOW = REPORT_FLOW
#: A subject in /mytasks: long enough to recognise, short enough for a phone line or two.
SUBJECT_CHARS = 120
#: Subject characters a numberless directive keeps in a button label (labels are cut at 60).
BUTTON_SUBJECT_CHARS = 24
PICK_SUBJECT_CHARS = 18
#: Characters of words nobody placed said back («…» marks the cut; the whole is kept).
UNPLACED_SHOWN_CHARS = 300
SUMMARY, EDIT, PICK = "_summary", "_edit", "_pick"
#: "0/45": nobody reached is asked about once before the questions go on (a likely slip).
ZERO = "_zero"
#: Not stored: the row keeps the field key of the question being asked.
QUESTION = "<question>"
#: Typed words that work like the control buttons on channels without buttons.
_CONTROL_WORDS = {
    "quay lai": "back",
    "back": "back",
    "bo qua": "skip",
    "skip": "skip",
    "xong": "done",
    "done": "done",
    "xac nhan": "ok",
    "confirm": "ok",
    "sua": "edit",
    "edit": "edit",
}

#: Typed words that leave the report as /cancel does, at any of its steps (folded). "dừng" alone
#: is not here: folded it is "dung", which is "đúng" (yes).
_CANCEL_WORDS = frozenset(
    {"huy", "huy bo", "huy bao cao", "thoat", "thoi", "dung lai", "cancel", "exit", "quit", "stop"}
)
#: "ok" typed at a question: what «Xong» / «Xác nhận» would do there, never an answer itself.
_OK_WORDS = frozenset({"ok", "oke", "okay", "ok roi", "dong y"})

#: On an optional free-text question ("Khó khăn, đề xuất?") these replies mean "nothing to
#: add", as pressing «Bỏ qua» does; a secretary types "không" rather than look for the button.
_NOTHING_WORDS = NONE_WORDS | {"-"}

#: Questions that read a bare number themselves ("45" people reached), whatever menu is shown.
#: On the others a number names an option of the menu (a choice's options come first, in the
#: order the flow numbers them, so "2" is the second option either way).
_NUMBER_ANSWER_TYPES = ("integer", "percentage", "date")
#: Free text takes a bare number as its answer too, but one that names an option shown is the
#: option: on Zalo a secretary reading "1. Bỏ qua" under "Khó khăn?" and typing 1 means skip.
_TEXT_TYPES = ("text",)


def problem_text(ctx: Context, problem: Problem) -> str:
    return ctx.t(f"report.error.{problem.key}", **problem.params)


class ReportState(FlowState):
    #: None while a quick report waits for its directive to be picked.
    assignment_id: int | None = None
    #: The item the report answers (a report's answers_for: the one-off deadline or one period
    #: of a recurring rule, services/report_periods.py); the items offered while it is picked.
    item: str | None = None
    items: list[str] = []
    #: Answers so far, keyed by template field.
    answers: dict[str, Any] = {}
    #: Questions answered before this one, for "back".
    history: list[str] = []
    #: A percentage typed before the total ("90%"), turned into a number once the total is known.
    pending_percent: float | None = None
    #: A quick report asks only the required answers still missing.
    quick: bool = False
    #: Staff reporting on behalf of the cell.
    on_behalf: bool = False
    #: Multi-choice picks made with buttons, not yet confirmed with "Xong".
    selected: list[str] = []
    #: Answering one question picked from the summary's edit list.
    editing: bool = False
    #: Words of a one-message report no question could place, offered as the free-text answer.
    unplaced_text: str | None = None
    #: A free answer to a choice question, already asked about once; typed again it is taken as "other".
    other_asked: str | None = None
    #: "0 reached" was confirmed with «Có»: not asked again.
    zero_confirmed: bool = False
    #: Where the questions go on after the "0 reached" question: the step answered, what it filled.
    zero_after: str | None = None
    zero_filled: list[str] = []


def _with_task(handler: Callable[..., list[Reply]]) -> Callable[..., list[Reply]]:
    """The step works on the flow's assignment, re-checked first: still open, still the actor's."""

    @functools.wraps(handler)
    def run(flow: ReportFlow, ctx: Context, state: ReportState, *args: Any) -> list[Reply]:
        task = flow._task(ctx, state)
        if isinstance(task, list):
            return task
        return handler(flow, ctx, state, task, *args)

    return run


class ReportFlow(StepFlow[ReportState]):
    name = FLOW
    roles = frozenset({"secretary", "staff", "admin"})
    state_type = ReportState

    def steps(self) -> dict[str, Step]:
        return {
            PICK: Step(text=self._pick_first, button=self._picked, attachment=self._no_task),
            SUMMARY: Step(text=self._typed_on_list, button=self._summary_button, attachment=self._attachment_elsewhere),
            EDIT: Step(text=self._typed_on_list, button=self._edit_button, attachment=self._attachment_elsewhere),
            ZERO: Step(text=self._zero_typed, button=self._zero_button, attachment=self._attachment_elsewhere),
            QUESTION: Step(text=self._typed_answer, button=self._question_button, attachment=self._attached),
        }

    def step(self, ctx: Context) -> Step | None:
        # Every question of the template is a step of its own name; they all work alike.
        name = ctx.flow_step
        return self.steps()[name if name in (PICK, SUMMARY, EDIT, ZERO) else QUESTION]

    def describe(self, ctx: Context) -> str:
        """Names the directive when one is picked, so a dropped report says which one was left."""
        state = ctx.flow_data(ReportState) if ctx.flow is not None and ctx.flow_readable(ReportState) else None
        picked = state.assignment_id if state is not None else None
        task = reports.get_task(session=ctx.session, assignment_id=picked) if picked else None
        if task is None:
            return ctx.t("report.describe")
        return ctx.t("report.describe_for", directive=task.name(ctx.t))

    # ---- entry points -------------------------------------------------------------------
    def start(
        self,
        ctx: Context,
        task: reports.Task,
        *,
        answers: dict[str, Any] | None = None,
        quick: bool = False,
        pending: float | None = None,
        notes: list[Reply] | None = None,
        unplaced: str | None = None,
        asked_other: str | None = None,
        picked: bool = False,
    ) -> list[Reply]:
        role = reports.reporting_role(ctx.actor, task.unit)
        if role is None:
            return self._deny(ctx, task.assignment.id)
        if not reports.is_open(task):
            return [_not_open(ctx, task)]
        if not picked:
            # One item open: that one; several (the one-off report and a period): asked.
            items = reports.report_items(session=ctx.session, task=task, now=ctx.now, tz=ctx.deps.tz, lang=ctx.lang)
            if len(items.open) > 1:
                state = ReportState(
                    assignment_id=task.assignment.id,
                    items=[i.answers_for for i in items.open],
                    answers=answers or {},
                    pending_percent=pending,
                    unplaced_text=unplaced,
                    other_asked=asked_other,
                )
                return (notes or []) + report_items.ask(ctx, FLOW, PICK, state, items.open)
            task = items.open[0] if items.open else items.fallback
        state = ReportState(
            assignment_id=task.assignment.id,
            item=task.answers_for,
            answers=answers or {},
            pending_percent=pending,
            quick=quick,
            on_behalf=role == "staff",
            unplaced_text=unplaced,
            other_asked=asked_other,
        )
        ctx.flow_start(FLOW, SUMMARY, state)
        intro = [
            ctx.reply(
                "report.start",
                directive=task.name(ctx.t),
                unit=task.unit.name,
                due=format_due(task.deadline, ctx.deps.tz, ctx.lang),
            )
        ]
        if role == "staff":
            intro.append(ctx.reply("report.on_behalf", unit=task.unit.name))
        sent = report_history.latest_report(session=ctx.session, task=task)
        if sent is not None:
            # Said before the first question: what is typed now replaces what was sent.
            figures = report_history.figures_of(task, sent, ctx.lang)
            intro.append(
                ctx.reply(
                    "report.already_sent",
                    unit=task.unit.name,
                    when=format_local_datetime(sent.submitted_at, ctx.deps.tz),
                    version=str(sent.version),
                    figures=f": {figures}" if figures else "",
                    next=str(sent.version + 1),
                )
            )
        return _as_one_message(intro + (notes or []) + self._next_question(ctx, state, task, set()))

    def _next_question(self, ctx: Context, state: ReportState, task: reports.Task, filled: set[str]) -> list[Reply]:
        """The question after a one-message report; a percentage given without its total ("bc 27
        truc tiep 90% tot") is said to be noted and the total asked, as when 90% is typed at the
        question."""
        ratio = task.template().ratio
        if state.pending_percent is None or ratio is None or state.answers.get(ratio.whole) is not None:
            return self._advance(ctx, state, task, None, filled)
        ctx.flow_goto(ratio.whole, state)
        note = ctx.reply("report.pending_percent", percent=_fmt(state.pending_percent))
        return [note, *self._ask(ctx, state, task, ratio.whole)]

    # ---- what each step does with text, buttons and files -----------------------------------
    def _pick_first(self, ctx: Context, state: ReportState, text: str) -> list[Reply]:
        return [ctx.reply("report.pick")]

    def _picked(self, ctx: Context, state: ReportState, value: str) -> list[Reply]:
        if value.startswith("i:"):  # one item of the directive picked (handlers/report_items.py)
            task = report_items.picked(ctx, state.assignment_id, state.items, value[2:])
            if task is None:
                return [ctx.reply("button.stale")]
            return self._restart(ctx, state, task, picked=True)
        if not value.startswith("p:"):
            return self._no_task(ctx, state)
        assignment_id = _id(value[2:])
        task = reports.get_task(session=ctx.session, assignment_id=assignment_id) if assignment_id else None
        if task is None:
            return [ctx.reply("button.stale")]
        return self._restart(ctx, state, task)

    def _restart(self, ctx: Context, state: ReportState, task: reports.Task, *, picked: bool = False) -> list[Reply]:
        """The form again for the task picked, keeping what was answered so far. Only a quick
        report that gave answers skips the optional questions."""
        return self.start(
            ctx,
            task,
            answers=state.answers,
            quick=bool(state.answers),
            pending=state.pending_percent,
            unplaced=state.unplaced_text,
            asked_other=state.other_asked,
            picked=picked,
        )

    def _no_task(self, ctx: Context, state: ReportState, *args: Any) -> list[Reply]:
        task = self._task(ctx, state)
        assert isinstance(task, list)  # no assignment is chosen on the pick list
        return task

    @_with_task
    def _typed_on_list(self, ctx: Context, state: ReportState, task: reports.Task, text: str) -> list[Reply]:
        handled = self._typed_control(ctx, state, task, text)
        if handled is not None:
            return handled
        if is_quick_report(text):
            quick = parse_quick(task.template(), text, lang=ctx.lang, today=ctx.now.date())
            if quick.ref and not _number_matches(task.directive, quick.ref):
                # "bc 05 …" at 87's summary: said, not dropped without a word.
                return [
                    _other_ref(ctx, task, quick.ref),
                    *self._ask(ctx, state, task, ctx.flow_step, fresh=False),
                ]
        return [ctx.reply("report.list_expects_button"), *self._ask(ctx, state, task, ctx.flow_step, fresh=False)]

    @_with_task
    def _typed_answer(self, ctx: Context, state: ReportState, task: reports.Task, text: str) -> list[Reply]:
        handled = self._typed_control(ctx, state, task, text)
        return handled if handled is not None else self._answer(ctx, state, task, ctx.flow_step, text)

    @_with_task
    def _summary_button(self, ctx: Context, state: ReportState, task: reports.Task, value: str) -> list[Reply]:
        return self._control(ctx, state, task, value) or [ctx.reply("button.stale")]

    @_with_task
    def _edit_button(self, ctx: Context, state: ReportState, task: reports.Task, value: str) -> list[Reply]:
        template = task.template()
        if value.startswith("e:") and value[2:] in template.keys():
            state.editing = True
            ctx.flow_goto(value[2:], state)
            return self._ask(ctx, state, task, value[2:])
        return self._control(ctx, state, task, value) or [ctx.reply("button.stale")]

    @_with_task
    def _question_button(self, ctx: Context, state: ReportState, task: reports.Task, value: str) -> list[Reply]:
        template, step = task.template(), ctx.flow_step
        if value.startswith("o:") and step in template.keys():
            return self._option(ctx, state, task, template.field(step), value[2:])
        return self._control(ctx, state, task, value) or [ctx.reply("button.stale")]

    @_with_task
    def _attached(self, ctx: Context, state: ReportState, task: reports.Task) -> list[Reply]:
        template, step = task.template(), ctx.flow_step
        field = template.field(step) if step in template.keys() else None
        if field is None or field.type != "attachment":
            return self._attachment_not_now(ctx, template)
        attachment = required(ctx.incoming.attachment, "attachment")  # only files reach this step
        try:
            stored = reports.store_attachment(
                attachments_dir=ctx.deps.settings.attachments_dir,
                max_bytes=ctx.deps.settings.max_upload_bytes,
                assignment_id=task.assignment.id,
                attachment=attachment,
            )
        except reports.AttachmentTooLarge as exc:
            return [ctx.reply("report.attachment_too_large", name=attachment.file_name or "", max_mb=_mb(exc.limit))]
        state.answers = {**state.answers, step: [*(state.answers.get(step) or []), stored]}
        ctx.flow_goto(step, state)
        return [
            ctx.reply("report.attachment_saved", name=attachment.file_name or attachment.kind),
            *self._ask(ctx, state, task, step),
        ]

    @_with_task
    def _attachment_elsewhere(self, ctx: Context, state: ReportState, task: reports.Task) -> list[Reply]:
        return self._attachment_not_now(ctx, task.template())

    @staticmethod
    def _attachment_not_now(ctx: Context, template: Template) -> list[Reply]:
        wanted = next((f for f in template.fields if f.type == "attachment"), None)
        if wanted is None:
            return [ctx.reply("report.attachment_no_field")]
        return [ctx.reply("report.attachment_not_now", label=wanted.label(ctx.lang))]

    # ---- answers --------------------------------------------------------------------------
    def _answer(self, ctx: Context, state: ReportState, task: reports.Task, step: str, text: str) -> list[Reply]:
        template = task.template()
        several = self._several_answers(ctx, state, task, step, text)
        if several is not None:
            return several
        parsed = parse_field(
            template,
            step,
            text,
            state.answers,
            lang=ctx.lang,
            today=ctx.now.date(),
            pending_percent=state.pending_percent,
            asked_other=state.other_asked,
        )
        parsed = with_selection(parsed, step, state.selected)
        if parsed.problem is not None and parsed.problem.key == "other_confirm":
            state.other_asked = parsed.problem.params["typed"]
            ctx.flow_goto(step, state)
        if parsed.problem is not None and parsed.kept and template.ratio is not None:
            return self._keep_whole(ctx, state, task, step, parsed)
        if parsed.problem is not None:
            # Same step, nothing stored: one sentence saying what is expected, then the question.
            return [Reply(text=problem_text(ctx, parsed.problem)), *self._ask(ctx, state, task, step, fresh=False)]
        return self._accept(ctx, state, task, step, parsed)

    def _several_answers(
        self, ctx: Context, state: ReportState, task: reports.Task, step: str, text: str
    ) -> list[Reply] | None:
        """A message that answers more than this question ("bc 141 truc tiep + zalo 45/50 tot"
        at the first one) fills every question it answers; None when it answers one at most."""
        template = task.template()
        restated = is_quick_report(text)  # "bc 141 …": the whole report said again, on purpose
        if not restated and step in template.keys() and template.field(step).type == "text":
            return None  # a free-text answer ("thiếu tài liệu, cần thêm kinh phí") is taken whole
        quick = parse_quick(template, text, lang=ctx.lang, today=ctx.now.date())
        if quick.ref and not _number_matches(task.directive, quick.ref):
            # "bc 141 …" while 87's report is open names another directive: never file its
            # figures into this one.
            return [_other_ref(ctx, task, quick.ref), *self._ask(ctx, state, task, step, fresh=False)]
        ratio = template.ratio
        one = {step} | ({ratio.part, ratio.whole} if ratio is not None and step in (ratio.part, ratio.whole) else set())
        # An answer already given is changed only at its own question (or «Sửa»): words of a
        # later answer that happen to name a format ("zalo chưa ổn định") never replace it.
        if not restated:
            quick.values = {k: v for k, v in quick.values.items() if k in one or state.answers.get(k) in (None, [], "")}
        if not set(quick.values) - one:
            return None
        # Only a message that answers several questions itself makes the rest a quick report
        # (required questions only); one later answer typed early keeps the guided questions.
        pair = {ratio.part, ratio.whole} if ratio is not None else set()
        answered = len(set(quick.values) - pair) + (1 if set(quick.values) & pair else 0)
        guided = not restated and answered < 2
        if step in template.keys() and state.selected and step not in quick.values:
            # Options ticked on the buttons, then the next answer typed instead of «Xong»:
            # moving on keeps what was ticked, as «Xong» would.
            quick.values = {step: {"values": state.selected, "other": None}, **quick.values}
        state.answers = {**state.answers, **quick.values}
        state.history, state.selected, state.quick = [*state.history, step], [], state.quick or not guided
        state.pending_percent = quick.pending_percent
        state.unplaced_text = quick.unplaced or state.unplaced_text
        state.other_asked = quick.other_asked
        ctx.flow_goto(step, state)
        return _quick_notes(ctx, template, quick) + self._next_question(ctx, state, task, set(quick.values))

    def _keep_whole(
        self, ctx: Context, state: ReportState, task: reports.Task, step: str, parsed: Parsed
    ) -> list[Reply]:
        """ "90%", then a total of 33: no whole count of people is 90% of 33, but the total is
        known; it is kept and only the count of people is asked."""
        ratio = task.template().ratio
        assert ratio is not None and parsed.problem is not None
        state.answers = {**state.answers, **parsed.kept}
        state.selected, state.pending_percent, state.other_asked = [], None, None
        state.history = [*state.history, step]
        ctx.flow_goto(ratio.part, state)
        return [Reply(text=problem_text(ctx, parsed.problem)), *self._ask(ctx, state, task, ratio.part)]

    def _accept(self, ctx: Context, state: ReportState, task: reports.Task, step: str, parsed: Parsed) -> list[Reply]:
        template = task.template()
        ratio, after = template.ratio, step
        if ratio is not None and step == ratio.part and state.history[-1:] == [ratio.whole]:
            # The count asked after its total was kept (see _keep_whole): the questions go on
            # after the later of the two, the total is not asked again.
            after = max(ratio.part, ratio.whole, key=template.keys().index)
        state.answers = {**state.answers, **parsed.values}
        state.selected, state.pending_percent, state.other_asked = [], parsed.pending_percent, None
        state.history = [*state.history, step]
        if parsed.pending_percent is not None and template.ratio is not None:
            ctx.flow_goto(template.ratio.whole, state)
            note = ctx.reply("report.pending_percent", percent=_fmt(parsed.pending_percent))
            return [note, *self._ask(ctx, state, task, template.ratio.whole)]
        missing = _missing_half(template, state, step)
        if missing is not None:
            # One half of the count given again after «Quay lại» from the other: that one next.
            ctx.flow_goto(missing, state)
            return self._ask(ctx, state, task, missing)
        ctx.flow_goto(step, state)
        return self._advance(ctx, state, task, after, set(parsed.values))

    def _advance(
        self, ctx: Context, state: ReportState, task: reports.Task, after: str | None, filled: set[str]
    ) -> list[Reply]:
        """Ask the next question, or show the summary when there is none; first, once, whether
        "0 reached" is meant."""
        ratio = task.template().ratio
        if (
            ratio is not None
            and not state.zero_confirmed
            and state.answers.get(ratio.part) == 0
            and state.answers.get(ratio.whole)
            and state.pending_percent is None
        ):
            state.zero_after, state.zero_filled = after, sorted(filled)
            ctx.flow_goto(ZERO, state)
            return self._ask(ctx, state, task, ZERO)
        skipped = task.template().skipped(state.answers)
        if skipped:
            # Nobody reached: an awareness typed in a one-line report is not kept either.
            state.answers = {k: v for k, v in state.answers.items() if k not in skipped}
        step = SUMMARY if state.editing else _next_step(task.template(), state, after, filled)
        state.editing = False if step == SUMMARY else state.editing
        ctx.flow_goto(step, state)
        return self._ask(ctx, state, task, step)

    @_with_task
    def _zero_typed(self, ctx: Context, state: ReportState, task: reports.Task, text: str) -> list[Reply]:
        ratio = task.template().ratio
        yes = yes_no_word(text)
        if yes is not None or ratio is None:
            return self._zero_answer(ctx, state, task, "zy" if yes or ratio is None else "zn")
        handled = self._typed_control(ctx, state, task, text)
        if handled is not None:
            return handled
        if any(ch.isdigit() for ch in text):
            # The right number typed straight away ("40") answers the count again.
            _ask_part_again(state, ratio)
            return self._answer(ctx, state, task, ratio.part, text)
        return [ctx.reply("report.zero_reached_expects"), *self._ask(ctx, state, task, ZERO, fresh=False)]

    @_with_task
    def _zero_button(self, ctx: Context, state: ReportState, task: reports.Task, value: str) -> list[Reply]:
        if value in ("zy", "zn"):
            return self._zero_answer(ctx, state, task, value)
        return self._control(ctx, state, task, value) or [ctx.reply("button.stale")]

    def _zero_answer(self, ctx: Context, state: ReportState, task: reports.Task, value: str) -> list[Reply]:
        ratio = task.template().ratio
        if value == "zy" or ratio is None:
            state.zero_confirmed = True
            return self._advance(ctx, state, task, state.zero_after, set(state.zero_filled))
        _ask_part_again(state, ratio)
        ctx.flow_goto(ratio.part, state)
        return self._ask(ctx, state, task, ratio.part)

    def _option(
        self, ctx: Context, state: ReportState, task: reports.Task, field: TemplateField, value: str
    ) -> list[Reply]:
        if field.type == "yes_no" and value in ("yes", "no"):
            return self._accept(ctx, state, task, field.key, Parsed(values={field.key: value == "yes"}))
        if field.option(value) is None:
            return [ctx.reply("button.stale")]
        if field.type == "choice":
            return self._accept(ctx, state, task, field.key, Parsed(values={field.key: {"value": value}}))
        state.selected = (
            [v for v in state.selected if v != value] if value in state.selected else [*state.selected, value]
        )
        ctx.flow_goto(field.key, state)
        return self._ask(ctx, state, task, field.key)

    def _typed_control(self, ctx: Context, state: ReportState, task: reports.Task, text: str) -> list[Reply] | None:
        """Typed words that work like the control buttons on channels without buttons, and
        commands typed at a step ("hủy", "đã nhận"): they act, and are never taken as an answer."""
        words = normalize(text).strip(" .!")
        if words in _CANCEL_WORDS:
            what = self.describe(ctx)
            ctx.flow_end()
            return [ctx.reply("cancel.done", what=what)]
        if ack_words(text) is not None:
            return self._typed_ack(ctx, state, task, text)
        control = _CONTROL_WORDS.get(words) or ("typed_ok" if words in _OK_WORDS else None)
        step = ctx.flow_step
        field = task.template().field(step) if step in task.template().keys() else None
        if control is None and words in _NOTHING_WORDS and field is not None:
            if field.type == "text" and not field.required:
                control = "skip"
        if control is None:
            return None
        if control == "typed_ok" and field is not None:
            # "ok" is «Xong» where that ends the question, «Bỏ qua» on an optional free text.
            control = "skip" if field.type == "text" and not field.required else "done"
        elif control == "typed_ok":
            control = "ok"
        handled = self._control(ctx, state, task, control)
        if handled is None and field is not None and field.type != "yes_no":
            # "xong", "sửa", "xác nhận" where they do nothing: said, the question again.
            return [
                ctx.reply("report.command_not_answer", text=cut(text.strip(), 40)),
                *self._ask(ctx, state, task, step, fresh=False),
            ]
        return handled

    def _typed_ack(self, ctx: Context, state: ReportState, task: reports.Task, text: str) -> list[Reply]:
        """ "đã nhận" typed in the middle of the report: the receipt is recorded (this directive's,
        or the one whose number was typed), then the same question again."""
        step = ctx.flow_step
        if reports.reporting_role(ctx.actor, task.unit) != "secretary":
            return [
                ctx.reply("report.command_not_answer", text=cut(text.strip(), 40)),
                *self._ask(ctx, state, task, step, fresh=False),
            ]
        found = ack_words(text)
        number = found.group("number") if found is not None else None
        if number is None or _number_matches(task.directive, normalize(number)):
            done = acknowledge(ctx, str(task.assignment.id))
        else:
            done = typed_ack(ctx, text) or []
        # Only the words: the buttons under the question are the ones to answer with.
        notes = [Reply(text=r.text) for r in done]
        ctx.flow_goto(step, state)
        return [*notes, *self._ask(ctx, state, task, step, fresh=False)]

    def _control(self, ctx: Context, state: ReportState, task: reports.Task, action: str) -> list[Reply] | None:
        """Back, skip, done, confirm, edit; None when the action does not apply to this step."""
        template, step = task.template(), ctx.flow_step
        if action == "back":
            if step in template.keys() and state.editing or step == EDIT:
                state.editing, state.selected, state.pending_percent = False, [], None
                ctx.flow_goto(SUMMARY, state)
                return self._ask(ctx, state, task, SUMMARY)
            if not state.history:
                return [ctx.reply("report.nothing_back"), *self._ask(ctx, state, task, step, fresh=False)]
            previous = state.history[-1]
            state.history, state.selected, state.pending_percent = state.history[:-1], [], None
            ctx.flow_goto(previous, state)
            return self._ask(ctx, state, task, previous)
        if step in template.keys():
            field = template.field(step)
            if action == "skip":
                if field.required:
                    return [
                        ctx.reply("report.skip_required", label=field.label(ctx.lang)),
                        *self._ask(ctx, state, task, step, fresh=False),
                    ]
                return self._accept(
                    ctx, state, task, step, Parsed(values={step: [] if field.type == "attachment" else None})
                )
            if action == "done" and field.type == "multi_choice" and state.selected:
                return self._accept(
                    ctx, state, task, step, Parsed(values={step: {"values": state.selected, "other": None}})
                )
            if action == "done" and field.type == "multi_choice":
                # «Xong» with nothing ticked: no format is not a format called «xong».
                key = "report.done_nothing_ticked_other" if field.allow_other else "report.done_nothing_ticked"
                return [
                    ctx.reply(key, label=field.label(ctx.lang), options=option_list(field, ctx.lang)),
                    *self._ask(ctx, state, task, step, fresh=False),
                ]
            if action == "done" and field.type == "attachment":
                return self._accept(ctx, state, task, step, Parsed(values={step: state.answers.get(step) or []}))
        home = _unplaced_home(template, state)
        if step == SUMMARY and action == "unplaced" and home is not None and state.unplaced_text:
            # (home is found only when there are unplaced words)
            state.answers = {**state.answers, home.key: state.unplaced_text}
            state.unplaced_text = None
            ctx.flow_goto(SUMMARY, state)
            return self._ask(ctx, state, task, SUMMARY)
        if step == SUMMARY and action == "ok":
            return self._confirm(ctx, state, task)
        if step == SUMMARY and action == "edit":
            ctx.flow_goto(EDIT)
            return self._ask(ctx, state, task, EDIT)
        return None

    def _confirm(self, ctx: Context, state: ReportState, task: reports.Task) -> list[Reply]:
        template = task.template()
        problems = check_answers(template, state.answers, lang=ctx.lang)
        if problems:
            step = _next_step(template, state, None, set(), quick=True)
            ctx.flow_goto(step)
            return [
                ctx.reply("report.not_saved", problems="; ".join(problem_text(ctx, p) for p in problems)),
                *self._ask(ctx, state, task, step),
            ]
        sent = report_history.latest_report(session=ctx.session, task=task)
        if sent is not None and report_history.same_as(sent, state.answers, on_behalf=state.on_behalf):
            # A secretary unsure it went through sends it again: nothing new, nothing stored.
            ctx.flow_end()
            return [
                ctx.reply(
                    "report.same_as_sent",
                    directive=task.name(ctx.t),
                    version=str(sent.version),
                    when=format_local_datetime(sent.submitted_at, ctx.deps.tz),
                )
            ]
        report = reports.submit_report(
            session=ctx.session,
            task=task,
            answers=state.answers,
            person_id=ctx.actor.known_person_id,
            account_id=ctx.actor.account_id,
            on_behalf=state.on_behalf,
            submitter_name=ctx.actor.name,
            now=ctx.now,
            config=ctx.deps.reminders,
        )
        ctx.audit(
            "report",
            unit_id=task.unit.id,
            directive_id=task.directive.id,
            assignment_id=task.assignment.id,
            report_id=report.id,
            version=report.version,
            on_behalf=report.on_behalf,
            on_time=report.on_time,
        )
        ctx.flow_end()
        timing = format_timing(task.deadline, report.on_time, ctx.deps.tz, ctx.lang)
        key = "report.saved" if report.version == 1 else "report.saved_amended"
        return [ctx.reply(key, directive=task.name(ctx.t), unit=task.unit.name, timing=timing, version=report.version)]

    # ---- questions ----------------------------------------------------------------------
    def _ask(
        self, ctx: Context, state: ReportState, task: reports.Task, step: str, *, fresh: bool = True
    ) -> list[Reply]:
        template = task.template()

        # Made only where shown: an offered button is remembered (typed words, the menu again).
        def back() -> list[Choice]:
            return [ctx.flow_button(ctx.t("report.button.back"), "back")]

        if step == SUMMARY:
            text = ctx.t(
                "report.summary",
                directive=task.name(ctx.t),
                unit=task.unit.name,
                lines=summary_lines(template, state.answers, ctx.lang),
            )
            rows = [
                [
                    ctx.flow_button(ctx.t("report.button.confirm"), "ok"),
                    ctx.flow_button(ctx.t("report.button.edit"), "edit"),
                ]
            ]
            home = _unplaced_home(template, state)
            if home is not None:
                shown = cut(state.unplaced_text or "", UNPLACED_SHOWN_CHARS)
                text += "\n" + ctx.t("report.unplaced_offer", text=shown, label=home.label(ctx.lang))
                rows.append(
                    [ctx.flow_button(cut(ctx.t("report.button.unplaced", label=home.label(ctx.lang)), 60), "unplaced")]
                )
            return [Reply(text=text, choices=rows)]
        if step == ZERO:
            ratio = required(template.ratio, "ratio")
            rows = [
                [
                    ctx.flow_button(ctx.t("report.button.yes"), "zy"),
                    ctx.flow_button(ctx.t("report.button.no"), "zn"),
                ]
            ]
            return [Reply(text=ctx.t("report.zero_reached", total=state.answers.get(ratio.whole)), choices=rows)]
        if step == EDIT:
            skipped = template.skipped(state.answers)
            rows = [
                [ctx.flow_button(cut(f.label(ctx.lang), 40), f"e:{f.key}")]
                for f in template.fields
                if f.key not in skipped
            ]
            return [Reply(text=ctx.t("report.edit_pick"), choices=[*rows, back()])]
        field = template.field(step)
        if field.type in _NUMBER_ANSWER_TYPES:
            ctx.expect_number()
        elif field.type in _TEXT_TYPES:
            ctx.expect_number(options_first=True)
        rows = [[ctx.flow_button(cut(o.label(ctx.lang), 40), f"o:{o.value}")] for o in field.options]
        if field.type == "yes_no":
            rows = [
                [
                    ctx.flow_button(ctx.t("report.button.yes"), "o:yes"),
                    ctx.flow_button(ctx.t("report.button.no"), "o:no"),
                ]
            ]
        controls = []
        if field.type == "multi_choice" and state.selected or field.type == "attachment":
            controls.append(ctx.flow_button(ctx.t("report.button.done"), "done"))
        if not field.required:
            controls.append(ctx.flow_button(ctx.t("report.button.skip"), "skip"))
        if state.history or state.editing:
            controls.extend(back())
        lines = [_question(ctx, template, field, state.answers)]
        if field.type in _NUMBER_ANSWER_TYPES and chat_menus.records_menus(ctx.incoming.channel):
            # Numbered lines under a question whose answer is a number: "1. « Quay lại" would
            # read as a way back, yet "1" is an answer here. Say the words to type instead.
            if not field.required:
                lines.append(ctx.t("report.ask.optional_words"))
            if state.history or state.editing:
                lines.append(ctx.t("report.ask.back_words"))
            if fresh and state.answers.get(step) not in (None, [], ""):
                lines.append(ctx.t("report.ask.current", value=format_value(template, field, state.answers, ctx.lang)))
            return [Reply(text="\n".join(lines), choices=rows)]
        choices = [*rows, controls] if controls else rows
        if state.selected:
            labels = ", ".join(option.label(ctx.lang) for v in state.selected if (option := field.option(v)))
            lines.append(ctx.t("report.ask.multi_selected", selected=labels))
        if not field.required:
            lines.append(_optional_hint(ctx, choices))
        if fresh and state.answers.get(step) not in (None, [], "") and field.type != "attachment":
            lines.append(ctx.t("report.ask.current", value=format_value(template, field, state.answers, ctx.lang)))
        return [Reply(text="\n".join(lines), choices=choices)]

    # ---- permission ---------------------------------------------------------------------
    def _task(self, ctx: Context, state: ReportState) -> reports.Task | list[Reply]:
        """The flow's assignment, re-checked: still open and still this actor's to report."""
        assignment_id = state.assignment_id
        task = reports.get_task(
            session=ctx.session, assignment_id=int(assignment_id or 0), item=state.item, lang=ctx.lang, tz=ctx.deps.tz
        )
        if task is None or reports.reporting_role(ctx.actor, task.unit) is None:
            ctx.flow_end()
            return self._deny(ctx, assignment_id)
        if not reports.is_open(task):
            ctx.flow_end()
            return [_not_open(ctx, task)]
        return task

    @staticmethod
    def _deny(ctx: Context, assignment_id: Any) -> list[Reply]:
        ctx.audit("denied", button=f"rep:{assignment_id}", assignment_id=assignment_id)
        return [ctx.reply("auth.denied")]


def _as_one_message(replies: list[Reply]) -> list[Reply]:
    """The report's heading and its first question as one message (one Bot API request for
    the press that starts a report): plain texts before a text message are put on top of it."""
    head: list[str] = []
    for n, reply in enumerate(replies):
        plain = reply.document is None and reply.photo is None and not reply.edit and reply.commands is None
        if not plain:
            break
        if reply.choices or n == len(replies) - 1:
            if not head:
                return replies
            text = "\n\n".join([*head, reply.text])
            return [Reply(text=text, choices=reply.choices), *replies[n + 1 :]]
        head.append(reply.text)
    return replies


def _missing_half(template: Template, state: ReportState, step: str) -> str | None:
    """The other half of the count of people (reached / total) when ``step`` is one half, the
    other is still unanswered and was asked before it (a kept total, then «Quay lại»)."""
    ratio, keys = template.ratio, template.keys()
    if ratio is None or step not in (ratio.part, ratio.whole) or state.editing:
        return None
    other = ratio.whole if step == ratio.part else ratio.part
    return other if state.answers.get(other) is None and keys.index(other) < keys.index(step) else None


def _ask_part_again(state: ReportState, ratio: Ratio) -> None:
    """«Không» to "0 reached": the count is asked again, its total kept; the questions then go
    on after the later of the two, as when a kept total is followed by its count."""
    history = state.history[:-1] if state.history[-1:] == [ratio.part] else state.history
    state.answers = {**state.answers, ratio.part: None}
    state.history = history if history[-1:] == [ratio.whole] else [*history, ratio.whole]


def _unplaced_home(template: Template, state: ReportState) -> TemplateField | None:
    """The free-text question still unanswered that words nobody placed could answer (whole:
    words longer than it takes are not offered, rather than cut)."""
    if not state.unplaced_text:
        return None
    return next(
        (
            f
            for f in template.fields
            if f.type == "text" and state.answers.get(f.key) in (None, "") and len(state.unplaced_text) <= f.max_length
        ),
        None,
    )


def _dues(ctx: Context, task: reports.Task, nearer: Deadline | None) -> str:
    """The report's deadline, after a nearer one when there is ("Hoàn thành: đến hết 12/12/2026;
    Báo cáo: trước 15/12/2026")."""
    due = format_due(task.deadline, ctx.deps.tz, ctx.lang)
    if nearer is None or task.deadline is None:
        return due
    return ctx.t(
        "report.mytasks_two_dues",
        first_kind=ctx.t(f"directive.kind.{nearer.kind}"),
        first=format_due(nearer, ctx.deps.tz, ctx.lang),
        kind=ctx.t(f"directive.kind.{task.deadline.kind}"),
        due=due,
    )


def _optional_hint(ctx: Context, choices: list[list[Choice]]) -> str:
    """How to skip: press «Bỏ qua», or where choices are numbered lines, type its number (the
    number also tells a free-text step's "1" is not taken as the answer)."""
    if chat_menus.records_menus(ctx.incoming.channel):
        flat = [c for row in choices for c in row]
        skip = next(i for i, c in enumerate(flat, start=1) if c.data.endswith(":skip"))
        return ctx.t("report.ask.optional_typed", number=skip)
    return ctx.t("report.ask.optional")


def _question(ctx: Context, template: Template, field: TemplateField, answers: dict[str, Any]) -> str:
    label = field.label(ctx.lang)
    ratio = template.ratio
    if ratio is not None and field.key == ratio.part:
        whole = answers.get(ratio.whole)
        if isinstance(whole, int) and answers.get(ratio.part) is None:
            return ctx.t("report.ask.ratio_part_of", label=label, whole=whole)
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


def _next_step(
    template: Template, state: ReportState, after: str | None, filled: set[str], *, quick: bool | None = None
) -> str:
    """The next question: in order after ``after``, skipping what this answer filled; in a
    quick report only required questions still unanswered."""
    quick = state.quick if quick is None else quick
    keys = template.keys()
    start = keys.index(after) + 1 if after in keys else 0
    skipped = template.skipped(state.answers)
    for f in template.fields[start:]:
        if f.key in skipped:
            continue
        if quick:
            if f.required and state.answers.get(f.key) in (None, [], ""):
                return f.key
        elif f.key not in filled:
            return f.key
    return SUMMARY


def _id(text: str) -> int | None:
    """A row id from button data; forged data (non-ASCII digits, huge numbers) is no id."""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 9 else None


def _mb(limit: int) -> int | float:
    return _fmt(round(limit / (1024 * 1024), 1))


def _fmt(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


# ---- commands and entry points ------------------------------------------------------------
def register(router: Router) -> None:
    flow = ReportFlow()
    router.add_flow(flow)

    @router.button("rep", roles=("secretary", "staff", "admin"))
    def report_button(ctx: Context, args: str) -> list[Reply]:
        """The "Báo cáo" button of a directive: the assignment must be this actor's to report."""
        assignment_id = _id(args)
        task = reports.get_task(session=ctx.session, assignment_id=assignment_id) if assignment_id else None
        if task is None:
            return flow._deny(ctx, args[:20])
        return flow.start(ctx, task)

    @router.command("report", roles=("secretary", "staff", "admin"), help_key="report.help_report")
    def report_command(ctx: Context, args: str) -> list[Reply]:
        """Report on one open assignment; several open ones are listed, nearest deadline first."""
        unit_ids = [r.unit_id for r in ctx.actor.units("secretary")]
        words = args.split()
        number: str | None = None
        if words:
            # "/report 27": a directive of the secretary's own cells first (27-KH/ĐU), then a
            # unit code ("/report CB01", "/report CB01 27" for staff reporting on its behalf).
            own = _matching(reports.open_tasks(session=ctx.session, unit_ids=unit_ids), words[0]) if unit_ids else []
            if own:
                return _start_or_pick(ctx, flow, own)
            unit = unit_queries.get_unit_by_code(session=ctx.session, code=words[0])
            if unit is None or reports.reporting_role(ctx.actor, unit) is None:
                if unit is not None:  # someone else's unit answers like a missing code
                    ctx.audit("denied", unit_id=unit.id, command="report")
                if _looks_like_number(words[0]):
                    return [_number_unknown(ctx, words[0], unit_ids)]
                return [ctx.reply("report.unit_unknown", code=words[0][:32])]
            unit_ids, number = [unit.id], words[1] if len(words) > 1 else None
        elif not unit_ids:
            role = ctx.actor.main_role()
            cells = unit_queries.cells_under(session=ctx.session, unit_id=role.unit_id) if role else []
            return [ctx.reply("report.staff_usage", example=cells[0].code if cells else "")]
        tasks = reports.open_tasks(session=ctx.session, unit_ids=unit_ids)
        if number is not None:
            tasks = _matching(tasks, number)
            if not tasks:
                return [_number_unknown(ctx, number, unit_ids)]
        return _start_or_pick(ctx, flow, tasks)

    @router.command("mytasks", roles=("secretary",), help_key="report.help_mytasks")
    def mytasks(ctx: Context, args: str) -> list[Reply]:
        """Open assignments of the secretary's cells with deadlines and status, nearest first."""
        replies = []
        for role in ctx.actor.units("secretary"):
            tasks = reports.open_tasks(session=ctx.session, unit_ids=[role.unit_id])
            if not tasks:
                replies.append(ctx.reply("report.mytasks_none", unit=role.unit_name))
                continue
            nearer = reports.nearer_deadlines(session=ctx.session, tasks=tasks, now=ctx.now)
            lines = [ctx.t("report.mytasks_header", unit=role.unit_name)] + [
                ctx.t(
                    "report.mytasks_line",
                    directive=t.name(ctx.t, with_subject=False),
                    subject=cut(chat_subject(ctx.t, t.directive), SUBJECT_CHARS),
                    **report_items.mytasks_words(
                        ctx, t, _dues(ctx, t, nearer.get(t.assignment.id or 0)), _task_status(ctx, t)
                    ),
                )
                for t in tasks
            ]
            # «Đã nhận» is named only while a button of that name is shown under the list.
            waiting = any(not is_acknowledged(t.assignment) for t in tasks)
            lines.append(
                ctx.t(
                    "report.mytasks_hint" if waiting else "report.mytasks_hint_acked",
                    example=reports.short_number(tasks[0].directive),
                    unit_word=unit_word(ctx.t, role.unit_kind),
                )
            )
            replies.append(Reply(text="\n".join(lines), choices=[_task_buttons(ctx, t) for t in tasks]))
        return replies

    def quick_report(ctx: Context, text: str) -> list[Reply] | None:
        """ "bc 141 tt+zalo 45/50 tot": fill what was understood, ask only what is missing."""
        if not ctx.actor.has_role("secretary"):
            return None
        unit_ids = [r.unit_id for r in ctx.actor.units("secretary")]
        tasks = reports.open_tasks(session=ctx.session, unit_ids=unit_ids)
        if not is_quick_report(text) and not (tasks and looks_like_report(tasks[0].template(), text)):
            return None
        # Every template of the candidate directives reads the message the same way only if
        # they share it; the first task's template is used until the directive is known.
        template = tasks[0].template() if tasks else template_for(None)
        quick = parse_quick(template, text, lang=ctx.lang, today=ctx.now.date())
        if quick.ref:
            matching = [t for t in tasks if _number_matches(t.directive, quick.ref)]
            if not matching:
                closed = [
                    t
                    for t in reports.closed_tasks(session=ctx.session, unit_ids=unit_ids)
                    if _number_matches(t.directive, quick.ref)
                ]
                if closed:
                    return [_not_open(ctx, closed[0])]
                return [
                    ctx.reply(
                        "report.quick_unknown_ref" if tasks else "report.no_open",
                        ref=quick.ref[:32],
                        unit_word=_own_unit_word(ctx),
                    )
                ]
            tasks = matching
        if not tasks:
            return [ctx.reply("report.no_open", unit_word=_own_unit_word(ctx))]
        notes = _quick_notes(ctx, tasks[0].template(), quick)
        if len(tasks) == 1:
            return flow.start(
                ctx,
                tasks[0],
                answers=quick.values,
                quick=bool(quick.values),
                pending=quick.pending_percent,
                notes=notes,
                unplaced=quick.unplaced,
                asked_other=quick.other_asked,
            )
        ctx.flow_start(
            FLOW,
            PICK,
            ReportState(
                answers=quick.values,
                pending_percent=quick.pending_percent,
                unplaced_text=quick.unplaced,
                other_asked=quick.other_asked,
            ),
        )
        return notes + _pick_list(ctx, tasks, lambda task: None)

    router.add_text_handler(quick_report)


def _other_ref(ctx: Context, task: reports.Task, ref: str) -> Reply:
    """ "bc 999" while 141's report is open: another directive of the cell is offered to be
    reported first; a number no directive of the cell has is said not found."""
    unit_ids = [task.unit.id] if task.unit.id is not None else []
    others = reports.open_tasks(session=ctx.session, unit_ids=unit_ids) + reports.closed_tasks(
        session=ctx.session, unit_ids=unit_ids
    )
    if any(_number_matches(t.directive, ref) for t in others):
        return ctx.reply("report.other_ref_in_flow", ref=ref[:32], directive=task.name(ctx.t))
    return ctx.reply("report.ref_unknown_in_flow", ref=ref[:32], unit=task.unit.name, directive=task.name(ctx.t))


def _matching(tasks: list[reports.Task], typed: str) -> list[reports.Task]:
    """The tasks whose directive the typed number names ("27" for 27-KH/ĐU)."""
    ref = normalize(typed)
    return [t for t in tasks if _number_matches(t.directive, ref)] if _looks_like_number(typed) else []


def _looks_like_number(typed: str) -> bool:
    """ "27", "27-KH", "#3": a directive's number (or id) rather than a unit code."""
    return bool(re.match(r"^(#\d+|\d+(?:-[a-z]+)?(?:/[a-z0-9]+)?)$", normalize(typed)))


def _start_or_pick(ctx: Context, flow: ReportFlow, tasks: list[reports.Task]) -> list[Reply]:
    if len(tasks) == 1:
        return flow.start(ctx, tasks[0])
    return _pick_list(ctx, tasks, lambda task: f"rep:{task.assignment.id}")


def _number_unknown(ctx: Context, typed: str, unit_ids: list[int]) -> Reply:
    """No open directive of these units has that number: closed ones are named as closed."""
    ref = normalize(typed)
    closed = reports.closed_tasks(session=ctx.session, unit_ids=unit_ids)
    closed = [t for t in closed if _number_matches(t.directive, ref)]
    if closed:
        return _not_open(ctx, closed[0])
    if not unit_ids:  # staff: the directive is named with the unit it is reported for
        return ctx.reply("report.number_unknown_staff", ref=typed[:32])
    return ctx.reply("report.number_unknown", ref=typed[:32], unit_word=_own_unit_word(ctx))


def _task_status(ctx: Context, task: reports.Task) -> str:
    """ "đã nhận, chưa báo cáo", and "— đã quá hạn 2 ngày" once its deadline has passed."""
    status = ctx.t(f"report.status.{task.assignment.status}")
    days = overdue_days(task.deadline, task.assignment.status, ctx.now, ctx.deps.tz)
    return status if days is None else ctx.t("report.status_overdue", status=status, n=days)


def _task_buttons(ctx: Context, task: reports.Task) -> list[Choice]:
    """ "Đã nhận" while the cell has not acknowledged it, then "Báo cáo"."""
    row = []
    if not is_acknowledged(task.assignment):
        label = cut(f"{ctx.t('report.button.ack')}: {task.name(ctx.t, subject_chars=BUTTON_SUBJECT_CHARS)}", 60)
        row.append(Choice(label=label, data=f"ack:{task.assignment.id}"))
    label = cut(f"{ctx.t('report.button.report')}: {task.name(ctx.t, subject_chars=BUTTON_SUBJECT_CHARS)}", 60)
    row.append(Choice(label=label, data=f"rep:{task.assignment.id}"))
    return row


def _own_unit_word(ctx: Context) -> str:
    """What the secretary's unit is called; "đơn vị" for someone leading units of several kinds."""
    return unit_word(ctx.t, common_kind(r.unit_kind for r in ctx.actor.units("secretary")))


def _not_open(ctx: Context, task: reports.Task) -> Reply:
    """Why a task takes no report: a closed directive is named as closed (staff may reopen it)."""
    if task.directive.status == "closed":
        return ctx.reply(
            "report.closed",
            directive=task.name(ctx.t),
            date=format_date(to_local(task.directive.closed_at, ctx.deps.tz).date())
            if task.directive.closed_at
            else "",
        )
    return ctx.reply("report.not_open")


def _number_matches(directive: Directive, ref: str) -> bool:
    """ "141" names 141-CV/ĐUK but not 1410-CV/ĐUK; "#3" names the directive with id 3 (how
    one without a number is named in /mytasks' hint and in /doc)."""
    if ref.startswith("#"):
        return ref[1:] == str(directive.id)
    folded = normalize(directive.number or "")
    return folded == ref or folded.startswith((ref + "-", ref + "/"))


def _quick_notes(ctx: Context, template: Template, quick: Quick) -> list[Reply]:
    # "45/50" is one answer, shown as one line in the review ("Số người tiếp cận: 45/50"): the
    # total's own label ("Tổng số cán bộ, đảng viên", a comma inside) would read as two more.
    pair = template.ratio is not None and {template.ratio.part, template.ratio.whole} <= set(quick.values)
    whole = template.ratio.whole if pair and template.ratio is not None else None
    labels = [f.label(ctx.lang) for f in template.fields if f.key in quick.values and f.key != whole]
    notes = (
        [ctx.reply("report.quick_understood", fields=", ".join(labels))]
        if labels
        else [ctx.reply("report.quick_nothing")]
    )
    if quick.unplaced:
        notes.append(ctx.reply("report.quick_unplaced", text=cut(quick.unplaced, UNPLACED_SHOWN_CHARS)))
    return notes + [Reply(text=problem_text(ctx, p)) for p in quick.problems]


def _pick_list(ctx: Context, tasks: list[reports.Task], data_of: Any) -> list[Reply]:
    if not tasks:
        return [ctx.reply("report.no_open", unit_word=_own_unit_word(ctx))]
    rows = []
    for task in tasks:
        key = "report.pick_item_reported" if task.assignment.status == "reported" else "report.pick_item"
        label = cut(
            ctx.t(
                key,
                directive=task.name(ctx.t, subject_chars=PICK_SUBJECT_CHARS),
                due=format_due(task.deadline, ctx.deps.tz, ctx.lang),
            ),
            60,
        )
        data = data_of(task)
        rows.append([Choice(label=label, data=data) if data else ctx.flow_button(label, f"p:{task.assignment.id}")])
    return [Reply(text=ctx.t("report.pick"), choices=rows)]

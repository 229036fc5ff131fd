"""Changing a published directive: /deadline (one deadline, typed as a Vietnamese phrase) and
/recipients (tick units on or off). The affected cells are told through the outbox."""

from __future__ import annotations

from ground.messages import Choice, Reply
from ground.reply_limits import budget_for, fit_lines, utf16_units
from handlers import unit_picker
from handlers.context import Context
from handlers.directives_view import find_one
from handlers.flow_state import FlowState, required
from handlers.flow_steps import Step, StepFlow
from handlers.router import Router
from handlers.unit_picker import UnitPicker
from services import directive_recipients as recipients
from services import directive_texts as texts
from services import directives
from services.localtime import format_local_date, format_local_datetime
from services.parsing import DeadlineError
from services.parsing.vn_text import normalize
from services.reach import unreachable_text
from storage.queries.acknowledged import REPORTED
from storage.tables import Directive

#: Typed answers to a confirmation, folded ("có", "khong", "ok", "thôi"): a typed «Xác nhận»
#: or «Hủy» is matched against the buttons themselves before the step sees the text.
_YES_WORDS = frozenset({"co", "c", "yes", "y", "ok", "oke", "dong y", "duoc", "xac nhan", "confirm"})
_NO_WORDS = frozenset({"khong", "k", "ko", "kg", "no", "n", "thoi", "huy", "cancel", "khong doi", "khong bo"})


def yes_or_no(text: str) -> bool | None:
    """True for a typed yes, False for a typed no, None for anything else."""
    if len(text) > 40:  # a yes or a no is a word or two; a long line is not folded at all
        return None
    folded = normalize(text).strip(" .!")
    return True if folded in _YES_WORDS else False if folded in _NO_WORDS else None


def _managed(ctx: Context, args: str, command: str) -> tuple[Directive | None, list[Reply]]:
    """The directive named in ``args`` if this staff member may change it."""
    directive, replies = find_one(ctx, args, f"directive.change.{command}_usage", command=command)
    if directive is not None and not directives.can_manage(session=ctx.session, actor=ctx.actor, directive=directive):
        ctx.audit("denied", directive_id=directive.id, command=command)
        return None, [ctx.reply("auth.denied")]
    if directive is not None and directive.closed_at is not None:
        # Its cells no longer report: changing whom or by when would tell them for nothing.
        title, number = texts.title(directive, ctx.t), directives.lookup_key(directive)
        return None, [ctx.reply("directive.change.closed", title=title, number=number)]
    return directive, replies


def _who(ctx: Context) -> directives.Who:
    return directives.Who(ctx.actor.person_id, ctx.actor.account_id, ctx.incoming.channel)


def _still_managed(ctx: Context, directive_id: int, step: str) -> Directive | None:
    """The directive a confirmation applies to, checked again on the server when it is
    answered: the flow's role check says staff, not that they still manage this directive."""
    directive = directives.get(session=ctx.session, directive_id=directive_id)
    if directive is None or not directives.can_manage(session=ctx.session, actor=ctx.actor, directive=directive):
        ctx.audit("denied", directive_id=directive_id, command=step)
        ctx.flow_end()
        return None
    return directive


def _confirm_buttons(ctx: Context, yes_label: str, no_key: str = "directive.button.cancel") -> list[list[Choice]]:
    return [[ctx.flow_button(yes_label, "yes"), ctx.flow_button(ctx.t(no_key), "no")]]


class DeadlineChangeState(FlowState):
    directive_id: int
    deadline_id: int | None = None
    #: The phrase read and shown for confirmation (old -> new), applied on «Xác nhận».
    phrase: str | None = None


class DeadlineChangeFlow(StepFlow[DeadlineChangeState]):
    name = "directive_deadline"
    roles = frozenset({"staff", "admin"})
    state_type = DeadlineChangeState

    def steps(self) -> dict[str, Step]:
        return {
            "pick": Step(button=self._picked),
            "phrase": Step(text=self._got_phrase),
            "confirm": Step(text=self._typed_answer, button=self._answered),
        }

    def start(self, ctx: Context, args: str) -> list[Reply]:
        """Pick one deadline of a published directive to change."""
        directive, replies = _managed(ctx, args, "deadline")
        if directive is None:
            return replies
        ctx.flow_start(self.name, "pick", DeadlineChangeState(directive_id=directive.id))
        rows = [
            [ctx.flow_button(texts.deadline_text(ctx.t, d.kind, d.shown), str(d.id))]
            for d in directives.deadlines_of(session=ctx.session, directive=directive)
        ]
        rows.append([ctx.flow_button(ctx.t("directive.button.cancel"), "cancel")])
        return [Reply(text=ctx.t("directive.change.ask_pick", title=texts.title(directive, ctx.t)), choices=rows)]

    def describe(self, ctx: Context) -> str:
        return ctx.t("directive.change.describe_deadline")

    def on_button(self, ctx: Context, value: str) -> list[Reply]:
        if value == "cancel":
            ctx.flow_end()
            return [ctx.reply("cancel.done", what=self.describe(ctx))]
        return super().on_button(ctx, value)

    def _picked(self, ctx: Context, state: DeadlineChangeState, value: str) -> list[Reply]:
        if not value.isdigit():
            return [ctx.reply("button.stale")]
        state.deadline_id = int(value)
        ctx.flow_goto("phrase", state)
        return [ctx.reply("directive.ask_deadline")]

    def _got_phrase(self, ctx: Context, state: DeadlineChangeState, text: str) -> list[Reply]:
        """Read the new deadline and ask before changing it: old -> new, and who is told."""
        directive = directives.require(session=ctx.session, directive_id=state.directive_id)
        change = directives.preview_deadline_change(
            session=ctx.session,
            directive=directive,
            deadline_id=required(state.deadline_id, "deadline_id"),
            phrase=text[:300],
            now=ctx.now,
            config=ctx.deps.reminders,
        )
        if isinstance(change, DeadlineError):
            return [ctx.reply("directive.deadline_error", message=texts.parser_message(change.message))]
        if change is None:
            ctx.flow_end()
            return [ctx.reply("button.stale")]
        state.phrase = text[:300]
        ctx.flow_goto("confirm", state)
        told = directives.reach_of(session=ctx.session, directive=directive)
        question = ctx.t(
            "directive.change.deadline_confirm",
            title=texts.title(directive, ctx.t),
            kind=ctx.t(f"directive.kind.{change.kind}"),
            old=change.old_shown,
            new=change.new_shown,
            count=len(told.reached),
        )
        # A date gone by is most often a slip (a wrong month or year), sometimes the paper's own
        # date kept on record: said plainly, and confirmed or typed again, never taken silently.
        today = format_local_date(ctx.now, ctx.deps.tz)
        past = ctx.t("directive.change.deadline_past", today=today) if change.past else ""
        return [
            Reply(
                text="\n".join(filter(None, [question, past, unreachable_text(ctx.t, told)])),
                choices=_confirm_buttons(ctx, ctx.t("directive.button.confirm")),
            )
        ]

    def _typed_answer(self, ctx: Context, state: DeadlineChangeState, text: str) -> list[Reply]:
        """ "có" / "không" typed; another phrase is read as the new deadline instead."""
        answer = yes_or_no(text)
        if answer is None:
            return self._got_phrase(ctx, state, text)
        return self._answered(ctx, state, "yes" if answer else "no")

    def _answered(self, ctx: Context, state: DeadlineChangeState, value: str) -> list[Reply]:
        if value == "no":
            ctx.flow_end()
            return [ctx.reply("directive.change.deadline_kept")]
        if value != "yes":
            return [ctx.reply("button.stale")]
        directive = _still_managed(ctx, state.directive_id, "deadline")
        if directive is None:
            return [ctx.reply("auth.denied")]
        result = directives.change_deadline(
            session=ctx.session,
            directive=directive,
            deadline_id=required(state.deadline_id, "deadline_id"),
            phrase=required(state.phrase, "phrase"),
            who=_who(ctx),
            now=ctx.now,
            config=ctx.deps.reminders,
        )
        ctx.flow_end()
        if result is None or isinstance(result, DeadlineError):
            # Read without complaint a moment ago: only a deadline removed meanwhile gets here.
            return [ctx.reply("button.stale")]
        told = directives.reach_of(session=ctx.session, directive=directive)
        text = ctx.t(
            "directive.change.deadline_done",
            line=texts.deadline_text(ctx.t, result.kind, result.shown),
            count=len(told.reached),
        )
        return [Reply(text="\n".join(filter(None, [text, unreachable_text(ctx.t, told)])))]


class RecipientsChangeState(FlowState):
    directive_id: int
    picker: UnitPicker


class RecipientsChangeFlow(StepFlow[RecipientsChangeState]):
    name = "directive_recipients"
    roles = frozenset({"staff", "admin"})
    state_type = RecipientsChangeState

    def steps(self) -> dict[str, Step]:
        return {
            "pick": Step(text=self._typed_codes, button=self._pressed),
            "confirm_reported": Step(text=self._typed_answer, button=self._answered),
        }

    def start(self, ctx: Context, args: str) -> list[Reply]:
        """Show the units below with the current recipients ticked."""
        directive, replies = _managed(ctx, args, "recipients")
        if directive is None:
            return replies
        unit = directives.issuer_unit(session=ctx.session, directive=directive)
        current = [s.unit.id for s in directives.unit_statuses(session=ctx.session, directive=directive)]
        picker = unit_picker.UnitPicker.of(recipients.pickable_units(session=ctx.session, unit=unit), selected=current)
        ctx.flow_start(self.name, "pick", RecipientsChangeState(directive_id=directive.id, picker=picker))
        return [unit_picker.render(ctx, picker)]

    def describe(self, ctx: Context) -> str:
        return ctx.t("directive.change.describe_recipients")

    def _pressed(self, ctx: Context, state: RecipientsChangeState, value: str) -> list[Reply]:
        if value == "cancel":
            ctx.flow_end()
            return [ctx.reply("cancel.done", what=self.describe(ctx))]
        if value == "done":
            return self._apply(ctx, state)
        if not unit_picker.press(state.picker, value):
            return [ctx.reply("button.stale")]
        ctx.flow_goto("pick", state)
        return [unit_picker.render(ctx, state.picker, edit=True)]

    def _typed_codes(self, ctx: Context, state: RecipientsChangeState, text: str) -> list[Reply]:
        directive = directives.require(session=ctx.session, directive_id=state.directive_id)
        unit = directives.issuer_unit(session=ctx.session, directive=directive)
        found, unknown = recipients.units_by_codes(session=ctx.session, unit=unit, text=text)
        already = unit_picker.already_ticked_reply(ctx, state.picker, [u.id for u in found])
        unit_picker.add(state.picker, [u.id for u in found])
        ctx.flow_goto("pick", state)
        replies = [unit_picker.unknown_codes_reply(ctx, state.picker, unknown)] if unknown else []
        replies += [already] if already is not None else []
        return replies + [unit_picker.render(ctx, state.picker)]

    def _apply(self, ctx: Context, state: RecipientsChangeState) -> list[Reply]:
        """Apply the ticks, asking first when a unit taken off has already reported."""
        picker = state.picker
        if not picker.selected:
            return [ctx.reply("directive.none_selected"), unit_picker.render(ctx, picker)]
        directive = directives.require(session=ctx.session, directive_id=state.directive_id)
        reported = [
            s
            for s in directives.unit_statuses(session=ctx.session, directive=directive)
            if s.unit.id not in picker.selected and s.assignment.status in REPORTED
        ]
        if not reported:
            return self._change(ctx, state, directive)
        ctx.flow_goto("confirm_reported", state)
        head = ctx.t("directive.change.remove_reported_head", title=texts.title(directive, ctx.t), count=len(reported))
        what = ctx.t("directive.change.remove_reported_what", count=len(reported))
        lines = [
            ctx.t(
                "directive.change.remove_reported_line",
                code=s.unit.code,
                name=s.unit.name,
                time=format_local_datetime(s.assignment.completed_at, ctx.deps.tz) if s.assignment.completed_at else "",
            )
            for s in reported
        ]
        # The question under the list must survive a long one: the list gets what is left.
        budget = budget_for(ctx.incoming.channel) - utf16_units(head) - utf16_units(what) - 2
        listed = fit_lines(lines, budget, lambda n: ctx.t("reach.more", count=n), head=0)
        buttons = _confirm_buttons(ctx, ctx.t("directive.button.remove_reported"), "directive.button.back")
        return [Reply(text="\n".join([head, listed, what]), choices=buttons)]

    def _typed_answer(self, ctx: Context, state: RecipientsChangeState, text: str) -> list[Reply]:
        answer = yes_or_no(text)
        if answer is None:
            return [ctx.reply("directive.change.answer_yes_no", choices=_again_rows(ctx))]
        return self._answered(ctx, state, "yes" if answer else "no")

    def _answered(self, ctx: Context, state: RecipientsChangeState, value: str) -> list[Reply]:
        directive_id = state.directive_id
        if value == "no":
            # Nothing changes: the reported units are ticked again and the list comes back.
            statuses = directives.unit_statuses(
                session=ctx.session, directive=directives.require(session=ctx.session, directive_id=directive_id)
            )
            unit_picker.add(state.picker, [s.unit.id for s in statuses if s.assignment.status in REPORTED])
            ctx.flow_goto("pick", state)
            return [ctx.reply("directive.change.remove_reported_kept"), unit_picker.render(ctx, state.picker)]
        if value != "yes":
            return [ctx.reply("button.stale")]
        directive = _still_managed(ctx, directive_id, "recipients")
        if directive is None:
            return [ctx.reply("auth.denied")]
        return self._change(ctx, state, directive)

    def _change(self, ctx: Context, state: RecipientsChangeState, directive: Directive) -> list[Reply]:
        picker = state.picker
        added, removed = directives.change_recipients(
            session=ctx.session,
            directive=directive,
            unit_ids=picker.selected,
            who=_who(ctx),
            now=ctx.now,
            config=ctx.deps.reminders,
        )
        ctx.flow_end()
        if not added and not removed:
            return [ctx.reply("directive.change.recipients_unchanged")]
        codes = picker.codes()
        told = directives.reach_of_units(session=ctx.session, unit_ids=added + removed)
        text = ctx.t(
            "directive.change.recipients_done",
            title=texts.title(directive, ctx.t),
            count=len(told.reached),
            added=_code_list(ctx, [codes[u] for u in added]),
            removed=_code_list(ctx, [codes[u] for u in removed]),
        )
        return [Reply(text="\n".join(filter(None, [text, unreachable_text(ctx.t, told)])))]


#: Codes named in one sentence: a catalog placeable holds at most 1,000 characters (Fluent).
CODES_CHARS = 600


def _code_list(ctx: Context, codes: list[str]) -> str:
    """ "CB01, CB03", "—" for none; a long list ends in "… và N đơn vị khác"."""
    if not codes:
        return "—"
    shown, used = [], 0
    for code in codes:
        if used + len(code) + 2 > CODES_CHARS:
            break
        shown.append(code)
        used += len(code) + 2
    rest = len(codes) - len(shown)
    return ", ".join(shown) + (" " + ctx.t("reach.more", count=rest) if rest else "")


def _again_rows(ctx: Context) -> list[list[Choice]]:
    """The confirmation's buttons again, for an answer that was neither yes nor no."""
    return [ctx.offered_buttons()]


def register(router: Router) -> None:
    deadline_flow, recipients_flow = DeadlineChangeFlow(), RecipientsChangeFlow()
    router.add_flow(deadline_flow)
    router.add_flow(recipients_flow)
    router.command("deadline", roles=("staff", "admin"), help_key="directive.help.deadline")(deadline_flow.start)
    router.command("recipients", roles=("staff", "admin"), help_key="directive.help.recipients")(recipients_flow.start)

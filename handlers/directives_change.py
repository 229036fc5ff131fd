"""Changing a published directive: /deadline (one deadline, typed as a Vietnamese phrase) and
/recipients (tick units on or off). The affected cells are told through the outbox."""

from __future__ import annotations

from ground.messages import Reply
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
from services.parsing import DeadlineError
from services.reach import unreachable_text
from storage.tables import Directive


def _managed(ctx: Context, args: str, command: str) -> tuple[Directive | None, list[Reply]]:
    """The directive named in ``args`` if this staff member may change it."""
    directive, replies = find_one(ctx, args, f"directive.change.{command}_usage", command=command)
    if directive is not None and not directives.can_manage(session=ctx.session, actor=ctx.actor, directive=directive):
        ctx.audit("denied", directive_id=directive.id, command=command)
        return None, [ctx.reply("auth.denied")]
    return directive, replies


def _who(ctx: Context) -> directives.Who:
    return directives.Who(ctx.actor.person_id, ctx.actor.account_id, ctx.incoming.channel)


class DeadlineChangeState(FlowState):
    directive_id: int
    deadline_id: int | None = None


class DeadlineChangeFlow(StepFlow[DeadlineChangeState]):
    name = "directive_deadline"
    roles = frozenset({"staff", "admin"})
    state_type = DeadlineChangeState

    def steps(self) -> dict[str, Step]:
        return {
            "pick": Step(button=self._picked),
            "phrase": Step(text=self._got_phrase),
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
        directive = directives.require(session=ctx.session, directive_id=state.directive_id)
        result = directives.change_deadline(
            session=ctx.session,
            directive=directive,
            deadline_id=required(state.deadline_id, "deadline_id"),
            phrase=text[:300],
            who=_who(ctx),
            now=ctx.now,
            config=ctx.deps.reminders,
        )
        if isinstance(result, DeadlineError):
            return [ctx.reply("directive.deadline_error", message=texts.parser_message(result.message))]
        ctx.flow_end()
        if result is None:
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
        unit_picker.add(state.picker, [u.id for u in found])
        ctx.flow_goto("pick", state)
        replies = [unit_picker.unknown_codes_reply(ctx, state.picker, unknown)] if unknown else []
        return replies + [unit_picker.render(ctx, state.picker)]

    def _apply(self, ctx: Context, state: RecipientsChangeState) -> list[Reply]:
        picker = state.picker
        if not picker.selected:
            return [ctx.reply("directive.none_selected"), unit_picker.render(ctx, picker)]
        directive = directives.require(session=ctx.session, directive_id=state.directive_id)
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
            added=", ".join(codes[u] for u in added) or "—",
            removed=", ".join(codes[u] for u in removed) or "—",
        )
        return [Reply(text="\n".join(filter(None, [text, unreachable_text(ctx.t, told)])))]


def register(router: Router) -> None:
    deadline_flow, recipients_flow = DeadlineChangeFlow(), RecipientsChangeFlow()
    router.add_flow(deadline_flow)
    router.add_flow(recipients_flow)
    router.command("deadline", roles=("staff", "admin"), help_key="directive.help.deadline")(deadline_flow.start)
    router.command("recipients", roles=("staff", "admin"), help_key="directive.help.recipients")(recipients_flow.start)

"""/invite: an administrator (any role) or staff (secretaries below them) creates an invite in chat."""

from __future__ import annotations

from ground.messages import Reply
from handlers.context import Context
from handlers.flow_state import FlowState, required
from handlers.flow_steps import Step, StepFlow
from handlers.router import Router
from services import invites, unit_people
from services.unit_words import role_label
from storage.queries import units as unit_queries

MAX_NAME = 120


class InviteState(FlowState):
    unit_code: str | None = None
    unit_name: str | None = None
    unit_kind: str | None = None
    unit_path: str | None = None
    role: str | None = None


class InviteFlow(StepFlow[InviteState]):
    name = "invite"
    roles = frozenset({"admin", "staff"})
    state_type = InviteState

    def steps(self) -> dict[str, Step]:
        return {
            "unit": Step(text=self._got_unit),
            "role": Step(text=self._role_expected, button=self._chose_role),
            "name": Step(text=self._got_name, button=self._skipped_name),
        }

    def start(self, ctx: Context, args: str) -> list[Reply]:
        ctx.flow_start(self.name, "unit", InviteState())
        if args:
            return self.on_text(ctx, args)
        return [ctx.reply("invite.ask_unit", example=self._example(ctx))]

    def describe(self, ctx: Context) -> str:
        readable = ctx.flow is not None and ctx.flow.name == self.name and ctx.flow_readable(InviteState)
        unit = ctx.flow_data(InviteState).unit_name if readable else None
        return ctx.t("invite.describe_for", unit=unit) if unit else ctx.t("invite.describe")

    # ---- steps ----------------------------------------------------------------------------
    @staticmethod
    def _example(ctx: Context) -> str:
        """A code from the user's own tree: a cell below their unit, or their unit."""
        role = ctx.actor.main_role()
        if role is None:
            return ""
        cells = unit_queries.cells_under(session=ctx.session, unit_id=role.unit_id)
        return cells[0].code if cells else role.unit_code

    def _got_unit(self, ctx: Context, state: InviteState, text: str) -> list[Reply]:
        code = text.strip()
        unit = unit_queries.get_unit_by_code(session=ctx.session, code=code)
        if unit is None or not ctx.actor.oversees(unit.path):
            if unit is not None:  # answered as a code that exists nowhere, and noted
                ctx.audit("denied", unit_id=unit.id, command="invite")
            key = "invite.unit_number" if code.isdigit() else "invite.unit_unknown"
            return [ctx.reply(key, code=code[:64], example=self._example(ctx))]
        roles = self._allowed_roles(ctx, unit.kind, unit.path)
        if not roles:
            return [ctx.reply("invite.role_not_allowed")]
        state.unit_code, state.unit_name, state.unit_kind, state.unit_path = unit.code, unit.name, unit.kind, unit.path
        ctx.flow_goto("role", state)
        buttons = [[ctx.flow_button(role_label(ctx.t, r, unit.kind), r)] for r in roles]
        return [Reply(text=ctx.t("invite.ask_role", unit=unit.name), choices=buttons)]

    def _role_expected(self, ctx: Context, state: InviteState, text: str) -> list[Reply]:
        return [ctx.reply("input.choice_unknown", options=self._role_labels(ctx, state))]

    def _chose_role(self, ctx: Context, state: InviteState, value: str) -> list[Reply]:
        if value not in self._allowed_roles(ctx, state.unit_kind or "", state.unit_path or ""):
            return [ctx.reply("button.stale")]
        state.role = value
        ctx.flow_goto("name", state)
        return [
            Reply(text=ctx.t("invite.ask_name"), choices=[[ctx.flow_button(ctx.t("invite.skip"), "skip")]], edit=True)
        ]

    def _got_name(self, ctx: Context, state: InviteState, text: str) -> list[Reply]:
        name = " ".join(text.split())
        if len(name) > MAX_NAME:
            # Refused whole, never cut into a name nobody typed; the question stays.
            return [
                ctx.reply("invite.name_too_long", max=MAX_NAME, length=len(name)),
                Reply(text=ctx.t("invite.ask_name"), choices=[[ctx.flow_button(ctx.t("invite.skip"), "skip")]]),
            ]
        return self._create(ctx, state, name)

    def _skipped_name(self, ctx: Context, state: InviteState, value: str) -> list[Reply]:
        return self._create(ctx, state, "") if value == "skip" else [ctx.reply("button.stale")]

    def _create(self, ctx: Context, state: InviteState, label: str) -> list[Reply]:
        role = required(state.role, "role")
        unit = unit_queries.get_unit_by_code(session=ctx.session, code=required(state.unit_code, "unit_code"))
        if unit is None or role not in self._allowed_roles(ctx, unit.kind, unit.path):
            ctx.flow_end()
            return [ctx.reply("invite.role_not_allowed")]
        code, invite = invites.invite_by(
            session=ctx.session, actor=ctx.actor, unit=unit, role=role, label=label or None, now=ctx.now
        )
        ctx.audit("invite", unit_id=invite.unit_id, role=state.role, label=label)
        ctx.flow_end()
        replies = [Reply(text=unit_people.invite_text(ctx.t, unit_people.Made(code, invite, unit), ctx.deps.tz))]
        holders = unit_people.holders(session=ctx.session, unit=unit, role=role, now=ctx.now)
        if holders:
            # Not refused (a deputy may stand in), but said: both will get every directive.
            replies.append(
                ctx.reply(
                    "invite.role_already_held",
                    unit=unit.name,
                    role=role_label(ctx.t, role, unit.kind),
                    names=", ".join(holders),
                )
            )
        return replies

    @staticmethod
    def _allowed_roles(ctx: Context, unit_kind: str, unit_path: str) -> list[str]:
        return invites.allowed_roles(ctx.actor, unit_kind=unit_kind, unit_path=unit_path)

    def _role_labels(self, ctx: Context, state: InviteState) -> str:
        roles = self._allowed_roles(ctx, state.unit_kind or "", state.unit_path or "")
        return ", ".join(role_label(ctx.t, r, state.unit_kind) for r in roles)


def register(router: Router) -> None:
    flow = InviteFlow()
    router.add_flow(flow)
    router.command("invite", roles=("admin", "staff"), help_key="help.invite")(flow.start)

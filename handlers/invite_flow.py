"""/invite: an administrator (any role) or staff (secretaries below them) creates an invite in chat."""

from __future__ import annotations

from datetime import timedelta

from handlers.context import Context
from ground.messages import Reply
from handlers.router import Router
from services import invites
from services.localtime import format_local_datetime
from storage.queries import units as unit_queries

INVITE_VALID_FOR = timedelta(days=7)
MAX_NAME = 120


class InviteFlow:
    name = "invite"
    roles = frozenset({"admin", "staff"})

    def start(self, ctx: Context, args: str) -> list[Reply]:
        ctx.flow_start(self.name, "unit")
        if args:
            return self.on_text(ctx, args)
        return [ctx.reply("invite.ask_unit", example=self._example(ctx))]

    def describe(self, ctx: Context) -> str:
        return ctx.t("invite.describe")

    def on_text(self, ctx: Context, text: str) -> list[Reply]:
        step = ctx.state.step
        if step == "unit":
            return self._got_unit(ctx, text.strip())
        if step == "name":
            return self._create(ctx, text.strip()[:MAX_NAME])
        return [ctx.reply("input.choice_unknown", options=self._role_labels(ctx))]

    def on_button(self, ctx: Context, value: str) -> list[Reply]:
        step = ctx.state.step
        if step == "role" and value in self._allowed_roles(ctx, ctx.flow_data["unit_kind"], ctx.flow_data["unit_path"]):
            ctx.flow_goto("name", role=value)
            return [Reply(text=ctx.t("invite.ask_name"), choices=[[ctx.flow_button(ctx.t("invite.skip"), "skip")]], edit=True)]
        if step == "name" and value == "skip":
            return self._create(ctx, "")
        return [ctx.reply("button.stale")]

    def on_attachment(self, ctx: Context) -> list[Reply]:
        return [ctx.reply("input.text_expected")]

    # ---- steps ----------------------------------------------------------------------------
    @staticmethod
    def _example(ctx: Context) -> str:
        """A code from the user's own tree: a cell below their unit, or their unit."""
        role = ctx.actor.main_role()
        if role is None:
            return ""
        cells = unit_queries.cells_under(session=ctx.session, unit_id=role.unit_id)
        return cells[0].code if cells else role.unit_code

    def _got_unit(self, ctx: Context, code: str) -> list[Reply]:
        unit = unit_queries.get_unit_by_code(session=ctx.session, code=code)
        if unit is None or not ctx.actor.oversees(unit.path):
            key = "invite.unit_number" if code.isdigit() else "invite.unit_unknown"
            return [ctx.reply(key, code=code[:64], example=self._example(ctx))]
        roles = self._allowed_roles(ctx, unit.kind, unit.path)
        if not roles:
            return [ctx.reply("invite.role_not_allowed")]
        ctx.flow_goto("role", unit_code=unit.code, unit_name=unit.name, unit_kind=unit.kind, unit_path=unit.path)
        buttons = [[ctx.flow_button(ctx.t(f"role.{r}"), r)] for r in roles]
        return [Reply(text=ctx.t("invite.ask_role", unit=unit.name), choices=buttons)]

    def _create(self, ctx: Context, label: str) -> list[Reply]:
        data = ctx.flow_data
        code, invite = invites.create_invite(
            session=ctx.session,
            unit_code=data["unit_code"],
            role=data["role"],
            expires_in=INVITE_VALID_FOR,
            label=label or None,
            created_by_person_id=ctx.actor.person_id,
            now=ctx.now,
        )
        ctx.audit("invite", unit_id=invite.unit_id, role=data["role"], label=label)
        ctx.flow_end()
        return [
            ctx.reply(
                "invite.created",
                role=ctx.t(f"role.{data['role']}"),
                unit=data["unit_name"],
                label=f" ({label})" if label else "",
                code=code,
                expires=format_local_datetime(invite.expires_at, ctx.deps.tz),
            )
        ]

    @staticmethod
    def _allowed_roles(ctx: Context, unit_kind: str, unit_path: str) -> list[str]:
        """Staff invite secretaries of the units they oversee; administrators invite anyone."""
        if not ctx.actor.oversees(unit_path):
            return []
        wanted = ("secretary", "staff", "admin") if ctx.actor.has_role("admin") else ("secretary",)
        return [role for role in wanted if unit_kind in invites.ROLE_UNIT_KINDS[role]]

    def _role_labels(self, ctx: Context) -> str:
        return ", ".join(ctx.t(f"role.{r}") for r in ("secretary", "staff"))


def register(router: Router) -> None:
    flow = InviteFlow()
    router.add_flow(flow)
    router.command("invite", roles=("admin", "staff"), help_key="help.invite")(flow.start)

"""/broadcast: staff write a message (optionally with a file), choose who gets it, see the
count and a preview, confirm. Delivery and progress happen in the background (outbox)."""

from __future__ import annotations

import secrets
from typing import Any

from ground.messages import Reply
from handlers import unit_picker
from handlers.context import Context
from handlers.flow_state import FlowState, required
from handlers.flow_steps import Step, StepFlow
from handlers.router import Router
from handlers.unit_picker import UnitPicker
from services import broadcast, directives, status
from services import directive_texts as texts
from services.reach import unreachable_text

#: Audience kinds that need a directive number first.
BY_DIRECTIVE = ("not_reported", "overdue", "not_acknowledged")


class BroadcastFile(FlowState):
    name: str
    mime_type: str
    path: str


class Audience(FlowState):
    """Who gets the broadcast, as services/broadcast.py reads it (``spec``)."""

    kind: str
    directive_id: int | None = None
    number: str | None = None
    unit_ids: list[int] | None = None

    def spec(self) -> dict[str, Any]:
        return self.model_dump(exclude_none=True)


class BroadcastState(FlowState):
    text: str | None = None
    file: BroadcastFile | None = None
    #: The audience kind chosen, while its directive number is asked.
    audience_kind: str | None = None
    picker: UnitPicker | None = None
    audience: Audience | None = None


class BroadcastFlow(StepFlow[BroadcastState]):
    name = "broadcast"
    roles = frozenset({"admin", "staff"})
    state_type = BroadcastState
    otherwise = {**StepFlow.otherwise, "attachment": "directive.use_buttons"}

    def steps(self) -> dict[str, Step]:
        return {
            "text": Step(text=self._got_text, attachment=self._got_file),
            "audience": Step(button=self._chose_audience),
            "directive": Step(text=self._got_directive),
            "pick": Step(button=self._pick),
            "confirm": Step(button=self._confirmed),
        }

    def start(self, ctx: Context, args: str) -> list[Reply]:
        ctx.flow_start(self.name, "text", BroadcastState())
        if args.strip():
            return self.on_text(ctx, args.strip())
        return [ctx.reply("broadcast.ask_text")]

    def describe(self, ctx: Context) -> str:
        return ctx.t("broadcast.describe")

    def on_button(self, ctx: Context, value: str) -> list[Reply]:
        if value == "cancel":
            ctx.flow_end()
            return [ctx.reply("broadcast.cancelled", edit=True)]
        return super().on_button(ctx, value)

    # ---- steps ----------------------------------------------------------------------------
    def _got_text(self, ctx: Context, state: BroadcastState, text: str) -> list[Reply]:
        if len(text) > broadcast.MAX_TEXT:
            return [ctx.reply("broadcast.too_long", length=len(text), limit=broadcast.MAX_TEXT)]
        state.text = text
        ctx.flow_goto("audience", state)
        return [self._ask_audience(ctx)]

    def _got_file(self, ctx: Context, state: BroadcastState) -> list[Reply]:
        attachment = ctx.incoming.attachment
        if attachment is None:
            return [ctx.reply("directive.use_buttons")]
        name = attachment.file_name or "tep"
        limit = ctx.deps.settings.max_upload_bytes
        if (attachment.size or 0) > limit or (attachment.content is not None and len(attachment.content) > limit):
            return [ctx.reply("broadcast.file_too_large", name=name, max_mb=limit // (1024 * 1024))]
        if attachment.content is None:
            return [ctx.reply("broadcast.file_unreadable", name=name)]
        path = broadcast.save_file(
            folder=ctx.deps.settings.attachments_dir,
            nonce=secrets.token_urlsafe(4),
            name=name,
            content=attachment.content,
        )
        state.file = BroadcastFile(name=name, mime_type=attachment.mime_type or "application/octet-stream", path=path)
        ctx.flow_goto("text", state)
        caption = (ctx.incoming.text or "").strip()
        if caption:
            return self._got_text(ctx, state, caption)
        return [ctx.reply("broadcast.file_saved", name=name)]

    def _chose_audience(self, ctx: Context, state: BroadcastState, value: str) -> list[Reply]:
        if value not in broadcast.AUDIENCES:
            return [ctx.reply("button.stale")]
        if value == "all":
            return self._preview(ctx, state, Audience(kind="all"))
        if value == "picked":
            cells = broadcast.cells_of(session=ctx.session, unit_id=broadcast.own_unit(ctx.actor))
            state.picker = UnitPicker.of(cells)
            ctx.flow_goto("pick", state)
            return [unit_picker.render(ctx, state.picker, edit=True)]
        state.audience_kind = value
        ctx.flow_goto("directive", state)
        return [ctx.reply("broadcast.ask_directive")]

    def _got_directive(self, ctx: Context, state: BroadcastState, text: str) -> list[Reply]:
        found = status.lookup(session=ctx.session, actor=ctx.actor, text=text)
        directive = found.directive
        if found.status != "ok" or directive is None:
            return [ctx.reply("broadcast.directive_unknown", number=text[:64])]
        audience = Audience(
            kind=required(state.audience_kind, "audience_kind"),
            directive_id=directive.id,
            number=directive.number or f"#{directive.id}",
        )
        return self._preview(ctx, state, audience)

    def _ask_audience(self, ctx: Context) -> Reply:
        rows = [[ctx.flow_button(ctx.t(f"broadcast.audience_{kind}"), kind)] for kind in broadcast.AUDIENCES]
        rows.append([ctx.flow_button(ctx.t("broadcast.cancel"), "cancel")])
        return Reply(text=ctx.t("broadcast.ask_audience"), choices=rows)

    def _pick(self, ctx: Context, state: BroadcastState, value: str) -> list[Reply]:
        picker = required(state.picker, "picker")
        if value == "done":
            return self._preview(ctx, state, Audience(kind="picked", unit_ids=list(picker.selected)))
        if not unit_picker.press(picker, value):
            return [ctx.reply("button.stale")]
        ctx.flow_goto("pick", state)
        return [unit_picker.render(ctx, picker, edit=True)]

    def _preview(self, ctx: Context, state: BroadcastState, chosen: Audience) -> list[Reply]:
        audience = broadcast.choose(session=ctx.session, actor=ctx.actor, spec=chosen.spec(), now=ctx.now)
        if not audience.accounts:
            ctx.flow_goto("audience")
            return [self._nobody(ctx, audience), self._ask_audience(ctx)]
        unreachable = self._closed_note(ctx, chosen)
        if audience.unreachable:
            unreachable += "\n" + unreachable_text(ctx.t, audience.reach)
        if state.file:
            unreachable += ctx.t("broadcast.preview_file", name=state.file.name)
        state.audience = chosen
        ctx.flow_goto("confirm", state)
        buttons = [
            [ctx.flow_button(ctx.t("broadcast.confirm"), "send"), ctx.flow_button(ctx.t("broadcast.cancel"), "cancel")]
        ]
        text = ctx.t(
            "broadcast.preview",
            text=state.text,
            audience=broadcast.describe(ctx.t, chosen.spec()),
            accounts=len(audience.accounts),
            units=len(audience.units) - len(audience.unreachable),
            unreachable=unreachable,
        )
        return [Reply(text=text, choices=buttons)]

    @staticmethod
    def _closed_note(ctx: Context, chosen: Audience) -> str:
        """A directive closed meanwhile: sending only talks to the cells, who still cannot
        report until it is reopened; said in the preview, before staff press «Gửi»."""
        if chosen.directive_id is None:
            return ""
        directive = directives.get(session=ctx.session, directive_id=chosen.directive_id)
        if directive is None or directive.status != "closed":
            return ""
        return "\n" + ctx.t(
            "broadcast.preview_closed",
            directive=texts.title(directive, ctx.t),
            when=texts.when(directive.closed_at, ctx.deps.tz),
            number=directives.lookup_key(directive),
        )

    def _nobody(self, ctx: Context, audience: broadcast.Audience) -> Reply:
        """Nothing to send: either the audience has no units, or none of them can be reached
        (then staff are told how many there are, which, and why)."""
        if not audience.units:
            return ctx.reply("broadcast.empty")
        head = ctx.t("broadcast.none_reachable", count=len(audience.units))
        return Reply(text="\n".join([head, unreachable_text(ctx.t, audience.reach)]))

    def _confirmed(self, ctx: Context, state: BroadcastState, value: str) -> list[Reply]:
        return self._send(ctx, state) if value == "send" else [ctx.reply("button.stale")]

    def _send(self, ctx: Context, state: BroadcastState) -> list[Reply]:
        # The audience is chosen again at the moment of sending: a cell that reported while
        # staff read the preview is not pushed any more.
        spec = required(state.audience, "audience").spec()
        audience = broadcast.choose(session=ctx.session, actor=ctx.actor, spec=spec, now=ctx.now)
        confirm = ctx.flow.nonce if ctx.flow is not None else None
        ctx.flow_end()
        if not audience.accounts:
            return [self._nobody(ctx, audience)]
        broadcast.create(
            session=ctx.session,
            actor=ctx.actor,
            audience=audience,
            text=required(state.text, "text"),
            attachment=state.file.model_dump() if state.file else None,
            channel=ctx.incoming.channel,
            now=ctx.now,
            confirm=confirm,
        )
        return [ctx.reply("broadcast.queued", accounts=len(audience.accounts), edit=True)]


def sent_already(ctx: Context, nonce: str, value: str) -> list[Reply] | None:
    """«Gửi» pressed again on a preview whose message went: said, with when and to how many,
    and nothing is sent twice. Only staff and admins ever sent one, so a forged press by
    anyone else finds nothing (and is told the button is old)."""
    if value != "send" or not ctx.actor.registered:
        return None
    sent = broadcast.sent_for(session=ctx.session, person_id=ctx.actor.person_id, confirm=nonce)
    if sent is None:
        return None
    when = texts.when(sent.created_at, ctx.deps.tz)
    return [ctx.reply("broadcast.sent_already", time=when, accounts=sent.total)]


def register(router: Router) -> None:
    flow = BroadcastFlow()
    router.add_flow(flow)
    router.answered_buttons.append(sent_already)
    router.command("broadcast", roles=("staff", "admin"), help_key="broadcast.help")(flow.start)

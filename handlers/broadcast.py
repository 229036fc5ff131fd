"""/broadcast: staff write a message (optionally with a file), choose who gets it, see the
count and a preview, confirm. Delivery and progress happen in the background (outbox)."""

from __future__ import annotations

from handlers import unit_picker
from handlers.context import Context
from ground.messages import Reply
from handlers.router import Router
from services import broadcast, status

#: Audience kinds that need a directive number first.
BY_DIRECTIVE = ("not_reported", "overdue", "not_acknowledged")


class BroadcastFlow:
    name = "broadcast"
    roles = frozenset({"admin", "staff"})

    def start(self, ctx: Context, args: str) -> list[Reply]:
        ctx.flow_start(self.name, "text")
        if args.strip():
            return self.on_text(ctx, args.strip())
        return [ctx.reply("broadcast.ask_text")]

    def describe(self, ctx: Context) -> str:
        return ctx.t("broadcast.describe")

    def on_text(self, ctx: Context, text: str) -> list[Reply]:
        step = ctx.state.step
        if step == "text":
            if len(text) > broadcast.MAX_TEXT:
                return [ctx.reply("broadcast.too_long", length=len(text), limit=broadcast.MAX_TEXT)]
            ctx.flow_goto("audience", text=text)
            return [self._ask_audience(ctx)]
        if step == "directive":
            found = status.lookup(session=ctx.session, actor=ctx.actor, text=text)
            if found.status != "ok":
                return [ctx.reply("broadcast.directive_unknown", number=text[:64])]
            spec = {"kind": ctx.flow_data["kind"], "directive_id": found.directive.id,
                    "number": found.directive.number or f"#{found.directive.id}"}
            return self._preview(ctx, spec)
        return [ctx.reply("directive.use_buttons")]

    def on_attachment(self, ctx: Context) -> list[Reply]:
        attachment = ctx.incoming.attachment
        if ctx.state.step != "text" or attachment is None:
            return [ctx.reply("directive.use_buttons")]
        name = attachment.file_name or "tep"
        limit = ctx.deps.settings.max_upload_bytes
        if (attachment.size or 0) > limit or (attachment.content is not None and len(attachment.content) > limit):
            return [ctx.reply("broadcast.file_too_large", name=name, max_mb=limit // (1024 * 1024))]
        if attachment.content is None:
            return [ctx.reply("broadcast.file_unreadable", name=name)]
        path = broadcast.save_file(folder=ctx.deps.settings.attachments_dir, nonce=ctx.flow_data["_n"], name=name,
                                   content=attachment.content)
        file = {"name": name, "mime_type": attachment.mime_type or "application/octet-stream", "path": path}
        caption = (ctx.incoming.text or "").strip()
        if caption:
            ctx.flow_goto("text", file=file)
            return self.on_text(ctx, caption)
        ctx.flow_goto("text", file=file)
        return [ctx.reply("broadcast.file_saved", name=name)]

    def on_button(self, ctx: Context, value: str) -> list[Reply]:
        step = ctx.state.step
        if step == "audience" and value in broadcast.AUDIENCES:
            if value == "all":
                return self._preview(ctx, {"kind": "all"})
            if value == "picked":
                cells = broadcast.cells_of(session=ctx.session, unit_id=broadcast.own_unit(ctx.actor))
                ctx.flow_goto("pick", units=unit_picker.candidates_data(cells), selected=[], page=0)
                return [unit_picker.render(ctx, ctx.flow_data, edit=True)]
            ctx.flow_goto("directive", kind=value)
            return [ctx.reply("broadcast.ask_directive")]
        if step == "pick":
            return self._pick(ctx, value)
        if step == "confirm" and value == "send":
            return self._send(ctx)
        if value == "cancel":
            ctx.flow_end()
            return [ctx.reply("broadcast.cancelled", edit=True)]
        return [ctx.reply("button.stale")]

    # ---- steps ----------------------------------------------------------------------------
    def _ask_audience(self, ctx: Context) -> Reply:
        rows = [[ctx.flow_button(ctx.t(f"broadcast.audience_{kind}"), kind)] for kind in broadcast.AUDIENCES]
        rows.append([ctx.flow_button(ctx.t("broadcast.cancel"), "cancel")])
        return Reply(text=ctx.t("broadcast.ask_audience"), choices=rows)

    def _pick(self, ctx: Context, value: str) -> list[Reply]:
        if value == "done":
            return self._preview(ctx, {"kind": "picked", "unit_ids": list(ctx.flow_data["selected"])})
        changed = unit_picker.press(ctx.flow_data, value)
        if changed is None:
            return [ctx.reply("button.stale")]
        ctx.flow_goto("pick", **changed)
        return [unit_picker.render(ctx, ctx.flow_data, edit=True)]

    def _preview(self, ctx: Context, spec: dict) -> list[Reply]:
        audience = broadcast.choose(session=ctx.session, actor=ctx.actor, spec=spec, now=ctx.now)
        if not audience.accounts:
            ctx.flow_goto("audience")
            return [ctx.reply("broadcast.empty"), self._ask_audience(ctx)]
        data = ctx.flow_data
        unreachable = ""
        if audience.unreachable:
            unreachable = ctx.t("broadcast.preview_unreachable", count=len(audience.unreachable),
                                codes=", ".join(u.code for u in audience.unreachable[:30]))
        if data.get("file"):
            unreachable += ctx.t("broadcast.preview_file", name=data["file"]["name"])
        ctx.flow_goto("confirm", spec=spec)
        buttons = [[ctx.flow_button(ctx.t("broadcast.confirm"), "send"), ctx.flow_button(ctx.t("broadcast.cancel"), "cancel")]]
        text = ctx.t("broadcast.preview", text=data["text"], audience=broadcast.describe(ctx.t, spec),
                     accounts=len(audience.accounts), units=len(audience.units) - len(audience.unreachable),
                     unreachable=unreachable)
        return [Reply(text=text, choices=buttons)]

    def _send(self, ctx: Context) -> list[Reply]:
        data = ctx.flow_data
        # The audience is chosen again at the moment of sending: a cell that reported while
        # staff read the preview is not pushed any more.
        audience = broadcast.choose(session=ctx.session, actor=ctx.actor, spec=data["spec"], now=ctx.now)
        ctx.flow_end()
        if not audience.accounts:
            return [ctx.reply("broadcast.empty")]
        broadcast.create(session=ctx.session, actor=ctx.actor, audience=audience, text=data["text"],
                         attachment=data.get("file"), channel=ctx.incoming.channel, now=ctx.now)
        return [ctx.reply("broadcast.queued", accounts=len(audience.accounts), edit=True)]


def register(router: Router) -> None:
    flow = BroadcastFlow()
    router.add_flow(flow)
    router.command("broadcast", roles=("staff", "admin"), help_key="broadcast.help")(flow.start)

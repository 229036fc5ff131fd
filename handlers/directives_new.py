"""/new: staff register a directive by pasting its text (or sending a .docx/.txt), check the
summary, fix what the parser got wrong, choose the recipients and publish.

Nothing is written to the directive tables before the final confirmation: the draft lives in
the conversation state, so /cancel or an abandoned flow leaves no rows behind.
"""

from __future__ import annotations

from typing import Any

from handlers import unit_picker
from handlers.context import Context
from ground.messages import Reply
from handlers.router import Router
from services import directive_drafts as drafts
from services import directive_recipients as recipients
from services import directive_texts as texts
from services import directives
from services.localtime import format_date, to_local
from services.parsing import DeadlineError, DocumentFormatError, decode_text_file, extract_text_from_docx, parse_document


#: A text this long, sent right after a pasted document, is read as its continuation.
CONTINUATION_MIN_CHARS = 200
#: A pasted part at least this long was probably cut by the client; what follows continues it.
CUT_PART_MIN_CHARS = 1900


class NewDirectiveFlow:
    name = "directive_new"
    roles = frozenset({"staff", "admin"})

    def start(self, ctx: Context, args: str) -> list[Reply]:
        """Ask for the document (or take it from the command's own text)."""
        ctx.flow_start(self.name, "text")
        if args:
            return self.on_text(ctx, args)
        return [ctx.reply("directive.ask_text")]

    def describe(self, ctx: Context) -> str:
        return ctx.t("directive.describe")

    # ---- input ----------------------------------------------------------------------------
    def on_text(self, ctx: Context, text: str) -> list[Reply]:
        step = ctx.state.step
        if step == "text":
            return self._got_document(ctx, text)
        if step == "review" and ctx.flow_data.get("pasted") and self._continues(ctx.flow_data, text):
            return self._got_document(ctx, ctx.flow_data["pasted"] + "\n" + text, continued=True, part=text)
        if step == "value":
            draft = drafts.set_field(ctx.flow_data["draft"], ctx.flow_data["field"], text[:500])
            return self._review(ctx, draft)
        if step == "add":
            return self._add_deadline(ctx, text)
        if step in ("recipients", "pick"):
            return self._typed_codes(ctx, text)
        # The buttons of the current question stay valid: just point at them.
        return [ctx.reply("directive.use_buttons")]

    def on_attachment(self, ctx: Context) -> list[Reply]:
        if ctx.state.step != "text":
            return [ctx.reply("directive.use_buttons")]
        attachment = ctx.incoming.attachment
        name = (attachment.file_name or "").lower()
        if attachment.kind != "document" or attachment.content is None:
            return [ctx.reply("directive.not_a_file")]
        try:
            if name.endswith(".docx"):
                text = extract_text_from_docx(attachment.content)
            elif name.endswith(".txt"):
                text = decode_text_file(attachment.content)
            else:
                return [ctx.reply("directive.unsupported_file", name=attachment.file_name or "")]
        except DocumentFormatError as exc:
            return [ctx.reply("directive.bad_file", name=attachment.file_name or "", reason=str(exc))]
        return self._got_document(ctx, text)

    def on_button(self, ctx: Context, value: str) -> list[Reply]:
        step, data = ctx.state.step, ctx.flow_data
        if value == "cancel":
            ctx.flow_end()
            return [ctx.reply("cancel.done", what=self.describe(ctx))]
        if step == "review":
            return self._review_button(ctx, value, data["draft"])
        if step == "field" and value in drafts.EDITABLE_FIELDS:
            ctx.flow_goto("value", field=value)
            return [ctx.reply(f"directive.ask_value.{value}")]
        if step == "remove" and value.isdigit():
            return self._review(ctx, drafts.remove_deadline(data["draft"], int(value)))
        if step == "recipients":
            return self._recipients_button(ctx, value, data)
        if step == "pick":
            return self._pick_button(ctx, value, data)
        if step == "publish" and value in ("publish", "back"):
            return self._publish(ctx, data) if value == "publish" else self._ask_recipients(ctx)
        return [ctx.reply("button.stale")]

    # ---- document and review ------------------------------------------------------------------
    @staticmethod
    def _continues(data: dict[str, Any], text: str) -> bool:
        """Chat clients cut a long paste into several messages (Telegram at 4096 characters,
        Zalo sooner): right after a paste, a long text, or any text after a part that was as
        long as a client cuts, is the rest of the document."""
        return len(text) >= CONTINUATION_MIN_CHARS or data.get("last_part", 0) >= CUT_PART_MIN_CHARS

    def _got_document(self, ctx: Context, text: str, *, continued: bool = False, part: str | None = None) -> list[Reply]:
        if len(text) > drafts.MAX_TEXT_CHARS:
            return [ctx.reply("directive.too_long", length=len(text), limit=drafts.MAX_TEXT_CHARS)]
        parsed = parse_document(text, today=to_local(ctx.now, ctx.deps.tz).date())
        if not drafts.looks_like_directive(parsed):
            return [ctx.reply("directive.not_document")]
        ctx.flow_goto(ctx.state.step, pasted=text, last_part=len(part if part is not None else text))
        note = ctx.t("directive.continued", length=len(text)) if continued else ""
        return self._review(ctx, drafts.draft_from_parsed(parsed, text), note=note)

    def _review(self, ctx: Context, draft: dict[str, Any], *, note: str = "") -> list[Reply]:
        ctx.flow_goto("review", draft=draft)
        return [self._summary(ctx, draft, note=note)]

    def _summary(self, ctx: Context, draft: dict[str, Any], *, note: str = "") -> Reply:
        text = texts.summary(ctx.t, draft, to_local(ctx.now, ctx.deps.tz).replace(tzinfo=None))
        b = ctx.flow_button
        first = b(ctx.t("directive.button.confirm"), "confirm") if draft["deadlines"] else b(ctx.t("directive.button.no_deadline"), "confirm")
        rows = [[first, b(ctx.t("directive.button.edit"), "edit")],
                [b(ctx.t("directive.button.add_deadline"), "add")]
                + ([b(ctx.t("directive.button.remove_deadline"), "remove")] if draft["deadlines"] else []),
                [b(ctx.t("directive.button.cancel"), "cancel")]]
        return Reply(text=f"{note}\n{text}".strip(), choices=rows)

    def _review_button(self, ctx: Context, value: str, draft: dict[str, Any]) -> list[Reply]:
        if value == "confirm":
            return self._ask_recipients(ctx)
        if value == "edit":
            ctx.flow_goto("field")
            rows = [[ctx.flow_button(ctx.t(f"directive.button.field_{f}"), f)] for f in drafts.EDITABLE_FIELDS]
            return [Reply(text=ctx.t("directive.ask_field"), choices=rows)]
        if value == "add":
            ctx.flow_goto("add")
            return [ctx.reply("directive.ask_deadline")]
        if value == "remove" and draft["deadlines"]:
            ctx.flow_goto("remove")
            rows = [[ctx.flow_button(texts.deadline_line(ctx.t, d["kind"], d["shown"]), str(i))]
                    for i, d in enumerate(draft["deadlines"])]
            return [Reply(text=ctx.t("directive.ask_remove"), choices=rows)]
        return [ctx.reply("button.stale")]

    def _add_deadline(self, ctx: Context, phrase: str) -> list[Reply]:
        local_now = to_local(ctx.now, ctx.deps.tz)
        result = drafts.add_deadline(ctx.flow_data["draft"], phrase[:300], today=local_now.date())
        if isinstance(result, DeadlineError):
            return [ctx.reply("directive.deadline_error", message=texts.parser_message(result.message))]
        draft, entry = result
        note = ctx.t("directive.deadline_added", line=texts.deadline_text(ctx.t, entry["kind"], entry["shown"]))
        if drafts.is_past(entry, local_now.replace(tzinfo=None)):
            note += "\n" + ctx.t("directive.deadline_past", today=format_date(local_now.date()))
        return self._review(ctx, draft, note=note)

    # ---- recipients ---------------------------------------------------------------------------
    def _ask_recipients(self, ctx: Context) -> list[Reply]:
        draft = ctx.flow_data["draft"]
        unit = recipients.staff_unit(session=ctx.session, actor=ctx.actor)
        everyone = recipients.default_audience(session=ctx.session, unit=unit)
        if not everyone:
            return [ctx.reply("directive.no_units")]
        named = recipients.match_addressees(session=ctx.session, unit=unit, lines=draft["addressees"] + draft["recipients_text"])
        ctx.flow_goto("recipients", all=[u.id for u in everyone], named=[u.id for u in named],
                      units=unit_picker.candidates_data(recipients.pickable_units(session=ctx.session, unit=unit)),
                      selected=[], page=0)
        b = ctx.flow_button
        rows = [[b(ctx.t("directive.button.all_units", count=len(everyone)), "all")]]
        if named:
            rows.append([b(ctx.t("directive.button.by_addressees", count=len(named)), "named")])
        rows += [[b(ctx.t("directive.button.pick"), "pick")], [b(ctx.t("directive.button.cancel"), "cancel")]]
        return [Reply(text=ctx.t("directive.ask_recipients"), choices=rows)]

    def _recipients_button(self, ctx: Context, value: str, data: dict[str, Any]) -> list[Reply]:
        if value in ("all", "named"):
            return self._confirm_publish(ctx, data[value])
        if value == "pick":
            ctx.flow_goto("pick")
            return [unit_picker.render(ctx, ctx.flow_data)]
        return [ctx.reply("button.stale")]

    def _pick_button(self, ctx: Context, value: str, data: dict[str, Any]) -> list[Reply]:
        if value == "done":
            if not data["selected"]:
                return [ctx.reply("directive.none_selected"), unit_picker.render(ctx, data)]
            return self._confirm_publish(ctx, data["selected"])
        changed = unit_picker.press(data, value)
        if changed is None:
            return [ctx.reply("button.stale")]
        ctx.flow_goto("pick", selected=changed["selected"], page=changed.get("page", data.get("page", 0)))
        return [unit_picker.render(ctx, ctx.flow_data, edit=True)]

    def _typed_codes(self, ctx: Context, text: str) -> list[Reply]:
        unit = recipients.staff_unit(session=ctx.session, actor=ctx.actor)
        found, unknown = recipients.units_by_codes(session=ctx.session, unit=unit, text=text)
        selected = list(dict.fromkeys([*ctx.flow_data.get("selected", []), *(u.id for u in found)]))
        ctx.flow_goto("pick", selected=selected)
        replies = [ctx.reply("directive.codes_unknown", codes=", ".join(unknown))] if unknown else []
        return replies + [unit_picker.render(ctx, ctx.flow_data)]

    def _confirm_publish(self, ctx: Context, unit_ids: list[int]) -> list[Reply]:
        ctx.flow_goto("publish", selected=list(unit_ids))
        data = ctx.flow_data
        b = ctx.flow_button
        rows = [[b(ctx.t("directive.button.publish"), "publish"), b(ctx.t("directive.button.back"), "back")],
                [b(ctx.t("directive.button.cancel"), "cancel")]]
        text = ctx.t("directive.confirm_publish", title=texts.title(data["draft"], ctx.t), count=len(unit_ids),
                     units=unit_picker.unit_lines(ctx, data))
        return [Reply(text=text, choices=rows)]

    def _publish(self, ctx: Context, data: dict[str, Any]) -> list[Reply]:
        unit = recipients.staff_unit(session=ctx.session, actor=ctx.actor)
        who = directives.Who(ctx.actor.person_id, ctx.actor.account_id, ctx.incoming.channel)
        directive = directives.register(session=ctx.session, draft=data["draft"], unit_id=unit.id, who=who, now=ctx.now, tz=ctx.deps.tz)
        queued = directives.publish(session=ctx.session, directive=directive, unit_ids=data["selected"], who=who, now=ctx.now,
                                     config=ctx.deps.reminders)
        ctx.outbox_touched = True
        ctx.flow_end()
        replies = [ctx.reply("directive.published", title=texts.title(directive, ctx.t), count=len(data["selected"]),
                             messages=queued, number=directives.lookup_key(directive))]
        unreached = directives.units_without_reachable_secretary(session=ctx.session, unit_ids=data["selected"])
        if unreached:
            replies.append(ctx.reply("directive.unreached", codes=", ".join(u.code for u in unreached)))
        return replies


def register(router: Router) -> None:
    flow = NewDirectiveFlow()
    router.add_flow(flow)
    router.command("new", roles=("staff", "admin"), help_key="directive.help.new")(flow.start)

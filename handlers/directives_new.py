"""/new: staff register a directive by pasting its text (or sending a .docx/.txt), check the
summary, fix what the parser got wrong, choose the recipients and publish.

Nothing is written to the directive tables before the final confirmation: the draft lives in
the conversation state, so /cancel or an abandoned flow leaves no rows behind.
"""

from __future__ import annotations

from typing import Any

from ground.messages import Reply
from ground.reply_limits import budget_for, utf16_units
from handlers import unit_picker
from handlers.context import Context
from handlers.directives_view import doc_replies
from handlers.flow_state import FlowState, required
from handlers.flow_steps import Step, StepFlow
from handlers.router import Router
from handlers.unit_picker import UnitPicker
from services import directive_drafts as drafts
from services import directive_recipients as recipients
from services import directive_texts as texts
from services import directives
from services import document_intake as intake
from services.limits import cut
from services.localtime import format_date, to_local
from services.parsing import DeadlineError, parse_document
from services.reach import unreachable_text


class NewDirectiveState(FlowState):
    #: The whole document so far; a long paste arrives in several messages.
    pasted_text: str | None = None
    last_part_length: int = 0
    #: "paste" or "file": only a paste is cut by the client and continued by the next message.
    document_source: str = "paste"
    #: What the parser found, corrected by staff (services/directive_drafts.py).
    draft: dict[str, Any] | None = None
    editing_field: str | None = None
    #: The directive already registered under the draft's number, while staff choose what to do.
    existing_directive_id: int | None = None
    #: The directive this one replaces (a changed version registered under the same number).
    amends_directive_id: int | None = None
    all_unit_ids: list[int] = []
    named_unit_ids: list[int] = []
    picker: UnitPicker | None = None
    #: The units the directive will be published to, shown for confirmation.
    recipient_ids: list[int] = []
    #: The deadline «Xóa hạn» picked, while staff confirm removing it (its index in the draft).
    removing: int | None = None
    #: None for a typed or digital document; for one read by OCR, the line about pages left
    #: unread ("" when all were read): every summary of this draft then says "check it".
    ocr_note: str | None = None


class NewDirectiveFlow(StepFlow[NewDirectiveState]):
    name = "directive_new"
    roles = frozenset({"staff", "admin"})
    state_type = NewDirectiveState
    otherwise = {**StepFlow.otherwise, "attachment": "directive.use_buttons"}

    def steps(self) -> dict[str, Step]:
        return {
            "text": Step(text=self._got_text, attachment=self._got_file),
            "review": Step(text=self._got_more_text, button=self._review_button),
            "field": Step(button=self._chose_field),
            "value": Step(text=self._got_value),
            "add": Step(text=self._add_deadline),
            "remove": Step(button=self._removed_deadline),
            "remove_confirm": Step(button=self._remove_answered),
            "duplicate": Step(button=self._duplicate_button),
            "recipients": Step(text=self._typed_codes, button=self._recipients_button),
            "pick": Step(text=self._typed_codes, button=self._pick_button),
            "publish": Step(button=self._publish_button),
        }

    def start(self, ctx: Context, args: str) -> list[Reply]:
        """Ask for the document (or take it from the command's own text)."""
        ctx.flow_start(self.name, "text", NewDirectiveState())
        if args:
            return self.on_text(ctx, args)
        return [ctx.reply("directive.ask_text")]

    def describe(self, ctx: Context) -> str:
        return ctx.t("directive.describe")

    def on_button(self, ctx: Context, value: str) -> list[Reply]:
        if value == "cancel":
            ctx.flow_end()
            return [ctx.reply("cancel.done", what=self.describe(ctx))]
        return super().on_button(ctx, value)

    # ---- document and review ------------------------------------------------------------------
    def _got_text(self, ctx: Context, state: NewDirectiveState, text: str) -> list[Reply]:
        return self._got_document(ctx, state, text)

    def _got_file(self, ctx: Context, state: NewDirectiveState) -> list[Reply]:
        """A file or photo of the document: read by content (PDF, photo by OCR, .docx, .txt)."""
        attachment = required(ctx.incoming.attachment, "attachment")  # only files reach this step
        if attachment.kind not in ("document", "photo"):
            return [ctx.reply("directive.not_a_file")]
        try:
            document = intake.read_upload(
                attachment.content,
                file_name=attachment.file_name or "",
                size=attachment.size,
                max_bytes=ctx.deps.settings.max_upload_bytes,
                ocr=ctx.deps.ocr,
            )
        except intake.Refused as refused:
            reason = ctx.t(refused.key, **refused.params)
            if attachment.kind == "photo":
                return [ctx.reply("directive.bad_photo", reason=reason)]
            return [ctx.reply("directive.bad_file", name=attachment.file_name or "", reason=reason)]
        return self._got_document(ctx, state, document.text, source="file", read=document)

    def _got_more_text(self, ctx: Context, state: NewDirectiveState, text: str) -> list[Reply]:
        if state.pasted_text and drafts.continues_paste(
            source=state.document_source, last_part=state.last_part_length, text=text
        ):
            return self._got_document(ctx, state, state.pasted_text + "\n" + text, continued=True, part=text)
        # A short reply here answers the summary (a typo, "ok", an option out of range):
        # never part of the official text. The summary's choices are shown again.
        return [
            Reply(
                text=ctx.t("directive.review_typed", typed=text.strip()[:60]),
                choices=self._summary(ctx, required(state.draft, "draft")).choices,
            )
        ]

    def _got_document(
        self,
        ctx: Context,
        state: NewDirectiveState,
        text: str,
        *,
        source: str = "paste",
        continued: bool = False,
        part: str | None = None,
        read: intake.DocumentIn | None = None,
    ) -> list[Reply]:
        if len(text) > drafts.MAX_TEXT_CHARS:
            return [ctx.reply("directive.too_long", length=len(text), limit=drafts.MAX_TEXT_CHARS)]
        parsed = parse_document(text, today=to_local(ctx.now, ctx.deps.tz).date())
        if not drafts.looks_like_directive(parsed):
            return [ctx.reply("directive.ocr_not_document" if read and read.by_ocr else "directive.not_document")]
        state.pasted_text, state.last_part_length = text, len(part if part is not None else text)
        if not continued:  # a continuation keeps what the first part was read from
            state.document_source = source
            state.ocr_note = self._ocr_mark(ctx, read)
        note = ctx.t("directive.continued", length=len(text)) if continued else ""
        return self._review(ctx, state, drafts.draft_from_parsed(parsed, text), note=note)

    @staticmethod
    def _ocr_mark(ctx: Context, read: intake.DocumentIn | None) -> str | None:
        """None for a typed or digital document; for one read by OCR, the extra line about
        pages left unread ("" when all were read)."""
        if read is None or not read.by_ocr:
            return None
        lines = [ctx.t("directive.ocr_unreadable_layer")] if read.unreadable_layer else []
        if read.pages_cut:
            lines.append(ctx.t("directive.ocr_pages_cut", read=read.pages_read, total=read.page_count))
        return "\n".join(lines)

    def _review(self, ctx: Context, state: NewDirectiveState, draft: dict[str, Any], *, note: str = "") -> list[Reply]:
        state.draft = draft
        ctx.flow_goto("review", state)
        if state.ocr_note is not None:  # read by OCR: every summary of this draft says "check it" first
            note = "\n".join(filter(None, [ctx.t("directive.ocr_note"), state.ocr_note, note]))
        return [self._summary(ctx, draft, note=note)]

    def _summary(self, ctx: Context, draft: dict[str, Any], *, note: str = "") -> Reply:
        text = texts.summary(ctx.t, draft, to_local(ctx.now, ctx.deps.tz).replace(tzinfo=None))
        b = ctx.flow_button
        first = (
            b(ctx.t("directive.button.confirm"), "confirm")
            if draft["deadlines"]
            else b(ctx.t("directive.button.no_deadline"), "confirm")
        )
        rows = [
            [first, b(ctx.t("directive.button.edit"), "edit")],
            [b(ctx.t("directive.button.add_deadline"), "add")]
            + ([b(ctx.t("directive.button.remove_deadline"), "remove")] if draft["deadlines"] else []),
            [b(ctx.t("directive.button.cancel"), "cancel")],
        ]
        return Reply(text=f"{note}\n{text}".strip(), choices=rows)

    def _review_button(self, ctx: Context, state: NewDirectiveState, value: str) -> list[Reply]:
        draft = required(state.draft, "draft")
        if value == "confirm":
            unit = recipients.staff_unit(session=ctx.session, actor=ctx.actor)
            existing = (
                directives.same_number(session=ctx.session, unit_id=unit.id, number=draft.get("number")) if unit else []
            )
            if existing and state.amends_directive_id != existing[-1].id:
                return self._ask_duplicate(ctx, state, existing)
            return self._ask_recipients(ctx, state)
        if value == "edit":
            ctx.flow_goto("field")
            rows = [[ctx.flow_button(ctx.t(f"directive.button.field_{f}"), f)] for f in drafts.EDITABLE_FIELDS]
            return [Reply(text=ctx.t("directive.ask_field"), choices=rows)]
        if value == "add":
            ctx.flow_goto("add")
            return [ctx.reply("directive.ask_deadline")]
        if value == "remove" and draft["deadlines"]:
            ctx.flow_goto("remove")
            rows = [
                [ctx.flow_button(texts.deadline_text(ctx.t, d["kind"], d["shown"]), str(i))]
                for i, d in enumerate(draft["deadlines"])
            ]
            rows.append([ctx.flow_button(ctx.t("directive.button.back"), "back")])
            return [Reply(text=ctx.t("directive.ask_remove"), choices=rows)]
        return [ctx.reply("button.stale")]

    def _ask_duplicate(self, ctx: Context, state: NewDirectiveState, existing: list[Any]) -> list[Reply]:
        """The number is taken in this unit: open the one registered, or send this as its
        changed version (which replaces it), or fix a mistyped number."""
        state.existing_directive_id = existing[-1].id
        ctx.flow_goto("duplicate", state)
        lines = [ctx.t("directive.duplicate.head", number=required(state.draft, "draft")["number"])]
        lines += [texts.which_line(ctx.t, d, ctx.deps.tz) for d in existing]
        lines.append(ctx.t("directive.duplicate.ask"))
        b = ctx.flow_button
        rows = [
            [b(ctx.t("directive.button.open_existing"), "open")],
            [b(ctx.t("directive.button.amend"), "amend")],
            [b(ctx.t("directive.button.fix_number"), "number"), b(ctx.t("directive.button.cancel"), "cancel")],
        ]
        return [Reply(text="\n".join(lines), choices=rows)]

    def _duplicate_button(self, ctx: Context, state: NewDirectiveState, value: str) -> list[Reply]:
        existing = directives.get(
            session=ctx.session, directive_id=required(state.existing_directive_id, "existing_directive_id")
        )
        if existing is None or not directives.can_manage(session=ctx.session, actor=ctx.actor, directive=existing):
            return [ctx.reply("button.stale")]
        if value == "open":
            ctx.flow_end()
            return doc_replies(ctx, existing)
        if value == "amend":
            state.amends_directive_id = existing.id
            return self._ask_recipients(ctx, state)
        if value == "number":
            state.editing_field = "number"
            ctx.flow_goto("value", state)
            return [ctx.reply("directive.ask_value.number")]
        return [ctx.reply("button.stale")]

    def _chose_field(self, ctx: Context, state: NewDirectiveState, value: str) -> list[Reply]:
        if value not in drafts.EDITABLE_FIELDS:
            return [ctx.reply("button.stale")]
        state.editing_field = value
        ctx.flow_goto("value", state)
        return [ctx.reply(f"directive.ask_value.{value}")]

    def _got_value(self, ctx: Context, state: NewDirectiveState, text: str) -> list[Reply]:
        field = required(state.editing_field, "editing_field")
        try:
            draft = drafts.set_field(required(state.draft, "draft"), field, text)
        except drafts.ValueTooLong as too_long:
            return [
                ctx.reply("directive.value_too_long", length=too_long.length, max=too_long.limit),
                ctx.reply(f"directive.ask_value.{field}"),
            ]
        except drafts.InvalidValue:
            return [
                ctx.reply(f"directive.bad_value.{field}", typed=cut(text.strip(), 60)),
                ctx.reply(f"directive.ask_value.{field}"),
            ]
        return self._review(ctx, state, draft)

    def _removed_deadline(self, ctx: Context, state: NewDirectiveState, value: str) -> list[Reply]:
        """A deadline picked to remove: asked once more before it goes (one press too many on a
        list of deadlines drops the wrong one)."""
        deadlines = required(state.draft, "draft")["deadlines"]
        if value == "back":
            return self._review(ctx, state, required(state.draft, "draft"))
        if not value.isdigit() or not 0 <= int(value) < len(deadlines):
            return [ctx.reply("button.stale")]
        state.removing = int(value)
        ctx.flow_goto("remove_confirm", state)
        entry = deadlines[state.removing]
        rows = [
            [
                ctx.flow_button(ctx.t("directive.button.remove_deadline"), "yes"),
                ctx.flow_button(ctx.t("directive.button.keep_deadline"), "no"),
            ]
        ]
        line = texts.deadline_text(ctx.t, entry["kind"], entry["shown"])
        return [Reply(text=ctx.t("directive.ask_remove_confirm", line=line), choices=rows)]

    def _remove_answered(self, ctx: Context, state: NewDirectiveState, value: str) -> list[Reply]:
        draft, index = required(state.draft, "draft"), required(state.removing, "removing")
        state.removing = None
        if value not in ("yes", "no") or not 0 <= index < len(draft["deadlines"]):
            return [ctx.reply("button.stale")]
        entry = draft["deadlines"][index]
        line = texts.deadline_text(ctx.t, entry["kind"], entry["shown"])
        if value == "no":
            return self._review(ctx, state, draft, note=ctx.t("directive.deadline_kept_in_draft", line=line))
        note = ctx.t("directive.deadline_removed", line=line)
        return self._review(ctx, state, drafts.remove_deadline(draft, index), note=note)

    def _add_deadline(self, ctx: Context, state: NewDirectiveState, phrase: str) -> list[Reply]:
        local_now = to_local(ctx.now, ctx.deps.tz)
        result = drafts.add_deadline(required(state.draft, "draft"), phrase[:300], today=local_now.date())
        if isinstance(result, DeadlineError):
            return [ctx.reply("directive.deadline_error", message=texts.parser_message(result.message))]
        draft, entry = result
        note = ctx.t("directive.deadline_added", line=texts.deadline_text(ctx.t, entry["kind"], entry["shown"]))
        if drafts.is_past(entry, local_now.replace(tzinfo=None)):
            note += "\n" + ctx.t("directive.deadline_past", today=format_date(local_now.date()))
        return self._review(ctx, state, draft, note=note)

    # ---- recipients ---------------------------------------------------------------------------
    def _ask_recipients(self, ctx: Context, state: NewDirectiveState) -> list[Reply]:
        draft = required(state.draft, "draft")
        unit = required(recipients.staff_unit(session=ctx.session, actor=ctx.actor), "staff unit")  # a staff-only flow
        everyone = recipients.default_audience(session=ctx.session, unit=unit)
        if not everyone:
            return [ctx.reply("directive.no_units")]
        named = recipients.match_addressees(
            session=ctx.session, unit=unit, lines=draft["addressees"] + draft["recipients_text"]
        )
        state.all_unit_ids, state.named_unit_ids = [u.id for u in everyone], [u.id for u in named]
        state.picker = UnitPicker.of(recipients.pickable_units(session=ctx.session, unit=unit))
        ctx.flow_goto("recipients", state)
        b = ctx.flow_button
        rows = [[b(ctx.t("directive.button.all_units", count=len(everyone)), "all")]]
        if named:
            rows.append([b(ctx.t("directive.button.by_addressees", count=len(named)), "named")])
        rows += [[b(ctx.t("directive.button.pick"), "pick")], [b(ctx.t("directive.button.cancel"), "cancel")]]
        return [Reply(text=ctx.t("directive.ask_recipients"), choices=rows)]

    def _recipients_button(self, ctx: Context, state: NewDirectiveState, value: str) -> list[Reply]:
        if value == "all":
            return self._confirm_publish(ctx, state, state.all_unit_ids)
        if value == "named":
            return self._confirm_publish(ctx, state, state.named_unit_ids)
        if value == "pick":
            ctx.flow_goto("pick")
            return [unit_picker.render(ctx, required(state.picker, "picker"))]
        return [ctx.reply("button.stale")]

    def _pick_button(self, ctx: Context, state: NewDirectiveState, value: str) -> list[Reply]:
        picker = required(state.picker, "picker")
        if value == "done":
            if not picker.selected:
                return [ctx.reply("directive.none_selected"), unit_picker.render(ctx, picker)]
            return self._confirm_publish(ctx, state, picker.selected)
        if not unit_picker.press(picker, value):
            return [ctx.reply("button.stale")]
        ctx.flow_goto("pick", state)
        return [unit_picker.render(ctx, picker, edit=True)]

    def _typed_codes(self, ctx: Context, state: NewDirectiveState, text: str) -> list[Reply]:
        unit = required(recipients.staff_unit(session=ctx.session, actor=ctx.actor), "staff unit")  # a staff-only flow
        found, unknown = recipients.units_by_codes(session=ctx.session, unit=unit, text=text)
        picker = required(state.picker, "picker")
        already = unit_picker.already_ticked_reply(ctx, picker, [u.id for u in found])
        unit_picker.add(picker, [u.id for u in found])
        ctx.flow_goto("pick", state)
        replies = [unit_picker.unknown_codes_reply(ctx, picker, unknown)] if unknown else []
        replies += [already] if already is not None else []
        return replies + [unit_picker.render(ctx, picker)]

    def _confirm_publish(self, ctx: Context, state: NewDirectiveState, unit_ids: list[int]) -> list[Reply]:
        state.recipient_ids = list(unit_ids)
        ctx.flow_goto("publish", state)
        b = ctx.flow_button
        rows = [
            [b(ctx.t("directive.button.publish"), "publish"), b(ctx.t("directive.button.back"), "back")],
            [b(ctx.t("directive.button.cancel"), "cancel")],
        ]
        title = texts.title(required(state.draft, "draft"), ctx.t)
        head = ctx.t("directive.confirm_publish.head", title=title, count=len(unit_ids))
        ask = ctx.t("directive.confirm_publish.ask")
        # Said before «Gửi», so staff can invite first: who nobody can be told yet, and why.
        warning = unreachable_text(
            ctx.t, directives.reach_of_units(session=ctx.session, unit_ids=unit_ids), head="reach.head_before"
        )
        # The list is joined here, not in a catalog placeable (Fluent refuses one over 1,000
        # characters), and gets what the question under it leaves: a long list is cut, never it.
        budget = budget_for(ctx.incoming.channel) - utf16_units(head) - utf16_units(ask) - utf16_units(warning) - 3
        units = unit_picker.unit_lines(ctx, required(state.picker, "picker"), state.recipient_ids, budget)
        return [Reply(text="\n".join(filter(None, [head, units, warning, ask])), choices=rows)]

    def _publish_button(self, ctx: Context, state: NewDirectiveState, value: str) -> list[Reply]:
        if value == "publish":
            return self._publish(ctx, state)
        if value == "back":
            return self._ask_recipients(ctx, state)
        return [ctx.reply("button.stale")]

    def _publish(self, ctx: Context, state: NewDirectiveState) -> list[Reply]:
        unit = required(recipients.staff_unit(session=ctx.session, actor=ctx.actor), "staff unit")  # a staff-only flow
        who = directives.Who(ctx.actor.person_id, ctx.actor.account_id, ctx.incoming.channel)
        directive = directives.register(
            session=ctx.session,
            draft=required(state.draft, "draft"),
            unit_id=unit.id,
            who=who,
            now=ctx.now,
            tz=ctx.deps.tz,
            amends_id=state.amends_directive_id,
        )
        published = directives.publish(
            session=ctx.session,
            directive=directive,
            unit_ids=state.recipient_ids,
            who=who,
            now=ctx.now,
            config=ctx.deps.reminders,
            fanout=ctx.deps.fanout,
        )
        ctx.flow_end()
        told = directives.reach_of_units(session=ctx.session, unit_ids=state.recipient_ids)
        title, number = texts.title(directive, ctx.t), directives.lookup_key(directive)
        if published.finished:
            text = ctx.t(
                "directive.published", title=title, count=len(told.reached), messages=published.queued, number=number
            )
        else:  # the rest goes out in the background; staff are told when every unit has it
            text = ctx.t("directive.sending", title=title, count=len(told.reached), number=number)
        superseded = ctx.t("directive.superseded", id=directive.amends_id) if directive.amends_id else ""
        return [Reply(text="\n".join(filter(None, [text, superseded, unreachable_text(ctx.t, told)])))]


def register(router: Router) -> None:
    flow = NewDirectiveFlow()
    router.add_flow(flow)
    router.command("new", roles=("staff", "admin"), help_key="directive.help.new")(flow.start)

"""Staff commands about reminders: /reminders (the plan), /remind (now, after confirming),
/close (stop a directive), /notify each|digest (how report notifications arrive).

Button data can be forged, so the confirm button re-checks that this staff member manages
the directive."""

from __future__ import annotations

import secrets
from datetime import datetime

from ground.messages import Choice, Reply
from handlers.context import Context
from handlers.directives_view import find_one
from handlers.router import Router
from services import directives
from services.localtime import format_local_datetime
from services.reach import unreachable_text
from services.reminders import staff_tools
from services.reminders.texts import title
from storage.tables import Directive

STAFF = ("staff", "admin")


def _managed(ctx: Context, args: str, usage_key: str, command: str):  # noqa: ANN202
    directive, replies = find_one(ctx, args, usage_key, command=command)
    if directive is not None and not directives.can_manage(session=ctx.session, actor=ctx.actor, directive=directive):
        ctx.audit("denied", command=usage_key.split(".")[1], directive_id=directive.id)
        return None, [ctx.reply("reminder.not_allowed")]
    return directive, replies


def _button_directive(ctx: Context, prefix: str, args: str) -> tuple[Directive | None, list[Reply]]:
    """The directive a confirm button names, if this staff member manages it. A directive they
    cannot see answers exactly like one that does not exist (a stale button), and is audited."""
    directive_id = int(args) if args.isascii() and args.isdigit() and len(args) <= 12 else None
    directive = directives.get(session=ctx.session, directive_id=directive_id) if directive_id else None
    if directive is None or not directives.can_see(session=ctx.session, actor=ctx.actor, directive=directive):
        if directive is not None:
            ctx.audit("denied", button=f"{prefix}:{args[:40]}", directive_id=directive.id)
        return None, [ctx.reply("button.stale")]
    if not directives.can_manage(session=ctx.session, actor=ctx.actor, directive=directive):
        ctx.audit("denied", button=f"{prefix}:{args[:40]}", directive_id=directive.id)
        return None, [ctx.reply("reminder.not_allowed")]
    return directive, []


def _when(ctx: Context, moment: datetime | None) -> str:
    return format_local_datetime(moment, ctx.deps.tz) if moment is not None else ""


def _window_minutes() -> int:
    return int(staff_tools.REPEAT_WINDOW.total_seconds() // 60)


def _last_line(ctx: Context, last: staff_tools.LastReminded) -> str:
    """ "Lần nhắc gần nhất: tự động lúc 08:00 11/12/2026, bằng tay lúc 09:05 11/12/2026." """
    parts = []
    if last.auto is not None:
        parts.append(ctx.t("reminder.remind.last_auto", time=_when(ctx, last.auto)))
    if last.by_hand is not None:
        parts.append(ctx.t("reminder.remind.last_by_hand", time=_when(ctx, last.by_hand)))
    return ctx.t("reminder.remind.last", parts=", ".join(parts)) if parts else ""


def _closed(ctx: Context, directive: Directive, *, edit: bool = False) -> Reply:
    return ctx.reply(
        "reminder.remind.closed", directive=title(directive), number=directives.lookup_key(directive), edit=edit
    )


def _too_soon(ctx: Context, directive: Directive, last: staff_tools.LastReminded, *, edit: bool = False) -> Reply:
    return ctx.reply(
        "reminder.remind.too_soon",
        directive=title(directive),
        time=_when(ctx, last.by_hand),
        minutes=_window_minutes(),
        edit=edit,
    )


def _no_plan(ctx: Context, directive: Directive) -> Reply:
    """Why no reminder is planned, said as it is: closed, all done, nobody to remind yet, no
    deadline, or every reminder already went."""
    number = directives.lookup_key(directive)
    if directive.status == "closed":
        return ctx.reply("reminder.plan.closed", directive=title(directive), number=number)
    if directive.status != "published":
        return ctx.reply("reminder.plan.not_published", directive=title(directive))
    found = staff_tools.remind_reach(session=ctx.session, directive=directive)
    if found.count == 0:
        return ctx.reply("reminder.plan.all_done", directive=title(directive))
    if not found.reached:
        head = ctx.t("reminder.plan.nobody", directive=title(directive), count=found.count)
        return Reply(text="\n".join([head, unreachable_text(ctx.t, found, head="reminder.plan.unreached")]))
    if not staff_tools.has_deadlines(session=ctx.session, directive=directive):
        return ctx.reply("reminder.plan.no_deadline", directive=title(directive), number=number)
    return ctx.reply("reminder.plan.passed", directive=title(directive), number=number)


def register(router: Router) -> None:
    @router.command("reminders", roles=STAFF, help_key="reminder.help_reminders")
    def show_plan(ctx: Context, args: str) -> list[Reply]:
        """The reminders still planned for a directive, by time, with the cells."""
        directive, replies = _managed(ctx, args, "reminder.plan.usage", "reminders")
        if directive is None:
            return replies
        plan = staff_tools.plan(
            session=ctx.session, t=ctx.t, directive=directive, now=ctx.now, config=ctx.deps.reminders
        )
        if not plan.lines:
            return [_no_plan(ctx, directive)]
        head = ctx.t("reminder.plan.head", directive=title(directive), count=plan.messages, units=plan.units)
        found = staff_tools.remind_reach(session=ctx.session, directive=directive)
        unreached = unreachable_text(ctx.t, found, head="reminder.plan.unreached_some")
        replies = [Reply(text="\n".join([head, *plan.lines]))]
        if unreached:  # its own message: the plan stays one list of moments
            replies.append(Reply(text=unreached))
        return replies

    @router.command("remind", roles=STAFF, help_key="reminder.help_remind")
    def remind(ctx: Context, args: str) -> list[Reply]:
        """Ask before reminding every not-done cell now."""
        directive, replies = _managed(ctx, args, "reminder.remind.usage", "remind")
        if directive is None:
            return replies
        if directive.status == "closed":
            return [_closed(ctx, directive)]
        found = staff_tools.remind_reach(session=ctx.session, directive=directive)
        if found.count == 0:
            return [ctx.reply("reminder.remind.none", directive=title(directive))]
        unreachable = unreachable_text(ctx.t, found)
        if not found.reached:
            return [
                Reply(
                    text="\n".join(
                        [ctx.t("reminder.remind.nobody", count=found.count, directive=title(directive)), unreachable]
                    )
                )
            ]
        last = staff_tools.last_reminded(session=ctx.session, directive=directive, now=ctx.now)
        fresh = [u for u in found.reached if u not in last.recent]
        if not fresh:
            return [_too_soon(ctx, directive, last)]
        choices = [
            [
                # A token per question: the confirm is used up by its first press.
                Choice(ctx.t("reminder.remind.button_send"), f"rmd:{directive.id}:{secrets.token_hex(4)}"),
                Choice(ctx.t("reminder.remind.button_cancel"), "rmd:no"),
            ]
        ]
        text = ctx.t("reminder.remind.confirm", count=len(fresh), directive=title(directive))
        lines = [text, _last_line(ctx, last)]
        if len(fresh) < len(found.reached):
            lines.append(
                ctx.t(
                    "reminder.remind.skipped",
                    count=len(found.reached) - len(fresh),
                    time=_when(ctx, last.by_hand),
                    minutes=_window_minutes(),
                )
            )
        return [Reply(text="\n".join(filter(None, [*lines, unreachable])), choices=choices)]

    @router.button("rmd", roles=STAFF)
    def remind_confirmed(ctx: Context, args: str) -> list[Reply]:
        """The confirmation of /remind."""
        if args == "no":
            return [ctx.reply("reminder.remind.cancelled", edit=True)]
        directive_part, _, token = args.partition(":")
        directive, refused = _button_directive(ctx, "rmd", directive_part)
        if directive is None:
            return refused
        if not (token.isascii() and token.isalnum() and len(token) <= 16):
            return [ctx.reply("menu.stale")]
        if directive.status == "closed":  # closed between the question and the press
            return [_closed(ctx, directive, edit=True)]
        chased = staff_tools.remind_now(
            session=ctx.session, directive=directive, now=ctx.now, config=ctx.deps.reminders, token=token
        )
        if chased is None:
            return [ctx.reply("menu.stale")]
        if chased.units == 0:
            last = staff_tools.last_reminded(session=ctx.session, directive=directive, now=ctx.now)
            if last.recent:
                return [_too_soon(ctx, directive, last, edit=True)]
            return [ctx.reply("reminder.remind.waiting", directive=title(directive), edit=True)]
        # The figure is what was queued: one message per secretary account reminded.
        key = "reminder.remind.sent" if chased.messages == chased.units else "reminder.remind.sent_messages"
        return [ctx.reply(key, count=chased.units, messages=chased.messages, directive=title(directive), edit=True)]

    @router.command("close", roles=STAFF, help_key="reminder.help_close")
    def close(ctx: Context, args: str) -> list[Reply]:
        """Ask before closing a directive (no more reminders, recurring reports or reports)."""
        directive, replies = _managed(ctx, args, "reminder.close.usage", "close")
        if directive is None:
            return replies
        if directive.status == "closed":
            return [
                ctx.reply("reminder.close.already", directive=title(directive), number=directives.lookup_key(directive))
            ]
        if directive.status != "published":
            return [ctx.reply("reminder.close.not_published", directive=title(directive))]
        choices = [
            [
                Choice(ctx.t("reminder.close.button_close"), f"cls:{directive.id}"),
                Choice(ctx.t("reminder.close.button_cancel"), "cls:no"),
            ]
        ]
        recurring = staff_tools.has_recurring(session=ctx.session, directive=directive)
        return [
            ctx.reply(
                "reminder.close.confirm_recurring" if recurring else "reminder.close.confirm",
                directive=title(directive),
                number=directives.lookup_key(directive),
                choices=choices,
            )
        ]

    @router.button("cls", roles=STAFF)
    def close_confirmed(ctx: Context, args: str) -> list[Reply]:
        """The confirmation of /close; the button re-checks who may close it."""
        if args == "no":
            return [ctx.reply("reminder.close.cancelled", edit=True)]
        directive, refused = _button_directive(ctx, "cls", args)
        if directive is None:
            return refused
        if directive.status == "closed":
            return [
                ctx.reply(
                    "reminder.close.already",
                    directive=title(directive),
                    number=directives.lookup_key(directive),
                    edit=True,
                )
            ]
        recurring = staff_tools.has_recurring(session=ctx.session, directive=directive)
        cancelled = staff_tools.close(session=ctx.session, directive=directive, now=ctx.now, config=ctx.deps.reminders)
        if cancelled is None:
            return [ctx.reply("reminder.close.not_published", directive=title(directive), edit=True)]
        ctx.audit("close", directive_id=directive.id, unit_id=directive.unit_id, cancelled=cancelled)
        return [
            ctx.reply(
                "reminder.close.done_recurring" if recurring else "reminder.close.done",
                directive=title(directive),
                count=cancelled,
                number=directives.lookup_key(directive),
                edit=True,
            )
        ]

    @router.command("reopen", roles=STAFF, help_key="reminder.help_reopen")
    def reopen(ctx: Context, args: str) -> list[Reply]:
        """Undo /close: reminders are planned again from now, cells may report again."""
        directive, replies = _managed(ctx, args, "reminder.reopen.usage", "reopen")
        if directive is None:
            return replies
        planned = staff_tools.reopen(session=ctx.session, directive=directive, now=ctx.now, config=ctx.deps.reminders)
        if planned is None:
            return [ctx.reply("reminder.reopen.not_closed", directive=title(directive))]
        ctx.audit("reopen", directive_id=directive.id, unit_id=directive.unit_id, planned=planned)
        return [ctx.reply("reminder.reopen.done", directive=title(directive), count=planned)]

    @router.command("notify", roles=STAFF, help_key="reminder.help_notify")
    def notify(ctx: Context, args: str) -> list[Reply]:
        """Report notifications one by one, or in the daily digest."""
        choice = args.strip().lower()
        if not staff_tools.set_notifications(session=ctx.session, person_id=ctx.actor.known_person_id, choice=choice):
            return [ctx.reply("reminder.notify.usage")]
        return [ctx.reply(f"reminder.notify.{choice}", at=ctx.deps.reminders.digest_at)]

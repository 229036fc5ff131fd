"""Seeing directives: /directives, /doc, /unacked, and the buttons on a cell's directive message
("Đã nhận" = ack:<assignment id>, "Xem toàn văn" = full:<directive id>).

Button data can be forged by a client, so every handler re-checks on the server that the id
belongs to this user (the router has only checked the role).
"""

from __future__ import annotations

import dataclasses

from ground.messages import MAX_BUTTON_DATA_BYTES, Choice, Reply
from ground.reply_limits import budget_for, utf16_units
from ground.text_limits import cut_bytes
from handlers import report_items
from handlers.context import Context
from handlers.router import Router
from services import directive_texts as texts
from services import directives, reports, status, status_text
from services.report_text import overdue_days
from services.unit_words import capitalized, unit_word
from storage.tables import Deadline, Directive

#: Directives listed by /directives: a chat message stays readable (and under 4096 characters).
LIST_LIMIT = 15


def _who(ctx: Context) -> directives.Who:
    return directives.Who(ctx.actor.person_id, ctx.actor.account_id, ctx.incoming.channel)


#: Commands whose argument is a directive number: a pick among same-numbered ones re-runs them.
PICKABLE_COMMANDS = ("doc", "unacked", "deadline", "recipients", "reminders", "remind", "close", "status", "export")


def usage_example(ctx: Context) -> str:
    """The number a usage hint shows: one of the person's own directives (the newest), else a
    neutral one from the locale that reads as an example."""
    own = status_text.example_number([d.number for d in directives.visible(session=ctx.session, actor=ctx.actor)])
    return own if own is not None else ctx.t("usage.example_number")


def find_one(ctx: Context, args: str, usage_key: str, *, command: str) -> tuple[Directive | None, list[Reply]]:
    """The one visible directive numbered ``args``, or the replies explaining why not (with a
    choice among several that share the number)."""
    if not args.strip():
        return None, [ctx.reply(usage_key, example=usage_example(ctx))]
    found = directives.find_by_number(session=ctx.session, actor=ctx.actor, text=args)
    if not found:
        # Someone else's directive answers like a missing one; only the audit log knows.
        elsewhere = status.any_numbered(session=ctx.session, text=args)
        if elsewhere:
            ctx.audit("denied", directive_id=elsewhere[0].id, command=command)
        return None, [ctx.reply("directive.doc.not_found", number=args.strip()[:64])]
    if len(found) > 1:
        return None, [which_reply(ctx, args, found, command)]
    return found[0], []


def which_reply(ctx: Context, typed: str, found: list[Directive], command: str, rest: str = "") -> Reply:
    """Several directives answer to ``typed``: each with its id, date, subject and state, and a
    button that runs ``command`` again on that one (``rest``: the words after the number)."""
    head = ctx.t("directive.which.head", count=len(found), number=typed.strip()[:64], command=command, id=found[0].id)
    lines = [head] + [texts.which_line(ctx.t, d, ctx.deps.tz) for d in found]
    suffix = f":{rest.strip()}" if rest.strip() else ""
    rows = [
        [
            Choice(
                texts.which_button(ctx.t, d, ctx.deps.tz),
                cut_bytes(f"pick:{command}:{d.id}{suffix}", MAX_BUTTON_DATA_BYTES),
            )
        ]
        for d in found
    ]
    return Reply(text="\n".join(lines), choices=rows)


def _list(ctx: Context, args: str) -> list[Reply]:
    """Directives this user may see, newest first, with their status."""
    found = directives.visible(session=ctx.session, actor=ctx.actor)
    if not found:
        return [ctx.reply("directive.list.empty")]
    lines = [ctx.t("directive.list.head")]
    shown = found[:LIST_LIMIT]
    managed = [d for d in shown if directives.can_manage(session=ctx.session, actor=ctx.actor, directive=d)]
    counts = {
        s.directive.id: s.counts
        for s in status.summaries_of(session=ctx.session, actor=ctx.actor, found=managed, now=ctx.now)
    }
    for directive in shown:
        if directive.id in counts:
            lines.append(texts.staff_list_line(ctx.t, directive, counts[directive.id], ctx.deps.tz))
        else:
            assignment = directives.assignment_of(session=ctx.session, actor=ctx.actor, directive=directive)
            assert assignment is not None, "visible() lists a directive not managed only for its live assignment"
            deadlines = directives.deadlines_of(session=ctx.session, directive=directive)
            periods = directives.next_periods(session=ctx.session, deadlines=deadlines, now=ctx.now)
            nearest = directives.nearest_deadline(deadlines=deadlines, now=ctx.now, periods=periods)
            passed = _passed(ctx, deadlines, assignment.status) if nearest is None else None
            lines.append(texts.secretary_list_line(ctx.t, directive, assignment.status, nearest, ctx.deps.tz, passed))
    if len(found) > LIST_LIMIT:
        lines.append(ctx.t("directive.list.more", count=len(found) - LIST_LIMIT))
    lines.append(ctx.t("directive.list.hint"))
    return [Reply(text="\n".join(lines))]


def _passed(ctx: Context, deadlines: list[Deadline], status: str) -> tuple[Deadline, int] | None:
    """The last deadline gone by and the days since, while the cell has not reported."""
    gone = [d for d in deadlines if d.due_at is not None and d.kind != "start" and d.due_at < ctx.now]
    last = max(gone, key=lambda d: d.due_at or ctx.now) if gone else None
    days = overdue_days(last, status, ctx.now, ctx.deps.tz)
    return (last, days) if last is not None and days is not None else None


def _doc(ctx: Context, args: str) -> list[Reply]:
    """One directive: staff also see who acknowledged and who has not."""
    directive, replies = find_one(ctx, args, "directive.doc.usage", command="doc")
    if directive is None:
        return replies
    return doc_replies(ctx, directive)


def doc_replies(ctx: Context, directive: Directive) -> list[Reply]:
    """What /doc shows of a directive the actor may see."""
    deadlines = directives.deadlines_of(session=ctx.session, directive=directive)
    if directives.can_manage(session=ctx.session, actor=ctx.actor, directive=directive):
        statuses = directives.unit_statuses(session=ctx.session, directive=directive)
        head = texts.doc_text(ctx.t, directive, deadlines, ctx.deps.tz)
        budget = budget_for(ctx.incoming.channel) - utf16_units(head) - 1
        text = head + "\n" + texts.ack_status_text(ctx.t, directive, statuses, ctx.deps.tz, budget)
        rows = [] if directive.secrecy else [[Choice(ctx.t("directive.button.full"), f"full:{directive.id}")]]
        return [Reply(text=text, choices=rows)]
    assignment = directives.assignment_of(session=ctx.session, actor=ctx.actor, directive=directive)
    assert assignment is not None, "the actor may see it (caller's check) and does not manage it: it is assigned"
    reply = texts.cell_view(ctx.t, directive, deadlines, assignment)
    task = (
        reports.get_task(session=ctx.session, assignment_id=assignment.id) if directive.status == "published" else None
    )
    words = report_items.due_words(ctx, task) if task is not None else None
    if words:  # a recurring report: the periods waiting ("Kỳ tháng 12/2026: trước 25/12/2026")
        reply = dataclasses.replace(reply, text=f"{reply.text}\n{ctx.t('report.period.doc_line', periods=words)}")
    return [reply]


def _unacked(ctx: Context, args: str) -> list[Reply]:
    """The units that have not acknowledged a directive yet."""
    directive, replies = find_one(ctx, args, "directive.unacked.usage", command="unacked")
    if directive is None:
        return replies
    if not directives.can_manage(session=ctx.session, actor=ctx.actor, directive=directive):
        ctx.audit("denied", directive_id=directive.id, command="unacked")
        return [ctx.reply("auth.denied")]
    statuses = directives.unit_statuses(session=ctx.session, directive=directive)
    missing = directives.unacknowledged(session=ctx.session, directive=directive)
    budget = budget_for(ctx.incoming.channel)
    return [Reply(text=texts.unacked_text(ctx.t, directive, missing, len(statuses), budget))]


def acknowledge(ctx: Context, args: str) -> list[Reply]:
    """ "Đã nhận": record the cell's acknowledgement, only for a secretary of that cell."""
    result = directives.acknowledge(
        session=ctx.session,
        assignment_id=int(args) if args.isdigit() else -1,
        actor=ctx.actor,
        who=_who(ctx),
        now=ctx.now,
        config=ctx.deps.reminders,
    )
    if result.status == "denied":
        ctx.audit("denied", button=f"ack:{args[:40]}")
        return [ctx.reply("auth.denied")]
    directive, assignment = result.directive, result.assignment
    assert directive is not None and assignment is not None, "every result but denied carries both"
    title = texts.title(directive, ctx.t)
    if result.status == "cancelled":
        return [ctx.reply("directive.ack.cancelled", title=title)]
    moment = texts.when(assignment.acknowledged_at, ctx.deps.tz)
    actions = texts.next_actions(ctx.t, directive, assignment)
    kind = next((r.unit_kind for r in ctx.actor.roles if r.unit_id == assignment.unit_id), None)
    word = unit_word(ctx.t, kind)
    return [
        ctx.reply(
            f"directive.ack.{result.status}",
            title=title,
            time=moment,
            choices=actions,
            unit_word=word,
            Unit_word=capitalized(word),
        )
    ]


def _full(ctx: Context, args: str) -> list[Reply]:
    """ "Xem toàn văn": the full text, for users who may see the directive."""
    directive = directives.get(session=ctx.session, directive_id=int(args) if args.isdigit() else -1)
    if directive is None or not directives.can_see(session=ctx.session, actor=ctx.actor, directive=directive):
        ctx.audit("denied", button=f"full:{args[:40]}")
        return [ctx.reply("auth.denied")]
    replies = texts.full_text_replies(ctx.t, directive)
    assignment = directives.assignment_of(session=ctx.session, actor=ctx.actor, directive=directive)
    if assignment is not None:
        replies[-1].choices = [
            row for row in texts.next_actions(ctx.t, directive, assignment) if not row[0].data.startswith("full:")
        ]
    return replies


def register(router: Router) -> None:
    router.command("directives", help_key="directive.help.list")(_list)
    router.command("doc", help_key="directive.help.doc")(_doc)
    router.command("unacked", roles=("staff", "admin"), help_key="directive.help.unacked")(_unacked)
    router.button("ack", roles=("secretary",))(acknowledge)
    router.button("full")(_full)

    @router.button("pick")
    def picked(ctx: Context, args: str) -> list[Reply]:
        """One of several same-numbered directives, picked: the command runs again on its id.
        The command's own role and visibility checks apply, as if it had been typed."""
        command_name, _, rest = args.partition(":")
        directive_id, _, extra = rest.partition(":")
        command = router.commands.get(command_name)
        if (
            command is None
            or command_name not in PICKABLE_COMMANDS
            or not (directive_id.isascii() and directive_id.isdigit())
        ):
            return [ctx.reply("button.stale")]
        if not router.allowed(command.roles, ctx):
            ctx.audit("denied", button=f"pick:{args[:40]}")
            return [ctx.reply("auth.denied")]
        return command.handler(ctx, f"#{directive_id} {extra}".strip())

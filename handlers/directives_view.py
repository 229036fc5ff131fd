"""Seeing directives: /directives, /doc, /unacked, and the buttons on a cell's directive message
("Đã nhận" = ack:<assignment id>, "Xem toàn văn" = full:<directive id>).

Button data can be forged by a client, so every handler re-checks on the server that the id
belongs to this user (the router has only checked the role).
"""

from __future__ import annotations

from handlers.context import Context
from ground.messages import Choice, Reply
from handlers.router import Router
from services import directive_texts as texts
from services import directives
from storage.tables import Directive


#: Directives listed by /directives: a chat message stays readable (and under 4096 characters).
LIST_LIMIT = 15


def _who(ctx: Context) -> directives.Who:
    return directives.Who(ctx.actor.person_id, ctx.actor.account_id, ctx.incoming.channel)


def find_one(ctx: Context, args: str, usage_key: str) -> tuple[Directive | None, list[Reply]]:
    """The one visible directive numbered ``args``, or the replies explaining why not."""
    if not args.strip():
        return None, [ctx.reply(usage_key)]
    found = directives.find_by_number(session=ctx.session, actor=ctx.actor, text=args)
    if not found:
        return None, [ctx.reply("directive.doc.not_found", number=args.strip()[:64])]
    if len(found) > 1:
        numbers = ", ".join(directives.lookup_key(d) for d in found)
        return None, [ctx.reply("directive.doc.ambiguous", number=args.strip()[:64], numbers=numbers)]
    return found[0], []


def _list(ctx: Context, args: str) -> list[Reply]:
    """Directives this user may see, newest first, with their status."""
    found = directives.visible(session=ctx.session, actor=ctx.actor)
    if not found:
        return [ctx.reply("directive.list.empty")]
    lines = [ctx.t("directive.list.head")]
    for directive in found[:LIST_LIMIT]:
        if directives.can_manage(session=ctx.session, actor=ctx.actor, directive=directive):
            statuses = directives.unit_statuses(session=ctx.session, directive=directive)
            lines.append(texts.staff_list_line(ctx.t, directive, statuses))
        else:
            assignment = directives.assignment_of(session=ctx.session, actor=ctx.actor, directive=directive)
            deadlines = directives.deadlines_of(session=ctx.session, directive=directive)
            nearest = directives.nearest_deadline(deadlines=deadlines, now=ctx.now)
            lines.append(texts.secretary_list_line(ctx.t, directive, assignment.status, nearest))
    lines.append(ctx.t("directive.list.hint"))
    return [Reply(text="\n".join(lines))]


def _doc(ctx: Context, args: str) -> list[Reply]:
    """One directive: staff also see who acknowledged and who has not."""
    directive, replies = find_one(ctx, args, "directive.doc.usage")
    if directive is None:
        return replies
    deadlines = directives.deadlines_of(session=ctx.session, directive=directive)
    if directives.can_manage(session=ctx.session, actor=ctx.actor, directive=directive):
        statuses = directives.unit_statuses(session=ctx.session, directive=directive)
        text = texts.doc_text(ctx.t, directive, deadlines, ctx.deps.tz) + "\n" + texts.ack_status_text(ctx.t, directive, statuses, ctx.deps.tz)
        rows = [] if directive.secrecy else [[Choice(ctx.t("directive.button.full"), f"full:{directive.id}")]]
        return [Reply(text=text, choices=rows)]
    assignment = directives.assignment_of(session=ctx.session, actor=ctx.actor, directive=directive)
    return [texts.cell_message(ctx.t, directive, deadlines, assignment.id)]


def _unacked(ctx: Context, args: str) -> list[Reply]:
    """The units that have not acknowledged a directive yet."""
    directive, replies = find_one(ctx, args, "directive.unacked.usage")
    if directive is None:
        return replies
    if not directives.can_manage(session=ctx.session, actor=ctx.actor, directive=directive):
        ctx.audit("denied", directive_id=directive.id, command="unacked")
        return [ctx.reply("auth.denied")]
    statuses = directives.unit_statuses(session=ctx.session, directive=directive)
    missing = directives.unacknowledged(session=ctx.session, directive=directive)
    return [Reply(text=texts.unacked_text(ctx.t, directive, missing, len(statuses)))]


def acknowledge(ctx: Context, args: str) -> list[Reply]:
    """"Đã nhận": record the cell's acknowledgement, only for a secretary of that cell."""
    result = directives.acknowledge(session=ctx.session, assignment_id=int(args) if args.isdigit() else -1,
                                    actor=ctx.actor, who=_who(ctx), now=ctx.now, config=ctx.deps.reminders)
    if result.status == "denied":
        ctx.audit("denied", button=f"ack:{args[:40]}")
        return [ctx.reply("auth.denied")]
    title = texts.title(result.directive, ctx.t)
    if result.status == "cancelled":
        return [ctx.reply("directive.ack.cancelled", title=title)]
    moment = texts.when(result.assignment.acknowledged_at, ctx.deps.tz)
    actions = texts.next_actions(ctx.t, result.directive, result.assignment)
    return [ctx.reply(f"directive.ack.{result.status}", title=title, time=moment, choices=actions)]


def _full(ctx: Context, args: str) -> list[Reply]:
    """"Xem toàn văn": the full text, for users who may see the directive."""
    directive = directives.get(session=ctx.session, directive_id=int(args) if args.isdigit() else -1)
    if directive is None or not directives.can_see(session=ctx.session, actor=ctx.actor, directive=directive):
        ctx.audit("denied", button=f"full:{args[:40]}")
        return [ctx.reply("auth.denied")]
    replies = texts.full_text_replies(ctx.t, directive)
    assignment = directives.assignment_of(session=ctx.session, actor=ctx.actor, directive=directive)
    if assignment is not None:
        replies[-1].choices = [row for row in texts.next_actions(ctx.t, directive, assignment) if not row[0].data.startswith("full:")]
    return replies


def register(router: Router) -> None:
    router.command("directives", help_key="directive.help.list")(_list)
    router.command("doc", help_key="directive.help.doc")(_doc)
    router.command("unacked", roles=("staff", "admin"), help_key="directive.help.unacked")(_unacked)
    router.button("ack", roles=("secretary",))(acknowledge)
    router.button("full")(_full)

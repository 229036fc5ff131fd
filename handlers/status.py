"""/status: where the directives of the staff member's unit stand; /status <number> [chart]
for one directive (counts per deadline, roll-up, cells not reported), optionally as a chart."""

from __future__ import annotations

from ground.messages import Choice, OutFile, Reply
from handlers.context import Context
from handlers.directives_view import usage_example, which_reply
from handlers.router import Router
from services import charts, status, status_text
from services import directive_texts as texts
from storage.tables import Directive

#: Words after the number that ask for the chart instead of the text.
CHART_WORDS = ("chart", "bieudo", "biểuđồ")


def resolve(ctx: Context, args: str, command: str, rest: str = "") -> tuple[Directive | None, list[Reply]]:
    """The directive ``args`` names if this staff member oversees it, or None and the replies
    saying why not. Shared by /status and /export. A directive of a unit they do not oversee is
    audited and answered exactly like a number that exists nowhere: the answer must not tell
    them it exists."""
    found = status.lookup(session=ctx.session, actor=ctx.actor, text=args)
    if found.status == "ok" and found.directive is not None:
        return found.directive, []
    if found.status == "ambiguous":
        return None, [which_reply(ctx, args, list(found.found), command, rest)]
    if found.status == "denied" and found.directive is not None:
        ctx.audit("denied", directive_id=found.directive.id, command=command)
    return None, [ctx.reply("directive.doc.not_found", number=args.strip()[:64])]


def _status(ctx: Context, args: str) -> list[Reply]:
    """Open directives with their counts, or one directive in detail."""
    words = args.split()
    want_chart = bool(words) and words[-1].lower().replace(" ", "") in CHART_WORDS
    number = " ".join(words[:-1] if want_chart else words)
    if not number:
        if want_chart:
            return [ctx.reply("status.usage_chart", example=usage_example(ctx))]
        summaries = status.open_summaries(session=ctx.session, actor=ctx.actor, now=ctx.now)
        return [Reply(text=status_text.summaries_text(ctx.t, summaries, ctx.deps.tz))]
    directive, replies = resolve(ctx, number, "status", "chart" if want_chart else "")
    if directive is None:
        return replies
    sending = status.sending(session=ctx.session, directive=directive)
    if sending is not None:
        title = ctx.t("status.title", title=texts.title(directive, ctx.t))
        return [Reply(text=f"{title}\n{ctx.t('status.sending', done=sending.done, total=sending.total)}")]
    figures = status.directive_status(
        session=ctx.session, directive=directive, paths=status.scope_paths(ctx.actor), now=ctx.now
    )
    if want_chart:
        title = texts.title(directive, ctx.t)
        png = charts.status_chart(ctx.t, figures)
        return [Reply(text=ctx.t("status.chart_caption", title=title), photo=OutFile("status.png", png, "image/png"))]
    key = (directive.number or f"#{directive.id}")[:40]
    buttons = [
        [
            Choice(ctx.t("status.button_chart"), f"stc:{directive.id}"),
            Choice(ctx.t("status.button_export"), f"exp:{directive.id}:xlsx"),
        ]
    ]
    return [Reply(text=status_text.status_text(ctx.t, figures, key, ctx.deps.tz), choices=buttons)]


def _chart_button(ctx: Context, args: str) -> list[Reply]:
    """ "Xem biểu đồ" under /status: the same check as typing the command."""
    directive_id = int(args) if args.isdigit() else -1
    found = status.by_id(session=ctx.session, actor=ctx.actor, directive_id=directive_id)
    if found is None:
        ctx.audit("denied", button=f"stc:{args[:40]}")
        return [ctx.reply("auth.denied")]
    figures = status.directive_status(
        session=ctx.session, directive=found, paths=status.scope_paths(ctx.actor), now=ctx.now
    )
    png = charts.status_chart(ctx.t, figures)
    return [
        Reply(
            text=ctx.t("status.chart_caption", title=texts.title(found, ctx.t)),
            photo=OutFile("status.png", png, "image/png"),
        )
    ]


def register(router: Router) -> None:
    router.command("status", roles=("staff", "admin"), help_key="status.help")(_status)
    router.button("stc", roles=("staff", "admin"))(_chart_button)

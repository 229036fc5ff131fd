"""/export <number> [xlsx|docx|csv]: the compiled report as a file (XLSX unless asked), with
buttons for the other formats. Only the units the staff member oversees are in it."""

from __future__ import annotations

from ground.messages import Choice, OutFile, Reply
from handlers.context import Context
from handlers.directives_view import usage_example
from handlers.router import Router
from handlers.status import resolve
from services import directive_texts as texts
from services import exports, status
from storage.tables import Directive


def _file_reply(ctx: Context, directive: Directive, fmt: str) -> Reply:
    data = exports.build(
        session=ctx.session,
        directive=directive,
        paths=status.scope_paths(ctx.actor),
        now=ctx.now,
        tz=ctx.deps.tz,
        t=ctx.t,
    )
    data.for_chat = True
    title = texts.title(directive, ctx.t)
    caption = ctx.t("export.caption", title=title) if data.reported else ctx.t("export.nothing", title=title)
    others = [[Choice(other.upper(), f"exp:{directive.id}:{other}") for other in exports.FORMATS if other != fmt]]
    document = OutFile(exports.file_name(directive, fmt), exports.render(fmt, data, ctx.t), exports.MIME[fmt])
    return Reply(text=caption, document=document, choices=others)


#: File kinds people ask for that chibot does not make: named back, not taken for part of a number.
OTHER_FORMATS = frozenset(
    {"pdf", "doc", "xls", "ods", "odt", "txt", "rtf", "html", "json", "xml", "zip", "ppt", "pptx"}
)


def _export(ctx: Context, args: str) -> list[Reply]:
    """The file for a typed number."""
    words = args.split()
    last = words[-1].lower().lstrip(".") if words else ""
    if last in OTHER_FORMATS:
        return [
            ctx.reply(
                "export.bad_format",
                format=words[-1][:10],
                formats=", ".join(exports.FORMATS),
                example=usage_example(ctx),
            )
        ]
    fmt = last if last in exports.FORMATS else "xlsx"
    number = " ".join(words[:-1] if last in exports.FORMATS else words)
    if not number:
        return [ctx.reply("export.usage", example=usage_example(ctx))]
    directive, replies = resolve(ctx, number, "export", fmt)
    if directive is None:
        return replies
    return [_file_reply(ctx, directive, fmt)]


def _export_button(ctx: Context, args: str) -> list[Reply]:
    """A format button ("exp:<directive id>:<format>"), re-checked on the server."""
    directive_id, _, fmt = args.partition(":")
    directive = status.by_id(
        session=ctx.session, actor=ctx.actor, directive_id=int(directive_id) if directive_id.isdigit() else -1
    )
    if directive is None or fmt not in exports.FORMATS:
        ctx.audit("denied", button=f"exp:{args[:40]}")
        return [ctx.reply("auth.denied")]
    return [_file_reply(ctx, directive, fmt)]


def register(router: Router) -> None:
    router.command("export", roles=("staff", "admin"), help_key="export.help")(_export)
    router.button("exp", roles=("staff", "admin"))(_export_button)

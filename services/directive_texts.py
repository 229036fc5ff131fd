"""The words of directives as users read them: the staff summary, the message each cell gets,
status lines, the full text cut into chat-sized pieces. All texts come from the locale files;
this module only arranges them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from ground.messages import Choice, OutFile, Reply
from ground.reply_limits import MAX_REPLY_UNITS, fit_lines, utf16_units
from ground.text_limits import cut
from services.deadline_words import shown_in
from services.directive_drafts import is_past
from services.i18n import Translator
from services.localtime import format_date, format_local_date, format_local_datetime
from services.parsing.vn_text import fold
from storage.queries.acknowledged import is_acknowledged
from storage.tables import Assignment, Deadline, Directive

#: Telegram allows 4096 characters a message; leave room for a heading.
CHUNK_CHARS = 3500
#: Longer full texts go as one .txt file instead of a stream of messages.
MAX_CHUNKS_AS_MESSAGES = 3


def deadline_line(t: Translator, kind: str, shown: str) -> str:
    return t("directive.deadline_line", kind=t(f"directive.kind.{kind}"), shown=shown_in(t, shown))


def window_shown(t: Translator, entry: dict) -> str | None:
    """ "từ 12/8 đến 15/9/2021" for a window entry (start and until), else None."""
    if not (entry.get("until") and entry.get("due")):
        return None
    start, end = datetime.fromisoformat(entry["due"]), datetime.fromisoformat(entry["until"])
    first = f"{start.day}/{start.month}" if start.year == end.year else format_date(start.date())
    return t("directive.summary.window", start=first, end=format_date(end.date()))


def deadline_text(t: Translator, kind: str, shown: str) -> str:
    """ "Báo cáo: trước 23/8/2021" without the bullet, for use inside a sentence."""
    return t("directive.deadline_text", kind=t(f"directive.kind.{kind}"), shown=shown_in(t, shown))


def parser_message(message: str) -> str:
    """The parser's complaint as the start of a sentence ("Ngày 31/2/2021 không tồn tại")."""
    message = message.strip().rstrip(".")
    return message[:1].upper() + message[1:]


def deadline_lines(t: Translator, deadlines: Iterable[Deadline]) -> str:
    lines = [deadline_line(t, d.kind, d.shown) for d in deadlines]
    return "\n".join(lines) if lines else t("directive.no_deadlines")


#: Document types the catalogs name (directive.doctype.<folded name>): the kinds of Nghị định
#: 30/2020 and the party's Hướng dẫn 36-HD/VPTW the parser reads (services/parsing).
DOC_TYPE_KEYS = frozenset(
    "cong_van ke_hoach nghi_quyet chi_thi thong_bao huong_dan ket_luan quyet_dinh quy_dinh bao_cao "
    "thong_tu chuong_trinh to_trinh cong_dien de_an quy_che giay_moi".split()
)


def doc_type_name(t: Translator, doc_type: str | None) -> str | None:
    """The document type in the reader's language ("Công văn" is an "Official letter" in
    English), the stored value unchanged; a type no catalog names (typed by staff) as stored."""
    if not doc_type or not doc_type.strip():
        return None
    folded = "_".join(fold(doc_type).split())
    return t(f"directive.doctype.{folded}") if folded in DOC_TYPE_KEYS else doc_type


def title(directive: Directive | dict[str, Any], t: Translator) -> str:
    """ "Công văn 141-CV/ĐUK" or, without a number, the start of the subject."""
    get = directive.get if isinstance(directive, dict) else lambda k: getattr(directive, k)
    number = get("number") or t("directive.no_number")
    return f"{doc_type_name(t, get('doc_type')) or t('directive.document')} {number}".strip()


#: Longest subject a directive without a number is named by, cut on a word with "…".
NAME_SUBJECT_CHARS = 60
#: Words a cut subject cannot end on: "… Kết luận số 172 -TB/TW của" reads as broken.
_DANGLING = frozenset(
    "của và về với cho trong tại theo từ đến các những số ngày tháng năm "
    "of and about for on in to the at by from a an".split()
)


def cut_subject(subject: str, limit: int = NAME_SUBJECT_CHARS) -> str:
    """The subject as it is when short; else its words up to ``limit`` characters, without a
    dangling "của"/"và" at the end, followed by "…"."""
    words = " ".join(subject.split()).split(" ")
    if len(" ".join(words)) <= limit:
        return " ".join(words)
    kept: list[str] = []
    for word in words:
        if len(" ".join([*kept, word])) > limit - 1:
            break
        kept.append(word)
    while len(kept) > 1 and (kept[-1].lower() in _DANGLING or not any(c.isalnum() for c in kept[-1])):
        kept.pop()
    text = " ".join(kept) if kept else words[0][: limit - 1]
    return text.rstrip(",;:.-–— ") + "…"


def directive_name(
    t: Translator, directive: Directive, *, with_subject: bool = True, subject_chars: int = NAME_SUBJECT_CHARS
) -> str:
    """How a directive is named to cell secretaries, and in every message about a report on it:
    its number; without one "Kế hoạch (không số) — <subject cut on a word…>", as staff's
    /directives writes it (``with_subject=False`` where the subject follows anyway; a button,
    whose label has little room, passes fewer ``subject_chars``)."""
    if directive.number:
        return directive.number
    head = title(directive, t)
    if directive.secrecy:
        return f"{head} #{directive.id}"  # a secret one is never named by its subject in chat
    if not with_subject or not (directive.subject or "").strip():
        return head
    return t("directive.unnumbered_name", title=head, subject=cut_subject(directive.subject, subject_chars))


def chat_subject(t: Translator, directive: Directive | dict[str, Any]) -> str:
    """The subject as a chat may show it. A secret document (MẬT, TỐI MẬT) must never pass
    through a third-party chat, and its subject can itself be secret (personnel, discipline):
    chat names it by number and type (the title) and this pointer to the official channel; a
    secret one without a number also gets its id, so it can still be referred to. The dashboard
    (the committee's own server) shows the real subject; every chat text uses this."""
    get = directive.get if isinstance(directive, dict) else lambda k: getattr(directive, k, None)
    if not get("secrecy"):
        return get("subject") or ""
    if get("number") or get("id") is None:
        return t("directive.secret_subject", mark=get("secrecy"))
    return t("directive.secret_subject_unnumbered", mark=get("secrecy"), id=get("id"))


def summary(t: Translator, draft: dict[str, Any], now_local: datetime, *, in_chat: bool = True) -> str:
    """What staff check before confirming a new directive. In a chat a secret one's subject is
    the pointer, as in every chat text (``chat_subject``); the dashboard (``in_chat=False``,
    the committee's own server) shows the subject read."""
    subject = chat_subject(t, draft) if in_chat else draft.get("subject")
    lines = [
        t("directive.summary.head"),
        t("directive.summary.type", value=doc_type_name(t, draft.get("doc_type")) or t("directive.unknown")),
        t("directive.summary.number", value=draft.get("number") or t("directive.unknown")),
        t("directive.summary.subject", value=subject or t("directive.unknown")),
        t("directive.summary.urgency", value=draft.get("urgency") or t("directive.not_urgent")),
    ]
    if draft.get("secrecy"):
        lines.append(t("directive.summary.secret", mark=draft["secrecy"]))
    if draft["deadlines"]:
        lines.append(t("directive.summary.deadlines"))
        for entry in draft["deadlines"]:
            line = deadline_line(t, entry["kind"], window_shown(t, entry) or entry["shown"])
            line += "".join(
                t(f"directive.summary.flag.{f}", phrase=entry.get("phrase") or "") for f in entry.get("flags") or ()
            )
            lines.append(line + (t("directive.summary.past_mark") if is_past(entry, now_local) else ""))
    else:
        lines.append(t("directive.summary.no_deadline"))
    if draft.get("report_fields") and draft.get("secrecy"):
        # Dropped at registration with the text (directives.register): say so, not list them.
        lines.append(t("directive.summary.secret_report_fields"))
    elif draft.get("report_fields"):
        lines.append(t("directive.summary.report_fields", fields="; ".join(draft["report_fields"])))
    if draft.get("warnings"):
        lines.append(t("directive.summary.warnings", warnings="; ".join(draft["warnings"])))
    if any(is_past(e, now_local) for e in draft["deadlines"]):
        lines.append(t("directive.summary.past_warning"))
    return "\n".join(lines)


def _cell_body(t: Translator, directive: Directive, deadlines: Sequence[Deadline]) -> list[str]:
    """What a cell reads of a directive, under its heading: urgency, subject, deadlines, what the
    report must state, and the notes on secrecy and amendment."""
    lines = []
    if directive.urgency:
        lines.append(t("directive.cell.urgency", mark=directive.urgency))
    lines.append(t("directive.cell.subject", subject=chat_subject(t, directive) or t("directive.unknown")))
    lines.append(t("directive.cell.deadlines"))
    lines.append(deadline_lines(t, deadlines))
    if directive.report_fields and not directive.secrecy:  # a secret one's stay on paper (directives.register)
        lines.append(t("directive.cell.report_fields", fields="; ".join(str(f) for f in directive.report_fields)))
    if directive.secrecy:
        lines.append(t("directive.cell.secret", mark=directive.secrecy))
    if directive.amends_id:
        lines.append(t("directive.cell.amends"))
    return lines


def cell_message(t: Translator, directive: Directive, deadlines: Sequence[Deadline], assignment_id: int) -> Reply:
    """The message each assigned cell's secretaries get when a directive is published."""
    lines = [t("directive.cell.head", title=title(directive, t)), *_cell_body(t, directive, deadlines)]
    buttons = [
        Choice(t("directive.button.ack"), f"ack:{assignment_id}"),
        Choice(t("directive.button.report"), f"rep:{assignment_id}"),
    ]
    rows = [buttons]
    if not directive.secrecy:
        rows.append([Choice(t("directive.button.full"), f"full:{directive.id}")])
    return Reply(text="\n".join(lines), choices=rows)


def cell_view(t: Translator, directive: Directive, deadlines: Sequence[Deadline], assignment: Assignment) -> Reply:
    """A directive a cell already has, looked at again (/doc): not "new", with where the cell
    stands, and only the buttons it still needs («Đã nhận» once, until acknowledged)."""
    lines = [
        t("directive.view.head", title=title(directive, t)),
        *_cell_body(t, directive, deadlines),
        t(
            "directive.view.status_closed" if directive.closed_at is not None else "directive.view.status",
            status=t(f"directive.status.{assignment.status}"),
        ),
    ]
    return Reply(text="\n".join(lines), choices=next_actions(t, directive, assignment))


def next_actions(t: Translator, directive: Directive, assignment: Assignment) -> list[list[Choice]]:
    """The buttons a cell still needs after pressing one: the old message's buttons are
    removed once pressed (so nothing is pressed twice), so the answer carries the rest."""
    row = []
    if not is_acknowledged(assignment):
        row.append(Choice(t("directive.button.ack"), f"ack:{assignment.id}"))
    if assignment.status in ("assigned", "acknowledged", "reported") and directive.closed_at is None:
        # A closed directive takes no report: no button that only answers "đã kết thúc".
        row.append(Choice(t("directive.button.report"), f"rep:{assignment.id}"))
    rows = [row] if row else []
    if not directive.secrecy and directive.full_text:
        rows.append([Choice(t("directive.button.full"), f"full:{directive.id}")])
    return rows


def full_text_replies(t: Translator, directive: Directive) -> list[Reply]:
    """The full text in pieces of at most CHUNK_CHARS, cut at line ends; a file when long."""
    if directive.secrecy or not directive.full_text:
        return [Reply(text=t("directive.full.official_channel", title=title(directive, t)))]
    chunks = split_text(directive.full_text, CHUNK_CHARS)
    if len(chunks) > MAX_CHUNKS_AS_MESSAGES:
        name = (directive.number or f"van-ban-{directive.id}").replace("/", "-") + ".txt"
        document = OutFile(name=name, content=directive.full_text.encode("utf-8"), mime_type="text/plain")
        return [Reply(text=t("directive.full.as_file", title=title(directive, t)), document=document)]
    return [Reply(text=chunk) for chunk in chunks]


def split_text(text: str, limit: int) -> list[str]:
    chunks: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        cut = rest.rfind("\n", 0, limit)
        if cut < limit // 2:
            cut = rest.rfind(" ", 0, limit)
        if cut < limit // 2:
            cut = limit
        chunks.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        chunks.append(rest)
    return chunks


def changed_deadline_message(t: Translator, directive: Directive, kind: str, old: str, new: str) -> Reply:
    return Reply(
        text=t(
            "directive.change.deadline",
            title=title(directive, t),
            subject=chat_subject(t, directive),
            kind=t(f"directive.kind.{kind}"),
            old=old,
            new=new,
        )
    )


def removed_message(t: Translator, directive: Directive) -> Reply:
    return Reply(text=t("directive.change.removed", title=title(directive, t), subject=chat_subject(t, directive)))


def when(moment: datetime | None, tz: ZoneInfo) -> str:
    return format_local_datetime(moment, tz) if moment is not None else ""


def which_line(t: Translator, directive: Directive, tz: ZoneInfo) -> str:
    """One directive among several sharing a number, with what tells them apart: its id (to
    type), issue date, subject and where it stands."""
    issued = t("directive.which.issued", date=format_date(directive.issued_on)) if directive.issued_on else ""
    if directive.status == "published" and directive.published_at is not None:
        state = t("directive.which.published", date=format_local_date(directive.published_at, tz))
    elif directive.status == "closed" and directive.closed_at is not None:
        state = t("directive.which.closed", date=format_local_date(directive.closed_at, tz))
    else:
        state = t("directive.which.draft")
    if directive.amends_id:
        state = t("directive.which.amends", id=directive.amends_id) + state
    subject = cut(chat_subject(t, directive) or t("directive.unknown"), 100)
    return t(
        "directive.which.line", id=directive.id, title=title(directive, t), issued=issued, subject=subject, state=state
    )


def which_button(t: Translator, directive: Directive, tz: ZoneInfo) -> str:
    moment = directive.published_at or directive.created_at
    return cut(
        t("directive.which.button", id=directive.id, title=title(directive, t), date=format_local_date(moment, tz)), 60
    )


def unit_line(t: Translator, unit) -> str:  # noqa: ANN001
    return t("directive.unit_line", code=unit.code, name=unit.name)


def closed_title(t: Translator, directive: Directive, tz: ZoneInfo) -> str:
    """The title, with "(đã kết thúc lúc …)" once staff have closed the directive."""
    if directive.status != "closed" or directive.closed_at is None:
        return title(directive, t)
    return t("directive.closed_title", title=title(directive, t), when=when(directive.closed_at, tz))


def staff_list_line(t: Translator, directive: Directive, counts: Any, tz: ZoneInfo) -> str:
    """One directive in a staff member's /directives: received and reported, as /status counts them."""
    return t(
        "directive.list.staff_line",
        title=closed_title(t, directive, tz),
        subject=chat_subject(t, directive),
        acked=counts.acknowledged,
        reported=counts.reported,
        assigned=counts.assigned,
    )


def secretary_list_line(
    t: Translator,
    directive: Directive,
    status: str,
    nearest: Deadline | None,
    tz: ZoneInfo,
    passed: tuple[Deadline, int] | None = None,
) -> str:
    """``passed``: the last deadline gone by and how many days ago, named when none is ahead."""
    if nearest is not None and nearest.kind == "recurring" and nearest.due_at is not None:
        # Its next period: the rule and when this period is due.
        near = f"{deadline_text(t, nearest.kind, nearest.shown)} ({when(nearest.due_at, tz)})"
    elif nearest is not None:
        near = deadline_text(t, nearest.kind, nearest.shown)
    elif passed is not None:
        near = t("directive.list.overdue", deadline=deadline_text(t, passed[0].kind, passed[0].shown), n=passed[1])
    else:
        near = t("directive.list.no_nearest")
    return t(
        "directive.list.secretary_line",
        title=closed_title(t, directive, tz),
        subject=chat_subject(t, directive),
        status=t(f"directive.status.{status}"),
        nearest=near,
    )


def doc_text(t: Translator, directive: Directive, deadlines: Sequence[Deadline], tz: ZoneInfo) -> str:
    lines = [
        title(directive, t),
        t("directive.cell.subject", subject=chat_subject(t, directive) or t("directive.unknown")),
    ]
    if directive.urgency:
        lines.append(t("directive.cell.urgency", mark=directive.urgency))
    lines += [t("directive.cell.deadlines"), deadline_lines(t, deadlines)]
    if directive.published_at:
        lines.append(t("directive.doc.published", time=when(directive.published_at, tz)))
    return "\n".join(lines)


def ack_status_text(
    t: Translator, directive: Directive, statuses: Sequence[Any], tz: ZoneInfo, budget: int = MAX_REPLY_UNITS
) -> str:
    """Who acknowledged (by whom, when) and who has not, for staff, within ``budget``: each list
    gets half and ends in "… và N đơn vị khác" when it has more than that holds."""
    missing = [s for s in statuses if not is_acknowledged(s.assignment)]
    acked = [s for s in statuses if is_acknowledged(s.assignment)]
    lines = [t("directive.doc.acked", acked=len(acked), assigned=len(statuses))]
    lines += [
        t(
            "directive.doc.acked_line",
            code=s.unit.code,
            name=s.unit.name,
            who=s.acknowledged_by or t("directive.doc.acked_by_report"),
            time=when(s.assignment.acknowledged_at, tz),
        )
        for s in acked
    ]
    unacked = unacked_text(t, directive, [s.unit for s in missing], len(statuses), budget // 2)
    acked_text = fit_lines(lines, budget - utf16_units(unacked) - 1, lambda n: t("reach.more", count=n))
    return acked_text + "\n" + unacked


def unacked_text(
    t: Translator, directive: Directive, missing: Sequence[Any], assigned: int, budget: int = MAX_REPLY_UNITS
) -> str:
    """The units that have not acknowledged, one a line, within ``budget`` (a long list ends in
    "… và N đơn vị khác")."""
    if not missing:
        return t("directive.unacked.none", title=title(directive, t), assigned=assigned)
    head = t("directive.unacked.head", title=title(directive, t), count=len(missing), assigned=assigned)
    return fit_lines([head, *(unit_line(t, u) for u in missing)], budget, lambda n: t("reach.more", count=n))

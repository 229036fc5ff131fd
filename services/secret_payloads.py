"""Messages of a secret directive (MẬT, TỐI MẬT) as they leave: its subject never goes through
a chat. A row queued before the directive was marked secret (or by a version of chibot before
the rule) still carries the subject as it was worded then; when the dispatcher claims it, the
subject is replaced by the pointer every chat text uses (``directive_texts.chat_subject``),
its report fields and «Xem toàn văn» button are dropped, and the row keeps the text that
went out."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlmodel import Session

from services.directive_texts import NAME_SUBJECT_CHARS, chat_subject, cut_subject
from services.i18n import Translator
from storage.queries import directives as directive_queries
from storage.tables import ChatAccount, Directive, OutboxMessage

#: The shortest start of a subject taken for a cut one ("V/v tổ chức quán triệt…"); shorter
#: starts (two words) could be any sentence's.
_MIN_CUT_WORDS = 3


@lru_cache(maxsize=256)
def _namings(subject: str) -> tuple[str, ...]:
    """How a subject may stand in a text: whole, or cut on a word and ending in "…" (a
    directive without a number is named so; a button cuts it shorter)."""
    words = " ".join(subject.split()).split(" ")
    found = {" ".join(words)}
    found |= {cut_subject(subject, limit) for limit in range(20, NAME_SUBJECT_CHARS + 1)}
    found |= {" ".join(words[:n]).rstrip(",;:.-–— ") + "…" for n in range(_MIN_CUT_WORDS, len(words))}
    return tuple(sorted((n for n in found if n.strip("…")), key=len, reverse=True))


def without_subject(t: Translator, directive: Directive, payload: dict[str, Any]) -> dict[str, Any]:
    """``payload`` with every naming of the directive's subject replaced by the pointer, in its
    text, its buttons and a reminder's own fields; the same dict when it names none."""
    subject = (directive.subject or "").strip()
    if not directive.secrecy or not subject:
        return payload
    pointer = chat_subject(t, directive)
    namings = _namings(subject)
    # The report fields and the full text stay on paper too: a message worded before the
    # directive was marked secret loses its "Báo cáo cần nêu rõ" line and «Xem toàn văn».
    fields = "; ".join(str(f) for f in directive.report_fields or [])
    fields_line = t("directive.cell.report_fields", fields=fields) if fields else None

    def clean(text: str) -> str:
        if fields_line:
            text = text.replace("\n" + fields_line, "").replace(fields_line, "")
        for naming in namings:
            text = text.replace(naming, pointer)
        return text

    new = dict(payload)
    for key in ("text", "sent_text"):
        if isinstance(new.get(key), str):
            new[key] = clean(new[key])
    if isinstance(new.get("choices"), list):
        rows = [
            [
                {**c, "label": clean(str(c.get("label", "")))}
                for c in row
                if not str(c.get("data", "")).startswith("full:")
            ]
            for row in new["choices"]
        ]
        new["choices"] = [row for row in rows if row]
    if isinstance(new.get("reminder"), dict):
        new["reminder"] = {**new["reminder"], "subject": pointer}
    return new if new != payload else payload


def redact_claimed(*, session: Session, rows: list[tuple[OutboxMessage, ChatAccount]]) -> None:
    """Rewrite, in the claiming transaction, the payload of each claimed row of a secret
    directive that still names its subject (one lookup per directive of the batch)."""
    secret: dict[int, Directive | None] = {}
    for message, account in rows:
        if message.directive_id is None:
            continue
        if message.directive_id not in secret:
            directive = directive_queries.get_directive(session=session, directive_id=message.directive_id)
            secret[message.directive_id] = directive if directive is not None and directive.secrecy else None
        directive = secret[message.directive_id]
        if directive is None:
            continue
        payload = without_subject(Translator(account.language), directive, dict(message.payload))
        if payload != message.payload:
            message.payload = payload

"""A directive being registered, before anything is written to the tables.

The draft is a plain JSON-able dict kept in the conversation state, so /cancel or an abandoned
flow leaves no rows behind and a restart in the middle of registration loses nothing. Deadlines
in a draft hold their due time as ISO *local* wall-clock time, exactly as the parser read it;
conversion to UTC happens once, when the directive is stored.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from services.limits import column_length, storable, without_controls
from services.parsing.deadlines import Deadline as ParsedDeadline
from services.parsing.deadlines import DeadlineError
from storage.tables import Deadline as DeadlineRow
from storage.tables import Directive
from storage.tables.directives import DEADLINE_KINDS

#: The most text stored for one directive. A 30-page document is ~100k characters; above
#: this it is more likely a paste accident than a directive.
MAX_TEXT_CHARS = 200_000

#: Fields staff may edit by hand in the summary.
EDITABLE_FIELDS = ("number", "subject", "urgency")
#: Every field the parser extracts, which the dashboard's register page lets staff correct
#: (chat offers the three above, one at a time).
DESK_FIELDS = ("doc_type", "number", "subject", "issuer", "issued_on", "urgency", "secrecy")
URGENCY_MARKS = ("KHẨN", "THƯỢNG KHẨN", "HỎA TỐC")
SECRECY_MARKS = ("MẬT", "TỐI MẬT", "TUYỆT MẬT")
SECRECY_DEFAULT = "MẬT"
#: A pasted part at least this long was probably cut by the client (Zalo cuts at 2,000
#: characters, Telegram at 4,096); a shorter one is the whole paste.
CUT_PART_MIN_CHARS = 1900
#: A reply shorter than this, on one line, is an answer to the summary, never a cut-off part.
SHORT_REPLY_MAX_CHARS = 200


#: What staff type for "no urgency mark" (folded).
NO_URGENCY_WORDS = ("khong", "khong co", "khong khan", "thuong", "binh thuong", "none", "no", "normal")


class TextTooLong(ValueError):
    """The pasted or uploaded text is over MAX_TEXT_CHARS."""


class InvalidValue(ValueError):
    """A typed correction that is not one of the values the field accepts."""


class ValueTooLong(ValueError):
    """A typed correction longer than the field can hold; nothing was changed."""

    def __init__(self, length: int, limit: int) -> None:
        super().__init__(f"{length} characters, at most {limit}")
        self.length = length
        self.limit = limit


#: Longest subject typed by hand (the column is Text; a subject is one or two lines).
MAX_SUBJECT_CHARS = 500

#: Directive fields with a column length, and the longest value each may have.
_DIRECTIVE_LIMITS = {
    name: column_length(Directive, name) for name in ("doc_type", "number", "issuer", "urgency", "secrecy", "signer")
}
_DEADLINE_LIMITS = {name: column_length(DeadlineRow, name) for name in ("kind", "recurrence", "shown")}


def field_limit(field: str) -> int | None:
    """The most characters ``field`` of a draft may hold (None: no limit but the text's)."""
    if field == "subject":
        return MAX_SUBJECT_CHARS
    return _DIRECTIVE_LIMITS.get(field)


def storable_draft(draft: dict[str, Any]) -> dict[str, Any]:
    """The draft made fit for its columns: no control characters anywhere (PostgreSQL refuses
    NUL), and the values a document brought in cut to their column with "…". A value typed by
    hand never gets here too long: ``set_field`` refuses it."""
    clean = {key: storable(value, _DIRECTIVE_LIMITS.get(key)) for key, value in draft.items() if key != "deadlines"}
    clean["deadlines"] = [
        {key: storable(value, _DEADLINE_LIMITS.get(key)) for key, value in entry.items()}
        for entry in draft.get("deadlines") or []
    ]
    return clean


def _mark(value: Any, default: str) -> str | None:
    """The parser may report a mark as the word found or as a flag; keep the word."""
    if not value:
        return None
    return value.strip().upper() if isinstance(value, str) else default


def deadline_entry(deadline: ParsedDeadline) -> dict[str, Any]:
    return {
        "kind": deadline.kind,
        "due": deadline.due.isoformat(timespec="minutes") if deadline.due else None,
        "recurrence": deadline.recurrence.to_rule() if deadline.recurrence else None,
        "until": deadline.until.isoformat(timespec="minutes") if deadline.until else None,
        "phrase": deadline.text,
        "shown": deadline.shown,
        "flags": list(getattr(deadline, "flags", ()) or ()),
    }


def continues_paste(*, source: str, last_part: int, text: str) -> bool:
    """Is ``text`` the rest of a document the chat client cut into several messages?

    Only a paste is ever cut (an uploaded file arrives whole), only a part as long as a
    client cuts looks cut, and a short one-line reply is an answer to the summary: gluing
    "ok gửi luôn" onto the official text would publish it to every cell."""
    if source != "paste" or last_part < CUT_PART_MIN_CHARS:
        return False
    stripped = text.strip()
    return len(stripped) >= SHORT_REPLY_MAX_CHARS or "\n" in stripped


def looks_like_directive(parsed: Any) -> bool:
    """A greeting or a random sentence has no number, no type-and-subject and no deadline."""
    if getattr(parsed, "number", None):
        return True
    if getattr(parsed, "doc_type", None) and getattr(parsed, "subject", None):
        return True
    return False


def draft_from_parsed(parsed: Any, text: str) -> dict[str, Any]:
    """The draft of a parsed document. A secret document keeps no full text (it must never
    travel through a third-party chat); only its number, subject and deadlines."""
    if len(text) > MAX_TEXT_CHARS:
        raise TextTooLong(len(text))
    text = without_controls(text)
    secrecy = _mark(getattr(parsed, "secret", None), SECRECY_DEFAULT)
    issued_on = getattr(parsed, "issued_on", None)
    year = getattr(parsed, "year", None) or (issued_on.year if isinstance(issued_on, date) else None)
    return storable_draft(
        {
            "doc_type": getattr(parsed, "doc_type", None),
            "number": getattr(parsed, "number", None),
            "issuer": getattr(parsed, "issuer", None),
            "issued_on": issued_on.isoformat() if isinstance(issued_on, date) else None,
            "year": year,
            "subject": getattr(parsed, "subject", None) or "",
            "urgency": _mark(getattr(parsed, "urgent", None), URGENCY_MARKS[0]),
            "secrecy": secrecy,
            "full_text": None if secrecy else text,
            "signer": getattr(parsed, "signer", None),
            "addressees": list(getattr(parsed, "addressees", None) or []),
            "recipients_text": list(getattr(parsed, "recipients", None) or []),
            "report_fields": list(getattr(parsed, "report_fields", None) or []),
            "deadlines": [deadline_entry(d) for d in getattr(parsed, "deadlines", None) or []],
            "warnings": [str(w) for w in getattr(parsed, "warnings", None) or []],
        }
    )


def add_deadline(
    draft: dict[str, Any], phrase: str, *, today: date
) -> tuple[dict[str, Any], dict[str, Any]] | DeadlineError:
    """The draft with one more deadline typed by staff, and that deadline; or why not."""
    from services import typed_deadlines

    found = typed_deadlines.read(phrase, default_year=draft.get("year") or today.year, reference=today)
    if isinstance(found, DeadlineError):
        return found
    entry = deadline_entry(found)
    return {**draft, "deadlines": [*draft["deadlines"], entry]}, entry


def remove_deadline(draft: dict[str, Any], index: int) -> dict[str, Any]:
    deadlines = list(draft["deadlines"])
    if 0 <= index < len(deadlines):
        deadlines.pop(index)
    return {**draft, "deadlines": deadlines}


#: The fields whose typed value is checked (set_field raises InvalidValue for a bad one).
VALIDATED_FIELDS = ("urgency",)
#: Checked as well, on the dashboard only (chat never offers them).
DESK_VALIDATED_FIELDS = ("urgency", "issued_on", "secrecy")


def set_field(draft: dict[str, Any], field: str, value: str) -> dict[str, Any]:
    """Staff's correction of one field. Urgency accepts a mark or "không" (none), secrecy a
    mark (MẬT, TỐI MẬT, TUYỆT MẬT) or "không", the issue date a date such as 20/8/2021 (or
    nothing); anything else raises InvalidValue, so a typo never silently makes an urgent
    letter ordinary. A value longer than the field holds raises ValueTooLong (the draft keeps
    its old value). Marking a draft secret drops its full text, as a secret document read
    from the start keeps none."""
    if field not in DESK_FIELDS:
        raise ValueError(field)
    value = " ".join(without_controls(value).split())
    limit = field_limit(field)
    if limit is not None and len(value) > limit:
        raise ValueTooLong(len(value), limit)
    if field == "urgency":
        return {**draft, field: _mark_typed(value, URGENCY_MARKS)}
    if field == "secrecy":
        secrecy = _mark_typed(value, SECRECY_MARKS)
        return {**draft, "secrecy": secrecy, "full_text": None if secrecy else draft.get("full_text")}
    if field == "issued_on":
        return _issued_on(draft, value)
    return {**draft, field: value or None if field != "subject" else value}


def _mark_typed(value: str, marks: tuple[str, ...]) -> str | None:
    """A mark typed in any case, with or without accents; None for "no mark"."""
    from services.parsing.vn_text import normalize

    typed = normalize(value).strip(" .!")
    if not typed:
        return None
    by_folded = {normalize(m): m for m in marks}
    if typed in NO_URGENCY_WORDS:
        return None
    if typed not in by_folded:
        raise InvalidValue(value)
    return by_folded[typed]


def _issued_on(draft: dict[str, Any], value: str) -> dict[str, Any]:
    from services.parsing.dates import InvalidDateError, parse_date

    if not value:
        return {**draft, "issued_on": None}
    try:
        found = parse_date(value)
    except InvalidDateError as bad:
        raise InvalidValue(value) from bad
    if found is None:
        raise InvalidValue(value)
    return {**draft, "issued_on": found.isoformat(), "year": found.year}


def edit_deadline(
    draft: dict[str, Any], index: int, *, kind: str, phrase: str, today: date
) -> dict[str, Any] | DeadlineError:
    """Staff's correction of one deadline: its kind, and when it is, typed as in chat ("17h00
    ngày 20/8/2021", "trước ngày 23/8", "hằng tháng, ngày 25"). A new phrase is read again
    (its words decide the kind unless staff chose another); a kind alone changes the kind. A
    schedule stays "recurring" and a dated deadline never becomes one."""
    from services import typed_deadlines

    deadlines = list(draft["deadlines"])
    if not 0 <= index < len(deadlines) or kind not in DEADLINE_KINDS:
        return DeadlineError("kind", "bad kind", kind)
    old = deadlines[index]
    phrase = " ".join(without_controls(phrase).split())
    if phrase and phrase != old.get("phrase"):
        hint = kind if kind != old["kind"] else None
        found = typed_deadlines.read(
            phrase, default_year=draft.get("year") or today.year, kind_hint=hint, reference=today
        )
        if isinstance(found, DeadlineError):
            return found
        entry = deadline_entry(found)
        if kind != old["kind"] and (kind == "recurring") == (entry["kind"] == "recurring"):
            entry["kind"] = kind
    elif kind != old["kind"]:
        if (kind == "recurring") != (old["kind"] == "recurring"):
            return DeadlineError("kind", "a schedule and a dated deadline cannot swap kinds", kind)
        entry = {**old, "kind": kind}
    else:
        return draft
    deadlines[index] = storable_draft({"deadlines": [entry]})["deadlines"][0]
    return {**draft, "deadlines": deadlines}


def is_past(entry: dict[str, Any], now_local: datetime) -> bool:
    """A dated deadline already gone by (start dates and schedules are never "past")."""
    if entry["kind"] in ("start", "recurring") or not entry.get("due"):
        return False
    return datetime.fromisoformat(entry["due"]) < now_local

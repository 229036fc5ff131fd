"""The demo's directive: the seed 141-CV/ĐUK, moved in time so that its deadlines are live,
registered and published through the same services staff use in chat."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from sqlmodel import Session, col, select

from services import directive_recipients, directives
from services.directive_drafts import draft_from_parsed
from services.parsing import parse_document
from services.reminders.config import ReminderConfig
from storage.queries import units as unit_queries
from storage.tables import Directive

_DATE_RE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
#: The document's first deadline falls this many days after the day the demo is loaded.
FIRST_DEADLINE_IN_DAYS = 5


def shift_dates(text: str, days: int) -> str:
    """Every d/m/yyyy date in ``text`` moved by ``days`` (the whole document moves in time,
    references included, so what is a deadline and what is a reference stays the same)."""

    def moved(match: re.Match[str]) -> str:
        try:
            day = date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        except ValueError:
            return match.group(0)
        new = day + timedelta(days=days)
        pad = match.group(1).startswith("0")  # "05/8/2021" stays zero-padded
        return f"{new.day:02d}/{new.month}/{new.year}" if pad else f"{new.day}/{new.month}/{new.year}"

    return _DATE_RE.sub(moved, text)


_YEAR_RE = re.compile(r"\b(năm|Năm|NĂM)(\s+)(\d{4})\b")
#: Markdown left in the seed by the conversion it came from: "**bold**", a lone "*" line.
_BOLD_MARK = re.compile(r"\*\*|__")
_LONE_STAR_LINE = re.compile(r"^[ \t]*\*[ \t]*$", re.M)


def shift_years(text: str, years: int) -> str:
    """Every "năm 2021" standing alone (not inside a d/m/yyyy date) moved by ``years``, so "trong
    năm 2021" follows the document's dates when they move into another year."""
    if years == 0:
        return text
    return _YEAR_RE.sub(lambda m: f"{m.group(1)}{m.group(2)}{int(m.group(3)) + years}", text)


def plain_text(text: str) -> str:
    """The seed without its markdown marks: chat and the console show text as it is, so
    "**ngày 20/8/2021**" would show its stars."""
    return _LONE_STAR_LINE.sub("", _BOLD_MARK.sub("", text))


def register_demo_directive(
    *, session: Session, text: str, unit_code: str, now: datetime, config: ReminderConfig, today: date
) -> tuple[str, bool, list[tuple[str, str]]]:
    """Returns (number, whether it was created now, (kind, shown) of each deadline)."""
    unit = unit_queries.get_unit_by_code(session=session, code=unit_code)
    if unit is None:
        raise LookupError(f"no unit with code {unit_code!r}; load the demo units first")
    original = parse_document(text)
    number = original.number or "141-CV/ĐUK"
    existing = session.exec(
        select(Directive).where(col(Directive.unit_id) == unit.id, col(Directive.number) == number)
    ).first()
    if existing is not None:
        shown = [(d.kind, d.shown) for d in directives.deadlines_of(session=session, directive=existing)]
        return number, False, shown
    dated = [d.due.date() for d in original.deadlines if d.due is not None and d.kind != "start"]
    shift = (today + timedelta(days=FIRST_DEADLINE_IN_DAYS) - min(dated)).days if dated else 0
    years = (min(dated) + timedelta(days=shift)).year - min(dated).year if dated else 0
    live_text = shift_years(shift_dates(plain_text(text), shift), years)
    parsed = parse_document(live_text)
    draft = draft_from_parsed(parsed, live_text)
    who = directives.Who(person_id=None, channel="cli")
    directive = directives.register(session=session, draft=draft, unit_id=unit.id, who=who, now=now, tz=config.tz)
    audience = directive_recipients.match_addressees(session=session, unit=unit, lines=[*parsed.addressees])
    if not audience:
        audience = directive_recipients.default_audience(session=session, unit=unit)
    directives.publish(
        session=session, directive=directive, unit_ids=[u.id for u in audience], who=who, now=now, config=config
    )
    shown = [(d["kind"], d["shown"]) for d in draft["deadlines"]]
    return number, True, shown

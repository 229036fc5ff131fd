"""Registering a directive from the desk: paste the text or upload the file, check and correct
what chibot read, tick the recipients, see the message cells will get, publish. The same
services as /new in chat (document intake, parser, drafts, directives.register and publish);
the draft waits in the core's conversation store (channel "web"), so nothing is half-saved and
a second press of "Ban hành" publishes nothing more."""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Form, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services import directive_drafts as drafts
from services import directive_recipients as recipients
from services import directive_texts as texts
from services import directives
from services import document_intake as intake
from services.fanout import FanoutConfig
from services.localtime import format_date, to_local
from services.parsing import parse_document
from services.parsing.deadlines import DeadlineError
from services.reminders.config import ReminderConfig
from storage.queries import conversation as conv_queries
from storage.tables import Directive, Unit
from storage.tables.directives import DEADLINE_KINDS
from web.desk import Desk, desk

router = APIRouter()
#: The request's transaction commits before the answer is sent ("function" scope; FastAPI's
#: default runs a dependency's exit after sending): the browser follows a 303 at once, and the
#: page it then asks for must see what this request saved.
HERE = Depends(desk, scope="function")
FLOW = "web_new"


def _key(here: Desk) -> dict[str, str]:
    return {"channel": "web", "user_id": f"person:{here.actor.person_id}"}


def _issuer(here: Desk) -> Unit | None:
    return recipients.staff_unit(session=here.session, actor=here.actor)


@router.get("/new", response_class=HTMLResponse)
def new_page(here: Desk = HERE) -> HTMLResponse:
    return here.page("new.html", error=None, text="")


@router.post("/new")
async def new_document(
    here: Desk = HERE, csrf: str = Form(""), text: str = Form(""), document: UploadFile | None = None
) -> Response:
    """Read the pasted text or the file and keep the draft; then the review page."""
    here.check_csrf(csrf)
    limit = here.web.settings.max_upload_bytes
    if document is not None and document.filename:
        data = await document.read(limit + 1)
        try:
            read = intake.read_upload(
                data if len(data) <= limit else None,
                file_name=document.filename,
                size=len(data),
                max_bytes=limit,
                ocr=intake.ocr_of(here.web.settings),
            )
        except intake.Refused as refused:
            reason = here.t(refused.key, **refused.params)
            error = here.t("directive.bad_file", name=document.filename[:100], reason=reason)
            return here.page("new.html", status_code=400, error=error, text="")
        text = read.text
    if not text.strip():
        return here.page("new.html", status_code=400, error=here.t("web.new.empty"), text="")
    if len(text) > drafts.MAX_TEXT_CHARS:
        error = here.t("directive.too_long", length=len(text), limit=drafts.MAX_TEXT_CHARS)
        return here.page("new.html", status_code=400, error=error, text="")
    parsed = parse_document(text, today=to_local(here.now, here.tz).date())
    if not drafts.looks_like_directive(parsed):
        return here.page("new.html", status_code=400, error=here.t("web.new.not_document"), text=text[:20000])
    unit = _issuer(here)
    if unit is None:
        return here.page("refused.html", status_code=404, reason="not_found")
    draft = drafts.draft_from_parsed(parsed, text)
    ticked = [u.id for u in _named(here, unit, draft)] or [u.id for u in _everyone(here, unit)]
    _save(here, draft, ticked)
    return RedirectResponse("/new/review", status_code=303)


def _save(here: Desk, draft: dict[str, Any], ticked: list[int]) -> dict[str, Any]:
    data = {"draft": draft, "ticked": ticked, "nonce": secrets.token_urlsafe(12)}
    conv_queries.save_state(session=here.session, **_key(here), flow=FLOW, step="review", data=data, now=here.now)
    return data


def _named(here: Desk, unit: Unit, draft: dict[str, Any]) -> list[Unit]:
    """The units the document's "Kính gửi" and "Nơi nhận" lines name (as chat's /new offers)."""
    lines = list(draft.get("addressees") or []) + list(draft.get("recipients_text") or [])
    return recipients.match_addressees(session=here.session, unit=unit, lines=lines)


def _everyone(here: Desk, unit: Unit) -> list[Unit]:
    """ "Tất cả chi bộ, đoàn thể": the default audience chat's /new offers first."""
    return recipients.default_audience(session=here.session, unit=unit)


def _shown_date(iso: str | None) -> str:
    return format_date(date.fromisoformat(iso)) if iso else ""


def _review(
    here: Desk,
    data: dict[str, Any],
    *,
    error: str | None = None,
    status_code: int = 200,
    duplicate: list[Directive] | None = None,
) -> HTMLResponse:
    unit = _issuer(here)
    draft = data["draft"]
    units = recipients.pickable_units(session=here.session, unit=unit) if unit is not None else []
    preview = directives.preview_message(t=here.t, draft=draft, tz=here.tz)
    return here.page(
        "review.html",
        status_code=status_code,
        draft=draft,
        issued_on=_shown_date(draft.get("issued_on")),
        summary=texts.summary(here.t, draft, to_local(here.now, here.tz).replace(tzinfo=None), in_chat=False),
        units=units,
        ticked=set(data["ticked"]),
        named=len(_named(here, unit, draft)) if unit is not None else 0,
        everyone=len(_everyone(here, unit)) if unit is not None else 0,
        kinds=DEADLINE_KINDS,
        urgency_marks=drafts.URGENCY_MARKS,
        secrecy_marks=drafts.SECRECY_MARKS,
        preview=preview.text,
        nonce=data["nonce"],
        error=error,
        duplicate=duplicate or [],
        duplicate_lines=[texts.which_line(here.t, d, here.tz).removeprefix("• ") for d in duplicate or []],
    )


@router.get("/new/review", response_class=HTMLResponse)
def review_page(here: Desk = HERE) -> Response:
    state = conv_queries.get_state(session=here.session, **_key(here))
    if state is None or state.flow != FLOW:
        return RedirectResponse("/new", status_code=303)
    return _review(here, state.data)


class Bad(Exception):
    """A correction that cannot be taken: the sentence that says what is expected."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _text(form: Any, name: str, limit: int = 1000) -> str | None:
    value = form.get(name)
    return value[:limit] if isinstance(value, str) else None


def _corrected(here: Desk, form: Any, draft: dict[str, Any]) -> dict[str, Any]:
    """The draft with every field, deadline, removal and addition of the form; Bad on the
    first thing that cannot be taken (the stored draft is then left as it was)."""
    today = to_local(here.now, here.tz).date()
    for field in drafts.DESK_FIELDS:
        value = _text(form, field)
        shown = _shown_date(draft.get(field)) if field == "issued_on" else draft.get(field) or ""
        if value is None or " ".join(value.split()) == " ".join(str(shown).split()):
            continue
        try:
            draft = drafts.set_field(draft, field, value)
        except drafts.ValueTooLong as too_long:
            raise Bad(here.t("directive.value_too_long", length=too_long.length, max=too_long.limit)) from None
        except drafts.InvalidValue:
            key = "directive.bad_value.urgency" if field == "urgency" else f"web.new.bad_value.{field}"
            raise Bad(here.t(key, typed=value.strip()[:60])) from None
    removed: list[int] = []
    for index in range(len(draft["deadlines"])):
        kind, when = _text(form, f"dl-{index}-kind", 32), _text(form, f"dl-{index}-when", 300)
        if form.get(f"dl-{index}-remove"):
            removed.append(index)
            continue
        if kind is None and when is None:
            continue
        edited = drafts.edit_deadline(
            draft, index, kind=kind or draft["deadlines"][index]["kind"], phrase=when or "", today=today
        )
        if isinstance(edited, DeadlineError):
            raise Bad(_deadline_error(here, edited, index + 1))
        draft = edited
    for index in reversed(removed):
        draft = drafts.remove_deadline(draft, index)
    phrase = _text(form, "deadline", 300)
    if phrase and phrase.strip():
        added = drafts.add_deadline(draft, phrase.strip(), today=today)
        if isinstance(added, DeadlineError):
            raise Bad(here.t("web.new.bad_deadline"))
        draft = added[0]
    return draft


def _deadline_error(here: Desk, error: DeadlineError, line: int) -> str:
    if error.code == "kind":
        return here.t("web.new.bad_deadline_kind", line=line)
    return here.t("web.new.deadline_line_error", line=line, message=texts.parser_message(error.message))


@router.post("/new/review")
async def review_action(here: Desk = HERE) -> Response:
    """Save corrections and ticks ("Xem trước"), tick all or the named units, or publish
    ("Ban hành") once."""
    form = await here.request.form()
    here.check_csrf(form.get("csrf"))
    state = conv_queries.get_state(session=here.session, **_key(here))
    if state is None or state.flow != FLOW or form.get("nonce") != state.data.get("nonce"):
        # Published already (a double submit), or the draft was replaced in another tab.
        return here.page("refused.html", status_code=409, reason="stale_form")
    unit = _issuer(here)
    if unit is None:
        return here.page("refused.html", status_code=404, reason="not_found")
    allowed = {u.id for u in recipients.pickable_units(session=here.session, unit=unit)}
    ticked = [int(v) for v in form.getlist("unit") if isinstance(v, str) and v.isdigit() and int(v) in allowed]
    data = {**state.data, "ticked": ticked}
    try:
        draft = _corrected(here, form, dict(state.data["draft"]))
    except Bad as bad:
        return _review(here, data, error=bad.message, status_code=400)
    data["draft"] = draft
    action = form.get("action")
    if action == "tick_all":
        ticked = [u.id for u in _everyone(here, unit)]
    elif action == "tick_named":
        ticked = [u.id for u in _named(here, unit, draft)]
    if action not in ("publish", "amend"):
        _save(here, draft, ticked)
        return RedirectResponse("/new/review", status_code=303)
    if not ticked:
        return _review(here, data, error=here.t("directive.none_selected"), status_code=400)
    # The number is taken in this unit: as chat's /new does, staff choose to open the one
    # registered, send this as its changed version (which closes it), or fix the number.
    existing = directives.same_number(session=here.session, unit_id=unit.id, number=draft.get("number"))
    if existing and action != "amend":
        kept = _save(here, draft, ticked)
        head = here.t("directive.duplicate.head", number=draft.get("number") or "")
        return _review(here, kept, error=head, status_code=409, duplicate=existing)
    amends = existing[-1] if existing else None
    if amends is not None and not directives.can_manage(session=here.session, actor=here.actor, directive=amends):
        return here.page("refused.html", status_code=404, reason="not_found")
    conv_queries.clear_state(session=here.session, **_key(here))  # a second press finds nothing
    who = directives.Who(here.actor.person_id, None, "web")
    directive = directives.register(
        session=here.session,
        draft=draft,
        unit_id=unit.id,
        who=who,
        now=here.now,
        tz=here.tz,
        amends_id=amends.id if amends is not None else None,
    )
    directives.publish(
        session=here.session,
        directive=directive,
        unit_ids=ticked,
        who=who,
        now=here.now,
        config=ReminderConfig.from_settings(here.web.settings),
        fanout=FanoutConfig.from_settings(here.web.settings),
    )
    return RedirectResponse(f"/directives/{directive.id}", status_code=303)

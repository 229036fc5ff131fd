"""Registering a directive from the desk: paste the text or upload the file, check and correct
what chibot read, tick the recipients, see the message cells will get, publish. The same
services as /new in chat (document intake, parser, drafts, directives.register and publish);
the draft waits in the core's conversation store (channel "web"), so nothing is half-saved and
a second press of "Ban hành" publishes nothing more."""

from __future__ import annotations

import secrets
from typing import Any

from fastapi import APIRouter, Depends, Form, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services import directive_drafts as drafts
from services import directive_recipients as recipients
from services import directive_texts as texts
from services import directives
from services import document_intake as intake
from services.fanout import FanoutConfig
from services.localtime import to_local
from services.parsing import parse_document
from services.parsing.deadlines import DeadlineError
from services.parsing.ocr import Ocr
from services.reminders.config import ReminderConfig
from storage.queries import conversation as conv_queries
from storage.tables import Unit
from web.desk import Desk, desk

router = APIRouter()
FLOW = "web_new"


def _key(here: Desk) -> dict[str, str]:
    return {"channel": "web", "user_id": f"person:{here.actor.person_id}"}


def _ocr(here: Desk) -> Ocr:
    s = here.web.settings
    return Ocr(
        tesseract=s.tesseract_cmd,
        pdftoppm=s.pdftoppm_cmd,
        language=s.ocr_language,
        timeout_seconds=s.ocr_timeout_seconds,
        max_pages=s.ocr_max_pages,
    )


def _issuer(here: Desk) -> Unit | None:
    return recipients.staff_unit(session=here.session, actor=here.actor)


@router.get("/new", response_class=HTMLResponse)
def new_page(here: Desk = Depends(desk)) -> HTMLResponse:
    return here.page("new.html", error=None, text="")


@router.post("/new")
async def new_document(
    here: Desk = Depends(desk), csrf: str = Form(""), text: str = Form(""), document: UploadFile | None = None
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
                ocr=_ocr(here),
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
    audience = recipients.match_addressees(session=here.session, unit=unit, lines=draft.get("recipients_text") or [])
    ticked = [u.id for u in audience] or [u.id for u in recipients.default_audience(session=here.session, unit=unit)]
    _save(here, draft, ticked)
    return RedirectResponse("/new/review", status_code=303)


def _save(here: Desk, draft: dict[str, Any], ticked: list[int]) -> None:
    conv_queries.save_state(
        session=here.session,
        **_key(here),
        flow=FLOW,
        step="review",
        data={"draft": draft, "ticked": ticked, "nonce": secrets.token_urlsafe(12)},
        now=here.now,
    )


def _review(here: Desk, data: dict[str, Any], *, error: str | None = None, status_code: int = 200) -> HTMLResponse:
    unit = _issuer(here)
    draft = data["draft"]
    units = recipients.pickable_units(session=here.session, unit=unit) if unit is not None else []
    preview = directives.preview_message(t=here.t, draft=draft, tz=here.tz)
    return here.page(
        "review.html",
        status_code=status_code,
        draft=draft,
        summary=texts.summary(here.t, draft, to_local(here.now, here.tz).replace(tzinfo=None)),
        units=units,
        ticked=set(data["ticked"]),
        preview=preview.text,
        nonce=data["nonce"],
        error=error,
    )


@router.get("/new/review", response_class=HTMLResponse)
def review_page(here: Desk = Depends(desk)) -> Response:
    state = conv_queries.get_state(session=here.session, **_key(here))
    if state is None or state.flow != FLOW:
        return RedirectResponse("/new", status_code=303)
    return _review(here, state.data)


@router.post("/new/review")
async def review_action(here: Desk = Depends(desk)) -> Response:
    """Save corrections and ticks ("Xem trước"), or publish ("Ban hành") once."""
    form = await here.request.form()
    here.check_csrf(form.get("csrf"))
    state = conv_queries.get_state(session=here.session, **_key(here))
    if state is None or state.flow != FLOW or form.get("nonce") != state.data.get("nonce"):
        # Published already (a double submit), or the draft was replaced in another tab.
        return here.page("refused.html", status_code=409, reason="stale_form")
    draft = dict(state.data["draft"])
    unit = _issuer(here)
    allowed = {u.id for u in recipients.pickable_units(session=here.session, unit=unit)} if unit else set()
    ticked = [int(v) for v in form.getlist("unit") if isinstance(v, str) and v.isdigit() and int(v) in allowed]
    data = {**state.data, "ticked": ticked}
    for field in drafts.EDITABLE_FIELDS:
        value = form.get(field)
        if isinstance(value, str) and value.strip() != (draft.get(field) or ""):
            try:
                draft = drafts.set_field(draft, field, value[:1000])
            except drafts.InvalidValue:
                error = here.t("directive.bad_value.urgency", typed=value.strip()[:60])
                return _review(here, data, error=error, status_code=400)
    phrase = form.get("deadline")
    if isinstance(phrase, str) and phrase.strip():
        added = drafts.add_deadline(draft, phrase.strip()[:200], today=to_local(here.now, here.tz).date())
        if isinstance(added, DeadlineError):
            return _review(here, {**data, "draft": draft}, error=here.t("web.new.bad_deadline"), status_code=400)
        draft = added[0]
    data["draft"] = draft
    if form.get("action") != "publish":
        _save(here, draft, ticked)
        return RedirectResponse("/new/review", status_code=303)
    if not ticked:
        return _review(here, data, error=here.t("directive.none_selected"), status_code=400)
    if unit is None:
        return here.page("refused.html", status_code=404, reason="not_found")
    conv_queries.clear_state(session=here.session, **_key(here))  # a second press finds nothing
    who = directives.Who(here.actor.person_id, None, "web")
    directive = directives.register(
        session=here.session, draft=draft, unit_id=unit.id, who=who, now=here.now, tz=here.tz
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

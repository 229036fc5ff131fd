"""Units and people (administrators only): the committee's unit tree with who is registered on
which channel, and invite codes to print, copy or have sent to the admin's own chat to forward.

Invites are made by the same service as chat's /invite (services/invites.py). A code is stored
only as a hash, so it is shown once: on the page that answers the form that made it (printable),
and in the admin's chat if they asked for it there. Staff and secretaries are refused; a unit
of another committee (or no such unit) is a 404, audited."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import HTMLResponse, Response

from services import invites
from services import unit_people as people
from services.unit_words import role_label
from storage.queries import units as unit_queries
from storage.tables import Unit
from web.desk import Desk, desk

router = APIRouter()
#: The request's transaction commits before the answer is sent ("function" scope; FastAPI's
#: default runs a dependency's exit after sending): the browser follows a 303 at once, and the
#: page it then asks for must see what this request saved.
HERE = Depends(desk, scope="function")

#: The longest name typed for the person invited (as chat's /invite).
MAX_LABEL = 120


def _not_admin(here: Desk, what: str) -> HTMLResponse | None:
    """Staff (and anyone else without an admin role) get a 403 page, audited."""
    if here.actor.has_role("admin"):
        return None
    here.audit("denied", page=what, reason="admin_only")
    return here.page("refused.html", status_code=403, reason="admin_only")


def _unit(here: Desk, unit_id: int, what: str) -> Unit | HTMLResponse:
    """The unit if this admin administers it; else the same 404 as for no such unit."""
    unit = unit_queries.get_unit(session=here.session, unit_id=unit_id)
    if unit is None or not unit.active or not people.administers(here.actor, unit):
        here.audit("denied", unit_id=unit.id if unit else None, page=what, requested=unit_id)
        return here.page("refused.html", status_code=404, reason="not_found")
    return unit


def _page(here: Desk, template: str, *, status_code: int = 200, **context: object) -> HTMLResponse:
    return here.page(
        template,
        status_code=status_code,
        role_of=lambda role, kind: role_label(here.t, role, kind),
        **context,
    )


@router.get("/units", response_class=HTMLResponse)
def units_page(here: Desk = HERE) -> HTMLResponse:
    refused = _not_admin(here, "units")
    if refused is not None:
        return refused
    trees = [
        people.tree(session=here.session, top=top, now=here.now)
        for top in people.administered(session=here.session, actor=here.actor)
    ]
    every = [n for tree in trees for n in tree.walk()]
    return _page(here, "units.html", trees=trees, count=len(every), missing=[n for n in every if n.needs_secretary])


def _unit_page(
    here: Desk, unit: Unit, *, error: str | None = None, label: str = "", status_code: int = 200
) -> HTMLResponse:
    roles = invites.allowed_roles(here.actor, unit_kind=unit.kind, unit_path=unit.path)
    node = people.unit_node(session=here.session, unit=unit, now=here.now)
    return _page(here, "units_unit.html", status_code=status_code, n=node, roles=roles, error=error, label=label)


@router.get("/units/{unit_id}", response_class=HTMLResponse)
def unit_page(unit_id: int, here: Desk = HERE) -> HTMLResponse:
    refused = _not_admin(here, "unit")
    if refused is not None:
        return refused
    unit = _unit(here, unit_id, "unit")
    if isinstance(unit, HTMLResponse):
        return unit
    return _unit_page(here, unit)


@router.post("/units/{unit_id}/invite")
async def invite_one(unit_id: int, here: Desk = HERE) -> Response:
    """One invite for a role in this unit; the answer is the printable code."""
    form = await here.request.form()
    here.check_csrf(form.get("csrf"))
    refused = _not_admin(here, "invite")
    if refused is not None:
        return refused
    unit = _unit(here, unit_id, "invite")
    if isinstance(unit, HTMLResponse):
        return unit
    role, label = form.get("role"), form.get("label")
    label = " ".join(label.split()) if isinstance(label, str) else ""
    roles = invites.allowed_roles(here.actor, unit_kind=unit.kind, unit_path=unit.path)
    if role not in roles:
        error = here.t("web.units.bad_role", roles=", ".join(role_label(here.t, r, unit.kind) for r in roles))
        return _unit_page(here, unit, error=error, label=label[:MAX_LABEL], status_code=400)
    if len(label) > MAX_LABEL:
        error = here.t("web.units.label_too_long", length=len(label), max=MAX_LABEL)
        return _unit_page(here, unit, error=error, label=label[:MAX_LABEL], status_code=400)
    made = [_make(here, unit, str(role), label)]
    return _printed(here, made, send=form.get("send") == "1")


@router.post("/units/invites")
async def invite_missing(here: Desk = HERE) -> Response:
    """A secretary's invite for every unit of the admin's tree that has no one registered to
    receive directives; the answer is the printable sheet, codes by unit."""
    form = await here.request.form()
    here.check_csrf(form.get("csrf"))
    refused = _not_admin(here, "invite")
    if refused is not None:
        return refused
    tops = people.administered(session=here.session, actor=here.actor)
    trees = [people.tree(session=here.session, top=top, now=here.now) for top in tops]
    wanted = [n.unit for tree in trees for n in tree.walk() if n.needs_secretary]
    if not wanted:
        return _page(
            here,
            "units_print.html",
            status_code=400,
            made=[],
            sent=None,
            error=here.t("web.units.none_missing"),
            bot=here.web.settings.telegram_bot_username,
        )
    return _printed(here, [_make(here, u, "secretary", "") for u in wanted], send=form.get("send") == "1")


def _make(here: Desk, unit: Unit, role: str, label: str) -> people.Made:
    code, invite = invites.invite_by(
        session=here.session, actor=here.actor, unit=unit, role=role, label=label or None, now=here.now
    )
    here.audit("invite", unit_id=unit.id, role=role, label=label)
    return people.Made(code=code, invite=invite, unit=unit)


def _printed(here: Desk, made: list[people.Made], *, send: bool) -> HTMLResponse:
    sent = (
        people.send_to_self(
            session=here.session, person_id=here.actor.known_person_id, made=made, now=here.now, tz=here.tz
        )
        if send
        else None
    )
    return _page(
        here, "units_print.html", made=made, sent=sent, error=None, bot=here.web.settings.telegram_bot_username
    )

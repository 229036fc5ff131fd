"""The directive list and one directive's page, its chart and its files. Every route checks
the staff member's scope on the server; another committee's directive is a 404, audited."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse, Response

from services import charts, exports, status
from storage.tables import Directive
from web import directive_view as view
from web.desk import Desk, desk

router = APIRouter()


def _refused(here: Desk, directive_id: int, exists: bool, what: str) -> HTMLResponse:
    """The same 404 for "not yours" and "no such", so nothing is learnt by guessing ids."""
    here.audit("denied", directive_id=directive_id if exists else None, page=what, requested=directive_id)
    return here.page("refused.html", status_code=404, reason="not_found")


def _mine(here: Desk, directive_id: int, what: str) -> Directive | HTMLResponse:
    found, exists = view.find(session=here.session, actor=here.actor, directive_id=directive_id)
    if found is None:
        return _refused(here, directive_id, exists, what)
    return found


@router.get("/directives", response_class=HTMLResponse)
def directive_list(
    here: Desk = Depends(desk, scope="function"), show: str = Query("open"), q: str = Query("")
) -> HTMLResponse:
    """Directives of my unit and below, with the counts /status shows."""
    which = show if show in view.FILTERS else "open"
    found = status.summaries_in_scope(session=here.session, actor=here.actor, now=here.now)
    return here.page(
        "directives.html",
        summaries=view.listed(found, which=which, query=q[:200]),
        which=which,
        filters=view.FILTERS,
        q=q[:200],
    )


@router.get("/directives/{directive_id}", response_class=HTMLResponse)
def directive_page(directive_id: int, here: Desk = Depends(desk, scope="function")) -> HTMLResponse:
    directive = _mine(here, directive_id, "directive")
    if isinstance(directive, HTMLResponse):
        return directive
    paths = status.scope_paths(here.actor)
    data = exports.build(session=here.session, directive=directive, paths=paths, now=here.now, tz=here.tz, t=here.t)
    figures = data.status
    return here.page(
        "directive.html",
        d=directive,
        s=figures,
        tree=view.tree(session=here.session, figures=figures, paths=paths),
        not_reported=view.not_reported(session=here.session, figures=figures),
        not_acknowledged=view.not_acknowledged(session=here.session, figures=figures),
        history=status.report_history(session=here.session, directive=directive, paths=paths),
        trail=view.trail(session=here.session, directive=directive),
        formats=exports.FORMATS,
        sending=status.sending(session=here.session, directive=directive),
    )


@router.get("/directives/{directive_id}/chart.png")
def directive_chart(directive_id: int, here: Desk = Depends(desk, scope="function")) -> Response:
    """The /status chart, the same PNG chat sends."""
    directive = _mine(here, directive_id, "chart")
    if isinstance(directive, HTMLResponse):
        return directive
    figures = status.directive_status(
        session=here.session, directive=directive, paths=status.scope_paths(here.actor), now=here.now
    )
    return Response(charts.status_chart(here.t, figures), media_type="image/png", headers={"Cache-Control": "no-store"})


@router.get("/directives/{directive_id}/export/{fmt}")
def directive_export(directive_id: int, fmt: str, here: Desk = Depends(desk, scope="function")) -> Response:
    """The file /export sends: the same builder, the same name."""
    directive = _mine(here, directive_id, "export")
    if isinstance(directive, HTMLResponse):
        return directive
    if fmt not in exports.FORMATS:
        return here.page("refused.html", status_code=404, reason="not_found")
    data = exports.build(
        session=here.session,
        directive=directive,
        paths=status.scope_paths(here.actor),
        now=here.now,
        tz=here.tz,
        t=here.t,
    )
    name = exports.file_name(directive, fmt)
    return Response(
        exports.render(fmt, data, here.t),
        media_type=exports.MIME[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"},
    )

"""Broadcasting from the desk: write the message, pick the audience, see the count and the
message as a cell receives it, confirm; then watch delivery and read the delivery report.

The same service as /broadcast in chat (services/broadcast.py chooses the audience and queues
the outbox rows; services/broadcast_progress.py counts delivery and words the report). The
checked form waits in the core's conversation store (channel "web") with a one-time token: the
confirm form carries it, the first submit moves the state on to "sent" in one UPDATE, so a
double submit (or two racing ones) queues the broadcast once and lands on its progress page."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Depends
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from services import broadcast, status
from services import broadcast_progress as progress
from services.i18n import Translator
from services.reach import unreachable_text
from storage.queries import conversation as conv_queries
from storage.queries import units as unit_queries
from storage.tables import Broadcast, Unit
from web import directive_view
from web.desk import Desk, desk

router = APIRouter()
#: The desk's transaction commits before the response leaves (FastAPI's default for a yield
#: dependency is after): the browser follows "303 -> /broadcast/12" at once, and must find it.
DESK = Depends(desk, scope="function")
FLOW = "web_broadcast"
#: Audience kinds that name a directive of the staff member's tree.
BY_DIRECTIVE = ("not_reported", "overdue", "not_acknowledged")


def _key(here: Desk) -> dict[str, str]:
    return {"channel": "web", "user_id": f"person:{here.actor.person_id}"}


@dataclass
class Composed:
    """What the compose form holds (as typed, to show it again after a mistake)."""

    text: str = ""
    kind: str = "all"
    directive_id: int | None = None
    unit_ids: set[int] = field(default_factory=set)

    @classmethod
    def of_spec(cls, text: str, spec: dict[str, Any]) -> Composed:
        return cls(text, spec["kind"], spec.get("directive_id"), set(spec.get("unit_ids") or []))


class Denied(Exception):
    """A directive or unit the staff member does not oversee was put in the form."""

    def __init__(self, *, directive_id: int | None = None, unit_id: int | None = None, exists: bool) -> None:
        super().__init__("not in scope")
        self.directive_id, self.unit_id, self.exists = directive_id, unit_id, exists


def _compose(here: Desk, form: Composed, *, error: str | None = None, status_code: int = 200) -> HTMLResponse:
    cells = broadcast.cells_of(session=here.session, unit_id=broadcast.own_unit(here.actor))
    open_ones = status.summaries_in_scope(session=here.session, actor=here.actor, now=here.now, statuses=("published",))
    return here.page(
        "broadcast_compose.html",
        status_code=status_code,
        form=form,
        kinds=broadcast.AUDIENCES,
        by_directive=BY_DIRECTIVE,
        directives=[s.directive for s in open_ones],
        cells=cells,
        limit=broadcast.MAX_TEXT,
        error=error,
    )


def _refused(here: Desk, denied: Denied) -> HTMLResponse:
    """Another committee's directive or unit: the same 404 as a made-up id, and an audit line."""
    here.audit(
        "denied",
        directive_id=denied.directive_id if denied.exists else None,
        unit_id=denied.unit_id if denied.exists else None,
        page="broadcast",
        requested={"directive": denied.directive_id, "unit": denied.unit_id},
    )
    return here.page("refused.html", status_code=404, reason="not_found")


def _spec(here: Desk, form: Composed) -> dict[str, Any]:
    """The audience as services/broadcast.py reads it; Denied for anything out of scope."""
    if form.kind in BY_DIRECTIVE and form.directive_id is not None:
        found, exists = directive_view.find(session=here.session, actor=here.actor, directive_id=form.directive_id)
        if found is None:
            raise Denied(directive_id=form.directive_id, exists=exists)
        return {"kind": form.kind, "directive_id": found.id, "number": found.number or f"#{found.id}"}
    if form.kind == "picked":
        allowed = {u.id for u in broadcast.cells_of(session=here.session, unit_id=broadcast.own_unit(here.actor))}
        for unit_id in sorted(form.unit_ids - allowed):
            exists = unit_queries.get_unit(session=here.session, unit_id=unit_id) is not None
            raise Denied(unit_id=unit_id, exists=exists)
        return {"kind": "picked", "unit_ids": sorted(form.unit_ids)}
    return {"kind": "all"}


def _nobody(t: Translator, audience: broadcast.Audience) -> str:
    """Why nothing would be sent: no unit in the audience, or none of them reachable (named)."""
    if not audience.units:
        return t("web.broadcast.empty")
    head = t("web.broadcast.none_reachable", count=len(audience.units))
    return "\n".join([head, unreachable_text(t, audience.reach)])


def _own_unit(here: Desk) -> Unit:
    return unit_queries.require_unit(session=here.session, unit_id=broadcast.own_unit(here.actor))


@router.get("/broadcast", response_class=HTMLResponse)
def compose_page(here: Desk = DESK) -> HTMLResponse:
    """The form; after "Sửa lại" on the preview, filled with what was previewed."""
    state = conv_queries.get_state(session=here.session, **_key(here))
    if state is not None and state.flow == FLOW and state.step == "preview":
        return _compose(here, Composed.of_spec(state.data["text"], state.data["spec"]))
    return _compose(here, Composed())


@router.post("/broadcast")
async def compose(here: Desk = DESK) -> Response:
    """Check the message and the audience, keep them, and show the preview."""
    data = await here.request.form()
    here.check_csrf(data.get("csrf"))
    raw_text, kind, directive = data.get("text"), data.get("kind"), data.get("directive")
    # A browser sends a textarea's line breaks as CRLF; cells' phones show LF.
    text = raw_text.replace("\r\n", "\n").strip() if isinstance(raw_text, str) else ""
    form = Composed(
        text=text,
        kind=kind if isinstance(kind, str) and kind in broadcast.AUDIENCES else "",
        directive_id=int(directive) if isinstance(directive, str) and directive.isdigit() else None,
        unit_ids={int(v) for v in data.getlist("unit") if isinstance(v, str) and v.isdigit()},
    )
    if not text:
        return _compose(here, form, error=here.t("web.broadcast.no_text"), status_code=400)
    if len(text) > broadcast.MAX_TEXT:
        error = here.t("broadcast.too_long", length=len(text), limit=broadcast.MAX_TEXT)
        return _compose(here, form, error=error, status_code=400)
    if not form.kind:
        return _compose(here, form, error=here.t("web.broadcast.no_kind"), status_code=400)
    if form.kind in BY_DIRECTIVE and form.directive_id is None:
        return _compose(here, form, error=here.t("web.broadcast.no_directive"), status_code=400)
    try:
        spec = _spec(here, form)
    except Denied as denied:
        return _refused(here, denied)
    audience = broadcast.choose(session=here.session, actor=here.actor, spec=spec, now=here.now)
    if not audience.accounts:
        return _compose(here, form, error=_nobody(here.t, audience), status_code=400)
    conv_queries.save_state(
        session=here.session,
        **_key(here),
        flow=FLOW,
        step="preview",
        data={"text": text, "spec": spec, "nonce": secrets.token_urlsafe(16)},
        now=here.now,
    )
    return RedirectResponse("/broadcast/preview", status_code=303)


@router.get("/broadcast/preview", response_class=HTMLResponse)
def preview_page(here: Desk = DESK) -> Response:
    """The count and the message as its first recipient will read it, and the confirm button."""
    state = conv_queries.get_state(session=here.session, **_key(here))
    if state is None or state.flow != FLOW or state.step != "preview":
        return RedirectResponse("/broadcast", status_code=303)
    spec, text = state.data["spec"], state.data["text"]
    audience = broadcast.choose(session=here.session, actor=here.actor, spec=spec, now=here.now)
    if not audience.accounts:  # they all reported meanwhile, say
        form = Composed.of_spec(text, spec)
        return _compose(here, form, error=_nobody(here.t, audience), status_code=400)
    first = audience.accounts[0][2]
    return here.page(
        "broadcast_preview.html",
        audience=broadcast.describe(here.t, spec),
        accounts=len(audience.accounts),
        units=len(audience.units) - len(audience.unreachable),
        unreachable=unreachable_text(here.t, audience.reach),
        message=broadcast.message_for(Translator(first.language), _own_unit(here).name, text),
        nonce=state.data["nonce"],
    )


@router.post("/broadcast/send")
async def send(here: Desk = DESK) -> Response:
    """Queue the broadcast once, then its progress page."""
    data = await here.request.form()
    here.check_csrf(data.get("csrf"))
    key = _key(here)
    state = conv_queries.get_state(session=here.session, **key)
    if state is None or state.flow != FLOW or data.get("nonce") != state.data.get("nonce"):
        return here.page("refused.html", status_code=409, reason="stale_broadcast")
    if state.step == "sent" or not conv_queries.claim_step(
        session=here.session, **key, flow=FLOW, step="preview", to_step="sent"
    ):
        # The same form again: it was sent by the first submit.
        here.session.refresh(state)
        sent = state.data.get("broadcast_id")
        if sent is None:
            return here.page("refused.html", status_code=409, reason="stale_broadcast")
        return RedirectResponse(f"/broadcast/{sent}", status_code=303)
    # Chosen again at the moment of sending, as chat does: a cell that reported while staff
    # read the preview is not pushed any more.
    audience = broadcast.choose(session=here.session, actor=here.actor, spec=state.data["spec"], now=here.now)
    if not audience.accounts:
        conv_queries.clear_state(session=here.session, **key)
        form = Composed.of_spec(state.data["text"], state.data["spec"])
        return _compose(here, form, error=_nobody(here.t, audience), status_code=400)
    row = broadcast.create(
        session=here.session,
        actor=here.actor,
        audience=audience,
        text=state.data["text"],
        attachment=None,
        channel="web",
        now=here.now,
    )
    conv_queries.save_state(
        session=here.session,
        **key,
        flow=FLOW,
        step="sent",
        data={**state.data, "broadcast_id": row.id},
        now=here.now,
    )
    return RedirectResponse(f"/broadcast/{row.id}", status_code=303)


def _delivery(here: Desk, broadcast_id: int, what: str) -> tuple[Broadcast, progress.Delivery] | HTMLResponse:
    row, exists = broadcast.visible(session=here.session, actor=here.actor, broadcast_id=broadcast_id)
    if row is None:
        here.audit("denied", page=what, requested={"broadcast": broadcast_id}, exists=exists)
        return here.page("refused.html", status_code=404, reason="not_found")
    return row, progress.delivery(session=here.session, row=row, t=here.t)


@router.get("/broadcast/{broadcast_id}", response_class=HTMLResponse)
def progress_page(broadcast_id: int, here: Desk = DESK) -> HTMLResponse:
    """Delivery so far (reloaded by /static/broadcast.js, or by hand), then the report."""
    found = _delivery(here, broadcast_id, "broadcast_progress")
    if isinstance(found, HTMLResponse):
        return found
    row, figures = found
    return here.page(
        "broadcast_progress.html",
        row=row,
        audience=broadcast.describe(here.t, row.audience),
        d=figures,
        shown=here.t("broadcast.progress", done=figures.done, total=figures.total),
    )


@router.get("/broadcast/{broadcast_id}/progress.json")
def progress_json(broadcast_id: int, here: Desk = DESK) -> Response:
    """What the progress page polls: the figures, and the same words as chat's progress message."""
    found = _delivery(here, broadcast_id, "broadcast_progress")
    if isinstance(found, HTMLResponse):
        return JSONResponse({"error": "not_found"}, status_code=404)
    _row, d = found
    return JSONResponse(
        {
            "done": d.done,
            "total": d.total,
            "sent": d.sent,
            "failed": d.failed,
            "unreachable": d.unreachable,
            "finished": d.finished,
            "text": here.t("broadcast.progress", done=d.done, total=d.total),
        },
        headers={"Cache-Control": "no-store"},
    )

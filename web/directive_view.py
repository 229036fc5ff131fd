"""What the directive pages show, gathered from the same services as /status and /export
(services/status.py, services/export_data.py): the page never recomputes a figure."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session

from ground.actor import Actor
from services import directives, reach, status
from services.i18n import Translator
from services.parsing.vn_text import normalize
from services.status import DirectiveStatus, DirectiveSummary, GroupFigures
from storage.queries import audit as audit_queries
from storage.queries.acknowledged import is_acknowledged
from storage.tables import AuditEntry, Directive, Unit

FILTERS = ("open", "overdue", "closed", "all")


def listed(summaries: list[DirectiveSummary], *, which: str, query: str) -> list[DirectiveSummary]:
    """The list filtered by state (open, overdue, closed, all) and by number or words."""
    if which == "open":
        summaries = [s for s in summaries if s.directive.status == "published"]
    elif which == "closed":
        summaries = [s for s in summaries if s.directive.status == "closed"]
    elif which == "overdue":
        summaries = [s for s in summaries if s.counts.overdue]
    wanted = normalize(query)
    if wanted:
        summaries = [
            s
            for s in summaries
            if all(word in normalize(f"{s.directive.number or ''} {s.directive.subject}") for word in wanted.split())
        ]
    return summaries


@dataclass
class TreeNode:
    figures: GroupFigures
    children: list[TreeNode] = field(default_factory=list)

    @property
    def unit(self) -> Unit:
        return self.figures.unit


def tree(*, session: Session, figures: DirectiveStatus, paths: list[str]) -> list[TreeNode]:
    """The roll-up tree: the first level is /status's own groups; a unit holding more than
    itself is opened one level further, summed by the same roll-up query."""

    def grow(groups: list[GroupFigures], depth: int) -> list[TreeNode]:
        nodes = []
        for g in groups:
            node = TreeNode(g)
            if depth < 6 and (g.unit.kind != "cell" or g.cells > 1):
                below = status.subgroups(session=session, directive=figures.directive, parent_id=g.unit.id, paths=paths)
                node.children = grow(below, depth + 1)
            nodes.append(node)
        return nodes

    return grow(figures.groups, 0)


@dataclass(frozen=True)
class Waiting:
    """A unit that has not reported (or not acknowledged), and whom to call."""

    unit: Unit
    group: Unit | None
    contacts: list[reach.Contact]
    overdue: bool


def not_reported(*, session: Session, figures: DirectiveStatus) -> list[Waiting]:
    units = [m.unit.id for m in figures.missing]
    found = reach.contacts(session=session, unit_ids=units)
    # «Thuộc» names the unit right above, the issuer too (as the not-acknowledged table does);
    # /status's grouping leaves the issuer's own units without a group.
    return [Waiting(m.unit, _above(figures, m.unit), found.get(m.unit.id, []), m.overdue) for m in figures.missing]


def _above(figures: DirectiveStatus, unit: Unit) -> Unit | None:
    return figures.parents.get(unit.parent_id) if unit.parent_id else None


def not_acknowledged(*, session: Session, figures: DirectiveStatus) -> list[Waiting]:
    cells = [c for c in figures.cells if not is_acknowledged(c.assignment)]
    found = reach.contacts(session=session, unit_ids=[c.unit.id for c in cells])
    return [Waiting(c.unit, _above(figures, c.unit), found.get(c.unit.id, []), False) for c in cells]


#: Audit actions and channels with words in the locales (web.audit.<action>,
#: web.audit.channel.<channel>); anything else shows as it is stored.
AUDIT_ACTIONS = frozenset(
    {
        "register",
        "publish",
        "edit",
        "close",
        "reopen",
        "acknowledge",
        "report",
        "broadcast",
        "denied",
        "invite",
        "role_change",
        "account_link",
        "units_import",
        "web_link",
        "web_login",
        "web_logout",
    }
)
AUDIT_CHANNELS = frozenset({"console", "telegram", "zalo", "web", "cli"})


@dataclass(frozen=True)
class TrailLine:
    entry: AuditEntry
    who: str

    def action(self, t: Translator) -> str:
        code = self.entry.action
        return t(f"web.audit.{code}") if code in AUDIT_ACTIONS else code

    def channel(self, t: Translator) -> str:
        code = str((self.entry.details or {}).get("channel", ""))
        return t(f"web.audit.channel.{code}") if code in AUDIT_CHANNELS else code


def trail(*, session: Session, directive: Directive) -> list[TrailLine]:
    return [
        TrailLine(e, who or "") for e, who in audit_queries.directive_trail(session=session, directive_id=directive.id)
    ]


def find(*, session: Session, actor: Actor, directive_id: int) -> tuple[Directive | None, bool]:
    """(the directive if this staff member may see it, whether it exists at all)."""
    found = directives.get(session=session, directive_id=directive_id)
    if found is None:
        return None, False
    return (found if status.may_see(session=session, actor=actor, directive=found) else None), True

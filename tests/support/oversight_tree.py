"""A generated organisation for oversight tests and the benchmark: a district committee "QU"
with grassroots organisations, each with cells, plus cells directly under the committee; one
directive assigned to every cell, and reports from a predictable share of them.

Rows are inserted directly (no chat), in bulk, so thousands of cells take seconds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import insert
from sqlmodel import Session

from storage.tables import Assignment, Deadline, Directive, Membership, Person, Report, Unit
from tests.support.local import local_to_utc

REPORT_DUE = datetime(2021, 8, 22, 23, 59)
COMPLETE_DUE = datetime(2021, 8, 20, 23, 59)


def reports(i: int) -> bool:
    """Cell number i (0-based) has reported unless i is a multiple of 3."""
    return i % 3 != 0


def acknowledged(i: int) -> bool:
    return reports(i) or i % 4 != 0


def figures(i: int) -> tuple[int, int]:
    """(reached, total) of cell i's report."""
    return 10 + i % 7, 20 + i % 5


@dataclass
class Tree:
    root_id: int
    group_ids: list[int]
    #: Cells in creation order: (unit id, parent id, code).
    cells: list[tuple[int, int, str]] = field(default_factory=list)
    directive_ids: list[int] = field(default_factory=list)


def build_tree(
    session: Session,
    *,
    groups: int,
    cells_per_group: int,
    direct_cells: int,
    now: datetime,
    directives: int = 1,
    secretary_every: int = 2,
) -> Tree:
    root = Unit(code="QU", name="Quận ủy Hà Đông", kind="committee", created_at=now)
    session.add(root)
    session.flush()
    root.path = f"/{root.id}/"
    tree = Tree(root.id, [])
    parents = []
    for g in range(groups):
        unit = Unit(
            code=f"DB{g + 1:03d}",
            name=f"Đảng bộ phường số {g + 1}",
            kind="grassroots",
            parent_id=root.id,
            created_at=now,
        )
        session.add(unit)
        session.flush()
        unit.path = f"{root.path}{unit.id}/"
        tree.group_ids.append(unit.id)
        parents.append((unit, cells_per_group))
    parents.append((root, direct_cells))
    for parent, count in parents:
        for c in range(count):
            code = f"{parent.code}-CB{c + 1:03d}"
            unit = Unit(code=code, name=f"Chi bộ {code}", kind="cell", parent_id=parent.id, created_at=now)
            session.add(unit)
            session.flush()
            unit.path = f"{parent.path}{unit.id}/"
            tree.cells.append((unit.id, parent.id, code))
    person = Person(full_name="Bí thư mẫu", created_at=now)
    session.add(person)
    session.flush()
    session.execute(
        insert(Membership),
        [
            {"person_id": person.id, "unit_id": uid, "role": "secretary", "active": True, "created_at": now}
            for i, (uid, _p, _c) in enumerate(tree.cells)
            if i % secretary_every == 0
        ],
    )
    for n in range(directives):
        tree.directive_ids.append(_directive(session, tree, person.id, n, now))
    session.flush()
    return tree


def _directive(session: Session, tree: Tree, person_id: int, n: int, now: datetime) -> int:
    directive = Directive(
        unit_id=tree.root_id,
        doc_type="KH",
        number=f"{51 + n}-KH/QU",
        subject="Kế hoạch thực hiện Chỉ thị 05-CT/TU",
        status="published",
        published_at=now + timedelta(seconds=n),
        created_at=now,
    )
    session.add(directive)
    session.flush()
    complete = Deadline(
        directive_id=directive.id, kind="complete", due_at=local_to_utc(COMPLETE_DUE), shown="hết ngày 20/8", position=0
    )
    report = Deadline(
        directive_id=directive.id, kind="report", due_at=local_to_utc(REPORT_DUE), shown="trước 23/8", position=1
    )
    session.add_all([complete, report])
    session.flush()
    session.execute(
        insert(Assignment),
        [
            {
                "directive_id": directive.id,
                "unit_id": uid,
                "assigned_at": now,
                "status": "reported" if reports(i) else ("acknowledged" if acknowledged(i) else "assigned"),
                "acknowledged_at": now if acknowledged(i) else None,
            }
            for i, (uid, _p, _c) in enumerate(tree.cells)
        ],
    )
    ids = dict(
        session.execute(
            Assignment.__table__.select()
            .with_only_columns(Assignment.unit_id, Assignment.id)
            .where(Assignment.directive_id == directive.id)
        ).all()
    )
    rows = []
    for i, (uid, _p, _c) in enumerate(tree.cells):
        if not reports(i):
            continue
        reached, total = figures(i)
        late = i % 5 == 0
        rows.append(
            {
                "assignment_id": ids[uid],
                "deadline_id": report.id,
                "answers_for": f"d{report.id}",
                "version": 1,
                "is_latest": True,
                "submitted_by_person_id": person_id,
                "on_behalf": False,
                "submitted_at": now + timedelta(hours=i % 48),
                "on_time": not late,
                "formats": "truc_tiep,zalo" if i % 2 else "sinh_hoat_chi_bo",
                "format_other": None,
                "reached": reached,
                "total": total,
                "percent": round(100 * reached / total, 1),
                "awareness": "tot" if i % 2 else "kha",
                "difficulties": "Thiếu tài liệu" if i % 10 == 1 else None,
                "answers": {},
                "attachments": [],
            }
        )
    if rows:
        session.execute(insert(Report), rows)
    return directive.id

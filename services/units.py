"""The organisation tree: importing it from a CSV/XLSX file and showing it.

The file has a header row ``code,name,kind,parent_code`` (any order, any case) and one unit per
row. Rows may come in any order, so an admin can paste from wherever the list lives. Import is
all or nothing: every row is read and checked against the file and the database first, and only
then written, in the caller's transaction. Re-importing the same file changes nothing, and
units missing from the file are left alone (the import never deletes: old directives and
reports point at them).

Messages are English with the Vietnamese terms, for the admin at the command line, and always
name the row as a spreadsheet shows it (the header is row 1).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlmodel import Session

from services.i18n import DEFAULT_LANGUAGE, t
from storage.queries.audit import add_audit
from storage.queries.units import add_unit, list_units
from storage.tables import Unit
from storage.tables.units import UNIT_KINDS

COLUMNS = ("code", "name", "kind", "parent_code")
HEADER_TEXT = ",".join(COLUMNS)

#: How each kind is called in Vietnamese (shown by `chibot units list`).

MAX_CODE_LENGTH = 64
MAX_NAME_LENGTH = 255
_CODE_RE = re.compile(r"^\S+$")


class UnitImportError(ValueError):
    """The unit file cannot be imported; ``row`` is the spreadsheet row (None: the whole file)."""

    def __init__(self, message: str, *, row: int | None = None) -> None:
        super().__init__(message)
        self.row = row


@dataclass(frozen=True)
class UnitRow:
    row: int
    code: str
    name: str
    kind: str
    parent_code: str


@dataclass(frozen=True)
class ImportSummary:
    created: int
    updated: int
    unchanged: int


# --- reading files -------------------------------------------------------------------------


def read_unit_file(path: Path | str) -> list[UnitRow]:
    """The data rows of a CSV or XLSX unit file, checked for shape but not against the database."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise UnitImportError(f"{path.name} is an old .xls workbook; save it as .xlsx or as CSV UTF-8")
    if suffix not in (".csv", ".txt", ".xlsx", ".xlsm"):
        raise UnitImportError(f"{path.name} is neither a CSV nor an XLSX file; give a .csv or .xlsx file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnitImportError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if suffix in (".xlsx", ".xlsm"):
        table = _xlsx_table(data, path.name)
    else:
        table = _csv_table(data, path.name)
    return _rows_from_table(table, path.name)


def _csv_table(data: bytes, name: str) -> list[tuple[int, list[str]]]:
    if data.startswith(b"PK\x03\x04"):
        raise UnitImportError(f"{name} is an Excel workbook, not CSV; name it .xlsx")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnitImportError(f'{name} is not UTF-8 text; save it from Excel as "CSV UTF-8"') from exc
    first_line = text.split("\n", 1)[0]
    # Excel writes ";" instead of "," where the decimal mark is a comma.
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    table: list[tuple[int, list[str]]] = []
    row_number = 0
    try:
        for cells in reader:
            row_number += 1
            table.append((row_number, cells))
    except csv.Error as exc:
        bad_row = row_number + 1
        raise UnitImportError(f"row {bad_row}: malformed CSV ({exc})", row=bad_row) from exc
    return table


def _xlsx_table(data: bytes, name: str) -> list[tuple[int, list[str]]]:
    # Imported here: openpyxl takes a while to import and most commands never read a workbook.
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    except Exception as exc:  # noqa: BLE001  (a damaged workbook fails in many ways)
        raise UnitImportError(f"{name} is not a readable XLSX workbook") from exc
    try:
        sheet = workbook.worksheets[0]
        # Row numbers are counted, not read from cells, so they match what Excel shows.
        return [
            (number, [_cell_text(value) for value in values])
            for number, values in enumerate(sheet.iter_rows(min_row=1, min_col=1, values_only=True), start=1)
        ]
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a code typed as 101 comes back as 101.0
    return str(value)


def _rows_from_table(table: list[tuple[int, list[str]]], name: str) -> list[UnitRow]:
    if not table or not any(cell.strip() for cell in table[0][1]):
        raise UnitImportError(f"row 1: {name} has no header row; the first row must be {HEADER_TEXT}", row=1)
    positions = _header_positions(table[0][1])
    rows: list[UnitRow] = []
    for number, cells in table[1:]:
        if not any(cell.strip() for cell in cells):
            continue  # blank rows are harmless; they still count for row numbers
        for index, cell in enumerate(cells):
            if cell.strip() and index not in positions.values():
                raise UnitImportError(
                    f"row {number}: value '{cell.strip()}' is in column {index + 1}, which has no header",
                    row=number,
                )
        values = {column: cells[index].strip() if index < len(cells) else "" for column, index in positions.items()}
        rows.append(UnitRow(row=number, **values))
    return rows


def _header_positions(header: list[str]) -> dict[str, int]:
    positions: dict[str, int] = {}
    for index, cell in enumerate(header):
        column = cell.replace("\ufeff", "").strip().lower()
        if not column:
            continue
        if column not in COLUMNS:
            raise UnitImportError(f"row 1: unknown column '{cell.strip()}'; the header must be {HEADER_TEXT}", row=1)
        if column in positions:
            raise UnitImportError(f"row 1: column '{column}' appears twice", row=1)
        positions[column] = index
    missing = [column for column in COLUMNS if column not in positions]
    if missing:
        raise UnitImportError(f"row 1: missing column {', '.join(missing)}; the header must be {HEADER_TEXT}", row=1)
    return positions


def rows_from_mappings(mappings: Iterable[Mapping[str, object]]) -> list[UnitRow]:
    """Rows given in code (the demo), numbered as if row 1 were a header."""
    rows = []
    for number, mapping in enumerate(mappings, start=2):
        values = {column: str(mapping.get(column) or "").strip() for column in COLUMNS}
        rows.append(UnitRow(row=number, **values))
    return rows


# --- checking ------------------------------------------------------------------------------


def _check_rows(rows: list[UnitRow]) -> list[UnitRow]:
    """Rows with a normalised kind, or the first problem found, in row order."""
    seen: dict[str, int] = {}
    checked = []
    for row in rows:
        where = f"row {row.row}"
        if not row.code:
            raise UnitImportError(f"{where}: the code (mã đơn vị) is empty", row=row.row)
        if not _CODE_RE.match(row.code):
            raise UnitImportError(
                f"{where}: the code '{row.code}' contains spaces; use a short code without spaces",
                row=row.row,
            )
        if len(row.code) > MAX_CODE_LENGTH:
            raise UnitImportError(
                f"{where}: the code '{row.code[:20]}...' is longer than {MAX_CODE_LENGTH} characters",
                row=row.row,
            )
        if not row.name:
            raise UnitImportError(f"{where}: the name (tên đơn vị) of '{row.code}' is empty", row=row.row)
        if len(row.name) > MAX_NAME_LENGTH:
            raise UnitImportError(
                f"{where}: the name of '{row.code}' is longer than {MAX_NAME_LENGTH} characters",
                row=row.row,
            )
        kind = row.kind.lower()
        if kind not in UNIT_KINDS:
            shown = f"'{row.kind}'" if row.kind else "empty"
            raise UnitImportError(
                f"{where}: the kind of '{row.code}' is {shown}; it must be one of "
                "committee (cấp ủy), grassroots (đảng bộ cơ sở), cell (chi bộ), mass (đoàn thể)",
                row=row.row,
            )
        if row.code in seen:
            raise UnitImportError(
                f"{where}: the code '{row.code}' already appears in row {seen[row.code]}",
                row=row.row,
            )
        seen[row.code] = row.row
        checked.append(UnitRow(row=row.row, code=row.code, name=row.name, kind=kind, parent_code=row.parent_code))
    return checked


def _parents_after_import(rows: list[UnitRow], existing: list[Unit]) -> dict[str, str | None]:
    """code -> parent code, for every unit as it will be once the file is imported."""
    code_of = {unit.id: unit.code for unit in existing}
    parents: dict[str, str | None] = {
        unit.code: code_of.get(unit.parent_id) if unit.parent_id is not None else None for unit in existing
    }
    for row in rows:
        parents[row.code] = row.parent_code or None
    return parents


def _check_parents(rows: list[UnitRow], parents: Mapping[str, str | None]) -> None:
    for row in rows:
        if row.parent_code and row.parent_code not in parents:
            raise UnitImportError(
                f"row {row.row}: parent unit (đơn vị cấp trên) '{row.parent_code}' of "
                f"'{row.code}' is neither in the file nor in the database",
                row=row.row,
            )
    row_of = {row.code: row.row for row in rows}
    for row in rows:
        cycle = _cycle_from(row.code, parents)
        if cycle:
            first = min((code for code in cycle if code in row_of), key=row_of.__getitem__)
            start = cycle.index(first)
            cycle = cycle[start:] + cycle[:start]
            links = ", ".join(f"{code} is under {cycle[(i + 1) % len(cycle)]}" for i, code in enumerate(cycle))
            raise UnitImportError(
                f"row {row_of[first]}: parent_code makes a cycle ({links}), so these units would hang under themselves",
                row=row_of[first],
            )


def _cycle_from(code: str, parents: Mapping[str, str | None]) -> list[str]:
    """The codes of the cycle reached by walking up from ``code``, or [] if it reaches a root."""
    order: list[str] = []
    position: dict[str, int] = {}
    current: str | None = code
    while current is not None:
        if current in position:
            return order[position[current] :]
        position[current] = len(order)
        order.append(current)
        current = parents.get(current)
    return []


# --- writing -------------------------------------------------------------------------------


def import_units(
    *,
    session: Session,
    now: datetime,
    path: Path | str | None = None,
    rows: Iterable[Mapping[str, object]] | None = None,
    actor_person_id: int | None = None,
) -> ImportSummary:
    """Create or update units from a file (``path``) or from mappings (``rows``).

    Raises UnitImportError before writing anything if any row is wrong.
    """
    if (path is None) == (rows is None):
        raise TypeError("give exactly one of path= or rows=")
    unit_rows = read_unit_file(path) if path is not None else rows_from_mappings(rows or [])
    unit_rows = _check_rows(unit_rows)
    existing = list_units(session=session)
    parents = _parents_after_import(unit_rows, existing)
    _check_parents(unit_rows, parents)

    by_code = {unit.code: unit for unit in existing}
    created = updated = unchanged = 0
    for row in sorted(unit_rows, key=lambda r: _depth(r.code, parents)):
        parent = by_code[row.parent_code] if row.parent_code else None
        unit = by_code.get(row.code)
        if unit is None:
            by_code[row.code] = add_unit(
                session=session,
                code=row.code,
                name=row.name,
                kind=row.kind,
                parent=parent,
                created_at=now,
            )
            created += 1
            continue
        parent_id = parent.id if parent is not None else None
        if (unit.name, unit.kind, unit.parent_id) == (row.name, row.kind, parent_id):
            unchanged += 1
            continue
        unit.name, unit.kind, unit.parent_id = row.name, row.kind, parent_id
        session.add(unit)
        updated += 1
    _recompute_paths(list(by_code.values()))
    session.flush()
    if created or updated:
        add_audit(
            session=session,
            action="units_import",
            at=now,
            actor_person_id=actor_person_id,
            details={
                "source": Path(path).name if path is not None else "rows",
                "created": created,
                "updated": updated,
                "unchanged": unchanged,
            },
        )
    return ImportSummary(created=created, updated=updated, unchanged=unchanged)


def _depth(code: str, parents: Mapping[str, str | None]) -> int:
    depth = 0
    current = parents.get(code)
    while current is not None:
        depth += 1
        current = parents.get(current)
    return depth


def _recompute_paths(units: list[Unit]) -> None:
    """Give every unit the path of its (possibly new) parent chain; a moved subtree follows."""
    by_id = {unit.id: unit for unit in units}
    paths: dict[int, str] = {}

    def path_of(unit: Unit) -> str:
        if unit.id not in paths:
            parent = by_id.get(unit.parent_id) if unit.parent_id is not None else None
            prefix = path_of(parent) if parent is not None else "/"
            paths[unit.id] = f"{prefix}{unit.id}/"
        return paths[unit.id]

    for unit in units:
        if unit.path != path_of(unit):
            unit.path = path_of(unit)


# --- showing -------------------------------------------------------------------------------


def render_tree(*, session: Session, lang: str = DEFAULT_LANGUAGE) -> str:
    """The tree, one unit a line, indented under its parent: "CB01  Chi bộ 1 (chi bộ)"."""
    units = list_units(session=session)
    children: dict[int | None, list[Unit]] = {}
    for unit in units:
        children.setdefault(unit.parent_id, []).append(unit)
    lines: list[str] = []

    def walk(parent_id: int | None, depth: int) -> None:
        for unit in sorted(children.get(parent_id, []), key=lambda u: u.code):
            kind = t(lang, f"cli.kind.{unit.kind}")
            status = ", " + t(lang, "cli.unit_inactive") if not unit.active else ""
            lines.append(f"{'  ' * depth}{unit.code}  {unit.name} ({kind}{status})")
            walk(unit.id, depth + 1)

    walk(None, 0)
    return "\n".join(lines)

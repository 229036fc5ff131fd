"""Importing the unit tree from CSV and XLSX: good files, re-imports, moves, and every bad file."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from openpyxl import Workbook
from sqlmodel import Session, func, select

from services.units import ImportSummary, UnitImportError, import_units, render_tree
from storage.db import session_scope
from storage.queries.units import cells_under, children_of, get_unit_by_code, subtree_units
from storage.tables import AuditEntry, Unit

NOW = datetime(2021, 8, 10, 8, 0, tzinfo=UTC)

TREE_CSV = (
    "code,name,kind,parent_code\n"
    "DUK,Đảng ủy Khối các cơ quan,committee,\n"
    "DB1,Đảng bộ Sở Y tế,grassroots,DUK\n"
    "DB1-CB1,Chi bộ Phòng Nghiệp vụ,cell,DB1\n"
    "CB01,Chi bộ Văn phòng,cell,DUK\n"
)


def write(tmp_path, text: str, name: str = "units.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run_import(engine, path) -> ImportSummary:
    with session_scope(engine) as session:
        return import_units(session=session, path=path, now=NOW)


def snapshot(engine) -> tuple[list[tuple], int]:
    """Everything an import may touch: the units and the audit log."""
    with Session(engine) as session:
        units = session.exec(select(Unit).order_by(Unit.code)).all()
        audits = session.exec(select(func.count()).select_from(AuditEntry)).one()
        return [(u.code, u.name, u.kind, u.parent_id, u.path) for u in units], audits


def unit(engine, code: str) -> Unit:
    with Session(engine) as session:
        return get_unit_by_code(session=session, code=code)


def test_good_csv_creates_the_tree_with_paths(engine, tmp_path):
    summary = run_import(engine, write(tmp_path, TREE_CSV))

    assert summary == ImportSummary(created=4, updated=0, unchanged=0)
    duk, db1, cb = unit(engine, "DUK"), unit(engine, "DB1"), unit(engine, "DB1-CB1")
    assert (duk.parent_id, duk.path) == (None, f"/{duk.id}/")
    assert (db1.parent_id, db1.path) == (duk.id, f"/{duk.id}/{db1.id}/")
    assert (cb.parent_id, cb.path, cb.kind, cb.name) == (
        db1.id,
        f"/{duk.id}/{db1.id}/{cb.id}/",
        "cell",
        "Chi bộ Phòng Nghiệp vụ",
    )


def test_children_come_before_parents_and_header_is_forgiving(engine, tmp_path):
    text = "\ufeff Parent_Code ; KIND;Name ;code\nDUK; cell ;Chi bộ Văn phòng; CB01 \n\n;Committee;Đảng ủy Khối;DUK\n"
    summary = run_import(engine, write(tmp_path, text))

    assert summary == ImportSummary(created=2, updated=0, unchanged=0)
    duk, cb = unit(engine, "DUK"), unit(engine, "CB01")
    assert (cb.name, cb.kind, cb.path) == ("Chi bộ Văn phòng", "cell", f"/{duk.id}/{cb.id}/")
    assert duk.kind == "committee"


def test_good_xlsx_imports_like_csv(engine, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["kind", "code", "name", "parent_code"])
    sheet.append(["cell", 101, "Chi bộ 101", "DUK"])  # a code typed as a number
    sheet.append(["committee", "DUK", "Đảng ủy Khối", None])
    path = tmp_path / "units.xlsx"
    workbook.save(path)

    summary = run_import(engine, path)

    assert summary == ImportSummary(created=2, updated=0, unchanged=0)
    assert unit(engine, "101").parent_id == unit(engine, "DUK").id


def test_reimport_changes_nothing_and_creates_nothing_twice(engine, tmp_path):
    path = write(tmp_path, TREE_CSV)
    run_import(engine, path)
    before = snapshot(engine)

    summary = run_import(engine, path)

    assert summary == ImportSummary(created=0, updated=0, unchanged=4)
    assert snapshot(engine) == before


def test_reimport_updates_names_and_kinds(engine, tmp_path):
    run_import(engine, write(tmp_path, TREE_CSV))
    changed = TREE_CSV.replace("Chi bộ Văn phòng,cell", "Chi bộ Văn phòng Đảng ủy,cell").replace(
        "Đảng bộ Sở Y tế,grassroots", "Đảng bộ Sở Y tế,committee"
    )

    summary = run_import(engine, write(tmp_path, changed))

    assert summary == ImportSummary(created=0, updated=2, unchanged=2)
    assert unit(engine, "CB01").name == "Chi bộ Văn phòng Đảng ủy"
    assert unit(engine, "DB1").kind == "committee"


def test_moving_a_unit_moves_its_subtree(engine, tmp_path):
    run_import(engine, write(tmp_path, TREE_CSV))
    moved = "code,name,kind,parent_code\nDB1,Đảng bộ Sở Y tế,grassroots,QU\nQU,Quận ủy,committee,DUK\n"

    summary = run_import(engine, write(tmp_path, moved))

    assert summary == ImportSummary(created=1, updated=1, unchanged=0)
    duk, qu, db1, cb = (unit(engine, c) for c in ("DUK", "QU", "DB1", "DB1-CB1"))
    assert db1.path == f"/{duk.id}/{qu.id}/{db1.id}/"
    assert cb.path == f"/{duk.id}/{qu.id}/{db1.id}/{cb.id}/"
    with Session(engine) as session:
        assert [u.code for u in subtree_units(session=session, unit=qu)] == ["QU", "DB1", "DB1-CB1"]


def test_units_missing_from_the_file_are_kept(engine, tmp_path):
    run_import(engine, write(tmp_path, TREE_CSV))

    run_import(engine, write(tmp_path, "code,name,kind,parent_code\nCB02,Chi bộ 2,cell,DUK\n"))

    assert [row[0] for row in snapshot(engine)[0]] == ["CB01", "CB02", "DB1", "DB1-CB1", "DUK"]


def test_tree_queries_follow_the_paths(engine, tmp_path):
    run_import(engine, write(tmp_path, TREE_CSV))
    duk = unit(engine, "DUK")
    with Session(engine) as session:
        assert [u.code for u in children_of(session=session, unit_id=duk.id)] == ["CB01", "DB1"]
        assert [u.code for u in cells_under(session=session, unit_id=duk.id)] == ["CB01", "DB1-CB1"]
        assert [u.code for u in subtree_units(session=session, unit=duk, kinds=["grassroots"])] == ["DB1"]


def test_render_tree_indents_children_with_vietnamese_kinds(engine, tmp_path):
    run_import(engine, write(tmp_path, TREE_CSV))
    with Session(engine) as session:
        assert render_tree(session=session) == (
            "DUK  Đảng ủy Khối các cơ quan (cấp ủy)\n"
            "  CB01  Chi bộ Văn phòng (chi bộ)\n"
            "  DB1  Đảng bộ Sở Y tế (đảng bộ cơ sở)\n"
            "    DB1-CB1  Chi bộ Phòng Nghiệp vụ (chi bộ)"
        )


def test_import_from_rows_in_code(engine):
    rows = [
        {"code": "CB1", "name": "Chi bộ 1", "kind": "cell", "parent_code": "DUK"},
        {"code": "DUK", "name": "Đảng ủy Khối", "kind": "committee", "parent_code": ""},
    ]
    with session_scope(engine) as session:
        assert import_units(session=session, rows=rows, now=NOW) == ImportSummary(2, 0, 0)
    with session_scope(engine) as session:
        assert import_units(session=session, rows=rows, now=NOW) == ImportSummary(0, 0, 2)


HEADER = "code,name,kind,parent_code\n"

BAD_CSV = {
    "unknown kind": (
        HEADER + "DUK,Đảng ủy Khối,committee,\nCB01,Chi bộ 1,chibo,DUK\n",
        "row 3: the kind of 'CB01' is 'chibo'; it must be one of committee (cấp ủy), "
        "grassroots (đảng bộ cơ sở), cell (chi bộ), mass (đoàn thể)",
    ),
    "empty kind": (
        HEADER + "CB01,Chi bộ 1,,DUK\n",
        "row 2: the kind of 'CB01' is empty; it must be one of committee (cấp ủy), "
        "grassroots (đảng bộ cơ sở), cell (chi bộ), mass (đoàn thể)",
    ),
    "empty code": (
        HEADER + "DUK,Đảng ủy Khối,committee,\n,Chi bộ 1,cell,DUK\n",
        "row 3: the code (mã đơn vị) is empty",
    ),
    "code with spaces": (
        HEADER + "CB 01,Chi bộ 1,cell,\n",
        "row 2: the code 'CB 01' contains spaces; use a short code without spaces",
    ),
    "empty name": (
        HEADER + "DUK,  ,committee,\n",
        "row 2: the name (tên đơn vị) of 'DUK' is empty",
    ),
    "missing parent": (
        HEADER + "DUK,Đảng ủy Khối,committee,\nCB01,Chi bộ 1,cell,DUK\nCB02,Chi bộ 2,cell,X\n",
        "row 4: parent unit (đơn vị cấp trên) 'X' of 'CB02' is neither in the file nor in the database",
    ),
    "duplicate code": (
        HEADER + "DUK,Đảng ủy Khối,committee,\nCB01,Chi bộ 1,cell,DUK\nCB01,Chi bộ một,cell,DUK\n",
        "row 4: the code 'CB01' already appears in row 3",
    ),
    "cycle": (
        HEADER + "A,Đơn vị A,committee,B\nB,Đơn vị B,committee,A\n",
        "row 2: parent_code makes a cycle (A is under B, B is under A), so these units would hang under themselves",
    ),
    "own parent": (
        HEADER + "A,Đơn vị A,committee,A\n",
        "row 2: parent_code makes a cycle (A is under A), so these units would hang under themselves",
    ),
    "missing header column": (
        "code,name,parent_code\nDUK,Đảng ủy Khối,\n",
        "row 1: missing column kind; the header must be code,name,kind,parent_code",
    ),
    "unknown header column": (
        "code,name,kind,parent,parent_code\nDUK,Đảng ủy Khối,committee,,\n",
        "row 1: unknown column 'parent'; the header must be code,name,kind,parent_code",
    ),
    "no header": (
        "",
        "row 1: units.csv has no header row; the first row must be code,name,kind,parent_code",
    ),
    "value without a column": (
        HEADER + "DUK,Đảng ủy Khối,committee,,extra\n",
        "row 2: value 'extra' is in column 5, which has no header",
    ),
    "malformed quoting": (
        HEADER + 'DUK,Đảng ủy Khối,committee,\nCB01,"Chi bộ" 1,cell,DUK\n',
        "row 3: malformed CSV (',' expected after '\"')",
    ),
}


@pytest.fixture
def existing_tree(engine, tmp_path):
    """A database that already holds units, so 'unchanged' means something."""
    run_import(engine, write(tmp_path, TREE_CSV, "existing.csv"))
    return snapshot(engine)


@pytest.mark.parametrize("case", sorted(BAD_CSV))
def test_bad_csv_names_the_row_and_imports_nothing(engine, tmp_path, existing_tree, case):
    text, message = BAD_CSV[case]
    path = write(tmp_path, text)

    with pytest.raises(UnitImportError) as caught:
        run_import(engine, path)

    assert str(caught.value) == message
    assert snapshot(engine) == existing_tree


def test_reparenting_into_a_cycle_with_existing_units_is_refused(engine, tmp_path, existing_tree):
    # DB1 is under DUK in the database; putting DUK under DB1-CB1 would close a loop.
    path = write(tmp_path, HEADER + "CB09,Chi bộ 9,cell,DUK\nDUK,Đảng ủy Khối,committee,DB1-CB1\n")

    with pytest.raises(UnitImportError) as caught:
        run_import(engine, path)

    assert str(caught.value) == (
        "row 3: parent_code makes a cycle (DUK is under DB1-CB1, DB1-CB1 is under DB1, "
        "DB1 is under DUK), so these units would hang under themselves"
    )
    assert caught.value.row == 3
    assert snapshot(engine) == existing_tree


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("units.pdf", b"%PDF-1.4", "units.pdf is neither a CSV nor an XLSX file; give a .csv or .xlsx file"),
        ("units.xls", b"\xd0\xcf\x11\xe0", "units.xls is an old .xls workbook; save it as .xlsx or as CSV UTF-8"),
        ("units.xlsx", b"not a zip file", "units.xlsx is not a readable XLSX workbook"),
        (
            "units.csv",
            b"code,name,kind,parent_code\nDUK,\xd0\xe3ng \xf4y,committee,\n",  # Windows-1258
            'units.csv is not UTF-8 text; save it from Excel as "CSV UTF-8"',
        ),
        ("units.csv", b"PK\x03\x04rest", "units.csv is an Excel workbook, not CSV; name it .xlsx"),
    ],
)
def test_unreadable_files_are_refused(engine, tmp_path, existing_tree, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)

    with pytest.raises(UnitImportError) as caught:
        run_import(engine, path)

    assert str(caught.value) == message
    assert snapshot(engine) == existing_tree


def test_missing_file_is_refused(engine, tmp_path):
    with pytest.raises(UnitImportError) as caught:
        run_import(engine, tmp_path / "nope.csv")

    assert str(caught.value) == f"cannot read {tmp_path / 'nope.csv'}: No such file or directory"


def test_bad_xlsx_row_is_named_as_excel_shows_it(engine, tmp_path, existing_tree):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["code", "name", "kind", "parent_code"])
    sheet.append(["CB07", "Chi bộ 7", "cell", "DUK"])
    sheet.append([None, None, None, None])
    sheet.append(["CB08", "Chi bộ 8", "cell", "NOPE"])
    path = tmp_path / "units.xlsx"
    workbook.save(path)

    with pytest.raises(UnitImportError) as caught:
        run_import(engine, path)

    assert str(caught.value) == (
        "row 4: parent unit (đơn vị cấp trên) 'NOPE' of 'CB08' is neither in the file nor in the database"
    )
    assert snapshot(engine) == existing_tree

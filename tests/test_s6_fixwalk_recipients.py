"""Session 6's new-user walk, finding 10: a "Kính gửi" that names cells one by one ("Chi bộ Văn
phòng, Chi bộ Ban Tuyên giáo, …") sends the directive to those cells only; "chi bộ" alone, "các chi
bộ", "chi bộ trực thuộc" still mean every cell."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from services import directive_recipients as recipients
from storage.queries import units as unit_queries
from storage.tables import Assignment, Unit

CV = (Path(__file__).parent / "fixtures" / "walk6" / "cv_three_cells.txt").read_text(encoding="utf-8")


def test_kinh_gui_naming_three_cells_and_the_youth_union_sends_to_those_four(org, session):
    staff = org["staff"]
    staff.send("/new")
    staff.send(CV)
    staff.press("Xác nhận")
    assert "Theo Kính gửi/Nơi nhận (4)" in staff.buttons
    staff.press("Theo Kính gửi")
    assert staff.last_text.startswith(
        "Gửi Công văn 31-CV/ĐUK cho 4 đơn vị:\n• CB01 — Chi bộ Văn phòng\n• CB02 — Chi bộ Ban Tuyên giáo\n"
        "• CB03 — Chi bộ Ban Tổ chức\n• DTN — Đoàn Thanh niên Khối\n"
    )
    staff.press("Gửi")
    assert staff.last_text.startswith("Đã gửi Công văn 31-CV/ĐUK cho 3 đơn vị (3 tin nhắn")
    assert staff.last_text.endswith("• DTN — Đoàn Thanh niên Khối: chưa có người phụ trách đăng ký")
    session.expire_all()
    given = {session.get(Unit, a.unit_id).code for a in session.exec(select(Assignment)).all()}
    assert given == {"CB01", "CB02", "CB03", "DTN"}  # CB04, CB05 and DB1's cells get nothing


def _named(session, *lines: str) -> list[str]:
    duk = unit_queries.get_unit_by_code(session=session, code="DUK")
    return [u.code for u in recipients.match_addressees(session=session, unit=duk, lines=list(lines))]


EVERY_CELL = ["CB01", "CB02", "CB03", "CB04", "CB05", "DB1-CB1", "DB1-CB2"]


@pytest.mark.parametrize(
    "line", ["Chi bộ", "Các chi bộ", "Chi bộ trực thuộc", "Tất cả các chi bộ trực thuộc Đảng ủy Khối", "Bí thư chi bộ"]
)
def test_chi_bo_without_a_name_means_every_cell(org, session, line):
    assert _named(session, line) == EVERY_CELL


def test_a_cell_named_once_is_only_itself_even_spelled_with_more_after_it(org, session):
    assert _named(session, "- Chi bộ Ban Dân vận (để thực hiện)") == ["CB05"]
    assert _named(session, "Chi bộ Phòng Nghiệp vụ; Chi bộ Phòng Tài chính") == ["DB1-CB1", "DB1-CB2"]


def test_a_cell_name_that_is_not_in_the_tree_names_nothing_rather_than_everyone(org, session):
    assert _named(session, "Chi bộ Khu phố 9") == []


def test_the_cells_of_one_kind_are_those_whose_name_says_so(org, session):
    assert _named(session, "Các chi bộ phòng") == ["DB1-CB1", "DB1-CB2"]
    assert _named(session, "Các chi bộ ban") == ["CB02", "CB03", "CB05"]

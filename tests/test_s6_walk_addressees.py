"""A directive addressed to some cells by name goes to those cells only (walk 6, finding 10).

"Kính gửi: Chi bộ Văn phòng, Chi bộ Ban Tổ chức" names two cells; it used to mean every cell,
because any line containing "chi bộ" did."""

from __future__ import annotations

from sqlmodel import select

from services import directive_recipients as recipients
from storage.queries import units as unit_queries
from storage.tables import Assignment, Unit
from tests.support.chat import deliver

LETTER = """ĐẢNG BỘ TỈNH
ĐẢNG ỦY KHỐI CƠ QUAN TỈNH
Số 31-CV/ĐUK
V/v rà soát đảng viên miễn sinh hoạt năm 2021
                          ĐẢNG CỘNG SẢN VIỆT NAM
                          ngày 16 tháng 8 năm 2021

Kính gửi: - Chi bộ Văn phòng, Chi bộ Ban Tổ chức (để thực hiện),
          - Đoàn Thanh niên Khối.

Đề nghị các đồng chí rà soát danh sách đảng viên và báo cáo về Văn phòng Đảng ủy chậm nhất ngày 25/8/2021.

Nơi nhận:
- Như trên,
- Lưu VP.
                          T/M ĐẢNG ỦY
                          BÍ THƯ
                          Lê Hoàng Nam
"""


def test_a_letter_to_two_named_cells_and_the_youth_union_goes_to_those_three(org, app, outbox, session):
    staff = org["staff"]
    staff.send("/new")
    staff.send(LETTER)
    staff.press("Xác nhận")
    assert staff.buttons == ["Tất cả chi bộ, đoàn thể (8)", "Theo Kính gửi/Nơi nhận (3)", "Chọn từng đơn vị", "Hủy"]
    staff.press("Theo Kính gửi")
    assert staff.last_text.startswith(
        "Gửi Công văn 31-CV/ĐUK cho 3 đơn vị:\n"
        "• CB01 — Chi bộ Văn phòng\n"
        "• CB03 — Chi bộ Ban Tổ chức\n"
        "• DTN — Đoàn Thanh niên Khối\n"
    )
    staff.press("Gửi")
    deliver(app)
    session.expire_all()
    assigned = session.exec(select(Unit.code).join(Assignment, Assignment.unit_id == Unit.id)).all()
    assert sorted(assigned) == ["CB01", "CB03", "DTN"]
    told = {chat for chat, reply in outbox.sent if reply.text.startswith("Văn bản mới")}
    assert "u-cb01" in told and "u-cb03" in told
    assert "u-cb02" not in told and "u-db1-cb1" not in told


def codes(session, lines: list[str]) -> list[str]:
    unit = unit_queries.get_unit_by_code(session=session, code="DUK")
    return [u.code for u in recipients.match_addressees(session=session, unit=unit, lines=lines)]


def test_generic_lines_still_mean_every_cell_and_an_unknown_cell_means_none(org, session):
    every_cell = ["CB01", "CB02", "CB03", "CB04", "CB05", "DB1-CB1", "DB1-CB2"]
    assert codes(session, ["Các chi bộ trực thuộc"]) == every_cell
    assert codes(session, ["Chi bộ trực thuộc Đảng ủy Khối"]) == every_cell
    assert codes(session, ["- Chi bộ Phòng Nghiệp vụ;"]) == ["DB1-CB1"]
    assert codes(session, ["Chi bộ Phòng Kế hoạch"]) == []  # a cell this tree does not have
    assert codes(session, ["CB05 (để biết)"]) == ["CB05"]

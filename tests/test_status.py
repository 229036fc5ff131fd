"""/status: counts, roll-up through a generated tree checked by hand, the not-reported list,
scoping to the staff member's units, refusal (audited) for another unit's directive, the chart."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlmodel import select

from services import status
from storage.db import session_scope
from storage.tables import AuditEntry, Unit
from tests.support.local import local_to_utc
from tests.support.org import register
from tests.support.oversight_tree import REPORT_DUE, acknowledged, build_tree, figures, reports

GROUPS, PER_GROUP, DIRECT = 10, 18, 20  # 3 levels, 200 cells


@pytest.fixture
def tree(app):
    with session_scope(app.engine) as session:
        return build_tree(session, groups=GROUPS, cells_per_group=PER_GROUP, direct_cells=DIRECT, now=app.clock.now())


@pytest.fixture
def qu_staff(app, tree):
    return register(app, unit_code="QU", role="staff", name="Nguyễn Thị Hoa", user_id="u-qu-staff")


def hand_figures(indexes):
    reported = [i for i in indexes if reports(i)]
    reached = sum(figures(i)[0] for i in reported)
    total = sum(figures(i)[1] for i in reported)
    return len(reported), reached, total


def test_generated_tree_has_200_cells_in_3_levels(tree):
    assert len(tree.cells) == 200
    assert len(tree.group_ids) == 10


def test_rollup_of_each_grassroots_organisation_is_the_sum_of_its_cells(app, tree, qu_staff):
    with session_scope(app.engine) as session:
        root = session.get(Unit, tree.root_id)
        directive_id = tree.directive_ids[0]
        from storage.tables import Directive

        figures_ = status.directive_status(
            session=session, directive=session.get(Directive, directive_id), paths=[root.path], now=app.clock.now()
        )
    by_unit = {g.unit.id: g for g in figures_.groups}
    for g, group_id in enumerate(tree.group_ids):
        indexes = range(g * PER_GROUP, (g + 1) * PER_GROUP)
        reported, reached, total = hand_figures(indexes)
        got = by_unit[group_id]
        assert (got.cells, got.reported, got.reached, got.total) == (PER_GROUP, reported, reached, total)
    # Group 1 (cells 0..17): reported 12, reached and total by hand.
    first = by_unit[tree.group_ids[0]]
    assert (first.reported, first.reached, first.total) == (12, 151, 263)
    assert first.percent == 57.4
    # The whole directive: 200 cells, 133 reported, 1,724 of 2,927 people (58.9%).
    all_reported, all_reached, all_total = hand_figures(range(200))
    assert (all_reported, all_reached, all_total) == (133, 1724, 2927)
    assert (figures_.counts.assigned, figures_.counts.reported) == (200, 133)
    assert figures_.counts.acknowledged == sum(1 for i in range(200) if acknowledged(i)) == 183
    assert (figures_.reached, figures_.total, figures_.percent) == (1724, 2927, 58.9)
    assert figures_.deep is True
    assert len(figures_.missing) == 67
    # Direct cells appear as their own groups of one.
    direct = [g for g in figures_.groups if g.unit.kind == "cell"]
    assert len(direct) == DIRECT and all(g.cells == 1 for g in direct)


def test_status_list_shows_counts_and_nearest_deadline(qu_staff, tree):
    qu_staff.send("/status")
    assert qu_staff.last_text == (
        "Văn bản đang thực hiện (mới nhất ở trên):\n"
        "• KH 51-KH/QU\n"
        "   Giao 200 · đã nhận 183 · đã báo cáo 133 · quá hạn 0\n"
        "   Hạn gần nhất: hết ngày 20/8 (23:59 20/8/2021)\n"
        "Gõ /status SỐ để xem chi tiết một văn bản, ví dụ /status 51."  # a number staff have
    )


def test_after_the_report_deadline_unreported_cells_are_overdue(app, clock, qu_staff, tree):
    clock.set(local_to_utc(REPORT_DUE) + timedelta(minutes=1))
    qu_staff.send("/status")
    assert "Giao 200 · đã nhận 183 · đã báo cáo 133 · quá hạn 67" in qu_staff.last_text
    assert "Hạn gần nhất: không còn hạn nào sắp tới" in qu_staff.last_text
    qu_staff.send("/status 51")
    text = qu_staff.last_text
    assert "• Báo cáo trước 23/8: đã báo cáo 133/200, quá hạn 67" in text
    # the completion date is not the cells' report deadline: it counts reports, not overdue cells
    assert "• Hoàn thành hết ngày 20/8: đã báo cáo 133/200\n" in text


def test_status_of_one_directive_groups_and_lists_missing_cells(qu_staff, tree):
    qu_staff.send("/status 51-KH/QU")
    lines = qu_staff.last_text.split("\n")
    assert lines[:6] == [
        "Tình hình thực hiện KH 51-KH/QU",
        "Giao 200 đơn vị · đã nhận 183 · đã báo cáo 133 · quá hạn 0",
        "Theo thời hạn:",
        "• Hoàn thành hết ngày 20/8: đã báo cáo 133/200",
        "• Báo cáo trước 23/8: đã báo cáo 133/200, quá hạn 0",
        "Số người được tiếp cận: 1.724/2.927 (58,9%)",
    ]
    assert "Theo đơn vị trực thuộc:" in lines
    assert "• Đảng bộ phường số 1: đã báo cáo 12/18 · tiếp cận 151/263 (57,4%)" in lines
    assert "Đơn vị chưa báo cáo (67):" in lines
    # Cell 0 (DB001-CB001) has not reported and has a secretary; cell 3 has none.
    at = lines.index("Đơn vị chưa báo cáo (67):")
    assert lines[at + 1] == "Đảng bộ phường số 1:"
    assert lines[at + 2] == "• DB001-CB001 — Chi bộ DB001-CB001 — bí thư: Bí thư mẫu"
    assert lines[at + 3] == "• DB001-CB004 — Chi bộ DB001-CB004 — bí thư: chưa có bí thư đăng ký"
    assert lines[-1] == "… và 27 đơn vị khác (xem đầy đủ bằng /export 51-KH/QU)."
    assert qu_staff.buttons == ["Xem biểu đồ", "Xuất Excel"]


def test_staff_of_a_grassroots_unit_sees_only_its_own_cells_of_its_own_directives(app, tree):
    db1 = register(app, unit_code="DB001", role="staff", name="Lê Văn Bình", user_id="u-db1-staff")
    db1.send("/status")
    assert db1.last_text == "Đơn vị của đồng chí hiện không có văn bản nào đang thực hiện."


def test_status_of_another_units_directive_is_refused_and_audited(app, tree):
    db1 = register(app, unit_code="DB001", role="staff", name="Lê Văn Bình", user_id="u-db1-staff")
    db1.send("/status 51-KH/QU")
    # Answered as if it did not exist (issue 15): the refusal is in the audit log only.
    nowhere = db1.send("/status 52-KH/QU")[0].text
    db1.send("/status 51-KH/QU")
    assert db1.last_text == nowhere.replace("52-KH/QU", "51-KH/QU")
    assert db1.last_text.startswith("Không tìm thấy văn bản số «51-KH/QU»")
    with session_scope(app.engine) as session:
        denied = session.exec(select(AuditEntry).where(AuditEntry.action == "denied")).all()
    assert [(d.directive_id, d.details["command"]) for d in denied] == [(tree.directive_ids[0], "status")] * 2


def test_unknown_number_and_secretary_are_refused(app, org):
    org["staff"].send("/status 999")
    assert "999" in org["staff"].last_text
    org["CB01"].send("/status")
    assert org["CB01"].last_text == "Đồng chí không có quyền thực hiện thao tác này."


def test_chart_is_a_png_in_the_reply(qu_staff, tree):
    qu_staff.send("/status 51 chart")
    (reply,) = qu_staff.replies
    assert reply.text == "Biểu đồ tình hình thực hiện KH 51-KH/QU"
    assert reply.photo is not None and reply.photo.content.startswith(b"\x89PNG")
    qu_staff.send("/status 51")
    qu_staff.press("Xem biểu đồ")
    assert qu_staff.replies[0].photo.content.startswith(b"\x89PNG")


def test_past_the_completion_deadline_nobody_is_overdue_before_the_report_is_due(clock, qu_staff, tree):
    # 20/8 has passed, the report deadline (trước 23/8) has not: a cell's obligation is the
    # report, so neither the reminders nor the status call anyone overdue yet.
    clock.set(local_to_utc(datetime(2021, 8, 21, 9, 0)))
    qu_staff.send("/status 51")
    assert "Giao 200 đơn vị · đã nhận 183 · đã báo cáo 133 · quá hạn 0" in qu_staff.last_text
    assert "• Hoàn thành hết ngày 20/8: đã báo cáo 133/200\n" in qu_staff.last_text
    assert "• Báo cáo trước 23/8: đã báo cáo 133/200, quá hạn 0" in qu_staff.last_text
    assert "(quá hạn)" not in qu_staff.last_text

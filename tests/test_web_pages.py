"""The dashboard's directive pages, as staff of the unit, staff of another committee, a
secretary and nobody: the same figures as /status and the XLSX (on a generated tree of 3
levels and 200 cells), 404 and an audit line for another committee's directive, no MẬT text."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from services import units
from storage.db import session_scope
from storage.tables import AuditEntry, Directive, Membership, Person, WebSession
from tests.support.local import local_to_utc
from tests.support.org import register
from tests.support.oversight_tree import REPORT_DUE, build_tree
from tests.support.web import sign_in

GROUPS, PER_GROUP, DIRECT = 10, 18, 20  # 3 levels, 200 cells


@pytest.fixture
def tree(app):
    with session_scope(app.engine) as session:
        return build_tree(session, groups=GROUPS, cells_per_group=PER_GROUP, direct_cells=DIRECT, now=app.clock.now())


@pytest.fixture
def qu_staff(app, tree):
    return register(app, unit_code="QU", role="staff", name="Nguyễn Thị Hoa", user_id="u-qu-staff")


@pytest.fixture
def other_staff(app, tree):
    """Staff of another committee, with a directive of its own."""
    with session_scope(app.engine) as session:
        units.import_units(
            session=session,
            now=app.clock.now(),
            rows=[{"code": "HU", "name": "Huyện ủy Ba Vì", "kind": "committee", "parent_code": ""}],
        )
    return register(app, unit_code="HU", role="staff", name="Phạm Văn Nam", user_id="u-hu-staff")


def texts_of(html: str, css_class: str) -> list[str]:
    return re.findall(rf'<b class="{css_class}">([^<]*)</b>', html)


def test_the_list_shows_the_counts_of_status(app, qu_staff, tree, web):
    browser = sign_in(web(), qu_staff)
    qu_staff.send("/status")
    assert "Giao 200 · đã nhận 183 · đã báo cáo 133 · quá hạn 0" in qu_staff.last_text

    page = browser.get("/directives").text

    row = page[page.index(f'data-directive="{tree.directive_ids[0]}"') :]
    row = row[: row.index("</tr>")]
    assert ">51-KH/QU</a>" in row and "Kế hoạch thực hiện Chỉ thị 05-CT/TU" in row
    assert re.findall(r'class="n (\w+)[^"]*" data-label="[^"]*">([^<]*)<', row) == [
        ("assigned", "200"),
        ("acknowledged", "183"),
        ("reported", "133"),
        ("overdue", "0"),
    ]
    assert "hết ngày 20/8" in row and "20/8/2021" in row


def test_one_directive_shows_the_figures_of_status_and_of_the_xlsx(app, qu_staff, tree, web, clock):
    clock.set(local_to_utc(REPORT_DUE) + timedelta(minutes=1))  # 67 cells overdue now
    browser = sign_in(web(), qu_staff)
    directive_id = tree.directive_ids[0]
    qu_staff.send("/status 51")
    chat = qu_staff.last_text
    assert "Giao 200 đơn vị · đã nhận 183 · đã báo cáo 133 · quá hạn 67" in chat
    assert "Số người được tiếp cận: 1.724/2.927 (58,9%)" in chat

    page = browser.get(f"/directives/{directive_id}").text
    xlsx = browser.get(f"/directives/{directive_id}/export/xlsx")

    assert [texts_of(page, c) for c in ("assigned", "acknowledged", "reported", "overdue", "reach")] == [
        ["200"],
        ["183"],
        ["133"],
        ["67"],
        ["1.724/2.927 · 58,9%"],
    ]
    assert "Chưa báo cáo (67)" in page
    assert "Đảng bộ phường số 1" in page and "12/18 đã báo cáo" in page and "151/263 · 57,4%" in page
    assert xlsx.status_code == 200
    assert xlsx.headers["content-disposition"] == 'attachment; filename="bao-cao-51-kh-qu.xlsx"'
    summary = dict(load_workbook(io.BytesIO(xlsx.content))["Tổng hợp"].iter_rows(values_only=True))
    assert (summary["Số đơn vị được giao"], summary["Đã nhận văn bản"], summary["Đã báo cáo"]) == (200, 183, 133)
    assert (summary["Quá hạn"], summary["Tổng số người tiếp cận"], summary["Tổng số người"]) == (67, 1724, 2927)
    assert summary["Tỷ lệ chung (%)"] == 58.9
    # The same file /export sends in chat: same name, same rows.
    qu_staff.send("/export 51")
    chat_file = qu_staff.replies[0].document
    assert chat_file.name == "bao-cao-51-kh-qu.xlsx"
    chat_rows = list(load_workbook(io.BytesIO(chat_file.content)).active.iter_rows(values_only=True))
    web_rows = list(load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(values_only=True))
    assert web_rows == chat_rows and len(web_rows) == 201


def test_the_unit_tree_rolls_up_and_opens_on_the_cells(app, qu_staff, tree, web):
    browser = sign_in(web(), qu_staff)
    page = browser.get(f"/directives/{tree.directive_ids[0]}").text

    first = page[page.index('<details class="unit" data-unit="DB001">') :]
    first = first[: first.index("</details>")]
    assert first.count('class="unit leaf"') == 18  # its cells, one level down
    assert 'data-unit="DB001-CB002"' in first and "1/1 đã báo cáo" in first
    assert page.count('<details class="unit"') == GROUPS
    assert 'class="unit leaf" data-unit="QU-CB001"' in page  # a cell directly under the committee


def test_not_reported_and_not_acknowledged_cells_name_their_secretaries_and_channel(app, qu_staff, tree, web):
    browser = sign_in(web(), qu_staff)
    register(app, unit_code="DB001-CB001", role="secretary", name="Đỗ Thị Lan", user_id="u-lan", channel="telegram")
    page = browser.get(f"/directives/{tree.directive_ids[0]}").text

    waiting = page[page.index('id="not-reported"') : page.index('id="not-acknowledged"')]
    row = re.search(r'<tr data-unit="DB001-CB001">.*?</tr>', waiting, re.S).group(0)
    assert "Đỗ Thị Lan · Telegram" in row
    assert "Bí thư mẫu" not in row  # a secretary without a chat account is not shown as reachable
    assert re.search(r'<tr data-unit="DB001-CB004">.*?chưa có người đăng ký.*?</tr>', waiting, re.S)
    direct = re.search(r'<tr data-unit="QU-CB001">(.*?)</tr>', waiting, re.S)
    if direct:  # a cell right under the committee names the committee as «Thuộc», as below
        assert re.findall(r"<td>(.*?)</td>", direct.group(1), re.S)[1].strip() != ""
    assert all(
        re.findall(r"<td>(.*?)</td>", r, re.S)[1].strip()
        for r in re.findall(r"<tr data-unit=[^>]*>(.*?)</tr>", waiting, re.S)
    ), "every unit not reported names the unit it belongs to"
    unacked = page[page.index('id="not-acknowledged"') : page.index('id="reports"')]
    assert "Chưa xác nhận đã nhận (17)" in unacked  # 200 - 183


def test_reports_show_versions_late_and_on_behalf_marks(app, qu_staff, tree, web):
    browser = sign_in(web(), qu_staff)
    page = browser.get(f"/directives/{tree.directive_ids[0]}").text
    reports = page[page.index('id="reports"') : page.index('id="text"')]
    assert "Báo cáo đã gửi (133)" in reports
    late = re.search(r'<tr class="" data-unit="DB001-CB006">.*?</tr>', reports, re.S).group(0)  # cell 5: late
    assert "trễ hạn" in late and "lần 1" in late and "15/20" in late


def test_the_chart_is_the_status_png(app, qu_staff, tree, web):
    browser = sign_in(web(), qu_staff)
    response = browser.get(f"/directives/{tree.directive_ids[0]}/chart.png")
    assert response.status_code == 200 and response.headers["content-type"] == "image/png"
    assert response.content.startswith(b"\x89PNG")


@pytest.mark.parametrize("fmt", ["docx", "csv"])
def test_docx_and_csv_downloads(app, qu_staff, tree, web, fmt):
    browser = sign_in(web(), qu_staff)
    response = browser.get(f"/directives/{tree.directive_ids[0]}/export/{fmt}")
    assert response.status_code == 200
    assert response.headers["content-disposition"] == f'attachment; filename="bao-cao-51-kh-qu.{fmt}"'
    if fmt == "csv":
        assert "DB001-CB001" in response.content.decode("utf-8-sig")
    else:
        assert response.content.startswith(b"PK")


def test_another_committees_directive_is_404_everywhere_and_audited(app, tree, other_staff, web):
    browser = sign_in(web(), other_staff)
    directive_id = tree.directive_ids[0]
    assert "51-KH/QU" not in browser.get("/directives").text

    for path in ("", "/chart.png", "/export/xlsx", "/export/csv"):
        response = browser.get(f"/directives/{directive_id}{path}")
        assert response.status_code == 404, path
        assert "Không tìm thấy" in response.text and "51-KH/QU" not in response.text and "QU-CB" not in response.text
    assert browser.get("/directives/999999").status_code == 404

    with session_scope(app.engine) as session:
        denied = session.exec(select(AuditEntry).where(AuditEntry.action == "denied")).all()
    assert [(d.directive_id, d.details["page"], d.details["channel"]) for d in denied] == [
        (directive_id, "directive", "web"),
        (directive_id, "chart", "web"),
        (directive_id, "export", "web"),
        (directive_id, "export", "web"),
        (None, "directive", "web"),
    ]


def test_staff_of_a_lower_unit_see_only_their_cells(app, tree, web):
    db1 = register(app, unit_code="DB001", role="staff", name="Lê Văn Bình", user_id="u-db1-staff")
    browser = sign_in(web(), db1)
    assert browser.get(f"/directives/{tree.directive_ids[0]}").status_code == 404


def test_nobody_signed_in_sees_nothing(app, tree, web):
    browser = web()
    for path in (
        "/directives",
        f"/directives/{tree.directive_ids[0]}",
        f"/directives/{tree.directive_ids[0]}/chart.png",
        f"/directives/{tree.directive_ids[0]}/export/xlsx",
    ):
        response = browser.get(path)
        assert response.status_code == 401, path
        assert "51-KH/QU" not in response.text and "Cần đăng nhập" in response.text
    forged = web()
    forged.cookies.set("chibot_session", "made-up")
    assert forged.get("/directives").status_code == 401


def test_a_secretary_holding_a_session_is_refused(app, tree, web, qu_staff):
    """A secretary cannot get a link; a session of someone who is only a secretary now (role
    changed) opens nothing."""
    browser = sign_in(web(), qu_staff)
    with session_scope(app.engine) as session:
        person = session.exec(select(Person).where(Person.full_name == "Nguyễn Thị Hoa")).one()
        staff = session.exec(select(Membership).where(Membership.person_id == person.id)).one()
        staff.role = "secretary"
        staff.unit_id = tree.cells[0][0]
        session.add(staff)
        assert session.exec(select(WebSession)).one().ended_at is None
    for path in ("/directives", f"/directives/{tree.directive_ids[0]}"):
        assert browser.get(path).status_code == 401


def test_filters_and_search(app, qu_staff, tree, web, clock):
    with session_scope(app.engine) as session:
        second = session.get(Directive, tree.directive_ids[0])
        closed = Directive(
            unit_id=second.unit_id,
            doc_type="CV",
            number="77-CV/QU",
            subject="Về việc tổng kết công tác năm",
            status="closed",
            published_at=second.published_at,
            created_at=second.created_at,
        )
        session.add(closed)
    browser = sign_in(web(), qu_staff)

    def numbers(url: str) -> list[str]:
        return re.findall(r'<a href="/directives/\d+">([^<]+)</a>', browser.get(url).text)

    assert numbers("/directives") == ["51-KH/QU"]
    assert numbers("/directives?show=closed") == ["77-CV/QU"]
    assert sorted(numbers("/directives?show=all")) == ["51-KH/QU", "77-CV/QU"]
    assert numbers("/directives?show=overdue") == []
    assert numbers("/directives?show=all&q=tong+ket") == ["77-CV/QU"]  # words, without diacritics
    assert numbers("/directives?show=all&q=51") == ["51-KH/QU"]
    clock.set(local_to_utc(REPORT_DUE) + timedelta(minutes=1))
    browser = sign_in(web(), qu_staff)  # the first session has expired by then
    assert numbers("/directives?show=overdue") == ["51-KH/QU"]


def test_a_secret_directive_never_shows_its_text(app, qu_staff, tree, web):
    with session_scope(app.engine) as session:
        directive = session.get(Directive, tree.directive_ids[0])
        directive.secrecy = "MẬT"
        directive.full_text = "NỘI DUNG MẬT KHÔNG ĐƯỢC HIỂN THỊ"  # never stored so; the page must not rely on it
        session.add(directive)
    browser = sign_in(web(), qu_staff)
    page = browser.get(f"/directives/{tree.directive_ids[0]}").text
    assert "NỘI DUNG MẬT" not in page
    assert "Văn bản MẬT: toàn văn không hiển thị trên chibot" in page


def test_an_open_directive_shows_its_full_text_escaped(app, qu_staff, tree, web):
    with session_scope(app.engine) as session:
        directive = session.get(Directive, tree.directive_ids[0])
        directive.full_text = "Kính gửi các chi bộ <script>alert(1)</script>"
        session.add(directive)
    browser = sign_in(web(), qu_staff)
    page = browser.get(f"/directives/{tree.directive_ids[0]}").text
    assert "Kính gửi các chi bộ &lt;script&gt;" in page and "<script>alert" not in page


def test_the_audit_trail_lists_what_was_done(app, qu_staff, tree, web, other_staff):
    sign_in(web(), other_staff).get(f"/directives/{tree.directive_ids[0]}")
    page = sign_in(web(), qu_staff).get(f"/directives/{tree.directive_ids[0]}").text
    trail = page[page.index('id="trail"') :]
    assert "Phạm Văn Nam" in trail and "bị từ chối (không có quyền)" in trail

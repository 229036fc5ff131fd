"""Session 5's new-user walk, the dashboard: the audit trail of a directive reads in words
(«gửi văn bản», «xác nhận đã nhận», «báo cáo»), not the codes stored for it."""

from __future__ import annotations

import re

from sqlmodel import select

from storage.db import session_scope
from storage.tables import Directive
from tests.support.web import sign_in
from tests.test_directives_flow import directive_message, use_buttons_of
from tests.test_reminders_timeline import publish_to_five, quick_report


def test_the_audit_trail_names_each_action_in_vietnamese(org, app, outbox, web):
    staff = publish_to_five(org, app)
    use_buttons_of(org["CB02"], directive_message(outbox, "u-cb02")).press("Đã nhận")
    quick_report(org["CB01"])
    with session_scope(app.engine) as session:
        directive_id = session.exec(select(Directive.id)).one()

    page = sign_in(web(), staff).get(f"/directives/{directive_id}").text
    trail = page[page.index('id="trail"') :]
    rows = re.findall(r"<tr><td>[^<]*</td><td>([^<]*)</td><td>([^<]*)</td><td[^>]*>([^<]*)</td></tr>", trail)
    assert [(who, action) for who, action, _channel in rows] == [
        ("Trần Văn Tâm", "đăng ký văn bản"),
        ("Trần Văn Tâm", "gửi văn bản"),
        ("Bí thư CB02", "xác nhận đã nhận"),
        ("Bí thư CB01", "báo cáo"),
    ]
    for code in ("register", "publish", "acknowledge", "report"):
        assert f">{code}<" not in trail


def test_the_not_reported_table_names_the_unit_above_as_the_not_acknowledged_one_does(org, app, outbox, web):
    staff = publish_to_five(org, app)
    with session_scope(app.engine) as session:
        directive_id = session.exec(select(Directive.id)).one()
    page = sign_in(web(), staff).get(f"/directives/{directive_id}").text

    def group_column(section: str) -> list[tuple[str, str]]:
        part = page[page.index(f'id="{section}"') :]
        part = part[: part.index("</section>")]
        return re.findall(r'<tr data-unit="([^"]+)"><td>[^<]*</td><td>([^<]*)</td>', part)

    expected = [(code, "Đảng ủy Khối Cơ quan tỉnh") for code in ("CB01", "CB02", "CB03", "CB04", "CB05")]
    assert group_column("not-acknowledged") == expected
    assert group_column("not-reported") == expected

"""The total question names who the directive counts, in its own words ("Tổng số đoàn
viên", "Tổng số cán bộ, công chức, lao động"), else the default "cán bộ, đảng viên"."""

from __future__ import annotations

import pytest

from storage.db import session_scope
from storage.tables import Assignment, Directive
from tests.support.chat import CHANNELS, Chat
from tests.support.report_factories import make_assignment

pytestmark = pytest.mark.parametrize("channel", CHANNELS)


def to_total(chat: Chat, aid: int) -> str:
    chat.press_data(f"rep:{aid}")
    chat.send("truc tiep")
    chat.send("xong")
    chat.send("45")  # the count alone: the total is asked next
    return chat.last_text


def set_report_fields(app, aid: int, fields: list[str]) -> None:  # noqa: ANN001
    with session_scope(app.engine) as session:
        directive = session.get(Directive, session.get(Assignment, aid).directive_id)
        directive.report_fields = fields


def test_a_directive_to_youth_union_members_asks_for_their_total(org, app):
    aid = make_assignment(app, subject="V/v tổ chức cho Đoàn viên thanh niên học tập Nghị quyết số 05-NQ/TU")
    cb01 = org["CB01"]
    assert "Tổng số đoàn viên thanh niên? Đồng chí gõ tổng số người" in to_total(cb01, aid)
    cb01.send("40")  # more reached than counted: the rule names the same words
    assert "«Tổng số đoàn viên thanh niên» (40)" in cb01.last_text


def test_the_words_of_what_the_report_must_state_come_first(org, app):
    aid = make_assignment(app, subject="V/v tuyên truyền cho hội viên")
    set_report_fields(
        app, aid, ["hình thức quán triệt", "số lượng người tiếp cận/tổng số cán bộ, công chức, lao động (đạt %)"]
    )
    cb01 = org["CB01"]
    assert "Tổng số cán bộ, công chức, lao động?" in to_total(cb01, aid)


def test_a_directive_that_names_nobody_keeps_the_default(org, app):
    aid = make_assignment(app, subject="V/v tổ chức quán triệt Nghị quyết số 05-NQ/TU")
    cb01 = org["CB01"]
    assert "Tổng số cán bộ, đảng viên?" in to_total(cb01, aid)


def test_a_template_of_its_own_keeps_its_label(org, app):
    import yaml

    from services.report_templates import DEFAULT_TEMPLATE_FILE

    template = yaml.safe_load(DEFAULT_TEMPLATE_FILE.read_text(encoding="utf-8"))
    next(f for f in template["fields"] if f["key"] == "total")["label_vi"] = "Tổng số người dân trong tổ"
    aid = make_assignment(app, subject="V/v tuyên truyền cho học sinh", template=template)
    cb01 = org["CB01"]
    assert "Tổng số người dân trong tổ?" in to_total(cb01, aid)

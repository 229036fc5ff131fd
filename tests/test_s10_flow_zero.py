"""After "0/50" (nobody reached, confirmed) the awareness question is not asked, and the
summary says so; a directive's template may ask it anyway (skip_when_none_reached: false)."""

from __future__ import annotations

import copy

import pytest
import yaml
from sqlmodel import select

from services.report_templates import DEFAULT_TEMPLATE_FILE, template_from_dict
from storage.tables import Report
from tests.support.chat import CHANNELS
from tests.support.report_factories import make_assignment

pytestmark = pytest.mark.parametrize("channel", CHANNELS)

NOT_ASKED = "• Nhận thức sau khi học tập: không hỏi, vì chưa tiếp cận được ai"


def reports(session) -> list[Report]:  # noqa: ANN001
    session.expire_all()
    return session.exec(select(Report).order_by(Report.id)).all()


def test_nobody_reached_skips_the_awareness_and_the_summary_says_so(org, session, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.send("tai lieu")
    cb01.send("xong")
    cb01.send("0/50")
    cb01.press("Có")
    assert "Nhận thức" not in cb01.last_text and "Khó khăn, đề xuất?" in cb01.last_text
    cb01.send("chưa tổ chức được vì đang mùa lũ")
    cb01.press("Bỏ qua")
    assert NOT_ASKED in cb01.last_text and "0/50 (0%)" in cb01.last_text
    cb01.press("Sửa")
    assert "Nhận thức sau khi học tập" not in cb01.buttons
    cb01.press("Quay lại")
    cb01.press("Xác nhận")
    [report] = reports(session)
    assert (report.reached, report.total, report.awareness) == (0, 50, None)
    assert "awareness" not in report.answers


def test_a_count_corrected_from_zero_asks_the_awareness_before_saving(org, session, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.send("tt")
    cb01.send("xong")
    cb01.send("0/50")
    cb01.press("Có")
    cb01.press("Bỏ qua")
    cb01.press("Bỏ qua")
    cb01.press("Sửa")
    cb01.press("Số người tiếp cận")
    cb01.send("40")
    assert NOT_ASKED not in cb01.last_text
    cb01.press("Xác nhận")
    assert "Báo cáo chưa được lưu: còn thiếu «Nhận thức sau khi học tập»" in cb01.last_text
    assert "Nhận thức sau khi học tập?" in cb01.last_text
    assert reports(session) == []
    cb01.press("Khá")
    while "Xác nhận" not in cb01.buttons:  # the optional questions after it, as before
        cb01.press("Bỏ qua")
    cb01.press("Xác nhận")
    [report] = reports(session)
    assert (report.reached, report.total, report.awareness) == (40, 50, "kha")


def test_a_template_may_ask_the_awareness_even_of_nobody(org, session, app):
    raw = yaml.safe_load(DEFAULT_TEMPLATE_FILE.read_text(encoding="utf-8"))
    template = copy.deepcopy(raw)
    next(f for f in template["fields"] if f["key"] == "awareness")["skip_when_none_reached"] = False
    template_from_dict(template)  # a valid template
    aid = make_assignment(app, template=template)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.send("tt")
    cb01.send("xong")
    cb01.send("0/50")
    cb01.press("Có")
    assert "Nhận thức sau khi học tập?" in cb01.last_text

"""A long "other" answer (a paragraph after «khác:», or a free awareness) is kept whole, in
the report and in the export; a text over its stated limit is refused with the limit."""

from __future__ import annotations

import csv
import io

import pytest
from sqlmodel import select

from storage.tables import Report
from tests.support.chat import CHANNELS
from tests.support.report_factories import make_assignment

pytestmark = pytest.mark.parametrize("channel", CHANNELS)

FORMATS_OTHER = (
    "họp tổ dân phố ở cả 5 khu dân cư, phát tờ rơi và loa phường hằng tối, tuyên truyền tài liệu "
    "qua nhóm của các chi hội; vận động từng hộ gia đình"
)
AWARENESS = (
    "Đa số đảng viên nắm được nội dung cơ bản của Nghị quyết, nhưng một số đảng viên cao tuổi còn "
    "chưa nắm chắc các chỉ tiêu, cần tổ chức thêm một buổi sinh hoạt chuyên đề để giải đáp; "
) * 4


def reports(session) -> list[Report]:  # noqa: ANN001
    session.expire_all()
    return session.exec(select(Report).order_by(Report.id)).all()


def test_a_long_khac_paragraph_for_the_formats_is_kept_whole(org, session, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.send(f"trực tiếp, khác: {FORMATS_OTHER}")
    assert "Số người tiếp cận?" in cb01.last_text
    cb01.send("45/50")
    cb01.press("Tốt")
    cb01.press("Bỏ qua")
    cb01.press("Bỏ qua")
    assert f"Hội nghị trực tiếp, khác: {FORMATS_OTHER}" in cb01.last_text
    cb01.press("Xác nhận")
    [report] = reports(session)
    # "tài liệu" inside the paragraph is not the option «Tài liệu / văn bản»
    assert (report.formats, report.format_other) == ("truc_tiep", FORMATS_OTHER)


def test_a_long_free_awareness_is_asked_about_once_then_kept_whole_and_exported(org, session, app):
    assert len(AWARENESS) > 255
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.send("tt")
    cb01.send("xong")
    cb01.send("45/50")
    cb01.send(AWARENESS)
    assert "không phải là một trong các mức" in cb01.last_text
    assert "…» không phải" in cb01.last_text  # said back cut, and the cut shows
    cb01.send(AWARENESS)  # the same paragraph again: taken as the other answer
    assert "Khó khăn, đề xuất?" in cb01.last_text
    cb01.press("Bỏ qua")
    cb01.press("Bỏ qua")
    assert AWARENESS.strip() in cb01.last_text
    cb01.press("Xác nhận")
    [report] = reports(session)
    assert report.answers["awareness"] == {"other": AWARENESS.strip()}
    staff = org["staff"]
    staff.send("/export 141 csv")
    content = staff.replies[-1].document.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert any(AWARENESS.strip() in cell for row in rows for cell in row)


def test_a_difficulty_over_the_limit_is_refused_with_the_limit(org, session, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.press_data(f"rep:{aid}")
    cb01.send("tt")
    cb01.send("xong")
    cb01.send("45/50")
    cb01.press("Tốt")
    assert "tối đa 2.000 ký tự" in cb01.last_text  # the limit is stated with the question
    cb01.send("thiếu kinh phí. " * 130)
    assert "quá giới hạn 2.000 ký tự" in cb01.last_text and "Khó khăn, đề xuất?" in cb01.last_text
    assert reports(session) == []

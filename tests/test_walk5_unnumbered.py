"""Session 5's new-user walk, a directive without a number (số/ký hiệu): secretaries read it
named as staff's /directives names it, "Kế hoạch (không số) — <subject cut on a word…>", never
a subject cut mid-phrase; and the one-line report the hint suggests, `bc #ID …`, works."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import select

from services.directive_texts import cut_subject
from storage.db import session_scope
from storage.tables import Directive, Report
from tests.support.report_factories import make_assignment

SUBJECT = (
    "Thực hiện tuyên truyền Thông báo Kết luận số 172 -TB/TW của Bộ chính trị về công tác phòng, "
    "chống dịch bệnh Covid - 19"
)
NAME = "Kế hoạch (không số) — Thực hiện tuyên truyền Thông báo Kết luận số 172 -TB/TW…"


def _unnumbered(app) -> int:  # noqa: ANN001
    make_assignment(app, number="87-CV/ĐU", report_due=datetime(2021, 8, 30, 23, 59))
    make_assignment(app, number=None, subject=SUBJECT)
    with session_scope(app.engine) as session:
        directive = session.exec(select(Directive).where(Directive.number.is_(None))).one()  # type: ignore[union-attr]
        directive.doc_type = "Kế hoạch"
        session.add(directive)
        return directive.id


def test_mytasks_and_the_report_name_a_numberless_directive_as_staff_do(org, app):
    directive_id = _unnumbered(app)
    cb01 = org["CB01"]
    cb01.send("/mytasks")
    text = cb01.last_text
    assert f"• Kế hoạch (không số): {SUBJECT}\n" in text
    assert "của :" not in text and "-TB/TW của  " not in text
    assert cb01.buttons[:2] == [
        "Đã nhận: Kế hoạch (không số) — Thực hiện tuyên truyền…",
        "Báo cáo: Kế hoạch (không số) — Thực hiện tuyên truyền…",
    ]

    cb01.press("Báo cáo: Kế hoạch")
    assert cb01.last_text.startswith(f"Báo cáo {NAME} — Chi bộ Văn phòng.")

    cb01.send("/cancel")
    cb01.send(f"bc #{directive_id} trực tiếp 45/50 tốt")
    assert f"Kiểm tra lại báo cáo {NAME} — Chi bộ Văn phòng:" in cb01.last_text
    cb01.press("Xác nhận")
    assert cb01.last_text.startswith(f"Cảm ơn đồng chí! Đã gửi báo cáo {NAME} — Chi bộ Văn phòng")
    with session_scope(app.engine) as session:
        [report] = session.exec(select(Report)).all()
        assert (report.reached, report.total) == (45, 50)


def test_a_subject_is_cut_on_a_word_and_never_ends_on_a_dangling_word():
    assert cut_subject(SUBJECT) == "Thực hiện tuyên truyền Thông báo Kết luận số 172 -TB/TW…"
    assert cut_subject("Về việc học tập Nghị quyết") == "Về việc học tập Nghị quyết"
    assert cut_subject("Hướng dẫn tổ chức hội nghị của các chi bộ và đoàn thể", 30) == "Hướng dẫn tổ chức hội nghị…"

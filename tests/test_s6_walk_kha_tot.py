"""'khá tốt' / 'rất tốt' / 'tốt lắm' as the awareness (walk 6, finding 24): "khá tốt" names two
options, so a one-line report dropped it without a word and asked the awareness again."""

from __future__ import annotations

from tests.support.report_factories import make_assignment


def test_kha_tot_in_a_one_line_report_is_kha(org, app):
    make_assignment(app)
    cb01 = org["CB01"]
    cb01.send("bc 141 truc tiep, zalo 45 / 50 kha tot")
    assert "Kiểm tra lại báo cáo" in cb01.last_text
    assert "• Nhận thức sau khi học tập: Khá" in cb01.last_text


def test_rat_tot_and_tot_lam_are_tot_at_the_awareness_question(org, app):
    for typed in ("rat tot", "tốt lắm"):
        aid = make_assignment(app) if typed == "rat tot" else None
        cb01 = org["CB01"]
        if aid is not None:
            cb01.press_data(f"rep:{aid}")
        else:
            cb01.send("/cancel")
            cb01.send("/report")
        cb01.send("truc tiep")
        cb01.send("45/50")
        cb01.send(typed)
        assert "Khó khăn, đề xuất?" in cb01.last_text, typed
        cb01.press("Bỏ qua")
        cb01.press("Bỏ qua")
        assert "• Nhận thức sau khi học tập: Tốt" in cb01.last_text, typed

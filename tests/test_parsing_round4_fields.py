"""Document fields, round 4 (issue 12): the type, number and issuer of a page, read by rules
of the language from texts written for these tests (other bodies, numbers and dates than the
holdout pages)."""

from __future__ import annotations

import logging

import pytest

from services.parsing import parse_document

# ---------------------------------------------------------------------------------------
# A head word followed by nothing but blanks (a form's empty cell, a page cut short) names
# nobody; the search goes on to the real subject further down
# ---------------------------------------------------------------------------------------
BLANK_AFTER_HEAD = [
    (
        "Tin ngày 3/3/2022\n\nSố" + " " * 300 + "1\n\nSở Y tế tỉnh Lâm Đồng yêu cầu các bệnh viện "
        "gửi báo cáo trước ngày 5/3/2022.",
        "Sở Y tế tỉnh Lâm Đồng",
    ),
    (
        "Sở" + " " * 400 + "\n\nBan Chỉ đạo tỉnh yêu cầu các huyện gửi báo cáo trước ngày 5/3/2022.",
        "Ban Chỉ đạo tỉnh",
    ),
]


@pytest.mark.parametrize(("text", "issuer"), BLANK_AFTER_HEAD)
def test_a_head_word_before_a_run_of_blanks_does_not_hide_the_issuer(
    text: str, issuer: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR):
        doc = parse_document(text)
    assert doc.issuer == issuer
    assert not [r for r in caplog.records if "failed" in r.getMessage()]


def test_a_number_alone_after_blanks_names_no_issuer() -> None:
    doc = parse_document("Số" + " " * 1000 + "1")
    assert doc.issuer is None

"""What a new user hit: examples in prompts carry no year (a 2021 date reads as the past), and
typing an example as shown works; no "xác nhận nhận" anywhere."""

from __future__ import annotations

import re

from tests.test_directives_flow import publish_141

YEAR = re.compile(r"\b20\d\d\b")


def test_the_deadline_prompt_shows_examples_without_a_year_and_the_first_one_works_as_typed(org, app):
    staff = publish_141(org, app)
    staff.send("/deadline 141")
    staff.press("Báo cáo")
    prompt = staff.last_text
    assert prompt == (
        "Gõ thời hạn, ví dụ: «trước 17h00 ngày 25/8», «đến hết ngày 20/8», «Báo cáo: trước ngày 23/8», "
        "«hằng tuần vào thứ Sáu»."
    )
    example = re.search(r"«([^»]+)»", prompt).group(1)
    staff.send(example)
    staff.press("Xác nhận")
    assert staff.last_text.startswith("Đã đổi thời hạn: Báo cáo: trước 17:00 25/8/2021.")


def test_help_for_staff_and_secretaries_has_no_dated_example_and_no_doubled_verb(org):
    for who in ("staff", "CB01"):
        text = org[who].send("/help")[0].text
        assert not YEAR.search(text), text
        assert "xác nhận nhận" not in text
    assert "chưa báo đã nhận văn bản: /unacked SỐ" in org["staff"].send("/help")[0].text


def test_no_text_in_any_catalog_says_xac_nhan_nhan():
    from pathlib import Path

    catalogs = sorted((Path(__file__).parents[1] / "locales" / "vi").glob("*.ftl"))
    assert catalogs
    doubled = [
        f"{p.name}: {line}"
        for p in catalogs
        for line in p.read_text(encoding="utf-8").splitlines()
        if "xác nhận nhận" in line
    ]
    assert doubled == []

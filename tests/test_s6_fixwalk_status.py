"""Session 6's new-user walk, finding 4: the hint under /status gives as its example a number
the staff member has (27 for 27-KH/ĐU), never a number from elsewhere; with no numbered
directive it gives none."""

from __future__ import annotations

from tests.support.report_factories import make_assignment


def test_the_status_hint_uses_the_staffs_own_directive_number(org, app):
    make_assignment(app, number="27-KH/ĐU")
    org["staff"].send("/status")
    assert org["staff"].last_text.endswith("Gõ /status SỐ để xem chi tiết một văn bản, ví dụ /status 27.")
    org["staff"].send("/status 27")
    assert "27-KH/ĐU" in org["staff"].last_text.splitlines()[0]


def test_two_directives_with_the_same_leading_digits_get_the_whole_number(org, app):
    make_assignment(app, number="27-KH/ĐU")
    make_assignment(app, number="27-CV/ĐU")
    text = org["staff"].send("/status")[-1].text
    assert text.endswith(("ví dụ /status 27-CV/ĐU.", "ví dụ /status 27-KH/ĐU."))


def test_without_a_numbered_directive_the_hint_gives_no_example(org, app):
    make_assignment(app, number=None)
    org["staff"].send("/status")
    assert org["staff"].last_text.endswith("Gõ /status SỐ để xem chi tiết một văn bản.")
    assert "141" not in org["staff"].last_text


def test_help_explains_the_doc_number_without_a_number_the_user_may_not_have(org):
    text = org["CB01"].send("/help")[-1].text
    assert "/doc SỐ (số của văn bản, như trong /directives)" in text
    assert "141" not in text

"""Usage hints show one of the user's own directives as the example, not a seed's number."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.support.report_factories import make_assignment

HINTS = [
    ("/status chart", "/status {} chart"),
    ("/export", "/export {} docx"),
    ("/export pdf", "/export {} docx"),
    ("/reminders", "/reminders {}"),
    ("/remind", "/remind {}"),
    ("/close", "/close {}"),
    ("/reopen", "/reopen {}"),
    ("/doc", "/doc {}"),
    ("/unacked", "/unacked {}"),
    ("/deadline", "/deadline {}"),
    ("/recipients", "/recipients {}"),
]


@pytest.mark.parametrize(("typed", "shown"), HINTS)
def test_hint_names_the_staff_members_own_directive(org, app, typed, shown):
    make_assignment(app, number="27-KH/HU")
    staff = org["staff"]
    staff.send(typed)
    assert shown.format(27) in staff.last_text and "141" not in staff.last_text


@pytest.mark.parametrize(("typed", "shown"), HINTS)
def test_hint_without_directives_uses_a_plain_example(org, typed, shown):
    staff = org["staff"]
    staff.send(typed)
    assert shown.format(123) in staff.last_text and "141" not in staff.last_text


def test_newest_directive_is_the_example(org, app):
    make_assignment(app, number="27-KH/HU")
    app.clock.advance(timedelta(minutes=5))
    make_assignment(app, number="31-CV/HU", cell="CB02")
    staff = org["staff"]
    staff.send("/status chart")
    assert "/status 31 chart" in staff.last_text

"""Session 6's new-user walk, finding 21: the dashboard's list of directives writes the nearest
deadline as the chat's /status does, "đến hết 20/8/2021 (23:59 20/8/2021)", never the same date
twice without its time."""

from __future__ import annotations

import re

from tests.support.web import sign_in
from tests.test_reminders_timeline import publish_to_five


def test_the_nearest_deadline_column_gives_the_due_moment_with_its_time(org, app, web):
    staff = publish_to_five(org, app)
    page = sign_in(web(), staff).get("/directives").text
    cells = re.findall(r'<td data-label="Hạn gần nhất">(.*?)</td>', page, flags=re.S)
    assert cells, page
    text = re.sub(r"<[^>]+>", "", cells[0])
    assert re.fullmatch(r".+ \(23:59 20/8/2021\)", text.strip()), text
    assert "(20/8/2021)" not in text
    staff.send("/status")
    assert "(23:59 20/8/2021)" in staff.last_text

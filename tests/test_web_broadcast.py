"""The dashboard's Broadcast page, as staff see it: write the message, pick the audience, read
the count and the message as a cell receives it, send once, watch the progress and read the
delivery report. Every audience queues exactly what /broadcast in chat queues; bad input and
forged ids answer politely or with 404 and queue nothing."""

from __future__ import annotations

import html
import re
from datetime import datetime

import pytest
from sqlmodel import select

from services import units
from storage.db import session_scope
from storage.tables import Assignment, AuditEntry, Broadcast, ChatAccount, Membership, OutboxMessage, Person
from tests.support.chat import deliver
from tests.support.org import register
from tests.support.report_factories import make_assignment, unit_id
from tests.support.web import csrf_of, sign_in

TEXT = "Đề nghị các chi bộ hoàn thành báo cáo trước 17h00 ngày 20/8/2021."
HEADER = "Tin nhắn từ Đảng ủy Khối Cơ quan tỉnh:\n"
CHAT_LABELS = {
    "all": "Tất cả chi bộ",
    "not_reported": "Chưa báo cáo",
    "overdue": "Quá hạn",
    "not_acknowledged": "Chưa báo đã nhận",
    "picked": "Chọn từng đơn vị",
}


@pytest.fixture
def directive_id(app, org) -> int:
    """141-CV/ĐUK, overdue since 10/8: CB01 reported, CB02 acknowledged it, CB03 and
    DB1-CB1 neither."""
    first = make_assignment(app, cell="CB01", report_due=datetime(2021, 8, 10, 23, 59))
    with session_scope(app.engine) as session:
        assignment = session.get(Assignment, first)
        assignment.status = "reported"
        found = assignment.directive_id
    second = make_assignment(app, cell="CB02", directive_id=found)
    make_assignment(app, cell="CB03", directive_id=found)
    make_assignment(app, cell="DB1-CB1", directive_id=found)
    with session_scope(app.engine) as session:
        session.get(Assignment, second).acknowledged_at = app.clock.now()
    return found


def compose(browser, **fields):  # noqa: ANN003, ANN201
    """Open the Broadcast page and submit its form with ``fields`` (text, kind, directive, unit)."""
    page = browser.get("/broadcast")
    assert page.status_code == 200
    return browser.post("/broadcast", data={"csrf": csrf_of(page.text), **fields})


def confirm_form(preview_html: str) -> dict[str, str]:
    return {
        "csrf": csrf_of(preview_html),
        "nonce": re.search(r'name="nonce" value="([^"]+)"', preview_html).group(1),
    }


def preview_text(page_html: str) -> str:
    return html.unescape(re.search(r'<pre class="preview">(.*?)</pre>', page_html, re.S).group(1))


def report_text(page_html: str) -> str:
    return html.unescape(re.search(r'<pre class="summary report">(.*?)</pre>', page_html, re.S).group(1))


def queued(app, broadcast_id: int) -> list[OutboxMessage]:
    with session_scope(app.engine) as session:
        return list(session.exec(select(OutboxMessage).where(OutboxMessage.broadcast_id == broadcast_id)).all())


def broadcasts(app) -> list[Broadcast]:
    with session_scope(app.engine) as session:
        return list(session.exec(select(Broadcast).order_by(Broadcast.id)).all())


def chat_broadcast(staff, kind: str, *, number: str = "141", codes: tuple[str, ...] = ()) -> None:
    """The same audience chosen in chat, and sent."""
    staff.send("/broadcast")
    staff.send("Tin qua chat")
    staff.press(CHAT_LABELS[kind])
    if kind in ("not_reported", "overdue", "not_acknowledged"):
        staff.send(number)
    for code in codes:
        staff.press(code)
    if kind == "picked":
        staff.press("Xong")
    staff.press("Gửi")


AUDIENCES = [
    ("all", {}, (), "tất cả chi bộ, đoàn thể", 6, 6),
    ("not_reported", {"directive": True}, (), "đơn vị chưa báo cáo 141-CV/ĐUK", 3, 3),
    ("overdue", {"directive": True}, (), "đơn vị quá hạn báo cáo 141-CV/ĐUK", 3, 3),
    ("not_acknowledged", {"directive": True}, (), "đơn vị chưa báo đã nhận 141-CV/ĐUK", 2, 2),
    ("picked", {}, ("CB04", "DB1-CB1"), "2 đơn vị được chọn", 2, 2),
]


@pytest.mark.parametrize(("kind", "extra", "codes", "described", "accounts", "reached"), AUDIENCES)
def test_every_audience_queues_what_chat_queues(
    app, org, web, outbox, directive_id, kind, extra, codes, described, accounts, reached
):  # noqa: E501
    chat_broadcast(org["admin"], kind, codes=codes)
    (from_chat,) = broadcasts(app)

    browser = sign_in(web(), org["staff"])
    fields = {"text": TEXT, "kind": kind}
    if extra.get("directive"):
        fields["directive"] = str(directive_id)
    if codes:
        fields["unit"] = [str(unit_id(app, code)) for code in codes]
    checked = compose(browser, **fields)
    assert checked.status_code == 303 and checked.headers["location"] == "/broadcast/preview"
    preview = browser.get("/broadcast/preview").text
    assert f"Đối tượng: {described}" in preview
    assert f"Sẽ gửi tới {accounts} tài khoản của {reached} đơn vị." in preview
    assert preview_text(preview) == HEADER + TEXT  # as a cell's phone shows it

    sent = browser.post("/broadcast/send", data=confirm_form(preview))
    assert sent.status_code == 303
    from_web = broadcasts(app)[-1]
    assert sent.headers["location"] == f"/broadcast/{from_web.id}"
    web_rows, chat_rows = queued(app, from_web.id), queued(app, from_chat.id)
    assert len(web_rows) == accounts
    assert sorted(m.account_id for m in web_rows) == sorted(m.account_id for m in chat_rows)
    assert from_web.audience == from_chat.audience and from_web.unreachable_units == from_chat.unreachable_units
    assert {m.payload["text"] for m in web_rows} == {HEADER + TEXT}


def test_the_progress_page_follows_delivery_and_ends_with_chats_delivery_report(app, org, web, outbox):
    outbox.blocked.add("u-cb03")
    chat_broadcast(org["admin"], "all")
    browser = sign_in(web(), org["staff"])
    compose(browser, text=TEXT, kind="all")
    browser.post("/broadcast/send", data=confirm_form(browser.get("/broadcast/preview").text))
    row = broadcasts(app)[-1]

    page = browser.get(f"/broadcast/{row.id}").text
    assert '<b class="shown" id="progress-text" aria-live="polite">Đã gửi 0/6</b>' in page
    assert '<script src="/static/broadcast.js" defer></script>' in page
    assert '<noscript><meta http-equiv="refresh" content="5"></noscript>' in page  # without JS: reloads itself
    polled = browser.get(f"/broadcast/{row.id}/progress.json")
    assert polled.json() == {
        "done": 0,
        "total": 6,
        "sent": 0,
        "failed": 0,
        "unreachable": 2,
        "finished": False,
        "text": "Đã gửi 0/6",
    }

    deliver(app)
    assert browser.get(f"/broadcast/{row.id}/progress.json").json() == {
        "done": 6,
        "total": 6,
        "sent": 5,
        "failed": 1,
        "unreachable": 2,
        "finished": True,
        "text": "Đã gửi 6/6",
    }
    done = browser.get(f"/broadcast/{row.id}").text
    assert "broadcast.js" not in done and "http-equiv" not in done
    assert re.findall(r'<b class="(sent|failed|unreachable)">([^<]*)</b>', done) == [
        ("sent", "5"),
        ("failed", "1"),
        ("unreachable", "2"),
    ]
    # The same words and figures chat's delivery report gives (the admin's broadcast in chat).
    assert report_text(done) == outbox.texts_to("u-admin")[-1]
    assert report_text(done) == (
        "Kết quả gửi tin (tất cả chi bộ, đoàn thể):\n• Đã gửi tới: 5\n• Không gửi được: 3\n"
        "   – đã chặn chatbot: Bí thư CB03\n"
        "   – chưa có bí thư đăng ký hoặc không liên lạc được: DB1-CB2 — Chi bộ Phòng Tài chính, "
        "DTN — Đoàn Thanh niên Khối"
    )
    for chat in ("u-cb01", "u-cb02", "u-cb04", "u-cb05", "u-db1-cb1"):
        assert outbox.texts_to(chat) == [HEADER + "Tin qua chat", HEADER + TEXT]
    with session_scope(app.engine) as session:
        assert session.get(Broadcast, row.id).status == "done"
        audit = session.exec(
            select(AuditEntry).where(AuditEntry.action == "broadcast").order_by(AuditEntry.id.desc())
        ).first()
        assert audit.details["channel"] == "web" and audit.details["broadcast_id"] == row.id
    assert "Đã gửi 6/6" not in outbox.texts_to("u-staff")  # the web sender follows it on the page


def test_a_double_submit_sends_once(app, org, web, outbox):
    browser = sign_in(web(), org["staff"])
    compose(browser, text=TEXT, kind="all")
    form = confirm_form(browser.get("/broadcast/preview").text)
    first = browser.post("/broadcast/send", data=form)
    again = browser.post("/broadcast/send", data=form)
    (row,) = broadcasts(app)
    assert first.headers["location"] == again.headers["location"] == f"/broadcast/{row.id}"
    assert len(queued(app, row.id)) == 6
    deliver(app)
    assert outbox.texts_to("u-cb01") == [HEADER + TEXT]
    stale = browser.post("/broadcast/send", data={**form, "nonce": "an-older-preview"})
    assert stale.status_code == 409 and "Không có gì được gửi thêm" in stale.text
    assert len(broadcasts(app)) == 1


def test_edit_goes_back_to_the_form_as_previewed(app, org, web, directive_id):
    browser = sign_in(web(), org["staff"])
    compose(browser, text="Dòng một\r\nDòng hai", kind="not_acknowledged", directive=str(directive_id))
    assert preview_text(browser.get("/broadcast/preview").text) == HEADER + "Dòng một\nDòng hai"
    form = browser.get("/broadcast").text
    assert ">Dòng một\nDòng hai</textarea>" in form
    assert 'value="not_acknowledged" checked' in form and f'value="{directive_id}" selected' in form


def nothing_queued(app) -> bool:
    with session_scope(app.engine) as session:
        return (
            not session.exec(select(Broadcast)).all()
            and not session.exec(select(OutboxMessage).where(OutboxMessage.kind == "broadcast")).all()
        )


def test_bad_input_gets_a_polite_sentence_and_queues_nothing(app, org, web, directive_id):
    browser = sign_in(web(), org["staff"])
    empty = compose(browser, text="  \r\n ", kind="all")
    assert empty.status_code == 400 and "Đồng chí chưa nhập nội dung tin nhắn." in empty.text
    long = compose(browser, text="a" * 4001, kind="all")
    assert long.status_code == 400 and (
        "Tin nhắn dài 4.001 ký tự, vượt giới hạn 4.000 ký tự của một tin. "
        "Đồng chí rút gọn hoặc chia thành nhiều lần gửi."
    ) in html.unescape(long.text)
    assert "a" * 4001 in long.text  # what was typed is kept to shorten it
    no_kind = compose(browser, text=TEXT)
    assert no_kind.status_code == 400 and "Đồng chí chọn gửi tới những đơn vị nào." in no_kind.text
    no_directive = compose(browser, text=TEXT, kind="overdue")
    assert no_directive.status_code == 400 and "Đồng chí chọn văn bản" in no_directive.text
    nobody = compose(browser, text=TEXT, kind="picked")
    assert (
        nobody.status_code == 400
        and (
            "Không có đơn vị nào thuộc đối tượng đã chọn, nên không có tin nào được gửi. Đồng chí chọn đối tượng khác."
        )
        in nobody.text
    )
    unreachable = compose(browser, text=TEXT, kind="picked", unit=[str(unit_id(app, "DB1-CB2"))])
    assert unreachable.status_code == 400
    assert "Đối tượng đã chọn có 1 đơn vị, nhưng không đơn vị nào nhận được tin qua chibot" in unreachable.text
    assert "DB1-CB2 — Chi bộ Phòng Tài chính: chưa có bí thư đăng ký" in unreachable.text
    with session_scope(app.engine) as session:
        for assignment in session.exec(select(Assignment)):
            assignment.status = "reported"
    all_reported = compose(browser, text=TEXT, kind="not_reported", directive=str(directive_id))
    assert all_reported.status_code == 400 and "Không có đơn vị nào thuộc đối tượng đã chọn" in all_reported.text
    assert nothing_queued(app)


def test_an_audience_that_emptied_after_the_preview_sends_nothing(app, org, web, directive_id):
    browser = sign_in(web(), org["staff"])
    compose(browser, text=TEXT, kind="not_acknowledged", directive=str(directive_id))
    form = confirm_form(browser.get("/broadcast/preview").text)
    with session_scope(app.engine) as session:
        for assignment in session.exec(select(Assignment)):
            assignment.acknowledged_at = app.clock.now()
    late = browser.post("/broadcast/send", data=form)
    assert late.status_code == 400 and "Không có đơn vị nào thuộc đối tượng đã chọn" in late.text
    assert nothing_queued(app)


@pytest.fixture
def other_committee(app, org):
    """Huyện ủy Ba Vì with a cell, a directive, and a staff member of its own."""
    with session_scope(app.engine) as session:
        units.import_units(
            session=session,
            now=app.clock.now(),
            rows=[
                {"code": "HU", "name": "Huyện ủy Ba Vì", "kind": "committee", "parent_code": ""},
                {"code": "HU-CB1", "name": "Chi bộ Thôn 1", "kind": "cell", "parent_code": "HU"},
            ],
        )
    staff = register(app, unit_code="HU", role="staff", name="Phạm Văn Nam", user_id="u-hu-staff")
    return staff


def denials(app) -> list[tuple[int | None, int | None, str]]:
    with session_scope(app.engine) as session:
        rows = session.exec(select(AuditEntry).where(AuditEntry.action == "denied").order_by(AuditEntry.id)).all()
        return [(d.directive_id, d.unit_id, d.details["page"]) for d in rows]


def test_another_committees_directive_or_unit_is_404_and_audited(app, org, web, directive_id, other_committee):
    browser = sign_in(web(), other_committee)
    not_theirs = compose(browser, text=TEXT, kind="not_reported", directive=str(directive_id))
    assert not_theirs.status_code == 404 and "Không tìm thấy" in not_theirs.text
    assert "141-CV/ĐUK" not in not_theirs.text
    cb01 = unit_id(app, "CB01")
    picked = compose(browser, text=TEXT, kind="picked", unit=[str(unit_id(app, "HU-CB1")), str(cb01)])
    assert picked.status_code == 404 and "Chi bộ Văn phòng" not in picked.text
    made_up = compose(browser, text=TEXT, kind="overdue", directive="999999")
    assert made_up.status_code == 404
    assert denials(app) == [(directive_id, None, "broadcast"), (None, cb01, "broadcast"), (None, None, "broadcast")]
    assert nothing_queued(app)
    # Their own page offers only their own cells and directives.
    page = browser.get("/broadcast").text
    assert "Chi bộ Thôn 1" in page and "Chi bộ Văn phòng" not in page and "141-CV/ĐUK" not in page


def test_another_committee_cannot_watch_a_broadcast(app, org, web, other_committee):
    browser = sign_in(web(), org["staff"])
    compose(browser, text=TEXT, kind="all")
    browser.post("/broadcast/send", data=confirm_form(browser.get("/broadcast/preview").text))
    (row,) = broadcasts(app)
    other = sign_in(web(), other_committee)
    page = other.get(f"/broadcast/{row.id}")
    assert page.status_code == 404 and TEXT not in page.text
    polled = other.get(f"/broadcast/{row.id}/progress.json")
    assert polled.status_code == 404 and "total" not in polled.text
    assert [page for _d, _u, page in denials(app)] == ["broadcast_progress", "broadcast_progress"]


def test_csrf_is_required_on_both_forms(app, org, web):
    browser = sign_in(web(), org["staff"])
    assert browser.post("/broadcast", data={"text": TEXT, "kind": "all"}).status_code == 403
    compose(browser, text=TEXT, kind="all")
    form = confirm_form(browser.get("/broadcast/preview").text)
    forged = browser.post("/broadcast/send", data={**form, "csrf": "0" * 64})
    assert forged.status_code == 403 and "Biểu mẫu đã cũ hoặc không gửi từ trang chibot" in forged.text
    assert nothing_queued(app)


def test_nobody_signed_in_and_a_former_staff_member_are_refused(app, org, web):
    staff = sign_in(web(), org["staff"])
    compose(staff, text=TEXT, kind="all")
    staff.post("/broadcast/send", data=confirm_form(staff.get("/broadcast/preview").text))
    (row,) = broadcasts(app)
    nobody = web()
    for path in ("/broadcast", "/broadcast/preview", f"/broadcast/{row.id}", f"/broadcast/{row.id}/progress.json"):
        response = nobody.get(path)
        assert response.status_code == 401 and TEXT not in response.text, path
    assert nobody.post("/broadcast", data={"text": TEXT, "kind": "all"}).status_code == 401
    assert org["CB01"].send("/web") and "/login/" not in org["CB01"].last_text  # secretaries get no link

    # Staff who became a cell's secretary since: refused at the next request.
    admin = sign_in(web(), org["admin"])
    compose(admin, text=TEXT, kind="all")
    form = confirm_form(admin.get("/broadcast/preview").text)
    with session_scope(app.engine) as session:
        person = session.exec(select(Person).where(Person.full_name == "Quản Trị Viên")).one()
        role = session.exec(select(Membership).where(Membership.person_id == person.id)).one()
        role.role, role.unit_id = "secretary", unit_id(app, "CB05")
    assert admin.post("/broadcast/send", data=form).status_code == 401
    assert admin.get(f"/broadcast/{row.id}").status_code == 401
    assert len(broadcasts(app)) == 1


def test_the_page_speaks_english_to_an_english_reader_and_the_nav_links_it(app, org, web):
    with session_scope(app.engine) as session:
        person = session.exec(select(Person).where(Person.full_name == "Trần Văn Tâm")).one()
        for account in session.exec(select(ChatAccount).where(ChatAccount.person_id == person.id)):
            account.language = "en"
    browser = sign_in(web(), org["staff"])
    assert '<a href="/broadcast">Broadcast</a>' in browser.get("/directives").text
    page = compose(browser, text="", kind="all")
    assert "Send a message to the cells" in page.text and "The message is empty." in page.text
    compose(browser, text=TEXT, kind="all")
    preview = browser.get("/broadcast/preview").text
    assert "Will be sent to 6 accounts in 6 units." in preview
    assert preview_text(preview) == HEADER + TEXT  # the cells read Vietnamese


def test_two_submits_racing_with_one_form_claim_it_once(app, org, web):
    """Two requests that both read the previewed form before either wrote: the first moves it
    to "sent", the second's UPDATE then matches nothing (it waits for the first on PostgreSQL)."""
    from storage.queries import conversation as conv_queries

    browser = sign_in(web(), org["staff"])
    compose(browser, text=TEXT, kind="all")
    with session_scope(app.engine) as session:
        person_id = session.exec(select(Person).where(Person.full_name == "Trần Văn Tâm")).one().id
    key = {"channel": "web", "user_id": f"person:{person_id}", "flow": "web_broadcast"}
    with session_scope(app.engine) as first, session_scope(app.engine) as second:
        for request in (first, second):
            state = conv_queries.get_state(session=request, channel="web", user_id=key["user_id"])
            assert state is not None and state.step == "preview"
        assert conv_queries.claim_step(session=first, **key, step="preview", to_step="sent")
        first.commit()
        assert not conv_queries.claim_step(session=second, **key, step="preview", to_step="sent")

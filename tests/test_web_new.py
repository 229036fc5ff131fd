"""Registering a directive on the dashboard: paste or upload, check what chibot read, correct
it, tick recipients, preview the cells' message, publish once. Bad input answers politely and
stores nothing."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from importlib import resources

import docx
from sqlmodel import select

from storage.db import session_scope
from storage.tables import Assignment, Directive
from tests.support.chat import deliver
from tests.support.web import csrf_of, sign_in

TEXT_141 = resources.files("bot.demo_data").joinpath("141-CV-DUK.txt").read_text(encoding="utf-8")


def published(app) -> list[Directive]:
    with session_scope(app.engine) as session:
        return list(session.exec(select(Directive).where(Directive.status == "published")).all())


class _Form(HTMLParser):
    """The fields of the review form as a browser would send them: inputs and text areas
    with their values, the selected option of each select, ticked checkboxes only."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, object] = {"unit": []}
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("checkbox", "file"):
            self.fields[name] = a.get("value", "")
        elif tag == "input" and name and a.get("type") == "checkbox" and "checked" in a:
            if name == "unit":
                self.fields["unit"].append(a["value"])  # type: ignore[union-attr]
            else:
                self.fields[name] = a.get("value", "on")
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = ""
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and ("selected" in a or self._select not in self.fields):
            self.fields[self._select] = a.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.fields[self._textarea] = str(self.fields[self._textarea]) + data


def review_form(html: str) -> dict[str, object]:
    """What the browser would send back from the review page, as it stands."""
    form = _Form()
    form.feed(html[html.index('<form method="post" action="/new/review"') :])
    return form.fields


def start(browser, **files_or_text):  # noqa: ANN003, ANN201
    page = browser.get("/new")
    assert page.status_code == 200
    token = csrf_of(page.text)
    if "files" in files_or_text:
        return browser.post("/new", data={"csrf": token}, files=files_or_text["files"])
    return browser.post("/new", data={"csrf": token, "text": files_or_text.get("text", "")})


def test_paste_check_and_publish_once(app, org, web, outbox):
    browser = sign_in(web(), org["staff"])
    assert start(browser, text=TEXT_141).headers["location"] == "/new/review"

    review = browser.get("/new/review").text
    assert "141-CV/ĐUK" in review and "KHẨN" in review
    assert "Hoàn thành: đến hết 20/8/2021" in review  # what chibot read, as /new shows it
    form = review_form(review)
    assert len(form["unit"]) == 9  # Kính gửi: every cell and grassroots unit, and the mass organisation
    preview = re.search(r'<pre class="preview">(.*?)</pre>', review, re.S).group(1)
    assert "141-CV/ĐUK" in preview

    done = browser.post("/new/review", data={**form, "action": "publish"})
    again = browser.post("/new/review", data={**form, "action": "publish"})  # the double submit

    (directive,) = published(app)
    assert done.status_code == 303 and done.headers["location"] == f"/directives/{directive.id}"
    assert again.status_code == 409 and "đã được ban hành" in again.text
    with session_scope(app.engine) as session:
        assigned = session.exec(select(Assignment).where(Assignment.directive_id == directive.id)).all()
    assert len(assigned) == 9
    deliver(app)
    assert any("141-CV/ĐUK" in text for text in outbox.texts_to("u-cb01"))
    page = browser.get(f"/directives/{directive.id}").text
    assert re.findall(r'<b class="assigned">([^<]*)</b>', page) == ["9"]


def test_corrections_ticks_and_an_added_deadline_show_in_the_preview(app, org, web):
    browser = sign_in(web(), org["staff"])
    start(browser, text=TEXT_141)
    form = review_form(browser.get("/new/review").text)
    with session_scope(app.engine) as session:
        from storage.tables import Unit

        cb01 = session.exec(select(Unit).where(Unit.code == "CB01")).one()
    saved = browser.post(
        "/new/review",
        data={
            **form,
            "urgency": "không",
            "subject": "V/v quán triệt Nghị quyết 05",
            "deadline": "nộp kế hoạch trước ngày 5/9/2021",
            "unit": [str(cb01.id)],
            "action": "preview",
        },
    )
    assert saved.status_code == 303
    review = browser.get("/new/review").text
    assert review_form(review)["unit"] == [str(cb01.id)]
    assert "V/v quán triệt Nghị quyết 05" in review and review_form(review)["urgency"] == ""
    assert "5/9/2021" in re.search(r'<pre class="preview">(.*?)</pre>', review, re.S).group(1)
    browser.post("/new/review", data={**review_form(review), "action": "publish"})
    (directive,) = published(app)
    assert (directive.subject, directive.urgency) == ("V/v quán triệt Nghị quyết 05", None)


def test_a_docx_upload_is_read_like_a_paste(app, org, web):
    document = docx.Document()
    for line in TEXT_141.splitlines():
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    browser = sign_in(web(), org["staff"])
    response = start(browser, files={"document": ("141.docx", out.getvalue(), "application/octet-stream")})
    assert response.status_code == 303
    assert "141-CV/ĐUK" in browser.get("/new/review").text


def test_bad_input_answers_politely_and_stores_nothing(app, org, web):
    browser = sign_in(web(), org["staff"])
    not_a_document = start(browser, files={"document": ("anh.pdf", b"\x89PNG\r\n\x1a\n not a pdf", "application/pdf")})
    assert not_a_document.status_code == 400 and "Không đọc được tệp «anh.pdf»" in not_a_document.text
    assert start(browser, text="").status_code == 400
    chatter = start(browser, text="chào anh, mai họp nhé")
    assert chatter.status_code == 400 and "Không nhận ra văn bản chỉ đạo" in chatter.text
    huge = browser.post(
        "/new", data={"csrf": "x"}, files={"document": ("big.pdf", b"0" * (50 * 1024 * 1024), "application/pdf")}
    )
    assert huge.status_code == 413
    assert browser.post("/new", data={"text": TEXT_141}).status_code == 403  # no CSRF token

    start(browser, text=TEXT_141)
    form = review_form(browser.get("/new/review").text)
    typo = browser.post("/new/review", data={**form, "urgency": "rất gấp", "action": "publish"})
    assert typo.status_code == 400 and "«rất gấp» không phải là độ khẩn" in typo.text
    nobody = browser.post("/new/review", data={**form, "unit": [], "action": "publish"})
    assert nobody.status_code == 400 and "Đồng chí chưa chọn đơn vị nào." in nobody.text
    forged = browser.post("/new/review", data={**form, "csrf": "0" * 64, "action": "publish"})
    assert forged.status_code == 403
    assert published(app) == []


def test_units_outside_the_tree_cannot_be_ticked_in(app, org, web):
    browser = sign_in(web(), org["staff"])
    start(browser, text=TEXT_141)
    form = review_form(browser.get("/new/review").text)
    browser.post("/new/review", data={**form, "unit": ["999999", form["unit"][0]], "action": "publish"})
    (directive,) = published(app)
    with session_scope(app.engine) as session:
        assigned = session.exec(select(Assignment).where(Assignment.directive_id == directive.id)).all()
    assert len(assigned) == 1


def test_no_session_and_secretaries_cannot_register(app, org, web):
    assert web().get("/new").status_code == 401
    assert web().post("/new", data={"text": TEXT_141}).status_code == 401
    assert published(app) == []


def deadlines_of(app, directive: Directive) -> list[tuple[str, str, str | None]]:
    """(kind, shown, recurrence) of each stored deadline, in order."""
    from storage.tables import Deadline

    with session_scope(app.engine) as session:
        rows = session.exec(
            select(Deadline).where(Deadline.directive_id == directive.id).order_by(Deadline.position)
        ).all()
        return [(d.kind, d.shown, d.recurrence) for d in rows]


def preview_of(html: str) -> str:
    return re.search(r'<pre class="preview">(.*?)</pre>', html, re.S).group(1)


def test_every_extracted_field_is_corrected_on_the_page_and_published_as_corrected(app, org, web):
    browser = sign_in(web(), org["staff"])
    start(browser, text=TEXT_141)
    form = review_form(browser.get("/new/review").text)
    assert (form["doc_type"], form["issuer"], form["urgency"], form["secrecy"]) == (
        "Công văn",
        "Đảng ủy Khối",
        "KHẨN",
        "",
    )

    browser.post(
        "/new/review",
        data={
            **form,
            "doc_type": "Kế hoạch",
            "number": "99-KH/ĐUK",
            "subject": "V/v tổ chức học tập Nghị quyết",
            "issuer": "Đảng ủy Khối Cơ quan tỉnh",
            "issued_on": "16/8/2021",
            "urgency": "HỎA TỐC",
            "action": "preview",
        },
    )
    review = browser.get("/new/review").text
    again = review_form(review)
    assert (again["doc_type"], again["number"], again["issued_on"], again["urgency"]) == (
        "Kế hoạch",
        "99-KH/ĐUK",
        "16/8/2021",
        "HỎA TỐC",
    )
    assert "Kế hoạch 99-KH/ĐUK" in preview_of(review) and "HỎA TỐC" in preview_of(review)
    browser.post("/new/review", data={**again, "action": "publish"})

    (directive,) = published(app)
    assert (directive.doc_type, directive.number, directive.issuer, directive.urgency) == (
        "Kế hoạch",
        "99-KH/ĐUK",
        "Đảng ủy Khối Cơ quan tỉnh",
        "HỎA TỐC",
    )
    assert directive.issued_on.isoformat() == "2021-08-16" and directive.subject == "V/v tổ chức học tập Nghị quyết"


def test_a_deadline_is_removed_retimed_rekinded_or_made_a_schedule_with_chats_phrases(app, org, web):
    browser = sign_in(web(), org["staff"])
    start(browser, text=TEXT_141)
    review = browser.get("/new/review").text
    form = review_form(review)
    assert [form[f"dl-{i}-kind"] for i in range(3)] == ["complete", "report", "plan"]
    assert form["dl-1-when"] == "trước ngày 23/8/2021"

    saved = browser.post(
        "/new/review",
        data={
            **form,
            "dl-0-when": "trước 17h00 ngày 25/8/2021",
            "dl-1-remove": "1",
            "dl-2-kind": "report",
            "deadline": "báo cáo hằng tháng, ngày 25",
            "action": "preview",
        },
    )
    assert saved.status_code == 303
    review = browser.get("/new/review").text
    assert "trước 23/8/2021" not in preview_of(review)
    assert "• Hoàn thành: trước 17:00 25/8/2021" in preview_of(review)
    assert "• Báo cáo: trước 30/8/2021" in preview_of(review)  # the plan, now a report
    assert "• Báo cáo định kỳ: hằng tháng vào ngày 25" in preview_of(review)
    browser.post("/new/review", data={**review_form(review), "action": "publish"})

    (directive,) = published(app)
    stored = deadlines_of(app, directive)
    assert [(kind, recurrence is not None) for kind, _, recurrence in stored] == [
        ("complete", False),
        ("report", False),
        ("recurring", True),
    ]
    assert [shown for _, shown, _ in stored] == ["trước 17:00 25/8/2021", "trước 30/8/2021", "hằng tháng vào ngày 25"]


def test_recipients_by_the_documents_lines_or_all_cells_or_ticked(app, org, web):
    browser = sign_in(web(), org["staff"])
    start(browser, text=TEXT_141)
    review = browser.get("/new/review").text
    assert "Kính gửi:</b> Các chi, đảng bộ cơ sở; Đoàn Khối, Hội Cựu chiến binh Khối" in review
    assert "Nơi nhận:</b> Thường trực Tỉnh ủy;" in review
    assert ">Tất cả chi bộ, đoàn thể (8)</button>" in review and ">Theo Kính gửi/Nơi nhận (9)</button>" in review
    with session_scope(app.engine) as session:
        from storage.tables import Unit

        ids = {u.code: str(u.id) for u in session.exec(select(Unit)).all()}

    browser.post("/new/review", data={**review_form(review), "unit": [ids["CB02"]], "action": "tick_all"})
    everyone = review_form(browser.get("/new/review").text)["unit"]
    assert sorted(everyone) == sorted(
        ids[c] for c in ("CB01", "CB02", "CB03", "CB04", "CB05", "DTN", "DB1-CB1", "DB1-CB2")
    )

    browser.post("/new/review", data={**review_form(browser.get("/new/review").text), "action": "tick_named"})
    named = review_form(browser.get("/new/review").text)["unit"]
    assert ids["DB1"] in named and len(named) == 9

    browser.post(
        "/new/review", data={**review_form(browser.get("/new/review").text), "unit": [ids["DTN"]], "action": "publish"}
    )
    (directive,) = published(app)
    with session_scope(app.engine) as session:
        assigned = session.exec(select(Assignment).where(Assignment.directive_id == directive.id)).all()
    assert [a.unit_id for a in assigned] == [int(ids["DTN"])]


def test_marking_the_draft_secret_keeps_no_full_text(app, org, web):
    browser = sign_in(web(), org["staff"])
    start(browser, text=TEXT_141)
    form = review_form(browser.get("/new/review").text)
    browser.post("/new/review", data={**form, "secrecy": "TỐI MẬT", "action": "preview"})
    review = browser.get("/new/review").text
    assert review_form(review)["secrecy"] == "TỐI MẬT" and "Độ mật: TỐI MẬT" in review
    browser.post("/new/review", data={**review_form(review), "action": "publish"})
    (directive,) = published(app)
    assert (directive.secrecy, directive.full_text) == ("TỐI MẬT", None)


def test_a_bad_correction_is_refused_in_a_sentence_and_changes_nothing(app, org, web):
    browser = sign_in(web(), org["staff"])
    start(browser, text=TEXT_141)
    form = review_form(browser.get("/new/review").text)

    bad_date = browser.post("/new/review", data={**form, "number": "77", "issued_on": "31/2/2021", "action": "preview"})
    bad_when = browser.post("/new/review", data={**form, "dl-0-when": "sớm nhất có thể", "action": "preview"})
    bad_kind = browser.post("/new/review", data={**form, "dl-0-kind": "recurring", "action": "preview"})
    bad_mark = browser.post("/new/review", data={**form, "secrecy": "bí mật lắm", "action": "publish"})

    assert bad_date.status_code == 400
    assert "«31/2/2021» không phải là ngày; đồng chí ghi ngày ban hành như 20/8/2021." in bad_date.text
    assert bad_when.status_code == 400 and "Thời hạn thứ 1: Không tìm thấy ngày trong thời hạn" in bad_when.text
    assert bad_kind.status_code == 400 and "Thời hạn thứ 1: lịch định kỳ" in bad_kind.text
    assert bad_mark.status_code == 400 and "«bí mật lắm» không phải là độ mật" in bad_mark.text
    kept = review_form(browser.get("/new/review").text)
    assert (kept["number"], kept["issued_on"], kept["dl-0-when"], kept["dl-0-kind"]) == (
        "141-CV/ĐUK",
        "",
        "từ nay đến hết ngày 20/8/2021",
        "complete",
    )
    assert published(app) == []

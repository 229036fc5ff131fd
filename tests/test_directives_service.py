"""The directive service rules, below the chat: drafts, audiences, numbers, publishing, changes."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlmodel import select

from ground.actor import Actor, RoleInUnit
from services import directive_drafts as drafts
from services import directive_recipients as recipients
from services import directive_texts as texts
from services import directives
from services.i18n import Translator
from services.parsing import parse_document
from storage.queries import units as unit_queries
from storage.tables import Assignment, ChatAccount, Directive, OutboxMessage, Unit
from tests.support.local import CONFIG
from tests.support.local import TZ as DEFAULT_TZ

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
DOC_141 = (SEEDS / "003_11edc695b26208f2.txt").read_text(encoding="utf-8")
DOC_54 = (SEEDS / "000_ea0419651be1525a.txt").read_text(encoding="utf-8")
NOW = datetime(2021, 8, 15, 1, 0, tzinfo=DEFAULT_TZ).astimezone(DEFAULT_TZ)


def unit(session, code: str) -> Unit:
    return unit_queries.get_unit_by_code(session=session, code=code)


def role(session, role_name: str, code: str) -> RoleInUnit:
    u = unit(session, code)
    return RoleInUnit(role_name, u.id, u.code, u.name, u.kind, u.path)


def staff_actor(session) -> Actor:
    return Actor(account_id=None, person_id=None, name="Cán bộ", roles=[role(session, "staff", "DUK")])


def draft_141(text: str = DOC_141) -> dict:
    return drafts.draft_from_parsed(parse_document(text, today=date(2021, 8, 15)), text)


def published(session, codes: list[str], text: str = DOC_141) -> Directive:
    who = directives.Who(None)
    directive = directives.register(
        session=session, draft=draft_141(text), unit_id=unit(session, "DUK").id, who=who, now=NOW, tz=DEFAULT_TZ
    )
    directives.publish(
        session=session,
        directive=directive,
        unit_ids=[unit(session, c).id for c in codes],
        who=who,
        now=NOW,
        config=CONFIG,
    )
    session.flush()
    return directive


# ---- drafts ------------------------------------------------------------------------------------


def test_a_draft_keeps_local_due_times_and_the_phrases():
    draft = draft_141()
    assert [(d["kind"], d["due"], d["shown"]) for d in draft["deadlines"]] == [
        ("complete", "2021-08-20T23:59", "đến hết 20/8/2021"),
        ("report", "2021-08-22T23:59", "trước 23/8/2021"),
        ("plan", "2021-08-29T23:59", "trước 30/8/2021"),
    ]
    assert draft["full_text"] == DOC_141


def test_a_secret_draft_has_no_full_text():
    draft = draft_141(DOC_141.replace("KHẨN\n", "KHẨN\nTỐI MẬT\n", 1))
    assert (draft["secrecy"], draft["full_text"]) == ("TỐI MẬT", None)


def test_a_greeting_does_not_look_like_a_directive():
    assert not drafts.looks_like_directive(parse_document("xin chào đồng chí"))
    assert not drafts.looks_like_directive(parse_document(""))
    assert drafts.looks_like_directive(parse_document(DOC_141))


def test_too_long_text_is_refused():
    with pytest.raises(drafts.TextTooLong):
        drafts.draft_from_parsed(parse_document("x"), "x" * (drafts.MAX_TEXT_CHARS + 1))


def test_urgency_accepts_marks_without_diacritics_and_none():
    draft = draft_141()
    assert drafts.set_field(draft, "urgency", "hoa toc")["urgency"] == "HỎA TỐC"
    assert drafts.set_field(draft, "urgency", "không")["urgency"] is None
    assert drafts.set_field(draft, "number", "  142-CV/ĐUK ")["number"] == "142-CV/ĐUK"


def test_a_year_less_typed_deadline_takes_the_document_year():
    draft, entry = drafts.add_deadline(draft_141(), "Báo cáo: trước ngày 25/8", today=date(2021, 8, 15))
    assert (entry["kind"], entry["due"]) == ("report", "2021-08-24T23:59")
    assert len(draft["deadlines"]) == 4


# ---- audiences -----------------------------------------------------------------------------------


def test_default_audience_is_every_cell_and_mass_unit_below(org, session):
    codes = [u.code for u in recipients.default_audience(session=session, unit=unit(session, "DUK"))]
    assert sorted(codes) == ["CB01", "CB02", "CB03", "CB04", "CB05", "DB1-CB1", "DB1-CB2", "DTN"]


def test_addressees_of_141_match_cells_grassroots_youth_and_veterans(org, session):
    unit_queries.add_unit(
        session=session,
        code="CCB",
        name="Hội Cựu chiến binh Khối",
        kind="mass",
        created_at=NOW,
        parent=unit(session, "DUK"),
    )
    unit_queries.add_unit(
        session=session, code="CD", name="Công đoàn Khối", kind="mass", created_at=NOW, parent=unit(session, "DUK")
    )
    parsed = parse_document(DOC_141)
    found = recipients.match_addressees(session=session, unit=unit(session, "DUK"), lines=parsed.addressees)
    assert [u.code for u in found] == [
        "CB01",
        "CB02",
        "CB03",
        "CB04",
        "CB05",
        "CCB",
        "DB1",
        "DB1-CB1",
        "DB1-CB2",
        "DTN",
    ]
    # The "Nơi nhận" list alone names the same units ("Hội CCB Khối" spelled short).
    found = recipients.match_addressees(session=session, unit=unit(session, "DUK"), lines=parsed.recipients)
    assert "CCB" in [u.code for u in found] and "CD" not in [u.code for u in found]


def test_addressees_naming_nothing_below_match_nothing(org, session):
    lines = ["Thường trực Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy", "Lưu Văn phòng Đảng ủy"]
    assert recipients.match_addressees(session=session, unit=unit(session, "DUK"), lines=lines) == []


def test_tccs_means_grassroots_organisations(org, session):
    found = recipients.match_addressees(
        session=session, unit=unit(session, "DUK"), lines=parse_document(DOC_54).recipients
    )
    assert [u.code for u in found] == ["DB1", "DTN"]  # "Các TCCS đảng trực thuộc", "Hội CCB, Đoàn TN Khối CCQ"


def test_typed_codes_are_limited_to_units_below(org, session):
    found, unknown = recipients.units_by_codes(session=session, unit=unit(session, "DB1"), text="db1-cb1, CB01;XYZ")
    assert ([u.code for u in found], unknown) == (["DB1-CB1"], ["CB01", "XYZ"])


# ---- publishing, numbers, changes ---------------------------------------------------------------


def test_publish_queues_one_message_per_reachable_secretary_with_its_dedupe_key(org, session):
    cb02_account = session.exec(select(ChatAccount).where(ChatAccount.external_user_id == "u-cb02")).one()
    cb02_account.reachable = False
    session.add(cb02_account)
    directive = published(session, ["CB01", "CB02", "DTN"])
    messages = session.exec(select(OutboxMessage).where(OutboxMessage.kind != "reminder")).all()
    cb01_account = session.exec(select(ChatAccount).where(ChatAccount.external_user_id == "u-cb01")).one()
    assert [m.dedupe_key for m in messages] == [f"publish:{directive.id}:{unit(session, 'CB01').id}:{cb01_account.id}"]
    assert (directive.status, directive.published_at) == ("published", NOW)
    assert len(session.exec(select(Assignment)).all()) == 3


def test_deadlines_are_stored_in_utc(org, session):
    directive = published(session, ["CB01"])
    due = [d.due_at.isoformat() for d in directives.deadlines_of(session=session, directive=directive)]
    assert due == ["2021-08-20T16:59:00+00:00", "2021-08-22T16:59:00+00:00", "2021-08-29T16:59:00+00:00"]


@pytest.mark.parametrize("typed", ["141", "141-CV/ĐUK", "141-cv/duk", "141 - CV/ĐUK", "141-CV/DUK", "141/ĐUK"])
def test_find_by_number_accepts_the_usual_spellings(org, session, typed):
    directive = published(session, ["CB01"])
    assert directives.find_by_number(session=session, actor=staff_actor(session), text=typed) == [directive]


def test_secretaries_see_only_what_is_assigned_to_their_cell(org, session):
    directive = published(session, ["CB01"])
    cb01 = Actor(person_id=1, roles=[role(session, "secretary", "CB01")])
    cb02 = Actor(person_id=2, roles=[role(session, "secretary", "CB02")])
    assert directives.visible(session=session, actor=cb01) == [directive]
    assert directives.visible(session=session, actor=cb02) == []
    assert directives.find_by_number(session=session, actor=cb02, text="141") == []


def test_acknowledge_only_by_a_secretary_of_that_unit(org, session):
    directive = published(session, ["CB01"])
    assignment = session.exec(select(Assignment)).one()
    cb02 = Actor(person_id=2, roles=[role(session, "secretary", "CB02")])
    cb01 = Actor(person_id=None, roles=[role(session, "secretary", "CB01")])
    assert (
        directives.acknowledge(
            session=session, assignment_id=assignment.id, actor=cb02, who=directives.Who(2), now=NOW, config=CONFIG
        ).status
        == "denied"
    )
    assert (
        directives.acknowledge(
            session=session, assignment_id=assignment.id, actor=cb01, who=directives.Who(None), now=NOW, config=CONFIG
        ).status
        == "ok"
    )
    assert (
        directives.acknowledge(
            session=session, assignment_id=assignment.id, actor=cb01, who=directives.Who(None), now=NOW, config=CONFIG
        ).status
        == "already"
    )
    assert directives.unacknowledged(session=session, directive=directive) == []


def test_a_removed_unit_added_back_starts_fresh_and_is_told_again(org, session):
    directive = published(session, ["CB01", "CB02"])
    ids = {c: unit(session, c).id for c in ("CB01", "CB02")}
    who = directives.Who(None)
    assert directives.change_recipients(
        session=session, directive=directive, unit_ids=[ids["CB01"]], who=who, now=NOW, config=CONFIG
    ) == ([], [ids["CB02"]])
    assert directives.change_recipients(
        session=session, directive=directive, unit_ids=[ids["CB01"], ids["CB02"]], who=who, now=NOW, config=CONFIG
    ) == ([ids["CB02"]], [])
    assignment = session.exec(select(Assignment).where(Assignment.unit_id == ids["CB02"])).one()
    assert (assignment.status, assignment.acknowledged_at) == ("assigned", None)
    keys = [
        m.dedupe_key
        for m in session.exec(
            select(OutboxMessage).where(OutboxMessage.kind != "reminder").order_by(OutboxMessage.id)
        ).all()
    ]
    assert [k.split(":")[:4] for k in keys[2:]] == [
        ["edit", str(directive.id), "1", "remove"],
        ["edit", str(directive.id), "2", "add"],
    ]


def test_full_text_is_cut_at_line_ends_or_sent_as_a_file():
    chunks = texts.split_text("\n".join(["dòng " * 100] * 30), 3500)
    assert all(len(c) <= 3500 for c in chunks) and len(chunks) > 1
    directive = Directive(id=7, unit_id=1, number="141-CV/ĐUK", doc_type="Công văn", full_text="chữ " * 5000)
    replies = texts.full_text_replies(Translator("vi"), directive)
    assert [r.document.name for r in replies] == ["141-CV-ĐUK.txt"]
    assert replies[0].text == "Toàn văn Công văn 141-CV/ĐUK trong tệp đính kèm."


def test_each_secretary_reads_the_directive_in_their_own_language(org, session):
    account = session.exec(select(ChatAccount).where(ChatAccount.external_user_id == "u-cb01")).one()
    account.language = "en"
    session.add(account)
    published(session, ["CB01", "CB02"])
    texts_by_account = {
        m.account_id: m.payload["text"]
        for m in session.exec(select(OutboxMessage).where(OutboxMessage.kind != "reminder")).all()
    }
    assert texts_by_account[account.id].startswith("New directive: Official letter 141-CV/ĐUK\nUrgency: KHẨN\n")
    assert "• Report: before 23/8/2021" in texts_by_account[account.id]
    assert [t for a, t in texts_by_account.items() if a != account.id][0].startswith("Văn bản mới: Công văn 141-CV/ĐUK")

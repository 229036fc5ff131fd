"""Session 6 gap: in an English chat the document type is named in English (Official letter,
Plan, ...) from the locale files; the stored value stays Vietnamese, and Vietnamese chats
read it as before."""

from __future__ import annotations

from sqlmodel import select

from services.directive_texts import doc_type_name
from services.i18n import Translator
from storage.tables import Directive
from tests.support.chat import deliver
from tests.test_directives_flow import DOC_141, paste_141, publish_141


def test_an_english_chat_reads_official_letter_and_the_row_keeps_cong_van(org, app, session):
    publish_141(org, app)
    cb01 = org["CB01"]
    cb01.send("/lang en")
    cb01.send("/doc 141")
    assert cb01.last_text.startswith("Official letter 141-CV/ĐUK\n")
    assert "Công văn" not in cb01.last_text
    org["CB02"].send("/doc 141")
    assert org["CB02"].last_text.startswith("Công văn 141-CV/ĐUK\n")  # Vietnamese as before
    session.expire_all()
    assert session.exec(select(Directive)).one().doc_type == "Công văn"


def test_the_registration_summary_in_english_names_the_type_in_english(org, app):
    staff = org["staff"]
    staff.send("/lang en")
    staff.send("/new")
    staff.send(DOC_141)
    assert "Type: Official letter\nNumber: 141-CV/ĐUK" in staff.last_text


def test_a_vietnamese_summary_keeps_the_vietnamese_type(org, app):
    staff = paste_141(org)
    assert "Loại: Công văn" in staff.last_text
    deliver(app)


def test_each_type_the_parser_names_has_an_english_name_and_unknown_ones_stay_as_typed():
    en, vi = Translator("en"), Translator("vi")
    named = {
        "Công văn": "Official letter",
        "Kế hoạch": "Plan",
        "Nghị quyết": "Resolution",
        "Chỉ thị": "Directive",
        "Thông báo": "Notice",
        "Hướng dẫn": "Guidance",
        "Kết luận": "Conclusion",
        "Quyết định": "Decision",
        "Quy định": "Regulation",
        "công văn": "Official letter",  # as staff may type it
    }
    assert {vi_name: doc_type_name(en, vi_name) for vi_name in named} == named
    assert doc_type_name(vi, "Kế hoạch") == "Kế hoạch"
    assert doc_type_name(en, "Phiếu lấy ý kiến") == "Phiếu lấy ý kiến"
    assert doc_type_name(en, None) is None

"""A news page that prints no header may still name the document it is about by its number in
running text. The number is the page's own when its issuing code is the initials of the organ
that acts on it ("Đảng ủy xã Tân Lộc triển khai Kế hoạch số 41-KH/ĐU") or of the page's issuer
named as its author; a document cited ("thực hiện", "nêu trong") or authored by another organ
is not. Also a news post's closing attribution "(Theo Công văn số ..., ngày ...)".
All sentences are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from services.parsing import parse_document
from services.parsing.body_fields import initials


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Ban Tuyên giáo Huyện ủy Đông Sơn", "btghuds"),
        ("UBND tỉnh Hà Giang", "ubndthg"),
        ("Đảng ủy xã Tân Lộc", "duxtl"),
    ],
)
def test_an_organs_code_is_its_initials(name, code):
    assert initials(name) == code


def test_organ_carrying_out_its_own_numbered_plan():
    text = (
        "Tin hoạt động\n"
        "Căn cứ Kế hoạch số 120-KH/HU ngày 02/3/2021 của Huyện ủy Đông Sơn, Đảng ủy xã Tân Lộc "
        "triển khai Kế hoạch số 41 – KH/ĐU ngày 15/3/2021 về tổ chức hội nghị học tập nghị quyết.\n"
    )
    doc = parse_document(text)
    assert (doc.number, doc.doc_type, doc.issuer) == ("41-KH/ĐU", "Kế hoạch", "Đảng ủy xã Tân Lộc")
    assert doc.issued_on == date(2021, 3, 15)


def test_own_guide_named_with_its_author_after_a_cited_one():
    text = (
        "Thực hiện Hướng dẫn số 12-HD/BTGTU ngày 03/01/2022 của Ban Tuyên giáo Tỉnh ủy, "
        "Ban Tuyên giáo Huyện ủy ban hành Hướng dẫn tuyên truyền các ngày lễ lớn năm 2022.\n"
        "Trung tâm Văn hóa huyện đăng tải Hướng dẫn số 07-HD/BTG ngày 10/01/2022 của Ban Tuyên giáo "
        "Huyện ủy để các đơn vị tiện theo dõi.\n"
    )
    doc = parse_document(text)
    assert (doc.number, doc.doc_type, doc.issued_on) == ("07-HD/BTG", "Hướng dẫn", date(2022, 1, 10))


def test_the_issuers_own_plan_among_several_cited_at_a_conference():
    text = (
        "Chiều 12/9, Huyện ủy Đông Sơn tổ chức hội nghị quán triệt Kế hoạch số 30-KH/TU của Tỉnh ủy "
        "và Kế hoạch số 77-KH/HU của Huyện ủy Đông Sơn về đại hội chi bộ. Ban Thường vụ Huyện ủy "
        "đề nghị các chi bộ chuẩn bị chu đáo.\n"
    )
    assert parse_document(text).number == "77-KH/HU"


def test_an_earlier_document_of_the_same_issuer_cited_is_not_its_number():
    text = (
        "Ban Tuyên giáo Huyện ủy đề nghị các chi bộ tuyên truyền theo nội dung nêu trong "
        "Hướng dẫn số 09-HD/BTGHU, ngày 05/02/2022 của Ban Tuyên giáo Huyện ủy.\n"
    )
    assert parse_document(text).number is None


def test_another_organs_document_is_not_the_pages_own():
    text = "Đảng ủy xã Tân Lộc triển khai Chỉ thị số 05-CT/TW của Bộ Chính trị đến các chi bộ.\n"
    assert parse_document(text).number is None


def test_closing_attribution_names_the_letter_retold():
    text = (
        "Giao Sở Xây dựng chủ trì rà soát các công trình, báo cáo UBND tỉnh trước ngày 15/12/2024.\n"
        "(Theo Công văn số 5120/UBND-CN, ngày 28/11/2024)\n"
    )
    doc = parse_document(text)
    assert (doc.number, doc.doc_type, doc.issued_on) == ("5120/UBND-CN", "Công văn", date(2024, 11, 28))

"""Fields named in running text and printed numbers, by rules of the language (issue 12)."""

from __future__ import annotations

from datetime import date

import pytest

from services.parsing import parse_document

# "đã ra / vừa ra / mới ra Công văn số ...": the page tells of the document it is about
ISSUED_WITH_RA = [
    (
        "Ngày 12/9/2022, Sở Giao thông vận tải đã ra Công văn số 915/SGTVT-VP về việc rà soát "
        "biển báo trên các tuyến đường. Các phòng gửi kết quả rà soát trước ngày 30/9/2022.",
        "915/SGTVT-VP",
        date(2022, 9, 12),
    ),
    (
        "Ngày 3/2/2021, Ban Tổ chức Huyện ủy vừa ra Công văn số 77-CV/BTCHU về việc kiểm tra "
        "hồ sơ đảng viên. Các chi bộ nộp hồ sơ trước ngày 25/2/2021.",
        "77-CV/BTCHU",
        date(2021, 2, 3),
    ),
    (
        "Ngày 8/6/2019, Ủy ban nhân dân huyện mới ra Công văn số 402/UBND-NV về việc chấn chỉnh "
        "giờ làm việc của cán bộ xã.",
        "402/UBND-NV",
        date(2019, 6, 8),
    ),
]


@pytest.mark.parametrize(("text", "number", "issued"), ISSUED_WITH_RA)
def test_document_issued_with_ra_is_the_pages_own(text: str, number: str, issued: date) -> None:
    doc = parse_document(text)
    assert doc.number == number
    assert doc.doc_type == "Công văn"
    assert doc.issued_on == issued


def test_bare_ra_does_not_issue_a_cited_letter() -> None:
    # "đưa ra" / "ra" without an adverb is not the issuing verb
    doc = parse_document("Hội nghị đưa ra Công văn số 55/UBND-KT để các xã tham khảo khi lập dự toán năm 2023.")
    assert doc.number != "55/UBND-KT" or doc.issuer is None


# a number printed with an en or em dash is the same number with a hyphen
DASHED = [
    ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH\nSố 64–KH/ĐUK\n\nKẾ HOẠCH\nvề việc tổ chức hội thi", "64-KH/ĐUK"),
    ("HUYỆN ỦY ĐỊNH QUÁN\nSố 118—CV/HU\n\nCÔNG VĂN\nv/v rà soát đảng viên", "118-CV/HU"),
]


@pytest.mark.parametrize(("text", "number"), DASHED)
def test_number_with_a_long_dash_is_written_with_a_hyphen(text: str, number: str) -> None:
    assert parse_document(text).number == number

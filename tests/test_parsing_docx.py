"""Reading uploaded files: .docx through python-docx, and .txt of unknown encoding."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest

from services.parsing import (
    DocumentFormatError,
    decode_text_file,
    extract_text_from_docx,
    parse_document,
)

SEEDS = Path(__file__).parent / "fixtures" / "seeds"


def seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def docx_bytes(build) -> bytes:
    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def paragraphs_of(text: str):
    def build(document):
        for line in text.split("\n"):
            document.add_paragraph(line)

    return build


def test_docx_of_141_parses_like_its_text():
    text = seed("003_11edc695b26208f2.txt")
    data = docx_bytes(paragraphs_of(text))
    extracted = extract_text_from_docx(data)
    assert extracted == text
    assert parse_document(extracted).to_json_dict() == parse_document(text).to_json_dict()


@pytest.mark.parametrize("name", ["000_ea0419651be1525a.txt", "001_6209555e4feaaf67.txt", "002_c658ef2b8e34c7f5.txt"])
def test_docx_of_every_other_seed_parses_like_its_text(name):
    text = seed(name)
    parsed = parse_document(extract_text_from_docx(docx_bytes(paragraphs_of(text))))
    assert parsed.to_json_dict() == parse_document(text).to_json_dict()
    assert parsed.doc_type == "Kế hoạch"


def test_docx_header_table_is_read_cell_by_cell_in_order():
    body = seed("000_ea0419651be1525a.txt").split("KẾ HOẠCH", 1)[1]

    def build(document):
        table = document.add_table(rows=1, cols=2)
        left, right = table.rows[0].cells
        left.text = "ĐẢNG BỘ THÀNH PHỐ ĐÀ NẴNG"
        left.add_paragraph("ĐẢNG ỦY KHỐI CÁC CƠ QUAN")
        left.add_paragraph("*")
        left.add_paragraph("Số 54-KH/ĐUK")
        right.text = "ĐẢNG CỘNG SẢN VIỆT NAM"
        right.add_paragraph("Đà Nẵng, ngày 03 tháng 8 năm 2021")
        document.add_paragraph("KẾ HOẠCH")
        for line in body.split("\n"):
            document.add_paragraph(line)

    text = extract_text_from_docx(docx_bytes(build))
    assert text.startswith(
        "ĐẢNG BỘ THÀNH PHỐ ĐÀ NẴNG\nĐẢNG ỦY KHỐI CÁC CƠ QUAN\n*\nSố 54-KH/ĐUK\n"
        "ĐẢNG CỘNG SẢN VIỆT NAM\nĐà Nẵng, ngày 03 tháng 8 năm 2021\nKẾ HOẠCH"
    )
    doc = parse_document(text)
    assert doc.number == "54-KH/ĐUK"
    assert doc.issuer == "Đảng ủy Khối các cơ quan thành phố Đà Nẵng"
    assert doc.issued_on.isoformat() == "2021-08-03"
    assert [d.kind for d in doc.deadlines] == ["complete", "start", "start", "recurring"]


def test_merged_cells_are_read_once():
    def build(document):
        table = document.add_table(rows=1, cols=2)
        merged = table.cell(0, 0).merge(table.cell(0, 1))
        merged.text = "KHẨN"

    assert extract_text_from_docx(docx_bytes(build)) == "KHẨN"


def test_plain_bytes_are_not_a_docx():
    with pytest.raises(DocumentFormatError) as info:
        extract_text_from_docx("Số 141-CV/ĐUK".encode())
    assert "không phải định dạng .docx" in str(info.value)


def test_a_zip_that_is_not_a_word_document_is_rejected():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "xin chào")
    with pytest.raises(DocumentFormatError):
        extract_text_from_docx(buf.getvalue())


def test_old_word_doc_gets_a_save_as_docx_hint():
    with pytest.raises(DocumentFormatError) as info:
        extract_text_from_docx(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert ".docx" in str(info.value) and ".doc " in str(info.value)


def test_empty_bytes_are_rejected():
    with pytest.raises(DocumentFormatError):
        extract_text_from_docx(b"")


# --- text files of unknown encoding -----------------------------------------------------------

SAMPLE = "Số 141-CV/ĐUK\nKế hoạch: trước ngày 23/8/2021, Đảng ủy Khối"


def to_cp1258_form(text: str) -> str:
    """Windows-1258 stores tone marks as combining characters after the (possibly
    circumflexed / horned) base letter."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out)


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode("utf-8"),
        lambda s: b"\xef\xbb\xbf" + s.encode("utf-8"),
        lambda s: s.encode("utf-16"),
        lambda s: s.encode("utf-16-le"),
        lambda s: s.encode("utf-16-be"),
        lambda s: unicodedata.normalize("NFD", s).encode("utf-8"),
        lambda s: to_cp1258_form(s).encode("cp1258"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "utf8-nfd", "cp1258"],
)
def test_text_files_decode_to_the_same_nfc_text(encode):
    assert decode_text_file(encode(SAMPLE)) == SAMPLE


def test_undecodable_bytes_fall_back_without_raising():
    text = decode_text_file(bytes(range(256)))
    assert isinstance(text, str) and len(text) >= 200


def test_empty_file_is_empty_text():
    assert decode_text_file(b"") == ""

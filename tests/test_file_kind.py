"""What a file is, from its bytes: the name never decides."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from services.parsing.file_kind import FileKind, sniff
from tests.support.paper import SHORT_141, page_image, pdf_of


def _docx() -> bytes:
    out = io.BytesIO()
    docx.Document().save(out)
    return out.getvalue()


def _zip_without_word() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("xl/workbook.xml", "<workbook/>")
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"", FileKind.EMPTY),
        (b" \n\t\r\n", FileKind.EMPTY),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", FileKind.PDF),
        (b"\r\n\r\n%PDF-1.4 junk before the header", FileKind.PDF),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", FileKind.PNG),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", FileKind.JPEG),
        (b"II*\x00\x08\x00\x00\x00", FileKind.TIFF),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", FileKind.WEBP),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, FileKind.OLE),
        (b"PK\x03\x04", FileKind.ZIP),
        (SHORT_141.encode("utf-8"), FileKind.TEXT),
        (SHORT_141.encode("utf-16"), FileKind.TEXT),
        (SHORT_141.encode("utf-16-le"), FileKind.TEXT),
        (b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8, FileKind.BINARY),
    ],
)
def test_kinds_by_magic_bytes(data, kind):
    assert sniff(data) == kind


def test_word_and_other_zips_are_told_apart():
    assert sniff(_docx()) == FileKind.DOCX
    assert sniff(_zip_without_word()) == FileKind.ZIP


def test_real_pdf_and_png_built_here():
    assert sniff(pdf_of(SHORT_141)) == FileKind.PDF
    assert sniff(page_image("Số 141-CV/ĐUK")) == FileKind.PNG
    assert sniff(page_image("Số 141-CV/ĐUK", fmt="JPEG")) == FileKind.JPEG


def test_long_vietnamese_text_cut_mid_character_at_the_sample_edge_is_still_text():
    # 64 KiB sample boundary falls inside a 2- or 3-byte UTF-8 letter for one of these
    for shift in range(3):
        data = ("x" * shift + "Thời hạn hoàn thành trước ngày 23/8/2021. " * 3000).encode("utf-8")
        assert sniff(data) == FileKind.TEXT

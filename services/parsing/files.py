"""Getting text out of uploaded files: .docx (python-docx) and plain-text files of unknown
encoding. Pure functions on bytes; no file system access."""

from __future__ import annotations

import io
import unicodedata
import zipfile

__all__ = ["DocumentFormatError", "extract_text_from_docx", "decode_text_file"]


class DocumentFormatError(ValueError):
    """The bytes are not a document we can read. ``str(error)`` is plain Vietnamese."""


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def extract_text_from_docx(data: bytes) -> str:
    """Paragraphs and table cells in document order, one paragraph per line.

    Party directives put their header in a two-column table (issuer and number on the
    left, "ĐẢNG CỘNG SẢN VIỆT NAM" and the place-date on the right) and often the
    distribution list beside the signature: cells are read row by row, left to right,
    each merged cell once.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise DocumentFormatError("Tệp tải lên không phải dữ liệu nhị phân của tệp .docx.")
    data = bytes(data)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise DocumentFormatError("Đây là tệp .doc (Word 97-2003). Hãy mở bằng Word và lưu lại dưới dạng .docx.")
    if not data.startswith(b"PK") or not zipfile.is_zipfile(io.BytesIO(data)):
        raise DocumentFormatError("Tệp không phải định dạng .docx hợp lệ.")
    try:
        import docx  # python-docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []

        def walk(parent_element, parent) -> None:
            for child in parent_element.iterchildren():
                if child.tag == _W + "p":
                    lines.append(Paragraph(child, parent).text)
                elif child.tag == _W + "tbl":
                    table = Table(child, parent)
                    for row in table.rows:
                        seen: set[int] = set()
                        for cell in row.cells:
                            if id(cell._tc) in seen:
                                continue
                            seen.add(id(cell._tc))
                            walk(cell._tc, cell)
                elif child.tag == _W + "sdt":  # content controls wrap real paragraphs
                    content = child.find(_W + "sdtContent")
                    if content is not None:
                        walk(content, parent)

        walk(document.element.body, document)
    except DocumentFormatError:
        raise
    except Exception as exc:  # python-docx raises many types for damaged packages
        raise DocumentFormatError("Không đọc được tệp .docx (tệp hỏng hoặc không đúng định dạng).") from exc
    return unicodedata.normalize("NFC", "\n".join(lines))


def decode_text_file(data: bytes) -> str:
    """Text of an uploaded .txt: UTF-8 (with or without BOM), UTF-16 (BOM, or detected from
    zero bytes), else Windows-1258 (Vietnamese Windows), else Latin-1. Never raises.
    The result is NFC: Windows-1258 writes tones as combining marks."""
    if not data:
        return ""
    data = bytes(data)
    text: str | None = None
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    if text is None and len(data) >= 2:
        # BOM-less UTF-16: ASCII-heavy text has a zero byte in every other position.
        sample = data[:2000]
        even_zero = sample[0::2].count(0)
        odd_zero = sample[1::2].count(0)
        half = len(sample) // 2
        if odd_zero > half * 0.3 and even_zero < half * 0.05:
            text = data.decode("utf-16-le", errors="replace")
        elif even_zero > half * 0.3 and odd_zero < half * 0.05:
            text = data.decode("utf-16-be", errors="replace")
    if text is None:
        try:
            text = data.decode("cp1258")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    return unicodedata.normalize("NFC", text.lstrip("\ufeff"))

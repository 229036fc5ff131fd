"""What an uploaded file really is, from its first bytes (magic numbers), never from its name.

Staff rename files ("van-ban.docx" that is a PDF saved from the signing software, a photo
called "scan.pdf"); the name is only used to word an error when the content says nothing.
Pure: bytes in, a kind out.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile

from .files import decode_text_file

__all__ = ["FileKind", "IMAGE_KINDS", "sniff", "looks_binary"]


class FileKind:
    EMPTY = "empty"
    PDF = "pdf"
    PNG = "png"
    JPEG = "jpeg"
    TIFF = "tiff"
    WEBP = "webp"
    DOCX = "docx"
    #: A zip that is not a Word document (.xlsx, .pptx, an archive) or a damaged zip.
    ZIP = "zip"
    #: Word 97-2003 (.doc), Excel 97-2003: the OLE compound file.
    OLE = "ole"
    TEXT = "text"
    BINARY = "binary"


#: Kinds Tesseract reads directly.
IMAGE_KINDS = frozenset({FileKind.PNG, FileKind.JPEG, FileKind.TIFF, FileKind.WEBP})

#: Of a text's characters, more control characters than this means it is not text.
_CONTROL_SHARE = 0.01
_SAMPLE = 64 * 1024


def sniff(data: bytes) -> str:
    """The kind of ``data``: one of the ``FileKind`` values."""
    data = bytes(data or b"")
    if not data.strip():
        return FileKind.EMPTY
    head = data[:16]
    # PDF writers may put a few bytes of junk before the header; readers accept 1024.
    if b"%PDF-" in data[:1024]:
        return FileKind.PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return FileKind.PNG
    if head.startswith(b"\xff\xd8\xff"):
        return FileKind.JPEG
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return FileKind.TIFF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return FileKind.WEBP
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return FileKind.OLE
    if head.startswith(b"PK"):
        return FileKind.DOCX if _is_word_package(data) else FileKind.ZIP
    return FileKind.BINARY if looks_binary(data) else FileKind.TEXT


def _is_word_package(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return "word/document.xml" in package.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return False


def looks_binary(data: bytes) -> bool:
    """True when the bytes decode (as any text encoding we accept) to control characters:
    an executable, an archive, random bytes. Tabs, line and page breaks are text."""
    text = decode_text_file(_utf8_whole(bytes(data[:_SAMPLE])))
    if not text:
        return False
    control = sum(1 for ch in text if ch not in "\t\n\r\f\v" and unicodedata.category(ch) == "Cc")
    return control > len(text) * _CONTROL_SHARE


def _utf8_whole(sample: bytes) -> bytes:
    """The sample without a UTF-8 character cut in half at its end (a cut sequence would
    send the whole sample to the Windows-1258 fallback and read as control characters)."""
    for cut in range(4):
        try:
            (sample[: len(sample) - cut] if cut else sample).decode("utf-8")
            return sample[: len(sample) - cut] if cut else sample
        except UnicodeDecodeError:
            continue
    return sample

"""The ways a directive comes in as a file: .txt, .docx, a PDF with a text layer, and paper
(a photo, or a scanned PDF) read by OCR. Bytes in, the document's text out, or a refusal
whose reason is a locale key; /new and ``chibot parse`` share it.

What a file is comes from its content (``file_kind.sniff``), not its name: a .docx that is
really a PDF is read as the PDF it is. The name only words an error when the content says
nothing ("141.docx" that is plain text is a broken .docx, not a text file).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from ground.settings import Settings
from services.parsing.file_kind import IMAGE_KINDS, FileKind, sniff
from services.parsing.files import DocumentFormatError, decode_text_file, extract_text_from_docx
from services.parsing.ocr import Ocr, OcrError
from services.parsing.pdf_text import PdfPasswordError, read_pdf_text
from services.parsing.text_quality import judge_text

__all__ = ["DocumentIn", "Refused", "read_upload", "ocr_of", "MIN_OCR_LETTERS"]

#: OCR of a photo that is not a document (a face, a landscape) yields a few stray letters;
#: a real page has hundreds. Below this, nothing is kept.
MIN_OCR_LETTERS = 40


#: Control characters other than tab and line/page breaks. PostgreSQL refuses NUL in text
#: columns, and PDF text layers yield NUL for glyphs without a Unicode mapping.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def ocr_of(settings: Settings) -> Ocr:
    """The OCR set-up the settings describe (programs, language, limits): one place for chat's
    /new, the dashboard's register page and ``chibot parse``."""
    return Ocr(
        tesseract=settings.tesseract_cmd,
        pdftoppm=settings.pdftoppm_cmd,
        language=settings.ocr_language,
        timeout_seconds=settings.ocr_timeout_seconds,
        max_pages=settings.ocr_max_pages,
    )


@dataclass(frozen=True)
class DocumentIn:
    text: str
    #: "text" | "docx" | "pdf" (text layer) | "ocr" (photo or scanned PDF)
    source: str
    #: For OCR of a PDF: pages read and pages in the file.
    pages_read: int | None = None
    page_count: int | None = None
    #: Read by OCR because the PDF's text layer is not readable text (legacy TCVN3/VNI font,
    #: a font without a Unicode map): staff are told why.
    unreadable_layer: bool = False

    @property
    def by_ocr(self) -> bool:
        return self.source == "ocr"

    @property
    def pages_cut(self) -> bool:
        return bool(self.page_count and self.pages_read and self.pages_read < self.page_count)


class Refused(Exception):
    """Not a document chibot can read. ``key`` is a locale key (``intake.<key>``), ``params``
    fill it; ``str(self)`` is for logs only."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key if not params else f"{key} {params}")
        self.key = f"intake.{key}"
        self.params = params


def read_upload(
    data: bytes | None, *, file_name: str = "", size: int | None = None, max_bytes: int, ocr: Ocr
) -> DocumentIn:
    """The text of an uploaded file, without control characters. Raises ``Refused``; never
    anything else for bad input.

    ``data`` is None when the chat adapter did not download the file: over ``max_bytes``
    (``size`` says so), or the download failed.
    """
    document = _read(data, file_name=file_name, size=size, max_bytes=max_bytes, ocr=ocr)
    return replace(document, text=_CONTROLS.sub("", document.text))


def _read(data: bytes | None, *, file_name: str, size: int | None, max_bytes: int, ocr: Ocr) -> DocumentIn:
    if data is None:
        if size is not None and size > max_bytes:
            raise Refused("too_big", size=_mb(size), limit=_mb(max_bytes))
        raise Refused("not_received")
    data = bytes(data)
    if len(data) > max_bytes:
        raise Refused("too_big", size=_mb(len(data)), limit=_mb(max_bytes))
    kind = sniff(data)
    if kind == FileKind.EMPTY:
        raise Refused("empty")
    if kind == FileKind.PDF:
        return _pdf(data, ocr)
    if kind in IMAGE_KINDS:
        return _ocr_image(data, ocr)
    if kind in (FileKind.DOCX, FileKind.OLE) or (kind == FileKind.ZIP and _named(file_name, ".docx")):
        return DocumentIn(_docx(data), "docx")
    if kind == FileKind.ZIP:
        raise Refused("unsupported")
    if kind == FileKind.BINARY:
        raise Refused("binary")
    if _named(file_name, ".docx"):
        return DocumentIn(_docx(data), "docx")  # raises: text is never a valid .docx
    return DocumentIn(decode_text_file(data), "text")


def _docx(data: bytes) -> str:
    try:
        text = extract_text_from_docx(data)
    except DocumentFormatError as exc:
        raise Refused("bad_format", reason=str(exc)) from exc
    # Typed in a TCVN3/VNI font, a .docx holds those fonts' one-byte codes as Latin-1 letters
    # ("Ñaûng uûy"): no page image to OCR here, so staff are told how to convert it.
    if judge_text(text).problem == "legacy":
        raise Refused("legacy_font")
    return text


def _pdf(data: bytes, ocr: Ocr) -> DocumentIn:
    try:
        layer = read_pdf_text(data)
    except PdfPasswordError as exc:
        raise Refused("pdf_password") from exc
    except DocumentFormatError as exc:
        raise Refused("bad_format", reason=str(exc)) from exc
    unreadable = layer.unreadable
    if layer.has_text_layer and not unreadable:
        return DocumentIn(layer.text, "pdf")
    # A scan, or a text layer that is not a language: the page images are what a person reads.
    if unreadable and ocr.pdf_unavailable():
        raise Refused("pdf_unreadable")
    try:
        result = ocr.read_pdf(data, page_count=layer.page_count)
    except OcrError as exc:
        if unreadable:
            raise Refused("pdf_unreadable") from exc
        raise Refused(exc.reason, seconds=f"{ocr.timeout_seconds:g}") from exc
    try:
        document = _ocr_text(result.text, pages_read=len(result.pages), page_count=result.page_count)
    except Refused:
        if unreadable:
            raise Refused("pdf_unreadable") from None
        raise
    return replace(document, unreadable_layer=unreadable)


def _ocr_image(data: bytes, ocr: Ocr) -> DocumentIn:
    try:
        result = ocr.read_image(data)
    except OcrError as exc:
        raise Refused(exc.reason, seconds=f"{ocr.timeout_seconds:g}") from exc
    return _ocr_text(result.text)


def _ocr_text(text: str, *, pages_read: int | None = None, page_count: int | None = None) -> DocumentIn:
    letters = sum(ch.isalpha() for ch in text)
    if letters < MIN_OCR_LETTERS:
        raise Refused("ocr_no_text")
    return DocumentIn(text, "ocr", pages_read=pages_read, page_count=page_count)


def _named(file_name: str, suffix: str) -> bool:
    return (file_name or "").lower().endswith(suffix)


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".rstrip("0").rstrip(".")

"""The text layer of a PDF (pypdf): what a PDF exported from Word or the signing software
says in characters. A scanned PDF has no text layer (or only the signature stamp's few
words); ``has_text_layer`` tells the two apart so the caller can fall back to OCR. A text
layer drawn with fonts that lack a Unicode map (legacy TCVN3/VNI fonts, an embedded font
without ToUnicode) has characters but no language: ``unreadable`` says so (text_quality).
Pure: bytes in, text out.
"""

from __future__ import annotations

import io
import logging
import unicodedata
from dataclasses import dataclass

from .files import DocumentFormatError
from .text_quality import TextQuality, judge_text

__all__ = ["PdfText", "read_pdf_text", "MIN_LETTERS_PER_PAGE"]

#: A page with a real text layer has hundreds of letters; a scan has none, or a digital
#: signature stamp ("Ký bởi: ... Thời gian ký: ...") of a few dozen.
MIN_LETTERS_PER_PAGE = 60

#: A directive is a few pages; reading stops here so a 500-page annex costs nothing.
MAX_PAGES = 50


class PdfPasswordError(DocumentFormatError):
    """The PDF is encrypted with a password we do not have."""


@dataclass(frozen=True)
class PdfText:
    pages: list[str]
    #: Pages in the file (``pages`` holds at most ``MAX_PAGES`` of them).
    page_count: int

    @property
    def text(self) -> str:
        return "\n".join(self.pages).strip()

    @property
    def has_text_layer(self) -> bool:
        letters = sum(ch.isalpha() for ch in self.text)
        return letters >= MIN_LETTERS_PER_PAGE * max(1, len(self.pages))

    @property
    def quality(self) -> TextQuality:
        return judge_text(self.text)

    @property
    def unreadable(self) -> bool:
        """Characters enough for a text layer, but not a language: glyph codes without their
        map (control characters, shifted letters) or a legacy Vietnamese font encoding."""
        glyphs = sum(not ch.isspace() for ch in self.text)
        return glyphs >= MIN_LETTERS_PER_PAGE * max(1, len(self.pages)) and not self.quality.readable


def read_pdf_text(data: bytes, *, max_pages: int = MAX_PAGES) -> PdfText:
    """The text of the first ``max_pages`` pages, one string per page (NFC).

    Raises ``DocumentFormatError`` (plain Vietnamese) for a damaged PDF and
    ``PdfPasswordError`` for one that needs a password.
    """
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged-but-readable files warn a lot
    try:
        reader = PdfReader(io.BytesIO(bytes(data)))
        if reader.is_encrypted:
            try:
                # Owner-password-only files (printing or copying locked) open with "".
                if not reader.decrypt(""):
                    raise PdfPasswordError("Tệp PDF có mật khẩu.")
            except PdfPasswordError:
                raise
            except Exception as exc:  # AES needs the optional cryptography package
                raise PdfPasswordError("Tệp PDF có mật khẩu.") from exc
        count = len(reader.pages)
        pages = []
        for index in range(min(count, max_pages)):
            pages.append(unicodedata.normalize("NFC", reader.pages[index].extract_text() or ""))
    except DocumentFormatError:
        raise
    except Exception as exc:  # pypdf raises PdfReadError, but also KeyError, ValueError... on damage
        raise DocumentFormatError("Tệp PDF bị hỏng hoặc không đúng định dạng.") from exc
    return PdfText(pages=pages, page_count=count)

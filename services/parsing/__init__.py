"""Reading party directives: Vietnamese text helpers, dates and deadline phrases, and the
document parser. Pure functions: no I/O, no database — except ``ocr``, which runs the
Tesseract and pdftoppm programs (with timeouts) to read photos and scanned PDFs.

    from services.parsing import parse_document, parse_deadline_phrase
"""

from .dates import (
    DateMention,
    InvalidDateError,
    find_dates,
    parse_date,
    parse_deadline_phrase,
    parse_time,
    resolve_day_month,
)
from .deadlines import Deadline, DeadlineError, Recurrence, format_date
from .document import ParsedDocument, parse_document
from .files import DocumentFormatError, decode_text_file, extract_text_from_docx
from .vn_text import fold, normalize, strip_diacritics

__all__ = [
    "DateMention",
    "Deadline",
    "DeadlineError",
    "DocumentFormatError",
    "InvalidDateError",
    "ParsedDocument",
    "Recurrence",
    "decode_text_file",
    "extract_text_from_docx",
    "find_dates",
    "fold",
    "format_date",
    "normalize",
    "parse_date",
    "parse_deadline_phrase",
    "parse_document",
    "parse_time",
    "resolve_day_month",
    "strip_diacritics",
]

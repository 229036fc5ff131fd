"""Vietnamese text helpers shared by the date and document parsers.

Documents reach us as .docx text, PDF copy-paste (often NFD: base letter + combining marks),
markdown exports (``**bold**``, ``*italic*``) and phone typing without diacritics. Every
matcher in this package therefore runs on a *folded* copy of the text: lowercase, no
diacritics, straight quotes. ``fold`` keeps the string length unchanged so that a match
position in the folded copy is also the position of the same words in the readable text,
which is how we cut out the exact phrase a deadline came from.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "strip_diacritics",
    "normalize",
    "clean_markup",
    "fold",
    "has_diacritics",
    "collapse_spaces",
]

_QUOTES = {
    "\u201c": '"',  # “
    "\u201d": '"',  # ”
    "\u201e": '"',  # „
    "\u00ab": '"',  # «
    "\u00bb": '"',  # »
    "\u2018": "'",  # ‘
    "\u2019": "'",  # ’
    "\u201a": "'",
    "\u2032": "'",
    # dashes: "30–6–2020", "1 – 25/4" read as the hyphen they stand for
    "\u2013": "-",  # –
    "\u2014": "-",  # —
    "\u2212": "-",  # minus sign
    # the other dash forms a word processor or a web page puts in "12‑KH/HU", "30‒6‒2020":
    # hyphen, non-breaking hyphen, figure dash, horizontal bar, small and full-width hyphen-minus
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2015": "-",
    "\ufe63": "-",
    "\uff0d": "-",
}

# Characters that are noise in copied documents. Removing them changes lengths, so this
# happens in ``clean_markup`` (before folding), never in ``fold``.
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Unicode spaces (NBSP, thin space, ...) and tabs become plain spaces; keeps length.
_ODD_SPACE_RE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\v\f]")
# Markdown emphasis: "**bold**", "__bold__", and a "*" glued to a word ("*italic*").
# A lone "*" between spaces (the star under a party document's header) is kept.
_BOLD_RE = re.compile(r"\*\*+|__+")
_ITALIC_RE = re.compile(r"\*+(?=\S)|(?<=\S)\*+")


def strip_diacritics(s: str) -> str:
    """'Đảng ủy Khối' -> 'Dang uy Khoi'. Case is kept; works on NFC or NFD input."""
    decomposed = unicodedata.normalize("NFD", s)
    out = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return out.replace("đ", "d").replace("Đ", "D").replace("ð", "d").replace("Ð", "D")


def collapse_spaces(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def clean_markup(text: str) -> str:
    """Readable text for parsing: NFC, unified newlines/spaces, markdown emphasis removed.

    The result is what deadline ``text`` phrases and subjects are cut from, so it must stay
    human-readable (smart quotes are kept here; ``fold`` straightens them for matching).
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE_RE.sub("", text)
    text = _ODD_SPACE_RE.sub(" ", text)
    text = _BOLD_RE.sub("", text)
    text = _ITALIC_RE.sub("", text)
    return text


class _FoldTable(dict):
    """str.translate table computed lazily, one character at a time, and cached.

    Each character maps to exactly one character so positions survive folding.
    """

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        out = _QUOTES.get(ch)
        if out is None:
            low = ch.lower()
            if len(low) != 1:  # e.g. 'İ'.lower() is two code points: keep length instead
                low = ch
            if low in ("đ", "ð"):  # ð: Icelandic eth, left in text by old font conversions
                out = "d"
            else:
                base = unicodedata.normalize("NFD", low)
                out = base[0] if base and not unicodedata.combining(base[0]) else low
                if len(out) != 1:
                    out = low
        self[code] = out
        return out


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lowercase, diacritics removed, straight quotes; SAME LENGTH as ``text``.

    Expects NFC text (use ``clean_markup`` first): a stray combining mark in NFD text would
    survive as its own character.
    """
    return text.translate(_FOLD_TABLE)


def normalize(s: str) -> str:
    """Comparison key: NFC, markup gone, lowercase, no diacritics, single spaces.

    >>> normalize("  **Kính   gửi** ") == normalize("kinh gui")
    True
    """
    s = clean_markup(s)
    s = fold(s)
    # NFC leaves some combining marks standalone (e.g. a mark on a letter with no
    # precomposed form); drop them so NFD-ish leftovers never break comparisons.
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return collapse_spaces(s)


def has_diacritics(s: str) -> bool:
    """True when the text is written with Vietnamese marks (so exact-accent checks are safe)."""
    return strip_diacritics(s) != s


# "Riêng Đảng bộ Công an tỉnh đã xây dựng kế hoạch ...", "Riêng đối với xã A, Huyện ủy đã chỉ
# đạo ...": a sentence opened by "riêng" (as for ... alone) singles out one case of a report;
# its actor and its document are not the page's own.
_SENTENCE_START = re.compile(r"(?:^|\n|[.!?;]\s)[^\S\n]*(?:[-+•*]\s*)?(?=\S)")
_SINGLED_OUT = re.compile(r"rieng\b")


def in_singled_out_sentence(folded: str, pos: int, reach: int = 300) -> bool:
    """Is ``pos`` inside a sentence of ``folded`` that opens with "riêng"?"""
    lo = max(0, pos - reach)
    starts = list(_SENTENCE_START.finditer(folded, lo, pos))
    begin = starts[-1].end() if starts else lo
    return bool(_SINGLED_OUT.match(folded, begin))

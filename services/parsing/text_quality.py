"""Is this text a language at all? A PDF's text layer is only as good as its fonts' maps from
glyphs to characters. Vietnamese PDFs made with the legacy TCVN3 (ABC, ".VnTime") or VNI
("VNI-Times") fonts store one-byte codes that only those fonts draw as Vietnamese letters, so
the text layer reads "§¶ng ñy" or "Ñaûng uûy" for "Đảng ủy"; an embedded font without a
ToUnicode map yields glyph numbers: control characters, or letters shifted out of place.

Judged by the language, not by any document's words: a readable Vietnamese directive is
mostly Vietnamese syllables (initial consonant, vowel group, final consonant, at most one
tone), plus numbers, symbols ("141-CV/ĐUK") and a few abbreviations. Text whose words are
mostly not syllables, or that holds characters no Vietnamese writing has (control,
private-use, replacement, unassigned, or Latin-1 letters and signs such as ñ û ø § ¶ ¸ that
the legacy encodings put where Vietnamese letters belong), is not readable.

No conversion of TCVN3/VNI here: no well-kept Python library converts them (the PyPI
packages that claim to are small and unmaintained), so such a PDF is read by OCR of its
page images, or staff are told to send a photo or paste the text. Pure: text in, verdict out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["TextQuality", "judge_text", "MIN_SYLLABLE_SHARE", "MAX_STRANGE_SHARE"]

#: A real directive's words are mostly Vietnamese syllables (the 200 corpus and seed
#: documents: lowest 0.86); a text layer without a glyph map: 0.05-0.15; VNI-style: 0.3-0.35.
MIN_SYLLABLE_SHARE = 0.6
#: Characters no Vietnamese text has, as a share of all non-space characters (corpus
#: documents: at most 0.004, a bullet glyph or two; VNI-style text 0.07, unmapped 0.3).
MAX_STRANGE_SHARE = 0.04
#: Fewer words than this say nothing either way (a signature stamp, a page number).
MIN_WORDS = 20

_VOWELS = "aăâeêioôơuưy"
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # grave, acute, tilde, hook, dot
_INITIALS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
_FINALS = "ch|nh|ng|c|m|n|p|t"
_SYLLABLE = re.compile(rf"^(?:{_INITIALS})?[{_VOWELS}]{{1,3}}(?:{_FINALS})?$")
#: Letters of the Vietnamese alphabet beyond ASCII, toneless (tones are combining marks in NFD).
_VIET_BASE = set("ăâêôơưđĂÂÊÔƠƯĐ")
_VIET_MARKS = _TONES | {"\u0302", "\u0306", "\u031b"}  # circumflex, breve, horn
#: Punctuation and signs ordinary Vietnamese documents use beyond ASCII.
_COMMON_SIGNS = set("–—‘’“”…•·«»°§№×±≤≥€→←↑↓√✓☐▪■□●○◦‐‑‒―−")


@dataclass(frozen=True)
class TextQuality:
    words: int
    #: Words (with letters) that are Vietnamese syllables, of all words with letters.
    syllable_share: float
    #: Characters no Vietnamese text has, of all non-space characters.
    strange_share: float
    #: "legacy" (TCVN3/VNI-style Latin-1 letters and signs), "unmapped" (control, private-use,
    #: replacement characters or shifted letters), or None when the text reads as a language.
    problem: str | None

    @property
    def readable(self) -> bool:
        return self.problem is None


def _strange(ch: str) -> bool:
    if ch.isspace() or ch.isascii() and ch.isprintable():
        return False
    if ch in _COMMON_SIGNS or ch in _VIET_MARKS:  # a tone left uncomposed (NFD copy-paste)
        return False
    category = unicodedata.category(ch)
    if category in ("Cc", "Co", "Cn", "Cs") or ch == "\ufffd":
        return True
    if category.startswith("L") or category == "Mn":
        decomposed = unicodedata.normalize("NFD", ch)
        base, marks = decomposed[0], decomposed[1:]
        return not (base.isascii() or base in _VIET_BASE) or any(m not in _VIET_MARKS for m in marks)
    # Signs: Latin-1's ¡-¿ (TCVN3 puts its vowels there) and the like; letter-like symbols and
    # dashes of other blocks pass (a document may have them, legacy text has none).
    return 0x00A0 <= ord(ch) <= 0x00FF


def _legacy_char(ch: str) -> bool:
    return 0x00A0 <= ord(ch) <= 0x00FF or 0x0152 <= ord(ch) <= 0x02DC  # Latin-1 and cp1252's extras


def _is_syllable(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [m for m in decomposed if m in _TONES]
    if len(tones) > 1:
        return False
    toneless = unicodedata.normalize("NFC", "".join(m for m in decomposed if m not in _TONES))
    return bool(_SYLLABLE.match(toneless))


_WORD = re.compile(r"\S+")
_PARTS = re.compile(r"[^\W\d_]+")


def judge_text(text: str) -> TextQuality:
    """How much of ``text`` reads as Vietnamese (see the module's docstring)."""
    text = unicodedata.normalize("NFC", text)
    chars = [ch for ch in text if not ch.isspace()]
    strange = [ch for ch in chars if _strange(ch)]
    strange_share = len(strange) / len(chars) if chars else 0.0
    lettered = syllables = 0
    words = _WORD.findall(text)
    for word in words:
        parts = _PARTS.findall(word)
        if not parts:
            continue
        lettered += 1
        if all(_is_syllable(p) for p in parts):
            syllables += 1
    share = syllables / lettered if lettered else 0.0
    problem: str | None = None
    if len(words) >= MIN_WORDS and (share < MIN_SYLLABLE_SHARE or strange_share > MAX_STRANGE_SHARE):
        legacy = sum(_legacy_char(ch) for ch in strange)
        problem = "legacy" if strange and legacy >= 0.6 * len(strange) else "unmapped"
    return TextQuality(words=len(words), syllable_share=share, strange_share=strange_share, problem=problem)

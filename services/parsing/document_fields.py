"""The header and footer fields of a party directive: number, type, issuer, date, subject,
marks, addressees, distribution list, signature, and the report's required contents.

Each function takes a ``Text`` (readable text + its folded twin + line offsets) and returns
plain values; ``document.parse_document`` assembles them. Matching runs on the folded text
(lowercase, no diacritics) and values are cut from the readable text at the same offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import accumulate

from .vn_text import collapse_spaces, fold, has_diacritics, in_singled_out_sentence

# ---------------------------------------------------------------------------------------
# Text with lines
# ---------------------------------------------------------------------------------------


class Line:
    """One line: offsets of its stripped text, the text, and its folded twin."""

    __slots__ = ("start", "end", "text", "folded")

    def __init__(self, start: int, end: int, text: str, folded: str):
        self.start, self.end, self.text, self.folded = start, end, text, folded


class Lines(Sequence):
    """Lines of a document, built on demand (a 100-page paste must not cost a Line object
    per line when only the header and footer are read)."""

    def __init__(self, cleaned: str, folded: str):
        self._folded = folded
        raw = cleaned.split("\n")
        self._starts = [0, *accumulate(len(r) + 1 for r in raw)][:-1]
        self._raw = raw
        self._cache: dict[int, Line] = {}

    def __len__(self) -> int:
        return len(self._raw)

    def _line(self, i: int) -> Line:
        ln = self._cache.get(i)
        if ln is None:
            raw = self._raw[i]
            lead = len(raw) - len(raw.lstrip())
            stripped = raw.strip()
            s = self._starts[i] + lead
            ln = Line(s, s + len(stripped), stripped, self._folded[s : s + len(stripped)])
            self._cache[i] = ln
        return ln

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._line(k) for k in range(*i.indices(len(self._raw)))]
        if i < 0:
            i += len(self._raw)
        if not 0 <= i < len(self._raw):
            raise IndexError(i)
        return self._line(i)

    def index_at(self, pos: int) -> int:
        """Index of the line containing character position ``pos``."""
        return max(0, bisect_right(self._starts, pos) - 1)


class Text:
    def __init__(self, cleaned: str, folded: str):
        self.cleaned = cleaned
        self.folded = folded
        self.lines = Lines(cleaned, folded)
        self.header_end = self._header_end()

    def _header_end(self) -> int:
        """Index of the first line past the header (title, V/v line, Kính gửi or body)."""
        for i, ln in enumerate(self.lines[:40]):
            f = _strip_deco(ln.folded)
            if _type_title(ln) or f.startswith("v/v") or f.startswith("kinh gui"):
                return i
            if len(ln.text) > 150:
                return i
        return min(len(self.lines), 40)


_DECO_LEAD = " \t\r\n\"'*_-–—(["
_DECO_TRAIL = " \t\r\n\"'*_)]"


def _strip_deco(s: str) -> str:
    """Without surrounding quotes, stars, dashes and brackets (str methods: O(stripped))."""
    return s.lstrip(_DECO_LEAD).rstrip(_DECO_TRAIL)


def _is_upper(s: str) -> bool:
    """Has letters and none of them lowercase; stops at the first lowercase letter."""
    return not any(c.islower() for c in s) and any(c.isalpha() for c in s)


# ---------------------------------------------------------------------------------------
# Number and type
# ---------------------------------------------------------------------------------------

TYPE_CODES = {
    "cv": "Công văn",
    "kh": "Kế hoạch",
    "nq": "Nghị quyết",
    "ct": "Chỉ thị",
    "tb": "Thông báo",
    "hd": "Hướng dẫn",
    "kl": "Kết luận",
    "qd": "Quyết định",
    "bc": "Báo cáo",
    "tt": "Thông tư",
    # the other named kinds of Nghị định 30/2020 (Phụ lục III) and of the party's Hướng dẫn
    # 36-HD/VPTW: "15-CTr/TU", "34/TTr-UBND", "05/CĐ-UBND", "12-ĐA/TU", "08/GM-UBND"
    "ctr": "Chương trình",
    "ttr": "Tờ trình",
    "cd": "Công điện",
    "da": "Đề án",
    "qc": "Quy chế",
    "gm": "Giấy mời",
}
# codes written in mixed case by those rules (and the Prime Minister's "TTg")
_MIXED_CASE_CODES = {"ctr": "CTr", "ttr": "TTr", "ttg": "TTg"}


def number_case(number: str) -> str:
    """A number in capitals, but for the codes the rules write in mixed case ("15-CTr/TU",
    "12/CĐ-TTg"), its dashes written as the hyphen the rules print ("31–HD/BTCTW" is 31-HD/BTCTW)."""
    number = re.sub(r"[\u2010-\u2015\u2212]", "-", number)
    return re.sub(r"[^\W\d_]+", lambda m: _MIXED_CASE_CODES.get(fold(m.group()), m.group().upper()), number)


# "QĐ" codes both a decision (Quyết định) and a regulation (Quy định, "97-QĐ/TW"): the title
# line or the type word before the number tells which.
# A contest's rules (Thể lệ) and a propaganda outline (Đề cương) carry no number code of their
# own but are titled with their kind like any other document.
_TYPE_TITLES = [(fold(name), name) for name in TYPE_CODES.values()] + [
    ("quy dinh", "Quy định"),
    ("the le", "Thể lệ"),
    ("de cuong", "Đề cương"),
]

# "Số 141 - CV/ĐUK", "Số: 54-KH/ĐUK" (party style) or "Số: 12/QĐ-UBND" (state style), at the
# start of a line (or of a table cell flattened onto a line).
# Written so that no two quantifiers compete for the same spaces: a run of blanks must never
# be re-scanned from each of its positions (that is how "Số" + 100k spaces took minutes).
_CELL_START = r"(?:^[ \t]*|(?<=[ \t]{2})|(?<=\t)|(?<=\|)[ \t]?)"
# The number field: "Số 141 - CV/ĐUK", "Số: 54-KH/ĐUK" (party), "Số: 12/QĐ-UBND",
# "Số: 06/2024/QĐ-UBND" (state), at the start of a line or table cell, or anywhere when the
# label is written "Số" with a capital (a header flattened onto one line: "... Hạnh phúc Số :
# 2917 /SGDĐT-VP"). Copy-paste splits it across lines ("Số:" / "06/2024/QĐ-UBND", "Số: 16 -"
# / "HD/BTCTW") and PDFs drop hyphens ("1961/QĐUBND", "Số 09 KH/ĐU").
# Written so that no two quantifiers compete for the same spaces: a run of blanks must never
# be re-scanned from each of its positions (that is how "Số" + 100k spaces took minutes).
NUMBER_RE = re.compile(
    rf"(?:{_CELL_START}|(?<=\s))(?:\*[ \t]*)?so[ \t]*(?::[ \t]*)?(?:\n[ \t]*)?(?P<n>\d{{1,5}})[ \t]?"
    # (a unit's code may end in digits: "1502/KH-CAT-PV01")
    r"(?:-?\s?(?P<pt>[a-z]{1,6})\s?/\s?(?P<pi>[a-z](?:[a-z]|&(?=[a-z])){0,11}(?:\s?-\s?[a-z](?:[a-z\d]|&(?=[a-z])){0,11})?)"
    r"|/\s?(?:(?P<yr>\d{4})\s?/\s?)?(?P<st>[a-z]{1,6})\s?-\s?(?P<si>[a-z](?:[a-z]|&(?=[a-z])){0,11}(?:\s?-\s?[a-z](?:[a-z\d]|&(?=[a-z])){0,11})?)"
    r"|/\s?(?P<glued>[a-z]{3,14}))"
    r"(?![a-z\d])",
    re.M,
)


@dataclass(frozen=True)
class Number:
    text: str  # "141-CV/ĐUK"
    type_code: str  # folded: "cv"
    issuer_code: str  # folded: "duk"


def _header_limit(doc: Text) -> int:
    """End of the header region (a few lines past it), capped: it is a short block."""
    if not doc.lines:
        return 0
    return min(doc.lines[min(len(doc.lines), doc.header_end + 3) - 1].end, 6000)


def _number_region(doc: Text) -> int:
    """Where the header fields may be: the header block, or the first 4000 characters when
    a page's menus and site notes come before it."""
    return min(len(doc.folded), max(_header_limit(doc), 4000))


def find_number(doc: Text) -> Number | None:
    limit = _number_region(doc)
    for m in NUMBER_RE.finditer(doc.folded, 0, limit):
        if (
            m.start()
            and doc.folded[m.start()] == "s"
            and doc.cleaned[m.start()] != "S"
            and not re.match(r"[ \t]*$|.*\|[ \t]*$", doc.folded[doc.folded.rfind("\n", 0, m.start()) + 1 : m.start()])
        ):
            continue  # "... Nghị định số 61/2018/NĐ-CP": a cited number inside a sentence
        if number := _number_of(doc, m):
            return number
    return None


def number_from_text(number: str) -> Number | None:
    """The parts of a number read from running text ("41/NQ-HĐBCQG", "27-HD/BTGDVTW")."""
    cleaned = "Số " + number
    doc = Text(cleaned, fold(cleaned))
    m = NUMBER_RE.match(doc.folded)
    return _number_of(doc, m) if m else None


def _number_of(doc: Text, m: re.Match) -> Number | None:
    def cut(name: str) -> str:
        code = re.sub(r"\s+", "", doc.cleaned[m.start(name) : m.end(name)]).upper()
        return _MIXED_CASE_CODES.get(fold(code), code)

    if m["pt"]:
        text = f"{m['n']}-{cut('pt')}/{cut('pi')}"
        return Number(text, m["pt"], re.sub(r"\s+", "", m["pi"]))
    if m["st"]:
        year = f"{m['yr']}/" if m["yr"] else ""
        text = f"{m['n']}/{year}{cut('st')}-{cut('si')}"
        return Number(text, m["st"], re.sub(r"[\s-]+", "", m["si"]))
    glued = m["glued"]
    code = next(
        (c for c in sorted(TYPE_CODES, key=len, reverse=True) if glued.startswith(c) and len(glued) - len(c) >= 2), None
    )
    if code is None:
        # "Số: 1823/UBND", "Số: 215/PGDĐT": a state letter's number is the issuer's code
        # alone, no type code (initials, written in capitals)
        raw_code = doc.cleaned[m.start("glued") : m.end("glued")]
        if glued in _STATE_ISSUER_CODES or (raw_code.isupper() and len(glued) >= 3):
            return Number(f"{m['n']}/{cut('glued')}", "", glued)
        return None
    raw = cut("glued")
    return Number(f"{m['n']}/{raw[: len(code)]}-{raw[len(code) :]}", code, glued[len(code) :])


# codes of the named kinds of document beyond TYPE_CODES: chương trình, tờ trình, giấy mời,
# công điện, đề án, phương án, quy chế, biên bản, giấy chứng nhận...
_ALL_TYPE_CODES = set(TYPE_CODES) | {"ctr", "ttr", "tr", "gm", "cd", "da", "pa", "qc", "bb", "gcn", "gxn", "hd", "kh"}
# issuer codes that stand alone after a letter's number ("1823/UBND")
_STATE_ISSUER_CODES = {"ubnd", "hdnd", "ubmttq", "vpubnd"}


def _type_title(ln: Line) -> str | None:
    """ "KẾ HOẠCH" / "THÔNG BÁO KẾT LUẬN" title line -> the type's Vietnamese name."""
    if len(ln.folded) > 80:
        return None
    f = _strip_deco(ln.folded).rstrip(" :")
    if not f or len(f) > 60 or not _is_upper(ln.text):
        return None
    for key, name in _TYPE_TITLES:
        if f == key or f.startswith(key + " "):
            return name
    return None


def find_doc_type(doc: Text, number: Number | None) -> str | None:
    if number and number.type_code in TYPE_CODES:
        if number.type_code == "qd":
            return _decision_or_regulation(doc, number)
        return TYPE_CODES[number.type_code]
    for ln in doc.lines[:60]:
        if name := _type_title(ln):
            return name
    for ln in doc.lines[:40]:
        # only letters carry a "V/v" (về việc) subject line, also after the place-date of a
        # header flattened onto one line ("... ngày 05 tháng 11 năm 2010 V/v báo cáo nhanh ...")
        if _strip_deco(ln.folded).startswith("v/v") or _FLAT_VV.search(ln.folded[:3000]):
            return "Công văn"
    if number and "/" in number.text.split("-", 1)[0] and number.type_code not in _ALL_TYPE_CODES:
        return "Công văn"  # a state number with no type code ("1823/UBND", "2221/UBND-TH") is a letter's
    return _title_line_type(doc) or _letter_opening(doc)


def _decision_or_regulation(doc: Text, number: Number) -> str:
    for ln in doc.lines[:60]:
        if (name := _type_title(ln)) in ("Quyết định", "Quy định"):
            return name
    digits = re.match(r"\d+", number.text)
    if digits:
        m = re.search(rf"\b(quyet|quy)\s+dinh\s+(?:so\s*:?\s*)?{digits.group(0)}\s?[-/]", doc.folded[:20000])
        if m and m.group(1) == "quy":
            return "Quy định"
    return "Quyết định"


_FLAT_VV = re.compile(r"\bnam\s+\d{4}\s+v\s?/\s?v\b")


def _title_line_type(doc: Text) -> str | None:
    """A page whose first line is the document's title in sentence case ("Kế hoạch triển khai
    công tác bầu cử ..."): the type it opens with. A title is one line, not a sentence (no
    closing stop), and the type word is followed by what the document is about."""
    first = _first_content_line(doc)
    if first is None or len(first.text) > 250 or first.text.rstrip().endswith((".", ":", ";", "?", "!")):
        return None
    for key, name in _TYPE_TITLES:
        if (
            # ("Thông báo: Về việc hướng dẫn ...": the type, a colon, then what it is about)
            (first.folded.startswith(key + " ") or re.match(re.escape(key) + r"\s?:\s*\S", first.folded))
            and first.text[:1].isupper()
            and not re.match(r"\s*(?:so\b|\d)", first.folded[len(key) :])
            and key != "bao cao"  # "Báo cáo viên ...", "Báo cáo tình hình ...": news, not a title
        ):
            return name
    return None


_CRUMB = re.compile(r"\s(?:>|»|›|/|\|)\s")
_DASH_CRUMB = re.compile(r"\s[-–]\s")
_POST_STAMP = re.compile(r"(?:ngay\s+dang|dang\s+(?:luc|ngay)|cap\s+nhat(?:\s+luc)?|luot\s+xem)\s*:")


_WIDGET = (
    r"(?:xem\s+voi\s+)?co\s+chu|doc\s+bai(?:\s+viet)?|nghe\s+(?:doc\s+)?bai(?:\s+viet)?|in\s+bai(?:\s+viet)?|"
    r"ban\s+in|chia\s+se|tuong\s+phan|gui\s+bai(?:\s+viet)?|luu\s+bai(?:\s+viet)?|[aA]\s?[-+]?"
)
_WIDGETS = re.compile(rf"(?:{_WIDGET})(?:[\s|:,]+(?:{_WIDGET}))*[\s|:]*")


def _first_content_line(doc: Text) -> Line | None:
    """The first line that is not a site's menu or breadcrumb ("Trang chủ", "Tin tức > Thông
    báo"): a short line of at most three words that opens with no document type, or a line of
    crumbs; at most four are passed over."""
    skipped = 0
    for ln in doc.lines[:20]:
        if not ln.text:
            continue
        words = ln.folded.split()
        opens_type = any(ln.folded.startswith(key + " ") or ln.folded == key for key, _ in _TYPE_TITLES)
        crumb = bool(_CRUMB.search(ln.text)) and len(ln.text) < 120
        # "Chi tiết tin - Xã A - Huyện B": a dashed trail of the site's sections
        crumb = crumb or (not opens_type and len(_DASH_CRUMB.findall(ln.text)) >= 2 and len(ln.text) < 120)
        # "Ngày đăng: 21/01/2021 - Lượt xem: 87": the post's stamp, no title
        stamp = bool(_POST_STAMP.match(ln.folded))
        # "Xem với cỡ chữ", "Cỡ chữ  Đọc bài viết  In bài viết": the page's reading widgets
        stamp = stamp or bool(_WIDGETS.fullmatch(ln.folded.strip()))
        if skipped < 4 and ((len(words) <= 3 and not opens_type) or crumb or stamp):
            skipped += 1
            continue
        return ln
    return None


# A page titled with the document's type, its mark and its date, no number: "Thông báo Khẩn
# ngày 18/10/2020", "Công văn hỏa tốc ngày 5 tháng 8 năm 2021".
_TITLE_DATE = re.compile(
    r"(?P<type>[a-z ]+?)(?:\s+(?P<mark>thuong\s+khan|khan|hoa\s+toc))?\s*,?\s+ngay\s+(?P<d>\d{1,2})"
    r"(?:\s?[/.\-]\s?(?P<m>\d{1,2})\s?[/.\-]\s?|\s+thang\s+(?P<mw>\d{1,2})\s*,?\s+nam\s+)(?P<y>(?:19|20)\d\d)[\s.]*$"
)
_TITLE_KEYS = {key: name for key, name in _TYPE_TITLES}


def find_title_date(doc: Text) -> tuple[str | None, str | None, date | None]:
    """(type, urgency mark, date) of a title line naming only a type, a mark and a date."""
    first = _first_content_line(doc)
    if first is None or len(first.text) > 80 or not first.text[:1].isupper():
        return None, None, None
    m = _TITLE_DATE.match(first.folded)
    if not m or (name := _TITLE_KEYS.get(m["type"].strip())) is None:
        return None, None, None
    mark = None
    if m["mark"]:
        written = first.text[m.start("mark") : m.end("mark")]
        mark = _mark_of(written, _URGENT_ACCENTED, _URGENT)
    try:
        issued = date(int(m["y"]), int(m["m"] or m["mw"]), int(m["d"]))
    except ValueError:
        issued = None
    return name, mark, issued


def _letter_opening(doc: Text) -> str | None:
    """A text opening with "Kính gửi:" and no type title: the body of a letter (Công văn)."""
    first = next((ln for ln in doc.lines[:5] if ln.text), None)
    if first is not None and re.match(r"kinh\s+gui\s*:", _strip_deco(first.folded)):
        return "Công văn"
    return None


# ---------------------------------------------------------------------------------------
# Date of issue: the place-date line "Đà Nẵng, ngày 03 tháng 8 năm 2021".
# ---------------------------------------------------------------------------------------

# (or, in a header flattened onto one line, right after the motto: "... ĐẢNG CỘNG SẢN VIỆT NAM
# La Bằng, ngày 24 tháng 11 năm 2020", "... Hạnh phúc Hà Nội, ngày ...")
ISSUED_RE = re.compile(
    rf"(?:{_CELL_START}|(?<=viet nam )|(?<=hanh phuc )|(?<=--- ))"
    # (a district known by its number: "Quận 3, ngày ..."; "Trước đó, ngày 5/7/2017, ..." opens a
    # sentence about an earlier time, no place)
    r"(?!(?:truoc\s+(?:do|day)|sau\s+do|hom\s+(?:nay|qua)|cach\s+day)\s*,)"
    rf"[a-z][a-z .'\-]{{1,40}}(?:(?<=quan )\d{{1,2}}|(?<=phuong )\d{{1,2}})?,[ \t]*ngay\s+(?P<d>\d{{1,2}})\s*"
    r"(?:thang\s*(?P<m>\d{1,2})\s+nam\s+(?P<y>\d{4})|/\s?(?P<m2>\d{1,2})\s?/\s?(?P<y2>\d{4}))",
    re.M,
)


# A date line with no place before it ("Ngày 01 tháng 12 năm 2026"), right under the motto,
# the number or the "*" of the header: where the place-date line stands.
_BARE_DATE_LINE = re.compile(r"^[\s*]*ngay\s+(?P<d>\d{1,2})\s+thang\s+(?P<m>\d{1,2})\s+nam\s+(?P<y>\d{4})[\s.]*$")
_ABOVE_DATE = re.compile(r"^[\s*]*(?:dang\s+cong\s+san\s+viet\s+nam|doc\s+lap\s*[-–]|so\s*:?\s*\d|\*+[\s*]*$)")


def _bare_date_line(doc: Text) -> re.Match[str] | None:
    limit = _header_limit(doc)
    above = None
    for ln in doc.lines:
        if ln.start >= limit:
            break
        if not ln.text:
            continue
        m = _BARE_DATE_LINE.match(ln.folded)
        if m and above is not None and _ABOVE_DATE.match(above):
            return m
        above = ln.folded
    return None


# the place-date field with nothing before it: right after the number of a header flattened
# onto one line ("... Số : 2917 /SGDĐT-VP Phan Rang-Tháp Chàm, ngày 05 tháng11 năm 2010 V/v ...")
_PLACE_DATE = re.compile(
    r"[ \t]*[a-z][a-z .'\-]{1,40},[ \t]*ngay\s+(?P<d>\d{1,2})\s*"
    r"(?:thang\s*(?P<m>\d{1,2})\s+nam\s+(?P<y>\d{4})|/\s?(?P<m2>\d{1,2})\s?/\s?(?P<y2>\d{4}))"
)


def _date_after_number(doc: Text) -> re.Match[str] | None:
    for n in NUMBER_RE.finditer(doc.folded, 0, _number_region(doc)):
        if m := _PLACE_DATE.match(doc.folded, n.end()):
            return m
    return None


# A legal database's property field: "Ngày ban hành: | 18/01/2025", "- Ngày ban hành: 16-03-2001"
# (a label, then a colon or a table cell; "ngày ban hành văn bản" in a sentence is no field)
_ISSUED_FIELD = re.compile(
    r"(?:^|(?<=\|)|(?<=\s\s))[ \t\-*]*ngay\s+ban\s+hanh\s*(?::\s*\|?|\|)[ \t]*"
    r"(?P<d>\d{1,2})\s?[/.\-]\s?(?P<m>\d{1,2})\s?[/.\-]\s?(?P<y>(?:19|20)\d\d)(?!\d)",
    re.M,
)
# Every "Ngày ban hành:" field holds these words: a header without them is told in one
# linear scan, where the field pattern would retry its run of blanks at each of thousands of
# spaces (quadratic on a page of blanks).
_ISSUED_FIELD_WORDS = re.compile(r"ngay\s+ban\s+hanh")


def _issued_field(doc: Text) -> re.Match[str] | None:
    if not _ISSUED_FIELD_WORDS.search(doc.folded, 0, 20000):
        return None
    return _ISSUED_FIELD.search(doc.folded, 0, 20000)


def find_issued_on(doc: Text) -> tuple[date | None, str | None]:
    """(date, warning). The place-date line is in the header; a blank template or an
    impossible date gives None (with a warning for the latter). With no such line, a
    database's "Ngày ban hành:" field."""
    m = (
        ISSUED_RE.search(doc.folded, 0, _number_region(doc))
        or _bare_date_line(doc)
        or _date_after_number(doc)
        or _issued_field(doc)
    )
    if not m:
        return None, None
    groups = m.groupdict()
    d, mo, y = int(m["d"]), int(groups.get("m") or groups["m2"]), int(groups.get("y") or groups["y2"])
    try:
        return date(y, mo, d), None
    except ValueError:
        return None, f"ngày {d}/{mo}/{y} không tồn tại"


# ---------------------------------------------------------------------------------------
# Subject
# ---------------------------------------------------------------------------------------

_OPEN_Q = "\"'“‘«"
_CLOSE_Q = "\"'”’»"


def _unquote(s: str) -> str:
    s = collapse_spaces(s)
    if s and s[0] in _OPEN_Q:
        s = s[1:]
        if s and s[-1] in _CLOSE_Q:
            s = s[:-1]
        elif s.endswith(tuple(q + "." for q in _CLOSE_Q)):
            s = s[:-2]
    return s.strip()


_BLOCK_BREAK = re.compile(r"[-+•]\s|\d{1,2}\s?\.\s|[ivx]{1,4}\.\s")  # a list item / heading
# Header fields that a two-column header flattened onto single lines (a PDF copied as text)
# puts right under the subject: the national motto, a place-date line ("Quảng Nam, ngày 02
# tháng 12 năm 2026"), a number line ("Số: 12/UBND") or the "*" under the issuing body.
_HEADER_FIELD = re.compile(
    r"(?:cong\s+hoa\s+xa\s+hoi|dang\s+cong\s+san\s+viet\s+nam|doc\s+lap\s*[-–]\s*tu\s+do|"
    r"so\s*:?\s*\d|\*+\s*$|[^,]{1,40},\s*ngay\s*(?:\d{1,2}|\.+|…)?\s*(?:thang|/))"
)


def _block_after(doc: Text, i: int, *, first: str = "", max_lines: int = 6) -> list[str]:
    """Lines of the block starting after line i (blank lines before it skipped) up to the
    next blank line, a list item, a long body paragraph or a mark line."""
    parts = [first] if first else []
    j = i + 1
    while not parts and j < len(doc.lines) and not doc.lines[j].text:
        j += 1
    while j < len(doc.lines) and len(parts) < max_lines:
        ln = doc.lines[j]
        f = _strip_deco(ln.folded)
        if not ln.text or len(ln.text) > 250 or _mark(ln):
            break
        if f.startswith(("kinh gui", "can cu ")) or _BLOCK_BREAK.match(ln.folded):
            break
        if _HEADER_FIELD.match(f) or _HEADER_FIELD.match(ln.folded.strip()):
            break
        if parts and f.startswith("thuc hien ") and len(ln.text) > 120:
            break
        if parts and (_SIGN_ANCHOR.match(ln.folded) or _opens_body(parts[-1], ln.text)):
            break
        parts.append(ln.text)
        j += 1
    return parts


#: Words a title line may end on while its next line goes on with the same phrase.
_RUNS_ON = {"cua", "ve", "va", "cac", "trong", "tai", "so", "theo", "cho", "voi", "doi", "nam", "ngay", "thang"}


def _opens_body(previous: str, line: str) -> bool:
    """A sentence of the body right under the title (no blank line between): it starts with a
    capital, is not an all-caps title line, and labels something ("Nội dung ...: ...") or ends
    a sentence while the title line before it is complete (not ending on "của", "về", ",")."""
    words = line.split()
    if not words or not words[0][:1].isupper() or line.isupper():
        return False
    if re.search(r"\w:\s+\S", line):
        return True
    last = fold(previous.rstrip()).split()[-1:] if previous.strip() else []
    runs_on = previous.rstrip().endswith((",", "-", "–")) or (last and last[0] in _RUNS_ON)
    return line.rstrip().endswith(".") and not runs_on


def find_subject(doc: Text, doc_type: str | None) -> str | None:
    # "V/v ..." (về việc) line(s) of a letter: kept with the "V/v" prefix, quotes removed.
    for i, ln in enumerate(doc.lines[:60]):
        f = _strip_deco(ln.folded)
        if f.startswith("v/v"):
            parts = _block_after(doc, i, first=ln.text.lstrip(" *"))
            text = _unquote(" ".join(parts))
            return text.rstrip(" .") or None
    # Otherwise the title block under "KẾ HOẠCH" / "NGHỊ QUYẾT" ...
    for i, ln in enumerate(doc.lines[:60]):
        name = _type_title(ln)
        if not name:
            continue
        rest = _strip_deco(ln.text)[len(name) :].strip(" :-–")
        parts = _block_after(doc, i, first=rest)
        text = _unquote(" ".join(parts)).rstrip(" .")
        if text:
            return text[0].upper() + text[1:]
        return None
    return None


# ---------------------------------------------------------------------------------------
# Urgency and secrecy marks: printed as a standalone stamp line, never words inside prose.
# ---------------------------------------------------------------------------------------

_URGENT = {"thuong khan": "THƯỢNG KHẨN", "khan": "KHẨN", "hoa toc": "HỎA TỐC"}
_SECRET = {"tuyet mat": "TUYỆT MẬT", "toi mat": "TỐI MẬT", "mat": "MẬT"}
# Accented spellings (lowercase NFC) that may print each mark; both tone placements of HỎA.
_URGENT_ACCENTED = {"thượng khẩn": "THƯỢNG KHẨN", "khẩn": "KHẨN", "hỏa tốc": "HỎA TỐC", "hoả tốc": "HỎA TỐC"}
_SECRET_ACCENTED = {"tuyệt mật": "TUYỆT MẬT", "tối mật": "TỐI MẬT", "mật": "MẬT"}


def _mark_of(cell: str, accented: dict, plain: dict) -> str | None:
    if len(cell) > 40:
        return None
    cell = _strip_deco(cell).strip(" .:!")
    if not cell or len(cell) > 14:
        return None
    if has_diacritics(cell):
        return accented.get(cell.lower())
    # Unaccented only counts when typed as a stamp (all caps): "KHAN", "MAT".
    return plain.get(cell.lower()) if cell.isupper() else None


def _cells(ln: Line) -> list[str]:
    # A table row flattened onto one line separates its cells by runs of spaces or tabs.
    if len(ln.text) > 200:  # a body paragraph, not a header row
        return [ln.text]
    return [c for c in re.split(r"\s{2,}|\t", ln.text) if c.strip()]


def _is_mark(cell: str) -> bool:
    return bool(_mark_of(cell, _URGENT_ACCENTED, _URGENT) or _mark_of(cell, _SECRET_ACCENTED, _SECRET))


def _mark(ln: Line) -> bool:
    return any(_is_mark(c) for c in _cells(ln))


def find_marks(doc: Text) -> tuple[str | None, str | None]:
    urgent = secret = None
    for ln in doc.lines[:80]:
        for cell in _cells(ln):
            urgent = urgent or _mark_of(cell, _URGENT_ACCENTED, _URGENT)
            secret = secret or _mark_of(cell, _SECRET_ACCENTED, _SECRET)
    return urgent, secret


# ---------------------------------------------------------------------------------------
# Kính gửi / Nơi nhận
# ---------------------------------------------------------------------------------------

_ITEM = re.compile(r"^[-+•–]\s*")


def _clean_item(s: str) -> str:
    return collapse_spaces(s).strip(" ,;.")


def _is_signature_line(ln: Line) -> bool:
    f = ln.folded
    return bool(_SIGN_ANCHOR.match(f)) or (_is_upper(ln.text) and not _ITEM.match(ln.text))


def find_addressees(doc: Text) -> list[str]:
    """Items of "Kính gửi:". Split on "- " items (one per line) and on ";"; commas are kept
    inside an item because they join parts of one group ("Các chi, đảng bộ cơ sở")."""
    for i, ln in enumerate(doc.lines[:80]):
        lead = len(ln.text) - len(ln.text.lstrip("*\"'“‘ "))
        m = re.match(r"kinh\s+gui\s*:?\s*", ln.folded[lead:])
        if not m:
            continue
        first = ln.text[lead + m.end() :].strip()
        raw_items: list[str] = []
        if first:
            raw_items.append(first)
        j = i + 1
        while j < len(doc.lines):
            nxt = doc.lines[j]
            if not nxt.text:
                if raw_items:
                    break
                j += 1
                continue
            if len(raw_items) >= 50:  # no real letter has more; bounds the work
                break
            if _ITEM.match(nxt.text):
                raw_items.append(nxt.text)
            elif (
                raw_items
                and not raw_items[-1].rstrip().endswith((".", ";"))
                and not _is_signature_line(nxt)
                and len(nxt.text) < 120
            ):
                raw_items[-1] += " " + nxt.text  # a wrapped item
            else:
                break
            j += 1
        out: list[str] = []
        for item in raw_items:
            for part in item.split(";"):
                part = _clean_item(_ITEM.sub("", part.strip()))
                if part:
                    out.append(part)
        return out
    return []


_NOI_NHAN = re.compile(r"^[ \t*\"'(\[]*noi\s+nhan\b", re.M)


def find_recipients(doc: Text) -> list[str]:
    """Items of "Nơi nhận:", without the filing line ("Lưu VT", "Lưu Văn phòng")."""
    headings = list(_NOI_NHAN.finditer(doc.folded))
    last = headings[-1] if headings else None  # the last one: the list at the end
    if last is None:
        return []
    start = doc.lines.index_at(last.end() - 1)
    ln = doc.lines[start]
    after = ln.text.split(":", 1)[1].strip() if ":" in ln.text else ""
    items: list[str] = [after] if after else []
    prev_blank = False
    for nxt in doc.lines[start + 1 : start + 200]:
        if not nxt.text:
            prev_blank = True
            continue
        if _ITEM.match(nxt.text):
            items.append(_ITEM.sub("", nxt.text))
        elif items and not prev_blank and not _is_signature_line(nxt) and len(nxt.text) < 120:
            items[-1] += " " + nxt.text  # a wrapped item ("Phó CTUBNDTP (để b/c)")
        else:
            break
        prev_blank = False
    out = []
    for item in items:
        item = _clean_item(item)
        if item and not re.match(r"luu\b", fold(item)):
            out.append(item)
    return out


# ---------------------------------------------------------------------------------------
# Signature block
# ---------------------------------------------------------------------------------------

# T/M (thay mặt), K/T (ký thay), T/L (thừa lệnh), TUQ (thừa ủy quyền), Q. (quyền)
_SIGN_ANCHOR = re.compile(r"^[\s*\"]*(?:t/m|k/t|t/l|tm\.|kt\.|tl\.|tuq\.?|q\.)\s", re.I)
_TITLE_WORDS = (
    r"(?:pho\s+)?(?:bi\s+thu|truong\s+ban|chanh\s+van\s+phong|chu\s+tich|chu\s+nhiem|"
    r"truong\s+phong|giam\s+doc|thu\s+truong|uy\s+vien)(?:\s+thuong\s+truc)?"
)
_TITLES = re.compile(rf"^{_TITLE_WORDS}\b")
_TITLE_AT_END = re.compile(rf"\b{_TITLE_WORDS}\s*$")
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_A-Z]*$")


def _name_like(s: str) -> bool:
    words = s.split()
    if not 2 <= len(words) <= 5 or _is_upper(s):
        return False
    return all(_NAME_WORD.match(w) and w[0].isupper() and not any(c.isupper() for c in w[1:]) for w in words)


def _title_case(s: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() for w in s.split())


def find_signature(doc: Text) -> tuple[str | None, str | None]:
    """(signer, title) from the signature block that closes the document.

    The block opens with "T/M ...", "K/T ...", "T/L ..." (or, lacking one, a title line).
    Title: the last title line before the name ("BÍ THƯ"; "PHÓ BÍ THƯ" under "K/T BÍ
    THƯ"), returned in capitals as printed on the seal. Signer: the fullest name-like line
    after it — the block may also hold a transcribed signature ("Thanh Xuân" above
    "Nguyễn Thanh Xuân"); a name printed in capitals is returned in title case.
    """
    lines = doc.lines
    anchor = None
    # the signature block closes the document: look in its last lines only
    for i in range(len(lines) - 1, max(-1, len(lines) - 400), -1):
        if _SIGN_ANCHOR.match(lines[i].folded):
            anchor = i
            break
    if anchor is None:
        for i in range(len(lines) - 1, max(-1, len(lines) - 60), -1):
            if len(lines[i].text) <= 40 and _TITLES.match(_strip_deco(lines[i].folded)):
                anchor = i
                break
    if anchor is None:
        return None, None
    head = lines[anchor]
    title = None
    if not _SIGN_ANCHOR.match(head.folded):
        title = _strip_deco(head.text)
    elif m := _TITLE_AT_END.search(head.folded):  # "T/M BAN THƯỜNG VỤ BÍ THƯ" on one line
        title = head.text[m.start() : m.end()]
    names: list[str] = []
    seen = 0
    for ln in lines[anchor + 1 : anchor + 40]:
        if not ln.text:
            continue
        seen += 1
        if seen > 10 or ":" in ln.text or _ITEM.match(ln.text) or ln.folded.startswith("noi nhan"):
            break
        cand = _strip_deco(ln.text)
        is_title = _TITLES.match(_strip_deco(ln.folded))
        if (
            not names
            and len(cand) <= 40
            and (is_title or (_is_upper(cand) and not (title and _name_like(_title_case(cand)))))
        ):
            title = cand
        elif _name_like(cand):
            names.append(cand)
        elif _is_upper(cand) and _name_like(_title_case(cand)):
            names.append(_title_case(cand))
    signer = max(reversed(names), key=lambda n: len(n.split())) if names else None
    return signer, title.upper() if title else None


# ---------------------------------------------------------------------------------------
# Issuer
# ---------------------------------------------------------------------------------------

_LEVELS = [  # folded code -> name, longest first so "duk" wins over "du"
    ("duk", "Đảng ủy Khối"),
    ("tw", "Trung ương"),
    ("tu", "Tỉnh ủy"),
    ("thu", "Thành ủy"),
    ("qu", "Quận ủy"),
    ("hu", "Huyện ủy"),
    ("txu", "Thị xã ủy"),
    ("du", "Đảng ủy"),
]
_ORGANS = [
    ("btg", "Ban Tuyên giáo"),
    ("btc", "Ban Tổ chức"),
    ("bdv", "Ban Dân vận"),
    ("bnc", "Ban Nội chính"),
    ("ubkt", "Ủy ban Kiểm tra"),
    ("vp", "Văn phòng"),
    ("bcd", "Ban Chỉ đạo"),
]


def issuer_from_code(code: str, doc: Text | None = None) -> str | None:
    """ "duk" -> "Đảng ủy Khối", "btgtw" -> "Ban Tuyên giáo Trung ương", "qu" -> "Quận ủy".

    "TU" is used by both provincial (Tỉnh ủy) and city (Thành ủy) committees: the one the
    document's own text names more often is chosen.
    """
    code = code.lower().replace("-", "")
    organ = ""
    for oc, oname in _ORGANS:
        if code.startswith(oc) and len(code) > len(oc):
            organ, code = oname, code[len(oc) :]
            break
    level = next((name for c, name in _LEVELS if c == code), None)
    if level is None:
        return None
    if level == "Tỉnh ủy" and doc is not None:
        if doc.folded.count("thanh uy") > doc.folded.count("tinh uy"):
            level = "Thành ủy"
    return f"{organ} {level}".strip()


_COMMITTEE = r"(?:dang\s+uy(?:\s+khoi)?|quan\s+uy|huyen\s+uy|tinh\s+uy|thanh\s+uy|thi\s+uy)"
_NOT_NAME = (  # words that end an organ's name: prepositions and the verbs that follow it
    r"(?!(?:ve|cua|tai|theo|trong|tren|den|voi|da|vua|cung|moi|dang|ban\s+hanh|xay\s+dung|yeu\s+cau|de\s+nghi|"
    r"trien\s+khai|thuc\s+hien|chi\s+dao|huong\s+dan|thong\s+bao|quyet\s+dinh|giao)\b)"
)
# a committee's own organ named before it: "Ban Tuyên giáo Tỉnh ủy", "UBKT Đảng ủy Khối ..."
# (since 2025 the propaganda and mass-mobilisation boards are one: "Ban Tuyên giáo và Dân vận")
_PARTY_ORGAN = (
    r"(?:ban\s+(?:tuyen\s+giao(?:\s+va\s+dan\s+van)?|to\s+chuc|dan\s+van|noi\s+chinh)"
    r"|uy\s+ban\s+kiem\s+tra|ubkt|van\s+phong)"
)
# "và" may sit inside a name ("Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh An Giang"): the
# issuing verb right after the name is what ends it.
_BODY = rf"(?P<body>(?:{_PARTY_ORGAN}\s+)?{_COMMITTEE}(?:\s+{_NOT_NAME}[^\s,.;:()/\"]+){{0,9}})"
# "Ban Thường vụ Đảng ủy Khối ... ban hành Kế hoạch", "Ban Thường vụ Quận ủy xây dựng kế
# hoạch", "Trên đây là Kế hoạch của Quận ủy Hà Đông". A committee after "của" elsewhere is
# the author of a cited document and is ignored.
ISSUING_RE = re.compile(
    rf"(?=[bdqhtuv])(?<!cua\s)(?:\b(?:ban\s+thuong\s+vu|ban\s+chap\s+hanh|thuong\s+truc)\s+)?"
    rf"\b{_BODY}\s+(?:(?:da|vua|moi|cung|dang)\s+)*"
    r"(?:ban\s+hanh|xay\s+dung\s+ke\s+hoach|yeu\s+cau|de\s+nghi)\b"
)
CLOSING_RE = re.compile(
    r"\btren\s+day\s+la\s+(?:ke\s+hoach|cong\s+van|nghi\s+quyet|chi\s+thi|thong\s+bao|"
    rf"huong\s+dan|ket\s+luan|quyet\s+dinh|bao\s+cao)\s+(?:cua\s+)?"
    rf"(?:ban\s+thuong\s+vu\s+)?\b{_BODY}"
)
# ("xã hội", society, is no commune: "Bảo hiểm xã hội")
_PLACE_WORDS = r"(?:thanh\s+pho|tinh|quan|huyen|phuong|xa(?!\s+hoi\b)|thi\s+xa|thi\s+tran)"
# ends with a place noun but no name: "Đảng ủy Khối các cơ quan thành phố" ("cơ quan" is
# "agency", not "district")
_PLACE_NOUN = re.compile(rf"(?<!co\s)\b{_PLACE_WORDS}$")
# names its place: "... thành phố Đà Nẵng", "Quận ủy Hà Đông", "Đảng ủy phường Văn Quán"
_HAS_PLACE = re.compile(rf"(?<!co\s)\b{_PLACE_WORDS}\s+\S")
_UNIT_EXT = re.compile(r"\bdang\s+uy\s+(?P<ext>phuong|xa|thi\s+tran|khoi)\b")


def _body_casing(doc: Text, folded_phrase: str) -> str | None:
    """The phrase as written in running text (mixed case), found by its folded form."""
    pat = re.compile(r"\b" + re.escape(folded_phrase).replace(r"\ ", r"\s+") + r"\b")
    for m in pat.finditer(doc.folded):
        s = doc.cleaned[m.start() : m.end()]
        if not _is_upper(s):
            return collapse_spaces(s)
    return None


# Fixed names whose capitalisation sentence case would lose.
_FIXED_CASE = {
    fold(n): n
    for n in (
        "Ban Tuyên giáo",
        "Ban Tổ chức",
        "Ban Dân vận",
        "Ban Nội chính",
        "Ủy ban Kiểm tra",
        "Văn phòng",
        "Trung ương",
        "Ban Thường vụ",
        "Ban Chấp hành",
        "Ban Chỉ đạo",
        "Đảng ủy Khối",
        "Đảng bộ Khối",
        "UBND",
        "HĐND",
        "UBKT",
        "UBMTTQ",
        "Bảo hiểm xã hội",
        "Kho bạc Nhà nước",
        "Việt Nam",
    )
}
# A proper name follows these: "Quận ủy Hà Đông", "thành phố Đà Nẵng", "phường Văn Quán".
_NAMED_AFTER = {
    "quan uy",
    "huyen uy",
    "tinh uy",
    "thanh uy",
    "thi uy",
    "thanh pho",
    "tinh",
    "quan",
    "huyen",
    "phuong",
    "xa",
    "thi xa",
    "thi tran",
    "tinh doan",
    "huyen doan",
    "thanh doan",
    "quan doan",
}


def _case_upper_line(s: str) -> str:
    """ "ĐẢNG ỦY KHỐI CÁC CƠ QUAN" -> "Đảng ủy Khối các cơ quan", "HUYỆN ỦY NÚI THÀNH" ->
    "Huyện ủy Núi Thành": used when the body never spells the name in mixed case.

    Sentence case; words after a place or district-committee noun are a proper name (title
    case); a few fixed organ names keep their usual capitals. Decisions use folded words so
    unaccented input behaves the same.
    """
    words = s.lower().split()
    fw = [fold(w) for w in words]
    out = [w[:1].upper() + w[1:] if i == 0 else w for i, w in enumerate(words)]

    orig = s.split()

    def title(k: int) -> None:
        out[k] = orig[k] if _is_acronym(orig[k]) else words[k][:1].upper() + words[k][1:]

    for k, w in enumerate(orig):
        if _is_acronym(w):
            out[k] = w  # "THPT", "TNCS", "GD&ĐT": initials stay in capitals

    i = 0
    while i < len(words):
        fixed = next(
            (n for n in (4, 3, 2, 1) if " ".join(fw[i : i + n]) in _FIXED_CASE and len(fw[i : i + n]) == n), None
        )
        if fixed:
            name = " ".join(fw[i : i + fixed])
            out[i : i + fixed] = _FIXED_CASE[name].split()
            i += fixed
            if name in ("dang uy khoi", "dang bo khoi"):
                i = _title_fields(fw, i, title)  # "Đảng ủy Khối Doanh nghiệp tỉnh"
            continue
        if " ".join(fw[i : i + 2]) in ("dang uy", "dang bo") and _field_at(fw, i + 2):
            title(i)  # "Đảng ủy Công an tỉnh", "Đảng ủy Quân sự tỉnh"
            i = _title_fields(fw, i + 2, title)
            continue
        if (n := _organ_head_at(fw, i)) and (
            i == 0 or fw[i - 1] in ("va", "cua") or _organ_head_at(fw, 0) or _organ_prefix(orig[:i])
        ):
            # "Sở Y tế", "Ban Quản lý các khu ...", "Ủy ban Mặt trận Tổ quốc Việt Nam": the kind of
            # organ and each field of work after it open with a capital (Nghị định 30/2020,
            # Phụ lục II)
            title(i)
            school = fw[i] == "truong"
            short = i + n < len(orig) and _is_acronym(orig[i + n])  # "Sở GD&ĐT Nghệ An", "Sở TNMT"
            i = _title_fields(fw, i + n, title)
            if school or (short and i < len(fw) and fw[i] not in _NAMED_AFTER and fw[i] not in ("va", "cac")):
                # "Trường THPT Phan Bội Châu": a school's name follows its level
                while i < len(words) and fw[i] not in ("va", "cac", "cua"):
                    title(i)
                    i += 1
            continue
        if fw[i] == "quan" and i and fw[i - 1] == "co":
            i += 1  # "cơ quan" (agency), not "quận" (district)
            continue
        two = " ".join(fw[i : i + 2])
        if two in _NAMED_AFTER and " " in two:
            if two.endswith((" uy", " doan")):  # "Tỉnh ủy", "Quận ủy", "Tỉnh đoàn": organs
                title(i)
            i += 2
        elif fw[i] in _NAMED_AFTER and not (i + 1 < len(fw) and fw[i + 1] == "uy"):
            i += 1
        else:
            if two == "dang uy" or two == "dang bo":
                title(i)
            i += 1
            continue
        while i < len(words) and fw[i] not in ("va", "cac", "cua"):
            title(i)
            i += 1
    return " ".join(out)


_VOWELS = set("aeiouy")


def _is_acronym(word: str) -> bool:
    """ "THPT", "TNCS", "GD&ĐT", "UBND": capitals with no vowel, so no Vietnamese syllable."""
    w = word.strip("().,;:")
    return len(w) >= 2 and w.isupper() and not (_VOWELS & set(fold(w)))


# the kind of organ that opens a state or mass organisation's name
_ORGAN_HEADS = {
    "cong ty",
    "so",
    "bo",
    "ban",
    "phong",
    "cuc",
    "chi cuc",
    "tong cuc",
    "vu",
    "uy ban",
    "hoi",
    "trung tam",
    "tieu ban",
    "to",
    "truong",
    "benh vien",
    "vien",
    "hoc vien",
    "thanh tra",
    "cong an",
    "doan",
}
# fields of work and organ kinds written as compounds, whose first word takes the capital
_FIELDS = {
    fold(w)
    for w in (
        "y tế, giáo dục, đào tạo, tài nguyên, môi trường, nội vụ, tư pháp, tài chính, kế hoạch, đầu tư, "
        "xây dựng, giao thông, vận tải, công thương, nông nghiệp, phát triển nông thôn, lao động, "
        "thương binh, xã hội, văn hóa, văn hoá, thể thao, du lịch, khoa học, công nghệ, thông tin, "
        "truyền thông, ngoại vụ, thanh tra, quản lý, tham mưu, mặt trận, tổ quốc, việt nam, dân tộc, "
        "tôn giáo, thi đua, khen thưởng, thanh niên, nông dân, phụ nữ, cựu chiến binh, chữ thập đỏ, "
        "tuyên giáo, dân vận, tổ chức, nội chính, kiểm tra, chỉ đạo, văn kiện, biên tập, hành chính, "
        "an ninh, cảnh sát, phòng cháy, chữa cháy, quân sự, bảo hiểm, thống kê, thuế, kho bạc, "
        "tiếp công dân, dân số, kế hoạch hóa gia đình, nhân dân, tuyên truyền, "
        "tiểu học, trung học cơ sở, trung học phổ thông, mầm non, đại học, cao đẳng, "
        "thường trực, thường vụ, chấp hành, chính trị, điều hành, quản lý dự án, phát triển, "
        "chỉ huy, cấp nước, công an, doanh nghiệp, hồ chí minh, kỹ thuật, công nghiệp, sư phạm, kinh tế, bách khoa"
    ).split(", ")
}
_FIELD_SIZES = sorted({len(f.split()) for f in _FIELDS}, reverse=True)


def _title_fields(fw: list[str], i: int, title) -> int:
    """Capitalise the field-of-work compounds from word ``i`` on ("Giáo dục và Đào tạo");
    returns the index past them."""
    while i < len(fw):
        f = _field_at(fw, i)
        if _VOWELS.isdisjoint(fw[i]) and len(fw[i]) >= 2:
            i += 1  # initials inside the name: "Đoàn TNCS Hồ Chí Minh"
        elif f:
            title(i)
            if " ".join(fw[i : i + f]) in ("viet nam", "ho chi minh"):
                for k in range(i + 1, i + f):
                    title(k)
            i += f
        elif fw[i] in ("va", "-", "–") and _field_at(fw, i + 1):
            i += 1  # "Lao động - Thương binh và Xã hội"
        else:
            break
    return i


def _field_at(fw: list[str], i: int) -> int:
    """Length of the field-of-work compound starting at word ``i`` (longest), or 0."""
    return next((n for n in _FIELD_SIZES if len(fw[i : i + n]) == n and " ".join(fw[i : i + n]) in _FIELDS), 0)


# what an organ kind may follow inside one name: initials ("BCH Hội Nông dân"), a party cell or
# committee ("Chi bộ Công ty ...", "Đảng ủy Sở Tư pháp"), another organ ("Đoàn Trường ...")
_ORGAN_PREFIX_RE = re.compile(r"\b(?:chi\s+bo|dang\s+bo|dang\s+uy|ban\s+chap\s+hanh|doan)$")


def _organ_prefix(words: list[str]) -> bool:
    return bool(words) and (all(_is_acronym(w) for w in words) or bool(_ORGAN_PREFIX_RE.search(fold(" ".join(words)))))


def _organ_head_at(fw: list[str], i: int) -> int:
    """Length of an organ kind ("sở", "ủy ban", "trung tâm") at word ``i``, or 0; "ủy ban nhân
    dân" keeps its own case ("Ủy ban nhân dân")."""
    if " ".join(fw[i : i + 4]) == "uy ban nhan dan":
        return 0
    return next((n for n in (2, 1) if len(fw[i : i + n]) == n and " ".join(fw[i : i + n]) in _ORGAN_HEADS), 0)


# Header lines naming a party organ, when not printed in capitals.
_ORGAN_LINE = re.compile(
    r"(?:dang\s+bo|dang\s+uy|quan\s+uy|huyen\s+uy|tinh\s+uy|thanh\s+uy|thi\s+uy|"
    r"ban\s+(?:tuyen\s+giao|to\s+chuc|dan\s+van|noi\s+chinh|thuong\s+vu|chi\s+dao)|"
    r"uy\s+ban\s+kiem\s+tra|van\s+phong|chi\s+bo)\b"
)


# A header cell names an organ when it starts with an organ's head noun; page menus,
# clocks ("Thứ ba, 25/02/2020"), titles ("QUYẾT ĐỊNH:") and the national motto do not.
_ORGAN_START = re.compile(
    r"(?:dang\s+bo|dang\s+uy|quan\s+uy|huyen\s+uy|tinh\s+uy|thanh\s+uy|thi\s+uy|chi\s+bo|"
    r"ban\s+|uy\s+ban|ubnd|ubkt|so\s+[a-z]|bo\s+[a-z]|van\s+phong|phong\s+[a-z]|truong\s+|"
    r"hoi\s+dong|uy$|tieu\s+ban\s|to\s+bien\s+tap\s|"
    # mass organisations and other organs: "ĐOÀN TNCS HỒ CHÍ MINH", "BCH TỈNH ĐOÀN ...", "HỘI NÔNG
    # DÂN ...", "CÔNG AN TỈNH ...", "TRUNG TÂM ...", "CỤC / CHI CỤC ..."
    r"doan\s+[a-z]|bch\s+|(?:tinh|huyen|thanh|quan)\s+doan\b|hoi\s+[a-z]|cong\s+an\s|(?:tong\s+)?lien\s+doan\s|"
    r"ubmttq|mttq|trung\s+tam\s|(?:chi\s+|tong\s+)?cuc\s+[a-z]|benh\s+vien\s|"
    # state bodies outside the ministries' tree: "BẢO HIỂM XÃ HỘI / VIỆT NAM", "KHO BẠC NHÀ NƯỚC
    # ...", "THANH TRA TỈNH ..."
    r"bao\s+hiem\s+xa\s+hoi|kho\s+bac\s+nha\s+nuoc|thanh\s+tra\s+[a-z])"
)
_PLACE_START = re.compile(r"(?:tinh|thanh\s+pho|huyen|quan|xa|phuong|thi\s+xa|thi\s+tran)\s+\S")
_HEADER_STOP = re.compile(r"so\b\s*:?\s*(?:\d|$)|cong\s+hoa|dang\s+cong\s+san")


# A flattened header run ("ĐẢNG BỘ TỈNH THÁI NGUYÊN ĐẢNG BỘ HUYỆN ĐẠI TỪ ĐẢNG ỦY XÃ LA BẰNG * Số
# 09 KH/ĐU") is split where a party organ's head noun starts.
_RUN_SPLIT = re.compile(
    r"\s(?=(?:dang\s+bo|dang\s+uy|quan\s+uy|huyen\s+uy|tinh\s+uy|thanh\s+uy|thi\s+uy|chi\s+bo|"
    r"ban\s+(?:tuyen\s+giao|to\s+chuc|dan\s+van|noi\s+chinh|chap\s+hanh)|uy\s+ban\s+kiem\s+tra)\b)"
)
_NUMBERED_PLACE = re.compile(r"\b(?:phuong|quan)\s+\d{1,2}\b")
_INLINE_MOTTO = re.compile(r"\s(?:cong\s+hoa\s+xa\s+hoi|dang\s+cong\s+san\s+viet\s+nam|doc\s+lap\s*-\s*tu\s+do)\b")
_MOTTO = re.compile(r"(?:cong\s+hoa\b|cong$|dang\s+cong\s+san\b|doc\s+lap\s*-)")


def _header_anchor(doc: Text) -> tuple[int, int] | None:
    """(line index, column) of the header's number or place-date field: the issuing body is
    printed just above it (or before it on a flattened line). None when the text has no
    printed header (a news page: its site name above a clock is no issuer)."""
    for i, ln in enumerate(doc.lines[:120]):
        if NUMBER_RE.match(doc.folded, ln.start) or _BLANK_FIELD.match(ln.folded):
            return i, 0
        if ISSUED_RE.match(ln.folded):
            # "BAN CHẤP HÀNH TRUNG ƯƠNG" / "Hà Nội, ngày ..." / "VĂN PHÒNG" / "Số: ...": the date
            # printed on the right above the organ's own line; the number below closes the header
            for j in range(i + 1, min(len(doc.lines), i + 5)):
                below = doc.lines[j]
                if NUMBER_RE.match(doc.folded, below.start):
                    organ = any(
                        _ORGAN_START.match(fold(_strip_deco(doc.lines[k].text)))
                        and _is_upper(_strip_deco(doc.lines[k].text))
                        for k in range(i + 1, j)
                    )
                    return (j, 0) if organ else (i, 0)
            return i, 0
        m = NUMBER_RE.search(ln.folded)
        # mid-line only when written "Số" with a capital: "số 154/2020/NĐ-CP" in a sentence is cited
        if m and len(ln.folded) < 3000 and "S" in ln.text[m.start() : m.start() + 3]:
            return i, m.start()
    return None


# a template's blank fields: "Số      -/ĐU", "Thái Nguyên, ngày       tháng 10 năm 2021"
# (bounded runs: "Số" followed by 100,000 spaces must not be re-scanned from each space)
_BLANK_FIELD = re.compile(
    r"(?:so[ \t._…:]{0,40}-?/[ \t]{0,3}[a-z]|[a-z][a-z .'\-]{1,40},[ \t]{0,5}ngay[ \t._…]{1,40}thang\b)"
)


_RULE_AFTER = re.compile(r"[ \t]*[-–—_=]{3,}[ \t|]*$")


def _header_cands(doc: Text) -> list[str]:
    anchor = _header_anchor(doc)
    if anchor is None:
        return []
    stop, col = anchor
    cands: list[str] = []
    joinable = False  # the previous header line was an organ name that may wrap onto the next
    for ln in doc.lines[max(0, stop - 14) : stop]:
        cells = _cells(ln)
        if not cells:
            continue
        appended_here = False  # a name cell of this line was taken
        for cell in cells:
            cf = fold(_strip_deco(cell).strip(" |"))
            if (
                appended_here
                and "|" not in cell
                and 0 < len(cf.split()) <= 2
                and _is_upper(_strip_deco(cell))
                and not (_ORGAN_START.match(cf) or _PLACE_START.match(cf) or _MOTTO.match(cf) or _HEADER_STOP.match(cf))
                and not any(c.isdigit() for c in cell)
                and not _is_mark(cell)
            ):
                # "XÃ DÂN  LỰC": a name spaced out by a double space is one cell, not two
                cands[-1] = cands[-1] + " " + _strip_deco(cell).strip(" |")
                continue
            for part in cell.split("|"):
                # ("TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM -------": the rule printed under the name)
                text = _strip_deco(_RULE_AFTER.sub("", part)).strip(" |")
                f = fold(text)
                # the two header columns pasted onto one line with single spaces ("UBND HUYỆN
                # CẦN GIUỘC CỘNG HÒA XÃ HỘI ..."): the organ ends where the motto starts
                motto = _INLINE_MOTTO.search(f)
                if motto and motto.start() > 0:
                    text, f = text[: motto.start()].rstrip(), f[: motto.start()].rstrip()
                if not f:
                    continue
                if len(f) > 80 or not (_is_upper(text) or _ORGAN_LINE.match(f)):
                    joinable = False
                    continue
                # (digits are a clock or a date, except a ward or district known by its number:
                # "UBND PHƯỜNG 5", "QUẬN ỦY QUẬN 6")
                digits = any(c.isdigit() for c in _NUMBERED_PLACE.sub("", f))
                if _HEADER_STOP.match(f) or _MOTTO.match(f) or _is_mark(text) or digits:
                    joinable = False
                    continue
                if _ORGAN_START.match(f) or (_PLACE_START.match(f) and cands):
                    cands.append(text)
                    appended_here = True
                    joinable = not _HAS_PLACE.search(f) and f not in _STATE_ORGANS
                elif joinable and _is_upper(text) and len(f.split()) <= 6:
                    # "ĐẢNG ỦY TRƯỜNG ĐẠI HỌC" / "KỸ THUẬT CÔNG NGHIỆP": one name on two lines
                    cands[-1] = cands[-1] + " " + text
                    joinable = False
                else:
                    joinable = False
    if col:
        ln = doc.lines[stop]
        prefix = _strip_deco(ln.text[:col]).strip(" |*")
        if prefix and _is_upper(prefix):
            pf = fold(prefix)
            pieces = []
            last = 0
            for m in _RUN_SPLIT.finditer(pf):
                pieces.append(prefix[last : m.start()])
                last = m.start() + 1
            pieces.append(prefix[last:])
            for piece in pieces:
                piece = piece.strip()
                cut = _MOTTO.search(fold(piece))
                if cut:
                    piece = piece[: cut.start()].strip()
                if piece and _ORGAN_START.match(fold(piece)):
                    cands.append(piece)
    return cands


def has_printed_header(doc: Text) -> bool:
    """Does the text print an issuing body above its number or place-date field?"""
    return bool(_header_cands(doc))


def _header_issuer(doc: Text) -> str | None:
    """The issuing body printed above the number: the lower of the header's capitalised
    lines ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN"), completed with the place of the line above
    ("ĐẢNG BỘ THÀNH PHỐ ĐÀ NẴNG") when it names none itself, or joined with the place line
    below a state organ ("ỦY BAN NHÂN DÂN" / "TỈNH KON TUM")."""
    cands = _header_cands(doc)
    if not cands:
        return None
    if len(cands) >= 2 and _PLACE_START.match(fold(cands[-1])) and not _ORGAN_START.match(fold(cands[-1])):
        # "ỦY BAN NHÂN DÂN" + "TỈNH KON TUM"; "ỦY" + "BAN NHÂN DÂN" + "TỈNH TIỀN GIANG"
        k = len(cands) - 2
        while k > 0 and fold(cands[k]).startswith("ban nhan dan") and fold(cands[k - 1]) == "uy":
            k -= 1
            cands[k] = cands[k] + " " + cands[k + 1]
        cands = cands[:k] + [cands[k] + " " + cands[-1]]
    lower = cands[-1]
    lower_f = fold(lower)
    if not _ORGAN_START.match(lower_f):
        return None
    if len(cands) >= 2 and fold(cands[-2]) == "ban chap hanh trung uong" and re.match(r"(?:doan|hoi)\s", lower_f):
        # "BAN CHẤP HÀNH TRUNG ƯƠNG" / "ĐOÀN TNCS HỒ CHÍ MINH": a mass organisation's central
        # committee prints its one name over two lines (the party's prints its organ below)
        return f"Ban Chấp hành Trung ương {_case_upper_line(lower)}"
    if (
        len(cands) >= 2
        and lower_f == "ban chap hanh trung uong"
        and re.match(r"(?:doan|hoi|tong\s+lien\s+doan)\s", fold(cands[-2]))
    ):
        # "HỘI NÔNG DÂN VIỆT NAM" / "BAN CHẤP HÀNH TRUNG ƯƠNG": the same committee printed the
        # other way round, the organisation above
        upper = cands[-2]
        return f"Ban Chấp hành Trung ương {_body_casing(doc, fold(upper)) or _case_upper_line(upper)}"
    name = _body_casing(doc, lower_f) or _case_upper_line(lower)
    if len(cands) >= 2 and not _HAS_PLACE.search(lower_f) and not _PLACE_NOUN.search(lower_f):
        upper_f = fold(cands[-2])
        m = re.match(r"dang\s+bo\s+(.+)$", upper_f)
        if m and _PLACE_START.match(m.group(1)):
            place_f = m.group(1)
            place = _body_casing(doc, place_f) or _case_upper_line(cands[-2])[len("Đảng bộ ") :]
            name = f"{name} {place}"
        elif fold(name) in _BARE_ORGANS:
            # "BAN CHẤP HÀNH TRUNG ƯƠNG" / "BAN TỔ CHỨC": the organ of that committee
            if upper_f == "ban chap hanh trung uong":
                # (the Central Party Office's own name is "Văn phòng Trung ương Đảng")
                name = f"{name} Trung ương Đảng" if fold(name) == "van phong" else f"{name} Trung ương"
            elif re.match(rf"{_COMMITTEE}\b", upper_f):
                name = f"{name} {_body_casing(doc, upper_f) or _case_upper_line(cands[-2])}"
    return _complete_state_organ(doc, _complete_place(doc, name))


_BARE_ORGANS = {fold(n) for _, n in _ORGANS} | {"ban tuyen giao", "ban to chuc", "uy ban kiem tra"}
_STATE_ORGANS = {"uy ban nhan dan", "ubnd", "hoi dong nhan dan", "hdnd"}
_PLACE_NOUNS_RE = r"(?:tinh|thanh\s+pho|huyen|quan|thi\s+xa|xa|phuong|thi\s+tran)"
# the enacting line of a decision: "ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH" on its own line, or its
# chairman's "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ..." (the organ is the one named after the title)
_ENACTING_RE = re.compile(
    rf"^[ \t|]*(?:chu\s+tich\s+)?(?P<organ>(?:uy\s+ban\s+nhan\s+dan|hoi\s+dong\s+nhan\s+dan)\s+{_PLACE_NOUNS_RE}"
    r"\s+[^\n|]{2,40}?)[ \t|]*$",
    re.M,
)


def _complete_state_organ(doc: Text, name: str) -> str:
    """A state organ printed without its place ("ỦY BAN NHÂN DÂN" above "Số: 41/2019/QĐ-UBND")
    takes it from the decision's enacting line ("ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ"), else from
    the place of the date line ("Ninh Bình, ngày ...") with the place noun the text puts
    before that name ("tỉnh Ninh Bình")."""
    if fold(name) not in _STATE_ORGANS:
        return name
    for m in _ENACTING_RE.finditer(doc.folded, 0, min(len(doc.folded), 20000)):
        line = doc.cleaned[m.start("organ") : m.end("organ")].strip(" \t|")
        if fold(line).split()[0] == fold(name).split()[0] and _is_upper(line):
            return _case_upper_line(line)
    d = ISSUED_RE.search(doc.folded, 0, _number_region(doc))
    if not d:
        return name
    # ("Số: 06/CT-UBND | Thanh Hóa, ngày ...": the number's cell before the place on one line)
    place = doc.cleaned[d.start() : d.end()].split(",")[0].split("|")[-1].strip(" \t|")
    place_f = fold(place)
    if not place_f:
        return name
    place_re = r"\s+".join(re.escape(w) for w in place_f.split())
    nouns = Counter(m.group(1) for m in re.finditer(rf"\b({_PLACE_NOUNS_RE})\s+{place_re}\b", doc.folded))
    if not nouns:
        # the place named only in the date line: the level the body gives its own organ ("Chủ
        # tịch UBND tỉnh yêu cầu ..." under "ỦY BAN NHÂN DÂN" / "Thanh Hóa, ngày ...")
        organ_re = (
            r"(?:ubnd|uy\s+ban\s+nhan\s+dan)" if fold(name).startswith("u") else r"(?:hdnd|hoi\s+dong\s+nhan\s+dan)"
        )
        nouns = Counter(m.group(1) for m in re.finditer(rf"\b{organ_re}\s+({_PLACE_NOUNS_RE})\b", doc.folded))
        if not nouns:
            return name
    noun = {
        "thanh pho": "thành phố",
        "thi xa": "thị xã",
        "thi tran": "thị trấn",
        "huyen": "huyện",
        "quan": "quận",
        "tinh": "tỉnh",
        "xa": "xã",
        "phuong": "phường",
    }[re.sub(r"\s+", " ", nouns.most_common(1)[0][0])]
    return f"{name} {noun} {place}"


_NAME_CLOSERS = "\"”’»'.,;:!?)"
_PLACE_NOUNS_ACCENTED = {"thành phố", "tỉnh", "quận", "huyện", "phường", "xã", "thị xã", "thị trấn"}


def _complete_place(doc: Text, name: str) -> str:
    """ "... thành phố" (the city, unnamed) -> "... thành phố Đà Nẵng" using the city the
    document names most often after that noun."""
    m = _PLACE_NOUN.search(fold(name))
    if not m:
        return name
    written = name[m.start() :].lower()
    if has_diacritics(written) and written not in _PLACE_NOUNS_ACCENTED:
        return name  # "UBND tỉnh Hà Tĩnh": "Tĩnh" is the name, not the noun "tỉnh"
    noun = m.group(0)
    names: Counter[str] = Counter()
    noun_re = noun.replace(" ", r"\s+")
    # on the folded text, so "thành phố" / "Thành phố" / "THÀNH PHỐ" all match
    for hit in re.finditer(rf"\b{noun_re}[ \t]+((?:\S+[ \t]?){{1,3}})", doc.folded):
        words = []
        # "huyện U Minh Thượng": a one-letter syllable is part of the name, an acronym is not;
        # "huyện Xây dựng kế hoạch": a capitalised verb is no name
        raw = doc.cleaned[hit.start(1) : hit.end(1) + 12].split()
        for j, w in enumerate(raw[: len(doc.cleaned[hit.start(1) : hit.end(1)].split())]):
            if w[:1].isupper() and w[-1:] in _NAME_CLOSERS and len(w) > 1:
                # "tỉnh Lạng Sơn”. Thời gian ...": the name ends at its closing quote or stop
                if w.rstrip(_NAME_CLOSERS)[:1].isupper():
                    words.append(w.rstrip(_NAME_CLOSERS))
                break
            if (
                w[:1].isupper()
                and (len(w) == 1 or not _is_upper(w))
                and " ".join(fold(x) for x in raw[j : j + 2]) not in _DIRECTING_TWO
            ):
                words.append(w)
            else:
                break
        # "Chủ tịch UBND huyện Thạch Hà Nguyễn Văn Khoa": the official's name after the place
        cut = next(
            (j for j in range(1, len(words)) if is_person_name(raw[j : j + 3]) or is_person_name(raw[j : j + 4])),
            None,
        )
        if cut is not None:
            words = words[:cut]
        if words and not is_person_name(words):  # "huyện Nguyễn Văn Bình": the chairman's name
            names[" ".join(words)] += 1
    if not names:
        return name
    for short in list(names):  # "Đà" cut by a line break is the "Đà Nẵng" named in full
        longer = [n for n in names if n.startswith(short + " ")]
        if len(longer) == 1:
            names[longer[0]] += names.pop(short)
    top = names.most_common(2)
    if len(top) == 2 and top[0][1] == top[1][1]:
        return name  # "tỉnh Hải Hưng (nay là ... tỉnh Hải Dương ... tỉnh Hưng Yên)": no one place
    return f"{name} {top[0][0]}"


# the Fatherland Front, the Youth Union and the other mass organisations ("UBMTTQVN phường",
# "Ủy ban MTTQ Việt Nam huyện ...", "Huyện đoàn ...", "Hội Nông dân tỉnh ...")
_MASS_ORGAN = (
    # ("UB. MTTQ Việt Nam thị xã Hòa Thành": the committee's word cut short with a stop)
    r"(?:ubmttq[a-z]*|ub\.\s?mttq[a-z]*|uy\s+ban\s+(?:mttq[a-z]*|mat\s+tran\s+to\s+quoc(?:\s+viet\s+nam)?)|"
    r"(?:huyen|tinh|thanh|quan)\s+doan|doan\s+tncs\s+ho\s+chi\s+minh|doan\s+(?:khoa|truong)(?![a-z])|"
    r"hoi\s+(?:nong\s+dan|lien\s+hiep\s+phu\s+nu|phu\s+nu|cuu\s+chien\s+binh)|(?:tong\s+)?lien\s+doan\s+lao\s+dong|"
    # ("LĐLĐ TP quy định ...", "LĐLĐ huyện ...": the Labour Confederation by its initials)
    r"(?:tong\s+)?ldld)"
)
# State bodies whose name, like a ministry's or a department's, runs in lowercase words up to
# the verb: "Cục Trợ giúp pháp lý đề nghị", "Ban Quản lý Khu kinh tế yêu cầu", "Ban Thi đua -
# Khen thưởng tỉnh vừa có", "Tiểu ban Văn kiện thông báo".
# ("Chi cục Chăn nuôi và Thú y đề nghị", "Hội đồng Thi đua - Khen thưởng tỉnh lấy ý kiến")
# Associations and unions are named the same way, with lowercase words up to the verb: "Hội
# Nhà báo Yên Bái đề nghị", "Hội Văn học nghệ thuật tỉnh Thái Nguyên thông báo", "Công đoàn cơ
# sở Văn phòng UBND tỉnh ban hành", "Trung ương Đoàn TNCS Hồ Chí Minh tổ chức" ("hội nghị",
# "hội thi", "hội viên" ... are meetings, contests and members, no association).
_NAMED_ORGAN = (
    r"(?:(?:chi\s+|tong\s+)?cuc|phong|ban\s+quan\s+ly|ban\s+chi\s+dao|ban\s+thi\s+dua|tieu\s+ban|hoi\s+dong|"
    # (nor the town of Hội An, nor a festival: "Hội Lim", "Hội Gióng", "Hội xuân", "Hội khỏe Phù Đổng")
    r"hoi(?!\s+(?:nghi|thi|thao|cho|vien|dien|dong|truong|quan|dap|tho|lang|so|nhap|tu|an|lim|giong|chua|xuan|khoe"
    r"|dien|trai|dam|ngo|tu|hop)\b)|cong\s+doan|"
    r"trung\s+uong\s+(?:doan|hoi))"
)
_NAMED_ORGAN_RE = re.compile(rf"(?:bo|so|{_NAMED_ORGAN})$")
# The central organs, named with "Trung ương" after their head: "Ban Tuyên giáo Trung ương tổ
# chức Cuộc thi", "Văn phòng Trung ương Đảng đã công bố", "Thủ tướng yêu cầu ..."
_CENTRAL_ORGAN = (
    r"(?:ban\s+(?:tuyen\s+giao(?:\s+va\s+dan\s+van)?|dan\s+van|to\s+chuc|noi\s+chinh|kinh\s+te)|"
    r"van\s+phong|uy\s+ban\s+kiem\s+tra)\s+trung\s+uong(?:\s+dang)?(?![a-z])|thu\s+tuong(?:\s+chinh\s+phu)?(?![a-z])"
)
# "Sở Nội vụ (cơ quan Thường trực Hội đồng ...) lấy ý kiến": a bracketed apposition after a
# named organ is no part of its name (blanked in both texts, so their words stay aligned)
_APPOSITION = re.compile(r"\([^()\n]{1,120}\)")


def _drop_apposition(s: str) -> str:
    return _APPOSITION.sub(lambda m: " " * len(m.group()), s)


# A news page's actor: a committee (or its organ, or the provincial People's Committee and its
# chairman) as the subject of a sentence — at a line start or after a clause's comma — with a
# proper name in capitals after it, then a verb: "Ban Thường vụ Huyện ủy Bình Giang đang xin ý
# kiến", "..., Quận ủy Cầu Giấy đã phân công", "Chủ tịch UBND tỉnh yêu cầu".
_SUBJECT_HEAD = re.compile(
    # (or the agent after "do": "Hội thi do Huyện ủy X tổ chức")
    r"(?:^|(?<=[.,:;!?\-–])[ \t]|(?<=\n)|(?<=\bdo\s))[ \t]*"
    # (an official's title before a department: "Giám đốc Sở Y tế ... đã ký")
    r"(?P<lead>(?:ban\s+thuong\s+vu|thuong\s+truc|ban\s+chap\s+hanh|bch|b?tt|ban\s+thuong\s+truc|"
    # ("Trưởng ban Tuyên giáo Tỉnh ủy ... lưu ý": the head's title shares the word "ban")
    r"(?:pho\s+)?(?:giam\s+doc|bo\s+truong|truong\s+ban|chanh\s+van\s+phong|truong(?=\s+ban\s)))\s+)?"
    rf"(?P<head>{_CENTRAL_ORGAN}|(?:{_PARTY_ORGAN}\s+)?{_COMMITTEE}|(?:van\s+phong\s+|chu\s+tich\s+)?(?:ubnd|uy\s+ban\s+nhan\s+dan|hdnd|hoi\s+dong\s+nhan\s+dan)"
    rf"|{_MASS_ORGAN}|bo|so|{_NAMED_ORGAN})\b",
    re.M,
)
_ADVERBS = {"da", "dang", "vua", "se", "moi", "cung", "luon"}
_ADVERBS_ACCENTED = {"đã", "đang", "vừa", "sẽ", "mới", "cũng", "luôn"}


def _is_adverb(word: str, folded_word: str) -> bool:
    """ "đã", "vừa", "mới" — not "đảng", "Môi" (trường) that fold the same."""
    if folded_word not in _ADVERBS:
        return False
    w = word.lower().strip(",.;:")
    return w in _ADVERBS_ACCENTED if has_diacritics(w) else word[:1].islower()


# what a mass organisation's news tells of its own work ("quyết định thành lập", "tổ chức")
_MASS_EVENT_VERBS = ("to chuc", "quyet dinh", "thanh lap", "phan cong", "giao")
_DIRECTING = (
    "ban hanh",
    "yeu cau",
    "de nghi",
    "chi dao",
    "giao",
    "huong dan",
    "thong bao",
    "xay dung",
    "to chuc",
    "thanh lap",
    "phan cong",
    "quyet dinh",
    "co y kien",  # "UBND tỉnh có ý kiến như sau": the organ answering in its own letter
    "phat dong",  # "Cuộc thi do Ban Tuyên giáo Tỉnh ủy phát động"
    "lay y kien",  # "Sở Nội vụ lấy ý kiến nhân dân về ...": a call for comments
    "luu y",  # "Trưởng ban Tuyên giáo Tỉnh ủy ... lưu ý các đơn vị ...": an instruction to units
    "cho biet",  # "UBND tỉnh Quảng Trị cho biết, ...": the organ telling the news of its own work
    "tap trung chi dao",  # "UBND tỉnh tập trung chỉ đạo các Sở, ngành ..."
    "tiep tuc chi dao",
    "trien khai cuoc thi",  # "Thành đoàn TP.HCM triển khai cuộc thi viết ...": a call to enter
    "gui",  # "Ban Tuyên giáo ... gửi bản tóm tắt ... để xin ý kiến": the organ sending its letter
    "quy dinh",  # "LĐLĐ TP quy định từ nay đến ngày 30-3, CĐ các cấp vận động ...": a rule laid down
)
_PLACE_WORD_SET = {"tinh", "thanh", "pho", "huyen", "quan", "xa", "phuong", "thi", "tran"}
# ("Bộ GD&ĐT có văn bản gửi ...": the letter it has is where the name ends, too)
_SHARED_DUTY = re.compile(
    r"(?:phoi\s+hop|(?:co|chiu)\s+trach\s+nhiem"
    r"|co\s+(?:van\s+ban|cong\s+van|ke\s+hoach|thong\s+bao|huong\s+dan|chi\s+thi|quyet\s+dinh|cong\s+dien))\b"
)


def _subject_issuers(doc: Text, limit: int = 6000) -> list[str]:
    out: list[tuple[bool, str]] = []
    for m in _SUBJECT_HEAD.finditer(doc.folded, 0, min(len(doc.folded), limit)):
        if re.search(r"\bcua\s*$", doc.folded[max(0, m.start() - 6) : m.start()]):
            continue  # "... của Huyện ủy X": a cited document's author
        if in_singled_out_sentence(doc.folded, m.start("head")):
            continue  # "Riêng đối với xã A, Huyện ủy X đã chỉ đạo ...": one case of a report
        named_organ = bool(_NAMED_ORGAN_RE.match(re.sub(r"\s+", " ", m["head"])))
        after, fafter = doc.cleaned[m.end() : m.end() + 200], doc.folded[m.end() : m.end() + 200]
        if named_organ:
            after, fafter = _drop_apposition(after), _drop_apposition(fafter)
        words, fwords = after.split(), fafter.split()
        if not words:
            continue  # "Số" then a long run of blanks (a form's empty cell): nothing named
        k, ended = 0, False
        while k < min(len(words), 8):
            w = words[k].rstrip(',.;:)"')
            if (
                w == words[k]
                and k
                and fwords[k - 1] in _PLACE_WORD_SET
                and k + 1 < len(words)
                and words[k + 1][:1].islower()
                and " ".join(fwords[k : k + 2]) in _DIRECTING_TWO
            ):
                break  # "Ủy ban nhân dân huyện Xây dựng kế hoạch": a verb capitalised, no place's name
            named = (
                w[:1].isupper()
                or (
                    fwords[k] in _PLACE_WORD_SET
                    and (
                        m["head"].endswith(("ubnd", "hdnd", "dan"))
                        or m["head"].startswith(("ubmt", "uy ban m", "ub."))
                        or (k + 1 < len(words) and words[k + 1][:1].isupper())
                    )
                )
                or (
                    # "Đảng ủy xã đã xây dựng lịch ...": the commune's committee, its name unsaid
                    k == 0
                    and fwords[0] in ("xa", "phuong", "huyen", "tinh", "quan")
                    and len(words) > 1
                    and _verb_at(words, fwords, 1)
                )
            )  # "Huyện ủy Bình Giang", "UBND tỉnh" (the province itself, unnamed)
            if not named:
                break
            k += 1
            if w != words[k - 1]:
                ended = True  # a comma after the name: a list or an apposition, not a subject
                break
        if ended:
            continue
        # "Đảng ủy phường Diên Hồng (TP. Pleiku) phát động": a bracketed apposition is skipped
        skip = 0
        if k < len(words) and words[k].startswith("("):
            close = next((j for j in range(k, min(len(words), k + 8)) if words[j].rstrip(",.;:").endswith(")")), None)
            if close is not None:
                skip = close + 1 - k
        if named_organ:
            # a ministry's or department's name has lowercase words ("Bộ Nội vụ", "Sở Giáo dục
            # và Đào tạo"): it runs to the directing verb or to an adverb before it ("vừa có")
            # a quoted name inside it is read whole ("Ban Chỉ đạo ... phong trào “Toàn dân đoàn
            # kết xây dựng đời sống văn hoá” đã có"): its words are no verb
            quoted = set()
            inside = False
            for j, w in enumerate(words[:24]):
                if w[:1] in _OPEN_Q or (inside and w[:1] in _CLOSE_Q):
                    inside = w[:1] in _OPEN_Q and not w.rstrip(",.;:)").endswith(tuple(_CLOSE_Q))
                    quoted.add(j)
                elif inside:
                    quoted.add(j)
                    inside = not w.rstrip(",.;:)").endswith(tuple(_CLOSE_Q))
            k = next(
                (
                    j
                    for j in range(1, 24 if quoted else 13)
                    if fwords[j : j + 1]
                    and j not in quoted
                    and (
                        _is_adverb(words[j], fwords[j])
                        or any(" ".join(fwords[j : j + 3]).startswith(v) for v in _DIRECTING)
                        # "Ban Chỉ đạo ... (Ban Chỉ đạo) thông tin nhanh về ...": informing, the
                        # verb in small letters ("Sở Thông tin và Truyền thông" is a name)
                        or (" ".join(fwords[j : j + 2]) == "thong tin" and words[j][:1].islower())
                        # a name ends where its duty or partners begin: "Trung ương Hội ... phối
                        # hợp cùng các đơn vị tổ chức", "Ban Thi đua - Khen thưởng có trách nhiệm"
                        or (words[j][:1].islower() and _SHARED_DUTY.match(" ".join(fwords[j : j + 3])))
                    )
                ),
                0,
            )
            if k and fwords[k] == "se" and not re.match(r"(?:bo|so)\b", m["head"]):
                continue  # "Ban Chỉ đạo ... sẽ công bố kết quả": what it will do, no document
            # ("Ban Thi đua - Khen thưởng": a dash joins the two parts of one name)
            # (a head of two words or more names the body itself: "Ban Quản lý các khu công
            # nghiệp", "Ban Chỉ đạo tỉnh"; its own second word is capitalised)
            head_words = doc.cleaned[m.start("head") : m.end("head")].split()
            opens = (
                words[0][:1].isupper()
                or (words[0] in ("-", "–") and words[1:2] and words[1][:1].isupper())
                or (len(head_words) >= 2 and head_words[1][:1].isupper())
            )
            if not (k and opens and doc.cleaned[m.start("head")] == m["head"][0].upper()):
                continue
            if not _one_organ_name(words[:k]):
                continue  # "Bộ Chính trị, Ban Bí thư giao ...": a list of organs is no one issuer
            skip = 0
        else:
            # a name with lowercase words after its one capitalised word ("Đảng uỷ Dân chính
            # đảng thành lập"; a place has two: "Huyện ủy Tân Yên dự kiến ..."): taken up to a
            # verb at most three words on, none of them punctuated
            # ("Đảng ủy Khối các cơ quan tỉnh tổ chức ...": a bloc's name is all lowercase words)
            bloc = k == 0 and re.sub(r"\s+", " ", m["head"]).endswith("uy khoi")
            ext = next(
                (
                    j
                    for j in range(k + 1, min(len(fwords), k + (6 if bloc else 4)))
                    if _is_adverb(words[j], fwords[j])
                    or any(" ".join(fwords[j : j + 3]).startswith(v + " ") for v in _DIRECTING)
                ),
                None,
            )
            lower_run = ext is not None and all(
                words[j][:1].islower() and words[j].isalpha() and not _is_adverb(words[j], fwords[j])
                for j in range(k, ext)
            )
            # (the one word a proper name, not a place noun: "UBND tỉnh tập trung chỉ đạo" names
            # the province's committee, and "tập trung" is its verb)
            proper = k == 1 and words[0][:1].isupper()
            if ext is not None and (proper or bloc) and not skip and lower_run and not _verb_at(words, fwords, k):
                k = ext
        at = k + skip
        if k == 0 and re.search(r"(?:hdnd|hoi\s+dong\s+nhan\s+dan)$", m["head"]):
            continue  # "HĐND xem xét ...": a council with no place named is the kind, not one body
        if not (_verb_at(words, fwords, at) or (m["lead"] and fwords[at:] and words[at][:1].islower())):
            continue
        if re.match(_MASS_ORGAN, m["head"]):
            # "Ủy ban MTTQ huyện vừa tổ chức hội nghị ...": a mass organisation's own work told
            # as news, no document
            verb = re.sub(r"^(?:(?:da|vua|moi|cung|dang|se)\s+)*", "", " ".join(fwords[at : at + 6]))
            # (but a meeting held to guide the units below, "tổ chức hội nghị hướng dẫn các cơ
            # quan ... giới thiệu người ứng cử", is its guidance)
            # (nor is a contest it runs for the public, "tổ chức Cuộc thi ảnh ...": a call to enter)
            guiding = re.match(r"to\s+chuc\s+(?:(?:hoi\s+nghi\s+)?huong\s+dan|cuoc\s+thi|giai)\b", verb)
            if verb.startswith(_MASS_EVENT_VERBS) and not guiding:
                continue
        head = collapse_spaces(doc.cleaned[m.start("head") : m.end("head")])
        head = head[:1].upper() + head[1:]  # ("Trưởng ban Tuyên giáo ...": the organ is "Ban ...")
        committee_only = k == 0 and m["lead"] and re.match(r"(?:ban\s+chap\s+hanh|bch)\s", m["lead"])
        if committee_only and re.match(_MASS_ORGAN, m["head"]):
            # "BCH Đoàn trường thông báo ...": a school's Youth Union named by its committee alone
            head = f"{collapse_spaces(doc.cleaned[m.start('lead') : m.end('lead')])} {head}"
        name = drop_person_name(" ".join([head, *words[:k]]))
        # "Sở Giáo dục và Đào tạo (GDĐT)": the abbreviation it defines is not part of the name
        name = re.sub(r"\s*\([^\W\d_]{2,10}\)$", "", name)
        # "Thực hiện chỉ đạo của UBND tỉnh tại Văn bản số ... Theo đó, UBND tỉnh yêu cầu ...": a
        # clause opened by "theo đó" retells the document just cited, so its actor is that
        # document's author; another actor on the page comes first
        retold = bool(_RETOLD.search(doc.folded, max(0, m.start("head") - 12), m.start("head")))
        out.append((retold, name))
    return [name for _, name in sorted(out, key=lambda rn: rn[0])]


# A news lead that names its source: "Theo Sở Tư pháp, ...", "TTH - Theo thông tin từ Sở Tư
# pháp, đến nay ...", "Theo tổng hợp của Tỉnh đoàn, ...": the organ whose work the page tells.
# ("Theo Kế hoạch của Huyện ủy ...": a document's author, after a type word, is never matched.)
_ACCORDING_TO = re.compile(
    r"(?:^|(?<=[.:;!?\-–])[ \t]|(?<=\n))[ \t]*theo\s+"
    r"(?:(?:thong\s+tin|tong\s+hop|bao\s+cao|so\s+lieu|danh\s+gia)\s+(?:tu\s+|cua\s+)?)?"
    rf"(?P<head>{_CENTRAL_ORGAN}|(?:{_PARTY_ORGAN}\s+)?{_COMMITTEE}|(?:van\s+phong\s+)?(?:ubnd|uy\s+ban\s+nhan\s+dan)"
    rf"|{_MASS_ORGAN}|bo|so|{_NAMED_ORGAN})\b(?P<rest>[^\n,.;:()\d]{{0,80}}),",
    re.M,
)
_NOT_IN_SOURCE = {"ve", "tai", "trong", "cua", "thi", "den", "nam", "ngay", "thang", "da", "se", "dang", "va"}


def _according_issuers(doc: Text, limit: int = 3000) -> list[str]:
    """The organs a news page names as its source at a sentence's start (see ``_ACCORDING_TO``)."""
    out = []
    for m in _ACCORDING_TO.finditer(doc.folded, 0, min(len(doc.folded), limit)):
        if not doc.cleaned[m.start("head")].isupper():
            continue
        rest = doc.cleaned[m.start("rest") : m.end("rest")].split()
        if len(rest) > 8 or any(fold(w) in _NOT_IN_SOURCE for w in rest):
            continue
        if rest and not (rest[-1][:1].isupper() or fold(rest[-1]) in _PLACE_WORD_SET):
            if not _NAMED_ORGAN_RE.match(re.sub(r"\s+", " ", m["head"])):
                continue  # a committee's name ends with its place's name
        out.append(collapse_spaces(doc.cleaned[m.start("head") : m.end("rest")]))
    return out


# the directing verbs of two words: capitalised by mistake, the first is no name's word
_DIRECTING_TWO = frozenset(v for v in _DIRECTING if len(v.split()) == 2)
_RETOLD = re.compile(r"\btheo\s+do\s*,?\s*$")


# Family names that open most Vietnamese full names ("Lê Thị Hương").
_SURNAMES = {
    fold(n)
    for n in (
        "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Lương Đinh Trương Lâm "
        "Đào Đoàn Mai Cao Tô Vương Trịnh Thái Lưu Châu Tạ Triệu Quách Kiều Thân Tôn Hứa Văn Nông"
    ).split()
}


def is_person_name(words: list[str]) -> bool:
    """Three or four capitalised words opening with a family name ("Nguyễn Văn Bình"); "Hồ Chí
    Minh" is a city's name."""
    return (
        3 <= len(words) <= 4
        and fold(words[0]) in _SURNAMES
        and all(w[:1].isupper() and w.isalpha() and not w.isupper() for w in words)
        and fold(" ".join(words)) != "ho chi minh"
    )


def drop_person_name(org: str) -> str:
    """ "Sở Giáo dục và Đào tạo Lê Thị Hương" (an official's title and name before the verb:
    "Giám đốc Sở ... Lê Thị Hương đã ký") -> the organ without the person: a trailing run of
    three or four capitalised words opening with a family name ("Hồ Chí Minh" is a place)."""
    words = org.split()
    for n in (4, 3):
        if len(words) >= n + 2 and is_person_name(words[-n:]):
            return " ".join(words[:-n])
    return org


def _one_organ_name(words: list[str]) -> bool:
    """A ministry's or department's name may list its fields with commas ("Văn hóa, Thể thao
    và Du lịch"): each part capitalised and a "và" closing the list; a comma before another
    organ ("Bộ Chính trị, Ban Bí thư") lists two organs."""
    if not any(re.search(r"[,;:]", w) for w in words):
        return True
    if any(re.search(r"[;:]", w) for w in words):
        return False
    # "Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh Quảng Nam": "phòng, chống" (prevent and
    # fight) is one phrase of the organ's field, its comma no list
    words = [
        w[:-1] if fold(w) == "phong," and k + 1 < len(words) and fold(words[k + 1]).startswith("chong") else w
        for k, w in enumerate(words)
    ]
    if not any(re.search(r"[,;:]", w) for w in words):
        return True
    for k, w in enumerate(words[:-1]):
        if w.endswith(","):
            nxt = fold(words[k + 1])
            if not words[k + 1][:1].isupper() or nxt in ("ban", "bo", "so", "uy", "hoi", "van"):
                return False
    last_comma = max(k for k, w in enumerate(words) if w.endswith(","))
    return any(fold(w) == "va" for w in words[last_comma + 1 :])


def _verb_at(words: list[str], fwords: list[str], k: int) -> bool:
    """Does an adverb or a directing verb stand at word ``k``?"""
    rest = " ".join(w.rstrip(",;:") for w in fwords[k : k + 4]) + " "  # "Sở Nội vụ thông báo, nếu ..."
    return (
        bool(fwords[k:])
        and (
            _is_adverb(words[k], fwords[k])
            or any(rest.startswith(v + " ") for v in _DIRECTING)
            or (rest.startswith("thong tin ") and words[k][:1].islower())
            # (a letter it "has" is news of another body's letter as often as of its own: no verb)
            or (words[k][:1].islower() and bool(_SHARED_DUTY.match(rest)) and not rest.startswith("co "))
            or (words[k][:1].islower() and rest.startswith("co trach nhiem "))
        )
    )


_WORD = re.compile(r"[a-z]+")


def issuing_code(number: Number) -> str:
    """The code of the body that issued a numbered document: a party number's suffix
    ("27-HD/BTGDVTW" -> "btgdvtw"); in a state number, the part after the type code
    ("41/NQ-HĐBCQG" -> "hdbcqg") or, for a letter with no type code, its first part
    ("581/BNV-CCHC" -> "bnv"; CCHC is the drafting unit)."""
    parts = re.split(r"[/-]", fold(number.text))
    if "/" in number.text.split("-", 1)[0]:  # state style: "41/NQ-HĐBCQG", "06/2024/QĐ-UBND"
        codes = [p for p in parts[1:] if p.isalpha()]
        if codes and codes[0] in TYPE_CODES and len(codes) > 1:
            return codes[1]
        return codes[0] if codes else ""
    return number.issuer_code


# the head words an association or a body puts before the fields its code spells: "Hội Liên hiệp"
# before "Văn học nghệ thuật" (VHNT), "Sở" before "Tư pháp"
_HEAD_WORDS = re.compile(
    r"(?:(?:Hội|HỘI)(?:\s+(?:Liên|LIÊN)\s+(?:hiệp|HIỆP))?|(?:Liên|LIÊN)\s+(?:hiệp|HIỆP)|Sở|Ban|Cục|Trung tâm)\s+$"
)


def _with_organ_head(doc: Text, name: str) -> str:
    """ "Văn học nghệ thuật" spelled from "VHNT" where the text writes "Hội Liên hiệp Văn học nghệ
    thuật tỉnh Long An": the organ with its head words."""
    at = doc.cleaned.find(name)
    if at <= 0:
        return name
    head = _HEAD_WORDS.search(doc.cleaned, max(0, at - 30), at)
    return f"{collapse_spaces(head.group()).strip()} {name}" if head else name


def spelled_out_code(doc: Text, code: str, limit: int = 20000) -> str | None:
    """A state body's code is the initials of its name, "và" skipped ("HĐBCQG" = Hội đồng bầu
    cử quốc gia, "BTTTT" = Bộ Thông tin và Truyền thông): the first run of words in the text,
    within one phrase, whose initials spell it, as written there (mixed case preferred)."""
    code = re.sub(r"[^a-z]", "", code)
    n = len(code)
    if not 3 <= n <= 10:
        return None
    words = list(_WORD.finditer(doc.folded, 0, min(len(doc.folded), limit)))
    found = None
    for i in range(len(words)):
        if words[i].group()[0] != code[0]:
            continue
        k, j = 0, i
        while k < n and j < len(words):
            w = words[j].group()
            if w[0] == code[k]:
                k += 1
            elif w != "va" or k == 0:
                break
            j += 1
        if k < n:
            continue
        a, b = words[i].start(), words[j - 1].end()
        if re.search(r"[^a-z ]", doc.folded[a:b]):
            continue  # across punctuation or a line break: not one name
        text = collapse_spaces(doc.cleaned[a:b])
        if not _is_upper(text):
            return text
        found = found or _case_upper_line(text)
    if found is None:
        # its head noun in full and the rest as initials: "Bộ TTTT", "Sở GDĐT", "Cục QLCL"
        for m in re.finditer(rf"\b(?:bo|so|cuc|vu|ban)\s+{re.escape(code[1:])}\b", doc.folded[:limit]):
            text = doc.cleaned[m.start() : m.end()]
            head, rest = text.split(None, 1)
            if m.group()[0] == code[0] and head[:1].isupper() and _is_upper(rest):
                return f"{head} {rest}"
    return found


# a place right after a body's name: "TP.HCM", "TP. Cần Thơ", "tỉnh Gia Lai", "thành phố Huế"
_PLACE_AFTER = re.compile(
    r"[ \t]+(?P<place>TP\.[ \t]?[^\W\d_][\w.]*(?:[ \t][^\W\d_]\w*){0,2}"
    r"|(?:tỉnh|thành phố)[ \t]+[^\W\d_]\w*(?:[ \t][^\W\d_]\w*){0,2})"
)


def _named_with_place(doc: Text, name: str) -> str:
    """ "Ủy ban bầu cử" (spelled out from the number's code "UBBC") written "Ủy ban bầu cử TP.HCM"
    where the page names it: the body of that place."""
    at = doc.cleaned.find(name)
    if at < 0:
        return name
    m = _PLACE_AFTER.match(doc.cleaned, at + len(name))
    if not m:
        return name
    place = m["place"].split()
    # the place's name runs over its capitalised words ("TP. Cần Thơ nhận ...")
    lead = {"tỉnh": 1, "thành": 2}.get(place[0], 0)  # the place noun before the name
    k = lead
    while k < len(place) and place[k][:1].isupper():
        k += 1
    if k == lead:
        return name
    return f"{name} {' '.join(place[:k]).rstrip('.')}"


def announced_type(doc: Text, issuer: str) -> str | None:
    """ "Văn phòng UBND tỉnh thông báo đến quý cơ quan ...", "Sở Nội vụ thông báo, nếu ...": the
    issuer itself announcing, as a clause's subject, is a notice (Thông báo) told in its words."""
    name = r"\s+".join(re.escape(w) for w in fold(issuer).split())
    # (a page's date line run into the lead, " date 2025-11-01 Sở GD-ĐT ... vừa thông báo", is
    # a boundary too)
    # (its standing body speaking for it: "Ban Thường trực Ủy ban MTTQ ... hướng dẫn")
    lead = (
        rf"(?:^|(?<=[.,:;!?\-–])[ \t]|(?<=\n)|(?<=\d\d)[ \t])[ \t]*"
        rf"(?:(?:ban\s+thuong\s+truc|thuong\s+truc|ban\s+thuong\s+vu)\s+)?{name}\s+(?:(?:da|vua|cung|xin)\s+)?"
    )
    if re.search(rf"{lead}thong\s+bao\b", doc.folded[:20000], re.M):
        return "Thông báo"
    # "Ban Thường trực Ủy ban MTTQ tỉnh hướng dẫn việc tổ chức Ngày hội ...": guidance
    if re.search(
        rf"{lead}huong\s+dan\s+(?:viec|ve|cong\s+tac)\b",
        doc.folded[:20000],
        re.M,
    ):
        return "Hướng dẫn"
    return None


_MEETING_TITLE = re.compile(r"(?:hop|hoi\s+nghi|phien\s+hop)\s+(?P<organ>.+)$")


def meeting_organ(doc: Text) -> str | None:
    """A news page titled "Họp Tiểu ban Nội dung Đại hội ...", "Hội nghị Ban Chỉ đạo ...": the
    organ that met, named in full in the title, is the actor of the page."""
    # the title: the first line with words, past a page clock ("09:06, 23/06/2020")
    first = next((ln for ln in doc.lines[:8] if re.search(r"[a-z]{3}", ln.folded)), None)
    if first is None or len(first.text) > 160 or first.text.rstrip().endswith((".", "?", "!", ":")):
        return None
    m = _MEETING_TITLE.match(first.folded)
    if not m or not first.text[:1].isupper() or len(m["organ"].split()) > 14:
        return None
    organ = first.text[m.start("organ") :].strip()
    if not _ORGAN_START.match(m["organ"]) or not organ[:1].isupper() or _is_upper(organ):
        return None
    return organ


# "Ban Tuyên giáo Tỉnh ủy - Cơ quan thường trực (Ban Tổ chức Giải)": the role after a dash is
# an apposition, no part of the organ's name
_ROLE_AFTER = re.compile(r"\s+[-–]\s+(?:co\s+quan|thuong\s+truc)\b.*$")


def _tidy_issuer(name: str | None) -> str | None:
    """An organ's name without a sentence's closing stop ("UBND thành phố Đà Nẵng.") or a
    role in apposition after a dash."""
    if not name:
        return name
    cut = _ROLE_AFTER.search(fold(name))
    if cut:
        name = name[: cut.start()]
    name = name.rstrip(" .,;:")
    if name[-1:] in '"”»' and not any(q in name[:-1] for q in '"“«'):
        # "UBND tỉnh Thanh Hóa”": the closing quote of a title the name ran into (a name ending
        # with a quoted movement keeps it: "Ban chỉ đạo ... phong trào “Toàn dân ... văn hoá”")
        name = name[:-1].rstrip(" .,;:")
    return name or None


# "Trước đó, ngày 12/3/2021, Thành ủy ... ban hành Kế hoạch ...": what was done before the page's news
_BEFORE_THAT_LEAD = re.compile(r"(?:^|[.;:!?\n])\s*truoc\s+(?:do|day)\s*,\s*(?:(?:ngay|thang)\s+[\d/.\-]+\s*,\s*)?$")


def _told_before(folded: str, pos: int) -> bool:
    return bool(_BEFORE_THAT_LEAD.search(folded, max(0, pos - 60), pos))


# Central bodies by the code their numbers carry, for a page that names them no other way.
_CENTRAL_CODES = {
    "hvctqg": "Học viện Chính trị quốc gia Hồ Chí Minh",
    "twdtn": "Trung ương Đoàn",
    "hndtw": "Trung ương Hội Nông dân Việt Nam",
}


def find_issuer(doc: Text, number: Number | None, body_issuer: str | None = None) -> str | None:
    """The issuing body (see ``_find_issuer``), tidied."""
    return _tidy_issuer(_find_issuer(doc, number, body_issuer))


def _find_issuer(doc: Text, number: Number | None, body_issuer: str | None = None) -> str | None:
    """Printed header first (only when the text prints one: a number or place-date field);
    else the issuing clause of the body ("Ban Thường vụ Đảng ủy Khối ... ban hành", "Trên
    đây là Kế hoạch của Quận ủy Hà Đông"), the fullest mention that agrees with the number's
    suffix; else the subject of a sentence naming the document ("Ban Thường vụ Thành ủy có
    Công văn số ..."); else a news page's actor ("Ban Thường vụ Huyện ủy Bình Giang đang xin
    ý kiến"); else the suffix itself (ĐUK -> "Đảng ủy Khối")."""
    if name := _header_issuer(doc):
        return name
    base = issuer_from_code(number.issuer_code, doc) if number else None
    spelled = False
    if base is None and number:
        base = spelled_out_code(doc, issuing_code(number))
        spelled = base is not None
        if base:
            base = _with_organ_head(doc, base)
    base_f = fold(base) if base else None
    cands: list[str] = []
    for rx in (ISSUING_RE, CLOSING_RE):
        for k, m in enumerate(rx.finditer(doc.folded)):
            if k >= 20:  # the issuing clause is stated once or twice, not hundreds of times
                break
            if in_singled_out_sentence(doc.folded, m.start("body")):
                continue  # "Riêng Đảng ủy xã A đã xây dựng kế hoạch ...": one case of a report
            if _told_before(doc.folded, m.start("body")):
                continue  # "Trước đó, ngày 12/3/2021, Thành ủy Hà Nội ban hành ...": an earlier act
            s = collapse_spaces(doc.cleaned[m.start("body") : m.end("body")]).strip(" ,.;:")
            cands.append(s)
    if base_f:
        fitting = [c for c in cands if fold(c).startswith(base_f)]
        # "Tỉnh ủy" vs "Thành ủy" (both TU): accept either when the suffix is TU.
        if not fitting and number and number.issuer_code == "tu":
            fitting = [c for c in cands if fold(c).startswith(("tinh uy", "thanh uy"))]
        cands = fitting
    if not cands and not body_issuer:
        subjects = _subject_issuers(doc)
        if base_f:
            subjects = [c for c in subjects if fold(c).startswith(base_f)]
        if subjects:
            return _complete_place(doc, subjects[0])
        according = _according_issuers(doc)
        if base_f:
            according = [c for c in according if fold(c).startswith(base_f)]
        if according:
            return _complete_place(doc, according[0])
    if not cands and body_issuer:
        # the subject of the issuing clause ("Ban Thường vụ Thành ủy có Công văn số ...")
        return _complete_place(doc, re.sub(r"^(?:Ban [Tt]hường vụ|Thường trực|Ban [Cc]hấp hành) ", "", body_issuer))
    if not cands:
        # "Ủy ban nhân dân" spelled out from "UBND": its place from the enacting line
        if base and spelled and (placed := _named_with_place(doc, base)) != base:
            return placed
        if base is None and number:
            # a central body's code the page never spells out ("57-KH/HVCTQG"): its known name
            return _CENTRAL_CODES.get(issuing_code(number))
        return _complete_state_organ(doc, base) if base else None
    # the fullest name; among equals, the first stated
    best = max(enumerate(cands), key=lambda ic: (len(ic[1].split()), -ic[0]))[1]
    best = _complete_place(doc, best)
    if fold(best) == "dang uy":
        exts = Counter(m["ext"] for m in _UNIT_EXT.finditer(doc.folded))
        if exts:
            ext = exts.most_common(1)[0][0]
            best = "Đảng ủy " + (
                "Khối" if ext == "khoi" else {"phuong": "phường", "xa": "xã", "thi tran": "thị trấn"}[ext]
            )
    return best


# ---------------------------------------------------------------------------------------
# What the report must contain
# ---------------------------------------------------------------------------------------

REPORT_FIELDS_RE = re.compile(
    r"\b(?:bao\s+cao|noi\s+dung\s+bao\s+cao)\s+(?:can\s+|phai\s+)?"
    r"(?:neu\s+ro|gom|bao\s+gom|the\s+hien(?:\s+ro)?|tap\s+trung\s+vao|co)"
    r"(?:\s+(?:cac|nhung))?(?:\s+noi\s+dung)?(?:\s+(?:chinh|sau))?\s*:"
    r"|\bnoi\s+dung\s+bao\s+cao(?:\s+(?:cac|nhung))?(?:\s+noi\s+dung)?(?:\s+sau)?\s*:"
)
# Where a comma opens a new field rather than continuing a list inside one field
# ("số lượng người tiếp cận/tổng số cán bộ, công chức, lao động" is ONE field).
_FIELD_HEADS = (
    "hinh thuc|so luong|so nguoi|ty le|ti le|nhan thuc|ket qua|kho khan|vuong mac|de xuat|"
    "kien nghi|thoi gian|dia diem|thanh phan|noi dung|danh gia|tinh hinh|bien phap|giai phap|"
    "uu diem|han che|nguyen nhan|bai hoc|phuong huong|nhiem vu|tong so"
)
_FIELD_HEADS_RE = _FIELD_HEADS.replace(" ", r"\s+")  # a wrapped line may split a head
_FIELD_SPLIT = re.compile(rf";|,\s*(?=(?:{_FIELD_HEADS_RE})\b)")


def _split_fields(cleaned: str, folded: str) -> list[str]:
    out, last = [], 0
    for m in _FIELD_SPLIT.finditer(folded):
        out.append(cleaned[last : m.start()])
        last = m.end()
    out.append(cleaned[last:])
    return [f for f in (collapse_spaces(x).strip(" .,;…-+") for x in out) if f]


# Where an inline list of report fields ends: a blank line, a new list item or heading, or
# a sentence end (". " before a capital; an ellipsis "...." is not one).
_FIELDS_END = re.compile(
    r"\n[^\S\n]*\n|\n(?=[^\S\n]*(?:[-+•]|\d{1,2}\s?[.)]|[ivx]{1,4}\.)\s)"
    r"|(?<!\.)\.(?!\.)\s+|\.?$"
)


_FIELD_ITEM = re.compile(r"^(?:(?P<dash>[-+•–])|(?P<letter>[a-zđ]\))|(?P<num>\d{1,2}[.)]))\s*")


def find_report_fields(doc: Text) -> list[str]:
    m = REPORT_FIELDS_RE.search(doc.folded)
    if not m:
        return []
    pos = m.end()
    eol = doc.folded.find("\n", pos)
    eol = len(doc.folded) if eol == -1 else eol
    if doc.folded[pos:eol].strip(" .…"):
        # inline: up to the end of the sentence, which may wrap onto following lines
        end = pos
        for stop in _FIELDS_END.finditer(doc.folded, pos, min(len(doc.folded), pos + 2000)):
            after = doc.cleaned[stop.end() : stop.end() + 1]
            if stop.group(0).startswith(".") and after.isalpha() and not after.isupper():
                continue  # "v.v. các nội dung" — not a sentence end ("... đề xuất.\n3. ..." is)
            end = stop.start()
            break
        else:
            end = min(len(doc.folded), pos + 2000)
        return _split_fields(doc.cleaned[pos:end], doc.folded[pos:end])
    # fields listed on the following lines as "- ..." / "+ ..." / "a) ..."
    out: list[str] = []
    idx = doc.lines.index_at(pos)
    style = None
    for ln in doc.lines[idx + 1 : idx + 60]:
        if not ln.text:
            if out:
                break
            continue
        im = _FIELD_ITEM.match(ln.text)
        # the list ends where the marker style changes ("- ..." items, then "3. ..." task)
        if not im or (style and im.lastgroup != style):
            break
        style = im.lastgroup
        item = collapse_spaces(ln.text[im.end() :]).strip(" .,;…")
        if item:
            out.append(item)
    return out

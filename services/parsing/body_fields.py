"""Fields named in running text, for pages that describe a document rather than print its
header ("Ban Thường vụ Thành ủy có Công văn số 4182-CV/TU yêu cầu ...", "Ngày 27/8, Đảng ủy
Văn phòng UBND tỉnh ban hành Công văn số 468 về việc ...").

The rule, by the language: a document is the document's own when an issuing verb governs
it — "ban hành", "có", "ký", "xây dựng", "vừa ban hành" — with its issuer as the subject
before the verb and, optionally, its number and date right after the type word. A document
after "thực hiện", "căn cứ", "theo", "của" is a cited one and never matches, because those
words are not issuing verbs. The first issuing clause of the text wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .vn_text import collapse_spaces

__all__ = ["BodyDocument", "find_body_document"]

_TYPES = {
    "cong van": "Công văn",
    "van ban": None,
    "ke hoach": "Kế hoạch",
    "chi thi": "Chỉ thị",
    "nghi quyet": "Nghị quyết",
    "thong bao": "Thông báo",
    "huong dan": "Hướng dẫn",
    "ket luan": "Kết luận",
    "quyet dinh": "Quyết định",
    "bao cao": "Báo cáo",
    "thong tu": "Thông tư",
}
_TYPE_ALT = "|".join(t.replace(" ", r"\s+") for t in _TYPES)
_NUM = (
    r"\d{1,5}\s?-\s?[a-z]{1,8}\s?/\s?[a-z]{1,12}(?:\s?-\s?[a-z]{1,10})?"
    r"|\d{1,5}/\d{4}/[a-z]{1,8}-[a-z]{1,10}"
    r"|\d{1,5}\s?/\s?[a-z]{1,8}(?:\s?-\s?[a-z]{1,10})?"
    r"|\d{1,5}(?![\d/.,\-])"
)
_DATE = r"(?P<d>\d{1,2})\s?[/.\-]\s?(?P<m>\d{1,2})(?:\s?[/.\-]\s?(?P<y>\d{4}))?(?!\d)"
# An organ as the subject of the issuing verb: its head noun, then up to 9 name words that
# are not the verb, an adverb of time or a preposition.
_HEAD = (
    r"(?:ban\s+thuong\s+vu\s+|thuong\s+truc\s+|ban\s+chap\s+hanh\s+)?"
    r"(?:dang\s+uy|dang\s+bo|quan\s+uy|huyen\s+uy|tinh\s+uy|thanh\s+uy|thi\s+uy|"
    r"ban\s+(?:tuyen\s+giao|to\s+chuc|dan\s+van|noi\s+chinh)|ubkt|uy\s+ban\s+kiem\s+tra|"
    r"uy\s+ban\s+nhan\s+dan|ubnd|so\s+[a-z]|bo\s+[a-z]|van\s+phong|phong\s+[a-z])"
)
_ISSUE_VERB = r"(?:(?:da|vua|moi|cung)\s+)*(?:ban\s+hanh|co|ky|xay\s+dung|gui)"
_STOP = (
    rf"(?:da|vua|cung|moi|ngay|ve|cua|va|tai|theo|trong|tren|den|voi|"
    rf"yeu|de|trien|thuc|chi|huong|thong|quyet|giao|la|ban\s+hanh|xay\s+dung|ky|gui|"
    rf"co\s+(?:cac\s+|01\s+|mot\s+)?(?:{_TYPE_ALT}))\b"
)
_ORGAN = rf"(?P<org>{_HEAD}(?:\s+(?!{_STOP})[^\s,.;:()\"]+){{0,9}})"
_ON_BEHALF = re.compile(rf"\bthay\s+mat\s+{_ORGAN}")
ISSUING_DOC_RE = re.compile(
    rf"(?:\bngay\s+{_DATE}\s*,\s*)?(?:(?:{_ORGAN})\s+)?{_ISSUE_VERB}\s+(?:(?:cac|01|mot)\s+)?"
    rf"(?P<type>{_TYPE_ALT})(?![a-z])(?:\s+(?P<urg>hoa\s+toc|thuong\s+khan|khan(?!\s+truong)))?"
    rf"(?:\s+(?:so\s*:?\s*)(?P<num>{_NUM}))?(?:\s*,?\s*ngay\s+(?P<d2>\d{{1,2}})\s?[/.\-]\s?"
    rf"(?P<m2>\d{{1,2}})\s?[/.\-]\s?(?P<y2>\d{{4}}))?"
)
# "Nội dung Chỉ thị như sau", "Nội dung công văn Ban Tuyên giáo Tỉnh ủy", "Kế hoạch của Ban
# Thường vụ Đảng uỷ cũng nêu rõ": the page quotes the document it is about.
CONTENT_RE = re.compile(
    rf"\bnoi\s+dung\s+(?:toan\s+van\s+)?(?P<type>{_TYPE_ALT})\b"
    rf"|\b(?P<type2>{_TYPE_ALT})\s+(?:nay\s+)?(?:cua\s+[^.;:\n]{{3,80}}?\s+)?(?:cung\s+)?neu\s+ro\b"
)

# "(Trích Thông tư số 03/2015/TT-BTTTT ...)", "Xem chi tiết tại Thông tư 02/2023/TT-BTTTT",
# "giới thiệu toàn văn Văn bản số 581/BNV-CCHC": the page is an excerpt of that document.
SOURCE_RE = re.compile(
    rf"\b(?:trich|xem\s+(?:chi\s+tiet|toan\s+van)(?:\s+tai)?|toan\s+van)\s+"
    rf"(?P<type>{_TYPE_ALT})\s+(?:so\s*:?\s*)?(?P<num>{_NUM})"
)


@dataclass(frozen=True)
class BodyDocument:
    doc_type: str | None
    number: str | None
    issuer: str | None
    day: int | None = None
    month: int | None = None
    year: int | None = None
    urgent: str | None = None


#: A document number right before a date ("08-NQ/TU ngày", "số 293-CV/BTG, ngày"): that date is
#: the numbered document's, not the date of the document being described.
_CITED_NUMBER_END = re.compile(r"\d+\s*[-/]\s*[a-z0-9]+(?:[-/][a-z0-9]+)*\s*,?\s*$")

_URGENT = {"hoa toc": "HỎA TỐC", "thuong khan": "THƯỢNG KHẨN", "khan": "KHẨN"}


def find_body_document(cleaned: str, folded: str, limit: int = 20000) -> BodyDocument | None:
    end = min(len(folded), limit)
    for m in ISSUING_DOC_RE.finditer(folded, 0, end):
        tname = _TYPES.get(re.sub(r"\s+", " ", m["type"]))
        org = None
        # the last "thừa lệnh / thay mặt ..." before the type word
        behalves = list(_ON_BEHALF.finditer(folded, max(0, m.start() - 160), m.start()))
        behalf = behalves[-1] if behalves else None
        if behalf:
            org = collapse_spaces(cleaned[behalf.start("org") : behalf.end("org")]).strip(" ,.;:")
        elif m["org"]:
            org = collapse_spaces(cleaned[m.start("org") : m.end("org")]).strip(" ,.;:")
        if m["type"].startswith("van") and not m["urg"]:
            continue  # "có văn bản" alone names no type
        if not (org or m["num"] or m["d"] or m["urg"]) and not m["type"].startswith(("ke", "cong")):
            continue
        num = None
        if m["num"]:
            num = re.sub(r"\s+", "", cleaned[m.start("num") : m.end("num")]).upper()
        d: int | None
        mo: int | None
        y: int | None
        if m["d2"]:
            d, mo, y = int(m["d2"]), int(m["m2"]), int(m["y2"])
        elif m["d"]:
            d, mo, y = int(m["d"]), int(m["m"]), int(m["y"]) if m["y"] else None
        else:
            d = mo = y = None
            head = folded[max(0, m.start() - 200) : m.start()]
            head = re.split(r"\n|\.\s", head)[-1]
            for dm in re.finditer(rf"\bngay\s+{_DATE}", head):
                if _CITED_NUMBER_END.search(head, 0, dm.start()):
                    continue  # "Nghị quyết số 08-NQ/TU ngày 30/7/2021": the cited document's date
                d, mo, y = int(dm["d"]), int(dm["m"]), int(dm["y"]) if dm["y"] else None
        urg = _URGENT[re.sub(r"\s+", " ", m["urg"])] if m["urg"] else None
        return BodyDocument(tname or "Công văn", num, org, d, mo, y, urg)
    source = SOURCE_RE.search(folded, 0, end)
    if source and not source["num"].isdigit():
        num = re.sub(r"\s+", "", cleaned[source.start("num") : source.end("num")]).upper()
        return BodyDocument(_TYPES.get(re.sub(r"\s+", " ", source["type"])) or "Công văn", num, None)
    content = CONTENT_RE.search(folded, 0, end)
    if content:
        t = re.sub(r"\s+", " ", content["type"] or content["type2"])
        if _TYPES.get(t):
            return BodyDocument(_TYPES[t], None, None)
    return None


def valid_date(y: int | None, m: int | None, d: int | None) -> date | None:
    if not (y and m and d):
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None

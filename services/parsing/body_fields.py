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

from .document_fields import TYPE_CODES
from .vn_text import collapse_spaces, fold, in_singled_out_sentence

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
# A number with its codes ("41/NQ-HĐBCQG", "27-HD/BTGDVTW") names a document even without
# "số" before it; a bare "468" only after "số".
_NUM_CODED = (
    r"\d{1,5}\s?-\s?[a-z]{1,8}\s?/\s?[a-z]{1,12}(?:\s?-\s?[a-z]{1,10})?"
    r"|\d{1,5}/\d{4}/[a-z]{1,8}-[a-z]{1,10}"
    r"|\d{1,5}\s?/\s?[a-z]{1,8}(?:\s?-\s?[a-z]{1,10})?"
)
_NUM = rf"{_NUM_CODED}|\d{{1,5}}(?![\d/.,\-])"
_NUMBER = rf"(?:so\s*:?\s*(?P<num>{_NUM})|(?P<numc>(?:{_NUM_CODED})(?![a-z\d])))"
# "27/5/2022", "24-10", or in words "27 tháng 5 năm 2022"
_DATE = (
    r"(?P<d>\d{1,2})(?:\s?[/.\-]\s?(?P<m>\d{1,2})(?:\s?[/.\-]\s?(?P<y>\d{4}))?"
    r"|\s+thang\s+(?P<mw>\d{1,2})(?:\s*,?\s+nam\s+(?P<yw>\d{4}))?)(?!\d)"
)
# An organ as the subject of the issuing verb: its head noun, then up to 9 name words that
# are not the verb, an adverb of time or a preposition.
_HEAD = (
    r"(?:ban\s+thuong\s+vu\s+|thuong\s+truc\s+|ban\s+chap\s+hanh\s+)?"
    r"(?:dang\s+uy|dang\s+bo|quan\s+uy|huyen\s+uy|tinh\s+uy|thanh\s+uy|thi\s+uy|"
    r"ban\s+(?:tuyen\s+giao|to\s+chuc|dan\s+van|noi\s+chinh)|ubkt|uy\s+ban\s+kiem\s+tra|"
    r"uy\s+ban(?=\s+[a-z])|hoi\s+dong(?=\s+[a-z])|ubnd|so(?=\s+[a-z])|bo(?=\s+[a-z])|van\s+phong|"
    r"phong(?=\s+[a-z]))"
)
_ISSUE_VERB = r"(?:(?:da|vua|moi|cung)\s+)*(?:ban\s+hanh|co|ky|xay\s+dung|gui)"
_STOP = (
    rf"(?:da|vua|cung|moi|ngay|ve|cua|tai|theo|trong|tren|den|voi|"
    rf"yeu|de|trien|thuc|chi|huong|thong|quyet|giao|la|ban\s+hanh|xay\s+dung|ky|gui|"
    rf"co\s+(?:cac\s+|01\s+|mot\s+)?(?:{_TYPE_ALT}))\b"
)
_ORGAN = rf"(?P<org>{_HEAD}(?:\s+(?!{_STOP})[^\s,.;:()\"]+){{0,9}})"
_ON_BEHALF = re.compile(rf"\bthay\s+mat\s+{_ORGAN}")
# the numbered document's date right after its number: "số 176 ngày 26.8.2019", "... ngày 25
# tháng 12 năm 2019"
_NUMBER_DATE = (
    r"(?:\s*,?\s*ngay\s+(?P<d2>\d{1,2})(?:\s?[/.\-]\s?(?P<m2>\d{1,2})\s?[/.\-]\s?"
    r"|\s+thang\s+(?P<m2w>\d{1,2})\s*,?\s+nam\s+)(?P<y2>\d{4}))?"
)
ISSUING_DOC_RE = re.compile(
    rf"(?:\bngay\s+{_DATE}\s*,\s*)?(?:(?:{_ORGAN})\s+)?{_ISSUE_VERB}\s+(?:(?:cac|01|mot)\s+)?"
    rf"(?:van\s+ban\s+)?(?P<type>{_TYPE_ALT})(?![a-z])(?:\s+(?P<urg>hoa\s+toc|thuong\s+khan|khan(?!\s+truong)))?"
    rf"(?:\s+{_NUMBER})?{_NUMBER_DATE}"
)
# "Nội dung Chỉ thị như sau", "Nội dung công văn Ban Tuyên giáo Tỉnh ủy", "Kế hoạch của Ban
# Thường vụ Đảng uỷ cũng nêu rõ": the page quotes the document it is about.
CONTENT_RE = re.compile(
    rf"\bnoi\s+dung\s+(?:toan\s+van\s+)?(?:(?:tai|cua)\s+)?(?P<type>{_TYPE_ALT})\b(?:\s+{_NUMBER}{_NUMBER_DATE})?"
    rf"|\b(?P<type2>{_TYPE_ALT})\s+(?:nay\s+)?(?:cua\s+[^.;:\n]{{3,80}}?\s+)?(?:cung\s+)?neu\s+ro\b"
)

ACCORDING_RE = re.compile(
    r"(?:^|(?<=\n)|(?<=[.;]\s))[^\S\n]*theo\s+(?P<type>ke\s+hoach|huong\s+dan)\b"
    r"(?!\s*(?:so\b|\d|cua\b))[^.;:\n]{0,200}?,",
    re.M,
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
        if in_singled_out_sentence(folded, m.start("type")):
            continue  # "Riêng Đảng bộ X đã xây dựng kế hoạch ...": one case of a report
        tname = _TYPES.get(re.sub(r"\s+", " ", m["type"]))
        org = None
        # the last "thừa lệnh / thay mặt ..." before the type word
        behalves = list(_ON_BEHALF.finditer(folded, max(0, m.start() - 160), m.start()))
        behalf = behalves[-1] if behalves else None
        if behalf:
            org = collapse_spaces(cleaned[behalf.start("org") : behalf.end("org")]).strip(" ,.;:")
        elif m["org"]:
            org = _organ_name(collapse_spaces(cleaned[m.start("org") : m.end("org")]).strip(" ,.;:"))
        if m["type"].startswith("van") and not (m["urg"] or m["num"] or m["numc"]):
            continue  # "có văn bản" alone names no type; "có văn bản số 4912/UBND-NC" is a letter
        if not (org or m["num"] or m["d"] or m["urg"]) and not m["type"].startswith(("ke", "cong")):
            continue
        num = _number(cleaned, m)
        if tname is None and num:
            tname = _type_of_number(num)
        d: int | None
        mo: int | None
        y: int | None
        if m["d2"]:
            d, mo, y = int(m["d2"]), int(m["m2"] or m["m2w"]), int(m["y2"])
        elif m["d"]:
            d, mo, y = _day_month_year(m)
        else:
            d = mo = y = None
            head = folded[max(0, m.start() - 200) : m.start()]
            head = re.split(r"\n|\.\s", head)[-1]
            for dm in re.finditer(rf"\bngay\s+{_DATE}", head):
                if _CITED_NUMBER_END.search(head, 0, dm.start()):
                    continue  # "Nghị quyết số 08-NQ/TU ngày 30/7/2021": the cited document's date
                d, mo, y = _day_month_year(dm)
        urg = _URGENT[re.sub(r"\s+", " ", m["urg"])] if m["urg"] else None
        return BodyDocument(tname or "Công văn", num, org, d, mo, y, urg)
    source = SOURCE_RE.search(folded, 0, end)
    if source and not source["num"].isdigit():
        num = re.sub(r"\s+", "", cleaned[source.start("num") : source.end("num")]).upper()
        return BodyDocument(_TYPES.get(re.sub(r"\s+", " ", source["type"])) or "Công văn", num, None)
    # "Theo kế hoạch, đại hội các chi bộ hoàn thành trước ngày 15.2; ...", "Theo kế hoạch tổ
    # chức đại hội ..., đại hội cấp xã hoàn thành trước ...": a news page telling a plan's
    # schedule is about that plan, the one it names with its author ("kế hoạch của Huyện ủy
    # Núi Thành"); a numbered "Theo Kế hoạch số ..." or "theo kế hoạch của X" is a citation.
    according = ACCORDING_RE.search(folded, 0, end)
    if according:
        t = re.sub(r"\s+", " ", according["type"])
        type_re = according["type"].split()[0] + r"\s+" + according["type"].split()[-1]
        author = re.search(rf"\b{type_re}\s+(?:nay\s+)?cua\s+{_ORGAN}", folded[:end])
        org = collapse_spaces(cleaned[author.start("org") : author.end("org")]).strip(" ,.;:") if author else None
        return BodyDocument(_TYPES[t], None, _organ_name(org) if org else None)
    content = CONTENT_RE.search(folded, 0, end)
    if content:
        t = re.sub(r"\s+", " ", content["type"] or content["type2"])
        if _TYPES.get(t):
            if content["d2"]:
                day, month = int(content["d2"]), int(content["m2"] or content["m2w"])
                return BodyDocument(_TYPES[t], _number(cleaned, content), None, day, month, int(content["y2"]))
            return BodyDocument(_TYPES[t], _number(cleaned, content), None)
    return None


def _organ_name(org: str) -> str | None:
    """ "Sở Giáo dục và Đào tạo", "Ban Tuyên giáo và Dân vận Trung ương": "và" inside an organ's
    name joins two capitalised parts; "Huyện ủy và các chi bộ" names two actors, no one organ."""
    words = org.split()
    for k, w in enumerate(words[:-1]):
        if fold(w) == "va" and not words[k + 1][:1].isupper():
            return None
    return org


def _number(cleaned: str, m: re.Match) -> str | None:
    name = "num" if m["num"] else "numc" if m["numc"] else None
    return re.sub(r"\s+", "", cleaned[m.start(name) : m.end(name)]).upper() if name else None


def _type_of_number(num: str) -> str | None:
    """ "12/KH-UBND", "05-KH/ĐU" -> "Kế hoạch"; a state letter's "4912/UBND-NC" has no type
    code: None."""
    code = re.match(r"\d+(?:/\d{4})?\s?[-/]\s?([^\W\d_]+)", num)
    return TYPE_CODES.get(fold(code.group(1))) if code else None


def _day_month_year(m: re.Match) -> tuple[int, int, int | None]:
    year = m["y"] or m["yw"]
    return int(m["d"]), int(m["m"] or m["mw"]), int(year) if year else None


def valid_date(y: int | None, m: int | None, d: int | None) -> date | None:
    if not (y and m and d):
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None

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

from .document_fields import TYPE_CODES, drop_person_name, is_person_name, number_case
from .vn_text import collapse_spaces, fold, in_singled_out_sentence

__all__ = [
    "BodyDocument",
    "author_of_number",
    "find_named_document",
    "find_body_document",
    "find_lead_document",
    "find_own_mention",
    "find_title_document",
    "initials",
]

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
    "chuong trinh": "Chương trình",
    "to trinh": "Tờ trình",
    "cong dien": "Công điện",
}
_TYPE_ALT = "|".join(t.replace(" ", r"\s+") for t in _TYPES)
# A number with its codes ("41/NQ-HĐBCQG", "27-HD/BTGDVTW") names a document even without
# "số" before it; a bare "468" only after "số".
# (a unit's code after the issuer's, even two, or with digits: "120/KH-MTTQ-BTT", "1502/KH-CAT-PV01")
_NUM_CODED = (
    r"\d{1,5}\s?[-–]\s?[a-z]{1,8}\s?/\s?[a-z]{1,12}(?:\s?-\s?[a-z](?:[a-z\d]|&(?=[a-z])){0,9})?"
    r"|\d{1,5}/\d{4}/[a-z]{1,8}-[a-z]{1,10}"
    r"|\d{1,5}\s?/\s?[a-z]{1,8}(?:\s?-\s?[a-z](?:[a-z\d]|&(?=[a-z])){0,9}){0,2}"
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
    r"(?:ban\s+thuong\s+vu\s+|thuong\s+truc\s+|ban\s+chap\s+hanh\s+|b?tt\s+(?=ubmt|mttq))?"
    r"(?:dang\s+uy|dang\s+bo|quan\s+uy|huyen\s+uy|tinh\s+uy|thanh\s+uy|thi\s+uy|"
    r"ban\s+(?:tuyen\s+giao(?:\s+va\s+dan\s+van)?|to\s+chuc|dan\s+van|noi\s+chinh)|ubkt|uy\s+ban\s+kiem\s+tra|"
    r"uy\s+ban(?=\s+[a-z])|hoi\s+dong(?=\s+[a-z])|ubnd|so(?=\s+[a-z])|bo(?=\s+[a-z])|van\s+phong|"
    r"phong(?=\s+[a-z])|ubmttq[a-z]*|mttq|ban\s+quan\s+ly|ban\s+chi\s+dao|tieu\s+ban|cong\s+an(?=\s+[a-z])|"
    r"huyen\s+doan|tinh\s+doan|thanh\s+doan|doan\s+(?:tncs|thanh\s+nien)|"
    r"hoi\s+(?:nong\s+dan|phu\s+nu|lien\s+hiep\s+phu\s+nu|cuu\s+chien\s+binh)|lien\s+doan\s+lao\s+dong|"
    # ("Công đoàn cơ sở Văn phòng UBND tỉnh ban hành Công văn số 68 /CĐCS")
    r"cong\s+doan(?=\s+[a-z])|"
    # the central organs: "Ban Bí thư", "Bộ Chính trị", "Thủ tướng Chính phủ", "Chính phủ"
    r"ban\s+bi\s+thu|bo\s+chinh\s+tri|thu\s+tuong(?:\s+chinh\s+phu)?|chinh\s+phu)"
)
# ("Văn phòng Chính phủ đã ra Công văn số ...": "ra" issues only after an adverb of time; bare
# "ra" is too common a word)
_ISSUE_VERB = (
    r"(?:(?:(?:da|vua|moi|cung)\s+)*(?:ban\s+hanh|co|ky(?:\s+ban\s+hanh)?|xay\s+dung|gui)"
    r"|(?:(?:da|cung)\s+)?(?:da|vua|moi)\s+ra)"
)
# verbs and prepositions that end a name, but not the same letters opening a field of work
# ("Giáo dục", "Tài nguyên", "Tài chính", "Thông tin", "Kỹ thuật")
_GIAO = r"giao(?!\s+duc)"
_TAI = r"tai(?!\s+(?:nguyen|chinh))"
_THONG = r"thong(?!\s+tin)"
_KY = r"ky(?!\s+thuat)"
_STOP = (
    rf"(?:da|vua|cung|moi|se|tien\s+hanh|ngay|ve|cua|{_TAI}|theo|trong|tren|den|voi|"
    rf"yeu|de|trien|thuc|chi|huong\s+dan|{_THONG}|quyet|{_GIAO}|la|ban\s+hanh|xay\s+dung|{_KY}|gui|"
    rf"co\s+(?:cac\s+|01\s+|mot\s+)?(?:{_TYPE_ALT}))\b"
)
# (a prize's organisers are named with the prize: "Ban Tổ chức Giải Búa liềm vàng tỉnh An Giang
# lần thứ II-năm 2022 ban hành ...")
_ORGAN = rf"(?P<org>{_HEAD}(?:\s+(?!{_STOP})[^\s,.;:()\"]+){{0,12}})"
_ON_BEHALF = re.compile(rf"\bthay\s+mat\s+{_ORGAN}")
# the numbered document's date right after its number: "số 176 ngày 26.8.2019", "... ngày 25
# tháng 12 năm 2019"
_NUMBER_DATE = (
    r"(?:\s*,?\s*ngay\s+(?P<d2>\d{1,2})(?:\s?[/.\-]\s?(?P<m2>\d{1,2})\s?[/.\-]\s?"
    r"|\s+thang\s+(?P<m2w>\d{1,2})\s*,?\s+nam\s+)(?P<y2>\d{4}))?"
)
ISSUING_DOC_RE = re.compile(
    # (a signer's name after the organ may close with a comma: "Thường trực Ban Bí thư Trần Cẩm
    # Tú, đã ký ban hành Chỉ thị số 51-CT/TW"; its short name in brackets: "... (Ban Tổ chức) ban hành")
    rf"(?:\bngay\s+{_DATE}\s*,\s*)?(?:(?:{_ORGAN})(?:\s+\([^()\n]{{1,40}}\))?\s*,?\s+)?{_ISSUE_VERB}\s+(?:(?:cac|01|mot)\s+)?"
    rf"(?:van\s+ban\s+)?(?P<type>{_TYPE_ALT})(?![a-z])(?:\s+(?P<urg>hoa\s+toc|thuong\s+khan|khan(?!\s+truong)))?"
    # (issued, a number may follow bare: "ký ban hành Kết luận 191 của Bộ Chính trị" — not a year)
    rf"(?:\s+{_NUMBER}|\s+(?P<bare>(?!(?:19|20)\d\d)\d{{1,4}})(?![\d/.,\-]|\s*(?:%|nam|thang|ngay|lan)\b))?{_NUMBER_DATE}"
)
# "Nội dung Chỉ thị như sau", "Nội dung công văn Ban Tuyên giáo Tỉnh ủy", "Kế hoạch của Ban
# Thường vụ Đảng uỷ cũng nêu rõ": the page quotes the document it is about.
CONTENT_RE = re.compile(
    # ("nội dung báo cáo" is what the units must report, not a report quoted)
    rf"\bnoi\s+dung\s+(?:toan\s+van\s+)?(?:(?:tai|cua)\s+)?(?!bao\s+cao\b)(?P<type>{_TYPE_ALT})\b(?:\s+{_NUMBER}{_NUMBER_DATE})?"
    rf"|\b(?P<type2>{_TYPE_ALT})\s+(?:nay\s+)?(?:cua\s+[^.;:\n]{{3,80}}?\s+)?(?:cung\s+)?neu\s+ro\b"
)

# "Nội dung này được đề cập tại kế hoạch triển khai ...", "Cuộc họp thông qua dự thảo Kế hoạch
# thực hiện ...": a page telling what an unnumbered document says, or that it was adopted. A
# numbered one ("quy định tại Thông tư số 02/2023/TT-BTTTT") is a citation.
TOLD_IN_RE = re.compile(
    r"\b(?:(?:duoc\s+)?(?:de\s+cap|neu|de\s+ra|neu\s+ro)\s+(?:tai|trong)|thong\s+qua\s+(?:du\s+thao\s+)?)\s*"
    rf"(?P<type>{_TYPE_ALT})\b(?!\s*(?:so\b|\d|cua\b|nay\b|tren\b))"
)
ACCORDING_RE = re.compile(
    r"(?:^|(?<=\n)|(?<=[.;]\s))[^\S\n]*theo\s+(?P<type>ke\s+hoach|huong\s+dan)\b"
    r"(?!\s*(?:so\b|\d|cua\b))[^.;:\n]{0,200}?,",
    re.M,
)
# "(Trích Thông tư số 03/2015/TT-BTTTT ...)", "Xem chi tiết tại Thông tư 02/2023/TT-BTTTT",
# "giới thiệu toàn văn Văn bản số 581/BNV-CCHC": the page is an excerpt of that document.
# "(Theo Công văn số 6202/UBND-KT, ngày 23/11/2023)": a news post's closing attribution in
# brackets names the document the post retells.
SOURCE_RE = re.compile(
    rf"(?:\(\s*theo|\b(?:trich|xem\s+(?:chi\s+tiet|toan\s+van)(?:\s+tai)?|toan\s+van))\s+"
    rf"(?P<type>{_TYPE_ALT})\s+(?:so\s*:?\s*)?(?P<num>{_NUM}){_NUMBER_DATE}"
)


# "Ủy ban bầu cử ... thông báo số 15/TB-UBBC về ...": the type word as the verb, its subject
# the body that issued it (the number's type code agrees with the verb)
VERB_TYPE_RE = re.compile(
    rf"\b(?P<type>thong\s+bao|huong\s+dan)\s+so\s*:?\s*(?P<num>{_NUM_CODED})(?![a-z\d]){_NUMBER_DATE}"
)


# "LTS: Thực hiện Công văn số 2266 ngày 17/9/2020 của Ban Tuyên giáo Tỉnh ủy, từ số báo này, Báo
# ... mở chuyên mục ...": a newspaper's editor's note (lời tòa soạn) says which document the
# page carries out, so the page relays that document
EDITOR_NOTE_RE = re.compile(
    rf"(?:^|(?<=\n))[^\S\n]*(?:lts|loi\s+toa\s+soan)\s*:\s*(?:thuc\s+hien|theo)\s+(?P<type>{_TYPE_ALT})\s+"
    rf"{_NUMBER}{_NUMBER_DATE}(?:\s*,?\s*cua\s+{_ORGAN})?"
)


# the second of two documents named together: "... và Kế hoạch số 62/KH-HU"
_PAIRED_DOC = re.compile(rf"\s+va\s+(?P<type>{_TYPE_ALT})\s+{_NUMBER}{_NUMBER_DATE}")


# "Sở ... vừa ra văn bản nhắc nhở", "Huyện ủy đã ra văn bản chỉ đạo": a letter sent out
# (news of it); "Nhận được công văn này, ...": a letter's closing names itself.
LETTER_OUT_RE = re.compile(r"\b(?:da|vua|moi)\s+ra\s+(?:van\s+ban|cong\s+van)\b|\bnhan\s+duoc\s+cong\s+van\s+nay\b")


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
    weak: BodyDocument | None = None
    for found in _issuing_documents(cleaned, folded, end):
        if found.number or found.issuer or found.day or found.urgent:
            return found
        # "Xây dựng kế hoạch cải cách hành chính" (a heading), then "Ngày 08/05/2012, UBND tỉnh ban
        # hành văn bản số 2539/UBND-SNV ...": a kind named alone gives way to a numbered document
        weak = weak or found
    if weak:
        return weak
    return _other_body_document(cleaned, folded, end)


# "hướng dẫn xây dựng kế hoạch", "tiến độ xây dựng kế hoạch": drawing up a plan as a task's
# name, no document the page is
_TASK_NAME_BEFORE = re.compile(r"\b(?:viec|huong\s+dan|tien\s+do|cong\s+tac|ve)\s+$")


def _issuing_documents(cleaned: str, folded: str, end: int):
    for m in ISSUING_DOC_RE.finditer(folded, 0, end):
        if in_singled_out_sentence(folded, m.start("type")):
            continue  # "Riêng Đảng bộ X đã xây dựng kế hoạch ...": one case of a report
        if m["org"] and "," in folded[m.end("org") : m.end("org") + 3]:
            org_words = cleaned[m.start("org") : m.end("org")].split()
            if not (is_person_name(org_words[-3:]) or is_person_name(org_words[-4:])):
                continue  # "Quận ủy cần xác định lộ trình cụ thể, xây dựng các báo cáo": no signer
        if m["org"] and _MANY_BEFORE.search(folded, max(0, m.start("org") - 12), m.start("org")):
            continue  # "các phòng gửi báo cáo về Sở", "14/16 đảng ủy đã ban hành": units acting
        if in_earlier_clause(folded, m.start("type")):
            continue  # "ngay sau khi Thành ủy ban hành Kế hoạch số ...": an earlier document
        if hypothetical(folded, m.start(), m.end("type")):
            continue  # "trừ trường hợp ... có hướng dẫn khác": a document that may come
        if not m["org"] and _COUNTED_SUBJECT.search(folded, _clause_start(folded, m.start()), m.start()):
            continue  # "56/56 xã, phường đã ban hành kế hoạch": progress of the units below
        if chased_later(folded, m.end()):
            continue  # "... Tuy nhiên, đến nay Sở chưa trình": the earlier letter a reminder chases
        if _carried_out_above(cleaned, folded, m, end):
            continue  # "Căn cứ nội dung Công văn trên, Sở Công Thương thông báo ...": another's letter
        tname = _TYPES.get(re.sub(r"\s+", " ", m["type"]))
        org = None
        # the last "thừa lệnh / thay mặt ..." before the type word
        behalves = list(_ON_BEHALF.finditer(folded, max(0, m.start() - 160), m.start()))
        behalf = behalves[-1] if behalves else None
        if behalf:
            org = collapse_spaces(cleaned[behalf.start("org") : behalf.end("org")]).strip(" ,.;:")
        elif m["org"] and cleaned[m.start("org")].isupper():
            # (a subject organ is written with its capital: "chi bộ sớm xây dựng" is no "Bộ")
            org = _organ_name(collapse_spaces(cleaned[m.start("org") : m.end("org")]).strip(" ,.;:"))
            org = drop_person_name(org) if org else None
        else:
            org = _named_subject(cleaned, folded, m.start())
        if m["type"].startswith("van") and not (m["urg"] or m["num"] or m["numc"]):
            continue  # "có văn bản" alone names no type; "có văn bản số 4912/UBND-NC" is a letter
        if not (org or m["num"] or m["d"] or m["urg"]) and not re.match(r"ke\s|cong\s+van", m["type"]):
            continue
        num = _number(cleaned, m)
        # "đã ban hành Chỉ thị số 25/CT-HU và Kế hoạch số 62/KH-HU ...", then "Theo kế hoạch,
        # ...": two documents named together; the one the page goes on to follow is its own
        pair = _PAIRED_DOC.match(folded, m.end())
        if pair and num:
            second = re.sub(r"\s+", " ", pair["type"])
            type_re = r"\s+".join(second.split())
            if second != re.sub(r"\s+", " ", m["type"]) and re.search(
                rf"\btheo\s+{type_re}\b(?!\s*(?:so\b|\d|cua\b))", folded[pair.end() : end]
            ):
                tname, num = _TYPES[second], _number(cleaned, pair)
        if num:
            # the number's type code says what it is ("Thông báo kết luận số 210-TB/HU" is a
            # Thông báo); a numbered "văn bản" with no type code is a letter
            tname = _type_of_number(num) or tname or "Công văn"
        d: int | None
        mo: int | None
        y: int | None
        if m["d2"]:
            d, mo, y = int(m["d2"]), int(m["m2"] or m["m2w"]), int(m["y2"])
        elif m["d"]:
            d, mo, y = _day_month_year(m)
        elif num and (short := _YEARLESS_AFTER.match(folded, m.end())):
            # "Chỉ thị số 51-CT/TW ngày 8.8 về ...": the number's date, its year left out
            d, mo, y = int(short["d"]), int(short["m"]), None
        else:
            d = mo = y = None
            head = folded[max(0, m.start() - 200) : m.start()]
            head = re.split(r"\n|\.\s", head)[-1]
            # "Ngày 27/8, ...", "Chiều nay 8/10/2020, ...", "Sáng 6-10, ...": when it was signed
            for dm in re.finditer(rf"\b(?:ngay|{_DAY_PART})\s+{_DATE}", head):
                if _CITED_NUMBER_END.search(head, 0, dm.start()):
                    continue  # "Nghị quyết số 08-NQ/TU ngày 30/7/2021": the cited document's date
                d, mo, y = _day_month_year(dm)
        urg = _URGENT[re.sub(r"\s+", " ", m["urg"])] if m["urg"] else None
        if not (num or org or d or urg) and _TASK_NAME_BEFORE.search(folded, max(0, m.start() - 20), m.start()):
            continue
        # "ký văn bản hỏa tốc": urgent, but "văn bản" names no type
        yield BodyDocument(tname, num, org, d, mo, y, urg)


def _other_body_document(cleaned: str, folded: str, end: int) -> BodyDocument | None:
    num: str | None
    tname: str | None
    for vm in VERB_TYPE_RE.finditer(folded, 0, end):
        if not cleaned[vm.start("type")].islower():
            continue  # "Thông báo số 12/TB-UBND": a document named, not a body announcing
        before = cleaned[max(0, vm.start("type") - 40) : vm.start("type")].split()
        if not before or not (before[-1][:1].isupper() or before[-1].isdigit()):
            continue  # "theo thông báo số ...": a citation; the verb follows its subject's name
        num = number_case(re.sub(r"\s+", "", cleaned[vm.start("num") : vm.end("num")]))
        tname = _TYPES[re.sub(r"\s+", " ", vm["type"])]
        if _type_of_number(num) != tname or in_earlier_clause(folded, vm.start("type")):
            continue
        if vm["d2"]:
            return BodyDocument(tname, num, None, int(vm["d2"]), int(vm["m2"] or vm["m2w"]), int(vm["y2"]))
        return BodyDocument(tname, num, None)
    relayed = EDITOR_NOTE_RE.search(folded, 0, end)
    if relayed:
        tname = _TYPES[re.sub(r"\s+", " ", relayed["type"])]
        num = _number(cleaned, relayed)
        tname = (_type_of_number(num) if num else None) or tname
        org = collapse_spaces(cleaned[relayed.start("org") : relayed.end("org")]) if relayed["org"] else None
        org = _organ_name(org) if org else None
        if relayed["d2"]:
            day, month, year = int(relayed["d2"]), int(relayed["m2"] or relayed["m2w"]), int(relayed["y2"])
            return BodyDocument(tname, num, org, day, month, year)
        return BodyDocument(tname, num, org)
    if LETTER_OUT_RE.search(folded, 0, end):
        return BodyDocument("Công văn", None, None)
    source = SOURCE_RE.search(folded, 0, end)
    if source and not source["num"].isdigit():
        num = number_case(re.sub(r"\s+", "", cleaned[source.start("num") : source.end("num")]))
        tname = _TYPES.get(re.sub(r"\s+", " ", source["type"])) or "Công văn"
        if source["d2"]:
            day, month = int(source["d2"]), int(source["m2"] or source["m2w"])
            return BodyDocument(tname, num, None, day, month, int(source["y2"]))
        return BodyDocument(tname, num, None)
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
    content = next((c for c in CONTENT_RE.finditer(folded, 0, end) if not _carried_out(folded, c.start())), None)
    if content:
        t = re.sub(r"\s+", " ", content["type"] or content["type2"])
        if _TYPES.get(t):
            if content["d2"]:
                day, month = int(content["d2"]), int(content["m2"] or content["m2w"])
                return BodyDocument(_TYPES[t], _number(cleaned, content), None, day, month, int(content["y2"]))
            return BodyDocument(_TYPES[t], _number(cleaned, content), None)
    for told in TOLD_IN_RE.finditer(folded, 0, end):
        if in_singled_out_sentence(folded, told.start("type")):
            continue
        told_type = _TYPES.get(re.sub(r"\s+", " ", told["type"]))
        if told_type:
            return BodyDocument(told_type, None, None)
    return None


# "... đảm bảo theo nội dung công điện số 11 ngày 4/9/2024 của Chủ tịch UBND tỉnh": inside a
# sentence, a document's content followed ("theo", "thực hiện", "căn cứ") is another's, cited;
# a sentence opening "Theo nội dung Thông báo 2833-TB/TU, ..." retells the page's own document
_FOLLOWED = re.compile(r"\b(?:theo|thuc\s+hien|can\s+cu)\s+$")


def _carried_out(folded: str, pos: int) -> bool:
    m = _FOLLOWED.search(folded, max(0, pos - 20), pos)
    if not m:
        return False
    before = folded[max(0, m.start() - 80) : m.start()].rstrip(" \t-–•*+")
    return bool(before) and before[-1] not in ".;:!?\n"


# "Ngày 07/9, Cục Công Thương địa phương có Công văn số 708/HĐBC-TGV ... Căn cứ nội dung Công văn
# trên, Sở Công Thương thông báo ...": the letter told first is the one another organ then acts on
_ABOVE_RE = re.compile(
    rf"\b(?:can\s+cu|thuc\s+hien|trien\s+khai)\s+(?:noi\s+dung\s+|tinh\s+than\s+)?(?P<type>{_TYPE_ALT}|van\s+ban)"
    r"\s+(?:noi\s+)?tren\s*,\s*"
)


def _carried_out_above(cleaned: str, folded: str, m: re.Match, end: int) -> bool:
    """Is the document of issuing match ``m`` carried out, further on, by another organ?"""
    above = _ABOVE_RE.search(folded, m.end(), min(end, m.end() + 1500))
    if not above:
        return False
    actor = _HEAD_RE.match(folded, above.end())
    if not actor or not cleaned[above.end()].isupper():
        return False
    if not m["org"]:
        return True
    org = cleaned[m.start("org") : m.end("org")]
    return not _same_organ(org, cleaned[actor.start() : actor.start() + len(org)])


#: a day and month right after a number, without a year: "51-CT/TW ngày 8.8 về ..."
_YEARLESS_AFTER = re.compile(r"\s*,?\s*ngay\s+(?P<d>\d{1,2})\s?[/.\-]\s?(?P<m>\d{1,2})(?![\d/\-]|\.\d)")


#: a count or a plural word right before an organ: many units, not one issuer
_MANY_BEFORE = re.compile(r"(?:\b(?:cac|nhung|moi)\s+|(?<![\d/.\-])\d{1,3}(?:\s?/\s?\d{1,3})?[^\S\n]+)$")
#: "56/56 xã, phường", "14/16 đảng ủy", "100% chi bộ": a counted subject
_COUNTED_SUBJECT = re.compile(r"\b\d+\s?(?:/\s?\d+|%)\s+[a-z]")
#: a part of the day before a date: "Chiều nay 8/10/2020", "Sáng 6-10", "Hôm qua 5/3"
_DAY_PART = r"(?:(?:sang|chieu|toi|trua)(?:\s+(?:nay|qua|hom\s+nay))?|hom\s+(?:nay|qua))"
# (not the stop of an abbreviation: "TP. Huế", "Q. 3", "TX. Hương Thủy")
_CLAUSE_BREAK = re.compile(r"(?<!\btp)(?<!\btx)(?<!\btt)(?<!\b[qphx])\.(?:\s|$)|[;:!?](?:\s|$)|\n")
#: "sau khi", "trước khi", "kể từ khi", "khi": a clause about an earlier event
_EARLIER = re.compile(r"\b(?:(?:sau|truoc|tu|ke\s+tu)\s+)?khi\b")


#: "Tuy nhiên, đến nay ... chưa ...": what an earlier document asked is still undone, so the
#: page is the reminder that follows it, not that document
_NOT_YET_DONE = re.compile(r"\b(?:den\s+nay|den\s+thoi\s+diem\s+nay|hien\s+nay)\b[^.;\n]{0,160}?\b(?:van\s+)?chua\b")
# "... đã có Thông báo số 79/TB-VHNT ..., thời hạn cuối là ngày 31/01/2017. Tuy nhiên, ..., nay Ban tổ
# chức thông báo gia hạn ...": a new notice extending or changing the one named, which is the earlier
_SUPERSEDED = re.compile(
    r"\btuy\s+nhien\b[^\n]{0,300}?\bnay\s+(?:[^\s,.;]+\s+){0,5}?(?:thong\s+bao|quyet\s+dinh|de\s+nghi)\s+"
    r"(?:gia\s+han|dieu\s+chinh|lui|thay\s+doi|hoan)\b"
)
_ASKED_AGAIN = re.compile(r"\b(?:de\s+nghi|yeu\s+cau|don\s+doc|nhac\s+nho)\b")


def chased_later(folded: str, pos: int) -> bool:
    """After the document named at ``pos``: "Tuy nhiên, đến nay ... chưa ..." and then a new
    request ("... đề nghị Sở khẩn trương ..."): the page is the reminder, the named document the
    earlier one it chases. A status alone ("đến nay còn 3 xã chưa báo cáo") chases nothing."""
    if _SUPERSEDED.search(folded, pos, min(len(folded), pos + 800)):
        return True
    m = _NOT_YET_DONE.search(folded, pos, min(len(folded), pos + 800))
    if m is None:
        return False
    return bool(_ASKED_AGAIN.search(folded, m.end(), min(len(folded), m.end() + 600)))


def _clause_start(folded: str, pos: int, reach: int = 300) -> int:
    lo = max(0, pos - reach)
    breaks = list(_CLAUSE_BREAK.finditer(folded, lo, pos))
    return breaks[-1].end() if breaks else lo


def in_earlier_clause(folded: str, pos: int) -> bool:
    """Is ``pos`` inside a "sau khi / khi ..." clause ("ngay sau khi Ban Thường vụ ban hành
    Kế hoạch số 106-KH/TU ..., các cơ quan đã triển khai")? The document it names was issued
    before the events the page tells: an earlier one, not the page's own."""
    start = _clause_start(folded, pos)
    if _BEFORE_THAT.match(folded, start):
        return True  # "Trước đó, ngày 5/7, Ban Tuyên giáo đã có công văn số ...": the earlier letter
    hits = list(_EARLIER.finditer(folded, start, pos))
    return bool(hits) and "," not in folded[hits[-1].end() : pos]


#: "Trước đó, ...", "Trước đây, ...", "Cách đây 2 tháng, ...": a sentence about an earlier time
_BEFORE_THAT = re.compile(r"\s*(?:[-+•*]\s*)?(?:truoc\s+(?:do|day)|cach\s+day\s+[^,.;\n]{1,20}?)\s*,")
#: "trừ trường hợp Thanh tra Chính phủ có hướng dẫn khác", "nếu Sở có văn bản": a document that
#: may come, under a condition; "có hướng dẫn khác" (other guidance) names no one document
_CONDITION = re.compile(r"\b(?:tru\s+truong\s+hop|trong\s+truong\s+hop|truong\s+hop|neu)\b")


def hypothetical(folded: str, start: int, type_end: int) -> bool:
    """Is the document named from ``start`` to ``type_end`` only one that may come?"""
    if re.match(r"\s+khac\b", folded[type_end : type_end + 8]):
        return True
    clause = _clause_start(folded, start)
    return bool(_CONDITION.search(folded, clause, start))


_HEAD_RE = re.compile(rf"\b{_HEAD}\b")
_PLACE_NOUN_WORDS = {"tinh", "thanh", "pho", "huyen", "quan", "xa", "phuong", "thi", "tran", "tp."}
_NOT_SUBJECT = {"ngay", "sang", "chieu", "toi", "theo", "thuc", "can", "tren", "tai", "trong", "sau", "nam", "thang"}
# "(Sao gửi Công văn kèm theo)", "Sao y bản chính", "Nơi nhận": a copy's note or the list of
# recipients, never who issued the page
_NOT_SUBJECT |= {"sao", "noi"}


def _named_subject(cleaned: str, folded: str, pos: int) -> str | None:
    """A place or organ named by its proper name alone as the subject of the issuing verb
    ("Thực hiện chỉ đạo của tỉnh, Đức Phổ đã ban hành Kế hoạch"): one to four capitalised
    words that open the clause or follow its comma."""
    start = _clause_start(folded, pos, 160)
    # "Đảng ủy phường Phú Hội (TP. Huế) vừa ban hành": the bracketed apposition is no part of it
    before = re.sub(r"\s*\([^()\n]{1,40}\)\s*$", " ", cleaned[start:pos])
    # an organ whose proper name holds a word that folds like a preposition ("Công an huyện Đức
    # Trọng": "trong") is not cut there: its head, then only capitalised words and place nouns
    for hm in reversed(list(_HEAD_RE.finditer(fold(before)))):
        head_text = before[hm.start() :]
        rest = before[hm.end() :].split()
        if (
            head_text[:1].isupper()
            and rest
            and len(rest) <= 7
            and all(w[:1].isupper() or fold(w) in _PLACE_NOUN_WORDS for w in rest)
            and rest[-1][:1].isupper()
            and not re.search(r"[,;:()]", before[hm.start() :])
        ):
            return drop_person_name(collapse_spaces(head_text))
        break
    part = re.split(r"[,“”\"(]", before)[-1]
    words = part.split()
    if not 1 <= len(words) <= 4 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return None
    if fold(words[0]) in _NOT_SUBJECT or all(w.isupper() for w in words):
        return None
    return " ".join(words)


# A page whose title is the document's name with its number ("Kế hoạch số 120-KH/HU ngày
# 5/3/2023 của Ban Thường vụ Huyện ủy Con Cuông về ...", "Quyết định 1234/QĐ-UBND năm 2022 phê
# duyệt ..."): the page is that document.
_TITLE_DOC_RE = re.compile(
    rf"[^\S\n]*(?P<type>{_TYPE_ALT})\s+(?:so\s*:?\s*)?(?P<num>{_NUM_CODED})(?![a-z\d])"
    rf"(?:\s+nam\s+\d{{4}})?{_NUMBER_DATE}(?:\s*,?\s*cua\s+(?P<org>{_HEAD}(?:\s+(?!{_STOP})[^\s,.;:()\"]+){{0,9}}))?"
)


# The lead sentence of a news page: "Ngày 21/5, UBND tỉnh ban hành Công văn số 846/UBND-TH
# ...", "Ngày 1.3, Đảng ủy Khối ... đã ban hành Kế hoạch số 21-KH/ĐUK ...": when one word of it
# is misspelt (the verb, or the type: "banh", "Kế hoạc"), the date, the organ and the coded
# number still say it is the page's own document. Only one of verb and type may be unknown.
_LEAD_RE = re.compile(
    rf"(?:^|(?<=\n)|(?<=[.!?]\s))[^\S\n]*ngay\s+{_DATE}\s*,\s*(?P<org>{_HEAD}(?:\s+[^\s,.;:()\"]+){{0,7}}?)"
    rf"\s+(?P<verb>{_ISSUE_VERB}\s+|[a-z]+\s+)(?P<type>[a-z]+(?:\s+[a-z]+)?)\s+so\s*:?\s*(?P<num>{_NUM_CODED})(?![a-z\d])"
)
_ISSUE_VERB_RE = re.compile(rf"{_ISSUE_VERB}\s+$")


def find_lead_document(cleaned: str, folded: str, limit: int = 1500) -> BodyDocument | None:
    """The document a news page's lead sentence says its organ issued, read past one misspelt
    word (see ``_LEAD_RE``)."""
    for m in _LEAD_RE.finditer(folded, 0, min(len(folded), limit)):
        known_verb = bool(_ISSUE_VERB_RE.fullmatch(m["verb"]))
        type_f = re.sub(r"\s+", " ", m["type"])
        known_type = type_f in _TYPES
        one_word_verb = len(m["verb"].split()) == 1
        if known_verb == known_type or not (known_verb or one_word_verb):
            continue  # both known: the issuing clause's own rule has judged it; both unknown: no lead
        if chased_later(folded, m.end()) or in_earlier_clause(folded, m.start("type")):
            continue
        org = collapse_spaces(cleaned[m.start("org") : m.end("org")])
        # the organ's name opens with its capital, holds no figure and ends with a name or a
        # place noun ("... tỉnh nhận được Văn bản số ...": a letter received, not issued)
        last = org.split()[-1]
        if not org[:1].isupper() or any(c.isdigit() for c in org):
            continue
        if not (last[:1].isupper() or fold(last) in _PLACE_NOUN_WORDS):
            continue
        num = number_case(re.sub(r"\s+", "", cleaned[m.start("num") : m.end("num")]).replace("–", "-"))
        tname = _type_of_number(num) or _TYPES.get(type_f)
        if tname is None and not known_type:
            if "/" not in num.split("-", 1)[0]:
                continue
            tname = "Công văn"  # a state letter's number with no type code ("846/UBND-TH")
        d, mo, y = _day_month_year(m)
        return BodyDocument(tname, num, _organ_name(org), d, mo, y)
    return None


def find_title_document(cleaned: str, folded: str) -> BodyDocument | None:
    """The document a page's title line names by its number, with its date and author when the
    title gives them; None when the first line is no such title (a sentence, or another
    opening)."""
    start = 0
    for _ in range(6):  # past the site's menu crumbs
        end = folded.find("\n", start)
        end = len(folded) if end == -1 else end
        line = cleaned[start:end].strip()
        if line and len(line.split()) > 3:
            break
        start = end + 1
        if start >= len(folded):
            return None
    else:
        return None
    if line.endswith((".", ":", ";", "?", "!")):
        # a directive pasted in chat on one line: the title, then its first sentence
        # ("Công văn số 40-CV/ĐU ngày ... V/v kiểm tra. Các chi bộ báo cáo ...")
        # (not after an abbreviation in capitals: "TP. Hồ Chí Minh")
        cut = next(
            (c for c in re.finditer(r"[.!?]\s+(?=[^\W\d_])", line[:300]) if not _abbrev_before(line, c.start())), None
        )
        if cut:
            lead = len(cleaned[start:end]) - len(cleaned[start:end].lstrip())
            line = line[: cut.start()]
            end = start + lead + len(line)
    if len(line) > 300 or line.endswith((".", ":", ";", "?", "!")) or not line[:1].isupper():
        return None
    m = _TITLE_DOC_RE.match(folded, start, end)
    if not m:
        return None
    num = number_case(re.sub(r"\s+", "", cleaned[m.start("num") : m.end("num")]).replace("–", "-"))
    tname = _type_of_number(num) or _TYPES.get(re.sub(r"\s+", " ", m["type"])) or "Công văn"
    org = None
    if m["org"] and cleaned[m.start("org")].isupper():
        org = _organ_name(collapse_spaces(cleaned[m.start("org") : m.end("org")]).strip(" ,.;:"))
    if m["d2"]:
        return BodyDocument(tname, num, org, int(m["d2"]), int(m["m2"] or m["m2w"]), int(m["y2"]))
    return BodyDocument(tname, num, org)


def _abbrev_before(line: str, pos: int) -> bool:
    """Is the word ending at ``pos`` an abbreviation in capitals ("TP", "TW", "Q")?"""
    word = line[:pos].rsplit(None, 1)[-1] if line[:pos].strip() else ""
    return word.isupper() and len(word) <= 4


def _organ_name(org: str) -> str | None:
    """ "Sở Giáo dục và Đào tạo", "Ban Tuyên giáo và Dân vận Trung ương": "và" inside an organ's
    name joins two capitalised parts; "Huyện ủy và các chi bộ" names two actors, no one organ."""
    words = org.split()
    for k, w in enumerate(words[:-1]):
        if fold(w) == "va" and not words[k + 1][:1].isupper():
            return None
    return org


def _number(cleaned: str, m: re.Match) -> str | None:
    bare = "bare" in m.re.groupindex and m["bare"]
    name = "num" if m["num"] else "numc" if m["numc"] else "bare" if bare else None
    return number_case(re.sub(r"\s+", "", cleaned[m.start(name) : m.end(name)])) if name else None


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


# "Đảng ủy phường X triển khai Kế hoạch số 89-KH/ĐU", "Hướng dẫn số 35-HD/BTG ngày 25/12/2018
# của Ban Tuyên giáo Quận ủy": a numbered document in running text, with the organ that acts
# on it before or its author after.
# (the words that end an organ's name; not "là", which folds like the name "La" of "Phúc La")
_MENTION_STOP = (
    rf"(?:da|vua|cung|moi|ngay|ve|cua|{_TAI}|theo|trong|tren|den|voi|va|so|nhiem|yeu|de|trien|thuc|chi|"
    rf"huong\s+dan|{_THONG}|quyet|{_GIAO}|ban\s+hanh|xay\s+dung|{_KY}|gui|dang\s+tai|{_TYPE_ALT})\b"
)
# "theo nội dung nêu trong Hướng dẫn số ...", "thực hiện Kế hoạch số ...": a cited document
_CITED_BEFORE = re.compile(r"(?:theo|thuc\s+hien|can\s+cu|trong|(?<!dang\s)tai|quan\s+triet|voi)\s+(?:cac\s+)?$")
_MENTION_RE = re.compile(
    rf"(?:(?P<org>{_HEAD}(?:\s+(?!{_MENTION_STOP})[^\s,.;:()\"]+){{0,9}})\s+(?:(?:da|vua|moi)\s+)*"
    rf"(?:trien\s+khai|ban\s+hanh|xay\s+dung)\s+)?"
    rf"\b(?P<type>{_TYPE_ALT})\s+so\s*:?\s*(?P<num>{_NUM_CODED})(?![a-z\d]){_NUMBER_DATE}"
    rf"(?:\s*,?\s*cua\s+(?P<author>{_HEAD}(?:\s+(?!{_MENTION_STOP})[^\s,.;:()\"]+){{0,9}}))?"
)


def initials(name: str) -> str:
    """ "Ban Tuyên giáo Quận ủy Cầu Giấy" -> "btgqucg", "UBND tỉnh Quảng Trị" -> "ubndtqt": how
    an organ's number code is formed (its name's initials; an acronym kept whole)."""
    out = []
    for w in name.split():
        w = w.strip("()\"'“”,.")
        if not w:
            continue
        out.append(fold(w) if len(w) > 1 and w.isupper() else fold(w[0]))
    return "".join(out)


def _code_of(num: str) -> str:
    """The issuing body's code in a number: "35-HD/BTG" -> "btg", "6202/UBND-KT" -> "ubnd"."""
    f = re.sub(r"\s+", "", fold(num))
    if "/" in f.split("-", 1)[0]:
        codes = [p for p in re.split(r"[/\-–]", f)[1:] if p.isalpha()]
        if len(codes) > 1 and codes[0] in TYPE_CODES:
            return codes[1]
        return codes[0] if codes else ""
    return f.rsplit("/", 1)[-1]


def find_own_mention(cleaned: str, folded: str, issuer: str | None, limit: int = 20000) -> BodyDocument | None:
    """A page that gives no number for the document it is about may still name it by its
    number in running text. Of the numbered documents it names, the one whose issuing code is
    the initials of the organ that acts on it, or of its named author, is its own; when
    neither is named, the code must be the initials of the document's issuer. A document
    after "thực hiện", "căn cứ", "quán triệt" authored by another organ fails that test."""
    for m in _MENTION_RE.finditer(folded, 0, min(len(folded), limit)):
        code = _code_of(m["num"])
        if not m["org"] and _CITED_BEFORE.search(folded, max(0, m.start() - 30), m.start()):
            continue
        if len(code) < 2:
            continue
        if in_earlier_clause(folded, m.start("type")) or chased_later(folded, m.end()):
            continue  # "ngay sau khi ... ban hành Kế hoạch số ...", "... đến nay chưa ...": earlier
        if m["org"]:
            owner = collapse_spaces(cleaned[m.start("org") : m.end("org")]).strip(" ,.;:")
            if issuer and not _same_organ(owner, issuer):
                continue
        else:
            # no organ acts on it: it is this document only if its code, and its author
            # when named, are this document's issuer
            if not issuer:
                continue
            if m["author"]:
                author = collapse_spaces(cleaned[m.start("author") : m.end("author")]).strip(" ,.;:")
                if not _same_organ(author, issuer):
                    continue
            owner = issuer
        if not initials(owner).startswith(code):
            continue
        num = number_case(re.sub(r"\s+", "", cleaned[m.start("num") : m.end("num")]).replace("–", "-"))
        tname = _TYPES.get(re.sub(r"\s+", " ", m["type"])) or _type_of_number(num)
        day = month = year = None
        if m["d2"]:
            day, month, year = int(m["d2"]), int(m["m2"] or m["m2w"]), int(m["y2"])
        return BodyDocument(tname, num, owner if m["org"] else None, day, month, year)
    return None


def _same_organ(a: str, b: str) -> bool:
    """ "Huyện ủy" and "Huyện ủy Thoại Sơn" are one organ named short and in full."""
    ia, ib = initials(a), initials(b)
    return ia.startswith(ib) or ib.startswith(ia)


# --- a page's own document named where no issuing clause names it -------------------------------

# "(Ban hành kèm theo Công văn số 7619-CV/BTCTW, ngày 30/12/2024 của Ban Tổ chức Trung ương)",
# "theo Phụ lục kèm theo Kế hoạch 57-KH/HVCTQG": an annex names the document it belongs to, the
# page's own (a form "gửi kèm Thông báo số 1" sent earlier is not said this way)
_ANNEX_RE = re.compile(
    rf"(?:\(\s*ban\s+hanh\s+kem\s+theo|\bphu\s+luc\s+(?:ban\s+hanh\s+)?kem\s+theo)\s+(?P<type>{_TYPE_ALT})\s+"
    rf"(?:so\s*:?\s*)?(?P<num>{_NUM_CODED})(?![a-z\d]){_NUMBER_DATE}"
)
# "Mời bạn đọc chi tiết nội dung ... tại Kết luận số 170-KL/TW dưới đây": the document shown below
_BELOW_RE = re.compile(
    rf"\b(?P<type>{_TYPE_ALT})\s+(?:so\s*:?\s*)?(?P<num>{_NUM_CODED})(?![a-z\d])\s*(?:duoi\s+day|sau\s+day)\b"
)
# "BBT(Nguồn: 132/TB-UBND)": a news post's source line naming the document it retells
_SOURCE_NUM_RE = re.compile(rf"\bnguon\s*:\s*(?P<num>{_NUM_CODED})(?![a-z\d])\s*\)?[^\S\n]*(?:\n|$)")
# "THÔNG BÁO SỐ 2" (a title line in capitals): the sequence number of a notice
_TITLE_SEQ_RE = re.compile(rf"[^\S\n]*(?P<type>{_TYPE_ALT})\s+so\s*:?\s*(?P<num>\d{{1,4}})[^\S\n]*(?:\n|$)")
# "Quyết định số 40/2019/QĐ-UBND ngày 24/12/2019 UBND tỉnh ... ban hành ...": a lead paragraph
# opening with the document's name, number and date is about that document
_OPENING_DOC_RE = re.compile(
    rf"(?:^|(?<=\n))[^\S\n]*(?P<type>{_TYPE_ALT})\s+(?:so\s*:?\s*)?(?P<num>{_NUM_CODED})(?![a-z\d]){_NUMBER_DATE}"
    rf"(?:\s*,?\s*(?:cua\s+)?(?P<org>{_HEAD}(?:\s+(?!{_STOP})[^\s,.;:()\"]+){{0,9}}))?"
)


# A page's title naming the document's kind and author: "Thông báo của UBND tỉnh về việc treo cờ
# ...", "Sở Văn hóa, Thể thao và Du lịch thành phố Hồ Chí Minh - Thông báo"
_TITLE_OF_RE = re.compile(
    rf"[^\S\n]*(?P<type>{_TYPE_ALT})\s+cua\s+(?P<org>{_HEAD}(?:\s+(?!{_STOP})[^\s,.;:()\"]+){{0,9}})\s+ve\b"
)
_TITLE_BY_RE = re.compile(rf"[^\S\n]*(?P<org>{_HEAD}\s[^\n]{{2,90}}?)\s+-\s+(?P<type>{_TYPE_ALT})[^\S\n]*$")


def _titled_document(cleaned: str, folded: str) -> BodyDocument | None:
    start = 0
    for _ in range(8):
        stop = folded.find("\n", start)
        stop = len(folded) if stop == -1 else stop
        line = cleaned[start:stop]
        if line.strip() and len(line) <= 250 and not line.rstrip().endswith((".", ";", "?", "!")):
            for rx in (_TITLE_OF_RE, _TITLE_BY_RE):
                m = rx.match(folded, start, stop)
                if m and cleaned[m.start("org")].isupper() and cleaned[m.start("type")].isupper():
                    org = _organ_name(collapse_spaces(cleaned[m.start("org") : m.end("org")]).strip(" ,.;:-"))
                    tname = _TYPES.get(re.sub(r"\s+", " ", m["type"]))
                    if org and tname:
                        return BodyDocument(tname, None, org)
        start = stop + 1
        if start >= len(folded):
            break
    return None


def find_named_document(cleaned: str, folded: str, limit: int = 20000) -> BodyDocument | None:
    """The page's own document when no header and no issuing clause number it: an annex's
    "Ban hành kèm theo ...", "... dưới đây", a source line "(Nguồn: 132/TB-UBND)", a title in
    capitals "THÔNG BÁO SỐ 2", or a lead paragraph opening with the document's name and number."""
    end = min(len(folded), limit)
    for rx in (_ANNEX_RE, _BELOW_RE):
        m = rx.search(folded, 0, end)
        if m:
            return _named(cleaned, m, _author_of(cleaned, folded, m.group("num"), end))
    m = _SOURCE_NUM_RE.search(folded, 0, end)
    if m:
        num = number_case(re.sub(r"\s+", "", cleaned[m.start("num") : m.end("num")]))
        return BodyDocument(_type_of_number(num) or "Công văn", num, None)
    for line_m in _TITLE_SEQ_RE.finditer(folded, 0, min(end, 600)):
        line = cleaned[line_m.start() : line_m.end()].strip()
        if line.isupper() and (line_m.start() == 0 or folded[line_m.start() - 1] == "\n"):
            return BodyDocument(_TYPES.get(re.sub(r"\s+", " ", line_m["type"])), line_m["num"], None)
    titled = _titled_document(cleaned, folded)
    if titled:
        return titled
    m = _OPENING_DOC_RE.search(folded, 0, min(end, 1500))
    # (dated: "Chỉ thị 35-CT/TW của Bộ Chính trị ... nêu rõ" opening a teaser is a story about it)
    if m and m["d2"] and cleaned[m.start("type")].isupper() and not in_earlier_clause(folded, m.start("type")):
        org = None
        if m["org"] and cleaned[m.start("org")].isupper():
            org = _organ_name(collapse_spaces(cleaned[m.start("org") : m.end("org")]).strip(" ,.;:"))
        return _named(cleaned, m, org)
    return None


def author_of_number(cleaned: str, folded: str, num: str) -> str | None:
    """The organ the text says a numbered document is of, wherever it names it so."""
    return _author_of(cleaned, folded, fold(num), min(len(folded), 20000))


def _author_of(cleaned: str, folded: str, num: str, end: int) -> str | None:
    """The organ a number is said to be of anywhere in the text ("Kết luận số 170-KL/TW của Ban
    Bí thư"), or None."""
    num_re = r"\s*".join(re.escape(c) for c in num.replace(" ", ""))
    m = re.search(rf"{num_re}(?![a-z\d]){_NUMBER_DATE}\s*,?\s*cua\s+{_ORGAN}", folded[:end])
    if not m or not cleaned[m.start("org")].isupper():
        return None
    org = collapse_spaces(cleaned[m.start("org") : m.end("org")]).strip(" ,.;:")
    # "của Bộ trưởng Bộ GDĐT": the minister signs for the ministry, the organ named after the title
    title = _OFFICIAL_TITLE.match(fold(org))
    if title and _HEAD_RE.match(fold(org), title.end()):
        org = org[title.end() :]
    return _organ_name(org)


_OFFICIAL_TITLE = re.compile(r"(?:pho\s+)?(?:bo\s+truong|chu\s+tich|giam\s+doc|thu\s+truong|truong\s+ban)\s+")


def _named(cleaned: str, m: re.Match, org: str | None) -> BodyDocument:
    num = number_case(re.sub(r"\s+", "", cleaned[m.start("num") : m.end("num")]).replace("–", "-"))
    tname = _type_of_number(num) or _TYPES.get(re.sub(r"\s+", " ", m["type"])) or "Công văn"
    if "d2" in m.re.groupindex and m["d2"]:
        return BodyDocument(tname, num, org, int(m["d2"]), int(m["m2"] or m["m2w"]), int(m["y2"]))
    return BodyDocument(tname, num, org)

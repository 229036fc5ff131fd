"""``parse_document``: a directive's text -> its fields and deadlines.

Pure and defensive: any input (empty, binary garbage, a 100-page file) returns a
``ParsedDocument``; a field that cannot be read is None / empty rather than an exception.
The field rules live in ``document_fields`` and the deadline rules in
``deadline_extraction``; this module decides the document's own date and year, which both
the year-less dates ("20/8") and the past-event rule depend on.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from datetime import date

from .body_fields import (
    author_of_number,
    find_body_document,
    find_lead_document,
    find_named_document,
    find_own_mention,
    find_title_document,
    valid_date,
)
from .dates import iter_temporal
from .deadline_extraction import (
    as_of_days,
    extract_deadlines,
    own_level_before,
    page_stamps,
    ref_before,
    reference_dates,
)
from .deadlines import Deadline
from .document_fields import (
    Text,
    announced_type,
    find_addressees,
    find_doc_type,
    find_issued_on,
    find_issuer,
    find_marks,
    find_number,
    find_recipients,
    find_report_fields,
    find_signature,
    find_subject,
    find_title_date,
    has_printed_header,
    meeting_organ,
    number_from_text,
)
from .files import DocumentFormatError, decode_text_file, extract_text_from_docx
from .periodic_rules import blank_spelled_numbers
from .vn_text import clean_markup, fold

__all__ = [
    "ParsedDocument",
    "parse_document",
    "DocumentFormatError",
    "extract_text_from_docx",
    "decode_text_file",
]

log = logging.getLogger(__name__)

# Documents longer than this are cut: no directive is this long, and it bounds the work.
MAX_CHARS = 1_000_000


@dataclass(frozen=True)
class ParsedDocument:
    """What a directive says about itself and what it asks, by when.

    doc_type: "Công văn", "Kế hoạch", ... or None.
    number: "141-CV/ĐUK" (spaces removed) or None when the document has none.
    issuer: the issuing body; see ``document_fields.find_issuer`` for the rule.
    issued_on: from the place-date line ("Đà Nẵng, ngày 03 tháng 8 năm 2021"), or None.
    year: issue year; else the latest year of the documents it cites; else of any full date
        in it; else ``today``'s year; used for dates written without a year.
    subject: "V/v ..." line(s) of a letter (with "V/v", without quotes), else the title
        block under the type heading ("Thực hiện Nghị quyết số 08-NQ/TU ...").
    urgent: None | "KHẨN" | "THƯỢNG KHẨN" | "HỎA TỐC"; secret: None | "MẬT" | "TỐI MẬT" |
        "TUYỆT MẬT" — only when printed as a standalone mark.
    addressees: "Kính gửi" items; recipients: "Nơi nhận" items without "Lưu ..." lines.
    signer / signer_title: from the signature block ("Nguyễn Phúc Hậu", "BÍ THƯ").
    report_fields: what the report must state ("Báo cáo cần nêu rõ: ...").
    deadlines: in order of appearance.
    warnings: problems staff should see, e.g. "ngày 31/2/2021 không tồn tại".
    recognized: False when nothing in the text reads as a directive (a page of site menus,
        a news item with no document in it): the chat says "không nhận ra văn bản".
    """

    doc_type: str | None = None
    number: str | None = None
    issuer: str | None = None
    issued_on: date | None = None
    year: int | None = None
    subject: str | None = None
    urgent: str | None = None
    secret: str | None = None
    addressees: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signer: str | None = None
    signer_title: str | None = None
    report_fields: list[str] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    recognized: bool = False

    def to_json_dict(self) -> dict:
        return {
            "doc_type": self.doc_type,
            "number": self.number,
            "issuer": self.issuer,
            "issued_on": self.issued_on.isoformat() if self.issued_on else None,
            "year": self.year,
            "subject": self.subject,
            "urgent": self.urgent,
            "secret": self.secret,
            "addressees": list(self.addressees),
            "recipients": list(self.recipients),
            "signer": self.signer,
            "signer_title": self.signer_title,
            "report_fields": list(self.report_fields),
            "deadlines": [d.to_json_dict() for d in self.deadlines],
            "warnings": list(self.warnings),
            "recognized": self.recognized,
        }


def _safe(fn, default, *args):
    """Run one field extractor; a bug in one field must not cost the others."""
    try:
        return fn(*args)
    except Exception:  # pragma: no cover - defensive, exercised by the fuzz tests
        log.exception("parsing: %s failed", getattr(fn, "__name__", fn))
        return default


def _year_of(temporals: list, issued_on: date | None, refs: list[date], today: date | None) -> int | None:
    if issued_on:
        return issued_on.year
    if refs:
        return max(refs).year
    years = [
        t.year
        for t in temporals
        if t.year is not None and 1900 <= t.year <= 2200 and (t.unit != "day" or _valid(t.year, t.month, t.day))
    ]
    # a full date ("31-12-2018") dates the text's own doings; a bare year may be a target
    # it names ("giảm nghèo năm 2019 và các năm tiếp theo", "tầm nhìn đến năm 2030")
    days = [
        t.year
        for t in temporals
        if t.unit == "day" and t.year is not None and 1900 <= t.year <= 2200 and _valid(t.year, t.month, t.day)
    ]
    if days:
        return max(days)
    if years:
        return max(years)
    return today.year if today else None


def _valid(y: int, m: int | None, d: int | None) -> bool:
    try:
        date(y, m or 1, d or 1)
        return True
    except ValueError:
        return False


def parse_document(text: str, *, today: date | None = None) -> ParsedDocument:
    """Parse a directive's text. Never raises."""
    try:
        if isinstance(text, (bytes, bytearray)):
            text = decode_text_file(bytes(text))
        elif not isinstance(text, str):
            text = "" if text is None else str(text)
        cleaned = clean_markup(text[:MAX_CHARS])
        # "ngày 06 (sáu) tháng 06 (sáu)": the spelled-out numbers are blanked for matching
        folded = blank_spelled_numbers(fold(cleaned))
        doc = Text(cleaned, folded)
    except Exception:  # pragma: no cover - defensive
        log.exception("parsing: could not prepare text")
        return ParsedDocument()

    warnings: list[str] = []
    number = _safe(find_number, None, doc)
    if number is None and _safe(_is_listing, False, folded):
        # a tag page, a search result page, a list of news teasers: each item is a different
        # story, none of them a document, and their dates belong to no one document
        return ParsedDocument(recognized=False)
    doc_type = _safe(find_doc_type, None, doc, number)
    issued_on, issued_warning = _safe(find_issued_on, (None, None), doc)
    if issued_warning:
        warnings.append(issued_warning)
    title_type, title_mark, title_date = _safe(find_title_date, (None, None, None), doc)
    doc_type = doc_type or title_type
    issued_on = issued_on or title_date
    written = _safe(lambda: list(iter_temporal(folded)), [])
    written_refs = _safe(reference_dates, [], folded, written)
    # (the years a school year gives are for its timetable's days; an issue day told in the
    # body takes only a year written in the text)
    temporals = _safe(_in_school_year, written, folded, written)
    refs = _safe(reference_dates, [], folded, temporals) if temporals is not written else written_refs
    # A page about a document names it in running text ("Ban Thường vụ Thành ủy có Công
    # văn số 4182-CV/TU ..."): used for what the printed header does not give.
    body = _safe(find_body_document, None, cleaned, folded)
    if number is None:
        # a page titled with the document's name and number is that document
        body = _safe(find_title_document, None, cleaned, folded) or body
    if number is None and (body is None or body.number is None):
        # a lead sentence with one misspelt word ("Ngày 21/5, UBND tỉnh banh Công văn số ...")
        body = _safe(find_lead_document, None, cleaned, folded) or body
    if number is None and (body is None or body.number is None):
        # an annex's "Ban hành kèm theo Công văn số ...", "(Nguồn: 132/TB-UBND)", "THÔNG BÁO SỐ 2"
        named = _safe(find_named_document, None, cleaned, folded)
        if named is not None:
            body = replace(named, issuer=named.issuer or (body.issuer if body else None)) if body else named
    if number is None and body and body.number and not body.issuer:
        # "Nội dung tại Kết luận số 170-KL/TW ..." after "Kết luận số 170-KL/TW của Ban Bí thư"
        body = replace(body, issuer=_safe(author_of_number, None, cleaned, folded, body.number))
    number_text = number.text if number else None
    if body and number is None and issued_on and body.number and body.day and body.year:
        # a place-date line with no body printed above it and no number ("Hải Phòng, ngày 18
        # tháng 11 năm 2019" atop a portal's print view) is the page's stamp when the running
        # text dates the numbered document it tells of ("ngày 13/5/2011, ... ban hành Kế hoạch
        # số 42/KH-UBND")
        told = valid_date(body.year, body.month, body.day)
        if told and told != issued_on and not _safe(has_printed_header, True, doc):
            issued_on = told
    if body:
        number_text = number_text or body.number
        if doc_type is None and body.number is None and body.issuer is None:
            # "... Hướng dẫn này đến các tổ chức Hội": a text naming its own kind says what it
            # is better than an unnumbered "xây dựng kế hoạch" it asks the units to draw up
            doc_type = _safe(_self_named_type, None, folded)
        doc_type = doc_type or body.doc_type
        if issued_on is None and body.day:
            year = body.year or _own_year(folded, written, written_refs)
            if year is None and body.month:
                # "Ngày 12/9, ... ký ban hành Kết luận 191" under a crawler's " date 2025-09-12":
                # with no year in the text, the page's stamp dates it (the year before when the
                # day would fall after the stamp)
                year = _safe(_crawler_year, None, folded, body.month, body.day)
            issued_on = valid_date(year, body.month, body.day) if year else None
    # the number named in running text tells the issuer as well as a printed one
    issuer_number = number or (_safe(number_from_text, None, body.number) if body and body.number else None)
    issuer = _safe(find_issuer, None, doc, issuer_number, body.issuer if body else None)
    if doc_type is None and issuer:
        doc_type = _safe(announced_type, None, doc, issuer)
    if number_text is None:
        # no number printed or given by an issuing clause: a numbered mention whose code is
        # the initials of the organ acting on it ("Đảng ủy phường X triển khai Kế hoạch số
        # 89-KH/ĐU ngày ...") or of this document's issuer
        own = _safe(find_own_mention, None, cleaned, folded, issuer)
        if own:
            number_text = own.number
            doc_type = doc_type or own.doc_type
            issuer = issuer or own.issuer
            if issued_on is None and own.day:
                issued_on = valid_date(own.year, own.month, own.day)
    if today is not None:
        # a cited document dated in the future is a typo ("30/7/2031"): it must not push
        # the document's date past every real deadline
        refs = [r for r in refs if r <= today]
    # The document's own date: printed, else no earlier than the latest document it cites.
    own_date = issued_on or (max(refs) if refs else None)
    year = _safe(_year_of, None, temporals, issued_on, refs, None)
    if issued_on is None and year is not None:
        # A page with no date of its own but a post stamp ("Thứ Hai, 31/5/2021| 15:35") was
        # written shortly before it went up: its year-less days ("trước ngày 15/10") are of
        # the stamp's year, not of an older resolution it cites (Nghị quyết ... ngày 6/1/2012).
        stamped = [d for _, _, d in _safe(page_stamps, [], cleaned, folded) if d is not None]
        # (and a page's later years are targets it names, "tầm nhìn đến năm 2030", not its own)
        if stamped and year != min(stamped).year:
            year = min(stamped).year
            if own_date is not None and own_date.year < year:
                own_date = date(year, 1, 1)
    # With no year written anywhere, a term or school year it is about ("nhiệm kỳ 2021 -
    # 2026", "năm học 2010-2011") says when it was written: at that span's start.
    span_start = _safe(_span_start, None, folded) if year is None else None
    if span_start is not None:
        year = span_start.year
    elif year is None and today is not None:
        year = today.year
    # a page's post stamp ("Đăng lúc: 07:54:42 16/04/2021"): what was due before it had passed
    # when the page went up, so before anyone could paste it
    posted = _safe(_post_date, None, folded)
    not_before = max(own_date, posted) if own_date and posted else own_date or posted
    if issued_on is None and year is not None:
        # "đến ngày 24-10, nhiều đơn vị chưa nộp": a page with no date of its own is no earlier
        # than the day it tells a state as of
        told = _safe(as_of_days, [], folded, temporals, year)
        if told and (not_before is None or max(told) > not_before):
            not_before = max(told)
    urgent, secret = _safe(find_marks, (None, None), doc)
    urgent = urgent or title_mark  # "Thông báo Khẩn ngày 18/10/2020": the title carries the mark
    if urgent is None and body and body.urgent:
        urgent = body.urgent  # "đã ký công văn hỏa tốc": the mark named in running text
    signer, signer_title = _safe(find_signature, (None, None), doc)

    # the site's own stamps ("Cập nhật lúc 00:16, Chủ Nhật, 05/04/2020", "Thứ sáu, 05/01/2018
    # 10:00:22") say when the page went up or was read, never when anything is due
    stamps = _safe(_stamp_spans, [], folded)
    dated = [t for t in temporals if not any(a <= t.start < b for a, b in stamps)] if stamps else temporals
    extraction = _safe(
        lambda: extract_deadlines(
            cleaned,
            folded,
            default_year=year,
            reference=own_date or span_start,
            not_before=not_before,
            temporals=dated,
        ),
        None,
    )
    deadlines = extraction.deadlines if extraction else []
    if issuer and deadlines:
        deadlines = _safe(_drop_own_congress, deadlines, folded, issuer, deadlines)
    if extraction:
        warnings.extend(w for w in extraction.warnings if w not in warnings)

    subject = _safe(find_subject, None, doc, doc_type)
    addressees = _safe(find_addressees, [], doc)
    recipients = _safe(find_recipients, [], doc)
    # a body asking the units below it to act ("Sở Giáo dục và Đào tạo đề nghị các đơn vị ...")
    # is a directive told as news; a meeting reported as news ("Ban Thường vụ Tỉnh ủy họp")
    # is not; nor is a request told as done ("lãnh đạo Huyện ủy đã đề nghị ..." after a meeting)
    asks = bool(issuer) and bool(_REQUEST.search(folded))
    recognized = bool(
        number_text
        or doc_type
        or issued_on
        or deadlines
        or subject
        or addressees
        or recipients
        or signer
        or asks
        or (urgent and issuer)  # "Sở Y tế vừa có văn bản hỏa tốc gửi ...": an urgent letter told
    )
    if (
        recognized
        and number_text is None
        and issued_on is None
        and issuer is not None
        and _GENERIC_ORGAN.search(fold(issuer))
        and all(d.due is None for d in deadlines)
        and _cut_at_start(cleaned)
    ):
        # a snippet that begins in the middle of a sentence ("toán ngân sách địa phương hàng
        # năm báo cáo Ủy ban nhân dân cùng cấp ...", a search result's excerpt of a law) with
        # no number, no date, no deadline with a day, and whose only organ is one named by its
        # level ("Ủy ban nhân dân cấp tỉnh"): the words of a rule quoted out of a page, no
        # document (a chat line "cac chi bo gui bao cao trong vong 10 ngay ..." names none)
        recognized = False
        deadlines = []
        doc_type = None  # ("gửi báo cáo" in the quoted rule names no type of this page)
    if recognized and issuer is None:
        issuer = _safe(meeting_organ, None, doc)  # "Họp Tiểu ban Nội dung Đại hội ...": who met
    if not recognized:
        issuer = None  # a page that is no document has no issuer: only an actor in a news story
    return ParsedDocument(
        doc_type=doc_type,
        number=number_text,
        issuer=issuer,
        issued_on=issued_on,
        year=year,
        subject=subject,
        urgent=urgent,
        secret=secret,
        addressees=addressees,
        recipients=recipients,
        signer=signer,
        signer_title=signer_title,
        report_fields=_safe(find_report_fields, [], doc),
        deadlines=deadlines,
        warnings=warnings,
        recognized=recognized,
    )


_SELF_NAMED = re.compile(r"\b(huong\s+dan|ke\s+hoach|cong\s+van|thong\s+bao|chi\s+thi|the\s+le)\s+nay\b")
_SELF_TYPES = {
    "huong dan": "Hướng dẫn",
    "ke hoach": "Kế hoạch",
    "cong van": "Công văn",
    "thong bao": "Thông báo",
    "chi thi": "Chỉ thị",
    "the le": "Thể lệ",
}


def _self_named_type(folded: str) -> str | None:
    """The one kind the text calls itself by ("Hướng dẫn này", "Kế hoạch này"), or None."""
    kinds = {re.sub(r"\s+", " ", m.group(1)) for m in _SELF_NAMED.finditer(folded)}
    return _SELF_TYPES[kinds.pop()] if len(kinds) == 1 else None


# a requesting verb and who is asked: "đề nghị các phòng", "yêu cầu Đảng bộ xã ...", "lưu ý
# các đơn vị ..."
_REQUEST = re.compile(
    r"(?<!\bda\s)\b(?:yeu\s+cau|de\s+nghi|chi\s+dao|giao|luu\s+y)\s+(?:cac|toan\s+the|moi|dang\s+bo|chi\s+bo|cap\s+uy|don\s+vi|"
    r"ubnd|uy\s+ban|phong|so|ban|truong|hieu\s+truong|thu\s+truong)\b"
    # a drive or a contest launched for the units below ("đã phát động đợt thi đua đặc biệt"):
    # a call to act, as a request is
    r"|\bphat\s+dong\s+(?:dot\s+thi\s+dua|phong\s+trao|cuoc\s+thi)\b"
    # (or one it runs for the public: "Ban Thường vụ Tỉnh ủy tổ chức Cuộc thi trực tuyến ...")
    r"|\bto\s+chuc\s+cuoc\s+thi\b"
)
# "nhiệm kỳ 2021 - 2026" (a term of office), "năm học 2010-2011" (a school year)
_SPAN_RE = re.compile(r"\b(?P<w>nhiem\s+ky|nam\s+hoc)\s+(?P<a>(?:19|20)\d\d)\s?[-–]\s?(?P<b>(?:19|20)\d\d)(?!\d)")


# A page of search results or of a tag ("Kết quả tìm kiếm", "Tìm thấy 124 kết quả", "Thẻ:",
# "Tags:", "Từ khóa:" above the items), or a list whose items each carry their own post stamp
# ("(12/03/2020)", "05/01/2022 - ..."), before any "Tin liên quan" block a real page ends with.
_LISTING_HEAD = re.compile(
    r"^[ \t]*(?:ket\s+qua\s+tim\s+kiem|tim\s+thay\s+\d[\d.,]*\s+ket\s+qua|"
    r"(?:the|tag|tags|tu\s+khoa)[ \t]*:[ \t]*(?:$|[^\n]{0,60}$))",
    re.M,
)
# (a bare date on its own line is a cell of a flattened schedule table, not a stamp)
_STAMP_DAY = r"\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?(?:19|20)\d\d"
_ITEM_STAMP = re.compile(
    rf"^[ \t]*(?:\({_STAMP_DAY}(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?\)[ \t]*$"
    rf"|{_STAMP_DAY}(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?[ \t]+[-–|][ \t]+\S"
    rf"|{_STAMP_DAY}\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?[ \t]*$)",
    re.M,
)
_RELATED = re.compile(
    r"^[ \t]*(?:tin\s+lien\s+quan|bai\s+lien\s+quan|tin\s+cung\s+chuyen\s+muc|bai\s+viet\s+cung\s+chuyen\s+muc|"
    r"cac\s+tin\s+khac|tin\s+khac|xem\s+them|tin\s+moi|doc\s+them)\b",
    re.M,
)


def _is_listing(folded: str) -> bool:
    """A page listing several news items: a search or tag heading among its first lines, or
    at least three item stamps before any related-news block."""
    lines = [ln for ln in folded[:3000].split("\n") if ln.strip()]
    # (a tag line closing a short article is the article's own tags, not a tag page)
    if any(_LISTING_HEAD.match(ln) for ln in lines[:3] if ln is not lines[-1]):
        return True
    related = _RELATED.search(folded)
    end = related.start() if related else len(folded)
    return len(_ITEM_STAMP.findall(folded, 0, min(end, 20000))) >= 3


# "Đăng lúc: 07:54:42 16/04/2021", "Ngày đăng: 07/11/2022 16:18", "Đăng ngày 29-03-2023 18:11",
# "Cập nhật, 05:43, Thứ Ba, 25/02/2020": a site's stamp of when it put the page up
_POST_LABEL = re.compile(
    r"^[ \t(|]*(?:ngay\s+dang|dang\s+(?:luc|ngay)|ngay\s+cap\s+nhat|cap\s+nhat(?:\s+(?:luc|ngay))?|"
    r"thoi\s+gian\s+dang|ngay\s+xuat\s+ban)\b[ \t:,]*(?P<rest>[^\n]{0,60})",
    re.M,
)
_STAMP_DATE = re.compile(r"(?<![\d/.\-])(?P<d>\d{1,2})\s?[/.\-]\s?(?P<m>\d{1,2})\s?[/.\-]\s?(?P<y>(?:19|20)\d\d)(?!\d)")


# a page clock: a weekday, a date and maybe a time, alone on its line
_CLOCK_LINE = re.compile(
    r"^[ \t(|]*(?:thu\s+(?:hai|ba|tu|nam|sau|bay)|chu\s+nhat)\s*,?\s*"
    r"\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?\d{4}[^\n]{0,40}$",
    re.M,
)


def _stamp_spans(folded: str) -> list[tuple[int, int]]:
    """(start, end) of the lines that are the site's post stamps or clocks, near the top."""
    limit = min(len(folded), 3000)
    spans = []
    for rx in (_POST_LABEL, _CLOCK_LINE):
        for m in rx.finditer(folded, 0, limit):
            end = folded.find("\n", m.start())
            spans.append((m.start(), len(folded) if end == -1 else end))
    return spans


def _post_date(folded: str) -> date | None:
    """The page's post date from a labelled stamp near its top, or None."""
    m = _POST_LABEL.search(folded, 0, min(len(folded), 3000))
    if not m:
        return None
    d = _STAMP_DATE.search(m["rest"])
    return valid_date(int(d["y"]), int(d["m"]), int(d["d"])) if d else None


def _span_start(folded: str) -> date | None:
    """Start of the first term or school year the text names: a term's elections and
    congresses fall in its first year; a school year opens in August. None without one."""
    m = _SPAN_RE.search(folded)
    if not m or not 0 < int(m["b"]) - int(m["a"]) <= 5:
        return None
    return date(int(m["a"]), 8 if m["w"].startswith("nam") else 1, 1)


# an organ named by its level, as a law names a class of organs: "Ủy ban nhân dân cấp tỉnh",
# "Hội đồng nhân dân cùng cấp"
_GENERIC_ORGAN = re.compile(r"\b(?:cap\s+(?:tinh|huyen|xa|tren|duoi|co\s+so)|cung\s+cap|cac\s+cap)\s*$")


def _cut_at_start(cleaned: str) -> bool:
    """The paste begins mid-sentence: its first letter is a small one ("toán ngân sách ...")."""
    head = cleaned.lstrip(" \t\r\n\"'“‘«(-–•*.…")
    return bool(head) and head[0].isalpha() and head[0].islower()


# a yearly rule's words: its year-less days are days of every year, not of one school year
_EVERY_YEAR = re.compile(r"\b(?:hang|moi)\s+nam\b")


def _in_school_year(folded: str, temporals: list) -> list:
    """A timetable for one school year that writes no year on any day or month ("áp dụng
    đối với năm học 2019-2020 ... kết thúc học kỳ I trước ngày 20/1 ... khai giảng trước
    ngày 10/9"): the school year runs from September of its first year to August of its
    second, so September to December are of the first year and January to August of the
    second. Temporals are returned with those years; unchanged when any day or month has
    a year of its own, when the text names no school year or more than one, or when it
    states yearly rules."""
    spans = {(m["a"], m["b"]) for m in _SPAN_RE.finditer(folded) if m["w"].startswith("nam")}
    if len(spans) != 1:
        return temporals
    a, b = (int(y) for y in next(iter(spans)))
    if b != a + 1 or _EVERY_YEAR.search(folded):
        return temporals
    dated = [t for t in temporals if t.unit in ("day", "month", "quarter")]
    if not dated or any(t.year is not None for t in dated):
        return temporals
    out = []
    for t in temporals:
        if t.unit in ("day", "month") and t.month is not None:
            t = replace(t, year=a if t.month >= 9 else b)
        out.append(t)
    return out


# a crawler's stamp at the head of a stored page: " date 2025-09-12 (VTC News) - ..."
_CRAWLER_STAMP = re.compile(r"^\s*date\s+(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)(?:-(?P<d>\d\d))?\b")


def _crawler_year(folded: str, month: int, day: int) -> int | None:
    m = _CRAWLER_STAMP.match(folded)
    if not m:
        return None
    y = int(m["y"])
    stamp = valid_date(y, int(m["m"]), int(m["d"] or 28))
    told = valid_date(y, month, day)
    if stamp is None or told is None:
        return None
    return y - 1 if told > stamp else y


def _own_year(folded: str, temporals: list, refs: list[date]) -> int | None:
    """Year for an issue day written without one ("Ngày 17-4, ..."): the latest year of a
    date in the text that is not a cited document's date, if any. Cited documents only say
    the document is later than them, not which year it is."""
    years = [
        t.year
        for t in temporals
        if t.year is not None
        and 1900 <= t.year <= 2200
        and not (t.unit == "day" and ref_before(folded, max(0, t.start - 60), t.start))
    ]
    return max(years) if years else None


# A district committee's plan schedules the cells' and wards' congresses and also "đại hội Đảng
# bộ huyện", its own: the issuer's own congress is no task for the units it writes to.
_OWN_LEVEL = {"huyen uy": "huyen", "tinh uy": "tinh", "quan uy": "quan", "thanh uy": "thanh pho", "thi uy": "thi xa"}


def _sentence(folded: str, pos: int) -> str:
    """The sentence up to ``pos``: from the last stop, semicolon or line break before it."""
    lo = max(0, pos - 400)
    a = max(folded.rfind(c, lo, pos) for c in (". ", ";", "\n"))
    return folded[max(a + 1, lo) : pos].lstrip(" .;")


def _drop_own_congress(folded: str, issuer: str, deadlines: list) -> list:
    head = next((lv for k, lv in _OWN_LEVEL.items() if re.search(rf"\b{k}\b", fold(issuer))), None)
    if head is None:
        return deadlines
    level = r"\s+".join(head.split())
    own = re.compile(
        rf"\s*,?\s*(?:(?:se\s+)?(?:tien\s+hanh|to\s+chuc)\s+)?dai\s+hoi\s+(?:dai\s+bieu\s+)?dang\s+bo\s+{level}\b"
        r"(?!\s+(?:va|,))"
    )
    # "Đại hội Đại biểu Đảng bộ huyện Hiệp Đức lần thứ VIII, nhiệm kỳ 2015 - 2020 (...) dự kiến
    # từ ngày 2.6 - 12.6.2015.": a sentence whose subject is the issuer's own congress
    subject = re.compile(
        rf"(?:[-+•*]\s*|\d{{1,2}}\s?[.)]\s*)?dai\s+hoi\s+(?:dai\s+bieu\s+)?dang\s+bo\s+{level}\b(?!\s+(?:va|,))"
        r"(?:[^.;:\n]*?\b(?:lan\s+thu|nhiem\s+ky)\b)"
    )
    kept = []
    for d in deadlines:
        words = fold(d.text).split()
        at = re.search(r"\s+".join(re.escape(w) for w in words), folded) if words else None
        if at and (
            own.match(folded, at.end())
            or own_level_before(folded, at.start(), head)
            or subject.match(_sentence(folded, at.start()))
        ):
            continue
        kept.append(d)
    return kept

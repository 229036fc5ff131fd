"""Who a directive's count of people counts, in its own words, for the "total" question.

The default template asks "Tổng số cán bộ, đảng viên"; a directive to a Youth Union branch
counts "đoàn viên", one to a school "học sinh", and 141-CV/ĐUK itself asks for "số lượng
người tiếp cận/tổng số cán bộ, công chức, lao động". The words come from what the report must
state ("Báo cáo cần nêu rõ: ..."), else from the subject; a template that labels its total
itself keeps its label.
"""

from __future__ import annotations

import re
from dataclasses import replace

from services.parsing.vn_text import fold
from services.report_templates import Template
from storage.tables import Directive

#: "tổng số cán bộ, công chức, lao động (đạt %)": the words after "tổng số", to a bracket,
#: a semicolon, a slash or the end (folded text, same positions as the readable one).
_TOTAL_OF_RE = re.compile(r"\btong so\s+(?!nguoi\b)([a-z][a-z ,]*?)\s*(?:[(;/.:]|\bdat\b|\bla\b|$)")
#: The people a directive may count, folded, longest first: found in its text in the order
#: they are written ("đoàn viên, hội viên").
_AUDIENCES = (
    "cuu chien binh",
    "nguoi lao dong",
    "doan vien",
    "hoi vien",
    "hoc sinh",
    "sinh vien",
    "cong nhan",
    "thanh nien",
    "dang vien",
)
_AUDIENCE_RE = re.compile(r"\b(" + "|".join(_AUDIENCES) + r")\b")
_JOINED_RE = re.compile(r"[\s,]*(?:va\s+)?")
#: Longest audience kept; a longer phrase is a sentence, not the name of who is counted.
MAX_AUDIENCE_CHARS = 60


def audience_of(directive: Directive) -> str | None:
    """The directive's own name for the people its report counts, as written; None when it
    names none (the template's default label stands)."""
    texts = [str(f) for f in directive.report_fields or []]
    for text in texts:
        found = _TOTAL_OF_RE.search(fold(text))
        if found:
            words = text[found.start(1) : found.end(1)].strip(" ,")
            if words and len(words) <= MAX_AUDIENCE_CHARS:
                return words
    if not directive.secrecy:  # a secret directive's subject stays out of chat texts
        texts.append(directive.subject or "")
    for text in texts:
        folded = fold(text)
        spans = [[m.start(), m.end()] for m in _AUDIENCE_RE.finditer(folded)]
        if not spans:
            continue
        # "đoàn viên thanh niên", "học sinh, sinh viên": names written together are one
        # audience, kept as written.
        first = spans[0]
        for start, end in spans[1:]:
            if not _JOINED_RE.fullmatch(folded[first[1] : start]):
                break
            first[1] = end
        words = text[first[0] : first[1]].lower()
        if len(words) <= MAX_AUDIENCE_CHARS:
            return words
    return None


def with_audience(template: Template, directive: Directive, *, own_template: bool) -> Template:
    """The template with its total labelled by the directive's audience ("Tổng số đoàn
    viên"), unless the directive brings a template of its own (its label is its choice)."""
    ratio = template.ratio
    if own_template or ratio is None:
        return template
    audience = audience_of(directive)
    if audience is None:
        return template
    fields = tuple(replace(f, label_vi=f"Tổng số {audience}") if f.key == ratio.whole else f for f in template.fields)
    return replace(template, fields=fields)

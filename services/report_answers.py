"""Understanding what a secretary typed for one question of a report, or a whole quick report.

Pure functions, no I/O. Secretaries type on phones, often without diacritics and in shorthand
("45 tren 50", "tt + zalo", "1.200"), so every matcher runs on folded text (lowercase, no
diacritics). A bad answer gives a ``Problem``: a locale key under ``report.error.`` plus its
parameters, which the handler turns into one plain sentence saying what is expected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from services.limits import MAX_COUNT, MAX_COUNT_DIGITS, without_controls
from services.parsing.vn_text import clean_markup, fold, normalize
from services.report_templates import Option, Template, TemplateField

# A whole number, with dots, commas or spaces as thousands separators ("1.200", "1 200").
_INT = r"\d{1,3}(?:[., ]\d{3})+(?!\d)|\d+"
# Words that may follow a count ("45 người", "50 dong chi").
_UNIT = r"(?:\s+(?:nguoi|ng|dong chi|dc|dang vien|dv|can bo|cb|quan chung|nguoi tham gia|nguoi dan|ban|nguoi\s*\.))?"
_PAIR_SEP = r"\s*(?:/|tren tong so|tren tong|tren|trong tong so|trong so|trong|out of|of)\s*"
_PAIR_RE = re.compile(rf"^({_INT}){_UNIT}{_PAIR_SEP}({_INT}){_UNIT}\s*(?:[(,;-]?\s*(\d+(?:[.,]\d+)?)\s*%\s*\)?)?$")
# A minus typed before the count ("tt -3/50") belongs to it: the count is refused as negative,
# not read as 3 with a stray "-" left over.
_PAIR_SEARCH_RE = re.compile(
    rf"(?<![\d.,])((?:(?<![\w-])-)?(?:{_INT})){_UNIT}{_PAIR_SEP}({_INT})(?![\d%])(?:{_UNIT})?"
    r"(?:\s*\(?\s*(\d+(?:[.,]\d+)?)\s*%\s*\)?)?"
)
_INT_RE = re.compile(rf"^({_INT}){_UNIT}$")
_NEGATIVE_RE = re.compile(r"^-\s*\d")
_DECIMAL_RE = re.compile(r"^\d+[.,]\d{1,2}(?:\s|$)")
_PERCENT_RE = re.compile(r"^(\d+(?:[.,]\d+)?)\s*%$")
_PERCENT_SEARCH_RE = re.compile(r"(?<![\d/])((?:(?<![\w-])-)?\d+(?:[.,]\d+)?)\s*%")
#: "toàn bộ", "tất cả", "toàn thể" (đảng viên): everyone was reached, read as 100% of the total.
_ALL_PEOPLE_RE = re.compile(
    r"(?<![a-z])(?:toan bo|tat ca|toan the)(?:\s+(?:nguoi|dang vien|dong chi|can bo|quan chung))?(?![a-z])"
)
_DATE_RE = re.compile(r"^(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{2,4}))?$")
# Separators between several choices: "tt + zalo", "trực tiếp, zalo", "tt và zalo".
_CHOICE_SEP_RE = re.compile(r"\s*(?:[+,;&\n]|\s(?:và|va|and|với|voi)\s)\s*", re.IGNORECASE)
_OTHER_RE = re.compile(r"^(?:khac|other)\b\s*[:\-]?\s*")
#: "khác:" starting the answer or one of its parts (after a separator): the rest is the other.
_OTHER_TAIL_RE = re.compile(r"(?:^|[+,;&\n]\s*|\s(?:va|and|voi)\s+)\s*(?:khac|other)\s*:\s*")
#: Words around choices that carry no meaning of their own ("hội nghị", "qua", "bằng").
_FILLER = {
    "hoi",
    "nghi",
    "qua",
    "bang",
    "hinh",
    "thuc",
    "to",
    "chuc",
    "hop",
    "kem",
    "theo",
    "tren",
    "nhom",
    "va",
    # the words of a sentence report: "Chi bo da quan triet truc tiep cho 45/50 dong chi"
    "chi",
    "bo",
    "da",
    "duoc",
    "quan",
    "triet",
    "trien",
    "khai",
    "tuyen",
    "truyen",
    "cho",
    "cac",
    "dong",
    "dang",
    "vien",
    "nhan",
    "dat",
    "ket",
    "la",
    "thi",
    "muc",
    "so",
    "nguoi",
    "tham",
    "gia",
    "gom",
}
_YES = {"co", "c", "yes", "y", "roi", "da", "dung", "ok", "da co"}
_NO = {"khong", "k", "ko", "kg", "no", "n", "chua", "sai"}
#: "bc 141 ..." or "báo cáo: ..." starts a quick report.
_QUICK_PREFIX_RE = re.compile(r"^\s*(?:bc|bao cao)(?=[\s:]|\d|$)[\s:]*")
_REF_RE = re.compile(r"^(#\d+|\d+(?:-[a-z]+)?(?:/[a-z0-9]+)?)(?=\s|$)")
_LINE_RE = re.compile(r"^\s*([^:]{2,40}?)\s*:\s*(.*)$")


@dataclass(frozen=True)
class Problem:
    """What is wrong with an answer: a key under ``report.error.`` and its parameters."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class Parsed:
    """Answers understood from one message (one answer may fill two fields: "45/50")."""

    values: dict[str, Any] = field(default_factory=dict)
    problem: Problem | None = None
    #: "90%" typed before the total is known: the reached count follows once it is.
    pending_percent: float | None = None
    #: What stands although the answer was refused: the total typed after "90%" when no whole
    #: count of people fits (90% of 33); only the count is asked then.
    kept: dict[str, Any] = field(default_factory=dict)


@dataclass
class Quick:
    """A whole report in one message: what was understood and what was wrong."""

    ref: str | None = None
    values: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    pending_percent: float | None = None
    #: What the message said that no question could place, as typed ("thiếu máy chiếu").
    unplaced: str | None = None
    #: A free answer to a choice that was asked about once (see ``parse_field``).
    other_asked: str | None = None


# ---- one answer ----------------------------------------------------------------------------
def parse_field(
    template: Template,
    key: str,
    text: str,
    answers: dict[str, Any],
    *,
    lang: str = "vi",
    today: date | None = None,
    pending_percent: float | None = None,
    asked_other: str | None = None,
) -> Parsed:
    """The answer to question ``key`` given what was answered before (``answers``).

    Free text for a choice that allows another answer ("hôm nay trời mưa quá" for the
    awareness) is asked about once (problem ``other_confirm``); the same text again
    (``asked_other``), or one starting "khác:", is taken as that other answer."""
    f = template.field(key)
    text = without_controls(clean_markup(text)).strip()
    if f.type in ("integer", "percentage") or f.type in ("choice", "multi_choice", "yes_no", "date"):
        if not text:
            return Parsed(problem=_expected(f, lang))
    if f.type == "integer":
        parsed = _integer_answer(template, f, text, answers, lang, pending_percent)
    elif f.type == "percentage":
        parsed = _percentage_answer(f, text, lang)
    elif f.type == "text":
        parsed = _text_answer(f, text, lang)
    elif f.type == "choice":
        parsed = _choice_answer(f, text, lang, asked_other)
    elif f.type == "multi_choice":
        parsed = _multi_answer(f, text, lang)
    elif f.type == "yes_no":
        parsed = _yes_no_answer(f, text, lang)
    elif f.type == "date":
        parsed = _date_answer(f, text, lang, today)
    else:
        parsed = Parsed(problem=Problem("attachment_expected", {"label": f.label(lang)}))
    if parsed.problem is None:
        problem = rule_problem(template, {**answers, **parsed.values}, lang=lang, changed=set(parsed.values))
        if problem is not None:
            return Parsed(problem=problem)
    elif parsed.kept:
        problem = rule_problem(template, {**answers, **parsed.kept}, lang=lang, changed=set(parsed.kept))
        if problem is not None:
            return Parsed(problem=problem)
    return parsed


def _expected(f: TemplateField, lang: str) -> Problem:
    if f.type in ("integer",):
        return Problem("not_a_number", {"label": f.label(lang)})
    if f.type == "percentage":
        return Problem("bad_percent", {"text": "", "label": f.label(lang)})
    if f.type in ("choice", "multi_choice"):
        return Problem("choice_unknown", {"options": option_list(f, lang)})
    if f.type == "yes_no":
        return Problem("yes_no_expected", {})
    return Problem("bad_date", {"label": f.label(lang)})


def parse_int(text: str) -> int | Problem:
    """A whole number ≥ 0 as typed, or what is wrong with it (the label is filled in later)."""
    folded = normalize(text)
    if _NEGATIVE_RE.match(folded):
        return Problem("negative")
    if _DECIMAL_RE.match(folded) and not _INT_RE.match(folded):
        return Problem("not_whole")
    match = _INT_RE.match(folded)
    if not match:
        return Problem("not_a_number")
    return _to_int(match.group(1))


def _to_int(digits: str) -> int:
    """The typed count; one longer than any count could be is read as just over MAX_COUNT, so
    the bound refuses it (int() would refuse 4,300 digits, float() 310)."""
    plain = re.sub(r"[., ]", "", digits).lstrip("0")
    if len(plain) > MAX_COUNT_DIGITS:
        return MAX_COUNT + 1
    return int(plain or "0")


def _max_of(f: TemplateField) -> float | None:
    """A field's upper bound; a count is never above MAX_COUNT, whatever the template says."""
    if f.type == "integer":
        return MAX_COUNT if f.max is None else min(f.max, MAX_COUNT)
    return f.max


def _labelled(problem: Problem, f: TemplateField, lang: str) -> Problem:
    return Problem(problem.key, {"label": f.label(lang), **problem.params})


def _bounds(f: TemplateField, value: float, lang: str, whole_of_ratio: bool = False) -> Problem | None:
    if f.min is not None and value < f.min:
        if whole_of_ratio and value == 0:
            return Problem("whole_zero", {"label": f.label(lang)})
        return Problem("below_min", {"label": f.label(lang), "min": _fmt(f.min)})
    top = _max_of(f)
    if top is not None and value > top:
        return Problem("above_max", {"label": f.label(lang), "max": _fmt(top)})
    return None


def _integer_answer(
    template: Template, f: TemplateField, text: str, answers: dict[str, Any], lang: str, pending: float | None
) -> Parsed:
    ratio = template.ratio
    folded = normalize(text)
    in_ratio = ratio is not None and f.key in (ratio.part, ratio.whole)
    if in_ratio:
        pair = _PAIR_RE.match(folded)
        if pair:
            return _pair_answer(template, pair.group(1), pair.group(2), pair.group(3), lang)
        if "/" in folded and re.search(r"\d", folded):
            if re.search(r"-\s*\d", folded):
                return Parsed(problem=_labelled(Problem("negative"), f, lang))
            return Parsed(problem=Problem("bad_pair", {"text": text[:40]}))
    if in_ratio and f.key == ratio.part and _ALL_PEOPLE_RE.fullmatch(folded):  # type: ignore[union-attr]
        folded = "100%"
    if "%" in folded:
        if ratio is None or f.key != ratio.part:
            return Parsed(problem=_labelled(Problem("percent_here"), f, lang))
        percent = _percent(folded)
        if isinstance(percent, Problem):
            return Parsed(problem=Problem(percent.key, {"text": text[:40], "label": f.label(lang)}))
        whole = answers.get(ratio.whole)
        if isinstance(whole, int) and whole > 0:
            return _from_percent(template, percent, whole, lang)
        return Parsed(pending_percent=percent)
    value = parse_int(text)
    if isinstance(value, Problem):
        return Parsed(problem=_labelled(value, f, lang))
    problem = _bounds(f, value, lang, whole_of_ratio=in_ratio and f.key == ratio.whole)  # type: ignore[union-attr]
    if problem is not None:
        return Parsed(problem=problem)
    if in_ratio and f.key == ratio.whole and pending is not None:  # type: ignore[union-attr]
        found = _from_percent(template, pending, value, lang)
        if found.problem is not None and found.problem.key == "percent_not_whole":
            found.kept = {f.key: value}  # the total is right; the percentage was rounded
        return found
    return Parsed(values={f.key: value})


def _pair_answer(template: Template, part_text: str, whole_text: str, percent_text: str | None, lang: str) -> Parsed:
    ratio = template.ratio
    assert ratio is not None
    part_f, whole_f = template.field(ratio.part), template.field(ratio.whole)
    part, whole = _to_int(part_text), _to_int(whole_text)
    for f, value, is_whole in ((whole_f, whole, True), (part_f, part, False)):
        problem = _bounds(f, value, lang, whole_of_ratio=is_whole)
        if problem is not None:
            return Parsed(problem=problem)
    if part > whole:
        return Parsed(problem=_le_problem(part_f, whole_f, part, whole, lang))
    if percent_text is not None:
        typed = float(percent_text.replace(",", "."))
        if abs(percent_of(part, whole) - typed) >= 1:
            return Parsed(
                problem=Problem(
                    "percent_mismatch",
                    {"part": part, "whole": whole, "percent": _fmt(percent_of(part, whole)), "typed": _fmt(typed)},
                )
            )
    return Parsed(values={ratio.part: part, ratio.whole: whole})


def _percent(folded: str) -> float | Problem:
    match = _PERCENT_RE.match(folded)
    if not match:
        if re.match(r"^-\s*\d", folded):
            return Problem("percent_range")
        return Problem("bad_percent")
    value = float(match.group(1).replace(",", "."))
    if value > 100:
        return Problem("percent_range")
    return value


def _from_percent(template: Template, percent: float, whole: int, lang: str) -> Parsed:
    """Reached from "90%" of a known total; refused when no whole number of people fits."""
    ratio = template.ratio
    assert ratio is not None
    part = round(whole * percent / 100)
    if abs(percent_of(part, whole) - percent) >= 0.5:
        # The example is the nearest whole count of this total, so the next answer is accepted.
        example = min(max(part, 0), whole)
        return Parsed(problem=Problem("percent_not_whole", {"percent": _fmt(percent), "whole": whole, "part": example}))
    problem = _bounds(template.field(ratio.part), part, lang)
    if problem is not None:
        return Parsed(problem=problem)
    return Parsed(values={ratio.part: part, ratio.whole: whole})


def _percentage_answer(f: TemplateField, text: str, lang: str) -> Parsed:
    folded = normalize(text)
    if not folded.endswith("%"):
        folded += "%"
    value = _percent(folded)
    if isinstance(value, Problem):
        return Parsed(problem=Problem(value.key, {"text": text[:40], "label": f.label(lang)}))
    problem = _bounds(f, value, lang)
    return Parsed(problem=problem) if problem else Parsed(values={f.key: value})


def _text_answer(f: TemplateField, text: str, lang: str) -> Parsed:
    if not text:
        return Parsed(problem=Problem("text_empty", {"label": f.label(lang)}))
    if len(text) > f.max_length:
        return Parsed(problem=Problem("text_too_long", {"max": f.max_length, "length": len(text)}))
    return Parsed(values={f.key: text})


def yes_no_word(text: str) -> bool | None:
    """A typed yes ("có", "ok") or no ("không"); None for anything else."""
    folded = normalize(text).rstrip(".!")
    return True if folded in _YES else False if folded in _NO else None


def _yes_no_answer(f: TemplateField, text: str, lang: str) -> Parsed:
    folded = normalize(text).rstrip(".!")
    if folded in _YES:
        return Parsed(values={f.key: True})
    if folded in _NO:
        return Parsed(values={f.key: False})
    return Parsed(problem=Problem("yes_no_expected", {}))


def _date_answer(f: TemplateField, text: str, lang: str, today: date | None) -> Parsed:
    match = _DATE_RE.match(normalize(text))
    if not match:
        return Parsed(problem=Problem("bad_date", {"label": f.label(lang)}))
    day, month, year = int(match.group(1)), int(match.group(2)), match.group(3)
    if year is None:
        full_year = (today or date.today()).year
    else:
        full_year = int(year) + (2000 if len(year) == 2 else 0)
    try:
        return Parsed(values={f.key: date(full_year, month, day).isoformat()})
    except ValueError:
        return Parsed(problem=Problem("bad_date", {"label": f.label(lang)}))


# ---- choices -------------------------------------------------------------------------------
def option_list(f: TemplateField, lang: str) -> str:
    return ", ".join(f"{i}. {o.label(lang)}" for i, o in enumerate(f.options, start=1))


def _match_options(fields: list[TemplateField], folded: str) -> tuple[dict[str, list[str]], list[str]]:
    """Greedy left-to-right match of option spellings on the words of ``folded``.

    Returns the option values found per field and the words left over (fillers dropped).
    """
    words = folded.split()
    spellings = sorted(
        ((tuple(w.split()), f.key, o.value) for f in fields for o in f.options for w in o.words()),
        key=lambda s: len(s[0]),
        reverse=True,
    )
    found: dict[str, list[str]] = {}
    left: list[str] = []
    i = 0
    while i < len(words):
        for spelling, key, value in spellings:
            if tuple(words[i : i + len(spelling)]) == spelling:
                if value not in found.setdefault(key, []):
                    found[key].append(value)
                i += len(spelling)
                break
        else:
            if words[i] not in _FILLER:
                left.append(words[i])
            i += 1
    return found, left


def _by_number(f: TemplateField, folded: str) -> Option | None:
    if _is_number(folded) and len(folded) <= 4 and 1 <= int(folded) <= len(f.options):
        return f.options[int(folded) - 1]
    return None


#: Characters of a free answer said back when it is asked about (the whole is kept).
OTHER_SHOWN_CHARS = 80


def _choice_answer(f: TemplateField, text: str, lang: str, asked_other: str | None = None) -> Parsed:
    folded = normalize(text).strip(" .!")
    numbered = _by_number(f, folded)
    if numbered is not None:
        return Parsed(values={f.key: {"value": numbered.value}})
    found, left = _match_options([f], folded)
    values = found.get(f.key, [])
    if len(values) == 1 and not left:
        return Parsed(values={f.key: {"value": values[0]}})
    if f.allow_other and not _is_number(folded):
        if len(text) > f.max_length:
            return Parsed(problem=Problem("text_too_long", {"max": f.max_length, "length": len(text)}))
        if not _OTHER_RE.sub("", folded):
            return Parsed(problem=Problem("other_empty", {}))
        if not _OTHER_RE.match(folded) and normalize(asked_other or "") != normalize(text):
            labels = ", ".join(o.label(lang) for o in f.options)
            # Said back cut («…» shows it), asked about whole: the same paragraph sent again
            # is recognised and kept whole.
            shown = text if len(text) <= OTHER_SHOWN_CHARS else text[: OTHER_SHOWN_CHARS - 1].rstrip() + "…"
            return Parsed(
                problem=Problem(
                    "other_confirm", {"text": shown, "typed": text, "label": f.label(lang), "options": labels}
                )
            )
        return Parsed(values={f.key: {"other": _strip_other(text)}})
    if len(values) == 1:
        return Parsed(values={f.key: {"value": values[0]}})
    return Parsed(problem=Problem("choice_unknown", {"options": option_list(f, lang)}))


#: "None" as a secretary types it (folded): no format at a multiple choice (never «khác: không»),
#: nothing to add at an optional free-text question (handlers/report_flow.py).
NONE_WORDS = frozenset({"khong", "khong co", "khong co gi", "ko", "k", "kg", "ko co", "none", "no", "nothing"})


def _strip_other(text: str) -> str:
    folded = fold(text)
    match = _OTHER_RE.match(folded)
    return text[match.end() :].strip() if match else text.strip()


def _multi_answer(f: TemplateField, text: str, lang: str) -> Parsed:
    if len(text) > f.max_length:
        return Parsed(problem=Problem("text_too_long", {"max": f.max_length, "length": len(text)}))
    values: list[str] = []
    others: list[str] = []
    # "tt, khác: họp tổ dân phố, phát tờ rơi và loa phường": what follows "khác:" is one
    # answer as written, commas and "và" included, never read for option names.
    other = _OTHER_TAIL_RE.search(fold(text))
    if other is not None and text[other.end() :].strip():
        others.append(text[other.end() :].strip())
        text = text[: other.start()]
    for piece in _CHOICE_SEP_RE.split(text):
        folded = normalize(piece).strip(" .!")
        if not folded:
            continue
        numbered = _by_number(f, folded)
        numbers = folded.split()
        if numbered is not None:
            picked = [numbered.value]
        elif len(numbers) > 1 and all(_is_number(n) for n in numbers):
            # "1 3" typed on a phone names options 1 and 3, as "1, 3" does.
            chosen = [_by_number(f, n) for n in numbers]
            if any(o is None for o in chosen):
                return Parsed(problem=Problem("choice_unknown", {"options": option_list(f, lang)}))
            picked = [o.value for o in chosen if o is not None]
        elif _OTHER_RE.match(folded):
            picked = []
            if _OTHER_RE.sub("", folded):
                others.append(_strip_other(piece))
        else:
            found, _left = _match_options([f], folded)
            picked = found.get(f.key, [])
            if not picked and folded in NONE_WORDS:
                # "không" to "which formats" is not a format called «khác: không».
                return Parsed(problem=Problem("choice_none", {"label": f.label(lang), "options": option_list(f, lang)}))
            if not picked:
                # Free "khác" text is words; "-5" or "?" is not an answer to "which formats".
                if not f.allow_other or _is_number(folded) or not any(c.isalpha() for c in folded):
                    return Parsed(problem=Problem("choice_unknown", {"options": option_list(f, lang)}))
                others.append(piece.strip())
        values.extend(v for v in picked if v not in values)
    if not values and not others:
        return Parsed(problem=Problem("choice_unknown", {"options": option_list(f, lang)}))
    return Parsed(values={f.key: {"values": values, "other": "; ".join(others) or None}})


def with_selection(parsed: Parsed, key: str, selected: list[str]) -> Parsed:
    """A typed answer to a multiple choice joins the options already ticked on the buttons."""
    typed = parsed.values.get(key)
    if parsed.problem is not None or not selected or not isinstance(typed, dict):
        return parsed
    values = [*selected, *(v for v in typed.get("values", []) if v not in selected)]
    return Parsed(values={**parsed.values, key: {**typed, "values": values}}, pending_percent=parsed.pending_percent)


# ---- whole reports -------------------------------------------------------------------------
def percent_of(part: int, whole: int) -> float:
    """The computed percentage, as stored and shown: one decimal."""
    return round(100 * part / whole, 1)


def computed_percent(template: Template, answers: dict[str, Any]) -> float | None:
    ratio = template.ratio
    if ratio is None:
        return None
    part, whole = answers.get(ratio.part), answers.get(ratio.whole)
    if isinstance(part, int) and isinstance(whole, int) and whole > 0:
        return percent_of(part, whole)
    return None


def _le_problem(left_f: TemplateField, right_f: TemplateField, left: Any, right: Any, lang: str) -> Problem:
    return Problem(
        "rule_le",
        {
            "left": left_f.label(lang),
            "right": right_f.label(lang),
            "left_value": _fmt(left),
            "right_value": _fmt(right),
        },
    )


def rule_problem(
    template: Template, answers: dict[str, Any], *, lang: str = "vi", changed: set[str] | None = None
) -> Problem | None:
    """The first cross-field rule the answers break (only rules touching ``changed``, if given)."""
    for rule in template.rules:
        if changed is not None and not changed & {rule.left, rule.right}:
            continue
        left, right = answers.get(rule.left), answers.get(rule.right)
        if isinstance(left, int | float) and isinstance(right, int | float) and left > right:
            return _le_problem(template.field(rule.left), template.field(rule.right), left, right, lang)
    return None


def check_answers(template: Template, answers: dict[str, Any], *, lang: str = "vi") -> list[Problem]:
    """Everything that keeps these answers from being saved; empty when they are valid.

    The last gate before storage: whatever path the answers took, nothing breaking the
    template's rules is stored.
    """
    problems: list[Problem] = []
    skipped = template.skipped(answers)
    for f in template.fields:
        if f.key in skipped:
            continue  # not asked: nobody was reached
        value = answers.get(f.key)
        if value in (None, [], "") or (f.type == "attachment" and not value):
            if f.required:
                problems.append(Problem("missing", {"label": f.label(lang)}))
            continue
        if not _valid_value(f, value):
            problems.append(Problem("invalid", {"label": f.label(lang)}))
    problem = rule_problem(template, answers, lang=lang)
    if problem is not None:
        problems.append(problem)
    return problems


def _valid_value(f: TemplateField, value: Any) -> bool:
    if f.type in ("integer", "percentage"):
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or (f.type == "integer" and not isinstance(value, int))
        ):
            return False
        top = _max_of(f)
        if f.type == "integer" and abs(value) > MAX_COUNT:
            return False
        return (f.min is None or value >= f.min) and (top is None or value <= top)
    if f.type == "text":
        return isinstance(value, str) and 0 < len(value) <= f.max_length and value == without_controls(value)
    if f.type == "choice":
        return isinstance(value, dict) and (
            (value.get("value") is not None and f.option(value["value"]) is not None)
            or (f.allow_other and bool(value.get("other")))
        )
    if f.type == "multi_choice":
        values = value.get("values", []) if isinstance(value, dict) else None
        return (
            isinstance(values, list)
            and all(f.option(v) is not None for v in values)
            and (bool(values) or (f.allow_other and bool(value.get("other"))))
        )
    if f.type == "yes_no":
        return isinstance(value, bool)
    if f.type == "date":
        try:
            date.fromisoformat(value)
        except (TypeError, ValueError):
            return False
        return True
    return isinstance(value, list)


#: Words typed only in answer to a question of the report form: its buttons, "ok", "bỏ qua".
_FORM_WORDS = frozenset(
    {"xong", "done", "bo qua", "skip", "quay lai", "back", "xac nhan", "confirm", "sua", "edit", "ok", "oke", "okay"}
)


def reads_as_answer(template: Template, text: str) -> bool:
    """Whether a message outside any report reads as the answer to one of its questions: a
    count of people ("45/50", "90%"), a button's words ("xong", "bỏ qua"), "khác: ...",
    or only names of the options ("tốt", "trực tiếp + zalo"). A sentence is not."""
    folded = normalize(text).strip(" .!")
    if not folded or len(folded) > 80:
        return False
    # A bare number, "có" or "không" could answer anything; on channels without buttons the
    # menu they answered tells (handlers/typed_choice.py).
    if folded in _FORM_WORDS or _OTHER_RE.match(folded):
        return True
    if _PAIR_RE.match(folded) or _PERCENT_RE.match(folded):
        return True
    fields = [f for f in template.fields if f.type in ("choice", "multi_choice")]
    words = {w for f in fields for o in f.options for w in o.words()}
    pieces = [p.strip(" .!") for p in _CHOICE_SEP_RE.split(folded) if p.strip(" .!")]
    return bool(pieces) and all(p in words for p in pieces)


def is_quick_report(text: str) -> bool:
    return bool(_QUICK_PREFIX_RE.match(normalize(text.split("\n", 1)[0])))


def looks_like_report(template: Template, text: str) -> bool:
    """A sentence without "bc" that still reads as a report: a count pair ("45/50") or a
    percentage, and a word naming one of the choices ("Chi bo da quan triet truc tiep cho
    45/50 dong chi, nhan thuc tot")."""
    folded = normalize(text)
    if not (_PAIR_SEARCH_RE.search(folded) or _PERCENT_SEARCH_RE.search(folded)):
        return False
    fields = [f for f in template.fields if f.type in ("choice", "multi_choice")]
    found, _left = _match_options(fields, re.sub(r"[+,;&.]", " ", folded))
    return any(found.values())


def parse_quick(template: Template, text: str, *, lang: str = "vi", today: date | None = None) -> Quick:
    """A whole report in one message ("bc 141 tt+zalo 45/50 tot", "field: value" parts, or a
    sentence). Parts labelled with a question's name ("kho khan: ...") answer that question
    wherever they stand; what no question could place is kept in ``unplaced``."""
    readable = clean_markup(text).strip()
    folded = fold(readable)  # same length: positions found here cut the readable text
    prefix = _QUICK_PREFIX_RE.match(folded)
    quick = Quick()
    if prefix is not None:
        readable, folded = readable[prefix.end() :], folded[prefix.end() :]
        ref = _REF_RE.match(folded)
        if ref and not re.match(r"\s*(?:tren|trong|/|%|nguoi)", folded[ref.end() :]):
            quick.ref = ref.group(1)
            readable, folded = readable[ref.end() :], folded[ref.end() :]
    free: list[tuple[str, str]] = []
    for f, readable_part, folded_part in _labelled_parts(template, readable, folded):
        if f is None:
            free.append((readable_part, folded_part))
            continue
        value = readable_part.strip().strip(",;.").strip()
        _take(
            quick,
            parse_field(
                template, f.key, value, quick.values, lang=lang, today=today, pending_percent=quick.pending_percent
            ),
        )
    if free:
        _parse_free(template, " ".join(r for r, _ in free), " ".join(f for _, f in free), quick, lang)
    return quick


def _labelled_parts(template: Template, readable: str, folded: str) -> list[tuple[TemplateField | None, str, str]]:
    """The message cut at each "name:" of a question: (field or None, readable, folded) parts."""
    names = sorted(((n, f) for f in template.fields for n in f.names()), key=lambda p: len(p[0]), reverse=True)
    pattern = re.compile(r"(?<![a-z0-9])(" + "|".join(re.escape(n) for n, _ in names) + r")\s*:")
    by_name = dict(names)
    parts: list[tuple[TemplateField | None, str, str]] = []
    current: TemplateField | None = None
    start = 0
    for match in pattern.finditer(folded):
        if match.start() > start or current is not None:
            parts.append((current, readable[start : match.start()], folded[start : match.start()]))
        current, start = by_name[" ".join(match.group(1).split())], match.end()
    parts.append((current, readable[start:], folded[start:]))
    return [p for p in parts if p[0] is not None or p[2].strip(" ,;.\n")]


def _field_named(template: Template, name: str) -> TemplateField | None:
    for f in template.fields:
        if name in f.names():
            return f
    return None


def _take(quick: Quick, parsed: Parsed) -> None:
    if parsed.problem is not None:
        quick.problems.append(parsed.problem)
        if parsed.problem.key == "other_confirm":
            quick.other_asked = parsed.problem.params["typed"]
        return
    quick.values.update(parsed.values)
    if parsed.pending_percent is not None:
        quick.pending_percent = parsed.pending_percent


def _blank(text: str, start: int, end: int) -> str:
    """``text`` with a span blanked out, same length (positions still cut the readable text)."""
    return text[:start] + " " * (end - start) + text[end:]


def _parse_free(template: Template, readable: str, folded: str, quick: Quick, lang: str) -> None:
    """Shorthand or a sentence: a count pair or a percentage, then choice words; the words
    left over are kept, as typed, in ``quick.unplaced``."""
    ratio = template.ratio
    folded = _labelled_counts(template, folded, quick, lang)
    if ratio is not None and ratio.part not in quick.values:
        pair = _PAIR_SEARCH_RE.search(folded)
        if pair:
            _take(quick, parse_field(template, ratio.part, pair.group(0), quick.values, lang=lang))
            folded = _blank(folded, pair.start(), pair.end())
        else:
            percent = _PERCENT_SEARCH_RE.search(folded)
            everyone = _ALL_PEOPLE_RE.search(folded)
            if percent:
                _take(quick, parse_field(template, ratio.part, percent.group(0), quick.values, lang=lang))
                folded = _blank(folded, percent.start(), percent.end())
            elif everyone:
                _take(quick, parse_field(template, ratio.part, "100%", quick.values, lang=lang))
                folded = _blank(folded, everyone.start(), everyone.end())
    tokens = [(m.group(0), m.start(), m.end()) for m in re.finditer(r"[^\s+,;&.:()!?]+", folded)]
    fields = [f for f in template.fields if f.type in ("choice", "multi_choice") and f.key not in quick.values]
    found, left = _match_spans(fields, tokens, _field_words(template))
    for f in fields:
        values = found.get(f.key, [])
        if f.type == "multi_choice" and values:
            quick.values[f.key] = {"values": values, "other": None}
        elif f.type == "choice" and len(values) == 1:
            quick.values[f.key] = {"value": values[0]}
    pieces: list[list[int]] = []
    for start, end in left:
        if pieces and not folded[pieces[-1][1] : start].strip(" "):
            pieces[-1][1] = end
        else:
            pieces.append([start, end])
    unplaced = ", ".join(readable[a:b] for a, b in pieces)
    if unplaced:
        quick.unplaced = unplaced  # whole: offered as the free-text answer only if it fits


def _labelled_counts(template: Template, folded: str, quick: Quick, lang: str) -> str:
    """Counts named by their question without a colon ("tiếp cận 45 người, tổng số 50 đảng
    viên"): each taken by its question; ``folded`` comes back with them blanked."""
    fields = [f for f in template.fields if f.type == "integer" and f.key not in quick.values]
    names = sorted(((n, f.key) for f in fields for n in f.names()), key=lambda p: len(p[0]), reverse=True)
    if not names:
        return folded
    by_name = dict(names)
    pattern = re.compile(
        r"(?<![a-z0-9])(" + "|".join(re.escape(n) for n, _ in names) + r")"
        rf"(?:\s+(?:nguoi|dang vien|dong chi|can bo))?\s*(?:la|=|:)?\s*({_INT}){_UNIT}(?![\d/%]|[.,]\d)"
    )
    counts: dict[str, str] = {}
    for match in pattern.finditer(folded):
        key = by_name[match.group(1)]
        if key in counts:
            continue
        counts[key] = match.group(2)
        folded = _blank(folded, match.start(), match.end())
    ratio = template.ratio
    if ratio is not None and ratio.part in counts and ratio.whole in counts:
        pair = f"{counts.pop(ratio.part)}/{counts.pop(ratio.whole)}"
        _take(quick, parse_field(template, ratio.part, pair, quick.values, lang=lang))
    for key, count in counts.items():
        _take(quick, parse_field(template, key, count, quick.values, lang=lang))
    return folded


def _field_words(template: Template) -> set[str]:
    """Words of the questions' names: "nhan thuc tot" names the question before its answer."""
    return {w for f in template.fields for n in f.names() for w in n.split()}


def _match_spans(
    fields: list[TemplateField], tokens: list[tuple[str, int, int]], ignore: set[str]
) -> tuple[dict[str, list[str]], list[tuple[int, int]]]:
    """Greedy left-to-right match of option spellings on ``tokens``; the spans of the words no
    option took (fillers, question names and bare numbers dropped)."""
    words = [w for w, _s, _e in tokens]
    spellings = sorted(
        ((tuple(w.split()), f.key, o.value) for f in fields for o in f.options for w in o.words()),
        key=lambda s: len(s[0]),
        reverse=True,
    )
    found: dict[str, list[str]] = {}
    left: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        for spelling, key, value in spellings:
            if tuple(words[i : i + len(spelling)]) == spelling:
                if value not in found.setdefault(key, []):
                    found[key].append(value)
                i += len(spelling)
                break
        else:
            if words[i] not in _FILLER and words[i] not in ignore:
                # A number no question took is said back too, never dropped without a word.
                left.append((tokens[i][1], tokens[i][2]))
            i += 1
    return found, left


def _fmt(value: float) -> int | float:
    """A figure for an error text: Fluent writes it in the reader's form ("86,5" / "86.5")."""
    return int(value) if float(value).is_integer() else value


def _is_number(text: str) -> bool:
    """ASCII digits only: str.isdigit() also accepts "¹", which int() refuses."""
    return text.isascii() and text.isdigit()

"""Report templates: which questions a cell's report asks, of what type, with which bounds.

A template is data (YAML, JSON or a dict stored in Directive.report_template), validated when
loaded so a mistake in a template file is found by staff at load time, not by a secretary in
the middle of a report. Errors name the field ("trường 'reached': ...").
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from services.i18n import t
from services.parsing.vn_text import normalize

FIELD_TYPES = ("choice", "multi_choice", "integer", "percentage", "text", "date", "yes_no", "attachment")
RULES = ("le",)
#: Longest free text kept for one answer; a 10,000-character paste is refused with this limit.
DEFAULT_MAX_TEXT = 2000
DEFAULT_TEMPLATE_FILE = Path(__file__).with_name("default_report_template.yaml")
_KEY_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789_")


class TemplateError(ValueError):
    """A template that cannot be used. ``str()`` is one Vietnamese sentence naming the field."""

    def __init__(self, field_key: str, reason: str, **params: Any) -> None:
        self.field_key = field_key
        self.reason = reason
        self.params = params
        super().__init__(t("vi", "report.template_error.prefix", field=field_key) + t("vi", f"report.template_error.{reason}", **params))


@dataclass(frozen=True)
class Option:
    value: str
    label_vi: str
    label_en: str
    synonyms: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_vi

    def words(self) -> tuple[str, ...]:
        """Every folded spelling that picks this option, longest first."""
        found = {normalize(s) for s in (*self.synonyms, self.label_vi, self.label_en, self.value.replace("_", " "))}
        return tuple(sorted((w for w in found if w), key=len, reverse=True))


@dataclass(frozen=True)
class TemplateField:
    key: str
    type: str
    label_vi: str
    label_en: str
    required: bool = True
    min: float | None = None
    max: float | None = None
    options: tuple[Option, ...] = ()
    allow_other: bool = False
    max_length: int = DEFAULT_MAX_TEXT
    aliases: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_vi

    def option(self, value: str) -> Option | None:
        return next((o for o in self.options if o.value == value), None)

    def names(self) -> tuple[str, ...]:
        """Folded names a "field: value" line may use for this field."""
        found = {normalize(s) for s in (*self.aliases, self.label_vi, self.label_en, self.key.replace("_", " "))}
        return tuple(w for w in found if w)


@dataclass(frozen=True)
class Rule:
    rule: str
    left: str
    right: str


@dataclass(frozen=True)
class Ratio:
    """A percentage computed from two whole-number fields, shown and stored, never typed."""

    part: str
    whole: str


@dataclass(frozen=True)
class Template:
    fields: tuple[TemplateField, ...]
    rules: tuple[Rule, ...] = ()
    ratio: Ratio | None = None
    raw: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def field(self, key: str) -> TemplateField:
        for f in self.fields:
            if f.key == key:
                return f
        raise KeyError(key)

    def has(self, key: str) -> bool:
        return any(f.key == key for f in self.fields)

    def keys(self) -> list[str]:
        return [f.key for f in self.fields]


# ---- loading -------------------------------------------------------------------------------
def template_from_dict(data: Any) -> Template:
    if not isinstance(data, dict) or not isinstance(data.get("fields"), list) or not data["fields"]:
        raise TemplateError("fields", "no_fields")
    fields: list[TemplateField] = []
    seen: set[str] = set()
    for index, raw in enumerate(data["fields"], start=1):
        f = _field(raw, index)
        if f.key in seen:
            raise TemplateError(f.key, "duplicate")
        seen.add(f.key)
        fields.append(f)
    by_key = {f.key: f for f in fields}
    rules = tuple(_rule(r, by_key) for r in data.get("rules") or [])
    ratio = _ratio(data.get("ratio"), by_key)
    return Template(fields=tuple(fields), rules=rules, ratio=ratio, raw=data)


def template_from_yaml(text: str) -> Template:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise TemplateError("fields", "unreadable", detail=str(exc).splitlines()[0]) from exc
    return template_from_dict(data)


def template_from_json(text: str) -> Template:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TemplateError("fields", "unreadable", detail=exc.msg) from exc
    return template_from_dict(data)


def load_template_file(path: Path) -> Template:
    text = Path(path).read_text(encoding="utf-8")
    return template_from_json(text) if str(path).endswith(".json") else template_from_yaml(text)


@lru_cache(maxsize=1)
def default_template() -> Template:
    return load_template_file(DEFAULT_TEMPLATE_FILE)


def template_for(report_template: dict[str, Any] | None) -> Template:
    """The directive's own template (Directive.report_template) or the default one."""
    if not report_template:
        return default_template()
    return template_from_dict(report_template)


def _field(raw: Any, index: int) -> TemplateField:
    if not isinstance(raw, dict):
        raise TemplateError(f"#{index}", "not_a_mapping")
    key = str(raw.get("key") or "").strip()
    if not key or not set(key) <= _KEY_CHARS:
        raise TemplateError(key or f"#{index}", "bad_key")
    ftype = raw.get("type")
    if ftype not in FIELD_TYPES:
        raise TemplateError(key, "bad_type", type=ftype, types=", ".join(FIELD_TYPES))
    label_vi = str(raw.get("label_vi") or raw.get("label") or "").strip()
    if not label_vi:
        raise TemplateError(key, "no_label")
    label_en = str(raw.get("label_en") or label_vi).strip()
    low, high = _bound(raw, "min", key), _bound(raw, "max", key)
    if ftype == "percentage":
        low = 0.0 if low is None else low
        high = 100.0 if high is None else high
    if (low is not None or high is not None) and ftype not in ("integer", "percentage"):
        raise TemplateError(key, "bounds_not_numeric")
    if low is not None and high is not None and low > high:
        raise TemplateError(key, "min_over_max", min=_num(low), max=_num(high))
    options = tuple(_option(o, key) for o in raw.get("options") or [])
    if ftype in ("choice", "multi_choice") and not options:
        raise TemplateError(key, "no_options")
    if options and ftype not in ("choice", "multi_choice"):
        raise TemplateError(key, "options_not_allowed")
    if len({o.value for o in options}) != len(options):
        raise TemplateError(key, "duplicate_option")
    max_length = raw.get("max_length", DEFAULT_MAX_TEXT)
    if not isinstance(max_length, int) or isinstance(max_length, bool) or max_length < 1:
        raise TemplateError(key, "bad_max_length")
    required = raw.get("required", True)
    if not isinstance(required, bool):
        raise TemplateError(key, "bad_required")
    aliases = raw.get("aliases") or []
    if not isinstance(aliases, list):
        raise TemplateError(key, "bad_aliases")
    return TemplateField(
        key=key, type=ftype, label_vi=label_vi, label_en=label_en, required=required, min=low, max=high,
        options=options, allow_other=bool(raw.get("allow_other", False)), max_length=max_length,
        aliases=tuple(str(a) for a in aliases),
    )


def _bound(raw: dict[str, Any], name: str, key: str) -> float | None:
    value = raw.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TemplateError(key, "bad_bound", bound=name, value=value)
    return float(value)


def _option(raw: Any, key: str) -> Option:
    if isinstance(raw, str):
        raw = {"value": raw, "label_vi": raw}
    if not isinstance(raw, dict) or not str(raw.get("value") or "").strip():
        raise TemplateError(key, "bad_option")
    value = str(raw["value"]).strip()
    if len(value) > 32 or not set(value) <= _KEY_CHARS:
        # Option values travel in 64-byte button data.
        raise TemplateError(key, "bad_option_value", value=value)
    label_vi = str(raw.get("label_vi") or raw.get("label") or value)
    synonyms = raw.get("synonyms") or []
    if not isinstance(synonyms, list):
        raise TemplateError(key, "bad_option")
    return Option(value=value, label_vi=label_vi, label_en=str(raw.get("label_en") or label_vi), synonyms=tuple(map(str, synonyms)))


def _rule(raw: Any, by_key: dict[str, TemplateField]) -> Rule:
    if not isinstance(raw, dict) or raw.get("rule") not in RULES:
        raise TemplateError(str(raw.get("left", "rules")) if isinstance(raw, dict) else "rules", "bad_rule", rules=", ".join(RULES))
    for side in ("left", "right"):
        name = raw.get(side)
        if name not in by_key:
            raise TemplateError(str(name), "rule_unknown_field")
        if by_key[name].type not in ("integer", "percentage"):
            raise TemplateError(str(name), "rule_not_numeric")
    return Rule(rule=raw["rule"], left=raw["left"], right=raw["right"])


def _ratio(raw: Any, by_key: dict[str, TemplateField]) -> Ratio | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise TemplateError("ratio", "bad_ratio")
    for side in ("part", "whole"):
        name = raw.get(side)
        if name not in by_key or by_key[name].type != "integer":
            raise TemplateError(str(name), "ratio_not_integer")
    whole = by_key[raw["whole"]]
    if whole.min is None or whole.min < 1:
        # A percentage of zero people means nothing; the template must forbid total 0.
        raise TemplateError(whole.key, "ratio_whole_min")
    return Ratio(part=raw["part"], whole=raw["whole"])


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)

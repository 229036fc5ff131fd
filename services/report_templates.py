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
from typing import Annotated, Any, Literal, Self

import yaml
from pydantic import (
    BaseModel,
    Field,
    Strict,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from services.i18n import t
from services.parsing.vn_text import normalize

FIELD_TYPES = ("choice", "multi_choice", "integer", "percentage", "text", "date", "yes_no", "attachment")
RULES = ("le",)
#: The reasons a template is refused: the keys of report.template_error in the locale files.
_REASONS = (
    "no_fields",
    "unreadable",
    "not_a_mapping",
    "bad_key",
    "duplicate",
    "bad_type",
    "no_label",
    "bounds_not_numeric",
    "min_over_max",
    "bad_bound",
    "no_options",
    "options_not_allowed",
    "duplicate_option",
    "bad_max_length",
    "bad_required",
    "bad_aliases",
    "bad_option",
    "bad_option_value",
    "bad_rule",
    "rule_unknown_field",
    "rule_not_numeric",
    "bad_ratio",
    "ratio_not_integer",
    "ratio_whole_min",
)
#: Longest free text kept for one answer; a 10,000-character paste is refused with this limit.
DEFAULT_MAX_TEXT = 2000
#: The question of what people thought after the session (services/reports.py: typed columns).
AWARENESS_KEY = "awareness"
DEFAULT_TEMPLATE_FILE = Path(__file__).with_name("default_report_template.yaml")
_KEY_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789_")


class TemplateError(ValueError):
    """A template that cannot be used. ``str()`` is one Vietnamese sentence naming the field."""

    def __init__(self, field_key: str, reason: str, **params: Any) -> None:
        self.field_key = field_key
        self.reason = reason
        self.params = params
        super().__init__(
            t("vi", "report.template_error.prefix", field=field_key)
            + t("vi", f"report.template_error.{reason}", **params)
        )


@dataclass(frozen=True)
class Option:
    value: str
    label_vi: str
    label_en: str
    synonyms: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_vi

    def words(self) -> tuple[str, ...]:
        """Every folded spelling that picks this option, longest first (folded once: a report
        answer reads them for every option of the template)."""
        words = self.__dict__.get("_words")
        if words is None:
            found = {normalize(s) for s in (*self.synonyms, self.label_vi, self.label_en, self.value.replace("_", " "))}
            words = self.__dict__["_words"] = tuple(sorted((w for w in found if w), key=len, reverse=True))
        return words


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
    #: Not asked (nor required) when the template's count of people reached is 0: what people
    #: thought of a session nobody attended means nothing.
    skip_when_none_reached: bool = False

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_vi

    def option(self, value: str) -> Option | None:
        return next((o for o in self.options if o.value == value), None)

    def names(self) -> tuple[str, ...]:
        """Folded names a "field: value" line may use for this field (folded once, as
        ``Option.words``; the template is frozen)."""
        names = self.__dict__.get("_names")
        if names is None:
            found = {normalize(s) for s in (*self.aliases, self.label_vi, self.label_en, self.key.replace("_", " "))}
            names = self.__dict__["_names"] = tuple(w for w in found if w)
        return names


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

    def none_reached(self, answers: dict[str, Any]) -> bool:
        """The count of people reached is 0 (answered, not merely missing)."""
        return self.ratio is not None and answers.get(self.ratio.part) == 0

    def skipped(self, answers: dict[str, Any]) -> set[str]:
        """The questions not asked for these answers (nobody reached: no awareness)."""
        if not self.none_reached(answers):
            return set()
        return {f.key for f in self.fields if f.skip_when_none_reached}


# ---- loading -------------------------------------------------------------------------------
def template_from_dict(data: Any) -> Template:
    try:
        spec = _TemplateSpec.model_validate(data)
    except ValidationError as exc:
        raise _template_error(exc, data) from None
    return spec.template(raw=data)


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


# ---- validation: pydantic models of what a template file may say -------------------------------
# Each check raises (or pydantic reports) an error whose kind is a report.template_error key;
# _template_error turns the first one into a TemplateError naming the field as it was written.
_Number = Annotated[float, Strict()]
#: Field keys travel in 64-byte button data ("f:<nonce>:e:<key>"), as option values do.
_Key = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+$", max_length=32)]


def _fail(reason: str, **params: Any) -> PydanticCustomError:
    return PydanticCustomError(reason, reason, params)


def _text(value: Any) -> str:
    return str(value or "").strip()


class _OptionSpec(BaseModel):
    value: str
    label_vi: str
    label_en: str
    synonyms: list[Any] = []

    @model_validator(mode="before")
    @classmethod
    def _read(cls, raw: Any) -> dict[str, Any]:
        if isinstance(raw, str):
            raw = {"value": raw, "label_vi": raw}
        if not isinstance(raw, dict) or not _text(raw.get("value")):
            raise _fail("bad_option")
        value = _text(raw["value"])
        if len(value) > 32 or not set(value) <= _KEY_CHARS:
            # Option values travel in 64-byte button data.
            raise _fail("bad_option_value", value=value)
        label_vi = str(raw.get("label_vi") or raw.get("label") or value)
        return {
            "value": value,
            "label_vi": label_vi,
            "label_en": str(raw.get("label_en") or label_vi),
            "synonyms": raw.get("synonyms") or [],
        }

    def option(self) -> Option:
        return Option(
            value=self.value, label_vi=self.label_vi, label_en=self.label_en, synonyms=tuple(map(str, self.synonyms))
        )


class _FieldSpec(BaseModel):
    key: _Key
    type: Literal[FIELD_TYPES]  # type: ignore[valid-type]
    label_vi: Annotated[str, StringConstraints(min_length=1)]
    label_en: str
    min: _Number | None = None
    max: _Number | None = None
    options: list[_OptionSpec] = []
    allow_other: bool = False
    max_length: Annotated[int, Strict(), Field(ge=1)] = DEFAULT_MAX_TEXT
    required: Annotated[bool, Strict()] = True
    aliases: list[Any] = []
    skip_when_none_reached: Annotated[bool, Strict()] | None = None

    @model_validator(mode="before")
    @classmethod
    def _read(cls, raw: Any) -> Any:
        if not isinstance(raw, dict):
            return raw
        label_vi = _text(raw.get("label_vi") or raw.get("label"))
        low, high = raw.get("min"), raw.get("max")
        if raw.get("type") == "percentage":
            low, high = (0.0 if low is None else low), (100.0 if high is None else high)
        return {
            **raw,
            "key": _text(raw.get("key")),
            "label_vi": label_vi,
            "label_en": _text(raw.get("label_en")) or label_vi,
            "min": low,
            "max": high,
            "options": raw.get("options") or [],
            "allow_other": bool(raw.get("allow_other", False)),
            "aliases": raw.get("aliases") or [],
        }

    # The checks between settings run in the order the settings are declared, so the first
    # error reported is the one a reader of the file meets first.
    @field_validator("max")
    @classmethod
    def _bounds(cls, high: float | None, info: ValidationInfo) -> float | None:
        low = info.data.get("min")
        if (low is not None or high is not None) and info.data.get("type") not in ("integer", "percentage", None):
            raise _fail("bounds_not_numeric")
        if low is not None and high is not None and low > high:
            raise _fail("min_over_max", min=_num(low), max=_num(high))
        return high

    @field_validator("options")
    @classmethod
    def _options(cls, options: list[_OptionSpec], info: ValidationInfo) -> list[_OptionSpec]:
        kind = info.data.get("type")
        if kind in ("choice", "multi_choice") and not options:
            raise _fail("no_options")
        if options and kind not in ("choice", "multi_choice", None):
            raise _fail("options_not_allowed")
        if len({o.value for o in options}) != len(options):
            raise _fail("duplicate_option")
        return options

    def field(self) -> TemplateField:
        return TemplateField(
            key=self.key,
            type=self.type,
            label_vi=self.label_vi,
            label_en=self.label_en,
            required=self.required,
            min=self.min,
            max=self.max,
            options=tuple(o.option() for o in self.options),
            allow_other=self.allow_other,
            max_length=self.max_length,
            aliases=tuple(str(a) for a in self.aliases),
            # Unsaid, the awareness question (the key the typed columns know) is the one skipped.
            skip_when_none_reached=self.key == AWARENESS_KEY
            if self.skip_when_none_reached is None
            else self.skip_when_none_reached,
        )


class _RuleSpec(BaseModel):
    rule: Literal[RULES]  # type: ignore[valid-type]
    left: Any = None
    right: Any = None


class _RatioSpec(BaseModel):
    part: Any = None
    whole: Any = None


class _TemplateSpec(BaseModel):
    fields: Annotated[list[_FieldSpec], Field(min_length=1)]
    rules: list[_RuleSpec] = []
    ratio: _RatioSpec | None = None

    @model_validator(mode="before")
    @classmethod
    def _read(cls, raw: Any) -> Any:
        return {**raw, "rules": raw.get("rules") or []} if isinstance(raw, dict) else raw

    @model_validator(mode="after")
    def _references(self) -> Self:
        seen: set[str] = set()
        for f in self.fields:
            if f.key in seen:
                raise _fail("duplicate", field=f.key)
            seen.add(f.key)
        by_key = {f.key: f for f in self.fields}
        for rule in self.rules:
            for name in (rule.left, rule.right):
                if name not in by_key:
                    raise _fail("rule_unknown_field", field=str(name))
                if by_key[name].type not in ("integer", "percentage"):
                    raise _fail("rule_not_numeric", field=str(name))
        if self.ratio is not None:
            for name in (self.ratio.part, self.ratio.whole):
                if name not in by_key or by_key[name].type != "integer":
                    raise _fail("ratio_not_integer", field=str(name))
            whole = by_key[self.ratio.whole]
            if whole.min is None or whole.min < 1:
                # A percentage of zero people means nothing; the template must forbid total 0.
                raise _fail("ratio_whole_min", field=whole.key)
        return self

    def template(self, *, raw: dict[str, Any]) -> Template:
        ratio = Ratio(part=self.ratio.part, whole=self.ratio.whole) if self.ratio is not None else None
        return Template(
            fields=tuple(f.field() for f in self.fields),
            rules=tuple(Rule(r.rule, r.left, r.right) for r in self.rules),
            ratio=ratio,
            raw=raw,
        )


#: The error of a field's own setting, by the setting's name, when pydantic's check found it.
_SETTING_ERRORS = {
    "key": "bad_key",
    "type": "bad_type",
    "label_vi": "no_label",
    "min": "bad_bound",
    "max": "bad_bound",
    "options": "bad_option",
    "max_length": "bad_max_length",
    "required": "bad_required",
    "skip_when_none_reached": "bad_required",
    "aliases": "bad_aliases",
}


def _template_error(exc: ValidationError, data: Any) -> TemplateError:
    """The first problem pydantic found, said the way staff wrote the template."""
    error = exc.errors(include_url=False)[0]
    loc, kind, params = error["loc"], error["type"], dict(error.get("ctx") or {})
    if not loc and "field" in params:
        # A check across fields (duplicate key, rule, ratio) names the field itself.
        return TemplateError(params.pop("field"), kind, **params)
    if not loc or loc == ("fields",):
        return TemplateError("fields", "no_fields")
    if loc[0] == "rules":
        raw = data["rules"][loc[1]] if len(loc) > 1 else None
        return TemplateError(
            str(raw.get("left", "rules")) if isinstance(raw, dict) else "rules", "bad_rule", rules=", ".join(RULES)
        )
    if loc[0] == "ratio":
        return TemplateError("ratio", "bad_ratio")
    index = loc[1]
    assert isinstance(index, int), "pydantic locates an item of the fields list by its index"
    raw = data["fields"][index]
    name = (_text(raw.get("key")) if isinstance(raw, dict) else "") or f"#{index + 1}"
    if len(loc) == 2:
        return TemplateError(name, kind if kind in _REASONS else "not_a_mapping", **params)
    setting = str(loc[2])  # the name of the field's setting
    if kind in _REASONS:
        return TemplateError(name, kind, **params)
    if setting == "options":
        return TemplateError(name, "bad_option")
    if setting == "type":
        return TemplateError(name, "bad_type", type=raw.get("type"), types=", ".join(FIELD_TYPES))
    if setting in ("min", "max"):
        return TemplateError(name, "bad_bound", bound=setting, value=error["input"])
    return TemplateError(name, _SETTING_ERRORS[setting])


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)

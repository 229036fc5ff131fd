"""Texts users read come from Fluent catalogs: locales/<lang>/*.ftl, one file per feature,
Vietnamese first. Fluent gives each language its own plural forms and number format (CLDR data
through Babel), so "1 day" / "3 days" and "86,5" / "86.5" are decided in the catalog, not in code.

Code keeps dotted keys ("start.how_to_register"); the Fluent id is the key with "." read as "-"
(keys never contain "-", so the rule is one-to-one and callers never see Fluent ids).
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from decimal import Decimal
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from fluent.runtime import FluentBundle
from fluent.syntax import FluentParser, ast

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

log = logging.getLogger(__name__)


def fluent_id(key: str) -> str:
    return key.replace(".", "-")


def code_key(message_id: str) -> str:
    return message_id.replace("-", ".")


@cache
def catalog(lang: str) -> dict[str, ast.Message]:
    """Every message of one language by its code key, from all locales/<lang>/*.ftl files.

    A syntax error or a key defined twice raises: a broken catalog must fail loudly at start,
    not show a user half a sentence.
    """
    messages: dict[str, ast.Message] = {}
    parser = FluentParser(with_spans=False)
    folder = resources.files("locales").joinpath(lang)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".ftl"):
            continue
        resource = parser.parse(entry.read_text(encoding="utf-8"))
        for item in resource.body:
            if isinstance(item, ast.Junk):
                raise ValueError(f"syntax error in locales/{lang}/{entry.name}: {(item.content or '')[:80]!r}")
            if isinstance(item, ast.Message):
                key = code_key(item.id.name)
                if key in messages:
                    raise ValueError(f"locale key defined twice in {lang}: {key}")
                messages[key] = item
    return messages


@cache
def _bundle(lang: str) -> FluentBundle:
    # use_isolating=False: Unicode isolation marks around placeholders would reach the chat.
    bundle = FluentBundle([lang], use_isolating=False)
    folder = resources.files("locales").joinpath(lang)
    catalog(lang)  # validates the files first
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".ftl"):
            bundle.add_resource(FluentParser(with_spans=False).parse(entry.read_text(encoding="utf-8")))
    return bundle


def normalize_language(code: str | None, default: str = DEFAULT_LANGUAGE) -> str:
    """Map a client's language code ("en-US", "vi") to a catalog we have."""
    if not code:
        return default
    short = code.split("-")[0].split("_")[0].lower()
    return short if short in LANGUAGES else default


def _argument(value: Any) -> Any:
    """Quantities stay numbers (Fluent formats them in the reader's locale); anything else is
    shown as text, as before. Identifiers that happen to be ints (years, ids, version numbers)
    must be passed as str by the caller, or they would read "2.021" in Vietnamese."""
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, (int, float, Decimal, str)):
        return value
    if isinstance(value, (date, datetime)):
        return str(value)
    return str(value)


def t(lang: str, key: str, /, **params: Any) -> str:
    """The text for ``key`` in ``lang``, with ``{ $name }`` placeables filled from ``params``.

    The catalogs never change while chibot runs, so a text is formatted once per (language,
    key, parameters) and remembered (the last few thousand): every answer of a flow formats the
    same labels and hints again, and Fluent's formatting was a tenth of an update's CPU."""
    if not _bundle(lang if lang in LANGUAGES else DEFAULT_LANGUAGE).has_message(fluent_id(key)):
        return _format(lang, key, params)  # logged at every use, never remembered
    try:
        # The type goes with each value: 1, 1.0 and True are equal keys but read differently.
        return _remembered(lang, key, tuple((k, type(v), v) for k, v in sorted(params.items())))
    except TypeError:  # a value that cannot be a key (a list): formatted every time
        return _format(lang, key, params)


@lru_cache(maxsize=4096)
def _remembered(lang: str, key: str, params: tuple[tuple[str, type, Any], ...]) -> str:
    return _format(lang, key, {name: value for name, _type, value in params})


def _format(lang: str, key: str, params: dict[str, Any]) -> str:
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    bundle, fid = _bundle(lang), fluent_id(key)
    if not bundle.has_message(fid):
        log.error("missing locale key %s for %s", key, lang)
        bundle = _bundle(DEFAULT_LANGUAGE)
        if not bundle.has_message(fid):
            return key
    message = bundle.get_message(fid)
    if message.value is None:
        log.error("locale key %s has no value in %s", key, lang)
        return key
    text, errors = bundle.format_pattern(message.value, {k: _argument(v) for k, v in params.items()})
    if errors:
        log.error("bad placeables in locale key %s (%s): %s", key, lang, errors)
    return str(text)  # a FluentNone (an unresolvable message) reads as its name


class Translator:
    """``t`` bound to one language, handed to handlers as ``ctx.t``."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE

    def __call__(self, key: str, /, **params: Any) -> str:
        return t(self.lang, key, **params)

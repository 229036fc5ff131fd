"""Texts users read come from locale catalogs (locales/vi.yaml first, locales/en.yaml second)."""

from __future__ import annotations

import logging
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

log = logging.getLogger(__name__)


def _flatten(tree: dict[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in tree.items():
        full = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, full + "."))
        else:
            flat[full] = str(value)
    return flat


@lru_cache(maxsize=None)
def catalog(lang: str) -> dict[str, str]:
    """All texts of one language: every locales/<lang>/*.yaml file, one per feature."""
    texts: dict[str, str] = {}
    folder = resources.files("locales").joinpath(lang)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml"):
            continue
        flat = _flatten(yaml.safe_load(entry.read_text(encoding="utf-8")) or {})
        clash = set(flat) & set(texts)
        if clash:
            raise ValueError(f"locale keys defined twice in {lang}: {sorted(clash)}")
        texts.update(flat)
    return texts


def normalize_language(code: str | None, default: str = DEFAULT_LANGUAGE) -> str:
    """Map a client's language code ("en-US", "vi") to a catalog we have."""
    if not code:
        return default
    short = code.split("-")[0].split("_")[0].lower()
    return short if short in LANGUAGES else default


def t(lang: str, key: str, /, **params: Any) -> str:
    """The text for ``key`` in ``lang``, with ``{name}`` placeholders filled from ``params``."""
    texts = catalog(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)
    template = texts.get(key)
    if template is None:
        log.error("missing locale key %s for %s", key, lang)
        template = catalog(DEFAULT_LANGUAGE).get(key, key)
    try:
        return template.format(**params) if params else template
    except (KeyError, IndexError, ValueError):
        log.exception("bad placeholders in locale key %s", key)
        return template


class Translator:
    """``t`` bound to one language, handed to handlers as ``ctx.t``."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE

    def __call__(self, key: str, /, **params: Any) -> str:
        return t(self.lang, key, **params)

"""Every text exists in Vietnamese and in English, with the same placeholders."""

import re
import string

from services.i18n import catalog, t


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_vietnamese_and_english_have_the_same_keys():
    vi, en = catalog("vi"), catalog("en")
    assert sorted(set(vi) - set(en)) == []
    assert sorted(set(en) - set(vi)) == []


def test_placeholders_match_between_languages():
    vi, en = catalog("vi"), catalog("en")
    mismatched = [k for k in vi if _placeholders(vi[k]) != _placeholders(en[k])]
    assert mismatched == []


def test_every_key_used_in_code_exists():
    import pathlib

    used: set[str] = set()
    pattern = re.compile(r"""(?:ctx\.t|ctx\.reply|\bt\(\s*\w+\s*,)\(?\s*["']([a-z_]+\.[a-z_.]+)["']""")
    for path in pathlib.Path(__file__).parents[1].glob("*/**/*.py"):
        if "tests" in path.parts or ".venv" in path.parts:
            continue
        used |= set(pattern.findall(path.read_text(encoding="utf-8")))
    missing = sorted(k for k in used if k not in catalog("vi"))
    assert used, "the scan found no keys at all"
    assert missing == []


def test_t_fills_placeholders():
    assert t("vi", "command.unknown", command="/abc").startswith("Tôi chưa biết lệnh /abc")

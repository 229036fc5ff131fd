"""Numbers as a reader of each language writes them: Vietnamese "1.724" and "86,5%",
English "1,724" and "86.5%" (CLDR data through Babel, the same data Fluent uses for the
numbers inside catalog texts).

For figures shown outside a catalog text: chart labels, a percentage placed into a sentence,
and every figure an export writes as text (CSV fields, DOCX table cells): the CSV reads "52,4"
where the chat reads "11/21 (52,4%)" ("%" stands in the column's header, "Tỷ lệ (%)"). XLSX
keeps figures as numbers, shown by a number format in the reader's own locale. Identifiers
(years, document numbers, ids) are not numbers here.
"""

from __future__ import annotations

from babel.numbers import format_decimal

#: Up to one decimal for percentages (the figures are rounded so), three for anything else.
_NUMBER = "#,##0.###"
_PERCENT = "#,##0.#"


def number_text(value: float | int, lang: str) -> str:
    return format_decimal(value, format=_NUMBER, locale=lang)


def percent_text(value: float | int, lang: str) -> str:
    """86.5 -> "86,5%" (vi) / "86.5%" (en); the value is already a percentage, not a ratio."""
    return f"{format_decimal(value, format=_PERCENT, locale=lang)}%"


def figure_text(value: object, lang: str) -> str:
    """An export cell as text: a figure in the reader's form ("1.724", "52,4"), anything else
    as it is ("" for nothing)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return number_text(value, lang)
    return "" if value is None else str(value)

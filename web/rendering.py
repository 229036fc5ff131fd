"""Jinja2 templates shipped in the package, with the formatting every page shares: dates as
20/8/2021 in local time, numbers and percentages in the reader's form (86,5%)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from services import directive_texts as texts
from services.i18n import Translator
from services.localtime import format_local_date, format_local_datetime
from services.number_format import number_text, percent_text


class Pages:
    def __init__(self, tz: ZoneInfo) -> None:
        self.tz = tz
        self.env = Environment(
            loader=PackageLoader("web", "templates"),
            autoescape=select_autoescape(["html"]),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def render(self, template: str, t: Translator, **context: Any) -> str:
        tz = self.tz

        def date(moment: datetime | None) -> str:
            return format_local_date(moment, tz) if moment is not None else ""

        def when(moment: datetime | None) -> str:
            return format_local_datetime(moment, tz) if moment is not None else ""

        def num(value: float | int | None) -> str:
            return number_text(value, t.lang) if value is not None else ""

        def pct(value: float | None) -> str:
            return percent_text(value, t.lang) if value is not None else t("status.no_percent")

        return self.env.get_template(template).render(
            t=t, lang=t.lang, date=date, when=when, num=num, pct=pct, title_of=lambda d: texts.title(d, t), **context
        )


def page(pages: Pages, template: str, t: Translator, *, status_code: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("actor", None)
    context.setdefault("csrf", "")
    return HTMLResponse(pages.render(template, t, **context), status_code=status_code)

"""The /status chart: a PNG meant for a phone screen (large type, horizontal bars, at most
MAX_BARS bars per panel, the rest folded into "others"), labels in Vietnamese.

DejaVu Sans ships with matplotlib and has every Vietnamese letter, so diacritics render without
a system font. The Agg backend needs no display.
"""

from __future__ import annotations

import io
from functools import cache
from types import ModuleType

from ground.text_limits import cut
from services.i18n import Translator
from services.number_format import percent_text
from services.status import DirectiveStatus, percent

MAX_BARS = 30


@cache
def _pyplot() -> ModuleType:
    """matplotlib, loaded the first time a chart is drawn: it costs seconds at start, and most
    chibot processes (a shell, a CLI command, a bot that nobody asks for a chart) never draw one."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


FONT = "DejaVu Sans"
REPORTED_COLOUR = "#2e7d32"
MISSING_COLOUR = "#c62828"
PERCENT_COLOUR = "#1565c0"


def close_figure(fig) -> None:  # noqa: ANN001 (a matplotlib Figure)
    """Free a figure drawn by ``status_figure``."""
    _pyplot().close(fig)


def percent_label(value: float, lang: str) -> str:
    """The figure printed at the end of a bar, in the reader's number form."""
    return percent_text(value, lang)


def _short(name: str, limit: int = 28) -> str:
    return cut(name, limit)


def status_chart(t: Translator, status: DirectiveStatus) -> bytes:
    fig = status_figure(t, status)
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=100)
    close_figure(fig)
    return out.getvalue()


def status_figure(t: Translator, status: DirectiveStatus):  # noqa: ANN201 (a matplotlib Figure)
    """The chart before it becomes pixels: its texts can be read back."""
    groups = [(g.unit.name, g.reported, g.cells - g.reported) for g in status.groups if g.cells]
    groups = _fold(groups, t, lambda rows: (sum(r[1] for r in rows), sum(r[2] for r in rows)))
    cells = [
        (c.unit.name, c.report.reached, c.report.total)
        for c in status.cells
        if c.report is not None and c.report.reached is not None and c.report.total
    ]
    cells.sort(key=lambda c: c[1] / c[2])
    folded = _fold(cells, t, lambda rows: (sum(r[1] for r in rows), sum(r[2] for r in rows)))
    plt = _pyplot()
    plt.rcParams.update({"font.family": FONT, "font.size": 15})
    height = 2.5 + 0.45 * (len(groups) + max(len(folded), 1))
    fig, (top, bottom) = plt.subplots(
        2, 1, figsize=(9, max(height, 7)), gridspec_kw={"height_ratios": [max(len(groups), 1), max(len(folded), 1)]}
    )
    names = [_short(g[0]) for g in groups]
    top.barh(names, [g[1] for g in groups], color=REPORTED_COLOUR, label=t("status.chart_reported"))
    top.barh(
        names,
        [g[2] for g in groups],
        left=[g[1] for g in groups],
        color=MISSING_COLOUR,
        label=t("status.chart_not_reported"),
    )
    top.invert_yaxis()
    # The legend stands above the plot, between the title and the first bar: inside the plot
    # it sat on whichever bars reached its corner (every bar, when all groups are full).
    top.set_title(t("status.chart_title_groups"), fontsize=17, loc="left", pad=34)
    top.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=2, fontsize=13, frameon=False, borderaxespad=0.2)
    top.xaxis.get_major_locator().set_params(integer=True)
    if folded:
        values = [percent(r, tot) or 0 for _n, r, tot in folded]
        bottom.barh([_short(n) for n, _r, _t in folded], values, color=PERCENT_COLOUR)
        for y, value in enumerate(values):
            bottom.text(min(value, 100) + 1, y, percent_label(value, t.lang), va="center", fontsize=13)
        bottom.set_xlim(0, 115)
        bottom.invert_yaxis()
    else:
        bottom.text(0.5, 0.5, t("status.chart_no_data"), ha="center", va="center", transform=bottom.transAxes)
        bottom.set_axis_off()
    bottom.set_title(t("status.chart_title_percent"), fontsize=17, loc="left")
    fig.tight_layout()
    return fig


def _fold(rows: list[tuple], t: Translator, combine) -> list[tuple]:  # noqa: ANN001
    """Keep MAX_BARS - 1 rows and sum the rest into one "others" bar."""
    if len(rows) <= MAX_BARS:
        return rows
    kept, rest = rows[: MAX_BARS - 1], rows[MAX_BARS - 1 :]
    return [*kept, (t("status.chart_others", count=len(rest)), *combine(rest))]

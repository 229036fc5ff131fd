"""The /status chart's legend never covers a bar: it stands above the plot, under the title,
and its box is checked against every bar's box once the chart is drawn."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from sqlmodel import select

from services import charts, status
from services.i18n import Translator
from storage.db import session_scope
from storage.tables import Directive, Unit
from tests.support.oversight_tree import build_tree


@pytest.fixture
def figures(app):
    with session_scope(app.engine) as session:
        tree = build_tree(session, groups=10, cells_per_group=18, direct_cells=20, now=app.clock.now())
        directive = session.exec(select(Directive).where(Directive.number == "51-KH/QU")).one()
        root = session.get(Unit, tree.root_id)
        return status.directive_status(session=session, directive=directive, paths=[root.path], now=app.clock.now())


def full_bars(groups: int) -> SimpleNamespace:
    """Every group as long as the longest (all 20 cells, some reported): the bars reach the
    right edge on every line, where a legend inside the plot would have to sit on one."""
    unit = lambda n: SimpleNamespace(name=f"Đảng bộ phường số {n}")  # noqa: E731
    rows = [SimpleNamespace(unit=unit(n), reported=n % 20, cells=20) for n in range(groups)]
    cells = [SimpleNamespace(unit=unit(n), report=SimpleNamespace(reached=20 + n, total=20 + n)) for n in range(groups)]
    return SimpleNamespace(groups=rows, cells=cells)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_legend_covers_no_bar_and_no_title(figures, lang):
    assert_legend_clear(figures, lang)


@pytest.mark.parametrize("groups", [1, 3, 12, 40])
def test_the_legend_covers_no_bar_when_every_bar_is_full_length(groups):
    assert_legend_clear(full_bars(groups), "vi")


def assert_legend_clear(figures, lang: str) -> None:  # noqa: ANN001
    fig = charts.status_figure(Translator(lang), figures)
    try:
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        groups, percents = fig.axes
        legend = groups.get_legend()
        assert [x.get_text() for x in legend.get_texts()] == (
            ["Đã báo cáo", "Chưa báo cáo"] if lang == "vi" else ["Reported", "Not reported"]
        )
        box = legend.get_window_extent(renderer)
        bars = [p.get_window_extent(renderer) for ax in (groups, percents) for p in ax.patches]
        assert bars
        assert [b for b in bars if box.overlaps(b)] == []
        for text in (groups.title, percents.title, *percents.texts):
            assert not box.overlaps(text.get_window_extent(renderer)), text.get_text()
        for label in groups.get_yticklabels():
            assert not box.overlaps(label.get_window_extent(renderer)), label.get_text()
        assert fig.bbox.x0 <= box.x0 and box.x1 <= fig.bbox.x1 and box.y1 <= fig.bbox.y1  # on the picture
    finally:
        charts.close_figure(fig)

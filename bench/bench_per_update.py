"""Cost of one update in chibot's core, by kind, at two province sizes (not a test).

    .venv/bin/python bench/bench_per_update.py [--cells 100,5000] [--reports 40] [--url URL]
        [--profile FILE]

For each size a fresh database gets that many cells with 141-CV/ĐUK published to all of them
and its reminders planned; then ``--reports`` secretaries each go through the guided report
(the "Báo cáo" button, two formats, Xong, 45/50, Tốt, two skips, Xác nhận) and as many others
press "Đã nhận". The figures are CPU milliseconds of this process per update, by kind:
starting the report, answering a question, confirming (the report is saved, staff told),
acknowledging. A cost that does not grow with the number of cells stays flat from the small
size to the large one. ``--profile`` writes a pyinstrument-style text profile of the largest
size (cProfile, sorted by cumulative time) to FILE.

measure_sizes(size, small=100, reports=40, url=None) returns the same figures as a dict;
run(size, database_url=...) as the figures of `python -m bench`.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.storm_seed import check_size, fresh_engine, secretary_user, seed, settings_for  # noqa: E402
from bot.app import build_app  # noqa: E402
from ground.clock import ManualClock  # noqa: E402
from ground.messages import Choice, Incoming, Reply  # noqa: E402
from services.localtime import local_to_utc  # noqa: E402

#: The guided report, step by step: ("press", label) or ("send", text).
REPORT_STEPS: list[tuple[str, str]] = [
    ("press", "Hội nghị trực tiếp"),
    ("press", "Zalo"),
    ("press", "Xong"),
    ("send", "45/50"),
    ("press", "Tốt"),
    ("press", "Bỏ qua"),
    ("press", "Bỏ qua"),
    ("press", "Xác nhận"),
]
KINDS = ("start", "answer", "confirm", "ack")
MAX_REPORTS = 2_000


class _Chat:
    def __init__(self, app, user: str, channel: str = "console") -> None:  # noqa: ANN001
        self.app, self.user, self.channel = app, user, channel
        self.buttons: list[Choice] = []
        self.replies: list[Reply] = []
        self.updates = 0

    def _run(self, **fields: Any) -> list[Reply]:
        self.updates += 1
        incoming = Incoming(
            channel=self.channel,
            chat_id=self.user,
            user_id=self.user,
            display_name=self.user,
            language="vi",
            update_id=f"{self.user}:{self.updates}",
            **fields,
        )
        self.replies = self.app.core.handle(incoming)
        for reply in self.replies:
            if reply.flat_choices():
                self.buttons = reply.flat_choices()
        return self.replies

    def press_data(self, data: str) -> list[Reply]:
        return self._run(button=data, message_id="1")

    def press(self, label: str) -> list[Reply]:
        found = [c for c in self.buttons if label.lower() in c.label.lower()]
        if not found:
            raise RuntimeError(f"{self.user}: no button {label!r} in {[c.label for c in self.buttons]}: {self.text}")
        return self.press_data(found[0].data)

    def send(self, text: str) -> list[Reply]:
        return self._run(text=text)

    @property
    def text(self) -> str:
        return "\n".join(r.text for r in self.replies)


def _timed(samples: dict[str, list[float]], kind: str, step: Callable[[], object]) -> None:
    started = time.process_time()
    step()
    samples[kind].append((time.process_time() - started) * 1000)


def measure(
    cells: int, reports: int, url: str | None, profile: cProfile.Profile | None = None, channel: str = "console"
) -> dict[str, Any]:
    check_size(cells)
    check_size(reports, what="reports", most=MAX_REPORTS)
    if 2 * reports > cells:
        raise SystemExit(f"{reports} reports and {reports} acknowledgements need at least {2 * reports} cells")
    engine = fresh_engine(url)
    now = local_to_utc(datetime(2021, 8, 15, 8, 0), _tz())
    started = time.perf_counter()
    _directive_id, assignment_ids = seed(engine, cells, channel=channel)
    setup_s = time.perf_counter() - started
    app = build_app(
        settings_for(str(engine.url), attachments_dir=Path(tempfile.mkdtemp(prefix="chibot-bench-att-"))),
        clock=ManualClock(now),
        engine=engine,
        migrate=False,
    )
    samples: dict[str, list[float]] = {kind: [] for kind in KINDS}
    # Spread the reporting cells over the whole province (first, middle and last cells).
    step = max(1, cells // (2 * reports))
    chosen = list(range(0, cells, step))[: 2 * reports]
    if profile is not None:
        profile.enable()
    for n, i in enumerate(chosen):
        chat = _Chat(app, secretary_user(i, channel), channel)
        if n % 2:
            _timed(samples, "ack", lambda chat=chat, i=i: chat.press_data(f"ack:{assignment_ids[i]}"))
            if "nhận" not in chat.text.lower():
                raise RuntimeError(f"acknowledgement not confirmed: {chat.text}")
            continue
        _timed(samples, "start", lambda chat=chat, i=i: chat.press_data(f"rep:{assignment_ids[i]}"))
        for action, value in REPORT_STEPS:
            kind = "confirm" if value == "Xác nhận" else "answer"
            _timed(samples, kind, lambda chat=chat, action=action, value=value: getattr(chat, action)(value))
        if "Cảm ơn đồng chí" not in chat.text:
            raise RuntimeError(f"report not confirmed: {chat.text}")
    if profile is not None:
        profile.disable()
    engine.dispose()
    figures: dict[str, Any] = {"cells": cells, "setup_s": round(setup_s, 2)}
    for kind, values in samples.items():
        figures[f"{kind}_ms"] = round(statistics.median(values), 2)
        figures[f"{kind}_p95_ms"] = round(_p95(values), 2)
    return figures


#: A kind's cost at the large size over the small one above this counts as growing (the rest is
#: the noise of a loaded machine: the same code measured twice differs by 10-20%).
GROWTH_LIMIT = 1.5


def run(size: int = 5000, *, database_url: str | None = None) -> list[dict[str, Any]]:
    """For `python -m bench`: the figures of ``measure_sizes`` at 100 and ``size`` cells."""
    from bench.common import figure

    result = measure_sizes(size, url=database_url)
    out = [
        figure(f"{kind} at {by['cells']:,} cells: CPU per update (median)", by[f"{kind}_ms"], "ms")
        for by in result["sizes"]
        for kind in KINDS
    ]
    for kind, growth in result.get("growth", {}).items():
        out.append(figure(f"{kind}: cost at {size:,} / at 100 cells", growth, at_most=GROWTH_LIMIT))
    return out


def measure_sizes(size: int = 5000, *, small: int = 100, reports: int = 40, url: str | None = None) -> dict[str, Any]:
    """Median CPU ms per update kind at ``small`` and ``size`` cells, and the ratio between them
    (about 1 when the cost does not grow with the province)."""
    check_size(size)
    sizes = [small, size] if small < size else [size]
    by_size = [measure(cells, reports, url) for cells in sizes]
    result: dict[str, Any] = {"sizes": by_size}
    if len(by_size) > 1:
        low, high = by_size[0], by_size[-1]
        result["growth"] = {kind: round(high[f"{kind}_ms"] / low[f"{kind}_ms"], 2) for kind in KINDS}
    return result


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def _tz():  # noqa: ANN202
    from zoneinfo import ZoneInfo

    return ZoneInfo("Asia/Ho_Chi_Minh")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", default="100,5000", help="comma-separated sizes (cells)")
    parser.add_argument("--reports", type=int, default=40)
    parser.add_argument("--url", default=None, help="database URL (default: a fresh SQLite file)")
    parser.add_argument("--profile", default=None, help="write a cProfile of the largest size here")
    parser.add_argument("--channel", default="console", choices=("console", "telegram"), help="whose updates")
    args = parser.parse_args(argv)
    try:
        sizes = [int(part) for part in args.cells.split(",") if part.strip()]
    except ValueError:
        raise SystemExit(f"--cells takes whole numbers separated by commas, not {args.cells!r}") from None
    if not sizes:
        raise SystemExit("--cells needs at least one size")
    for size in sizes:
        check_size(size)
    print(f"per-update CPU (ms, median / p95) over {args.reports} reports and {args.reports} acknowledgements")
    rows = []
    try:
        for n, size in enumerate(sizes):
            profile = cProfile.Profile() if args.profile and n == len(sizes) - 1 else None
            figures = measure(size, args.reports, args.url, profile, args.channel)
            rows.append(figures)
            line = "  ".join(f"{k} {figures[f'{k}_ms']:.1f}/{figures[f'{k}_p95_ms']:.1f}" for k in KINDS)
            print(f"{size:>7} cells (setup {figures['setup_s']} s): {line}", flush=True)
            if profile is not None:
                out = io.StringIO()
                pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(60)
                Path(args.profile).write_text(out.getvalue())
                print(f"profile written to {args.profile}")
    except KeyboardInterrupt:
        raise SystemExit("interrupted") from None
    if len(rows) > 1:
        small, large = rows[0], rows[-1]
        growth = "  ".join(f"{k} x{large[f'{k}_ms'] / small[f'{k}_ms']:.2f}" for k in KINDS)
        print(f"growth {small['cells']} -> {large['cells']} cells: {growth}")


if __name__ == "__main__":
    main()

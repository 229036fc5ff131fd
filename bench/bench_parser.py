"""Time parse_document on a ~30-page directive (not a test).

    .venv/bin/python bench/bench_parser.py [--runs N] [--chars N]

Builds the document by repeating the four seed bodies with their dates, numbers and
section numbers varied (so nothing is trivially identical), then reports the median and
the worst time of N runs, and the same for a few hostile inputs (one huge line, 100k blank
lines, repeated cue words) that would expose super-linear regexes.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from services.parsing import parse_document  # noqa: E402

SEEDS = ROOT / "tests" / "fixtures" / "seeds"


def build_document(target_chars: int) -> str:
    bodies = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    parts: list[str] = []
    size = 0
    i = 0
    while size < target_chars:
        body = bodies[i % len(bodies)]
        shift = i % 9 + 1
        # vary day numbers, document numbers and section numbers
        body = re.sub(
            r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b",
            lambda m, shift=shift: f"{(int(m[1]) + shift - 1) % 28 + 1}/{m[2]}/{m[3]}",
            body,
        )
        body = re.sub(r"\bSố (\d+)", lambda m, i=i: f"Số {int(m[1]) + i}", body)
        body = body.replace("III.", f"{'I' * (shift % 3 + 1)}V.")
        parts.append(body)
        size += len(body) + 2
        i += 1
    return "\n\n".join(parts)


def timed(text: str, runs: int) -> tuple[float, float, int]:
    times = []
    found = 0
    for _ in range(runs):
        start = time.perf_counter()
        doc = parse_document(text)
        times.append((time.perf_counter() - start) * 1000)
        found = len(doc.deadlines)
    return statistics.median(times), max(times), found


#: Characters of a typical page of a directive (100,000 characters is about 30 pages).
PAGE_CHARS = 100_000 // 30


def run(size: int, *, database_url: str | None = None) -> list[dict]:
    """python -m bench parser: a document of ``size`` pages, parsed 5 times."""
    from common import figure  # type: ignore[import-not-found]

    doc = build_document(size * PAGE_CHARS)
    parse_document(doc)  # warm caches
    median, worst, found = timed(doc, 5)
    return [
        figure("parse time per page (median of 5)", round(median / size, 2), "ms"),
        figure("whole document (median, worst)", f"{median:.0f} / {worst:.0f}", "ms"),
        figure("deadlines found", found, ""),
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--chars", type=int, default=100_000, help="~30 pages is 100k characters")
    args = ap.parse_args()

    doc = build_document(args.chars)
    parse_document(doc)  # warm caches (compiled regexes, fold table)
    median, worst, found = timed(doc, args.runs)
    print(f"document: {len(doc):,} chars, {doc.count(chr(10)) + 1:,} lines, {found} deadlines found")
    print(f"parse_document over {args.runs} runs: median {median:.1f} ms, max {worst:.1f} ms")

    hostile = {
        "one 100k-char line": "a" * args.chars,
        "100k blank lines": "\n" * args.chars,
        "repeated 'trước ngày '": "trước ngày " * (args.chars // 11),
        "repeated '1/'": "1/" * (args.chars // 2),
        "repeated 'Kính gửi' items": "Kính gửi:\n" + "- x\n" * (args.chars // 4),
        "repeated 'báo cáo hằng ngày 06h, '": "báo cáo hằng ngày 06h, " * (args.chars // 23),
        "25k year-less dates '1/1 '": "1/1 " * (args.chars // 4),
        "dense ranges 'từ ngày .. đến ngày ..'": ("từ ngày 4/8/2021 đến ngày 5/8/2021 " * (args.chars // 36)),
        "'Số' then 100k spaces": "Số" + " " * args.chars + "1",
    }
    for name, text in hostile.items():
        median, worst, _ = timed(text, max(3, args.runs // 4))
        print(f"  hostile {name:<42} median {median:7.1f} ms, max {worst:7.1f} ms")


if __name__ == "__main__":
    main()

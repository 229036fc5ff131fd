"""chibot's benchmark suite: ``python -m bench`` runs every benchmark and prints one table.

    .venv/bin/python -m bench                       # every benchmark at its suite size (< 10 min on 2 cores)
    .venv/bin/python -m bench broadcast --size 10000  # one benchmark, at a size of your choice
    .venv/bin/python -m bench --list                # the benchmarks, their sizes and limits
    .venv/bin/python -m bench --database-url postgresql+psycopg://postgres@127.0.0.1:5432/bench

Each benchmark runs in a child process of its own (its peak memory is its own; Ctrl-C stops
it and the suite cleanly). The database is a fresh SQLite file per benchmark unless
--database-url names one: it must be a database you can lose (its public schema is dropped).
Every run's table is appended to bench/RESULTS.md with the date, machine, core count, load
and commit (--no-record leaves it alone). Figures, not pass/fail: a benchmark is never a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
RESULTS = BENCH_DIR / "RESULTS.md"


@dataclass(frozen=True)
class Bench:
    module: str
    what: str  # what the size counts
    suite: int  # size in the full suite (fits the 10 minutes)
    full: int  # the size
    most: int  # larger is refused as absurd
    about: str
    needs_module: bool = False  # another engineer's benchmark, run when it is present


BENCHES: dict[str, Bench] = {
    "storm": Bench(
        "bench_storm",
        "secretaries",
        200,
        1000,
        20_000,
        "report storm, chibot vs bare bot, with and without the rate limiter",
        needs_module=True,
    ),
    "per_update": Bench(
        "bench_per_update", "cells", 5000, 5000, 100_000, "cost of one report at 100 and N cells", needs_module=True
    ),
    "broadcast": Bench("bench_broadcast", "recipients", 2000, 10_000, 200_000, "broadcast at Telegram's 30 msg/s"),
    "fanout": Bench("bench_fanout", "cells", 1000, 5000, 100_000, "publishing one directive to N cells"),
    "reminders": Bench(
        "bench_reminders", "cells", 500, 5000, 100_000, "planning N cells x 10 directives x 3 deadlines, dispatch"
    ),
    "coldstart": Bench(
        "bench_reminders:run_cold_start", "pending rows", 100_000, 100_000, 2_000_000, "start to first due send"
    ),
    "scale": Bench("bench_scale", "messages", 1000, 10_000, 500_000, "outbox drained by 1 and by 2 processes"),
    "staff": Bench("bench_oversight", "cells", 5000, 5000, 100_000, "/status of one directive, XLSX export"),
    "parser": Bench("bench_parser", "pages", 30, 30, 2000, "parse_document time per page"),
}


class BenchError(Exception):
    """Bad input: the message says what is expected, in one sentence."""


def module_present(bench: Bench) -> bool:
    return (BENCH_DIR / f"{bench.module.split(':')[0]}.py").exists()


def check_size(name: str, size: int) -> None:
    bench = BENCHES[name]
    if size < 1:
        raise BenchError(f"{name}: the size counts {bench.what}, so it must be at least 1 (got {size}).")
    if size > bench.most:
        raise BenchError(
            f"{name}: {size:,} {bench.what} is more than this machine can measure in reasonable time; "
            f"the most is {bench.most:,} (the issue's size is {bench.full:,})."
        )


def safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def check_database(url: str | None) -> None:
    """One sentence when the database cannot be reached (before any benchmark starts)."""
    if url is None:
        return
    sys.path.insert(0, str(ROOT))
    from sqlalchemy import text
    from sqlalchemy.exc import ArgumentError, OperationalError

    from storage.db import make_db_engine

    try:
        engine = make_db_engine(url)
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
    except ArgumentError as exc:
        raise BenchError(f"--database-url {url!r} is not a database URL ({exc}).") from None
    except OperationalError as exc:
        reason = str(exc.orig or exc).strip().splitlines()[0]
        raise BenchError(f"cannot reach the database {safe_url(url)}: {reason}.") from None


# --------------------------------------------------------------------------- the child process


def figures_of(result: Any) -> list[dict[str, Any]]:
    """A benchmark returns a list of figures (bench/common.py) or a plain dict of name: value."""
    if isinstance(result, dict):
        return [{"name": str(k), "value": v, "unit": "", "target": None, "ok": None} for k, v in result.items()]
    return list(result)


def run_child(name: str, size: int, database_url: str | None, out: Path) -> None:
    sys.path[:0] = [str(BENCH_DIR), str(ROOT)]
    import importlib

    module_name, _, function = BENCHES[name].module.partition(":")
    module = importlib.import_module(module_name)
    run = getattr(module, function or "run")
    import inspect

    accepted = inspect.signature(run).parameters
    kwargs = {"database_url": database_url} if "database_url" in accepted else {}
    if database_url and not kwargs:
        print(f"-- {name}: runs on its own database (its run() takes no database_url)", flush=True)
    started = time.perf_counter()
    result = figures_of(run(size, **kwargs))
    seconds = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result.append({"name": "peak memory (process)", "value": round(peak_kib / 1024), "unit": "MiB"})
    out.write_text(json.dumps({"figures": result, "seconds": seconds}, ensure_ascii=False), encoding="utf-8")


# --------------------------------------------------------------------------- the suite


def load() -> str:
    try:
        return " ".join(f"{v:.1f}" for v in os.getloadavg())
    except OSError:
        return "?"


def commit() -> str:
    try:
        sha = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True
        ).stdout.strip()
        return sha + ("+changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def run_one(name: str, size: int, database_url: str | None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="chibot-bench-") as tmp:
        out = Path(tmp) / "figures.json"
        command = [sys.executable, "-m", "bench", "--child", name, "--size", str(size), "--out", str(out)]
        if database_url:
            command += ["--database-url", database_url]
        proc = subprocess.Popen(command, cwd=ROOT)
        try:
            code = proc.wait()
        except KeyboardInterrupt:
            stop(proc)
            raise
        if code != 0 or not out.exists():
            return {"figures": [{"name": "failed", "value": f"exit code {code}", "unit": "", "ok": False}]}
        return json.loads(out.read_text(encoding="utf-8"))


def stop(proc: subprocess.Popen[bytes]) -> None:
    """The child got the terminal's SIGINT too; give it time to close its servers, then insist."""
    for sig, grace in ((None, 10.0), (signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
        if sig is not None:
            proc.send_signal(sig)
        try:
            proc.wait(grace)
            return
        except subprocess.TimeoutExpired:
            continue
        except KeyboardInterrupt:  # a second Ctrl-C: stop waiting politely
            continue


def fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.3f}".rstrip("0").rstrip(".") if abs(value) < 100 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def table(rows: list[tuple[str, int, dict[str, Any]]]) -> list[str]:
    lines = ["| benchmark | size | figure | value | target | met |", "|---|---:|---|---:|---|---|"]
    for name, size, fig in rows:
        ok = fig.get("ok")
        met = "" if ok is None else ("yes" if ok else "NO")
        value = f"{fmt(fig['value'])} {fig.get('unit') or ''}".strip()
        lines.append(f"| {name} | {size:,} | {fig['name']} | {value} | {fig.get('target') or ''} | {met} |")
    return lines


def header(database_url: str | None, started: str, load_before: str) -> str:
    database = safe_url(database_url) if database_url else "SQLite (a fresh file per benchmark)"
    return (
        f"{started} UTC · {platform.node()} ({platform.machine()}, Python {platform.python_version()}) · "
        f"{os.cpu_count()} cores · load {load_before} at start, {load()} at end · commit {commit()} · {database}"
    )


def record(head: str, lines: list[str], seconds: float) -> None:
    if not RESULTS.exists():
        RESULTS.write_text(
            "# Benchmark results\n\nEvery `python -m bench` run appends its table here "
            "(newest last). Figures from a loaded machine are noted with the load.\n",
            encoding="utf-8",
        )
    with RESULTS.open("a", encoding="utf-8") as f:
        f.write(f"\n## {head}\n\nSuite time {seconds:.0f} s.\n\n" + "\n".join(lines) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("names", nargs="*", metavar="benchmark", help="which to run (default: all)")
    parser.add_argument("--size", type=int, help="size of the benchmark(s) named (what it counts: --list)")
    parser.add_argument("--full", action="store_true", help="the issue's sizes instead of the suite's (slower)")
    parser.add_argument("--database-url", help="a database you can lose (default: fresh SQLite files)")
    parser.add_argument("--no-record", action="store_true", help="do not append to bench/RESULTS.md")
    parser.add_argument("--list", action="store_true", help="list the benchmarks")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        try:
            run_child(args.child, args.size, args.database_url, Path(args.out))
        except KeyboardInterrupt:
            return 130
        return 0
    if args.list:
        for name, b in BENCHES.items():
            present = "" if module_present(b) else "  (not in this tree yet)"
            sizes = f"suite {b.suite:,}, issue {b.full:,}, at most {b.most:,}"
            print(f"{name:<11} size = {b.what}: {sizes}. {b.about}{present}")
        return 0
    try:
        unknown = [n for n in args.names if n not in BENCHES]
        if unknown:
            raise BenchError(f"no benchmark called {', '.join(unknown)}; choose from {', '.join(BENCHES)}.")
        names = args.names or list(BENCHES)
        if args.size is not None:
            if not args.names:
                raise BenchError(
                    "--size applies to the benchmarks you name, e.g. `python -m bench broadcast --size 500`."
                )
            for name in names:
                check_size(name, args.size)
        check_database(args.database_url)
    except BenchError as exc:
        print(f"python -m bench: {exc}", file=sys.stderr)
        return 2

    started = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M")
    load_before = load()
    began = time.perf_counter()
    rows: list[tuple[str, int, dict[str, Any]]] = []
    try:
        for name in names:
            bench = BENCHES[name]
            if not module_present(bench):
                print(f"-- {name}: skipped, bench/{bench.module}.py is not in this tree yet", flush=True)
                continue
            size = args.size or (bench.full if args.full else bench.suite)
            print(f"-- {name} ({size:,} {bench.what}) ...", flush=True)
            result = run_one(name, size, args.database_url)
            took = {"name": "benchmark time", "value": round(result.get("seconds", 0), 1), "unit": "s"}
            rows += [(name, size, fig) for fig in result["figures"] + [took]]
    except KeyboardInterrupt:
        print(
            "\npython -m bench: stopped by Ctrl-C; nothing is left running and nothing was recorded.", file=sys.stderr
        )
        return 130
    seconds = time.perf_counter() - began
    head = header(args.database_url, started, load_before)
    lines = table(rows)
    print()
    print(head)
    print("\n".join(lines))
    print(f"suite time {seconds:.0f} s")
    if not args.no_record and rows:
        record(head, lines, seconds)
        print(f"recorded in {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

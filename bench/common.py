"""What the benchmarks share: a fresh database, the figures they return, quiet logs.

Every benchmark module used by ``python -m bench`` exposes ``run(size, *, database_url) ->
list[dict]``: one dict per figure (``figure``), each with ``name``, ``value``, ``unit`` and,
where the issue sets one, ``target`` and whether it is met (``ok``).
"""

from __future__ import annotations

import logging
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402
from sqlalchemy.engine import Engine  # noqa: E402
from sqlmodel import SQLModel  # noqa: E402

import storage.tables  # noqa: E402,F401  (registers the tables)
from storage.db import make_db_engine  # noqa: E402


def fresh_engine(url: str | None) -> Engine:
    """An empty schema: a new SQLite file, or the given database's public schema dropped and made again."""
    if url is None:
        url = f"sqlite:///{tempfile.mkdtemp(prefix='chibot-bench-')}/bench.db"
    engine = make_db_engine(url)
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    else:
        SQLModel.metadata.drop_all(engine)
    SQLModel.metadata.create_all(engine)
    return engine


def figure(
    name: str,
    value: float | int | str,
    unit: str = "",
    *,
    at_most: float | None = None,
    at_least: float | None = None,
    equals: float | None = None,
) -> dict[str, Any]:
    """One measured figure, judged against the issue's target when it has one."""
    target, ok = None, None
    if at_most is not None:
        target, ok = f"<= {at_most:g}", float(value) <= at_most
    elif at_least is not None:
        target, ok = f">= {at_least:g}", float(value) >= at_least
    elif equals is not None:
        target, ok = f"= {equals:g}", float(value) == equals
    return {"name": name, "value": value, "unit": unit, "target": target, "ok": ok}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def quiet() -> None:
    """429s and rescheduled rows are expected in a benchmark: do not log each one."""
    for name in (
        "telegram",
        "tornado.access",
        "services.dispatcher",
        "bot.channels.telegram_send",
        "bot.channels.send_budget",
        "apscheduler",
        "httpx",
    ):
        logging.getLogger(name).setLevel(logging.CRITICAL)

"""Reminder engine figures (not a test): planning, dispatch latency, restart recovery.

    .venv/bin/python bench/bench_reminders.py [--cells 5000] [--directives 10] [--url URL]
        [--latency-rows 10] [--recovery-rows 20000]

--url defaults to a fresh SQLite file in a temporary folder; give a PostgreSQL URL (an empty
database you can drop tables in) to measure there. Prints one line per figure.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402
from sqlmodel import SQLModel, select  # noqa: E402

import storage.tables  # noqa: E402,F401
from bot.scheduler import DispatchScheduler  # noqa: E402
from ground.clock import ManualClock, SystemClock  # noqa: E402
from ground.ports import SendResult  # noqa: E402
from ground.settings import Settings  # noqa: E402
from services.dispatcher import Dispatcher  # noqa: E402
from services.localtime import local_to_utc as _local_to_utc  # noqa: E402
from services.reminders.config import ReminderConfig  # noqa: E402
from services.reminders.jobs import sweep  # noqa: E402
from services.reminders.planner import plan_directive  # noqa: E402
from storage.db import make_db_engine, session_scope  # noqa: E402
from storage.tables import (  # noqa: E402
    Assignment,
    ChatAccount,
    Deadline,
    Directive,
    Membership,
    OutboxMessage,
    Person,
    Unit,
)


class NoopSender:
    channel = "console"

    def __init__(self) -> None:
        self.sent_at: list[datetime] = []

    async def send(self, chat_id: str, reply) -> SendResult:  # noqa: ANN001
        self.sent_at.append(datetime.now(UTC))
        return SendResult("sent", message_id="1")


TZ = ZoneInfo("Asia/Ho_Chi_Minh")
CONFIG = ReminderConfig.from_settings(Settings(_env_file=None))  # type: ignore[call-arg]


def local_to_utc(naive):  # noqa: ANN001, ANN201
    return _local_to_utc(naive, TZ)


def fresh_engine(url: str | None):  # noqa: ANN201
    url = url or f"sqlite:///{tempfile.mkdtemp(prefix='chibot-bench-')}/bench.db"
    engine = make_db_engine(url)
    SQLModel.metadata.drop_all(engine)
    SQLModel.metadata.create_all(engine)
    return engine


def seed(engine, cells: int, directives: int) -> list[int]:  # noqa: ANN001
    now = local_to_utc(datetime(2021, 8, 15, 8, 0))
    with session_scope(engine) as s:
        s.execute(
            insert(Unit).values(
                id=1, code="DUK", name="Đảng ủy", kind="committee", path="/1/", active=True, created_at=now
            )
        )
        s.execute(
            insert(Unit),
            [
                {
                    "id": i + 2,
                    "code": f"C{i}",
                    "name": f"Chi bộ {i}",
                    "kind": "cell",
                    "parent_id": 1,
                    "path": f"/1/{i + 2}/",
                    "active": True,
                    "created_at": now,
                }
                for i in range(cells)
            ],
        )
        s.execute(
            insert(Person),
            [{"id": i + 1, "full_name": f"Bí thư {i}", "preferences": {}, "created_at": now} for i in range(cells)],
        )
        s.execute(
            insert(Membership),
            [
                {"person_id": i + 1, "unit_id": i + 2, "role": "secretary", "active": True, "created_at": now}
                for i in range(cells)
            ],
        )
        s.execute(
            insert(ChatAccount),
            [
                {
                    "person_id": i + 1,
                    "channel": "console",
                    "external_user_id": f"u{i}",
                    "chat_id": f"u{i}",
                    "display_name": "",
                    "language": "vi",
                    "reachable": True,
                    "created_at": now,
                }
                for i in range(cells)
            ],
        )
        ids = []
        for d in range(directives):
            directive = Directive(
                unit_id=1,
                number=f"{100 + d}-CV/ĐUK",
                subject="V/v quán triệt",
                status="published",
                published_at=now,
                urgency="KHẨN" if d % 2 else None,
            )
            s.add(directive)
            s.flush()
            ids.append(directive.id)
            for pos, (kind, day) in enumerate((("complete", 20), ("report", 22), ("plan", 29))):
                s.add(
                    Deadline(
                        directive_id=directive.id,
                        kind=kind,
                        due_at=local_to_utc(datetime(2021, 8, day, 23, 59)),
                        shown=f"{day}/8/2021",
                        position=pos,
                    )
                )
            s.execute(
                insert(Assignment),
                [
                    {"directive_id": directive.id, "unit_id": i + 2, "status": "assigned", "assigned_at": now}
                    for i in range(cells)
                ],
            )
    return ids


def bench_planning(engine, cells: int, directives: int) -> dict:  # noqa: ANN001
    ids = seed(engine, cells, directives)
    now = local_to_utc(datetime(2021, 8, 15, 8, 0))
    started = time.perf_counter()
    created = 0
    for directive_id in ids:
        with session_scope(engine) as s:
            created += plan_directive(session=s, directive_id=directive_id, now=now, config=CONFIG).created
    first = time.perf_counter() - started
    started = time.perf_counter()
    again = 0
    for directive_id in ids:
        with session_scope(engine) as s:
            again += plan_directive(session=s, directive_id=directive_id, now=now, config=CONFIG).created
    second = time.perf_counter() - started
    print(
        f"planning: {cells} cells x {directives} directives x 3 deadlines: {created} rows in {first:.1f} s "
        f"({created / first:.0f} rows/s); re-plan (nothing new, {again} created) in {second:.1f} s"
    )
    return {"rows": created, "first": first, "again": second}


def bench_latency(url: str | None, rows: int) -> dict:
    engine = fresh_engine(url)
    seed(engine, 1, 0)
    base = datetime.now(UTC) + timedelta(seconds=1)
    with session_scope(engine) as s:
        for i in range(rows):
            s.add(
                OutboxMessage(
                    account_id=1,
                    kind="notice",
                    payload={"text": str(i)},
                    due_at=base + timedelta(seconds=0.5 * i),
                    dedupe_key=f"lat{i}",
                )
            )
    sender = NoopSender()

    async def run() -> None:
        dispatcher = Dispatcher(engine=engine, clock=SystemClock(), senders={"console": sender})
        scheduler = DispatchScheduler(dispatcher)
        scheduler.start()
        deadline = time.monotonic() + 5 + rows
        while len(sender.sent_at) < rows and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        scheduler.shutdown()

    asyncio.run(run())
    with session_scope(engine) as s:
        msgs = s.exec(select(OutboxMessage).order_by(OutboxMessage.id)).all()
    delays = sorted((m.sent_at - m.due_at).total_seconds() for m in msgs if m.sent_at)
    print(
        f"dispatch latency (APScheduler wake-up, no-op sender, {len(delays)}/{rows} rows due 0.5 s apart): "
        f"median {statistics.median(delays) * 1000:.0f} ms, max {max(delays) * 1000:.0f} ms"
    )
    figures = {"delays": delays, "rows": rows}

    engine = fresh_engine(url)
    seed(engine, 1, 0)
    now = datetime.now(UTC)
    with session_scope(engine) as s:
        s.execute(
            insert(OutboxMessage),
            [
                {
                    "account_id": 1,
                    "kind": "notice",
                    "payload": {"text": "x"},
                    "due_at": now,
                    "dedupe_key": f"b{i}",
                    "status": "pending",
                    "attempts": 0,
                    "sent_late": False,
                    "created_at": now,
                }
                for i in range(5000)
            ],
        )
    dispatcher = Dispatcher(engine=engine, clock=SystemClock(), senders={"console": NoopSender()})
    started = time.perf_counter()
    stats = asyncio.run(dispatcher.run_once())
    took = time.perf_counter() - started
    print(f"dispatch throughput: {stats.sent} due rows sent in {took:.1f} s ({stats.sent / took:.0f}/s)")
    figures["throughput"] = stats.sent / took
    return figures


def run(size: int, *, database_url: str | None = None) -> list[dict]:
    """python -m bench reminders: planning ``size`` cells x 10 directives x 3 deadlines, then
    the dispatch delay of 20 rows due half a second apart and the dispatch throughput."""
    from common import figure, percentile  # type: ignore[import-not-found]

    planning = bench_planning(fresh_engine(database_url), size, 10)
    latency = bench_latency(database_url, 20)
    delays = latency["delays"]
    return [
        figure(f"planning {size:,} x 10 x 3: rows", planning["rows"], ""),
        figure("planning time", round(planning["first"], 1), "s"),
        figure("re-planning time (nothing new)", round(planning["again"], 1), "s"),
        figure("dispatch delay p50", round(percentile(delays, 0.5) * 1000), "ms"),
        figure("dispatch delay p99", round(percentile(delays, 0.99) * 1000), "ms"),
        figure("dispatch throughput (no-op sender)", round(latency["throughput"]), "msg/s"),
    ]


class _RecordingChannel:
    """A channel that sends nothing and notes when the first message was handed to it."""

    name = "console"
    capabilities = None

    def __init__(self) -> None:
        self.first: float | None = None
        self.sender = self

    channel = "console"

    async def start(self, runtime) -> None:  # noqa: ANN001
        pass

    async def stop(self) -> None:
        pass

    async def send(self, chat_id: str, reply) -> SendResult:  # noqa: ANN001
        if self.first is None:
            self.first = time.perf_counter()
        return SendResult("sent", message_id="1")


def run_cold_start(size: int, *, database_url: str | None = None) -> list[dict]:
    """python -m bench coldstart: ``size`` pending rows are due; the bot starts (app, runtime,
    reminder jobs, dispatcher): how long until the first due message is sent."""
    from common import figure, quiet  # type: ignore[import-not-found]

    from bot.app import build_app
    from bot.runtime import Runtime

    quiet()
    engine = fresh_engine(database_url)
    seed(engine, 1, 0)
    now = datetime.now(UTC) - timedelta(minutes=5)
    with session_scope(engine) as s:
        for start in range(0, size, 20_000):
            s.execute(
                insert(OutboxMessage),
                [
                    {
                        "account_id": 1,
                        "kind": "notice",
                        "payload": {"text": f"Thông báo {i}"},
                        "due_at": now,
                        "dedupe_key": f"cold{i}",
                        "status": "pending",
                        "attempts": 0,
                        "sent_late": False,
                        "created_at": now,
                    }
                    for i in range(start, min(size, start + 20_000))
                ],
            )

    async def start_bot() -> tuple[float, float | None]:
        began = time.perf_counter()
        app = build_app(Settings(_env_file=None, database_url=str(engine.url)), engine=engine, migrate=False)  # type: ignore[call-arg]
        channel = _RecordingChannel()
        async with Runtime(app, [channel], stop_grace=0.5):  # type: ignore[list-item]
            deadline = time.monotonic() + 60
            while channel.first is None and time.monotonic() < deadline:
                await asyncio.sleep(0.01)
        return began, channel.first

    began, first = asyncio.run(start_bot())
    engine.dispose()
    took = (first - began) if first is not None else float("inf")
    return [figure(f"cold start to first due send ({size:,} pending rows)", round(took, 2), "s", at_most=3.0)]


def bench_recovery(url: str | None, cells: int) -> None:
    engine = fresh_engine(url)
    ids = seed(engine, cells, 1)
    publish = local_to_utc(datetime(2021, 8, 15, 8, 0))
    with session_scope(engine) as s:
        plan_directive(session=s, directive_id=ids[0], now=publish, config=CONFIG)
    with session_scope(engine) as s:
        due = len(
            s.exec(
                select(OutboxMessage.id).where(OutboxMessage.due_at <= local_to_utc(datetime(2021, 8, 21, 9, 30)))
            ).all()
        )
    clock = ManualClock(local_to_utc(datetime(2021, 8, 21, 9, 30)))  # down from publication to 21/8 09:30
    started = time.perf_counter()
    dropped = sweep(engine=engine, now=clock.now(), config=CONFIG)
    swept = time.perf_counter() - started
    sender = NoopSender()
    stats = asyncio.run(Dispatcher(engine=engine, clock=clock, senders={"console": sender}).run_once())
    total = time.perf_counter() - started
    print(
        f"restart recovery: {due} reminders fell due while down ({cells} cells): {dropped} stale dropped in "
        f"{swept:.1f} s, {stats.sent} sent late; total {total:.1f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cells", type=int, default=5000)
    parser.add_argument("--directives", type=int, default=10)
    parser.add_argument("--url", default=None)
    parser.add_argument("--latency-rows", type=int, default=10)
    parser.add_argument("--recovery-cells", type=int, default=5000)
    args = parser.parse_args()
    bench_planning(fresh_engine(args.url), args.cells, args.directives)
    bench_latency(args.url, args.latency_rows)
    bench_recovery(args.url, args.recovery_cells)


if __name__ == "__main__":
    main()

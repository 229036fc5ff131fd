"""Time staff oversight at scale (not a test).

    .venv/bin/python bench/bench_oversight.py [--database-url URL] [--cells 5000] [--directives 20]
                                              [--messages 10000] [--rate 30] [--skip-broadcast]

1. /status (the list, and one directive in detail) and the XLSX export on a generated tree of
   --cells cells with --directives directives, every cell assigned every directive.
2. A broadcast of --messages messages through the real outbox dispatcher and TelegramSender to
   the fake Bot API server, which answers 429 (retry_after=1) above --rate calls per second,
   as Telegram does. Prints the achieved rate against --rate, duplicates and losses.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, select, text  # noqa: E402
from sqlmodel import SQLModel  # noqa: E402

import storage.tables  # noqa: E402, F401
from bot.channels.telegram_app import build_telegram_sender  # noqa: E402
from ground.actor import Actor, RoleInUnit  # noqa: E402
from ground.clock import SystemClock  # noqa: E402
from ground.settings import Settings  # noqa: E402
from services import broadcast, exports, status  # noqa: E402
from services.broadcast_progress import BroadcastProgress  # noqa: E402
from services.dispatcher import Dispatcher  # noqa: E402
from services.i18n import Translator  # noqa: E402
from storage.db import make_db_engine, session_scope  # noqa: E402
from storage.tables import ChatAccount, Directive, Membership, OutboxMessage, Person, Unit  # noqa: E402
from tests.support.fake_bot_api import DEFAULT_TOKEN, FakeBotApi  # noqa: E402
from tests.support.oversight_tree import build_tree  # noqa: E402


def fresh_engine(url: str | None):  # noqa: ANN201
    if url is None:
        url = f"sqlite:///{tempfile.mkdtemp(prefix='chibot-bench-')}/bench.db"
    engine = make_db_engine(url)
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    SQLModel.metadata.create_all(engine)
    return engine


def staff_actor(root: Unit) -> Actor:
    return Actor(
        account_id=None,
        person_id=None,
        name="bench",
        roles=[RoleInUnit("staff", root.id, root.code, root.name, root.kind, root.path)],
    )


#: The worst time of each timed step of the last bench_status run, in seconds (python -m bench reads it).
WORST: dict[str, float] = {}


def timed(label: str, fn, runs: int = 3):  # noqa: ANN001, ANN201
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    print(f"  {label:<46} best {min(times) * 1000:8.1f} ms   worst {max(times) * 1000:8.1f} ms")
    WORST[label] = max(times)
    return result


def run(size: int, *, database_url: str | None = None) -> list[dict]:
    """python -m bench staff: /status of one directive and the XLSX export with ``size`` cells."""
    from common import figure  # type: ignore[import-not-found]

    WORST.clear()
    bench_status(database_url, size, 20)
    export = WORST["export: gather rows"] + WORST["export: write XLSX"]
    return [
        figure(
            "/status of one directive (worst of 3)",
            round(WORST["/status <number> (counts, roll-up, missing)"], 3),
            "s",
            at_most=0.5,
        ),
        figure("/status list of 20 directives (worst of 3)", round(WORST["/status (20 open directives)"], 3), "s"),
        figure("XLSX export, gather + write (worst of 3)", round(export, 2), "s", at_most=10),
    ]


def bench_status(url: str | None, cells: int, directives: int) -> None:
    engine = fresh_engine(url)
    now = datetime(2021, 8, 15, 1, 0, tzinfo=UTC)
    groups = cells // 100
    start = time.perf_counter()
    with session_scope(engine) as session:
        tree = build_tree(
            session, groups=groups, cells_per_group=90, direct_cells=cells - groups * 90, now=now, directives=directives
        )
    print(
        f"status and export: {len(tree.cells)} cells x {directives} directives on {engine.dialect.name} "
        f"(built in {time.perf_counter() - start:.1f} s)"
    )
    with session_scope(engine) as session:
        root = session.get(Unit, tree.root_id)
        actor = staff_actor(root)
        directive = session.get(Directive, tree.directive_ids[0])
        t = Translator("vi")
        found = timed(
            "/status (20 open directives)", lambda: status.open_summaries(session=session, actor=actor, now=now)
        )
        assert len(found) == directives and found[0].counts.assigned == len(tree.cells)
        figures = timed(
            "/status <number> (counts, roll-up, missing)",
            lambda: status.directive_status(session=session, directive=directive, paths=[root.path], now=now),
        )
        assert figures.counts.assigned == len(tree.cells)
        data = timed(
            "export: gather rows",
            lambda: exports.build(
                session=session, directive=directive, paths=[root.path], now=now, tz=Settings(_env_file=None).tz, t=t
            ),
        )
        content = timed("export: write XLSX", lambda: exports.to_xlsx(data, t))
        print(f"  XLSX size {len(content) / 1024:.0f} KiB, {len(data.rows)} rows")
    engine.dispose()


def make_recipients(engine, count: int, now: datetime) -> tuple[Actor, int]:  # noqa: ANN001
    """A committee with ``count`` cells, each with a secretary on Telegram; the staff member too."""
    with session_scope(engine) as session:
        root = Unit(code="BENCH", name="Đảng ủy Khối", kind="committee", created_at=now)
        session.add(root)
        session.flush()
        root.path = f"/{root.id}/"
        session.execute(
            insert(Unit),
            [
                {
                    "code": f"C{i:05d}",
                    "name": f"Chi bộ {i}",
                    "kind": "cell",
                    "parent_id": root.id,
                    "path": "/",
                    "active": True,
                    "created_at": now,
                }
                for i in range(count)
            ],
        )
        session.execute(
            text("UPDATE unit SET path = :p || id || '/' WHERE parent_id = :r"), {"p": root.path, "r": root.id}
        )
        session.execute(
            insert(Person),
            [{"full_name": f"Bí thư {i}", "preferences": {}, "created_at": now} for i in range(count + 1)],
        )
        unit_ids = list(session.execute(select(Unit.id).where(Unit.parent_id == root.id).order_by(Unit.id)).scalars())
        person_ids = list(session.execute(select(Person.id).order_by(Person.id)).scalars())
        staff_person = person_ids[-1]
        session.execute(
            insert(Membership),
            [
                {"person_id": p, "unit_id": u, "role": "secretary", "active": True, "created_at": now}
                for p, u in zip(person_ids, unit_ids, strict=False)
            ]
            + [{"person_id": staff_person, "unit_id": root.id, "role": "staff", "active": True, "created_at": now}],
        )
        session.execute(
            insert(ChatAccount),
            [
                {
                    "person_id": p,
                    "channel": "telegram",
                    "external_user_id": str(100000 + n),
                    "chat_id": str(100000 + n),
                    "display_name": "",
                    "language": "vi",
                    "reachable": True,
                    "created_at": now,
                }
                for n, p in enumerate(person_ids)
            ],
        )
        staff_account = session.execute(
            select(ChatAccount.id).where(ChatAccount.person_id == staff_person)
        ).scalar_one()
        actor = Actor(
            account_id=staff_account,
            person_id=staff_person,
            name="Cán bộ",
            roles=[RoleInUnit("staff", root.id, root.code, root.name, root.kind, root.path)],
        )
    return actor, 100000 + len(person_ids) - 1


def queue_broadcast(engine, size: int, now) -> tuple[int, int, float, int]:  # noqa: ANN001
    """A broadcast to every cell of ``size`` recipients, queued as staff would: (broadcast id,
    messages queued, seconds it took, the staff member's chat)."""
    actor, staff_chat = make_recipients(engine, size, now)
    with session_scope(engine) as session:
        audience = broadcast.choose(session=session, actor=actor, spec={"kind": "all"}, now=now)
        start = time.perf_counter()
        row = broadcast.create(
            session=session,
            actor=actor,
            audience=audience,
            text="Đề nghị các chi bộ báo cáo trước 17h00.",
            attachment=None,
            channel="telegram",
            now=now,
        )
        broadcast_id, queued = row.id, row.total
    return broadcast_id, queued, time.perf_counter() - start, staff_chat


async def bench_broadcast(url: str | None, messages: int, rate: float) -> None:
    engine = fresh_engine(url)
    clock = SystemClock()
    broadcast_id, queued, queue_seconds, staff_chat = queue_broadcast(engine, messages, clock.now())
    print(
        f"broadcast: {queued} messages queued in {queue_seconds:.2f} s on {engine.dialect.name}; "
        f"server limit {rate:g} msg/s with 429"
    )
    settings = Settings(_env_file=None, telegram_bot_token=DEFAULT_TOKEN)  # type: ignore[call-arg]
    async with FakeBotApi(max_send_rate=rate) as server:
        sender = build_telegram_sender(settings, base_url=server.base_url, base_file_url=server.base_file_url)
        senders = {"telegram": sender}
        dispatcher = Dispatcher(engine=engine, clock=clock, senders=senders, batch=200)
        dispatcher.listeners.append(BroadcastProgress(engine=engine, clock=clock, senders=senders))
        start = time.perf_counter()
        while True:
            await dispatcher.run_once()
            with session_scope(engine) as session:
                left = session.execute(
                    select(OutboxMessage.id)
                    .where(OutboxMessage.broadcast_id == broadcast_id, OutboxMessage.status.in_(("pending", "sending")))
                    .limit(1)
                ).first()
            if left is None:
                break
            await asyncio.sleep(0.2)
        elapsed = time.perf_counter() - start
        await dispatcher.run_once()  # the delivery report
        await sender.aclose()
        ok = [c for c in server.calls_of("sendMessage", ok=True) if str(c.params["chat_id"]) != str(staff_chat)]
        per_chat = Counter(str(c.params["chat_id"]) for c in ok)
        rejected = len([c for c in server.calls_of("sendMessage") if c.status == 429])
        edits = len(server.calls_of("editMessageText", ok=True))
    duplicates = sum(n - 1 for n in per_chat.values() if n > 1)
    lost = queued - len(per_chat)
    achieved = len(ok) / elapsed
    print(
        f"  delivered {len(per_chat)}/{queued} in {elapsed:.1f} s: "
        f"{achieved:.1f} msg/s = {achieved / rate:.2f} of {rate:g}"
    )
    print(f"  duplicates {duplicates}, lost {lost}, 429 answers {rejected}, progress edits {edits}")
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url")
    parser.add_argument("--cells", type=int, default=5000)
    parser.add_argument("--directives", type=int, default=20)
    parser.add_argument("--messages", type=int, default=10000)
    parser.add_argument("--rate", type=float, default=30)
    parser.add_argument("--skip-status", action="store_true")
    parser.add_argument("--skip-broadcast", action="store_true")
    args = parser.parse_args()
    # A 429 is expected here (the outbox reschedules it); PTB and tornado would log each one.
    for name in ("telegram", "tornado.access", "services.dispatcher", "bot.channels.telegram_send"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    if not args.skip_status:
        bench_status(args.database_url, args.cells, args.directives)
    if not args.skip_broadcast:
        asyncio.run(bench_broadcast(args.database_url, args.messages, args.rate))


if __name__ == "__main__":
    main()

"""The report storm (not a test): N secretaries each send the guided report at once, chibot
next to a bare python-telegram-bot bot in the same run, with and without AIORateLimiter.

    .venv/bin/python bench/bench_storm.py [--size 300] [--url URL] [--bots bare,chibot]
        [--limiter off,on] [--step-timeout 300]

Three processes per run: the fake Bot API server (tests/support/fake_bot_api.py) with the
secretaries driving it, the bot under test, and this one. Each secretary is a closed loop:
9 updates (the "Báo cáo" button of the notification, two formats, Xong, "45/50", Tốt, two
skips, Xác nhận), each sent when the previous one is answered. The bare bot answers every
update with one sendMessage (and answerCallbackQuery for a press). With the limiter "on" the
fake server also refuses more than 30 sends per second, as Telegram does (429).

Figures per run: updates/s, p50/p95/p99 of the time from an update to its answer, the bot
process's CPU (% of one core, ms per update), rate-limited requests per update, 429s, other
errors, secretaries who did not finish, reports stored (must be N), messages queued to staff,
and warnings of the bot process ("database is locked", "maximum number of running instances").

``measure(size, ...)`` returns the same as a dict; ``run(size, database_url=...)`` as the
figures of `python -m bench`. --url: a database chibot
may empty (default: a fresh SQLite file per run).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

#: The secretaries' chat ids start here (storm_seed.secretary_user for Telegram).
CHAT_BASE = 100_000
MAX_SIZE = 20_000
#: The fake server's listen backlog (tornado's default of 128 overflows in a storm's bursts).
BACKLOG = 4096
#: Requests that answer a user (and count against Telegram's per-bot budget).
ANSWERS = ("sendMessage", "editMessageText", "sendDocument", "sendPhoto")
LIMITED = ANSWERS + ("editMessageReplyMarkup", "sendChatAction")
STEPS: list[tuple[str, str]] = [
    ("press", "Báo cáo"),
    ("press", "Hội nghị trực tiếp"),
    ("press", "Zalo"),
    ("press", "Xong"),
    ("send", "45/50"),
    ("press", "Tốt"),
    ("press", "Bỏ qua"),
    ("press", "Bỏ qua"),
    ("press", "Xác nhận"),
]
WARNINGS = {
    "locked": "database is locked",
    "max_instances": "maximum number of running instances",
}


# =========================================================================== the server side


def serve(users_file: str, rate: float, mode: str, step_timeout: float) -> None:
    import logging

    # tornado logs every 429 it answers as a warning: thousands of lines under the limiter.
    logging.getLogger("tornado.access").setLevel(logging.ERROR)
    asyncio.run(_serve(json.loads(Path(users_file).read_text()), rate, mode, step_timeout))


async def _serve(users: list[dict[str, Any]], rate: float, mode: str, step_timeout: float) -> None:
    import tornado.web
    from tornado.httpserver import HTTPServer
    from tornado.netutil import bind_sockets

    from tests.support.fake_bot_api import Call, FakeBotApi, _ApiHandler, _FileHandler

    class StormApi(FakeBotApi):
        def __init__(self) -> None:
            super().__init__(max_poll_wait=1.0, max_send_rate=rate or None)
            self.events: dict[int, asyncio.Event] = {}
            self.bot_messages: dict[int, list[int]] = {}
            self.counts: dict[str, int] = {}
            self.errors: dict[str, int] = {}

        async def start(self, backlog: int = 128) -> StormApi:
            # FakeBotApi.start with a listen backlog for a storm's bursts of connections.
            app = tornado.web.Application(
                [(r"/bot([^/]+)/([A-Za-z]+)/?", _ApiHandler, {"api": self}),
                 (r"/file/bot([^/]+)/(.+)", _FileHandler, {"api": self})]
            )  # fmt: skip
            sockets = bind_sockets(0, "127.0.0.1", backlog=backlog)
            self.port = sockets[0].getsockname()[1]
            self._server = HTTPServer(app, idle_connection_timeout=3600)
            self._server.add_sockets(sockets)
            return self

        def _record(self, call: Call) -> None:
            self._notify()
            self.counts[call.method] = self.counts.get(call.method, 0) + 1
            if call.status != 200:
                key = f"{call.method} {call.status}"
                self.errors[key] = self.errors.get(key, 0) + 1
                return
            if call.method not in ANSWERS:
                return
            chat = int(call.params.get("chat_id") or 0)
            if call.method != "editMessageText":
                self.bot_messages.setdefault(chat, []).append(self._state.message_ids[chat])
            event = self.events.get(chat)
            if event is not None:
                event.set()

        def find_button(self, chat: int, label: str, used: set[str]) -> tuple[int, str] | None:
            for message_id in reversed(self.bot_messages.get(chat, [])[-6:]):
                markup = self._state.messages.get((chat, message_id), {}).get("reply_markup") or {}
                for row in markup.get("inline_keyboard", []):
                    for button in row:
                        data = button.get("callback_data")
                        if data and data not in used and label.lower() in button["text"].lower():
                            return message_id, data
            return None

    api = await StormApi().start(backlog=BACKLOG)
    print(f"PORT {api.port}", flush=True)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 120
    while not api.waiting_polls:
        if loop.time() > deadline:
            print("DONE " + json.dumps({"error": "the bot never polled for updates"}), flush=True)
            return
        await asyncio.sleep(0.05)
    for user in users:  # the notification each secretary answers, already in the chat
        message = api._new_bot_message(
            user["chat"],
            text="141-CV/ĐUK: V/v tổ chức quán triệt Nghị quyết số 05-NQ/TU",
            reply_markup={"inline_keyboard": [[{"text": "Báo cáo", "callback_data": f"rep:{user['aid']}"}]]},
        )
        api.bot_messages.setdefault(user["chat"], []).append(message["message_id"])
    print("READY", flush=True)
    await loop.run_in_executor(None, sys.stdin.readline)
    latencies: list[float] = []
    unfinished = 0

    async def secretary(user: dict[str, Any]) -> None:
        nonlocal unfinished
        chat = user["chat"]
        used: set[str] = set()
        event = api.events[chat] = asyncio.Event()
        for n, (action, value) in enumerate(STEPS):
            event.clear()
            started = loop.time()
            if mode == "bare":
                message_id = api.bot_messages[chat][-1]
                if action == "press":
                    api.push_callback(chat, chat, f"b{n}", message_id)
                else:
                    api.push_message(chat, chat, value)
                ready = lambda: True  # noqa: E731
            else:
                if action == "press":
                    found = api.find_button(chat, value, used)
                    if found is None:
                        unfinished += 1
                        return
                    message_id, data = found
                    used.add(data)
                    api.push_callback(chat, chat, data, message_id)
                else:
                    api.push_message(chat, chat, value)
                following = STEPS[n + 1] if n + 1 < len(STEPS) else None
                if following is not None and following[0] == "press":
                    label = following[1]
                    ready = lambda label=label: api.find_button(chat, label, used) is not None  # noqa: E731
                else:
                    ready = lambda: True  # noqa: E731
            try:
                while True:
                    await asyncio.wait_for(event.wait(), max(0.01, started + step_timeout - loop.time()))
                    event.clear()
                    if ready():
                        break
            except TimeoutError:
                unfinished += 1
                return
            latencies.append(loop.time() - started)

    started = time.perf_counter()
    await asyncio.gather(*(secretary(user) for user in users))
    elapsed = time.perf_counter() - started
    await asyncio.sleep(2)  # the last staff messages the dispatcher sends after the storm
    staff = sum(1 for c in api._state.calls if c.method == "sendMessage" and int(c.params["chat_id"]) == 99999)
    latencies.sort()
    result = {
        "elapsed_s": elapsed,
        "updates": len(latencies),
        "latencies": _percentiles(latencies),
        "counts": api.counts,
        "errors": api.errors,
        "unfinished": unfinished,
        "staff_messages": staff,
    }
    print("DONE " + json.dumps(result), flush=True)
    # Serve on until the parent stopped the bot (it closes our stdin): a bot whose server went
    # away first logs connection errors that are none of the storm's.
    await loop.run_in_executor(None, sys.stdin.readline)
    await api.stop()


def _percentiles(ordered: list[float]) -> dict[str, float]:
    if not ordered:
        return {"p50": 0.0, "p95": 0.0, "p99": 0.0}
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return {"p50": pick(0.50), "p95": pick(0.95), "p99": pick(0.99)}


# =========================================================================== the bots


TOKEN = "123456789:TEST-fake-token_for-chibot"


def bare_bot(api_url: str, limiter: bool) -> None:
    from telegram import Update
    from telegram.ext import AIORateLimiter, ApplicationBuilder, ContextTypes, TypeHandler

    builder = ApplicationBuilder().token(TOKEN).base_url(f"{api_url}/bot").base_file_url(f"{api_url}/file/bot")
    if limiter:
        # Waits out a 429 and retries, as chibot's limiter does (max_retries=0, the default,
        # drops the answer and its secretary waits out --step-timeout).
        builder = builder.rate_limiter(AIORateLimiter(max_retries=5))
    application = builder.concurrent_updates(8).build()

    async def answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if update.callback_query is not None:
            await update.callback_query.answer()
        chat = update.effective_chat
        if chat is not None:
            await context.bot.send_message(chat.id, "Đã nhận")

    application.add_handler(TypeHandler(Update, answer))
    application.run_polling(timeout=1, drop_pending_updates=False)


def chibot_bot(api_url: str, limiter: bool, db_url: str) -> None:
    from bench.storm_seed import settings_for
    from bot.app import build_app, configure_logging
    from bot.channels.telegram_app import TelegramChannel
    from bot.runtime import Runtime

    configure_logging("WARNING")
    if os.environ.get("STORM_WITHOUT_WRITER_LOCK"):  # an experiment: SQLite's busy handler instead
        from contextlib import nullcontext

        import handlers.core

        handlers.core.writer_lock = lambda engine: nullcontext()  # type: ignore[assignment]
    settings = settings_for(
        db_url,
        telegram_bot_token=TOKEN,
        telegram_api_base_url=api_url,
        attachments_dir=Path(tempfile.mkdtemp(prefix="chibot-storm-att-")),
    )
    app = build_app(settings, migrate=False)
    channel = TelegramChannel(settings, rate_limited=limiter, poll_timeout=1)
    asyncio.run(Runtime(app, [channel]).serve())


# =========================================================================== the parent


def _start_profiler(pid: int, output: str) -> subprocess.Popen[bytes]:
    """py-spy attached to the bot (it needs ptrace: root, or ptrace_scope 0), until stopped."""
    spy = Path(sys.executable).with_name("py-spy")
    command = [str(spy) if spy.exists() else "py-spy", "record", "--pid", str(pid), "--format", "raw"]
    command += ["--function", "--nonblocking", "--rate", "100", "-o", output]
    try:
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except FileNotFoundError:
        raise SystemExit("--profile needs py-spy: pip install py-spy") from None
    time.sleep(1)  # attached before the storm starts
    if proc.poll() is not None:
        raise SystemExit("py-spy could not attach to the bot (it needs ptrace: run as root)")
    return proc


_PLUMBING = ("threading.py", "concurrent/futures/", "asyncio/", "bench_storm.py", "telegram/ext/_application.py")


def summarise_profile(path: str, top: int = 25) -> list[tuple[str, float, float]]:
    """(function, % of samples with it on the stack, % of samples in it) from py-spy's raw
    output, most inclusive first: where the bot's time goes, its callers included."""
    inclusive: dict[str, int] = {}
    own: dict[str, int] = {}
    total = 0
    for line in Path(path).read_text(errors="replace").splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = [frame.strip() for frame in stack.split(";")]
        if frames and frames[0].startswith("process "):
            frames = frames[1:]
        if frames and frames[0].startswith("thread "):
            frames = frames[1:]
        total += count
        for frame in set(frames):
            inclusive[frame] = inclusive.get(frame, 0) + count
        if frames:
            own[frames[-1]] = own.get(frames[-1], 0) + count
    if not total:
        return []
    # The frames every stack of a thread or of the event loop starts with say nothing.
    ranked = sorted(
        ((name, n) for name, n in inclusive.items() if not any(part in name for part in _PLUMBING)),
        key=lambda item: -item[1],
    )[:top]
    return [(name, 100 * n / total, 100 * own.get(name, 0) / total) for name, n in ranked]


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _line(proc: subprocess.Popen[str], prefix: str, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    assert proc.stdout is not None
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError(f"the fake Bot API process ended before {prefix!r}")
        if line.startswith(prefix):
            return line[len(prefix) :].strip()
    raise RuntimeError(f"no {prefix!r} from the fake Bot API process within {timeout:.0f} s")


def _stop(proc: subprocess.Popen[Any] | None) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def run_one(
    bot: str, limiter: bool, size: int, url: str | None, step_timeout: float = 300, profile: str | None = None
) -> dict[str, Any]:
    """One storm: ``size`` secretaries against ``bot`` ("bare" or "chibot"). With ``profile``
    (a file name), py-spy samples the bot process during the storm and writes its collapsed
    stacks there (py-spy's raw format; ``summarise_profile`` reads it)."""
    from sqlalchemy import func
    from sqlmodel import Session, select

    from bench.storm_seed import fresh_engine, seed
    from storage.tables import OutboxMessage, Report

    work = Path(tempfile.mkdtemp(prefix="chibot-storm-"))
    db_url = url or f"sqlite:///{work}/storm.db"
    assignment_ids: list[int] = [0] * size
    engine = None
    if bot == "chibot":
        engine = fresh_engine(db_url)
        _directive, assignment_ids = seed(engine, size, channel="telegram", now=datetime.now(UTC))
    users = [{"chat": CHAT_BASE + i, "aid": assignment_ids[i]} for i in range(size)]
    (work / "users.json").write_text(json.dumps(users))
    python = sys.executable
    me = str(Path(__file__).resolve())
    server = bot_proc = spy = None
    log_path = work / "bot.log"
    try:
        server = subprocess.Popen(
            [python, me, "--serve", str(work / "users.json"), "--rate", "30" if limiter else "0", "--mode", bot,
             "--step-timeout", str(step_timeout)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT,
        )  # fmt: skip
        port = _line(server, "PORT ", 60)
        api_url = f"http://127.0.0.1:{port}"
        args = [python, me, "--bot", bot, "--api", api_url, "--limiter", "on" if limiter else "off", "--db", db_url]
        with log_path.open("w") as log:
            bot_proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
        _line(server, "READY", 180)
        if profile:
            spy = _start_profiler(bot_proc.pid, profile)
        cpu_before = _cpu_seconds(bot_proc.pid)
        assert server.stdin is not None
        server.stdin.write("GO\n")
        server.stdin.flush()
        done = json.loads(_line(server, "DONE ", step_timeout * len(STEPS) + 60))
        cpu = _cpu_seconds(bot_proc.pid) - cpu_before
    finally:
        _stop(spy)
        _stop(bot_proc)
        if server is not None and server.stdin is not None and not server.stdin.closed:
            server.stdin.close()  # the fake server stops serving (and exits)
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        _stop(server)
    if "error" in done:
        raise RuntimeError(done["error"])
    log_text = log_path.read_text(errors="replace")
    elapsed = done["elapsed_s"]
    limited = sum(done["counts"].get(m, 0) for m in LIMITED)
    figures: dict[str, Any] = {
        "bot": bot,
        "limiter": limiter,
        "size": size,
        "updates": done["updates"],
        "updates_per_s": round(done["updates"] / elapsed, 1) if elapsed else 0.0,
        **{k: round(v, 3) for k, v in done["latencies"].items()},
        "cpu_percent": round(100 * cpu / (elapsed + 2), 1),
        "cpu_ms_per_update": round(1000 * cpu / max(done["updates"], 1), 1),
        "requests_per_update": round(limited / max(done["updates"], 1), 2),
        "typing": done["counts"].get("sendChatAction", 0),
        "http_429": sum(v for k, v in done["errors"].items() if k.endswith(" 429")),
        "errors": {k: v for k, v in done["errors"].items() if not k.endswith(" 429")},
        "unfinished": done["unfinished"],
        "warnings": {name: log_text.count(text) for name, text in WARNINGS.items()},
        "log_errors": log_text.count(" ERROR "),
        "requests": done["counts"],
        "log": str(log_path),
    }
    if engine is not None:
        with Session(engine) as session:
            figures["reports_stored"] = session.exec(select(func.count()).select_from(Report)).one()
            figures["staff_messages_queued"] = session.exec(
                select(func.count()).select_from(OutboxMessage).where(OutboxMessage.kind == "report")
            ).one()
        figures["staff_messages_sent"] = done["staff_messages"]
        engine.dispose()
    return figures


def run(size: int = 300, *, database_url: str | None = None) -> list[dict[str, Any]]:
    """For `python -m bench`: both bots, without and with the limiter, as figures judged
    against the issue's targets."""
    return figures(measure(size, url=database_url))


def figures(result: dict[str, Any]) -> list[dict[str, Any]]:
    from bench.common import figure

    size = result["size"]
    out: list[dict[str, Any]] = [figure("machine load at the end", round(result["load"], 1))]
    for r in result["runs"]:
        who = f"{r['bot']}, limiter {'on' if r['limiter'] else 'off'}"
        out += [
            figure(f"{who}: updates/s", r["updates_per_s"]),
            figure(f"{who}: p50 / p95 / p99", f"{r['p50']:.2f} / {r['p95']:.2f} / {r['p99']:.2f}", "s"),
            figure(f"{who}: bot CPU", r["cpu_percent"], "% of a core"),
            figure(f"{who}: bot CPU per update", r["cpu_ms_per_update"], "ms"),
            figure(f"{who}: unfinished secretaries", r["unfinished"], equals=0),
            figure(f"{who}: errors (not 429)", sum(r["errors"].values()), equals=0),
        ]
        if r["bot"] != "chibot":
            continue
        p99_ratio = r["p99"] / r["p50"] if r["p50"] else 0.0
        out += [
            figure(f"{who}: p99 / p50", round(p99_ratio, 2), at_most=3),
            figure(f"{who}: rate-limited requests per update", r["requests_per_update"], at_most=1),
            figure(f"{who}: typing indicators", r["typing"]),
            figure(f"{who}: reports stored", r["reports_stored"], equals=size),
            figure(f"{who}: messages queued to staff", r["staff_messages_queued"]),
            figure(f"{who}: 'database is locked'", r["warnings"]["locked"], equals=0),
            figure(f"{who}: 'maximum number of running instances'", r["warnings"]["max_instances"], equals=0),
        ]
    ratios = result["chibot_vs_bare"]
    if "without_limiter" in ratios:
        out.append(figure("chibot / bare updates/s, limiter off", ratios["without_limiter"], at_least=0.5))
    if "with_limiter" in ratios:
        out.append(figure("chibot / bare updates/s, limiter on", ratios["with_limiter"], at_least=0.9))
    return out


def measure(
    size: int = 300,
    *,
    url: str | None = None,
    bots: tuple[str, ...] = ("bare", "chibot"),
    limiters: tuple[bool, ...] = (False, True),
    step_timeout: float = 300,
    profile: str | None = None,
) -> dict[str, Any]:
    """Every (limiter, bot) pair, bare first; and chibot's share of the bare bot's updates/s.
    With ``profile``, chibot's runs are sampled by py-spy into ``{profile}.limiter-off`` etc."""
    _check_size(size)
    runs = []
    for limiter in limiters:
        for bot in bots:
            where = f"{profile}.limiter-{'on' if limiter else 'off'}" if profile and bot == "chibot" else None
            runs.append(run_one(bot, limiter, size, url, step_timeout, where))
            if where:
                runs[-1]["profile"] = where
    ratios = {}
    for limiter in limiters:
        pair = {r["bot"]: r for r in runs if r["limiter"] == limiter}
        if "bare" in pair and "chibot" in pair and pair["bare"]["updates_per_s"]:
            name = "with_limiter" if limiter else "without_limiter"
            ratios[name] = round(pair["chibot"]["updates_per_s"] / pair["bare"]["updates_per_s"], 2)
    return {"size": size, "cores": os.cpu_count(), "load": os.getloadavg()[0], "runs": runs, "chibot_vs_bare": ratios}


def _check_size(size: int) -> None:
    if size < 1:
        raise SystemExit(f"the storm needs at least 1 secretary (size {size})")
    if size > MAX_SIZE:
        raise SystemExit(
            f"size {size} is more secretaries than this benchmark runs on one machine (at most {MAX_SIZE:,})"
        )


def _print(result: dict[str, Any]) -> None:
    print(f"report storm: {result['size']} secretaries x {len(STEPS)} updates, {result['cores']} cores, "
          f"load {result['load']:.1f}")  # fmt: skip
    head = f"{'bot':<7}{'limiter':<8}{'upd/s':>7}{'p50':>7}{'p95':>7}{'p99':>7}{'CPU%':>6}{'ms/upd':>7}"
    print(head + f"{'req/upd':>8}{'429':>5}{'typing':>7}{'unfin':>6}  reports  staff  warnings")
    for r in result["runs"]:
        staff = f"{r.get('staff_messages_queued', '-')}" if r["bot"] == "chibot" else "-"
        stored = r.get("reports_stored", "-")
        print(
            f"{r['bot']:<7}{'on' if r['limiter'] else 'off':<8}{r['updates_per_s']:>7.1f}{r['p50']:>7.2f}"
            f"{r['p95']:>7.2f}{r['p99']:>7.2f}{r['cpu_percent']:>6.0f}{r['cpu_ms_per_update']:>7.1f}"
            f"{r['requests_per_update']:>8.2f}{r['http_429']:>5}{r['typing']:>7}{r['unfinished']:>6}"
            f"  {stored!s:>7}  {staff:>5}  {r['warnings']} {r['errors'] or ''}"
        )
    for name, ratio in result["chibot_vs_bare"].items():
        print(f"chibot / bare updates/s {name.replace('_', ' ')}: {ratio:.2f}")
    for r in result["runs"]:
        if r.get("profile") and Path(r["profile"]).exists():
            print(f"\nprofile of chibot, limiter {'on' if r['limiter'] else 'off'} ({r['profile']}): "
                  "% of samples on the stack / in the function")  # fmt: skip
            for name, inclusive, own in summarise_profile(r["profile"]):
                print(f"{inclusive:6.1f} {own:6.1f}  {name}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=300, help="secretaries (default 300)")
    parser.add_argument("--url", default=None, help="database for chibot (emptied); default: fresh SQLite")
    parser.add_argument("--bots", default="bare,chibot")
    parser.add_argument("--limiter", default="off,on")
    parser.add_argument("--step-timeout", type=float, default=300)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--profile", default=None, help="py-spy chibot's runs into FILE.limiter-off/-on (raw)")
    # internal: the two child processes
    parser.add_argument("--serve", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--rate", type=float, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--mode", default="chibot", help=argparse.SUPPRESS)
    parser.add_argument("--bot", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--api", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--db", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        with _quiet_interrupt():
            serve(args.serve, args.rate, args.mode, args.step_timeout)
        return
    if args.bot:
        with _quiet_interrupt():
            if args.bot == "bare":
                bare_bot(args.api, args.limiter == "on")
            else:
                chibot_bot(args.api, args.limiter == "on", args.db)
        return
    bots = tuple(b for b in args.bots.split(",") if b)
    if not bots or set(bots) - {"bare", "chibot"}:
        raise SystemExit(f"--bots takes bare and/or chibot, not {args.bots!r}")
    try:
        limiters = tuple({"on": True, "off": False}[v] for v in args.limiter.split(",") if v)
    except KeyError:
        raise SystemExit(f"--limiter takes off and/or on, not {args.limiter!r}") from None
    _check_size(args.size)
    try:
        result = measure(
            args.size, url=args.url, bots=bots, limiters=limiters, step_timeout=args.step_timeout, profile=args.profile
        )
    except KeyboardInterrupt:
        raise SystemExit("interrupted; the bot and the fake server were stopped") from None
    print(json.dumps(result, indent=2)) if args.json else _print(result)


class _quiet_interrupt:
    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type: object, exc: object, tb: object) -> bool:
        return exc_type is KeyboardInterrupt


if __name__ == "__main__":
    main()

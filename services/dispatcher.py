"""The outbox dispatcher: claim due messages, send them through their channel, record the outcome.

Database work runs in worker threads (the core is synchronous); sending is async. Several
dispatchers may run against one PostgreSQL database: claims use row locks, so every message
goes out once.

Each message goes through three commits: the claim (a batch of rows, "sending"), the attempt
(``attempted_at``, just before its HTTP call) and the outcome (sent, retry, failed), right
after the call. A process killed at any moment therefore leaves each row in one of three
states: pending (nothing happened), claimed but not attempted (no chat saw it: the next
process sends it at once when the claimer is known dead, or after a 30 s lease), or in flight
(attempted, no outcome: the only one a chat may receive twice). A process claims only rows for
the channels it runs, and for a sender that serves only some chats of its channel (a console
shell serves the people it plays), only theirs: the others wait for their own process.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import secrets
import socket
from collections import Counter
from collections.abc import Awaitable, Callable, Collection
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, TypeVar

from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from ground.clock import Clock
from ground.messages import Choice, Reply
from ground.ports import ChannelSender, SendResult, capabilities_of
from ground.reply_limits import fit_reply
from services import chat_menus, secret_payloads
from services.outbox import payload_to_reply
from storage.db import session_scope
from storage.queries import accounts as account_queries
from storage.queries import outbox as outbox_queries

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5

T = TypeVar("T")


@dataclass(frozen=True)
class Delivered:
    """What happened to one outbox message, for listeners (broadcast progress, escalation)."""

    message_id: int
    kind: str
    account_id: int
    broadcast_id: int | None
    assignment_id: int | None
    status: str  # SendResult.status after retries were decided: sent | blocked | retry | failed
    reason: str | None
    #: Rows of the same broadcast this dispatcher still holds (claimed in this run, outcome not
    #: recorded yet). While there are some this cannot be the broadcast's last delivery: its
    #: listener need not ask the database. 0 when unknown (the listener asks).
    held_of_broadcast: int = 0


Listener = Callable[[Delivered], Awaitable[None]]


@dataclass
class DispatchStats:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    blocked: int = 0
    reasons: list[str] = field(default_factory=list)

    def add(self, other: DispatchStats) -> None:
        self.sent += other.sent
        self.retried += other.retried
        self.failed += other.failed
        self.blocked += other.blocked
        self.reasons.extend(other.reasons)


_INCARNATION = secrets.token_hex(4)


def default_worker_id() -> str:
    """host:pid:token. The token tells this process from an earlier one that had the same pid
    (a container's pid 1 after a restart), so its claims can be known dead."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{_INCARNATION}"


def worker_is_gone(worker: str) -> bool:
    """True only when ``worker`` (a default_worker_id) is certainly not running: it was on this
    host and its pid is no longer alive, or is this process's with another token. Any other
    worker (another host, a custom id) counts as alive; its claims wait for their lease."""
    parts = worker.rsplit(":", 2)
    if len(parts) != 3 or parts[0] != socket.gethostname()[:40] or not parts[1].isdigit():
        return False
    pid, token = int(parts[1]), parts[2]
    if pid == os.getpid():
        return token != _INCARNATION
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OSError):
        return False
    return False


@dataclass(frozen=True)
class Claim:
    """One outbox row claimed for sending."""

    message_id: int
    channel: str
    chat_id: str
    payload: dict
    attempts: int
    kind: str
    account_id: int
    broadcast_id: int | None
    assignment_id: int | None
    language: str = "vi"


@dataclass(frozen=True)
class Outgoing:
    """One message to send, answering one or more claimed rows (merged reminders)."""

    claims: list[Claim]
    reply: Reply


#: Turns a batch of claims into messages; each claim must end up in exactly one Outgoing.
Composer = Callable[[list[Claim]], list[Outgoing]]


def one_each(claims: list[Claim]) -> list[Outgoing]:
    return [Outgoing([claim], payload_to_reply(claim.payload)) for claim in claims]


class _Delivery:
    """The chats being sent to in one run: up to ``concurrency`` at once, each chat's messages
    in order (a chat's next batch waits for its previous one)."""

    def __init__(self, dispatcher: Dispatcher, total: DispatchStats) -> None:
        self.dispatcher = dispatcher
        self.total = total
        self.gate = asyncio.Semaphore(max(1, dispatcher.concurrency))
        self.tails: dict[tuple[str, str], asyncio.Task[None]] = {}
        self.running: set[asyncio.Task[None]] = set()
        self.left = 0  # messages added and not yet sent
        self.changed = asyncio.Event()
        #: A chat whose sending raised (a bug, or the run was cancelled): the run stops claiming.
        self.errors: list[BaseException] = []

    def add(self, outgoing: list[Outgoing]) -> None:
        by_chat: dict[tuple[str, str], list[Outgoing]] = {}
        for message in outgoing:
            by_chat.setdefault((message.claims[0].channel, message.claims[0].chat_id), []).append(message)
        self.left += len(outgoing)
        for key, messages in by_chat.items():
            task = asyncio.create_task(self._one_chat(self.tails.get(key), messages))
            self.tails[key] = task
            self.running.add(task)
            task.add_done_callback(self._done)

    def _done(self, task: asyncio.Task[None]) -> None:
        self.running.discard(task)
        if not task.cancelled() and task.exception() is not None:
            self.errors.append(task.exception())  # type: ignore[arg-type]
        self.changed.set()

    async def _one_chat(self, before: asyncio.Task[None] | None, messages: list[Outgoing]) -> None:
        if before is not None:
            await asyncio.wait([before])
        async with self.gate:
            for message in messages:
                self.total.add(await self.dispatcher._send(message))
                self.left -= 1
                self.changed.set()

    async def until_low(self, low: int) -> None:
        """Return once no more than ``low`` messages are left to send (``low`` 0: every chat is
        done), or a chat failed."""
        while (self.left > low or (low == 0 and self.running)) and self.running and not self.errors:
            self.changed.clear()
            await self.changed.wait()

    async def cancel(self) -> None:
        for task in list(self.running):
            task.cancel()
        await asyncio.gather(*self.running, return_exceptions=True)

    async def finish(self) -> None:
        await asyncio.gather(*self.running, return_exceptions=True)
        if self.errors:
            raise self.errors[0]


class Dispatcher:
    def __init__(
        self,
        *,
        engine: Engine,
        clock: Clock,
        senders: dict[str, ChannelSender],
        worker_id: str | None = None,
        batch: int = 50,
        concurrency: int = 8,
    ) -> None:
        self.engine = engine
        self.clock = clock
        self.senders = senders
        self.worker_id = worker_id or default_worker_id()
        self.batch = batch
        #: How many chats are sent to at once. A round trip to Telegram takes 50-100 ms: one
        #: message at a time stays far below the token's 30 a second (the send budget, not this,
        #: keeps the rate). One chat's messages still go in order.
        self.concurrency = concurrency
        self._lock = asyncio.Lock()
        self._listening = asyncio.Lock()
        self._executor: ThreadPoolExecutor | None = None
        #: Called after each message's outcome is recorded (in the dispatcher's event loop).
        self.listeners: list[Listener] = []
        #: Synchronous checks run (in a worker thread) before claiming, e.g. dropping due
        #: reminders that no longer make sense (services/reminders/sweep.py).
        self.before_claim: list[Callable[[], object]] = []
        #: How claimed rows become messages; reminders plug in a composer that merges the ones
        #: due for one cell at one moment and words them for the moment they go.
        self.composer: Composer = one_each
        #: Broadcast rows claimed in the current run and not recorded yet, per broadcast.
        self._held: Counter[int] = Counter()

    async def _in_thread(self, func: Callable[..., T], *args: Any) -> T:
        """Run database work in this dispatcher's own threads: one per chat sent to at once and
        two more (the claim, a listener). asyncio's default pool has only cores + 4 threads (6
        here), fewer than the chats: on PostgreSQL, where every commit waits for a round trip,
        the chats queued for a thread and a broadcast fell to half the token's rate."""
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=self.concurrency + 2, thread_name_prefix="chibot-outbox")
        return await asyncio.get_running_loop().run_in_executor(self._executor, functools.partial(func, *args))

    @property
    def busy(self) -> bool:
        """True while a run is sending (a wake-up then adds nothing: the run claims new rows too)."""
        return self._lock.locked()

    async def run_once(self) -> DispatchStats:
        """Send everything due now, batch after batch, until nothing due is left.

        The next batch is claimed while the last messages of the current one are still being
        sent (when no more than twice ``concurrency`` are left), so the chats never wait for a
        claim: at Telegram's 30 a second a pause of a few hundred milliseconds per batch would
        cost the broadcast several percent of its rate. One chat's messages still go in order,
        also across batches."""
        total = DispatchStats()
        async with self._lock:
            for hook in self.before_claim:
                try:
                    await asyncio.to_thread(hook)
                except Exception:  # a failed check must not stop delivery
                    log.exception("dispatcher before-claim hook failed")
            # Made here, in the running loop: the console runs each dispatch in an asyncio.run of
            # its own, and a lock that once waited is bound to the loop it waited in.
            self._listening = asyncio.Lock()
            # Counted afresh each run: rows a stopped run left claimed are not held any more.
            self._held = Counter()
            delivery = _Delivery(self, total)
            try:
                while True:
                    try:
                        claimed = await self._in_thread(self._claim, list(self.senders))
                    except OperationalError as exc:
                        # The database is briefly unreachable: nothing is lost, the rows stay
                        # pending and the next wake-up tries again.
                        log.warning("dispatcher could not reach the database: %s", exc.orig or exc)
                        break
                    if not claimed:
                        if not delivery.running or delivery.errors:
                            break
                        # What is being sent may queue more (a broadcast's progress and report):
                        # once it is out, look again.
                        await delivery.until_low(0)
                        continue
                    self._held.update(c.broadcast_id for c in claimed if c.broadcast_id is not None)
                    try:
                        outgoing = self.composer(claimed)
                    except Exception:  # a composing bug must not stop delivery: send as planned
                        log.exception("composing %d outbox messages failed; sending them as planned", len(claimed))
                        outgoing = one_each(claimed)
                    delivery.add(outgoing)
                    await delivery.until_low(2 * max(1, self.concurrency))
                    if delivery.errors:  # a chat's sending raised: no more claims, report it
                        break
            except BaseException:
                await delivery.cancel()  # stopped (shutdown): as before, the chats stop with us
                raise
            # Every chat finished first: nothing is left sending behind us.
            await delivery.finish()
        return total

    def _scope(self, channels: list[str] | None = None) -> tuple[list[str], dict[str, list[str]]]:
        """The channels whose every chat this process serves, and those it serves for some chats
        only (a sender with ``serves_chats()``, such as a console shell: the people it plays)."""
        channels = list(self.senders) if channels is None else channels
        whole: list[str] = []
        some: dict[str, list[str]] = {}
        for channel in channels:
            serves = getattr(self.senders.get(channel), "serves_chats", None)
            if serves is None:
                whole.append(channel)
            else:
                some[channel] = list(serves())
        return whole, some

    def _claim(self, channels: list[str] | None = None) -> list[Claim]:
        whole, some = self._scope(channels)
        with session_scope(self.engine) as session:
            dead = [w for w in outbox_queries.claimers(session=session) if w != self.worker_id and worker_is_gone(w)]
            # Only chats on the channels this process runs; the others wait for their process.
            rows = outbox_queries.claim_due(
                session=session,
                now=self.clock.now(),
                worker=self.worker_id,
                limit=self.batch,
                channels=whole,
                chats=some,
                dead_workers=dead,
            )
            secret_payloads.redact_claimed(session=session, rows=rows)
            return [
                Claim(
                    m.id,
                    a.channel,
                    a.chat_id,
                    dict(m.payload),
                    m.attempts,
                    m.kind,
                    a.id,
                    m.broadcast_id,
                    m.assignment_id,
                    a.language,
                )
                for m, a in rows
            ]

    def _attempt(self, claims: Collection[Claim]) -> bool:
        """Commit the attempt before the HTTP call; False when the rows are no longer ours."""
        with session_scope(self.engine) as session:
            return outbox_queries.record_attempt(
                session=session, message_ids=[c.message_id for c in claims], worker=self.worker_id, now=self.clock.now()
            )

    def _release(self, claims: Collection[Claim], reason: str, delay: float = 0) -> None:
        """Give back claimed rows that were not attempted (no attempt counted)."""
        with session_scope(self.engine) as session:
            outbox_queries.release(
                session=session,
                message_ids=[c.message_id for c in claims],
                worker=self.worker_id,
                due_at=self.clock.now() + timedelta(seconds=delay),
                reason=reason,
            )

    async def _send_one(self, claim: Claim) -> DispatchStats:
        """Send one claimed row as queued (tests drive a half-finished batch with this)."""
        return await self._send(Outgoing([claim], payload_to_reply(claim.payload)))

    async def _send(self, message: Outgoing) -> DispatchStats:
        first = message.claims[0]
        channel, chat_id = first.channel, first.chat_id
        stats = DispatchStats()
        sender = self.senders.get(channel)
        if sender is None:
            # The channel stopped after the claim (the runtime is shutting down): the rows wait
            # for it, no attempt counted.
            await self._in_thread(self._release, message.claims, f"channel {channel} is not running", 60)
            for claim in message.claims:
                self._let_go(claim)
            stats.retried += len(message.claims)
            return stats
        if not await self._in_thread(self._attempt, message.claims):
            # Another process took these rows over (our claim outlived its lease): it sends them.
            log.info("outbox message(s) %s taken over by another process", [c.message_id for c in message.claims])
            await self._in_thread(self._release, message.claims, "taken over")
            for claim in message.claims:
                self._let_go(claim)
            return stats
        try:
            result = await sender.send(chat_id, fit_reply(message.reply, capabilities_of(channel)))
        except Exception as exc:  # a sender must not take the dispatcher down
            log.exception("sending outbox message %s failed", [c.message_id for c in message.claims])
            result = SendResult("retry", retry_after=None, reason=repr(exc))
        for claim in message.claims:
            # The chat saw one message: its choices become the menu once, with the last row.
            shown = message.reply.flat_choices() if claim is message.claims[-1] else []
            rerouted = await self._in_thread(self._record, claim, result, message.reply.text, shown)
            held = self._let_go(claim)
            # Blocked here, but the person has another channel: the message waits for it.
            final = "retry" if rerouted else self._final(result, claim.attempts)
            if final == "sent":
                stats.sent += 1
            elif final == "blocked":
                stats.blocked += 1
            elif final == "retry":
                stats.retried += 1
            else:
                stats.failed += 1
            if result.reason:
                stats.reasons.append(result.reason)
            event = Delivered(
                claim.message_id,
                claim.kind,
                claim.account_id,
                claim.broadcast_id,
                claim.assignment_id,
                final,
                result.reason,
                held,
            )
            async with self._listening:  # listeners see one outcome at a time, as before
                for listener in self.listeners:
                    try:
                        await listener(event)
                    except Exception:  # a listener must not stop delivery
                        log.exception("dispatcher listener failed for message %s", claim.message_id)
        return stats

    def _let_go(self, claim: Claim) -> int:
        """``claim``'s outcome is recorded (or it was given back): how many rows of its broadcast
        this dispatcher still holds. Counted in the event loop, after the commit, so the row
        that brings it to 0 is recorded after every other row this run held."""
        if claim.broadcast_id is None:
            return 0
        if self._held[claim.broadcast_id] > 0:
            self._held[claim.broadcast_id] -= 1
        return self._held[claim.broadcast_id]

    @staticmethod
    def _final(result: SendResult, attempts: int) -> str:
        if result.status in ("sent", "blocked"):
            return result.status
        if result.status == "retry" and attempts + 1 < MAX_ATTEMPTS:
            return "retry"
        return "failed"

    def _record(
        self, claim: Claim, result: SendResult, sent_text: str | None = None, shown: list[Choice] | None = None
    ) -> bool:
        """Store the outcome; True when a blocked message was handed to another channel."""
        message_id, channel, chat_id, attempts = claim.message_id, claim.channel, claim.chat_id, claim.attempts
        account_id = claim.account_id
        now = self.clock.now()
        with session_scope(self.engine) as session:
            if result.status == "sent":
                outbox_queries.mark_sent(
                    session=session,
                    message_id=message_id,
                    worker=self.worker_id,
                    now=now,
                    channel_message_id=result.message_id,
                    sent_text=sent_text,
                )
                if shown and account_id is not None:
                    # Same transaction as "sent": a chat without buttons answers "2" against the
                    # menu it was shown, even when another process reads the answer.
                    chat_menus.remember_delivered(session=session, account_id=account_id, choices=shown, now=now)
            elif result.status == "blocked":
                account_queries.mark_unreachable(
                    session=session, channel=channel, chat_id=chat_id, reason=result.reason or "blocked"
                )
                other = account_queries.other_reachable_account(session=session, account_id=claim.account_id)
                if other is not None and attempts + 1 < MAX_ATTEMPTS:
                    log.info(
                        "outbox message %s: %s chat unreachable, sent on %s instead", message_id, channel, other.channel
                    )
                    return outbox_queries.reroute(
                        session=session,
                        message_id=message_id,
                        worker=self.worker_id,
                        account_id=other.id,
                        now=now,
                        reason=f"blocked on {channel}: {result.reason}",
                    )
                outbox_queries.mark_failed(
                    session=session, message_id=message_id, worker=self.worker_id, reason=f"blocked: {result.reason}"
                )
            elif result.status == "retry" and attempts + 1 < MAX_ATTEMPTS:
                delay = result.retry_after if result.retry_after is not None else 2 ** (attempts + 1)
                outbox_queries.mark_retry(
                    session=session,
                    message_id=message_id,
                    worker=self.worker_id,
                    due_at=now + timedelta(seconds=delay),
                    reason=result.reason or "retry",
                )
            else:
                outbox_queries.mark_failed(
                    session=session, message_id=message_id, worker=self.worker_id, reason=result.reason or "failed"
                )
        return False

    def next_due(self, channels: list[str] | None = None):  # noqa: ANN201
        """When the next message to one of ``channels`` (default: those with a sender) is due."""
        whole, some = self._scope(channels)
        with session_scope(self.engine) as session:
            return outbox_queries.next_due_at(session=session, channels=whole, chats=some)

"""A dispatcher listener that keeps staff informed while a broadcast goes out: one progress
message, edited as delivery goes ("Đã gửi 1.200/3.000"), then a delivery report.

Edits are throttled (every INTERVAL seconds or STEP of the total, whichever comes first): an
edit is a request on the token's 30 a second like any message, so a progress edit per message
would spend the very rate the broadcast needs. Every 5 s (10,000 recipients at 30 a second: 70
edits in 340 s, 0.7% of the token) the figure still moves while staff watch it; every 2 s it
took 1.7%, a third of what kept a broadcast under 0.95 of the token's rate. Progress is
counted from the outbox rows at every delivery, so a restarted process, or one of several
dispatchers that sees only its own share of the deliveries, shows the right figures and knows
when the last message left. Of the processes that see it, the one that marks the broadcast done
shows the final figure and queues the report (under a per-broadcast key, so it goes out once).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.engine import Engine
from sqlmodel import Session

from ground.clock import Clock
from ground.messages import Reply
from ground.ports import ChannelSender
from services import broadcast as broadcast_service
from services import outbox
from services.dispatcher import Delivered
from services.i18n import Translator
from storage.db import session_scope
from storage.queries import broadcasts as queries
from storage.tables import Broadcast

log = logging.getLogger(__name__)

INTERVAL = 5.0
STEP = 0.10


@dataclass
class _Progress:
    total: int
    done: int
    shown: int = 0
    shown_at: float = 0.0
    #: The staff member's channel can replace the progress message in place (Telegram).
    can_edit: bool = True
    #: Without edits, progress goes as a few new messages: start, halfway, done.
    milestones_shown: int = 0


def milestone(done: int, total: int) -> int:
    """0 before the first message is out, 1 once started, 2 from halfway, 3 when done."""
    if total <= 0 or done >= total:
        return 3
    if 2 * done >= total:
        return 2
    return 1 if done >= 1 else 0


class BroadcastProgress:
    def __init__(
        self,
        *,
        engine: Engine,
        clock: Clock,
        senders: dict[str, ChannelSender],
        interval: float = INTERVAL,
        step: float = STEP,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.engine = engine
        self.clock = clock
        self.senders = senders
        self.interval = interval
        self.step = step
        self.monotonic = monotonic
        self._progress: dict[int, _Progress] = {}
        #: Broadcasts whose last figure was shown: outcomes recorded meanwhile (the dispatcher
        #: sends to several chats at once) must not show "done" again.
        self._finished: set[int] = set()

    async def __call__(self, event: Delivered) -> None:
        if event.broadcast_id is None or event.status == "retry" or event.broadcast_id in self._finished:
            return
        progress = self._progress.get(event.broadcast_id)
        if progress is None:
            # From the rows, not counted here: other processes' dispatchers deliver the same broadcast.
            counts = await asyncio.to_thread(self._counts, event.broadcast_id)
            progress = self._progress[event.broadcast_id] = _Progress(
                sum(counts.values()), 0, can_edit=await asyncio.to_thread(self._can_edit, event.broadcast_id)
            )
            progress.done = _final(counts)
        else:
            # Counting every row of a broadcast of 10,000 at each delivery made the broadcast
            # O(N²). This process's own deliveries are a lower bound of the rows' count; the
            # rows are counted only when that bound says a figure is due, or when none is left
            # to go (one index seek), which whoever delivers the last message sees. While the
            # dispatcher still holds rows of the broadcast this is not the last one: no seek
            # (listeners run one at a time, so a seek per delivery held up every chat).
            progress.done = min(progress.total, progress.done + 1)
            if not self._due(progress, progress.done, self.monotonic()) and (
                event.held_of_broadcast > 0 or await asyncio.to_thread(self._unfinished, event.broadcast_id)
            ):
                return
            progress.done = _final(await asyncio.to_thread(self._counts, event.broadcast_id))
        now = self.monotonic()
        if not self._due(progress, progress.done, now):
            return
        progress.shown, progress.shown_at = progress.done, now
        progress.milestones_shown = milestone(progress.done, progress.total)
        if progress.done < progress.total:
            await self._show(event.broadcast_id, progress.done, progress.total)
            return
        self._progress.pop(event.broadcast_id, None)
        self._finished.add(event.broadcast_id)
        # Several processes may see the last message leave: the one that marks it done (and
        # queues the report in the same transaction) shows the final figure.
        if await asyncio.to_thread(self._finish, event.broadcast_id):
            await self._show(event.broadcast_id, progress.done, progress.total)

    def _due(self, progress: _Progress, done: int, now: float) -> bool:
        """Whether ``done`` delivered is worth showing now."""
        if progress.can_edit:
            return (
                done >= progress.total
                or now - progress.shown_at >= self.interval
                or done - progress.shown >= max(1, int(progress.total * self.step))
            )
        return milestone(done, progress.total) > progress.milestones_shown

    def _unfinished(self, broadcast_id: int) -> bool:
        with session_scope(self.engine) as session:
            return queries.has_unfinished(session=session, broadcast_id=broadcast_id)

    def _can_edit(self, broadcast_id: int) -> bool:
        with session_scope(self.engine) as session:
            row = queries.get_broadcast(session=session, broadcast_id=broadcast_id)
            account = (
                queries.account(session=session, account_id=row.progress_account_id)
                if row is not None and row.progress_account_id
                else None
            )
        if account is None:
            return True
        # The sender decides, not the channel's name: a channel without edits (Zalo) has none.
        return getattr(self.senders.get(account.channel), "edit", None) is not None

    def _counts(self, broadcast_id: int) -> dict[str, int]:
        with session_scope(self.engine) as session:
            return queries.status_counts(session=session, broadcast_id=broadcast_id)

    async def _show(self, broadcast_id: int, done: int, total: int) -> None:
        """Send the progress message the first time, edit it afterwards; best effort."""
        with session_scope(self.engine) as session:
            row = queries.get_broadcast(session=session, broadcast_id=broadcast_id)
            if row is None:
                return
            account = (
                queries.account(session=session, account_id=row.progress_account_id)
                if row.progress_account_id
                else None
            )
            message_id = row.progress_message_id
        if account is None or account.channel not in self.senders:
            return
        sender = self.senders[account.channel]
        reply = Reply(text=Translator(account.language)("broadcast.progress", done=done, total=total))
        edit = getattr(sender, "edit", None)
        try:
            if message_id is not None and edit is not None:
                await edit(account.chat_id, message_id, reply)
                return
            result = await sender.send(account.chat_id, reply)
        except Exception:  # progress is a courtesy: never let it stop delivery
            log.exception("could not show the progress of broadcast %s", broadcast_id)
            return
        if result.status == "sent" and result.message_id is not None:
            with session_scope(self.engine) as session:
                queries.set_progress_message(session=session, broadcast_id=broadcast_id, message_id=result.message_id)

    def _finish(self, broadcast_id: int) -> bool:
        """Mark the broadcast done and queue its report; False when another caller did."""
        now = self.clock.now()
        with session_scope(self.engine) as session:
            if not queries.finish(session=session, broadcast_id=broadcast_id, now=now):
                return False
            row = queries.get_broadcast(session=session, broadcast_id=broadcast_id)
            if row is None or row.progress_account_id is None:
                return True
            account = queries.account(session=session, account_id=row.progress_account_id)
            if account is None:
                return True
            counts = queries.status_counts(session=session, broadcast_id=broadcast_id)
            text = report_text(
                Translator(account.language),
                row,
                counts,
                queries.failures(session=session, broadcast_id=broadcast_id),
                by_channel=queries.sent_by_channel(session=session, broadcast_id=broadcast_id),
            )
            outbox.enqueue(
                session=session,
                account_id=account.id,
                kind="notice",
                reply=Reply(text=text),
                due_at=now,
                dedupe_key=f"bc-report:{broadcast_id}",
            )
        return True


def _final(counts: dict[str, int]) -> int:
    return sum(n for status, n in counts.items() if status in queries.FINAL)


@dataclass(frozen=True)
class Delivery:
    """Where a broadcast stands, counted from its outbox rows as the listener counts them (so a
    page that polls it agrees with chat's progress message and its delivery report)."""

    done: int
    total: int
    sent: int
    failed: int
    #: Units left out because nobody there can be reached (named in the report).
    unreachable: int
    finished: bool
    #: The delivery report chat sends staff, in the reader's language; "" until finished.
    report: str


def delivery(*, session: Session, row: Broadcast, t: Translator) -> Delivery:
    counts = queries.status_counts(session=session, broadcast_id=row.id)
    done, total = _final(counts), row.total
    finished = row.status == "done" or done >= total
    report = ""
    if finished:
        report = report_text(
            t,
            row,
            counts,
            queries.failures(session=session, broadcast_id=row.id),
            by_channel=queries.sent_by_channel(session=session, broadcast_id=row.id),
        )
    return Delivery(
        done=done,
        total=total,
        sent=counts.get("sent", 0),
        failed=counts.get("failed", 0),
        unreachable=len(row.unreachable_units),
        finished=finished,
        report=report,
    )


#: Channels named in a delivery report (the console is a test bench, not worth a line).
CHANNEL_NAMES = {"telegram": "Telegram", "zalo": "Zalo"}


def report_text(
    t: Translator,
    row,
    counts: dict[str, int],
    failures: list[tuple[str, str]],  # noqa: ANN001
    by_channel: dict[str, int] | None = None,
) -> str:
    blocked = [name for name, error in failures if error.startswith("blocked")]
    failed = [f"{name} ({error[:80]})" for name, error in failures if not error.startswith("blocked")]
    unreachable = [f"{code} — {name}" for _id, code, name in row.unreachable_units]
    reasons = ""
    if blocked:
        reasons += t("broadcast.reason_blocked", names=", ".join(blocked))
    if failed:
        reasons += t("broadcast.reason_failed", names="; ".join(failed))
    if unreachable:
        reasons += t("broadcast.reason_no_secretary", names=", ".join(unreachable))
    text = t(
        "broadcast.report",
        audience=broadcast_service.describe(t, row.audience),
        sent=counts.get("sent", 0),
        failed=counts.get("failed", 0) + len(unreachable),
        reasons=reasons,
    )
    carried = [(CHANNEL_NAMES[c], n) for c, n in sorted((by_channel or {}).items()) if c in CHANNEL_NAMES and n]
    if carried:
        text += t(
            "broadcast.by_channel",
            channels=", ".join(t("broadcast.channel_count", channel=name, count=n) for name, n in carried),
        )
    return text

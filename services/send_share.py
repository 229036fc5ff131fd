"""One bot token's send rate, shared by every process that sends with it.

Telegram counts a bot's messages per token, not per process: two ``chibot run`` with one token
(webhook mode behind one URL, or a poller and dispatchers) would each send 30 a second. So
every process that runs a channel registers in the database under a key for its token
(``budget_key``: the channel and a hash of the token, never the token) and says it is alive
every ``interval``; each takes ``total / N`` of the rate, N being the processes seen within
``ttl``. That is the whole protocol:

* the shares never add up to more than the token's rate, also while processes come and go.
  Lowering a share does not take back what was sent in the last second, so a process that
  joins while others are there sends nothing for two intervals and a window (by then each of
  them has counted it and lowered its share, and what they sent at the old rate has left the
  server's window); and a process raises its share only a window after it saw fewer members;
* a process that stops leaves at once (the others take its share a window after their next
  beat); one that dies is forgotten after ``ttl`` (its share is unused meanwhile);
* the database unreachable: the last share is kept (it was right a moment ago).

Equal shares suit the outbox: every process's dispatcher claims from the one outbox, so a
broadcast still goes at the token's full rate in total. Interactive replies are answered by
the process that received the update, within that process's share (first, as always).
Timestamps are this machine's clock; processes on several machines need synchronised clocks
(NTP), well within ``ttl``.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import time
from collections.abc import Callable
from datetime import timedelta

from sqlalchemy.engine import Engine

from storage.db import session_scope
from storage.queries import send_share as queries
from storage.types import utcnow

log = logging.getLogger(__name__)

INTERVAL = 0.5
TTL = 3.0
#: The server's counting window (Telegram counts a second), with a little to spare.
WINDOW = 1.1


def budget_key(channel: str, token: str) -> str:
    """The key under which the processes sending with ``token`` meet (the token is not kept)."""
    return f"{channel}:{hashlib.sha256(token.encode()).hexdigest()[:40]}"


class SendShare:
    """This process's share of a token's rate: ``set_rate(total / N)`` whenever N changes."""

    def __init__(
        self,
        *,
        engine: Engine,
        budget_key: str,
        worker: str,
        total: float,
        set_rate: Callable[[float], None],
        hold: Callable[[float], None],
        interval: float = INTERVAL,
        ttl: float = TTL,
        window: float = WINDOW,
    ) -> None:
        if ttl <= 2 * interval:
            raise ValueError(f"ttl ({ttl} s) must be well above two intervals ({interval} s)")
        self.engine = engine
        self.key = budget_key
        self.worker = worker
        self.total = total
        self._set_rate = set_rate
        self._hold = hold
        self.interval = interval
        self.ttl = timedelta(seconds=ttl)
        self.window = window
        #: Fewer members seen: (their number, when this process may take the larger share).
        self._raise: tuple[int, float] | None = None
        #: Processes sharing the token at the last beat (this one included).
        self.members = 1
        self._task: asyncio.Task[None] | None = None

    def beat(self) -> tuple[int, bool]:
        """Say this process is alive, then count the live ones: (members, joined just now).
        Two transactions: a process that joins at the same moment as another sees it, or is
        seen by it, whichever commits its row last."""
        now = utcnow()
        with session_scope(self.engine) as session:
            joined = queries.seen(session=session, budget_key=self.key, worker=self.worker, now=now)
        with session_scope(self.engine) as session:
            members = queries.live(session=session, budget_key=self.key, now=now, ttl=self.ttl)
        return max(1, members), joined

    def _apply(self, members: int) -> None:
        if members != self.members:
            log.info(
                "%d processes send with this token (%s): this one takes %.1f/s",
                members,
                self.key.split(":")[0],
                self.total / members,
            )
        self.members = members
        self._set_rate(self.total / members)

    async def start(self) -> None:
        """Join (waiting out the others' next beat if there are any) and keep beating."""
        try:
            members, joined = await asyncio.to_thread(self.beat)
        except Exception as exc:  # no database now: alone until the next beat says otherwise
            log.warning("could not register this process's send share: %s", exc)
            members, joined = 1, False
        self._apply(members)
        if joined and members > 1:
            self._hold(2 * self.interval + self.window)
        self._task = asyncio.get_running_loop().create_task(self._beating(), name=f"chibot-send-share-{self.key}")

    async def _beating(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            try:
                members, _joined = await asyncio.to_thread(self.beat)
            except Exception as exc:  # keep the last share: it was right a moment ago
                log.warning("send share beat failed (keeping %.1f/s): %s", self.total / self.members, exc)
                continue
            self._update(members, time.monotonic())

    def _update(self, members: int, now: float) -> None:
        """More members: the smaller share at once. Fewer: the larger one a window later (what
        the others sent at their rate is still within the server's window until then)."""
        if members >= self.members:
            self._raise = None
            self._apply(members)
            return
        if self._raise is None or self._raise[0] != members:
            self._raise = (members, now + self.window)
        if now >= self._raise[1]:
            self._raise = None
            self._apply(members)

    async def stop(self) -> None:
        """Leave: the others take this share at their next beat."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        try:
            await asyncio.to_thread(self._leave)
        except Exception as exc:  # forgotten after ttl anyway
            log.warning("could not leave the send share: %s", exc)

    def _leave(self) -> None:
        with session_scope(self.engine) as session:
            queries.leave(session=session, budget_key=self.key, worker=self.worker)

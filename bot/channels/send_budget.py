"""One send budget per bot token, shared by everything that sends with it.

Telegram allows a bot about 30 messages a second in all. Interactive replies (the Application's
bot) and outbox delivery (notifications, reminders, broadcasts: the sender's own bot) draw from
one ``SendBudget``, so together they never exceed it, and a broadcast uses exactly what the
conversations leave:

* a slot is given at most ``capacity`` (``per_second`` x one second) times in any window of one
  second, the way Telegram counts. A slot held with ``async with budget.slot():`` (every Bot API
  request does) counts from the moment it is given until one second after its *answer* came
  back: the server received the request at the latest then, so however late a request reaches
  it on a busy machine, the server never sees more than ``capacity`` in any second of its own
  clock. (Counting from the moment it was given, as ``acquire`` alone does, needs a guessed
  margin for that delay; on a loaded machine requests bunch and draw 429s.) The cost is the
  answer's delay: a token's rate is ``capacity / (1 s + margin + answer delay)``;
* waiting requests are served by priority: ``INTERACTIVE`` (an answer to someone who is
  typing) before ``OUTBOX`` before ``BACKGROUND`` ("typing…" indicators), first come first
  served within a priority; so a storm of conversations is never starved by a broadcast.
  Through ``BudgetRateLimiter`` (and the Zalo client) "typing…" goes only when the budget has
  spare capacity (``spare``: nobody waiting, at most half the window taken) and is dropped
  otherwise, so it never waits for a slot and never holds back an answer;
* a 429 ``RetryAfter`` pauses the whole budget for the time Telegram asked: every sender of the
  token waits, not only the one that was told. It also widens the margin (requests granted
  evenly can reach the server bunched when this machine is busy); the margin narrows again,
  a little with every slot given, while no 429 comes.

``BudgetRateLimiter`` plugs a budget into python-telegram-bot (``ExtBot(rate_limiter=...)``).
Interactive replies wait out a 429 and retry (``max_retries``); the outbox's limiter has
``max_retries=0``: the 429 is raised at once and the outbox reschedules the row.

The budget lives in one process. Several processes sending with one token split it: each
registers in the database and takes its share (services/send_share.py, ``set_rate`` and
``hold`` below; see docs/deployment.md).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

from bot.channels.telegram_send import retry_after_seconds

log = logging.getLogger(__name__)

INTERACTIVE = 0
OUTBOX = 1
BACKGROUND = 2
_PRIORITIES = (INTERACTIVE, OUTBOX, BACKGROUND)

#: Added to the window while no 429 comes. A slot already counts until its answer, after the
#: server counted it (at the latest when its answer left), so the margin covers only the
#: timers' granularity: 10 ms of every second (1% of the token's rate) was more than that.
BASE_MARGIN = 0.002

#: Requests that only show something ephemeral: they wait behind every message.
BACKGROUND_ENDPOINTS = frozenset({"sendChatAction"})


class _Slot:
    """One given slot: counts until ``at`` + the window (``at`` is infinite while in flight)."""

    __slots__ = ("at",)

    def __init__(self, at: float) -> None:
        self.at = at


class SendBudget:
    """At most ``capacity`` slots in any window of ``window`` seconds, by priority."""

    def __init__(
        self,
        per_second: float,
        *,
        window: float = 1.0,
        margin: float = BASE_MARGIN,
        max_margin: float = 0.3,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if per_second <= 0:
            raise ValueError(f"a send budget needs a positive rate, got {per_second}")
        self.base_window = window
        self._changed: asyncio.Event | None = None
        self.set_rate(per_second)
        self.base_margin = margin
        self.max_margin = max_margin
        #: Added to the window; widened after a 429, narrowed again as slots are given.
        self.margin = margin
        self._clock = clock
        self._slots: list[_Slot] = []
        self._waiting: dict[int, deque[tuple[asyncio.Future[_Slot], bool]]] = {p: deque() for p in _PRIORITIES}
        self._paused_until = 0.0
        self._pump: asyncio.Task[None] | None = None
        #: Slots given per priority (benchmarks and tests read them).
        self.given = dict.fromkeys(_PRIORITIES, 0)
        self.pauses = 0

    # ---- the budget ------------------------------------------------------------------------
    @property
    def window(self) -> float:
        return self._span + self.margin

    def set_rate(self, per_second: float) -> None:
        """Change the rate (this process's share of the token's, services/send_share.py). Never
        rounded up: shares of 30 a second over 4 processes are 7 each, not 8."""
        if per_second <= 0:
            raise ValueError(f"a send budget needs a positive rate, got {per_second}")
        self.per_second = per_second
        self.capacity = max(1, int(per_second * self.base_window + 1e-9))
        # Below one a window (Zalo at 0.5 a second): one slot per 1 / per_second.
        self._span = max(self.base_window, self.capacity / per_second)
        if self._changed is not None:
            self._poke()

    def _free_at(self, now: float) -> float:
        """The earliest time a slot is free (``now`` when one is; infinite until an answer)."""
        window = self.window
        self._slots = [s for s in self._slots if s.at > now - window]
        at = now
        if len(self._slots) >= self.capacity:
            times = sorted(s.at for s in self._slots)
            at = times[len(times) - self.capacity] + window
        return max(at, self._paused_until)

    def spare(self) -> bool:
        """Whether a request that only shows something ephemeral ("typing…") may go now: nobody
        waits for a slot and less than half of this window's capacity is taken (none, for a
        budget of one to three slots). Such a request is dropped otherwise (``BudgetRateLimiter``),
        so under load it never takes the slot an answer arriving a moment later needs, and never
        makes the answer wait behind it."""
        now = self._clock()
        if any(self._waiting[p] for p in _PRIORITIES) or self._paused_until > now:
            return False
        self._free_at(now)  # forget the slots of past windows
        return len(self._slots) < max(1, self.capacity // 2)

    def _give(self, priority: int, now: float, held: bool) -> _Slot:
        slot = _Slot(float("inf") if held else now)
        self._slots.append(slot)
        self.given[priority] += 1
        # Back towards the narrow margin: a tenth of a second per 1,000 slots without a 429.
        self.margin = max(self.base_margin, self.margin - 0.0001)
        return slot

    def _queued_before(self, priority: int) -> bool:
        return any(self._waiting[p] for p in _PRIORITIES if p <= priority)

    async def _take(self, priority: int, held: bool) -> _Slot:
        now = self._clock()
        if not self._queued_before(priority) and self._free_at(now) <= now:
            return self._give(priority, now, held)
        future: asyncio.Future[_Slot] = asyncio.get_running_loop().create_future()
        self._waiting[priority].append((future, held))
        self._poke()
        try:
            return await future
        except asyncio.CancelledError:
            with contextlib.suppress(ValueError):
                self._waiting[priority].remove((future, held))
            if future.done() and not future.cancelled():  # given just as we were cancelled
                self._settle(future.result())
            raise

    async def acquire(self, priority: int = INTERACTIVE) -> None:
        """Wait for a slot that counts from now. Cancelling the wait takes nothing."""
        await self._take(priority, held=False)

    @contextlib.asynccontextmanager
    async def slot(self, priority: int = INTERACTIVE) -> AsyncIterator[None]:
        """Hold a slot for one request: it counts until a window after the block ends (the
        answer came back, or the request failed)."""
        given = await self._take(priority, held=True)
        try:
            yield
        finally:
            self._settle(given)

    def _settle(self, slot: _Slot) -> None:
        slot.at = self._clock()
        if self._changed is not None and self._next_waiter() is not None:
            self._poke()

    def pause(self, seconds: float) -> None:
        """Give no slot for ``seconds`` (Telegram answered 429 with retry_after)."""
        until = self._clock() + seconds
        if until > self._paused_until:
            self._paused_until = until
            self.pauses += 1
            self.margin = min(self.max_margin, self.margin * 2 + 0.02)
            log.info("send budget paused for %.1f s (429 Too Many Requests)", seconds)
        self._poke()

    def hold(self, seconds: float) -> None:
        """Give no slot for ``seconds`` without counting a 429 (a process joining a shared
        token waits until the others have lowered their shares)."""
        self._paused_until = max(self._paused_until, self._clock() + seconds)
        with contextlib.suppress(RuntimeError):  # no running loop yet: nobody waits
            self._poke()

    # ---- serving the queue -----------------------------------------------------------------
    def _poke(self) -> None:
        if self._changed is None:
            self._changed = asyncio.Event()
        self._changed.set()
        if self._pump is None or self._pump.done():
            self._pump = asyncio.get_running_loop().create_task(self._serve(), name="chibot-send-budget")

    def _next_waiter(self) -> tuple[int, asyncio.Future[_Slot], bool] | None:
        for priority in _PRIORITIES:
            queue = self._waiting[priority]
            while queue and queue[0][0].done():  # cancelled while waiting
                queue.popleft()
            if queue:
                future, held = queue[0]
                return priority, future, held
        return None

    async def _serve(self) -> None:
        assert self._changed is not None
        while True:
            waiter = self._next_waiter()
            if waiter is None:
                return
            now = self._clock()
            free_at = self._free_at(now)
            if free_at > now:
                self._changed.clear()
                # Woken early by a new (perhaps more urgent) waiter, an answer or a pause;
                # re-decide then. Every slot in flight: only an answer frees one.
                timeout = None if free_at == float("inf") else free_at - now
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), timeout)
                continue
            priority, future, held = waiter
            self._waiting[priority].popleft()
            future.set_result(self._give(priority, now, held))

    async def aclose(self) -> None:
        pump, self._pump = self._pump, None
        if pump is not None and not pump.done():
            pump.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await pump
        for queue in self._waiting.values():
            while queue:
                future, _held = queue.popleft()
                if not future.done():
                    future.cancel()


class BudgetRateLimiter(BaseRateLimiter[int]):
    """python-telegram-bot's rate limiter on a shared ``SendBudget``.

    Requests to a chat (those with a ``chat_id``, as python-telegram-bot's own limiter counts
    them) take a slot at ``priority`` ("typing…" always at BACKGROUND, and only when the
    budget has spare capacity: otherwise it is dropped and answered True); the others
    (getUpdates, answerCallbackQuery, setMyCommands) pass at once. Groups keep Telegram's 20
    messages a minute each. A ``RetryAfter`` pauses the budget; the request is retried up to
    ``max_retries`` times (a ``rate_limit_args`` int overrides it per call), then raised.
    """

    def __init__(self, budget: SendBudget, *, priority: int = INTERACTIVE, max_retries: int = 0) -> None:
        self.budget = budget
        self.priority = priority
        self.max_retries = max_retries
        self._groups: dict[str | int, AsyncLimiter] = {}
        #: "typing…" requests dropped because the budget had no spare capacity.
        self.skipped = 0

    async def initialize(self) -> None:
        """Nothing to allocate: the budget is shared and outlives this bot."""

    async def shutdown(self) -> None:
        """Nothing to free (the channel closes the budget)."""

    def _group(self, chat_id: str | int) -> AsyncLimiter:
        if chat_id not in self._groups:
            if len(self._groups) > 512:
                self._groups = {k: v for k, v in self._groups.items() if v.has_capacity(20)}
            self._groups[chat_id] = AsyncLimiter(20, 60)
        return self._groups[chat_id]

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        max_retries = self.max_retries if rate_limit_args is None else rate_limit_args
        chat_id = data.get("chat_id")
        priority = BACKGROUND if endpoint in BACKGROUND_ENDPOINTS else self.priority
        if priority == BACKGROUND and chat_id is not None and not self.budget.spare():
            # "typing…" with the budget busy: not sent (Telegram answers True to it anyway).
            self.skipped += 1
            return True
        group: str | int | None = None
        with contextlib.suppress(ValueError, TypeError):
            chat_id = int(chat_id)  # type: ignore[arg-type]
        if (isinstance(chat_id, int) and chat_id < 0) or isinstance(chat_id, str):
            group = chat_id
        attempt = 0
        while True:
            try:
                if chat_id is None:
                    return await callback(*args, **kwargs)
                if group is not None:
                    async with self._group(group), self.budget.slot(priority):
                        return await callback(*args, **kwargs)
                async with self.budget.slot(priority):
                    return await callback(*args, **kwargs)
            except RetryAfter as exc:
                seconds = retry_after_seconds(exc)
                self.budget.pause(seconds + 0.1)
                if attempt >= max_retries:
                    raise
                attempt += 1
                log.info("telegram asked to wait %.1f s (%s); retry %d of %d", seconds, endpoint, attempt, max_retries)

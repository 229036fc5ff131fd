"""The interactive bot's rate limiter: answers first, "typing…" only from spare capacity.

python-telegram-bot's AIORateLimiter throttles every request that names a chat to the
overall budget (30/s). A "typing…" indicator is such a request: under a storm each slow
answer renewed it every 4.5 s and it took the budget answers needed. Here a chat action is
sent only while the budget is mostly idle, and dropped (reported as done: it is cosmetic)
when answers are waiting. answerCallbackQuery names no chat and is not throttled at all.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from telegram.ext import AIORateLimiter

#: Bot API methods that only decorate a chat; never worth delaying an answer for.
COSMETIC = frozenset({"sendChatAction"})


class AnswersFirstRateLimiter(AIORateLimiter):
    """AIORateLimiter that sends cosmetic requests only while half the budget is free."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        if endpoint in COSMETIC and not self.has_spare_capacity():
            return True
        return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)

    def has_spare_capacity(self) -> bool:
        limiter = self._base_limiter
        if limiter is None:
            return True
        return limiter.has_capacity(limiter.max_rate / 2)

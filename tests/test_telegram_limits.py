"""The interactive bot's limiter: "typing…" never takes the budget answers need."""

from __future__ import annotations

from bot.channels.telegram_limits import AnswersFirstRateLimiter


async def test_typing_goes_out_while_the_budget_is_free_and_is_dropped_while_answers_use_it():
    # 30 requests a minute instead of a second: the bucket barely drains while the test runs.
    limiter = AnswersFirstRateLimiter(overall_max_rate=30, overall_time_period=60)
    await limiter.initialize()
    sent: list[str] = []

    def request(endpoint: str):  # noqa: ANN202
        async def call(*_args, **_kwargs):  # noqa: ANN002, ANN003, ANN202
            sent.append(endpoint)
            return True

        return limiter.process_request(call, (), {}, endpoint, {"chat_id": 42}, None)

    assert await request("sendChatAction") is True
    assert sent == ["sendChatAction"]
    for _ in range(20):  # a burst of answers: two thirds of the budget
        await request("sendMessage")
    assert await request("sendChatAction") is True  # reported done, so the caller goes on
    assert sent.count("sendChatAction") == 1 and sent.count("sendMessage") == 20
    await limiter.shutdown()

"""What a reply looks like on each channel, for the reliability tests: the console's one
message, Telegram's messages (escaped, counted in UTF-16 units) and Zalo's plain parts, each
checked against the channel's limits after the one fitting rule (ground/reply_limits.py)."""

from __future__ import annotations

from bot.channels import telegram_render, zalo_channel
from ground.messages import MAX_BUTTON_DATA_BYTES, Reply
from ground.ports import CONSOLE_CAPABILITIES, TELEGRAM_CAPABILITIES, ZALO_CAPABILITIES
from ground.reply_limits import MAX_LABEL_CHARS, fit_reply, text_budget, utf16_units

GENERIC_ERROR = "Xin lỗi, đã có lỗi xảy ra"


def telegram_messages(reply: Reply) -> list[telegram_render.Outgoing]:
    return telegram_render.plan_reply(fit_reply(reply, TELEGRAM_CAPABILITIES))


def zalo_messages(reply: Reply) -> list[str]:
    planned = zalo_channel.plan_reply(fit_reply(reply, ZALO_CAPABILITIES), publisher=None, lang="vi")
    return [p.text or "" for p in planned]


def assert_within_limits(reply: Reply, *, core_budget: int = text_budget(CONSOLE_CAPABILITIES)) -> None:
    """``reply`` as the core returned it (within ``core_budget``), and as Telegram and Zalo
    would send it: every message within the channel's limit, every button sane."""
    assert GENERIC_ERROR not in reply.text, reply.text[:300]
    assert utf16_units(reply.text) <= core_budget, (len(reply.text), reply.text[:300])
    for choice in reply.flat_choices():
        assert len(choice.data.encode("utf-8")) <= MAX_BUTTON_DATA_BYTES, choice.data
        assert len(choice.label) <= MAX_LABEL_CHARS, choice.label
    telegram = telegram_messages(reply)
    for message in telegram:
        limit = TELEGRAM_CAPABILITIES.max_text if message.kind == "text" else TELEGRAM_CAPABILITIES.max_caption
        assert telegram_render.telegram_length(message.text or "") <= limit
    telegram_text = sum(utf16_units(m.text or "") for m in telegram)
    # Escaping (& -> &amp;) may add to the count; it never takes away from the bound.
    assert telegram_text <= 5 * text_budget(TELEGRAM_CAPABILITIES)
    zalo = zalo_messages(reply)
    assert all(len(part) <= ZALO_CAPABILITIES.max_text for part in zalo)
    options = sum(len(c.label) + 6 for c in reply.flat_choices())
    assert sum(len(part) for part in zalo) <= text_budget(ZALO_CAPABILITIES) + options + 200

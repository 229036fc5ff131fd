"""The channels ``chibot run --channel`` knows, by name. Adding one is one line in CHANNELS."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.channels.base import Channel, ChannelConfigError
from bot.channels.telegram_app import TelegramChannel
from bot.channels.zalo_app import ZaloChannel
from ground.settings import Settings


@dataclass(frozen=True)
class RunOptions:
    """What `chibot run` was asked for, beyond the settings."""

    #: Receive updates on a webhook instead of polling, where the channel can.
    webhook: bool = False


ChannelFactory = Callable[[Settings, RunOptions], Channel]

CHANNELS: dict[str, ChannelFactory] = {
    "telegram": lambda settings, options: TelegramChannel(settings, webhook=options.webhook),
    "zalo": lambda settings, options: ZaloChannel(settings, webhook=options.webhook),
}

#: The name that means every channel in CHANNELS.
ALL = "all"


class UnknownChannel(ChannelConfigError):
    """A name on the command line that is no channel."""


def channel_names(values: Iterable[str]) -> list[str]:
    """Names from repeated options and comma lists ("telegram,zalo"), in order, once each;
    "all" stands for every known channel. UnknownChannel names the first unknown one."""
    names: list[str] = []
    for value in values:
        for part in value.split(","):
            name = part.strip().lower()
            if not name:
                continue
            if name == ALL:
                names.extend(CHANNELS)
            elif name in CHANNELS:
                names.append(name)
            else:
                known = ", ".join(CHANNELS)
                raise UnknownChannel(f"unknown channel {part.strip()!r}: choose from {known} (or {ALL})")
    return list(dict.fromkeys(names))


def make_channels(names: Iterable[str], settings: Settings, options: RunOptions) -> list[Channel]:
    """One channel per name; a ChannelConfigError says which setting is missing."""
    return [CHANNELS[name](settings, options) for name in channel_names(names)]

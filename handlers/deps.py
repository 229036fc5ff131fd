"""Long-lived dependencies handed to every handler through the context."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bot.settings import Settings
from services.clock import Clock


@dataclass(frozen=True)
class Deps:
    settings: Settings
    clock: Clock

    @property
    def tz(self) -> ZoneInfo:
        return self.settings.tz

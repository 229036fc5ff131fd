"""Long-lived dependencies handed to every handler through the context."""

from __future__ import annotations

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from ground.clock import Clock
from ground.settings import Settings
from services.document_intake import ocr_of
from services.fanout import FanoutConfig
from services.parsing.ocr import Ocr
from services.reminders.config import ReminderConfig


@dataclass(frozen=True)
class Deps:
    settings: Settings
    clock: Clock
    #: Reminder policy and time zone, built from ``settings`` once.
    reminders: ReminderConfig = field(init=False)
    #: How publishing writes its units (at once, or in background batches).
    fanout: FanoutConfig = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "reminders", ReminderConfig.from_settings(self.settings))
        object.__setattr__(self, "fanout", FanoutConfig.from_settings(self.settings))

    @property
    def tz(self) -> ZoneInfo:
        return self.settings.tz

    @property
    def ocr(self) -> Ocr:
        return ocr_of(self.settings)

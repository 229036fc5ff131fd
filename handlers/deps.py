"""Long-lived dependencies handed to every handler through the context."""

from __future__ import annotations

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from ground.clock import Clock
from ground.settings import Settings
from services.fanout import FanoutConfig
from services.parsing.ocr import Ocr
from services.reminders.config import ReminderConfig


def ocr_of(settings: Settings) -> Ocr:
    """The OCR set-up the settings describe (programs, language, limits)."""
    return Ocr(
        tesseract=settings.tesseract_cmd,
        pdftoppm=settings.pdftoppm_cmd,
        language=settings.ocr_language,
        timeout_seconds=settings.ocr_timeout_seconds,
        max_pages=settings.ocr_max_pages,
    )


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

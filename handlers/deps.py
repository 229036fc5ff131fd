"""Long-lived dependencies handed to every handler through the context."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bot.settings import Settings
from services.clock import Clock
from services.parsing.ocr import Ocr


def ocr_of(settings: Settings) -> Ocr:
    """The OCR set-up the settings describe (programs, language, limits)."""
    return Ocr(tesseract=settings.tesseract_cmd, pdftoppm=settings.pdftoppm_cmd, language=settings.ocr_language,
               timeout_seconds=settings.ocr_timeout_seconds, max_pages=settings.ocr_max_pages)


@dataclass(frozen=True)
class Deps:
    settings: Settings
    clock: Clock

    @property
    def tz(self) -> ZoneInfo:
        return self.settings.tz

    @property
    def ocr(self) -> Ocr:
        return ocr_of(self.settings)

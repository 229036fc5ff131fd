"""The one Settings object: read from the environment and from a `.env` file."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

TELEGRAM_DEFAULT_API = "https://api.telegram.org"
ZALO_DEFAULT_API = "https://bot-api.zaloplatforms.com"


class Settings(BaseSettings):
    """Every setting chibot reads. Tokens are SecretStr so they never appear in logs or reprs."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = Field(default="sqlite:///chibot.db")
    #: SQLite's fsync on commit: FULL (default) keeps every confirmed report through a power cut;
    #: NORMAL (WAL's lighter level) skips the wait, and an OS crash may lose the last commits.
    sqlite_synchronous: Literal["FULL", "NORMAL"] = "FULL"
    #: How long a thread may keep the GIL while another waits for it, while the runtime serves
    #: (bot/runtime.py; Python's own default is 0.005 s).
    gil_switch_seconds: float = Field(default=0.0005, gt=0, le=0.1)  # bot/runtime.py GIL_SWITCH_SECONDS
    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str = TELEGRAM_DEFAULT_API
    telegram_bot_username: str | None = None
    #: Requests per second to Telegram with this token, interactive replies and outbox together
    #: (Telegram's limit is about 30). Several processes sending with one token split it.
    telegram_max_per_second: float = 30.0
    #: Chats the outbox dispatcher sends to at once (each chat's messages stay in order): one
    #: Bot API round trip is 50-100 ms, so one at a time cannot reach 30 messages a second.
    outbox_concurrency: int = Field(default=8, ge=1, le=64)
    #: Publishing to at most this many units writes everything before staff are answered;
    #: beyond it the first units are written so, the rest by the background fan-out.
    fanout_inline_max: int = Field(default=50, ge=1)
    #: Units the background fan-out writes per transaction.
    fanout_batch: int = Field(default=200, ge=1, le=5000)
    #: Fan-outs to at least this many units also tell staff when half of them are told.
    fanout_halfway_min: int = Field(default=1000, ge=1)
    #: Seconds the fan-out rests between batches: chat updates and the dispatcher waiting for
    #: the database's write lock (SQLite) get it then.
    fanout_pause_seconds: float = Field(default=0.02, ge=0, le=60)
    zalo_bot_token: SecretStr | None = None
    zalo_api_base_url: str = ZALO_DEFAULT_API
    #: `chibot run --channel zalo --webhook`: the public HTTPS URL Zalo posts updates to, and the
    #: secret (8 to 256 characters) it must send in X-Bot-Api-Secret-Token.
    zalo_webhook_url: str | None = None
    zalo_webhook_secret: SecretStr | None = None
    #: Where chibot's own HTTP server listens (Zalo webhook, and files when PUBLIC_BASE_URL is set).
    zalo_webhook_listen: str = "0.0.0.0"
    zalo_webhook_port: int = 8444
    #: Messages per second to Zalo. Zalo publishes no limit, so this stays conservative.
    zalo_max_per_second: float = 3.0
    #: Public address of chibot's HTTP server (e.g. https://chibot.example.vn). When set, files
    #: and charts reach Zalo users as links served by chibot; otherwise as a text summary.
    public_base_url: str | None = None
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443
    #: Both webhooks (Telegram's, Zalo's) refuse a request body over this many bytes (413).
    webhook_max_body_bytes: int = 1024 * 1024
    timezone: str = "Asia/Ho_Chi_Minh"
    default_language: str = "vi"
    #: A multi-step conversation left alone this long is dropped (friendly note on next contact).
    conversation_timeout_minutes: int = 240
    #: Largest document or photo chibot downloads from a chat, in bytes.
    max_upload_bytes: int = 10 * 1024 * 1024
    #: OCR of photos and scanned PDFs in /new and `chibot parse`: Tesseract and its language
    #: model (apt: tesseract-ocr tesseract-ocr-vie), poppler's pdftoppm for PDF pages.
    tesseract_cmd: str = "tesseract"
    pdftoppm_cmd: str = "pdftoppm"
    ocr_language: str = "vie"
    #: Longest OCR of one page, in seconds; and most pages of a scanned PDF read.
    ocr_timeout_seconds: float = 60.0
    ocr_max_pages: int = 5
    #: Where downloaded attachments are kept.
    attachments_dir: Path = Path("attachments")
    log_level: str = "INFO"
    #: Reminders: days before each deadline (0 = on the day), comma-separated.
    reminder_days_before: str = "3,1,0"
    #: Local time reminders go out.
    reminder_at: str = "08:00"
    #: `chibot web` (the staff dashboard): where it listens, the public address login links
    #: point to (default http://WEB_LISTEN:WEB_PORT), and the key its CSRF tokens are signed with.
    web_listen: str = "127.0.0.1"
    web_port: int = 8080
    web_public_url: str | None = None
    web_secret_key: SecretStr | None = None
    #: A dashboard session ends this long after login (and at logout).
    web_session_hours: int = 12
    #: Daily reminders after a missed deadline, then staff are told (escalation).
    reminder_overdue_times: int = 3
    #: Urgent directives (KHẨN, THƯỢNG KHẨN, HỎA TỐC): an extra reminder this many hours before.
    reminder_urgent_hours_before: int = 3
    #: No reminders in these local hours; they move to the end of the quiet period.
    quiet_hours: str = "21:00-07:00"
    reminder_skip_sundays: bool = False
    reminder_skip_holidays: bool = False
    #: Escalation also goes to the secretary of the unit above an overdue cell.
    escalate_to_parent: bool = False
    #: Local time of the daily digest to staff.
    digest_at: str = "07:30"

    @field_validator("default_language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        if value not in ("vi", "en"):
            raise ValueError("DEFAULT_LANGUAGE must be 'vi' or 'en'")
        return value

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (KeyError, ValueError) as exc:  # ZoneInfoNotFoundError is a KeyError
            raise ValueError(f"unknown time zone {value!r}, e.g. Asia/Ho_Chi_Minh") from exc
        return value

    @field_validator("telegram_api_base_url", "zalo_api_base_url", "public_base_url", "web_public_url")
    @classmethod
    def _no_trailing_slash(cls, value: str | None) -> str | None:
        return value.rstrip("/") if value else value

    @cached_property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def web_base_url(self) -> str:
        """Where login links point: WEB_PUBLIC_URL, else the address `chibot web` listens on."""
        if self.web_public_url:
            return self.web_public_url
        host = "127.0.0.1" if self.web_listen in ("0.0.0.0", "::") else self.web_listen
        return f"http://{host}:{self.web_port}"


def get_settings(**overrides: object) -> Settings:
    """Settings from the environment, with explicit overrides (used by the CLI and tests)."""
    return Settings(**overrides)  # type: ignore[arg-type]

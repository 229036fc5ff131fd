"""The console channel: chat with chibot in a terminal, or drive it with a script on stdin.

Choices are shown as numbered options and answered with a number, the words, or a close match
without diacritics. The shell sends what was typed as text: the core recorded the menu it
showed (services/chat_menus.py) and resolves the answer, so "2" means the same in a new shell
and for a message the dispatcher sent. Shell lines starting with ":" control the shell itself
(see SHELL_HELP).
"""

from __future__ import annotations

import asyncio
import itertools
import mimetypes
import re
import secrets
import sys
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

from bot.app import App
from bot.channels.text_render import numbered_lines
from bot.fanout_worker import write_pending
from ground.clock import ManualClock
from ground.messages import Attachment, Incoming, Reply
from ground.ports import SendResult
from services import console_users
from services.localtime import format_local_datetime, local_to_utc, to_local
from storage.db import session_scope

CHANNEL = "console"

SHELL_HELP = """Shell commands:
  :as <invite code | name>   talk as another user (several users can be played in one shell)
  :who                       list the users played in this shell
  :paste                     send the lines that follow as ONE message (a directive's full
                             text): end with a line holding only "." (or end of input)
  :file PATH                 send a file, as a user uploads a document or a photo
  :advance 2d | 3h | 30m     move the simulated clock forward and deliver what falls due
  :at YYYY-MM-DD HH:MM       move the simulated clock to that local time
  :now                       show the simulated time
  :help                      this help
  :quit                      leave (end of input does the same)"""

#: The line that ends a :paste.
PASTE_END = "."

_DURATION_RE = re.compile(r"^\s*(\d+)\s*([dhmw])\s*$", re.IGNORECASE)


class ShellError(ValueError):
    """A shell line that cannot be carried out; the message says why."""


@dataclass
class ConsoleUser:
    user_id: str
    name: str


def parse_duration(text: str) -> timedelta:
    match = _DURATION_RE.match(text)
    if not match:
        raise ShellError("expected a duration such as 2d, 3h, 30m or 1w")
    amount, unit = int(match.group(1)), match.group(2).lower()
    return {
        "d": timedelta(days=amount),
        "h": timedelta(hours=amount),
        "m": timedelta(minutes=amount),
        "w": timedelta(weeks=amount),
    }[unit]


def parse_local_time(text: str, tz: ZoneInfo) -> datetime:
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%d", "%d/%m/%Y %H:%M", "%d/%m/%Y"):
        try:
            return local_to_utc(datetime.strptime(text.strip(), fmt), tz)
        except ValueError:
            continue
    raise ShellError("expected a local time as YYYY-MM-DD HH:MM (or DD/MM/YYYY HH:MM)")


class ConsoleShell:
    """One terminal session playing one or more console users against the core."""

    def __init__(self, app: App, out: TextIO = sys.stdout) -> None:
        self.app = app
        self.out = out
        self.users: dict[str, ConsoleUser] = {}
        self.current: ConsoleUser | None = None
        self._message_ids = itertools.count(1)
        self._update_ids = itertools.count(1)
        # Update ids must differ from those of earlier shells on the same database, or the
        # core would take a new line for a redelivery and ignore it.
        self._session_tag = secrets.token_hex(4)
        self._files_dir: Path | None = None
        #: While the simulated clock runs, the moment to print before the next delivery.
        self._stop_banner: datetime | None = None
        #: After :paste, the lines read so far (sent as one message at the line "."); else None.
        self._pasted: list[str] | None = None
        app.add_sender(_ConsoleSender(self))

    # ---- users ----------------------------------------------------------------------------
    def switch_to(self, who: str) -> None:
        with session_scope(self.app.engine) as session:
            try:
                user_id, name, invite_code = console_users.resolve(session=session, who=who, now=self.app.clock.now())
            except console_users.ConsoleUserError:
                raise ShellError(
                    f"no invite code or registered person matches «{who}» (a code works once, each run of"
                    " `chibot demo` prints new ones, and `chibot invite` makes one)"
                ) from None
        user = self.users.setdefault(user_id, ConsoleUser(user_id=user_id, name=name))
        self.current = user
        self._print(f"— now talking as {name} —")
        if invite_code is not None:
            self.say(f"/start {invite_code}")
        else:
            # What was queued for this person while no shell of theirs was open is shown now.
            self._flush_outbox()

    # ---- talking --------------------------------------------------------------------------
    def say(self, text: str) -> None:
        user = self._require_user()
        self._deliver(user, self.app.core.handle(self._incoming(user, text=text)))

    def send_file(self, path_text: str) -> None:
        user = self._require_user()
        path = Path(path_text.strip()).expanduser()
        if not path.is_file():
            raise ShellError(f"no such file: {path}")
        data = path.read_bytes()
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        kind = "photo" if mime.startswith("image/") else "document"
        too_big = len(data) > self.app.settings.max_upload_bytes
        attachment = Attachment(
            kind=kind,
            file_name=path.name,
            mime_type=mime,
            size=len(data),
            file_id=str(path),
            content=None if too_big else data,
        )
        self._deliver(user, self.app.core.handle(self._incoming(user, attachment=attachment)))

    def _incoming(self, user: ConsoleUser, **fields) -> Incoming:  # noqa: ANN003
        return Incoming(
            channel=CHANNEL,
            chat_id=user.user_id,
            user_id=user.user_id,
            display_name=user.name,
            language="vi",
            update_id=f"{user.user_id}:{self._session_tag}:{next(self._update_ids)}",
            **fields,
        )

    def _deliver(self, user: ConsoleUser, replies: list[Reply], *, pushed: bool = False) -> None:
        for reply in replies:
            prefix = f"📨 to {user.name}" if pushed or user is not self.current else "chibot"
            self._print(f"{prefix}: {reply.text}" if reply.text else f"{prefix}:")
            file = reply.document or reply.photo
            if file is not None:
                saved = self._save_file(file.name, file.content)
                self._print(f"  [file: {file.name}, {len(file.content)} bytes, saved to {saved}]")
            for line in numbered_lines(reply.flat_choices()):
                self._print(f"  {line}")
        self._flush_outbox()

    def _flush_outbox(self) -> None:
        write_pending(self.app)  # the shell runs no scheduler: a large publish's fan-out is written here
        asyncio.run(self.app.dispatcher.run_once())

    def receive_pushed(self, chat_id: str, reply: Reply) -> SendResult:
        user = self.users.get(chat_id)
        if user is None:
            with session_scope(self.app.engine) as session:
                from storage.queries import accounts as account_queries

                account = account_queries.get_account(session=session, channel=CHANNEL, external_user_id=chat_id)
                name = account.display_name if account else chat_id
            user = self.users.setdefault(chat_id, ConsoleUser(user_id=chat_id, name=name))
        message_id = str(next(self._message_ids))
        if self._stop_banner is not None:
            self._print(f"— {format_local_datetime(self._stop_banner, self.app.settings.tz)} —")
            self._stop_banner = None
        self._print(f"📨 to {user.name}: {reply.text}")
        for line in numbered_lines(reply.flat_choices()):
            self._print(f"  {line}")
        return SendResult("sent", message_id=message_id)

    # ---- the clock --------------------------------------------------------------------------
    def advance(self, delta: timedelta) -> None:
        clock = self._manual_clock()
        self._run_clock_to(clock.now() + delta)

    def set_time(self, moment: datetime) -> None:
        clock = self._manual_clock()
        if moment < clock.now():
            raise ShellError("the simulated clock only moves forward")
        self._run_clock_to(moment)

    def _run_clock_to(self, target: datetime) -> None:
        """Step through every moment something falls due (reminders, digests, escalations),
        delivering at each one in order; each delivery is headed by the time it happened."""
        from bot.simulated_time import run_until

        def stopped(moment: datetime) -> None:
            self._stop_banner = moment

        run_until(self.app, target, on_stop=stopped)
        self._stop_banner = None
        self._announce_time()

    def _manual_clock(self) -> ManualClock:
        if not isinstance(self.app.clock, ManualClock):
            today = to_local(self.app.clock.now(), self.app.settings.tz).strftime("%Y-%m-%d")
            raise ShellError(f'the clock is real; start the shell with --at "{today} 08:00" to move time')
        return self.app.clock

    def _announce_time(self) -> None:
        self._print(f"— time is now {format_local_datetime(self.app.clock.now(), self.app.settings.tz)} —")

    # ---- the loop -----------------------------------------------------------------------------
    def handle_line(self, line: str) -> bool:
        """Carry out one line. Returns False when the shell should end."""
        line = line.rstrip("\r\n")
        if self._pasted is not None:
            if line.strip() == PASTE_END:
                self.end_paste()
            else:
                self._pasted.append(line)
            return True
        if not line.strip():
            return True
        if line.startswith(":"):
            command, _, arg = line[1:].partition(" ")
            command = command.lower()
            if command in ("quit", "q", "exit"):
                return False
            if command == "help":
                self._print(SHELL_HELP)
            elif command == "as":
                self.switch_to(arg)
            elif command == "who":
                for user in self.users.values():
                    mark = "*" if user is self.current else " "
                    self._print(f" {mark} {user.name}")
            elif command == "paste":
                self._require_user()
                self._pasted = [arg] if arg.strip() else []
                self._print(
                    f'— pasting: the lines that follow go as one message; a line with only "{PASTE_END}" sends it —'
                )
            elif command == "file":
                self.send_file(arg)
            elif command == "advance":
                self.advance(parse_duration(arg))
            elif command == "at":
                self.set_time(parse_local_time(arg, self.app.settings.tz))
            elif command == "now":
                self._announce_time()
            else:
                raise ShellError(f"unknown shell command :{command} (type :help)")
            return True
        self.say(line)
        return True

    def end_paste(self) -> None:
        """Send what was pasted since :paste as one message (nothing when it was empty)."""
        pasted, self._pasted = self._pasted, None
        text = "\n".join(pasted or []).strip("\n")
        if text.strip():
            self.say(text)
        else:
            self._print("— nothing pasted, nothing sent —")

    def run(self, lines: TextIO, *, interactive: bool) -> int:
        while True:
            if interactive:
                who = self.current.name if self.current else "?"
                self.out.write("... " if self._pasted is not None else f"[{who}]> ")
                self.out.flush()
            line = lines.readline()
            if not line:
                if self._pasted is not None:  # end of input ends a paste too: send it
                    try:
                        self.end_paste()
                    except ShellError as exc:
                        self._print(f"! {exc}")
                return 0
            if not interactive and self._pasted is None:
                self._print(f"» {line.rstrip()}")
            try:
                if not self.handle_line(line):
                    return 0
            except ShellError as exc:
                self._print(f"! {exc}")

    # ---- output -------------------------------------------------------------------------------
    def _require_user(self) -> ConsoleUser:
        if self.current is None:
            raise ShellError("choose who you are first: :as <invite code | name>")
        return self.current

    def _print(self, text: str) -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def _save_file(self, name: str, content: bytes) -> Path:
        if self._files_dir is None:
            self._files_dir = Path(tempfile.mkdtemp(prefix="chibot-files-"))
        path = self._files_dir / Path(name).name
        path.write_bytes(content)
        return path


class _ConsoleSender:
    """Outbox deliveries to the console users played in this shell are printed in it; those
    for other console users wait for a shell of theirs (the dispatcher asks ``serves_chats``)."""

    channel = CHANNEL

    def __init__(self, shell: ConsoleShell) -> None:
        self.shell = shell

    def serves_chats(self) -> list[str]:
        return list(self.shell.users)

    async def send(self, chat_id: str, reply: Reply) -> SendResult:
        return self.shell.receive_pushed(chat_id, reply)

    async def edit(self, chat_id: str, message_id: str, reply: Reply) -> SendResult:
        """A terminal cannot change a printed line: an edit (broadcast progress) prints anew."""
        self.shell.receive_pushed(chat_id, reply)
        return SendResult("sent", message_id=message_id)

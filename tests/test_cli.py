"""The `chibot` command line as an admin uses it: output, exit codes, one-sentence errors."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import httpx
import pytest
from sqlmodel import Session, func, select
from typer.testing import CliRunner

import bot.cli_invite
from bot.cli import app
from bot.cli_common import CliState
from ground.clock import ManualClock
from storage.db import make_db_engine
from storage.tables import AuditEntry, Invite, Unit

# 10:00 in Hà Nội; a 7-day invite expires 17/8/2021 10:00 local.
NOW = datetime(2021, 8, 10, 3, 0, tzinfo=UTC)
TOKEN = "123456:SECRET-token"

UNITS_CSV = (
    "code,name,kind,parent_code\n"
    "CB01,Chi bộ Văn phòng,cell,DUK\n"
    "DUK,Đảng ủy Khối các cơ quan,committee,\n"
    "DTN,Đoàn Thanh niên Khối,mass,DUK\n"
)
NO_TELEGRAM = {"TELEGRAM_BOT_TOKEN": None, "TELEGRAM_BOT_USERNAME": None, "DATABASE_URL": None}


@pytest.fixture
def chibot(db_url, tmp_path, monkeypatch):
    """Run `chibot --database-url <test db> ...` in an empty folder (no stray .env)."""
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def run(*args: str, env: dict | None = None, url: str = db_url):
        return runner.invoke(
            app,
            ["--database-url", url, *args],
            env={**NO_TELEGRAM, **(env or {})},
            obj=CliState(clock=ManualClock(NOW)),
        )

    return run


@pytest.fixture
def with_units(chibot, tmp_path):
    path = tmp_path / "units.csv"
    path.write_text(UNITS_CSV, encoding="utf-8")
    result = chibot("units", "import", str(path))
    assert result.exit_code == 0, result.output
    return chibot


def count_rows(db_url, table) -> int:
    engine = make_db_engine(db_url)
    with Session(engine) as session:
        n = session.exec(select(func.count()).select_from(table)).one()
    engine.dispose()
    return n


def test_units_import_then_list_shows_the_tree(chibot, tmp_path):
    path = tmp_path / "units.csv"
    path.write_text(UNITS_CSV, encoding="utf-8")

    first = chibot("units", "import", str(path))
    again = chibot("units", "import", str(path))
    listing = chibot("units", "list")

    assert (first.exit_code, first.stdout) == (0, "Imported units.csv: 3 created, 0 updated, 0 unchanged.\n")
    assert (again.exit_code, again.stdout) == (0, "Imported units.csv: 0 created, 0 updated, 3 unchanged.\n")
    assert listing.exit_code == 0
    assert listing.stdout == (
        "DUK  Đảng ủy Khối các cơ quan (cấp ủy)\n"
        "  CB01  Chi bộ Văn phòng (chi bộ)\n"
        "  DTN  Đoàn Thanh niên Khối (đoàn thể)\n"
    )


def test_units_list_on_an_empty_database_says_how_to_start(chibot):
    result = chibot("units", "list")

    assert (result.exit_code, result.stdout) == (0, "No units yet. Import them with: chibot units import FILE\n")


def test_invite_prints_code_unit_role_and_local_expiry(with_units, db_url):
    result = with_units("invite", "CB01", "--role", "secretary", "--label", "Bí thư Lê Văn B")

    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    code = lines[0].removeprefix("Invite code: ")
    assert len(code) == 10
    assert lines[1:] == [
        "Unit:        CB01  Chi bộ Văn phòng (chi bộ)",
        "Role:        secretary (bí thư)",
        "For:         Bí thư Lê Văn B",
        "Expires:     17/8/2021 10:00 (Asia/Ho_Chi_Minh)",
        "The code is shown only now; the person sends it to the bot to join.",
    ]
    assert result.stderr == ""
    assert count_rows(db_url, Invite) == 1


def test_invite_json_is_one_line_with_the_link(with_units):
    result = with_units(
        "invite",
        "DUK",
        "--role",
        "staff",
        "--expires",
        "12h",
        "--json",
        env={"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BOT_USERNAME": "@chibot_test_bot"},
    )

    assert result.exit_code == 0, result.output
    assert result.stdout.count("\n") == 1
    data = json.loads(result.stdout)
    assert list(data) == ["code", "unit", "role", "expires_at", "link"]
    assert (data["unit"], data["role"], data["expires_at"]) == ("DUK", "staff", "2021-08-10T15:00:00+00:00")
    assert data["link"] == f"https://t.me/chibot_test_bot?start={data['code']}"


def test_invite_without_a_token_has_no_link(with_units):
    result = with_units("invite", "DTN", "--role", "secretary", "--json")

    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["link"] is None


def test_invite_asks_telegram_for_the_bot_username(with_units, monkeypatch):
    asked = []

    def bot_api(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        return httpx.Response(200, json={"ok": True, "result": {"id": 1, "is_bot": True, "username": "chi_bo_bot"}})

    monkeypatch.setattr(bot.cli_invite, "HTTP_TRANSPORT", httpx.MockTransport(bot_api))
    result = with_units(
        "invite",
        "CB01",
        "--role",
        "secretary",
        env={"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": "http://127.0.0.1:8081/"},
    )

    assert result.exit_code == 0, result.output
    code = result.stdout.splitlines()[0].removeprefix("Invite code: ")
    assert f"Link:        https://t.me/chi_bo_bot?start={code}\n" in result.stdout
    assert asked == [f"http://127.0.0.1:8081/bot{TOKEN}/getMe"]


def test_invite_still_prints_the_code_when_telegram_does_not_answer(with_units, monkeypatch):
    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    monkeypatch.setattr(bot.cli_invite, "HTTP_TRANSPORT", httpx.MockTransport(down))
    result = with_units(
        "invite",
        "CB01",
        "--role",
        "secretary",
        "--json",
        env={"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": "http://127.0.0.1:8081"},
    )

    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["link"] is None
    assert result.stderr == (
        "Note: no Telegram link (Telegram could not be reached at http://127.0.0.1:8081); "
        "set TELEGRAM_BOT_USERNAME to print it\n"
    )
    assert "SECRET" not in result.output


def test_invite_for_an_unknown_unit_is_one_sentence(with_units, db_url):
    result = with_units("invite", "NOPE", "--role", "secretary")

    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "Error: There is no unit with code 'NOPE'; `chibot units list` shows the codes.\n"
    assert count_rows(db_url, Invite) == 0


def test_invite_with_a_bad_duration_is_one_sentence(with_units, db_url):
    result = with_units("invite", "CB01", "--role", "secretary", "--expires", "soon")

    assert result.exit_code == 2
    assert result.stderr == ("Error: 'soon' is not a duration; write a number and m, h, d or w, e.g. 7d or 12h.\n")
    assert count_rows(db_url, Invite) == 0


def test_a_malformed_csv_is_one_sentence_and_imports_nothing(with_units, db_url, tmp_path):
    path = tmp_path / "more.csv"
    path.write_text("code,name,kind,parent_code\nCB02,Chi bộ 2,cell,DUK\nCB03,Chi bộ 3,cell,XYZ\n", encoding="utf-8")
    audits = count_rows(db_url, AuditEntry)

    result = with_units("units", "import", str(path))

    assert result.exit_code == 2
    assert result.stderr == (
        "Error: Row 3: parent unit (đơn vị cấp trên) 'XYZ' of 'CB03' is neither in the file nor in the database.\n"
    )
    assert (count_rows(db_url, Unit), count_rows(db_url, AuditEntry)) == (3, audits)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "postgresql+psycopg://postgres@127.0.0.1:1/nope",
            "Error: Cannot reach the database postgresql+psycopg://postgres@127.0.0.1:1/nope: "
            'connection failed: connection to server at "127.0.0.1", port 1 failed: Connection refused',
        ),
        (
            "sqlite:////nonexistent-dir/sub/chibot.db",
            "Error: Cannot open the database sqlite:////nonexistent-dir/sub/chibot.db: "
            "the folder /nonexistent-dir/sub does not exist.",
        ),
        (
            "mysql-ish://what",
            "Error: DATABASE_URL 'mysql-ish://what' is not a database URL chibot can use "
            "(expected sqlite:///FILE or postgresql://USER@HOST/DB).",
        ),
    ],
)
@pytest.mark.parametrize("command", [["units", "list"], ["db", "upgrade"], ["invite", "CB01", "--role", "staff"]])
def test_an_unreachable_database_is_one_sentence(chibot, url, message, command):
    result = chibot(*command, url=url)

    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(message)
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.output


def test_help_is_plain_words(chibot):
    result = CliRunner().invoke(app, ["invite", "--help"])

    assert result.exit_code == 0
    assert "Make a one-time code that lets a person join a unit in a role." in result.stdout
    assert "--expires DURATION" in result.stdout

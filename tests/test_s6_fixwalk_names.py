"""Session 6's new-user walk, finding 3: a person invited without a name (the name prompt
skipped) is called by their unit's title, "Bí thư Chi bộ Văn phòng", and never by the invite
code, which is a secret: not in /whoami, not in the shell, not in the staff's lists."""

from __future__ import annotations

import json

from sqlmodel import select

from storage.tables import Person
from tests.support.chat import Chat
from tests.test_console_shell import chibot, org_db  # noqa: F401  (the fixture)


def test_a_secretary_invited_without_a_name_is_called_by_the_cell_in_the_shell(org_db):  # noqa: F811
    result = chibot(org_db, "invite", "CB01", "--role", "secretary", "--json")
    code = json.loads(result.stdout)["code"]
    result = chibot(org_db, "shell", "--as", code, stdin="/whoami\n")
    assert result.returncode == 0, result.stderr
    assert "— now talking as Bí thư Chi bộ Văn phòng —" in result.stdout
    assert "Đồng chí: Bí thư Chi bộ Văn phòng" in result.stdout
    assert code not in result.stdout.split("» /whoami", 1)[1]
    # Next time the person is found by that title.
    again = chibot(org_db, "shell", "--as", "Bí thư Chi bộ Văn phòng", stdin="/whoami\n")
    assert "— now talking as Bí thư Chi bộ Văn phòng —" in again.stdout


def test_an_invite_made_in_chat_with_the_name_skipped_names_the_youth_unions_leader(org, app, session):
    admin = org["admin"]
    admin.send("/invite")
    admin.send("DTN")
    admin.press(admin.buttons[0])
    assert admin.last_text.startswith("Họ tên người được mời?")
    admin.press("Bỏ qua")
    code = admin.last_text.split("Mã: ", 1)[1].split()[0]
    newcomer = Chat(app=app, user_id="u-dtn", name=code, channel="console")  # the shell's display name
    newcomer.send(f"/start {code}")
    newcomer.send("/whoami")
    assert "Đồng chí: Người phụ trách Đoàn Thanh niên Khối" in newcomer.last_text
    session.expire_all()
    names = [p.full_name for p in session.exec(select(Person)).all()]
    assert "Người phụ trách Đoàn Thanh niên Khối" in names and code not in names


def test_a_telegram_name_is_kept_when_the_invite_had_none(org, app, session):
    admin = org["admin"]
    admin.send("/invite")
    admin.send("CB02")
    admin.press(admin.buttons[0])
    admin.press("Bỏ qua")
    code = admin.last_text.split("Mã: ", 1)[1].split()[0]
    Chat(app=app, user_id="u-new", name="Phạm Thu Hà", channel="console").send(f"/start {code}")
    session.expire_all()
    assert "Phạm Thu Hà" in [p.full_name for p in session.exec(select(Person)).all()]

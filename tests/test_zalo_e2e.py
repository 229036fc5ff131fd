"""chibot's real core behind the Zalo channel, over real HTTP, against the fake Zalo Bot API."""

from __future__ import annotations

from tests.support.zalo_fixtures import new_invite, running_zalo

SECRETARY = "e4ea2cd5189df1c3a88c"


async def test_registration_by_invite_code_on_zalo(zalo_server, zalo_app):
    code = new_invite(zalo_app, "CB01", "secretary", "Nguyễn Văn An")
    async with running_zalo(zalo_app):
        zalo_server.push_text(chat_id=SECRETARY, text=code, name="An")
        await zalo_server.wait_for("sendMessage", chat_id=SECRETARY)
        await zalo_server.wait_idle()
    welcome = zalo_server.texts_to(SECRETARY)[0]
    assert "Chào mừng đồng chí! Tài khoản này đã được gắn với Chi bộ Văn phòng, vai trò bí thư chi bộ." in welcome

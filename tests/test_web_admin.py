"""The administrators' Units and people page: the committee's tree with who is registered on
which channel, invite codes made by the same service as /invite, printed or sent to the
admin's own chat. Staff, secretaries, an admin of another committee and nobody are refused;
a forged form or bad input makes no code."""

from __future__ import annotations

import re

import pytest
from sqlmodel import select

from services import units
from storage.db import session_scope
from storage.tables import AuditEntry, ChatAccount, Invite, Membership, Person, Unit
from tests.support.chat import Chat, deliver
from tests.support.org import register
from tests.support.web import csrf_of, sign_in


def unit_id(app, code: str) -> int:
    with session_scope(app.engine) as session:
        return session.exec(select(Unit).where(Unit.code == code)).one().id


def invites_stored(app) -> list[Invite]:
    with session_scope(app.engine) as session:
        return list(session.exec(select(Invite).where(Invite.used_at.is_(None))).all())  # type: ignore[union-attr]


def codes_on(html: str) -> list[str]:
    return re.findall(r'<b class="invite-code" id="code-\d+">([A-Z0-9]+)</b>', html)


def unit_block(html: str, code: str) -> str:
    """The tree's line of one unit and its people: up to the next unit (its first child, or
    the next unit beside it)."""
    start = html.index(f'data-unit="{code}"')
    end = html.find("data-unit=", start + 1)
    return html[start : end if end > 0 else len(html)]


@pytest.fixture
def admin(app, org, web):
    return sign_in(web(), org["admin"])


@pytest.fixture
def other_admin(app, org):
    """The administrator of another committee."""
    with session_scope(app.engine) as session:
        units.import_units(
            session=session,
            now=app.clock.now(),
            rows=[
                {"code": "HU", "name": "Huyện ủy Ba Vì", "kind": "committee", "parent_code": ""},
                {"code": "HU-CB1", "name": "Chi bộ xã Tản Lĩnh", "kind": "cell", "parent_code": "HU"},
            ],
        )
    return register(app, unit_code="HU", role="admin", name="Phạm Văn Nam", user_id="u-hu-admin")


def test_the_admin_sees_the_tree_codes_and_who_is_registered_on_which_channel(app, org, admin):
    page = admin.get("/units")

    assert page.status_code == 200
    assert '<a href="/units">Đơn vị</a>' in page.text
    assert "10 đơn vị · 3 đơn vị chưa có bí thư (người phụ trách) đăng ký" in page.text
    cb01 = unit_block(page.text, "CB01")
    assert '<span class="code">CB01</span> <span class="name">Chi bộ Văn phòng</span>' in cb01
    assert "Bí thư CB01 · bí thư chi bộ ·" in cb01 and "console" in cb01
    duk = unit_block(page.text, "DUK")
    assert "Trần Văn Tâm · cán bộ cơ quan đảng ủy" in duk and "Quản Trị Viên · quản trị" in duk
    assert "chưa đăng ký" in unit_block(page.text, "DB1-CB2")
    assert "chưa đăng ký" in unit_block(page.text, "DTN")
    assert "chưa đăng ký" not in cb01
    # The tree opens level by level: DB1's cells sit inside its <details>.
    db1 = page.text[page.text.index('<details class="unit" data-unit="DB1"') :]
    assert db1.index('data-unit="DB1-CB1"') < db1.index("</details>")


def test_an_invite_made_on_the_page_is_printed_once_and_joins_its_person(app, org, admin):
    cell = unit_id(app, "DB1-CB2")
    unit_page = admin.get(f"/units/{cell}")
    assert unit_page.status_code == 200
    assert '<b class="unit-code">DB1-CB2</b>' in unit_page.text
    assert re.findall(r'<option value="(\w+)">', unit_page.text) == ["secretary"]  # a cell has only a secretary

    printed = admin.post(
        f"/units/{cell}/invite", data={"csrf": csrf_of(unit_page.text), "role": "secretary", "label": "Lê Thị Mai"}
    )

    assert printed.status_code == 200
    (code,) = codes_on(printed.text)
    assert "Chi bộ Phòng Tài chính" in printed.text and "Dành cho: Lê Thị Mai" in printed.text
    assert f"Gửi cho chibot (Telegram hoặc Zalo) tin nhắn: /start {code}" in printed.text
    assert "Hết hạn: 08:00 22/8/2021" in printed.text  # seven days, as /invite in chat
    assert "Mã chỉ hiển thị một lần" in printed.text
    waiting = admin.get(f"/units/{cell}").text
    assert "Mã mời đang chờ dùng" in waiting and "Lê Thị Mai" in waiting and code not in waiting

    mai = Chat(app=app, user_id="u-mai", name="Mai", channel="telegram")
    mai.send(f"/start {code}")
    assert "Chào mừng" in mai.last_text
    block = unit_block(admin.get("/units").text, "DB1-CB2")
    assert "Lê Thị Mai · bí thư chi bộ ·" in block and "Telegram" in block and "chưa đăng ký" not in block
    with session_scope(app.engine) as session:
        audited = session.exec(select(AuditEntry).where(AuditEntry.action == "invite")).all()
    assert [(a.unit_id, a.details["channel"], a.details["role"]) for a in audited] == [(cell, "web", "secretary")]


def test_invites_for_every_unregistered_unit_print_by_unit_and_go_to_the_admins_chat(app, org, admin, outbox):
    form = {"csrf": csrf_of(admin.get("/units").text), "send": "1"}

    sheet = admin.post("/units/invites", data=form)

    assert sheet.status_code == 200
    assert re.findall(r'<section class="invite-card" data-unit="([^"]+)"', sheet.text) == ["DB1", "DB1-CB2", "DTN"]
    codes = codes_on(sheet.text)
    assert len(set(codes)) == 3
    assert "Đã gửi 3 mã vào chat console của đồng chí để chuyển tiếp." in sheet.text
    deliver(app)
    sent = outbox.texts_to("u-admin")
    assert [next(c for c in codes if c in text) for text in sent] == codes
    assert "Người được mời gửi cho bot: /start" in sent[0]

    assert "Mọi chi bộ, đảng bộ cơ sở và đoàn thể đã có bí thư" not in admin.get("/units").text
    for n, code in enumerate(codes):
        Chat(app=app, user_id=f"u-new-{n}", name=f"Người {n}", channel="console").send(f"/start {code}")
    after = admin.get("/units").text
    assert "0 đơn vị chưa có bí thư" in after and "Mọi chi bộ, đảng bộ cơ sở và đoàn thể đã có bí thư" in after
    nothing = admin.post("/units/invites", data={"csrf": csrf_of(after)})
    assert nothing.status_code == 400 and codes_on(nothing.text) == []


def test_with_the_bots_telegram_name_the_sheet_carries_its_start_link(app, org, admin):
    app.settings.telegram_bot_username = "chibot_duk_bot"
    cell = unit_id(app, "DB1-CB2")
    token = csrf_of(admin.get(f"/units/{cell}").text)
    printed = admin.post(f"/units/{cell}/invite", data={"csrf": token, "role": "secretary"})
    (code,) = codes_on(printed.text)
    assert f"Trên Telegram: mở đường dẫn https://t.me/chibot_duk_bot?start={code} rồi bấm «Bắt đầu»" in printed.text
    assert f"Hoặc gửi cho chibot (Telegram hoặc Zalo) tin nhắn: /start {code}" in printed.text


def test_an_admin_committee_unit_offers_every_role(app, org, admin):
    page = admin.get(f"/units/{unit_id(app, 'DUK')}").text
    assert re.findall(r'<option value="(\w+)">', page) == ["staff", "admin"]
    printed = admin.post(f"/units/{unit_id(app, 'DUK')}/invite", data={"csrf": csrf_of(page), "role": "staff"})
    assert printed.status_code == 200 and "Vai trò: cán bộ cơ quan đảng ủy" in printed.text


def test_staff_are_refused_and_see_no_link(app, org, web):
    staff = sign_in(web(), org["staff"])
    listing = staff.get("/directives").text
    assert '<a href="/units">' not in listing

    page = staff.get("/units")
    made = staff.post(f"/units/{unit_id(app, 'CB01')}/invite", data={"csrf": csrf_of(listing), "role": "secretary"})
    bulk = staff.post("/units/invites", data={"csrf": csrf_of(listing)})

    assert page.status_code == 403 and "chỉ dành cho quản trị viên" in page.text
    assert staff.get(f"/units/{unit_id(app, 'CB01')}").status_code == 403
    assert made.status_code == 403 and bulk.status_code == 403
    assert invites_stored(app) == []
    # They still invite secretaries in chat, through the same service.
    org["staff"].send("/invite CB02")
    assert "Mã mời cho vai trò nào" in org["staff"].last_text


def test_another_committees_unit_is_not_found_and_audited(app, org, other_admin, web):
    browser = sign_in(web(), other_admin)
    cb01 = unit_id(app, "CB01")
    own = browser.get("/units").text
    assert "HU-CB1" in own and "CB01" not in own and "Chi bộ Văn phòng" not in own

    page = browser.get(f"/units/{cb01}")
    made = browser.post(f"/units/{cb01}/invite", data={"csrf": csrf_of(own), "role": "secretary"})
    missing = browser.get("/units/999999")

    assert page.status_code == 404 and "Chi bộ Văn phòng" not in page.text
    assert made.status_code == 404 and missing.status_code == 404
    assert invites_stored(app) == []
    with session_scope(app.engine) as session:
        denied = session.exec(select(AuditEntry).where(AuditEntry.action == "denied")).all()
    assert [(d.unit_id, d.details["page"]) for d in denied] == [(cb01, "unit"), (cb01, "invite"), (None, "unit")]
    # Their own tree's bulk invite covers only their cell.
    sheet = browser.post("/units/invites", data={"csrf": csrf_of(own)})
    assert re.findall(r'data-unit="([^"]+)"', sheet.text) == ["HU-CB1"]


def test_secretaries_and_nobody_get_no_page(app, org, web):
    org["CB01"].send("/web")
    assert "/login/" not in org["CB01"].last_text
    nobody = web()
    assert nobody.get("/units").status_code == 401
    assert nobody.get(f"/units/{unit_id(app, 'CB01')}").status_code == 401
    refused = nobody.post(f"/units/{unit_id(app, 'DB1-CB2')}/invite", data={"role": "secretary"})
    assert refused.status_code == 401 and "DB1-CB2" not in refused.text
    assert nobody.post("/units/invites").status_code == 401
    assert invites_stored(app) == []


def test_a_forged_or_missing_csrf_token_makes_no_code(app, org, admin):
    cell = unit_id(app, "DB1-CB2")
    assert admin.post(f"/units/{cell}/invite", data={"role": "secretary"}).status_code == 403
    forged = admin.post(f"/units/{cell}/invite", data={"role": "secretary", "csrf": "0" * 64})
    assert forged.status_code == 403 and "chưa có gì được lưu" in forged.text
    assert admin.post("/units/invites", data={"csrf": "x"}).status_code == 403
    assert invites_stored(app) == []


def test_bad_input_answers_in_a_sentence_and_makes_no_code(app, org, admin):
    cell = unit_id(app, "DB1-CB2")
    token = csrf_of(admin.get(f"/units/{cell}").text)

    wrong_role = admin.post(f"/units/{cell}/invite", data={"csrf": token, "role": "admin"})
    no_role = admin.post(f"/units/{cell}/invite", data={"csrf": token})
    long_name = admin.post(f"/units/{cell}/invite", data={"csrf": token, "role": "secretary", "label": "A" * 121})

    assert wrong_role.status_code == 400
    assert "Đồng chí chọn vai trò trong danh sách: bí thư chi bộ. Chưa có mã nào được tạo." in wrong_role.text
    assert no_role.status_code == 400 and "Chưa có mã nào được tạo." in no_role.text
    assert long_name.status_code == 400 and "Họ tên dài 121 ký tự; tối đa 120 ký tự." in long_name.text
    typed = admin.get("/units/CB01")  # a code typed where the page's number goes
    assert typed.status_code == 400 and "Yêu cầu không hợp lệ" in typed.text
    assert invites_stored(app) == []


def test_asking_to_send_without_a_reachable_chat_says_so(app, org, web):
    """An admin whose chat chibot cannot write to (blocked the bot): the page says so, and
    the codes are still printed."""
    browser = sign_in(web(), org["admin"])
    with session_scope(app.engine) as session:
        person = session.exec(select(Person).where(Person.full_name == "Quản Trị Viên")).one()
        for account in session.exec(select(ChatAccount).where(ChatAccount.person_id == person.id)).all():
            account.reachable = False
            session.add(account)
    cell = unit_id(app, "DB1-CB2")
    token = csrf_of(browser.get(f"/units/{cell}").text)
    printed = browser.post(f"/units/{cell}/invite", data={"csrf": token, "role": "secretary", "send": "1"})
    assert printed.status_code == 200 and len(codes_on(printed.text)) == 1
    assert "Không gửi được vào chat" in printed.text


def test_an_admin_whose_role_was_removed_is_refused_at_the_next_request(app, org, admin):
    assert admin.get("/units").status_code == 200
    token = csrf_of(admin.get(f"/units/{unit_id(app, 'DB1-CB2')}").text)
    with session_scope(app.engine) as session:
        person = session.exec(select(Person).where(Person.full_name == "Quản Trị Viên")).one()
        for membership in session.exec(select(Membership).where(Membership.person_id == person.id)).all():
            membership.active = False
            session.add(membership)

    page = admin.get("/units")
    made = admin.post(f"/units/{unit_id(app, 'DB1-CB2')}/invite", data={"csrf": token, "role": "secretary"})

    assert page.status_code == 401 and "Chi bộ" not in page.text
    assert made.status_code == 401
    assert invites_stored(app) == []

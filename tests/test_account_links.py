"""One person on Telegram and Zalo: /link, /kenh, one copy of each message on the preferred
channel, and the other channel when the preferred one is blocked."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlmodel import select

from storage.db import session_scope
from storage.tables import ChatAccount, OutboxMessage
from tests.support.chat import Chat, RecordingSender, deliver
from tests.support.org import register
from tests.support.reminders import until
from tests.test_directives_flow import publish_141


@pytest.fixture
def senders(app):
    """What the outbox delivered on each channel."""
    found = {"telegram": RecordingSender("telegram"), "zalo": RecordingSender("zalo")}
    for sender in found.values():
        app.add_sender(sender)
    return found


def link_on_zalo(app, telegram: Chat, zalo_user: str = "z-an") -> Chat:
    telegram.send("/link")
    code = telegram.last_text.split("Mã liên kết của đồng chí: ")[1].split()[0]
    zalo = Chat(app=app, user_id=zalo_user, name="An (Zalo)", channel="zalo")
    zalo.send(f"/link {code}")
    assert zalo.last_text.startswith("Đã liên kết!"), zalo.last_text
    return zalo


def test_a_link_code_from_telegram_attaches_the_zalo_account_to_the_same_person_and_role(org, app, senders):
    tg = register(app, unit_code="CB02", role="secretary", name="Lê Thị An", user_id="t-an", channel="telegram")
    tg.send("/link")
    assert "Mở chibot trên Zalo và gửi: /link LK" in tg.last_text
    code = tg.last_text.split("Mã liên kết của đồng chí: ")[1].split()[0]
    zalo = Chat(app=app, user_id="z-an", name="An", channel="zalo")
    zalo.send(code.lower())  # pasted bare, as an invite would be
    assert zalo.last_text.startswith("Đã liên kết! Tài khoản Zalo này")
    zalo.send("/whoami")
    assert "Lê Thị An" in zalo.last_text and "Chi bộ Ban Tuyên giáo" in zalo.last_text
    with session_scope(app.engine) as session:
        accounts = session.exec(select(ChatAccount).where(ChatAccount.external_user_id.in_(["t-an", "z-an"]))).all()
        assert len({a.person_id for a in accounts}) == 1


def test_a_link_code_works_once_expires_and_cannot_take_another_persons_account(org, app, clock, senders):
    tg = register(app, unit_code="CB02", role="secretary", name="Lê Thị An", user_id="t-an", channel="telegram")
    tg.send("/link")
    code = tg.last_text.split("Mã liên kết của đồng chí: ")[1].split()[0]
    # Another secretary's Zalo account (already registered) cannot be taken over with An's code.
    other = register(app, unit_code="CB03", role="secretary", name="Phạm Bình", user_id="z-binh", channel="zalo")
    other.send(f"/link {code}")
    assert "đã thuộc về một người khác" in other.last_text
    # The same channel that made the code cannot use it.
    tg.send(f"/link {code}")
    assert "cần gửi ở kênh kia" in tg.last_text
    zalo = Chat(app=app, user_id="z-an", name="An", channel="zalo")
    zalo.send(f"/link {code}")
    assert zalo.last_text.startswith("Đã liên kết!")
    stranger = Chat(app=app, user_id="z-lan", name="Lan", channel="zalo")
    stranger.send(f"/link {code}")
    assert "đã được dùng rồi" in stranger.last_text
    tg.send("/link")
    late = tg.last_text.split("Mã liên kết của đồng chí: ")[1].split()[0]
    clock.advance(timedelta(minutes=16))
    Chat(app=app, user_id="z-lan", name="Lan", channel="zalo").send(f"/link {late}")
    stranger.send(f"/link {late}")
    assert "đã hết hạn" in stranger.last_text
    stranger.send("/link LKZZZZZZ")
    assert "Mã liên kết không đúng" in stranger.last_text
    stranger.send("/whoami")
    assert "mã mời" in stranger.last_text  # still not registered


def test_a_directive_goes_once_to_the_channel_last_written_from(org, app, senders):
    tg = register(app, unit_code="CB02", role="secretary", name="Lê Thị An", user_id="t-an", channel="telegram")
    zalo = link_on_zalo(app, tg)  # An wrote on Zalo last
    publish_141(org, app, audience="Tất cả chi bộ")
    assert len(senders["zalo"].texts_to("z-an")) == 1
    assert senders["telegram"].texts_to("t-an") == []
    assert "141-CV/ĐUK" in senders["zalo"].texts_to("z-an")[0]
    zalo.send("/kenh telegram")
    assert "gửi qua Telegram" in zalo.last_text
    zalo.send("/kenh")
    assert "Nhắc việc đang gửi qua Telegram (đồng chí đã chọn)" in zalo.last_text
    assert "Telegram, Zalo" in zalo.last_text


def test_a_reminder_reaches_a_linked_person_once_on_the_preferred_channel_and_on_the_other_when_blocked(
    org, app, senders
):
    tg = register(app, unit_code="CB02", role="secretary", name="Lê Thị An", user_id="t-an", channel="telegram")
    zalo = link_on_zalo(app, tg)
    zalo.send("/kenh zalo")
    publish_141(org, app, audience="Tất cả chi bộ")
    until(app, datetime(2021, 8, 17, 9, 0))
    zalo_texts = senders["zalo"].texts_to("z-an")
    assert len(zalo_texts) == 2 and "còn 3 ngày" in zalo_texts[1]  # the directive, then one reminder
    assert senders["telegram"].texts_to("t-an") == []
    # An blocks the bot on Zalo: the next reminder goes to Telegram instead, once.
    senders["zalo"].blocked.add("z-an")
    until(app, datetime(2021, 8, 19, 9, 0))
    assert [t for t in senders["telegram"].texts_to("t-an") if "còn 1 ngày" in t]
    assert len(senders["telegram"].texts_to("t-an")) == 1
    with session_scope(app.engine) as session:
        reminder = session.exec(
            select(OutboxMessage, ChatAccount)
            .join(ChatAccount, ChatAccount.id == OutboxMessage.account_id)
            .where(
                OutboxMessage.kind == "reminder",
                OutboxMessage.status == "sent",
                ChatAccount.external_user_id.in_(["t-an", "z-an"]),
            )
            .order_by(OutboxMessage.sent_at)
        ).all()
        # Reminders due together go as one message (one or more rows): Zalo first, then Telegram only.
        channels = [a.channel for _m, a in reminder]
        assert channels[0] == "zalo" and set(channels[channels.index("telegram") :]) == {"telegram"}
        assert session.exec(select(ChatAccount).where(ChatAccount.external_user_id == "z-an")).one().reachable is False


def test_kenh_refuses_a_channel_without_an_account(org, app, senders):
    tg = register(app, unit_code="CB02", role="secretary", name="Lê Thị An", user_id="t-an", channel="telegram")
    tg.send("/kenh zalo")
    assert "chưa có tài khoản Zalo" in tg.last_text
    tg.send("/kenh viber")
    assert tg.last_text.startswith("Cách dùng: /kenh")
    deliver(app)

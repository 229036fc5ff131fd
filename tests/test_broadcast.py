"""/broadcast as staff and cells see it, on every channel: audience, count and preview, delivery
with progress and a delivery report, blocked recipients, crash and resume, two staff at once,
bad input. Where a channel can edit a message (console, Telegram) the progress is one message
edited; on Zalo it is a few new messages."""

from __future__ import annotations

import asyncio
import re
from datetime import timedelta

import pytest
from sqlmodel import select

from ground.ports import SendResult
from services.broadcast_progress import CHANNEL_NAMES
from services.dispatcher import Dispatcher
from storage.db import session_scope
from storage.tables import Assignment, AuditEntry, Broadcast, OutboxMessage
from tests.support.chat import CHANNELS, RecordingSender, deliver
from tests.support.report_factories import make_assignment

TEXT = "Đề nghị các chi bộ hoàn thành báo cáo trước 17h00 ngày 20/8/2021."
HEADER = "Tin nhắn từ Đảng ủy Khối Cơ quan tỉnh:\n"
SECRETARIES = ["u-cb01", "u-cb02", "u-cb03", "u-cb04", "u-cb05", "u-db1-cb1"]

#: The same conversations on every channel: the core decides, the channel only renders.
pytestmark = pytest.mark.parametrize("channel", CHANNELS)


class EditingSender(RecordingSender):
    """A sender that can also edit a message it sent (the progress message)."""

    def __init__(self, channel: str = "console") -> None:
        super().__init__(channel)
        self.edits: list[tuple[str, str, str]] = []

    async def edit(self, chat_id: str, message_id: str, reply) -> SendResult:  # noqa: ANN001
        self.edits.append((chat_id, message_id, reply.text))
        return SendResult("sent", message_id=message_id)


@pytest.fixture
def sender(app, channel) -> RecordingSender:
    """What the channel's real sender can do: the console's and Telegram's edit a message,
    Zalo's (ZaloSender) has no edit."""
    made = RecordingSender(channel) if channel == "zalo" else EditingSender(channel)
    app.add_sender(made)
    return made


def carried_by(channel: str, sent: int) -> str:
    """The report's last line naming the channel (the console is not named)."""
    return f"\n• Gửi qua: {CHANNEL_NAMES[channel]} {sent}" if channel in CHANNEL_NAMES else ""


def start_all_cells(staff, text: str = TEXT) -> None:
    staff.send("/broadcast")
    assert (
        staff.last_text
        == "Đồng chí nhập nội dung tin nhắn gửi các chi bộ (có thể gửi kèm một tệp). Gõ /cancel để thôi."
    )
    staff.send(text)
    assert staff.buttons == [
        "Tất cả chi bộ, đoàn thể của đơn vị",
        "Chưa báo cáo văn bản…",
        "Quá hạn báo cáo văn bản…",
        "Chưa báo đã nhận văn bản…",
        "Chọn từng đơn vị",
        "Thôi",
    ]
    staff.press("Tất cả chi bộ")


def test_broadcast_to_all_cells_shows_count_and_preview_then_delivers_with_a_report(app, org, sender, channel):
    staff = org["staff"]
    start_all_cells(staff)
    assert staff.last_text == (
        "Xem trước tin nhắn:\n———\n" + TEXT + "\n———\n"
        "Đối tượng: tất cả chi bộ, đoàn thể\n"
        "Sẽ gửi tới 6 tài khoản của 6 đơn vị.\n"
        "Chưa báo được cho 2 đơn vị (không có bí thư hoặc người phụ trách nhận tin qua chibot; đồng chí báo bằng "
        "đường khác):\n"
        "• DB1-CB2 — Chi bộ Phòng Tài chính: chưa có bí thư đăng ký\n"
        "• DTN — Đoàn Thanh niên Khối: chưa có người phụ trách đăng ký"
    )
    staff.press("Gửi")
    assert staff.last_text == "Đã xếp 6 tin vào hàng gửi. Tiến độ sẽ được cập nhật trong tin nhắn tiếp theo."
    deliver(app)
    for chat in SECRETARIES:
        assert sender.texts_to(chat) == [HEADER + TEXT]
    to_staff = sender.texts_to("u-staff")
    # The progress message counts what was delivered when it was written: several chats are
    # sent to at once, so that may already be more than the first.
    assert re.fullmatch(r"Đã gửi [1-6]/6", to_staff[0])
    if isinstance(sender, EditingSender):  # the progress message, edited up to the end
        final = sender.edits[-1][2] if sender.edits else to_staff[0]  # all six may go before it is written
        assert final == "Đã gửi 6/6" and all(chat == "u-staff" for chat, *_ in sender.edits)
    else:  # no edits: start, halfway and done as new messages, in order
        shown = [int(re.fullmatch(r"Đã gửi ([1-6])/6", line).group(1)) for line in to_staff[:-1]]
        assert shown == sorted(set(shown)) and shown[-1] == 6
    assert to_staff[-1] == (
        "Kết quả gửi tin (tất cả chi bộ, đoàn thể):\n• Đã gửi tới: 6\n• Không gửi được: 2\n"
        "   – chưa có bí thư đăng ký hoặc không liên lạc được: DB1-CB2 — Chi bộ Phòng Tài chính, "
        "DTN — Đoàn Thanh niên Khối" + carried_by(channel, 6)
    )
    with session_scope(app.engine) as session:
        row = session.exec(select(Broadcast)).one()
        assert (row.status, row.total, row.unreachable_units) == (
            "done",
            6,
            [
                [row.unreachable_units[0][0], "DB1-CB2", "Chi bộ Phòng Tài chính"],
                [row.unreachable_units[1][0], "DTN", "Đoàn Thanh niên Khối"],
            ],
        )
        audit = session.exec(select(AuditEntry).where(AuditEntry.action == "broadcast")).one()
        assert audit.details["audience"] == {"kind": "all"}
        assert (audit.details["units"], audit.details["accounts"], audit.details["unreachable_units"]) == (
            8,
            6,
            ["DB1-CB2", "DTN"],
        )
        assert audit.actor_person_id is not None and audit.at == app.clock.now()
        keys = sorted(
            m.dedupe_key for m in session.exec(select(OutboxMessage).where(OutboxMessage.kind == "broadcast"))
        )
        assert len(keys) == 6 and all(k.startswith(f"bc:{row.id}:") for k in keys)


def test_a_recipient_who_blocked_the_bot_is_named_in_the_report(app, org, sender):
    sender.blocked.add("u-cb03")
    start_all_cells(org["staff"])
    org["staff"].press("Gửi")
    deliver(app)
    report = sender.texts_to("u-staff")[-1]
    assert "• Đã gửi tới: 5\n• Không gửi được: 3" in report
    assert "   – đã chặn chatbot: Bí thư CB03" in report


def test_audience_not_reported_for_a_directive(app, org, sender):
    first = make_assignment(app, cell="CB01")
    with session_scope(app.engine) as session:
        directive_id = session.get(Assignment, first).directive_id
        session.get(Assignment, first).status = "reported"
    make_assignment(app, cell="CB02", directive_id=directive_id)
    make_assignment(app, cell="CB03", directive_id=directive_id)
    staff = org["staff"]
    staff.send("/broadcast")
    staff.send("Nhắc báo cáo 141")
    staff.press("Chưa báo cáo")
    assert staff.last_text == "Văn bản nào? Đồng chí gõ số văn bản, ví dụ 141."
    staff.send("999")
    assert staff.last_text == "Không tìm thấy văn bản số «999» của đơn vị đồng chí. Đồng chí gõ lại số văn bản."
    staff.send("141")
    assert "Đối tượng: đơn vị chưa báo cáo 141-CV/ĐUK\nSẽ gửi tới 2 tài khoản của 2 đơn vị." in staff.last_text
    staff.press("Gửi")
    deliver(app)
    assert [c for c in SECRETARIES if sender.texts_to(c)] == ["u-cb02", "u-cb03"]


def test_hand_picked_units(app, org, sender):
    staff = org["staff"]
    staff.send("/broadcast")
    staff.send(TEXT)
    staff.press("Chọn từng đơn vị")
    staff.press("CB04")
    staff.press("Xong")
    assert "Sẽ gửi tới 1 tài khoản của 1 đơn vị." in staff.last_text
    staff.press("Gửi")
    deliver(app)
    assert [c for c in SECRETARIES if sender.texts_to(c)] == ["u-cb04"]


def test_cancel_on_the_unit_list_cancels(app, org, sender):
    # The unit list shows a "Hủy" button; it used to answer "Nút này đã cũ".
    staff = org["staff"]
    staff.send("/broadcast")
    staff.send(TEXT)
    staff.press("Chọn từng đơn vị")
    staff.press("CB04")
    staff.press("Hủy")
    assert staff.last_text == "Đã hủy, không có tin nào được gửi."
    staff.send("/cancel")
    assert staff.last_text == "Hiện không có thao tác nào đang làm."
    with session_scope(app.engine) as session:
        assert session.exec(select(Broadcast)).all() == []


def test_an_empty_audience_sends_nothing_and_says_so(app, org, sender):
    assignment = make_assignment(app, cell="CB01")
    with session_scope(app.engine) as session:
        session.get(Assignment, assignment).status = "reported"
    staff = org["staff"]
    staff.send("/broadcast")
    staff.send(TEXT)
    staff.press("Chưa báo đã nhận")
    staff.send("141")
    assert staff.replies[0].text == (
        "Không có đơn vị nào thuộc đối tượng đã chọn, nên không có tin nào được gửi. "
        "Đồng chí chọn đối tượng khác hoặc gõ /cancel."
    )
    assert "Tất cả chi bộ, đoàn thể của đơn vị" in staff.buttons
    with session_scope(app.engine) as session:
        assert session.exec(select(Broadcast)).all() == []


def test_too_long_text_and_too_large_file_are_refused_with_the_limit(app, org, settings):
    staff = org["staff"]
    staff.send("/broadcast")
    staff.send("a" * 4001)
    assert staff.last_text == (
        "Tin nhắn dài 4.001 ký tự, vượt giới hạn 4.000 ký tự của một tin. "
        "Đồng chí rút gọn hoặc chia thành nhiều lần gửi."
    )
    staff.upload("bien-ban.pdf", b"x" * (settings.max_upload_bytes + 1))
    assert staff.last_text == "Tệp «bien-ban.pdf» lớn hơn giới hạn 10 MB. Đồng chí gửi tệp nhỏ hơn."


def test_a_file_goes_with_the_message(app, org, sender):
    staff = org["staff"]
    staff.send("/broadcast")
    staff.upload("ke-hoach.pdf", b"%PDF-1.4 ke hoach", "application/pdf")
    assert staff.last_text == "Đã nhận tệp «ke-hoach.pdf». Đồng chí nhập nội dung tin nhắn đi kèm."
    staff.send(TEXT)
    staff.press("Chọn từng đơn vị")
    staff.press("CB01")
    staff.press("Xong")
    assert "Tệp đính kèm: ke-hoach.pdf" in staff.last_text
    staff.press("Gửi")
    deliver(app)
    (reply,) = [r for c, r in sender.sent if c == "u-cb01"]
    assert reply.document.name == "ke-hoach.pdf" and reply.document.content == b"%PDF-1.4 ke hoach"


def test_two_staff_broadcasting_at_once_do_not_interfere(app, org, sender):
    start_all_cells(org["staff"], "Tin thứ nhất")
    start_all_cells(org["admin"], "Tin thứ hai")
    org["staff"].press("Gửi")
    org["admin"].press("Gửi")
    deliver(app)
    for chat in SECRETARIES:
        assert sorted(sender.texts_to(chat)) == [HEADER + "Tin thứ hai", HEADER + "Tin thứ nhất"]
    assert sender.texts_to("u-staff")[-1].startswith("Kết quả gửi tin (tất cả chi bộ, đoàn thể):\n• Đã gửi tới: 6")
    assert sender.texts_to("u-admin")[-1].startswith("Kết quả gửi tin (tất cả chi bộ, đoàn thể):\n• Đã gửi tới: 6")
    with session_scope(app.engine) as session:
        assert [b.status for b in session.exec(select(Broadcast).order_by(Broadcast.id))] == ["done", "done"]


def test_a_crash_during_a_broadcast_resumes_without_duplicate_or_loss(app, org, sender, clock):
    start_all_cells(org["staff"])
    org["staff"].press("Gửi")
    # A first process claims a batch of 4, sends 2 of them, and dies.
    first = Dispatcher(engine=app.engine, clock=clock, senders=app.senders, worker_id="dead", batch=4)
    claims = first._claim()
    assert len(claims) == 4
    for claim in claims[:2]:
        asyncio.run(first._send_one(claim))
    delivered_before = {c for c, _r in sender.sent}
    # The restarted process takes over what the dead one left "sending" once it is stale.
    clock.advance(timedelta(minutes=11))
    deliver(app)
    counts = {chat: len(sender.texts_to(chat)) for chat in SECRETARIES}
    assert counts == dict.fromkeys(SECRETARIES, 1)
    assert len(delivered_before & set(SECRETARIES)) == 2
    with session_scope(app.engine) as session:
        rows = session.exec(select(OutboxMessage).where(OutboxMessage.kind == "broadcast")).all()
        assert sorted(r.status for r in rows) == ["sent"] * 6
        assert session.exec(select(Broadcast)).one().status == "done"
    assert sender.texts_to("u-staff")[-1].startswith("Kết quả gửi tin (tất cả chi bộ, đoàn thể):\n• Đã gửi tới: 6")


def test_progress_edits_are_throttled_by_share_of_the_total(app, org, sender):
    progress = next(listener for listener in app.dispatcher.listeners if hasattr(listener, "step"))
    progress.step, progress.interval, progress.monotonic = 0.5, 1000.0, lambda: 0.0
    app.dispatcher.concurrency = 1  # one chat at a time, so each outcome is counted as it comes
    start_all_cells(org["staff"])
    org["staff"].press("Gửi")
    deliver(app)
    if not isinstance(sender, EditingSender):
        # Without edits the step does not matter: start, halfway and done, as new messages.
        assert sender.texts_to("u-staff")[:3] == ["Đã gửi 1/6", "Đã gửi 3/6", "Đã gửi 6/6"]
        return
    assert sender.texts_to("u-staff")[0] == "Đã gửi 3/6"
    assert [text for chat, _id, text in sender.edits if chat == "u-staff"] == ["Đã gửi 6/6"]


def test_two_processes_sharing_a_broadcast_send_the_delivery_report_once(app, org, sender, clock):
    """Each process's dispatcher has its own progress listener and sees only its own half of
    the deliveries, interleaved with the other's: the report still goes out, once."""
    from services.broadcast_progress import BroadcastProgress

    start_all_cells(org["staff"])
    org["staff"].press("Gửi")
    processes = []
    for worker in ("host:1001", "host:1002"):
        dispatcher = Dispatcher(engine=app.engine, clock=clock, senders=app.senders, worker_id=worker, batch=3)
        # Edits throttled to every half of the total, as a large broadcast's are (5%).
        progress = BroadcastProgress(
            engine=app.engine, clock=clock, senders=app.senders, step=0.5, interval=1000.0, monotonic=lambda: 0.0
        )
        dispatcher.listeners.append(progress)
        processes.append((dispatcher, dispatcher._claim()))
    assert [len(claims) for _, claims in processes] == [3, 3]

    async def interleaved() -> None:
        for n in range(3):
            for dispatcher, claims in processes:
                await dispatcher._send_one(claims[n])

    asyncio.run(interleaved())
    deliver(app)
    assert {chat: len(sender.texts_to(chat)) for chat in SECRETARIES} == dict.fromkeys(SECRETARIES, 1)
    reports = [t for t in sender.texts_to("u-staff") if t.startswith("Kết quả gửi tin")]
    assert len(reports) == 1 and reports[0].startswith("Kết quả gửi tin (tất cả chi bộ, đoàn thể):\n• Đã gửi tới: 6")
    with session_scope(app.engine) as session:
        assert session.exec(select(Broadcast)).one().status == "done"

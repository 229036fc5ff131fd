"""Several chibot processes on one PostgreSQL running Zalo: behind one webhook URL (a post, or
Zalo's redelivery of it, may land on either), or each long polling, with every process's
outbox dispatcher sending. Nobody gets a message twice, and a conversation goes on whichever
process takes the next message."""

from __future__ import annotations

import asyncio
import contextlib

import httpx
import pytest
from pydantic import SecretStr
from sqlmodel import select

from bot.app import build_app
from bot.channels.zalo_channel import SECRET_HEADER
from storage.db import make_db_engine, session_scope
from storage.tables import Assignment, ProcessedUpdate
from tests.support.db import TEST_DATABASE_URL, using_postgres
from tests.support.zalo_fixtures import ZaloUser, new_invite, running_zalo
from tests.test_directives_flow import DOC_141

pytestmark = pytest.mark.skipif(
    not using_postgres(),
    reason="several processes need a database they can share: row locks and a unique update key across "
    "connections are PostgreSQL's; SQLite tests run one process",
)

SECRET = "s3cret-for-the-zalo-webhook"
CELLS = ["CB01", "CB02", "CB03", "CB04"]


@contextlib.asynccontextmanager
async def two_processes(app, *, webhook: bool = False):  # noqa: ANN001
    """Two chibot processes on the same database: their own engine, core, dispatcher (with its
    own worker id, as two pids have) and Zalo channel, against the one fake Zalo server."""
    other = build_app(app.settings, clock=app.clock, engine=make_db_engine(TEST_DATABASE_URL), migrate=False)
    app.dispatcher.worker_id, other.dispatcher.worker_id = "host:1001", "host:1002"
    try:
        async with running_zalo(app, webhook=webhook) as one, running_zalo(other, webhook=webhook) as two:
            yield [(app, one), (other, two)]
    finally:
        other.engine.dispose()


class Both:
    """What ZaloUser waits on: the answers under way in either process."""

    def __init__(self, channels) -> None:  # noqa: ANN001
        self.channels = channels

    @property
    def receiver(self) -> Both:
        return self

    async def drain(self) -> None:
        for channel in self.channels:
            await channel.receiver.drain()


def text_update(message_id: str, chat_id: str, text: str, name: str) -> dict:
    return {
        "event_name": "message.text.received",
        "message": {
            "message_id": message_id,
            "chat": {"id": chat_id, "chat_type": "PRIVATE"},
            "from": {"id": chat_id, "display_name": name},
            "text": text,
            "date": 1766619597466,
        },
    }


async def deliver_from_both(apps) -> None:  # noqa: ANN001
    """Both processes' dispatchers at the same moment, until nothing is left to send."""
    for _ in range(3):
        await asyncio.gather(*(app.dispatcher.run_once() for app in apps))


async def test_behind_one_webhook_url_a_redelivered_update_and_the_outbox_go_out_once(zalo_server, zalo_app):
    settings = zalo_app.settings
    settings.zalo_webhook_url, settings.zalo_webhook_secret = "https://chibot.example.vn/zalo/hook", SecretStr(SECRET)
    settings.zalo_webhook_listen, settings.zalo_webhook_port = "127.0.0.1", 0
    codes = {cell: new_invite(zalo_app, cell, "secretary", f"Bí thư {cell}") for cell in CELLS}
    staff_code = new_invite(zalo_app, "DUK", "staff", "Trần Văn Tâm")
    async with two_processes(zalo_app, webhook=True) as processes, httpx.AsyncClient() as client:
        apps = [app for app, _ in processes]
        urls = [f"http://127.0.0.1:{channel.server.port}/zalo/hook" for _, channel in processes]
        ids = iter(range(1, 1000))

        async def post(update: dict, *, to: list[int]) -> None:
            """The update posted to these processes at once (the same post retried elsewhere)."""
            answers = await asyncio.gather(
                *(client.post(urls[n], json=update, headers={SECRET_HEADER: SECRET}) for n in to)
            )
            assert all(a.status_code == 200 for a in answers)
            for _, channel in processes:
                await channel.receiver.drain()

        async def say(chat_id: str, text: str, name: str, *, to: list[int]) -> None:
            await post(text_update(f"w{next(ids)}", chat_id, text, name), to=to)

        # Every registration arrives at both processes at once: one welcome each.
        for cell in CELLS:
            await say(f"z-{cell}", codes[cell], f"Bí thư {cell}", to=[0, 1])
        await say("z-staff", staff_code, "Tâm", to=[1, 0])
        for chat_id in ["z-staff", *(f"z-{cell}" for cell in CELLS)]:
            welcomes = [t for t in zalo_server.texts_to(chat_id) if "Chào mừng đồng chí!" in t]
            assert len(welcomes) == 1, (chat_id, zalo_server.texts_to(chat_id))

        # The staff member's /new goes on whichever process takes each message.
        for n, line in enumerate(["/new", DOC_141, "xac nhan", "tat ca chi bo", "gui"]):
            await say("z-staff", line, "Tâm", to=[n % 2])
        assert "Đã gửi" in zalo_server.texts_to("z-staff")[-1]
        await deliver_from_both(apps)
        for cell in CELLS:
            notices = [t for t in zalo_server.texts_to(f"z-{cell}") if t.startswith("Văn bản mới: Công văn 141-CV/ĐUK")]
            assert len(notices) == 1, cell

        # "1" answers the menu whichever process delivered it; posted to both, acknowledged once.
        await say("z-CB01", "1", "Bí thư CB01", to=[1, 0])
        acks = [t for t in zalo_server.texts_to("z-CB01") if "Đã ghi nhận chi bộ đồng chí đã nhận" in t]
        assert len(acks) == 1
    with session_scope(zalo_app.engine) as session:
        assert len([a for a in session.exec(select(Assignment)) if a.acknowledged_at is not None]) == 1
        assert len(session.exec(select(ProcessedUpdate)).all()) == len(CELLS) + 1 + 5 + 1


async def test_two_pollers_and_two_dispatchers_a_broadcast_reaches_each_cell_once_with_one_report(
    zalo_server, zalo_app
):
    codes = {cell: new_invite(zalo_app, cell, "secretary", f"Bí thư {cell}") for cell in CELLS}
    staff_code = new_invite(zalo_app, "DUK", "staff", "Trần Văn Tâm")
    async with two_processes(zalo_app) as processes:
        apps = [app for app, _ in processes]
        both = Both([channel for _, channel in processes])
        tam = ZaloUser(zalo_server, both, "z-staff", "Tâm")
        assert "Chào mừng đồng chí!" in await tam.say(staff_code)
        for cell in CELLS:
            assert "Chào mừng đồng chí!" in await ZaloUser(zalo_server, both, f"z-{cell}", cell).say(codes[cell])
        await tam.say("/broadcast")
        await tam.say("Đề nghị các chi bộ báo cáo trước 17h00.")
        assert "Sẽ gửi tới 4 tài khoản của 4 đơn vị." in await tam.say("tat ca chi bo")
        await tam.say("gui")
        await deliver_from_both(apps)
        await zalo_server.wait_idle()
        for cell in CELLS:
            got = [t for t in zalo_server.texts_to(f"z-{cell}") if "Đề nghị các chi bộ báo cáo trước 17h00." in t]
            assert len(got) == 1, cell
        reports = [t for t in tam.all_texts if t.startswith("Kết quả gửi tin")]
        assert len(reports) == 1 and reports[0].endswith("• Gửi qua: Zalo 4")
        # The final figure comes once, from the process that marked the broadcast done. (The
        # start and halfway notes are each process's own: two may show the same one.)
        assert [t for t in tam.all_texts if t == "Đã gửi 4/4"] == ["Đã gửi 4/4"]
    # Each update was taken by one poller and answered by it: none was seen twice.
    polled = [c for c in zalo_server.calls_of("getUpdates") if c.status == 200]
    assert len(polled) == 1 + len(CELLS) + 4

"""Every reply within its channel's limits (issue 15): a long text comes in a few messages and
is cut with "…" past that, a button label stays one short line, and no button kind can build
data over Telegram's 64 bytes. The rule is ground/reply_limits.py; the core's answers and the
dispatcher's deliveries pass through it."""

from __future__ import annotations

import asyncio
import secrets

from sqlmodel import Session, select

from bot.channels import telegram_render
from ground.messages import MAX_BUTTON_DATA_BYTES, Choice, Reply
from ground.ports import CONSOLE_CAPABILITIES, TELEGRAM_CAPABILITIES, ZALO_CAPABILITIES
from ground.reply_limits import MAX_LABEL_CHARS, MAX_PARTS, fit_reply, text_budget, utf16_units
from handlers.context import FLOW_BUTTON_PREFIX
from handlers.directives_view import PICKABLE_COMMANDS
from handlers.registry import build_router
from handlers.status import CHART_WORDS
from services import broadcast, outbox, units
from services.directive_drafts import EDITABLE_FIELDS
from services.dispatcher import Dispatcher
from services.exports import FORMATS
from services.report_templates import TemplateError, default_template, template_from_dict
from storage.db import session_scope
from storage.tables import ChatAccount
from tests.reliability.limits_check import assert_within_limits, telegram_messages, zalo_messages
from tests.reliability.support import SEED_141, publish_directive, seed
from tests.support.chat import RecordingSender

#: A list a staff member may well ask for: 100 lines of 73 characters (7,300).
LONG_LIST = "\n".join(
    f"• Chi bộ số {n:03d}: đã báo cáo 45/50 (90%), nhận thức tốt, khó khăn: không" for n in range(100)
)
#: What one pasted line would make of a reply that echoed it whole.
HUGE = "x" * 300_052


def test_a_reply_that_fits_is_passed_on_untouched():
    reply = Reply(text="Đã nhận báo cáo.", choices=[[Choice("Xác nhận", "f:abc:ok")]])
    for capabilities in (TELEGRAM_CAPABILITIES, ZALO_CAPABILITIES, CONSOLE_CAPABILITIES):
        assert fit_reply(reply, capabilities) is reply


def test_a_long_list_comes_whole_in_a_few_messages():
    reply = Reply(text=LONG_LIST)
    telegram = telegram_messages(reply)
    assert len(telegram) == 2 and "…" not in "".join(m.text or "" for m in telegram)
    assert "Chi bộ số 099" in telegram[-1].text
    zalo = zalo_messages(reply)
    assert len(zalo) == 4 and all(len(part) <= 2000 for part in zalo) and "Chi bộ số 099" in zalo[-1]


def test_a_text_past_a_few_messages_is_cut_with_an_ellipsis():
    reply = Reply(text=HUGE, choices=[[Choice("Xác nhận", "f:abc:ok")]])
    telegram = telegram_messages(reply)
    assert len(telegram) == MAX_PARTS and telegram[-1].text.endswith("…")
    assert telegram[-1].markup is not None  # the button still rides on the last message
    zalo = zalo_messages(reply)
    assert len(zalo) == MAX_PARTS + 1 and zalo[-2].endswith("…") and zalo[-1] == "1. Xác nhận"
    console = fit_reply(reply, CONSOLE_CAPABILITIES)
    assert len(console.text) == text_budget(CONSOLE_CAPABILITIES) and console.text.endswith("…")
    assert_within_limits(console)


def test_emoji_count_as_telegram_counts_them():
    fitted = fit_reply(Reply(text="😀" * 20_000), TELEGRAM_CAPABILITIES)
    assert utf16_units(fitted.text) <= text_budget(TELEGRAM_CAPABILITIES)
    assert fitted.text == "😀" * ((text_budget(TELEGRAM_CAPABILITIES) - 1) // 2) + "…"


def test_a_long_button_label_is_cut_and_keeps_its_data():
    label = "Báo cáo: Công văn 141-CV/ĐUK V/v tổ chức quán triệt Nghị quyết số 05-NQ/TU ngày 05/8/2021"
    fitted = fit_reply(Reply(text="Chọn:", choices=[[Choice(label, "rep:7")]]), TELEGRAM_CAPABILITIES)
    [choice] = fitted.flat_choices()
    assert choice.label == "Báo cáo: Công văn 141-CV/ĐUK V/v tổ chức quán triệt Nghị quyết…"
    assert len(choice.label) <= MAX_LABEL_CHARS and choice.data == "rep:7"


#: The largest id PostgreSQL's integer column holds, which every id in button data is.
BIG_ID = 2**31 - 1
LONGEST_REST = max((*FORMATS, *CHART_WORDS), key=lambda w: len(w.encode()))
#: Every registered button kind, with the longest data the code that builds it can make.
LONGEST_DATA = {
    "ack": f"ack:{BIG_ID}",
    "rep": f"rep:{BIG_ID}",
    "full": f"full:{BIG_ID}",
    "stc": f"stc:{BIG_ID}",
    "exp": f"exp:{BIG_ID}:xlsx",
    "rmd": f"rmd:{BIG_ID}",
    "cls": f"cls:{BIG_ID}",
    # The word after the number rides along (/export 141 csv, /status 141 biểuđồ).
    "pick": f"pick:{max(PICKABLE_COMMANDS, key=len)}:{BIG_ID}:{LONGEST_REST}",
}


def test_no_button_kind_builds_data_over_64_bytes():
    router = build_router()
    assert set(LONGEST_DATA) == set(router.buttons), "a new button kind needs its longest data here"
    for kind, data in LONGEST_DATA.items():
        assert len(data.encode()) <= MAX_BUTTON_DATA_BYTES, kind
        Choice(kind, data)  # a Choice refuses data over the limit
    # A flow's buttons: "f:<nonce>:<value>", the value naming an option, a field, a unit or a page.
    nonce = secrets.token_urlsafe(4)
    template = default_template()
    values = [f"o:{o.value}" for f in template.fields for o in f.options] + [f"e:{f.key}" for f in template.fields]
    values += [f"t:{BIG_ID}", f"p:{BIG_ID}", str(BIG_ID), "unplaced", *EDITABLE_FIELDS, *broadcast.AUDIENCES]
    for value in values:
        Choice(value, f"{FLOW_BUTTON_PREFIX}:{nonce}:{value}")
    # The longest key and option value a report template accepts fit as well.
    longest = "k" * 32
    Choice("longest", f"{FLOW_BUTTON_PREFIX}:{nonce}:e:{longest}")
    Choice("longest", f"{FLOW_BUTTON_PREFIX}:{nonce}:o:{longest}")


def test_a_template_field_key_too_long_for_a_button_is_refused():
    fields = [{"key": "k" * 33, "type": "integer", "label": "Số"}]
    try:
        template_from_dict({"fields": fields})
    except TemplateError as problem:
        assert problem.reason == "bad_key"
    else:
        raise AssertionError("a 33-character key was accepted")
    assert template_from_dict({"fields": [{**fields[0], "key": "k" * 32}]}).fields[0].key == "k" * 32


def test_a_pushed_message_is_fitted_before_the_channel_sees_it(org, app, clock):
    with Session(app.engine) as session:
        account = session.exec(select(ChatAccount).where(ChatAccount.external_user_id == "u-cb01")).one()
        outbox.enqueue(
            session=session,
            account_id=account.id,
            kind="notice",
            reply=Reply(text=HUGE, choices=[[Choice("x" * 100, "rep:1")]]),
            due_at=clock.now(),
            dedupe_key="huge",
        )
        session.commit()
    sender = RecordingSender("console")
    dispatcher = Dispatcher(engine=app.engine, clock=clock, senders={"console": sender})
    assert asyncio.run(dispatcher.run_once()).sent == 1
    [text] = sender.texts_to("u-cb01")
    assert len(text) == text_budget(CONSOLE_CAPABILITIES) and text.endswith("…")


def test_a_list_of_600_cells_through_the_core_is_cut_within_four_telegram_messages(db_url, tmp_path):
    """/unacked lists every cell that has not acknowledged: 600 cells make 36,000 characters,
    nine Telegram messages. The core's answer holds four messages' worth of whole lines and ends
    by counting the cells it left out; so does the staff /doc, in both languages."""
    seeded = seed(db_url, tmp_path, 0)
    rows = [
        {"code": f"C{n:03d}", "name": f"Chi bộ số {n} thuộc Đảng bộ cơ sở khối doanh nghiệp", "kind": "cell"}
        for n in range(600)
    ]
    with session_scope(seeded.app.engine) as session:
        units.import_units(
            session=session, now=seeded.app.clock.now(), rows=[{**r, "parent_code": "DUK"} for r in rows]
        )
    staff = seeded.staff  # on Telegram
    staff.send("/new")
    staff.send(SEED_141.read_text(encoding="utf-8"))
    staff.press("Xác nhận")
    [confirm] = staff.press("Tất cả chi bộ")  # the question under the list of 600 stays whole
    # The recipients, then (none of the 600 has a secretary yet) the warning, then the question.
    recipients, warning = confirm.text.split("\nLưu ý: hiện chưa báo được cho 600 đơn vị")
    *listed, more = recipients.splitlines()
    shown = [line for line in listed if line.startswith("• C")]
    assert more == f"… và {600 - len(shown)} đơn vị khác"
    assert confirm.text.splitlines()[-1] == "Đồng chí xác nhận gửi?" and "/invite" in warning
    assert utf16_units(confirm.text) <= text_budget(TELEGRAM_CAPABILITIES)
    staff.send("/cancel")

    publish_directive(seeded)
    [reply] = staff.send("/unacked 141")
    assert "141-CV/ĐUK" in reply.text[:200], reply.text[:200]
    assert "• C000 — Chi bộ số 0 thuộc" in reply.text
    *listed, last = reply.text.splitlines()
    shown = [line for line in listed if line.startswith("• C")]
    assert last == f"… và {600 - len(shown)} đơn vị khác" and len(shown) > 100
    assert all(line.endswith("thuộc Đảng bộ cơ sở khối doanh nghiệp") for line in shown)  # whole lines
    assert utf16_units(reply.text) <= text_budget(TELEGRAM_CAPABILITIES)
    telegram = telegram_messages(reply)
    assert len(telegram) <= MAX_PARTS + 1 and all(telegram_render.telegram_length(m.text) <= 4096 for m in telegram)

    [doc] = staff.send("/doc 141")
    assert utf16_units(doc.text) <= text_budget(TELEGRAM_CAPABILITIES)
    assert doc.text.startswith("Công văn 141-CV/ĐUK") and "Đã nhận: 0/600 đơn vị" in doc.text
    assert doc.text.splitlines()[-1] == f"… và {600 - doc.text.count(chr(10) + '• C')} đơn vị khác"

    staff.send("/lang en")
    [reply] = staff.send("/unacked 141")
    shown = [line for line in reply.text.splitlines() if line.startswith("• C")]
    assert reply.text.splitlines()[-1] == f"… and {600 - len(shown)} more units"
    seeded.app.engine.dispose()


def test_adding_600_cells_names_the_first_codes_and_counts_the_rest(db_url, tmp_path):
    """/recipients with 600 codes typed: the answer names as many as a sentence holds and
    counts the others (a catalog placeable holds 1,000 characters at most)."""
    seeded = seed(db_url, tmp_path, 0)
    rows = [{"code": f"C{n:03d}", "name": f"Chi bộ số {n}", "kind": "cell", "parent_code": "DUK"} for n in range(600)]
    with session_scope(seeded.app.engine) as session:
        units.import_units(session=session, now=seeded.app.clock.now(), rows=rows)
    staff = seeded.staff
    staff.send("/new")
    staff.send(SEED_141.read_text(encoding="utf-8"))
    staff.press("Xác nhận")
    staff.press("Chọn từng đơn vị")
    staff.send("C000")
    staff.press("Xong")
    staff.press("Gửi")
    staff.send("/recipients 141")
    staff.send(", ".join(f"C{n:03d}" for n in range(1, 600)))
    [done] = staff.press("Xong (600)")
    first = done.text.splitlines()[0]  # the cells without a secretary are listed under it
    head, _, rest = first.partition("Thêm: C001, C002, ")
    assert head == "Đã cập nhật đơn vị nhận Công văn 141-CV/ĐUK. "
    named = rest.split(" … và ")[0].split(", ")
    assert rest.endswith(f" … và {599 - 2 - len(named)} đơn vị khác. Bỏ: —. Đã báo cho 0 đơn vị liên quan.")
    assert len(named) > 50 and named[-1] == f"C{len(named) + 2:03d}"
    seeded.app.engine.dispose()

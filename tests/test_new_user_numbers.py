"""What a new user hit: the numbers of one directive agree in every view (chat and files)."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from tests.support.chat import deliver
from tests.test_directives_flow import directive_message, paste_141, publish_141, use_buttons_of


def test_a_cell_that_reported_without_pressing_received_counts_as_received_everywhere(org, app, outbox):
    staff = publish_141(org, app)
    use_buttons_of(org["CB01"], directive_message(outbox, "u-cb01")).press("Đã nhận")
    cb02 = org["CB02"]
    cb02.send("bc 141 trực tiếp+zalo 45/50 tốt")  # straight from the message, no "Đã nhận"
    cb02.press("Xác nhận")
    assert "Cảm ơn đồng chí" in cb02.last_text
    deliver(app)

    staff.send("/directives")
    assert "Đã nhận: 2/8 đơn vị" in staff.last_text
    staff.send("/status 141")
    assert "Giao 8 đơn vị · đã nhận 2 · đã báo cáo 1" in staff.last_text
    staff.send("/doc 141")
    assert (
        "Đã nhận: 2/8 đơn vị\n• CB01 — Chi bộ Văn phòng: Bí thư CB01, 08:00 15/8/2021\n"
        "• CB02 — Chi bộ Ban Tuyên giáo: Bí thư CB02, 08:00 15/8/2021\n" in staff.last_text
    )
    staff.send("/unacked 141")
    assert staff.last_text.startswith("Chưa báo đã nhận Công văn 141-CV/ĐUK (6/8 đơn vị):\n• CB03")
    [reply] = staff.send("/export 141 xlsx")
    book = load_workbook(io.BytesIO(reply.document.content))
    received = {r[0]: r[5] for r in book["Các đơn vị"].iter_rows(min_row=2, values_only=True)}
    assert [code for code, at in received.items() if at is not None] == ["CB01", "CB02"]
    summary = {r[0]: r[1] for r in book["Tổng hợp"].iter_rows(values_only=True)}
    assert summary["Đã nhận văn bản"] == 2


def test_a_report_sent_for_the_cell_by_staff_also_counts_it_received(org, app, outbox):
    staff = publish_141(org, app)
    staff.send("/report CB03")
    assert "Đồng chí đang báo cáo thay cho Chi bộ Ban Tổ chức" in staff.last_text
    staff.send("trực tiếp")
    staff.send("40/50")
    staff.press("Tốt")
    staff.press("Bỏ qua")
    staff.press("Bỏ qua")
    staff.press("Xác nhận")
    staff.send("/doc 141")
    assert (
        "Đã nhận: 1/8 đơn vị\n• CB03 — Chi bộ Ban Tổ chức: nhận qua báo cáo do cán bộ gửi thay, 08:00 15/8/2021\n"
        in staff.last_text
    )


def test_the_first_amendment_is_version_2_in_the_thanks_the_staff_notice_and_the_file(org, app, outbox):
    staff = publish_141(org, app)
    cb02 = org["CB02"]
    cb02.send("bc 141 trực tiếp+zalo 45/50 tốt")
    cb02.press("Xác nhận")
    assert "(bản" not in cb02.last_text  # the first report is just the report
    cb02.send("bc 141 trực tiếp+zalo 48/50 tốt")
    cb02.press("Xác nhận")
    assert cb02.last_text.startswith("Cảm ơn đồng chí! Đã gửi báo cáo sửa 141-CV/ĐUK — Chi bộ Ban Tuyên giáo (bản 2):")
    deliver(app)
    assert "Chi bộ Ban Tuyên giáo đã sửa báo cáo 141-CV/ĐUK (bản 2)" in outbox.texts_to("u-staff")[-1]
    [reply] = staff.send("/export 141 xlsx")
    sheet = load_workbook(io.BytesIO(reply.document.content))["Các đơn vị"]
    header = [c.value for c in sheet[1]]
    row = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True)}["CB02"]
    assert row[header.index("Bản báo cáo")] == 2


def publish_to(org, app, codes: str):  # noqa: ANN001, ANN201
    staff = paste_141(org)
    staff.press("Xác nhận")
    staff.press("Chọn từng đơn vị")
    staff.send(codes)
    staff.press("Xong")
    staff.press("Gửi")
    deliver(app)
    return staff


CB05_BLOCKED = (
    "Chưa báo được cho 1 đơn vị (không có bí thư hoặc người phụ trách nhận tin qua chibot; đồng chí báo bằng đường "
    "khác):\n"
    "• CB05 — Chi bộ Ban Dân vận: bí thư đã chặn chibot"
)


def test_deadline_change_and_remind_count_the_told_apart_from_the_unreachable_and_name_them(org, app, outbox):
    staff = publish_to(org, app, "CB01, CB02, CB03, CB04, CB05")
    app.core.mark_unreachable(channel="console", chat_id="u-cb05", reason="Forbidden: bot was blocked by the user")
    staff.send("/deadline 141")
    staff.press("Báo cáo")
    staff.send("trước ngày 25/8/2021")
    staff.press("Xác nhận")
    assert staff.last_text == "Đã đổi thời hạn: Báo cáo: trước 25/8/2021. Đã báo cho 4 đơn vị.\n" + CB05_BLOCKED
    deliver(app)
    told = {chat for chat, reply in outbox.sent if reply.text.startswith("Thay đổi thời hạn")}
    assert told == {"u-cb01", "u-cb02", "u-cb03", "u-cb04"}

    staff.send("/remind 141")
    assert staff.last_text == "Gửi nhắc ngay cho 4 đơn vị chưa thực hiện 141-CV/ĐUK?\n" + CB05_BLOCKED
    assert staff.buttons == ["Gửi nhắc", "Thôi"]


def test_remind_when_no_unfinished_cell_can_be_reached_says_so_and_offers_nothing(org, app):
    staff = publish_to(org, app, "DB1-CB2, DTN")
    [reply] = staff.send("/remind 141")
    assert reply.text == (
        "2 đơn vị chưa thực hiện 141-CV/ĐUK, nhưng không đơn vị nào nhận được tin nhắc qua chibot, nên không có gì "
        "để gửi.\n"
        "Chưa báo được cho 2 đơn vị (không có bí thư hoặc người phụ trách nhận tin qua chibot; đồng chí báo bằng "
        "đường khác):\n"
        "• DB1-CB2 — Chi bộ Phòng Tài chính: chưa có bí thư đăng ký\n"
        "• DTN — Đoàn Thanh niên Khối: chưa có người phụ trách đăng ký"
    )
    assert reply.choices == []


def test_broadcast_to_unreported_cells_none_of_which_has_a_secretary_says_how_many_and_why(org, app):
    staff = publish_to(org, app, "DB1-CB2, DTN")
    staff.send("/broadcast")
    staff.send("Đề nghị các chi bộ báo cáo sớm.")
    staff.press("Chưa báo cáo văn bản…")
    replies = staff.send("141")
    assert replies[0].text == (
        "Đối tượng đã chọn có 2 đơn vị, nhưng không đơn vị nào nhận được tin qua chibot, nên không có tin nào "
        "được gửi. Đồng chí chọn đối tượng khác hoặc gõ /cancel.\n"
        "Chưa báo được cho 2 đơn vị (không có bí thư hoặc người phụ trách nhận tin qua chibot; đồng chí báo bằng "
        "đường khác):\n"
        "• DB1-CB2 — Chi bộ Phòng Tài chính: chưa có bí thư đăng ký\n"
        "• DTN — Đoàn Thanh niên Khối: chưa có người phụ trách đăng ký"
    )
    assert "Tất cả chi bộ, đoàn thể của đơn vị" in staff.buttons

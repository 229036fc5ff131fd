"""What a new user hit: the numbers of one directive agree in every view (chat and files)."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from tests.support.chat import deliver
from tests.test_directives_flow import directive_message, publish_141, use_buttons_of


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
    assert "Đã nhận: 2/8 đơn vị\n• CB01 — Chi bộ Văn phòng: Bí thư CB01, 08:00 15/8/2021\n" \
           "• CB02 — Chi bộ Ban Tuyên giáo: Bí thư CB02, 08:00 15/8/2021\n" in staff.last_text
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
    assert "Đã nhận: 1/8 đơn vị\n• CB03 — Chi bộ Ban Tổ chức: nhận qua báo cáo do cán bộ gửi thay, 08:00 15/8/2021\n" \
        in staff.last_text


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


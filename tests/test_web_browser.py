"""The dashboard in a real browser (headless Chromium from Debian's package, driven by
Playwright): sign in through the link the bot sends, open a directive, expand the unit tree,
download the XLSX and read it. Screenshots of each page go to test-output/browser/."""

from __future__ import annotations

import asyncio
import io
import re
import threading
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from services import units
from storage.db import session_scope
from tests.support.chat import RecordingSender
from tests.support.live_web import OUTPUT
from tests.support.org import register
from tests.support.oversight_tree import build_tree
from tests.support.web import LINK_RE


@pytest.fixture
def tree(app):
    with session_scope(app.engine) as session:
        return build_tree(session, groups=10, cells_per_group=18, direct_cells=20, now=app.clock.now())


def test_staff_sign_in_from_the_bot_open_a_directive_and_download_the_xlsx(app, tree, live_web, browser_page):
    page = browser_page
    staff = register(app, unit_code="QU", role="staff", name="Nguyễn Thị Hoa", user_id="u-qu-staff")
    staff.send("/web")
    link = LINK_RE.search(staff.last_text)
    assert link and staff.last_text.count(live_web) == 1

    page.goto(live_web + link.group(1))
    page.screenshot(path=str(OUTPUT / "1-login.png"), full_page=True)
    assert page.get_by_text("Đăng nhập với tư cách Nguyễn Thị Hoa.").is_visible()
    page.get_by_role("button", name="Đăng nhập").click()

    page.wait_for_url(live_web + "/directives")
    page.screenshot(path=str(OUTPUT / "2-directives.png"), full_page=True)
    row = page.locator(f'tr[data-directive="{tree.directive_ids[0]}"]')
    assert row.locator("td.assigned").inner_text() == "200"
    assert row.locator("td.reported").inner_text() == "133"

    page.get_by_role("link", name="51-KH/QU").click()
    page.wait_for_url(f"{live_web}/directives/{tree.directive_ids[0]}")
    assert page.locator("b.reach").inner_text() == "1.724/2.927 · 58,9%"
    page.screenshot(path=str(OUTPUT / "3-directive.png"))
    group = page.locator('details[data-unit="DB001"]')
    cell = group.locator('[data-unit="DB001-CB002"]')
    assert not cell.is_visible()
    group.locator("summary").click()
    assert cell.is_visible()
    page.locator("section.tree").scroll_into_view_if_needed()
    page.screenshot(path=str(OUTPUT / "3b-directive-tree.png"))
    page.get_by_role("button", name="Mở hết").click()
    assert page.locator('details[data-unit="DB010"] [data-unit="DB010-CB001"]').is_visible()
    # The chart is a real image the browser decoded.
    chart = page.locator("section.chart img")
    chart.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('section.chart img').naturalWidth > 0")
    page.screenshot(path=str(OUTPUT / "4-directive-chart.png"))
    page.locator("#not-reported").scroll_into_view_if_needed()
    page.screenshot(path=str(OUTPUT / "5-directive-waiting.png"))
    page.locator("#reports").scroll_into_view_if_needed()
    page.screenshot(path=str(OUTPUT / "6-directive-reports.png"))

    with page.expect_download() as download_info:
        page.get_by_role("link", name="XLSX").click()
    download = download_info.value
    assert download.suggested_filename == "bao-cao-51-kh-qu.xlsx"
    book = load_workbook(io.BytesIO(open(download.path(), "rb").read()))
    summary = dict(book["Tổng hợp"].iter_rows(values_only=True))
    assert (summary["Số đơn vị được giao"], summary["Đã báo cáo"], summary["Tổng số người tiếp cận"]) == (
        200,
        133,
        1724,
    )

    # No script error and nothing blocked by the CSP on the way.
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.reload()
    assert errors == []

    page.set_viewport_size({"width": 390, "height": 844})  # a phone
    page.goto(live_web + "/directives")
    page.screenshot(path=str(OUTPUT / "7-directives-phone.png"), full_page=True)

    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url(live_web + "/signed-out")
    page.goto(live_web + "/directives")
    assert page.get_by_text("Để đăng nhập, đồng chí gửi /web cho chibot").is_visible()


def test_another_committee_sees_a_404_page_in_the_browser(app, tree, live_web, browser_page):
    with session_scope(app.engine) as session:
        units.import_units(
            session=session,
            now=app.clock.now(),
            rows=[{"code": "HU", "name": "Huyện ủy Ba Vì", "kind": "committee", "parent_code": ""}],
        )
    other = register(app, unit_code="HU", role="staff", name="Phạm Văn Nam", user_id="u-hu")
    other.send("/web")
    browser_page.goto(live_web + LINK_RE.search(other.last_text).group(1))
    browser_page.get_by_role("button", name="Đăng nhập").click()
    browser_page.wait_for_url(live_web + "/directives")
    response = browser_page.goto(f"{live_web}/directives/{tree.directive_ids[0]}")
    assert response.status == 404
    browser_page.screenshot(path=str(OUTPUT / "8-not-found.png"), full_page=True)
    assert "51-KH/QU" not in browser_page.content()


class HeldSender(RecordingSender):
    """Delivers the first ``hold_after`` broadcast messages, then waits until the test lets the
    rest go: the progress page is caught half way, whatever the machine's speed."""

    def __init__(self, hold_after: int) -> None:
        super().__init__("console")
        self.hold_after = hold_after
        self.released = threading.Event()

    async def send(self, chat_id, reply):  # noqa: ANN001, ANN201
        if reply.text.startswith("Tin nhắn từ") and len(self.sent) >= self.hold_after:
            await asyncio.to_thread(self.released.wait, 60)
        return await super().send(chat_id, reply)


def test_staff_start_a_broadcast_and_see_the_progress_reach_done(app, org, live_web, browser_page):
    page = browser_page
    sender = HeldSender(hold_after=3)
    app.add_sender(sender)
    app.dispatcher.concurrency = 1  # one chat at a time, so the page is held at exactly 3 of 5
    staff = org["staff"]
    staff.send("/web")
    page.goto(live_web + LINK_RE.search(staff.last_text).group(1))
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(live_web + "/directives")
    # From here on (the browser asked for its favicon, a 404, on the first page).
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    page.get_by_role("link", name="Gửi thông báo").click()
    page.wait_for_url(live_web + "/broadcast")
    message = "Đề nghị các chi bộ gửi báo cáo sơ kết trước 17h00 ngày 20/8/2021."
    page.get_by_label("Nội dung tin nhắn").fill(message)
    page.get_by_label("Các chi bộ được đánh dấu trong danh sách dưới đây").check()
    page.get_by_role("button", name="Chọn tất cả").click()
    page.get_by_label("CB05 · Chi bộ Ban Dân vận").uncheck()
    page.get_by_label("DTN · Đoàn Thanh niên Khối").uncheck()
    assert page.locator("fieldset.recipients input:checked").count() == 6
    page.screenshot(path=str(OUTPUT / "broadcast-1-compose.png"), full_page=True)
    page.get_by_role("button", name="Xem trước").click()

    page.wait_for_url(live_web + "/broadcast/preview")
    assert page.get_by_text("Sẽ gửi tới 5 tài khoản của 5 đơn vị.").is_visible()
    assert "DB1-CB2 — Chi bộ Phòng Tài chính: chưa có bí thư đăng ký" in page.locator("pre.unreachable").inner_text()
    assert page.locator("pre.preview").inner_text() == "Tin nhắn từ Đảng ủy Khối Cơ quan tỉnh:\n" + message
    page.screenshot(path=str(OUTPUT / "broadcast-2-preview.png"), full_page=True)
    page.get_by_role("button", name="Gửi 5 tin").click()

    page.wait_for_url(re.compile(re.escape(live_web) + r"/broadcast/\d+$"))
    progress_url = page.url
    assert page.locator("#progress-text").inner_text() == "Đã gửi 0/5"
    page.screenshot(path=str(OUTPUT / "broadcast-3-progress-queued.png"), full_page=True)

    # The runtime's dispatcher, as the scheduler wakes it; the page follows by itself.
    dispatcher = threading.Thread(target=lambda: asyncio.run(app.dispatcher.run_once()), daemon=True)
    dispatcher.start()
    page.wait_for_function("() => document.getElementById('progress-text').textContent === 'Đã gửi 3/5'")
    assert page.url == progress_url
    assert page.locator("section.progress progress").get_attribute("value") == "3"
    page.screenshot(path=str(OUTPUT / "broadcast-4-progress-halfway.png"), full_page=True)
    sender.released.set()

    page.wait_for_selector("pre.report", timeout=30_000)
    dispatcher.join(timeout=30)
    assert page.locator("#progress-text").inner_text() == "Đã gửi 5/5"
    assert [page.locator(f"#report-figures b.{name}").inner_text() for name in ("sent", "failed", "unreachable")] == [
        "5",
        "0",
        "1",
    ]
    assert page.locator("pre.report").inner_text() == (
        "Kết quả gửi tin (6 đơn vị được chọn):\n• Đã gửi tới: 5\n• Không gửi được: 1\n"
        "   – chưa có bí thư đăng ký hoặc không liên lạc được: DB1-CB2 — Chi bộ Phòng Tài chính"
    )
    page.screenshot(path=str(OUTPUT / "broadcast-5-done.png"), full_page=True)
    for chat in ("u-cb01", "u-cb02", "u-cb03", "u-cb04", "u-db1-cb1"):
        assert sender.texts_to(chat) == ["Tin nhắn từ Đảng ủy Khối Cơ quan tỉnh:\n" + message]
    assert sender.texts_to("u-cb05") == []
    assert errors == []  # no script error, nothing refused by the CSP

    page.set_viewport_size({"width": 390, "height": 844})  # a phone
    page.get_by_role("link", name="Gửi thông báo khác").click()
    page.wait_for_url(live_web + "/broadcast")
    page.screenshot(path=str(OUTPUT / "broadcast-6-compose-phone.png"), full_page=True)


SEED_54 = Path("/work/shared/seeds/000_ea0419651be1525a.txt")


def _docx_of(text: str, path: Path) -> Path:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(str(path))
    return path


def _sign_in(page, live_web: str, chat) -> None:  # noqa: ANN001
    chat.send("/web")
    page.goto(live_web + LINK_RE.search(chat.last_text).group(1))
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(live_web + "/directives")


def test_register_a_directive_from_a_file_and_open_the_units_page(app, org, live_web, browser_page, tmp_path):
    page = browser_page
    errors: list[str] = []  # script errors, CSP refusals, and any page or file the server refused
    page.on(
        "console", lambda m: errors.append(m.text) if m.type == "error" and "Failed to load" not in m.text else None
    )
    page.on("response", lambda r: errors.append(r.url) if r.status >= 400 and "favicon" not in r.url else None)
    seed = SEED_54 if SEED_54.is_file() else Path(__file__).parent / "fixtures" / "seeds" / SEED_54.name
    upload = _docx_of(seed.read_text(encoding="utf-8"), tmp_path / "54-KH-DUK.docx")

    _sign_in(page, live_web, org["staff"])
    page.get_by_role("link", name="Đăng ký văn bản").click()
    page.wait_for_url(live_web + "/new")
    page.set_input_files("#document", str(upload))
    page.screenshot(path=str(OUTPUT / "10-new-upload.png"), full_page=True)
    page.get_by_role("button", name="Đọc văn bản").click()

    page.wait_for_url(live_web + "/new/review")
    assert page.locator("#f-number").input_value() == "54-KH/ĐUK"
    assert page.locator("#f-doc_type").input_value() == "Kế hoạch"
    assert page.locator('[data-deadline="2"] input[name="dl-2-when"]').input_value() == "Từ ngày 04/8/2021"
    page.screenshot(path=str(OUTPUT / "11-review-extracted.png"), full_page=True)
    page.locator("#f-subject").fill("Thực hiện Nghị quyết 08-NQ/TU về phòng, chống dịch COVID-19")
    page.locator('[data-deadline="2"] input[type=checkbox]').check()  # the start date read twice
    page.get_by_role("button", name="Lưu và xem trước").first.click()
    # The same address comes back: expect() waits for the new page's content.
    expect(page.locator("pre.preview")).to_contain_text("Thực hiện Nghị quyết 08-NQ/TU về phòng, chống dịch COVID-19")
    expect(page.locator("div.deadline")).to_have_count(3)
    page.get_by_role("button", name="Tất cả chi bộ, đoàn thể (8)").click()
    expect(page.locator("fieldset.recipients input:checked")).to_have_count(8)
    page.screenshot(path=str(OUTPUT / "12-review-corrected.png"), full_page=True)
    page.get_by_role("button", name="Ban hành").click()

    page.wait_for_url(re.compile(re.escape(live_web) + r"/directives/\d+$"))
    assert page.locator("h1").inner_text() == "Kế hoạch 54-KH/ĐUK"
    page.get_by_role("link", name="Văn bản", exact=True).click()
    page.wait_for_url(live_web + "/directives")
    row = page.locator("tr", has=page.get_by_role("link", name="54-KH/ĐUK"))
    assert "Thực hiện Nghị quyết 08-NQ/TU về phòng, chống dịch COVID-19" in row.inner_text()
    assert row.locator("td.assigned").inner_text() == "8"
    page.screenshot(path=str(OUTPUT / "13-list-after-publish.png"), full_page=True)
    assert page.get_by_role("link", name="Đơn vị", exact=True).count() == 0  # staff: no Units page

    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url(live_web + "/signed-out")
    _sign_in(page, live_web, org["admin"])
    page.get_by_role("link", name="Đơn vị", exact=True).click()
    page.wait_for_url(live_web + "/units")
    cell = page.locator('[data-unit="DB1-CB2"]')
    assert not cell.is_visible()  # inside DB1, closed
    page.locator('details[data-unit="DB1"] > summary').click()
    assert cell.is_visible() and "chưa đăng ký" in cell.inner_text()
    assert "console" in page.locator('[data-unit="CB01"]').inner_text()
    page.screenshot(path=str(OUTPUT / "14-units.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})  # a phone
    page.screenshot(path=str(OUTPUT / "14b-units-phone.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    cell.get_by_role("link", name="Mã mời").click()
    page.wait_for_url(re.compile(re.escape(live_web) + r"/units/\d+$"))
    page.locator("#label").fill("Lê Thị Mai")
    page.screenshot(path=str(OUTPUT / "15-unit.png"), full_page=True)
    page.get_by_role("button", name="Tạo mã mời").click()
    code = page.locator("b.invite-code").inner_text()
    assert len(code) == 10 and page.get_by_text(f"/start {code}").is_visible()
    page.screenshot(path=str(OUTPUT / "16-invite-sheet.png"), full_page=True)
    page.emulate_media(media="print")
    assert not page.get_by_role("button", name="In trang này").is_visible()  # the sheet prints without buttons
    page.screenshot(path=str(OUTPUT / "17-invite-sheet-print.png"), full_page=True)
    assert errors == []

"""The report flow as a secretary sees it on a phone."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlmodel import select

from storage.tables import Assignment, AuditEntry, ConversationState, Report
from tests.support.chat import (
    CHANNELS,  # noqa: E402
    Chat,
    deliver,
)
from tests.support.local import local_to_utc
from tests.support.report_factories import make_assignment

#: The same conversations on every channel: the core decides, the channel only renders.
pytestmark = pytest.mark.parametrize("channel", CHANNELS)


def reports(session) -> list[Report]:  # noqa: ANN001
    session.expire_all()
    return session.exec(select(Report).order_by(Report.id)).all()


def start_by_button(chat: Chat, assignment_id: int) -> None:
    chat.press_data(f"rep:{assignment_id}")


def fill_default(chat: Chat, counts: str = "45/50") -> None:
    chat.send("trực tiếp + zalo")
    chat.send(counts)
    chat.press("Tốt")
    chat.press("Bỏ qua")
    chat.press("Bỏ qua")


def test_happy_path_from_the_report_button(org, session, app, outbox):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    start_by_button(cb01, aid)
    assert "Báo cáo 141-CV/ĐUK — Chi bộ Văn phòng" in cb01.last_text
    assert "Hình thức quán triệt?" in cb01.last_text
    cb01.press("Hội nghị trực tiếp")
    assert "Đã chọn: Hội nghị trực tiếp" in cb01.last_text
    cb01.press("Zalo")
    cb01.press("Xong")
    assert "Số người tiếp cận?" in cb01.last_text
    cb01.send("45 trên 50 người")
    assert "Nhận thức" in cb01.last_text  # total came with "45/50": not asked again
    cb01.press("Tốt")
    cb01.send("Thiếu hội trường")
    cb01.upload("bien-ban.jpg", b"JPEGDATA", "image/jpeg", kind="photo")
    assert "Đã nhận tệp «bien-ban.jpg»" in cb01.last_text
    cb01.press("Xong")
    assert "Số người tiếp cận: 45/50 (90%)" in cb01.last_text
    assert "Hội nghị trực tiếp, Zalo / mạng xã hội" in cb01.last_text
    assert reports(session) == []
    cb01.press("Xác nhận")
    assert "Cảm ơn đồng chí" in cb01.last_text and "đúng hạn" in cb01.last_text
    [report] = reports(session)
    assert (report.reached, report.total, report.percent, report.formats, report.awareness) == (
        45,
        50,
        90.0,
        "truc_tiep,zalo",
        "tot",
    )
    assert report.difficulties == "Thiếu hội trường" and report.on_time and report.version == 1 and not report.on_behalf
    assert report.answers_for.startswith("d") and report.deadline_id is not None
    [attachment] = report.attachments
    assert attachment["file_id"] == "file-bien-ban.jpg" and open(attachment["path"], "rb").read() == b"JPEGDATA"
    assert f"/{aid}/" in attachment["path"]
    assert session.get(Assignment, aid).status == "reported"
    assert session.exec(select(AuditEntry).where(AuditEntry.action == "report")).all()
    deliver(app)
    [notice] = outbox.texts_to("u-staff")
    assert "Chi bộ Văn phòng đã báo cáo 141-CV/ĐUK" in notice and "45/50 (90%)" in notice


def test_every_bad_number_keeps_the_same_step_and_stores_nothing(org, session, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    start_by_button(cb01, aid)
    cb01.send("tt")
    expected = {
        "abc": "cần một số nguyên",
        "-5": "không thể là số âm",
        "60/50": "không thể lớn hơn",
        "45/0": "phải lớn hơn 0",
        "abc%": "không phải tỷ lệ phần trăm",
        "4,5": "không có phần thập phân",
    }
    for bad, words in expected.items():
        cb01.send(bad)
        assert words in cb01.last_text, (bad, cb01.last_text)
        assert "Số người tiếp cận?" in cb01.last_text
    cb01.send("45")
    assert "Tổng số" in cb01.last_text
    for bad, words in {"0": "phải lớn hơn 0", "40": "không thể lớn hơn", "nam muoi": "cần một số nguyên"}.items():
        cb01.send(bad)
        assert words in cb01.last_text, (bad, cb01.last_text)
    cb01.send("1.200")
    assert "Nhận thức" in cb01.last_text
    cb01.press("Khá")
    cb01.send("x" * 10_000)
    assert "10.000 ký tự, quá giới hạn 2.000" in cb01.last_text
    assert reports(session) == []


def test_percentage_with_a_total_computes_reached_and_asks_when_it_does_not_add_up(org, session, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    start_by_button(cb01, aid)
    cb01.send("truc tuyen")
    cb01.send("90%")
    assert "Đã ghi 90%" in cb01.last_text and "Tổng số" in cb01.last_text
    cb01.send("47")
    assert "không ra số người tròn" in cb01.last_text
    assert "trên tổng số 47 người" in cb01.last_text  # the total is kept, the count is asked
    cb01.send("45/50")
    assert "Nhận thức" in cb01.last_text
    cb01.send("tb")
    cb01.press("Bỏ qua")
    cb01.press("Bỏ qua")
    assert "45/50 (90%)" in cb01.last_text


def test_back_and_skip(org, session, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    start_by_button(cb01, aid)
    assert "Bỏ qua" not in cb01.buttons  # required
    cb01.send("bo qua")
    assert "bắt buộc" in cb01.last_text
    cb01.send("tt")
    cb01.send("45/50")
    cb01.press("Quay lại")
    assert "Số người tiếp cận?" in cb01.last_text and "Câu trả lời hiện tại: 45/50 (90%)" in cb01.last_text
    cb01.send("40/50")
    cb01.send("chưa đạt")
    assert "Khó khăn" in cb01.last_text and "Bỏ qua" in cb01.buttons
    cb01.press("Bỏ qua")
    cb01.press("Bỏ qua")
    assert "Khó khăn, đề xuất: (không có)" in cb01.last_text
    assert "40/50 (80%)" in cb01.last_text and "Chưa đạt" in cb01.last_text


def test_typing_khong_on_the_difficulties_means_none_but_a_sentence_is_kept(org, session, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    start_by_button(cb01, aid)
    cb01.send("tt")
    cb01.send("45/50")
    cb01.send("tot")
    assert "Khó khăn" in cb01.last_text
    cb01.send("Không.")
    assert "Tệp đính kèm" in cb01.last_text  # the attachment is asked next, as after «Bỏ qua»
    cb01.press("Bỏ qua")
    assert "Khó khăn, đề xuất: (không có)" in cb01.last_text
    cb01.press("Sửa")
    cb01.press("Khó khăn")
    cb01.send("không có máy chiếu")
    assert "Khó khăn, đề xuất: không có máy chiếu" in cb01.last_text


def test_edit_a_field_from_the_summary(org, session, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    start_by_button(cb01, aid)
    fill_default(cb01)
    cb01.press("Sửa")
    cb01.press("Tổng số")
    cb01.send("40")
    assert "không thể lớn hơn" in cb01.last_text
    cb01.send("60")
    assert "45/60 (75%)" in cb01.last_text and "Xác nhận" in cb01.buttons
    cb01.press("Xác nhận")
    assert reports(session)[0].total == 60 and reports(session)[0].percent == 75.0


def test_cancel_saves_nothing(org, session, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    start_by_button(cb01, aid)
    cb01.send("tt")
    cb01.send("/cancel")
    assert "Đã hủy gửi báo cáo" in cb01.last_text
    assert reports(session) == [] and session.exec(select(ConversationState)).all() == []


def test_restart_mid_flow_resumes_the_same_step(org, settings, engine, clock, session, app):
    from bot.app import build_app

    aid = make_assignment(app)
    cb01 = org["CB01"]
    start_by_button(cb01, aid)
    cb01.send("tt + zalo")
    restarted = build_app(settings, clock=clock, engine=engine, migrate=False)
    again = Chat(app=restarted, user_id=cb01.user_id, name=cb01.name, channel=cb01.channel)
    again.send("45/50")
    assert "Nhận thức" in again.last_text
    again.send("tot")
    again.press("Bỏ qua")
    again.press("Bỏ qua")
    again.press("Xác nhận")
    assert reports(session)[0].formats == "truc_tiep,zalo"


def test_the_same_report_sent_again_is_not_stored_twice(org, session, app, outbox):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    for _ in range(2):
        start_by_button(cb01, aid)
        fill_default(cb01)
        cb01.press("Xác nhận")
    assert "giống hệt bản 1 đã gửi lúc" in cb01.last_text and "không gửi lại" in cb01.last_text
    assert [r.version for r in reports(session)] == [1]
    deliver(app)
    assert len(outbox.texts_to("u-staff")) == 1  # staff are not told of an "amendment"


def test_amendment_makes_version_two_and_keeps_history(org, session, app, outbox):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    start_by_button(cb01, aid)
    fill_default(cb01)
    cb01.press("Xác nhận")
    start_by_button(cb01, aid)
    cb01.send("tt")
    cb01.send("48/50")
    cb01.send("tot")
    cb01.press("Bỏ qua")
    cb01.press("Bỏ qua")
    cb01.press("Xác nhận")
    assert "Đã gửi báo cáo sửa 141-CV/ĐUK — Chi bộ Văn phòng (bản 2)" in cb01.last_text
    first, second = reports(session)
    assert (first.version, first.is_latest, second.version, second.is_latest) == (1, False, 2, True)
    assert second.reached == 48 and first.reached == 45
    deliver(app)
    notices = outbox.texts_to("u-staff")
    assert len(notices) == 2 and "đã sửa báo cáo 141-CV/ĐUK (bản 2)" in notices[1]


def test_report_after_the_deadline_is_accepted_and_marked_late(org, session, app, clock):
    aid = make_assignment(app)
    clock.set(local_to_utc(datetime(2021, 8, 23, 9, 0)))
    cb01 = org["CB01"]
    start_by_button(cb01, aid)
    fill_default(cb01)
    cb01.press("Xác nhận")
    assert "trễ hạn — hạn trước 23/8 (23:59 22/8/2021)" in cb01.last_text
    assert reports(session)[0].on_time is False


def test_quick_one_line_report_asks_only_what_is_missing(org, session, app):
    make_assignment(app)
    cb01 = org["CB01"]
    cb01.send("bc 141 tt+zalo 45/50")
    assert "Đã ghi nhận: Hình thức quán triệt, Số người tiếp cận." in cb01.last_text
    assert "Nhận thức" in cb01.last_text
    cb01.send("tot")
    assert "Kiểm tra lại báo cáo" in cb01.last_text  # optional questions are not asked
    cb01.press("Xác nhận")
    assert reports(session)[0].awareness == "tot"


def test_quick_report_complete_in_one_line_goes_straight_to_the_summary(org, session, app):
    make_assignment(app)
    cb01 = org["CB01"]
    cb01.send("bc 141 trực tiếp+zalo 45/50 tốt")
    assert "45/50 (90%)" in cb01.last_text and "Xác nhận" in cb01.buttons


def test_quick_report_in_lines_and_with_a_bad_number(org, session, app):
    make_assignment(app)
    cb01 = org["CB01"]
    cb01.send("báo cáo\nhình thức: hội nghị trực tuyến\nsố người: 60/50\nnhận thức: khá")
    assert "không thể lớn hơn" in cb01.last_text and "Số người tiếp cận?" in cb01.last_text


def test_quick_report_with_an_unknown_number_says_so(org, app):
    make_assignment(app)
    org["CB01"].send("bc 999 tt 45/50 tot")
    assert "Không tìm thấy văn bản số «999»" in org["CB01"].last_text


def test_forged_report_button_for_another_cell_is_refused_and_audited(org, session, app):
    other = make_assignment(app, cell="CB02")
    org["CB01"].press_data(f"rep:{other}")
    assert "không có quyền" in org["CB01"].last_text
    denied = session.exec(select(AuditEntry).where(AuditEntry.action == "denied")).all()
    assert [d.details["button"] for d in denied] == [f"rep:{other}"]
    assert session.exec(select(ConversationState)).all() == []


def test_staff_report_on_behalf_is_recorded(org, session, app):
    aid = make_assignment(app, cell="CB03")
    staff = org["staff"]
    staff.send("/report CB03")
    assert "báo cáo thay cho Chi bộ Ban Tổ chức" in staff.last_text
    fill_default(staff)
    staff.press("Xác nhận")
    [report] = reports(session)
    assert report.on_behalf and report.assignment_id == aid


def test_report_command_lists_open_assignments_nearest_first(org, app):
    make_assignment(app, number="54-KH/ĐUK", report_due=datetime(2021, 8, 31, 23, 59), complete_due=None)
    make_assignment(app, number="141-CV/ĐUK")
    cb01 = org["CB01"]
    cb01.send("/report")
    assert cb01.buttons[0].startswith("141-CV/ĐUK") and cb01.buttons[1].startswith("54-KH/ĐUK")
    cb01.press("54-KH")
    assert "Báo cáo 54-KH/ĐUK" in cb01.last_text


def test_mytasks_lists_deadlines_and_status_nearest_first(org, app):
    make_assignment(app, number="54-KH/ĐUK", report_due=None, complete_due=datetime(2021, 8, 31, 23, 59))
    make_assignment(app, number="141-CV/ĐUK")
    make_assignment(app, number="99-CV/ĐUK", cell="CB02")
    cb01 = org["CB01"]
    cb01.send("/mytasks")
    text = cb01.last_text
    assert text.index("141-CV/ĐUK") < text.index("54-KH/ĐUK") and "99-CV" not in text
    assert "chưa báo đã nhận" in text and "trước 23/8 (23:59 22/8/2021)" in text


def test_a_deadline_with_its_own_hour_is_not_repeated_in_brackets(org, app):
    make_assignment(
        app, report_due=datetime(2021, 8, 24, 17, 0), report_shown="trước 17:00 24/8/2021", complete_due=None
    )
    cb01 = org["CB01"]
    cb01.send("/mytasks")
    assert "Hạn: trước 17:00 24/8/2021 — chưa báo đã nhận" in cb01.last_text
    cb01.send("/report")
    assert "Hạn: trước 17:00 24/8/2021. Gõ /cancel" in cb01.last_text


def test_mytasks_offers_da_nhan_while_it_is_still_due_and_says_what_to_type(org, app):
    make_assignment(app, number="54-KH/ĐUK", report_due=None, complete_due=datetime(2021, 8, 31, 23, 59))
    make_assignment(app, number="141-CV/ĐUK")
    cb01 = org["CB01"]
    cb01.send("/mytasks")
    assert cb01.buttons == ["Đã nhận: 141-CV/ĐUK", "Báo cáo: 141-CV/ĐUK", "Đã nhận: 54-KH/ĐUK", "Báo cáo: 54-KH/ĐUK"]
    assert cb01.last_text.endswith(
        "Bấm «Đã nhận» khi chi bộ đã nhận văn bản, «Báo cáo» để báo cáo kết quả; hoặc gõ báo cáo một dòng, "
        "ví dụ: bc 141 truc tiep + zalo 45/50 tot. Xem văn bản: /doc 141."
    )
    cb01.press("Đã nhận: 141")
    assert cb01.last_text.startswith("Đã ghi nhận chi bộ đồng chí đã nhận")
    cb01.send("/mytasks")
    assert cb01.buttons == ["Báo cáo: 141-CV/ĐUK", "Đã nhận: 54-KH/ĐUK", "Báo cáo: 54-KH/ĐUK"]


def test_two_devices_of_one_cell_the_second_confirm_is_version_two(org, session, app):
    aid = make_assignment(app)
    phone = org["CB01"]
    laptop = Chat(app=app, user_id=phone.user_id, name=phone.name, channel=phone.channel)
    start_by_button(phone, aid)
    fill_default(phone)
    # The same account on a second device: the flow state is per (channel, user), so the
    # second device continues the same draft; a second account of the cell gets its own.
    phone.press("Xác nhận")
    start_by_button(laptop, aid)
    fill_default(laptop, counts="46/50")
    laptop.press("Xác nhận")
    assert [r.version for r in reports(session)] == [1, 2]


def test_stale_button_from_an_expired_flow_stores_nothing(org, session, app, clock):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    start_by_button(cb01, aid)
    fill_default(cb01)
    clock.advance(timedelta(hours=5))
    cb01.press("Xác nhận")
    assert "tự hủy" in cb01.last_text or "đã cũ" in cb01.last_text
    assert reports(session) == []


def test_attachment_over_the_limit_says_the_limit_and_is_not_kept(org, session, app, settings):
    aid = make_assignment(app)
    settings.max_upload_bytes = 1024 * 1024
    cb01 = org["CB01"]
    start_by_button(cb01, aid)
    cb01.upload("scan.pdf", b"x", "application/pdf")
    assert "cần trả lời bằng chữ" in cb01.last_text and "Tệp đính kèm" in cb01.last_text
    cb01.send("tt")
    cb01.send("45/50")
    cb01.send("tot")
    cb01.press("Bỏ qua")
    cb01.upload("scan.pdf", b"x" * (1024 * 1024 + 1), "application/pdf")
    assert "lớn hơn giới hạn 1 MB" in cb01.last_text
    cb01.upload("anh.jpg", b"small", "image/jpeg", kind="photo")
    cb01.press("Xong")
    cb01.press("Xác nhận")
    [report] = reports(session)
    assert [a["name"] for a in report.attachments] == ["anh.jpg"]
    assert len(list((settings.attachments_dir / str(aid)).iterdir())) == 1


def test_english_speaking_secretary_gets_english_questions(org, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    cb01.send("/lang en")
    start_by_button(cb01, aid)
    assert "Format used?" in cb01.last_text
    cb01.send("tt")
    cb01.send("abc")
    assert "needs a whole number" in cb01.last_text


def test_quick_report_matches_the_whole_number_only(org, app):
    make_assignment(app, number="1410-CV/ĐUK")
    org["CB01"].send("bc 141 tt 45/50 tot")
    assert "Không tìm thấy văn bản số «141»" in org["CB01"].last_text


def test_two_secretaries_of_one_cell_report_at_once(org, session, app):
    from tests.support.org import register

    aid = make_assignment(app)
    first = org["CB01"]
    second = register(app, unit_code="CB01", role="secretary", name="Phó bí thư CB01", user_id="u-cb01-2")
    start_by_button(first, aid)
    start_by_button(second, aid)
    fill_default(first)
    fill_default(second, counts="46/50")
    first.press("Xác nhận")
    second.press("Xác nhận")
    assert "Cảm ơn đồng chí" in first.last_text and "(bản 2)" in second.last_text
    assert [(r.version, r.is_latest) for r in reports(session)] == [(1, False), (2, True)]


def test_assignment_cancelled_mid_flow_stores_nothing(org, session, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    start_by_button(cb01, aid)
    fill_default(cb01)
    assignment = session.get(Assignment, aid)
    assignment.status = "cancelled"
    session.add(assignment)
    session.commit()
    cb01.press("Xác nhận")
    assert "không còn mở để báo cáo" in cb01.last_text
    assert reports(session) == []


def test_report_button_with_garbage_data_is_refused(org, app):
    for data in ("rep:¹", "rep:99999999999999999999", "rep:", "rep:abc"):
        org["CB01"].press_data(data)
        assert "không có quyền" in org["CB01"].last_text


def test_a_quick_report_with_nothing_understood_asks_every_question(org, app):
    make_assignment(app)
    secretary = org["CB01"]
    secretary.send("bc 141")
    assert "tôi sẽ hỏi lần lượt từng mục" in secretary.last_text
    secretary.send("trực tiếp")
    secretary.send("45/50")
    secretary.send("tốt")
    assert "Khó khăn, đề xuất?" in secretary.last_text


def test_a_one_line_report_shows_back_what_it_did_not_place_and_offers_it(org, session, app):
    make_assignment(app)
    cb01 = org["CB01"]
    cb01.send("bc 141 truc tiep, zalo 30/35 tot, kho khan: thieu may chieu")
    assert "Khó khăn, đề xuất: thieu may chieu" in cb01.last_text
    cb01.send("/cancel")
    cb01.send("bc 141 tt 45/50 tot, hôm nay trời mưa")
    assert "Tôi chưa hiểu: «hôm nay trời mưa»." in cb01.last_text
    assert "Phần tôi chưa hiểu: «hôm nay trời mưa». Nếu đó là Khó khăn, đề xuất" in cb01.last_text
    cb01.press("Ghi vào «Khó khăn, đề xuất»")
    assert "Khó khăn, đề xuất: hôm nay trời mưa" in cb01.last_text and "Ghi vào" not in " ".join(cb01.buttons)
    cb01.press("Xác nhận")
    assert reports(session)[0].difficulties == "hôm nay trời mưa"


def test_a_message_with_several_answers_fills_every_question_it_answers(org, session, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    start_by_button(cb01, aid)
    assert "Hình thức quán triệt?" in cb01.last_text
    cb01.send("bc 141 truc tiep + zalo 45/50 tot")
    assert "Đã ghi nhận: Hình thức quán triệt, Số người tiếp cận, Nhận thức sau khi học tập." in cb01.last_text
    assert "Kiểm tra lại báo cáo" in cb01.last_text and "45/50 (90%)" in cb01.last_text
    cb01.press("Xác nhận")
    [report] = reports(session)
    assert (report.reached, report.total, report.awareness) == (45, 50, "tot")


def test_sentences_and_bc77_are_quick_reports(org, session, app):
    make_assignment(app, number="77-CV/ĐU")
    cb01 = org["CB01"]
    cb01.send("BC77 họp chi bộ 40/50 khá")
    assert (
        "Báo cáo 77-CV/ĐU" in cb01.last_text
        and "Sinh hoạt chi bộ" in cb01.last_text
        and "40/50 (80%)" in cb01.last_text
    )
    cb01.send("/cancel")
    cb01.send("Chi bo da quan triet truc tiep cho 45/50 dong chi, nhan thuc tot")
    assert "Kiểm tra lại báo cáo 77-CV/ĐU" in cb01.last_text and "Hội nghị trực tiếp" in cb01.last_text
    assert "Tôi chưa hiểu" not in cb01.last_text
    cb01.send("/cancel")
    cb01.send("hôm nay trời mưa quá")  # no numbers, no choices: not a report
    assert "Kiểm tra lại báo cáo" not in cb01.last_text


def test_free_text_for_the_awareness_is_asked_about_once(org, session, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    start_by_button(cb01, aid)
    cb01.send("trực tiếp")
    cb01.send("45/50")
    cb01.send("hôm nay trời mưa quá")
    assert cb01.last_text.startswith(
        "«hôm nay trời mưa quá» không phải là một trong các mức: Tốt, Khá, Trung bình, Chưa đạt."
    )
    assert "Nhận thức sau khi học tập?" in cb01.last_text
    cb01.send("hôm nay trời mưa quá")
    assert "Khó khăn, đề xuất?" in cb01.last_text
    cb01.press("Bỏ qua")
    cb01.press("Bỏ qua")
    cb01.press("Xác nhận")
    assert reports(session)[0].answers["awareness"] == {"other": "hôm nay trời mưa quá"}


def test_a_correction_after_the_deadline_keeps_the_on_time_mark_of_the_first_report(org, session, app, clock, outbox):
    import io

    from openpyxl import load_workbook

    aid = make_assignment(app)
    clock.set(local_to_utc(datetime(2021, 8, 20, 10, 0)))
    cb01 = org["CB01"]
    start_by_button(cb01, aid)
    fill_default(cb01)
    cb01.press("Xác nhận")
    clock.set(local_to_utc(datetime(2021, 8, 25, 9, 30)))
    cb01.send("bc 141 tt + zalo 47/50 tot")
    cb01.press("Xác nhận")
    assert "(bản 2)" in cb01.last_text and "đúng hạn" in cb01.last_text and "trễ hạn" not in cb01.last_text
    first, second = reports(session)
    assert (first.on_time, second.on_time, second.reached) == (True, True, 47)
    deliver(app)
    corrected = outbox.texts_to("u-staff")[-1]
    assert "(bản 2)" in corrected and "đúng hạn" in corrected and "trễ hạn" not in corrected
    org["staff"].send("/export 141")
    book = load_workbook(io.BytesIO(org["staff"].replies[0].document.content))
    [row] = [r for r in book["Các đơn vị"].iter_rows(min_row=2, values_only=True) if r[0] == "CB01"]
    # First report's time, the correction's time, on time as the first was, the correction's figure.
    assert row[6:9] == (datetime(2021, 8, 20, 10, 0), datetime(2021, 8, 25, 9, 30), "đúng hạn")
    assert row[11] == 47
    summary = {r[0]: r[1] for r in book["Tổng hợp"].iter_rows(values_only=True)}
    assert (summary["Báo cáo đúng hạn"], summary["Báo cáo trễ hạn"]) == (1, 0)


def test_typed_formats_at_the_multiple_choice_are_read_whole_and_join_the_ticked_ones(org, session, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    start_by_button(cb01, aid)
    cb01.send("hoi nghi truc tiep, zalo")
    assert "Số người tiếp cận?" in cb01.last_text  # both understood: the next question
    cb01.send("45/50")
    cb01.press("Tốt")
    cb01.press("Bỏ qua")
    cb01.press("Bỏ qua")
    assert "Hình thức quán triệt: Hội nghị trực tiếp, Zalo / mạng xã hội" in cb01.last_text


def test_nonsense_after_a_ticked_format_is_asked_again_and_words_join_the_selection(org, session, app):
    aid = make_assignment(app)
    cb01 = org["CB01"]
    start_by_button(cb01, aid)
    cb01.press("Hội nghị trực tiếp")
    cb01.send("-5")
    assert "Hình thức quán triệt?" in cb01.last_text and "Đã chọn: Hội nghị trực tiếp" in cb01.last_text
    assert "khác" not in cb01.last_text.split("Hình thức quán triệt?")[0].lower()
    cb01.send("zalo + tai lieu")
    assert "Số người tiếp cận?" in cb01.last_text
    cb01.send("45/50")
    cb01.press("Tốt")
    cb01.press("Bỏ qua")
    cb01.press("Bỏ qua")
    assert "Hình thức quán triệt: Hội nghị trực tiếp, Zalo / mạng xã hội, Tài liệu" in cb01.last_text


def test_a_quick_report_with_a_negative_count_is_refused_like_the_guided_one(org, session, app):
    make_assignment(app)
    cb01 = org["CB01"]
    replies = " ".join(r.text for r in cb01.send("bc 141 tt -3/50 tot"))
    assert "không thể là số âm" in replies and "«-»" not in replies
    assert "Số người tiếp cận?" in cb01.last_text  # nothing taken for it: asked again
    cb01.send("3/50")
    assert "Số người tiếp cận: 3/50 (6%)" in cb01.last_text


def test_a_secretary_is_told_a_deadline_has_passed_in_mytasks_and_directives(org, app, clock):
    make_assignment(app, number="141-CV/ĐUK")
    cb01 = org["CB01"]
    clock.set(local_to_utc(datetime(2021, 8, 24, 10, 0)))
    cb01.send("/mytasks")
    assert "Hạn: trước 23/8 (23:59 22/8/2021) — chưa báo đã nhận — đã quá hạn 2 ngày" in cb01.last_text
    listing = cb01.send("/directives")[0].text
    assert "đã quá hạn 2 ngày" in listing and "không còn hạn nào sắp tới" not in listing
    cb01.send("bc 141 tt 45/50 tot")
    cb01.press("Xác nhận")
    assert "quá hạn" not in cb01.send("/mytasks")[-1].text  # reported: nothing overdue any more


def test_staff_report_on_behalf_tells_the_cells_secretary_once_with_the_figures(org, session, app, outbox):
    make_assignment(app, cell="CB03")
    staff = org["staff"]
    staff.send("/report CB03")
    fill_default(staff)
    staff.press("Xác nhận")
    deliver(app)
    [told] = outbox.texts_to("u-cb03")[-1:]
    assert told.startswith(
        f"Đồng chí {staff.name} (cán bộ đơn vị cấp trên) đã báo cáo 141-CV/ĐUK thay cho Chi bộ Ban Tổ chức (bản 1):"
    )
    assert "45/50 (90%)" in told
    assert sum("thay cho Chi bộ Ban Tổ chức" in text for text in outbox.texts_to("u-cb03")) == 1

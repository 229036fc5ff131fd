"""Session 6 gap (parser): a subject line naming the report regime ("V/v chế độ báo cáo hằng
tháng") is not a second recurring deadline when the body states the rule; alone it stays."""

from __future__ import annotations

from services.parsing import parse_document

HEAD = "ĐẢNG ỦY KHỐI CƠ QUAN TỈNH\nSố 210-CV/ĐUK\n{subject}\nKính gửi: Các chi bộ trực thuộc\n"
BODY = "Ban Thường vụ Đảng ủy Khối đề nghị các chi bộ gửi báo cáo trước ngày 20 hằng tháng về Văn phòng Đảng ủy Khối.\n"
FOOT = "T/M BAN THƯỜNG VỤ\n"


def shown(text: str) -> list[str]:
    return [f"{d.kind}: {d.shown}" for d in parse_document(text).deadlines]


def test_the_subject_naming_the_monthly_regime_is_not_a_second_schedule():
    text = HEAD.format(subject="V/v chế độ báo cáo hằng tháng") + BODY + FOOT
    assert shown(text) == ["recurring: hằng tháng trước ngày 20"]


def test_written_ve_viec_in_full_it_is_the_same():
    text = HEAD.format(subject="Về việc thực hiện chế độ báo cáo hằng tháng") + BODY + FOOT
    assert shown(text) == ["recurring: hằng tháng trước ngày 20"]


def test_a_subject_whose_regime_the_body_does_not_state_keeps_its_schedule():
    text = HEAD.format(subject="V/v chế độ báo cáo hằng tháng") + "Đề nghị các chi bộ thực hiện nghiêm.\n" + FOOT
    assert shown(text) == ["recurring: hằng tháng"]


def test_a_body_rule_of_another_frequency_leaves_the_subject_s_schedule():
    body = "Các chi bộ gửi báo cáo trước ngày 20 của tháng cuối quý hằng quý.\n"
    text = HEAD.format(subject="V/v chế độ báo cáo hằng tháng") + body + FOOT
    assert "recurring: hằng tháng" in shown(text)

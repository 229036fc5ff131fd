"""Deadline patterns of real documents (issue 12), written afresh in words that differ from the
corpus: each paragraph is what a party or government office might send, and each expectation
is what a careful reader takes from it -- the items a cell would be reminded of.

An item is (kind, due, until, rule): due/until as "YYYY-MM-DD HH:MM" local time, rule a
``Recurrence`` rule string for a schedule. A paragraph may be given the document's own date
(the header a pasted letter carries), which decides what is already past.
"""

from __future__ import annotations

import pytest

from services.parsing import parse_document
from tests.support.deadline_items import deadline_items


def _doc(body: str, issued: str | None = None) -> str:
    if issued is None:
        return body
    d, m, y = issued.split("/")
    return f"HUYỆN ỦY TÂN KỲ\n*\nSố 31-CV/HU\nTân Kỳ, ngày {d} tháng {m} năm {y}\n\n{body}"


def _items(body: str, issued: str | None = None) -> list[tuple]:
    return deadline_items(parse_document(_doc(body, issued)))


def _one(kind: str, due: str | None, until: str | None = None, rule: str | None = None) -> list[tuple]:
    return [(kind, due, until, rule)]


# --- date forms -----------------------------------------------------------------------------
DATE_FORMS = [
    (
        "02/7/2020",
        "Đề nghị các chi bộ gửi danh sách đảng viên về Văn phòng Huyện ủy trước ngày 20.7.2020.",
        _one("complete", "2020-07-19 23:59"),
    ),
    (
        "10/6/2020",
        "Các đơn vị hoàn thành việc rà soát hồ sơ đảng viên chậm nhất ngày 30-6-2020.",
        _one("complete", "2020-06-30 23:59"),
    ),
    (
        "01/2/2020",
        "Ban Tuyên giáo hoàn thành biên soạn tài liệu sinh hoạt chi bộ vào cuối tháng 3-2020.",
        _one("complete", "2020-03-31 23:59"),
    ),
    (
        "20/4/2020",
        "Các tổ chức cơ sở đảng hoàn thành hội nghị sơ kết trong tháng 5.2020.",
        _one("complete", "2020-05-31 23:59"),
    ),
    (
        "20/3/2023",
        "Thời hạn nộp hồ sơ đề nghị khen thưởng: ngày 10 tháng 4 năm 2023.",
        _one("complete", "2023-04-10 23:59"),
    ),
    (
        "25/11/2022",
        "Chi ủy các chi bộ báo cáo kết quả về Đảng ủy xã chậm nhất là ngày 05/12/2022.",
        _one("report", "2022-12-05 23:59"),
    ),
    (
        "01/8/2021",
        "Các xã, thị trấn triển khai xong việc cấp thẻ trước 15-8-2021.",
        _one("complete", "2021-08-14 23:59"),
    ),
    (
        "20/5/2020",
        "Các chi bộ hoàn thành việc thu nộp đảng phí trước ngày 30–6–2020.",  # en dashes from a word processor
        _one("complete", "2020-06-29 23:59"),
    ),
    (
        "10/9/2019",
        "Hoàn thành việc kiện toàn ban chỉ đạo trước ngày 1.10.2019.",
        _one("complete", "2019-09-30 23:59"),
    ),
    (
        "05/7/2021",
        "Thời gian hoàn thành: trong quý III/2021.",
        _one("complete", "2021-09-30 23:59"),
    ),
    ("01/8/2023", "Hạn cuối nhận bài dự thi là ngày 30/9/2023.", _one("complete", "2023-09-30 23:59")),
    ("01/8/2023", "Hạn chót gửi bài là 30/9/2023.", _one("complete", "2023-09-30 23:59")),
    ("01/8/2023", "Ban Tổ chức sẽ nhận bài dự thi đến ngày 30/9/2023.", _one("complete", "2023-09-30 23:59")),
    (
        "16/11/2021",
        "Gửi báo cáo tổng kết về Ban Tổ chức Huyện ủy trước ngày 15 tháng 12 năm 2021.",
        _one("report", "2021-12-14 23:59"),
    ),
    (
        "01/10/2021",
        "Trước ngày 18/10, các chi bộ gửi danh sách quần chúng ưu tú về Đảng ủy.",
        _one("complete", "2021-10-17 23:59"),
    ),
    (
        None,
        "Hướng dẫn công tác năm học 2010-2011.\nTrước ngày 18/10, các trường báo cáo số lượng học sinh về Phòng.",
        _one("report", "2010-10-17 23:59"),
    ),
    (
        "05/6/2023",
        "Các cấp ủy tổ chức quán triệt xong trong tháng 6 và tháng 7/2023.",  # the span of the months
        _one("complete", "2023-07-31 23:59"),
    ),
    # a span of periods is done by the end of its last one
    ("01/2/2020", "Các chi bộ tổ chức đại hội xong trong tháng 5 - 6/2020.", _one("complete", "2020-06-30 23:59")),
    ("01/2/2020", "Hoàn thành việc kiểm tra trong quý II và quý III/2020.", _one("complete", "2020-09-30 23:59")),
    ("01/2/2020", "Thời gian thực hiện: tháng 6 - tháng 8/2020.", _one("complete", "2020-08-31 23:59")),
    (
        "01/2/2020",
        "Các chi bộ báo cáo kết quả về Huyện ủy vào cuối tháng 3-2020.",
        _one("report", "2020-03-31 23:59"),
    ),
    (
        "01/2/2020",
        "Đến cuối tháng 3-2020, các chi bộ gửi danh sách đảng viên về Huyện ủy.",
        _one("complete", "2020-03-31 23:59"),
    ),
    ("01/2/2020", "Chậm nhất cuối tháng 3/2020 phải hoàn thành.", _one("complete", "2020-03-31 23:59")),
    (
        "03/3/2022",
        "Các đơn vị tổ chức tuyên truyền xong trước cuối tháng 4/2022.",  # by the end of April
        _one("complete", "2022-04-30 23:59"),
    ),
]


COORDINATED = [
    (
        "Các đơn vị gửi báo cáo trước ngày 15/6/2020 và ngày 15/12/2020.",
        [("report", "2020-06-14 23:59", None, None), ("report", "2020-12-14 23:59", None, None)],
    ),
    (
        "Các đơn vị gửi báo cáo chậm nhất vào các ngày 15/6/2020 và 15/12/2020.",
        [("report", "2020-06-15 23:59", None, None), ("report", "2020-12-15 23:59", None, None)],
    ),
    (
        "Các đơn vị báo cáo trước các ngày 15/3, 15/6, 15/9 và 15/12/2020.",
        [
            ("report", "2020-03-14 23:59", None, None),
            ("report", "2020-06-14 23:59", None, None),
            ("report", "2020-09-14 23:59", None, None),
            ("report", "2020-12-14 23:59", None, None),
        ],
    ),
    # a day after a comma that opens another act is not in the list
    ("Gửi về trước ngày 30/6/2020, ngày 15/7/2020 tổ chức tổng kết.", [("complete", "2020-06-29 23:59", None, None)]),
    (
        "Hoàn thành trước ngày 30/6/2020 và tổ chức tổng kết vào ngày 15/7/2020.",
        [("complete", "2020-06-29 23:59", None, None)],
    ),
]


@pytest.mark.parametrize(("body", "expected"), COORDINATED)
def test_days_joined_to_a_deadlines_day_share_its_cue(body, expected):
    assert _items(body, "20/1/2020") == expected


@pytest.mark.parametrize(("issued", "body", "expected"), DATE_FORMS)
def test_date_forms_of_real_documents(issued, body, expected):
    assert _items(body, issued) == expected


# --- hours ------------------------------------------------------------------------------------
TIMES = [
    (
        "20/4/2021",
        "Các tổ bầu cử gửi báo cáo về Ủy ban bầu cử trước 17 giờ 00' ngày 03/5/2021.",
        _one("report", "2021-05-03 17:00"),
    ),
    (
        "28/11/2022",
        "Hồ sơ dự tuyển nộp trước 14 giờ, ngày 05/12/2022 tại bộ phận một cửa.",
        _one("complete", "2022-12-05 14:00"),
    ),
    (
        "12/6/2023",
        "Chậm nhất 16h30 ngày 20/6/2023, các chi bộ báo cáo danh sách về Đảng ủy.",
        _one("report", "2023-06-20 16:30"),
    ),
    (
        "07/8/2023",
        "Đề nghị các đồng chí gửi ý kiến góp ý trước 10h00, thứ Hai, ngày 14/8/2023.",
        _one("complete", "2023-08-14 10:00"),
    ),
    (
        "05/9/2022",
        "Hạn cuối nhận bài dự thi: 17 giờ ngày 30/9/2022.",
        _one("complete", "2022-09-30 17:00"),
    ),
    (
        "25/8/2021",
        "Các đơn vị hoàn thành việc treo cờ trước 8 giờ sáng ngày 2/9/2021.",
        _one("complete", "2021-09-02 08:00"),
    ),
    (
        "01/7/2024",
        "Thời gian nhận hồ sơ đến 11 giờ 30 phút ngày 12/7/2024.",
        _one("complete", "2024-07-12 11:30"),
    ),
    (
        "02/1/2024",
        "Các chi bộ gửi biên bản đại hội trước 16 giờ 00 phút, ngày 09/01/2024.",
        _one("complete", "2024-01-09 16:00"),
    ),
    (
        "28/3/2022",
        "Đề nghị các phòng nộp bản đăng ký thi đua trước 15h chiều ngày 5/4/2022.",
        _one("complete", "2022-04-05 15:00"),
    ),
    # the hour written after the day
    (
        "20/5/2020",
        "Các chi bộ nộp hồ sơ chậm nhất ngày 15/6/2020 lúc 17h00.",
        _one("complete", "2020-06-15 17:00"),
    ),
    ("20/5/2020", "Phiếu đăng ký nộp trước ngày 15/6/2020 (16 giờ).", _one("complete", "2020-06-15 16:00")),
    ("20/5/2020", "HẠN CHÓT 30/06/2020 17:00", _one("complete", "2020-06-30 17:00")),
]


@pytest.mark.parametrize(
    "body",
    [
        "Hội nghị được tổ chức vào lúc 14 giờ ngày 25/5/2020 tại Hội trường Huyện ủy.",
        "Vào lúc 8 giờ 00 ngày 25/5/2020, Huyện ủy tổ chức lễ mít tinh.",
        "Kính mời đồng chí đến dự hội nghị vào 8h00 ngày 28/5/2020.",
    ],
)
def test_the_hour_an_event_is_held_is_no_deadline(body):
    assert _items(body, "20/5/2020") == []


@pytest.mark.parametrize(("issued", "body", "expected"), TIMES)
def test_hours_written_every_way(issued, body, expected):
    assert _items(body, issued) == expected


# --- what is not a deadline -------------------------------------------------------------------
NOT_DEADLINES = [
    # data cut-offs and reporting periods
    ("01/6/2022", "Số liệu báo cáo tính từ ngày 15/12/2021 đến ngày 14/6/2022."),
    ("10/3/2023", "Các đơn vị chốt số liệu ngày 25 hằng tháng để theo dõi."),
    ("20/4/2021", "Trong đợt cao điểm (từ ngày 30/4 đến hết 03/5/2021) các lực lượng trực 24/24 giờ."),
    ("05/3/2024", "Thời điểm thống kê: 0 giờ ngày 01/4/2024."),
    ("06/11/2023", "Số liệu tính đến 17 giờ 00, ngày 04/11/2023."),
    ("05/10/2022", "Tính đến ngày 30/9/2022, toàn huyện có 1.250 đảng viên, trong đó 80 đảng viên mới."),
    ("05/1/2023", "Tạm ngừng tiếp nhận hồ sơ trong dịp nghỉ Tết (từ ngày 20/1 đến hết ngày 29/1/2023)."),
    # effective dates
    ("02/3/2022", "Quy định này có hiệu lực kể từ ngày ký."),
    ("20/12/2023", "Chỉ thị này có hiệu lực từ ngày 01/01/2024."),
    ("01/3/2022", "Quy chế được áp dụng kể từ ngày 15/3/2022."),
    ("05/5/2023", "Quyết định có hiệu lực thi hành sau 10 ngày kể từ ngày ký ban hành."),
    ("20/6/2023", "Bảng giá dịch vụ mới được áp dụng từ ngày 1/7/2023."),
    ("30/8/2022", "Văn bản này thay thế Công văn số 12-CV/HU và có hiệu lực kể từ ngày 05/9/2022."),
    # anniversaries
    ("10/1/2020", "Kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2020)."),
    ("01/8/2020", "Tổ chức các hoạt động chào mừng 75 năm Cách mạng Tháng Tám (19/8/1945 - 19/8/2020)."),
    ("02/5/2023", "Nhân kỷ niệm 133 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2023)."),
    ("02/10/2021", "Hằng năm, vào dịp kỷ niệm ngày thành lập Hội (15/10), các chi hội gặp mặt hội viên."),
    ("01/11/2022", "Các trường tổ chức kỷ niệm Ngày Nhà giáo Việt Nam 20/11 hằng năm."),
    # terms of office, stages and programmes
    ("05/6/2020", "Đại hội đại biểu Đảng bộ huyện lần thứ XX, nhiệm kỳ 2020 - 2025."),
    ("03/3/2021", "Tiếp tục thực hiện Nghị quyết Đại hội Đảng bộ tỉnh nhiệm kỳ 2015-2020."),
    ("04/4/2021", "Chương trình hành động giai đoạn 2021 - 2025 của Ban Chấp hành Đảng bộ."),
    ("04/4/2021", "Đến cuối năm 2025, tỷ lệ hộ nghèo của huyện giảm còn dưới 2%."),  # a target
    ("05/5/2021", "Ban Chấp hành Đảng bộ khóa XII (2016-2021) đã lãnh đạo hoàn thành các chỉ tiêu."),
    # spans up to now, and events of a few days
    ("02/5/2020", "Nội dung thi gồm những thành tựu của huyện từ năm 2016 đến nay."),
    ("06/12/2021", "Hội nghị Ban Chấp hành diễn ra từ ngày 14 đến 16/12/2021."),
    ("15/11/2020", "Lớp bồi dưỡng được tổ chức từ ngày 23 - 25/11/2020 tại Trung tâm Chính trị."),
    # a rating, not a time to finish in
    ("01/12/2022", "Số tập thể đạt danh hiệu hoàn thành xuất sắc nhiệm vụ trong năm 2022 tăng 5%."),
    # days off
    ("20/4/2020", "Lịch nghỉ lễ năm 2020: cán bộ, công chức được nghỉ từ ngày 30/4 đến hết ngày 3/5/2020."),
    ("10/1/2021", "Học sinh nghỉ Tết từ ngày 8/2/2021 đến hết ngày 17/2/2021."),
    ("10/3/2023", "Lịch công tác tuần của Thường trực Huyện ủy (từ ngày 13/3/2023 đến ngày 19/3/2023)"),
    ("10/3/2023", "Lịch làm việc tuần từ ngày 13/3/2023 đến ngày 19/3/2023"),
    # the period a tally covers
    (None, "Từ ngày 1/1 đến ngày 30/6/2023, toàn huyện kết nạp 125 đảng viên mới."),
    (None, "Từ ngày 01.01 đến ngày 15.7.2022, Sở tiếp nhận 1.245 hồ sơ, đã giải quyết 1.200 hồ sơ."),
    # a deadline quoted from a cited document's title
    (
        "15/2/2022",
        "Thực hiện Kế hoạch số 12-KH/TU ngày 05/01/2022 về việc hoàn thành kiểm điểm trước ngày 31/3/2022.",
    ),
]


def test_a_cut_off_in_brackets_leaves_the_deadline_after_it():
    body = (
        "Báo cáo kết quả thực hiện quý I/2022 (số liệu tính từ ngày 01/01/2022 đến ngày 31/3/2022), "
        "gửi về Sở Nội vụ trước ngày 20/4/2022."
    )
    assert _items(body, "05/4/2022") == _one("report", "2022-04-19 23:59")


@pytest.mark.parametrize(("issued", "body"), NOT_DEADLINES)
def test_cut_offs_effective_dates_anniversaries_and_terms_are_not_deadlines(issued, body):
    assert _items(body, issued) == []


# --- deadlines already past at the document's date --------------------------------------------
PAST = [
    (
        "20/5/2021",
        "Thực hiện Kế hoạch số 45-KH/HU, các chi bộ đã hoàn thành đại hội trước ngày 30/4/2021. "
        "Nay đề nghị các chi bộ gửi biên bản về Đảng ủy trước ngày 30/5/2021.",
        _one("complete", "2021-05-29 23:59"),
    ),
    (
        "10/3/2022",
        "Theo Công văn số 88-CV/ĐU, hạn nộp là ngày 28/02/2022; đến nay vẫn còn 5 chi bộ chưa nộp. "
        "Đề nghị các chi bộ này nộp chậm nhất ngày 15/3/2022.",
        _one("complete", "2022-03-15 23:59"),
    ),
    (
        "15/9/2023",
        "Các xã đã báo cáo trước ngày 31/8/2023 theo yêu cầu; đề nghị các xã hoàn thành kiểm tra trong tháng 10/2023.",
        _one("complete", "2023-10-31 23:59"),
    ),
    (
        "12/4/2024",
        "Theo kế hoạch, hạn chót nhận hồ sơ là ngày 31/3/2024.",
        [],
    ),
    # the state so far, then a request made anew
    ("01/2/2020", "Đến nay, xã đã dự thảo báo cáo, tổng hợp trình Ban Thường vụ vào cuối tháng 2/2020.", []),
    (
        "01/2/2020",
        "Đến nay vẫn còn 3 chi bộ chưa nộp, đề nghị các chi bộ này nộp trước ngày 20/2/2020.",
        _one("complete", "2020-02-19 23:59"),
    ),
    ("01/2/2020", "Thời gian qua, nhiều chi bộ hoàn thành trước ngày 20/2/2020.", []),
]


@pytest.mark.parametrize(("issued", "body", "expected"), PAST)
def test_a_deadline_already_past_at_the_documents_date_is_not_one(issued, body, expected):
    assert _items(body, issued) == expected


# --- a page's own stamp ------------------------------------------------------------------------
def test_a_page_clock_is_no_deadline_and_what_was_due_before_it_is_past():
    page = (
        "Tin hoạt động\n\nCập nhật lúc 09:15, Thứ Tư, 12/05/2021 (GMT+7)\n\n"
        "Theo quy định, danh sách phải niêm yết chậm nhất ngày 10/5/2021. "
        "Huyện ủy đề nghị các chi bộ hoàn thành việc lấy ý kiến trước ngày 30/5/2021."
    )
    assert _items(page) == _one("complete", "2021-05-29 23:59")


@pytest.mark.parametrize(
    "stamp",
    [
        "Đăng lúc: 10:02:11 20/06/2022 (GMT+7)",
        "THỨ HAI, 20/06/2022 10:02:11",
        "Ngày đăng 20/06/2022 | 10:02 | Lượt xem: 318",
        "NGỌC LAN 20/06/2022 10:02",
        "20/06/2022 - 10:02",
        "Ngày đăng: 20/06/2022",
        "Cập nhật ngày 20/06/2022",
        "Thứ Hai, 20/06/2022, 10:02 (GMT+7)",
        "Cập nhật: 10h02 ngày 20/06/2022",
        "Đăng ngày: 20/06/2022 - 10h02",
    ],
)
def test_page_stamps_of_every_portal(stamp):
    page = f"Triển khai công tác bầu cử\n\n{stamp}\n\nCác xã lập danh sách cử tri chậm nhất ngày 10/6/2022."
    assert _items(page) == []


def test_a_window_opened_before_the_page_went_up_and_still_open_is_kept():
    page = "Đăng lúc: 08:00 25/02/2021\n\nViệc nhận hồ sơ bắt đầu từ ngày 22/02/2021 và kết thúc vào ngày 14/3/2021."
    assert _items(page) == _one("start", "2021-02-22 00:00", "2021-03-14 23:59")


# --- windows -----------------------------------------------------------------------------------
WINDOWS = [
    (
        "01/8/2022",
        "Các chi bộ tổ chức lấy ý kiến nhân dân từ ngày 12/8/2022 đến ngày 15/9/2022.",
        _one("start", "2022-08-12 00:00", "2022-09-15 23:59"),
    ),
    (
        "01/6/2023",
        "Thời gian tiếp nhận hồ sơ: từ ngày 05/6 đến hết ngày 20/6/2023.",
        _one("start", "2023-06-05 00:00", "2023-06-20 23:59"),
    ),
    (
        "25/10/2021",
        "Đợt kiểm tra chéo được tiến hành từ 01/11 - 30/11/2021.",
        _one("start", "2021-11-01 00:00", "2021-11-30 23:59"),
    ),
    (
        "25/3/2022",
        "Cuộc vận động được triển khai từ ngày 3 đến ngày 28/4/2022 trên toàn tỉnh.",
        _one("start", "2022-04-03 00:00", "2022-04-28 23:59"),
    ),
    (
        "20/6/2021",
        "Thời gian điều tra từ ngày 1 - 15/7/2021.",
        _one("start", "2021-07-01 00:00", "2021-07-15 23:59"),
    ),
    (
        "20/9/2023",
        "Bình chọn trực tuyến bắt đầu từ 8 giờ ngày 2/10/2023 và kết thúc lúc 20 giờ ngày 15/10/2023.",
        _one("start", "2023-10-02 08:00", "2023-10-15 20:00"),
    ),
    (
        "15/6/2024",
        "Từ tháng 7 đến hết tháng 9/2024, các chi bộ tổ chức sinh hoạt chuyên đề.",
        _one("start", "2024-07-01 00:00", "2024-09-30 23:59"),
    ),
    (
        "20/2/2024",
        "Thời gian thực hiện: từ ngày 01/3/2024-31/3/2024.",
        _one("start", "2024-03-01 00:00", "2024-03-31 23:59"),
    ),
    (
        "05/6/2023",
        "Giai đoạn 1 (từ tháng 6 - 8/2023): tổ chức tuyên truyền sâu rộng; "
        "Giai đoạn 2 (tháng 9 - 10/2023): tổ chức thi.",
        [
            ("start", "2023-06-01 00:00", "2023-08-31 23:59", None),
            ("start", "2023-09-01 00:00", "2023-10-31 23:59", None),
        ],
    ),
    (
        "05/6/2023",
        "- Đợt 1: tháng 9/2023, kiểm tra các chi bộ khối xã.\n"
        "- Đợt 2: tháng 11/2023, kiểm tra các chi bộ khối cơ quan.",
        [("complete", "2023-09-30 23:59", None, None), ("complete", "2023-11-30 23:59", None, None)],
    ),
    (
        "01/2/2020",
        "Từ tháng 11 - 12/2020, các chi bộ tổ chức sinh hoạt chuyên đề.",
        _one("start", "2020-11-01 00:00", "2020-12-31 23:59"),
    ),
    (
        "15/9/2023",
        "Cuộc thi viết bắt đầu từ tháng 10-2023 và kết thúc vào tháng 3-2024.",
        _one("start", "2023-10-01 00:00", "2024-03-31 23:59"),
    ),
    (
        "20/9/2023",
        "Cuộc thi trực tuyến diễn ra từ ngày 02/10/2023 đến hết ngày 29/10/2023, gồm 4 tuần:\n"
        "Tuần 1: từ ngày 02/10/2023 - 08/10/2023;\nTuần 2: từ ngày 09/10/2023 - 15/10/2023;\n"
        "Tuần 3: từ ngày 16/10/2023 - 22/10/2023;\nTuần 4: từ ngày 23/10/2023 - 29/10/2023.",
        _one("start", "2023-10-02 00:00", "2023-10-29 23:59"),
    ),
    (
        "20/6/2023",
        "Từ ngày 1/7 đến ngày 30/7/2023, mỗi chi bộ giới thiệu 10 quần chúng ưu tú.",  # a count asked of each
        _one("start", "2023-07-01 00:00", "2023-07-30 23:59"),
    ),
    (
        "10/9/2020",
        "- Đợt 1: từ 7h00 ngày 14/9/2020 đến 22h00 ngày 20/9/2020.\n"
        "- Đợt 2: từ 7h00 ngày 21/9/2020 đến 22h00 ngày 27/9/2020.",
        [
            ("start", "2020-09-14 07:00", "2020-09-20 22:00", None),
            ("start", "2020-09-21 07:00", "2020-09-27 22:00", None),
        ],
    ),
]


@pytest.mark.parametrize(("issued", "body", "expected"), WINDOWS)
def test_a_window_is_one_item_with_its_end(issued, body, expected):
    assert _items(body, issued) == expected


# --- schedules ---------------------------------------------------------------------------------
SCHEDULES = [
    ("05/1/2023", "Các chi bộ báo cáo hằng quý, trước ngày 20 của tháng cuối quý.", "quarterly<3-20"),
    ("05/1/2023", "Báo cáo định kỳ hằng tháng gửi về Ban Tuyên giáo trước ngày 25.", "monthly<25"),
    ("05/1/2023", "Báo cáo năm gửi về Ủy ban kiểm tra chậm nhất ngày 15/3 năm sau.", "yearly@3-15"),
    ("05/1/2023", "Hằng tuần, các tổ gửi báo cáo nhanh về Văn phòng vào thứ Sáu.", "weekly@fri"),
    ("05/1/2023", "Các xã báo cáo kết quả thực hiện trước ngày 10/8 hằng năm.", "yearly<8-10"),
    ("05/1/2023", "Hằng tháng, chậm nhất ngày 28, các đơn vị gửi báo cáo tiến độ.", "monthly@28"),
    ("05/1/2023", "Các tổ công tác báo cáo hằng ngày lúc 16 giờ.", "daily@16:00"),
    ("05/1/2023", "Báo cáo quý gửi trước ngày 18 của tháng cuối quý.", "quarterly<3-18"),
    ("05/1/2023", "Định kỳ hằng quý (trước ngày 15 tháng cuối quý), các đơn vị báo cáo về Sở.", "quarterly<3-15"),
    ("05/1/2023", "Các đơn vị báo cáo định kỳ hằng tháng (trước ngày 25 hằng tháng).", "monthly<25"),
]


def test_each_day_of_a_yearly_reporting_rule_is_its_own_schedule():
    body = "Báo cáo 6 tháng gửi trước ngày 15/6, báo cáo năm gửi trước ngày 15/12 hằng năm."
    assert [r for *_, r in _items(body, "05/1/2023")] == ["yearly<6-15", "yearly<12-15"]


def test_the_issuing_offices_own_weekly_report_is_flagged_not_asked_of_the_cells():
    doc = parse_document(_doc("Giao Văn phòng Huyện ủy tổng hợp, báo cáo Ban Thường vụ hằng tuần.", "05/1/2023"))
    (d,) = doc.deadlines
    assert d.recurrence is not None and d.recurrence.to_rule() == "weekly" and d.flags == ("own_office",)


@pytest.mark.parametrize(("issued", "body", "rule"), SCHEDULES)
def test_reporting_schedules(issued, body, rule):
    assert _items(body, issued) == _one("recurring", None, None, rule)


def test_a_schedule_without_an_hour_gets_no_invented_hour():
    (item,) = _items("Các chi bộ báo cáo tình hình hằng ngày về Đảng ủy.", "05/1/2023")
    assert item == ("recurring", None, None, "daily")


def test_a_yearly_calendar_without_a_year_is_yearly_throughout():
    body = (
        "Theo khung kế hoạch, các trường tổ chức lễ khai giảng vào ngày 5/9 hằng năm; học sinh tựu trường "
        "sớm nhất vào ngày 25/8 hằng năm. Kết thúc học kỳ I trước ngày 15/1. Hoàn thành xét tốt nghiệp trước ngày 20/6."
    )
    rules = [r for *_, r in _items(body)]
    assert rules == ["yearly@9-5", "yearly<1-15", "yearly<6-20"]


def test_a_dated_duty_of_the_issuing_office_itself_is_flagged_too():
    body = (
        "Các chi bộ báo cáo kết quả về Đảng ủy Khối trước ngày 10/01/2024.\n"
        "Văn phòng Đảng ủy Khối tổng hợp, báo cáo Ban Thường vụ Tỉnh ủy trước ngày 20/01/2024."
    )
    doc = parse_document(_doc(body, "16/11/2023"))
    assert [(d.due.strftime("%d/%m/%Y %H:%M"), d.flags) for d in doc.deadlines if d.due] == [
        ("09/01/2024 23:59", ()),
        ("19/01/2024 23:59", ("own_office",)),
    ]


# --- relative limits ---------------------------------------------------------------------------
RELATIVE = [
    "Hồ sơ gửi về Ban Tổ chức trước ngày khai mạc đại hội ít nhất 10 ngày.",
    "Trong vòng 05 ngày làm việc kể từ khi kết thúc hội nghị, các chi bộ gửi biên bản về Đảng ủy.",
    "Chậm nhất 07 ngày sau khi tổ chức đại hội, chi bộ báo cáo kết quả về Đảng ủy.",
    "Sau 03 ngày kể từ ngày nhận công văn này, các đơn vị phải gửi danh sách về Huyện ủy.",
    "Trước ngày khai mạc đại hội 10 ngày, các đoàn gửi danh sách đại biểu về Ban Tổ chức.",
    "Sau khi kết thúc hội nghị 05 ngày, các chi bộ gửi báo cáo thu hoạch.",
    "Trong vòng 48 giờ kể từ khi phát hiện vụ việc, đơn vị phải báo cáo Thường trực Huyện ủy.",
]


def test_a_span_after_an_event_told_as_past_is_no_limit():
    assert _items("Sau khi diễn ra 3 ngày, hội nghị đã bế mạc thành công.", "03/4/2023") == []


@pytest.mark.parametrize("body", RELATIVE)
def test_a_limit_counted_from_an_undated_event_is_kept_as_its_words(body):
    doc = parse_document(_doc(body, "03/4/2023"))
    assert len(doc.deadlines) == 1
    d = doc.deadlines[0]
    assert d.due is None and d.flags == ("relative",)
    assert d.text and d.text in " ".join(body.split())


# --- a year slip -------------------------------------------------------------------------------
def test_last_years_number_in_a_date_weeks_ahead_is_read_as_this_year_and_flagged():
    doc = parse_document(_doc("Các chi bộ hoàn thành kiểm điểm trước ngày 20/01/2023.", "05/01/2024"))
    (d,) = doc.deadlines
    assert d.due.strftime("%Y-%m-%d %H:%M") == "2024-01-19 23:59"
    assert d.flags == ("year_typo",)


def test_a_missed_limit_of_last_year_is_no_slip():
    body = "Theo Công văn số 12-CV/HU, hạn nộp là ngày 31/01/2023; đến nay vẫn còn 5 chi bộ chưa nộp."
    assert _items(body, "10/01/2024") == []


@pytest.mark.parametrize(
    "body",
    [
        "Năm trước, các chi bộ đã hoàn thành kiểm điểm trước ngày 20/6/2023.",  # told as done
        "Các chi bộ hoàn thành kiểm điểm trước ngày 20/12/2023.",  # months away: a real past date
    ],
)
def test_a_past_date_that_is_no_slip_stays_past(body):
    assert _items(body, "05/06/2024") == []

"""Properties of the parser over generated text (hypothesis)."""

from __future__ import annotations

import calendar
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from services.parsing import (
    Deadline,
    DeadlineError,
    ParsedDocument,
    Recurrence,
    parse_deadline_phrase,
    parse_document,
)
from services.parsing.vn_text import clean_markup, fold

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Words that steer the parser down its many paths, mixed with noise.
TOKENS = [
    "trước",
    "ngày",
    "đến hết",
    "hết",
    "chậm nhất",
    "từ",
    "từ ngày",
    "bắt đầu",
    "trong",
    "tháng",
    "quý",
    "năm",
    "hằng ngày",
    "hàng tuần",
    "hằng tháng",
    "thứ Sáu",
    "báo cáo",
    "kế hoạch",
    "xây dựng kế hoạch",
    "hoàn thành",
    "Thời gian thực hiện:",
    "hạn",
    "Hạn nộp:",
    "Số",
    "Số 141 - CV/ĐUK",
    "KẾ HOẠCH",
    "KHẨN",
    "MẬT",
    "V/v",
    "Kính gửi:",
    "Nơi nhận:",
    "- ",
    "+ ",
    "1.",
    "II.",
    "T/M BAN THƯỜNG VỤ",
    "BÍ THƯ",
    "Nguyễn Văn A",
    "Lưu VT",
    "Báo cáo cần nêu rõ:",
    "Đà Nẵng, ngày 03 tháng 8 năm 2021",
    "ĐẢNG BỘ TỈNH",
    "*",
    "20/8/2021",
    "31/2/2021",
    "20/8",
    "17h00",
    "06h",
    "tháng 8/2021",
    "quý III/2021",
    "năm 2021",
    "ngày 20 tháng 8 năm 2021",
    "05-NQ/TU",
    "Nghị quyết số",
    "của",
    "đã",
    "Thời gian gần đây,",
    "**",
    "“",
    "”",
    ",",
    ";",
    ".",
    ":",
    "(",
    ")",
    "\n",
    "\n\n",
    " ",
    "24/24h",
    "0/0/0000",
    "99/99/9999",
    "29/2/2024",
    "tính đến ngày",
]

vn_soup = st.lists(st.sampled_from(TOKENS) | st.text(max_size=8), max_size=80).map(" ".join)


def assert_sane(doc: ParsedDocument) -> None:
    assert isinstance(doc, ParsedDocument)
    data = doc.to_json_dict()
    assert isinstance(data["deadlines"], list)
    for d in doc.deadlines:
        assert d.kind in ("complete", "report", "plan", "start", "recurring")
        assert (d.due is None) == (d.kind == "recurring")
        assert (d.recurrence is None) != (d.kind == "recurring")
        assert d.text and d.shown


@SETTINGS
@given(st.text(max_size=2000))
def test_never_raises_on_any_text(text):
    assert_sane(parse_document(text))


@SETTINGS
@given(vn_soup)
def test_never_raises_on_vietnamese_directive_soup(text):
    doc = parse_document(text)
    assert_sane(doc)
    cleaned = " ".join(clean_markup(text).split())
    for d in doc.deadlines:
        assert d.text in cleaned  # the phrase comes from the text, not invented


@SETTINGS
@given(vn_soup)
def test_phrase_parser_returns_a_deadline_or_an_error(text):
    result = parse_deadline_phrase(text, default_year=2021)
    assert isinstance(result, (Deadline, DeadlineError))


@SETTINGS
@given(st.text(max_size=500))
def test_fold_keeps_length(text):
    cleaned = clean_markup(text)
    assert len(fold(cleaned)) == len(cleaned)


# --- references are never deadlines --------------------------------------------------------

DOC_TYPES = [
    "Nghị quyết",
    "Chỉ thị",
    "Công văn",
    "Kế hoạch",
    "Thông báo",
    "Hướng dẫn",
    "Kết luận",
    "Quyết định",
    "Báo cáo",
]
CODES = ["NQ", "CT", "CV", "KH", "TB", "HD", "KL", "QĐ", "BC"]
ISSUERS = ["TU", "TW", "QU", "ĐUK", "BTG", "BTGTW", "BCĐ"]
BODIES = [
    "Tỉnh ủy",
    "Ban Thường vụ Thành ủy",
    "Bộ Chính trị",
    "Ban Tuyên giáo Trung ương",
    "Quận ủy Hà Đông",
    "Ban Chấp hành Đảng bộ tỉnh",
]


@st.composite
def real_dates(draw):
    return draw(st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31)))


@st.composite
def reference_sentence(draw):
    kind = draw(st.integers(0, len(DOC_TYPES) - 1))
    n = draw(st.integers(1, 999))
    d = draw(real_dates())
    number = draw(
        st.sampled_from(
            [
                f"{n}-{CODES[kind]}/{draw(st.sampled_from(ISSUERS))}",
                f"{n} - {CODES[kind]}/{draw(st.sampled_from(ISSUERS))}",
                f"{n}/{CODES[kind]}-UBND",
            ]
        )
    )
    written = draw(
        st.sampled_from(
            [
                f"{d.day}/{d.month}/{d.year}",
                f"{d.day:02d}/{d.month:02d}/{d.year}",
                f"{d.day} tháng {d.month} năm {d.year}",
            ]
        )
    )
    lead = draw(st.sampled_from(["", "Căn cứ ", "Thực hiện ", "Theo ", "triển khai "]))
    comma = draw(st.sampled_from(["", ",", " ,"]))
    so = draw(st.sampled_from(["số ", ""]))
    return f"{lead}{DOC_TYPES[kind]} {so}{number}{comma} ngày {written} của {draw(st.sampled_from(BODIES))}"


@SETTINGS
@given(st.lists(reference_sentence(), min_size=1, max_size=6), st.sampled_from([". ", "; ", "\n", ", và "]))
def test_reference_only_text_never_yields_a_deadline(sentences, sep):
    doc = parse_document(sep.join(sentences) + ".")
    assert doc.deadlines == []


# --- invalid dates never become due dates ---------------------------------------------------


@st.composite
def invalid_day(draw):
    """(day, month, year) that names no day: past the month's end, or month 13..99."""
    y = draw(st.integers(2000, 2040))
    m = draw(st.integers(1, 12))
    if draw(st.booleans()):
        last = calendar.monthrange(y, m)[1]
        return draw(st.integers(last + 1, 39)), m, y
    return draw(st.integers(1, 28)), draw(st.integers(13, 99)), y


CUES = [
    "Hoàn thành trước ngày",
    "Báo cáo về Đảng ủy chậm nhất ngày",
    "đến hết ngày",
    "Thời gian thực hiện: từ ngày",
    "trước 17h00 ngày",
    "Hạn nộp:",
]


@SETTINGS
@given(invalid_day(), st.sampled_from(CUES))
def test_invalid_date_under_a_cue_is_a_warning_not_a_deadline(dmy, cue):
    d, m, y = dmy
    doc = parse_document(f"Các chi bộ triển khai. {cue} {d}/{m}/{y}.")
    assert doc.deadlines == []
    assert f"ngày {d}/{m}/{y} không tồn tại" in doc.warnings


@SETTINGS
@given(invalid_day(), st.sampled_from(["", "trước ", "đến hết ngày ", "báo cáo trước "]))
def test_invalid_typed_date_is_an_error(dmy, lead):
    d, m, y = dmy
    result = parse_deadline_phrase(f"{lead}{d}/{m}/{y}", default_year=2021)
    assert isinstance(result, DeadlineError)
    assert result.code == "invalid_date"
    assert result.message == f"ngày {d}/{m}/{y} không tồn tại"


# --- valid cued dates resolve by the semantics table ----------------------------------------


@SETTINGS
@given(real_dates())
def test_before_a_day_is_the_previous_day_at_23_59(d):
    doc = parse_document(f"Các chi bộ hoàn thành trước ngày {d.day}/{d.month}/{d.year}.")
    assert [(x.kind, x.due, x.anchor) for x in doc.deadlines] == [
        ("complete", datetime.combine(d - timedelta(days=1), time(23, 59)), d)
    ]


@SETTINGS
@given(real_dates())
def test_through_a_day_is_that_day_at_23_59(d):
    doc = parse_document(f"Báo cáo kết quả về Đảng ủy đến hết ngày {d.day}/{d.month}/{d.year}.")
    assert [(x.kind, x.due) for x in doc.deadlines] == [("report", datetime(d.year, d.month, d.day, 23, 59))]


@SETTINGS
@given(st.integers(1, 12), st.integers(2000, 2040))
def test_within_a_month_is_its_last_day(m, y):
    result = parse_deadline_phrase(f"trong tháng {m}/{y}", default_year=None)
    assert isinstance(result, Deadline)
    assert result.due == datetime(y, m, calendar.monthrange(y, m)[1], 23, 59)


# --- recurrence rules -----------------------------------------------------------------------

times = st.lists(st.times().map(lambda t: f"{t.hour:02d}:{t.minute:02d}"), max_size=4, unique=True).map(tuple)


@st.composite
def recurrences(draw):
    freq = draw(st.sampled_from(["daily", "weekly", "monthly", "quarterly", "yearly"]))
    if freq == "daily":
        ts = draw(times)
        return Recurrence(freq, times=ts, before=bool(ts) and draw(st.booleans()))
    if freq == "weekly":
        wd = draw(st.none() | st.integers(0, 6))
        return Recurrence(
            freq, times=draw(times) if wd is not None else (), weekday=wd, before=wd is not None and draw(st.booleans())
        )
    if freq == "monthly":
        dom = draw(st.none() | st.integers(1, 31))
        return Recurrence(
            freq,
            times=draw(times) if dom is not None else (),
            day_of_month=dom,
            before=dom is not None and draw(st.booleans()),
        )
    return Recurrence(freq)


@SETTINGS
@given(recurrences())
def test_recurrence_rule_round_trips(rec):
    assume(rec.freq != "daily" or not rec.before or rec.times)
    assert Recurrence.from_rule(rec.to_rule()) == rec


# --- speed: no input may make a regular expression backtrack catastrophically --------------

HOSTILE = {
    "spaces": " " * 100_000,
    "number then spaces": "Số" + " " * 100_000 + "1",
    "place-date then spaces": "Đà Nẵng, ngày" + " " * 100_000,
    "star lines": "*\n" * 50_000,
    # ~50k characters of nothing but dates: thousands of deadlines, still linear
    "dense year-less dates": "1/1 " * 12_500,
    "dense cued dates": "trước 17h00 ngày 23/8/2021 " * 1_850,
    "dense ranges": "từ ngày 4/8/2021 đến ngày 5/8/2021 " * 1_400,
    "one long word": "Đảng ủy " + "a" * 100_000,
    "cue words only": "trước hết chậm nhất hạn từ đến trong " * 2_800,
}


@pytest.mark.timeout(30)
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_inputs_do_not_hang_the_parser(name):
    # Not a speed test (bench/bench_parser.py measures speed): a catastrophically
    # backtracking pattern takes minutes on these inputs, and pytest-timeout stops it.
    parsed = parse_document(HOSTILE[name])
    assert parsed.to_json_dict()["deadlines"] is not None


# --- data cut-offs and cited titles hold no deadline ----------------------------------------


@st.composite
def data_cutoff_sentence(draw):
    """ "Số liệu báo cáo 6 tháng tính từ ngày 01/01/2021 đến ngày 30/6/2021", "chốt số liệu
    ngày 25": the days a report covers."""
    a, b = sorted([draw(real_dates()), draw(real_dates())])
    noun = draw(
        st.sampled_from(["Số liệu báo cáo", "Số liệu báo cáo 6 tháng đầu năm", "Số liệu", "Số liệu thống kê quý"])
    )
    form = draw(
        st.sampled_from(
            [
                f"{noun} tính từ ngày {a.day}/{a.month}/{a.year} đến ngày {b.day}/{b.month}/{b.year}",
                f"{noun} tính đến hết ngày {b.day}/{b.month}/{b.year}",
                f"Thời gian chốt số liệu từ ngày {a.day}/{a.month} đến ngày {b.day}/{b.month}",
                f"Chốt số liệu ngày {b.day} hằng tháng để tổng hợp báo cáo",
                f"chốt số liệu trước ngày {b.day}/{b.month}/{b.year}",
            ]
        )
    )
    return form


@SETTINGS
@given(st.lists(data_cutoff_sentence(), min_size=1, max_size=4), st.sampled_from([". ", ";\n", "\n- "]))
def test_data_cut_offs_never_yield_a_deadline(sentences, sep):
    assert parse_document(sep.join(sentences) + ".").deadlines == []


DEADLINE_PHRASES = [
    "hoàn thành trước ngày",
    "báo cáo kết quả trước ngày",
    "chậm nhất ngày",
    "hoàn thành xong trước ngày",
]


@SETTINGS
@given(
    reference_sentence(), st.sampled_from(DEADLINE_PHRASES), real_dates(), st.sampled_from(["về việc ", "về ", "V/v "])
)
def test_a_deadline_inside_a_cited_documents_title_is_not_taken(ref, phrase, d, about):
    text = f"{ref} {about}{phrase} {d.day}/{d.month}/{d.year} công tác tuyên truyền."
    assert parse_document(text).deadlines == []


@SETTINGS
@given(reference_sentence(), st.sampled_from(DEADLINE_PHRASES), real_dates())
def test_the_same_phrase_after_the_title_is_taken(ref, phrase, d):
    # control for the test above: once the title is closed by a comma, the phrase is the
    # document's own instruction
    # (a year after every cited date: an earlier one would be a past event)
    text = f"{ref} về công tác tuyên truyền, các chi bộ {phrase} {min(d.day, 28)}/{d.month}/2099."
    assert len(parse_document(text, today=date(2100, 1, 1)).deadlines) == 1


def test_a_hundred_thousand_character_paste_is_read_to_its_end():
    sentence = (
        "Các chi bộ tiếp tục quán triệt Nghị quyết số 05-NQ/TU ngày 05/8/2021 của Tỉnh "
        "ủy, tuyên truyền sâu rộng trong cán bộ, đảng viên và quần chúng nhân dân. "
    )
    text = sentence * (100_000 // len(sentence) + 1) + "Các chi bộ báo cáo kết quả trước ngày 23/8/2021."
    assert len(text) >= 100_000
    doc = parse_document(text)
    assert [(d.kind, d.due) for d in doc.deadlines] == [("report", datetime(2021, 8, 22, 23, 59))]

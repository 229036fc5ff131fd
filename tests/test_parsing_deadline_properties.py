"""Properties of the issue-12 deadline rules over generated dates (hypothesis): page stamps,
windows with the month written once, dash-glued windows, last year's number in a date, and
anniversaries, for any day rather than the few a document happens to hold."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.parsing import parse_document

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

days = st.dates(min_value=date(2010, 1, 1), max_value=date(2035, 12, 31))
clocks = st.times().map(lambda t: t.replace(second=0, microsecond=0))


def _head(issued: date) -> str:
    dated = f"ngày {issued.day} tháng {issued.month} năm {issued.year}"
    return f"ĐẢNG ỦY XÃ THANH LIÊN\n*\nSố 08-CV/ĐU\nThanh Liên, {dated}\n\n"


def _stamp(day: date, at: time, shape: int) -> str:
    dd = f"{day.day:02d}/{day.month:02d}/{day.year}"
    hm = f"{at.hour:02d}:{at.minute:02d}"
    weekday = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")[day.weekday()]
    return [
        f"Đăng lúc: {hm}:07 {dd} (GMT+7)",
        f"{weekday.upper()}, {dd} {hm}:41",
        f"Ngày đăng {dd} | {hm} | Lượt xem: 57",
        f"Cập nhật lúc {hm}, {weekday}, {dd} (GMT+7)",
        f"{dd} - {hm}",
        f"Ngày đăng: {dd}",
    ][shape]


@SETTINGS
@given(days, clocks, st.integers(0, 5), st.integers(1, 60), st.integers(1, 60))
def test_a_page_stamp_is_no_deadline_and_only_what_falls_after_it_is_kept(day, at, shape, back, ahead):
    before, after = day - timedelta(days=back), day + timedelta(days=ahead)
    page = (
        f"Tin tức - sự kiện\n\n{_stamp(day, at, shape)}\n\n"
        f"Theo quy định, các xã niêm yết danh sách chậm nhất ngày {before.day}/{before.month}/{before.year}. "
        f"Đề nghị các chi bộ hoàn thành việc góp ý chậm nhất ngày {after.day}/{after.month}/{after.year}."
    )
    assert [d.due for d in parse_document(page).deadlines] == [datetime.combine(after, time(23, 59))]


@SETTINGS
@given(days, st.integers(0, 27), st.integers(6, 27), st.sampled_from([" - ", "- ", " đến ", " đến ngày "]))
def test_a_window_of_a_week_or_more_with_the_month_written_once(issued, first, span, joiner):
    month_start = (issued.replace(day=1) + timedelta(days=40)).replace(day=1)
    d1 = first % (28 - span) + 1
    d2 = d1 + span
    body = f"Các thôn tổ chức rà soát hộ nghèo từ ngày {d1}{joiner}{d2}/{month_start.month}/{month_start.year}."
    (d,) = parse_document(_head(issued) + body).deadlines
    assert d.due == datetime.combine(month_start.replace(day=d1), time(0, 0))
    assert d.until == datetime.combine(month_start.replace(day=d2), time(23, 59))


@SETTINGS
@given(days, st.integers(1, 25), st.integers(1, 3), st.sampled_from(["Hội nghị", "Lớp bồi dưỡng", "Đại hội"]))
def test_an_events_few_days_with_the_month_written_once_are_no_window(issued, d1, span, event):
    month_start = (issued.replace(day=1) + timedelta(days=40)).replace(day=1)
    body = f"{event} diễn ra từ ngày {d1} - {d1 + span}/{month_start.month}/{month_start.year} tại hội trường."
    assert parse_document(_head(issued) + body).deadlines == []


@SETTINGS
@given(days, st.integers(1, 40), st.sampled_from(["-", " - ", " đến "]))
def test_two_whole_dates_joined_by_a_dash_are_one_window(issued, span, joiner):
    a = issued + timedelta(days=5)
    b = a + timedelta(days=span)
    body = f"Thời gian thực hiện: từ ngày {a.day}/{a.month}/{a.year}{joiner}{b.day}/{b.month}/{b.year}."
    (d,) = parse_document(_head(issued) + body).deadlines
    assert (d.due, d.until) == (datetime.combine(a, time(0, 0)), datetime.combine(b, time(23, 59)))


@SETTINGS
@given(days.filter(lambda d: d.year > 2010), st.integers(1, 60))
def test_last_years_number_in_a_date_weeks_ahead_is_this_year_and_flagged(issued, ahead):
    meant = issued + timedelta(days=ahead)
    if meant.year != issued.year or (meant.month, meant.day) == (2, 29):
        return  # the slip is only last year's number for a date later in the same year
    body = f"Các chi bộ hoàn thành việc kiểm điểm chậm nhất ngày {meant.day}/{meant.month}/{meant.year - 1}."
    (d,) = parse_document(_head(issued) + body).deadlines
    assert d.due == datetime.combine(meant, time(23, 59)) and d.flags == ("year_typo",)


@SETTINGS
@given(days.filter(lambda d: d.year > 2010), st.integers(70, 300))
def test_a_date_of_last_year_months_away_stays_past(issued, back):
    old = issued - timedelta(days=back)
    body = f"Các chi bộ hoàn thành việc kiểm điểm chậm nhất ngày {old.day}/{old.month}/{old.year}."
    assert parse_document(_head(issued) + body).deadlines == []


@SETTINGS
@given(days, st.integers(20, 130), st.sampled_from(["Kỷ niệm", "Chào mừng kỷ niệm", "Nhân dịp kỷ niệm"]))
def test_an_anniversary_span_is_no_deadline(issued, years, lead):
    day = issued + timedelta(days=20)
    body = (
        f"{lead} {years} năm Ngày truyền thống "
        f"({day.day}/{day.month}/{day.year - years} - {day.day}/{day.month}/{day.year})."
    )
    assert parse_document(_head(issued) + body).deadlines == []

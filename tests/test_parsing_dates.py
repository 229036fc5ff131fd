"""Vietnamese text helpers, dates, times and deadline phrases typed by staff in chat."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, time

import pytest

from services.parsing import (
    Deadline,
    DeadlineError,
    InvalidDateError,
    Recurrence,
    find_dates,
    normalize,
    parse_date,
    parse_deadline_phrase,
    parse_document,
    parse_time,
    strip_diacritics,
)
from services.parsing.vn_text import clean_markup, fold


def phrase(text: str, year: int | None = 2021, **kw) -> Deadline:
    result = parse_deadline_phrase(text, default_year=year, **kw)
    assert isinstance(result, Deadline), result
    return result


def error(text: str, year: int | None = 2021, **kw) -> DeadlineError:
    result = parse_deadline_phrase(text, default_year=year, **kw)
    assert isinstance(result, DeadlineError), result
    return result


# --- text helpers -------------------------------------------------------------------------


def test_strip_diacritics_maps_d_bar_and_keeps_case():
    assert strip_diacritics("Đảng ủy Khối đảng viên") == "Dang uy Khoi dang vien"


def test_strip_diacritics_accepts_nfd_input():
    nfd = unicodedata.normalize("NFD", "Nguyễn Phúc Hậu")
    assert nfd != "Nguyễn Phúc Hậu"
    assert strip_diacritics(nfd) == "Nguyen Phuc Hau"


def test_normalize_folds_case_marks_markup_quotes_and_spaces():
    assert normalize("  **Kính   gửi:** “Các chi bộ”\n") == 'kinh gui: "cac chi bo"'
    assert normalize(unicodedata.normalize("NFD", "KẾ HOẠCH")) == "ke hoach"


def test_fold_keeps_length_so_positions_map_back_to_the_text():
    text = clean_markup("Trước ngày 23/8/2021 — “báo cáo” Đảng ủy")
    folded = fold(text)
    assert len(folded) == len(text)
    i = folded.index("bao cao")
    assert text[i : i + 7] == "báo cáo"


def test_clean_markup_removes_bold_and_italic_but_keeps_header_star():
    assert clean_markup("từ nay đến hết **ngày 20/8/2021**") == "từ nay đến hết ngày 20/8/2021"
    assert clean_markup("+ *Thời gian thực hiện: Từ ngày 04/8/2021.*") == ("+ Thời gian thực hiện: Từ ngày 04/8/2021.")
    assert clean_markup("ĐẢNG ỦY\n*\nSố 1") == "ĐẢNG ỦY\n*\nSố 1"


# --- dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "20/8/2021",
        "20-8-2021",
        "20.8.2021",
        "ngày 20 tháng 8 năm 2021",
        "ngay 20 thang 8 nam 2021",
        "Ngày 20/08/2021",
        "20 / 8 / 2021",
    ],
)
def test_parse_date_reads_every_written_form(text):
    assert parse_date(text) == date(2021, 8, 20)


def test_parse_date_without_year_uses_default_year():
    assert parse_date("trước 20/8", default_year=2021) == date(2021, 8, 20)


def test_parse_date_without_year_takes_next_such_date_after_reference():
    assert parse_date("10/1", reference=date(2021, 12, 20)) == date(2022, 1, 10)
    assert parse_date("25/12", reference=date(2021, 12, 20)) == date(2021, 12, 25)


def test_parse_date_without_any_year_information_is_none():
    assert parse_date("20/8") is None


def test_parse_date_with_no_date_is_none():
    assert parse_date("Các chi bộ thực hiện nghiêm túc") is None


@pytest.mark.parametrize(
    "text,raw",
    [("31/2/2021", "31/2/2021"), ("32/1/2021", "32/1/2021"), ("29/2/2021", "29/2/2021"), ("15/13/2021", "15/13/2021")],
)
def test_parse_date_raises_for_days_that_do_not_exist(text, raw):
    with pytest.raises(InvalidDateError) as info:
        parse_date(text)
    assert info.value.raw == raw
    assert info.value.message == f"ngày {raw} không tồn tại"


def test_leap_day_exists_in_leap_years():
    assert parse_date("29/2/2024") == date(2024, 2, 29)


def test_find_dates_reports_valid_and_invalid_mentions_with_positions():
    mentions = find_dates("Hoàn thành trước ngày 31/2/2021, báo cáo ngày 5/3/2021.")
    assert [(m.raw, m.invalid, m.value) for m in mentions] == [
        ("31/2/2021", True, None),
        ("5/3/2021", False, date(2021, 3, 5)),
    ]
    assert mentions[0].message == "ngày 31/2/2021 không tồn tại"


def test_find_dates_ignores_document_numbers_and_ratios_as_dates():
    text = "Chỉ thị 16/CT-TTg, Quyết định số 3642/QĐ-UBND, 01/2021/NĐ-CP, Covid-19"
    assert find_dates(text) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("17h00", time(17, 0)),
        ("17h", time(17, 0)),
        ("17 giờ", time(17, 0)),
        ("17:00", time(17, 0)),
        ("06h", time(6, 0)),
        ("17 giờ 30 phút", time(17, 30)),
        ("trước 8h30 ngày 2/9", time(8, 30)),
    ],
)
def test_parse_time_reads_written_hours(text, expected):
    assert parse_time(text) == expected


def test_parse_time_ignores_round_the_clock_and_labels():
    assert parse_time("trực 24/24h") is None
    assert parse_time("Ghi chú 3: nội dung") is None


# --- deadline phrases typed in chat ------------------------------------------------------


def test_through_end_of_day():
    d = phrase("đến hết ngày 20/8/2021")
    assert (d.kind, d.due, d.shown, d.relation) == (
        "complete",
        datetime(2021, 8, 20, 23, 59),
        "đến hết 20/8/2021",
        "end_of_day",
    )
    assert d.text == "đến hết ngày 20/8/2021"
    assert d.recurrence is None


@pytest.mark.parametrize(
    "text",
    [
        "hết ngày 20/8/2021",
        "chậm nhất ngày 20/8/2021",
        "chậm nhất là ngày 20/8/2021",
        "20/8/2021",
        "20/8",
        "ngày 20 tháng 8 năm 2021",
    ],
)
def test_end_of_day_forms_all_mean_that_day_at_23_59(text):
    assert phrase(text).due == datetime(2021, 8, 20, 23, 59)


def test_before_a_day_is_the_previous_day_at_23_59_and_keeps_the_written_day():
    d = phrase("trước ngày 23/8")
    assert d.due == datetime(2021, 8, 22, 23, 59)
    assert d.anchor == date(2021, 8, 23)
    assert d.shown == "trước 23/8/2021"
    assert d.relation == "before_day"


def test_before_a_time_on_a_day_is_that_time_without_diacritics():
    d = phrase("truoc 17h00 ngay 23/8/2021", year=None)
    assert d.due == datetime(2021, 8, 23, 17, 0)
    assert d.shown == "trước 17:00 23/8/2021"
    assert d.relation == "before_time"


def test_no_later_than_a_time_on_a_day_is_that_time():
    d = phrase("chậm nhất 17h ngày 20/8/2021")
    assert d.due == datetime(2021, 8, 20, 17, 0)
    assert d.shown == "đến 17:00 20/8/2021"


def test_within_a_month_is_its_last_day():
    d = phrase("trong tháng 8/2021")
    assert (d.due, d.shown, d.anchor) == (datetime(2021, 8, 31, 23, 59), "trong tháng 8/2021", date(2021, 8, 1))


def test_within_february_of_a_leap_year_ends_on_the_29th():
    assert phrase("trong tháng 2/2024").due == datetime(2024, 2, 29, 23, 59)


@pytest.mark.parametrize("text", ["trong quý III/2021", "trong quy 3 nam 2021", "trong quý 3/2021"])
def test_within_a_quarter_is_its_last_day_roman_or_arabic(text):
    d = phrase(text, year=None)
    assert d.due == datetime(2021, 9, 30, 23, 59)
    assert d.shown == "trong quý III/2021"


def test_within_a_year_is_the_31st_of_december():
    d = phrase("trong năm 2021")
    assert (d.due, d.shown) == (datetime(2021, 12, 31, 23, 59), "trong năm 2021")


def test_before_a_month_ends_with_the_previous_month():
    d = phrase("trước tháng 9/2021")
    assert (d.due, d.shown) == (datetime(2021, 8, 31, 23, 59), "trước tháng 9/2021")


def test_from_a_day_is_a_start_not_a_deadline():
    d = phrase("từ ngày 04/8/2021")
    assert (d.kind, d.due, d.shown, d.relation) == ("start", datetime(2021, 8, 4, 0, 0), "từ 4/8/2021", "start")


def test_begin_word_with_a_bare_date_is_a_start():
    d = phrase("bắt đầu 4/8/2021")
    assert (d.kind, d.due) == ("start", datetime(2021, 8, 4, 0, 0))


def test_daily_report_hours_become_a_recurrence():
    d = phrase("hằng ngày (06h, 12h, 18h)")
    assert d.kind == "recurring"
    assert d.due is None
    assert d.recurrence == Recurrence(freq="daily", times=("06:00", "12:00", "18:00"))
    assert d.recurrence.to_rule() == "daily@06:00,12:00,18:00"
    assert d.shown == "hằng ngày lúc 06:00, 12:00, 18:00"


def test_weekly_on_friday():
    d = phrase("hàng tuần vào thứ Sáu")
    assert d.recurrence == Recurrence(freq="weekly", weekday=4)
    assert d.recurrence.to_rule() == "weekly@fri"
    assert d.shown == "hằng tuần vào thứ Sáu"


def test_monthly_before_the_25th_stores_the_named_day_with_before():
    d = phrase("hang thang truoc ngay 25")
    assert d.recurrence == Recurrence(freq="monthly", day_of_month=25, before=True)
    assert d.recurrence.to_rule() == "monthly<25"
    assert d.shown == "hằng tháng trước ngày 25"


def test_weekly_before_a_time_on_friday():
    d = phrase("hằng tuần trước 16h thứ Sáu")
    assert d.recurrence.to_rule() == "weekly<fri/16:00"
    assert d.shown == "hằng tuần trước 16:00 thứ Sáu"


@pytest.mark.parametrize(
    "text,kind",
    [
        ("báo cáo trước 23/8", "report"),
        ("Báo cáo: 23/8/2021", "report"),
        ("xây dựng kế hoạch trước 30/8/2021", "plan"),
        ("kế hoạch: 30/8/2021", "plan"),
        ("hoàn thành trước 20/8/2021", "complete"),
        ("triển khai xong 20/8/2021", "complete"),
        ("trước 20/8/2021", "complete"),
    ],
)
def test_kind_comes_from_the_words_of_the_phrase(text, kind):
    assert phrase(text).kind == kind


def test_kind_hint_applies_when_the_phrase_has_no_kind_word():
    assert phrase("trước 23/8/2021", kind_hint="report").kind == "report"
    assert phrase("xây dựng kế hoạch trước 30/8/2021", kind_hint="report").kind == "plan"


def test_start_hint_makes_a_bare_date_a_start_at_midnight():
    d = phrase("4/8/2021", kind_hint="start")
    assert (d.kind, d.due) == ("start", datetime(2021, 8, 4, 0, 0))


def test_leading_kind_word_with_colon_is_not_part_of_the_date():
    d = phrase("Báo cáo: 23/8/2021")
    assert d.due == datetime(2021, 8, 23, 23, 59)
    assert d.text == "Báo cáo: 23/8/2021"


def test_year_less_phrase_takes_the_next_such_date_after_reference():
    d = phrase("trước 10/1", year=None, reference=date(2021, 12, 20))
    assert d.due == datetime(2022, 1, 9, 23, 59)


def test_invalid_date_is_an_error_the_chat_can_say():
    e = error("trước ngày 31/2/2021")
    assert (e.code, e.message) == ("invalid_date", "ngày 31/2/2021 không tồn tại")


def test_invalid_year_less_date_is_reported_with_its_written_form():
    e = error("31/2")
    assert (e.code, e.message) == ("invalid_date", "ngày 31/2 không tồn tại")


def test_missing_year_with_no_default_asks_for_the_year():
    assert error("trước 20/8", year=None).code == "missing_year"


def test_no_date_and_empty_are_errors_not_exceptions():
    assert error("sớm nhất có thể").code == "no_date"
    assert error("   ").code == "empty"


def test_nfd_and_markdown_input_read_the_same():
    nfd = unicodedata.normalize("NFD", "**trước ngày 23/8/2021**")
    assert phrase(nfd).due == datetime(2021, 8, 22, 23, 59)


# --- recurrence rules -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "rule",
    [
        "daily",
        "daily@06:00,12:00,18:00",
        "daily<17:00",
        "weekly",
        "weekly@fri",
        "weekly<mon",
        "weekly@fri/16:00",
        "monthly",
        "monthly@25",
        "monthly<25",
        "monthly<25/17:00",
        "quarterly",
        "yearly",
    ],
)
def test_recurrence_rules_round_trip(rule):
    assert Recurrence.from_rule(rule).to_rule() == rule


@pytest.mark.parametrize("rule", ["", "hourly", "weekly@xyz", "monthly@abc", "daily@25:00", "monthly@32"])
def test_bad_recurrence_rules_are_rejected(rule):
    with pytest.raises(ValueError):
        Recurrence.from_rule(rule)


def test_recurrence_describe_in_vietnamese():
    assert Recurrence("daily").describe() == "hằng ngày"
    assert Recurrence("monthly", day_of_month=5).describe() == "hằng tháng vào ngày 5"
    assert Recurrence("weekly", weekday=6).describe() == "hằng tuần vào Chủ nhật"
    assert Recurrence("daily", times=("17:00",), before=True).describe() == "hằng ngày trước 17:00"


# --- cues for documents never seen (issue 12) -------------------------------------------------


def test_no_later_than_is_the_days_end():
    assert phrase("không muộn hơn ngày 20/6/2023").due == datetime(2023, 6, 20, 23, 59)
    assert phrase("không chậm hơn ngày 21/6/2023").due == datetime(2023, 6, 21, 23, 59)


def test_a_deadline_label_other_than_thoi_gian_governs_its_date():
    [d] = parse_document("Hạn nộp bài dự thi: 25/6/2023.").deadlines
    assert d.due == datetime(2023, 6, 25, 23, 59)
    assert parse_document("Hạn chế: 25/6/2023 không tổ chức.").deadlines == []


def test_khong_qua_before_a_fraction_is_no_deadline():
    assert parse_document("Số đảng viên dự họp không quá 1/2 tổng số; hội nghị năm 2023.").deadlines == []


def test_muon_nhat_is_chậm_nhat():
    [d] = parse_document("Các chi bộ gửi báo cáo muộn nhất là ngày 15/6/2023.").deadlines
    assert (d.kind, d.due) == ("report", datetime(2023, 6, 15, 23, 59))


def test_a_minute_mark_after_the_time_keeps_the_time():
    for text in ("Gửi về trước 17 giờ 00' ngày 19/6/2023.", "Gửi về trước 16h30’ ngày 19/6/2023."):
        [d] = parse_document(text).deadlines
        assert d.due.date() == date(2023, 6, 19) and d.due.hour in (16, 17), text


def test_bao_cao_so_ket_is_a_report_but_bao_cao_so_12_is_a_citation():
    [d] = parse_document("Yêu cầu gửi báo cáo sơ kết trước 10/12/2023.").deadlines
    assert d.kind == "report"
    [d] = parse_document("Theo Báo cáo số 12, các chi bộ hoàn thành trước 10/12/2023.").deadlines
    assert d.kind == "complete"


def test_a_clause_opened_by_den_ngay_with_a_duty_sets_the_deadline():
    [d] = parse_document("Đến ngày 30/7/2023, các đơn vị phải hoàn thành việc kiểm tra.").deadlines
    assert d.due == datetime(2023, 7, 30, 23, 59)


def test_a_clause_opened_by_den_ngay_with_a_count_is_an_as_of_date():
    assert parse_document("Đến ngày 30/7/2023, có 12 trong tổng số 15 đơn vị đã hoàn thành.").deadlines == []


def test_months_listed_with_the_word_once_run_to_the_last_one():
    [d] = parse_document("Các chi bộ tổ chức sinh hoạt chuyên đề vào tháng 4, 5 năm 2024.").deadlines
    assert (d.due, d.text) == (datetime(2024, 5, 31, 23, 59), "vào tháng 4, 5 năm 2024")


def test_vao_thang_is_a_deadline_only_after_a_doing_verb():
    assert parse_document("Thời tiết vào tháng 6/2024 nắng nóng kéo dài, năm 2024.").deadlines == []
    [d] = parse_document("Các xã tổ chức hội nghị cử tri vào tháng 6/2024.").deadlines
    assert d.due == datetime(2024, 6, 30, 23, 59)


@pytest.mark.parametrize(
    "text, due",
    [
        ("Các đơn vị gửi báo cáo trước 17h00, thứ Sáu, ngày 23/6/2023.", datetime(2023, 6, 23, 17, 0)),
        ("Các đơn vị gửi báo cáo trước 16 giờ, ngày thứ Năm 22/6/2023.", datetime(2023, 6, 22, 16, 0)),
        ("Các đơn vị gửi báo cáo trước thứ Sáu, ngày 23/6/2023.", datetime(2023, 6, 22, 23, 59)),
        ("Các đơn vị gửi báo cáo chậm nhất vào Chủ nhật, ngày 25/6/2023.", datetime(2023, 6, 25, 23, 59)),
    ],
)
def test_a_weekday_between_the_cue_and_its_date(text, due):
    assert [d.due for d in parse_document(text).deadlines] == [due]


def test_a_range_written_with_a_spaced_dash_is_one_window():
    [d] = parse_document("Thời gian tổ chức: từ 03/9 - 20/9/2024.").deadlines
    assert (d.kind, d.due, d.until) == ("start", datetime(2024, 9, 3), datetime(2024, 9, 20, 23, 59))


def test_a_run_of_days_with_a_dash_is_not_a_range_of_two_dates():
    assert parse_document("Hội nghị diễn ra từ ngày 23 - 24/11/2024.").deadlines == []


# --- issue 12: phrases typed in chat the way documents write them ---------------------------


def test_a_typed_hour_after_the_day_sets_the_due_minute():
    d = parse_deadline_phrase("trước ngày 15/6/2020 lúc 17h", default_year=2020)
    assert isinstance(d, Deadline)
    assert (d.due, d.shown) == (datetime(2020, 6, 15, 17, 0), "trước 17:00 15/6/2020")
    d = parse_deadline_phrase("chậm nhất ngày 20/8 lúc 16 giờ 30", default_year=2020)
    assert isinstance(d, Deadline) and d.due == datetime(2020, 8, 20, 16, 30)


def test_a_typed_window_with_the_month_written_once_keeps_its_end():
    d = parse_deadline_phrase("từ ngày 1 - 25/4/2019", default_year=2019)
    assert isinstance(d, Deadline)
    assert (d.kind, d.due, d.until) == ("start", datetime(2019, 4, 1, 0, 0), datetime(2019, 4, 25, 23, 59))
    assert d.shown == "từ 1/4/2019 đến hết 25/4/2019"


def test_a_typed_meeting_hour_is_still_the_deadline_staff_meant():
    d = parse_deadline_phrase("họp vào lúc 14h ngày 25/5/2020", default_year=2020)
    assert isinstance(d, Deadline) and d.due == datetime(2020, 5, 25, 14, 0)

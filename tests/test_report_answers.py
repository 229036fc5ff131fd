"""Shorthand a secretary types on a phone, and every bad input, for the default report."""

from __future__ import annotations

import pytest

from services.report_answers import (
    check_answers,
    is_quick_report,
    looks_like_report,
    parse_field,
    parse_int,
    parse_quick,
    percent_of,
)
from services.report_templates import default_template

T = default_template()


def values(key: str, text: str, answers: dict | None = None, **kw) -> dict:  # noqa: ANN003
    parsed = parse_field(T, key, text, answers or {}, **kw)
    assert parsed.problem is None, parsed.problem
    return parsed.values


def problem(key: str, text: str, answers: dict | None = None, **kw) -> str:  # noqa: ANN003
    parsed = parse_field(T, key, text, answers or {}, **kw)
    assert parsed.problem is not None, parsed.values
    assert parsed.values == {}
    return parsed.problem.key


@pytest.mark.parametrize(
    "text", ["45/50", "45 / 50", "45 tren 50", "45 trên 50 người", "45 trên 50 đồng chí", "45/50 (90%)", "45 of 50"]
)
def test_count_pairs(text):
    assert values("reached", text) == {"reached": 45, "total": 50}


@pytest.mark.parametrize(
    ("text", "number"),
    [("1.200", 1200), ("1 200", 1200), ("1,200", 1200), ("12.345.678", 12345678), ("45 người", 45), ("0", 0)],
)
def test_thousands_separators_and_units(text, number):
    assert parse_int(text) == number


def test_pair_with_thousands():
    assert values("reached", "1.200/1.500") == {"reached": 1200, "total": 1500}


def test_percentage_with_a_known_total_computes_reached():
    assert values("reached", "90%", {"total": 50}) == {"reached": 45, "total": 50}


def test_percentage_before_the_total_waits_for_it():
    parsed = parse_field(T, "reached", "90%", {})
    assert parsed.pending_percent == 90.0 and parsed.values == {}
    assert values("total", "50", pending_percent=90.0) == {"reached": 45, "total": 50}


def test_percentage_that_does_not_add_up_is_asked_again():
    assert problem("reached", "90%", {"total": 47}) == "percent_not_whole"
    assert problem("total", "47", pending_percent=90.0) == "percent_not_whole"


def test_pair_with_a_percentage_that_does_not_match():
    assert problem("reached", "45/50 (80%)") == "percent_mismatch"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tt + zalo", ["truc_tiep", "zalo"]),
        ("trực tiếp+zalo", ["truc_tiep", "zalo"]),
        ("hoi nghi truc tiep", ["truc_tiep"]),
        ("Hội nghị trực tiếp", ["truc_tiep"]),
        ("truc tuyen", ["truc_tuyen"]),
        ("trực tuyến, tài liệu", ["truc_tuyen", "tai_lieu"]),
        ("shcb và mxh", ["sinh_hoat_chi_bo", "zalo"]),
        ("1, 3", ["truc_tiep", "zalo"]),
        ("1 3", ["truc_tiep", "zalo"]),
        ("2  5 2", ["truc_tuyen", "sinh_hoat_chi_bo"]),
    ],
)
def test_formats_shorthand(text, expected):
    assert values("formats", text)["formats"] == {"values": expected, "other": None}


def test_format_numbers_past_the_options_are_asked_again():
    assert problem("formats", "1 9") == "choice_unknown"


def test_format_other_is_free_text():
    assert values("formats", "tt + khác: họp tổ dân phố")["formats"] == {
        "values": ["truc_tiep"],
        "other": "họp tổ dân phố",
    }
    assert values("formats", "Họp tổ dân phố")["formats"] == {"values": [], "other": "Họp tổ dân phố"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tot", "tot"),
        ("Tốt", "tot"),
        ("kha", "kha"),
        ("tb", "trung_binh"),
        ("trung binh", "trung_binh"),
        ("chua dat", "chua_dat"),
        ("Chưa đạt", "chua_dat"),
        ("2", "kha"),
    ],
)
def test_awareness_words(text, expected):
    assert values("awareness", text)["awareness"] == {"value": expected}


def test_awareness_free_text_is_asked_about_once_then_taken():
    first = parse_field(T, "awareness", "Đa số nắm được nội dung", {})
    assert first.problem.key == "other_confirm" and first.values == {}
    again = values("awareness", "đa số nắm được nội dung", asked_other="Đa số nắm được nội dung")
    assert again["awareness"] == {"other": "đa số nắm được nội dung"}
    assert values("awareness", "khác: đa số nắm được")["awareness"] == {"other": "đa số nắm được"}


def test_a_one_line_report_keeps_what_it_could_not_place():
    quick = parse_quick(T, "bc 141 truc tiep, zalo 30/35 tot, kho khan: thieu may chieu")
    assert quick.values["difficulties"] == "thieu may chieu" and quick.unplaced is None
    quick = parse_quick(T, "bc 141 tt 45/50 tốt, hôm nay trời mưa")
    assert quick.values["awareness"] == {"value": "tot"} and quick.unplaced == "hôm nay trời mưa"


def test_sentences_and_shorthand_read_as_quick_reports():
    assert parse_quick(T, "BC77 tt 45/50 tot").ref == "77"
    sentence = "Chi bo da quan triet truc tiep cho 45/50 dong chi, nhan thuc tot"
    assert looks_like_report(T, sentence) and not looks_like_report(T, "hôm nay 3/4 trời mưa")
    quick = parse_quick(T, sentence)
    assert (quick.values["formats"]["values"], quick.values["reached"], quick.values["awareness"], quick.unplaced) == (
        ["truc_tiep"],
        45,
        {"value": "tot"},
        None,
    )
    assert parse_quick(T, "bc 141 họp chi bộ 45/50 khá").values["formats"]["values"] == ["sinh_hoat_chi_bo"]


@pytest.mark.parametrize(
    ("key", "text", "answers", "error"),
    [
        ("reached", "abc", {}, "not_a_number"),
        ("reached", "bốn lăm", {}, "not_a_number"),
        ("reached", "-5", {}, "negative"),
        ("reached", "-5/50", {}, "negative"),
        ("reached", "4,5", {}, "not_whole"),
        ("reached", "60/50", {}, "rule_le"),
        ("reached", "60", {"total": 50}, "rule_le"),
        ("total", "40", {"reached": 45}, "rule_le"),
        ("reached", "45/0", {}, "whole_zero"),
        ("total", "0", {}, "whole_zero"),
        ("total", "-3", {}, "negative"),
        ("reached", "abc%", {}, "bad_percent"),
        ("reached", "150%", {"total": 50}, "percent_range"),
        ("total", "90%", {}, "percent_here"),
        ("reached", "45/abc", {}, "bad_pair"),
        ("reached", "", {}, "not_a_number"),
        ("difficulties", "x" * 10_000, {}, "text_too_long"),
        ("awareness", "x" * 10_000, {}, "text_too_long"),
        ("formats", "9", {}, "choice_unknown"),
        ("formats", "khác:", {}, "choice_unknown"),
        ("attachments", "xong", {}, "attachment_expected"),
    ],
)
def test_bad_input_gives_one_problem_and_no_values(key, text, answers, error):
    assert problem(key, text, answers) == error


def test_problems_carry_what_the_sentence_needs():
    parsed = parse_field(T, "difficulties", "x" * 10_000, {})
    assert parsed.problem.params == {"max": 2000, "length": 10000}
    parsed = parse_field(T, "reached", "60/50", {})
    assert parsed.problem.params["left_value"] == 60 and parsed.problem.params["right_value"] == 50


def test_quick_one_line_report():
    quick = parse_quick(T, "bc 141 trực tiếp+zalo 45/50 tốt")
    assert quick.ref == "141" and quick.problems == []
    assert quick.values == {
        "formats": {"values": ["truc_tiep", "zalo"], "other": None},
        "reached": 45,
        "total": 50,
        "awareness": {"value": "tot"},
    }


def test_quick_report_without_diacritics_and_with_missing_parts():
    quick = parse_quick(T, "bc 141 tt+zalo 45/50")
    assert set(quick.values) == {"formats", "reached", "total"}


def test_quick_report_in_lines():
    quick = parse_quick(T, "bc\nhình thức: tt + zalo\nsố người: 45/50\nnhận thức: tốt\nkhó khăn: thiếu tài liệu")
    assert quick.ref is None
    assert quick.values["reached"] == 45 and quick.values["difficulties"] == "thiếu tài liệu"


def test_quick_report_bad_part_is_reported_and_the_rest_kept():
    quick = parse_quick(T, "bao cao\nhình thức: trực tuyến\nsố người: 60/50")
    assert (
        [p.key for p in quick.problems] == ["rule_le"] and "reached" not in quick.values and "formats" in quick.values
    )


def test_quick_report_with_a_full_number_and_percentage():
    quick = parse_quick(T, "bc 141-CV/ĐUK tt 90%")
    assert quick.ref == "141-cv/duk" and quick.pending_percent == 90.0


def test_what_is_a_quick_report():
    assert is_quick_report("bc 141 tt 45/50") and is_quick_report("Báo cáo: ...") and is_quick_report("BC")
    assert not is_quick_report("bcd") and not is_quick_report("xin chào")


def test_check_answers_is_the_last_gate():
    good = {"formats": {"values": ["zalo"], "other": None}, "reached": 45, "total": 50, "awareness": {"value": "tot"}}
    assert check_answers(T, good) == []
    assert [p.key for p in check_answers(T, {**good, "reached": 51})] == ["rule_le"]
    assert [p.key for p in check_answers(T, {**good, "total": 0, "reached": 0})] == ["invalid"]
    assert [p.key for p in check_answers(T, {"reached": 1, "total": 2})] == ["missing", "missing"]
    assert percent_of(45, 50) == 90.0 and percent_of(1, 3) == 33.3


def test_superscript_digits_are_not_option_numbers():
    assert problem("formats", "¹") == "choice_unknown"  # not option 1, and not words for «khác»
    assert problem("reached", "¹") == "not_a_number"

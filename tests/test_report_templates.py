"""Report templates: the default one, YAML and JSON files, and errors that name the field."""

from __future__ import annotations

import json

import pytest

from services.report_answers import check_answers, parse_field
from services.report_templates import (
    TemplateError,
    default_template,
    load_template_file,
    template_for,
    template_from_dict,
    template_from_json,
    template_from_yaml,
)

YAML_TEMPLATE = """
fields:
  - key: held
    type: yes_no
    label_vi: Đã tổ chức hội nghị
  - key: meeting_day
    type: date
    label_vi: Ngày tổ chức
  - key: share
    type: percentage
    label_vi: Tỷ lệ đảng viên dự
  - key: kind
    type: choice
    label_vi: Cấp tổ chức
    options:
      - {value: chi_bo, label_vi: Chi bộ, synonyms: [cb]}
      - {value: dang_bo, label_vi: Đảng bộ}
  - key: note
    type: text
    label_vi: Ghi chú
    required: false
    max_length: 100
"""


def test_default_template_is_the_one_in_the_domain_notes():
    template = default_template()
    assert template.keys() == ["formats", "reached", "total", "awareness", "difficulties", "attachments"]
    types = {f.key: f.type for f in template.fields}
    assert types == {
        "formats": "multi_choice",
        "reached": "integer",
        "total": "integer",
        "awareness": "choice",
        "difficulties": "text",
        "attachments": "attachment",
    }
    assert [o.value for o in template.field("formats").options] == [
        "truc_tiep",
        "truc_tuyen",
        "zalo",
        "tai_lieu",
        "sinh_hoat_chi_bo",
    ]
    assert template.field("formats").allow_other and template.field("awareness").allow_other
    assert [o.label_vi for o in template.field("awareness").options] == ["Tốt", "Khá", "Trung bình", "Chưa đạt"]
    assert template.field("reached").min == 0 and template.field("total").min == 1
    assert not template.field("difficulties").required and not template.field("attachments").required
    assert template.ratio.part == "reached" and template.ratio.whole == "total"
    assert [(r.left, r.right) for r in template.rules] == [("reached", "total")]


def test_directive_without_a_template_uses_the_default():
    assert template_for(None) is default_template()
    assert template_for({}) is default_template()


def test_yaml_template_with_every_simple_type():
    template = template_from_yaml(YAML_TEMPLATE)
    assert parse_field(template, "held", "có", {}).values == {"held": True}
    assert parse_field(template, "held", "ko", {}).values == {"held": False}
    assert parse_field(template, "meeting_day", "20/8/2021", {}).values == {"meeting_day": "2021-08-20"}
    assert parse_field(template, "meeting_day", "32/8/2021", {}).problem.key == "bad_date"
    assert parse_field(template, "share", "85,5%", {}).values == {"share": 85.5}
    assert parse_field(template, "share", "101", {}).problem.key == "percent_range"
    assert parse_field(template, "kind", "cb", {}).values == {"kind": {"value": "chi_bo"}}
    assert parse_field(template, "kind", "xyz", {}).problem.key == "choice_unknown"
    assert parse_field(template, "note", "x" * 101, {}).problem.params["max"] == 100
    assert (
        check_answers(template, {"held": True, "meeting_day": "2021-08-20", "share": 85.5, "kind": {"value": "chi_bo"}})
        == []
    )


def test_json_template_and_files(tmp_path):
    data = {"fields": [{"key": "done", "type": "integer", "label_vi": "Số việc", "min": 0, "max": 10}]}
    template = template_from_json(json.dumps(data))
    assert parse_field(template, "done", "11", {}).problem.key == "above_max"
    (tmp_path / "t.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "t.yaml").write_text(YAML_TEMPLATE, encoding="utf-8")
    assert load_template_file(tmp_path / "t.json").keys() == ["done"]
    assert load_template_file(tmp_path / "t.yaml").keys()[0] == "held"


def _error(fields: list, **extra) -> str:  # noqa: ANN003
    with pytest.raises(TemplateError) as info:
        template_from_dict({"fields": fields, **extra})
    return str(info.value)


def test_errors_name_the_field():
    assert _error([{"key": "reached", "type": "number", "label_vi": "Số"}]).startswith(
        "trường 'reached': kiểu «number» không hợp lệ"
    )
    assert _error([{"key": "reached", "type": "integer"}]) == "trường 'reached': thiếu nhãn (label_vi)."
    assert "min (5) lớn hơn max (1)" in _error([{"key": "n", "type": "integer", "label_vi": "N", "min": 5, "max": 1}])
    assert _error([{"key": "n", "type": "integer", "label_vi": "N", "min": "năm"}]).startswith(
        "trường 'n': min phải là số"
    )
    assert _error([{"key": "c", "type": "choice", "label_vi": "C"}]).startswith("trường 'c': trường lựa chọn cần")
    assert _error(
        [{"key": "a", "type": "text", "label_vi": "A"}, {"key": "a", "type": "text", "label_vi": "B"}]
    ).startswith("trường 'a': mã trường bị trùng")
    assert _error([{"key": "Số người", "type": "integer", "label_vi": "x"}]).startswith("trường 'Số người': mã trường")
    assert _error([{"key": "t", "type": "text", "label_vi": "T", "min": 1}]).startswith("trường 't': chỉ trường số")


def test_every_setting_error_names_the_field_as_written():
    assert (
        _error([{"key": "n", "type": "integer", "label_vi": "N"}, "tong"])
        == "trường '#2': mỗi trường phải là một bảng khóa: giá trị."
    )
    assert _error([{"type": "integer", "label_vi": "N"}]).startswith("trường '#1': mã trường")
    assert _error([{"key": "n", "label_vi": "N"}]).startswith("trường 'n': kiểu «None» không hợp lệ")
    assert (
        _error([{"key": "n", "type": "integer", "label_vi": "N", "max": True}])
        == "trường 'n': max phải là số, không phải «True»."
    )
    assert (
        _error([{"key": "n", "type": "integer", "label_vi": "N", "max_length": "5"}])
        == "trường 'n': max_length phải là số nguyên dương."
    )
    assert (
        _error([{"key": "n", "type": "integer", "label_vi": "N", "required": "có"}])
        == "trường 'n': required phải là true hoặc false."
    )
    assert (
        _error([{"key": "n", "type": "integer", "label_vi": "N", "aliases": "so"}])
        == "trường 'n': aliases phải là một danh sách."
    )
    assert _error([{"key": "c", "type": "choice", "label_vi": "C", "options": ["Tốt"]}]).startswith(
        "trường 'c': giá trị lựa chọn «Tốt»"
    )
    assert (
        _error([{"key": "c", "type": "choice", "label_vi": "C", "options": ["a", "a"]}])
        == "trường 'c': có hai lựa chọn trùng giá trị."
    )
    assert _error([{"key": "n", "type": "integer", "label_vi": "N", "options": ["a"]}]).startswith(
        "trường 'n': chỉ trường choice"
    )


def test_the_first_mistake_in_reading_order_is_reported():
    # min > max comes before a bad max_length further down the same field.
    assert _error([{"key": "n", "type": "integer", "label_vi": "N", "min": 5, "max": 1, "max_length": 0}]).startswith(
        "trường 'n': min (5)"
    )
    assert (
        _error([{"key": "n", "type": "percentage", "label_vi": "N", "min": 120}])
        == "trường 'n': min (120) lớn hơn max (100)."
    )


def test_options_written_as_one_string_are_refused():
    # "options: tot, kha" in YAML is one string; it used to be read letter by letter.
    assert _error([{"key": "c", "type": "choice", "label_vi": "C", "options": "tot, kha"}]) == (
        "trường 'c': mỗi lựa chọn cần value; synonyms phải là một danh sách."
    )


def test_rule_and_ratio_errors_name_the_field():
    fields = [
        {"key": "reached", "type": "integer", "label_vi": "R"},
        {"key": "total", "type": "integer", "label_vi": "T", "min": 0},
    ]
    assert _error(fields, rules=[{"rule": "le", "left": "reached", "right": "tong"}]).startswith(
        "trường 'tong': quy tắc nhắc đến"
    )
    assert _error(fields, ratio={"part": "reached", "whole": "total"}).startswith(
        "trường 'total': trường tổng số của tỷ lệ"
    )
    assert _error(fields, rules=[{"rule": "lt", "left": "reached", "right": "total"}]) == (
        "trường 'reached': quy tắc không hợp lệ; dùng một trong: le."
    )
    assert _error(fields, ratio="reached/total") == "trường 'ratio': ratio cần part và whole."
    assert _error(fields, ratio={"part": "reached", "whole": "tong"}).startswith(
        "trường 'tong': tỷ lệ chỉ tính từ hai trường"
    )


def test_unreadable_and_empty_templates():
    with pytest.raises(TemplateError, match="trường 'fields'"):
        template_from_yaml("fields: [")
    with pytest.raises(TemplateError, match="trường 'fields'"):
        template_from_json("{}")


def test_reached_over_total_rule_comes_from_the_template():
    template = template_from_dict(
        {
            "fields": [
                {"key": "a", "type": "integer", "label_vi": "A"},
                {"key": "b", "type": "integer", "label_vi": "B"},
            ],
            "rules": [{"rule": "le", "left": "a", "right": "b"}],
        }
    )
    assert parse_field(template, "b", "3", {"a": 5}).problem.key == "rule_le"
    assert check_answers(template, {"a": 5, "b": 3})[0].key == "rule_le"

"""Whatever a user types or presses in the report flow, chibot never crashes and never stores a
report that breaks the template's rules."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import Session, select

from services.report_answers import check_answers, parse_field, parse_quick
from services.report_templates import default_template
from storage.tables import Report
from tests.support.report_factories import make_assignment

T = default_template()
SHORTHAND = [
    "45/50",
    "45 tren 50",
    "50/45",
    "45/0",
    "0/1",
    "90%",
    "abc%",
    "-5",
    "abc",
    "1.200",
    "1 200",
    "0",
    "50",
    "47",
    "tt + zalo",
    "truc tuyen",
    "khác: họp tổ",
    "tot",
    "tb",
    "chua dat",
    "bo qua",
    "quay lai",
    "xong",
    "xac nhan",
    "sua",
    "1",
    "2",
    "7",
    "/cancel",
    "/report",
    "bc 141 tt+zalo 45/50 tot",
    "bc 45/0",
    "x" * 2500,
    "",
]
texts = st.one_of(st.sampled_from(SHORTHAND), st.text(max_size=30))
actions = st.lists(
    st.one_of(
        st.tuples(st.just("send"), texts),
        st.tuples(st.just("press"), st.integers(min_value=0, max_value=12)),
        st.tuples(st.just("upload"), st.binary(max_size=16)),
    ),
    min_size=1,
    max_size=14,
)
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


def assert_valid(report: Report) -> None:
    assert report.total is not None and report.total > 0
    assert report.reached is not None and 0 <= report.reached <= report.total
    assert report.percent == round(100 * report.reached / report.total, 1)
    assert report.formats or report.format_other
    assert report.awareness
    assert check_answers(T, {**report.answers, "attachments": report.attachments}) == []


#: A valid start, so that random inputs also reach the summary, edits and confirm.
VALID_START = [("send", "tt + zalo"), ("send", "45/50"), ("send", "tot")]


@FUZZ
@given(head=st.booleans(), tail=actions)
def test_any_inputs_never_crash_and_never_store_an_invalid_report(org, app, engine, head, tail):
    steps = (VALID_START if head else []) + tail
    cb01 = org["CB01"]
    if not getattr(app, "_fuzz_assignment", None):
        app._fuzz_assignment = make_assignment(app)  # type: ignore[attr-defined]
    cb01.send("/cancel")
    cb01.press_data(f"rep:{app._fuzz_assignment}")  # type: ignore[attr-defined]
    for kind, arg in steps:
        if kind == "send":
            replies = cb01.send(arg)
        elif kind == "press":
            if not cb01._buttons:
                continue
            replies = cb01.press_data(cb01._buttons[arg % len(cb01._buttons)].data)
        else:
            replies = cb01.upload("scan.jpg", arg, "image/jpeg", kind="photo")
        assert replies, (kind, arg)
        assert not any("đã có lỗi xảy ra" in r.text for r in replies), (kind, arg, [r.text for r in replies])
    with Session(engine) as session:
        stored = session.exec(select(Report)).all()
        for report in stored:
            assert_valid(report)


@settings(max_examples=500, deadline=None)
@given(text=st.text(max_size=60), key=st.sampled_from(T.keys()), total=st.one_of(st.none(), st.integers(0, 2000)))
def test_parsing_any_text_is_total_and_consistent(text, key, total):
    answers = {} if total is None else {"total": total}
    parsed = parse_field(T, key, text, answers)
    assert (parsed.problem is None) or parsed.values == {}
    merged = {**answers, **parsed.values}
    if parsed.problem is None and isinstance(merged.get("reached"), int) and isinstance(merged.get("total"), int):
        assert 0 <= merged["reached"] <= merged["total"] and merged["total"] > 0


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=80))
def test_quick_reports_never_understand_invalid_numbers(text):
    quick = parse_quick(T, "bc " + text)
    if "reached" in quick.values and "total" in quick.values:
        assert 0 <= quick.values["reached"] <= quick.values["total"] and quick.values["total"] > 0

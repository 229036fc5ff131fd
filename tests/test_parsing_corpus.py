"""The corpus of real public documents (tests/fixtures/documents): a regression guard at
the level reached, not a target. Figures come from bench/bench_documents.py."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from services.parsing import parse_document

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("bench_documents", ROOT / "bench" / "bench_documents.py")
bench = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("bench_documents", bench)
_spec.loader.exec_module(bench)


@pytest.fixture(scope="module")
def dev():
    return bench.score(bench.corpus_files())[0]


@pytest.fixture(scope="module")
def holdout():
    return bench.score(bench.corpus_files(holdout=True))[0]


@pytest.fixture(scope="module")
def holdout2():
    return bench.score(bench.corpus_files(folder="holdout2"))[0]


@pytest.fixture(scope="module")
def holdout3():
    return bench.score(bench.corpus_files(folder="holdout3"))[0]


@pytest.fixture(scope="module")
def holdout4():
    return bench.score(bench.corpus_files(folder="holdout4"))[0]


@pytest.fixture(scope="module")
def holdout5():
    return bench.score(bench.corpus_files(folder="holdout5"))[0]


@pytest.fixture(scope="module")
def holdout6():
    return bench.score(bench.corpus_files(folder="holdout6"))[0]


@pytest.fixture(scope="module")
def holdout7():
    return bench.score(bench.corpus_files(folder="holdout7"))[0]


@pytest.fixture(scope="module")
def holdout8():
    return bench.score(bench.corpus_files(folder="holdout8"))[0]


@pytest.fixture(scope="module")
def holdout9():
    return bench.score(bench.corpus_files(folder="holdout9"))[0]


@pytest.fixture(scope="module")
def holdout11():
    return bench.score(bench.corpus_files(folder="holdout11"))[0]


@pytest.fixture(scope="module")
def holdout12():
    return bench.score(bench.corpus_files(folder="holdout12"))[0]


@pytest.fixture(scope="module")
def holdout13():
    return bench.score(bench.corpus_files(folder="holdout13"))[0]


def test_corpus_is_real_sized():
    assert len(bench.corpus_files()) >= 25 and len(bench.corpus_files(holdout=True)) >= 10
    assert len(bench.corpus_files(folder="holdout2")) >= 10
    assert len(bench.corpus_files(folder="holdout3")) >= 20


# Figures reached (bench/bench_documents.py), issue 12 fourth pass (rules for the holdout2
# misses, by the language): dev 36 documents, deadline recall 1.00 / precision 0.98, number
# 1.00, type 1.00, issuer 0.94, issue date 0.97, recognised 1.00; holdout recall 1.00 /
# precision 0.96, number 1.00, type 1.00, issuer 0.95, issue date 1.00 (session 5: issuer and
# issue date 1.00 on both); holdout2 (scored once
# at recall 0.73 / precision 0.79, number 0.89, type 0.72, issuer 0.56, then tuned on, so no
# longer an honest estimate: that is holdout3's job) 1.00 on every figure.


def test_dev_deadlines_do_not_regress(dev):
    assert dev.recall >= 0.99
    assert dev.precision >= 0.97


def test_dev_fields_do_not_regress(dev):
    assert dev.accuracy("number") >= 0.99
    assert dev.accuracy("doc_type") >= 0.99
    assert dev.accuracy("issued_on") >= 0.99
    assert dev.accuracy("urgent") >= 0.99
    assert dev.accuracy("issuer") >= 0.99
    assert dev.accuracy("recognized") >= 0.99


def test_holdout_does_not_regress(holdout):
    # precision 1.00 since session 5 (a statistic's period is no window)
    assert holdout.recall >= 0.99 and holdout.precision >= 0.99
    assert holdout.accuracy("issuer") >= 0.99
    assert holdout.accuracy("number") >= 0.99
    assert holdout.accuracy("doc_type") >= 0.99
    assert holdout.accuracy("issued_on") >= 0.99


def test_holdout2_does_not_regress(holdout2):
    # a guard at the level reached after tuning on it, not a target
    assert holdout2.recall >= 0.99 and holdout2.precision >= 0.99
    assert holdout2.accuracy("number") >= 0.99
    assert holdout2.accuracy("doc_type") >= 0.99
    assert holdout2.accuracy("issuer") >= 0.99
    assert holdout2.accuracy("issued_on") >= 0.99
    assert holdout2.accuracy("recognized") >= 0.99


# holdout3 (22 documents) was scored once at recall 0.80 / precision 0.84, number 0.82, type
# 0.82, issuer 0.59, issue date 0.86, recognised 0.91, then TUNED ON since its single score
# (issue 12 fifth pass, rules by the language) to 1.00 on every figure: a regression guard at
# the level reached, no longer an honest estimate of unseen documents.
def test_holdout3_does_not_regress(holdout3):
    assert holdout3.recall >= 0.99 and holdout3.precision >= 0.99
    assert holdout3.accuracy("number") >= 0.99
    assert holdout3.accuracy("doc_type") >= 0.99
    assert holdout3.accuracy("issuer") >= 0.99
    assert holdout3.accuracy("issued_on") >= 0.99
    assert holdout3.accuracy("urgent") >= 0.99
    assert holdout3.accuracy("recognized") >= 0.99


# holdout4 (23 documents, 32 deadlines, gathered in session 4 while the parser was tuned on
# holdout3; readings written before the parser ran) scored ONCE, after that tuning: recall 0.81
# / precision 0.79, number 0.91, type 0.74, issuer 0.74, issue date 0.87, urgency 0.96,
# recognised 0.78 -- the last honest estimate. Session 5 then tuned on it, by rules of the
# language (no sample's wording): its fields (number 1.00, type 1.00, issuer 0.96, issue date
# 1.00, urgency 1.00) and its deadlines (page stamps, windows with the month written once,
# yearly calendars, year slips, parts of a window: recall 1.00 / precision 1.00). A guard at
# the level reached, no longer an honest estimate (holdout5 is the next one).
def test_holdout4_does_not_regress(holdout4):
    assert holdout4.recall >= 0.99 and holdout4.precision >= 0.99
    assert holdout4.accuracy("number") >= 0.99
    assert holdout4.accuracy("doc_type") >= 0.99
    assert holdout4.accuracy("issuer") >= 0.95
    assert holdout4.accuracy("issued_on") >= 0.99
    assert holdout4.accuracy("urgent") >= 0.99
    assert holdout4.accuracy("recognized") >= 0.95


# holdout5 (37 pages: 17 party, 17 government, 3 not documents; 41 deadlines), gathered in
# session 5 by a helper who never ran the parser, scored ONCE after session 5's tuning on all the
# sets above: deadline recall 0.85 / precision 0.76, number 0.86, type 0.84, issuer 0.62, issue
# date 0.78, urgency 0.97, recognised 0.92 -- the honest estimate on documents nobody tuned for.
# Round 2 (s5-parseb2, tuned on it, no longer honest): number 0.92, issuer 0.65, issue date 0.81.
# Session 6 (s6-parsedl, s6-parsefields) tuned on it: deadlines 1.00 / 0.98, every field 1.00.
# A guard at that level (it is seen now).
def test_holdout5_does_not_regress(holdout5):
    assert holdout5.recall >= 1.00 and holdout5.precision >= 0.97
    assert holdout5.accuracy("number") >= 1.00
    assert holdout5.accuracy("doc_type") >= 1.00
    assert holdout5.accuracy("issuer") >= 1.00
    assert holdout5.accuracy("issued_on") >= 1.00
    assert holdout5.accuracy("urgent") >= 1.00
    assert holdout5.accuracy("recognized") >= 1.00


# holdout6 (40 pages: 17 party, 19 government, 1 mass organisation, 3 not documents; 29
# deadlines), gathered in session 6 by a helper who never ran the parser, scored ONCE by the
# integrator after session 6's tuning on every set above: deadline recall 0.76 / precision 0.47,
# number 0.90, type 0.70, issuer 0.70, issue date 0.88, urgency 1.00, recognised 0.93 -- the
# honest estimate on documents nobody tuned for (issue 12 asks 0.9). A guard at that level; the
# next session may tune on it, and then needs a new unseen set for its own honest figure.
# Session 6 tuning on it (p6dl, p6fields): deadlines 0.93 / 0.57, number 1.00, type 0.80, issuer 0.80,
# issue date 0.90, recognised 0.95. Session 7 round 5 (parse5): deadlines 1.00 / 0.94, type 0.90,
# issuer 0.85, recognised 0.97; the guards below at that level, rounded down.
def test_holdout6_does_not_regress(holdout6):
    assert holdout6.recall >= 0.99 and holdout6.precision >= 0.93
    assert holdout6.accuracy("number") >= 0.99
    assert holdout6.accuracy("doc_type") >= 0.90
    assert holdout6.accuracy("issuer") >= 0.89
    assert holdout6.accuracy("issued_on") >= 0.90
    assert holdout6.accuracy("urgent") >= 0.99
    assert holdout6.accuracy("recognized") >= 0.97


# holdout7-9 (session 7's sets, gathered by helpers who never ran the parser) scored ONCE before
# anyone tuned on them -- the honest first figures: holdout7 deadlines 0.85 / 0.65, number 0.95;
# holdout8 0.87 / 0.71, number 0.91; holdout9 0.64 / 0.56, number 1.00. Session 7 round 6
# (parse6) tuned on holdout9's date windows: 0.81 / 0.72. Session 8 round 7 (pdead8, pfield8) tuned
# on all three: holdout7 0.92 / 0.86, issuer 0.68; holdout8 0.87 / 0.91, issuer 0.73; holdout9
# 0.95 / 0.91, issuer 0.71. Guards at the level reached, rounded down.
def test_holdout7_does_not_regress(holdout7):
    assert holdout7.recall >= 0.92 and holdout7.precision >= 0.85
    assert holdout7.accuracy("number") >= 0.95
    assert holdout7.accuracy("doc_type") >= 0.90
    assert holdout7.accuracy("issuer") >= 0.71
    assert holdout7.accuracy("issued_on") >= 0.82
    assert holdout7.accuracy("recognized") >= 0.82


def test_holdout8_does_not_regress(holdout8):
    assert holdout8.recall >= 0.86 and holdout8.precision >= 0.90
    assert holdout8.accuracy("number") >= 0.93
    assert holdout8.accuracy("doc_type") >= 0.81
    assert holdout8.accuracy("issuer") >= 0.79
    assert holdout8.accuracy("issued_on") >= 0.86
    assert holdout8.accuracy("recognized") >= 0.93


def test_holdout9_does_not_regress(holdout9):
    assert holdout9.recall >= 0.95 and holdout9.precision >= 0.90
    assert holdout9.accuracy("number") >= 0.99
    assert holdout9.accuracy("doc_type") >= 0.81
    assert holdout9.accuracy("issuer") >= 0.78
    assert holdout9.accuracy("issued_on") >= 0.92
    assert holdout9.accuracy("urgent") >= 0.96
    assert holdout9.accuracy("recognized") >= 0.99


# holdout11 (session 8) and holdout12 (session 9, 77 pages) were scored once before tuning:
# holdout12 deadlines 0.71 / 0.65, number 0.84, type 0.79, issuer 0.58. Session 10's round 9
# (pdead10, pfield10) tuned on them by classes of misses: holdout11 1.00 / 0.90, issuer 0.86;
# holdout12 0.95 / 0.94, number 0.99, type 0.92, issuer 0.90, issue date 0.99. Guards at that
# level, rounded down.
def test_holdout11_does_not_regress(holdout11):
    assert holdout11.recall >= 0.99 and holdout11.precision >= 0.89
    assert holdout11.accuracy("number") >= 0.85
    assert holdout11.accuracy("issuer") >= 0.85


def test_holdout12_does_not_regress(holdout12):
    assert holdout12.recall >= 0.94 and holdout12.precision >= 0.93
    assert holdout12.accuracy("number") >= 0.98
    assert holdout12.accuracy("doc_type") >= 0.91
    assert holdout12.accuracy("issuer") >= 0.89
    assert holdout12.accuracy("issued_on") >= 0.98
    assert holdout12.accuracy("urgent") >= 0.99
    assert holdout12.accuracy("recognized") >= 0.94


# holdout13 (session 10, 87 pages, 55 deadlines, collected by helpers who never ran the parser)
# scored ONCE, after round 9 and before anyone read its misses -- the honest figure on documents
# nobody tuned for: deadlines 0.84 / 0.53, number 0.84, type 0.76, issuer 0.63, issue date 0.87,
# urgency 0.99, recognised 0.89. A guard at that level, rounded down; issue 12 asks 0.9.
def test_holdout13_does_not_regress(holdout13):
    assert holdout13.recall >= 0.83 and holdout13.precision >= 0.52
    assert holdout13.accuracy("number") >= 0.83
    assert holdout13.accuracy("doc_type") >= 0.75
    assert holdout13.accuracy("issuer") >= 0.62
    assert holdout13.accuracy("issued_on") >= 0.86
    assert holdout13.accuracy("recognized") >= 0.88


def test_a_page_with_no_document_is_not_recognized():
    text = (bench.CORPUS / "n_dostquangtri_menu.txt").read_text(encoding="utf-8")
    doc = parse_document(text)
    assert doc.recognized is False
    assert doc.deadlines == []


def test_seeds_are_recognized():
    for p in sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt")):
        assert parse_document(p.read_text(encoding="utf-8")).recognized


def test_number_and_type_named_in_running_text():
    doc = parse_document(
        "Ngày 17-4-2020, Ban Thường vụ Thành ủy có Công văn số 4182-CV/TU "
        "yêu cầu các cấp ủy hoàn thành trước ngày 15-6-2020."
    )
    assert (doc.number, doc.doc_type, doc.issued_on.isoformat()) == ("4182-CV/TU", "Công văn", "2020-04-17")
    assert doc.issuer == "Thành ủy"


def test_a_cited_number_is_not_the_documents_own():
    doc = parse_document(
        "Thực hiện Kế hoạch số 62-KH/ĐU ngày 10/3/2020 của Đảng ủy phường, các chi bộ báo cáo trước ngày 30/3/2020."
    )
    assert doc.number is None


def test_hoa_toc_in_running_text_is_urgent_and_khan_truong_is_not():
    assert parse_document("Ban Thường vụ Tỉnh ủy đã ký công văn hỏa tốc gửi các huyện ủy.").urgent == "HỎA TỐC"
    assert parse_document("Đề nghị các đơn vị khẩn trương thực hiện trước ngày 24/3/2016.").urgent is None


def test_effective_dates_and_as_of_times_are_not_deadlines():
    doc = parse_document(
        "Quyết định này có hiệu lực thi hành kể từ ngày 05/11/2019.\nSố liệu tính đến 17 giờ 00, ngày 04/11/2010."
    )
    assert doc.deadlines == []

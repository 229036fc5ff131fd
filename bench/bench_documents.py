"""Score parse_document on the corpus of real documents (not a test).

    .venv/bin/python bench/bench_documents.py            # the development set
    .venv/bin/python bench/bench_documents.py --holdout  # the held-out third (seen since)
    .venv/bin/python bench/bench_documents.py --holdout2 # documents gathered after the last tuning
    .venv/bin/python bench/bench_documents.py --holdout3 # session 4's set, read before the parser ran
    .venv/bin/python bench/bench_documents.py --holdout4 # a further never-seen set (issue 12)
    .venv/bin/python bench/bench_documents.py --holdout5 # session 5's set, read before the parser ran
    .venv/bin/python bench/bench_documents.py --holdout6 # session 6's set, read before the parser ran
    .venv/bin/python bench/bench_documents.py --holdout7 # session 7's sets (also --holdout8, --holdout9)
    .venv/bin/python bench/bench_documents.py --holdout10 --holdout11 # session 8's sets, pooled
    .venv/bin/python bench/bench_documents.py --holdout12 # session 9's set (--holdout13: 10's, --holdout14: 11's)
    .venv/bin/python bench/bench_documents.py --quiet    # figures only

Each tests/fixtures/documents/NAME.txt is a public page as staff copy it; NAME.expected.json
is a human reading of it (see tests/fixtures/documents/README.md). Figures:

* deadlines: recall (expected items found) and precision (reported items that are real).
  A dated item matches on its local due minute; an expected "trước ngày X" also matches a
  reported X 00:00 or X-1 23:59. A window (start + until) matches on its start. A recurring
  item matches a recurring one of the same schedule rule. Each reported item matches once.
* number, type, issuer, issue date, urgency, "recognised a document": share of documents
  read right (issuer: any of the accepted spellings, compared without marks or case).

Per-document misses are printed so a change can be judged by what it fixes and breaks.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from services.parsing import parse_document  # noqa: E402
from services.parsing.vn_text import normalize  # noqa: E402

CORPUS = ROOT / "tests" / "fixtures" / "documents"
FIELDS = ("number", "doc_type", "issuer", "issued_on", "urgent", "recognized")


def corpus_files(holdout: bool = False, *, folder: str | None = None) -> list[Path]:
    """The development set, ``holdout/`` (holdout=True) or another held-out folder by name."""
    name = folder or ("holdout" if holdout else None)
    return sorted((CORPUS / name if name else CORPUS).glob("*.txt"))


def _dt(s: str | None) -> datetime | None:
    return datetime.fromisoformat(s) if s else None


def _due_keys(exp: dict) -> set[datetime]:
    keys = set()
    if exp.get("due"):
        keys.add(_dt(exp["due"]))
    if exp.get("before"):
        x = datetime.fromisoformat(exp["before"])
        keys |= {x, x - timedelta(minutes=1)}
    return keys


def _matches(exp: dict, got) -> bool:
    if exp.get("recurrence"):
        return got.recurrence is not None and got.recurrence.to_rule() == exp["recurrence"]
    if got.due is None:
        return False
    return got.due.replace(second=0, microsecond=0) in _due_keys(exp)


def _issuer_ok(expected, got: str | None) -> bool:
    if expected is None:
        return got is None
    if got is None:
        return False
    g = _strip_btv(normalize(got))
    return any(_strip_btv(normalize(e)) == g for e in expected)


def _strip_btv(s: str) -> str:
    for prefix in ("ban thuong vu ", "thuong truc "):
        if s.startswith(prefix):
            s = s[len(prefix) :]
    return s


def _number_key(s: str | None) -> str | None:
    return "".join(s.split()).upper() if s else None


@dataclass
class DocScore:
    name: str
    expected: int = 0
    reported: int = 0
    matched: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    wrong: dict = field(default_factory=dict)
    kind_wrong: list[str] = field(default_factory=list)


def score_document(path: Path) -> DocScore:
    text = path.read_text(encoding="utf-8")
    exp = json.loads((path.parent / (path.stem + ".expected.json")).read_text("utf-8"))
    doc = parse_document(text)
    s = DocScore(path.stem, expected=len(exp["deadlines"]), reported=len(doc.deadlines))
    left = list(doc.deadlines)
    for e in exp["deadlines"]:
        hit = next((g for g in left if _matches(e, g)), None)
        if hit is None:
            s.missed.append(f"{e['kind']} {e.get('due') or e.get('recurrence')} «{e['text']}»")
            continue
        left.remove(hit)
        s.matched += 1
        if hit.kind != e["kind"] and not (e.get("until") and hit.kind in ("start", e["kind"])):
            s.kind_wrong.append(f"{hit.kind} for {e['kind']} «{e['text']}»")
        if e.get("until") and getattr(hit, "until", None) != _dt(e["until"]):
            s.wrong.setdefault("until", []).append((e["until"], str(getattr(hit, "until", None))))
    for g in left:
        s.spurious.append(f"{g.kind} {g.due or (g.recurrence.to_rule() if g.recurrence else '(no date)')} «{g.text}»")

    got = {
        "number": _number_key(doc.number),
        "doc_type": doc.doc_type,
        "issuer": doc.issuer,
        "issued_on": doc.issued_on.isoformat() if doc.issued_on else None,
        "urgent": doc.urgent,
        "recognized": getattr(doc, "recognized", True),
    }
    want = {
        "number": _number_key(exp["number"]),
        "doc_type": exp["doc_type"],
        "issuer": exp["issuer"],
        "issued_on": exp["issued_on"],
        "urgent": exp["urgent"],
        "recognized": exp.get("recognized", True),
    }
    for f in FIELDS:
        if f == "issuer":
            ok = _issuer_ok(want[f], got[f])
        elif f == "urgent" and want[f] is True:
            ok = bool(got[f])  # an expected file that says only "urgent: true": any mark (KHẨN, HỎA TỐC)
        else:
            ok = want[f] == got[f]
        if not ok:
            s.wrong[f] = (want[f], got[f])
    return s


@dataclass
class Figures:
    docs: int
    expected: int
    reported: int
    matched: int
    field_ok: dict[str, int]
    kind_ok: int

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.reported if self.reported else 1.0

    def accuracy(self, f: str) -> float:
        return self.field_ok[f] / self.docs if self.docs else 1.0

    def line(self) -> str:
        acc = "  ".join(f"{f} {self.accuracy(f):.2f}" for f in FIELDS)
        return (
            f"{self.docs} documents, {self.expected} deadlines expected, {self.reported} "
            f"reported, {self.matched} matched\n"
            f"deadline recall {self.recall:.2f}  precision {self.precision:.2f}  "
            f"kind right {self.kind_ok}/{self.matched}\n{acc}"
        )


def score(paths: list[Path]) -> tuple[Figures, list[DocScore]]:
    scores = [score_document(p) for p in paths]
    field_ok = {f: sum(1 for s in scores if f not in s.wrong) for f in FIELDS}
    fig = Figures(
        docs=len(scores),
        expected=sum(s.expected for s in scores),
        reported=sum(s.reported for s in scores),
        matched=sum(s.matched for s in scores),
        field_ok=field_ok,
        kind_ok=sum(s.matched - len(s.kind_wrong) for s in scores),
    )
    return fig, scores


#: The held-out folders, newest first (one flag each).
HELD_OUT = tuple(f"holdout{n}" for n in range(14, 1, -1)) + ("holdout",)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--holdout", action="store_true", help="score the held-out documents")
    ap.add_argument("--holdout2", action="store_true", help="score the second held-out set")
    ap.add_argument("--holdout3", action="store_true", help="score the third held-out set (once)")
    ap.add_argument("--holdout4", action="store_true", help="score the fourth held-out set (once)")
    ap.add_argument("--holdout5", action="store_true", help="score the fifth held-out set (once)")
    ap.add_argument("--holdout6", action="store_true", help="score the sixth held-out set (once)")
    for n in (7, 8, 9):
        ap.add_argument(f"--holdout{n}", action="store_true", help=f"score held-out set {n} (session 7's, once)")
    for n in (10, 11):
        ap.add_argument(f"--holdout{n}", action="store_true", help=f"score held-out set {n} (session 8's, once)")
    ap.add_argument("--holdout12", action="store_true", help="score held-out set 12 (session 9's, once)")
    ap.add_argument("--holdout13", action="store_true", help="score held-out set 13 (session 10's, once)")
    ap.add_argument("--holdout14", action="store_true", help="score held-out set 14 (session 11's, once)")
    ap.add_argument("--quiet", action="store_true", help="figures only")
    args = ap.parse_args()
    folders = [f for f in HELD_OUT if getattr(args, f)]
    # Several flags pool their folders into one figure (each page counted once).
    folder = folders[0] if len(folders) == 1 else None
    files = [p for f in folders for p in corpus_files(folder=f)] if folders else corpus_files()
    fig, scores = score(files)
    if not args.quiet:
        for s in scores:
            if not (s.missed or s.spurious or s.wrong or s.kind_wrong):
                continue
            print(f"== {s.name}")
            for m in s.missed:
                print(f"   missed   {m}")
            for m in s.spurious:
                print(f"   spurious {m}")
            for m in s.kind_wrong:
                print(f"   kind     {m}")
            for f, v in s.wrong.items():
                print(f"   {f:<9} {v}")
        print()
    label = {
        "holdout14": "HOLDOUT14 ",
        "holdout13": "HOLDOUT13 ",
        "holdout12": "HOLDOUT12 ",
        "holdout11": "HOLDOUT11 ",
        "holdout10": "HOLDOUT10 ",
        "holdout9": "HOLDOUT9 ",
        "holdout8": "HOLDOUT8 ",
        "holdout7": "HOLDOUT7 ",
        "holdout6": "HOLDOUT6 ",
        "holdout5": "HOLDOUT5 ",
        "holdout4": "HOLDOUT4 ",
        "holdout3": "HOLDOUT3 ",
        "holdout2": "HOLDOUT2 ",
        "holdout": "HOLDOUT ",
    }
    name = "POOLED " + "+".join(folders) + " " if len(folders) > 1 else label.get(folder or "", "DEV ")
    print(name + fig.line())


if __name__ == "__main__":
    main()

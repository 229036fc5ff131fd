"""Time OCR of one page and measure what it gets right (not a test).

    .venv/bin/python bench/bench_ocr.py [--runs N]

Needs Tesseract with its Vietnamese model and poppler's pdftoppm (see README, "PDF and
paper"), and the test extra (fpdf2) to build the pages. For each page it reports the median
and worst seconds of N runs, the characters OCR got right (difflib ratio against the text
that was printed, whitespace collapsed), and the deadlines found against the deadlines
``parse_document`` reads from the text itself:

- the short directive of the tests, rendered as a 300-dpi-like PNG, and smaller (what a
  phone photo sent through Telegram, cut to 1280 px, looks like);
- each A4 page of 141-CV/ĐUK printed to PDF and "scanned" back at 300 dpi (pdftoppm), the
  path a scanned PDF takes;
- the short directive made photo-like (turned, blurred, grey paper, JPEG at quality 60);
- one page with Tesseract's default threads against one thread (what chibot uses).
"""

from __future__ import annotations

import argparse
import difflib
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from services.parsing import parse_document  # noqa: E402
from services.parsing.ocr import Ocr  # noqa: E402
from tests.support.paper import SHORT_141, page_image, pdf_of  # noqa: E402

SEED_141 = (ROOT / "tests" / "fixtures" / "seeds" / "003_11edc695b26208f2.txt").read_text(encoding="utf-8")


def deadlines(text: str) -> list[tuple]:
    return [(d.kind, d.due) for d in parse_document(text).deadlines]


def similarity(ocr_text: str, truth: str) -> float:
    a, b = " ".join(ocr_text.split()), " ".join(truth.split())
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def timed(fn, runs: int) -> tuple[float, float, str]:
    times, out = [], ""
    for _ in range(runs):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times), out


def a4_pages(text: str, dpi: int = 300) -> list[bytes]:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.pdf"
        source.write_bytes(pdf_of(text))
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(source), str(Path(folder) / "p")], check=True)
        return [p.read_bytes() for p in sorted(Path(folder).glob("p-*.png"))]


def shrink(png: bytes, longest: int) -> bytes:
    from PIL import Image

    image = Image.open(io.BytesIO(png))
    scale = longest / max(image.size)
    out = io.BytesIO()
    image.resize((int(image.width * scale), int(image.height * scale)), Image.LANCZOS).convert("RGB").save(
        out, "JPEG", quality=87
    )
    return out.getvalue()


def photo_like(png: bytes, angle: float, blur: float) -> bytes:
    """The page as a phone sees it: turned a little, out of focus, grey paper, JPEG noise."""
    from PIL import Image, ImageFilter

    image = Image.open(io.BytesIO(png)).convert("L")
    image = image.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=255)
    image = image.filter(ImageFilter.GaussianBlur(blur)).point(lambda v: int(60 + v * 0.7))
    out = io.BytesIO()
    image.convert("RGB").save(out, "JPEG", quality=60)
    return out.getvalue()


def raw_tesseract(png: bytes, threads: str | None) -> str:
    env = dict(os.environ)
    env.pop("OMP_THREAD_LIMIT", None)
    if threads:
        env["OMP_THREAD_LIMIT"] = threads
    return subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", "vie"], input=png, capture_output=True, env=env, check=True
    ).stdout.decode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    ocr = Ocr()
    if ocr.pdf_unavailable():
        sys.exit(
            "Tesseract (vie) or pdftoppm is not installed: "
            "apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils"
        )
    version = subprocess.run(["tesseract", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    print(f"{version}, {os.cpu_count()} CPUs, {args.runs} runs each\n")
    print(f"{'page':44} {'pixels':>11} {'median s':>9} {'worst s':>8} {'chars ok':>9}  deadlines found/in text")

    short = page_image(SHORT_141)
    cases = [
        ("short directive, PNG ~300 dpi", short, SHORT_141),
        ("short directive, JPEG 1280 px (Telegram photo)", shrink(short, 1280), SHORT_141),
        ("short directive, JPEG 900 px", shrink(short, 900), SHORT_141),
        ("short, photo-like: 2° turn, blur 1 px, grey", photo_like(short, 2, 1.0), SHORT_141),
        ("short, photo-like: 5° turn, blur 2 px, grey", photo_like(short, 5, 2.0), SHORT_141),
    ]
    pages = a4_pages(SEED_141)
    cases += [(f"141-CV/ĐUK A4 page {i + 1}/{len(pages)}, scan 300 dpi", p, None) for i, p in enumerate(pages)]
    whole = []
    for name, image, truth in cases:
        median, worst, text = timed(lambda image=image: ocr.read_image(image).text, args.runs)
        from PIL import Image

        size = "x".join(map(str, Image.open(io.BytesIO(image)).size))
        if truth is None:
            whole.append(text)
            print(f"{name:44} {size:>11} {median:9.2f} {worst:8.2f} {'':>9}")
            continue
        found, expected = deadlines(text), deadlines(truth)
        hits = sum(1 for d in expected if d in found)
        print(
            f"{name:44} {size:>11} {median:9.2f} {worst:8.2f} {similarity(text, truth):9.1%}  {hits}/{len(expected)}"
            + ("" if found == expected else f"  (read: {found})")
        )
    joined = "\n".join(whole)
    found, expected = deadlines(joined), deadlines(SEED_141)
    hits = sum(1 for d in expected if d in found)
    parsed = parse_document(joined)
    print(
        f"\n141-CV/ĐUK, all {len(pages)} scanned pages: chars ok {similarity(joined, SEED_141.replace('**', '')):.1%}, "
        f"deadlines {hits}/{len(expected)}, number {parsed.number!r}, urgent {parsed.urgent!r}"
    )

    print("\nTesseract threads on the A4 page 1:")
    for threads in (None, "1"):
        median, worst, _ = timed(lambda threads=threads: raw_tesseract(pages[0], threads), args.runs)
        print(f"  OMP_THREAD_LIMIT={threads or '(unset)':8} median {median:.2f} s, worst {worst:.2f} s")


if __name__ == "__main__":
    main()

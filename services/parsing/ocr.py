"""Reading paper: a photo of a printed directive, or the pages of a scanned PDF, through
Tesseract OCR with its Vietnamese model.

Tesseract (and poppler's ``pdftoppm``, which turns PDF pages into images) are separate
programs, run here with a timeout, never linked in: a hung or crashing OCR on a bad scan
is killed and reported instead of taking the bot with it, and the Python side needs no
wrapper package (pytesseract is itself only a subprocess call with less control over the
timeout). Without them installed, ``Ocr.unavailable()`` says so and callers tell the user
OCR is unavailable instead of failing.

Install (Debian/Ubuntu): ``apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils``.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["Ocr", "OcrError", "OcrResult"]

#: Phone photos are 12-50 megapixels; Tesseract gains nothing above this and slows down.
MAX_PIXELS = 24_000_000
#: A file that decodes to more pixels than this is refused (a "decompression bomb").
REFUSE_PIXELS = 200_000_000


class OcrError(Exception):
    """OCR could not run or gave nothing. ``reason`` names the locale text
    (``intake.<reason>``): ocr_unavailable, pdf_ocr_unavailable, image_unreadable,
    ocr_timeout, ocr_failed."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class OcrResult:
    pages: list[str]
    #: Pages in the source (a PDF may have more than were read).
    page_count: int

    @property
    def text(self) -> str:
        return "\n".join(p.strip() for p in self.pages).strip()


@dataclass(frozen=True)
class Ocr:
    """How to run OCR here: program names, language model and limits."""

    tesseract: str = "tesseract"
    pdftoppm: str = "pdftoppm"
    language: str = "vie"
    #: Per page, for Tesseract; and for rasterising all pages of a PDF.
    timeout_seconds: float = 60.0
    #: Pages of a scanned PDF read by OCR (a directive is 1-4 pages; an annex is not OCR'd).
    max_pages: int = 5
    #: All pages of one PDF together: past this, the pages read so far are kept and the rest
    #: left (the caller tells staff "only the first N pages were read").
    total_seconds: float = 120.0
    #: Scanned PDF pages are rendered for OCR as A4 at this resolution.
    dpi: int = 300

    # ---- availability ----------------------------------------------------------------------
    def unavailable(self) -> str | None:
        """None when images can be read here; else the reason (``ocr_unavailable``)."""
        return None if _has_language(self.tesseract, self.language) else "ocr_unavailable"

    def pdf_unavailable(self) -> str | None:
        """None when scanned PDFs can be read here (Tesseract and pdftoppm)."""
        if self.unavailable() or shutil.which(self.pdftoppm) is None:
            return "pdf_ocr_unavailable"
        return None

    # ---- reading ---------------------------------------------------------------------------
    def read_image(self, data: bytes) -> OcrResult:
        """The text of one photo or scanned page (PNG, JPEG, TIFF, WebP)."""
        if self.unavailable():
            raise OcrError("ocr_unavailable")
        return OcrResult(pages=[self._tesseract(_prepare(data))], page_count=1)

    def read_pdf(self, data: bytes, *, page_count: int | None = None) -> OcrResult:
        """The text of the first ``max_pages`` pages of a PDF (of ``page_count``, when the
        caller knows it), rendered and OCR'd one by one."""
        if self.pdf_unavailable():
            raise OcrError("pdf_ocr_unavailable")
        with tempfile.TemporaryDirectory(prefix="chibot-ocr-") as folder:
            source = Path(folder) / "in.pdf"
            source.write_bytes(data)
            count = page_count
            last = min(count or self.max_pages, self.max_pages)
            # Fit each page in the pixels of A4 at ``dpi`` instead of rendering at ``dpi``: a
            # crafted page a few metres wide would otherwise become a gigapixel image.
            box = str(round(11.69 * self.dpi))
            command = [
                self.pdftoppm,
                "-scale-to",
                box,
                "-gray",
                "-png",
                "-f",
                "1",
                "-l",
                str(last),
                str(source),
                str(Path(folder) / "page"),
            ]
            _run(command, timeout=self.timeout_seconds, what="pdftoppm")
            images = sorted(Path(folder).glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
            if not images:
                raise OcrError("ocr_failed", "pdftoppm rendered no page")
            pages: list[str] = []
            ends = time.monotonic() + self.total_seconds
            for image in images:
                left = ends - time.monotonic()
                if pages and left < 1:
                    break
                # the first page always gets its full time: without it there is nothing to show
                timeout = min(self.timeout_seconds, left) if pages else self.timeout_seconds
                try:
                    pages.append(self._tesseract(image.read_bytes(), timeout=timeout))
                except OcrError as exc:
                    if exc.reason != "ocr_timeout" or not pages:
                        raise
                    break
        return OcrResult(pages=pages, page_count=count or len(images))

    def _tesseract(self, image: bytes, *, timeout: float | None = None) -> str:
        # One thread per page: parallel OpenMP threads inside Tesseract fight with the bot
        # (and each other) for the cores; bench/bench_ocr.py measured a page at 3.3 s with
        # one thread against 9.5 s with the default, on two cores.
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        out = _run(
            [self.tesseract, "stdin", "stdout", "-l", self.language, "--psm", "3"],
            timeout=timeout or self.timeout_seconds,
            what="tesseract",
            input=image,
            env=env,
        )
        return unicodedata.normalize("NFC", out.decode("utf-8", errors="replace"))


def _run(
    command: list[str], *, timeout: float, what: str, input: bytes | None = None, env: dict[str, str] | None = None
) -> bytes:
    try:
        done = subprocess.run(command, input=input, capture_output=True, timeout=timeout, env=env, check=False)
    except subprocess.TimeoutExpired as exc:
        raise OcrError("ocr_timeout", f"{what} ran over {timeout:g} s") from exc
    except OSError as exc:  # the program vanished between the check and the call
        raise OcrError("ocr_unavailable", f"{what}: {exc}") from exc
    if done.returncode != 0:
        raise OcrError("ocr_failed", f"{what} exit {done.returncode}: {done.stderr[-300:].decode(errors='replace')}")
    return done.stdout


@lru_cache(maxsize=8)
def _has_language(tesseract: str, language: str) -> bool:
    """Tesseract is installed and has the model (``tesseract-ocr-vie`` for "vie")."""
    if shutil.which(tesseract) is None:
        return False
    try:
        listed = subprocess.run([tesseract, "--list-langs"], capture_output=True, timeout=15, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    names = (listed.stdout + listed.stderr).decode(errors="replace").split()
    return all(part in names for part in language.split("+"))


def _prepare(data: bytes) -> bytes:
    """The image upright (phone photos carry their rotation in EXIF), grey, not larger than
    Tesseract needs, as PNG. Raises ``OcrError("image_unreadable")`` for a damaged file."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(bytes(data))) as opened:
            if opened.width * opened.height > REFUSE_PIXELS:
                raise OcrError("image_unreadable", f"{opened.width}x{opened.height} pixels")
            image = ImageOps.exif_transpose(opened).convert("L")
    except OcrError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise OcrError("image_unreadable", str(exc)) from exc
    pixels = image.width * image.height
    if pixels > MAX_PIXELS:
        scale = (MAX_PIXELS / pixels) ** 0.5
        image = image.resize(
            (max(1, int(image.width * scale)), max(1, int(image.height * scale))), Image.Resampling.LANCZOS
        )
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()

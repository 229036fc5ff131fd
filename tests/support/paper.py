"""Documents built inside a test: a PDF with a text layer from a directive's text (fpdf2), a
page image rendered from a short directive (Pillow), and a "scan" (a PDF holding only that
image). All with DejaVuSans from matplotlib, which has every Vietnamese glyph."""

from __future__ import annotations

import io
import os
import textwrap
from pathlib import Path

import matplotlib
import pytest

from services.parsing.ocr import Ocr

DEJAVU = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"

#: A directive short enough for one page: 141-CV/ĐUK with its three deadlines.
SHORT_141 = """ĐẢNG BỘ TỈNH
ĐẢNG ỦY KHỐI
Số 141-CV/ĐUK
V/v tổ chức quán triệt Nghị quyết số 05-NQ/TU ngày 05/8/2021 của Tỉnh ủy
KHẨN
Kính gửi: Các chi, đảng bộ cơ sở.
1. Thời gian hoàn thành công tác triển khai, tuyên truyền Nghị quyết: từ nay đến hết ngày 20/8/2021; \
báo cáo kết quả về Đảng ủy Khối trước ngày 23/8/2021.
2. Xây dựng kế hoạch thực hiện Nghị quyết số 05. Thời gian hoàn thành kế hoạch xong trước ngày 30/8/2021.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Nguyễn Phúc Hậu"""

#: CI sets this after installing Tesseract: there an OCR test fails instead of skipping.
OCR_REQUIRED = os.environ.get("CHIBOT_REQUIRE_OCR") == "1"

needs_ocr = pytest.mark.skipif(
    Ocr().unavailable() is not None and not OCR_REQUIRED,
    reason="Tesseract OCR with its Vietnamese model is not installed (apt-get install tesseract-ocr tesseract-ocr-vie)",
)
needs_pdf_ocr = pytest.mark.skipif(
    Ocr().pdf_unavailable() is not None and not OCR_REQUIRED,
    reason="scanned-PDF OCR needs tesseract-ocr, tesseract-ocr-vie and poppler-utils (pdftoppm)",
)
#: An OCR set-up that is certainly missing: what a server without Tesseract looks like.
NO_OCR = Ocr(tesseract="/nonexistent/tesseract", pdftoppm="/nonexistent/pdftoppm")


def pdf_of(text: str) -> bytes:
    """An A4 PDF whose text layer is ``text``, one paragraph per line."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(DEJAVU))
    pdf.set_font("DejaVu", size=11)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    for line in text.split("\n"):
        pdf.multi_cell(0, 6, line or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def page_image(text: str = SHORT_141, *, font_size: int = 32, columns: int = 60, fmt: str = "PNG") -> bytes:
    """A white page with ``text`` printed in black, about 300 dpi for an 11 pt font at the
    default size: what a flat-bed scan of the directive looks like."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(DEJAVU), font_size)
    lines = [wrapped for paragraph in text.split("\n") for wrapped in (textwrap.wrap(paragraph, columns) or [""])]
    step = int(font_size * 1.5)
    margin = font_size * 3
    width = int(font_size * 0.62 * (columns + 2)) + 2 * margin
    image = Image.new("L", (width, (len(lines) + 4) * step), 255)
    draw = ImageDraw.Draw(image)
    for index, line in enumerate(lines):
        draw.text((margin, font_size * 2 + index * step), line, font=font, fill=0)
    out = io.BytesIO()
    image.convert("RGB").save(out, fmt)
    return out.getvalue()


def picture_without_text() -> bytes:
    """A "photo" of something that is not a document: shapes on a gradient."""
    from PIL import Image, ImageDraw

    image = Image.linear_gradient("L").resize((1200, 900)).convert("RGB")
    draw = ImageDraw.Draw(image)
    draw.ellipse((200, 150, 700, 650), fill=(200, 60, 60))
    draw.rectangle((750, 300, 1100, 800), fill=(40, 120, 200))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def scanned_pdf_of(*images: bytes) -> bytes:
    """A PDF holding only page images, one per page, no text layer: a scanner's output."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    for image in images:
        pdf.add_page()
        pdf.image(io.BytesIO(image), x=0, y=0, w=210)
    return bytes(pdf.output())


def pdf_without_unicode_map(text: str) -> bytes:
    """A PDF that shows ``text`` on the page, but whose embedded font has no ToUnicode map: the
    text layer is glyph numbers (what a PDF printed from an old system or a font without a
    map gives). The page looks right; copying its text gives control characters."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_of(text))))
    for page in writer.pages:
        fonts = page["/Resources"]["/Font"]
        for key in fonts:
            font = fonts[key].get_object()
            if "/ToUnicode" in font:
                del font[NameObject("/ToUnicode")]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


#: VNI's way of writing Vietnamese in one-byte codes: the base letter, then the mark as a
#: Latin-1 character the VNI fonts draw as that mark (ư, ơ and đ as letters of their own).
_VNI_MARKS = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï", "\u0302": "â", "\u0306": "ê"}
_VNI_HORN = {"o": "ô", "u": "ö", "O": "Ô", "U": "Ö"}


def vni_style(text: str) -> str:
    """``text`` as the text layer of a document typed in a VNI font reads ("Ñaûng uûy" for
    "Đảng ủy"): modelled on VNI's scheme, not a full VNI table (the marks follow the letter
    one by one, where VNI joins a hat and a tone into one code)."""
    import unicodedata

    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        if ch in _VNI_MARKS:
            out.append(_VNI_MARKS[ch])
        elif ch == "\u031b" and out and out[-1] in _VNI_HORN:
            out[-1] = _VNI_HORN[out[-1]]
        else:
            out.append({"đ": "ñ", "Đ": "Ñ"}.get(ch, ch))
    return "".join(out)


def legacy_font_pdf_of(text: str) -> bytes:
    """A PDF whose text layer is ``text`` in VNI-style codes (one-byte Latin-1 font, as a VNI or
    TCVN3 font's PDF declares itself)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    for line in vni_style(text).split("\n"):
        pdf.multi_cell(0, 6, line or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())

"""Synthetic claim-file pages with known text: text-layer PDFs and "scans" (rendered at 300 dpi,
noise, small skew, turned 90/180/270), for the ingest tests and ``make bench``.

Everything is deterministic for a given seed, so a measured error rate can be compared run to run.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

import numpy as np
from PIL import Image

PAGE_W, PAGE_H = 612.0, 792.0        # US letter, points

_HEADINGS = [
    "UTILIZATION REVIEW DETERMINATION", "PRIMARY TREATING PHYSICIAN'S PROGRESS REPORT (PR-2)",
    "REQUEST FOR AUTHORIZATION (DWC FORM RFA)", "QUALIFIED MEDICAL EVALUATOR REPORT",
    "APPLICATION FOR INDEPENDENT MEDICAL REVIEW",
]
_NAMES = ["Maria Gonzalez", "Robert Chen", "Linda Okafor", "James Whitfield", "Ana Petrova"]
_SENTENCES = [
    "The patient reports persistent pain in the lumbar spine radiating to the left leg.",
    "Physical therapy twice a week for six weeks was requested on {date}.",
    "Range of motion of the right shoulder is limited to 120 degrees of flexion.",
    "The request is not medically necessary under the MTUS guidelines.",
    "MRI of the cervical spine dated {date} shows a disc protrusion at C5-C6.",
    "Whole person impairment is rated at {n} percent under the AMA Guides, 5th Edition.",
    "The applicant may return to modified work with no lifting over {n} pounds.",
    "Records reviewed include the Doctor's First Report and the operative report.",
    "The decision was served by mail on {date} to all parties listed below.",
    "Apportionment: {n} percent industrial and the remainder nonindustrial.",
]


def claim_lines(seed: int, count: int) -> list[str]:
    """``count`` lines of claim-file prose with dates, numbers and names."""
    rng = random.Random(seed)
    lines = [rng.choice(_HEADINGS),
             f"Claimant: {rng.choice(_NAMES)}   Claim No. {rng.randint(10, 99)}-"
             f"{rng.randint(100000, 999999)}",
             f"Date of Injury: {rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/"
             f"{rng.randint(2019, 2025)}"]
    while len(lines) < count:
        date = f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/{rng.randint(2020, 2026)}"
        lines.append(rng.choice(_SENTENCES).format(date=date, n=rng.randint(2, 40)))
    return lines[:count]


def _draw_lines(canvas, lines: list[str], *, render_mode: int = 0) -> None:
    text = canvas.beginText(72, PAGE_H - 72)
    text.setTextRenderMode(render_mode)
    for i, line in enumerate(lines):
        text.setFont("Helvetica-Bold" if i == 0 else "Helvetica", 11)
        text.textLine(line)
        text.moveCursor(0, 6)
    canvas.drawText(text)


def text_pdf(path: Path, pages: list[list[str]], *, encrypt: str | None = None) -> Path:
    """A PDF with a real text layer, one list of lines per page."""
    from reportlab.pdfgen import canvas as rl_canvas

    canvas = rl_canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), encrypt=encrypt)
    for lines in pages:
        _draw_lines(canvas, lines)
        canvas.showPage()
    canvas.save()
    return path


def render_lines(lines: list[str], dpi: int = 300) -> Image.Image:
    """The lines as a clean 8-bit gray page image (a text PDF rendered by PDFium)."""
    import pypdfium2 as pdfium

    buffer = io.BytesIO()
    from reportlab.pdfgen import canvas as rl_canvas

    canvas = rl_canvas.Canvas(buffer, pagesize=(PAGE_W, PAGE_H))
    _draw_lines(canvas, lines)
    canvas.showPage()
    canvas.save()
    document = pdfium.PdfDocument(buffer.getvalue())
    try:
        image = document[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        return image.copy()
    finally:
        document.close()


def scan(lines: list[str], *, seed: int = 0, skew: float = 0.0, turn: int = 0,
         noise: float = 12.0, specks: float = 0.0005, dpi: int = 300) -> Image.Image:
    """A "scanned" page: rendered text, gray noise, specks, ``skew`` degrees counter-clockwise,
    then turned ``turn`` degrees clockwise (so the pipeline should turn it back)."""
    rng = np.random.default_rng(seed)
    image = render_lines(lines, dpi)
    if skew:
        image = image.rotate(skew, resample=Image.Resampling.BILINEAR, fillcolor=255)
    pixels = np.asarray(image, dtype=np.float32)
    if noise:
        pixels = pixels + rng.normal(0.0, noise, pixels.shape)
    if specks:
        mask = rng.random(pixels.shape) < specks
        pixels[mask] = 0.0
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), mode="L")
    if turn % 360:
        image = image.rotate(-turn, expand=True)
    return image


def image_pdf(path: Path, images: list[Image.Image], *, dpi: int = 300,
              stamp: str | None = None, invisible_lines: list[list[str]] | None = None) -> Path:
    """A scanned PDF: each image fills a page. ``stamp`` adds a small visible text line (a
    Bates number); ``invisible_lines`` adds an invisible OCR-style text layer per page."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas as rl_canvas

    canvas = rl_canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    for i, image in enumerate(images):
        width, height = image.width * 72 / dpi, image.height * 72 / dpi
        canvas.setPageSize((width, height))
        canvas.drawImage(ImageReader(image), 0, 0, width=width, height=height)
        if invisible_lines is not None:
            _draw_lines(canvas, invisible_lines[i], render_mode=3)
        if stamp:
            canvas.setFont("Helvetica", 8)
            canvas.drawString(width - 150, 20, f"{stamp} {i + 1:06d}")
        canvas.showPage()
    canvas.save()
    return path


def normalized(text: str) -> str:
    return " ".join(text.split())


def char_error_rate(found: str, truth: str) -> float:
    """Levenshtein distance / length of the truth, whitespace normalized."""
    from rapidfuzz.distance import Levenshtein

    truth_n, found_n = normalized(truth), normalized(found)
    return Levenshtein.distance(found_n, truth_n) / max(1, len(truth_n))

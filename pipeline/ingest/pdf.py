"""PDF pages: open, triage the text layer (pypdfium2), words with boxes (pdfplumber), render.

Triage decides per page whether its text layer can be used instead of OCR:

- absent or shorter than ``settings.ocr.min_text_chars`` printable characters: OCR;
- garbage (unmapped glyphs, or fewer word-like tokens than ``min_wordlike_ratio``): OCR;
- a scan with only a small *visible* stamp on it (Bates number, fax header: an image covering
  at least half the page and fewer than ``STAMP_MAX_CHARS`` characters): OCR, since the stamp
  is not the page;
- invisible text (render mode 3) is an OCR layer a scanner or OCR program put under the image.
  Decision: use it when it passes a stricter word test (``INVISIBLE_MIN_WORDLIKE``). Re-OCRing
  would cost about 2.5 s a page and such layers are usually as good as ours; ``--ocr force``
  re-reads them when they are not.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipeline.ingest.quality import clean_text, is_garbage, text_quality
from pipeline.model import Page, Word
from pipeline.settings import OcrSettings

log = logging.getLogger(__name__)

#: a visible text layer this short on a page that is mostly image is a stamp, not the page
STAMP_MAX_CHARS = 200
#: share of the page an image must cover for the page to count as a scan
SCAN_IMAGE_COVERAGE = 0.5
#: an invisible (OCR) text layer must be at least this word-like to be trusted
INVISIBLE_MIN_WORDLIKE = 0.7


class PdfOpenError(Exception):
    """The whole PDF cannot be read; the message says what to do."""


def open_pdf(path: str | Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise PdfOpenError("the PDF is encrypted: remove the password (e.g. qpdf "
                               "--decrypt --password=PASSWORD in.pdf out.pdf) and run "
                               "again") from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise PdfOpenError("the PDF uses an unsupported security handler: print it to a "
                               "new PDF or decrypt it (qpdf --decrypt) and run again") from None
        if code == pdfium_c.FPDF_ERR_FILE:
            raise PdfOpenError("the PDF cannot be opened (file not found or not "
                               "readable): check the file and run again") from None
        raise PdfOpenError("the PDF is damaged and cannot be opened (truncated or corrupt): "
                           "download or export it again, or try repairing it with `qpdf "
                           "in.pdf out.pdf`, then run again") from None


@dataclass(frozen=True)
class Triage:
    usable: bool
    reason: str         # ok | no_text | garbage | stamp_on_scan
    chars: int


def page_text(page: pdfium.PdfPage) -> str:
    textpage = page.get_textpage()
    try:
        return clean_text(textpage.get_text_range())
    finally:
        textpage.close()


def _layout(page: pdfium.PdfPage) -> tuple[float, int, int]:
    """(share of the page covered by images, text objects, invisible text objects)."""
    width, height = page.get_size()
    area = max(width * height, 1.0)
    image_area = 0.0
    texts = invisible = 0
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_IMAGE),
                                max_depth=4):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT:
            texts += 1
            if (pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw)
                    == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE):
                invisible += 1
        else:
            try:
                left, bottom, right, top = obj.get_bounds()
            except pdfium.PdfiumError:
                continue
            image_area += max(0.0, min(right, width) - max(left, 0.0)) * \
                max(0.0, min(top, height) - max(bottom, 0.0))
    return min(image_area / area, 1.0), texts, invisible


def triage_text(text: str, settings: OcrSettings, *, image_coverage: float = 0.0,
                invisible_share: float = 0.0) -> Triage:
    """The decision itself, a pure function (tested on its own)."""
    quality = text_quality(text)
    if quality.chars < settings.min_text_chars:
        return Triage(False, "no_text", quality.chars)
    min_wordlike = settings.min_wordlike_ratio
    if invisible_share >= 0.5:
        min_wordlike = max(min_wordlike, INVISIBLE_MIN_WORDLIKE)
    if is_garbage(quality, min_wordlike):
        return Triage(False, "garbage", quality.chars)
    if (invisible_share < 0.5 and image_coverage >= SCAN_IMAGE_COVERAGE
            and quality.chars < STAMP_MAX_CHARS):
        return Triage(False, "stamp_on_scan", quality.chars)
    return Triage(True, "ok", quality.chars)


def triage_page(page: pdfium.PdfPage, settings: OcrSettings) -> tuple[Triage, str]:
    text = page_text(page)
    if len(text.strip()) < settings.min_text_chars:
        return Triage(False, "no_text", len(text.strip())), text
    coverage, texts, invisible = _layout(page)
    return triage_text(text, settings, image_coverage=coverage,
                       invisible_share=invisible / texts if texts else 0.0), text


def words_by_page(path: str, indices: list[int]) -> dict[int, tuple[list[Word], float, float]]:
    """pdfplumber words (boxes as 0..1 fractions, top-left origin) for 0-based ``indices``.

    A page pdfplumber cannot parse gets no words (its text still comes from pypdfium2).
    """
    import pdfplumber

    out: dict[int, tuple[list[Word], float, float]] = {}
    if not indices:
        return out
    try:
        pdf = pdfplumber.open(path, pages=[i + 1 for i in indices])
    except Exception as exc:  # pdfminer raises many kinds on damaged files
        log.warning("pdfplumber cannot open a PDF (%s); pages keep text without word boxes",
                    type(exc).__name__)
        return out
    with pdf:
        for page in pdf.pages:
            index = page.page_number - 1
            try:
                x0, top0, x1, bottom0 = page.bbox
                width, height = max(x1 - x0, 1e-6), max(bottom0 - top0, 1e-6)
                words = [
                    Word(w["text"], (_frac(w["x0"] - x0, width), _frac(w["top"] - top0, height),
                                     _frac(w["x1"] - x0, width),
                                     _frac(w["bottom"] - top0, height)))
                    for w in page.extract_words(keep_blank_chars=False, use_text_flow=True)
                ]
                out[index] = (words, float(page.width), float(page.height))
            except Exception as exc:
                log.warning("pdfplumber failed on page %d (%s)", index + 1, type(exc).__name__)
            finally:
                page.close()
    return out


def _frac(value: float, size: float) -> float:
    return min(1.0, max(0.0, value / size))


def text_layer_page(source: str, index: int, text: str, words: list[Word],
                    width: float, height: float) -> Page:
    return Page(source=source, number=index + 1, text=text, words=words,
                text_source="text_layer", rotation=0, width=width, height=height)


#: the scan's own resolution may differ this much from the OCR dpi and still be used as it is
NATIVE_DPI_TOLERANCE = 0.1


def scan_image(page: pdfium.PdfPage, dpi: int, max_pixels: int):
    """A typical scanned page's image, decoded as it is instead of rendered (about 0.2 s less
    a page at 300 dpi), or None when the page is not that simple.

    Simple means: no page rotation, one upright image covering the page, nothing drawn over it
    but invisible text, and a resolution within ``NATIVE_DPI_TOLERANCE`` of ``dpi``. A decoded
    image that comes out mostly dark (an inverted /Decode, a mask) is not trusted either.
    """
    if page.get_rotation() % 360:
        return None
    width, height = page.get_size()
    found = None
    for obj in page.get_objects(max_depth=1):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT and (
                pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw)
                == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE):
            continue
        if obj.type != pdfium_c.FPDF_PAGEOBJ_IMAGE or found is not None:
            return None
        found = obj
    if found is None:
        return None
    matrix = found.get_matrix()
    if abs(matrix.b) > 1e-6 or abs(matrix.c) > 1e-6 or matrix.a <= 0 or matrix.d <= 0:
        return None
    left, bottom, right, top = found.get_bounds()
    covered = (min(right, width) - max(left, 0.0)) * (min(top, height) - max(bottom, 0.0))
    if covered < 0.98 * width * height:
        return None
    px_width, px_height = found.get_px_size()
    native = px_width / (width / 72.0)
    if (abs(native - dpi) > NATIVE_DPI_TOLERANCE * dpi or px_width * px_height > max_pixels
            or abs(px_height / (height / 72.0) - native) > NATIVE_DPI_TOLERANCE * dpi):
        return None
    image = found.get_bitmap(render=False).to_pil()
    image = image.convert("L") if image.mode != "L" else image.copy()
    if _mean(image.reduce(8)) < 128:
        return None
    return image


def _mean(image) -> float:
    histogram = image.histogram()
    total = sum(histogram)
    return sum(i * n for i, n in enumerate(histogram)) / max(total, 1)


def render_page(pdf: pdfium.PdfDocument, index: int, dpi: int, max_pixels: int):
    """The page as an 8-bit grayscale PIL image at ``dpi``; ``(image, width_pt, height_pt)``.
    A simple scanned page's image is used as it is (``scan_image``)."""
    page = pdf[index]
    try:
        width, height = page.get_size()
        try:
            image = scan_image(page, dpi, max_pixels)
        except Exception as exc:      # any surprise: fall back to rendering
            log.debug("scan image not used (%s)", type(exc).__name__)
            image = None
        if image is not None:
            return image, float(width), float(height)
        scale = dpi / 72.0
        pixels = width * scale * height * scale
        if pixels > max_pixels:
            raise ValueError(
                f"the page is {width / 72:.0f} x {height / 72:.0f} inches, "
                f"{pixels / 1e6:.0f} megapixels at {dpi} dpi, over the max_image_pixels limit "
                f"({max_pixels / 1e6:.0f} MP): lower --dpi or raise ocr.max_image_pixels in a "
                "--config file and run again")
        bitmap = page.render(scale=scale, grayscale=True, may_draw_forms=True)
        image = bitmap.to_pil()
        if image.mode != "L":
            image = image.convert("L")
        return image.copy(), float(width), float(height)
    finally:
        page.close()

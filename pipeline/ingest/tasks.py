"""The work units that run in the process pool. Small to send (a path, page indices, the OCR
settings), a ``Page`` back; every failure becomes a page with ``text_source="error"``.

- ``read_pdf_chunk``: triage a run of PDF pages; text-layer pages come back finished (text from
  pypdfium2, word boxes from pdfplumber), the others come back as "needs OCR" (or as empty,
  needs_review pages with ``--ocr off``).
- ``ocr_pdf_page`` / ``ocr_image_page``: render or decode one page and OCR it.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

from pipeline.ingest import images, ocr, pdf
from pipeline.model import Page
from pipeline.settings import OcrSettings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ChunkTask:
    path: str
    source: str
    indices: tuple[int, ...]
    ocr: OcrSettings


@dataclass(frozen=True)
class PageTask:
    path: str
    source: str
    index: int
    ocr: OcrSettings
    max_pixels: int


@dataclass
class Outcome:
    index: int
    page: Page | None = None     # None: needs OCR
    tesseract_runs: int = 0

    @property
    def needs_ocr(self) -> bool:
        return self.page is None


def _limit_threads() -> None:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def error_page(source: str, index: int, message: str) -> Page:
    return Page(source=source, number=index + 1, text_source="error", needs_review=True,
                error=message, rotation=None)


def read_pdf_chunk(task: ChunkTask) -> list[Outcome]:
    try:
        document = pdf.open_pdf(task.path)
    except pdf.PdfOpenError as exc:
        return [Outcome(i, error_page(task.source, i, str(exc))) for i in task.indices]
    outcomes: dict[int, Outcome] = {}
    texts: dict[int, str] = {}
    try:
        for index in task.indices:
            try:
                page = document[index]
            except Exception as exc:
                outcomes[index] = Outcome(index, error_page(
                    task.source, index, f"the page cannot be loaded ({type(exc).__name__}: the "
                    "PDF is probably damaged): re-export or re-scan it and run again"))
                continue
            try:
                if task.ocr.mode == "force":
                    outcomes[index] = Outcome(index)
                    continue
                triage, text = pdf.triage_page(page, task.ocr)
                if triage.usable:
                    texts[index] = text
                elif task.ocr.mode == "off":
                    width, height = page.get_size()
                    outcomes[index] = Outcome(index, Page(
                        task.source, index + 1, text_source="empty", needs_review=True,
                        width=width, height=height))
                else:
                    outcomes[index] = Outcome(index)
            except Exception as exc:
                outcomes[index] = Outcome(index, error_page(
                    task.source, index, f"the page's text cannot be read ({type(exc).__name__}): "
                    "re-export or re-scan it and run again"))
            finally:
                page.close()
    finally:
        document.close()
    words = pdf.words_by_page(task.path, sorted(texts))
    for index, text in texts.items():
        page_words, width, height = words.get(index, ([], 0.0, 0.0))
        outcomes[index] = Outcome(index, pdf.text_layer_page(task.source, index, text,
                                                             page_words, width, height))
    return [outcomes[i] for i in task.indices]


def _ocr_page(task: PageTask, image, dpi: int | None, width: float, height: float,
              pixels: bool) -> Outcome:
    result = ocr.ocr_image(image, dpi, task.ocr)
    if result.blank:
        return Outcome(task.index, Page(task.source, task.index + 1, text_source="empty",
                                        width=width, height=height, rotation=0))
    if pixels:
        width, height = float(result.width), float(result.height)
    elif result.rotation in (90, 270):
        width, height = height, width
    chars = len(result.text.strip())
    confidence = result.confidence
    needs_review = (confidence is None or confidence < task.ocr.review_confidence
                    or chars < task.ocr.review_min_chars)
    page = Page(task.source, task.index + 1, text=result.text, words=result.words,
                text_source="ocr" if chars else "empty", ocr_confidence=confidence,
                rotation=result.rotation, width=width, height=height,
                needs_review=needs_review)
    return Outcome(task.index, page, result.tesseract_runs)


def ocr_pdf_page(task: PageTask) -> Outcome:
    _limit_threads()
    try:
        document = pdf.open_pdf(task.path)
    except pdf.PdfOpenError as exc:
        return Outcome(task.index, error_page(task.source, task.index, str(exc)))
    try:
        try:
            image, width, height = pdf.render_page(document, task.index, task.ocr.dpi,
                                                   task.max_pixels)
        except ValueError as exc:
            return Outcome(task.index, error_page(task.source, task.index, str(exc)))
        except Exception as exc:
            return Outcome(task.index, error_page(
                task.source, task.index, f"the page cannot be rendered ({type(exc).__name__}: "
                "it is probably damaged): re-export or re-scan this page and run again"))
    finally:
        document.close()
    try:
        return _ocr_page(task, image, task.ocr.dpi, width, height, pixels=False)
    except ocr.OcrError as exc:
        return Outcome(task.index, error_page(task.source, task.index, str(exc)))


def ocr_image_page(task: PageTask) -> Outcome:
    _limit_threads()
    try:
        image, dpi = images.load_frame(task.path, task.index, task.max_pixels)
    except images.ImageOpenError as exc:
        return Outcome(task.index, error_page(task.source, task.index, str(exc)))
    width, height = float(image.width), float(image.height)
    if task.ocr.mode == "off":
        return Outcome(task.index, Page(task.source, task.index + 1, text_source="empty",
                                        needs_review=True, width=width, height=height))
    try:
        return _ocr_page(task, image, dpi, width, height, pixels=True)
    except ocr.OcrError as exc:
        return Outcome(task.index, error_page(task.source, task.index, str(exc)))

"""Render a GeneratedDoc to text-layer PDF bytes with reportlab platypus."""

from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.lib.pagesizes import letter
from reportlab.lib.units import inch
from reportlab.platypus import SimpleDocTemplate

from .base import GeneratedDoc

PAGE_W, PAGE_H = letter


def _page_callback(doc: GeneratedDoc, page_count: int, bates: tuple[str, int] | None,
                   extra: list[Callable]) -> Callable:
    def draw(canvas, tmpl):
        n = canvas.getPageNumber()
        canvas.saveState()
        if doc.header:
            canvas.setFont("Helvetica", 8)
            canvas.drawString(0.75 * inch, PAGE_H - 0.45 * inch,
                              doc.header.format(page=n, pages=page_count))
        if doc.footer:
            canvas.setFont("Helvetica", 8)
            canvas.drawCentredString(PAGE_W / 2, 0.45 * inch,
                                     doc.footer.format(page=n, pages=page_count))
        if bates:
            prefix, start = bates
            canvas.setFont("Helvetica-Bold", 8)
            canvas.drawRightString(PAGE_W - 0.5 * inch, 0.3 * inch, f"{prefix}{start + n - 1:06d}")
        canvas.restoreState()
        for deco in list(doc.decorations) + list(extra):
            canvas.saveState()
            deco(canvas, n, page_count)
            canvas.restoreState()
    return draw


def _build(doc: GeneratedDoc, page_count: int, bates, extra) -> tuple[bytes, int]:
    buf = io.BytesIO()
    tmpl = SimpleDocTemplate(buf, pagesize=letter, leftMargin=0.8 * inch, rightMargin=0.8 * inch,
                             topMargin=0.75 * inch, bottomMargin=0.8 * inch,
                             invariant=1, title="", author="", creator="", producer="")
    cb = _page_callback(doc, page_count, bates, extra)
    # platypus consumes flowables (splitting tables/paragraphs); give it a copy each build
    tmpl.build(list(doc.flowables), onFirstPage=cb, onLaterPages=cb)
    return buf.getvalue(), tmpl.page


def render(doc: GeneratedDoc, *, bates: tuple[str, int] | None = None,
           extra: list[Callable] | None = None) -> tuple[bytes, int]:
    """PDF bytes and page count. Renders twice so "Page N of M" knows M."""
    import copy
    extra = extra or []
    first, pages = _build(copy.deepcopy(doc), 0, bates, extra)
    if not ((doc.header and "{pages}" in doc.header) or (doc.footer and "{pages}" in doc.footer)
            or doc.decorations or extra):
        return first, pages
    out, pages2 = _build(copy.deepcopy(doc), pages, bates, extra)
    assert pages2 == pages
    return out, pages

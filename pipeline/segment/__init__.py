"""Segment stage: split each source's page stream into documents.

``signals.py`` holds one function per boundary signal, ``boundaries.py`` the sequence pass.
A document never spans two sources; a run of blank separator pages is a document of its own.
"""

from __future__ import annotations

from pipeline.model import ClaimFile, Document
from pipeline.segment.boundaries import Span, split_pages

__all__ = ["split_documents", "split_pages", "Span"]


def split_documents(claim: ClaimFile) -> None:
    """Fill ``claim.documents`` (D001, D002, ...) in source order, then page order."""
    by_source: dict[str, list] = {}
    for page in claim.pages:
        by_source.setdefault(page.source, []).append(page)
    order = [s.path for s in claim.sources if s.path in by_source]
    order += [name for name in by_source if name not in order]
    claim.documents = []
    for source in order:
        for span in split_pages(by_source[source]):
            claim.documents.append(Document(
                id=f"D{len(claim.documents) + 1:03d}", source=span.source,
                page_start=span.page_start, page_end=span.page_end,
                segmentation=span.signals))

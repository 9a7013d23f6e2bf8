"""Duplicate documents: a later document that repeats an earlier one.

Two documents are copies when their non-blank pages line up one to one with high text
similarity (rapidfuzz, after dropping fax transmission lines, page counters and Bates-style
stamps that differ between copies) AND they carry the same dates: cloned progress notes share
most of their words but not their date of service, so they are not duplicates. The later copy
gets ``duplicate_of`` (the earliest copy's id) and a ``duplicate_detail`` such as
"pages 12-14 match pages 3-5, 97% text similarity".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from pipeline.extract.dates import find_dates
from pipeline.model import ClaimFile, Document, Page
from pipeline.segment.features import is_blank, is_fax_header, read_page_of

#: mean page text similarity (0-100, weighted by page length) at which two documents are copies
MIN_SIMILARITY = 90.0
#: share of the dates two copies must have in common (Jaccard) when both state dates
MIN_DATE_OVERLAP = 0.6
#: copies have about the same amount of text (OCR adds or drops a little)
MAX_LENGTH_RATIO = 1.3
_STAMP = re.compile(r"^\W*[A-Z]{0,6}\s?\d{4,}\W*$")     # Bates numbers, bare page stamps


@dataclass
class _Copy:
    doc: Document
    pages: list[Page]
    texts: list[str]
    dates: frozenset

    @property
    def length(self) -> int:
        return sum(len(t) for t in self.texts)


def comparable_text(page: Page) -> str:
    """Page text without the lines that differ between copies of the same paper."""
    kept = []
    for line in page.text.splitlines():
        line = line.strip()
        if not line or is_fax_header(line) or _STAMP.match(line):
            continue
        if read_page_of(line) and len(line.split()) <= 6:
            continue
        kept.append(line)
    return " ".join(" ".join(kept).lower().split())


def page_similarity(a: list[str], b: list[str]) -> float:
    """Length-weighted mean similarity of aligned pages (0-100)."""
    total = sum(len(x) + len(y) for x, y in zip(a, b))
    if not total:
        return 0.0
    return sum(fuzz.ratio(x, y) * (len(x) + len(y)) for x, y in zip(a, b)) / total


def dates_agree(a: frozenset, b: frozenset) -> bool:
    if not a or not b:
        return a == b
    return len(a & b) / len(a | b) >= MIN_DATE_OVERLAP


def _span(pages: list[Page]) -> str:
    first, last = pages[0].number, pages[-1].number
    return f"page {first}" if first == last else f"pages {first}-{last}"


def _detail(later: _Copy, earlier: _Copy, similarity: float) -> str:
    text = f"{_span(later.pages)} match {_span(earlier.pages)}"
    if later.doc.source != earlier.doc.source:
        text += f" of {earlier.doc.source}"
    return f"{text}, {similarity:.0f}% text similarity"


def _copy_of(claim: ClaimFile, doc: Document) -> _Copy | None:
    pages = [p for p in claim.pages_of(doc) if not is_blank(p)]
    if not pages:
        return None
    texts = [comparable_text(p) for p in pages]
    dates = frozenset(m.value for p in pages for m in find_dates(p.text))
    return _Copy(doc, pages, texts, dates)


def is_duplicate(later: _Copy, earlier: _Copy) -> float | None:
    """The similarity when ``later`` is a copy of ``earlier``, else None."""
    if len(later.pages) != len(earlier.pages):
        return None
    short, long_ = sorted((later.length, earlier.length))
    if not short or long_ / short > MAX_LENGTH_RATIO:
        return None
    if later.doc.date and earlier.doc.date and later.doc.date != earlier.doc.date:
        return None
    if not dates_agree(later.dates, earlier.dates):
        return None
    similarity = page_similarity(later.texts, earlier.texts)
    return similarity if similarity >= MIN_SIMILARITY else None


def find_duplicates(claim: ClaimFile) -> None:
    originals: list[_Copy] = []
    for doc in claim.documents:
        copy = _copy_of(claim, doc)
        if copy is None:
            continue
        for earlier in originals:
            similarity = is_duplicate(copy, earlier)
            if similarity is not None:
                doc.duplicate_of = earlier.doc.id
                doc.duplicate_detail = _detail(copy, earlier, similarity)
                break
        else:
            originals.append(copy)

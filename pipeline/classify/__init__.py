"""Classify stage: give each document a contract type, a confidence and a title.

Built on ``spacy.blank("en")`` and the pattern component of ``patterns.py`` (patterns in
``models/doc_types.jsonl``, shared with segmentation). One spaCy Doc per page, via
``nlp.pipe``; the per-type scores are summed in ``scoring.py``.
"""

from __future__ import annotations

import logging

from pipeline.classify.patterns import coverage, find_hits, title_hits
from pipeline.classify.scoring import DocumentEvidence, Verdict, decide
from pipeline.model import ClaimFile, Document, Page

log = logging.getLogger(__name__)

#: pages of a long document read for cues: the first few and the last one
FIRST_PAGES = 4
#: a separator sheet ("MEDICAL RECORDS") is "other" however its words read
SLIP_SHEET_CONFIDENCE = 0.8
#: a heading covering this share of its line is a full title line (ranked before partial ones)
FULL_LINE = 0.6

__all__ = ["classify_documents", "classify_pages", "Verdict"]


def _pages_to_read(pages: list[Page]) -> list[Page]:
    if len(pages) <= FIRST_PAGES + 1:
        return pages
    return pages[:FIRST_PAGES] + pages[-1:]


def classify_pages(pages: list[Page]) -> Verdict:
    """Type one document from its pages (in order)."""
    # imported here: pipeline.segment imports this package's patterns module
    from pipeline.segment.features import is_slip_sheet_text
    readable = [p for p in pages if p.text.strip()]
    if not readable:
        if pages and all(p.text_source != "error" for p in pages):
            return Verdict("other", SLIP_SHEET_CONFIDENCE, None, {}, False)  # blank separator
        return decide(DocumentEvidence())
    if all(is_slip_sheet_text(p.text) for p in readable):
        text = " ".join(" ".join(p.text for p in readable).split())
        return Verdict("other", SLIP_SHEET_CONFIDENCE, text, {}, False)
    chosen = _pages_to_read(readable)
    hits = find_hits([p.text for p in chosen])
    found, lines, refs = _heading_titles(readable[0])
    letter = _is_letter(readable[0], hits[0])
    if letter and not found and not refs and len(readable) > 1:
        # a cover letter fronting a report: the report's own title page names the document
        found, lines, refs = _heading_titles(readable[1])
    verdict = decide(DocumentEvidence([hit for _, hit in found], hits, letter=letter,
                                      reference_titles=[hit for _, hit in refs]))
    heading = next((lines[i].text for i, hit in found if hit.type == verdict.type), None)
    if heading:
        verdict.title = " ".join(heading.split())[:120]
    return verdict


def _heading_titles(page: Page):
    from pipeline.segment.features import TITLED_FAX_COVER_MAX_CHARS
    from pipeline.segment.layout import head_lines, page_lines

    lines = [line.text for line in head_lines(page, page_lines(page))]
    # a short page headed "Fax Cover Sheet" is the cover sheet, whoever's letterhead is above
    # it ("Valley Physical Therapy", "... Imaging Center" name the sender, not the document)
    short = page.chars <= TITLED_FAX_COVER_MAX_CHARS
    # the heading that fills its line best names the document (a letterhead's "... Utilization
    # Review Services" or "Doctor of Chiropractic" fills less of its line than the title does)
    found = sorted(title_hits(lines, fuzzy=page.text_source == "ocr"),
                   key=lambda f: (not (short and f[1].role == "fax_cover"),
                                  coverage(lines[f[0]], f[1]) < FULL_LINE, f[0]))
    return found, [_Text(line) for line in lines], title_hits(lines, reference=True)


class _Text:
    def __init__(self, text: str):
        self.text = text


def _is_letter(page: Page, hits) -> bool:
    """A letter: a salutation, or a transmittal phrase ("enclosed please find ..."), and no
    fax-cover heading."""
    from pipeline.segment.features import SALUTATION

    if any(h.role == "fax_cover" for h in hits):
        return False
    return (any(h.role in ("transmittal", "own_report_cover") for h in hits)
            or any(SALUTATION.match(line) for line in page.text.splitlines()))


def classify_documents(claim: ClaimFile) -> None:
    for doc in claim.documents:
        verdict = classify_pages(claim.pages_of(doc))
        _apply(doc, verdict)
        log.debug("%s: %s (%.2f)", doc.id, doc.type, doc.confidence)


def _apply(doc: Document, verdict: Verdict) -> None:
    doc.type = verdict.type
    doc.confidence = verdict.confidence
    doc.title = verdict.title
    doc.needs_review = doc.needs_review or verdict.needs_review

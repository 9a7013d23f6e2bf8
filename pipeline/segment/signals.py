"""Segmentation signals: one function per signal, each a pure function of two pages' features.

Each returns a weight (positive: this page opens a document; negative: it continues the one
before; 0: no opinion). ``boundaries.py`` adds them up and applies the sequence rules (page
chains, fax covers, cover letters). The names of the signals that fired become
``Document.segmentation``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz

from pipeline.segment.features import PageFeatures

#: the sum of signal weights at or above which a page opens a new document
START_THRESHOLD = 1.0


@dataclass(frozen=True)
class Context:
    page: PageFeatures
    prev: PageFeatures | None       # the previous non-blank page of the same source
    after_blank: bool = False          # one or more blank pages lie between prev and page


def title_at_top(ctx: Context) -> float:
    """A form or report title heads the page. Repeated from the page before, it may be a
    running header, so it counts less and needs another signal to open a document."""
    if not ctx.page.titles:
        return 0.0
    if ctx.page.service_page:
        return 0.0
    prev_types = ctx.prev.title_types if ctx.prev else set()
    if ctx.page.title_types - prev_types:
        return 1.0
    return 0.6


def reference_title(ctx: Context) -> float:
    """"Re: Panel Qualified Medical Evaluation" in the heading block, when no title heads the
    page: a letter-style report names itself (or a letter names its subject). Weak alone."""
    if ctx.page.titles or not ctx.page.reference_titles:
        return 0.0
    types = {h.type for h in ctx.page.reference_titles}
    before = {h.type for h in ctx.prev.reference_titles} if ctx.prev else set()
    return 0.0 if types <= before else 0.6


def page_one(ctx: Context) -> float:
    """"Page 1 of N" (or "- 1 -", "Page 1"): a page counter that starts again. A counter
    without a total is weaker: it needs one more signal."""
    here = ctx.page.page_of
    if here and here[0] == 1:
        return 1.0 if here[1] else 0.7
    return 0.0


def page_chain(ctx: Context) -> float:
    """"Page k of N" following "Page k-1 of N": the same document goes on."""
    here = ctx.page.page_of
    if not here or here[0] == 1:
        return 0.0
    before = ctx.prev.page_of if ctx.prev else None
    if before and before[0] + 1 == here[0] and (before[1] == here[1] or not (before[1] and
                                                                              here[1])):
        return -3.0
    return -0.5          # says it is page k>1 of something: a continuation, chain broken


def chain_complete(ctx: Context) -> float:
    """The page before was the last of its "Page N of N" counter."""
    before = ctx.prev.page_of if ctx.prev else None
    if before and before[1] and before[0] == before[1]:
        return 0.5
    return 0.0


def prev_fax_cover(ctx: Context) -> float:
    """A fax cover sheet is a document of its own: what follows it starts anew."""
    return 4.0 if ctx.prev and ctx.prev.fax_cover else 0.0


def fax_cover(ctx: Context) -> float:
    return 1.5 if ctx.page.fax_cover else 0.0


def fax_sender_change(ctx: Context) -> float:
    """A fax header appears, or its sender line differs from the page before."""
    here = ctx.page.fax_sender
    before = ctx.prev.fax_sender if ctx.prev else None
    if here is None:
        return 0.0
    if before is None:
        return 0.5
    if here and before and fuzz.ratio(here, before) < 80:
        return 0.5
    return 0.0


def claim_number_change(ctx: Context) -> float:
    """Another claim number than the page before: another claimant's or another file's paper."""
    here = ctx.page.claim_number
    before = ctx.prev.claim_number if ctx.prev else None
    if here and before and here != before:
        return 0.7
    return 0.0


def service_date_change(ctx: Context) -> float:
    """A date-of-service label near the top with another value than the page before."""
    here = ctx.page.dos
    before = ctx.prev.dos if ctx.prev else None
    if here and before and here != before:
        return 0.4
    return 0.0


def visit_change(ctx: Context) -> float:
    """Another visit number than the page before ("Visit #: 4" then "Visit #: 5"): the note of
    another therapy or chiropractic visit."""
    here = ctx.page.visit
    before = ctx.prev.visit if ctx.prev else None
    if here is not None and before is not None and here != before:
        return 0.5
    return 0.0


def letter_opening(ctx: Context) -> float:
    """A salutation in the upper half of the page: a letter (or a report written as one)
    begins here; with a date line in the heading block, it surely does."""
    if not ctx.page.salutation:
        return 0.0
    return 1.0 if ctx.page.date_line else 0.6


def slip_sheet(ctx: Context) -> float:
    """A separator sheet ("MEDICAL RECORDS") stands alone, and what follows it starts anew."""
    if ctx.page.slip_sheet:
        return 2.0
    if ctx.prev and ctx.prev.slip_sheet:
        return 2.0
    return 0.0


def prev_closing(ctx: Context) -> float:
    """The page before ended a letter or report (signature, declaration, "end of report")."""
    return 0.4 if ctx.prev and ctx.prev.closing else 0.0


def after_blank(ctx: Context) -> float:
    """A blank separator sheet lies before this page."""
    return 0.3 if ctx.after_blank else 0.0


def service_page(ctx: Context) -> float:
    """A proof of service belongs to the document it serves (the one before)."""
    return -1.0 if ctx.page.service_page else 0.0


def letterhead_change(ctx: Context) -> float:
    """Top lines unlike the page before's while this page carries a title or opens a letter:
    a new letterhead.
    Alike top lines (a running header) argue for continuation when no title fired."""
    here, before = ctx.page.top_text, (ctx.prev.top_text if ctx.prev else "")
    if len(here) < 15 or len(before) < 15:
        return 0.0
    similarity = fuzz.ratio(here, before)
    if similarity >= 90 and not ctx.page.titles and not claim_number_change(ctx):
        return -0.4
    if similarity < 40 and (ctx.page.titles or ctx.page.salutation):
        return 0.2
    return 0.0


#: every signal, in the order their names are reported
SIGNALS: dict[str, Callable[[Context], float]] = {
    "title": title_at_top,
    "reference_title": reference_title,
    "page_1_of_n": page_one,
    "page_chain": page_chain,
    "chain_complete": chain_complete,
    "after_fax_cover": prev_fax_cover,
    "fax_cover": fax_cover,
    "fax_header_change": fax_sender_change,
    "claim_number_change": claim_number_change,
    "service_date_change": service_date_change,
    "visit_change": visit_change,
    "previous_page_closed": prev_closing,
    "letter_opening": letter_opening,
    "slip_sheet": slip_sheet,
    "after_blank": after_blank,
    "proof_of_service": service_page,
    "letterhead_change": letterhead_change,
}


def evaluate(ctx: Context) -> dict[str, float]:
    """The weight of every signal that fired (non-zero)."""
    out = {}
    for name, signal in SIGNALS.items():
        weight = signal(ctx)
        if weight:
            out[name] = weight
    return out

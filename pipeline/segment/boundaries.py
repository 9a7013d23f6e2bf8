"""The sequence pass: from per-page signals to document spans of one source.

Rules, in order:

1. The first page of a source opens a document (a document never spans two sources).
2. A non-blank page opens a document when its signals (``signals.py``) add up to
   ``START_THRESHOLD``. A "Page k of N" chain outweighs a title (running headers repeat titles);
   only the page after a fax cover sheet overrides a chain (fax pages count the whole fax).
3. A run of blank pages is a separator sheet: a document of its own (type "other", as the
   ground-truth conventions of sample_docs/TRUTH_FORMAT.md say), and the next page opens a
   document. Only when the page after the blanks continues the "Page k of N" chain of the page
   before them are the blanks part of that document (a blank back side inside a report).
   A labelled separator sheet ("MEDICAL RECORDS", a few words and nothing else) likewise
   stands alone (signal ``slip_sheet``).
4. A fax cover sheet is its own one-page document (type correspondence); the documents of the
   fax behind it are split on their own signals.
5. A cover letter in which a physician sends their own report ("enclosed is my report ...",
   or the same letterhead as the report) is the report's first page: the report's title page
   that follows does not open another document. Likewise a letter that sends the sender's own
   record (an employer enclosing its job description or wage statement): the letter names
   the kind of record, the record follows on the next page, and the two share a letterhead
   or a footer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz

from pipeline.model import Page
from pipeline.segment import signals as sig
from pipeline.segment.features import PageFeatures, features_of

#: document types a physician's own cover letter may precede (rule 5)
REPORT_TYPES = frozenset({
    "qme_report", "ame_report", "treating_report", "doctor_first_report", "imaging_report",
    "diagnostic_report", "operative_report", "therapy_note",
})
#: records a sender (the employer) keeps and encloses with its own letter (rule 5)
SENDER_RECORD_TYPES = frozenset({"job_description", "wage_statement"})
#: top-line similarity (0-100) at which a cover letter and a report share a letterhead
SAME_LETTERHEAD = 80
#: shortest letterhead / footer text (letters) worth comparing
MIN_SENDER_TEXT = 15


@dataclass
class Span:
    source: str
    page_start: int
    page_end: int
    signals: list[str] = field(default_factory=list)


@dataclass
class _Start:
    index: int
    signals: dict[str, float]


def split_pages(pages: list[Page]) -> list[Span]:
    """Split the pages of ONE source (any order) into spans covering every page."""
    if not pages:
        return []
    pages = sorted(pages, key=lambda p: p.number)
    return split_features(features_of(pages))


def split_features(feats: list[PageFeatures]) -> list[Span]:
    starts: list[_Start] = [_Start(0, {"source_start": 1.0})]
    prev: PageFeatures | None = None
    blank_run: list[int] = []              # indexes of the blank pages since ``prev``
    for index, page in enumerate(feats):
        if page.blank:
            blank_run.append(index)
            continue
        fired = sig.evaluate(sig.Context(page, prev, bool(blank_run)))
        if blank_run and fired.get("page_chain", 0) > -sig.START_THRESHOLD:
            # a separator sheet: the blank run is a document of its own, what follows starts
            if blank_run[0] != 0:
                starts.append(_Start(blank_run[0], {"blank_separator": 1.0}))
            else:
                starts[0].signals["blank_separator"] = 1.0
            starts.append(_Start(index, fired))
        elif prev is None and not blank_run:   # first page of the source
            starts[0].signals.update({k: v for k, v in fired.items() if v > 0})
        elif prev is not None and sum(fired.values()) >= sig.START_THRESHOLD:
            starts.append(_Start(index, fired))
        prev, blank_run = page, []
    if blank_run and prev is not None:         # blank pages closing the source
        starts.append(_Start(blank_run[0], {"blank_separator": 1.0}))

    starts = _merge_cover_letters(starts, feats)
    spans = []
    for number, start in enumerate(starts):
        end = starts[number + 1].index - 1 if number + 1 < len(starts) else len(feats) - 1
        names = [name for name, weight in start.signals.items() if weight > 0]
        spans.append(Span(feats[start.index].source, feats[start.index].number,
                          feats[end].number, names))
    return spans


def _merge_cover_letters(starts: list[_Start], feats: list[PageFeatures]) -> list[_Start]:
    out: list[_Start] = []
    for start in starts:
        if out and _is_own_cover_letter(out[-1], start, feats):
            out[-1].signals["cover_letter"] = 1.0
            continue
        out.append(start)
    return out


def _is_own_cover_letter(letter: _Start, report: _Start, feats: list[PageFeatures]) -> bool:
    cover, page = feats[letter.index], feats[report.index]
    if cover.fax_cover or not (cover.transmittal or cover.own_report_cover):
        return False
    if cover.titles and not (cover.title_types <= {"correspondence"}):
        return False                          # the "letter" is itself a titled document
    if report.index - letter.index > 2 or "after_fax_cover" in report.signals:
        return False
    if _encloses_own_record(cover, page, report.index - letter.index):
        return True
    if not (page.title_types & REPORT_TYPES):
        return False
    if page.page_of and page.page_of[0] == 1 and cover.page_of is None:
        same_head = fuzz.ratio(cover.top_text, page.top_text) >= SAME_LETTERHEAD
        return same_head and cover.own_report_cover
    if cover.own_report_cover:
        return True
    return fuzz.ratio(cover.top_text, page.top_text) >= SAME_LETTERHEAD


def _encloses_own_record(cover: PageFeatures, page: PageFeatures, distance: int) -> bool:
    """The letter names the kind of record that heads the very next page, and both pages
    come from the same sender (alike letterhead or alike footer)."""
    kinds = page.title_types & (REPORT_TYPES | SENDER_RECORD_TYPES)
    if distance != 1 or not cover.transmittal or not (kinds & cover.mentioned_types):
        return False
    return _alike(cover.top_text, page.top_text) or _alike(cover.bottom_text, page.bottom_text)


def _alike(one: str, other: str) -> bool:
    if len(one) < MIN_SENDER_TEXT or len(other) < MIN_SENDER_TEXT:
        return False
    return fuzz.ratio(one, other) >= SAME_LETTERHEAD

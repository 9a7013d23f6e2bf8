"""Tests of pipeline/extract/evidence.py: quotes and boxes behind extracted values."""

import re

from pipeline.extract.evidence import (
    MAX_QUOTE,
    find_evidence,
    first_found,
    locate,
    quote_at,
    word_spans,
)
from pipeline.model import Document, Page, Word


def _page(text, words=None):
    return Page(source="claim.pdf", number=3, text=text, words=words or [],
                text_source="text_layer")


def test_quote_is_the_line_around_the_span():
    page = _page("UTILIZATION REVIEW\nDate of Decision:   04/02/2025\nReviewer: Dr. Cho")
    start = page.text.index("04/02/2025")
    ev = quote_at(page, start, start + 10, document="D001")
    assert ev.quote == "Date of Decision: 04/02/2025"
    assert (ev.source, ev.page, ev.document) == ("claim.pdf", 3, "D001")
    assert ev.box is None


def test_long_lines_are_trimmed_around_the_span():
    line = "word " * 60 + "DOI 03/12/2024 " + "more " * 60
    page = _page(line)
    start = line.index("03/12/2024")
    ev = quote_at(page, start, start + 10)
    assert len(ev.quote) <= MAX_QUOTE
    assert "DOI 03/12/2024" in ev.quote
    assert ev.quote.startswith("…") and ev.quote.endswith("…")


def test_box_is_the_union_of_the_words_of_the_span():
    words = [Word("Date:", (0.1, 0.1, 0.2, 0.12)), Word("April", (0.22, 0.1, 0.3, 0.12)),
             Word("2,", (0.31, 0.1, 0.33, 0.12)), Word("2025", (0.34, 0.1, 0.4, 0.125)),
             Word("Dear", (0.1, 0.2, 0.2, 0.22))]
    page = _page("Date: April 2, 2025\nDear Ms. Gonzalez", words)
    start = page.text.index("April")
    ev = quote_at(page, start, start + len("April 2, 2025"))
    assert ev.box == (0.22, 0.1, 0.4, 0.125)
    assert len(word_spans(page)) == 5


def test_find_evidence_first_match_or_none():
    page = _page("Claim No.: 05-123456\nADJ11223344")
    ev = find_evidence(page, r"ADJ\d+")
    assert ev is not None and ev.quote == "ADJ11223344"
    assert find_evidence(page, re.compile("missing")) is None


def test_out_of_range_spans_are_clamped():
    page = _page("short")
    assert quote_at(page, -5, 99).quote == "short"


def test_locate_maps_an_offset_of_joined_pages_back_to_its_page():
    pages = [_page("first page"), Page("claim.pdf", 4, "second page")]
    joined = "\n\f\n".join(p.text for p in pages)
    page, offset = locate(pages, joined.index("second"))
    assert page.number == 4 and offset == 0


def test_first_found_cites_the_first_page_that_yields_a_value():
    pages = [_page("No case number on this page."), _page("IMR case CM25-0012345 assigned.")]
    pages[0].number, pages[1].number = 1, 2
    doc = Document(id="D1", source="a.pdf", page_start=1, page_end=2, type="imr_notice")

    def finder(text):
        m = re.search(r"CM\d{2}-\d{7}", text)
        return (m.group(0), m.start(), m.end()) if m else None

    assert first_found(doc, "imr.case_number", pages, finder) == "CM25-0012345"
    assert doc.provenance["imr.case_number"].page == 2
    assert "CM25-0012345" in doc.provenance["imr.case_number"].quote
    assert first_found(doc, "imr.jcn", pages[:1], finder) is None
    assert "imr.jcn" not in doc.provenance

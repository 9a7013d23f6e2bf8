"""What segmentation needs to know about one page, computed once per page.

The pattern matching (titles, closing markers, fax-cover cues) uses the shared spaCy pipeline
of ``pipeline.classify.patterns`` so a title that opens a document is the same title that types
it. The rest are small regular expressions for layout facts: page numbers, fax headers, the
claim number and date-of-service labels (compared as text, never parsed as dates here).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.classify.patterns import Hit, line_hits, normalize, titles_of
from pipeline.extract.dates import find_dates
from pipeline.model import Page
from pipeline.segment.layout import (
    Line,
    bottom_lines,
    has_boxes,
    head_lines,
    lower_part,
    page_lines,
    top_lines,
)

#: fewer printable characters than this (and no words) make a page blank
BLANK_CHARS = 8
_INTENTIONALLY_BLANK = re.compile(r"^\W*(this\s+page\s+)?(intentionally\s+)?left\s+blank\W*$",
                                  re.I)

# "Page 2 of 5", "Pg. 2/5", "page | of 4" (OCR: | I l for 1, O for 0)
_NUM = r"[0-9Il|Oo]{1,4}"
_PAGE_OF = re.compile(rf"\b(?:page|pg|p)\s*\.?\s*({_NUM})\s*(?:of|/)\s*({_NUM})\b", re.I)
_BARE_OF = re.compile(rf"^\W*({_NUM})\s+of\s+({_NUM})\W*$", re.I)
# counters without a total: "- 3 -", "Page 3", "PR-2 - page 2", a lone "3" at the foot
_PAGE_K = re.compile(rf"(?:^|\s|\W)(?:page|pg\.?)\s*({_NUM})\s*$", re.I)
_DASHED_K = re.compile(rf"^\s*[-\u2013]\s*({_NUM})\s*[-\u2013]\s*$")
_LONE_K = re.compile(r"^\s*(\d{1,3})\s*$")
_OCR_DIGITS = str.maketrans({"I": "1", "l": "1", "|": "1", "O": "0", "o": "0"})

_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
_FAX_WORD = re.compile(r"\b(fax|facsimile|from\s*:|to\s*:)", re.I)
_FAX_PAGE = re.compile(r"\bp(?:age|g)?\.?\s*\d+\s*(?:/|of)\s*\d+", re.I)
#: a telephone number (10 digits, any usual punctuation) and a fax counter "P. 2", "P.002/004"
_PHONE = re.compile(r"(?<!\d)\(?\d{3}\)?[\s.-]*\d{3}[\s.-]*\d{4}(?!\d)")
_FAX_STAMP_PAGE = re.compile(r"\bp(?:age|g)?\.?\s*\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\b", re.I)
_SENDER_NOISE = re.compile(
    r"\b(page|pg|p|of|am|pm|fax|from|to|facsimile|tel|phone|ph)\b|[^A-Za-z ]+", re.I)

_CLAIM_NO = re.compile(
    r"\bclaim\s*(?:no\.?|number|num\.?|#)\s*[:#.]?\s*([A-Z0-9][A-Z0-9-]{4,})", re.I)
_DOS = re.compile(
    r"\b(?:date of service|d\.?o\.?s\.?|date of (?:exam|examination|visit|evaluation)|"
    r"visit date|exam date)\s*[:#]?\s*([A-Za-z0-9,/.\-+=_ ]{6,20})", re.I)
#: OCR reads a date's separator as "+", "=" or "_" ("07+23-2025")
_OCR_DATE_SEP = re.compile(r"(?<=\d)[+=_](?=\d)")
#: a therapy or chiropractic visit counter: "Visit #: 4 / 18", "Visit No. 7", "Visit 5 of 12"
_VISIT = re.compile(r"\bvisit\W{0,2}(?:#|no\b\.?|number)\W{0,3}(\d{1,3})\b|"
                    r"\bvisit\s+(\d{1,3})\s*(?:of|/)\s*\d{1,3}\b", re.I)


SALUTATION = re.compile(r"^\W*(dear\b|to whom it may concern|to all parties|ladies and gentlemen)",
                         re.I)
#: a non-blank page with at most this many words (and no numbers) is a separator sheet
SLIP_SHEET_WORDS = 6


_BATES = re.compile(r"^[A-Z]{0,10}[-_]?\d{4,}$")


def is_slip_sheet_text(text: str) -> bool:
    """A labelled separator sheet: a few words ("MEDICAL RECORDS"), no numbers except a Bates
    stamp."""
    words = text.split()
    if len(words) > SLIP_SHEET_WORDS * 3:
        return False
    words = [w for w in words if not _BATES.match(w)]
    return (0 < len(words) <= SLIP_SHEET_WORDS and not any(c.isdigit() for w in words for c in w)
            and not read_page_number(" ".join(words)))


@dataclass
class PageFeatures:
    source: str
    number: int
    blank: bool
    lines: list[Line] = field(default_factory=list)
    #: (type, hit) of title patterns heading a line near the top
    titles: list[Hit] = field(default_factory=list)
    #: titles given after "Re:" / "Subject:" in the heading block
    reference_titles: list[Hit] = field(default_factory=list)
    #: "Page k of N" read outside the fax header: (k, N); N is 0 for "Page k" / "- k -"
    page_of: tuple[int, int] | None = None
    fax_sender: str | None = None       # normalized fax-header text, None without a header
    claim_number: str | None = None
    dos: str | None = None              # the raw value after a date-of-service label
    visit: int | None = None            # a visit counter near the top ("Visit #: 4 / 18")
    closing: bool = False                  # a signature / closing marker in the lower part
    service_page: bool = False             # a proof/declaration of service heads the page
    fax_cover: bool = False
    transmittal: bool = False              # "enclosed please find ..."
    own_report_cover: bool = False         # "enclosed is my report ..."
    top_text: str = ""                     # top lines without fax header / page numbers / digits
    bottom_text: str = ""                  # the same for the footer lines (fax lines left out)
    #: document types whose title phrases the page names anywhere ("enclosing the job
    #: description"): what a letter speaks of or encloses
    mentioned_types: set[str] = field(default_factory=set)
    #: "Dear ...", "To all parties:" in the upper half, "enclosed please find" above 60%
    salutation: bool = False
    slip_sheet: bool = False               # a separator sheet: a few words, nothing else
    date_line: bool = False                # a line that is only a date in the heading block
    chars: int = 0

    @property
    def title_types(self) -> set[str]:
        return {h.type for h in self.titles if h.type}

    @property
    def first_title(self) -> Hit | None:
        return self.titles[0] if self.titles else None


def read_page_of(text: str) -> tuple[int, int] | None:
    """``(k, N)`` from "Page k of N" written any common way, or None."""
    match = _PAGE_OF.search(text) or _BARE_OF.match(text)
    if not match:
        return None
    try:
        k = int(match.group(1).translate(_OCR_DIGITS))
        n = int(match.group(2).translate(_OCR_DIGITS))
    except ValueError:
        return None
    if 1 <= k <= n <= 999:
        return (k, n)
    return None


def read_page_number(text: str, lone: bool = False) -> tuple[int, int] | None:
    """``(k, 0)`` from a counter without a total ("- 3 -", "Page 3"); ``lone`` also accepts
    a bare number (only sensible for the last line of a page)."""
    match = _PAGE_K.search(text) or _DASHED_K.match(text) or (lone and _LONE_K.match(text))
    if not match:
        return None
    try:
        k = int(match.group(1).translate(_OCR_DIGITS))
    except ValueError:
        return None
    return (k, 0) if 1 <= k <= 999 else None


def is_date_line(text: str) -> bool:
    """A line that is a date and nothing else (a letter's date)."""
    found = find_dates(text)
    if len(found) != 1:
        return False
    rest = text[:found[0].start] + text[found[0].end:]
    return len(re.sub(r"[\W_]+", "", rest)) <= 2


def is_fax_header(line: str) -> bool:
    """A fax machine's transmission line: fax/from/to plus a time or a fax page counter."""
    return bool(_FAX_WORD.search(line) and (_TIME.search(line) or _FAX_PAGE.search(line)))


def is_fax_stamp(line: str) -> bool:
    """A fax machine's transmission line, labelled or not: a time of day, a telephone number and
    the fax's own page counter ("P. 2", "P.002/004"), as machines print them at the top or the
    bottom of every page they send. Its page counter counts the whole fax, not a document."""
    if is_fax_header(line):
        return True
    return bool(_TIME.search(line) and _PHONE.search(line) and _FAX_STAMP_PAGE.search(line))


def fax_sender(line: str) -> str:
    return " ".join(_SENDER_NOISE.sub(" ", line).lower().split())


def is_blank(page: Page) -> bool:
    text = page.text.strip()
    if len(text) < BLANK_CHARS:
        return True
    return bool(_INTENTIONALLY_BLANK.match(" ".join(text.split())))


def page_features(page: Page, lines: list[Line] | None = None,
                  per_line: list[list[Hit]] | None = None) -> PageFeatures:
    """Features of one page. ``lines`` and their pattern hits may be given when computed in
    a batch (``features_of``); otherwise they are computed here."""
    feats = PageFeatures(page.source, page.number, is_blank(page), chars=page.chars)
    if feats.blank:
        return feats
    lines = page_lines(page) if lines is None else lines
    if per_line is None:
        per_line = line_hits([[line.text for line in lines]])[0]
    hits_of = {id(line): hits for line, hits in zip(lines, per_line)}
    feats.lines = lines
    top = top_lines(page, lines)
    header_lines = [line for line in top[:3] if is_fax_header(line.text)]
    if header_lines:
        feats.fax_sender = fax_sender(header_lines[0].text)
    body_top = [line for line in top if line not in header_lines]

    # page counter: prefer the bottom of the page, never a fax machine's line (top or bottom)
    candidates = [line for line in reversed(bottom_lines(page, lines))] + body_top
    candidates += [line for line in lines[:6] + lines[-6:] if line not in header_lines]
    for line in candidates:
        if line in header_lines or is_fax_stamp(line.text):
            continue
        found = read_page_of(line.text)
        if found:
            feats.page_of = found
            break
    if feats.page_of is None:
        edge = [line for line in reversed(bottom_lines(page, lines))] + body_top[:2]
        for line in edge:
            if len(line.text.split()) > 6 or is_fax_stamp(line.text):
                continue
            found = read_page_number(line.text, lone=line is lines[-1])
            if found:
                feats.page_of = found
                break

    head = [line for line in head_lines(page, lines) if line not in header_lines]
    feats.date_line = any(is_date_line(line.text) for line in head)
    feats.reference_titles = [
        hit for _, hit in titles_of([line.text for line in head],
                                    [hits_of[id(line)] for line in head], reference=True)]
    feats.titles = [hit for _, hit in titles_of([line.text for line in head],
                                                [hits_of[id(line)] for line in head],
                                                fuzzy=page.text_source == "ocr")]
    top_text = " ".join(line.text for line in body_top
                        if not (read_page_of(line.text) or read_page_number(line.text)))
    feats.top_text = _letters_only(top_text)
    feats.bottom_text = _footer_text(page, lines)

    claim = _CLAIM_NO.search(page.text)
    if claim:
        feats.claim_number = claim.group(1).upper().translate(_OCR_DIGITS).replace("-", "")
    upper_text = "\n".join(line.text for line in lines[: max(len(lines) // 2, 8)])
    dos = _DOS.search(upper_text)
    if dos:
        value = _OCR_DATE_SEP.sub("-", dos.group(1))
        parsed = find_dates(value)
        feats.dos = (str(parsed[0].value) if parsed
                     else re.sub(r"\W+", "", value.lower().translate(_OCR_DIGITS)))
    visit = _VISIT.search(upper_text)
    if visit:
        feats.visit = int(visit.group(1) or visit.group(2))

    upper = [line for line in lines if line.top < 0.5]
    feats.salutation = any(SALUTATION.match(line.text) for line in upper) or any(
        h.role == "transmittal" for line in lines if line.top < 0.6 for h in hits_of[id(line)])
    feats.slip_sheet = is_slip_sheet_text(page.text)

    lower = lower_part(page, lines)
    feats.closing = any(h.role == "closing" for line in lower for h in hits_of[id(line)])
    feats.service_page = any(h.role == "service_page"
                             for line in body_top[:4] for h in hits_of[id(line)])
    whole = [h for hits in per_line for h in hits]
    feats.mentioned_types = {h.type for h in whole if h.type and h.kind == "title"}
    feats.transmittal = any(h.role == "transmittal" for h in whole)
    feats.own_report_cover = any(h.role == "own_report_cover" for h in whole)
    feats.fax_cover = _fax_cover(page, feats, whole)
    return feats


def _footer_text(page: Page, lines: list[Line]) -> str:
    """The running footer's words (a sender's name, "confidential personnel record"), without
    page counters and fax lines: the footer lines of a page with word boxes, else its last
    line that is not a fax line."""
    if has_boxes(page):
        foot = [line.text for line in bottom_lines(page, lines) if not is_fax_stamp(line.text)]
    else:
        foot = [line.text for line in lines[-3:] if not is_fax_stamp(line.text)][-1:]
    kept = [_PAGE_K.sub(" ", _PAGE_OF.sub(" ", text)) for text in foot]
    return _letters_only(" ".join(kept))


def _letters_only(text: str) -> str:
    return " ".join(re.sub(r"[^a-z ]+", " ", text.lower()).split())


def features_of(pages: list[Page]) -> list[PageFeatures]:
    """Features of many pages, with one batched spaCy pass over all of them."""
    lines = [[] if is_blank(p) else page_lines(p) for p in pages]
    hits = line_hits([[line.text for line in page_lines_] for page_lines_ in lines])
    return [page_features(page, page_lines_, per_line)
            for page, page_lines_, per_line in zip(pages, lines, hits)]


#: a fax cover sheet is short: a page with more text than this is a letter or a report
FAX_COVER_MAX_CHARS = 1500
#: ... unless a fax-cover title heads it: a titled cover sheet may carry a long list of
#: enclosures and a long confidentiality notice
TITLED_FAX_COVER_MAX_CHARS = 3000


def _fax_cover(page: Page, feats: PageFeatures, hits: list[Hit]) -> bool:
    titled = any(h.role == "fax_cover" for h in feats.titles)
    if page.chars > (TITLED_FAX_COVER_MAX_CHARS if titled else FAX_COVER_MAX_CHARS):
        return False
    if titled:
        return True
    text = normalize(page.text)
    cues = [h for h in hits if h.role == "fax_cue"]
    has_to_from = bool(re.search(r"\bto\s*:", text, re.I) and re.search(r"\bfrom\s*:", text, re.I))
    return has_to_from and sum(h.weight for h in cues) >= 1.0

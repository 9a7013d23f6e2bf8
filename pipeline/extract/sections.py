"""Section detection for long medical-legal reports (QME/AME).

A report's pages are joined into one ``ReportText`` (page texts separated by newlines, every
offset mapping back to its page), running headers and footers are marked, and each line is
tested as a section heading against the vocabulary in ``models/qme_sections.jsonl``.

Headings vary: numbered ("IV.", "7.", "A)", "(b)"), upper or title case, standalone or inline
("APPORTIONMENT: Pursuant to Labor Code 4663 ..."). Inside the records-review section a line
must look like a real heading (upper case or numbered like the records heading) to end it,
because record summaries are full of "Diagnosis:", "Impression:", "Plan:" labels.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.model import Evidence, Page, Section

VOCAB_PATH = Path(__file__).resolve().parents[2] / "models" / "qme_sections.jsonl"


#: inline headings that end a records review even when records quote "Diagnosis:" labels
RECORDS_INLINE_ENDERS = frozenset({"apportionment", "causation", "impairment",
                                   "proof_of_service", "declaration", "temporary_disability",
                                   "past_medical_history"})

#: headings that record summaries also use as labels ("Diagnosis: lumbar strain")
RECORD_LABELS = frozenset({"diagnoses", "work_restrictions", "disability_status", "history",
                           "physical_exam", "diagnostic_studies", "discussion", "future_medical",
                           })

_ROMAN = r"(?:X{0,3}(?:IX|IV|V?I{0,3}))"
_NUMBERING = re.compile(
    r"^\s*(?:(?P<roman>" + _ROMAN + r")[.),]|(?P<arabic>[0-9Il|]{1,2}(?:\.[0-9]{1,2})?)[.),]"
    r"|(?P<alpha>[A-Za-z])[.)]|\((?P<paren>[0-9]{1,2}|[A-Za-z]|" + _ROMAN + r")\)"
    r"|(?:section|part)\s+(?P<sect>[0-9IVX]+)[.:]?)\s+",
    re.IGNORECASE)
_PAGE_MARK = re.compile(
    r"^\s*(?:page\s*[0-9Il|O]{1,4}(?:\s*(?:of|/)\s*[0-9Il|O]{1,4})?|-\s*[0-9]{1,4}\s*-"
    r"|[0-9]{1,4}|[0-9]{1,4}\s*(?:of|/)\s*[0-9]{1,4})\s*$", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z'&]*")


def norm_heading(text: str) -> str:
    """Lower case, keep letters, digits and '&', collapse everything else to one space."""
    text = text.lower().replace("’", "'")
    text = re.sub(r"[^a-z0-9&]+", " ", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Phrase:
    name: str
    text: str            # normalized
    weak: bool


@lru_cache(maxsize=1)
def vocabulary() -> tuple[Phrase, ...]:
    phrases: list[Phrase] = []
    for raw in VOCAB_PATH.read_text().splitlines():
        if not raw.strip():
            continue
        entry = json.loads(raw)
        weak = {norm_heading(w) for w in entry.get("weak", [])}
        for phrase in entry["phrases"]:
            text = norm_heading(phrase)
            phrases.append(Phrase(entry["name"], text, text in weak))
    # longest first so "declaration of service" wins over "declaration"
    return tuple(sorted(phrases, key=lambda p: -len(p.text)))


# --- the report's text ------------------------------------------------------------------------

@dataclass
class Line:
    index: int               # line number in the report
    page_index: int          # index into ReportText.pages
    start: int               # global offset of the first character
    end: int                 # global offset after the last character
    text: str
    running: bool = False    # a running header/footer or a page marker

    @property
    def stripped(self) -> str:
        return self.text.strip()


class ReportText:
    """The pages of one document as one text; offsets map back to (page, local offset)."""

    def __init__(self, pages: list[Page]):
        self.pages = list(pages)
        self.page_offsets: list[int] = []
        parts: list[str] = []
        offset = 0
        for page in self.pages:
            self.page_offsets.append(offset)
            parts.append(page.text or "")
            offset += len(page.text or "") + 1
        self.text = "\n".join(parts)
        self.lines: list[Line] = []
        for page_index, page in enumerate(self.pages):
            base = self.page_offsets[page_index]
            local = 0
            for raw in (page.text or "").split("\n"):
                self.lines.append(Line(len(self.lines), page_index, base + local,
                                       base + local + len(raw), raw))
                local += len(raw) + 1
        _mark_running(self)

    # offsets -------------------------------------------------------------------------------
    def page_index_at(self, offset: int) -> int:
        index = 0
        for i, base in enumerate(self.page_offsets):
            if base <= offset:
                index = i
            else:
                break
        return index

    def offset_of(self, page_number: int, local: int) -> int:
        """Global offset of ``local`` on the page numbered ``page_number`` (Page.number)."""
        for i, page in enumerate(self.pages):
            if page.number == page_number:
                return self.page_offsets[i] + max(0, min(local, len(page.text or "")))
        raise ValueError(f"page {page_number} is not in this report")

    def position(self, offset: int) -> tuple[int, int]:
        """(Page.number, local offset) of a global offset."""
        index = self.page_index_at(offset)
        return self.pages[index].number, offset - self.page_offsets[index]

    def page_number_at(self, offset: int) -> int:
        return self.pages[self.page_index_at(offset)].number

    def evidence(self, start: int, end: int, document: str | None = None) -> Evidence:
        """Evidence for text[start:end], clipped to the page where it starts."""
        index = self.page_index_at(start)
        page = self.pages[index]
        base = self.page_offsets[index]
        local_start = start - base
        local_end = max(local_start, min(end - base, len(page.text or "")))
        from pipeline.extract.evidence import quote_at
        return quote_at(page, local_start, local_end, document)

    def lines_between(self, start: int, end: int, keep_running: bool = False) -> list[Line]:
        return [ln for ln in self.lines
                if ln.end > start and ln.start < end and (keep_running or not ln.running)
                and ln.stripped]

    def clean_text(self, start: int = 0, end: int | None = None) -> str:
        """text[start:end] with running headers/footers blanked (same length, same offsets)."""
        end = len(self.text) if end is None else end
        chars = list(self.text[start:end])
        for ln in self.lines:
            if ln.running and ln.end > start and ln.start < end:
                for i in range(max(ln.start, start), min(ln.end, end)):
                    chars[i - start] = " "
        return "".join(chars)


def _running_key(text: str) -> str:
    key = norm_heading(text)
    return re.sub(r"[0-9]+", "#", key)


def _mark_running(report: ReportText) -> None:
    """Mark page markers ("Page 3 of 9") and lines repeated at the top/bottom of pages."""
    by_page: dict[int, list[Line]] = {}
    for ln in report.lines:
        if ln.stripped:
            by_page.setdefault(ln.page_index, []).append(ln)
        if ln.stripped and _PAGE_MARK.match(ln.text):
            ln.running = True
    if len(by_page) < 2:
        return
    # a running head repeats at the same edge of the pages: a letterhead at the top of page 1
    # and the same name signed at the foot of the last page are not running lines
    counts: dict[tuple[str, str], int] = {}
    edge: dict[int, list[tuple[tuple[str, str], Line]]] = {}
    for page_index, lines in by_page.items():
        candidates = [("top", ln) for ln in lines[:3]] + [("bottom", ln) for ln in lines[-3:]]
        seen: set[tuple[str, str]] = set()
        for where, ln in candidates:
            key = (_running_key(ln.text), where)
            if len(key[0]) < 4:
                continue
            edge.setdefault(page_index, []).append((key, ln))
            if key not in seen:
                seen.add(key)
                counts[key] = counts.get(key, 0) + 1
    threshold = max(2, (len(by_page) + 2) // 3)
    for items in edge.values():
        for key, ln in items:
            if counts.get(key, 0) >= threshold:
                ln.running = True


# --- headings -------------------------------------------------------------------------------

@dataclass
class Heading:
    line: Line
    name: str
    heading: str           # the heading as written (numbering included)
    body_start: int        # global offset where the section's text begins
    numbering: str         # roman / arabic / alpha / none
    upper: bool
    inline: bool
    weak: bool


def _numbering(text: str) -> tuple[str, str]:
    """(style, rest of the line) of a numbered heading."""
    match = _NUMBERING.match(text)
    if not match or not match.group(0).strip():
        return "none", text.strip()
    if match.group("roman"):
        style = "roman"
    elif match.group("arabic"):
        style = "arabic"
    elif match.group("alpha"):
        style = "alpha"
    elif match.group("sect"):
        style = "arabic"
    else:
        style = "paren"
    return style, text[match.end():].strip()


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _is_title(text: str) -> bool:
    words = [w for w in _WORD.findall(text) if len(w) > 3]
    return bool(words) and all(w[0].isupper() for w in words)


#: a qualifier in parentheses after a heading ("APPORTIONMENT (Labor Code 4663 and 4664)",
#: "IMPAIRMENT RATING (AMA Guides, Fifth Edition)"), or its first half when the heading wraps
_QUALIFIER = re.compile(r"\s*\((?:[^)]*\)|[^)]*$)")


def _match_phrase(candidate: str, allow_extra: int) -> Phrase | None:
    phrase = _match_words(candidate, allow_extra)
    if phrase is None and allow_extra and "(" in candidate:
        head = _QUALIFIER.sub(" ", candidate).strip()
        if head and head != candidate.strip():
            phrase = _match_words(head, allow_extra)
    return phrase


def _match_words(candidate: str, allow_extra: int) -> Phrase | None:
    bare = re.sub(r"\([^)]*\)", " ", candidate)
    if re.search(r"[0-9]", bare) and allow_extra:
        # "Extension 25 15" is a range-of-motion row, not the heading "Extension"
        head = norm_heading(bare)
        if not any(head == p.text for p in vocabulary()):
            return None
    norm = norm_heading(candidate)
    if not norm:
        return None
    for phrase in vocabulary():
        if norm == phrase.text:
            return phrase
        if (not phrase.weak and allow_extra and norm.startswith(phrase.text + " ")
                and len(norm[len(phrase.text):].split()) <= allow_extra):
            return phrase
    return None


def match_heading(line: Line, standalone: bool = False) -> Heading | None:
    """The section heading this line starts, if any.

    ``standalone``: the line stands alone between paragraphs (see ``_standalone``), so a
    sentence-case heading ("Records received and reviewed for this report") counts too.
    """
    text = line.stripped
    if not text or line.running or len(text) > 160:
        return None
    style, rest = _numbering(text)
    if not rest or not rest[0].isalpha():
        return None
    offset_in_line = line.text.find(rest)
    # inline: "APPORTIONMENT: Pursuant to ..." / "Causation - The injury ..."
    inline = re.match(r"^(?P<head>[^:\u2014]{2,70}?)\s*(?::|\s[-\u2013\u2014]\s|\u2014)\s*(?P<tail>\S.*)$",
                      rest)
    if inline:
        head = inline.group("head")
        phrase = _match_phrase(head, allow_extra=3)
        if phrase and not phrase.weak:
            upper = _is_upper(head)
            if upper or style != "none" or _is_title(head):
                return Heading(line, phrase.name, text[: len(text) - len(rest)] + head,
                               line.start + offset_in_line + inline.start("tail"), style, upper,
                               True, False)
        if phrase is not None and not phrase.weak:
            return None
    candidate = rest.rstrip(" :.-\u2013\u2014")
    # the heading's own words, without a qualifier in parentheses, decide length and case
    own = _QUALIFIER.sub(" ", candidate).strip() or candidate
    if len(own.split()) > 10:
        return None
    phrase = _match_phrase(candidate, allow_extra=5)
    if phrase is None:
        return None
    upper = _is_upper(own)
    if not (upper or style != "none" or rest.endswith(":") or _is_title(own)
            or (standalone and not phrase.weak)):
        return None
    if phrase.weak and not (upper or style != "none" or rest.endswith(":")):
        return None
    return Heading(line, phrase.name, text, line.end, style, upper, False, phrase.weak)


def _generic_heading(line: Line) -> tuple[str, str] | None:
    """(numbering style, text) of a numbered upper-case heading outside the vocabulary."""
    style, rest = _numbering(line.stripped)
    if style == "none" or not rest:
        return None
    candidate = rest.rstrip(" :.")
    words = candidate.split()
    if not (1 <= len(words) <= 8) or re.search(r"[0-9]", candidate) or not _is_upper(candidate):
        return None
    return style, candidate


@dataclass
class SectionSpan:
    """A detected section with exact offsets (Section is its page-level summary)."""

    name: str
    heading: str
    start: int             # heading start (global offset)
    body_start: int
    end: int               # end of the section's text (global offset)
    page_start: int
    page_end: int

    def to_section(self) -> Section:
        return Section(self.name, self.heading, self.page_start, self.page_end)


def find_sections(report: ReportText) -> list[SectionSpan]:
    """Every known section of the report, in order, each ending where the next begins."""
    accepted: list[Heading] = []
    current: Heading | None = None
    content = [ln for ln in report.lines if not ln.running and ln.stripped]
    for i, line in enumerate(content):
        heading = match_heading(line, _standalone(content, i))
        if heading is None:
            generic = _generic_heading(line)
            if (generic and current is not None and current.numbering == generic[0]
                    and current.numbering != "none"):
                heading = Heading(line, "other", line.stripped, line.end, generic[0],
                                  True, False, False)
        if heading is None:
            continue
        if current is not None and current.name == "records_review" and not _ends_records(
                current, heading):
            continue
        if heading.weak and current is not None and current.name == heading.name:
            continue
        accepted.append(heading)
        current = heading
    spans: list[SectionSpan] = []
    for i, heading in enumerate(accepted):
        end = accepted[i + 1].line.start if i + 1 < len(accepted) else len(report.text)
        body_lines = report.lines_between(heading.line.start, end)
        last = body_lines[-1] if body_lines else heading.line
        spans.append(SectionSpan(
            heading.name, heading.heading, heading.line.start, heading.body_start, end,
            report.pages[heading.line.page_index].number, report.pages[last.page_index].number))
    return spans


#: a standalone heading line is short; a wrapped paragraph line fills the width
STANDALONE_MAX_CHARS = 70


def _standalone(lines: list[Line], i: int) -> bool:
    """Line ``i`` sits alone between paragraphs: short, no closing punctuation, the line before
    ends a sentence (or there is none) and the line after starts a new sentence or list item."""
    text = lines[i].stripped
    if len(text) > STANDALONE_MAX_CHARS or text.endswith((".", ",", ";")):
        return False
    if i > 0 and not lines[i - 1].stripped.endswith((".", ":", "?", "!", ")")):
        return False
    if i + 1 < len(lines):
        nxt = lines[i + 1].stripped
        return bool(re.match(r"[A-Z0-9(\-\u2022*\u2013]", nxt))
    return True


def _ends_records(records: Heading, heading: Heading) -> bool:
    """Inside a records review, only a heading in the report's own heading style ends it."""
    if heading.name == "records_review":
        return False
    same_numbering = heading.numbering != "none" and heading.numbering == records.numbering
    if heading.weak:
        return same_numbering
    if same_numbering:
        return True
    if heading.inline:
        if heading.name in RECORDS_INLINE_ENDERS:
            return True
        return (records.inline and heading.upper == records.upper
                and heading.name not in RECORD_LABELS)
    if records.numbering != "none" or records.upper:
        return heading.upper
    return True


def sections_named(spans: list[SectionSpan], *names: str) -> list[SectionSpan]:
    return [s for s in spans if s.name in names]

"""Records-reviewed entries: one ``Record`` per record a report or letter says it reviewed.

Public API (used by the QME and the UR extractors)::

    parse_records(pages, start=None, end=None) -> list[Record]

``pages`` are the document's pages in order; ``start`` and ``end`` are ``(Page.number, offset in
that page's text)`` positions bounding the records list (None: the first / last page's edge).
Text between them is read in one of three shapes, line by line:

- a list: each entry opens with a bullet/number or with a date ("05/12/2025 - MRI ...");
- chronological paragraphs: a sentence that opens with a date ("On 05/12/2025, Dr. ...") opens
  an entry; lines without a date continue the entry above;
- a table with a header row (Date | Provider | Type | Summary): columns are read from the
  words' positions (``Page.words``) when the page has them, else from "|" or wide gaps.

Running headers and footers ("Page 7 of 22", "Re: Maria Gonzalez") are skipped, so entries
continue across pages.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from pipeline.extract.dates import (
    DateMention,
    find_dates,
    opens_like_numeric_date,
    repair_damaged_date,
)
from pipeline.extract.evidence import word_spans
from pipeline.extract.sections import Line, ReportText, match_heading
from pipeline.model import DateRange, Page, Record, Word

__all__ = ["parse_records", "parse_report_records", "record_kind"]

_BULLET = re.compile(
    r"^\s*(?:[-\u2022\u25cf\u25aa\u2023\u2043\u00b7*\u2013\u2014>o]\s+|\(?[0-9Il|]{1,3}[.)]\s+"
    r"|\(?[a-zA-Z][.)]\s+(?=\S)|\[\s*[0-9]{1,3}\s*\]\s*)")
#: what may stand before the date that opens an entry
_DATE_PREFIX = re.compile(
    r"^\s*(?:on|dated?|dos|date(?:s)? of (?:service|exam|visit|report)|date|report dated"
    r"|visit|service date)?[\s:.,-]*$", re.IGNORECASE)
_SENTENCE_DATE = re.compile(r"(?:^|[.;]\s+)(?:(?:On|Dated|On or about)\s+)?$")
_TABLE_WORDS = {
    "date": "date", "dates": "date", "dos": "date",
    "provider": "author", "author": "author", "physician": "author", "doctor": "author",
    "facility": "author", "source": "author", "by": "author", "clinician": "author",
    "type": "type", "document": "type", "record": "type", "title": "type", "report": "type",
    "description": "summary", "summary": "summary", "findings": "summary",
    "comments": "summary", "impression": "summary", "notes": "summary", "content": "summary",
    "pages": "pages", "pp": "pages", "page": "pages",
}
_SKIP_LINE = re.compile(
    r"^\s*(?:total\s+(?:number\s+of\s+)?pages|number\s+of\s+pages|page\s+count|"
    r"i\s+have\s+(?:reviewed|received)|the\s+following\s+(?:records|documents)|"
    r"records\s+(?:were\s+)?(?:received|reviewed)\s*:?\s*$|\(continued\)|continued\s*$)",
    re.IGNORECASE)
_NAME = r"[A-Z][A-Za-z'\-]+(?:\s+[A-Z]\.?(?=\s))?(?:\s+[A-Z][A-Za-z'\-]+){0,2}"
_DEGREE = (r"(?:M\.?\s?D\.?|D\.?\s?O\.?|D\.?\s?C\.?|D\.?P\.?T\.?|P\.?T\.?|Ph\.?\s?D\.?"
           r"|Psy\.?\s?D\.?|P\.?A\.?-?C?|N\.?P\.?|F\.?N\.?P\.?|L\.?Ac\.?|D\.?P\.?M\.?|R\.?N\.?"
           r"|O\.?T\.?R?\.?|Q\.?M\.?E\.?)")
_AUTHOR_PATTERNS = [
    re.compile(r"(?:(?<=\s)|^)(?i:by|per|author:?|provider:?|physician:?|signed by|"
               r"read by|authored by|performed by|dictated by|interpreted by|reviewer:?)\s+"
               r"(?P<name>(?:(?i:dr)\.?\s+)?" + _NAME + r"(?:,?\s+" + _DEGREE + r")?)"),
    re.compile(r"(?P<name>\b(?i:dr)\.?\s+" + _NAME + r"(?:,?\s+" + _DEGREE + r")?)"),
    re.compile(r"(?P<name>\b" + _NAME + r",?\s+" + _DEGREE + r")(?![A-Za-z])"),
]
#: words that end a name ("Dr. Lee Orthopedic Consultation" -> "Dr. Lee")
_NOT_NAME = frozenset("""
orthopedic orthopaedic consultation consult report progress initial follow evaluation
physical therapy note notes mri ct x-ray xray emg ncs pr pr-2 pr-4 qme ame ur rfa imr
operative surgery surgical office visit chiropractic acupuncture radiology imaging internal
medicine psychiatry psychology neurology pain management clinic center hospital medical group
treating primary secondary right left bilateral lumbar cervical thoracic shoulder knee spine
records record review reevaluation re-evaluation supplemental comprehensive urgent care
emergency department diagnosis impression findings plan assessment summary deposition
""".split())


def _trim_name(name: str) -> str:
    tokens = name.split()
    kept: list[str] = []
    for i, token in enumerate(tokens):
        bare = token.strip(",.").lower()
        if i > 0 and (bare in _NOT_NAME or re.search(r"[0-9]", token)):
            break
        kept.append(token)
        if token.endswith(","):
            # "Kim, M.D." keeps its degree; "Kim, Radiology" stops at the comma
            rest = " ".join(tokens[i + 1:])
            if re.match(_DEGREE + r"(?![A-Za-z])", rest):
                kept.append(re.match(_DEGREE, rest).group(0))
            break
    return " ".join(kept).strip(" ,")


_LABELLED = re.compile(
    r"(?<![A-Za-z])(?P<label>provider|author|physician|doctor|facility|type|document|description"
    r"|title|record|pages?)\s*:[ \t]*(?P<value>[^\n;|]+?)(?=[ \t]+(?:provider|author|physician"
    r"|doctor|facility|type|document|description|title|record|summary|pages?|impression"
    r"|findings|diagnos[ie]s|plan|comments?|notes?)\s*:|$|[;|\n])",
    re.IGNORECASE | re.MULTILINE)
_PAGES = re.compile(
    r"\(\s*(?P<n>[0-9]{1,4})\s*(?:pages?|pp\.?|pgs?\.?)\s*\)|\b(?P<n2>[0-9]{1,4})\s*(?:pages|pgs)\b"
    r"|\b(?:pp?|pages?|pgs?)\.?\s*(?P<r>[0-9]{1,4}\s*[-\u2013]\s*[0-9]{1,4})", re.IGNORECASE)

#: keyword -> document type of the contract; first match wins, so specific words come first
_KINDS: list[tuple[re.Pattern[str], str]] = [(re.compile(p, re.IGNORECASE), k) for p, k in [
    (r"peer[\s-]*to[\s-]*peer|\bP2P\b", "peer_to_peer_note"),
    (r"independent medical review|\bIMR\b.*(?:determination|decision)|maximus", "imr_determination"),
    (r"utilization review|\bUR\b|non-?certif|certification letter", "ur_decision"),
    (r"request for authorization|\bRFA\b", "rfa"),
    (r"doctor'?s first report|\b5021\b|\bDFR\b", "doctor_first_report"),
    (r"agreed medical|\bAME\b", "ame_report"),
    (r"qualified medical|\bQME\b|medical[\s-]legal", "qme_report"),
    (r"operative|surgery|surgical|arthroscop|procedure note|op note|repair|decompression"
     r"|fusion|laminectomy|discectomy|injection procedure", "operative_report"),
    (r"\bMRI\b|\bMR\b|\bCT\b|CAT scan|x-?rays?|radiograph|ultrasound|sonogram|imaging"
     r"|arthrogram|bone scan|myelogram|\bDEXA\b|radiology", "imaging_report"),
    (r"\bEMG\b|\bNCS\b|\bNCV\b|nerve conduction|electrodiagnos|laborator|\blabs?\b|blood"
     r"|urine|toxicology|\bFCE\b|functional capacity|sleep study|psychological test"
     r"|diagnostic", "diagnostic_report"),
    (r"physical therapy|\bPT\b|therapy|chiropract|acupunct|occupational therapy|\bOT\b"
     r"|rehab|work hardening|visit \d+ of \d+", "therapy_note"),
    (r"medication|pharmacy|prescription|\bRx\b", "medication_list"),
    (r"\bDWC[\s-]*1\b|claim form|employee'?s claim", "claim_form"),
    (r"employer'?s report|\b5020\b", "employer_report"),
    (r"job description|job analysis|essential functions|physical demands", "job_description"),
    (r"wage|payroll|earnings", "wage_statement"),
    (r"deposition|transcript", "deposition"),
    (r"\bPR-?[24]\b|progress report|treating|consultation|consult|office visit|follow[\s-]*up"
     r"|initial evaluation|evaluation|re-?evaluation|report|note|exam|visit|chart|clinic"
     r"|urgent care|emergency|\bER\b|\bED\b|\bsaw\b|examined|evaluated|seen by"
     r"|treated", "treating_report"),
    (r"letter|correspondence|memo|notice|fax", "correspondence"),
]]


def record_kind(text: str) -> str | None:
    """Best guess of the contract document type a record description names (the earliest
    keyword wins: "Dr. Wong saw the applicant and ordered an MRI" is a treating report)."""
    best: tuple[int, int, str] | None = None
    for order, (pattern, kind) in enumerate(_KINDS):
        match = pattern.search(text)
        if match and (best is None or (match.start(), order) < best[:2]):
            best = (match.start(), order, kind)
    return best[2] if best else None


# --- entries ---------------------------------------------------------------------------------

@dataclass
class _Entry:
    lines: list[Line] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)      # line texts (markers stripped)
    cells: dict[str, list[str]] = field(default_factory=dict)   # table mode: column -> text
    bulleted: bool = False

    @property
    def text(self) -> str:
        return "\n".join(t.strip() for t in self.texts if t.strip())


def _first_date(text: str) -> DateMention | None:
    for mention in find_dates(text):
        if isinstance(mention.value, dt.date):
            return mention
    return None


def _cell_date(text: str) -> DateMention | None:
    """The date of a table's date cell, read through OCR damage when the patterns miss it."""
    return _first_date(text) or repair_damaged_date(text)


def _opens_with_date(text: str) -> DateMention | None:
    mention = _first_date(text)
    if mention is None:
        return None
    return mention if _DATE_PREFIX.match(text[:mention.start]) else None


def _split_sentences(entry_text: str) -> list[str]:
    """Split a paragraph where a sentence opens with a date ("... . On 06/01/2025, ...")."""
    cuts = [0]
    for mention in find_dates(entry_text):
        if mention.start == 0:
            continue
        before = entry_text[:mention.start]
        match = _SENTENCE_DATE.search(before)
        if match and match.start() > 0:
            cut = match.start() + (1 if before[match.start()] in ".;" else 0)
            if entry_text[cut:mention.start].strip(" ;.").lower() in ("", "on", "dated",
                                                                        "on or about"):
                # a date that only restates a range ("01/02/2025 to 03/04/2025") stays
                if not re.search(r"(?:to|through|-|\u2013)\s*$", before):
                    cuts.append(cut)
    cuts.append(len(entry_text))
    parts = [entry_text[a:b].strip(" ;.") for a, b in zip(cuts, cuts[1:])]
    return [p for p in parts if p]


#: words left dangling where the record's date or author was cut out ("MRI ... dated", "of")
_DANGLING = re.compile(r"(?:\s+(?:of|by|from|dated|on|at|for|and|read|signed|the))+$",
                       re.IGNORECASE)


def _clean_description(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" -\u2013\u2014:;,.|")
    text = _DANGLING.sub("", text).strip(" -\u2013\u2014:;,.|")
    return text[:200].rstrip()


def _author(text: str) -> tuple[str | None, tuple[int, int] | None]:
    for pattern in _AUTHOR_PATTERNS:
        for match in pattern.finditer(text):
            name = _trim_name(re.sub(r"\s+", " ", match.group("name")))
            if re.search(r"\b(?:PT|OT|NP|RN|PA|DC|MD|DO)\.$", name):
                name = name[:-1]      # "Mark Lee, PT. (3 pages)": the sentence's full stop
            if len(re.sub(r"(?i)\bdr\.?", "", name).strip(" .,")) >= 3:
                start = match.start() if pattern is not _AUTHOR_PATTERNS[1] else match.start(
                    "name")
                return name, (start, match.start("name") + len(name))
    return None, None


def _pages(text: str) -> str | None:
    match = _PAGES.search(text)
    if not match:
        return None
    value = match.group("n") or match.group("n2") or match.group("r")
    return re.sub(r"\s+", "", value)


def _record_from_text(text: str, report: ReportText, line: Line | None) -> Record | None:
    text = re.sub(r"[ \t]+", " ", text).strip()
    if len(re.sub(r"[^A-Za-z]", "", text)) < 2:
        return None
    mention = _first_date(text)
    date: dt.date | None = None
    rest = text
    if mention is not None:
        value = mention.value
        date = value.start if isinstance(value, DateRange) else value
        head = text[:mention.start]
        tail = text[mention.end:]
        # a range "01/02/2025 - 03/04/2025": drop the second date from the description
        second = _first_date(tail)
        if second is not None and re.fullmatch(r"\s*(?:-|\u2013|\u2014|to|through|thru)\s*",
                                               tail[:second.start]):
            tail = tail[second.end:]
        rest = head + " " + tail if _DATE_PREFIX.match(head) is None else tail
    labelled = {m.group("label").lower(): m.group("value").strip()
                for m in _LABELLED.finditer(rest)}
    rest = re.sub(r"\s+", " ", rest).strip()
    author = None
    for key in ("provider", "author", "physician", "doctor", "facility"):
        if labelled.get(key):
            author = labelled[key]
            break
    description = None
    for key in ("type", "document", "description", "title", "record"):
        if labelled.get(key):
            description = labelled[key]
            break
    pages = labelled.get("pages") or labelled.get("page") or _pages(rest)
    if author is None:
        author, span = _author(rest)
    else:
        span = None
    if description is None:
        body = rest
        if span is not None:
            before = rest[:span[0]].strip(" ,-:;")
            after = rest[span[1]:].strip(" ,-:;")
            body = before if len(before) >= 3 else after
            if body is after and after[:1].islower():
                body = rest          # "Dr. Patel saw the applicant ...": keep the sentence
        body = _PAGES.sub("", body)
        body = body.strip(" ,-\u2013\u2014:;.|")
        body = re.sub(r"\s+", " ", body)
        title = re.split(r":\s|(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\b[A-Z])\.\s+(?=[A-Z])|;\s|\s[-\u2013\u2014]\s|,\s+(?=(?i:read|signed|dictated"
                         r"|authored|performed|interpreted)\b)", body, maxsplit=1)[0]
        description = title if len(title) >= 3 else body
    description = _clean_description(description)
    if not description and author is None and date is None:
        return None
    kind = record_kind(description) or record_kind(text)
    evidence = None
    if line is not None:
        evidence = report.evidence(line.start, line.end)
    return Record(date=date, description=description or text[:200], author=author, kind=kind,
                  pages=pages, evidence=evidence)


# --- tables ----------------------------------------------------------------------------------

def _header_columns(text: str) -> list[str] | None:
    """Column roles of a table header line, or None when the line is no header."""
    words = [w.lower().strip(":.|()") for w in re.split(r"[\s|/]+", text) if w.strip(":.|()")]
    if not words or len(words) > 14 or re.search(r"[0-9]", text):
        return None
    roles = [_TABLE_WORDS[w] for w in words if w in _TABLE_WORDS]
    if "date" in roles and len(set(roles)) >= 3 and len(roles) >= len(words) * 0.4:
        return roles
    return None


def is_table_header(text: str) -> bool:
    """True when a line is the column header of a records table ("Date  Document  Author")."""
    return _header_columns(text) is not None


@dataclass
class _Column:
    role: str
    x0: float


def _line_words(page: Page, line: Line, report: ReportText) -> list[Word]:
    base = report.page_offsets[line.page_index]
    return [w for a, b, w in word_spans(page) if line.start - base <= a and b <= line.end - base]


def _columns_from_words(words: list[Word]) -> list[_Column]:
    """Header words grouped into columns by horizontal gaps; each group takes its role."""
    words = sorted(words, key=lambda w: w.box[0])
    groups: list[list[Word]] = []
    for word in words:
        if groups:
            prev = groups[-1][-1]
            height = max(0.005, prev.box[3] - prev.box[1])
            if word.box[0] - prev.box[2] < 1.2 * height:
                groups[-1].append(word)
                continue
        groups.append([word])
    columns: list[_Column] = []
    for group in groups:
        roles = [_TABLE_WORDS.get(w.text.lower().strip(":.|()")) for w in group]
        roles = [r for r in roles if r]
        if roles:
            columns.append(_Column(roles[0], group[0].box[0]))
    return columns


def _cells_by_words(words: list[Word], columns: list[_Column]) -> dict[str, str]:
    cells: dict[str, list[str]] = {}
    for word in sorted(words, key=lambda w: w.box[0]):
        x = word.box[0]
        index = 0
        for i, column in enumerate(columns):
            if x >= column.x0 - 0.01:
                index = i
        cells.setdefault(columns[index].role, []).append(word.text)
    return {role: " ".join(parts) for role, parts in cells.items()}


def _cells_by_text(text: str, roles: list[str]) -> dict[str, str] | None:
    parts = [p.strip() for p in (text.split("|") if "|" in text else re.split(r"\s{2,}|\t", text))]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return None
    columns = list(dict.fromkeys(roles))
    cells: dict[str, str] = {}
    for role, part in zip(columns, parts):
        cells[role] = (cells.get(role, "") + " " + part).strip()
    for extra in parts[len(columns):]:
        cells[columns[-1]] = (cells.get(columns[-1], "") + " " + extra).strip()
    return cells


def _table_ended(line: Line, words: list[Word], columns: list[_Column] | None) -> bool:
    """A line that is no row and no wrapped cell: a heading, or text from the left margin."""
    heading = match_heading(line)
    if heading is not None and not heading.weak:
        return True
    if columns and len(columns) >= 2 and words:
        return min(w.box[0] for w in words) < columns[1].x0 - 0.02
    return False


_BARE_YEAR = re.compile(r"^[\s,]*(?:19|20)[0-9OIl|]{2}\s*$")


#: a line opening with a month and day, its year maybe on the next line ("November 5,")
_MONTH_DAY = re.compile(r"^\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"
                        r"[0-9OIl|]{1,2}\b", re.IGNORECASE)
_PAGE_WORD = re.compile(r"\bpage\b|\bp\.\s*[0-9]", re.IGNORECASE)


def _entry_line(text: str) -> bool:
    """A line the running header/footer test set aside that is really part of a list.

    That test takes lines alike but for their digits at the edges of pages as running, so a
    table cut over two pages ("November 5," at the foot of one, "November 26," at the top of
    the next; its repeated column header; a year alone) would lose its rows. Page markers stay
    out.
    """
    if _PAGE_WORD.search(text):
        return False
    return bool(_BARE_YEAR.match(text) or _header_columns(text)
                or opens_like_numeric_date(text) or _MONTH_DAY.match(text)
                or _opens_with_date(text) is not None)


def _starts_row(previous: dict[str, list[str]], date_cell: str) -> bool:
    """A date cell that wraps ("May 5," then "2025") opens a row once the row before is filled."""
    return bool(_MONTH_DAY.match(date_cell)) and any(
        v.strip() for role, values in previous.items() if role != "date" for v in values)


def _table_records(report: ReportText, lines: list[Line], header_at: int) -> list[Record]:
    header = lines[header_at]
    roles = _header_columns(header.stripped) or []
    columns_by_page: dict[int, list[_Column]] = {}
    page = report.pages[header.page_index]
    header_words = _line_words(page, header, report)
    if header_words:
        columns_by_page[header.page_index] = _columns_from_words(header_words)
    entries: list[tuple[_Entry, Line]] = []
    for line in lines[header_at + 1:]:
        if _header_columns(line.stripped):
            words = _line_words(report.pages[line.page_index], line, report)
            if words:
                columns_by_page[line.page_index] = _columns_from_words(words)
            continue
        if _SKIP_LINE.match(line.stripped):
            continue
        columns = columns_by_page.get(line.page_index) or next(
            (c for i, c in sorted(columns_by_page.items(), reverse=True)
             if i <= line.page_index), None)
        cells: dict[str, str] | None = None
        words = _line_words(report.pages[line.page_index], line, report)
        if columns and words and len(columns) >= 2:
            cells = _cells_by_words(words, columns)
        if cells is None:
            cells = _cells_by_text(line.stripped, roles)
        date_cell = (cells or {}).get("date", "")
        # laid out by the words' positions, a line with nothing under the date column is a
        # wrapped cell of the row above, even when its text starts with a date
        in_columns = bool(columns and words and len(columns) >= 2
                          and any(c.role == "date" for c in columns))
        if date_cell:
            opens = _cell_date(date_cell)
        elif in_columns and entries:
            opens = None
        else:
            opens = _opens_with_date(line.stripped)
        if opens is None and not date_cell and not (in_columns and entries) \
                and opens_like_numeric_date(line.stripped):
            opens = _cell_date(line.stripped)
        new_row = opens is None and bool(date_cell) and bool(entries) and _starts_row(
            entries[-1][0].cells, date_cell)
        # a date cell's pieces alone on their lines ("November 5," then "2025") stay in it
        date_piece = bool(date_cell) and set(cells or {}) == {"date"} and bool(
            _BARE_YEAR.match(date_cell) or _MONTH_DAY.match(date_cell))
        if opens is None and not new_row and not date_piece and entries and not opens_like_numeric_date(
                line.stripped) and _table_ended(
                line, words, columns):
            break
        if cells is None:
            cells = {"summary": line.stripped}
        if opens is not None or new_row or not entries:
            entries.append((_Entry(lines=[line], cells={k: [v] for k, v in cells.items()}),
                            line))
        else:
            entry = entries[-1][0]
            entry.lines.append(line)
            for role, value in cells.items():
                entry.cells.setdefault(role, []).append(value)
    records: list[Record] = []
    for entry, first in entries:
        cells = {role: " ".join(v for v in values if v).strip()
                 for role, values in entry.cells.items()}
        date_text = cells.get("date", "")
        mention = _cell_date(date_text) if date_text else None
        if mention is None and not any(cells.get(r) for r in ("type", "summary")):
            continue
        summary = cells.get("summary", "")
        kind_text = cells.get("type", "")
        if kind_text and summary:
            first_clause = re.split(r"[.;]\s", summary, maxsplit=1)[0]
            description = f"{kind_text}: {first_clause}"
        else:
            description = kind_text or summary
        author = cells.get("author") or None
        if author is None:
            author = _author(summary)[0]
        value = mention.value if mention else None
        date = value.start if isinstance(value, DateRange) else value
        if date is None and mention is None:
            fallback = _record_from_text(" ".join(cells.values()), report, first)
            if fallback is not None:
                records.append(fallback)
            continue
        description = _clean_description(description)
        records.append(Record(
            date=date, description=description, author=author,
            kind=record_kind(kind_text) or record_kind(description),
            pages=cells.get("pages") or _pages(summary), evidence=report.evidence(
                first.start, first.end)))
    return records


# --- the public entry points -----------------------------------------------------------------

def parse_report_records(report: ReportText, start: int = 0,
                         end: int | None = None) -> list[Record]:
    """Records between two global offsets of a ``ReportText``."""
    end = len(report.text) if end is None else end
    lines = [ln for ln in report.lines_between(start, end, keep_running=True)
             if not ln.running or _entry_line(ln.stripped)]
    # a line that starts before ``start`` (an inline heading) keeps only its part inside
    texts: dict[int, str] = {}
    for line in lines:
        lo = max(line.start, start) - line.start
        hi = min(line.end, end) - line.start
        texts[line.index] = line.text[lo:hi]
    lines = [ln for ln in lines if texts[ln.index].strip()]
    for i, line in enumerate(lines):
        if _header_columns(texts[line.index].strip()):
            return _table_records(report, lines, i)
    entries: list[_Entry] = []
    bullets: dict[int, re.Match[str] | None] = {}
    previous, letter = "", None
    for line in lines:
        text = texts[line.index]
        bullets[line.index] = _bullet(text, previous, letter)
        if bullets[line.index] and _LETTER_BULLET.match(text):
            letter = _LETTER_BULLET.match(text).group("letter")
        previous = text
    bulleted_list = any(bullets.values())
    for line in lines:
        text = texts[line.index]
        if _SKIP_LINE.match(text):
            continue
        bullet = bullets[line.index]
        body = text[bullet.end():] if bullet else text
        opens = bool(bullet) or _opens_with_date(body) is not None
        if opens or not entries:
            if not opens and not bulleted_list and _first_date(body) is None:
                continue          # preamble before the first entry
            entries.append(_Entry(lines=[line], texts=[body], bulleted=bool(bullet)))
        else:
            entries[-1].lines.append(line)
            entries[-1].texts.append(body)
    records: list[Record] = []
    for entry in entries:
        parts = _split_sentences(entry.text)
        for j, part in enumerate(parts):
            if j > 0 and _first_date(part) is None:
                continue
            line = entry.lines[0] if j == 0 else _line_of(entry, part, report)
            record = _record_from_text(part, report, line)
            if record is None:
                continue
            if record.date is None and not entry.bulleted:
                continue
            records.append(record)
    return records


_LETTER_BULLET = re.compile(r"^\s*\(?(?P<letter>[a-zA-Z])[.)]\s")


def _bullet(text: str, previous: str, letter: str | None) -> re.Match[str] | None:
    """The list marker opening ``text``. A letter and a full stop ("R. Mbeki, D.O., ...")
    after a line that stops mid-sentence is a name's initial wrapped onto the line, unless it
    is the next letter of the list ("a." ... "b.")."""
    match = _BULLET.match(text)
    lettered = _LETTER_BULLET.match(text)
    if match and lettered and previous.strip() and not re.search(r"[.:;)\]]\s*$", previous):
        expected = chr(ord(letter) + 1) if letter else "aA"
        if lettered.group("letter") not in expected:
            return None
    return match


def _line_of(entry: _Entry, part: str, report: ReportText) -> Line:
    probe = re.sub(r"\s+", " ", part[:25]).strip()
    for line in entry.lines:
        if probe[:12] and probe[:12] in re.sub(r"\s+", " ", line.text):
            return line
    return entry.lines[0]


def parse_records(pages: list[Page], start: tuple[int, int] | None = None,
                  end: tuple[int, int] | None = None) -> list[Record]:
    """Every records-reviewed entry between ``start`` and ``end``.

    ``start``/``end`` are ``(Page.number, character offset in that page's text)``; None means
    the beginning of the first page / the end of the last page. Each Record has its date (the
    first date of a range), description (the entry's title, or "Type: summary" in a table),
    author when named, kind (a contract document type) and pages when given, and evidence on
    the line where the entry begins.
    """
    report = ReportText(pages)
    lo = report.offset_of(*start) if start is not None else 0
    hi = report.offset_of(*end) if end is not None else len(report.text)
    return parse_report_records(report, lo, hi)

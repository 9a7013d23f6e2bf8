"""The one date parser of the pipeline: find, parse and label dates in page text.

Candidates are found with patterns first (fast, and no false dates from pain scores "6/10",
"3 of 4", money, CPT codes or phone numbers); ``dateparser`` is only asked about a candidate
string the patterns cannot read. OCR confusions (``l``/``I``/``|`` for 1, ``O``/``o`` for 0)
are accepted where digits are expected. Impossible dates are rejected.

Every mention keeps its character span in the text it was read from, so callers can quote it
(``pipeline.extract.evidence.quote_at``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from pipeline.model import DateRange

__all__ = [
    "DATE_LABELS", "DateMention", "date_for", "find_date_ranges", "find_dates",
    "labelled_dates", "opens_like_numeric_date", "parse_date",
    "repair_damaged_date",
]

#: two-digit years up to this value are 20xx, the rest 19xx ("3/3/25" -> 2025, "DOB 5/1/68"
#: -> 1968)
TWO_DIGIT_YEAR_PIVOT = 30
MIN_YEAR = 1900
MAX_YEAR = 2099


@dataclass(frozen=True)
class DateMention:
    value: dt.date | DateRange
    text: str
    start: int
    end: int
    label: str | None = None        # canonical label name ("date_of_injury"), see DATE_LABELS
    label_text: str | None = None   # the label as written ("DOI")


# --- patterns ---------------------------------------------------------------------------------

_MONTHS: dict[str, int] = {}
for _number, _name in enumerate(calendar.month_name):
    if _number:
        _MONTHS[_name.lower()] = _number
        _MONTHS[_name[:3].lower()] = _number
_MONTHS["sept"] = 9

#: OCR characters accepted where a digit is expected
_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1", "i": "1"})
_D = r"[0-9OolI|]"
_MONTH_RE = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
             r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_ORD = r"(?:st|nd|rd|th)?"
# a date never continues a number, a word, a fraction, a decimal or an amount
_LEFT = r"(?<![0-9A-Za-z$/.\-|#])"
#: (a period then a digit glued to a word is OCR's sentence end: "10/19/2026.0n the basis")
_RIGHT = r"(?![0-9A-Za-z|]|[/\-][0-9]|\.[0-9](?![a-z])|%|,[0-9])"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # March 3, 2025 | Mar. 3rd, 2025 | MAR 20 2025 | Mar-03-2025
    ("mdy_name", re.compile(
        _LEFT + r"(?P<month>" + _MONTH_RE + r")\.?(?:\s+|-|/)(?P<day>" + _D + r"{1,2})" + _ORD
        + r"(?:\s*[,;.]\s*|\s+|-|/)(?P<year>" + _D + r"{4}|" + _D + r"{2}(?![0-9]))" + _RIGHT,
        re.IGNORECASE)),
    # 3 March 2025 | 3rd of March, 2025 | 03-MAR-25 | 3rd day of March, 2025
    ("dmy_name", re.compile(
        _LEFT + r"(?P<day>" + _D + r"{1,2})" + _ORD + r"(?:\s+day)?(?:\s+of)?(?:\s+|-|/)(?P<month>"
        + _MONTH_RE + r")\.?(?:\s*,\s*|\s+|-|/)(?P<year>" + _D + r"{4}|" + _D
        + r"{2}(?![0-9]))" + _RIGHT, re.IGNORECASE)),
    # 2025-03-03 | 2025/03/03
    ("iso", re.compile(
        _LEFT + r"(?P<year>(?:19|20|2O|l9|I9)" + _D + r"{2})(?P<sep>[-/.])(?P<month>" + _D
        + r"{1,2})(?P=sep)(?P<day>" + _D + r"{1,2})" + _RIGHT)),
    # 03/03/2025 | 3/3/25 | 3-3-2025 | 03.03.2025 | 03 / 03 / 2025
    ("mdy_num", re.compile(
        _LEFT + r"(?P<month>" + _D + r"{1,2})(?P<sep>\s?/\s?|-|\.)(?P<day>" + _D
        + r"{1,2})(?P=sep)(?P<year>" + _D + r"{4}|" + _D + r"{2})" + _RIGHT)),
]
#: month and year only ("March 2025", "03/2025"), only where asked
_PARTIAL_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("my_name", re.compile(
        _LEFT + r"(?P<month>" + _MONTH_RE + r")\.?,?\s+(?P<year>(?:19|20)\d{2})" + _RIGHT,
        re.IGNORECASE)),
    ("my_num", re.compile(
        _LEFT + r"(?P<month>[0-9O]{1,2})[/\-](?P<year>(?:19|20)\d{2})" + _RIGHT)),
]


def _digits(text: str) -> str:
    return text.translate(_OCR_DIGITS)


def _real_digit_share(text: str) -> float:
    chars = [c for c in text if c.isdigit() or c in "OolI|i"]
    return sum(c.isdigit() for c in chars) / len(chars) if chars else 0.0


def _year(text: str) -> int | None:
    digits = _digits(text)
    if not digits.isdigit():
        return None
    year = int(digits)
    if len(digits) == 2:
        year += 2000 if year <= TWO_DIGIT_YEAR_PIVOT else 1900
    return year if MIN_YEAR <= year <= MAX_YEAR else None


def _make_date(year: int | None, month: int, day: int) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _from_match(kind: str, match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    if _real_digit_share(match.group(0)) < 0.5:      # "Il/lO/lOlI" is not a date
        return None
    year = _year(groups["year"])
    if kind in ("mdy_name", "dmy_name", "my_name"):
        month = _MONTHS.get(groups["month"].lower().rstrip("."))
        if month is None:
            return None
        day = int(_digits(groups["day"])) if groups.get("day") else 1
        return _make_date(year, month, day)
    if kind == "my_num":
        return _make_date(year, int(_digits(groups["month"])), 1)
    month, day = int(_digits(groups["month"])), int(_digits(groups["day"]))
    if kind == "mdy_num" and month > 12 >= day:       # 25/03/2025: unambiguous day-month
        month, day = day, month
    if kind == "mdy_num" and len(groups["year"]) == 2 and groups["sep"] == ".":
        return None                                    # "1.5.25" reads as a number, not a date
    return _make_date(year, month, day)


def _scan(text: str, patterns: list[tuple[str, re.Pattern[str]]],
          taken: list[tuple[int, int]]) -> list[tuple[int, int, dt.date, str]]:
    found = []
    for kind, pattern in patterns:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            value = _from_match(kind, match)
            if value is None:
                continue
            taken.append((start, end))
            found.append((start, end, value, kind))
    return found


#: a hyphen joining two slash dates ("1/1/19-3/15/23") is read as a space (same length)
_DASH_BETWEEN = re.compile(r"(?:(?<=/[0-9]{2})|(?<=/[0-9]{4}))-(?=[0-9]{1,2}/)")


def find_dates(text: str, partial: bool = False) -> list[DateMention]:
    """Every date in ``text``, in order. ``partial``: also month-year mentions (day 1)."""
    scan_text = _DASH_BETWEEN.sub(" ", text)
    taken: list[tuple[int, int]] = []
    found = _scan(scan_text, _PATTERNS, taken)
    if partial:
        found += _scan(scan_text, _PARTIAL_PATTERNS, taken)
    found.sort()
    return [DateMention(value, text[start:end], start, end) for start, end, value, _ in found]


#: the start of a text that looks like a numeric date, however damaged ("9/1 1/2025", "42/04/2025")
_DAMAGED_NUMERIC = re.compile(
    r"^\s*(?:[|¦]\s+)?[0-9OIl|]{1,2}(?: ?[0-9OIl|])?\s*/\s*[0-9OIl|](?: ?[0-9OIl|])?\s*/"
    r"\s*[0-9OIl|](?: ?[0-9OIl|]){1,3}")
#: OCR read a "1" as "4" in the month ("42/04/2025" for 12/04/2025): no month starts with 4
_OCR_FOUR_MONTH = re.compile(r"^(\s*)4([0-2])(?=\s*/\s*[0-9OIl|]{1,2}\s*/\s*[0-9OIl|]{2,4})")
#: the same misreading in the day ("10/41/25" for 10/11/25): no day runs past 39
_OCR_FOUR_DAY = re.compile(r"^([^/]*/\s*)4([0-9])(?=\s*/)")


def opens_like_numeric_date(text: str) -> bool:
    """``text`` starts with something shaped like a numeric date, readable or not."""
    return _DAMAGED_NUMERIC.match(text) is not None


def repair_damaged_date(text: str) -> DateMention | None:
    """The numeric date that opens ``text`` when OCR damaged it beyond the patterns, or None.

    Only for text known to hold a date where it starts (a table's date cell): a number split
    by one space ("9/1 1/2025") is joined, and an impossible "4" in the month or day is read as
    the "1" it was ("42/04/2025", "10/41/25"). ``start``/``end`` are offsets in the repaired
    head, whose length can differ from the original by the spaces removed."""
    match = _DAMAGED_NUMERIC.match(text)
    if match is None:
        return None
    head = re.sub(r"^\s*[|¦]\s+", "", match.group(0))          # a table rule before the cell
    repaired = re.sub(r"(?<=[0-9]) (?=[0-9])", "", head)
    repaired = _OCR_FOUR_MONTH.sub(r"\g<1>1\2", repaired, count=1)
    repaired = _OCR_FOUR_DAY.sub(r"\g<1>1\2", repaired, count=1)
    for mention in find_dates(repaired):
        if isinstance(mention.value, dt.date):
            return mention
    return None


@lru_cache(maxsize=4096)
def _dateparser(text: str) -> dt.date | None:
    try:
        import dateparser
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return None
    parsed = dateparser.parse(text, languages=["en"], settings={
        "DATE_ORDER": "MDY", "PREFER_DATES_FROM": "past", "STRICT_PARSING": True,
        "PARSERS": ["custom-formats", "absolute-time"],
    })
    if parsed is None or not MIN_YEAR <= parsed.year <= MAX_YEAR:
        return None
    return parsed.date()


def parse_date(text: str) -> dt.date | None:
    """One date string -> date, or None. Patterns first; dateparser for other spellings."""
    text = _WEEKDAY.sub("", text.strip().strip(".,;:()[]"))
    if not text:
        return None
    mentions = find_dates(text)
    if len(mentions) == 1 and not text[:mentions[0].start].strip(" ,(") \
            and not text[mentions[0].end:].strip(" .,)"):
        value = mentions[0].value
        return value if isinstance(value, dt.date) else None
    if mentions or len(text) > 40 or not re.search(r"\d", text):
        return None
    if re.fullmatch(r"[\d\s./-]+", text) and not re.search(r"[./-]", text):
        return None                                       # a bare number is not a date
    if re.fullmatch(r"\d{1,2}\s*[/-]\s*\d{1,2}", text):
        return None                                       # "6/10" is a score, not a date
    return _dateparser(text)


# --- ranges -------------------------------------------------------------------------------------

_RANGE_JOIN = re.compile(
    r"\s*(?:-|–|—|to|through|thru|until|till|and)\s*", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"(?:between|from)\s*$", re.IGNORECASE)
#: a period left open ("01/01/2019 to present"): its start is not a date of anything
_OPEN_END = re.compile(r"\s*(?:-|–|—|to|through|thru|until)\s*(?:the\s+)?(?:present|date|"
                       r"current|now|ongoing)\b", re.IGNORECASE)


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def find_date_ranges(text: str) -> list[DateMention]:
    """Closed periods ("CT 01/01/2019 - 03/15/2023", "from 1/2019 through 3/2023").

    Month-year ends cover the whole month (start on the 1st, end on the last day). Open periods
    ("01/01/2019 to present") are skipped: a range needs two dates.
    """
    mentions = find_dates(text, partial=True)
    out: list[DateMention] = []
    i = 0
    while i < len(mentions) - 1:
        first, second = mentions[i], mentions[i + 1]
        join = text[first.end:second.start]
        joined = _RANGE_JOIN.fullmatch(join)
        if joined and "and" in join.lower():
            joined = _RANGE_OPEN.search(text[max(0, first.start - 12):first.start]) and joined
        start, end = first.value, second.value
        if joined and isinstance(start, dt.date) and isinstance(end, dt.date):
            if _is_partial(first):
                start = start.replace(day=1)
            if _is_partial(second):
                end = _month_end(end)
            if start < end:
                out.append(DateMention(DateRange(start, end), text[first.start:second.end],
                                       first.start, second.end))
                i += 2
                continue
        i += 1
    return out


def _is_partial(mention: DateMention) -> bool:
    return not any(p.fullmatch(mention.text) for _, p in _PATTERNS) and bool(
        any(p.fullmatch(mention.text) for _, p in _PARTIAL_PATTERNS))


# --- labels ---------------------------------------------------------------------------------------

#: canonical label -> the ways documents write it (one place for the label vocabulary).
#: Acronyms accept dots and OCR digits ("D.O.I.", "D0I"); a trailing ":" is required where
#: the bare word is too common ("Date:"); a leading "^" only at a line start ("Dated March 3,
#: 2025" closes a letter, while "the RFA dated March 3, 2025" dates something else); a trailing
#: "@" only right before a date ("CT 01/01/2019 - ...", never "CT scan on 03/03/2025").
DATE_LABELS: dict[str, tuple[str, ...]] = {
    "letter_date": ("Date:", "Dated:", "^Dated", "Letter Date", "Date of Letter", "Date of Notice",
                    "Notice Date", "Date Issued", "Issue Date", "Date of Issuance",
                    "Date Panel Issued", "Today's Date"),
    "report_date": ("Date of Report", "Report Date", "Date of this Report", "Report Dated",
                    "Date of Dictation", "Dictated:", "Dictated on", "Date Dictated",
                    "Transcribed:", "Date Transcribed", "As of:", "Revised:", "Date Revised",
                    "Last Revised", "Revision Date", "Prepared:", "Date Prepared",
                    "Prepared on", "Effective Date"),
    "exam_date": ("Date of Examination", "Date of Evaluation", "Exam Date",
                  "Examination Date", "Evaluation Date", "Date of Exam", "Date Examined",
                  "Date of Face-to-Face Evaluation", "Date Seen", "Date of First Examination",
                  "Date of Study", "Study Date", "Date of Test", "Test Date", "Examined:",
                  "Examined on", "Evaluated on", "Evaluated:", "Date of Eval", "Eval Date"),
    "date_of_service": ("DOS", "Date of Service", "Dates of Service", "Visit Date",
                        "Date of Visit", "Service Date", "Date(s) of Service", "Date of Surgery",
                        "Surgery Date", "Date of Procedure", "Procedure Date",
                        "Date of Operation", "Date of Call", "Date of Treatment",
                        "Treatment Date", "Encounter Date", "Date of Encounter", "Taken on",
                        "Date Taken", "Date of Deposition", "Deposition Date"),
    "date_of_injury": ("DOI", "Date of Injury", "Dates of Injury", "Date(s) of Injury",
                       "D/I", "Injury Date", "Date Injured", "Date of Loss", "Loss Date",
                       "Injury Date(s)", "CT@", "C.T.@",
                       "Cumulative Trauma@"),
    "dob": ("DOB", "Date of Birth", "Birth Date", "Birthdate", "D/B"),
    "decision_date": ("Date of Decision", "Decision Date", "Determination Date",
                      "Date of Determination", "Date of UR Decision", "UR Decision Date",
                      "UR Denial Date", "Date of UR Denial", "Date of UR Determination"),
    "received_date": ("Received:", "^Received", "Date Received", "Date RFA Received", "Date of Receipt",
                      "Receipt Date", "Rec'd", "Recd", "Received on", "Date Request Received",
                      "RFA Received"),
    "signed_date": ("Date Signed", "Signed on", "Signature Date", "Date of Signature",
                    "Executed on", "Signed this", "Executed this", "Signed:", "^Signed"),
    "service_date": ("served on", "Date Served", "Date of Proof of Service", "was served",
                     "were served", "Service Date of Decision", "Date of Mailing/Service"),
    "requested_date": ("Date of Request", "Request Date", "Date Requested", "Requested on",
                       # a letter naming the request it answers: "RFA dated: 12/09/2019"
                       "RFA dated:", "RFA Date:", "Request for Authorization dated:",
                       "Authorization dated:", "Request dated:"),
    # a person's employment, never the date of the document: "Hire date: 03/14/2011"
    "employment_date": ("Hire Date", "Date of Hire", "Date Hired", "Start Date",
                        "Employment Date", "Date of Employment", "Termination Date",
                        "Date of Termination", "Separation Date", "Date of Separation"),
    "mailed_date": ("Date Mailed", "Mailed on", "Mail Date", "Date of Mailing", "Mailing Date",
                    "Date Faxed", "Faxed on"),
}

#: labels that mean the proof-of-service date when the text is a proof of service
_POS_CONTEXT = re.compile(r"proof\s+of\s+(?:electronic\s+)?service|\bserved\b", re.I)
#: between two dates of one list: "01/02/2025, 01/09/2025", "1/2/25 and 1/9/25"
_LIST_JOIN = re.compile(r"\s?(?:,|;|&|and|,\s*and)\s?", re.IGNORECASE)
_WEEKDAY = re.compile(r"^(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+",
                      re.IGNORECASE)
#: a label binds to a date at most this many characters after it on the same line
_LABEL_REACH = 80


def _label_regex(phrase: str) -> str:
    """A label phrase -> regex. "^" first: only at the start of a line; ":" last: required."""
    if phrase.startswith("^"):
        return r"(?:^|(?<=\n))[ \t]*" + _label_regex(phrase[1:])
    if phrase.endswith("@"):       # only right before a date: "CT 01/2019", not "CT scan"
        return _label_regex(phrase[:-1]) + (r"(?=[ \t:]*(?:from[ \t]+)?(?:[0-9]|[OlI|][0-9OlI|]*[/.-]|"
                                            + _MONTH_RE + r"\b))")
    core = phrase.rstrip(":")
    colon = phrase.endswith(":")
    if re.fullmatch(r"[A-Z]{2,4}", core):     # acronym: DOI, D.O.I., D0I
        letters = []
        for char in core:
            alt = {"O": "[O0]", "I": "[I1l|]"}.get(char, char)
            letters.append(alt + r"\.?")
        body = r"\s?".join(letters)
        return r"(?<![A-Za-z0-9])" + body + r"(?![A-Za-z])"
    words = [re.escape(w) for w in core.split()]
    body = r"[ \t]+".join(words)
    body = body.replace(r"\(s\)", r"\(?s?\)?")
    return r"(?<![A-Za-z])" + body + (r"\s*:" if colon else r"(?![A-Za-z])")


@lru_cache(maxsize=32)
def _compile_labels(items: tuple[tuple[str, tuple[str, ...]], ...]
                    ) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One pattern for all labels, longest phrase first so "Date of Injury" beats "Date:"."""
    pairs = sorted(((phrase, name) for name, phrases in items for phrase in phrases),
                   key=lambda pair: -len(pair[0]))
    parts = [f"(?P<l{i}>{_label_regex(phrase)})" for i, (phrase, _) in enumerate(pairs)]
    return re.compile("|".join(parts), re.IGNORECASE), tuple(name for _, name in pairs)


@dataclass(frozen=True)
class _Label:
    name: str
    text: str
    start: int
    end: int          # end of the label word(s), before any ":"


def _find_labels(text: str, labels: Mapping[str, Sequence[str]]) -> list[_Label]:
    items = tuple((name, tuple(phrases)) for name, phrases in labels.items())
    pattern, names = _compile_labels(items)
    found: list[_Label] = []
    for match in pattern.finditer(text):
        key = match.lastgroup
        if key is None:
            continue
        written = match.group(0)
        start = match.start() + len(written) - len(written.lstrip())
        core = written.strip().rstrip(": \t")
        found.append(_Label(names[int(key[1:])], core, start, start + len(core)))
    return found


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _context_is_pos(text: str, pos: int) -> bool:
    """A proof of service precedes ``pos`` (within a page's reach) or its line says served."""
    line = text[_line_start(text, pos):_line_end(text, pos)]
    return bool(_POS_CONTEXT.search(text[max(0, pos - 1500):pos]) or _POS_CONTEXT.search(line))


def _resolve(label: _Label, text: str) -> str:
    """"Date of Service" in a proof of service is the date it was served, not a visit."""
    if label.name == "date_of_service" and not re.fullmatch(r"D\.?\s?O\.?\s?S\.?", label.text,
                                                            re.I) \
            and _context_is_pos(text, label.start):
        return "service_date"
    return label.name


def labelled_dates(text: str, labels: Mapping[str, Sequence[str]] | None = None,
                   ranges: bool = True) -> list[DateMention]:
    """Every date of ``text`` with the label it belongs to (``label`` None when unlabelled).

    A date takes the nearest preceding label on its line (within reach, and with no other date
    between them unless the dates form a list: "DOS: 1/2/25, 1/9/25"). A date that opens its
    line takes a label that ends the line above ("Date of Injury:\\n03/12/2024"); a row of
    dates under a row of labels pairs them in order. ``ranges``: closed periods are returned
    as one ``DateRange`` mention instead of two dates.
    """
    labels = labels if labels is not None else DATE_LABELS
    mentions = find_dates(text)
    if ranges:
        spans = find_date_ranges(text)
        mentions = [m for m in mentions
                    if not any(r.start <= m.start and m.end <= r.end for r in spans)]
        mentions = sorted(mentions + spans, key=lambda m: m.start)
    found = _find_labels(text, labels)
    out: list[DateMention] = []
    previous: DateMention | None = None
    for mention in mentions:
        line_start = _line_start(text, mention.start)
        on_line = any(line_start <= lab.start < _line_end(text, line_start) for lab in found)
        bound = None if on_line else _bind_line_above(mention, mentions, found, text)
        if bound is None:
            bound = _bind_same_line(mention, previous, found, text)
        if _OPEN_END.match(text, mention.end):
            bound = None              # "CT 01/01/2019 - present": no closed date to report
        if bound is not None:
            out.append(replace(mention, label=_resolve(bound, text), label_text=bound.text))
        else:
            out.append(mention)
        previous = out[-1]
    return out


def _bind_same_line(mention: DateMention, previous: DateMention | None, found: list[_Label],
                    text: str) -> _Label | None:
    line_start = _line_start(text, mention.start)
    before = [lab for lab in found if line_start <= lab.start and lab.end <= mention.start]
    if before:
        label = before[-1]
        gap = text[label.end:mention.start]
        blocked = previous is not None and label.end <= previous.start
        if not blocked and len(gap) <= _LABEL_REACH:
            return label
    # a list of dates after one label: "Dates of Service: 01/02/2025, 01/09/2025"
    if previous is not None and previous.label is not None and previous.end >= line_start \
            and _LIST_JOIN.fullmatch(text[previous.end:mention.start]):
        return _Label(previous.label, previous.label_text or previous.label, previous.start,
                      previous.start)
    return None


def _bind_line_above(mention: DateMention, mentions: list[DateMention], found: list[_Label],
                     text: str) -> _Label | None:
    line_start = _line_start(text, mention.start)
    if line_start == 0:
        return None
    prefix = text[line_start:mention.start]
    line_end = _line_end(text, line_start)
    row = [m for m in mentions if line_start <= m.start < line_end]
    position = row.index(mention) if mention in row else 0
    if position == 0 and re.search(r"[A-Za-z]{3,}", prefix):
        return None
    # the nearest line above with text (OCR leaves blank lines between a label and its value)
    above_end = line_start - 1
    for _ in range(3):
        above_start = _line_start(text, above_end)
        if text[above_start:above_end].strip() or above_start == 0:
            break
        above_end = above_start - 1
    above = [lab for lab in found if above_start <= lab.start and lab.end <= above_end]
    if not above:
        return None
    if len(above) == len(row) and len(row) > 1:
        return above[position]
    tail = text[above[-1].end:above_end]
    if position == 0 and not re.search(r"[A-Za-z0-9]", tail):
        return above[-1]
    return None


def _line_end(text: str, line_start: int) -> int:
    end = text.find("\n", line_start)
    return len(text) if end == -1 else end


def date_for(text: str, *labels: str) -> DateMention | None:
    """The first date bound to any of ``labels`` (canonical names of ``DATE_LABELS``)."""
    wanted = set(labels)
    return next((m for m in labelled_dates(text) if m.label in wanted), None)

"""The common facts of every document, each with the page and quote it was read from.

``extract_common(doc, pages)`` fills: ``date`` + ``date_label`` (chosen by label according to
the document's type, never simply the first date on a page), ``service_date`` (from an attached
proof of service), ``author`` + ``author_role``, ``claimant_name``, ``claim_number``,
``adj_number``, ``date_of_birth``, ``date_of_injury`` (a ``DateRange`` for a continuous-trauma
period), ``employer``, ``claims_administrator`` and ``body_parts`` (canonical names).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from pipeline.extract.bodyparts import find_body_parts, merge_sides
from pipeline.extract.dates import DateMention, find_dates, labelled_dates
from pipeline.extract.evidence import quote_at
from pipeline.extract.people import find_author, find_claimant, find_sender, full_spelling
from pipeline.model import DateRange, Document, Page

__all__ = ["DATE_PRIORITY", "extract_common"]

#: letters: never "Date of UR Decision" (an IMR notice or a deferral letter names the date of
#: the decision it is about, not its own)
_LETTERS = ("letter_date", "letter_header", "report_date", "signed_date")
_REPORTS = ("report_date", "letter_date", "letter_header", "exam_date", "date_of_service",
            "signed_date")
_VISITS = ("date_of_service", "exam_date", "report_date", "letter_date", "letter_header",
           "signed_date")
_FORMS = ("signed_date", "signature_line", "letter_date", "letter_header", "report_date")
_EMPLOYER_PAPERS = ("signed_date", "letter_date", "letter_header", "signature_line", "report_date")

#: which dated label is "the date" of a document, by document type (first found wins)
DATE_PRIORITY: dict[str, tuple[str, ...]] = {
    "ur_decision": ("letter_date", "decision_date", "letter_header", "signed_date"),
    "imr_determination": ("letter_date", "letter_header", "decision_date", "signed_date"),
    "imr_notice": _LETTERS,
    "correspondence": _LETTERS,
    "qme_panel_list": ("letter_date", "letter_header", "signed_date"),
    "deposition": ("date_of_service", "letter_date", "letter_header", "report_date",
                   "signed_date"),
    "qme_report": _REPORTS,
    "ame_report": _REPORTS,
    "imaging_report": ("report_date", "exam_date", "date_of_service", "letter_date",
                       "letter_header", "signed_date"),
    "diagnostic_report": ("report_date", "exam_date", "date_of_service", "letter_date",
                          "letter_header", "signed_date"),
    "operative_report": ("date_of_service", "report_date", "exam_date", "letter_date",
                         "letter_header", "signed_date"),
    "treating_report": _VISITS,
    "doctor_first_report": _VISITS,
    "therapy_note": _VISITS,
    "peer_to_peer_note": _VISITS,
    "medication_list": _VISITS,
    "rfa": _FORMS,
    "imr_application": _FORMS,
    "claim_form": _FORMS,
    "employer_report": _FORMS,
    # an employer's own paper: its header date, before a signature acknowledging something else
    "job_description": _EMPLOYER_PAPERS,
    "wage_statement": _EMPLOYER_PAPERS,
    "other": _LETTERS,
}

#: the role of the person who signs each type of document
AUTHOR_ROLES: dict[str, str] = {
    "ur_decision": "UR reviewer", "imr_determination": "IMR reviewer", "qme_report": "QME",
    "ame_report": "AME", "treating_report": "PTP", "doctor_first_report": "PTP",
    "rfa": "requesting physician", "imaging_report": "radiologist",
    "operative_report": "surgeon", "therapy_note": "therapist",
}

#: documents whose author may be only their sender ("From:" of a fax cover or memo)
SENDER_AUTHORED = ("correspondence",)

_POS_HEADING = re.compile(
    r"(?im)^[ \t]*(?:proof|declaration|certificate)[ \t]+of[ \t]+(?:electronic[ \t]+)?"
    r"(?:service|mailing)\b")
_SERVED_SENTENCE = re.compile(r"(?i)\b(?:served|mailed|faxed|transmitted|deposited|e-?served|"
                              r"sent)\b")
_TOP_SHARE = 0.4       # a bare date line in the top 40% of page 1 is the letter's date


@dataclass
class _PageText:
    page: Page
    body_end: int                  # text[:body_end] is the document; the rest is a POS
    mentions: list[DateMention]


def _split_pages(pages: list[Page]) -> list[_PageText]:
    out: list[_PageText] = []
    in_pos = False
    for page in pages:
        text = page.text or ""
        if in_pos:
            body_end = 0
        else:
            heading = _POS_HEADING.search(text)
            body_end = heading.start() if heading else len(text)
            in_pos = heading is not None
        out.append(_PageText(page, body_end, labelled_dates(text)))
    return out


def _body(parts: list[_PageText]) -> Iterator[tuple[_PageText, list[DateMention]]]:
    for part in parts:
        yield part, [m for m in part.mentions if m.end <= part.body_end]


# --- dates -------------------------------------------------------------------------------------

def _letter_header(parts: list[_PageText]) -> tuple[_PageText, DateMention] | None:
    """A date standing alone on its line near the top of the first page (a letter's date)."""
    if not parts:
        return None
    part = parts[0]
    text = part.page.text
    limit = min(part.body_end, max(200, int(len(text) * _TOP_SHARE)))
    for mention in part.mentions:
        if mention.start >= limit or not isinstance(mention.value, dt.date):
            continue
        line_start = text.rfind("\n", 0, mention.start) + 1
        line_end = text.find("\n", mention.end)
        line = text[line_start:len(text) if line_end == -1 else line_end]
        rest = re.sub(r"[^A-Za-z0-9 ]", "", line.replace(mention.text, "")).strip()
        if not rest or re.fullmatch(r"(?:[A-Z][a-z]+\s*)?(?:California|CA)?", rest):
            return part, mention
    return None


def _signature_line(parts: list[_PageText]) -> tuple[_PageText, DateMention] | None:
    """"Signature: /s/ ...   Date: 04/01/2025": the date on a signature line (last one wins)."""
    found = None
    for part, mentions in _body(parts):
        text = part.page.text
        for mention in mentions:
            line_start = text.rfind("\n", 0, mention.start) + 1
            if re.search(r"(?i)signature|signed|/s/", text[line_start:mention.start]) \
                    and isinstance(mention.value, dt.date):
                found = (part, mention)
    return found


def _choose_date(doc: Document, parts: list[_PageText]) -> tuple[_PageText, DateMention,
                                                                 str] | None:
    priority = DATE_PRIORITY.get(doc.type, _LETTERS)
    for label in priority:
        if label == "letter_header":
            hit = _letter_header(parts)
        elif label == "signature_line":
            hit = _signature_line(parts)
        else:
            hit = next(((part, m) for part, mentions in _body(parts) for m in mentions
                        if m.label == label and isinstance(m.value, dt.date)), None)
        if hit is not None:
            return hit[0], hit[1], label
    return None


def _service_date(parts: list[_PageText]) -> tuple[_PageText, DateMention] | None:
    """The date a proof of service says the document was served."""
    pos = [(part, [m for m in part.mentions if m.start >= part.body_end and
                   isinstance(m.value, dt.date)]) for part in parts]
    pos = [(part, mentions) for part, mentions in pos if mentions]
    for wanted in (("service_date", "mailed_date"), None, ("signed_date",)):
        for part, mentions in pos:
            for mention in mentions:
                if wanted is not None and mention.label in wanted:
                    return part, mention
                if wanted is None and _in_served_sentence(part.page.text, mention):
                    return part, mention
    if pos:
        return pos[0][0], pos[0][1][0]
    return None


def _in_served_sentence(text: str, mention: DateMention) -> bool:
    start = max(text.rfind(".", 0, mention.start), text.rfind("\n\n", 0, mention.start)) + 1
    end = text.find(".", mention.end)
    sentence = text[start:len(text) if end == -1 else end]
    return bool(_SERVED_SENTENCE.search(sentence))


# --- labelled values ---------------------------------------------------------------------------

_CLAIM_NO = re.compile(
    r"(?i)\b(?:carrier\s+|insurer\s+|ins\.?\s+)?(?:claim|clm)\s*(?:no\.?|number|num\.?|#|nbr\.?|id|ref(?:erence)?(?:\s+no\.?)?|(?=:)|"
    r"(?=[ \t]*\n?[ \t]+[A-Z0-9]{0,4}-?\d{2})|(?=[ \t]*\n[A-Z]{1,4}\d{2}-?\d{3,}))"
    r"\s*[:#.]?(?:[ \t]*\.{3,})?"
    r"(?:[^\S\n]|[_|~\u2014:;,.-]){0,6}(?:\n[^\S\n]*){0,3}(?:[a-z]{1,3}[ \t]+)?(?P<value>[A-Z0-9][A-Z0-9\-/.]{2,}[A-Z0-9])")
_ADJ = re.compile(r"(?<![A-Za-z])ADJ[ \t]*[-:#]?[ \t]*(?P<digits>[0-9OolI|]{6,10})(?![0-9])",
                  re.IGNORECASE)
_EMPLOYER = re.compile(
    r"(?im)(?:^|(?<=\s))(?:employer(?:'s)?(?:\s+name)?|name\s+of\s+employer|insured|"
    r"firm\s+name|employer\s+/\s+insured)\s*:[ \t]*(?P<value>[^\n]+)")
_ADMINISTRATOR = re.compile(
    r"(?im)(?:^|(?<=\s))(?:claims?\s+administrator(?:\s*/\s*insurer)?(?:\s+name)?|"
    r"insurance\s+carrier(?:\s*/\s*(?:claims\s+)?administrator)?|carrier|insurer(?:\s+name)?"
    r"(?:\s+and\s+address)?|third[\s-]party\s+administrator|TPA|"
    r"name\s+and\s+address\s+of\s+insurance\s+carrier(?:\s+or\s+adjusting\s+agency)?|"
    r"adjusting\s+agency)\s*:[ \t]*(?P<value>[^\n]+)")
#: where a value's cell ends: a wide gap, the next label, or the start of an address
_CELL_END = re.compile(r"\s{3,}|\t|\s(?=[A-Z][A-Za-z.#/ ]{1,30}:)|,?\s+(?=P\.?\s?O\.?\s+Box\b)|"
                       r",\s*(?=\d)|\s+(?=\d{2,6}\s+[A-Z][a-z]+)")
_BODY_PART_LINE = re.compile(
    r"(?im)(?:body[:;.,]?\s+parts?(?:\s*\(s\))?(?:\s+(?:claimed|injured|accepted|involved|in\s+dispute|"
    r"at\s+issue|in\s+issue|addressed|evaluated|alleged))?|"
    r"parts?\s+of\s+(?:the\s+)?body(?:\s+injured)?|injured\s+body\s+parts?|"
    r"accepted\s+body\s+parts?|nature\s+of\s+injury\s*/\s*part\s+of\s+body)"
    r"(?:\s+(?:affected|injured))?(?:\s*:|\s+(?:are|is|include|includes|were)\b)[ \t]*"
    r"(?P<value>[^\n]*(?:\n(?![^\n]{0,40}:)[^\n]+)?)")
#: the date of an accident is the date of injury ("D/A:", "Date of Accident:", "DOA:")
_ACCIDENT_LABEL = re.compile(r"(?im)(?<![A-Za-z0-9/])(?:D/A|DA(?=[ \t]*:)|D\.O\.A\.?|DOA|date\s+of\s+"
                             r"(?:the\s+)?accident|accident\s+date)[ \t]*[:#]?[ \t]*")
_ACCIDENT_REACH = 12
#: a labelled body-part list ends with its sentence
_SENTENCE_END = re.compile(r"\.\s+(?=[A-Z])")
#: a form label alone at the end of its line ("5. Describe injury and part of body affected:"):
#: its cell wraps over the lines below, up to the next field label or a blank line
_WRAPPED_CELL_END = re.compile(r"\n[ \t]*(?:\n|\d{1,2}[A-Za-z]?\.[ \t]+[A-Z]|[^\n]{0,40}:)")
_WRAPPED_CELL_LINES = 10
#: words that name a body part without meaning the injured part: a physician's specialty
#: ("internal medicine consultation", "Board certified in internal medicine") and the title
#: of a treatment guideline ("ACOEM ... Cervical and Thoracic Spine Disorders"), and a reviewer's
#: process ("an internal appeal", OCR'd "an internal .\nappeal")
_NOT_A_BODY_PART = re.compile(
    r"(?i)\binternal\s+med(?:icine\b|\.)(?=,?\s+(?:consult|evaluation|clearance|referral|"
    r"specialist|physician|doctor|visit|follow|QME|AME|panel|practice|group|associates)|\s*\))"
    r"|(?<=certified in )internal\s+medicine|(?<=specialty: )internal\s+medicine"
    r"|\b(?:ACOEM|MTUS|ODG)\b[^.;]{0,80}?\b(?:Disorders|Complaints)\b"
    r"|\binternal[\s.,]{0,4}(?:appeal|review)s?\b")
#: a psychological injury as a claim form or an employer's report words it ("stress/anxiety",
#: "depression"), read only inside a labelled body-part cell
_PSYCHE_COMPLAINT = re.compile(
    r"(?i)\b(?:anxiety|depression|depressive|emotional[ \t]+distress|"
    r"(?<!repetitive )(?<!repetitive-)stress(?![ \t-]*(?:fracture|test|injur|reaction)))\b")


def _cell(value: str) -> str:
    return _CELL_END.split(value.strip(), maxsplit=1)[0].strip(" \t,;")


def _has_digits(value: str) -> bool:
    """A claim number has digits and is not a date."""
    return sum(c.isdigit() for c in value) >= 3 and not find_dates(value)


def _first_claim_number(parts: list[_PageText]) -> tuple[_PageText, re.Match[str]] | None:
    for part, _ in _body(parts):
        for match in _CLAIM_NO.finditer(part.page.text[:part.body_end]):
            if _has_digits(match.group("value")):
                return part, match
    return None


def _first(parts: list[_PageText], pattern: re.Pattern[str]
           ) -> tuple[_PageText, re.Match[str]] | None:
    for part, _ in _body(parts):
        match = pattern.search(part.page.text[:part.body_end])
        if match:
            return part, match
    return None


def _is_name_value(value: str) -> bool:
    return bool(re.search(r"[A-Za-z]{2,}", value)) and not re.fullmatch(
        r"(?i)(?:n/?a|none|unknown|self|same|yes|no)", value)


# --- the entry point ---------------------------------------------------------------------------

def extract_common(doc: Document, pages: list[Page]) -> None:
    """Fill the common facts of ``doc`` from its ``pages`` (each value with its evidence)."""
    parts = _split_pages(pages)
    if not parts:
        return

    def cite(field: str, part: _PageText, start: int, end: int) -> None:
        doc.cite(field, quote_at(part.page, start, end, doc.id))

    chosen = _choose_date(doc, parts)
    if chosen is not None:
        part, mention, label = chosen
        assert isinstance(mention.value, dt.date)
        doc.date, doc.date_label = mention.value, label
        cite("date", part, mention.start, mention.end)

    served = _service_date(parts)
    if served is not None:
        part, mention = served
        assert isinstance(mention.value, dt.date)
        doc.service_date = mention.value
        cite("service_date", part, mention.start, mention.end)

    _extract_people(doc, parts, cite)
    _extract_numbers(doc, parts, cite)
    _extract_claim_dates(doc, parts, cite)
    _extract_parties(doc, parts, cite)
    _extract_body_parts(doc, parts, cite)


def _extract_people(doc: Document, parts: list[_PageText], cite) -> None:
    body = [(part, part.page.text[:part.body_end]) for part in parts]
    for part, text in body:
        person = find_claimant(text)
        if person is not None:
            doc.claimant_name = person.name
            cite("claimant_name", part, person.start, person.end)
            break
    # the signer: last pages first (signatures close a document)
    for part, text in reversed(body):
        person = find_author(text)
        if person is not None:
            doc.author = full_spelling(person.name, "\n".join(t for _, t in body))
            doc.author_role = AUTHOR_ROLES.get(doc.type)
            cite("author", part, person.start, person.end)
            break
    if doc.author is None and doc.type in SENDER_AUTHORED:
        for part, text in body:
            person = find_sender(text)
            if person is not None:
                doc.author = person.name
                cite("author", part, person.start, person.end)
                break


def _extract_numbers(doc: Document, parts: list[_PageText], cite) -> None:
    hit = _first_claim_number(parts)
    if hit is not None:
        part, match = hit
        doc.claim_number = match.group("value").rstrip(".-/")
        cite("claim_number", part, match.start("value"), match.end("value"))
    hit = _first(parts, _ADJ)
    if hit is not None:
        part, match = hit
        digits = match.group("digits").translate(str.maketrans("OolI|", "00111"))
        doc.adj_number = f"ADJ{digits}"
        cite("adj_number", part, match.start(), match.end())


def _extract_claim_dates(doc: Document, parts: list[_PageText], cite) -> None:
    for part, mentions in _body(parts):
        dob = next((m for m in mentions if m.label == "dob" and isinstance(m.value, dt.date)),
                   None)
        if dob is not None and doc.date_of_birth is None:
            doc.date_of_birth = dob.value  # type: ignore[assignment]
            cite("date_of_birth", part, dob.start, dob.end)
        doi = next((m for m in mentions if m.label == "date_of_injury"), None)
        if doi is not None and doc.date_of_injury is None:
            doc.date_of_injury = doi.value
            cite("date_of_injury", part, doi.start, doi.end)
    if doc.date_of_injury is None:
        # the date of the accident: "D/A: 12/22/2025", "Date of Accident: ..."
        for part, _ in _body(parts):
            text = part.page.text[:part.body_end]
            label = _ACCIDENT_LABEL.search(text)
            if label is None:
                continue
            line_end = text.find("\n", label.end())
            value = text[label.end():len(text) if line_end == -1 else line_end]
            found = next(iter(find_dates(value)), None)
            if found is not None and found.start <= _ACCIDENT_REACH and isinstance(found.value, dt.date | DateRange):
                doc.date_of_injury = found.value
                cite("date_of_injury", part, label.end() + found.start, label.end() + found.end)
                break
    if doc.date_of_injury is None:
        # "continuous trauma from 01/01/2019 through 03/15/2023" without a DOI label
        for part, mentions in _body(parts):
            text = part.page.text
            ct = next((m for m in mentions if isinstance(m.value, DateRange) and re.search(
                r"(?i)\b(?:CT|cumulative|continuous)\b", text[max(0, m.start - 60):m.start])),
                None)
            if ct is not None:
                doc.date_of_injury = ct.value
                cite("date_of_injury", part, ct.start, ct.end)
                break


def _extract_parties(doc: Document, parts: list[_PageText], cite) -> None:
    for field, pattern in (("employer", _EMPLOYER), ("claims_administrator", _ADMINISTRATOR)):
        for part, _ in _body(parts):
            text = part.page.text[:part.body_end]
            for match in pattern.finditer(text):
                value = _cell(match.group("value"))
                if _is_name_value(value) and not find_dates(value):
                    setattr(doc, field, value)
                    start = match.start("value")
                    cite(field, part, start, start + len(value))
                    break
            if getattr(doc, field) is not None:
                break


def _mask_not_body_parts(text: str) -> str:
    """``text`` with specialties and guideline titles blanked (same length)."""
    return _NOT_A_BODY_PART.sub(lambda m: " " * len(m.group(0)), text)


def _body_parts_in(text: str) -> list[tuple[str, int, int]]:
    """Body parts named in ``text``, a name broken over lines ("low\r\nback") included;
    offsets are ``text``'s."""
    text = _mask_not_body_parts(text)
    pieces = list(re.finditer(r"\S+", text))
    squeezed = " ".join(m.group(0) for m in pieces)
    starts: list[int] = []            # squeezed offset -> text offset
    for m in pieces:
        starts.extend(range(m.start(), m.end()))
        starts.append(m.end())
    starts.append(len(text))
    return [(name, starts[start], starts[end - 1] + 1 if end > start else starts[start])
            for name, start, end in find_body_parts(squeezed)]


def _labelled_value(text: str, match: re.Match[str]) -> str:
    """The value of a body-part label: its line (and one wrapped line) up to the sentence's
    end; a label ending its line owns the wrapped cell below it."""
    value = match.group("value")
    if value.strip() and not value.startswith("\n"):
        return _SENTENCE_END.split(value, maxsplit=1)[0]
    start = match.start("value")
    end = _WRAPPED_CELL_END.search(text, start + 1)
    stop = len(text) if end is None else end.start()
    lines = text[start:stop].split("\n")
    return "\n".join(lines[:_WRAPPED_CELL_LINES + 1])


def _extract_body_parts(doc: Document, parts: list[_PageText], cite) -> None:
    """Body parts a labelled line names; else every body part the document mentions."""
    found: list[tuple[str, _PageText, int, int]] = []
    for part, _ in _body(parts):
        text = part.page.text[:part.body_end]
        on_page: list[tuple[str, _PageText, int, int]] = []
        for match in _BODY_PART_LINE.finditer(text):
            value = _labelled_value(text, match)
            offset = match.start("value")
            for name, start, end in _body_parts_in(value):
                on_page.append((name, part, offset + start, offset + end))
            for psyche in _PSYCHE_COMPLAINT.finditer(value):
                on_page.append(("psyche", part, offset + psyche.start(), offset + psyche.end()))
        found.extend(sorted(on_page, key=lambda item: item[2]))
    if not found:
        for part, _ in _body(parts):
            for name, start, end in _body_parts_in(part.page.text[:part.body_end]):
                found.append((name, part, start, end))
    seen: list[str] = []
    for name, part, start, end in found:
        if name not in seen:
            seen.append(name)
            if len(seen) == 1:
                cite("body_parts", part, start, end)
    doc.body_parts = merge_sides(seen)

"""UR decision letters: dates, service, treatments and decisions, reviewer, required contents.

``extract_ur(doc, pages, settings) -> UrBlock``. Every value found is cited with
``doc.cite("ur.<field>", evidence)``. The rules read what the letter means, not one vendor's
layout: dates by their labels (or stamps / fax headers for receipt), decisions by their wording
(certified, non-certified, modified, deferred, CNC...), treatments from a table (word columns)
or labelled blocks or decision sentences, service from the proof of service.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from pipeline.analyze.deadlines import imr_deadline
from pipeline.extract.dates import DATE_LABELS, labelled_dates
from pipeline.extract.evidence import first_found, quote_at
from pipeline.extract.guidelines import find_guidelines
from pipeline.extract.records import is_table_header, parse_records
from pipeline.extract.rfa import (
    DateOnPage,
    clean_name,
    fax_header_dates,
    label_value,
    received_dates,
)
from pipeline.extract.treatments import (
    normalize_decision,
    read_item_blocks,
    read_prose,
    read_tables,
    reconcile_quantities,
    repair_words,
    same_treatment,
)
from pipeline.model import Document, Evidence, Page, Treatment, UrBlock
from pipeline.settings import Settings

# --- dates ------------------------------------------------------------------------------------------

_LABELS: dict[str, tuple[str, ...]] = {
    **{k: v for k, v in DATE_LABELS.items()
       if k in ("letter_date", "decision_date", "service_date", "signed_date", "dob",
                "date_of_injury", "date_of_service", "requested_date")},
    "decision_date": DATE_LABELS["decision_date"] + (
        "Date of Review", "Review Date", "Date Reviewed", "Reviewed on", "Date of UR Determination",
        "Determination Made", "Decision Made", "Decision Rendered", "Date of Certification",
        "Certification Date", "determined on", "decided on", "Review Completed"),
    "received_date": DATE_LABELS["received_date"] + (
        "Request Received", "Date of RFA Receipt", "RFA Receipt Date", "Date/Time Received",
        "received your request", "received the request", "received a request", "was received",
        "RFA Received Date", "Date RFA Rec'd", "Receipt of RFA", "Received Date"),
    "mailed_date": ("Date Mailed", "Mailed on", "Mail Date", "Date of Mailing", "Mailing Date",
                    "was mailed", "were mailed", "deposited", "Date Sent", "Sent on"),
    "faxed_date": ("Date Faxed", "Faxed on", "Fax Date", "was faxed", "were faxed",
                   "Date Transmitted", "Transmitted on", "Communicated on", "Date Communicated",
                   "Date of Communication", "Verbal Notification", "Telephone Notification",
                   "Notified on", "Called on"),
}


# a "Dated:" label that follows the name of another document dates that document
_OTHER_DOCUMENT_DATE = re.compile(
    r"\b(?:RFA|request(?:\s+for\s+authori[sz]ation)?|report|PR-?2|authori[sz]ation|records?|"
    r"prescription|referral|application)\s*(?:form\s*)?(?:was\s+)?(?:dated|date)\s*:?\s*$", re.I)


def _collect_dates(pages: list[Page]) -> tuple[dict[str, DateOnPage], list[DateOnPage]]:
    """First date of each label (document order) and every unlabelled date."""
    first: dict[str, DateOnPage] = {}
    unlabelled: list[DateOnPage] = []
    for page in pages:
        for d in labelled_dates(repair_words(page.text), _LABELS, ranges=False):
            if not isinstance(d.value, dt.date):
                continue
            item = DateOnPage(d.value, page, d.start, d.end, d.label or "")
            if d.label == "received_date" and d.label_text:
                # "received a DWC Form RFA signed by Dr. X on <date>": the date is not the receipt
                line_start = page.text.rfind("\n", 0, d.start) + 1
                at = page.text.lower().rfind(d.label_text.lower(), line_start, d.start)
                if at >= 0 and re.search(r"\b(?:signed|dated|written|authored|sent)\b",
                                         page.text[at:d.start], re.I):
                    continue
            if d.label == "letter_date" and _OTHER_DOCUMENT_DATE.search(
                    page.text[page.text.rfind("\n", 0, d.start) + 1:d.start]):
                continue                # "RFA dated: 12/09/2019" dates the request, not the letter
            if d.label:
                first.setdefault(d.label, item)
            else:
                unlabelled.append(item)
    return first, unlabelled


_RECEIVED_AFTER = re.compile(
    r"^[ \t,]{0,3}(?:(?:at\s+)?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?[ \t,]{0,3})?(?:we|our\s+office|this\s+office|UR|"
    r"the\s+(?:claims\s+administrator|UR\s+\w+|utilization\s+review\s+\w+|reviewer))\s+"
    r"(?:first\s+)?received|^[ \t,]{0,3}(?:the\s+)?(?:RFA|request|DWC\s+Form\s+RFA)\s+was\s+received",
    re.I)


def _received_in_prose(pages: list[Page]) -> DateOnPage | None:
    """ "On 09/24/2025 we received a DWC Form RFA signed ... on 09/22/2025": the date the
    receiving verb follows (a label-first reading would take the signature date)."""
    for page in pages:
        text = repair_words(page.text)
        for d in labelled_dates(text, _LABELS, ranges=False):
            if isinstance(d.value, dt.date) and _RECEIVED_AFTER.search(text[d.end:d.end + 80]):
                return DateOnPage(d.value, page, d.start, d.end, "received_date")
    return None


_SERVED_VERB = re.compile(r"\b(?:served|mailed|sent|deposited|delivered)\b", re.I)


def _served_in_prose(pages: list[Page]) -> tuple[DateOnPage, tuple[str, int, int] | None] | None:
    """ "Served via fax and U.S. Mail on 05/15/2025." / "This notice was sent by mail to all
    parties on ...": a serving verb shortly before "on <date>" in one sentence."""
    for page in pages:
        text = repair_words(page.text)
        for d in labelled_dates(text, _LABELS, ranges=False):
            if not isinstance(d.value, dt.date) or d.label in ("dob", "date_of_injury"):
                continue
            before = re.sub(r"\b(U)\.(S)\.", r"\1 \2 ", text[max(0, d.start - 90):d.start])
            before = re.split(r"[.;\n](?:\s|$)|\d{1,2}/\d{1,2}/\d{2,4}", before)[-1]
            verb = _SERVED_VERB.search(before)
            if verb and re.search(r"\bon\s*$", before) and not re.search(
                    r"\b(?:request|RFA|records?)\b[^.]*\b(?:sent|delivered)\b", before, re.I):
                found = service_method(before)
                return DateOnPage(d.value, page, d.start, d.end, "service_date"), found
    return None


def _pos_span(pages: list[Page]) -> tuple[Page, int] | None:
    """Where a proof of service begins (page and offset of its heading)."""
    for page in pages:
        m = re.search(r"(?:proof|certificate|declaration|affidavit)\s+of\s+(?:electronic\s+)?"
                      r"(?:service|mailing)|certification\s+of\s+service", page.text, re.I)
        if m:
            return page, m.start()
    return None


_METHODS: list[tuple[str, re.Pattern[str]]] = [
    ("mail", re.compile(r"u\.?\s?s\.?\s+(?:postal\s+)?mail|first[\s-]class\s+(?:u\.?s\.?\s+)?mail|"
                        r"certified\s+mail|\bby\s+mail|\bvia\s+mail|\bmailed\b|\bmailing\b|"
                        r"\bpostage\b|\bmail\s+service|\bregular\s+mail|\bthe\s+mail\b|"
                        r"(?<![-\w])mail(?![-\w])", re.I)),
    ("fax", re.compile(r"\bfax(?:ed)?\b|facsimile|telecop", re.I)),
    ("email", re.compile(r"\be-?\s?mail(?:ed)?\b|electronic(?:ally)?\s+(?:served|service|"
                         r"transmi|mail)|served\s+electronically|\bvia\s+secure\s+portal", re.I)),
    ("personal", re.compile(r"personal(?:ly)?\s+(?:service|served|deliver)|hand[\s-]?deliver|"
                            r"by\s+hand|personal\s+delivery", re.I)),
]
_BOX_CHECKED = r"(?:\[\s*[xX✓✔]\s*\]|\(\s*[xX✓✔]\s*\)|[☒☑■✓✔]|(?<![A-Za-z])[xX](?![A-Za-z]))"
_BOX_EMPTY = r"(?:\[\s*\]|\(\s*\)|[☐□○◯])"


def service_method(text: str) -> tuple[str, int, int] | None:
    """How a document was served, from proof-of-service wording or ticked boxes.

    With boxes, only ticked ones count ("[X] U.S. Mail  [ ] Fax"). Several methods (served on
    the physician by fax and on the employee by mail): mail wins, as the employee's service.
    """
    boxed = re.search(_BOX_EMPTY, text) is not None
    hits: list[tuple[str, int, int]] = []
    for method, rx in _METHODS:
        for m in rx.finditer(text):
            before = text[max(0, m.start() - 40):m.start()]
            line_before = before.split("\n")[-1]
            if boxed and re.search(_BOX_EMPTY + r"[^\[\]☐□☒☑■]{0,25}$", line_before) and not \
                    re.search(_BOX_CHECKED + r"[^\[\]☐□☒☑■]{0,25}$", line_before):
                continue
            tail = text[m.end():m.end() + 20]
            if method in ("fax", "email") and re.match(
                    r"\s*(?:no\.?|number|#|address)?\s*[:#]?\s*(?:\(?\d{3}|\S+@)", tail, re.I):
                continue                          # "Fax: (916) 555-0100" is a number, not service
            hits.append((method, m.start(), m.end()))
            break
    if not hits:
        return None
    for method in ("mail", "fax", "email", "personal"):
        for hit in hits:
            if hit[0] == method:
                return hit
    return None


# --- classification of the letter ---------------------------------------------------------------------

def _search(pages: list[Page], pattern: str | re.Pattern[str], flags: int = re.I
            ) -> tuple[Page, re.Match[str]] | None:
    rx = re.compile(pattern, flags) if isinstance(pattern, str) else pattern
    for page in pages:
        m = rx.search(page.text)
        if m:
            return page, m
    return None


def _cite_match(doc: Document, field: str, hit: tuple[Page, re.Match[str]] | None) -> None:
    if hit:
        doc.cite(field, quote_at(hit[0], hit[1].start(), hit[1].end()))


_DEFERRAL = re.compile(
    r"\bdeferr(?:ed|al)\b[^.]{0,200}(?:liabilit|disput|compensab|AOE|COE|not\s+subject)|"
    r"(?:liabilit|compensab)[^.]{0,120}\bdisput[^.]{0,200}\bdefer|notice\s+of\s+deferral|"
    r"UR\s+(?:is|has\s+been)\s+deferred|review\s+(?:is|has\s+been)\s+deferred", re.I)
_INCOMPLETE = re.compile(
    r"\b(?:incomplete|not\s+(?:a\s+)?complete(?:d)?)\s+(?:request|RFA|DWC\s+Form\s+RFA|form|"
    r"submission)|request\s+(?:is|was)\s+(?:incomplete|not\s+complete)|"
    r"RFA\s+(?:is|was)\s+(?:incomplete|not\s+complete|being\s+returned)|"
    r"returned?\s+(?:as|because|for)\s+(?:it\s+is\s+)?(?:incomplete|not\s+complete)|"
    r"notice\s+of\s+incomplete", re.I)


def notice_kind(text: str) -> str:
    if _INCOMPLETE.search(text):
        return "incomplete_rfa"
    if _DEFERRAL.search(text):
        return "deferral"
    return "decision"


_REVIEW_TYPE_LABEL = re.compile(
    r"(?:type\s+of\s+(?:utilization\s+)?review|review\s+type|request\s+type|type\s+of\s+request|"
    r"review\s+category|timing)\s*[:\-–]?\s*(?P<v>[^\n]{0,60})", re.I)
_REVIEW_TYPES = (("retrospective", r"retro(?:spective|\.|\b)"),
                 ("concurrent", r"concurrent"), ("prospective", r"prospective|pre[\s-]?service"))


def review_type(text: str) -> tuple[str, int, int] | None:
    """prospective / concurrent / retrospective: a labelled value first, else the kind the
    letter applies to this request ("this retrospective request")."""
    for m in _REVIEW_TYPE_LABEL.finditer(text):
        value = m.group("v")
        for name, pat in _REVIEW_TYPES:
            hit = re.search(pat, value, re.I)
            if hit:
                return name, m.start("v") + hit.start(), m.start("v") + hit.end()
    best = None
    for name, pat in _REVIEW_TYPES:
        for m in re.finditer(r"(?:" + pat + r")(?:\s*\([^)\n]{0,30}\))?(?:\s+(?:and\s+)?"
                             r"(?:expedited|standard|urgent|routine))?\s+(?:utilization\s+)?"
                             r"(?:review|request|"
                             r"determination|decision)", text, re.I):
            window = text[max(0, m.start() - 40):m.start()].lower()
            if re.search(r"\bor\s*$|\bfor\s+(?:a\s+)?$|\bif\s|\bany\s*$", window):
                continue                       # boilerplate listing the kinds
            if best is None or m.start() < best[1]:
                best = (name, m.start(), m.end())
            break
    return best


_EXPEDITED_TRUE = re.compile(
    r"(?:review\s+type|type\s+of\s+(?:utilization\s+)?review|priority|urgency|timeframe|"
    r"review\s+timeframe|request\s+type)\s*[:\-–]?\s*[^\n]{0,30}\b(?:expedited|urgent)\b|"
    r"\b(?:this|an|the)\s+expedited\s+(?:review|request)\b|"
    r"\bexpedited\s+(?:prospective|concurrent|retrospective|review\s+(?:was|has\s+been)\s+"
    r"(?:requested|performed|completed))|"
    r"(?<![\w\]☐□])\[\s*[xX✓]\s*\]\s*expedited|[☒☑■]\s*expedited|\bexpedited\s*:\s*(?:yes|x)\b",
    re.I)
_EXPEDITED_FALSE = re.compile(
    r"(?:review\s+type|priority|urgency|timeframe|request\s+type|type\s+of\s+(?:utilization\s+)?"
    r"review)\s*[:\-–]?\s*[^\n]{0,30}\b(?:standard|regular|routine|non[\s-]?urgent|"
    r"non[\s-]?expedited)\b|\bexpedited\s*:\s*no\b|\bstandard\s+(?:review|timeframe)", re.I)


_EXPEDITED_TITLE = re.compile(r"^[^\n]{0,80}\bexpedited\b[^\n]{0,80}$", re.I | re.M)


def is_expedited(text: str) -> tuple[bool, int, int]:
    """True only when the letter says this review is expedited; a letter that marks nothing is
    a standard review (the IMR rights boilerplate mentioning expedited review does not count)."""
    m = _EXPEDITED_TRUE.search(text)
    if m is None:
        # a title or header line: "Utilization Review Notice - Concurrent Review - EXPEDITED"
        for t in _EXPEDITED_TITLE.finditer(text):
            line = t.group(0)
            if len(line.split()) <= 12 and not re.search(
                    r"\b(?:may|if|can|right|request(?:ing)?\s+an?|eligible|should|would|"
                    r"not|non|standard|\[\s*\]|☐)\b|[☐□]", line, re.I):
                m = t
                break
    if m and re.search(r"\b(?:not|non)[\s-]*expedited|\bstandard\b|\bregular\b|\broutine\b",
                       m.group(0), re.I):
        m = None                           # "Type of review: standard (not expedited)"
    f = _EXPEDITED_FALSE.search(text)
    if m and not (f and f.start() < m.start()):
        return True, m.start(), m.end()
    if f:
        return False, f.start(), f.end()
    return False, -1, -1


_INFO_REQUEST = re.compile(
    r"(?:request(?:ed|ing)?|need|require[sd]?|please\s+(?:submit|send|provide|forward))\s+"
    r"(?:the\s+following\s+)?(?:additional|further|more|the\s+following)\s+(?:medical\s+|"
    r"clinical\s+)?(?:information|documentation|records)|"
    r"(?:additional|further)\s+(?:medical\s+|clinical\s+)?(?:information|documentation)\s+"
    r"(?:is|was|are|were)\s+(?:needed|required|requested|necessary)|"
    r"(?:information|documentation)\s+(?:was\s+)?(?:requested|not\s+received)|"
    r"pending\s+(?:receipt\s+of\s+)?(?:additional\s+|the\s+requested\s+)?(?:information|"
    r"records|documentation)|did\s+not\s+receive\s+the\s+(?:requested\s+)?(?:information|records)",
    re.I)


_RESUBMIT = re.compile(
    r"\bre-?\s?submit|\bre-?send\b|\bsend\s+(?:us\s+)?(?:the\s+)?(?:missing|completed?)\b|"
    r"\bprovide\s+(?:us\s+with\s+)?(?:the\s+)?missing\b|\bwith\s+the\s+missing\s+"
    r"(?:items?|information|documentation|report)", re.I)


# --- people -----------------------------------------------------------------------------------------

_REQUESTER_LABELS = (r"Requesting\s+(?:Physician|Provider|Doctor)(?:\s+Name)?",
                     r"Treating\s+(?:Physician|Provider)", r"Attending\s+Physician",
                     r"Primary\s+Treating\s+Physician", r"Ordering\s+(?:Physician|Provider)",
                     r"Requesting\s+(?:MD|M\.D\.|DO|D\.O\.|DC|Practitioner|Clinician|Physician\s*/\s*"
                     r"Provider)", r"Requested\s+by", r"(?:Provider|Physician)(?:\s+Name)?(?=\s*:)")
_REVIEWER_LABELS = (r"(?:Physician|Peer|Medical|Clinical|Expert|UR|Professional)\s+Reviewer"
                    r"(?:\s+Name)?", r"Reviewing\s+Physician", r"Reviewer(?:\s+Name)?",
                    r"Reviewed\s+by", r"Review(?:ing)?\s+Provider", r"Determination\s+by",
                    r"Decision\s+(?:made\s+)?by", r"Physician\s+Advisor",
                    # "This determination was made by Dr. X, Board Certified in ..."
                    r"(?:determination|decision|review)\s+(?:was|has\s+been)\s+(?:made|rendered|"
                    r"performed|completed)\s+by")
_SPECIALTY_LABEL = (r"Reviewer(?:'s)?\s+Specialty",
                    # a bare "Specialty" label, but not the requesting provider's
                    r"(?<!Provider )(?<!Requesting )(?<!Treating )(?<!Physician )(?<!Doctor )"
                    r"(?<!Provider's )Specialty", r"Specialty\s+of\s+Reviewer",
                    r"Board\s+Certification", r"Area\s+of\s+Specialty", r"Board\s+Certified\s+in",
                    r"Specialty/Board\s+Certification")


def _specialties() -> tuple[str, ...]:
    return (
        "Orthopaedic Surgery", "Orthopedic Surgery", "Orthopedic Spine Surgery",
        "Physical Medicine and Rehabilitation", "Physical Medicine & Rehabilitation",
        "Pain Medicine", "Anesthesiology", "Neurology", "Neurological Surgery", "Neurosurgery",
        "Internal Medicine", "Family Medicine", "Family Practice", "Occupational Medicine",
        "Psychiatry", "Psychology", "Chiropractic", "Rheumatology", "Plastic Surgery",
        "Hand Surgery", "General Surgery", "Podiatry", "Podiatric Surgery", "Radiology",
        "Emergency Medicine", "Preventive Medicine", "Sports Medicine", "Physiatry",
        "Ophthalmology", "Otolaryngology", "Dermatology", "Cardiology", "Pulmonology",
        "Gastroenterology", "Urology", "Acupuncture", "Dentistry", "Pharmacy", "Toxicology",
    )


_SPECIALTY_RX = re.compile("|".join(re.escape(s).replace(r"\ ", r"\s+") for s in sorted(
    _specialties(), key=len, reverse=True)), re.I)


def _first_label(pages: list[Page], labels: Iterable[str]) -> tuple[Page, str, int, int] | None:
    for page in pages:
        found = label_value(page.text, tuple(labels))
        if found:
            return page, found[0], found[1], found[2]
    return None


def _requester(pages: list[Page]) -> tuple[str, Evidence] | None:
    # "To: Dr. Farah R. Sato (requesting physician); ..." names the role after the name
    hit = _search(pages, r"(?:^|[:;,]\s*)((?:Dr\.?\s+)?[A-Z][A-Za-z.'\-]+(?:\s+[A-Z][A-Za-z.'\-]*)"
                         r"{1,3}(?:,\s*[A-Z][A-Za-z.]{1,5})?)\s*\(\s*(?:the\s+)?(?:requesting|"
                         r"treating|primary\s+treating)\s+(?:physician|provider|doctor)\s*\)",
                  re.M)
    if hit:
        name = clean_name(hit[1].group(1))
        if name:
            return name, quote_at(hit[0], hit[1].start(1), hit[1].end(1))
    for label in _REQUESTER_LABELS:
        hit = _first_label(pages, (label,))
        if hit:
            name = clean_name(hit[1])
            if name:
                return name, quote_at(hit[0], hit[2], hit[3])
    # a letter addressed "To: <physician>, M.D." goes to the physician who asked for the review
    hit = _first_label(pages, (r"To",))
    if hit and re.search(r"^(?:Dr\.?\s|Doctor\s)|,?\s*" + _DEGREE_AFTER_NAME, hit[1]):
        name = clean_name(hit[1])
        if name and (re.match(r"(?:Dr|Doctor)\b", name) or re.search(_DEGREE_AFTER_NAME, name)):
            return name, quote_at(hit[0], hit[2], hit[3])
    hit2 = _search(pages, r"Dear\s+((?:Dr\.?|Doctor)\s+[A-Z][A-Za-z.'\-]+(?:\s+[A-Z][A-Za-z.'\-]+)?)",
                   0)
    if hit2:
        salutation = hit2[1].group(1).strip(" ,:")
        full = _full_name(pages, salutation)
        if full:
            return full
        return salutation, quote_at(hit2[0], hit2[1].start(1), hit2[1].end(1))
    return None


_DEGREE_AFTER_NAME = r"(?:M\.\s?D\.?|MD|D\.\s?O\.?|DO|D\.\s?C\.?|DC|DPM|D\.P\.M\.)(?![A-Za-z])"


def _full_name(pages: list[Page], salutation: str) -> tuple[str, Evidence] | None:
    """ "Dear Dr. Lindqvist" names the addressee by surname: the full name is the one the letter
    gives with a degree or "Dr." (address block, table, copy list) ending in that surname."""
    surname = salutation.split()[-1]
    if len(surname) < 2:
        return None
    rx = re.compile(r"(?<![A-Za-z])((?:Dr\.?[ \t]+)?[A-Z][A-Za-z'\-]+\.?(?:[ \t]+[A-Z][A-Za-z'\-]*\.?)"
                    r"{0,2}[ \t]+" + re.escape(surname) + r")(,?[ \t]*" + _DEGREE_AFTER_NAME +
                    r")?(?![A-Za-z])")
    for page in pages:
        for m in rx.finditer(page.text):
            if not (m.group(2) or m.group(1).startswith("Dr")):
                continue
            if re.match(r"(?:Dear|To|Dr\.?|Doctor)$", m.group(1).split()[0]) and \
                    len(m.group(1).split()) == 2:
                continue
            name = clean_name(m.group(0))
            if name:
                return name, quote_at(page, m.start(), m.end())
    return None


def _reviewer(pages: list[Page]) -> tuple[str | None, Evidence | None, str | None,
                                           Evidence | None]:
    name = name_ev = specialty = spec_ev = None
    for label in _REVIEWER_LABELS:
        hit = _first_label(pages, (label,))
        if hit:
            candidate = clean_name(hit[1])
            if candidate:
                name, name_ev = candidate, quote_at(hit[0], hit[2], hit[3])
                rest = hit[0].text[hit[2]:hit[0].text.find("\n", hit[3] + 1)
                                   if hit[0].text.find("\n", hit[3] + 1) > 0 else None]
                sm = _SPECIALTY_RX.search(rest)
                if sm:
                    specialty = sm.group(0)
                    spec_ev = quote_at(hit[0], hit[2] + sm.start(), hit[2] + sm.end())
                break
    if name is None:
        # signature block: a doctor's name followed by "Board Certified in ..." / a specialty
        hit2 = _search(pages, r"(?:^|\n)\s*((?:Dr\.?\s+)?[A-Z][A-Za-z.'\-]+(?:\s+[A-Z][A-Za-z.'\-]*)"
                       r"{1,3},?\s*(?:M\.?D|D\.?O|D\.?C|Ph\.?D|Psy\.?D|D\.?P\.?M)\.?)\s*(?:,|\n)"
                       r"[^\n]{0,10}(?:Board[\s-]+Certified|Diplomate|Specialty)", 0)
        if hit2:
            name = clean_name(hit2[1].group(1))
            name_ev = quote_at(hit2[0], hit2[1].start(1), hit2[1].end(1))
    if specialty is None:
        for label in _SPECIALTY_LABEL:
            hit = _first_label(pages, (label,))
            if hit:
                sm = _SPECIALTY_RX.search(hit[1])
                value = sm.group(0) if sm else hit[1].split(",")[0].strip()
                if value and len(value) < 60 and not re.search(r"\d{3}", value):
                    specialty = value
                    spec_ev = quote_at(hit[0], hit[2], hit[3])
                    break
    if specialty is None:
        hit2 = _search(pages, r"Board[\s-]+Certified(?:\s+(?:in|by\s+the\s+American\s+Board\s+of))?"
                       r"[\s,:]*(?P<s>[A-Z][A-Za-z&]+(?:\s+(?:and\s+|&\s+)?[A-Z][A-Za-z]+){0,4})", 0)
        if hit2:
            sm = _SPECIALTY_RX.search(hit2[1].group("s"))
            specialty = sm.group(0) if sm else hit2[1].group("s")
            spec_ev = quote_at(hit2[0], hit2[1].start("s"), hit2[1].end("s"))
    return name, name_ev, specialty, spec_ev


# --- contents ---------------------------------------------------------------------------------------

_IMR_RIGHTS = re.compile(
    r"independent\s+medical\s+review[^.]{0,300}(?:\b30\b|thirty|within|right|may\s+request|"
    r"must\s+(?:be\s+)?(?:file|submit|request)|application)|"
    r"(?:right\s+to|request|disputed?\s+(?:\w+\s+){0,3}through|apply\s+for|application\s+for)"
    r"\s+(?:an\s+)?(?:independent\s+medical\s+review|IMR)\b|"
    r"(?:right\s+to|may|can)\s+(?:request|ask\s+for|file\s+for|apply\s+for)\s+(?:an\s+)?"
    r"(?:independent\s+medical\s+review|IMR)\b|\bIMR\b[^.]{0,200}(?:\b30\b|thirty)\s+days", re.I)
_IMR_FORM = re.compile(
    r"(?:enclosed|attached|included|enclosure)[^.]{0,150}(?:application\s+for\s+independent\s+"
    r"medical\s+review|DWC\s+Form\s+IMR|IMR\s+(?:application|form))|"
    r"(?:application\s+for\s+independent\s+medical\s+review|DWC\s+Form\s+IMR|IMR\s+(?:application|"
    r"form))[^.]{0,80}(?:is|are|has\s+been)?\s*(?:enclosed|attached|included)|"
    r"enclosures?\s*:[^\n]{0,120}(?:IMR|independent\s+medical\s+review)", re.I)
_IMR_FORM_NEG = re.compile(r"(?:not|no)\s+(?:been\s+)?(?:enclosed|attached|included)", re.I)
_FORM_PAGE = re.compile(r"APPLICATION\s+FOR\s+INDEPENDENT\s+MEDICAL\s+REVIEW[\s\S]{0,600}"
                        r"(?:signature|employee)", re.I)

_REASON_CUES = re.compile(
    r"\bbecause\b|\bsince\b|\btherefore\b|\bhowever\b|\bthus\b|\bas\s+such\b|\bgiven\b|"
    r"\bthere\s+is\s+no\b|\bno\s+(?:documentation|evidence|indication)\b|\bnot\s+documented\b|"
    r"\black\s+of\b|\babsence\s+of\b|\bwithout\b|\bdoes\s+not\b|\bdid\s+not\b|\bhas\s+not\b|"
    r"\bfail(?:s|ed)?\s+to\b|\binsufficient\b|\bconsistent\s+with\b|\bsupport(?:s|ed)?\b", re.I)
_CLINICAL_CUES = re.compile(
    r"guideline|recommend|indicat|medically\s+necessary|necessity|evidence|document|criteria|"
    r"efficacy|functional\s+(?:improvement|gains?|deficits?)|conservative|trial|symptom|"
    r"examination|diagnos|pain|radiculopathy|range\s+of\s+motion|therapy|MTUS|ODG|ACOEM", re.I)
_BOILERPLATE = re.compile(r"independent\s+medical\s+review|information\s+and\s+assistance|"
                          r"you\s+may\s+(?:contact|call)|proof\s+of\s+service|"
                          r"under\s+penalty\s+of\s+perjury", re.I)


def clinical_rationale(text: str) -> tuple[bool, int, int]:
    """A reasoned paragraph on medical necessity: 25+ words joining clinical facts or guideline
    criteria with reasoning ("because", "there is no documentation of", "therefore")."""
    for m in re.finditer(r"(?:[^\n]+\n?)+", text):
        para = m.group(0)
        sentences = re.split(r"(?<=[.!?])\s+", para)
        # long paragraphs: judge windows of a few sentences
        for i in range(len(sentences)):
            window = " ".join(sentences[i:i + 4])
            if len(window.split()) < 25:
                continue
            if _BOILERPLATE.search(window):
                continue
            if len(_CLINICAL_CUES.findall(window)) >= 2 and _REASON_CUES.search(window):
                start = m.start() + para.find(sentences[i])
                return True, start, start + len(sentences[i])
    return False, -1, -1


_RECORDS_HEADING = re.compile(
    r"^[ \t]*(?:list\s+of\s+)?(?:medical\s+|clinical\s+)?(?:records?|documents?|documentation|"
    r"information|materials?)\s+(?:reviewed|received\s+and\s+reviewed|considered|submitted)"
    r"(?:\s+(?:for|in)\s+this\s+review)?|^[ \t]*(?:records|documents)\s+review(?:ed)?\b|"
    r"^[ \t]*(?:the\s+following\s+)?(?:medical\s+)?(?:records|documents|information)\s+"
    r"(?:were|was)\s+reviewed", re.I | re.M)
_NEXT_HEADING = re.compile(
    r"^[ \t]*(?:(?-i:[A-Z][A-Z /&-]{3,}):?|[A-Z][A-Za-z /&'-]{2,40}:)[ \t]*$|^[ \t]*(?:clinical\s+"
    r"(?:summary|history|rationale)|rationale|(?:utilization\s+)?review\s+(?:decision|criteria)|"
    r"decision|determination|summary|guidelines?(?:\s+used)?|basis|history|discussion|"
    r"analysis|peer[\s-]to[\s-]peer|requested\s+treatment|reviewer|findings?|"
    r"(?:physician|peer|medical|clinical|ur)\s+reviewer|reviewing\s+(?:physician|provider)|"
    r"specialty|signed|signature)\b[^\n]{0,40}:|^[ \t]*(?:sincerely|respectfully)\b",
    re.I | re.M)


def _records_reviewed(pages: list[Page]) -> list:
    for index, page in enumerate(pages):
        m = _RECORDS_HEADING.search(page.text)
        if not m:
            continue
        line_end = page.text.find("\n", m.end())
        start_offset = m.end() if line_end == -1 else line_end + 1
        inline = page.text[m.end():line_end if line_end != -1 else None].strip(" :\t")
        if inline and len(inline) > 8:
            start_offset = m.end()
        end = None
        for later in pages[index:]:
            offset = start_offset if later is page else 0
            nh = _NEXT_HEADING.search(later.text, offset)
            while nh and is_table_header(nh.group(0).strip()):
                nh = _NEXT_HEADING.search(later.text, nh.end())   # a table's column header
            if nh:
                end = (later.number, nh.start())
                break
        records = parse_records(pages[index:], start=(page.number, start_offset), end=end)
        if records:
            return records
    return []


# --- treatments -------------------------------------------------------------------------------------

def _treatments(pages: list[Page]) -> list[Treatment]:
    rows = read_tables(pages)
    rows = [t for t in rows if t.decision or t.cpt or t.quantity]
    if not rows:
        for page in pages:
            for item in read_item_blocks(page.text):
                item.treatment.evidence = quote_at(page, item.start, item.end)
                rows.append(item.treatment)
    prose: list[Treatment] = []
    for page in pages:
        for item in read_prose(page.text):
            item.treatment.evidence = quote_at(page, item.start, item.end)
            prose.append(item.treatment)
    if not rows:
        rows = _dedupe(prose)
    else:
        for t in rows:                          # a table or list without a decision column
            if t.decision is None:
                match = next((p for p in prose if same_treatment(p.description, t.description)),
                             None)
                if match:
                    t.decision = match.decision
                    t.quantity_approved = t.quantity_approved or match.quantity_approved
    return rows


def _dedupe(items: list[Treatment]) -> list[Treatment]:
    out: list[Treatment] = []
    for t in items:
        if any(same_treatment(t.description, o.description) and (t.cpt == o.cpt or not t.cpt)
               for o in out):
            continue
        out.append(t)
    return out


_LETTER_DECISION = re.compile(
    r"(?:^|\n)[ \t]*(?:UR\s+|review\s+|final\s+)?(?:decision|determination|outcome|"
    r"certification\s+status|result)\s*[:\-–]\s*(?P<v>[^\n]{2,60})", re.I)


def _letter_decision(pages: list[Page]) -> tuple[str, Page, int, int] | None:
    for page in pages:
        for m in _LETTER_DECISION.finditer(page.text):
            value = normalize_decision(m.group("v"))
            if value:
                return value, page, m.start("v"), m.end("v")
    return None


def overall(decisions: list[str | None]) -> str | None:
    values = {d for d in decisions if d}
    if not values:
        return None
    if len(values) == 1:
        return values.pop()
    return "mixed"


_GENERIC = frozenset({
    "lumbar", "cervical", "thoracic", "spine", "left", "right", "bilateral", "shoulder", "knee",
    "wrist", "hand", "elbow", "hip", "ankle", "foot", "back", "neck", "the", "and", "for",
    "with", "without", "sessions", "session", "visits", "times", "week", "weeks", "per",
    "request", "requested", "outpatient", "additional", "trial", "each", "one", "two",
})


def treatment_key(description: str) -> str | None:
    """The word that names a treatment in running text ("MRI", "epidural", "physical")."""
    for word in re.findall(r"[A-Za-z][A-Za-z-]{2,}", description):
        if word.lower() not in _GENERIC:
            return word.lower()
    return None


def _guidelines_for(t: Treatment, pages: list[Page], treatments: list[Treatment],
                    letter: list[str]) -> list[str]:
    """Guidelines cited for one line: its own cell, else the paragraphs (or, where a paragraph
    discusses several treatments, the sentences) that name it; a single line gets the letter's."""
    if t.guidelines:
        return t.guidelines
    if len(treatments) == 1:
        return list(letter)
    key = treatment_key(t.description)
    others = {treatment_key(o.description) for o in treatments if o is not t} - {key, None}
    if key is None:
        return []
    found: list[str] = []
    for page in pages:
        for para in re.split(r"\n\s*\n", page.text):
            low = para.lower()
            if key not in low:
                continue
            parts = [para] if not any(o in low for o in others) else [
                s for s in re.split(r"(?<=[.;])\s+", para) if key in s.lower()]
            for part in parts:
                for g in find_guidelines(part):
                    if g not in found:
                        found.append(g)
    return found


# --- the extractor ----------------------------------------------------------------------------------

def _cite_date(doc: Document, field: str, item: DateOnPage | None) -> dt.date | None:
    if item is None:
        return None
    doc.cite(field, item.evidence())
    return item.value


def _letter_date(labels: dict[str, DateOnPage], unlabelled: list[DateOnPage],
                 pages: list[Page]) -> DateOnPage | None:
    if "letter_date" in labels:
        return labels["letter_date"]
    if not pages:
        return None
    first = pages[0]
    head_end = sum(len(line) + 1 for line in first.text.split("\n")[:15])
    for item in unlabelled:
        if item.page is first and item.start < head_end:
            line_start = first.text.rfind("\n", 0, item.start) + 1
            prefix = first.text[line_start:item.start]
            line_end = first.text.find("\n", item.end)
            line = first.text[line_start:line_end if line_end != -1 else None]
            if re.search(r"[A-Za-z]{4,}", prefix) or re.search(r"\d{1,2}:\d{2}", line):
                continue                         # a date inside a sentence or a fax header
            return item
    return None


def extract_ur(doc: Document, pages: list[Page], settings: Settings) -> UrBlock:
    block = UrBlock()
    text = "\n".join(p.text for p in pages)
    labels, unlabelled = _collect_dates(pages)

    letter = _letter_date(labels, unlabelled, pages)
    block.letter_date = _cite_date(doc, "ur.letter_date", letter)
    # a determination letter is the written decision: without a separate decision date, the
    # letter's own date is the date of the decision
    block.decision_date = _cite_date(doc, "ur.decision_date",
                                     labels.get("decision_date") or letter)

    # RFA receipt: a labelled date or stamp; else a fax header dated before the decision
    receipt = _received_in_prose(pages) or labels.get("received_date")
    if receipt is None:
        decided = block.decision_date or block.letter_date
        for item in received_dates(pages):
            if item.kind == "fax_header" and decided and item.value > decided:
                continue
            receipt = item
            break
    block.rfa_received_date = _cite_date(doc, "ur.rfa_received_date", receipt)

    # service: the proof of service, else "mailed on" / "served on" statements
    pos = _pos_span(pages)
    served: DateOnPage | None = None
    method = None
    if pos is not None:
        pos_page, pos_start = pos
        after = [p for p in pages if p.number >= pos_page.number]
        for page in after:
            offset = pos_start if page is pos_page else 0
            candidates = [d for d in labelled_dates(repair_words(page.text), _LABELS, ranges=False)
                          if isinstance(d.value, dt.date) and d.start >= offset
                          and d.label not in ("dob", "date_of_injury", "received_date",
                                              "decision_date")]
            if candidates:
                preferred = [d for d in candidates if d.label in ("service_date", "mailed_date",
                                                                  "faxed_date", "signed_date")]
                d = (preferred or candidates)[0]
                served = DateOnPage(d.value, page, d.start, d.end, d.label or "")
                break
        pos_text = pos_page.text[pos_start:]
        found = service_method(pos_text)
        if found:
            method = found[0]
            doc.cite("ur.service_method",
                     quote_at(pos_page, pos_start + found[1], pos_start + found[2]))
    if served is None and labels.get("service_date") is None and \
            labels.get("mailed_date") is None:
        prose = _served_in_prose(pages)
        if prose is not None:
            served, found = prose
            if found:
                method = found[0]
                doc.cite("ur.service_method", served.evidence())
    if served is None:
        served = labels.get("service_date") or labels.get("mailed_date")
        if served is not None and method is None:
            line = served.page.text[served.page.text.rfind("\n", 0, served.start) + 1:served.end]
            if labels.get("mailed_date") is served or re.search(r"mail", line, re.I):
                method = "mail"
                doc.cite("ur.service_method", served.evidence())
            else:
                found = service_method(line)
                if found:
                    method = found[0]
                    doc.cite("ur.service_method", served.evidence())
    block.service_date = _cite_date(doc, "ur.service_date", served)
    block.service_method = method
    if block.service_date is not None and doc.service_date is None:
        doc.service_date = block.service_date

    # communication: fax confirmation / "faxed on" / phone notice to the physician
    comm = labels.get("faxed_date")
    if comm is None:
        decided = block.decision_date or block.letter_date
        for page in pages:
            for item in fax_header_dates(page):
                if decided and item.value >= decided:
                    comm = item
                    break
            if comm:
                break
    block.communication_date = _cite_date(doc, "ur.communication_date", comm)

    kind = notice_kind(text)
    block.notice_kind = kind
    hit = _search(pages, _INCOMPLETE if kind == "incomplete_rfa" else _DEFERRAL)
    if kind != "decision":
        _cite_match(doc, "ur.notice_kind", hit)

    block.review_type = first_found(doc, "ur.review_type", pages, review_type)
    expedited = False
    for page in pages:
        value, a, b = is_expedited(page.text)
        if a >= 0:
            expedited = value
            doc.cite("ur.expedited", quote_at(page, a, b))
            if value:
                break
    block.expedited = expedited

    info = _search(pages, _INFO_REQUEST)
    if info is None and kind == "incomplete_rfa":
        # returning an incomplete RFA asks the physician for what it lacks
        info = _search(pages, _RESUBMIT)
    block.additional_info_requested = info is not None
    _cite_match(doc, "ur.additional_info_requested", info)

    requester = _requester(pages)
    if requester:
        block.requesting_physician = requester[0]
        doc.cite("ur.requesting_physician", requester[1])
    name, name_ev, specialty, spec_ev = _reviewer(pages)
    block.reviewer_name, block.reviewer_specialty = name, specialty
    doc.cite("ur.reviewer_name", name_ev)
    doc.cite("ur.reviewer_specialty", spec_ev)

    block.guidelines_cited = find_guidelines(text)
    hit = _search(pages, r"\bMTUS\b|\bACOEM\b|\bODG\b|Official\s+Disability|Medical\s+Treatment"
                         r"\s+Utili[sz]ation|\bMCG\b|InterQual")
    _cite_match(doc, "ur.guidelines_cited", hit)

    # treatments and decisions
    treatments = _treatments(pages)
    letter_decision = _letter_decision(pages)
    fallback = None
    if kind != "decision":
        fallback = "delayed"
    elif letter_decision:
        fallback = letter_decision[0]
    for t in treatments:
        if t.decision is None and fallback and (len(treatments) == 1 or kind != "decision"):
            t.decision = fallback
        if kind != "decision" and t.decision in (None, "approved"):
            t.decision = "delayed"
        reconcile_quantities(t)
        t.guidelines = _guidelines_for(t, pages, treatments, block.guidelines_cited)
        if t.evidence is not None:
            t.evidence.document = doc.id
    block.treatments = treatments
    if treatments and treatments[0].evidence:
        doc.cite("ur.treatments", treatments[0].evidence)
    block.overall_decision = overall([t.decision for t in treatments])
    if block.overall_decision is None:
        if letter_decision:
            block.overall_decision = letter_decision[0]
            doc.cite("ur.overall_decision", quote_at(letter_decision[1], letter_decision[2],
                                                     letter_decision[3]))
        elif kind != "decision":
            block.overall_decision = "delayed"
    elif treatments[0].evidence:
        doc.cite("ur.overall_decision", treatments[0].evidence)

    ok, a, b = False, -1, -1
    for page in pages:
        ok, a, b = clinical_rationale(page.text)
        if ok:
            doc.cite("ur.clinical_rationale", quote_at(page, a, b))
            break
    block.clinical_rationale = ok

    rights = _search(pages, _IMR_RIGHTS)
    block.imr_rights_notice = rights is not None
    _cite_match(doc, "ur.imr_rights_notice", rights)
    form = _search(pages, _IMR_FORM)
    enclosed = form is not None and not _IMR_FORM_NEG.search(form[1].group(0))
    if not enclosed:
        form = _search(pages, _FORM_PAGE)
        enclosed = form is not None
    block.imr_form_enclosed = enclosed
    if enclosed:
        _cite_match(doc, "ur.imr_form_enclosed", form)

    block.records_reviewed = _records_reviewed(pages)
    for record in block.records_reviewed:
        if record.evidence is not None:
            record.evidence.document = doc.id
    if block.records_reviewed and block.records_reviewed[0].evidence:
        doc.cite("ur.records_reviewed", block.records_reviewed[0].evidence)

    if block.overall_decision in ("modified", "denied", "delayed", "mixed"):
        deadline = imr_deadline(block.service_date, block.letter_date or block.decision_date,
                                block.service_method, settings.legal)
        if deadline is not None:
            block.imr_deadline = deadline.deadline
            block.imr_deadline_basis = deadline.basis
            if deadline.basis == "letter_date" and block.letter_date is None:
                block.imr_deadline_basis = "decision_date"
            doc.cite("ur.imr_deadline", doc.provenance.get(f"ur.{block.imr_deadline_basis}"))
    return block

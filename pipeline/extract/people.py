"""People: who wrote or signed a document, and whom it is about.

Names are read next to role labels ("Patient:", "Injured Worker:", "Re:"...) and from signature
blocks ("Sincerely," + the next name, "Electronically signed by", "/s/ Name", "Physician
reviewer:"), and normalized: honorifics and degrees removed, "GONZALEZ, MARIA L." -> "Maria L.
Gonzalez", all-caps names title-cased. A signer that is an office rather than a person ("UR
Intake Department") is not a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "CLAIMANT_LABELS", "PersonMention", "find_author", "find_claimant", "find_sender",
    "full_spelling",
    "is_person_name", "normalize_name",
]

#: degrees and credentials written after a name
_DEGREES = (
    r"M\.?\s?D\.?|D\.?\s?O\.?|D\.?\s?C\.?|Ph\.?\s?D\.?|Psy\.?\s?D\.?|PA-?C|P\.?A\.?|N\.?P\.?|"
    r"F\.?N\.?P\.?|R\.?N\.?|D\.?P\.?M\.?|D\.?D\.?S\.?|M\.?P\.?H\.?|M\.?S\.?|M\.?A\.?|"
    r"OTR/L|CHT|COTA|PTA|ATC|P\.?T\.?|D\.?P\.?T\.?|O\.?T\.?R?|L\.?Ac\.?|Q\.?M\.?E\.?|A\.?M\.?E\.?|F\.?A\.?A\.?O\.?S\.?|"
    r"F\.?A\.?C\.?S\.?|F\.?A\.?C\.?P\.?|F\.?A\.?C\.?O\.?E\.?M\.?|FAAPMR|FRCPC|MBA|JD|Esq\.?|"
    r"C\.?I\.?M\.?E\.?|D\.?A\.?B\.?P\.?M\.?|ABIME|Jr\.?|Sr\.?|II|III"
)
_DEGREE_RE = re.compile(r"(?:,?\s*\b(?:" + _DEGREES + r"))+\s*$", re.IGNORECASE)
_CLINICAL_DEGREE = re.compile(
    r"\b(?:M\.?\s?D|D\.?\s?O|D\.?\s?C|Ph\.?\s?D|Psy\.?\s?D|PA-?C|N\.?P|D\.?P\.?M)\b\.?",
    re.IGNORECASE)
_HONORIFIC = re.compile(r"^\s*(?:Dr|Doctor|Mr|Mrs|Ms|Miss|Mx)\.?\s+", re.IGNORECASE)
_SIGNED = re.compile(r"^\s*(?:/s/|s/|\(signed\)|signed:?)\s*", re.IGNORECASE)
#: words that make a "name" an organisation, a role or a heading rather than a person
_NOT_PERSON = re.compile(
    r"\b(?:department|dept|unit|services?|inc|llc|llp|corp|corporation|company|co|group|"
    r"center|centre|clinic|hospital|medical|health|insurance|claims?|review|reviewer|"
    r"organization|office|division|state|california|county|team|intake|certification|"
    r"maximus|federal|administrator|adjuster|examiner|coordinator|workers|compensation|"
    r"associates|partners|institute|network|physician|report|sincerely|respectfully|"
    r"enclosures?|page|date|signature|thank|you|regards|yours|truly|utilization|board|"
    r"certified|orthopedic|surgery|specialty|internal|medicine|the|of|and|for|to|re|cc|"
    r"list|panel|manager|supervisor|director|specialist|paralegal|nurse|assistant|"
    r"representative|human|resources|payroll|operations|analyst|secretary|clerk|senior|"
    r"attorney|law|firm|applicant|defendant|employer|employee|patient|claimant|worker|"
    r"diplomate|fellow|surgeon|chiropractic|therapy|therapist|laboratory|imaging|radiology|"
    r"form|rev|case|vs|versus|deposition|appeals)\b",
    re.IGNORECASE)
_NAME_TOKEN = r"(?:[A-Z][A-Za-z'\u2019\-]+|[A-Z]\.?)"
_NAME_RE = re.compile(
    r"(?:(?:Dr|Doctor)\.?\s+)?" + _NAME_TOKEN + r"(?:[ \t]+" + _NAME_TOKEN + r"){1,3}"
    r"(?:,?[ \t]*(?:" + _DEGREES + r"))*")
_LAST_FIRST = re.compile(r"^([A-Z][A-Za-z'\u2019\-]+|[A-Z'\u2019\-]+ [A-Z'\u2019\-]+),\s*"
                         r"([A-Z][A-Za-z'\u2019\-]+(?:\s+[A-Z]\.?|\s+[A-Z][A-Za-z'\u2019\-]+)*)$")


#: where a name's cell ends on a form line: a wide gap, or the next label
_NEXT_LABELS = ("Claim", "Date", "Sex", "Age", "Employer", "Phone", "Tel", "Fax", "Case",
                "Address", "Home", "Occupation", "Gender")
_COLUMN_BREAK = re.compile(
    r"\s{3,}|\t|\s(?=(?:DOB|D\.O\.B|DOI|D\.O\.I|DOS|SSN|MRN|ID|" + "|".join(_NEXT_LABELS) + "|"
    + "|".join(w.upper() for w in _NEXT_LABELS) + r"|ADJ|WCAB|Today(?:'s|\u2019s)?)\b)"
    # the next field's label: a capitalised word, lower-case words, a colon ("Your file no.:")
    r"|\s(?=[A-Z][a-z]*(?:[ \t]+[a-z][\w.'/#]*){1,3}[ \t]*:)"
    # an identifier field after the name: "Employee ID:", "Member No.:"
    r"|\s(?=(?:[A-Z][A-Za-z]*[ \t]+)?(?:ID|No\.?|Number|Nbr\.?|#)[ \t]*[:#])")


#: what may stand between a label and its name: spaces, up to three line breaks (form layouts),
#: OCR marks and up to two short lowercase fragments
_LEAD_JUNK = re.compile(r"(?:[^\S\n]|[^\w\s/]|_){0,6}(?:\n(?:[^\S\n]|[^\w\s/]|_){0,6}){0,3}"
                        r"(?:[a-z]{1,3}\.?[^\S\n]+){0,2}")


@dataclass(frozen=True)
class PersonMention:
    name: str            # normalized
    text: str            # as written
    start: int
    end: int
    role: str | None = None          # label or signature kind
    clinician: bool = False          # written with "Dr." or a clinical degree


def _title(token: str) -> str:
    """Title-case an all-caps name token: "O'NEIL-BROWN" -> "O'Neil-Brown", "MCDONALD" ->
    "McDonald"."""
    if not (token.isupper() and len(token.rstrip(".")) > 1):
        return token
    out = re.sub(r"[A-Za-z]+", lambda m: m.group(0).capitalize(), token.lower())
    return re.sub(r"^Mc([a-z])", lambda m: "Mc" + m.group(1).upper(), out)


def normalize_name(text: str) -> str | None:
    """A written person name -> "First [Middle] Last", or None when it is not a name."""
    name = _SIGNED.sub("", text.strip())
    name = re.sub(r"\s+", " ", name).strip(" ,;:-")
    name = _HONORIFIC.sub("", name)
    previous = None
    while previous != name:
        previous = name
        name = _DEGREE_RE.sub("", name).strip(" ,;")
    flip = _LAST_FIRST.match(name)
    if flip:
        name = f"{flip.group(2)} {flip.group(1)}"
    tokens = [_title(t) for t in name.split()]
    name = " ".join(tokens)
    return name if is_person_name(name) else None


def is_person_name(name: str) -> bool:
    """Two to four capitalized words, at least two of them longer than an initial."""
    tokens = name.split()
    if not 2 <= len(tokens) <= 4 or _NOT_PERSON.search(name):
        return False
    if not all(re.fullmatch(_NAME_TOKEN, t) for t in tokens):
        return False
    return sum(len(t.rstrip(".")) > 1 for t in tokens) >= 2


def _is_clinician(text: str) -> bool:
    return bool(_HONORIFIC.match(text) and re.match(r"\s*(?:Dr|Doctor)\b", text, re.I)) or bool(
        _CLINICAL_DEGREE.search(text))


#: a signer written as an initial and a surname ("J. Roe, PT"): kept for signatures only, and
#: spelled out from the rest of the document when it names the person in full
_INITIAL_SURNAME = re.compile(r"(?:(?:Dr|Doctor)\.?\s+)?[A-Z]\.[ \t]*(?:[A-Z]\.[ \t]*)?"
                              r"[A-Z][a-z][A-Za-z'\u2019\-]+(?![A-Za-z])")
_SIGNER_ROLES = ("signature", "signed_by")


def _initial_signer(line: str, offset: int, role: str | None) -> PersonMention | None:
    match = _INITIAL_SURNAME.match(line)
    if match is None or role not in _SIGNER_ROLES:
        return None
    written = match.group(0)
    surname = written.split()[-1].split(".")[-1]
    # only a credential after it shows that an initial and a word are a person's name
    credential = re.match(r"(?:,?[ \t]*(?:" + _DEGREES + r"))+(?![A-Za-z])", line[match.end():])
    if _NOT_PERSON.search(surname) or credential is None:
        return None
    name = _HONORIFIC.sub("", re.sub(r"\s+", " ", written)).strip()
    return PersonMention(name, written, offset, offset + len(written), role,
                         _is_clinician(line))


def _first_name_in(text: str, offset: int, role: str | None) -> PersonMention | None:
    """The first person name at the start of ``text`` (after "/s/" and spaces).

    Form layouts put the value on the next line ("Completed by:" then "Helen Marquez"); OCR
    adds stray marks and short lowercase fragments before it ("Employee: ~ is Robert Abernathy").
    """
    skip = _LEAD_JUNK.match(text).end()
    lead = _SIGNED.match(text, skip)
    if lead:
        skip = _LEAD_JUNK.match(text, lead.end()).end()
    line_end = text.find("\n", skip)
    line = text[skip:] if line_end == -1 else text[skip:line_end]
    line = _COLUMN_BREAK.split(line, maxsplit=1)[0]
    line = re.sub(r"(?<=\b[A-Z])[:;](?=\s)", ".", line)      # OCR "Robert M: Abernathy"
    line = re.sub(r"(?<=\b[A-Z]\.)\.", " ", line)            # OCR "Samuel T.. Kaur"
    # "GONZALEZ, MARIA L." (a comma form) first, then "First Last, MD"
    comma = re.match(r"((?:[A-Z][A-Za-z'\u2019\-]+|[A-Z'\u2019\-]+ [A-Z'\u2019\-]+),\s*[A-Z][A-Za-z'"
                     r"\u2019\-]+(?:\s+[A-Z]\.?(?![A-Za-z])|\s+[A-Z][A-Za-z'\u2019\-]+)?)", line)
    if comma and not _DEGREE_RE.fullmatch(line[comma.group(0).index(",") :].strip()):
        name = normalize_name(comma.group(1))
        if name:
            start = offset + skip
            return PersonMention(name, comma.group(1), start, start + len(comma.group(1)), role,
                                 _is_clinician(line))
    match = _NAME_RE.match(line)
    if not match:
        return _initial_signer(line, offset + skip, role)
    written = match.group(0).rstrip(" ,")
    # a credential between words ends the name ("J. Roe PT Jane Roe, PT": a scrawl, then print)
    inner = re.search(r"[ \t]+(?:[A-Z]{2,4})(?=[ \t]+[A-Z][a-z])", written)
    if inner and _DEGREE_RE.fullmatch(inner.group(0)):
        written = written[:inner.start()]
    # handwritten initials before the printed name ("MTA Mark T. Ames"): not part of it
    initials = re.match(r"([A-Z]{2,4})[ \t]+(?=[A-Z][a-z])", written)
    if initials and initials.group(1) == "".join(
            t[0] for t in written[initials.end():].split()
            if t[0].isupper() and not _DEGREE_RE.fullmatch(" " + t))[:len(initials.group(1))]:
        skip += initials.end()
        written = written[initials.end():]
    name = normalize_name(written)
    if name is None:
        return _initial_signer(line, offset + skip, role)
    start = offset + skip
    return PersonMention(name, written, start, start + len(written), role, _is_clinician(line))


#: claimant labels, most specific first
CLAIMANT_LABELS: tuple[str, ...] = (
    "Injured Worker", "Injured Employee", "Employee Name", "Employee", "Patient Name",
    "Patient", r"Pt\.? Name", r"Pt\.?", "Applicant", "Claimant Name", "Claimant", "Name of Employee", "Worker",
    r"Name \(Last, First(?:, Middle)?\)", "Examinee", "Re", "RE", "Regarding", "Member",
)
#: a label may carry a format hint ("Patient (Last, First):", "Employee (print):") and OCR marks
#: before it ("'Employee:")
_CLAIMANT_RE = re.compile(
    r"(?im)(?<![A-Za-z0-9])(?P<label>" + "|".join(CLAIMANT_LABELS) + r")"
    r"(?:[ \t]*\([^()\n]{1,40}\))?"
    # a label shared with the next value ("Patient / Claim #:"), a colon or a dot leader
    r"(?:[ \t]*/[ \t]*[A-Za-z]+(?:[ \t]*(?:#|No\.?))?)?(?:[ \t]*[:#]|[ \t]*\.{3,})\s*")
#: a bare "Name:" field belongs to the claimant when the section it sits in is the employee's
#: or patient's ("Employee: complete this section ... 1. Name:")
_NAME_FIELD = re.compile(r"(?im)^[ \t]*(?:\d{1,2}[.)]?[ \t]*)?(?:full[ \t]+)?name[ \t]*"
                         r"(?:\([^()\n]{1,40}\))?[ \t]*:\s*")
_SECTION_OWNER = re.compile(
    r"(?im)^[ \t]*(?:(?:section|part)[ \t]+\w{1,3}[ \t]*[-:.]?[ \t]*)?(?:[A-Za-z]+[ \t]+)?"
    r"(?:(?P<claimant>employee|patient|applicant|claimant|worker|examinee)\b|"
    r"(?P<other>employer|physician|doctor|provider|adjuster|attorney|examiner|insurer|"
    r"carrier|administrator|witness|supervisor|facility))\b")
_NAME_FIELD_REACH = 300
#: a running page header: "SAMUEL T. KAUR | Claim #05-431403 | DOI 11/16/2025"
_HEADER_RE = re.compile(r"(?m)^[^\S\n]*(?P<name>[A-Z][A-Za-z.,'\u2019\- ]{3,60}?)[ \t]*[|\u2022;]"
                        r"[ \t]*(?:Claim|DOI|D/I|ADJ|WCAB|Case)\b")


#: a case caption names the applicant before the label: "MARIA GONZALEZ, Applicant,"
_CAPTION_RE = re.compile(r"(?m)^[ \t]*(?P<name>[A-Z][A-Za-z.'\u2019\- ]{3,60}?),[ \t]*"
                         # a pleading caption's ")" column may put the role lines below
                         r"(?:\)[ \t]*\n(?:[ \t]*\)?[ \t]*\n){0,2}[ \t]*)?"
                         r"(?:Applicant|Employee|Petitioner|Claimant)\b")


#: a row of column headings whose first is the claimant's ("PATIENT  DOB  MRN"): the name
#: opens the next line
_GRID_HEADER = re.compile(
    r"(?m)^[ \t]*(?:PATIENT|EMPLOYEE|CLAIMANT|APPLICANT|INJURED[ \t]+WORKER|EXAMINEE)"
    r"(?:[ \t]+NAME)?(?:[ \t]+[A-Z][A-Z0-9/#.'()-]*){1,8}[ \t]*\n")
#: a name written in separate fields: "Last: ROE  First / M.I.: Jane Q"
_SPLIT_NAME = re.compile(
    r"(?im)\blast(?:[ \t]+name)?[ \t]*:[ \t]*(?P<last>[A-Z][A-Za-z'\u2019\-]+)[ \t,]+"
    r"first(?:[ \t]+name)?(?:[ \t]*/[ \t]*(?:m\.?i\.?|middle(?:[ \t]+initial)?))?[ \t]*:"
    r"[ \t]*(?P<first>[A-Z][A-Za-z'\u2019\-]+(?:[ \t]+[A-Z]\.?(?![A-Za-z]))?)")


#: the same fields first name first: "First Name / MI: Jane Q   Last Name: Roe"
_SPLIT_NAME_FIRST = re.compile(
    r"(?im)\bfirst(?:[ \t]+name)?(?:[ \t]*/[ \t]*(?:m\.?i\.?|middle(?:[ \t]+initial)?))?[ \t]*:"
    r"[ \t]*(?P<first>[A-Z][A-Za-z'\u2019\-]+(?:[ \t]+[A-Z]\.?(?![A-Za-z]))?)[ \t,]+"
    r"(?:(?:m\.?i\.?|middle(?:[ \t]+initial)?)[ \t]*:[ \t]*(?P<mi>[A-Z])\.?[ \t,]+)?"
    r"(?:[A-Za-z]+[ \t]+)?last(?:[ \t]+name)?[ \t]*:[ \t]*(?P<last>[A-Z][A-Za-z'\u2019\-]+)")


def find_claimant(text: str) -> PersonMention | None:
    """The person the document is about: the first name after a claimant label, or the
    applicant of a case caption."""
    for match in _CLAIMANT_RE.finditer(text):
        person = _first_name_in(text[match.end():], match.end(), match.group("label"))
        if person is not None:
            return person
    for match in _GRID_HEADER.finditer(text):
        person = _first_name_in(text[match.end():], match.end(), "grid")
        if person is not None:
            return person
    split = sorted(list(_SPLIT_NAME.finditer(text)) + list(_SPLIT_NAME_FIRST.finditer(text)),
                   key=lambda m: m.start())
    for match in split:
        if _section_owner(text[max(0, match.start() - _NAME_FIELD_REACH):match.start()]):
            first = match.group("first")
            if match.re is _SPLIT_NAME_FIRST and match.group("mi"):
                first += " " + match.group("mi")
            if re.search(r"[ \t][A-Z]$", first):
                first += "."
            name = normalize_name(f"{first} {match.group('last')}")
            if name is not None:
                return PersonMention(name, match.group(0), match.start(), match.end(), "Name")
    for match in _CAPTION_RE.finditer(text):
        name = normalize_name(match.group("name"))
        if name is not None:
            return PersonMention(name, match.group("name"), match.start("name"),
                                 match.end("name"), "caption")
    for match in _NAME_FIELD.finditer(text):
        if _section_owner(text[max(0, match.start() - _NAME_FIELD_REACH):match.start()]):
            person = _first_name_in(text[match.end():], match.end(), "Name")
            if person is not None:
                return person
    for match in _HEADER_RE.finditer(text):
        name = normalize_name(match.group("name"))
        if name is not None:
            return PersonMention(name, match.group("name"), match.start("name"),
                                 match.end("name"), "header")
    return None


def _section_owner(before: str) -> bool:
    """Whether the nearest section heading before a bare "Name:" field names the claimant's
    role ("Employee: complete this section", "PATIENT INFORMATION")."""
    owners = list(_SECTION_OWNER.finditer(before))
    return bool(owners) and owners[-1].group("claimant") is not None


_CLOSING = re.compile(
    r"(?im)^[ \t]*(?:(?:sincerely(?: yours)?|respectfully(?: submitted| yours)?|very truly yours|"
    r"yours truly|best regards|regards|cordially)\s*,?|(?:dictated\s+and\s+)?signed\b[^\n]{0,40}"
    r"|electronically\s+signed:?|executed\s+(?:at|on|this)\b[^\n]{0,120})[ \t]*$")
#: the printed-name field of a signature block
_PRINTED_NAME = re.compile(r"(?i)^[ \t]*(?:print(?:ed)?[ \t]+|typed[ \t]+)?name[ \t]*:[ \t]*")
#: "... by Name" needs no colon; a role word ("Therapist", "Examiner") must be a label with ":"
_SIGNED_BY = re.compile(
    r"(?i)(?:(?:electronically\s+signed|e-?signed|signed|dictated|completed|prepared|"
    r"documented|reviewed|certified|interpreted|read)\s+by\s*:?|"
    r"(?:treating\s+therapist|therapist|UR\s+physician|radiologist|surgeon|"
    r"interpreting\s+physician|physician\s+reviewer|reviewing\s+physician|"
    r"physician\s+advisor|peer\s+reviewer|reviewer|examiner|examining\s+physician|"
    r"requesting\s+physician\s+signature|signature\s+of\s+physician|treating\s+physician|"
    r"evaluator|prescriber|prescribing\s+physician|attending\s+physician|"
    r""
    r"examiner\s+signature|signed|signature(?:\s+of\s+[A-Za-z' ]{1,40}?)?)\s*:)[ \t]*")
_LETTERHEAD_LINES = 6


def find_author(text: str) -> PersonMention | None:
    """Who signed the document: signature block, "signed by" label, else a letterhead doctor.

    Signature blocks near the end win over labels near the top (a letter names the requesting
    physician before its reviewer signs).
    """
    candidates: list[PersonMention] = []
    for match in _CLOSING.finditer(text):
        rest = text[match.end():]
        offset = match.end()
        for line_match in re.finditer(r"[^\n]+", rest[:400]):
            line = line_match.group(0)
            label = _PRINTED_NAME.match(line)
            cut = label.end() if label else 0
            person = _first_name_in(line[cut:], offset + line_match.start() + cut, "signature")
            if person is not None:
                block = rest[line_match.start():line_match.start() + 200].split("\n")[:3]
                clinician = person.clinician or any(_is_clinician(b) for b in block)
                candidates.append(PersonMention(person.name, person.text, person.start,
                                                person.end, person.role, clinician))
                break
    for match in _SIGNED_BY.finditer(text):
        person = _first_name_in(text[match.end():], match.end(), "signed_by")
        if person is not None:
            candidates.append(person)
    for match in re.finditer(r"(?:^|(?<=\s))/s/", text):
        person = _first_name_in(text[match.start():], match.start(), "signature")
        if person is not None:
            candidates.append(person)
    if candidates:
        signatures = [c for c in candidates if c.role == "signature"]
        pool = signatures or candidates
        # the last signature of the document (the author signs at the end); prefer clinicians
        # when the pool mixes them with staff
        clinicians = [c for c in pool if c.clinician]
        return max(clinicians or pool, key=lambda c: c.start)
    return _closing_clinician(text) or _letterhead_doctor(text)


#: a clinician's name alone on one of the last lines closes many reports without "Sincerely,"
_CLOSING_LINES = 6


#: licensed practitioners who sign their own notes (therapists, chiropractors, acupuncturists)
_PRACTITIONER = re.compile(r"(?<![A-Za-z])(?:D\.?P\.?T|P\.?T|OTR/L|OTR|CHT|D\.?C|L\.?Ac|PTA|COTA)"
                           r"(?![A-Za-z])")


def _closing_clinician(text: str) -> PersonMention | None:
    lines = [m for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]
    for match in reversed(lines[-_CLOSING_LINES:]):
        line = match.group(0)
        if not (_is_clinician(line) or _PRACTITIONER.search(line)) or len(line.strip()) > 60:
            continue
        person = _first_name_in(line, match.start(), "signature")
        if person is not None and len(person.text) >= len(line.strip()) - 25:
            return person
    return None


def full_spelling(name: str, text: str) -> str:
    """The fullest spelling of ``name`` in ``text`` ("Ravi Marsh" -> "Ravi R. Marsh")."""
    tokens = name.split()
    if len(tokens) < 2:
        return name
    if re.fullmatch(r"[A-Z]\.?", tokens[0]):
        # a signer written "J. Roe": the document's own full spelling of a J... Roe
        pattern = re.compile(rf"\b{tokens[0][0]}[a-z][A-Za-z'\u2019\-]+(?:[ \t]+[A-Z]\.?)?[ \t]+"
                             rf"{re.escape(tokens[-1])}\b")
        spellings = [normalize_name(m.group(0)) for m in pattern.finditer(text)]
        spellings = [sp for sp in spellings if sp]
        if spellings:
            return max(spellings, key=lambda sp: (len(sp.split()), spellings.count(sp)))
        return name
    first, last = re.escape(tokens[0]), re.escape(tokens[-1])
    pattern = re.compile(rf"\b{first}((?:[ \t]+[A-Z]\.?|[ \t]+[A-Z][a-z]+){{1,2}})[ \t]+{last}\b",
                         re.IGNORECASE)
    best = name
    for match in pattern.finditer(text):
        candidate = normalize_name(match.group(0))
        if candidate and len(candidate.split()) > len(best.split()):
            best = candidate
    return best


def _letterhead_doctor(text: str) -> PersonMention | None:
    offset = 0
    for index, line in enumerate(text.split("\n")):
        if index >= _LETTERHEAD_LINES:
            break
        if _is_clinician(line):
            person = _first_name_in(line, offset, "letterhead")
            if person is not None:
                return person
        offset += len(line) + 1
    return None


#: the sender field of a fax cover or memo ("From: Jane Roe, WC coordinator"), at a line start
#: (a fax machine's transmission line "... FROM: OFFICE NAME ..." is not one)
_FROM_FIELD = re.compile(r"(?im)^[ \t]*(?:from|sender)[ \t]*:[ \t]*")
#: a sender signs with a first name and an initial as often as with a full name
_FIRST_AND_INITIAL = re.compile(r"([A-Z][a-z][A-Za-z'\u2019\-]+[ \t]+[A-Z]\.)(?![A-Za-z])")


def find_sender(text: str) -> PersonMention | None:
    """Who sends a fax cover or memo: the person named in its "From:" field."""
    for match in _FROM_FIELD.finditer(text):
        person = _first_name_in(text[match.end():], match.end(), "sender")
        # "From: North & South Clinic": a name running on into a firm's name is no person
        if person is not None and not re.match(r"[ \t]*(?:&|\+|and\b|[A-Z][a-z]+\b(?![.,]))",
                                               text[person.end:]):
            return person
        short = _FIRST_AND_INITIAL.match(text, match.end())
        if short and not _NOT_PERSON.search(short.group(1)):
            return PersonMention(short.group(1), short.group(1), short.start(1), short.end(1),
                                 "sender")
    return None

"""IMR documents: the application (DWC Form IMR), the notice of assignment (NOARFI) and the
final determination.

``extract_imr(doc, pages, settings) -> ImrBlock``. ``kind`` comes from the document type when
the classifier set one, else from the title wording. Per-treatment outcomes of a determination
read the sentence meaning: "is medically necessary" overturns the UR denial, "is not medically
necessary" upholds it. ``Treatment.outcome`` holds upheld/overturned; ``Treatment.decision``
holds what it means for the treatment (overturned -> approved, upheld -> denied) so it stays in
the contract's vocabulary.
"""

from __future__ import annotations

import datetime as dt
import re

from pipeline.extract.dates import DATE_LABELS, labelled_dates
from pipeline.extract.evidence import first_found, quote_at
from pipeline.extract.guidelines import find_guidelines
from pipeline.extract.rfa import DateOnPage, checkbox, label_value
from pipeline.extract.treatments import (
    find_codes,
    read_tables,
    repair_words,
    same_treatment,
    tidy_description,
)
from pipeline.model import Document, ImrBlock, Page, Treatment
from pipeline.settings import Settings

_KIND_BY_TYPE = {"imr_application": "application", "imr_notice": "notice",
                 "imr_determination": "determination"}

_CASE = re.compile(r"\b(C\s?M)\s?([0-9OIl|]{2})\s?[-–—]\s?([0-9OIl|]{5,8})\b")
_CASE_LABEL = re.compile(r"(?:IMR\s+)?Case\s+(?:Number|No\.?|#)\s*:?\s*([A-Z0-9][A-Z0-9-]{5,20})",
                         re.I)
_DIGITS = str.maketrans({"O": "0", "I": "1", "l": "1", "|": "1"})

_LABELS = {
    "determination_date": ("Date of Determination", "Determination Date", "Date of Final "
                           "Determination", "Final Determination Date", "Date of IMR Decision",
                           "IMR Decision Date", "Date of Decision", "Decision Date"),
    "ur_decision_date": ("Date of UR Decision", "UR Decision Date", "UR Denial Date",
                         "Date of UR Denial", "UR Modification Date", "Date of Denial", "Date of Utilization Review "
                         "Decision", "Utilization Review Decision Date", "UR Determination Date",
                         "Date of the UR Decision", "UR Date", "Date of UR Determination",
                         "Date of Utilization Review Determination"),
    "signed_date": DATE_LABELS["signed_date"],
    "letter_date": DATE_LABELS["letter_date"],
    "assignment_date": ("Date of Assignment", "Assignment Date", "Date Assigned",
                        "Notice Date", "Date of Notice", "Date Mailed", "Mailing Date"),
    "application_date": ("Application Date", "Date of Application", "Date Received",
                         "Received"),
    "rfa_date": ("Date of RFA", "RFA Date", "Date of Request"),
}


def imr_kind(text: str) -> str | None:
    if re.search(r"notice\s+of\s+assignment|request\s+for\s+information|\bNOARFI\b", text, re.I):
        return "notice"
    if re.search(r"final\s+determination|determination\s+letter|IMR\s+(?:final\s+)?determination|"
                 r"independent\s+medical\s+review\s+(?:decision|determination)|"
                 r"(?:has|have)\s+determined|decision\s+and\s+rationale", text, re.I):
        return "determination"
    if re.search(r"application\s+for\s+independent\s+medical\s+review|DWC\s+Form\s+IMR", text,
                 re.I):
        return "application"
    return None


def case_number(text: str) -> tuple[str, int, int] | None:
    m = _CASE.search(text)
    if m:
        return f"CM{m.group(2).translate(_DIGITS)}-{m.group(3).translate(_DIGITS)}", m.start(), m.end()
    for m in _CASE_LABEL.finditer(text):
        # another body's case number: the UR organization's, the WCAB's (EAMS), a vendor file
        if re.search(r"\b(?:UR|URO|EAMS|WCAB|Review\s+Organi[sz]ation|Claims?|Vendor|File)\W{0,3}$",
                     text[max(0, m.start() - 30):m.start()], re.I):
            continue
        if re.search(r"\d", m.group(1)):
            return m.group(1), m.start(1), m.end(1)
    return None


# --- signature / form fields ----------------------------------------------------------------------

_SIG_LINE = re.compile(r"(?:employee(?:'s)?|applicant(?:'s)?|injured\s+worker(?:'s)?|"
                       r"representative(?:'s)?|patient(?:'s)?)?[ \t]*signature[^\n:]{0,60}:?", re.I)
_FORM_WORDS = re.compile(r"^(?:of|employee|employee's|or|representative|authorized|agent|"
                         r"print|name|date|signature|applicant|the|and|if|by|sign|here|"
                         r"designee|parent|guardian|x)$", re.I)


def is_signed(text: str) -> tuple[bool | None, int, int]:
    """Whether the applicant signed: a name, "/s/ Name" or "Signed" beside or above the signature
    line means signed; underscores or nothing mean unsigned. None when no signature line."""
    seen = False
    for m in _SIG_LINE.finditer(text):
        if not re.search(r"signature", m.group(0), re.I):
            continue
        seen = True
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end == -1 else line_end
        after = text[m.end():line_end]
        after = re.split(r"\s{3,}|\bdate\b|\bprint", after, maxsplit=1, flags=re.I)[0]
        if _names_someone(after):
            return True, m.start(), line_end
        # a signature written above a "Signature" caption (skipping the rule line itself)
        line_start = text.rfind("\n", 0, m.start()) + 1
        if text[line_start:m.start()].strip() == "" and not m.group(0).rstrip().endswith(":"):
            cursor = line_start
            ruled = False
            for _ in range(2):
                if cursor <= 0:
                    break
                prev_start = text.rfind("\n", 0, cursor - 1) + 1
                above = text[prev_start:cursor - 1]
                cursor = prev_start
                cleaned = re.sub(r"_{2,}", " ", above).strip()
                if not cleaned:
                    ruled = ruled or "__" in above
                    continue
                first = re.split(r"\s{3,}", cleaned)[0]
                # only a name set over a signature rule, or an "/s/" signature, signs the form
                if (ruled or "/s/" in first) and _names_someone(first) and ":" not in above:
                    return True, prev_start, prev_start + len(above)
                break
    if seen:
        m = _SIG_LINE.search(text)
        assert m is not None
        return False, m.start(), m.end()
    return None, -1, -1


def _names_someone(value: str) -> bool:
    value = value.strip(" :_-\t")
    if not value:
        return False
    if re.search(r"/s/|\bsigned\b|\belectronically\s+signed\b", value, re.I):
        return True
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z.'\-]*", value) if not _FORM_WORDS.match(w)]
    return len([w for w in words if len(w.strip(".")) >= 2]) >= 2


def _jcn(text: str) -> tuple[str, int, int] | None:
    m = re.search(r"(?:WCIS\s+)?Jurisdictional\s+Claim\s+(?:Number|No\.?|#)|\bJCN\b", text, re.I)
    if not m:
        return None
    tail = text[m.end():m.end() + 60]
    # the value follows on the label's line, or on the next one when the label ends its line
    # (a narrow form cell: "WCIS Jurisdictional Claim / Number (JCN): / 2026...")
    tail = re.match(r"[^\n]*\n?[^\n]*", tail).group(0) if re.match(
        r"\s*(?:\(JCN\))?[\s:#.,;|~_-]*\n", tail, re.I) else tail.split("\n")[0]
    v = re.match(r"\s*(?:\(JCN\))?[\s:#.,;|~_-]*([A-Z0-9][A-Z0-9-]{5,25})", tail, re.I)
    if v and re.search(r"\d{4}", v.group(1)):
        return v.group(1), m.end() + v.start(1), m.end() + v.end(1)
    # OCR of a two-line form cell reads row by row: "WCIS Jurisdictional Claim 2026...A" with
    # the label's wrapped end ("Number (JCN):") on the line below, after the value
    cut = re.search(r"(?:WCIS\s+)?Jurisdictional\s+Claim\s*[:|]?[ \t]+([A-Z0-9][A-Z0-9-]{5,25})\b",
                    text, re.I)
    if cut and re.search(r"\d{4}", cut.group(1)):
        return cut.group(1), cut.start(1), cut.end(1)
    return None


# --- determinations ---------------------------------------------------------------------------------

_OUTCOME_SENTENCE = re.compile(
    r"(?:request(?:ed)?\s+(?:for|treatment|service)?|treatment\s+of|prescription\s+(?:for|of))"
    r"\s*:?\s*(?P<desc>[^.;\n]{3,160}?)\s+(?:is|are|was|were)\s+(?P<neg>not\s+)?"
    r"medically\s+necessary", re.I)
_OUTCOME_WORD = re.compile(r"\b(?P<o>upheld|uphold|overturned|overturn|reversed)\b", re.I)


_VERB_FIRST = re.compile(r"(?:meets|met|does|did|do|is|was|has|had|satisfies|satisfied|fulfills|"
                         r"exceeds|falls|conforms|remains|appears|seems|complies|therefore|thus|"
                         r"also|as\s+(?:such|written|submitted))\b", re.I)


def outcome_of(text: str) -> str | None:
    """upheld / overturned from a cell or sentence."""
    low = re.sub(r"\s+", " ", text.lower())
    if re.search(r"not\s+medically\s+necessary|\bupheld\b|\buphold|\bdenial\s+(?:is\s+)?"
                 r"(?:upheld|affirmed)|\bnot\s+(?:overturned|certified)|\bnon[\s-]?certif", low):
        return "upheld"
    if re.search(r"medically\s+necessary|\boverturn|\breversed\b|\bcertified\b|\bapproved\b",
                 low):
        return "overturned"
    return None


def _outcome_treatments(pages: list[Page]) -> list[Treatment]:
    rows: list[Treatment] = []
    for t in read_tables(pages):
        quote = t.evidence.quote if t.evidence else ""
        outcome = outcome_of(quote.replace(t.description, "", 1))
        if outcome:
            t.outcome = outcome
            rows.append(t)
    if rows:
        return rows
    for page in pages:
        flat = page.text.replace("\n", " ")
        for m in _OUTCOME_SENTENCE.finditer(flat):
            desc = m.group("desc").strip(" ,:")
            desc = re.sub(r"^(?:the\s+)?(?:request(?:ed)?\s+)?(?:for\s+)?", "", desc, flags=re.I)
            if len(desc) < 3 or re.match(r"(?:this|the)\s+(?:treatment|service)s?$", desc, re.I):
                continue
            if _VERB_FIRST.match(desc):
                continue            # "The request meets the criteria and is ...": no item named
            outcome = "upheld" if m.group("neg") else "overturned"
            if any(same_treatment(desc, r.description) for r in rows):
                continue
            codes = find_codes(desc, labelled_only=True)
            # ``flat`` keeps every character of ``page.text``, so offsets carry over
            rows.append(Treatment(description=tidy_description(desc, codes),
                                  cpt=codes[0][0] if codes else None,
                                  outcome=outcome, evidence=quote_at(page, m.start(), m.end())))
    if rows:
        return rows
    for page in pages:                          # "Treatment: X ... Decision: Upheld" blocks
        for m in re.finditer(r"(?:disputed\s+)?(?:treatment|item|service)(?:\s+requested)?"
                             r"\s*[:\-–]\s*(?P<desc>[^\n]{3,120})\n(?P<rest>(?:[^\n]*\n){0,4})",
                             page.text, re.I):
            outcome = outcome_of(m.group("rest"))
            if outcome:
                rows.append(Treatment(description=m.group("desc").strip(), outcome=outcome,
                                      evidence=quote_at(page, m.start(), m.end())))
    return rows


def overall_outcome(outcomes: list[str | None]) -> str | None:
    values = {o for o in outcomes if o}
    if not values:
        return None
    if values == {"upheld"}:
        return "upheld"
    if values == {"overturned"}:
        return "overturned"
    return "partially_overturned"


_FORMAT_HINT = re.compile(r"\n?[ \t]*\((?:mm|dd|yy)[/.-](?:mm|dd|yy)[/.-](?:yyyy|yy)\)[ \t]*(?=[:\n])",
                          re.I)


def without_format_hints(text: str) -> str:
    """Form labels with their format hint blanked ("Date of UR Decision (MM/DD/YYYY):", the
    hint often wrapped onto a line of its own in a narrow cell), keeping every offset."""
    return _FORMAT_HINT.sub(lambda m: " " * len(m.group(0)), text)


def _first(pages: list[Page], label: str) -> DateOnPage | None:
    for page in pages:
        for d in labelled_dates(without_format_hints(repair_words(page.text)), _LABELS,
                                ranges=False):
            if d.label == label and isinstance(d.value, dt.date):
                return DateOnPage(d.value, page, d.start, d.end, label)
    return None


def _top_date(pages: list[Page]) -> DateOnPage | None:
    """The first unlabelled date in the first lines of the first page (a letter date)."""
    if not pages:
        return None
    page = pages[0]
    head = sum(len(line) + 1 for line in page.text.split("\n")[:12])
    for d in labelled_dates(repair_words(page.text), _LABELS, ranges=False):
        if d.start > head:
            break
        if d.label is None and isinstance(d.value, dt.date):
            line_start = page.text.rfind("\n", 0, d.start) + 1
            if not re.search(r"[A-Za-z]{4,}", page.text[line_start:d.start]):
                return DateOnPage(d.value, page, d.start, d.end, "letter_date")
    return None


def extract_imr(doc: Document, pages: list[Page], settings: Settings) -> ImrBlock:
    block = ImrBlock()
    text = "\n".join(p.text for p in pages)
    block.kind = _KIND_BY_TYPE.get(doc.type) or imr_kind(text)

    block.case_number = first_found(doc, "imr.case_number", pages, case_number)

    ur_date = _first(pages, "ur_decision_date")
    if ur_date:
        block.ur_decision_date = ur_date.value
        doc.cite("imr.ur_decision_date", ur_date.evidence())

    if block.kind == "determination":
        when = _first(pages, "determination_date") or _first(pages, "letter_date") or \
            _top_date(pages)
        if when:
            block.determination_date = when.value
            doc.cite("imr.determination_date", when.evidence())
        treatments = _outcome_treatments(pages)
        for t in treatments:
            t.decision = {"overturned": "approved", "upheld": "denied"}.get(t.outcome or "")
            t.guidelines = t.guidelines or []
            if t.evidence is not None:
                t.evidence.document = doc.id
        if len(treatments) == 1:
            treatments[0].guidelines = find_guidelines(text)
        block.treatments = treatments
        block.decision = overall_outcome([t.outcome for t in treatments])
        if block.decision is None:
            m = re.search(r"(?:UR\s+)?(?:decision|determination)\s+(?:is\s+|was\s+)?"
                          r"(?P<o>upheld|overturned|reversed)|(?P<o2>overturn|uphold)s?\s+the\s+"
                          r"(?:UR|utilization\s+review)", text, re.I)
            if m:
                block.decision = outcome_of(m.group(0))
        if treatments and treatments[0].evidence:
            doc.cite("imr.decision", treatments[0].evidence)
            doc.cite("imr.treatments", treatments[0].evidence)
    elif block.kind == "notice":
        when = _first(pages, "assignment_date") or _first(pages, "letter_date") or \
            _top_date(pages)
        if when:
            block.notice_date = when.value
            doc.cite("imr.notice_date", when.evidence())
    else:                                           # application
        for page in pages:
            signed_state, a, b = is_signed(page.text)
            if signed_state is not None:
                block.signed = signed_state
                doc.cite("imr.signed", quote_at(page, a, b))
                if signed_state:
                    break
        when = None
        for page in pages:
            for d in labelled_dates(repair_words(page.text), _LABELS, ranges=False):
                if not isinstance(d.value, dt.date):
                    continue
                near_sig = re.search(r"signature", page.text[max(0, d.start - 200):d.start], re.I)
                if d.label in ("signed_date", "application_date") or (
                        d.label == "letter_date" and near_sig):
                    when = DateOnPage(d.value, page, d.start, d.end, d.label or "")
                    break
            if when:
                break
        if when:
            block.application_date = when.value
            doc.cite("imr.application_date", when.evidence())
        regular = None
        for page in pages:
            exp = checkbox(page.text, r"expedited(?:\s+review)?")
            reg = checkbox(page.text, r"(?:regular|standard)(?:\s+review)?")
            if exp or reg:
                regular = True
                m = re.search(r"expedited|regular|standard", page.text, re.I)
                if m:
                    doc.cite("imr.review_type_marked", quote_at(page, m.start(), m.end()))
                break
            if exp is False or reg is False:
                regular = False
        block.review_type_marked = regular
        block.jcn = first_found(doc, "imr.jcn", pages, _jcn)
        table = read_tables(pages)
        for t in table:
            t.decision = None
            if t.evidence is not None:
                t.evidence.document = doc.id
        block.treatments = table
        disputed = None if table else label_value(
            text, (r"Disputed\s+(?:Treatment|Item|Service)s?",
                   r"Treatment\s+(?:Requested|in\s+Dispute)", r"Requested\s+Treatment"))
        if disputed and re.search(r"[a-z]{3,}", disputed[0]) and not re.fullmatch(
                r"[\W\s]*(?:(?:service|treatment|cpt|hcpcs|code|item)s?[\W\s]*)+", disputed[0],
                re.I):
            codes = find_codes(disputed[0], labelled_only=True)
            block.treatments = [Treatment(description=disputed[0],
                                          cpt=codes[0][0] if codes else None)]
    return block

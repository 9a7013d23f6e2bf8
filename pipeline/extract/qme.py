"""QME / AME medical-legal reports: read the whole report into a ``QmeBlock``.

``extract_qme(doc, pages, settings)`` finds the report's sections (``sections.py``), then reads
each field where the report states it, with provenance (``doc.cite("qme.<field>", ...)``):
evaluator role, name and specialty; report kind and ML code; exam, report, signature and
service dates; diagnoses (ICD-10); causation; P&S/MMI status and date; impairments and the
combined WPI (``impairments.py``); apportionment (``apportionment.py``); TTD periods; work
restrictions; future medical care; the records reviewed (``records.py``); the LC 4628
declaration; signature; extension; and every body part the report diagnoses or rates.

When a report has no recognisable heading for a field, the field is read from the whole report
minus the parts that quote other people's records (records review, history), so a prior
physician's findings are not taken for the evaluator's.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable

from pipeline.extract.apportionment import find_apportionment
from pipeline.extract.bodyparts import find_body_parts
from pipeline.extract.dates import DATE_LABELS, DateMention, find_date_ranges, labelled_dates
from pipeline.extract.impairments import find_combined_wpi, find_impairments, sentences
from pipeline.extract.records import parse_report_records
from pipeline.extract.sections import ReportText, SectionSpan, find_sections, match_heading
from pipeline.model import DateRange, Diagnosis, Document, Evidence, Page, QmeBlock
from pipeline.settings import Settings

__all__ = ["extract_qme", "read_qme"]

log = logging.getLogger(__name__)

#: sections that quote others (their ratings, diagnoses, dates are not the evaluator's)
QUOTING = ("records_review", "history", "past_medical_history", "diagnostic_studies",
           "complaints", "proof_of_service")

#: extra ways a report states its exam date (added to the shared label vocabulary)
EXAM_PHRASES = ("examined the applicant on", "examined on", "evaluated the applicant on",
                "evaluated on", "seen in my office on", "seen on", "examination was performed on",
                "face-to-face examination on", "date of the evaluation", "date of examination",
                "re-examined on", "reexamined on", "date of re-evaluation",
                "date of reevaluation", "date of face to face", "Examined:", "Evaluated:",
                "Re-examined:", "Seen:", "Exam:")
REPORT_PHRASES = ("report date", "date of report", "date of this report", "date of supplemental",
                  "date of supplemental report", "report dated")

_ROLE_AME = re.compile(r"agreed\s+medical\s+(?:evaluat|exam)|\bAME\b", re.IGNORECASE)
#: a letterhead credential naming both roles ("Agreed and Qualified Medical Evaluator") says
#: nothing about the role in this report
_BOTH_ROLES = re.compile(r"(?:agreed|qualified)\s*(?:and|&|/|or)\s*(?:agreed|qualified)\s+medical"
                         r"\s+(?:evaluators?|examiners?)|\bA?QME\s*/\s*A?ME\b|\bAME\s*/\s*QME\b",
                         re.IGNORECASE)
_ROLE_PANEL = re.compile(r"panel\s+(?:qualified\s+medical|QME)|\bPQME\b", re.IGNORECASE)
_ROLE_QME = re.compile(r"qualified\s+medical\s+evaluat|\bQME\b", re.IGNORECASE)
_ML = re.compile(r"\bM\s?L[\s-]?(?P<code>[1l|I2][0O][0-9Oo])(?![0-9])", re.IGNORECASE)
_KIND_WORDS = [
    (re.compile(r"supplement", re.IGNORECASE), "supplemental"),
    (re.compile(r"re-?\s?evaluation|re-?examination|follow[\s-]*up\s+(?:medical[\s-]*legal\s+)?"
                r"(?:evaluation|report|examination)", re.IGNORECASE), "reevaluation"),
    (re.compile(r"records?\s+review|review\s+of\s+(?:medical\s+)?records", re.IGNORECASE),
     "record_review"),
    (re.compile(r"comprehensive|initial", re.IGNORECASE), "initial"),
]
_ML_KIND = {"201": "initial", "102": "initial", "103": "initial", "104": "initial",
            "202": "reevaluation", "101": "reevaluation", "203": "supplemental",
            "106": "supplemental"}
_SPECIALTIES = [
    (r"orthop(?:a)?edic(?:s)?(?:\s+(?:spine\s+)?surgery)?", None),
    (r"orthop(?:a)?edic\s+surgeon", "Orthopedic Surgery"),
    (r"hand\s+surgery", None), (r"spine\s+surgery", None),
    (r"neurosurgery|neurological\s+surgery", None), (r"neurologist", "Neurology"),
    (r"neurology", None), (r"psychiatry", None), (r"psychiatrist", "Psychiatry"),
    (r"(?:clinical\s+)?psychology", None), (r"psychologist", "Psychology"),
    (r"internal\s+medicine", None), (r"internist", "Internal Medicine"),
    (r"physical\s+medicine\s+(?:and|&)\s+rehabilitation|PM\s?&\s?R", None),
    (r"pain\s+(?:medicine|management)", None), (r"chiropractic(?:\s+medicine)?", None),
    (r"chiropractor", "Chiropractic"), (r"occupational\s+medicine", None),
    (r"family\s+(?:medicine|practice)", None), (r"podiatr(?:y|ic\s+medicine)", None),
    (r"ophthalmology", None), (r"otolaryngology", None), (r"dermatology", None),
    (r"cardiology", None), (r"pulmon(?:ology|ary\s+medicine)", None), (r"rheumatology", None),
    (r"gastroenterology", None), (r"urology", None), (r"plastic\s+surgery", None),
    (r"general\s+surgery", None), (r"acupuncture", None), (r"toxicology", None),
    (r"dentistry", None), (r"anesthesiology", None), (r"emergency\s+medicine", None),
]
_SPECIALTY_RE = re.compile("|".join(f"(?P<s{i}>\\b(?:{p})\\b)" for i, (p, _) in
                                    enumerate(_SPECIALTIES)), re.IGNORECASE)
#: "Castillo Orthopaedic Medical Group": a practice's name, not the evaluator's specialty
_PRACTICE_NAME = re.compile(r"\s*(?:medical\s+)?(?:group|associates|institute|center|centre"
                            r"|clinic|partners|specialists|surgery\s+center)\b", re.IGNORECASE)
_DEGREE = (r"(?:M\.?\s?D\.?|D\.?\s?O\.?|D\.?\s?C\.?|Ph\.?\s?D\.?|Psy\.?\s?D\.?|D\.?P\.?M\.?"
           r"|D\.?D\.?S\.?|F\.?A\.?C\.?S\.?|F\.?A\.?A\.?O\.?S\.?|Q\.?M\.?E\.?)")
_PERSON = (r"(?P<name>[A-Z][A-Za-z'\-]+(?:[ \t]+[A-Z]\.{0,2}(?=[ \t])|[ \t]+[A-Z]\.{1,2}(?=[A-Z]))?"
           r"(?:[ \t]*[A-Z][A-Za-z'\-]+){1,2})")
_CLOSING = re.compile(r"(?:respectfully(?:\s+submitted)?|sincerely|very\s+truly\s+yours|regards)"
                      r",?[ \t]*\n(?:[ \t]*\n)?[ \t\-_.]*" + _PERSON + r"[ \t]*(?:,|\n|$)",
                      re.IGNORECASE)
_SIGNED_NAME = re.compile(r"^[ \t\-_.,:;'\"~\u2014|]*(?:/s/[ \t]*|Dr\.?[ \t]+)?" + _PERSON
                          + r",?[ \t]+" + _DEGREE
                          + r"(?![A-Za-z])", re.MULTILINE)
_LABELLED_NAME = re.compile(
    r"(?:evaluator|examining\s+physician|evaluating\s+physician|panel\s+QME|QME|AME|"
    r"agreed\s+medical\s+evaluator|qualified\s+medical\s+evaluator|physician|examiner)\s*:\s*"
    r"(?:Dr\.?[ \t]+)?(?-i:" + _PERSON + ")", re.IGNORECASE)
_ICD = re.compile(r"(?<![A-Za-z0-9])(?P<code>[A-TV-Z][0-9][0-9A-Z]\.[0-9A-Z]{1,4})(?![0-9A-Za-z])"
                  r"|(?:ICD-?10(?:-CM)?\s*(?:code)?\s*[:#]?\s*|\()(?P<bare>[A-TV-Z][0-9]{2})"
                  r"(?![0-9A-Za-z.])")
_ITEM = re.compile(r"^\s*(?:[0-9]{1,2}[.)]|[a-z][.)]|[-\u2022*])\s+")
_PERJURY = re.compile(r"under\s+(?:the\s+)?penalty\s+of\s+perjury", re.IGNORECASE)
_COUNTY = re.compile(r"(?i:county\s+of)\s+(?P<a>[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+){0,2})"
                     r"|(?P<b>[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)?)\s+County\b")
_SIGN_MARK = re.compile(r"/s/|electronically\s+signed|digitally\s+signed|signature\s+on\s+file"
                        r"|\[\s*signature\s*\]|\(\s*signed\s*\)|e-?signed", re.IGNORECASE)
_UNSIGNED = re.compile(r"\bunsigned\b|not\s+signed|signature\s*:\s*_{0,}\s*$",
                       re.IGNORECASE | re.MULTILINE)
_EXTENSION = re.compile(r"extension(?:\s+of\s+time)?[^.\n]{0,80}(?:grant|request|approv|form\s*112"
                        r"|medical\s+director|due)|form\s*112|(?:grant|approv)ed\s+(?:an?\s+)?"
                        r"extension", re.IGNORECASE)
_NO_EXTENSION = re.compile(r"no\s+extension|extension\s+(?:was\s+)?(?:not|denied)|form\s*113",
                           re.IGNORECASE)
_METHODS = [
    ("fax", re.compile(r"fax|facsimile", re.IGNORECASE)),
    ("email", re.compile(r"e-?mail|electronic(?:ally)?\s+(?:service|served|transmi)"
                         r"|electronic\s+mail|via\s+electronic", re.IGNORECASE)),
    ("personal", re.compile(r"personal(?:ly)?\s+(?:service|served|deliver)|hand[\s-]*deliver",
                            re.IGNORECASE)),
    ("mail", re.compile(r"\bmail(?:ed|ing)?\b|postage|first[\s-]*class|U\.?\s?S\.?\s?P\.?S",
                        re.IGNORECASE)),
]
_CHECKED = re.compile(r"(?:\[\s*[xX\u2713\u2714]\s*\]|\u2612|\u2611|\(\s*[xX]\s*\))\s*(?P<what>[^\n\[\u2610\u2612]{0,60})")
_CAUSE_DEFER = re.compile(r"\bdefer|cannot\s+(?:yet\s+)?(?:be\s+)?determine|unable\s+to\s+determine"
                          r"|pending\s+(?:further|additional|receipt)", re.IGNORECASE)
_CAUSE_NON = re.compile(
    r"non[\s-]*industrial|did\s+not\s+arise\s+out\s+of|not\s+aris\w*\s+out\s+of"
    r"|not\s+(?:industrially|work)[\s-]*related"
    r"|not\s+industrial|not\s+caused\s+by|no\s+industrial|not\s+(?:AOE|the\s+result\s+of)"
    r"|unrelated\s+to\s+(?:work|employment|the\s+industrial)", re.IGNORECASE)
_CAUSE_IND = re.compile(
    r"industrial(?:ly)?(?:\s+related|\s+injury|\s+causation|\b)|arose\s+out\s+of\s+and"
    r"|aris(?:e|es|ing)\s+out\s+of\s+(?:and|(?:his|her|their|the)\s+(?:work|employment))"
    r"|in\s+the\s+course\s+of\s+(?:his|her|their|the)\s+(?:work|employment)"
    r"|(?:employment|work)\s+(?:\w+\s+){0,2}contributed"
    r"|AOE\s*/?\s*COE|work[\s-]*related|caused\s+by\s+(?:his|her|their|the)\s+(?:work|employment)"
    r"|result\s+of\s+(?:his|her|their|the)\s+(?:work|employment|industrial)", re.IGNORECASE)
_PS = r"(?:permanent\s+(?:and|&)[.,]?\s+stationary|P\s?&\s?S|MMI|maxim(?:um|al)\s+medical\s+improvement)"
_MMI_NOT = re.compile(r"(?:not|n't|never)\s+(?:yet\s+)?(?:been\s+|at\s+|reached\s+|attained\s+"
                      r"|achieved\s+|become\s+|considered\s+|deemed\s+)?(?:yet\s+)?" + _PS
                      + r"|" + _PS + r"\W+(?:status\s+)?(?:is\s+)?not\s+(?:yet\s+)?(?:reached|met)"
                      r"|remains?\s+(?:temporarily\s+(?:totally|partially)\s+disabled|TTD|on\s+TTD)"
                      r"|is\s+(?:currently\s+)?temporarily\s+(?:totally|partially)\s+disabled",
                      re.IGNORECASE)
_MMI_DEFER = re.compile(r"defer\w*[^.]{0,60}" + _PS + r"|" + _PS + r"[^.]{0,60}defer",
                        re.IGNORECASE)
_MMI_YES = re.compile(r"(?:is|are|was|became|become|has\s+reached|reached|attained|achieved|deemed"
                      r"|considered|declared|found\s+to\s+be|have\s+reached|at)\s+(?:now\s+)?"
                      r"(?:\w+\s+){0,3}?" + _PS + r"|" + _PS + r"\s+(?:date|status)?\s*(?::|as\s+of"
                      r"|effective|on)", re.IGNORECASE)
_AS_OF_EXAM = re.compile(r"as\s+of\s+(?:the\s+)?(?:date\s+of\s+)?(?:this|my|today|the\s+present)",
                         re.IGNORECASE)
_TTD = re.compile(r"temporar(?:y|ily)\s+(?:total(?:ly)?|partial(?:ly)?)\s+disab|\bTTD\b|\bTPD\b"
                  r"|temporary\s+disability", re.IGNORECASE)


def _clean(text: str, limit: int = 600) -> str | None:
    text = re.sub(r"\s+", " ", text).strip(" :-\u2013\u2014")
    if not text:
        return None
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "\u2026"


class _Report:
    """A report's text, sections, and the helpers every field reader uses."""

    def __init__(self, pages: list[Page]):
        self.rt = ReportText(pages)
        self.sections = find_sections(self.rt)

    def spans(self, *names: str) -> list[SectionSpan]:
        return [s for s in self.sections if s.name in names]

    def body(self, span: SectionSpan) -> str:
        return self.rt.clean_text(span.body_start, span.end)

    def quoting_mask(self) -> str:
        """The whole text with quoting sections blanked (offsets kept)."""
        chars = list(self.rt.clean_text())
        for span in self.spans(*QUOTING):
            for i in range(span.start, span.end):
                chars[i] = " "
        return "".join(chars)

    def first_page(self) -> str:
        return self.rt.clean_text(0, self.rt.page_offsets[1] if len(self.rt.pages) > 1
                                  else len(self.rt.text))

    def ev(self, start: int, end: int) -> Evidence:
        return self.rt.evidence(start, end)


def _labels(extra: dict[str, Iterable[str]]) -> dict[str, tuple[str, ...]]:
    labels = dict(DATE_LABELS)
    for name, phrases in extra.items():
        labels[name] = tuple(labels.get(name, ())) + tuple(phrases)
    return labels


_QME_LABELS = _labels({"exam_date": EXAM_PHRASES, "report_date": REPORT_PHRASES})


def _dated(mentions: list[DateMention], *labels: str) -> DateMention | None:
    for mention in mentions:
        if mention.label in labels and isinstance(mention.value, dt.date):
            return mention
    return None


# --- field readers ---------------------------------------------------------------------------

def _role(report: _Report, doc_type: str) -> tuple[str | None, int | None]:
    head = report.rt.clean_text(0, min(len(report.rt.text), 3000))
    for text, base in ((head, 0), (report.quoting_mask(), 0)):
        text = _BOTH_ROLES.sub(lambda m: " " * len(m.group(0)), text)
        ame, panel, qme = (_ROLE_AME.search(text), _ROLE_PANEL.search(text),
                           _ROLE_QME.search(text))
        if ame and (not qme or ame.start() < qme.start()):
            return "ame", base + ame.start()
        if panel:
            return "panel_qme", base + panel.start()
        if qme:
            return "qme", base + qme.start()
    if doc_type == "ame_report":
        return "ame", None
    return None, None


def _title_lines(report: _Report) -> list[tuple[str, int]]:
    lines = [ln for ln in report.rt.lines if ln.page_index == 0 and ln.stripped
             and not ln.running][:25]
    out = []
    for ln in lines:
        heading = match_heading(ln)
        if heading is not None and heading.name == "records_review":
            continue        # the section heading, not the report's title
        if re.search(r"report|evaluation|examination|review|re:|ML\s?[12]", ln.text, re.I):
            out.append((ln.text, ln.start))
    return out


def _kind_and_ml(report: _Report) -> tuple[str | None, str | None, int | None, int | None]:
    text = report.rt.clean_text()
    ml = _ML.search(report.rt.clean_text(0, min(len(text), 6000))) or _ML.search(text)
    ml_code = None
    if ml:
        digits = ml.group("code").translate(str.maketrans("l|IOo", "11100"))
        ml_code = "ML" + digits
    kind, kind_at = None, None
    titles = _title_lines(report)
    for pattern, value in _KIND_WORDS:          # most specific kind first, over the title area
        hit = next(((line, start) for line, start in titles if pattern.search(line)), None)
        if hit:
            kind, kind_at = value, hit[1]
            break
    if kind is None and ml_code and ml_code[2:] in _ML_KIND:
        kind, kind_at = _ML_KIND[ml_code[2:]], ml.start() if ml else None
    if kind is None and report.spans("physical_exam"):
        kind = "initial"        # an examination with no follow-up or supplemental cue
        kind_at = report.spans("physical_exam")[0].start
    return kind, ml_code, kind_at, ml.start() if ml else None


def _name_and_specialty(report: _Report) -> tuple[str | None, int | None, str | None, int | None]:
    text = report.rt.clean_text()
    name, name_at = None, None
    labelled = _LABELLED_NAME.search(report.first_page())
    perjury = [m.start() for m in _PERJURY.finditer(text)]
    tail_from = perjury[0] if perjury else max(0, len(text) - 2500)
    signed = [m for m in _SIGNED_NAME.finditer(text) if m.start() >= tail_from]
    pos = report.spans("proof_of_service")
    if pos:
        signed = [m for m in signed if not any(p.start <= m.start() < p.end for p in pos)] or signed
    first = list(_SIGNED_NAME.finditer(report.first_page()))
    if labelled:
        name, name_at = labelled.group("name"), labelled.start("name")
    elif signed:
        name, name_at = signed[0].group("name"), signed[0].start("name")
    elif first:
        name, name_at = first[0].group("name"), first[0].start("name")
    else:
        closing = _CLOSING.search(text)
        if closing:
            name, name_at = closing.group("name"), closing.start("name")
    if name:
        name = re.sub(r"\.{2,}", ".", re.sub(r"\s+", " ", name)).strip()
        name = re.sub(r"\b([A-Z])\.(?=[A-Z])", r"\1. ", name)
    specialty, spec_at = None, None
    label = re.search(r"specialty\s*:\s*([^\n]+)", text, re.IGNORECASE)
    board = re.search(r"(?:board[\s-]+certified\s+(?:in|by\s+the\s+American\s+Board\s+of)"
                      r"|diplomate,?\s+(?:of\s+the\s+)?(?:American\s+Board\s+of\s+)?|QME\s+in"
                      r"|specialist\s+in|practice\s+of|specialty\s+of)\s*([^\n,;|]+)", text,
                      re.IGNORECASE)
    windows: list[tuple[str, int]] = []
    if label:
        windows.append((label.group(1), label.start(1)))
    if board:
        windows.append((board.group(1), board.start(1)))
    if name_at is not None:
        windows.append((text[name_at:name_at + 200], name_at))
        windows.append((text[max(0, name_at - 300):name_at + 300], max(0, name_at - 300)))
    windows.append((report.first_page()[:1500], 0))
    for window, base in windows:
        match = next((m for m in _SPECIALTY_RE.finditer(window) if not _PRACTICE_NAME.match(
            window[m.end():])), None)
        if match:
            index = int(match.lastgroup[1:])
            canonical = _SPECIALTIES[index][1]
            written = re.sub(r"\s+", " ", match.group(0))
            specialty = canonical or " ".join(w if w.isupper() and len(w) <= 4 else
                                              w.capitalize() for w in written.split())
            if re.fullmatch(r"Orthop(?:a)?edics?", specialty):
                specialty = specialty.rstrip("s") + " Surgery"
            spec_at = base + match.start()
            break
    if specialty is None and name_at is not None:
        degree = re.match(r",?[ \t]*(D\.?[ \t]?C\.?|Psy\.?[ \t]?D\.?|D\.?P\.?M\.?)(?![A-Za-z])",
                          text[name_at + len(name or ""):])
        if degree:
            letters = re.sub(r"[^A-Za-z]", "", degree.group(1)).upper()
            specialty = {"DC": "Chiropractic", "PSYD": "Psychology", "DPM": "Podiatry"}[letters]
            spec_at = name_at
    return name, name_at, specialty, spec_at


def _dates(report: _Report, block: QmeBlock, doc: Document) -> None:
    rt = report.rt
    masked = report.quoting_mask()
    head_end = rt.page_offsets[2] if len(rt.pages) > 2 else len(rt.text)
    head = masked[:head_end]
    mentions = labelled_dates(head, _QME_LABELS, ranges=False)
    everywhere = labelled_dates(masked, _QME_LABELS, ranges=False)
    mentions = [m for m in mentions if not _names_a_record(m, head)]
    everywhere = [m for m in everywhere if not _names_a_record(m, masked)]
    exam = _dated(mentions, "exam_date") or _saw_on(head) or _dated(everywhere, "exam_date")
    if exam:
        block.exam_date = exam.value
        doc.cite("qme.exam_date", report.ev(exam.start, exam.end))
    report_date = _dated(mentions, "report_date") or _dated(mentions, "letter_date")
    if report_date is None:
        report_date = _standalone_date(report)
    if report_date:
        block.report_date = report_date.value
        doc.cite("qme.report_date", report.ev(report_date.start, report_date.end))
    # signature / declaration date: after the declaration, outside the proof of service
    pos = report.spans("proof_of_service")
    pos_start = pos[0].start if pos else len(rt.text)
    perjury = [m for m in _PERJURY.finditer(masked) if m.start() < pos_start]
    tail_start = perjury[0].start() if perjury else max(0, pos_start - 2500)
    tail = masked[:pos_start]
    tail_mentions = [m for m in labelled_dates(tail, _QME_LABELS, ranges=False)
                     if m.start >= tail_start]
    signed = _dated(tail_mentions, "signed_date")
    if signed is None and perjury:
        signed = _dated(tail_mentions, "letter_date") or _dated(tail_mentions, "report_date")
    if signed is None and perjury:
        signed = next((m for m in tail_mentions if isinstance(m.value, dt.date)
                       and m.label not in ("date_of_injury", "dob", "exam_date")), None)
    if signed:
        block.signature_date = signed.value
        doc.cite("qme.signature_date", report.ev(signed.start, signed.end))
        if perjury:
            block.declaration_date = signed.value
            doc.cite("qme.declaration_date", report.ev(signed.start, signed.end))
    # proof of service
    if pos:
        span = pos[0]
        text = rt.clean_text(0, span.end)
        found = [m for m in labelled_dates(text, _QME_LABELS, ranges=False)
                 if m.start >= span.start and isinstance(m.value, dt.date)]
        served = (_dated(found, "service_date", "mailed_date") or _dated(found, "signed_date",
                                                                          "letter_date")
                  or next((m for m in found if m.label not in ("date_of_injury", "dob",
                                                               "exam_date")), None))
        if served:
            block.service_date = served.value
            doc.cite("qme.service_date", report.ev(served.start, served.end))
        method, at = _service_method(text[span.start:span.end])
        if method:
            block.service_method = method
            doc.cite("qme.service_method", report.ev(span.start + at, span.start + at + 10))


_SAW = re.compile(r"(?:(?<![A-Za-z])[I|l]|\bwe)\s+(?:personally\s+)?(?:saw|examined|evaluated|re-?examined"
                  r"|re-?evaluated|interviewed)\s+(?:the\s+applicant|the\s+patient|him|her|them"
                  r"|(?:Mr|Ms|Mrs|Dr)\.?\s+(?-i:[A-Z][\w'-]+)"
                  r"|(?-i:[A-Z][\w'.-]*(?:[ \t]+[A-Z][\w'.-]*){0,3}))"
                  r"\s+(?:in\s+(?:my|our)\s+office\s+)?on\s+", re.IGNORECASE)


#: a date followed by a study or record noun dates that record ("seen on the 03/11/2025 MRI")
_RECORD_AFTER_DATE = re.compile(
    r"[ \t]*(?:lumbar[ \t]+|cervical[ \t]+)?(?:MRI|MR|CT|x-?rays?|radiographs?|films?|scans?"
    r"|EMG|NCS|NCV|imaging|ultrasound|arthrogram|myelogram)\b",
    re.IGNORECASE)


def _names_a_record(mention: DateMention, text: str) -> bool:
    """An exam-date label whose date belongs to a study or record, not to the evaluation."""
    if mention.label != "exam_date":
        return False
    return bool(_RECORD_AFTER_DATE.match(text, mention.end))


def _saw_on(text: str) -> DateMention | None:
    """"I saw Jason L. Soto on March 30, 2026 ..." -> the exam date."""
    for match in _SAW.finditer(text):
        mentions = labelled_dates(text[match.end():match.end() + 40], ranges=False)
        if mentions and mentions[0].start == 0 and isinstance(mentions[0].value, dt.date):
            m = mentions[0]
            return DateMention(m.value, m.text, match.end() + m.start, match.end() + m.end,
                               "exam_date", match.group(0).strip())
    return None


def _standalone_date(report: _Report) -> DateMention | None:
    """A date alone on its line near the top of page 1 (a letter-style report date)."""
    for ln in [ln for ln in report.rt.lines if ln.page_index == 0 and ln.stripped][:12]:
        mentions = labelled_dates(ln.text, ranges=False)
        if len(mentions) == 1 and mentions[0].label is None and isinstance(
                mentions[0].value, dt.date) and len(ln.stripped) <= len(mentions[0].text) + 4:
            m = mentions[0]
            return DateMention(m.value, m.text, ln.start + m.start, ln.start + m.end)
    return None


def _service_method(text: str) -> tuple[str | None, int]:
    checked = list(_CHECKED.finditer(text))
    if checked:
        for match in checked:
            for method, pattern in _METHODS:
                if pattern.search(match.group("what")):
                    return method, match.start()
    if re.search(r"\[\s*\]|\u2610", text) and not checked:
        candidates = []
    else:
        candidates = [(m.start(), method) for method, pattern in _METHODS
                      for m in [pattern.search(text)] if m]
    if not candidates:
        return None, 0
    at, method = min(candidates)
    return method, at


def _diagnoses(report: _Report) -> tuple[list[Diagnosis], int | None]:
    out: list[Diagnosis] = []
    first_at = None
    spans = report.spans("diagnoses")
    items: list[tuple[str, int]] = []
    if spans:
        for span in spans:
            for ln in report.rt.lines_between(span.body_start, span.end):
                text = ln.text[max(0, span.body_start - ln.start):]
                if not text.strip():
                    continue
                if _ITEM.match(text) or not items or _ICD.search(text) and not _ICD.search(
                        items[-1][0]):
                    items.append((_ITEM.sub("", text).strip(), ln.start))
                elif len(items[-1][0]) < 160 and not _ICD.search(items[-1][0]):
                    items[-1] = (items[-1][0] + " " + text.strip(), items[-1][1])
                else:
                    items.append((text.strip(), ln.start))
    else:
        masked = report.quoting_mask()
        for ln in report.rt.lines:
            segment = masked[ln.start:ln.end]
            if _ICD.search(segment):
                items.append((_ITEM.sub("", segment).strip(), ln.start))
    for text, at in items[:30]:
        codes = [m.group("code") or m.group("bare") for m in _ICD.finditer(text)]
        label = _ICD.sub(" ", text)
        label = re.sub(r"\(?\s*ICD[-\s]?10(?:-CM)?\s*(?:code)?\s*[:#]?\s*\)?", " ", label,
                       flags=re.IGNORECASE)
        label = re.sub(r"\(\s*[,;]?\s*\)", " ", label)
        label = re.sub(r"\s+", " ", label).strip(" ,;:-\u2013\u2014()")
        if not label or len(label) > 200 or (not codes and len(label.split()) > 20):
            continue
        out.append(Diagnosis(label, codes[0] if codes else None))
        first_at = at if first_at is None else first_at
    return out, first_at


def _causation(report: _Report) -> tuple[str | None, int | None]:
    spans = report.spans("causation") or report.spans("discussion")
    texts = [(report.body(s), s.body_start) for s in spans]
    if not texts:
        masked = report.quoting_mask()
        texts = [(masked, 0)]
    for text, base in texts:
        for a, b in sentences(text):
            s = text[a:b]
            if not re.search(r"caus|industrial|arose|AOE|work[\s-]*related|employment", s, re.I):
                continue
            for pattern, value in ((_CAUSE_DEFER, "deferred"), (_CAUSE_NON, "nonindustrial"),
                                   (_CAUSE_IND, "industrial")):
                if pattern.search(s):
                    if value == "deferred" and not re.search(r"caus|industrial|AOE", s, re.I):
                        continue
                    return value, base + a
    return None, None


def _mmi(report: _Report, exam_date: dt.date | None) -> tuple[str | None, dt.date | None,
                                                              int | None, tuple[int, int] | None]:
    spans = report.spans("disability_status")
    texts = [(report.body(s), s.body_start) for s in spans]
    masked = report.quoting_mask()
    texts.append((masked, 0))
    undated: int | None = None       # "... may be found to have reached MMI": no date yet
    for text, base in texts:
        for a, b in sentences(text):
            s = text[a:b]
            if not re.search(_PS + r"|temporar", s, re.IGNORECASE):
                continue
            start = base + a
            if undated is None and _MMI_DEFER.search(s):
                return "deferred", None, start, None
            if undated is None and _MMI_NOT.search(s):
                return "not_mmi", None, start, None
            if _MMI_YES.search(s):
                dates = [m for m in labelled_dates(s, ranges=False)
                         if isinstance(m.value, dt.date) and m.label not in ("date_of_injury",
                                                                             "dob")]
                if dates:
                    d = dates[0]
                    return "mmi", d.value, start, (start + d.start, start + d.end)
                # "... permanent and. stationary as of March 25," (an OCR full stop)
                following = text[b:b + 160]
                later = re.match(r"\s*(?:\w+\s+){0,4}?(?:as\s+of|effective|on)\s+", following)
                if later:
                    found = labelled_dates(following[later.end():later.end() + 40], ranges=False)
                    if found and found[0].start == 0 and isinstance(found[0].value, dt.date):
                        at = base + b + later.end()
                        return "mmi", found[0].value, start, (at, at + found[0].end)
                if _AS_OF_EXAM.search(s) and exam_date:
                    return "mmi", exam_date, start, None
                # a statement without a date: a later one in the same text may give it
                undated = start if undated is None else undated
        if undated is not None:
            return "mmi", None, undated, None
    return None, None, None, None


def _ttd(report: _Report) -> tuple[list[DateRange], int | None]:
    spans = report.spans("temporary_disability")
    texts = [(report.body(s), s.body_start) for s in spans]
    if not texts:
        masked = report.quoting_mask()
        texts = [(m.group(0), m.start()) for m in re.finditer(r"[^.\n]*(?:\n(?!\s*\n)[^.\n]*)*",
                                                               masked) if _TTD.search(m.group(0))]
    out: list[DateRange] = []
    first = None
    for text, base in texts:
        for mention in find_date_ranges(text):
            value = mention.value
            if isinstance(value, DateRange) and _not_disabled(text, mention.start, mention.end):
                continue
            if isinstance(value, DateRange) and value not in out:
                context = text[max(0, mention.start - 120):mention.end + 40]
                if spans or _TTD.search(context):
                    out.append(value)
                    first = base + mention.start if first is None else first
    return out, first


#: a clause saying the applicant was not temporarily disabled, or was at work, in a period
_TD_DENIED = re.compile(
    r"\bnot\s+(?:\w+\s+){0,2}?(?:temporar\w*\s+)?(?:total(?:ly)?\s+|partial(?:ly)?\s+)?disabled"
    r"|\bno\s+(?:period\s+of\s+)?(?:temporary\s+)?disability|\bnot\s+(?:on\s+)?(?:TTD|TPD)\b",
    re.IGNORECASE)
_AT_WORK = re.compile(
    r"\b(?:worked|working|performed|returned\s+to|back\s+at|back\s+to)\b[^.;]{0,40}?"
    r"\b(?:work|duty|duties|job|position)\b|(?:modified|light|transitional|regular|full)"
    r"[\s-]+(?:duty|work)", re.IGNORECASE)


def _not_disabled(text: str, start: int, end: int) -> bool:
    """The date range at text[start:end] sits in a clause that denies temporary disability
    ("... was not temporarily disabled from ... to ...") or says the applicant worked then."""
    left = max(text.rfind(".", 0, start), text.rfind(";", 0, start), text.rfind("\n\n", 0, start))
    stops = [i for i in (text.find(".", end), text.find(";", end)) if i != -1]
    clause = text[left + 1:min(stops, default=len(text))]
    if _TD_DENIED.search(clause):
        return True
    return bool(_AT_WORK.search(clause)) and not _TTD.search(clause)


def _section_text(report: _Report, name: str, keyword: str) -> tuple[str | None, int | None]:
    spans = report.spans(name)
    if spans:
        text = " ".join(report.body(s) for s in spans)
        return _clean(text), spans[0].body_start
    masked = report.quoting_mask()
    match = re.search(r"[^.\n]*" + keyword + r"[^.]*\.", masked, re.IGNORECASE)
    if match:
        return _clean(match.group(0)), match.start()
    return None, None


def _declaration(report: _Report) -> tuple[bool, str | None, int | None, int | None]:
    text = report.rt.clean_text()
    pos = report.spans("proof_of_service")
    found = [m for m in _PERJURY.finditer(text)
             if not any(p.start <= m.start() < p.end for p in pos)]
    if not found:
        return False, None, None, None
    at = found[0].start()
    window_end = min((p.start for p in pos if p.start > at), default=len(text))
    window = text[max(0, at - 300):min(window_end, at + 900)]
    base = max(0, at - 300)
    county = None
    county_at = None
    for match in _COUNTY.finditer(window):
        county = (match.group("a") or match.group("b")).strip()
        county = re.split(r"\s+(?:State|California|on|this|at)\b", county)[0]
        county_at = base + match.start()
        break
    return True, county, at, county_at


def _signature(report: _Report, declaration_at: int | None) -> bool | None:
    text = report.rt.clean_text()
    pos = report.spans("proof_of_service")
    end = pos[0].start if pos else len(text)
    start = declaration_at if declaration_at is not None else max(0, end - 2500)
    tail = text[start:end]
    if _SIGN_MARK.search(tail):
        return True
    if _UNSIGNED.search(tail):
        return False
    return None


def _body_parts(report: _Report, block: QmeBlock) -> list[str]:
    found: list[str] = []
    for d in block.diagnoses:
        found += [name for name, _, _ in find_body_parts(d.text)]
    found += [i.body_part for i in block.impairments]
    found += [a.body_part for a in block.apportionment if a.body_part]
    for span in report.spans("diagnoses", "impairment", "apportionment", "causation"):
        found += [name for name, _, _ in find_body_parts(report.body(span))]
    return list(dict.fromkeys(found))


# --- entry points ----------------------------------------------------------------------------

def _guard(field: str, default, reader, *args):
    """``reader(*args)``; a reader that trips over damaged text loses its own field only (the
    rest of the report is still read). Logs the field's name, never document text."""
    try:
        return reader(*args)
    except (ValueError, IndexError, KeyError, TypeError, AttributeError) as exc:
        log.warning("qme: reading %s failed: %s", field, type(exc).__name__)
        return default


def read_qme(pages: list[Page], doc: Document) -> QmeBlock:
    """Every QME/AME field of the report made of ``pages``; provenance goes to ``doc``."""
    report = _Report(pages)
    block = QmeBlock(sections=[s.to_section() for s in report.sections])
    role, role_at = _guard("evaluator_role", (None, None), _role, report, doc.type)
    block.evaluator_role = role
    if role_at is not None:
        doc.cite("qme.evaluator_role", report.ev(role_at, role_at + 20))
    name, name_at, specialty, spec_at = _guard("evaluator_name", (None,) * 4,
                                               _name_and_specialty, report)
    block.evaluator_name, block.specialty = name, specialty
    if name_at is not None:
        doc.cite("qme.evaluator_name", report.ev(name_at, name_at + len(name or "")))
    if spec_at is not None:
        doc.cite("qme.specialty", report.ev(spec_at, spec_at + len(specialty or "")))
    kind, ml_code, kind_at, ml_at = _guard("report_kind", (None,) * 4, _kind_and_ml, report)
    block.report_kind, block.ml_code = kind, ml_code
    if kind_at is not None:
        doc.cite("qme.report_kind", report.ev(kind_at, kind_at + 10))
    if ml_at is not None:
        doc.cite("qme.ml_code", report.ev(ml_at, ml_at + 5))
    _guard("dates", None, _dates, report, block, doc)

    block.diagnoses, at = _guard("diagnoses", ([], None), _diagnoses, report)
    if at is not None:
        doc.cite("qme.diagnoses", report.ev(at, at + 40))
    block.causation, at = _guard("causation", (None, None), _causation, report)
    if at is not None:
        doc.cite("qme.causation", report.ev(at, at + 60))
    status, mmi_date, at, date_span = _guard("mmi", (None,) * 4, _mmi, report, block.exam_date)
    block.mmi_status, block.mmi_date = status, mmi_date
    if at is not None:
        doc.cite("qme.mmi_status", report.ev(at, at + 60))
    if mmi_date is not None:
        span = date_span or (at, at + 60)
        doc.cite("qme.mmi_date", report.ev(*span))

    _guard("ratings", None, _ratings, report, block, doc)
    block.ttd_periods, at = _guard("ttd_periods", ([], None), _ttd, report)
    if at is not None:
        doc.cite("qme.ttd_periods", report.ev(at, at + 25))
    block.work_restrictions, at = _section_text(report, "work_restrictions", r"restrict")
    if at is not None:
        doc.cite("qme.work_restrictions", report.ev(at, at + 60))
    block.future_medical, at = _section_text(report, "future_medical", r"future\s+medical")
    if at is not None:
        doc.cite("qme.future_medical", report.ev(at, at + 60))

    for span in report.spans("records_review"):
        block.records_reviewed += _guard("records_reviewed", [], parse_report_records,
                                         report.rt, span.body_start, span.end)
    for record in block.records_reviewed:
        if record.evidence is not None:
            record.evidence.document = doc.id
    if block.records_reviewed and block.records_reviewed[0].evidence is not None:
        doc.cite("qme.records_reviewed", block.records_reviewed[0].evidence)

    present, county, at, county_at = _guard("declaration", (False, None, None, None),
                                            _declaration, report)
    block.declaration_present = present
    block.declaration_county = county
    if at is not None:
        doc.cite("qme.declaration_present", report.ev(at, at + 30))
    if county_at is not None:
        doc.cite("qme.declaration_county", report.ev(county_at, county_at + 30))
    block.signature_present = _signature(report, at)
    text = report.quoting_mask()
    extension = _EXTENSION.search(text)
    if extension and not _NO_EXTENSION.search(text[max(0, extension.start() - 40):
                                                    extension.end()]):
        block.extension_noted = True
        doc.cite("qme.extension_noted", report.ev(extension.start(), extension.end()))
    else:
        block.extension_noted = False
    block.body_parts_addressed = _body_parts(report, block)
    return block


def _ratings(report: _Report, block: QmeBlock, doc: Document) -> None:
    rt = report.rt
    masked_spans = report.spans(*QUOTING)
    # impairments: everywhere but the quoting sections
    ranges: list[tuple[int, int]] = []
    cursor = 0
    for span in sorted(masked_spans, key=lambda s: s.start):
        if span.start > cursor:
            ranges.append((cursor, span.start))
        cursor = max(cursor, span.end)
    ranges.append((cursor, len(rt.text)))
    impairments = []
    combined = None
    for a, b in ranges:
        impairments += find_impairments(rt, a, b)
        found = find_combined_wpi(rt, a, b)
        if found is not None:
            combined = found
    merged = []
    for item in impairments:
        if not any(o.body_part == item.body_part and o.wpi == item.wpi for o in merged):
            merged.append(item)
    block.impairments = merged
    for item in merged:
        if item.evidence is not None:
            item.evidence.document = doc.id
    if merged and merged[0].evidence is not None:
        doc.cite("qme.impairments", merged[0].evidence)
    if combined is not None:
        block.combined_wpi = combined.value
        doc.cite("qme.combined_wpi", report.ev(combined.start, combined.end))
    spans = report.spans("apportionment")
    apportionment = []
    for span in spans:
        apportionment += find_apportionment(rt, span.body_start, span.end)
    if not spans:
        # no heading found: read from the first mention of apportionment to the next section
        masked = report.quoting_mask()
        match = re.search(r"apportion", masked, re.IGNORECASE)
        if match:
            start = rt.text.rfind("\n", 0, match.start()) + 1
            end = min([s.start for s in report.sections if s.start > match.start()]
                      + [start + 2000, len(rt.text)])
            apportionment += find_apportionment(rt, start, end)
    block.apportionment = apportionment
    for item in apportionment:
        if item.evidence is not None:
            item.evidence.document = doc.id
    if apportionment and apportionment[0].evidence is not None:
        doc.cite("qme.apportionment", apportionment[0].evidence)


def extract_qme(doc: Document, pages: list[Page], settings: Settings) -> QmeBlock:
    """The QME/AME block of ``doc`` (pages: the document's pages, in order)."""
    pages = [p for p in pages if p.source == doc.source
             and doc.page_start <= p.number <= doc.page_end] or list(pages)
    block = read_qme(pages, doc)
    if block.evaluator_role is None and doc.type == "ame_report":
        block.evaluator_role = "ame"
    return block

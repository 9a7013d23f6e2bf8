"""Record findings from the records-reviewed matches (``pipeline.analyze.matching``):
QME_RECORD_OMITTED, RECORD_DATE_MISMATCH, CITED_RECORD_MISSING; and DUPLICATE_DOCUMENT.

Decisions:
- QME_RECORD_OMITTED: a clinical record (``OMISSION_TYPES``: the medical records of
  ``MEDICAL_RECORD_TYPES`` that document the condition - treating, first, imaging, diagnostic,
  operative reports and therapy notes) dated strictly before the cutoff - the exam date, or the
  report date for a supplemental, a record review or a report of unknown kind with no exam date
  (an initial or follow-up report whose exam date was not read is skipped) - that no
  entry of the report's list matched. Not counted: RFAs, UR/IMR letters, peer-to-peer notes and
  medication lists (the treatment-dispute history, which the checklists cover, not the
  clinical record an evaluator must summarize), other medical-legal reports, the report itself,
  later documents, duplicates, records of another claimant (CLAIMANT_MISMATCH) and undated
  records. A report whose
  records-reviewed list could not be read at all (empty, and no records-review section) is
  skipped: the pipeline cannot tell what it reviewed.
- RECORD_DATE_MISMATCH: an entry matched only to a same-kind record a few days away.
- Neither RECORD_DATE_MISMATCH nor CITED_RECORD_MISSING is raised when a page outside the citing
  document is headed (first lines) with the cited date: the record is probably in the file,
  inside a document the page split did not separate.
- CITED_RECORD_MISSING: a dated entry that names a kind of record (a report, study, note, form:
  ``matching.record_kind``) and matched nothing - an entry whose words name no record ("Hired",
  "quota raised ...", a heading or a line of history the list extraction took in) is not a record
  to request; and a named, dated study or report
  in a treating report's text ("MRI of the lumbar spine dated 02/14/2025 showed ...") that is
  in the file neither on that date nor a few days away. One finding per report and cited record
  (kind and date); a study named in several treating reports' text gives one finding, on the
  first, and none when a records-reviewed list already cites it.
"""

from __future__ import annotations

import datetime as dt
import re

from pipeline.analyze.findings import (
    cap,
    doc_label,
    evidence_for,
    make_finding,
    type_label,
    us_date,
)
from pipeline.analyze.matching import RecordMatch, match_report
from pipeline.analyze.rules.context import RuleContext, live_documents
from pipeline.analyze.rules.identity import misfiled_ids
from pipeline.model import MEDICAL_RECORD_TYPES, ClaimFile, Document, Evidence, Finding, Record

QME_TYPES = ("qme_report", "ame_report")
OMISSION_TYPES = frozenset({"treating_report", "doctor_first_report", "imaging_report",
                            "diagnostic_report", "operative_report", "therapy_note"})
assert OMISSION_TYPES <= MEDICAL_RECORD_TYPES
CUTOFF_BY_REPORT = ("supplemental", "record_review")


def omission_cutoff(doc: Document):
    """(cutoff date, "exam" | "report") for a QME/AME report, or None."""
    qme = doc.qme
    if qme is None:
        return None
    report_date = qme.report_date or doc.date
    if qme.report_kind in CUTOFF_BY_REPORT:
        return (report_date, "report") if report_date else None
    if qme.exam_date is None:
        # an initial or follow-up evaluation has an exam date even when it was not read;
        # the report date would count records between exam and report as omitted
        return None if qme.report_kind in ("initial", "reevaluation") or not report_date \
            else (report_date, "report")
    return qme.exam_date, "exam"


def _record_evidence(records: list[Record]) -> list[Evidence]:
    return [r.evidence for r in records if r.evidence is not None][:1]


def qme_record_omitted(claim: ClaimFile, ctx: RuleContext) -> list[Finding]:
    misfiled = misfiled_ids(claim)
    out = []
    for report in live_documents(claim, *QME_TYPES):
        cutoff = omission_cutoff(report)
        if cutoff is None or report.qme is None:
            continue
        records = report.qme.records_reviewed
        has_section = any(s.name == "records_review" for s in report.qme.sections)
        if not records and not has_section:
            continue
        day, basis = cutoff
        listed = {m.document for m in ctx.matches if m.report == report.id and m.document}
        for doc in live_documents(claim):
            if (doc.id == report.id or doc.type not in OMISSION_TYPES or doc.date is None
                    or doc.date >= day or doc.id in listed or doc.id in misfiled):
                continue
            when = "examination" if basis == "exam" else "report"
            message = (f"{cap(doc_label(report))} does not list {doc_label(doc)} among "
                       f"the records reviewed, although it predates the {when} of "
                       f"{us_date(day)}.")
            evidence = (evidence_for(report, "qme.records_reviewed", "qme.exam_date",
                                     fallback=False) or _record_evidence(records)
                        or evidence_for(report))
            evidence += evidence_for(doc, "date")
            out.append(make_finding(
                "QME_RECORD_OMITTED", "medium", message, document=report, related=[doc],
                evidence=evidence,
                details={"record": doc.id, "record_type": doc.type, "record_date": doc.date,
                         "cutoff": day, "cutoff_basis": basis}))
    return out


def _entry_evidence(report: Document, m: RecordMatch) -> list[Evidence]:
    if m.record.evidence is not None:
        return [m.record.evidence]
    field = "qme.records_reviewed" if report.qme else "ur.records_reviewed"
    return evidence_for(report, field)


def record_date_mismatch(claim: ClaimFile, ctx: RuleContext) -> list[Finding]:
    out = []
    headers = header_dates(claim)
    for m in ctx.matches:
        if not m.near:
            continue
        report, doc = claim.document(m.report), claim.document(m.document or "")
        if report is None or doc is None or dated_elsewhere(m.record.date, report, headers):
            continue
        message = (f"{cap(doc_label(report))} cites \"{m.record.description}\" as dated "
                   f"{us_date(m.record.date)}, but the file's {type_label(doc.type)} is dated "
                   f"{us_date(m.actual_date)}.")
        out.append(make_finding(
            "RECORD_DATE_MISMATCH", "medium", message, document=report, related=[doc],
            evidence=_entry_evidence(report, m) + evidence_for(doc, "date"),
            details={"cited": m.record.date, "actual": m.actual_date,
                     "description": m.record.description, "record": doc.id}))
    return out


HEADER_LINES = 15


def header_dates(claim: ClaimFile) -> dict[dt.date, set[tuple[str, int]]]:
    """Dates in the first lines of every page -> the pages: where a record states its date."""
    from pipeline.extract.dates import find_dates
    out: dict[dt.date, set[tuple[str, int]]] = {}
    for page in claim.pages:
        head = "\n".join(page.text.splitlines()[:HEADER_LINES])
        for mention in find_dates(head):
            if isinstance(mention.value, dt.date):
                out.setdefault(mention.value, set()).add(page.key)
    return out


def dated_elsewhere(day: dt.date, citing: Document, headers) -> bool:
    """A page outside the citing document is headed with this date: the record is probably in
    the file, within a document the page split did not separate."""
    return any(not (source == citing.source and citing.page_start <= page <= citing.page_end)
               for source, page in headers.get(day, ()))


def cited_record_missing(claim: ClaimFile, ctx: RuleContext) -> list[Finding]:
    out = []
    seen: set[tuple] = set()
    headers = header_dates(claim)
    for m in ctx.matches:
        if m.document is not None or m.record.date is None or m.kind is None:
            continue                # matched, undated, or not recognisably a record
        report = claim.document(m.report)
        if report is None or dated_elsewhere(m.record.date, report, headers):
            continue
        key = (m.report, m.kind, m.record.date)
        if key in seen:
            continue
        seen |= {key, (m.kind, m.record.date)}
        out.append(_missing_finding(report, m.record, m.kind, _entry_evidence(report, m)))
    misfiled = misfiled_ids(claim)
    for doc in live_documents(claim, "treating_report", "doctor_first_report"):
        if doc.id in misfiled:
            continue
        for record in text_citations(claim, doc):
            kind = record.kind
            if (kind, record.date) in seen or dated_elsewhere(record.date, doc, headers):
                continue
            (m,) = match_report(claim, doc, [record], ctx.settings)
            if m.document is not None:
                continue
            seen.add((kind, record.date))
            out.append(_missing_finding(doc, record, kind,
                                        [record.evidence] if record.evidence else []))
    return out


def _missing_finding(doc: Document, record: Record, kind: str | None,
                     evidence: list[Evidence]) -> Finding:
    message = (f"{cap(doc_label(doc))} cites \"{record.description}\" dated "
               f"{us_date(record.date)}, which is not in the claim file; request a copy.")
    return make_finding(
        "CITED_RECORD_MISSING", "low", message, document=doc,
        evidence=evidence or evidence_for(doc),
        details={"cited": record.date, "description": record.description, "kind": kind,
                 "author": record.author})


# --- named, dated studies in a treating report's text ----------------------------------------

_STUDY = re.compile(
    r"\b(?P<study>(?:MRI|MRA|CT(?:\s+scan)?|x-?rays?|radiographs?|ultrasound|EMG(?:/NCS)?|"
    r"NCS|nerve conduction stud(?:y|ies)|electrodiagnostic stud(?:y|ies)|arthrogram|bone scan|"
    r"operative report|IMR determination|UR (?:decision|determination)|"
    r"(?:QME|AME) report)\b[^.\n;]{0,60}?)\b(?:dated|performed on|done on|obtained on|taken on|"
    r"of|on|from)\s+$", re.IGNORECASE)
_PLANNED = re.compile(r"\b(schedul|pending|request|order|recommend|will\b|plan|await)",
                      re.IGNORECASE)


def text_citations(claim: ClaimFile, doc: Document) -> list[Record]:
    """Named, dated studies a document's text says were done before it (not ones only planned,
    nor ones done at the visit it reports, such as office x-rays read in the report itself)."""
    from pipeline.extract.dates import find_dates
    from pipeline.extract.evidence import quote_at
    from pipeline.extract.records import record_kind as kind_from_text

    out: list[Record] = []
    for page in claim.pages_of(doc):
        for mention in find_dates(page.text):
            if not isinstance(mention.value, dt.date):
                continue
            before = page.text[max(0, mention.start - 90):mention.start]
            match = _STUDY.search(before)
            if match is None:
                continue
            start = mention.start - len(before) + match.start()
            stop = re.search(r"[.;\n](\s|$)", page.text[mention.end:])
            sentence = page.text[start:mention.end + (stop.start() if stop else 60)]
            if _PLANNED.search(sentence):
                continue
            if doc.date is not None and mention.value >= doc.date:
                continue                  # planned, or done at this visit and reported here
            description = re.sub(r"\s+", " ", match.group("study")).strip()
            kind = kind_from_text(description)
            out.append(Record(date=mention.value, description=description, kind=kind,
                              evidence=quote_at(page, start, mention.end, doc.id)))
    return out


def duplicate_document(claim: ClaimFile, ctx: RuleContext) -> list[Finding]:
    out = []
    for doc in claim.documents:
        if doc.duplicate_of is None:
            continue
        original = claim.document(doc.duplicate_of)
        if original is None:
            continue
        message = (f"{cap(doc_label(doc))} ({doc.source} p. {doc.page_start}) repeats "
                   f"{doc_label(original)} ({original.source} p. {original.page_start}).")
        out.append(make_finding(
            "DUPLICATE_DOCUMENT", "low", message, document=doc, related=[original],
            evidence=evidence_for(doc) + evidence_for(original),
            details={"duplicate_of": original.id, "detail": doc.duplicate_detail}))
    return out

"""DATE_SEQUENCE: a document's own dates are impossible.

Checked, one finding per document listing every problem found (``details.problems``; the first
problem's figures are also ``details.earlier`` / ``details.later``):
- a QME/AME report date or signature date before its exam date (high);
- a UR decision before the RFA was received (high; not for a deferral or incomplete-RFA notice,
  which decides nothing - the date it gives is its letter's, often the RFA's own);
- any of the document's own dates after ``as_of`` (medium; deadlines it states are not checked);
- a service date (date of service, proof of service) before the claimant's date of birth
  (medium).
"""

from __future__ import annotations

import datetime as dt

from pipeline.analyze.findings import cap, doc_label, evidence_for, make_finding, us_date
from pipeline.analyze.matching import rfa_for_ur
from pipeline.analyze.rules.context import NOT_DECISIONS, RuleContext, live_documents
from pipeline.model import ClaimFile, Document, Finding


def own_dates(doc: Document) -> list[tuple[str, dt.date]]:
    """(field path, date) for every date the document states about itself."""
    fields: list[tuple[str, dt.date | None]] = [("date", doc.date),
                                                 ("service_date", doc.service_date)]
    if doc.qme:
        fields += [("qme.exam_date", doc.qme.exam_date), ("qme.report_date", doc.qme.report_date),
                   ("qme.signature_date", doc.qme.signature_date),
                   ("qme.service_date", doc.qme.service_date)]
    if doc.ur:
        fields += [("ur.decision_date", doc.ur.decision_date),
                   ("ur.rfa_received_date", doc.ur.rfa_received_date),
                   ("ur.letter_date", doc.ur.letter_date), ("ur.service_date", doc.ur.service_date)]
    if doc.rfa:
        fields += [("rfa.date_signed", doc.rfa.date_signed),
                   ("rfa.received_date", doc.rfa.received_date)]
    if doc.imr:
        fields += [("imr.determination_date", doc.imr.determination_date),
                   ("imr.application_date", doc.imr.application_date)]
    return [(name, value) for name, value in fields if isinstance(value, dt.date)]


def sequence_problems(doc: Document, as_of: dt.date,
                      date_of_birth: dt.date | None) -> list[dict]:
    problems: list[dict] = []
    qme = doc.qme
    if qme and qme.exam_date:
        report_date = qme.report_date or (doc.date if doc.type in ("qme_report", "ame_report")
                                          else None)
        if report_date and report_date < qme.exam_date:
            problems.append({"kind": "report_before_exam", "earlier": report_date,
                             "later": qme.exam_date, "fields": ["qme.report_date",
                                                                "qme.exam_date"]})
        if qme.signature_date and qme.signature_date < qme.exam_date:
            problems.append({"kind": "signature_before_exam", "earlier": qme.signature_date,
                             "later": qme.exam_date, "fields": ["qme.signature_date",
                                                                "qme.exam_date"]})
    ur = doc.ur
    if (ur and ur.decision_date and ur.rfa_received_date and ur.notice_kind not in NOT_DECISIONS
            and ur.decision_date < ur.rfa_received_date):
        problems.append({"kind": "decision_before_rfa_received", "earlier": ur.decision_date,
                         "later": ur.rfa_received_date,
                         "fields": ["ur.decision_date", "ur.rfa_received_date"]})
    future = [(name, value) for name, value in own_dates(doc) if value > as_of]
    if future:
        name, value = max(future, key=lambda item: item[1])
        problems.append({"kind": "after_as_of", "earlier": as_of, "later": value,
                         "fields": [name]})
    dob = doc.date_of_birth or date_of_birth
    if dob:
        served = [(n, v) for n, v in own_dates(doc)
                  if n in ("date", "service_date", "qme.exam_date", "qme.service_date",
                           "ur.service_date") and v < dob]
        if served:
            name, value = min(served, key=lambda item: item[1])
            problems.append({"kind": "service_before_birth", "earlier": value, "later": dob,
                             "fields": [name, "date_of_birth"]})
    return problems


_SENTENCES = {
    "report_before_exam": "is dated {earlier}, before the examination on {later}",
    "signature_before_exam": "was signed {earlier}, before the examination on {later}",
    "decision_before_rfa_received": "records a decision on {earlier}, before the RFA was "
                                    "received on {later}",
    "after_as_of": "bears the date {later}, which is after today's reference date {earlier}",
    "service_before_birth": "gives a service date of {earlier}, before the claimant's date of "
                            "birth {later}",
}
_HIGH = {"report_before_exam", "signature_before_exam", "decision_before_rfa_received"}


def date_sequence(claim: ClaimFile, ctx: RuleContext) -> list[Finding]:
    out = []
    for doc in live_documents(claim):
        problems = sequence_problems(doc, ctx.as_of, claim.claim.date_of_birth)
        if not problems:
            continue
        clauses = [_SENTENCES[p["kind"]].format(earlier=us_date(p["earlier"]),
                                                later=us_date(p["later"])) for p in problems]
        message = f"{cap(doc_label(doc))} {'; it also '.join(clauses)}."
        severity = "high" if any(p["kind"] in _HIGH for p in problems) else "medium"
        fields = [f for p in problems for f in p["fields"]]
        first = problems[0]
        details = {"kind": first["kind"], "earlier": first["earlier"], "later": first["later"],
                   "problems": [{k: v for k, v in p.items() if k != "fields"} for p in problems]}
        related = []
        if any(p["kind"] == "decision_before_rfa_received" for p in problems):
            rfa = rfa_for_ur(claim, doc, ctx.matches)
            related = [rfa] if rfa else []
        out.append(make_finding("DATE_SEQUENCE", severity, message, document=doc,
                                related=related, evidence=evidence_for(doc, *fields),
                                details=details))
    return out

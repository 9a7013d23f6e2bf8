"""Deadline alerts: IMR_DEADLINE, PANEL_STRIKE_DEADLINE, QME_OBJECTION_DEADLINE.

Each carries ``details.deadline`` and ``details.days_left`` relative to ``as_of`` (negative when
passed); the severity follows the days left (``findings.deadline_severity``).
- IMR_DEADLINE: every UR letter denying, modifying or delaying treatment;
  the date comes from ``pipeline.analyze.deadlines.imr_deadline`` (the UR engineer's module):
  30 days after service, +5 when served by mail, mail assumed when the letter shows no method.
- PANEL_STRIKE_DEADLINE: every QME panel list; ``panel_strike_days`` from the panel's date
  (assignment), plus ``mail_extension_days`` when ``panel_strike_mail_extension`` (Messele).
- QME_OBJECTION_DEADLINE: every QME/AME report; ``qme_objection_days`` from service (the proof
  of service, else the report date), plus the mail extension when served by mail (the default
  method) and ``qme_objection_mail_extension``.
"""

from __future__ import annotations

import datetime as dt

from pipeline.analyze.findings import (
    deadline_severity,
    doc_label,
    evidence_for,
    make_finding,
    us_date,
)
from pipeline.analyze.rules.context import RuleContext, disputes_treatment, live_documents
from pipeline.model import ClaimFile, Document, Finding


def _days_left(deadline: dt.date, as_of: dt.date) -> int:
    return (deadline - as_of).days


def _when(days_left: int) -> str:
    if days_left < 0:
        return f"passed {-days_left} day{'s' if days_left != -1 else ''} ago"
    if days_left == 0:
        return "is today"
    return f"is {days_left} day{'s' if days_left != 1 else ''} away"


def imr_deadline_of(doc: Document, ctx: RuleContext):
    """(deadline, start, method, assumed) for a UR letter, or None when it has no date."""
    from pipeline.analyze.deadlines import imr_deadline
    ur = doc.ur
    if ur is None:
        return None
    served = ur.service_date or doc.service_date
    letter = ur.letter_date or ur.decision_date or doc.date
    return imr_deadline(served, letter, ur.service_method, ctx.legal, ctx.calendar)


def imr_deadline_findings(claim: ClaimFile, ctx: RuleContext) -> list[Finding]:
    out = []
    for doc in live_documents(claim, "ur_decision"):
        if not disputes_treatment(doc):
            continue
        result = imr_deadline_of(doc, ctx)
        if result is None:
            continue
        left = _days_left(result.deadline, ctx.as_of)
        if result.basis == "service_date":
            by = "" if result.method_assumed else f" by {result.method}"
            how = f"served{by} on {us_date(result.start)}"
        else:
            how = f"no proof of service; counted from {us_date(result.start)}"
        if result.method_assumed:
            how += f", service by {result.method} assumed"
        message = (f"The last day to file the IMR application against {doc_label(doc)} "
                   f"({how}) is "
                   f"{us_date(result.deadline)}, which {_when(left)}.")
        out.append(make_finding(
            "IMR_DEADLINE", deadline_severity(left), message, document=doc,
            evidence=evidence_for(doc, "ur.service_date", "service_date", "ur.service_method",
                                  "ur.decision_date", "date"),
            details={"deadline": result.deadline, "days_left": left, "start": result.start,
                     "start_basis": result.basis, "service_method": result.method,
                     "method_assumed": result.method_assumed, "days": result.days}))
    return out


def panel_strike_findings(claim: ClaimFile, ctx: RuleContext) -> list[Finding]:
    if ctx.calendar is None:
        return []
    out = []
    for doc in live_documents(claim, "qme_panel_list"):
        if doc.date is None:
            continue
        days = ctx.legal.panel_strike_days
        if ctx.legal.panel_strike_mail_extension:
            days += ctx.legal.mail_extension_days
        deadline = ctx.calendar.add_days(doc.date, days)
        left = _days_left(deadline, ctx.as_of)
        message = (f"The last day to strike a name from {doc_label(doc)} is "
                   f"{us_date(deadline)} ({days} days from assignment), which {_when(left)}.")
        out.append(make_finding(
            "PANEL_STRIKE_DEADLINE", deadline_severity(left), message, document=doc,
            evidence=evidence_for(doc, "date"),
            details={"deadline": deadline, "days_left": left, "assigned": doc.date,
                     "days": days}))
    return out


def qme_objection_findings(claim: ClaimFile, ctx: RuleContext) -> list[Finding]:
    if ctx.calendar is None:
        return []
    out = []
    for doc in live_documents(claim, "qme_report", "ame_report"):
        qme = doc.qme
        served = (qme.service_date if qme else None) or doc.service_date
        start = served or (qme.report_date if qme else None) or doc.date
        if start is None:
            continue
        method = (qme.service_method if qme else None) or ctx.legal.default_service_method
        days = ctx.legal.qme_objection_days
        if method == "mail" and ctx.legal.qme_objection_mail_extension:
            days += ctx.legal.mail_extension_days
        deadline = ctx.calendar.add_days(start, days)
        left = _days_left(deadline, ctx.as_of)
        message = (f"The last day to request a factual correction of or object to "
                   f"{doc_label(doc)} is {us_date(deadline)}, which {_when(left)} (an "
                   "unrepresented worker's deadline; represented cases have no fixed deadline).")
        out.append(make_finding(
            "QME_OBJECTION_DEADLINE", deadline_severity(left), message, document=doc,
            evidence=evidence_for(doc, "qme.service_date", "service_date", "qme.report_date",
                                  "date"),
            details={"deadline": deadline, "days_left": left, "start": start,
                     "start_basis": "service_date" if served else "report_date",
                     "service_method": method, "days": days}))
    return out

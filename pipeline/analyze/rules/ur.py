"""UR_UNTIMELY and UR_NOTICE_DEFECT (domain §2-§3, §8).

Only lateness makes a UR decision invalid (Dubon II), so UR_UNTIMELY is high; content defects
are IMR / audit arguments (medium).

Deferral and incomplete-RFA notices (``context.NOT_DECISIONS``) decide nothing about medical
necessity, so no decision clock applies to them (an incomplete RFA has not started it).

Decision clocks run from the day after receipt of the RFA (no mail extension: they run from
receipt, not service):
- retrospective review: ``ur_retrospective_days`` calendar days;
- expedited: ``ur_expedited_hours`` (72 h); with dates only, the decision is late when it falls
  on a later day than receipt + 72 h;
- more information requested: ``ur_info_request_days`` calendar days;
- otherwise (prospective / concurrent): ``ur_business_days`` business days, weekends and
  California state holidays excluded (the shared calendar).
A calendar-day period whose last day is a weekend or holiday ends on the next business day
(``Calendar.add_days``).
Communication: when the decision is timely, a written notice (proof of service or letter date)
later than ``ur_written_notice_business_days`` business days after the decision (prospective) or
the next day (concurrent / expedited) makes it untimely too (Bodam), ``details.kind`` =
``communication``.
"""

from __future__ import annotations

import datetime as dt
import math

from pipeline.analyze.findings import cap, doc_label, evidence_for, make_finding, us_date
from pipeline.analyze.matching import rfa_for_ur
from pipeline.analyze.rules.context import (
    NOT_DECISIONS,
    Calendar,
    RuleContext,
    disputes_treatment,
    live_documents,
)
from pipeline.model import ClaimFile, Finding, UrBlock
from pipeline.settings import LegalSettings


def decision_day(ur: UrBlock, fallback: dt.date | None = None) -> dt.date | None:
    return ur.decision_date or ur.letter_date or fallback


def ur_decision_due(ur: UrBlock, calendar: Calendar,
                    legal: LegalSettings) -> tuple[dt.date, str] | None:
    """(last timely day, basis) for the decision, or None without a receipt date."""
    received = ur.rfa_received_date
    if received is None:
        return None
    if ur.review_type == "retrospective":
        return (calendar.add_days(received, legal.ur_retrospective_days),
                f"{legal.ur_retrospective_days} calendar days (retrospective review)")
    if ur.expedited:
        days = math.ceil(legal.ur_expedited_hours / 24)
        return (received + dt.timedelta(days=days),
                f"{legal.ur_expedited_hours} hours (expedited review)")
    if ur.additional_info_requested:
        return (calendar.add_days(received, legal.ur_info_request_days),
                f"{legal.ur_info_request_days} calendar days (additional information requested)")
    return (calendar.add_business_days(received, legal.ur_business_days),
            f"{legal.ur_business_days} business days")


def ur_communication_due(ur: UrBlock, decided: dt.date, calendar: Calendar,
                         legal: LegalSettings) -> tuple[dt.date, str]:
    if ur.review_type == "concurrent" or ur.expedited:
        return decided + dt.timedelta(days=1), "24 hours after the decision"
    n = legal.ur_written_notice_business_days
    return calendar.add_business_days(decided, n), f"{n} business days after the decision"


def ur_timeliness(ur: UrBlock, calendar: Calendar, legal: LegalSettings,
                  fallback_date: dt.date | None = None,
                  served: dt.date | None = None) -> dict | None:
    """The details of a UR_UNTIMELY finding, or None when the letter is timely or undatable."""
    decided = decision_day(ur, fallback_date)
    due = ur_decision_due(ur, calendar, legal)
    if decided is None or due is None:
        return None
    due_day, basis = due
    if decided > due_day:
        return {"kind": "decision", "due": due_day, "actual": decided,
                "received": ur.rfa_received_date, "basis": basis}
    communicated = max((d for d in (ur.service_date, served, ur.letter_date) if d), default=None)
    if communicated and communicated > decided:
        comm_due, comm_basis = ur_communication_due(ur, decided, calendar, legal)
        if communicated > comm_due:
            return {"kind": "communication", "due": comm_due, "actual": communicated,
                    "decided": decided, "basis": comm_basis}
    return None


def ur_untimely(claim: ClaimFile, ctx: RuleContext) -> list[Finding]:
    if ctx.calendar is None:
        return []
    out = []
    for doc in live_documents(claim, "ur_decision"):
        if doc.ur is None or doc.ur.notice_kind in NOT_DECISIONS:
            continue                # a deferral or incomplete-RFA notice decides nothing
        details = ur_timeliness(doc.ur, ctx.calendar, ctx.legal, doc.date, doc.service_date)
        if details is None:
            continue
        rfa = rfa_for_ur(claim, doc, ctx.matches)
        if details["kind"] == "decision":
            message = (f"{cap(doc_label(doc))} was decided on {us_date(details['actual'])}, "
                       f"after the {us_date(details['due'])} deadline ({details['basis']} from "
                       f"receipt of the RFA on {us_date(details['received'])}), so it is untimely "
                       "and invalid.")
            fields = ("ur.decision_date", "ur.rfa_received_date", "date")
        else:
            message = (f"{cap(doc_label(doc))} decided on {us_date(details['decided'])} "
                       f"was not communicated in writing until {us_date(details['actual'])}, "
                       f"after the {us_date(details['due'])} deadline ({details['basis']}), so "
                       "it is untimely.")
            fields = ("ur.decision_date", "ur.service_date", "service_date", "ur.letter_date")
        out.append(make_finding("UR_UNTIMELY", "high", message, document=doc,
                                related=[rfa] if rfa else [],
                                evidence=evidence_for(doc, *fields), details=details))
    return out


def notice_missing(ur: UrBlock) -> list[str]:
    """Required contents absent from a letter that denies, modifies or delays treatment.

    A boolean the extractor left unknown (None) is not reported; a name it found nowhere is."""
    missing = []
    if not ur.reviewer_name:
        missing.append("reviewer_name")
    if not ur.reviewer_specialty:
        missing.append("reviewer_specialty")
    if not ur.guidelines_cited and not any(t.guidelines for t in ur.treatments):
        missing.append("guideline")
    if ur.clinical_rationale is False:
        missing.append("clinical_rationale")
    if ur.imr_rights_notice is False:
        missing.append("imr_rights_notice")
    if ur.imr_form_enclosed is False:
        missing.append("imr_application")
    return missing


_MISSING_WORDS = {
    "reviewer_name": "the reviewer's name", "reviewer_specialty": "the reviewer's specialty",
    "guideline": "the guideline relied on", "clinical_rationale": "a clinical rationale",
    "imr_rights_notice": "the notice of the right to Independent Medical Review",
    "imr_application": "the DWC Form IMR application",
}


def ur_notice_defect(claim: ClaimFile, ctx: RuleContext) -> list[Finding]:
    out = []
    for doc in live_documents(claim, "ur_decision"):
        if doc.ur is None or not disputes_treatment(doc):
            continue
        missing = notice_missing(doc.ur)
        if not missing:
            continue
        words = [_MISSING_WORDS[m] for m in missing]
        listed = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
        message = (f"{cap(doc_label(doc))} denies, modifies or delays treatment but "
                   f"omits {listed}, as 8 CCR 9792.9.1 requires.")
        out.append(make_finding(
            "UR_NOTICE_DEFECT", "medium", message, document=doc,
            evidence=evidence_for(doc, "ur.overall_decision", "ur.decision_date"),
            details={"missing": missing}))
    return out

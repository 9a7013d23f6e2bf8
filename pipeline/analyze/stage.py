"""Analyze stage: claim facts, duplicates, record matching, findings, checklists, timeline.

``analyze_claim`` is what ``pipeline.run`` calls. Order: consolidate claim facts, mark
duplicates, match records-reviewed entries, run every rule (``pipeline.analyze.rules.RULES``),
fill the checklists (their missing rows become MISSING_DOCUMENT findings), number the findings,
build the timeline and add the deadline events. A rule that fails is logged and recorded in
``claim.errors``; it never loses the other findings.
"""

from __future__ import annotations

import datetime as dt
import logging

from pipeline.analyze.calendar import CaliforniaCalendar
from pipeline.analyze.checklists import build_checklists, missing_document_findings
from pipeline.analyze.claim_facts import consolidate_claim
from pipeline.analyze.duplicates import find_duplicates
from pipeline.analyze.findings import number_findings
from pipeline.analyze.matching import match_records
from pipeline.analyze.rules import RULES, RuleContext
from pipeline.analyze.timeline import add_event, build_timeline
from pipeline.model import ClaimFile, Finding
from pipeline.settings import Settings

log = logging.getLogger(__name__)

DEADLINE_EVENTS = {
    "IMR_DEADLINE": ("imr_deadline", "Last day to file the IMR application"),
    "PANEL_STRIKE_DEADLINE": ("panel_strike_deadline", "Last day to strike a QME panel name"),
    "QME_OBJECTION_DEADLINE": ("qme_objection_deadline",
                               "Last day to request a factual correction of the QME/AME report"),
}


def _run_step(claim: ClaimFile, name: str, step, *args) -> None:
    try:
        step(*args)
    except Exception as exc:  # one broken step must not lose the rest of the analysis
        log.exception("analyze step %s failed", name)
        claim.errors.append(f"analyze: {name} failed: {type(exc).__name__}: {exc}")


def run_rules(claim: ClaimFile, ctx: RuleContext) -> list[Finding]:
    findings: list[Finding] = []
    for code, rule in RULES.items():
        try:
            findings.extend(rule(claim, ctx))
        except Exception as exc:
            log.exception("rule %s failed", code)
            claim.errors.append(f"analyze: rule {code} failed: {type(exc).__name__}: {exc}")
    return findings


def analysis_events(claim: ClaimFile) -> list[tuple[dt.date, str, str, str | None, int | None]]:
    """(date, kind, description, document, page) for the UR / QME / IMR dates and deadlines."""
    events = []
    for doc in claim.documents:
        if doc.duplicate_of is not None:
            continue
        if doc.ur and doc.ur.rfa_received_date:
            events.append((doc.ur.rfa_received_date, "rfa_received",
                           "RFA received by utilization review", doc.id,
                           _page(doc, "ur.rfa_received_date")))
        if doc.ur and doc.ur.decision_date and doc.ur.decision_date != doc.date:
            events.append((doc.ur.decision_date, "ur_decision_made", "UR decision made", doc.id,
                           _page(doc, "ur.decision_date")))
        if doc.qme and doc.qme.exam_date:
            events.append((doc.qme.exam_date, "qme_exam", "QME/AME examination", doc.id,
                           _page(doc, "qme.exam_date")))
        if doc.imr and doc.imr.determination_date and doc.imr.determination_date != doc.date:
            events.append((doc.imr.determination_date, "imr_determination_made",
                           "IMR determination issued", doc.id,
                           _page(doc, "imr.determination_date")))
    for finding in claim.findings:
        if finding.code not in DEADLINE_EVENTS or "deadline" not in finding.details:
            continue
        kind, text = DEADLINE_EVENTS[finding.code]
        doc = claim.document(finding.document or "")
        events.append((dt.date.fromisoformat(finding.details["deadline"]), kind,
                       f"{text} ({finding.id})", finding.document,
                       doc.page_start if doc else None))
    return events


def _page(doc, field: str) -> int:
    ev = doc.provenance.get(field)
    return ev.page if ev is not None and ev.page is not None else doc.page_start


def add_timeline_events(claim: ClaimFile) -> None:
    for day, kind, text, doc_id, page in analysis_events(claim):
        add_event(claim, day, kind, text, claim.document(doc_id or ""), page)
    claim.timeline.sort(key=lambda e: (e.date, e.kind, e.document or ""))


def analyze_claim(claim: ClaimFile, settings: Settings) -> None:
    _run_step(claim, "claim facts", consolidate_claim, claim)
    _run_step(claim, "duplicates", find_duplicates, claim)

    ctx = RuleContext(settings=settings, calendar=CaliforniaCalendar(settings.legal),
                      as_of=claim.as_of)
    try:
        ctx.matches = match_records(claim, settings)
    except Exception as exc:
        log.exception("record matching failed")
        claim.errors.append(f"analyze: record matching failed: {type(exc).__name__}: {exc}")
    findings = run_rules(claim, ctx)
    _run_step(claim, "checklists", build_checklists, claim, ctx)
    findings += missing_document_findings(claim)
    claim.findings = number_findings(claim, findings)

    _run_step(claim, "timeline", build_timeline, claim)
    _run_step(claim, "timeline events", add_timeline_events, claim)

"""Finding construction: severities, evidence from provenance, messages, ids.

Rules build findings only through :func:`make_finding`, so every finding has a category from the
contract, evidence with pages, and details whose dates are ISO strings. Ids ("F001", ...) are
given once, after every rule has run (:func:`number_findings`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from pipeline.model import (
    DOCUMENT_TYPE_LABELS,
    FINDING_CATEGORY,
    ClaimFile,
    DateRange,
    Document,
    Evidence,
    Finding,
    Severity,
)

SEVERITY_ORDER: dict[str, int] = {"high": 0, "medium": 1, "low": 2, "info": 3}

#: a deadline this many days away or closer is urgent (high); within the second figure, medium
DEADLINE_URGENT_DAYS = 7
DEADLINE_SOON_DAYS = 14


def deadline_severity(days_left: int) -> str:
    """Deadlines are alerts: passed ones are info, near ones climb with urgency."""
    if days_left < 0:
        return Severity.INFO.value
    if days_left <= DEADLINE_URGENT_DAYS:
        return Severity.HIGH.value
    if days_left <= DEADLINE_SOON_DAYS:
        return Severity.MEDIUM.value
    return Severity.LOW.value


def us_date(value: dt.date | DateRange | None) -> str:
    """A date the way a letter writes it: 03/20/2025 (a CT period as 'from ... through ...')."""
    if value is None:
        return "an unstated date"
    if isinstance(value, DateRange):
        return f"{us_date(value.start)} through {us_date(value.end)}"
    return value.strftime("%m/%d/%Y")


def iso_value(value):
    """Details carry JSON-ready values: dates become ISO strings, lists are converted item-wise."""
    if isinstance(value, DateRange):
        return value.iso()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [iso_value(v) for v in value]
    if isinstance(value, dict):
        return {k: iso_value(v) for k, v in value.items()}
    return value




def type_label(doc_type: str | None) -> str:
    return DOCUMENT_TYPE_LABELS.get(doc_type or "other", (doc_type or "document").replace("_", " "))


def doc_author(doc: Document) -> str | None:
    if doc.qme and doc.qme.evaluator_name:
        return doc.qme.evaluator_name
    if doc.ur and doc.ur.reviewer_name and not doc.author:
        return doc.ur.reviewer_name
    return doc.author


def doc_label(doc: Document) -> str:
    """'the QME report of Dr. Lee dated 05/01/2025' - a phrase for messages."""
    parts = [f"the {type_label(doc.type)}"]
    author = doc_author(doc)
    if author:
        parts.append(f"of {author}")
    if doc.date:
        parts.append(f"dated {us_date(doc.date)}")
    return " ".join(parts)


def cap(text: str) -> str:
    """Upper-case the first letter only (str.capitalize would lower-case names)."""
    return text[:1].upper() + text[1:]


def doc_pages(doc: Document) -> str:
    if doc.page_start == doc.page_end:
        return f"{doc.source} p. {doc.page_start}"
    return f"{doc.source} pp. {doc.page_start}-{doc.page_end}"


def evidence_for(doc: Document, *field_paths: str, fallback: bool = True) -> list[Evidence]:
    """The provenance of ``field_paths`` (in order, no repeats); the first page if none has any."""
    out: list[Evidence] = []
    seen: set[tuple] = set()
    for path in field_paths:
        ev = doc.provenance.get(path)
        if ev is None:
            continue
        key = (ev.source, ev.page, ev.quote)
        if key not in seen:
            seen.add(key)
            out.append(_with_document(ev, doc))
    if not out and fallback:
        out.append(Evidence(source=doc.source, page=doc.page_start,
                            quote=(doc.title or type_label(doc.type))[:160], document=doc.id))
    return out


def _with_document(ev: Evidence, doc: Document) -> Evidence:
    if ev.document:
        return ev
    return Evidence(source=ev.source, page=ev.page, quote=ev.quote, document=doc.id, box=ev.box)


def make_finding(code: str, severity: str | Severity, message: str,
                 document: Document | None = None, related: Iterable[Document | str] = (),
                 evidence: Iterable[Evidence] = (), details: dict | None = None) -> Finding:
    if code not in FINDING_CATEGORY:
        raise ValueError(f"unknown finding code {code}")
    sev = severity.value if isinstance(severity, Severity) else severity
    if sev not in SEVERITY_ORDER:
        raise ValueError(f"unknown severity {severity}")
    related_ids: list[str] = []
    for item in related:
        rid = item if isinstance(item, str) else item.id
        if rid and rid not in related_ids and (document is None or rid != document.id):
            related_ids.append(rid)
    return Finding(code=code, severity=sev, message=message.strip(),
                   document=document.id if document else None, related=related_ids,
                   evidence=list(evidence), details=iso_value(dict(details or {})))


def number_findings(claim: ClaimFile, findings: list[Finding]) -> list[Finding]:
    """Stable order (severity, then document position, then code) and ids F001, F002, ..."""
    position = {d.id: i for i, d in enumerate(claim.documents)}

    def key(f: Finding):
        return (SEVERITY_ORDER[f.severity], position.get(f.document or "", -1), f.code,
                f.related, str(f.details))

    ordered = sorted(findings, key=key)
    for n, finding in enumerate(ordered, 1):
        finding.id = f"F{n:03d}"
    return ordered

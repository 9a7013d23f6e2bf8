"""The claim file's timeline: dated events in date order, each pointing at a document and page.

``build_timeline(claim)`` makes one event per dated document (kind = its type; description =
its title, or its type and author), the service of a document when a proof of service dates it,
and the dates of injury (a continuous-trauma period gives a start and an end event). It sets
``claim.timeline`` (merged with events other modules already added; one event per date, kind
and document) and returns it. Other modules add UR / IMR / QME / deadline events with ``add_event``.
"""

from __future__ import annotations

import datetime as dt

from pipeline.model import DOCUMENT_TYPE_LABELS, ClaimFile, DateRange, Document, TimelineEvent


def describe(doc: Document) -> str:
    label = DOCUMENT_TYPE_LABELS.get(doc.type, doc.type.replace("_", " "))
    name = doc.title or label[:1].upper() + label[1:]
    return f"{name} by {doc.author}" if doc.author else name


def _page(doc: Document, field: str) -> int:
    evidence = doc.provenance.get(field)
    return evidence.page if evidence is not None and evidence.page is not None else doc.page_start


def add_event(claim: ClaimFile, date: dt.date, kind: str, description: str,
              doc: Document | None = None, page: int | None = None) -> TimelineEvent:
    """Append one event to ``claim.timeline`` (no duplicate of date, kind and document)."""
    doc_id = doc.id if doc else None
    for event in claim.timeline:
        if (event.date, event.kind, event.document) == (date, kind, doc_id):
            return event
    event = TimelineEvent(date=date, kind=kind, description=description, document=doc_id,
                          page=page if page is not None else (doc.page_start if doc else None),
                          source=doc.source if doc else None)
    claim.timeline.append(event)
    return event


def _injury_events(claim: ClaimFile) -> list[TimelineEvent]:
    events: list[TimelineEvent] = []
    evidence = claim.claim.provenance.get("dates_of_injury")
    doc = claim.document(evidence.document) if evidence and evidence.document else None
    page = evidence.page if evidence else None
    for value in claim.claim.dates_of_injury:
        pairs = ([(value.start, "injury_period_start", "Continuous trauma period begins"),
                  (value.end, "injury_period_end", "Continuous trauma period ends")]
                 if isinstance(value, DateRange) else [(value, "injury", "Date of injury")])
        for day, kind, text in pairs:
            events.append(TimelineEvent(date=day, kind=kind, description=text,
                                        document=doc.id if doc else None,
                                        page=page, source=doc.source if doc else None))
    return events


def build_timeline(claim: ClaimFile) -> list[TimelineEvent]:
    """Document, service and injury events in date order; also stored in ``claim.timeline``."""
    events: list[TimelineEvent] = []
    for doc in claim.documents:
        if doc.duplicate_of is not None:
            continue
        if doc.date is not None:
            events.append(TimelineEvent(date=doc.date, kind=doc.type, description=describe(doc),
                                        document=doc.id, page=_page(doc, "date"),
                                        source=doc.source))
        if doc.service_date is not None:
            events.append(TimelineEvent(date=doc.service_date, kind="service",
                                        description=f"{describe(doc)} served", document=doc.id,
                                        page=_page(doc, "service_date"), source=doc.source))
    events += _injury_events(claim)
    seen: set[tuple[dt.date, str, str | None]] = set()
    merged: list[TimelineEvent] = []
    for event in events + list(claim.timeline):
        key = (event.date, event.kind, event.document)
        if key not in seen:
            seen.add(key)
            merged.append(event)
    merged.sort(key=lambda e: (e.date, e.kind, e.document or ""))
    claim.timeline = merged
    return merged

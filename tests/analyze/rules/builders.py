"""Small typed fixtures for the analyze tests: documents, claim files, a rule context."""

from __future__ import annotations

import datetime as dt

from pipeline.analyze.calendar import CaliforniaCalendar
from pipeline.analyze.matching import match_records
from pipeline.analyze.rules.context import RuleContext
from pipeline.model import ClaimFacts, ClaimFile, Document, Evidence, Page
from pipeline.settings import Settings

SOURCE = "claim.pdf"


def d(text: str) -> dt.date:
    """'2025-03-20' -> date."""
    return dt.date.fromisoformat(text)


def make_doc(doc_id: str, doc_type: str, page: int, pages: int = 1, **fields) -> Document:
    doc = Document(id=doc_id, source=SOURCE, page_start=page, page_end=page + pages - 1,
                   type=doc_type, **fields)
    if doc.date is not None:
        doc.cite("date", Evidence(SOURCE, page, f"Date: {doc.date:%m/%d/%Y}"))
    return doc


def make_claim(*docs: Document, as_of: str = "2025-06-30", texts: dict[str, str] | None = None,
               **facts) -> ClaimFile:
    claim = ClaimFile(claim_id="test", as_of=d(as_of), documents=list(docs),
                      claim=ClaimFacts(**facts))
    texts = texts or {}
    for doc in docs:
        for number in doc.page_numbers:
            text = texts.get(doc.id, "") if number == doc.page_start else ""
            claim.pages.append(Page(source=doc.source, number=number, text=text,
                                    text_source="text_layer"))
    return claim


def make_ctx(claim: ClaimFile, settings: Settings | None = None,
             match: bool = True) -> RuleContext:
    settings = settings or Settings()
    ctx = RuleContext(settings=settings, calendar=CaliforniaCalendar(settings.legal),
                      as_of=claim.as_of)
    if match:
        ctx.matches = match_records(claim, settings)
    return ctx

"""Segment stage: split the page stream into documents. PLACEHOLDER until issue 4: one per source."""

from __future__ import annotations

from pipeline.model import ClaimFile, Document


def split_documents(claim: ClaimFile) -> None:
    for source in claim.sources:
        numbers = [p.number for p in claim.pages if p.source == source.path]
        if numbers:
            claim.documents.append(Document(f"D{len(claim.documents) + 1:03d}", source.path,
                                            min(numbers), max(numbers)))

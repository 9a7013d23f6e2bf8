"""Classify stage. PLACEHOLDER until issue 4: every document is 'other' with confidence 0."""

from __future__ import annotations

from pipeline.model import ClaimFile


def classify_documents(claim: ClaimFile) -> None:
    for doc in claim.documents:
        doc.needs_review = True

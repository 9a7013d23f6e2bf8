"""Extract stage. PLACEHOLDER until issues 4-6."""

from __future__ import annotations

from pipeline.model import ClaimFile
from pipeline.settings import Settings


def extract_documents(claim: ClaimFile, settings: Settings) -> None:
    return None

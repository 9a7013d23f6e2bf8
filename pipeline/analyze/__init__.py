"""Analyze stage. PLACEHOLDER until issues 4 and 7."""

from __future__ import annotations

from pipeline.model import ClaimFile
from pipeline.settings import Settings


def analyze_claim(claim: ClaimFile, settings: Settings) -> None:
    return None

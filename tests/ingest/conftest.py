"""Shared builders for the ingest tests: real PDFs (reportlab), real renders (PDFium), real
Tesseract. The page builders live in ``benchmarks.pages`` so ``make bench`` uses the same ones."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("OMP_THREAD_LIMIT", "1")    # as in the pipeline's workers
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.model import ClaimFile  # noqa: E402
from pipeline.settings import Settings  # noqa: E402


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Default settings, one worker, a private cache folder."""
    s = Settings()
    s.jobs = 1
    s.cache_dir = tmp_path / "cache"
    return s


@pytest.fixture
def claim() -> ClaimFile:
    return ClaimFile(claim_id="test", as_of=dt.date(2026, 11, 23))

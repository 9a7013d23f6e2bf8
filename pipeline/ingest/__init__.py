"""Ingest stage: discover a claim file's sources and turn every page into a ``Page``.

PLACEHOLDER (issue 2 replaces it): text layer only, no OCR, no cache.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import Executor
from pathlib import Path

from pipeline.model import ClaimFile, Page, Source
from pipeline.progress import Progress
from pipeline.settings import Settings


def read_claim(path: Path, claim: ClaimFile, settings: Settings,
               executor: Executor | None = None, progress: Progress | None = None) -> None:
    import pypdfium2 as pdfium

    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for file in files:
        rel = str(file.relative_to(path)) if path.is_dir() else file.name
        digest = hashlib.sha256(file.read_bytes()).hexdigest()
        source = Source(rel, str(file), digest, "pdf")
        claim.sources.append(source)
        pdf = pdfium.PdfDocument(str(file))
        source.page_count = len(pdf)
        for i in range(len(pdf)):
            text = pdf[i].get_textpage().get_text_range()
            claim.pages.append(Page(rel, i + 1, text, text_source="text_layer" if text.strip() else "empty"))

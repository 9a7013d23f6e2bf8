"""Batch -> claim files -> stages. The only place that knows the order of the stages.

    ingest    sources and Page objects (text layer or OCR)        pipeline.ingest
    segment   page stream -> Document spans, with their signals    pipeline.segment
    classify  document types with confidence                       pipeline.classify
    extract   common facts and the ur / rfa / imr / qme blocks     pipeline.extract
    analyze   claim facts, matching, findings, checklists, timeline pipeline.analyze
    report    report.json, CSV/XLSX, dispute letter                pipeline.report
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import classify, ingest, segment
from pipeline.analyze.stage import analyze_claim
from pipeline.extract.stage import extract_documents
from pipeline.ingest.executor import make_executor
from pipeline.model import ClaimFile
from pipeline.progress import Progress
from pipeline.report import write_outputs
from pipeline.report.atomic import write_text_atomic
from pipeline.report.summary import print_summary
from pipeline.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class ClaimInput:
    """One claim file of a batch: a single file, or a folder of files."""

    claim_id: str
    path: Path


@dataclass
class BatchEntry:
    claim_id: str
    status: str
    pages: int
    documents: int
    findings: int
    seconds: float
    errors: list[str] = field(default_factory=list)
    output: str = ""


def claim_inputs(paths: list[Path]) -> list[ClaimInput]:
    """Name each claim file by its stem or folder name; repeated names get a suffix."""
    seen: dict[str, int] = {}
    out = []
    for path in paths:
        base = path.name if path.is_dir() else path.stem
        base = base or "claim"
        count = seen.get(base, 0)
        seen[base] = count + 1
        out.append(ClaimInput(base if count == 0 else f"{base}-{count + 1}", path))
    return out


def process_claim(claim_input: ClaimInput, out_dir: Path, settings: Settings,
                  as_of: dt.date, executor: Executor | None = None,
                  progress: Progress | None = None, xlsx: bool = False) -> ClaimFile:
    """Run every stage on one claim file and write its outputs. Never raises for bad input."""
    started = time.perf_counter()
    claim = ClaimFile(claim_id=claim_input.claim_id, as_of=as_of)
    ingest.read_claim(claim_input.path, claim, settings, executor=executor, progress=progress)
    for stage in (segment.split_documents, classify.classify_documents):
        stage(claim)
    extract_documents(claim, settings)
    analyze_claim(claim, settings)
    claim.stats.seconds = round(time.perf_counter() - started, 3)
    write_outputs(claim, out_dir / claim.claim_id, settings, xlsx=xlsx)
    print_summary(claim)
    return claim


def run_batch(paths: list[Path], out_dir: Path, settings: Settings, as_of: dt.date,
              xlsx: bool = False, progress: Progress | None = None) -> list[BatchEntry]:
    out_dir.mkdir(parents=True, exist_ok=True)
    entries: list[BatchEntry] = []
    progress = progress or Progress.for_stderr()
    with make_executor(settings.jobs) as executor:
        for claim_input in claim_inputs(paths):
            started = time.perf_counter()
            try:
                claim = process_claim(claim_input, out_dir, settings, as_of, executor,
                                      progress, xlsx=xlsx)
                errors = [f"{s.path}: {s.error}" for s in claim.sources if s.error]
                errors += claim.errors
                entry = BatchEntry(
                    claim.claim_id, claim.status, len(claim.pages), len(claim.documents),
                    len(claim.findings), round(time.perf_counter() - started, 3), errors,
                    str(out_dir / claim.claim_id))
            except Exception as exc:  # a bug must not lose the rest of the batch
                log.exception("claim file %s failed", claim_input.claim_id)
                entry = BatchEntry(claim_input.claim_id, "failed", 0, 0, 0,
                                   round(time.perf_counter() - started, 3),
                                   [f"internal error: {type(exc).__name__}: {exc}. "
                                    "Please report this with the log (run with -v)."])
            entries.append(entry)
            progress.note(f"{entry.claim_id}: {entry.status}, {entry.pages} pages, "
                          f"{entry.documents} documents, {entry.findings} findings "
                          f"({entry.seconds:.1f} s)")
    write_batch(out_dir, as_of, entries)
    return entries


def write_batch(out_dir: Path, as_of: dt.date, entries: list[BatchEntry]) -> Path:
    path = out_dir / "batch.json"
    body = {
        "as_of": as_of.isoformat(),
        "claim_files": [entry.__dict__ for entry in entries],
    }
    write_text_atomic(path, json.dumps(body, indent=2) + "\n")
    return path

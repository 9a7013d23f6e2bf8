"""Report stage: every output file of a claim file, written atomically from a ClaimFile."""

from __future__ import annotations

from pathlib import Path

from pipeline.model import ClaimFile
from pipeline.report.json_report import write_report
from pipeline.report.letter import write_letter
from pipeline.report.tables import write_tables
from pipeline.settings import Settings


def write_outputs(claim: ClaimFile, out_dir: Path, settings: Settings, xlsx: bool = False) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    write_report(claim, out_dir)
    write_tables(claim, out_dir, xlsx=xlsx)
    write_letter(claim, out_dir)

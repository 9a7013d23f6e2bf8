"""`claimdocs evaluate`. PLACEHOLDER until issue 3."""

from __future__ import annotations

from pathlib import Path


def run_evaluation(truth_dir: Path, reports_dir: Path, json_path: Path | None = None) -> int:
    raise NotImplementedError("claimdocs evaluate lands with issue 3")

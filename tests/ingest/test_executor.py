from __future__ import annotations

import os

from pipeline.ingest.executor import make_executor


def _omp(_: object = None) -> str | None:
    return os.environ.get("OMP_THREAD_LIMIT")


def test_one_job_runs_inline_with_one_omp_thread():
    with make_executor(1) as executor:
        assert executor is None
        assert _omp() == "1"


def test_workers_run_tesseract_single_threaded():
    with make_executor(2) as executor:
        assert list(executor.map(_omp, range(4))) == ["1"] * 4

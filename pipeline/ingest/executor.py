"""The process pool that pages run on. One pool per batch, OMP_THREAD_LIMIT=1 in every worker."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor


def _init_worker() -> None:
    # Tesseract's own OpenMP threads fight process parallelism (architecture.md).
    os.environ["OMP_THREAD_LIMIT"] = "1"


@contextlib.contextmanager
def make_executor(jobs: int) -> Iterator[Executor | None]:
    """A process pool for ``jobs`` > 1; ``None`` means run in this process."""
    if jobs <= 1:
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")
        yield None
        return
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker)
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)

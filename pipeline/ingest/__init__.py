"""Ingest stage: discover a claim file's sources and turn every page into a ``Page``.

    sources.py  find files (file or folder), hash, detect the type by magic bytes
    pdf.py      open PDFs, triage each page's text layer, words with boxes, render
    images.py   PNG / JPEG / TIFF frames with decompression-bomb guards
    ocr.py      orientation, deskew, Tesseract words and text
    cache.py    the on-disk page cache
    tasks.py    the work units the process pool runs

``read_claim`` fills ``claim.sources``, ``claim.pages`` (input order, whatever finishes first)
and ``claim.stats``. Bad input never raises: a file that cannot be read is a source with
``status="error"`` and a message saying what to do; a page that cannot be read is a page with
``text_source="error"`` and its source is ``partial``.
"""

from __future__ import annotations

import logging
import math
import os
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, Executor, Future, wait
from pathlib import Path

from pipeline.ingest import images, pdf, tasks
from pipeline.ingest.cache import PageCache, page_key
from pipeline.ingest.ocr import tesseract_version
from pipeline.ingest.sources import discover, open_source
from pipeline.model import ClaimFile, Page, Source
from pipeline.progress import Progress
from pipeline.settings import Settings

log = logging.getLogger(__name__)

#: text-layer pages handed to a worker at once (opening a big PDF per page would cost more)
MAX_CHUNK = 16


class _Runner:
    """Submits tasks to the executor (or runs them inline) and collects what comes back."""

    def __init__(self, executor: Executor | None) -> None:
        self.executor = executor
        self.pending: dict[Future, tuple[Callable, object, Callable]] = {}
        self.inline: list[tuple[Callable, object, Callable]] = []

    def submit(self, fn: Callable, task: object, done: Callable) -> None:
        if self.executor is None:
            self.inline.append((fn, task, done))
            return
        try:
            self.pending[self.executor.submit(fn, task)] = (fn, task, done)
        except (BrokenExecutor, RuntimeError):   # broken, or shut down
            # a worker died (e.g. a library crashed on a page): the pool cannot take more
            # work, so the rest of this claim file is read in this process
            log.error("the page worker pool is broken; reading the remaining pages inline")
            self.executor = None
            self.inline.append((fn, task, done))

    def drain(self) -> None:
        while self.inline or self.pending:
            if self.inline:
                fn, task, done = self.inline.pop(0)
                try:
                    result = fn(task)
                except Exception as exc:  # a bug in one page must not lose the claim file
                    log.exception("page task failed")
                    done(task, exc)
                else:
                    done(task, result)
                continue
            finished, _ = wait(list(self.pending), return_when=FIRST_COMPLETED)
            for future in finished:
                fn, task, done = self.pending.pop(future)
                try:
                    result = future.result()
                except Exception as exc:  # worker crash (BrokenProcessPool) or a bug
                    log.error("page task failed: %s", type(exc).__name__)
                    done(task, exc)
                else:
                    done(task, result)


def _crash_message(exc: BaseException) -> str:
    return (f"internal error while reading this page ({type(exc).__name__}): run again with "
            "-v and report the log; the other pages were read")


def read_claim(path: Path, claim: ClaimFile, settings: Settings,
               executor: Executor | None = None, progress: Progress | None = None) -> None:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    progress = progress or Progress.silent()
    cache = PageCache(settings.cache_dir if settings.use_cache else None)
    version = tesseract_version() if settings.ocr.mode != "off" else "off"

    # 1. sources and their page counts (cheap, in this process)
    plans: list[tuple[Source, int]] = []
    try:
        found_files = discover(Path(path))
    except OSError as exc:
        claim.errors.append(f"cannot list the folder {path} ({exc.strerror or exc}): check that "
                            "it exists and that you may read it, then run again")
        found_files = []
    if Path(path).is_dir() and not found_files and not claim.errors:
        claim.errors.append(f"the folder {path} has no files to read: put the claim file's "
                            "PDF, TIFF, PNG or JPEG files in it and run again")
    for found in found_files:
        source = open_source(found, settings.max_file_bytes)
        claim.sources.append(source)
        if source.status == "error":
            continue
        try:
            count = _page_count(source, settings)
        except (pdf.PdfOpenError, images.ImageOpenError) as exc:
            source.status, source.error = "error", str(exc)
            continue
        source.page_count = count
        if count > settings.max_pages_per_file:
            source.status = "error"
            source.error = (f"the file has {count} pages, over the limit of "
                            f"{settings.max_pages_per_file}: split it (e.g. qpdf --split-pages) "
                            "or raise max_pages_per_file in a --config file, and run again")
            continue
        if count == 0:
            source.status = "error"
            source.error = "the file has no pages: export or scan it again and run again"
            continue
        plans.append((source, count))

    total = sum(count for _, count in plans)
    pages: dict[tuple[str, int], Page] = {}
    keys: dict[tuple[str, int], str] = {}
    ocr_pages = 0       # pages sent to Tesseract in this run
    progress.start(f"{claim.claim_id}: reading pages", total)

    def finish(source: Source, page: Page, runs: int = 0) -> None:
        nonlocal ocr_pages
        pages[(source.path, page.number - 1)] = page
        ocr_pages += 1 if runs else 0
        if page.text_source != "error" and not page.from_cache:
            cache.put(keys[(source.path, page.number - 1)], page)
        progress.advance()

    runner = _Runner(executor)
    by_path = {source.path: source for source, _ in plans}

    def on_page(task: tasks.PageTask, result) -> None:
        source = by_path[task.source]
        if isinstance(result, BaseException):
            finish(source, tasks.error_page(source.path, task.index, _crash_message(result)))
        else:
            finish(source, result.page, result.tesseract_runs)

    def ocr_task(source: Source, index: int) -> tasks.PageTask:
        return tasks.PageTask(source.abs_path, source.path, index, settings.ocr,
                              settings.ocr.max_image_pixels)

    def on_chunk(task: tasks.ChunkTask, result) -> None:
        source = by_path[task.source]
        if isinstance(result, BaseException):
            for index in task.indices:
                finish(source, tasks.error_page(source.path, index, _crash_message(result)))
            return
        for outcome in result:
            if outcome.needs_ocr:
                runner.submit(tasks.ocr_pdf_page, ocr_task(source, outcome.index), on_page)
            else:
                finish(source, outcome.page)

    # 2. cached pages, then tasks for the rest
    jobs = max(1, settings.jobs if executor is not None else 1)
    for source, count in plans:
        todo = []
        for index in range(count):
            key = page_key(source.sha256, index, settings.ocr, version)
            keys[(source.path, index)] = key
            cached = cache.get(key, source.path) if settings.use_cache else None
            if cached is not None:
                finish(source, cached)
            else:
                todo.append(index)
        if source.kind == "image":
            for index in todo:
                runner.submit(tasks.ocr_image_page, ocr_task(source, index), on_page)
        elif settings.ocr.mode == "force":
            for index in todo:
                runner.submit(tasks.ocr_pdf_page, ocr_task(source, index), on_page)
        else:
            size = max(1, min(MAX_CHUNK, math.ceil(len(todo) / (jobs * 4))))
            for start in range(0, len(todo), size):
                chunk = tuple(todo[start:start + size])
                runner.submit(tasks.read_pdf_chunk,
                              tasks.ChunkTask(source.abs_path, source.path, chunk, settings.ocr),
                              on_chunk)
    runner.drain()
    progress.finish()

    # 3. pages in input order, source status, counters
    for source, count in plans:
        own = [pages[(source.path, i)] for i in range(count)]
        claim.pages.extend(own)
        failed = [p for p in own if p.text_source == "error"]
        if failed and len(failed) == len(own):
            source.status = "error"
            source.error = f"no page could be read: {failed[0].error}"
        elif failed:
            source.status = "partial"
            numbers = ", ".join(str(p.number) for p in failed[:10])
            more = " ..." if len(failed) > 10 else ""
            source.error = (f"{len(failed)} of {count} pages could not be read (page "
                            f"{numbers}{more}); first problem: {failed[0].error}")
    stats = claim.stats
    stats.pages = len(claim.pages)
    stats.ocr_pages = ocr_pages
    stats.cache_hits = sum(1 for p in claim.pages if p.from_cache)
    stats.text_layer_pages = sum(1 for p in claim.pages if p.text_source == "text_layer")


def _page_count(source: Source, settings: Settings) -> int:
    if source.kind == "pdf":
        document = pdf.open_pdf(source.abs_path)
        try:
            return len(document)
        finally:
            document.close()
    return images.frame_count(source.abs_path, settings.ocr.max_image_pixels)

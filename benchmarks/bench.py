"""``make bench``: page throughput of the ingest stage, side by side with bare Tesseract.

Builds its own pages in a temporary folder (nothing is downloaded, nothing cached):

- a text-layer PDF of ``--text-pages`` pages (40): read through the pipeline's ingest stage;
- ``--scanned`` pages (12) of claim-file text rendered at ``--dpi`` (300) with gray noise and
  skew up to 1.5 degrees, as an image-only PDF (a scanned claim file) for the pipeline and as
  PNG files for the bare ``tesseract`` CLI.

The pipeline runs with the page cache off (``--no-cache``) and ``--jobs`` worker processes; bare
Tesseract runs with the same language, page segmentation mode (3), dpi, ``OMP_THREAD_LIMIT=1``
and the same number of parallel processes. The two alternate for ``--rounds`` rounds after a
warm-up, so that other work on the machine weighs on both alike. Prints figures, asserts
nothing.

    python -m benchmarks.bench --jobs 2
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from benchmarks.pages import char_error_rate, claim_lines, image_pdf, scan, text_pdf

#: lines of text per page: a full letter page at the builders' line spacing
LINES = 34


def _build(folder: Path, text_pages: int, scanned: int, dpi: int):
    text_path = text_pdf(folder / "text_layer.pdf",
                         [claim_lines(1000 + i, LINES) for i in range(text_pages)])
    truths, images, pngs = [], [], []
    for i in range(scanned):
        lines = claim_lines(2000 + i, LINES)
        image = scan(lines, seed=i, skew=(-1.5, -0.7, 0.0, 0.6, 1.2, 1.5)[i % 6], dpi=dpi)
        png = folder / f"scan_{i + 1:02d}.png"
        image.save(png, dpi=(dpi, dpi))
        truths.append("\n".join(lines))
        images.append(image)
        pngs.append(png)
    scanned_path = image_pdf(folder / "scanned.pdf", images, dpi=dpi)
    return text_path, scanned_path, pngs, truths


def _pipeline(path: Path, jobs: int, dpi: int, executor):
    from pipeline.ingest import read_claim
    from pipeline.model import ClaimFile
    from pipeline.settings import Settings

    settings = Settings()
    settings.jobs, settings.use_cache = jobs, False
    settings.ocr.dpi = dpi
    claim = ClaimFile(path.stem, dt.date.today())
    started = time.perf_counter()
    read_claim(path, claim, settings, executor=executor)
    return claim, time.perf_counter() - started


def _bare_tesseract(pngs: list[Path], jobs: int, dpi: int, lang: str) -> float:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")

    def one(png: Path) -> None:
        subprocess.run(["tesseract", str(png), "stdout", "-l", lang, "--psm", "3",
                        "--dpi", str(dpi), "tsv"], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(one, pngs))
    return time.perf_counter() - started


def _load() -> str:
    try:
        return " ".join(f"{v:.2f}" for v in os.getloadavg())
    except OSError:
        return "n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--text-pages", type=int, default=40)
    parser.add_argument("--scanned", type=int, default=12)
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--lang", default="eng")
    parser.add_argument("--rounds", type=int, default=2,
                        help="alternating rounds of bare Tesseract and pipeline on the scans")
    args = parser.parse_args(argv)

    from pipeline.ingest.executor import make_executor
    from pipeline.ingest.ocr import tesseract_version

    print(f"claimdocs ingest benchmark: jobs={args.jobs}, dpi={args.dpi}, "
          f"tesseract {tesseract_version()}, {os.cpu_count()} cores, load {_load()}")
    with tempfile.TemporaryDirectory(prefix="claimdocs-bench-") as tmp:
        folder = Path(tmp)
        print(f"building {args.text_pages} text-layer pages and {args.scanned} scanned pages "
              "...", flush=True)
        text_path, scanned_path, pngs, truths = _build(folder, args.text_pages, args.scanned,
                                                       args.dpi)
        with make_executor(args.jobs) as executor:
            # the text-layer run also warms the workers up (imports) before the OCR timing
            claim, text_s = _pipeline(text_path, args.jobs, args.dpi, executor)
            text_rate = len(claim.pages) / text_s
            print(f"text-layer pages : {len(claim.pages):3d} in {text_s:6.2f} s = "
                  f"{text_rate:7.1f} pages/s (pipeline ingest, ocr_pages="
                  f"{claim.stats.ocr_pages})", flush=True)
            # bare and pipeline runs alternate, so a change in machine load hits both alike
            scan_s = bare_s = 0.0
            for _ in range(args.rounds):
                bare_s += _bare_tesseract(pngs, args.jobs, args.dpi, args.lang)
                claim, seconds = _pipeline(scanned_path, args.jobs, args.dpi, executor)
                scan_s += seconds
        pages = len(claim.pages) * args.rounds
        pipe_rate, bare_rate = pages / scan_s, len(pngs) * args.rounds / bare_s
        print(f"scanned, pipeline: {pages:3d} in {scan_s:6.2f} s = "
              f"{pipe_rate:7.3f} pages/s (ocr_pages={claim.stats.ocr_pages} a round, "
              "--no-cache)")
        print(f"scanned, tesseract: {pages:2d} in {bare_s:6.2f} s = {bare_rate:7.3f} "
              f"pages/s (bare CLI, {args.jobs} processes, psm 3, tsv)")
        print(f"pipeline / bare tesseract: {pipe_rate / bare_rate:.2f}x (target >= 0.9x; "
              f"{args.rounds} alternating rounds)")
        cers = [char_error_rate(p.text, t) for p, t in zip(claim.pages, truths)]
        print(f"character error rate, pipeline OCR: mean {statistics.mean(cers):.4f}, "
              f"max {max(cers):.4f}; load after: {_load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

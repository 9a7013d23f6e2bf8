"""`make eval`: run the pipeline over the generated corpus and score it against its truth.

    python sample_docs/run_eval.py --corpus build/corpus --out build/eval [--jobs N]
        [--only ID,ID...] [--variant text,handwritten...] [--cache-dir DIR]

Runs the real command line (`python -m pipeline process ...`) once per as-of date found in the
truth files, then `python -m pipeline evaluate`. Prints the running time of each step.
The page cache lives in OUT/cache, so a second `make eval` does no OCR; delete it (or pass
--no-cache) to time a cold run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("build/corpus"))
    parser.add_argument("--out", type=Path, default=Path("build/eval"))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("--only", default=None,
                        help="comma-separated substrings; run the claim ids holding any of them")
    parser.add_argument("--variant", default=None,
                        help="comma-separated variants to run (text, scan300, handwritten, ...)")
    parser.add_argument("--cache-dir", type=Path, default=None,
                        help="page cache to use (default OUT/cache)")
    args = parser.parse_args()
    only = [x for x in (args.only or "").split(",") if x]
    variants = [x for x in (args.variant or "").split(",") if x]
    cache_dir = args.cache_dir or args.out / "cache"

    truth_dir = args.corpus / "truth"
    by_as_of: dict[str, list[Path]] = defaultdict(list)
    chosen: list[Path] = []
    for path in sorted(truth_dir.glob("*.json")):
        truth = json.loads(path.read_text())
        if only and not any(x in truth["claim_id"] for x in only):
            continue
        if variants and truth.get("variant") not in variants:
            continue
        chosen.append(path)
        claim_input = args.corpus / truth["input"]
        expected_id = claim_input.name if claim_input.is_dir() else claim_input.stem
        if expected_id != truth["claim_id"]:
            print(f"warning: {path.name}: input {truth['input']} would be named {expected_id}",
                  file=sys.stderr)
        by_as_of[truth["as_of"]].append(claim_input)
    if not by_as_of:
        print(f"no truth files in {truth_dir}: run `make corpus` first", file=sys.stderr)
        return 2

    reports = args.out / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    pages = 0
    for as_of, inputs in sorted(by_as_of.items()):
        cmd = [sys.executable, "-m", "pipeline", "process", *map(str, inputs), "--out",
               str(reports), "--as-of", as_of, "--jobs", str(args.jobs)]
        cmd += ["--no-cache"] if args.no_cache else ["--cache-dir", str(cache_dir)]
        subprocess.run(cmd, check=False)
        batch = json.loads((reports / "batch.json").read_text())
        pages += sum(entry["pages"] for entry in batch["claim_files"])
    processed = time.perf_counter() - started
    scored = truth_dir
    if only or variants:  # evaluate just the selected claim files
        scored = args.out / "truth_subset"
        scored.mkdir(parents=True, exist_ok=True)
        for old in scored.glob("*.json"):
            old.unlink()
        for path in chosen:
            (scored / path.name).write_text(path.read_text())
    code = subprocess.run([sys.executable, "-m", "pipeline", "evaluate", "--truth", str(scored),
                           "--reports", str(reports), "--json",
                           str(args.out / "evaluation.json")], check=False).returncode
    total = time.perf_counter() - started
    print(f"\nprocessed {pages} pages in {processed:.1f} s; make eval total {total:.1f} s "
          f"(cache: {'off' if args.no_cache else cache_dir})")
    return code


if __name__ == "__main__":
    sys.exit(main())

"""Generate the sample claim-file corpus (or the demo claim file) with its ground truth.

    python sample_docs/generate.py --out build/corpus      # text/ scan300/ scan200/ folder/ truth/
    python sample_docs/generate.py --demo                  # sample_docs/demo/demo_claim.pdf + truth

Deterministic: the same command writes byte-identical truth. Never imports ``pipeline``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from generator import scenarios  # noqa: E402
from generator.assemble import render_claim, write_folder, write_single  # noqa: E402
from generator.story import Story  # noqa: E402


def dump(obj, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, indent=2, sort_keys=False, ensure_ascii=False) + "\n")


def _build_one(sc, out: Path, scans: bool) -> list[dict]:
    """Every variant of one claim file; returns their truths."""
    truths = []
    claim = Story(sc).build()
    rendered = render_claim(claim)
    cid = sc.claim_id
    t = write_single(claim, rendered, out / "text" / f"{cid}.pdf", variant="text", claim_id=cid,
                     input_rel=f"text/{cid}.pdf")
    dump(t, out / "truth" / f"{cid}.json")
    truths.append(t)
    if not scans:
        return truths
    for variant, ids, dpi in (("scan300", scenarios.SCAN300, 300), ("scan200", scenarios.SCAN200, 200)):
        if cid in ids:
            vid = f"{cid}_{variant}"
            t = write_single(claim, rendered, out / variant / f"{vid}.pdf", variant=variant,
                             claim_id=vid, input_rel=f"{variant}/{vid}.pdf", dpi=dpi, seed=sc.seed)
            dump(t, out / "truth" / f"{vid}.json")
            truths.append(t)
    if cid in scenarios.FOLDER:
        vid = f"{cid}_folder"
        t = write_folder(claim, rendered, out / "folder" / vid, claim_id=vid,
                         input_rel=f"folder/{vid}", seed=sc.seed)
        dump(t, out / "truth" / f"{vid}.json")
        truths.append(t)
    return truths


def source_stamp(scans: bool) -> str:
    """A hash of the generator's code: an unchanged generator need not rebuild the corpus."""
    h = hashlib.sha256()
    for path in sorted([HERE / "generate.py", *(HERE / "generator").glob("*.py"),
                        *(p for p in (HERE / "handwritten").rglob("*.*")
                           if "__pycache__" not in p.parts)]):
        h.update(str(path.relative_to(HERE)).encode() + b"\0" + path.read_bytes())
    h.update(b"scans" if scans else b"noscans")
    return h.hexdigest()


def build_corpus(out: Path, only: list[str] | None = None, scans: bool = True, jobs: int = 1,
                 force: bool = False) -> list[dict]:
    chosen = [sc for sc in scenarios.corpus() if not only or sc.claim_id in only]
    stamp_file = out / ".generator-stamp"
    stamp = source_stamp(scans)
    if not only and not force and stamp_file.exists() and stamp_file.read_text() == stamp:
        truths = [json.loads(p.read_text()) for p in sorted((out / "truth").glob("*.json"))]
        if all((out / t["input"]).exists() for t in truths) and truths:
            print(f"{out}: up to date (generator unchanged); --force rebuilds", file=sys.stderr)
            return truths
    if stamp_file.exists():
        stamp_file.unlink()
    if not only:  # a full build starts from empty variant folders (no stale claim files)
        for sub in ("text", "scan300", "scan200", "folder", "handwritten", "handwritten_scan",
                    "truth"):
            if (out / sub).is_dir():
                shutil.rmtree(out / sub)
    if jobs > 1 and len(chosen) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(_build_one, chosen, [out] * len(chosen), [scans] * len(chosen)))
    else:
        results = [_build_one(sc, out, scans) for sc in chosen]
    if not only:  # the claim files written by hand, outside the generator
        from handwritten.render import build as build_handwritten

        written = build_handwritten(out, scans=scans)
        results.append([json.loads(p.read_text()) for p in written if p.suffix == ".json"])
        stamp_file.write_text(stamp)
    return [t for ts in results for t in ts]


def build_demo(out_dir: Path) -> dict:
    sc = scenarios.demo()
    claim = Story(sc).build()
    rendered = render_claim(claim)
    t = write_single(claim, rendered, out_dir / "demo_claim.pdf", variant="text",
                     claim_id="demo_claim", input_rel="demo_claim.pdf", seed=sc.seed)
    dump(t, out_dir / "demo_claim.truth.json")
    return t


def table(truths: list[dict]) -> str:
    lines = []
    lines.append(f"{'claim file':<40} {'variant':<8} {'pages':>5} {'docs':>4} {'findings':>8}")
    tot_pages: Counter = Counter()
    types: Counter = Counter()
    codes: Counter = Counter()
    for t in truths:
        pages = _pages(t)
        tot_pages[t["variant"]] += pages
        lines.append(f"{t['claim_id']:<40} {t['variant']:<8} {pages:>5} {len(t['documents']):>4} "
                     f"{len(t['findings']):>8}")
        if t["variant"] == "text":
            types.update(d["type"] for d in t["documents"])
            codes.update(f["code"] for f in t["findings"])
    lines.append("pages per variant: " + ", ".join(f"{k} {v}" for k, v in sorted(tot_pages.items())))
    lines.append("documents per type (text variant):")
    lines += [f"  {k:<22} {v}" for k, v in sorted(types.items())]
    lines.append("planted findings per code (text variant):")
    lines += [f"  {k:<24} {v}" for k, v in sorted(codes.items())]
    return "\n".join(lines)


def _pages(t: dict) -> int:
    per_source: dict[str, int] = {}
    for d in t["documents"]:
        per_source[d["source"]] = max(per_source.get(d["source"], 0), d["page_end"])
    return sum(per_source.values())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("build/corpus"))
    ap.add_argument("--demo", action="store_true", help="write sample_docs/demo/demo_claim.pdf")
    ap.add_argument("--demo-out", type=Path, default=HERE / "demo")
    ap.add_argument("--only", nargs="*", help="claim ids to build (default: all)")
    ap.add_argument("--no-scans", action="store_true", help="skip scanned and folder variants")
    ap.add_argument("--jobs", type=int, default=min(4, os.cpu_count() or 1),
                    help="claim files built in parallel")
    ap.add_argument("--force", action="store_true", help="rebuild even if the generator is unchanged")
    args = ap.parse_args(argv)
    if args.demo:
        t = build_demo(args.demo_out)
        print(table([t]))
        return 0
    truths = build_corpus(args.out, args.only, scans=not args.no_scans, jobs=args.jobs,
                          force=args.force)
    print(table(truths))
    return 0


if __name__ == "__main__":
    sys.exit(main())

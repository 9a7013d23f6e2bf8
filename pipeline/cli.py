"""The command line only: parse, call the runner, map outcomes to exit codes.

Exit codes (../shared/spec/README.md): 0 every claim file processed, 1 any input failed (the
others are still written), 2 usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from enum import IntEnum
from pathlib import Path

from pipeline.settings import Settings


class ExitCode(IntEnum):
    OK = 0
    INPUT_FAILED = 1      # some input could not be read; see batch.json and each report
    USAGE = 2             # bad command line: nothing was processed


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimdocs",
        description="Index, split, date and check California workers' compensation claim files.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debugging detail "
                        "(never document text)")
    sub = parser.add_subparsers(dest="command", required=True)

    proc = sub.add_parser("process", help="process claim files (PDF, TIFF, PNG, JPEG or folders)")
    proc.add_argument("inputs", nargs="+", type=Path, metavar="INPUT",
                      help="a file (one claim file) or a folder (one claim file of its files)")
    proc.add_argument("--out", required=True, type=Path, metavar="DIR",
                      help="output folder; one sub-folder per claim file plus batch.json")
    proc.add_argument("--as-of", type=_date, default=None, metavar="YYYY-MM-DD",
                      help="reference date for deadlines (default: today)")
    proc.add_argument("--jobs", type=_positive_int, default=None, metavar="N",
                      help="parallel page workers (default: all cores)")
    proc.add_argument("--ocr", choices=("auto", "force", "off"), default="auto",
                      help="auto: OCR pages without a usable text layer (default); "
                           "force: OCR every page; off: never OCR")
    proc.add_argument("--dpi", type=_positive_int, default=None,
                      help="render resolution for OCR (default 300)")
    proc.add_argument("--cache-dir", type=Path, default=None,
                      help="page cache folder (default: ~/.cache/claimdocs/pages)")
    proc.add_argument("--no-cache", action="store_true", help="neither read nor write the page cache")
    proc.add_argument("--config", type=Path, default=None,
                      help="TOML file overriding settings and legal conventions")
    proc.add_argument("--xlsx", action="store_true",
                      help="also write report.xlsx with a sheet per table")

    ev = sub.add_parser("evaluate", help="score reports against labelled ground truth")
    ev.add_argument("--truth", required=True, type=Path, metavar="TRUTH_DIR")
    ev.add_argument("--reports", required=True, type=Path, metavar="OUT_DIR")
    ev.add_argument("--json", type=Path, default=None, metavar="FILE",
                    help="where to write the scores as JSON (default: OUT_DIR/evaluation.json)")
    return parser


def settings_from_args(args: argparse.Namespace) -> Settings:
    settings = Settings.from_toml(args.config) if args.config else Settings()
    settings.ocr.mode = args.ocr
    if args.dpi:
        settings.ocr.dpi = args.dpi
    if args.jobs:
        settings.jobs = args.jobs
    if args.cache_dir:
        settings.cache_dir = args.cache_dir
    if args.no_cache:
        settings.use_cache = False
    return settings


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)

    if args.command == "evaluate":
        from pipeline.evaluate import run_evaluation

        return run_evaluation(args.truth, args.reports, args.json)

    missing = [str(p) for p in args.inputs if not p.exists()]
    if missing:
        parser.print_usage(sys.stderr)
        print(f"claimdocs: error: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return ExitCode.USAGE
    try:
        settings = settings_from_args(args)
    except (OSError, ValueError) as exc:
        print(f"claimdocs: error: cannot read --config: {exc}", file=sys.stderr)
        return ExitCode.USAGE

    from pipeline.run import run_batch

    as_of = args.as_of or dt.date.today()
    entries = run_batch(list(args.inputs), args.out, settings, as_of, xlsx=args.xlsx)
    print(f"wrote {args.out / 'batch.json'}", file=sys.stderr)
    return ExitCode.OK if all(e.status == "ok" for e in entries) else ExitCode.INPUT_FAILED


if __name__ == "__main__":
    sys.exit(main())

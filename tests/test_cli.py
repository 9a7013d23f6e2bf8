"""The command line end to end: exit codes, batch.json, every report.json valid against the
contract. Real PDFs (reportlab), real PDFium, real Tesseract."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.pages import claim_lines, image_pdf, scan, text_pdf  # noqa: E402
from pipeline.cli import ExitCode, main  # noqa: E402
from pipeline.report.json_report import validate_report  # noqa: E402

SHARED_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "spec" / "report.schema.json"


def _reports(out: Path) -> dict[str, dict]:
    batch = json.loads((out / "batch.json").read_text())
    reports = {}
    for entry in batch["claim_files"]:
        report = json.loads((Path(entry["output"]) / "report.json").read_text())
        validate_report(report)
        if SHARED_SCHEMA.exists():
            import jsonschema

            jsonschema.Draft202012Validator(json.loads(SHARED_SCHEMA.read_text())).validate(
                report)
        reports[entry["claim_id"]] = report
    return reports


def _run(*args: str) -> int:
    return main(["process", *args, "--as-of", "2026-11-23"])


def test_good_file_exits_0(tmp_path: Path):
    pdf = text_pdf(tmp_path / "claim_a.pdf", [claim_lines(i, 6) for i in range(3)])
    out = tmp_path / "out"
    assert _run(str(pdf), "--out", str(out), "--jobs", "2",
                "--cache-dir", str(tmp_path / "cache")) == ExitCode.OK
    batch = json.loads((out / "batch.json").read_text())
    assert batch["as_of"] == "2026-11-23"
    (entry,) = batch["claim_files"]
    assert (entry["claim_id"], entry["status"], entry["pages"], entry["errors"]) == (
        "claim_a", "ok", 3, [])
    report = _reports(out)["claim_a"]
    assert [p["text_source"] for p in report["pages"]] == ["text_layer"] * 3
    assert report["stats"]["ocr_pages"] == 0 and report["stats"]["pages"] == 3
    assert report["sources"][0]["status"] == "ok"


def test_bad_inputs_exit_1_and_the_rest_of_the_batch_is_written(tmp_path: Path):
    good = text_pdf(tmp_path / "good.pdf", [claim_lines(1, 6)])
    folder = tmp_path / "mixed"
    folder.mkdir()
    text_pdf(folder / "a_letter.pdf", [claim_lines(2, 6), claim_lines(3, 6)])
    whole = text_pdf(tmp_path / "whole.pdf", [claim_lines(4, 6)]).read_bytes()
    (folder / "b_damaged.pdf").write_bytes(whole[: len(whole) // 2])
    (folder / "c_notes.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    locked = text_pdf(tmp_path / "locked.pdf", [claim_lines(5, 6)], encrypt="pw")
    out = tmp_path / "out"
    code = _run(str(good), str(folder), str(empty), str(locked), "--out", str(out),
                "--jobs", "1", "--no-cache")
    assert code == ExitCode.INPUT_FAILED
    batch = json.loads((out / "batch.json").read_text())
    status = {e["claim_id"]: e["status"] for e in batch["claim_files"]}
    assert status == {"good": "ok", "mixed": "partial", "empty": "failed", "locked": "failed"}
    errors = {e["claim_id"]: " ".join(e["errors"]) for e in batch["claim_files"]}
    assert "b_damaged.pdf: the PDF is damaged" in errors["mixed"]
    assert "c_notes.docx: unsupported file type" in errors["mixed"]
    assert "empty (0 bytes)" in errors["empty"]
    assert "qpdf --decrypt" in errors["locked"]
    reports = _reports(out)
    mixed = reports["mixed"]
    assert [s["path"] for s in mixed["sources"]] == ["a_letter.pdf", "b_damaged.pdf",
                                                     "c_notes.docx"]
    assert [(p["source"], p["page"]) for p in mixed["pages"]] == [("a_letter.pdf", 1),
                                                                  ("a_letter.pdf", 2)]
    assert reports["empty"]["status"] == "failed" and reports["empty"]["pages"] == []


@pytest.mark.parametrize("argv", [
    ["process", "does-not-exist.pdf", "--out", "OUT"],
    ["process", "IN", "--out", "OUT", "--jobs", "0"],
    ["process", "IN", "--out", "OUT", "--ocr", "sometimes"],
    ["process", "IN"],
    ["frobnicate"],
])
def test_usage_errors_exit_2(tmp_path: Path, argv: list[str]):
    pdf = text_pdf(tmp_path / "in.pdf", [claim_lines(1, 6)])
    argv = [str(pdf) if a == "IN" else str(tmp_path / "out") if a == "OUT" else a
            for a in argv]
    assert main(argv) == ExitCode.USAGE
    assert not (tmp_path / "out" / "batch.json").exists()


@pytest.mark.ocr
def test_scanned_file_is_ocrd_once_then_served_from_cache(tmp_path: Path):
    pdf = image_pdf(tmp_path / "scanned.pdf", [scan(claim_lines(61, 5), seed=61, skew=-1.0)])
    args = [str(pdf), "--jobs", "2", "--cache-dir", str(tmp_path / "cache")]
    assert _run(*args, "--out", str(tmp_path / "one")) == ExitCode.OK
    first = _reports(tmp_path / "one")["scanned"]
    assert first["pages"][0]["text_source"] == "ocr"
    assert first["pages"][0]["ocr_confidence"] > 80
    assert (first["stats"]["ocr_pages"], first["stats"]["cache_hits"]) == (1, 0)
    assert _run(*args, "--out", str(tmp_path / "two")) == ExitCode.OK
    second = _reports(tmp_path / "two")["scanned"]
    assert (second["stats"]["ocr_pages"], second["stats"]["cache_hits"]) == (0, 1)
    assert second["pages"][0]["chars"] == first["pages"][0]["chars"]

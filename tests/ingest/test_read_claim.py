"""read_claim end to end on real files: PDFs made with reportlab, scans rendered by PDFium,
real Tesseract, the real process pool."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from PIL import Image
from reportlab.pdfgen import canvas as rl_canvas

from benchmarks.pages import char_error_rate, claim_lines, image_pdf, scan, text_pdf
from pipeline.ingest import read_claim
from pipeline.ingest.executor import make_executor
from pipeline.progress import Progress


class Recorder(Progress):
    def __init__(self) -> None:
        super().__init__(stream=None, bar=False)
        self.calls: list[tuple] = []

    def start(self, label: str, total: int) -> None:
        self.calls.append(("start", total))

    def advance(self, n: int = 1) -> None:
        self.calls.append(("advance", n))

    def finish(self) -> None:
        self.calls.append(("finish",))


def test_text_layer_pdf_is_never_ocrd_in_auto(tmp_path, settings, claim):
    pages = [claim_lines(i, 6) for i in range(3)]
    path = text_pdf(tmp_path / "ur.pdf", pages)
    read_claim(path, claim, settings)
    (source,) = claim.sources
    assert (source.path, source.kind, source.status, source.page_count) == ("ur.pdf", "pdf",
                                                                           "ok", 3)
    assert source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert [(p.source, p.number, p.text_source) for p in claim.pages] == [
        ("ur.pdf", n, "text_layer") for n in (1, 2, 3)]
    assert [" ".join(line.split()) for line in claim.pages[1].text.splitlines()] == [
        " ".join(line.split()) for line in pages[1]]
    assert claim.pages[1].words and claim.pages[1].width == 612.0
    assert (claim.stats.pages, claim.stats.ocr_pages, claim.stats.text_layer_pages) == (3, 0, 3)


@pytest.mark.ocr
def test_force_ocrs_a_text_layer_pdf(tmp_path, settings, claim):
    lines = claim_lines(31, 6)
    path = text_pdf(tmp_path / "rfa.pdf", [lines])
    settings.ocr.mode = "force"
    read_claim(path, claim, settings)
    (page,) = claim.pages
    assert page.text_source == "ocr" and page.ocr_confidence > 80 and not page.needs_review
    assert char_error_rate(page.text, "\n".join(lines)) < 0.02
    assert (claim.stats.ocr_pages, claim.stats.text_layer_pages) == (1, 0)


def test_ocr_off_leaves_scans_empty_for_review(tmp_path, settings, claim):
    path = image_pdf(tmp_path / "scan.pdf", [scan(claim_lines(1, 4), dpi=100)], dpi=100)
    settings.ocr.mode = "off"
    read_claim(path, claim, settings)
    (page,) = claim.pages
    assert (page.text_source, page.needs_review, page.text) == ("empty", True, "")
    assert claim.stats.ocr_pages == 0 and claim.sources[0].status == "ok"


def _bad_inputs(folder: Path) -> dict[str, str]:
    """Every kind of bad input, each with a fragment of the message it must give."""
    folder.mkdir()
    (folder / "empty.pdf").write_bytes(b"")
    text_pdf(folder / "locked.pdf", [claim_lines(1, 3)], encrypt="secret")
    whole = text_pdf(folder / "whole.pdf", [claim_lines(2, 3), claim_lines(3, 3)]).read_bytes()
    (folder / "whole.pdf").unlink()
    (folder / "truncated.pdf").write_bytes(whole[: len(whole) // 2])
    (folder / "letter.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    (folder / "notes.txt").write_text("Call the adjuster on Monday.\n")
    (folder / "tool.exe").write_bytes(b"MZ\x90\x00" + b"\x00" * 100)
    Image.new("1", (4000, 3000), 1).save(folder / "bomb.png")
    text_pdf(folder / "huge.pdf", [claim_lines(i, 40) for i in range(40)])
    text_pdf(folder / "many.pdf", [claim_lines(i, 2) for i in range(6)])
    return {
        "empty.pdf": "empty (0 bytes)", "locked.pdf": "encrypted: remove the password",
        "truncated.pdf": "damaged", "letter.docx": "unsupported file type",
        "notes.txt": "unsupported file type", "tool.exe": "unsupported file type",
        "bomb.png": "max_image_pixels", "huge.pdf": "max_file_bytes",
        "many.pdf": "max_pages_per_file",
    }


def test_each_bad_input_gives_its_error_and_the_good_file_is_read(tmp_path, settings, claim):
    folder = tmp_path / "claim"
    expected = _bad_inputs(folder)
    text_pdf(folder / "good.pdf", [claim_lines(9, 5), claim_lines(10, 5)])
    settings.ocr.max_image_pixels = 1_000_000
    settings.max_file_bytes = 40_000
    settings.max_pages_per_file = 5
    assert (folder / "huge.pdf").stat().st_size > 40_000 > (folder / "many.pdf").stat().st_size
    read_claim(folder, claim, settings)
    by_path = {s.path: s for s in claim.sources}
    assert set(by_path) == set(expected) | {"good.pdf"}
    for name, fragment in expected.items():
        assert by_path[name].status == "error", name
        assert fragment in by_path[name].error, (name, by_path[name].error)
        assert "run again" in by_path[name].error, name
    for name in ("letter.docx", "notes.txt", "tool.exe"):
        assert by_path[name].kind == "unsupported"
    assert by_path["good.pdf"].status == "ok"
    assert [(p.source, p.number) for p in claim.pages] == [("good.pdf", 1), ("good.pdf", 2)]
    assert claim.status == "partial"


def test_a_page_that_cannot_be_rendered_makes_the_source_partial(tmp_path, settings, claim):
    path = tmp_path / "mixed.pdf"
    canvas = rl_canvas.Canvas(str(path), pagesize=(612, 792))
    text = canvas.beginText(72, 700)
    for line in claim_lines(4, 5):
        text.textLine(line)
    canvas.drawText(text)
    canvas.showPage()
    canvas.setPageSize((14400, 14400))          # 200 x 200 inches: 3.6 gigapixels at 300 dpi
    canvas.rect(100, 100, 1000, 1000, fill=1)
    canvas.showPage()
    canvas.save()
    read_claim(path, claim, settings)
    first, second = claim.pages
    assert first.text_source == "text_layer" and first.error is None
    assert second.text_source == "error" and "max_image_pixels" in second.error
    assert second.needs_review
    (source,) = claim.sources
    assert source.status == "partial" and "1 of 2 pages" in source.error
    assert claim.status == "partial"


@pytest.mark.ocr
def test_second_run_is_served_from_the_cache(tmp_path, settings, claim):
    from pipeline.model import ClaimFile

    scans = [scan(claim_lines(41, 5), seed=41), scan(claim_lines(42, 5), seed=42, skew=1.0)]
    path = image_pdf(tmp_path / "scanned.pdf", scans)
    read_claim(path, claim, settings)
    assert (claim.stats.ocr_pages, claim.stats.cache_hits) == (2, 0)
    assert all(p.text_source == "ocr" and not p.from_cache for p in claim.pages)

    again = ClaimFile("again", claim.as_of)
    read_claim(path, again, settings)
    assert (again.stats.ocr_pages, again.stats.cache_hits, again.stats.pages) == (0, 2, 2)
    assert [p.text for p in again.pages] == [p.text for p in claim.pages]
    assert all(p.from_cache for p in again.pages)

    settings.use_cache = False
    third = ClaimFile("third", claim.as_of)
    settings.ocr.mode = "off"      # no cache, no OCR: nothing is read from the cache
    read_claim(path, third, settings)
    assert third.stats.cache_hits == 0 and third.pages[0].text_source == "empty"


@pytest.mark.ocr
def test_process_pool_keeps_input_order_and_reports_progress(tmp_path, settings, claim):
    folder = tmp_path / "claim"
    folder.mkdir()
    text_pdf(folder / "01-letters.pdf", [claim_lines(i, 4) for i in range(5)])
    tiff = [scan(claim_lines(51, 4), seed=51), scan(claim_lines(52, 4), seed=52)]
    tiff[0].save(folder / "02-scan.tif", save_all=True, append_images=tiff[1:],
                 dpi=(300, 300), compression="tiff_lzw")
    photo_image = scan(claim_lines(53, 4), seed=53, turn=90)
    photo_image.save(folder / "03-photo.png", dpi=(300, 300))
    settings.jobs = 2
    recorder = Recorder()
    with make_executor(2) as executor:
        read_claim(folder, claim, settings, executor=executor, progress=recorder)
    assert [(p.source, p.number) for p in claim.pages] == (
        [("01-letters.pdf", n) for n in range(1, 6)] + [("02-scan.tif", 1), ("02-scan.tif", 2)]
        + [("03-photo.png", 1)])
    assert [p.text_source for p in claim.pages] == ["text_layer"] * 5 + ["ocr"] * 3
    photo = claim.pages[-1]
    assert photo.rotation == 270
    assert (photo.width, photo.height) == (photo_image.height, photo_image.width)   # upright
    assert photo.text.splitlines()[0] == claim_lines(53, 4)[0]
    assert recorder.calls[0] == ("start", 8) and recorder.calls[-1] == ("finish",)
    assert recorder.calls.count(("advance", 1)) == 8
    assert (claim.stats.pages, claim.stats.ocr_pages, claim.stats.text_layer_pages) == (8, 3, 5)


def test_empty_folder_says_so(tmp_path, settings, claim):
    (tmp_path / "nothing").mkdir()
    read_claim(tmp_path / "nothing", claim, settings)
    assert claim.sources == [] and claim.pages == [] and claim.status == "failed"
    assert "has no files" in claim.errors[0]


def _crash(_task) -> None:
    os._exit(3)           # a worker dying the way a crashing C library would


def _double(task: int) -> int:
    return task * 2


def test_a_crashed_worker_fails_its_pages_and_the_rest_is_read_inline():
    from concurrent.futures import ProcessPoolExecutor

    from pipeline.ingest import _Runner

    results: list = []
    with ProcessPoolExecutor(max_workers=1) as pool:
        runner = _Runner(pool)
        runner.submit(_crash, 0, lambda task, result: results.append((task, result)))
        runner.drain()
        runner.submit(_double, 21, lambda task, result: results.append((task, result)))
        runner.drain()
    assert results[0][0] == 0 and isinstance(results[0][1], Exception)
    assert results[1] == (21, 42) and runner.executor is None


def test_scanners_invisible_ocr_layer_is_used_without_ocr(tmp_path, settings, claim):
    lines = claim_lines(71, 10)
    path = image_pdf(tmp_path / "searchable.pdf", [scan(lines, dpi=100)], dpi=100,
                     invisible_lines=[lines])
    read_claim(path, claim, settings)
    (page,) = claim.pages
    assert page.text_source == "text_layer" and claim.stats.ocr_pages == 0
    assert page.text.splitlines()[0] == lines[0]

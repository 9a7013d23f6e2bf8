from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.pages import claim_lines, image_pdf, scan, text_pdf
from pipeline.ingest import pdf
from pipeline.settings import OcrSettings

PROSE = " ".join(claim_lines(7, 6))


def test_triage_rules_on_text_alone():
    s = OcrSettings()
    assert pdf.triage_text(PROSE, s) == pdf.Triage(True, "ok", pdf.text_quality(PROSE).chars)
    assert pdf.triage_text("Page 3", s).reason == "no_text"
    assert pdf.triage_text("\ufffd" * 40 + " " + PROSE[:30], s).reason == "garbage"
    # a short visible stamp on a page that is mostly image: OCR it
    stamp = "ACME BATES 000123 Received 11/02/2026 by fax"
    assert pdf.triage_text(stamp, s, image_coverage=0.95).reason == "stamp_on_scan"
    assert pdf.triage_text(stamp, s, image_coverage=0.0).usable
    # an invisible OCR layer under the image is used when it reads as words
    assert pdf.triage_text(PROSE, s, image_coverage=1.0, invisible_share=1.0).usable


def test_invisible_layer_needs_stricter_word_test():
    s = OcrSettings()
    half_words = " ".join(f"{w} Xqzt" for w in PROSE.split()[:20])
    assert pdf.triage_text(half_words, s).usable
    assert pdf.triage_text(half_words, s, invisible_share=1.0).reason == "garbage"


def _triage_file(path: Path, index: int = 0) -> pdf.Triage:
    document = pdf.open_pdf(path)
    try:
        page = document[index]
        triage, _ = pdf.triage_page(page, OcrSettings())
        page.close()
        return triage
    finally:
        document.close()


def test_text_layer_page_is_usable_and_words_have_fractional_boxes(tmp_path: Path):
    lines = claim_lines(3, 8)
    path = text_pdf(tmp_path / "t.pdf", [lines])
    assert _triage_file(path).usable
    words, width, height = pdf.words_by_page(str(path), [0])[0]
    assert (width, height) == (612.0, 792.0)
    assert [w.text for w in words[:3]] == lines[0].split()[:3]
    first = words[0]
    assert first.box[0] == pytest.approx(72 / 612, abs=0.002)        # left margin 1 inch
    assert 0.07 < first.box[1] < first.box[3] < 0.12                  # top line, top-left origin
    assert all(0.0 <= c <= 1.0 for w in words for c in w.box)
    assert all(w.confidence is None for w in words)


def test_scan_with_a_visible_stamp_is_sent_to_ocr(tmp_path: Path):
    image = scan(claim_lines(1, 6), dpi=100, noise=0)
    path = image_pdf(tmp_path / "s.pdf", [image], dpi=100, stamp="Received by fax 11/02/2026 SMITH-WC-BATES")
    assert _triage_file(path).reason == "stamp_on_scan"


def test_scan_with_an_invisible_ocr_layer_uses_it(tmp_path: Path):
    lines = claim_lines(2, 10)
    image = scan(lines, dpi=100, noise=0)
    path = image_pdf(tmp_path / "s.pdf", [image], dpi=100, invisible_lines=[lines])
    assert _triage_file(path).usable


def test_scan_without_text_layer_is_sent_to_ocr(tmp_path: Path):
    path = image_pdf(tmp_path / "s.pdf", [scan(claim_lines(1, 6), dpi=100)], dpi=100)
    assert _triage_file(path).reason == "no_text"


def test_encrypted_pdf_message_says_how_to_decrypt(tmp_path: Path):
    path = text_pdf(tmp_path / "e.pdf", [claim_lines(1, 5)], encrypt="secret")
    with pytest.raises(pdf.PdfOpenError, match="encrypted.*qpdf --decrypt"):
        pdf.open_pdf(path)


def test_truncated_pdf_message(tmp_path: Path):
    good = text_pdf(tmp_path / "g.pdf", [claim_lines(1, 5), claim_lines(2, 5)])
    bad = tmp_path / "t.pdf"
    bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(pdf.PdfOpenError, match="damaged"):
        pdf.open_pdf(bad)


def test_render_at_dpi_and_refuse_oversized_pages(tmp_path: Path):
    path = text_pdf(tmp_path / "t.pdf", [claim_lines(1, 5)])
    document = pdf.open_pdf(path)
    try:
        image, width, height = pdf.render_page(document, 0, 150, 10**9)
        assert (image.mode, width, height) == ("L", 612.0, 792.0)
        assert image.size[0] == pytest.approx(1275, abs=1)
        assert image.size[1] == pytest.approx(1650, abs=1)
        with pytest.raises(ValueError, match="max_image_pixels"):
            pdf.render_page(document, 0, 300, 1_000_000)
    finally:
        document.close()


def test_a_plain_scan_is_decoded_not_rendered_and_matches_the_render(tmp_path: Path):
    import numpy as np

    image = scan(claim_lines(8, 6), dpi=100, seed=8)
    plain = image_pdf(tmp_path / "plain.pdf", [image], dpi=100)
    stamped = image_pdf(tmp_path / "stamped.pdf", [image], dpi=100, stamp="Received by fax")
    for path, simple in ((plain, True), (stamped, False)):
        document = pdf.open_pdf(path)
        try:
            page = document[0]
            assert (pdf.scan_image(page, 100, 10**9) is not None) == simple
            assert pdf.scan_image(page, 300, 10**9) is None      # another resolution: render
            page.close()
            got, width, height = pdf.render_page(document, 0, 100, 10**9)
        finally:
            document.close()
        assert got.size == image.size and (width, height) == (612.0, 792.0)
        diff = np.abs(np.asarray(got, dtype=np.int16) - np.asarray(image, dtype=np.int16))
        assert diff.mean() < (1.0 if simple else 3.0)

"""OCR on rasterized known text through the real Tesseract.

Measured (Tesseract 5.3, 300 dpi, gray noise sigma 12, 0.05% specks, skew up to 1.5 degrees):
character error rate 0.0-0.1% on these pages; the tests allow 2%.
"""

from __future__ import annotations

import pytest

from benchmarks.pages import char_error_rate, claim_lines, render_lines, scan
from pipeline.ingest import ocr
from pipeline.settings import OcrSettings

MAX_CER = 0.02


@pytest.mark.parametrize("skew", [-2.0, -0.8, 1.5, 2.5])
def test_skew_angle_found_within_a_few_tenths(skew):
    image = scan(claim_lines(11, 20), skew=skew, noise=0, specks=0)
    assert ocr.skew_angle(ocr.small_ink(image, 300)) == pytest.approx(-skew, abs=0.3)


@pytest.mark.parametrize("turn", [0, 90, 180, 270])
def test_sideways_test_tells_vertical_from_horizontal_lines(turn):
    image = scan(claim_lines(12, 10), skew=1.0, turn=turn)
    assert ocr.looks_sideways(ocr.small_ink(image, 300)) == (turn in (90, 270))


def test_turn_is_clockwise():
    image = render_lines(["top line"], dpi=30)
    turned = ocr.turn(image, 90)
    assert turned.size == (image.height, image.width)
    # the page's top edge (rows of white margin then text at the left) now lies on the right
    assert ocr.turn(turned, 270).tobytes() == image.tobytes()


def test_assemble_rebuilds_lines_and_blocks_from_tesseract_rows():
    data = {
        "level": [1, 5, 5, 5, 5, 5], "block_num": [0, 1, 1, 1, 2, 2],
        "par_num": [0, 1, 1, 1, 1, 1], "line_num": [0, 1, 1, 2, 1, 1],
        "text": ["", "Date:", "03/14/2024", "Denied", "Page", "|"],
        "conf": [-1, 96, 90, 80, 70, 40], "left": [0, 10, 60, 10, 10, 60],
        "top": [0, 10, 10, 30, 80, 80], "width": [100, 40, 50, 40, 40, 5],
        "height": [100, 10, 10, 10, 10, 10],
    }
    result = ocr.assemble(data, 100, 100)
    assert result.text == "Date: 03/14/2024\nDenied\n\nPage |"
    assert result.words[1].box == pytest.approx((0.6, 0.1, 1.1, 0.2))
    assert [w.confidence for w in result.words] == [96, 90, 80, 70, 40]
    assert result.confidence == pytest.approx((96 + 90 + 80 + 70 + 40) / 5)


def test_blank_page_is_not_sent_to_tesseract():
    result = ocr.ocr_image(render_lines([""], dpi=300), 300, OcrSettings())
    assert result.blank and result.tesseract_runs == 0 and result.text == ""


@pytest.mark.ocr
@pytest.mark.parametrize("seed,skew,turn", [(21, 1.5, 0), (22, -1.5, 90), (23, 1.0, 180),
                                            (24, -1.2, 270)])
def test_noisy_skewed_turned_page_reads_back(seed, skew, turn):
    lines = claim_lines(seed, 8)
    image = scan(lines, seed=seed, skew=skew, turn=turn)
    result = ocr.ocr_image(image, 300, OcrSettings())
    assert result.rotation == (360 - turn) % 360
    assert result.skew == pytest.approx(-skew, abs=0.3)
    assert char_error_rate(result.text, "\n".join(lines)) < MAX_CER
    assert result.confidence > 85
    # boxes are on the upright page: the first word sits near the top-left corner
    first = result.words[0]
    assert first.text == lines[0].split()[0]
    assert first.box[0] < 0.2 and first.box[1] < 0.15

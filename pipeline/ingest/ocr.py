"""OCR of one page image: blank check, orientation, deskew, Tesseract words and text.

Cost is dominated by Tesseract (about 2.5-3.5 s a 300-dpi page on one core), so the rest is
kept to a few tens of milliseconds and Tesseract's work is not repeated without reason:

- the image goes to Tesseract as an uncompressed PGM file (no PNG encoding);
- a near-blank page (almost no ink) is not sent to Tesseract at all;
- orientation: OSD costs about 1 s even on a half-size image, so it is not run on every page.
  A cheap projection-profile test spots sideways text (90/270) and asks OSD first; otherwise
  the page is OCR'd as it is and OSD runs only when that result is poor (an upside-down page
  reads at ~30% confidence, an upright one at ~90%). When OSD proposes a turn, the page is
  read again turned and the better-confidence reading is kept, so a wrong OSD guess cannot
  make a page worse;
- deskew: projection-profile search over +/-``MAX_SKEW`` degrees on a ~75-dpi copy.

``rotation`` is the number of degrees the page was turned clockwise to make it upright.
"""

from __future__ import annotations

import functools
import logging
import os
import tempfile
from dataclasses import dataclass, field

import numpy as np
from PIL import Image

from pipeline.model import Word
from pipeline.settings import OcrSettings

log = logging.getLogger(__name__)

MAX_SKEW = 3.0
#: skew under which the page is not turned
MIN_DESKEW = 0.3
#: a page whose ink covers less than this share of a ~75-dpi copy is blank
BLANK_INK = 0.0015
#: OCR mean confidence under which the orientation is checked with OSD
ORIENTATION_RECHECK_CONF = 70.0
#: column/row profile score ratio above which text is taken to run sideways
SIDEWAYS_RATIO = 1.5
#: seconds before a Tesseract run is abandoned (the page gets an error, the run goes on)
TESSERACT_TIMEOUT = 300


class OcrError(Exception):
    """Tesseract could not read the page; the message says what to do."""


@dataclass
class OcrResult:
    text: str = ""
    words: list[Word] = field(default_factory=list)
    confidence: float | None = None
    rotation: int = 0
    skew: float = 0.0
    width: int = 0
    height: int = 0
    tesseract_runs: int = 0       # OCR runs (OSD runs not counted)
    blank: bool = False


@functools.lru_cache(maxsize=1)
def tesseract_version() -> str:
    import pytesseract

    try:
        return str(pytesseract.get_tesseract_version())
    except Exception:  # not installed: the cache key says so, OCR pages report it
        return "none"


# --- image analysis (numpy, on a small copy) --------------------------------------------------

def small_ink(image: Image.Image, dpi: int) -> np.ndarray:
    """A ~75-dpi boolean ink mask of ``image``."""
    factor = max(1, round(dpi / 75))
    small = image.reduce(factor) if factor > 1 else image
    return np.asarray(small, dtype=np.uint8) < 160


def _profile_score(ink: np.ndarray, axis: int = 1) -> float:
    sums = ink.sum(axis=axis, dtype=np.float64)
    return float(np.sum(np.diff(sums) ** 2)) / max(ink.size, 1)


def _best_angle(ink: np.ndarray, angles: np.ndarray) -> tuple[float, float]:
    """(angle, score) of the counter-clockwise turn that makes the rows of ``ink`` most
    line-like (the projection-profile deskew criterion).

    For angles of a few degrees a turn is, to a fraction of a pixel, a shear: each ink pixel
    moves to row ``y - x * tan(angle)``. Histogramming the ink pixels' sheared rows costs a
    fraction of a millisecond per angle, where turning the image would cost a few.
    """
    ys, xs = np.nonzero(ink)
    if ys.size == 0:
        return 0.0, 0.0
    ys = ys.astype(np.float64)
    xs = xs.astype(np.float64) - ink.shape[1] / 2.0
    best_angle, best_score = 0.0, -1.0
    for angle in angles:
        rows = np.rint(ys - xs * np.tan(np.radians(angle))).astype(np.int64)
        rows -= rows.min()
        score = float(np.sum(np.diff(np.bincount(rows).astype(np.float64)) ** 2)) / ink.size
        if score > best_score:
            best_angle, best_score = float(angle), score
    return best_angle, best_score


def _coarse() -> np.ndarray:
    return np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.5)


def skew_angle(ink: np.ndarray, coarse: float | None = None) -> float:
    """Counter-clockwise degrees (within +/-``MAX_SKEW``) that make the text lines horizontal.
    ``coarse`` is a best angle already found on the 0.5-degree grid."""
    if not ink.any():
        return 0.0
    if coarse is None:
        coarse, _ = _best_angle(ink, _coarse())
    fine, _ = _best_angle(ink, np.arange(coarse - 0.4, coarse + 0.4 + 1e-9, 0.1))
    return round(fine, 2)


def orientation_hint(ink: np.ndarray) -> tuple[bool, float]:
    """(text runs sideways, coarse skew angle of the rows).

    Sideways: at their best small-skew angle, columns show the line/gap rhythm much more
    strongly than rows do (about 4x for text turned 90 degrees, 0.3x upright).
    """
    if not ink.any():
        return False, 0.0
    row_angle, rows = _best_angle(ink, _coarse())
    _, cols = _best_angle(np.ascontiguousarray(ink.T), _coarse())
    return cols > SIDEWAYS_RATIO * rows, row_angle


def looks_sideways(ink: np.ndarray) -> bool:
    return orientation_hint(ink)[0]


def turn(image: Image.Image, clockwise: int) -> Image.Image:
    """Rotate by a multiple of 90 degrees clockwise."""
    clockwise %= 360
    if clockwise == 0:
        return image
    return image.transpose({90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180,
                            270: Image.Transpose.ROTATE_90}[clockwise])


def deskew(image: Image.Image, dpi: int, ink: np.ndarray | None = None,
           coarse: float | None = None) -> tuple[Image.Image, float]:
    """Turn the page so its lines are horizontal. Under ``MIN_DESKEW`` degrees Tesseract copes
    and the turn (about 50 ms at 300 dpi) is skipped. Nearest-neighbour: at 200 dpi and more
    it reads as well as bilinear at a fifth of the cost."""
    angle = skew_angle(small_ink(image, dpi) if ink is None else ink, coarse)
    if abs(angle) < MIN_DESKEW:
        return image, 0.0
    resample = Image.Resampling.NEAREST if dpi >= 200 else Image.Resampling.BILINEAR
    return image.rotate(angle, resample=resample, fillcolor=255), angle


# --- Tesseract ------------------------------------------------------------------------------

def _write_pgm(image: Image.Image, workdir: str, name: str) -> str:
    path = os.path.join(workdir, name)
    image.save(path, format="PPM")     # mode L is written as binary PGM: no compression cost
    return path


def _tesseract_error(exc: Exception) -> OcrError:
    import pytesseract

    if isinstance(exc, pytesseract.TesseractNotFoundError):
        return OcrError("Tesseract OCR is not installed or not on PATH: install it (make "
                        "setup, or apt-get install tesseract-ocr tesseract-ocr-eng "
                        "tesseract-ocr-osd) and run again")
    if isinstance(exc, RuntimeError) and "timeout" in str(exc).lower():
        return OcrError(f"Tesseract took longer than {TESSERACT_TIMEOUT} s on this page and was "
                        "stopped: check the page image (it may be very large or noisy)")
    message = str(exc).strip().splitlines()[-1:] or [type(exc).__name__]
    return OcrError(f"Tesseract failed on this page ({message[0][:200]}): check the page image; "
                    "if many pages fail, check the Tesseract installation (tesseract "
                    "--list-langs)")


def detect_orientation(image: Image.Image, dpi: int, workdir: str) -> tuple[int, float]:
    """(clockwise degrees to turn, OSD confidence) from Tesseract OSD on a half-size copy.

    OSD fails on pages with too few characters; that is "no opinion": ``(0, 0.0)``.
    """
    import pytesseract

    half = image.reduce(2) if dpi >= 200 else image
    path = _write_pgm(half, workdir, "osd.pgm")
    try:
        osd = pytesseract.image_to_osd(
            path, config=f"--psm 0 --dpi {max(dpi // 2 if dpi >= 200 else dpi, 70)}",
            output_type=pytesseract.Output.DICT, timeout=TESSERACT_TIMEOUT)
    except pytesseract.TesseractNotFoundError as exc:
        raise _tesseract_error(exc) from None
    except Exception as exc:  # "Too few characters", "Image too small to scale", ...
        log.debug("OSD gave no orientation (%s)", type(exc).__name__)
        return 0, 0.0
    return int(osd.get("rotate", 0)) % 360, float(osd.get("orientation_conf", 0.0))


def run_tesseract(image: Image.Image, dpi: int | None, settings: OcrSettings,
                  workdir: str) -> OcrResult:
    """Tesseract ``image_to_data`` on an upright image; text rebuilt in reading order."""
    import pytesseract

    path = _write_pgm(image, workdir, "page.pgm")
    config = "--psm 3" + (f" --dpi {dpi}" if dpi else "")
    try:
        data = pytesseract.image_to_data(path, lang=settings.language, config=config,
                                         output_type=pytesseract.Output.DICT,
                                         timeout=TESSERACT_TIMEOUT)
    except Exception as exc:
        raise _tesseract_error(exc) from None
    result = assemble(data, image.width, image.height)
    result.tesseract_runs = 1
    return result


def assemble(data: dict, width: int, height: int) -> OcrResult:
    """Words with 0..1 boxes and the page text: a line per Tesseract line, a blank line
    between blocks."""
    words: list[Word] = []
    lines: list[str] = []
    current_line: list[str] = []
    last_line_key = last_block = None
    for i, raw in enumerate(data.get("text", [])):
        text = (raw or "").strip()
        if not text or int(data["level"][i]) != 5:
            continue
        block = data["block_num"][i]
        line_key = (block, data["par_num"][i], data["line_num"][i])
        if line_key != last_line_key:
            if current_line:
                lines.append(" ".join(current_line))
            if last_block is not None and block != last_block:
                lines.append("")
            current_line = []
            last_line_key, last_block = line_key, block
        current_line.append(text)
        left, top = int(data["left"][i]), int(data["top"][i])
        right, bottom = left + int(data["width"][i]), top + int(data["height"][i])
        conf = float(data["conf"][i])
        words.append(Word(text, (left / width, top / height, right / width, bottom / height),
                          max(0.0, min(100.0, conf)) if conf >= 0 else None))
    if current_line:
        lines.append(" ".join(current_line))
    confs = [w.confidence for w in words if w.confidence is not None]
    return OcrResult(text="\n".join(lines), words=words,
                     confidence=float(np.mean(confs)) if confs else None,
                     width=width, height=height)


def _better(a: OcrResult, b: OcrResult) -> OcrResult:
    def key(r: OcrResult) -> tuple[float, int]:
        return (r.confidence or 0.0, len(r.words))
    return b if key(b) > key(a) else a


def ocr_image(image: Image.Image, dpi: int | None, settings: OcrSettings) -> OcrResult:
    """Read one page image (any mode; converted to 8-bit gray)."""
    if image.mode != "L":
        image = image.convert("L")
    eff_dpi = dpi or 300
    ink = small_ink(image, eff_dpi)
    if ink.mean() < BLANK_INK:
        return OcrResult(blank=True, width=image.width, height=image.height)
    with tempfile.TemporaryDirectory(prefix="claimdocs-ocr-") as workdir:
        sideways, coarse = orientation_hint(ink)
        hint = _Hint(ink, coarse)
        rotation = 0
        if sideways:
            rotation, _ = detect_orientation(image, eff_dpi, workdir)
        result = _read(image, rotation, dpi, settings, workdir, hint)
        runs = 1
        if not sideways and (result.confidence or 0.0) < ORIENTATION_RECHECK_CONF:
            proposed, _ = detect_orientation(image, eff_dpi, workdir)
            if proposed % 360 != rotation:
                other = _read(image, proposed, dpi, settings, workdir, hint)
                runs += 1
                result = _better(result, other)
        result.tesseract_runs = runs
        return result


@dataclass
class _Hint:
    """The unturned page's small ink mask and coarse skew, reused when turning by 0 or 180."""

    ink: np.ndarray
    coarse: float


def _prepared(image: Image.Image, rotation: int, dpi: int | None, settings: OcrSettings,
              hint: _Hint | None = None) -> tuple[Image.Image, float]:
    upright = turn(image, rotation)
    if not settings.deskew:
        return upright, 0.0
    if hint is not None and rotation == 0:
        return deskew(upright, dpi or 300, hint.ink, hint.coarse)
    if hint is not None and rotation == 180:       # a half turn keeps the skew angle
        return deskew(upright, dpi or 300, hint.ink[::-1, ::-1], hint.coarse)
    return deskew(upright, dpi or 300)


def _read(image: Image.Image, rotation: int, dpi: int | None, settings: OcrSettings,
          workdir: str, hint: _Hint | None = None) -> OcrResult:
    prepared, skew = _prepared(image, rotation, dpi, settings, hint)
    result = run_tesseract(prepared, dpi, settings, workdir)
    result.rotation, result.skew = rotation, skew
    return result

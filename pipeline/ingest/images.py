"""Image files (PNG, JPEG, TIFF single or multi-page): frame count, size guard, one frame.

Decompression bombs are refused twice: our own check of width x height against
``settings.ocr.max_image_pixels`` before any pixel is decoded, and PIL's own check (its
``MAX_IMAGE_PIXELS`` set to the same limit, its warning turned into an error).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from PIL import Image, ImageOps, UnidentifiedImageError


class ImageOpenError(Exception):
    """The image file (or one frame) cannot be read; the message says what to do."""


def _bomb_message(width: int, height: int, limit: int) -> str:
    return (f"the image is {width} x {height} pixels ({width * height / 1e6:.0f} megapixels), "
            f"over the max_image_pixels limit ({limit / 1e6:.0f} MP) that guards against "
            "decompression bombs: downscale it (e.g. to 300 dpi) or, if you trust the file, "
            "raise ocr.max_image_pixels in a --config file, and run again")


@contextmanager
def open_image(path: str, max_pixels: int) -> Iterator[Image.Image]:
    old_limit = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            try:
                image = Image.open(path)
            except (Image.DecompressionBombError, Image.DecompressionBombWarning):
                raise ImageOpenError(
                    "the image has more pixels than the max_image_pixels limit "
                    f"({max_pixels / 1e6:.0f} MP) that guards against decompression bombs: "
                    "downscale it or, if you trust the file, raise ocr.max_image_pixels in a "
                    "--config file, and run again") from None
            except UnidentifiedImageError:
                raise ImageOpenError("the image is damaged or in a format variant that cannot "
                                     "be read: open it in an image viewer and save it again as "
                                     "PNG, TIFF or PDF, then run again") from None
            except OSError as exc:
                raise ImageOpenError(f"the image cannot be read ({exc}): save it again as "
                                     "PNG, TIFF or PDF and run again") from None
            with image:
                if image.width * image.height > max_pixels:
                    raise ImageOpenError(_bomb_message(image.width, image.height, max_pixels))
                yield image
    finally:
        Image.MAX_IMAGE_PIXELS = old_limit


def frame_count(path: str, max_pixels: int) -> int:
    with open_image(path, max_pixels) as image:
        return int(getattr(image, "n_frames", 1) or 1)


def load_frame(path: str, index: int, max_pixels: int) -> tuple[Image.Image, int | None]:
    """Frame ``index`` as an upright (EXIF) 8-bit gray image, and its dpi when it says one."""
    with open_image(path, max_pixels) as image:
        try:
            image.seek(index)
            if image.width * image.height > max_pixels:
                raise ImageOpenError(_bomb_message(image.width, image.height, max_pixels))
            dpi = _dpi(image.info.get("dpi"))
            frame = ImageOps.exif_transpose(image) or image
            if frame.mode in ("RGBA", "LA", "PA") or (frame.mode == "P"
                                                      and "transparency" in frame.info):
                rgba = frame.convert("RGBA")
                white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
                frame = Image.alpha_composite(white, rgba)
            gray = frame.convert("L")
            gray.load()
        except ImageOpenError:
            raise
        except (OSError, ValueError, EOFError, SyntaxError) as exc:
            raise ImageOpenError(f"page {index + 1} of the image cannot be decoded "
                                 f"({type(exc).__name__}: the file is probably truncated or "
                                 "damaged): scan or export it again and run again") from None
        return gray, dpi


def _dpi(value) -> int | None:
    try:
        dpi = int(round(float(value[0])))
    except (TypeError, ValueError, IndexError):
        return None
    return dpi if 100 <= dpi <= 1200 else None     # 72 and 96 are "unknown" defaults

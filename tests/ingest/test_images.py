from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from pipeline.ingest import images


def test_multipage_tiff_frames_and_dpi(tmp_path: Path):
    frames = [Image.new("L", (200, 100), 255), Image.new("1", (120, 80), 1)]
    path = tmp_path / "scan.tif"
    frames[0].save(path, save_all=True, append_images=frames[1:], dpi=(200, 200))
    assert images.frame_count(str(path), 10**6) == 2
    frame, dpi = images.load_frame(str(path), 1, 10**6)
    assert (frame.mode, frame.size, dpi) == ("L", (120, 80), 200)


def test_exif_orientation_is_applied(tmp_path: Path):
    image = Image.new("RGB", (300, 100), "white")
    exif = Image.Exif()
    exif[0x0112] = 6                      # "rotate 90 CW to view"
    path = tmp_path / "photo.jpg"
    image.save(path, exif=exif)
    frame, dpi = images.load_frame(str(path), 0, 10**6)
    assert frame.size == (100, 300) and dpi is None


def test_transparent_png_gets_a_white_background(tmp_path: Path):
    path = tmp_path / "t.png"
    Image.new("RGBA", (10, 10), (0, 0, 0, 0)).save(path)
    frame, _ = images.load_frame(str(path), 0, 10**6)
    assert frame.getextrema() == (255, 255)


def test_decompression_bomb_refused_before_decoding(tmp_path: Path):
    path = tmp_path / "bomb.png"
    Image.new("1", (4000, 3000), 1).save(path)         # 12 MP in a few kB
    assert path.stat().st_size < 20_000
    with pytest.raises(images.ImageOpenError, match="max_image_pixels"):
        images.frame_count(str(path), 1_000_000)
    with pytest.raises(images.ImageOpenError, match="max_image_pixels"):
        images.load_frame(str(path), 0, 1_000_000)
    assert Image.MAX_IMAGE_PIXELS != 1_000_000        # PIL's global limit is restored


def test_truncated_image_message(tmp_path: Path):
    good = tmp_path / "g.png"
    Image.effect_noise((400, 400), 60).save(good)
    bad = tmp_path / "bad.png"
    bad.write_bytes(good.read_bytes()[: good.stat().st_size // 3])
    with pytest.raises(images.ImageOpenError, match="truncated or damaged"):
        images.load_frame(str(bad), 0, 10**6)

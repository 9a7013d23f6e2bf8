from __future__ import annotations

from pathlib import Path

from pipeline.ingest.cache import PageCache, page_key
from pipeline.model import Page, Word
from pipeline.settings import OcrSettings

SHA = "ab" * 32


def test_key_changes_with_every_setting_that_changes_the_text():
    base = page_key(SHA, 0, OcrSettings(), "5.3.0")
    assert base == page_key(SHA, 0, OcrSettings(), "5.3.0")
    assert base != page_key(SHA, 1, OcrSettings(), "5.3.0")
    assert base != page_key("cd" * 32, 0, OcrSettings(), "5.3.0")
    assert base != page_key(SHA, 0, OcrSettings(dpi=200), "5.3.0")
    assert base != page_key(SHA, 0, OcrSettings(mode="force"), "5.3.0")
    assert base != page_key(SHA, 0, OcrSettings(language="deu"), "5.3.0")
    assert base != page_key(SHA, 0, OcrSettings(), "5.4.0")


def test_round_trip_renames_source_and_marks_from_cache(tmp_path: Path):
    cache = PageCache(tmp_path)
    page = Page("a.pdf", 2, "Date: 03/14/2024", [Word("Date:", (0.1, 0.2, 0.3, 0.25), 91.5)],
                "ocr", 91.5, 90, 612.0, 792.0, needs_review=False)
    cache.put("k" * 64, page)
    got = cache.get("k" * 64, "renamed/a.pdf")
    assert got.from_cache and got.source == "renamed/a.pdf"
    assert (got.text, got.words, got.rotation, got.ocr_confidence) == (
        page.text, page.words, 90, 91.5)
    assert not list(tmp_path.rglob(".tmp-*"))          # written atomically, nothing left over


def test_unreadable_entry_is_a_miss(tmp_path: Path):
    cache = PageCache(tmp_path)
    path = tmp_path / "kk" / ("k" * 64 + ".json")
    path.parent.mkdir()
    path.write_text("{not json")
    assert cache.get("k" * 64, "a.pdf") is None
    assert PageCache(None).get("k" * 64, "a.pdf") is None

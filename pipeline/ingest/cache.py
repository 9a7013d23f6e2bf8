"""The page cache: one JSON file per page, keyed by content and every setting that changes it.

Key = sha256 of (cache format version, the source file's sha256, the page index, OCR mode,
dpi, language, deskew, text-layer thresholds, review thresholds, Tesseract version). The same
file under another name or folder hits; a changed file, setting or Tesseract misses. Entries
are written atomically (temporary file + rename), so a crash leaves no half entry; an entry
that cannot be read is a miss. JSON, not pickle: a cache folder is never a way to run code.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
from dataclasses import asdict
from pathlib import Path

from pipeline.model import Page, Word
from pipeline.settings import OcrSettings

log = logging.getLogger(__name__)

CACHE_FORMAT = 1


def page_key(file_sha256: str, index: int, ocr: OcrSettings, tesseract: str) -> str:
    parts = {
        "format": CACHE_FORMAT, "file": file_sha256, "index": index, "mode": ocr.mode,
        "dpi": ocr.dpi, "lang": ocr.language, "deskew": ocr.deskew,
        "min_text_chars": ocr.min_text_chars, "min_wordlike_ratio": ocr.min_wordlike_ratio,
        "review_confidence": ocr.review_confidence, "review_min_chars": ocr.review_min_chars,
        "tesseract": tesseract,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


class PageCache:
    def __init__(self, directory: Path | None) -> None:
        self.directory = Path(directory) if directory else None

    def _path(self, key: str) -> Path:
        assert self.directory is not None
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str, source: str) -> Page | None:
        """The cached page, renamed to ``source`` (the same file may sit under another name)."""
        if self.directory is None:
            return None
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            words = [Word(w["text"], tuple(w["box"]), w.get("confidence"))
                     for w in data.pop("words")]
            data.pop("from_cache", None)
            page = Page(**{**data, "source": source, "words": words})
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("ignoring an unreadable page cache entry (%s)", type(exc).__name__)
            return None
        page.from_cache = True
        return page

    def put(self, key: str, page: Page) -> None:
        if self.directory is None:
            return
        path = self._path(key)
        body = asdict(page)
        body["from_cache"] = False
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(body, handle, ensure_ascii=False)
                os.replace(tmp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError as exc:  # a full or read-only cache must not stop the run
            log.warning("cannot write the page cache (%s); continuing without it", exc.strerror)


"""Find the files of a claim input, hash them and tell what they are (by magic bytes).

A claim input is a file (one claim file) or a folder: every file inside, recursively, in
natural name order ("scan2" before "scan10", case-insensitive), ``Source.path`` relative to the
folder. Hidden files (".DS_Store", "._x.pdf") and desktop junk ("Thumbs.db", "desktop.ini") are
skipped; every other file is a source, so a stray .docx is reported instead of silently dropped.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.model import Source

JUNK_NAMES = frozenset({"thumbs.db", "desktop.ini", "ehthumbs.db"})
_HASH_CHUNK = 1 << 20
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


@dataclass
class Discovered:
    rel: str
    path: Path


def _natural_key(rel: str) -> list:
    return [[int(part) if part.isdigit() else part.casefold()
             for part in re.split(r"(\d+)", piece)] for piece in rel.split("/")]


def discover(path: Path) -> list[Discovered]:
    """The files of one claim input, in the order their pages go into the page stream."""
    if not path.is_dir():
        return [Discovered(path.name, path)]
    found = []
    for file in path.rglob("*"):
        rel_parts = file.relative_to(path).parts
        if any(part.startswith(".") for part in rel_parts):
            continue
        if file.name.casefold() in JUNK_NAMES or not file.is_file():
            continue
        found.append(Discovered("/".join(rel_parts), file))
    return sorted(found, key=lambda d: _natural_key(d.rel))


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


# --- what a file is -------------------------------------------------------------------------

_IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"II+\x00", "tiff"),      # BigTIFF
    (b"MM\x00+", "tiff"),
)

_KNOWN_UNSUPPORTED = (
    (b"PK\x03\x04", "a ZIP container (Word .docx, Excel .xlsx or a .zip archive)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (.doc, .xls or .msg)"),
    (b"MZ", "a Windows program"),
    (b"\x7fELF", "a program"),
    (b"GIF8", "a GIF image"),
    (b"BM", "a BMP image"),
    (b"RIFF", "a RIFF file (WebP image, audio or video)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
)

PDF_SUFFIXES = (".pdf",)
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".jpe", ".tif", ".tiff")


def sniff(head: bytes) -> tuple[str, str | None]:
    """``("pdf"|"image"|"unsupported", detail)`` from a file's first bytes.

    ``detail`` is the image format for images and a human description for unsupported files.
    A PDF may carry junk before its header (PDFium accepts up to 1 KiB of it).
    """
    if b"%PDF-" in head[:1024]:
        return "pdf", None
    for magic, fmt in _IMAGE_MAGIC:
        if head.startswith(magic):
            return "image", fmt
    for magic, what in _KNOWN_UNSUPPORTED:
        if head.startswith(magic):
            return "unsupported", what
    sample = head[:4096]
    if sample and _looks_like_text(sample):
        return "unsupported", "a plain-text file"
    return "unsupported", "of an unknown type"


def _looks_like_text(sample: bytes) -> bool:
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError:
        text = sample.decode("latin-1")
    printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text)
    return printable / max(1, len(text)) > 0.95


def _size(n: int) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} bytes"


def open_source(found: Discovered, max_file_bytes: int) -> Source:
    """Hash and classify one file. Problems become ``status="error"`` with what to do next."""
    source = Source(path=found.rel, abs_path=str(found.path), sha256=EMPTY_SHA256,
                    kind="unsupported")
    try:
        size = found.path.stat().st_size
        with open(found.path, "rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        source.status = "error"
        source.error = (f"cannot read the file ({exc.strerror or type(exc).__name__}): check that "
                        "it exists and that you may read it, then run again")
        return source
    suffix = found.path.suffix.lower()
    if size == 0:
        source.kind = ("pdf" if suffix in PDF_SUFFIXES
                       else "image" if suffix in IMAGE_SUFFIXES else "unsupported")
        source.status = "error"
        source.error = ("the file is empty (0 bytes): the copy or download was probably "
                        "interrupted; copy or export it again and run again")
        return source
    kind, detail = sniff(head)
    source.kind = kind
    if size > max_file_bytes:
        source.status = "error"
        source.error = (f"the file is too large ({_size(size)}, limit {_size(max_file_bytes)}): "
                        "split it into smaller files (e.g. qpdf --split-pages) or raise "
                        "max_file_bytes in a --config file, and run again")
        return source
    try:
        source.sha256 = sha256_file(found.path)
    except OSError as exc:
        source.status = "error"
        source.error = f"cannot read the file ({exc.strerror}): check the disk and run again"
        return source
    if kind == "unsupported":
        source.status = "error"
        if suffix in PDF_SUFFIXES + IMAGE_SUFFIXES:
            source.error = (f"the file is named {suffix} but its content is not a PDF or image "
                            f"(it looks like {detail}): it is damaged or mislabelled; export or "
                            "scan it again and run again")
        else:
            source.error = (f"unsupported file type: it looks like {detail}. Only PDF, PNG, "
                            "JPEG and TIFF files are read: print or export it to PDF and run "
                            "again")
    return source

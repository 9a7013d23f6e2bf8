"""Render a Claim to PDF files and truth: text-layer PDF, scanned variants, a folder variant."""

from __future__ import annotations

import io
import random
import re
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter

from .claim import Claim
from .common import fax_header, fax_line
from .render import render


def render_claim(claim: Claim) -> list[tuple[str, bytes, int]]:
    """(entry key, PDF bytes, pages) for every entry in file order, with Bates numbers and the
    fax headers of fax bundles."""
    # first pass: page counts (needed for fax "P.003/007" numbering)
    counts: dict[str, int] = {}
    for e in claim.entries:
        _, n = render(e.doc)
        counts[e.key] = n
    extra: dict[str, list] = {}
    for cover_key, keys, info in claim.fax_bundles:
        total = counts[cover_key] + sum(counts[k] for k in keys)
        line = fax_line(info["date"], "09:1" + str(len(keys)), "5595550135", info["sender"])
        start = 1
        for k in [cover_key] + keys:
            extra.setdefault(k, []).append(fax_header(line, pages_total=total, first_page_no=start))
            start += counts[k]
    out = []
    page = 1
    for e in claim.entries:
        bates = (claim.bates, page) if claim.bates else None
        pdf, n = render(e.doc, bates=bates, extra=extra.get(e.key))
        assert n == counts[e.key], (e.key, n, counts[e.key])
        out.append((e.key, pdf, n))
        page += n
    return out


def concat(pdfs: list[bytes]) -> bytes:
    out = pdfium.PdfDocument.new()
    for b in pdfs:
        src = pdfium.PdfDocument(b)
        out.import_pages(src)
        src.close()
    buf = io.BytesIO()
    out.save(buf)
    out.close()
    return _invariant(buf.getvalue())


def _invariant(pdf: bytes) -> bytes:
    """PDFium stamps the save time and a random file ID; replace both by fixed values of the
    same length (so the cross-reference offsets stay right) to keep the bytes reproducible."""
    pdf = re.sub(rb"/CreationDate\(D:\d{14}", b"/CreationDate(D:20260101000000", pdf)
    return re.sub(rb"/ID\[<([0-9A-Fa-f]+)><([0-9A-Fa-f]+)>\]",
                  lambda m: b"/ID[<" + b"0" * len(m.group(1)) + b"><" + b"0" * len(m.group(2)) + b">]",
                  pdf)


def rasterize(pdf: bytes, dpi: int) -> list[Image.Image]:
    doc = pdfium.PdfDocument(pdf)
    imgs = []
    for i in range(len(doc)):
        page = doc[i]
        img = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        imgs.append(img)
        page.close()
    doc.close()
    return imgs


def scan_effects(img: Image.Image, rng: random.Random, *, turn: int = 0) -> Image.Image:
    """Noise, a slight skew, speckles; ``turn`` rotates the page (90 / 180) as a misfed scan."""
    angle = rng.uniform(-1.6, 1.6)
    img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    arr = np.asarray(img, dtype=np.int16)
    nrng = np.random.default_rng(rng.randrange(2 ** 32))
    arr = arr + nrng.normal(0, 7, arr.shape).astype(np.int16)
    speck = nrng.random(arr.shape) < 0.0007
    arr[speck] = 0
    arr = np.clip(arr, 0, 255).astype(np.uint8)
    img = Image.fromarray(arr, "L")
    if rng.random() < 0.5:
        img = img.filter(ImageFilter.GaussianBlur(0.5))
    if turn:
        img = img.rotate(turn, expand=True)
    return img


def images_to_pdf(imgs: list[Image.Image], dpi: int) -> bytes:
    buf = io.BytesIO()
    rgbs = [im.convert("L") for im in imgs]
    rgbs[0].save(buf, format="PDF", save_all=True, append_images=rgbs[1:], resolution=dpi, quality=70)
    return buf.getvalue()


def scan_pdf(pdf: bytes, dpi: int, rng: random.Random, turns: dict[int, int] | None = None) -> bytes:
    turns = turns or {}
    imgs = [scan_effects(im, rng, turn=turns.get(i, 0)) for i, im in enumerate(rasterize(pdf, dpi))]
    return images_to_pdf(imgs, dpi)


def page_map(claim: Claim, rendered: list[tuple[str, bytes, int]], source: str
             ) -> dict[str, tuple[str, int, int]]:
    pages, p = {}, 1
    for key, _, n in rendered:
        pages[key] = (source, p, p + n - 1)
        p += n
    return pages


def truth_ids(claim: Claim) -> dict[str, str]:
    return {e.key: f"T{i:02d}" for i, e in enumerate(claim.entries, 1)}


def write_single(claim: Claim, rendered, out_pdf: Path, *, variant: str, claim_id: str,
                 input_rel: str, dpi: int | None = None, seed: int = 0) -> dict:
    """Write one claim file as a single PDF (text layer, or scanned at ``dpi``); return truth."""
    ids = truth_ids(claim)
    pdf = concat([b for _, b, _ in rendered])
    total = sum(n for _, _, n in rendered)
    if dpi:
        rng = random.Random(seed)
        a = rng.randrange(2, total)
        b = rng.randrange(2, total)
        while b == a:
            b = rng.randrange(2, total)
        pdf = scan_pdf(pdf, dpi, rng, {a - 1: 90, b - 1: 180})
    else:
        scanned = [e.scan for e in claim.entries]
        if any(scanned):
            rng = random.Random(seed)
            parts = []
            for (_key, b, _n), sc in zip(rendered, scanned):
                parts.append(scan_pdf(b, 200, rng) if sc else b)
            pdf = concat(parts)
    out_pdf.parent.mkdir(parents=True, exist_ok=True)
    out_pdf.write_bytes(pdf)
    return claim.truth(ids, page_map(claim, rendered, out_pdf.name), variant, input_rel, claim_id)


def write_folder(claim: Claim, rendered, out_dir: Path, *, claim_id: str, input_rel: str,
                 seed: int = 0) -> dict:
    """One claim file as a folder: several PDFs split at document boundaries, plus single
    documents as PNG / multi-page TIFF scans."""
    rng = random.Random(seed)
    ids = truth_ids(claim)
    out_dir.mkdir(parents=True, exist_ok=True)
    groups: list[list[int]] = []
    cur: list[int] = []
    for i in range(len(rendered)):
        cur.append(i)
        if len(cur) >= rng.randint(3, 7):
            groups.append(cur)
            cur = []
    if cur:
        groups.append(cur)
    pages: dict[str, tuple[str, int, int]] = {}
    n_file = 0
    img_done = {"png": False, "tiff": False}
    for g in groups:
        # pull one single-page and one two-page document out as images
        for i in list(g):
            key, pdf, n = rendered[i]
            kind = None
            if n == 1 and not img_done["png"]:
                kind = "png"
            elif n == 2 and not img_done["tiff"]:
                kind = "tiff"
            if kind is None:
                continue
            img_done[kind] = True
            g.remove(i)
            n_file += 1
            imgs = [scan_effects(im, rng) for im in rasterize(pdf, 200)]
            name = f"{n_file:02d}_scan.{kind}"
            if kind == "png":
                imgs[0].save(out_dir / name, format="PNG", dpi=(200, 200))
            else:
                imgs[0].save(out_dir / name, format="TIFF", save_all=True, append_images=imgs[1:],
                             compression="tiff_deflate", dpi=(200, 200))
            pages[key] = (name, 1, n)
        if not g:
            continue
        n_file += 1
        name = f"{n_file:02d}_records.pdf"
        p = 1
        for i in g:
            key, _, n = rendered[i]
            pages[key] = (name, p, p + n - 1)
            p += n
        (out_dir / name).write_bytes(concat([rendered[i][1] for i in g]))
    return claim.truth(ids, pages, "folder", input_rel, claim_id)

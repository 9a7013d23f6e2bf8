"""Render the hand-written claim files of this folder, with their truth.

    python sample_docs/handwritten/render.py --out build/corpus [--only hw02_...] [--no-scans]

Each sub-folder holding a ``truth.json`` is one claim file, named by the folder (its
``claim_id``): its ``NN_*.txt`` files, in name order, are its documents, one each.
``build(out_dir)`` writes ``out_dir/handwritten/<id>.pdf`` (text layer) and
``out_dir/truth/<id>.json``, and a scanned copy ``out_dir/handwritten_scan/<id>_scan.pdf`` with
``truth/<id>_scan.json``. It checks that every document renders to the pages the truth says, so
an edit that moves a page boundary fails loudly instead of writing wrong truth.

The documents are written by hand, not by the generator, in layouts the generator lacks. Their
markup is deliberately small:

- ``%% key: value`` lines at the top set the look: ``font`` (Helvetica | Times | Courier),
  ``size``, ``hand`` (``on``: ``[[...]]`` is drawn as filled-in handwriting), ``header`` and
  ``footer`` (may use ``{page}`` and ``{pages}``), ``fax`` (a fax transmission line on every page)
  and ``stamp`` (a received stamp on the first page, lines separated by ``|``).
- ``# `` title, ``## `` heading, ``### `` sub-title, ``=> `` right-aligned line, ``- `` bullet,
  ``| a | b |`` table rows, ``<<<PAGEBREAK>>>``; other lines are kept as written, and a blank
  line ends a paragraph. ``**bold**`` and ``[[handwriting]]`` work inside any line.

Uses reportlab, and the corpus scanner of ``generator/`` for the scanned copies; never imports
``pipeline``.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

HERE = Path(__file__).resolve().parent
TRUTH_NAME = "truth.json"
if str(HERE.parent) not in sys.path:  # sample_docs/, for the corpus's scanner (generator/)
    sys.path.insert(0, str(HERE.parent))
PAGE_W, PAGE_H = letter
FONTS = {"Helvetica": ("Helvetica", "Helvetica-Bold"), "Times": ("Times-Roman", "Times-Bold"),
         "Courier": ("Courier", "Courier-Bold")}
HAND_FONT, HAND_COLOR = "Times-Italic", "#1c2e8a"


@dataclass
class Source:
    """One hand-written document: its look and its blocks."""

    path: Path
    meta: dict[str, str] = field(default_factory=dict)
    blocks: list[tuple] = field(default_factory=list)


def claim_dirs() -> list[Path]:
    """Every hand-written claim file: a folder of this one holding a ``truth.json``."""
    return sorted(p for p in HERE.iterdir() if p.is_dir() and (p / TRUTH_NAME).exists())


def documents(claim_dir: Path) -> list[Path]:
    return sorted(p for p in claim_dir.glob("[0-9][0-9]_*.txt"))


def parse(path: Path) -> Source:
    src = Source(path)
    para: list[str] = []
    table: list[list[str]] = []

    def flush() -> None:
        if para:
            src.blocks.append(("para", list(para)))
            para.clear()
        if table:
            src.blocks.append(("table", [list(r) for r in table]))
            table.clear()

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip()
        if line.startswith("%% "):
            key, _, value = line[3:].partition(":")
            src.meta[key.strip()] = value.strip()
            continue
        if line.startswith("|"):
            if para:
                src.blocks.append(("para", list(para)))
                para.clear()
            table.append([c.strip() for c in line.strip().strip("|").split("|")])
            continue
        if table:
            flush()
        if not line.strip():
            flush()
        elif line == "<<<PAGEBREAK>>>":
            flush()
            src.blocks.append(("pagebreak",))
        elif line.startswith("### "):
            flush()
            src.blocks.append(("h3", line[4:]))
        elif line.startswith("## "):
            flush()
            src.blocks.append(("h2", line[3:]))
        elif line.startswith("# "):
            flush()
            src.blocks.append(("title", line[2:]))
        elif line.startswith("=> "):
            flush()
            src.blocks.append(("right", line[3:]))
        elif line.startswith("- "):
            flush()
            src.blocks.append(("bullet", line[2:]))
        else:
            para.append(line)
    flush()
    return src


def inline(text: str, hand: bool) -> str:
    out = escape(text)
    out = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", out)
    if hand:
        repl = rf"<font name='{HAND_FONT}' color='{HAND_COLOR}' size='+1.5'>\1</font>"
    else:
        repl = r"\1"
    out = re.sub(r"\[\[(.+?)\]\]", repl, out)
    # keep runs of spaces in form lines
    return re.sub(r"  +", lambda m: "&nbsp;" * len(m.group(0)), out)


class _DocMark(Flowable):
    """Zero-size marker at the start of each document: records its first page."""

    def __init__(self, index: int, state: dict):
        super().__init__()
        self.index, self.state = index, state

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        self.state["current"] = self.index
        self.state["starts"][self.index] = self.canv.getPageNumber()


def _styles(meta: dict[str, str]) -> dict[str, ParagraphStyle]:
    regular, bold = FONTS[meta.get("font", "Helvetica")]
    size = float(meta.get("size", "10"))
    body = ParagraphStyle("body", fontName=regular, fontSize=size, leading=size * 1.35,
                          spaceAfter=size * 0.6, alignment=TA_LEFT)
    return {
        "body": body,
        "title": ParagraphStyle("title", parent=body, fontName=bold, fontSize=size + 4,
                                leading=(size + 4) * 1.25, alignment=TA_CENTER, spaceAfter=3),
        "h2": ParagraphStyle("h2", parent=body, fontName=bold, fontSize=size + 1.5,
                             leading=(size + 1.5) * 1.3, spaceBefore=size * 0.5),
        "h3": ParagraphStyle("h3", parent=body, fontName=bold, alignment=TA_CENTER),
        "right": ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=14, bulletIndent=4,
                                 spaceAfter=size * 0.3),
        "cell": ParagraphStyle("cell", parent=body, fontSize=size - 0.5,
                               leading=(size - 0.5) * 1.25, spaceAfter=0),
        "cellb": ParagraphStyle("cellb", parent=body, fontName=bold, fontSize=size - 0.5,
                                leading=(size - 0.5) * 1.25, spaceAfter=0),
    }


def flowables(src: Source) -> list:
    st = _styles(src.meta)
    hand = src.meta.get("hand") == "on"
    out: list = []
    for block in src.blocks:
        kind = block[0]
        if kind == "pagebreak":
            out.append(PageBreak())
        elif kind == "para":
            out.append(Paragraph("<br/>".join(inline(x, hand) for x in block[1]), st["body"]))
        elif kind == "table":
            rows = block[1]
            width = max(len(r) for r in rows)
            header = not any(c.endswith(":") for c in rows[0])
            data = []
            for i, r in enumerate(rows):
                r = r + [""] * (width - len(r))
                data.append([Paragraph(inline(c, hand), st["cellb"] if (
                    (header and i == 0) or c.endswith(":")) else st["cell"]) for c in r])
            t = Table(data, colWidths=[(PAGE_W - 1.6 * inch) / width] * width, repeatRows=0)
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            out += [t, Spacer(1, 6)]
        elif kind == "bullet":
            out.append(Paragraph(inline(block[1], hand), st["bullet"], bulletText="-"))
        else:
            out.append(Paragraph(inline(block[1], hand), st[kind]))
    return out


def _decorate(canvas, src: Source, page_in_doc: int, pages: int) -> None:
    meta = src.meta
    canvas.saveState()
    if meta.get("fax"):
        canvas.setFont("Courier", 7.5)
        canvas.drawString(0.5 * inch, PAGE_H - 0.3 * inch,
                          meta["fax"].format(page=page_in_doc, pages=pages))
    if meta.get("header"):
        canvas.setFont("Helvetica", 8)
        canvas.drawString(0.8 * inch, PAGE_H - 0.5 * inch,
                          meta["header"].format(page=page_in_doc, pages=pages))
    if meta.get("footer"):
        canvas.setFont("Helvetica", 8)
        canvas.drawCentredString(PAGE_W / 2, 0.45 * inch,
                                 meta["footer"].format(page=page_in_doc, pages=pages))
    if meta.get("stamp") and page_in_doc == 1:
        lines = [x.strip() for x in meta["stamp"].split("|")]
        canvas.translate(5.2 * inch, 1.3 * inch)
        canvas.rotate(-5)
        canvas.setStrokeColor(colors.HexColor("#b3261e"))
        canvas.setFillColor(colors.HexColor("#b3261e"))
        canvas.setLineWidth(1.4)
        canvas.rect(0, 0, 2.3 * inch, 0.22 * inch * len(lines) + 0.12 * inch)
        canvas.setFont("Helvetica-Bold", 10)
        for i, text in enumerate(reversed(lines)):
            canvas.drawCentredString(1.15 * inch, 0.1 * inch + i * 0.22 * inch, text)
    canvas.restoreState()


def _build(sources: list[Source], counts: list[int] | None) -> tuple[bytes, list[int], int]:
    state: dict = {"current": 0, "starts": {}}
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=letter, invariant=1, title="", author="", creator="",
                          producer="")
    frame = Frame(0.8 * inch, 0.8 * inch, PAGE_W - 1.6 * inch, PAGE_H - 1.55 * inch, id="body")

    def on_page_end(canvas, _doc):
        i = state["current"]
        page_in_doc = canvas.getPageNumber() - state["starts"].get(i, 1) + 1
        _decorate(canvas, sources[i], page_in_doc, counts[i] if counts else 0)

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=on_page_end)])
    story: list = []
    for i, src in enumerate(sources):
        if i:
            story.append(PageBreak())
        story.append(_DocMark(i, state))
        story += flowables(src)
    doc.build(story)
    total = doc.page
    starts = [state["starts"][i] for i in range(len(sources))]
    return buf.getvalue(), starts, total


def render(claim_dir: Path) -> tuple[bytes, list[tuple[Path, int, int]]]:
    """The claim file's PDF bytes and each document's (path, first page, last page)."""
    sources = [parse(p) for p in documents(claim_dir)]
    if not sources:
        raise RuntimeError(f"{claim_dir} has no NN_*.txt documents")
    _, starts, total = _build(sources, None)
    counts = [(starts[i + 1] if i + 1 < len(starts) else total + 1) - starts[i]
              for i in range(len(starts))]
    data, starts2, total2 = _build(sources, counts)
    if starts2 != starts or total2 != total:
        raise RuntimeError("page layout changed between the two render passes")
    spans = [(s.path, starts[i], starts[i] + counts[i] - 1) for i, s in enumerate(sources)]
    return data, spans


def _checked_truth(claim_dir: Path, spans: list[tuple[Path, int, int]]) -> dict:
    truth = json.loads((claim_dir / TRUTH_NAME).read_text(encoding="utf-8"))
    if truth["claim_id"] != claim_dir.name:
        raise RuntimeError(f"{claim_dir}/{TRUTH_NAME} names claim {truth['claim_id']!r}, "
                           f"the folder is {claim_dir.name!r}")
    docs = truth["documents"]
    if len(docs) != len(spans):
        raise RuntimeError(f"{claim_dir.name}: truth lists {len(docs)} documents, "
                           f"the folder has {len(spans)}")
    for d, (path, first, last) in zip(docs, spans):
        if (d["page_start"], d["page_end"]) != (first, last):
            raise RuntimeError(f"{claim_dir.name}/{path.name} renders to pages {first}-{last}, "
                               f"the truth says {d['id']} is {d['page_start']}-{d['page_end']}")
    return truth


def _scanned_truth(truth: dict, scan_name: str) -> dict:
    """The same truth for the scanned copy: another claim id, input and source name."""
    out = json.loads(json.dumps(truth))
    out["claim_id"] = Path(scan_name).stem
    out["variant"] = "handwritten_scan"
    out["input"] = f"handwritten_scan/{scan_name}"
    out["title"] = "scanned copy (300 dpi, noise, skew, one page turned 180 degrees) of: " + \
        truth.get("title", truth["claim_id"])
    for d in out["documents"]:
        d["source"] = scan_name
    return out


def _write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def build(out_dir: Path, only: list[str] | None = None, scans: bool = True) -> list[Path]:
    """Write every hand-written claim file (PDF and truth) under ``out_dir``; return the paths.

    With ``scans`` each claim file also gets a scanned copy, ``handwritten_scan/<id>_scan.pdf``
    (300 dpi, noise, slight skew, one page upside down), with its own truth."""
    out_dir = Path(out_dir)
    written: list[Path] = []
    for claim_dir in claim_dirs():
        cid = claim_dir.name
        if only and cid not in only:
            continue
        data, spans = render(claim_dir)
        truth = _checked_truth(claim_dir, spans)
        pdf = out_dir / "handwritten" / f"{cid}.pdf"
        pdf.parent.mkdir(parents=True, exist_ok=True)
        pdf.write_bytes(data)
        truth_out = out_dir / "truth" / f"{cid}.json"
        _write_json(truth_out, truth)
        written += [pdf, truth_out]
        if scans:
            from generator.assemble import scan_pdf  # the corpus's one scanner

            rng = random.Random(int(hashlib.sha256(cid.encode()).hexdigest()[:8], 16))
            pages = spans[-1][2]
            upside_down = {rng.randrange(pages): 180} if pages > 1 else {}
            scan = out_dir / "handwritten_scan" / f"{cid}_scan.pdf"
            scan.parent.mkdir(parents=True, exist_ok=True)
            scan.write_bytes(scan_pdf(data, 300, rng, upside_down))
            scan_truth = out_dir / "truth" / f"{cid}_scan.json"
            _write_json(scan_truth, _scanned_truth(truth, scan.name))
            written += [scan, scan_truth]
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("build/corpus"))
    ap.add_argument("--only", nargs="*", help="claim ids (folder names) to build")
    ap.add_argument("--no-scans", action="store_true", help="skip the scanned copies")
    ap.add_argument("--spans", action="store_true", help="print each document's pages and stop")
    args = ap.parse_args(argv)
    if args.spans:
        for claim_dir in claim_dirs():
            if args.only and claim_dir.name not in args.only:
                continue
            _, spans = render(claim_dir)
            print(claim_dir.name)
            for path, a, b in spans:
                print(f"  {path.name:<45} {a:>3}-{b}")
        return 0
    for p in build(args.out, args.only, scans=not args.no_scans):
        print(p)
    return 0


if __name__ == "__main__":
    sys.exit(main())

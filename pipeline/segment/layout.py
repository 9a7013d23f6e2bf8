"""Lines of a page and where they sit, from word boxes when ingest gave them, else from text.

``Word.box`` is ``(x0, top, x1, bottom)`` in page fractions, so "near the top" means the same
thing for text-layer and OCR pages. Without words, the first and last few lines of
``Page.text`` stand in for the top and bottom of the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.model import Page

#: share of the page height that counts as "near the top" / "near the bottom"
TOP_FRACTION = 0.25
BOTTOM_FRACTION = 0.85
#: without word boxes: how many non-empty lines count as top / bottom
TOP_LINES = 8
BOTTOM_LINES = 4


@dataclass(frozen=True)
class Line:
    text: str
    top: float          # fraction of page height (estimated from the line index without words)
    bottom: float


def page_lines(page: Page) -> list[Line]:
    """Non-empty lines in reading order."""
    words = [w for w in page.words if w.text.strip()]
    if words:
        return _lines_from_words(words)
    raw = [line.strip() for line in page.text.splitlines()]
    raw = [line for line in raw if line]
    count = max(len(raw), 1)
    return [Line(text, i / count, (i + 1) / count) for i, text in enumerate(raw)]


def _lines_from_words(words) -> list[Line]:
    ordered = sorted(words, key=lambda w: ((w.box[1] + w.box[3]) / 2, w.box[0]))
    groups: list[list] = []
    for word in ordered:
        centre = (word.box[1] + word.box[3]) / 2
        height = max(word.box[3] - word.box[1], 0.004)
        if groups:
            last = groups[-1]
            last_centre = sum((w.box[1] + w.box[3]) / 2 for w in last) / len(last)
            if abs(centre - last_centre) <= height * 0.5:
                last.append(word)
                continue
        groups.append([word])
    lines = []
    for group in groups:
        group.sort(key=lambda w: w.box[0])
        lines.append(Line(" ".join(w.text for w in group),
                          min(w.box[1] for w in group), max(w.box[3] for w in group)))
    return lines


def has_boxes(page: Page) -> bool:
    return any(w.text.strip() for w in page.words)


def top_lines(page: Page, lines: list[Line] | None = None) -> list[Line]:
    lines = page_lines(page) if lines is None else lines
    if has_boxes(page):
        top = [line for line in lines if line.top < TOP_FRACTION]
        return top[:TOP_LINES * 2]
    return lines[:TOP_LINES]


def bottom_lines(page: Page, lines: list[Line] | None = None) -> list[Line]:
    lines = page_lines(page) if lines is None else lines
    if has_boxes(page):
        return [line for line in lines if line.top >= BOTTOM_FRACTION]
    return lines[-BOTTOM_LINES:] if len(lines) > TOP_LINES else lines[len(lines) // 2:]


def lower_part(page: Page, lines: list[Line] | None = None) -> list[Line]:
    """The lower 60% of the page: where a letter closes and a report is signed."""
    lines = page_lines(page) if lines is None else lines
    return [line for line in lines if line.top >= 0.4]


#: how far down a document's heading block may reach (share of page height / lines of text)
HEAD_FRACTION = 0.45
HEAD_LINES = 16
#: a line with this many lower-case words is running prose: the heading block is over
PROSE_LOWER_WORDS = 6


def is_prose(text: str) -> bool:
    return sum(1 for word in text.split() if word[:1].islower()) >= PROSE_LOWER_WORDS


def head_lines(page: Page, lines: list[Line] | None = None) -> list[Line]:
    """The heading block: lines from the top of the page until the narrative begins
    (letterhead, date, addressee, identification labels, the title)."""
    lines = page_lines(page) if lines is None else lines
    zone = ([line for line in lines if line.top < HEAD_FRACTION] if has_boxes(page)
            else lines[:HEAD_LINES])
    out = []
    for line in zone:
        if is_prose(line.text):
            break
        out.append(line)
    return out

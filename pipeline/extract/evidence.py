"""Evidence: the quote (and box, when the words can be found) behind an extracted value.

The one place that turns a character span of ``Page.text`` into an ``Evidence``. A quote is the
line(s) holding the span, whitespace collapsed and trimmed around the span to at most
``MAX_QUOTE`` characters; the box is the union of the page words that overlap the span, found by
aligning ``Page.words`` to ``Page.text`` in reading order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from pipeline.model import Box, Document, Evidence, Page, Word

MAX_QUOTE = 160


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _quote(text: str, start: int, end: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    if end > start and text[end - 1] == "\n":
        line_end = end - 1
    quote = _collapse(text[line_start:line_end])
    if len(quote) <= MAX_QUOTE:
        return quote
    # keep the span, with as much context on each side as fits
    span = _collapse(text[start:end])
    if len(span) >= MAX_QUOTE:
        return span[:MAX_QUOTE - 1].rstrip() + "…"
    before = _collapse(text[line_start:start])
    after = _collapse(text[end:line_end])
    room = MAX_QUOTE - len(span) - 4          # two joining spaces, two ellipses
    left_room = min(len(before), room // 2 + max(0, room // 2 - len(after)))
    right_room = min(len(after), room - left_room)
    left = before[len(before) - left_room:] if left_room else ""
    right = after[:right_room] if right_room else ""
    out = " ".join(part for part in (left, span, right) if part)
    if left_room < len(before):
        out = "…" + out.lstrip()
    if right_room < len(after):
        out = out.rstrip() + "…"
    return out[:MAX_QUOTE]


def word_spans(page: Page) -> list[tuple[int, int, Word]]:
    """Where each of ``page.words`` sits in ``page.text`` (words not found are left out)."""
    spans: list[tuple[int, int, Word]] = []
    cursor = 0
    text = page.text
    for word in page.words:
        token = word.text.strip()
        if not token:
            continue
        at = text.find(token, cursor, cursor + 200 + len(token))
        if at == -1:
            continue
        spans.append((at, at + len(token), word))
        cursor = at + len(token)
    return spans


def _box(page: Page, start: int, end: int) -> Box | None:
    if not page.words:
        return None
    hits = [w.box for a, b, w in word_spans(page) if a < end and start < b]
    if not hits:
        return None
    return (min(b[0] for b in hits), min(b[1] for b in hits),
            max(b[2] for b in hits), max(b[3] for b in hits))


def quote_at(page: Page, start: int, end: int, document: str | None = None) -> Evidence:
    """Evidence for ``page.text[start:end]``: source, page number, quote and box if found."""
    start = max(0, min(start, len(page.text)))
    end = max(start, min(end, len(page.text)))
    return Evidence(source=page.source, page=page.number, quote=_quote(page.text, start, end),
                    document=document, box=_box(page, start, end))


def find_evidence(page: Page, pattern: str | re.Pattern[str],
                  document: str | None = None) -> Evidence | None:
    """Evidence for the first match of ``pattern`` (a regex, case-insensitive when a string)."""
    regex = re.compile(pattern, re.IGNORECASE) if isinstance(pattern, str) else pattern
    match = regex.search(page.text)
    if match is None:
        return None
    return quote_at(page, match.start(), match.end(), document)


#: a reader of one page's text: (value, start, end) of what it found, or None
SpanFinder = Callable[[str], "tuple[Any, int, int] | None"]


def first_found(doc: Document, field_path: str, pages: list[Page], finder: SpanFinder) -> Any:
    """The value ``finder`` reads on the first page where it finds one, cited on ``doc``."""
    for page in pages:
        found = finder(page.text)
        if found:
            doc.cite(field_path, quote_at(page, found[1], found[2]))
            return found[0]
    return None


def locate(pages: list[Page], offset: int, sep: str = "\n\f\n") -> tuple[Page, int] | None:
    """For text built as ``sep.join(p.text for p in pages)``: the page and offset on it."""
    position = 0
    for page in pages:
        if offset <= position + len(page.text):
            return page, offset - position
        position += len(page.text) + len(sep)
    return None

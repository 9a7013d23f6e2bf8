"""Page builders for segmentation tests: text-only pages and pages with word boxes."""

from __future__ import annotations

from pipeline.model import Page, Word


def text_page(number: int, text: str, source: str = "claim.pdf") -> Page:
    return Page(source=source, number=number, text=text,
                text_source="text_layer" if text.strip() else "empty")


def boxed_page(number: int, lines: list[tuple[float, str]], source: str = "claim.pdf") -> Page:
    """A page whose words carry boxes: ``lines`` are (top fraction, text)."""
    words = []
    for top, text in lines:
        x = 0.1
        for token in text.split():
            width = 0.012 * len(token)
            words.append(Word(token, (x, top, x + width, top + 0.012)))
            x += width + 0.01
    text = "\n".join(text for _, text in sorted(lines))
    return Page(source=source, number=number, text=text, words=words, text_source="ocr")

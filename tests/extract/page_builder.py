"""Test helper: a text-layer Page whose words sit on a monospaced grid, so tables line up."""

import re

from pipeline.model import Page, Word

CW, PITCH, HEIGHT = 0.0075, 0.016, 0.012


def make_page(text: str, number: int = 1, pitch: float = PITCH) -> Page:
    """A page whose words sit where a monospaced rendering of ``text`` puts them."""
    words = []
    for i, line in enumerate(text.split("\n")):
        for m in re.finditer(r"\S+", line):
            x0 = 0.05 + m.start() * CW
            top = 0.05 + i * pitch
            words.append(Word(m.group(0), (x0, top, x0 + len(m.group(0)) * CW, top + HEIGHT)))
    return Page(source="claim.pdf", number=number, text=text, words=words,
                text_source="text_layer")

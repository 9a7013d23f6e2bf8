"""Is a page's text layer worth reading? Pure functions on the text alone.

A text layer is "garbage" when it is mostly glyphs that do not form words: unmapped glyph
codes (U+FFFD, private-use characters, control characters, "(cid:12)" codes) or tokens that are
not words (a font with a broken ToUnicode map gives "Wkh sdwlhqw" or "#$%&'"). Two cheap
tests: tokens must look like words or numbers (English words of 4+ letters have a vowel), and a
page with many alphabetic tokens must contain some of the commonest English words ("the", "of",
"date", ...), which a shifted or scrambled encoding never produces.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_CID = re.compile(r"\(cid:\d+\)")
_ALPHA = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|[A-Za-z]")
_NUMBER = re.compile(r"[$#(]?\d[\d,.:/\-]*%?[)]?")
_VOWELS = set("aeiouyAEIOUY")
#: function words and form labels: any real English page of some length has a few of them
COMMON_WORDS = frozenset("""
a an and are as at be by date for from has he her his i in is it name no not of on or page
patient re she that the this to was were with you your dr md claim dob doi
""".split())
#: alphabetic tokens from which the common-word test applies
COMMON_WORD_MIN_TOKENS = 30
_EDGE_PUNCT = "\"'.,;:!?()[]{}<>*\u2018\u2019\u201c\u201d-_|/\\"


@dataclass(frozen=True)
class TextQuality:
    chars: int               # printable, non-space characters
    bad_char_ratio: float    # unmapped glyphs / chars
    wordlike_ratio: float    # word-like tokens / tokens
    common_ratio: float | None = None   # common English words / alphabetic tokens (long pages)


def _is_bad_char(ch: str) -> bool:
    if ch == "\ufffd":
        return True
    category = unicodedata.category(ch)
    return category in ("Co", "Cs", "Cn") or (category == "Cc" and ch not in "\n\r\t")


def _is_wordlike(token: str) -> bool:
    core = token.strip(_EDGE_PUNCT)
    if not core:
        return False
    if _NUMBER.fullmatch(core):
        return True
    if not _ALPHA.fullmatch(core):
        return False
    if len(core) >= 4 and not (_VOWELS & set(core)):
        return core.isupper() and len(core) <= 6      # acronyms: "MMPI", "CPT" pass
    return True


def text_quality(text: str) -> TextQuality:
    text = _CID.sub("\ufffd", text)
    visible = [ch for ch in text if not ch.isspace()]
    chars = len(visible)
    bad = sum(_is_bad_char(ch) for ch in visible)
    tokens = text.split()
    wordlike = sum(_is_wordlike(tok) for tok in tokens)
    alpha = [core.lower() for core in (tok.strip(_EDGE_PUNCT) for tok in tokens)
             if core.isalpha()]
    common = (sum(word in COMMON_WORDS for word in alpha) / len(alpha)
              if len(alpha) >= COMMON_WORD_MIN_TOKENS else None)
    return TextQuality(
        chars=chars - bad,
        bad_char_ratio=bad / chars if chars else 0.0,
        wordlike_ratio=wordlike / len(tokens) if tokens else 0.0,
        common_ratio=common,
    )


def is_garbage(quality: TextQuality, min_wordlike_ratio: float) -> bool:
    """Mostly unmapped glyphs, mostly non-words, or long text without one common word."""
    return (quality.bad_char_ratio > 0.1 or quality.wordlike_ratio < min_wordlike_ratio
            or (quality.common_ratio is not None and quality.common_ratio < 0.02))


def clean_text(text: str) -> str:
    """Normalise a text layer: LF line ends, no control characters, no trailing blanks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")

"""The spaCy pipeline shared by segmentation and classification.

``spacy.blank("en")`` plus one registered component, ``claimdocs_patterns``, that matches the
phrase and token patterns kept in ``models/`` (JSONL, one pattern a line):

- ``models/doc_types.jsonl``: ``{"type", "kind": "title"|"cue", "pattern", "weight", "role"?}``
  (or ``"product"``: slots of alternatives expanded to phrases, see ``expand``).
  Title patterns both open a document (segmentation, when they sit on a title-like line near
  the top of a page) and type it (classification); cue patterns only type it.
- ``models/segment_markers.jsonl``: ``{"role", "pattern", "weight"}``: closing markers,
  proof-of-service pages, fax-cover cues, cover-letter cues.

A string pattern is a phrase matched on lower-cased tokens; a list is a spaCy Matcher token
pattern (slow on long pages: prefer phrases); ``"regex"`` rows match ``doc.text`` (costly:
rebuilding the text of a page costs as much as tokenizing it, so none is used today). Overlapping hits keep the longest (``notice of utilization review determination`` wins
over ``utilization review``). Nothing is downloaded; the patterns are the whole model.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import spacy
from rapidfuzz import fuzz
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

MODELS_DIR = Path(__file__).resolve().parents[2] / "models"
PATTERN_FILES = ("doc_types.jsonl", "segment_markers.jsonl")
#: texts longer than this are cut before matching (a page is a few thousand characters)
MAX_CHARS = 20_000


@dataclass(frozen=True)
class PatternSpec:
    type: str | None       # a contract document type, or None for segmentation markers
    kind: str                 # "title" | "cue" | "marker"
    weight: float
    role: str | None       # fax_cover, closing, service_page, fax_cue, own_report_cover, ...


@dataclass(frozen=True)
class Hit:
    type: str | None
    kind: str
    weight: float
    role: str | None
    start: int                # character offsets in the matched text
    end: int
    text: str


def load_specs(models_dir: Path = MODELS_DIR) -> list[tuple[PatternSpec, str | list]]:
    specs: list[tuple[PatternSpec, str | list]] = []
    for name in PATTERN_FILES:
        path = models_dir / name
        if not path.exists():
            continue
        for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            row = json.loads(line)
            kind = row.get("kind", "marker")
            if kind not in ("title", "cue", "marker"):
                raise ValueError(f"{path}:{line_no}: unknown kind {kind!r}")
            spec = PatternSpec(row.get("type"), kind, float(row.get("weight", 1.0)),
                               row.get("role"))
            if "product" in row:
                patterns = expand(row["product"])
            elif "regex" in row:
                patterns = [re.compile(row["regex"], re.I)]
            else:
                patterns = [row["pattern"]]
            specs.extend((spec, pattern) for pattern in patterns)
    return specs


def expand(product: list[list[str]]) -> list[str]:
    """Every phrase of a ``"product"`` row: one choice per slot, "" skips the slot, a choice
    ending in "-" is joined to the next without a space ("ml-" + "201" -> "ml-201")."""
    phrases = [""]
    for slot in product:
        grown = []
        for head in phrases:
            for choice in slot:
                if not choice:
                    grown.append(head)
                elif not head or head.endswith("-"):
                    grown.append(head + choice)
                else:
                    grown.append(f"{head} {choice}")
        phrases = grown
    return sorted({p for p in phrases if p})


if not Doc.has_extension("pattern_hits"):
    Doc.set_extension("pattern_hits", default=None)


class PatternComponent:
    """Matches every pattern of models/ and stores non-overlapping ``Hit``s on ``doc._``."""

    def __init__(self, nlp: Language, models_dir: str):
        self.specs: list[PatternSpec] = []
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.tokens = Matcher(nlp.vocab)
        self.regexes: list[tuple[int, re.Pattern]] = []
        for index, (spec, pattern) in enumerate(load_specs(Path(models_dir))):
            key = f"claimdocs_p{index}"
            self.specs.append(spec)
            if isinstance(pattern, str):
                self.phrases.add(key, [nlp.make_doc(pattern)])
            elif isinstance(pattern, re.Pattern):
                self.regexes.append((index, pattern))
            else:
                self.tokens.add(key, [pattern])
        self.index = {nlp.vocab.strings[f"claimdocs_p{i}"]: i for i in range(len(self.specs))}

    def __call__(self, doc: Doc) -> Doc:
        raw = [(self.index[m], start, end) for m, start, end in self.phrases(doc)]
        if len(self.tokens):
            raw += [(self.index[m], start, end) for m, start, end in self.tokens(doc)]
        text = doc.text if self.regexes else ""
        for spec_index, regex in self.regexes:
            for found in regex.finditer(text):
                span = doc.char_span(found.start(), found.end(), alignment_mode="expand")
                if span is not None:
                    raw.append((spec_index, span.start, span.end))
        # group by family so a marker never hides a type hit (and vice versa)
        by_family: dict[str, list[tuple[int, int, int]]] = {}
        for spec_index, start, end in raw:
            spec = self.specs[spec_index]
            family = "type" if spec.type else f"role:{spec.role}"
            by_family.setdefault(family, []).append((spec_index, start, end))
        hits: list[Hit] = []
        for matches in by_family.values():
            taken: list[tuple[int, int]] = []
            for spec_index, start, end in sorted(
                    matches, key=lambda m: (m[1] - m[2], self.specs[m[0]].kind != "title", m[1])):
                if any(start < t_end and t_start < end for t_start, t_end in taken):
                    continue
                taken.append((start, end))
                spec = self.specs[spec_index]
                span = doc[start:end]
                hits.append(Hit(spec.type, spec.kind, spec.weight, spec.role,
                                span.start_char, span.end_char, span.text))
        doc._.pattern_hits = sorted(hits, key=lambda h: h.start)
        return doc


@Language.factory("claimdocs_patterns", default_config={"models_dir": str(MODELS_DIR)})
def make_pattern_component(nlp: Language, name: str, models_dir: str) -> PatternComponent:
    return PatternComponent(nlp, models_dir)


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("claimdocs_patterns")
    return nlp


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                         "\u2013": "-", "\u2014": "-", "\u00a0": " "})


def normalize(text: str) -> str:
    """Typographic quotes and dashes to ASCII; same length-insensitive meaning for matching."""
    return text.translate(_QUOTES)[:MAX_CHARS]


def find_hits(texts: Iterable[str], batch_size: int = 64) -> list[list[Hit]]:
    """Pattern hits for each text (one spaCy Doc per text, via ``nlp.pipe``)."""
    nlp = get_nlp()
    return [list(doc._.pattern_hits or [])
            for doc in nlp.pipe((normalize(t) for t in texts), batch_size=batch_size)]


_DATE_START = re.compile(r"^\s*(\d{1,2}[/-]\d{1,2}|\d{4}-\d{2}|[A-Z][a-z]{2,8}\.? \d{1,2},)")
_ALNUM = re.compile(r"[A-Za-z0-9]")
#: a list item ("- Request for Authorization ...", "• MRI report") names a record, not a title
_LIST_ITEM = re.compile(r"^\s*[-\u2013\u2014\u2022*\u25aa\u25cf>]\s")
#: "... dated 10/15/2024", "of 03/11/2025": the line cites another document by its date
_CITES_DATED = re.compile(r"\b(dated|of|on)\s+\(?\d{1,2}[/-]\d{1,2}[/-]\d{2,4}", re.I)
#: labels whose value names ANOTHER thing (the treatment, the subject), not this document
_REFERENCE_LABEL = re.compile(
    r"^\W*(re|subject|regarding|ref|reference|requested|request|treatment|service|services|"
    r"procedure|item|items|study|diagnosis|description|enclosure|enclosures|cc)\s*[:.]", re.I)


#: "VIA FACSIMILE", "By fax and U.S. mail", "Sent via fax": how a letter was sent, not its name
_DELIVERY_LINE = re.compile(r"^\W*(?:sent\s+)?(?:via|by)\b", re.I)


def is_title_line(line: str, hit: Hit, max_tokens: int = 12, min_cover: float = 0.3,
                  reference: bool = False) -> bool:
    """Is ``hit`` the heading of ``line`` rather than a mention inside a sentence or a list?

    A heading line is short, is not a list item or a delivery notation ("VIA FACSIMILE"), does
    not start with a date or cite another document by its date (records lists do both), and the
    matched
    phrase makes up a good part of its letters. ``reference``: instead accept only a title given
    as the value of a reference label ("Re: Panel Qualified Medical Evaluation"), which may
    name this document or another one (the treatment a UR letter decides).
    """
    if len(line.split()) > max_tokens or _DATE_START.match(line) or _LIST_ITEM.match(line):
        return False
    if _DELIVERY_LINE.match(line[:hit.start]):
        return False                      # a delivery notation: "VIA FACSIMILE"
    if _CITES_DATED.search(line[hit.end:]):
        return False
    before = line[:hit.start]
    is_reference = bool(_REFERENCE_LABEL.match(before))     # "Re: MRI of the ...", "Subject:"
    if is_reference != reference:
        return False
    if is_reference:
        before = _REFERENCE_LABEL.sub("", before)

    if sum(1 for word in before.split() if word[:1].islower()) >= 2:
        return False                      # inside a sentence: "enclosed please find my ..."
    if line.rstrip().endswith(".") and len(line.split()) > 5:
        return False
    return coverage(line, hit) >= min_cover


def coverage(line: str, hit: Hit) -> float:
    """Share of the line's letters and digits that the hit covers."""
    letters = len(_ALNUM.findall(line))
    return len(_ALNUM.findall(hit.text)) / letters if letters else 0.0


def line_hits(pages: Iterable[list[str]], batch_size: int = 64) -> list[list[list[Hit]]]:
    """Hits per line, for many pages at once: one spaCy Doc per page (its lines joined by
    newlines, which no pattern crosses), offsets relative to each line."""
    pages = [list(lines) for lines in pages]
    joined = []
    for lines in pages:
        text, total, kept = [], 0, 0
        for line in lines:
            if total + len(line) > MAX_CHARS:
                break
            text.append(line.translate(_QUOTES))
            total += len(line) + 1
            kept += 1
        joined.append("\n".join(text))
    out = []
    for lines, doc in zip(pages, get_nlp().pipe(joined, batch_size=batch_size)):
        starts, offset = [], 0
        for line in lines:
            starts.append(offset)
            offset += len(line) + 1
        per_line: list[list[Hit]] = [[] for _ in lines]
        for hit in doc._.pattern_hits or []:
            index = bisect_right(starts, hit.start) - 1
            per_line[index].append(replace(hit, start=hit.start - starts[index],
                                           end=hit.end - starts[index]))
        out.append(per_line)
    return out


def titles_of(lines: list[str], per_line: list[list[Hit]], reference: bool = False,
              fuzzy: bool = False) -> list[tuple[int, Hit]]:
    """(line index, hit) for every title pattern that is the heading of its line. ``fuzzy``
    (for OCR text): a heading line with no exact title may still read as one."""
    out = []
    for index, (line, hits) in enumerate(zip(lines, per_line)):
        found = [hit for hit in hits
                 if hit.kind == "title" and is_title_line(line.translate(_QUOTES), hit,
                                                          reference=reference)]
        if not found and fuzzy and not reference and not any(h.kind == "title" for h in hits):
            near = fuzzy_title(line)
            found = [near] if near else []
        out.extend((index, hit) for hit in found)
    return out


def title_hits(lines: list[str], reference: bool = False,
               fuzzy: bool = False) -> list[tuple[int, Hit]]:
    """(line index, hit) for every title pattern that is the heading of its line."""
    return titles_of(lines, line_hits([lines])[0], reference=reference, fuzzy=fuzzy)


#: fuzzy titles: similarity (0-100) and shortest phrase considered (OCR misreads a letter or
#: two of a long title: "EMPLOYER' Ss REPORT OF OCCUPATIONAL INJURY")
FUZZY_MIN_SCORE = 90
FUZZY_MIN_CHARS = 14
#: share of capital letters a line needs before a fuzzy title is guessed for it
FUZZY_MIN_UPPER = 0.7
_LETTERS = re.compile(r"[^a-z]+")


def _squash(text: str) -> str:
    return " ".join(_LETTERS.sub(" ", text.lower()).split())


@lru_cache(maxsize=1)
def _title_phrases() -> tuple[list[str], list[PatternSpec]]:
    phrases, specs = [], []
    for spec, pattern in load_specs():
        if spec.kind == "title" and spec.type and isinstance(pattern, str):
            squashed = _squash(pattern)
            if len(squashed) >= FUZZY_MIN_CHARS:
                phrases.append(squashed)
                specs.append(spec)
    return phrases, specs


def fuzzy_title(line: str) -> Hit | None:
    """The title a noisy heading line most likely reads, when it is close enough."""
    squashed = _squash(line)
    if len(squashed) < FUZZY_MIN_CHARS or len(line.split()) > 12 or _DATE_START.match(line):
        return None
    letters = [c for c in line if c.isalpha()]
    if sum(c.isupper() for c in letters) < FUZZY_MIN_UPPER * len(letters):
        return None               # a guessed title must at least look like one: capitals
    phrases, specs = _title_phrases()
    best = None
    for phrase, spec in zip(phrases, specs):
        if len(phrase) < 0.6 * len(squashed) or len(phrase) > 1.25 * len(squashed):
            continue
        score = fuzz.partial_ratio(phrase, squashed, score_cutoff=FUZZY_MIN_SCORE)
        if score and (best is None or (score, len(phrase)) > best[:2]):
            best = (score, len(phrase), spec)
    if best is None:
        return None
    spec = best[2]
    return Hit(spec.type, "title", spec.weight, spec.role, 0, len(line), line.strip())

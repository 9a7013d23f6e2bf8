"""Body parts: the one vocabulary (``models/body_parts.jsonl``) and its canonical names.

Canonical names (sample_docs/TRUTH_FORMAT.md): ``cervical spine``, ``thoracic spine``,
``lumbar spine``, ``right|left|bilateral`` + ``shoulder|elbow|wrist|hand|hip|knee|ankle|foot``,
``head``, ``psyche``, ``internal``. A limb part without a side ("the knee") has no canonical name
and is not reported. Sides are read before the part ("rt shoulder", "R knee", "bilateral
knees", "right and left wrists"), after it ("shoulder, right", "knee (left)", "knees
bilaterally"), and carried along a list ("right shoulder, elbow and wrist").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

VOCABULARY = Path(__file__).resolve().parents[2] / "models" / "body_parts.jsonl"

__all__ = ["CANONICAL_BODY_PARTS", "find_body_parts", "merge_sides", "normalize_body_part"]


@dataclass(frozen=True)
class _Vocabulary:
    sides: dict[str, str]                  # written side -> right / left / bilateral
    sided: dict[str, str]                  # written limb part -> shoulder, knee, ...
    parts: dict[str, tuple[str, ...]]      # written unsided part -> canonical name(s)
    regexes: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]
    pattern: re.Pattern[str]


def _alternation(terms: list[str]) -> str:
    ordered = sorted(set(terms), key=len, reverse=True)
    out = []
    for term in ordered:
        parts = [re.escape(word) for word in re.split(r"([ -])", term)]
        out.append("".join({" ": r"[ \t]+", "-": r"[-\s]?"}.get(p, p) for p in parts))
    return "|".join(out)


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    sides: dict[str, str] = {}
    sided: dict[str, str] = {}
    parts: dict[str, tuple[str, ...]] = {}
    regexes: list[tuple[re.Pattern[str], tuple[str, ...]]] = []
    for line in VOCABULARY.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        names = (entry["canonical"],) + ((entry["also"],) if entry.get("also") else ())
        for term in entry.get("terms", []):
            key = term.lower()
            if entry["kind"] == "side":
                sides[key] = entry["canonical"]
            elif entry["kind"] == "sided":
                sided[key] = entry["canonical"]
            else:
                parts[key] = names
        for regex in entry.get("regex", []):
            regexes.append((re.compile(r"\b" + regex, re.IGNORECASE), names))
    side_re = _alternation(list(sides))
    limb_re = _alternation(list(sided))
    part_re = _alternation(list(parts))
    # sided limb with the side before it, optionally "upper"/"lower"/"the"; or after it
    pattern = re.compile(
        r"(?<![A-Za-z0-9/])(?:"
        r"(?P<side>" + side_re + r")[ \t]*\n?[ \t]*(?:the[ \t]+)?(?P<limb>" + limb_re + r")"
        r"|(?P<limb2>" + limb_re + r")(?:(?:[ \t]+[a-z]+){0,2}[ \t]*[,(\-][ \t]*|[ \t]+)(?P<side2>"
        r"right|left|rt\.?|lt\.?|bilateral(?:ly)?|bilat\.?)\)?"
        r"(?![ \t]*(?:and[ \t]+)?(?:the[ \t]+)?(?:" + limb_re + r"|(?:upper|lower)[ \t]+(?:extremit|limb)|side\b))"
        r"|(?P<limb3>" + limb_re + r")"
        r"|(?P<part>" + part_re + r")"
        r")(?![A-Za-z0-9])", re.IGNORECASE)
    return _Vocabulary(sides, sided, parts, tuple(regexes), pattern)


CANONICAL_BODY_PARTS: tuple[str, ...] = (
    "cervical spine", "thoracic spine", "lumbar spine",
    *(f"{side} {part}" for side in ("right", "left", "bilateral")
      for part in ("shoulder", "elbow", "wrist", "hand", "hip", "knee", "ankle", "foot")),
    "head", "psyche", "internal",
)


def _side(written: str | None) -> str | None:
    if not written:
        return None
    key = re.sub(r"[ \t]+", " ", written.lower().strip())
    if key.startswith("bilateral"):
        return "bilateral"
    vocab = _vocabulary()
    return vocab.sides.get(key) or vocab.sides.get(key.rstrip("."))


def _limb(written: str) -> str | None:
    return _vocabulary().sided.get(re.sub(r"[ \t]+", " ", written.lower()))


#: a list continues a side: "right shoulder, elbow and wrist"
_LIST_GAP = re.compile(r"[ \t]*(?:,|and|&|/|,[ \t]*and)[ \t]*(?:the[ \t]+)?", re.IGNORECASE)


def find_body_parts(text: str) -> list[tuple[str, int, int]]:
    """Every body part named in ``text``: (canonical name, start, end), in order."""
    vocab = _vocabulary()
    out: list[tuple[str, int, int]] = []
    carried: tuple[str, int] | None = None          # (side, end of the mention carrying it)
    for match in vocab.pattern.finditer(text):
        start, end = match.span()
        if match.group("part"):
            names = vocab.parts.get(re.sub(r"[ \t]+", " ", match.group("part").lower()))
            if names is None:
                names = next((n for key, n in vocab.parts.items()
                              if re.fullmatch(_alternation([key]), match.group("part"),
                                              re.IGNORECASE)), ())
            out.extend((name, start, end) for name in names)
            carried = None
            continue
        if match.group("limb"):
            side, limb = _side(match.group("side")), _limb(match.group("limb"))
        elif match.group("limb2"):
            side, limb = _side(match.group("side2")), _limb(match.group("limb2"))
        else:
            limb, side = _limb(match.group("limb3")), None
            if carried and _LIST_GAP.fullmatch(text[carried[1]:start]):
                side = carried[0]
        if limb is None or side is None:
            carried = None
            continue
        out.append((f"{side} {limb}", start, end))
        carried = (side, end)
    for regex, names in vocab.regexes:
        for match in regex.finditer(text):
            if not any(s < match.end() and match.start() < e for _, s, e in out):
                out.extend((name, match.start(), match.end()) for name in names)
    out.sort(key=lambda item: (item[1], item[2]))
    return out


def normalize_body_part(text: str) -> str | None:
    """One written body part -> its canonical name, or None ("Rt. Shoulder" -> "right shoulder")."""
    cleaned = re.sub(r"\s+", " ", text.strip().strip(".,;:")).lower()
    if cleaned in CANONICAL_BODY_PARTS:
        return cleaned
    found = find_body_parts(text.strip())
    names = {name for name, _, _ in found}
    if len(names) == 1:
        return names.pop()
    return None


def merge_sides(names: list[str]) -> list[str]:
    """One name per joint: a joint named on both sides, or also as "bilateral", is
    ``bilateral <joint>`` (sample_docs/TRUTH_FORMAT.md: a record about both wrists names
    "bilateral wrist"), placed where the joint is first named; order is kept otherwise."""
    sides: dict[str, set[str]] = {}
    for name in names:
        side, _, joint = name.partition(" ")
        if side in ("right", "left", "bilateral"):
            sides.setdefault(joint, set()).add(side)
    out: list[str] = []
    for name in names:
        side, _, joint = name.partition(" ")
        if side in ("right", "left", "bilateral") and len(sides[joint]) > 1:
            name = f"bilateral {joint}"
        if name not in out:
            out.append(name)
    return out

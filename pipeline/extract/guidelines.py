"""Treatment-guideline citations (MTUS, ACOEM, ODG and others) named in UR/IMR text.

``find_guidelines(text)`` returns each citation once, in order of first mention, as a canonical
name: ``"MTUS"``, ``"MTUS Chronic Pain"``, ``"MTUS Drug Formulary"``, ``"ACOEM"``,
``"ACOEM Chapter 12"``, ``"ODG"``, ``"ODG Low Back"``, ``"MCG"``, ``"InterQual"``, ...
Spelled-out names ("Medical Treatment Utilization Schedule", "Official Disability Guidelines")
and OCR-noisy ones ("0DG", "ACOEM Ch. l2") map to the same names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OCR_DIGIT = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})

# (canonical base, pattern); order matters only for overlapping spans (longest wins below)
_BASES: list[tuple[str, str]] = [
    ("MTUS", r"\bCA[\s-]*MTUS\b|\bM\s?T\s?U\s?S\b|Medical\s+Treatment\s+Utili[sz]ation\s+Schedule"),
    ("ACOEM", r"\bAC[O0]EM\b|American\s+College\s+of\s+Occupational\s+and\s+Environmental\s+Medicine"),
    ("ODG", r"\b[O0]DG\b|Official\s+Disability\s+Guidelines?"),
    ("MCG", r"\bMCG\b|Milliman\s+Care\s+Guidelines?"),
    ("InterQual", r"\bInter\s?Qual\b"),
    ("AAOS", r"\bAAOS\b|American\s+Academy\s+of\s+Orthopa?edic\s+Surgeons"),
    ("NASS", r"\bNASS\b|North\s+American\s+Spine\s+Society"),
    ("Hayes", r"\bHayes\s+(?:Directory|Inc|Technology|Medical)"),
    ("UpToDate", r"\bUp\s?To\s?Date\b"),
    ("Medicare NCD/LCD", r"\b(?:National|Local)\s+Coverage\s+Determination\b|\b[NL]CD\s+L?\d+"),
]
_BASE_RES = [(name, re.compile(pat, re.IGNORECASE)) for name, pat in _BASES]

#: MTUS parts named after the schedule
_MTUS_PARTS: list[tuple[str, re.Pattern[str]]] = [
    ("MTUS Chronic Pain", re.compile(r"Chronic\s+Pain(?:\s+Medical\s+Treatment)?", re.I)),
    ("MTUS Drug Formulary", re.compile(r"(?:Drug\s+)?Formulary", re.I)),
    ("MTUS Postsurgical", re.compile(r"Post[\s-]?surgical(?:\s+Treatment)?", re.I)),
    ("MTUS Opioids", re.compile(r"Opioids?\s+Treatment", re.I)),
    ("MTUS Acupuncture", re.compile(r"Acupuncture\s+Medical\s+Treatment", re.I)),
]
_CHAPTER = re.compile(r"^[\s,:;(\-–]*(?:Practice\s+Guidelines?,?\s*(?:\d(?:nd|rd|th)\s+Ed(?:ition|\.)?,?\s*)?)?"
                      r"(?:Chapter|Chap\.?|Ch\.?)\s*([0-9OIl|]{1,2})\b", re.I)
_TOPICS = ("Low Back", "Neck and Upper Back", "Shoulder", "Knee", "Elbow", "Hand", "Wrist",
           "Forearm", "Ankle", "Foot", "Hip", "Pain", "Mental", "Stress", "Carpal Tunnel")
_ODG_TOPIC = re.compile(r"^[\s,:;()\-–]*(?:Treatment\s+in\s+Workers'?\s*Comp(?:ensation)?,?\s*)?"
                        r"(?:\(?\s*TWC\s*\)?\s*,?\s*)?(" + "|".join(_TOPICS) + r")\b", re.I)


@dataclass(frozen=True)
class GuidelineCite:
    name: str          # canonical name, with chapter/topic when given
    start: int
    end: int


def _spans(text: str) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for name, rx in _BASE_RES:
        for m in rx.finditer(text):
            spans.append((m.start(), m.end(), name))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[tuple[int, int, str]] = []
    for span in spans:
        if out and span[0] < out[-1][1]:
            continue
        out.append(span)
    return out


def find_guideline_cites(text: str) -> list[GuidelineCite]:
    """Every guideline mention with its span, refined by chapter/topic when one follows."""
    cites: list[GuidelineCite] = []
    for start, end, name in _spans(text):
        tail = text[end:end + 80]
        full = name
        if name == "ACOEM":
            chap = _CHAPTER.match(tail)
            if chap and chap.group(1).translate(_OCR_DIGIT).isdigit():
                full = f"ACOEM Chapter {int(chap.group(1).translate(_OCR_DIGIT))}"
                end += chap.end()
        elif name == "MTUS":
            rest = tail.lstrip(" ,:;-–(")
            for part, rx in _MTUS_PARTS:
                m = rx.match(rest)
                if m:
                    full = part
                    end += len(tail) - len(rest) + m.end()
                    break
        elif name == "ODG":
            topic = _ODG_TOPIC.match(tail)
            if topic:
                full = "ODG " + next(t for t in _TOPICS if t.lower() == topic.group(1).lower())
                end += topic.end()
        cites.append(GuidelineCite(full, start, end))
    return cites


def find_guidelines(text: str) -> list[str]:
    """Canonical guideline names in order of first mention, each once.

    A bare base name ("ACOEM", "ODG", "MTUS") is dropped when a more specific citation of the
    same base is present ("ACOEM Chapter 12", "ODG Low Back", "MTUS Chronic Pain").
    """
    names: list[str] = []
    for cite in find_guideline_cites(text):
        if cite.name not in names:
            names.append(cite.name)
    specific = {n.split(" ")[0] for n in names if " " in n and not n.startswith("Medicare")}
    return [n for n in names if n not in specific]

"""Pure scoring: pattern hits of a document's pages -> (type, confidence, title).

Weights follow where a phrase sits, not which template printed it:

- a title pattern heading a line near the top of the FIRST page names the document
  (``TITLE_TOP``); the first such title counts most, later ones (a letterhead above the real
  title, a subject line) a little less;
- a title pattern elsewhere on the first page is a mention (``TITLE_BODY``); on later pages it
  is usually a records list or a citation (``TITLE_LATER``);
- cues count each pattern at most ``CUE_REPEAT`` times per document;
- a first page that is a letter with no heading title weighs ``LETTER`` for correspondence
  (a transmittal's list of enclosed records must not type it as those records).

Confidence combines the strength of the winner (``1 - exp(-score / STRENGTH_SCALE)``) with its
margin over the runner-up; below ``REVIEW_BELOW`` the document is flagged ``needs_review``.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from pipeline.classify.patterns import Hit

TITLE_TOP = 6.0
TITLE_TOP_LATER = 3.0        # second and further titles in the top lines of the first page
TITLE_BODY = 0.5
#: a title given after "Re:" near the top: this document's name, or what it is about
TITLE_REFERENCE = 3.0
TITLE_LATER = 0.3
CUE = 1.0
CUE_LATER = 0.4
CUE_REPEAT = 2
#: a letter (salutation or "enclosed please find") with no heading title is correspondence
LETTER = 4.0
STRENGTH_SCALE = 3.0
REVIEW_BELOW = 0.5
#: with no pattern at all the type is "other" at this confidence (and needs review)
NO_EVIDENCE_CONFIDENCE = 0.1


@dataclass
class DocumentEvidence:
    """The hits of one document: the first page's title lines, then every page's text."""

    top_titles: list[Hit] = field(default_factory=list)      # in reading order
    page_hits: list[list[Hit]] = field(default_factory=list)  # [0] is the first page
    letter: bool = False                                      # the first page is a letter
    reference_titles: list[Hit] = field(default_factory=list)  # "Re: <title>" near the top


@dataclass
class Verdict:
    type: str
    confidence: float
    title: str | None
    scores: dict[str, float]
    needs_review: bool


def score_types(evidence: DocumentEvidence) -> dict[str, float]:
    scores: dict[str, float] = defaultdict(float)
    for rank, hit in enumerate(h for h in evidence.top_titles if h.type):
        scores[hit.type] += (TITLE_TOP if rank == 0 else TITLE_TOP_LATER) * hit.weight
    if evidence.letter and not any(h.type for h in evidence.top_titles
                                   + evidence.reference_titles):
        scores["correspondence"] += LETTER
    for hit in evidence.reference_titles[:1]:
        scores[hit.type] += TITLE_REFERENCE * hit.weight
    top_spans = {(h.text.lower(), h.type) for h in evidence.top_titles + evidence.reference_titles}
    seen: Counter = Counter()
    for page_index, hits in enumerate(evidence.page_hits):
        for hit in hits:
            if not hit.type:
                continue
            if hit.kind == "title":
                if page_index == 0:
                    if (hit.text.lower(), hit.type) in top_spans:
                        continue          # already counted as the heading
                    scores[hit.type] += TITLE_BODY * hit.weight
                else:
                    scores[hit.type] += TITLE_LATER * hit.weight
                continue
            key = (hit.type, hit.text.lower())
            if seen[key] >= CUE_REPEAT:
                continue
            seen[key] += 1
            scores[hit.type] += (CUE if page_index == 0 else CUE_LATER) * hit.weight
    return dict(scores)


#: medical-legal reports: the same sections and cues (apportionment, WPI, ML codes, LC 4628);
#: which of them a report is follows only from the evaluator's stated role
MEDICAL_LEGAL = ("qme_report", "ame_report")
_ROLE_TEXT = re.compile(r"agreed|\bp?qme\b|\bame\b|qualified|panel", re.IGNORECASE)


def _role_specific(hit: Hit) -> bool:
    return hit.type in MEDICAL_LEGAL and bool(_ROLE_TEXT.search(hit.text))


def medical_legal_role(evidence: DocumentEvidence) -> str | None:
    """AME or QME: a role-naming title at the top decides; otherwise the role-naming phrases of
    the pages ("as the Agreed Medical Evaluator", "Panel QME"), the first page counting most.
    None when they tie (a letterhead "Agreed and Qualified Medical Evaluator" names both)."""
    for hit in evidence.top_titles + evidence.reference_titles[:1]:
        if _role_specific(hit):
            return hit.type
    tally: dict[str, float] = defaultdict(float)
    seen: Counter = Counter()
    for page_index, hits in enumerate(evidence.page_hits):
        spans: set[tuple[int, int, str | None]] = set()
        for hit in hits:
            key = (hit.start, hit.end, hit.type)
            if not _role_specific(hit) or key in spans:
                continue                      # one phrase may be both a title and a cue
            spans.add(key)
            text_key = (hit.type, hit.text.lower())
            if seen[text_key] >= CUE_REPEAT:
                continue
            seen[text_key] += 1
            tally[hit.type] += CUE if page_index == 0 else CUE_LATER
    ranked = sorted(tally.items(), key=lambda kv: -kv[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def decide(evidence: DocumentEvidence) -> Verdict:
    scores = score_types(evidence)
    leader = max(scores, key=lambda t: scores[t]) if scores else None
    if leader in MEDICAL_LEGAL:
        role = medical_legal_role(evidence)
        if role is not None and role != leader and scores.get(role, 0.0) < scores[leader]:
            scores[role], scores[leader] = scores[leader], scores.get(role, 0.0)
    title = next((h.text.strip() for h in evidence.top_titles if h.type), None)
    if not scores:
        return Verdict("other", NO_EVIDENCE_CONFIDENCE, title, scores, True)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    best_type, best = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    strength = 1.0 - math.exp(-best / STRENGTH_SCALE)
    margin = (best - runner_up) / best if best > 0 else 0.0
    confidence = round(strength * (0.5 + 0.5 * margin), 3)
    title_of_type = next((h.text.strip() for h in evidence.top_titles if h.type == best_type),
                         title)
    return Verdict(best_type, confidence, title_of_type, scores, confidence < REVIEW_BELOW)

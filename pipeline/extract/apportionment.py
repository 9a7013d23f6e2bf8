"""Apportionment (LC 4663/4664) per body part, and whether the report explains it.

Reads the apportionment text sentence by sentence. Each percentage is classed as industrial or
non-industrial by the words around it ("80% to the industrial injury", "Non-industrial: 20%",
"20% to pre-existing degenerative disc disease"); sentences take the body part they name, or the
one named before them. "No apportionment" / "100% industrial" mean 100 / 0; "the remainder" is
100 minus the stated share. ``explained`` is True when the text for that body part (or the
section's general reasoning) gives reasons: "because", "based on", MRI or X-ray findings,
degeneration, prior injuries, ... Statute recitals ("Pursuant to Labor Code 4663 ...") are not
reasons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.extract.bodyparts import find_body_parts
from pipeline.extract.impairments import ABBREV
from pipeline.extract.sections import ReportText
from pipeline.model import Apportionment, Evidence

__all__ = ["find_apportionment", "is_explained"]

_PCT = re.compile(r"(?<![0-9.])(?P<n>[0-9O]{1,3}(?:\.[0-9])?)\s*(?:%|percent|per\s*cent)",
                  re.IGNORECASE)
_NONIND = re.compile(
    r"non[\s-]*industrial|nonoccupational|non[\s-]*occupational|not\s+industrial|pre[\s-]*existing"
    r"|degenerat|other\s+factors|natural\s+progression|age[\s-]*related|\bage\b|personal"
    r"|constitutional|congenital|unrelated|non[\s-]*work|(?:prior|previous|earlier)\s+(?:[\w-]+\s+){0,3}"
    r"(?:injur|accident|claim|award|surger|condition|fracture|repair)|arthrit|obesity|genetic"
    r"|subsequent|other\s+causes|outside\s+of\s+work", re.IGNORECASE)
_IND = re.compile(r"industrial|work[\s-]*related|employment|occupational|specific\s+injury"
                  r"|cumulative\s+trauma|\bCT\b|injury\s+of|the\s+injury|AOE", re.IGNORECASE)
_NONE = re.compile(
    r"no\s+(?:basis\s+for\s+|valid\s+|legal\s+)?apportionment|without\s+apportionment"
    r"|apportionment\s+(?:is|would\s+be)\s+not\s+(?:warranted|indicated|appropriate|applicable)"
    r"|(?:not|no)\s+(?:apportion|warrant\s+apportionment)|do\s+not\s+find\s+(?:any\s+)?"
    r"(?:basis\s+for\s+)?apportionment|entirely\s+industrial|solely\s+industrial",
    re.IGNORECASE)
#: what may stand before a body part that labels its paragraph (bullets, numbering, emphasis)
_LABEL_LEAD = re.compile(r"^[\s*_\-\u2022]*(?:\(?(?:[0-9]{1,2}|[a-z]|[ivx]{1,4})[.)]\s*)?"
                         r"(?:(?:the|for\s+the|as\s+to\s+the|regarding\s+the)\s+)?$",
                         re.IGNORECASE)
#: what closes such a label ("Left wrist:", "Lumbar spine (L4-5) -", "Right knee --")
_LABEL_END = re.compile(r"[*_]*\s*(?:\([^)\n]{0,40}\)\s*)?[*_]*\s*(?::|[-\u2013\u2014]{1,2}\s)")
_REMAINDER = re.compile(r"\b(?:remainder|remaining|balance|rest)\b", re.IGNORECASE)
_DEFERRED = re.compile(r"defer|cannot\s+(?:be\s+)?determine|unable\s+to\s+(?:determine|address)"
                       r"|premature", re.IGNORECASE)
REASON = re.compile(
    r"\bbecause\b|\bbased\s+(?:up)?on\b|\bdue\s+to\b|\bgiven\s+(?:the|his|her|their)\b"
    r"|\bas\s+evidenced\b|\bevidenced\s+by\b|\bas\s+shown\b|demonstrat|\bdocument(?:ed|s)\b"
    r"|\bMRI\b|x-?rays?|radiograph|imaging|\bCT\s+scan|degenerat|arthrit|spondylo|stenosis"
    r"|osteophyt|(?:prior|previous|earlier)\s+(?:[\w-]+\s+){0,3}(?:injur|accident|claim|surger"
    r"|award|treatment|history|fracture|repair)"
    r"|\bevidence\b"
    r"|previous\s+(?:injur|accident|claim|surger|award)|history\s+of|\bfindings?\b"
    r"|consistent\s+with|secondary\s+to|\bsince\b|owing\s+to|\breasons?\b|\bexplain"
    r"|natural\s+progression|age[\s-]*related|obes|congenital|\bsmok|diabet|\bthe\s+record"
    r"|\bwhich\s+(?:shows?|showed|revealed|reveals)", re.IGNORECASE)
#: statute recitals and labels that mention reasons without giving any
_BOILERPLATE = re.compile(
    r"labor\s+code|\bLC\s*46|\b466[34]\b|section\s+466|escobedo|benson|statute|statutory"
    r"|requires?\s+(?:that|the\s+physician)|must\s+(?:address|determine)|based\s+on\s+causation"
    r"|substantial\s+medical\s+evidence", re.IGNORECASE)


def is_explained(text: str) -> bool:
    """True when ``text`` gives reasons (statute recitals removed first)."""
    for sentence in re.split(r"(?<=[.;])\s+|\n", text):
        if _BOILERPLATE.search(sentence):
            continue
        cleaned = _PCT.sub(" ", sentence)
        if REASON.search(cleaned):
            return True
    return False


@dataclass
class _Part:
    body_part: str | None
    industrial: float | None = None
    nonindustrial: float | None = None
    text: list[str] = field(default_factory=list)
    evidence: Evidence | None = None
    remainder: bool = False
    none: bool = False


def _sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = 0
    # a full stop before a lower-case word is an OCR speck, not a sentence's end
    for match in re.finditer(ABBREV + r"(?<![0-9]\.[0-9])(?:\.(?!\s+[a-z])|;)(?=\s)|\n(?=\s*"
                             r"(?:[-\u2022*]|[0-9]{1,2}[.)]|[A-Z][A-Za-z ,/&]{2,40}:|\n))",
                             text):
        spans.append((cursor, match.end()))
        cursor = match.end()
    if cursor < len(text):
        spans.append((cursor, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _classify(sentence: str, start: int, end: int) -> str | None:
    """industrial / nonindustrial for the percentage at sentence[start:end]."""
    after = sentence[end:end + 70]
    nxt = _PCT.search(after)
    if nxt:
        after = after[:nxt.start()]
    before = sentence[max(0, start - 45):start]
    prev = list(_PCT.finditer(before))
    if prev:
        before = before[prev[-1].end():]
    # "Industrial: 80%" / "Non-industrial - 20%": a label right before the number wins
    label = re.search(r"([A-Za-z\-\s]{3,30})\s*[:=\-\u2013]?\s*$", before)
    if label and re.search(r"[:=\-\u2013]\s*$", before):
        if _NONIND.search(label.group(1)):
            return "nonindustrial"
        if _IND.search(label.group(1)):
            return "industrial"
    if _NONIND.search(after):
        nonind = _NONIND.search(after)
        ind = _IND.search(after)
        if ind is None or nonind.start() <= ind.start() + 4:
            return "nonindustrial"
        return "industrial"
    if _IND.search(after):
        return "industrial"
    if _NONIND.search(before):
        return "nonindustrial"
    if _IND.search(before):
        return "industrial"
    return None


_COLUMN_LABEL = re.compile(r"non[\s-]*industrial|nonoccupational|other|industrial|occupational",
                           re.IGNORECASE)


def _read_tables(report: ReportText, start: int, end: int, text: str,
                 parts: dict[str | None, _Part]) -> str:
    """Rows under a header "Body part | Industrial | Non-industrial"; returns text without them."""
    chars = list(text)
    order: list[str] | None = None
    misses = 0
    for line in report.lines_between(start, end):
        body = line.text[max(0, start - line.start):]
        labels = [m.group(0) for m in _COLUMN_LABEL.finditer(body)]
        if len(labels) >= 2 and not re.search(r"[0-9]", body):
            order = ["nonindustrial" if _NONIND.search(lab) or lab.lower() == "other"
                     else "industrial" for lab in labels]
            misses = 0
            continue
        if order is None:
            continue
        named = find_body_parts(body)
        percents = list(_PCT.finditer(body))
        if named and len(percents) == len(order) and named[0][1] < 30:
            part = parts.setdefault(named[0][0], _Part(named[0][0]))
            for kind, match in zip(order, percents):
                value = float(match.group("n").replace("O", "0"))
                if kind == "industrial" and part.industrial is None:
                    part.industrial = value
                elif kind == "nonindustrial" and part.nonindustrial is None:
                    part.nonindustrial = value
            part.evidence = part.evidence or report.evidence(line.start, line.end)
            for i in range(max(line.start, start), min(line.end, end)):
                chars[i - start] = " "
            misses = 0
            continue
        misses += 1
        if misses >= 2:
            order = None
    return "".join(chars)


def find_apportionment(report: ReportText, start: int = 0, end: int | None = None,
                       default_parts: list[str] | None = None) -> list[Apportionment]:
    """One Apportionment per body part the text apportions (body_part None: all parts)."""
    end = len(report.text) if end is None else end
    text = report.clean_text(start, end)
    parts: dict[str | None, _Part] = {}
    text = _read_tables(report, start, end, text, parts)
    current: str | None = None
    general: list[str] = []
    for a, b in _sentences(text):
        sentence = text[a:b]
        named = find_body_parts(sentence)
        percents = list(_PCT.finditer(sentence))
        if named:
            current = named[0][0]
        if not percents and not _NONE.search(sentence):
            if named or current is not None:
                if current is not None and current in parts:
                    parts[current].text.append(sentence)
                else:
                    general.append(sentence)
            else:
                general.append(sentence)
            continue
        targets = [name for name, _, _ in named] or [current]
        # a sentence naming several parts with one set of figures applies to each
        if len({t for t in targets}) > 1 and len(percents) > 2:
            targets = [targets[0]]
        # "Left wrist: 90% ... for the same reasons as the right wrist": a part set out as the
        # sentence's label owns its figures; parts named later are only reasons or comparisons
        if named and _LABEL_LEAD.match(sentence[:named[0][1]]) and _LABEL_END.match(
                sentence, named[0][2]):
            targets = [named[0][0]]
        for target in dict.fromkeys(targets):
            part = parts.setdefault(target, _Part(target))
            part.text.append(sentence)
            if part.evidence is None:
                part.evidence = report.evidence(start + a, start + b)
            if _NONE.search(sentence) and not percents:
                part.none = True
            for match in percents:
                value = float(match.group("n").replace("O", "0"))
                if value > 100:
                    continue
                kind = _classify(sentence, match.start(), match.end())
                if kind is None or sentence[match.end():].strip() in ("", "."):
                    # "20%. by other factors": an OCR full stop inside the sentence
                    tail = text[a + match.end():a + match.end() + 80]
                    if re.match(r"\.\s+[a-z]", tail):
                        kind = _classify(sentence[:match.end()] + tail[1:], match.start(),
                                         match.end()) or kind
                if kind == "industrial" and part.industrial is None:
                    part.industrial = value
                    if _REMAINDER.search(sentence[match.end():]) and _NONIND.search(
                            sentence[match.end():]):
                        part.remainder = True
                elif kind == "nonindustrial" and part.nonindustrial is None:
                    part.nonindustrial = value
    out: list[Apportionment] = []
    general_text = " ".join(general)
    for key, part in parts.items():
        if part.industrial is None and part.nonindustrial is None and not part.none:
            continue
        industrial, nonindustrial = part.industrial, part.nonindustrial
        if part.none and industrial is None and nonindustrial is None:
            industrial, nonindustrial = 100.0, 0.0
        if industrial == 100 and nonindustrial is None:
            nonindustrial = 0.0
        if part.remainder and industrial is not None and nonindustrial is None:
            nonindustrial = 100 - industrial
        if nonindustrial is not None and industrial is None and re.search(
                r"remainder|remaining|balance", " ".join(part.text), re.IGNORECASE):
            industrial = 100 - nonindustrial
        explained = is_explained(" ".join(part.text)) or is_explained(general_text)
        out.append(Apportionment(key, _tidy(industrial), _tidy(nonindustrial), explained,
                                 part.evidence))
    if not out and _NONE.search(general_text):
        out.append(Apportionment(None, 100, 0, True, None))
    return out


def _tidy(value: float | None) -> float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def apportionment_deferred(text: str) -> bool:
    return bool(_DEFERRED.search(text))

"""DOI_MISMATCH and CLAIMANT_MISMATCH: a document that does not fit the claim it is filed in.

Decisions:
- A specific date of injury inside the claim's continuous-trauma period, or equal to its end
  (the LC 5412 date), matches that period; a CT period containing the claim's specific DOI
  matches it too; two CT periods match when one contains the other.
- A document already flagged CLAIMANT_MISMATCH gets no DOI_MISMATCH: the misfiling is the error.
- Names compare fuzzily (rapidfuzz) without titles or middle initials, "LAST, FIRST" reordered;
  a name ``NAME_OCR_EDITS`` characters from the claimant's (an OCR misreading) is the claimant.
- Claim numbers compare exactly after removing punctuation and reading O as 0 and I/l/| as 1.
  A number that may be the claim's own misread (truncated, or one OCR-confusable character
  off) is unreadable, not another claim's: only a clearly different number is a mismatch.
- The claim's own numbers (``own_claim_numbers``) are those of the claim form, employer's
  report and Doctor's First Report, the most common one, and any on two or more documents and
  a quarter of the numbered ones; a number on one or two records only is another claim's.
"""

from __future__ import annotations

import datetime as dt
import re

from rapidfuzz.distance import Levenshtein

from pipeline.analyze.findings import cap, doc_label, evidence_for, make_finding, us_date
from pipeline.analyze.matching import name_tokens, same_person
from pipeline.analyze.rules.context import RuleContext, live_documents
from pipeline.model import ClaimFile, DateRange, Document, Finding, InjuryDate


def doi_matches(stated: InjuryDate, known: InjuryDate) -> bool:
    if isinstance(stated, DateRange) and isinstance(known, DateRange):
        return (stated == known or (stated.start >= known.start and stated.end <= known.end)
                or (known.start >= stated.start and known.end <= stated.end))
    if isinstance(known, DateRange):
        return isinstance(stated, dt.date) and known.contains(stated)
    if isinstance(stated, DateRange):
        return stated.contains(known)
    return stated == known


def normalize_claim_number(number: str) -> str:
    text = number.upper().replace("|", "1")
    text = re.sub(r"[^A-Z0-9]", "", text)
    # OCR confusions, only where a digit is expected: next to another digit
    text = re.sub(r"(?<=\d)[OQ]|[OQ](?=\d)", "0", text)
    text = re.sub(r"(?<=\d)[IL]|[IL](?=\d)", "1", text)
    return text


def same_claim_number(a: str, b: str) -> bool:
    na, nb = normalize_claim_number(a), normalize_claim_number(b)
    if not na or not nb:
        return True
    if na == nb:
        return True
    shorter, longer = sorted((na, nb), key=len)
    # "05-123456" and "05123456-001" (a sub-claim suffix)
    return len(shorter) >= 6 and longer.startswith(shorter)


#: digits OCR mistakes for one another (a scan's "05-431403" read as "05-481403")
_OCR_DIGITS = (frozenset("0689"), frozenset("3568"), frozenset("147"), frozenset("27"),
               frozenset("49"), frozenset("0DQ"), frozenset("1IL7"), frozenset("5S"),
               frozenset("8B"), frozenset("2Z"))
#: the shortest part of a claim number that can still be told from another claim's
_MIN_READABLE = 3


def unreadable_claim_number(a: str, b: str) -> bool:
    """Whether ``a`` may be ``b`` misread rather than another claim's number: a truncation
    ("05-431" or "431403" for "05-431403") or one OCR-confusable character off ("05-431408")."""
    na, nb = normalize_claim_number(a), normalize_claim_number(b)
    if not na or not nb or na == nb:
        return False
    shorter, longer = sorted((na, nb), key=len)
    if len(shorter) < len(longer):
        return len(shorter) >= _MIN_READABLE and (longer.startswith(shorter)
                                                  or longer.endswith(shorter))
    diffs = [(x, y) for x, y in zip(na, nb, strict=True) if x != y]
    return len(na) >= 6 and len(diffs) == 1 and any(
        set(diffs[0]) <= group for group in _OCR_DIGITS)


def matches_claim_number(number: str, claim_numbers: list[str]) -> bool:
    """The number is one of the claim's, or a misreading of one (never another claim's)."""
    return any(same_claim_number(number, n) or unreadable_claim_number(number, n)
               for n in claim_numbers)


def _misread_name(a: str | None, b: str | None) -> bool:
    """Two spellings of one name that OCR may produce from each other: the same words in the
    same order, at most ``NAME_OCR_EDITS`` characters apart in all."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if len(ta) != len(tb):
        # a middle name read on one side only: compare first and last words
        ta, tb = [ta[0], ta[-1]], [tb[0], tb[-1]]
    return sum(Levenshtein.distance(x, y) for x, y in zip(ta, tb, strict=True)) <= \
        NAME_OCR_EDITS and all(Levenshtein.distance(x, y) < max(2, len(x) // 2)
                               for x, y in zip(ta, tb, strict=True))


#: characters an OCR'd name may be off from the claimant's and still be the claimant
NAME_OCR_EDITS = 2


def different_claimant(name: str | None, claimant: str | None) -> bool:
    return same_person(name, claimant) is False and not _misread_name(name, claimant)


def claimant_problems(doc: Document, claimant: str | None,
                      claim_numbers: list[str]) -> dict:
    problems: dict = {}
    if different_claimant(doc.claimant_name, claimant):
        problems["claimant_name"] = doc.claimant_name
        problems["expected_claimant"] = claimant
    if doc.claim_number and claim_numbers and not matches_claim_number(doc.claim_number,
                                                                       claim_numbers):
        problems["claim_number"] = doc.claim_number
        problems["expected_claim_numbers"] = list(claim_numbers)
    return problems


CLAIM_TYPES = ("claim_form", "employer_report", "doctor_first_report")
#: a claim number on at least this share of the numbered documents belongs to the file
OWN_NUMBER_SHARE = 0.25


def own_claim_numbers(claim: ClaimFile) -> list[str]:
    """The claim numbers of this claim file: those of the claim form, employer's report and
    Doctor's First Report, the most common one, and any on two or more documents and a quarter
    of the numbered documents.
    The consolidated facts list every number seen, a misfiled record's included."""
    docs = [d for d in claim.documents if d.duplicate_of is None and d.claim_number]
    # a truncated reading ("05-431" of "05-431403") is no number of its own
    docs = [d for d in docs if not any(
        len(normalize_claim_number(o.claim_number or "")) >
        len(normalize_claim_number(d.claim_number or ""))
        and unreadable_claim_number(d.claim_number or "", o.claim_number or "") for o in docs)]
    if not docs:
        return list(claim.claim.claim_numbers)
    groups: list[list[Document]] = []
    for doc in docs:
        group = next((g for g in groups if same_claim_number(g[0].claim_number or "",
                                                             doc.claim_number or "")), None)
        if group is None:
            groups.append([doc])
        else:
            group.append(doc)
    groups.sort(key=len, reverse=True)
    own = [g for g in groups
           if g is groups[0] or any(d.type in CLAIM_TYPES for d in g)
           or len(g) >= max(2, OWN_NUMBER_SHARE * len(docs))]
    return [g[0].claim_number or "" for g in own]


def misfiled_ids(claim: ClaimFile) -> set[str]:
    """Documents naming another claimant or claim number."""
    numbers = own_claim_numbers(claim)
    return {d.id for d in claim.documents
            if claimant_problems(d, claim.claim.claimant_name, numbers)}


def claimant_mismatch(claim: ClaimFile, ctx: RuleContext) -> list[Finding]:
    facts = claim.claim
    numbers = own_claim_numbers(claim)
    out = []
    for doc in claim.documents:
        if doc.duplicate_of is not None:
            continue
        problems = claimant_problems(doc, facts.claimant_name, numbers)
        if not problems:
            continue
        what = []
        if "claimant_name" in problems:
            what.append(f"claimant {problems['claimant_name']} (this claim: {facts.claimant_name})")
        if "claim_number" in problems:
            what.append(f"claim number {problems['claim_number']} (this claim: "
                        f"{', '.join(numbers)})")
        message = (f"{cap(doc_label(doc))} names {' and '.join(what)} and may be "
                   "misfiled in this claim file.")
        out.append(make_finding(
            "CLAIMANT_MISMATCH", "medium", message, document=doc,
            evidence=evidence_for(doc, "claimant_name", "claim_number"), details=problems))
    return out


def doi_mismatch(claim: ClaimFile, ctx: RuleContext) -> list[Finding]:
    known = claim.claim.dates_of_injury
    if not known:
        return []
    misfiled = misfiled_ids(claim)
    sources = _doi_sources(claim)
    out = []
    for doc in live_documents(claim):
        stated = doc.date_of_injury
        if stated is None or doc.id in misfiled:
            continue
        if any(doi_matches(stated, k) for k in known):
            continue
        claim_dois = " or ".join(us_date(k) for k in known)
        message = (f"{cap(doc_label(doc))} gives the date of injury as "
                   f"{us_date(stated)}, but the claim's date of injury is {claim_dois}.")
        out.append(make_finding(
            "DOI_MISMATCH", "medium", message, document=doc, related=sources,
            evidence=evidence_for(doc, "date_of_injury"),
            details={"expected": known[0] if len(known) == 1 else list(known),
                     "found": stated}))
    return out


def _doi_sources(claim: ClaimFile) -> list[str]:
    """The documents that establish the claim's date of injury (claim form, employer report)."""
    known = claim.claim.dates_of_injury
    ids = [d.id for d in live_documents(claim, "claim_form", "employer_report")
           if d.date_of_injury is not None
           and any(doi_matches(d.date_of_injury, k) for k in known)]
    ev = claim.claim.provenance.get("dates_of_injury")
    if not ids and ev is not None and ev.document:
        ids.append(ev.document)
    return ids

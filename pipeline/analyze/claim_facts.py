"""Claim facts consolidated across the documents of a claim file (``claim.claim``).

- claimant: the name most documents give (spellings with and without a middle initial count
  as one person; the fullest spelling is reported). Documents naming somebody else (misfiled
  documents) do not contribute to the other facts;
- claim numbers and ADJ numbers: distinct, most frequent first;
- dates of injury: from the claim form / employer report when present, else the dates most
  documents agree on (a date that only one of many documents gives is a likely error, left to
  the DOI_MISMATCH rule);
- employer, claims administrator, date of birth: the most common value;
- body parts: those named on the claim form / employer report plus those at least two
  documents name (all of them when the file has a single document naming any); a joint
  chosen on both sides is one "bilateral" part.

Every value keeps the evidence of a document it was read from.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable

from pipeline.extract.bodyparts import merge_sides
from pipeline.model import ClaimFile, Document, Evidence, InjuryDate

#: documents that state the claim itself (their DOI and body parts come first)
CLAIM_DOCUMENTS = ("claim_form", "employer_report")


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _person_key(name: str) -> str:
    """First and last name only: "Maria L. Gonzalez" and "Maria Gonzalez" are one person."""
    tokens = [t for t in re.sub(r"[^A-Za-z' \-]", " ", name).split() if len(t) > 1]
    if len(tokens) >= 2:
        return f"{tokens[0].lower()} {tokens[-1].lower()}"
    return _key(name)


def _ranked(docs: Iterable[Document], field: str, key: Callable[[object], Hashable]
            ) -> list[tuple[Hashable, list[tuple[object, Document]]]]:
    """Values of ``field`` grouped by ``key``: most documents first, then first seen."""
    groups: dict[Hashable, list[tuple[object, Document]]] = {}
    for doc in docs:
        value = getattr(doc, field)
        if value is None or value == "":
            continue
        groups.setdefault(key(value), []).append((value, doc))
    order = {k: i for i, k in enumerate(groups)}
    return sorted(groups.items(), key=lambda item: (-len(item[1]), order[item[0]]))


def _evidence(doc: Document, field: str) -> Evidence | None:
    return doc.provenance.get(field)


def _cite(claim: ClaimFile, field: str, doc: Document, doc_field: str | None = None) -> None:
    evidence = _evidence(doc, doc_field or field)
    if evidence is not None:
        claim.claim.provenance[field] = evidence


def consolidate_claim(claim: ClaimFile) -> None:
    """Fill ``claim.claim`` from the common facts of ``claim.documents``."""
    docs = [d for d in claim.documents if d.duplicate_of is None] or list(claim.documents)
    facts = claim.claim

    ranked = _ranked(docs, "claimant_name", lambda v: _person_key(str(v)))
    if ranked:
        members = ranked[0][1]
        spellings = Counter(str(v) for v, _ in members)
        best = max(spellings, key=lambda s: (len(s.split()), spellings[s], len(s)))
        facts.claimant_name = best
        _cite(claim, "claimant_name", next(d for v, d in members if v == best))

    # a document about somebody else (misfiled) does not speak for this claim
    if facts.claimant_name:
        person = _person_key(facts.claimant_name)
        docs = [d for d in docs if d.claimant_name is None
                or _person_key(d.claimant_name) == person]

    for field, doc_field in (("claim_numbers", "claim_number"), ("adj_numbers", "adj_number")):
        ranked = _ranked(docs, doc_field, lambda v: _key(str(v)))
        values = []
        for _, members in ranked:
            spellings = Counter(str(v) for v, _ in members)
            values.append(spellings.most_common(1)[0][0])
        setattr(facts, field, values)
        if ranked:
            _cite(claim, field, ranked[0][1][0][1], doc_field)

    facts.dates_of_injury = _dates_of_injury(claim, docs)

    for field in ("employer", "claims_administrator", "date_of_birth"):
        ranked = _ranked(docs, field, lambda v: _key(str(v)))
        if ranked:
            members = ranked[0][1]
            value = Counter(v for v, _ in members).most_common(1)[0][0]
            setattr(facts, field, value)
            _cite(claim, field, members[0][1])

    facts.body_parts = _body_parts(claim, docs)


def _dates_of_injury(claim: ClaimFile, docs: list[Document]) -> list[InjuryDate]:
    stated = [d for d in docs if d.type in CLAIM_DOCUMENTS and d.date_of_injury is not None]
    if stated:
        out: list[InjuryDate] = []
        for doc in stated:
            if doc.date_of_injury not in out:
                out.append(doc.date_of_injury)  # type: ignore[arg-type]
        _cite(claim, "dates_of_injury", stated[0], "date_of_injury")
        return out
    ranked = _ranked(docs, "date_of_injury", lambda v: v)   # type: ignore[arg-type,return-value]
    if not ranked:
        return []
    top = len(ranked[0][1])
    agreed = [(value, members) for value, members in ranked
              if value == ranked[0][0] or len(members) >= max(2, (top + 1) // 2)]
    _cite(claim, "dates_of_injury", ranked[0][1][0][1], "date_of_injury")
    return [value for value, _ in agreed]  # type: ignore[misc]


def _body_parts(claim: ClaimFile, docs: list[Document]) -> list[str]:
    counts: Counter[str] = Counter()
    first_doc: dict[str, Document] = {}
    for doc in docs:
        for part in dict.fromkeys(doc.body_parts):
            counts[part] += 1
            first_doc.setdefault(part, doc)
    if not counts:
        return []
    claimed = [p for d in docs if d.type in CLAIM_DOCUMENTS for p in d.body_parts]
    naming = sum(1 for d in docs if d.body_parts)
    chosen = [p for p in counts if p in claimed or counts[p] >= 2 or naming == 1]
    if chosen:
        source = next((d for d in docs if d.type in CLAIM_DOCUMENTS and d.body_parts),
                      first_doc[chosen[0]])
        _cite(claim, "body_parts", source)
    return merge_sides(chosen)

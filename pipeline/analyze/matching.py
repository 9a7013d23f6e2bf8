"""Record matching: each records-reviewed entry of a QME/AME report or UR letter -> the document
of the claim file it names, by date, kind and author (rapidfuzz). Sets ``Record.matched_document``.

A match is *exact* when the document carries the cited date, *near* when the cited date belongs
to no record of that kind but one of the same kind lies within
``settings.legal.record_date_window_days`` (the RECORD_DATE_MISMATCH case). A near match still
sets ``matched_document``: the record is in the file, only cited under the wrong date.

Also here: person-name comparison (claimant, authors) and the guess of a record's kind from its
description, both used by the rules.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from pipeline.model import DOCUMENT_TYPES, ClaimFile, Document, Record
from pipeline.settings import Settings

REPORT_TYPES = ("qme_report", "ame_report", "ur_decision")

# --- names ------------------------------------------------------------------------------------

_HONORIFICS = {"dr", "doctor", "mr", "mrs", "ms", "miss", "md", "do", "dc", "phd", "psyd",
               "pt", "dpt", "np", "pa", "pac", "rn", "lac", "jr", "sr", "ii", "iii", "facs",
               "faaos", "qme", "ame", "mph", "dpm", "od"}


_OCR_NAME = str.maketrans({"1": "l", "|": "l", "0": "o", "5": "s"})


def name_tokens(name: str | None) -> list[str]:
    """Lower-case name words without titles, degrees or initials; "LAST, FIRST" reordered."""
    if not name:
        return []
    text = name.strip()
    if text.count(",") == 1:
        last, rest = (part.strip() for part in text.split(","))
        rest_tokens = [t for t in re.split(r"[\s.]+", rest.lower()) if t]
        # "Cho, MD" is a degree after the name, not "LAST, FIRST"
        if rest_tokens and not all(t.replace(".", "") in _HONORIFICS for t in rest_tokens):
            text = f"{rest} {last}"
    # OCR reads l as 1 or |, o as 0, s as 5 inside names; hyphenated surnames are two words
    text = text.lower().translate(_OCR_NAME).replace(".", " ").replace("-", " ")
    words = re.findall(r"[a-z][a-z']*", text)
    return [w for w in words if len(w) > 1 and w not in _HONORIFICS]


def name_similarity(a: str | None, b: str | None) -> float:
    """0..100; 100 when one name's words are all in the other ("Maria Gonzalez" in
    "GONZALEZ, MARIA L."). Returns -1 when either name is unknown."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return -1.0
    sa, sb = " ".join(sorted(ta)), " ".join(sorted(tb))
    score = fuzz.token_sort_ratio(sa, sb)
    if len(ta) >= 1 and len(tb) >= 1:
        # a surname alone ("Dr. Patel") against a full name
        shorter, longer = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
        if all(any(fuzz.ratio(s, w) >= 85 for w in longer) for s in shorter):
            score = max(score, 100.0 if len(shorter) >= 2 else 90.0)
    return float(score)


SAME_PERSON = 85.0


def same_person(a: str | None, b: str | None) -> bool | None:
    """True / False, or None when either name is unknown."""
    score = name_similarity(a, b)
    if score < 0:
        return None
    return score >= SAME_PERSON


# --- kinds ------------------------------------------------------------------------------------

_COMPATIBLE: tuple[frozenset[str], ...] = (
    frozenset({"treating_report", "doctor_first_report"}),
    # a visit note: "the therapist saw the patient for visit 8 (daily note)" reads as either
    frozenset({"treating_report", "therapy_note"}),
    frozenset({"qme_report", "ame_report"}),
    frozenset({"imaging_report", "diagnostic_report"}),
    # the papers of one IMR: an entry's guess among them is unreliable ("DWC Form IMR")
    frozenset({"imr_determination", "imr_notice", "imr_application"}),
)


#: a "QME" entry that names the panel ("QME panel list No. 7391046"), not a report
_PANEL = re.compile(r"\bpanel\s+(?:list|no\b|number)", re.IGNORECASE)


def record_kind(record: Record) -> str | None:
    """The document type an entry names: the extractor's guess, else from its description
    (``pipeline.extract.records.record_kind``, the one place that reads kinds from words).
    A "QME" entry naming a panel (list) is the panel list, not a report."""
    kind = record.kind if record.kind in DOCUMENT_TYPES and record.kind != "other" else None
    if kind is None:
        from pipeline.extract.records import record_kind as kind_from_text
        kind = kind_from_text(record.description or "")
        kind = kind if kind in DOCUMENT_TYPES and kind not in ("other", "correspondence") \
            else None
    if kind in ("qme_report", "ame_report") and _PANEL.search(record.description or ""):
        return "qme_panel_list"
    return kind


def kind_score(cited: str | None, actual: str) -> float:
    """1 same kind, 0.6 compatible kinds, 0.3 unknown on either side, 0 different. A cited
    "letter" or "notice" (correspondence) names no kind: any letter of the file may be it."""
    if cited in (None, "correspondence") or actual in ("other", "correspondence"):
        return 0.3
    if cited == actual:
        return 1.0
    if any(cited in group and actual in group for group in _COMPATIBLE):
        return 0.6
    return 0.0


_MODALITIES = (("mri", r"\bmri\b|\bmra\b|magnetic resonance"), ("xray", r"x-?ray|radiograph"),
               ("ct", r"\bct\b|computed tomography|cat scan"), ("us", r"ultrasound|sonogra"),
               ("emg", r"\bemg\b|\bncs\b|\bncv\b|nerve conduction|electrodiagnostic"))


def modalities(text: str) -> set[str]:
    return {name for name, pattern in _MODALITIES if re.search(pattern, text or "", re.I)}


# --- documents --------------------------------------------------------------------------------

def document_dates(doc: Document) -> set[dt.date]:
    """Every date a record may be cited by: its own date, exam/report/decision/letter dates."""
    dates = {doc.date}
    if doc.qme:
        dates |= {doc.qme.exam_date, doc.qme.report_date}
    if doc.ur:
        dates |= {doc.ur.decision_date, doc.ur.letter_date}
    if doc.rfa:
        dates |= {doc.rfa.date_signed}
    if doc.imr:
        dates |= {doc.imr.determination_date, doc.imr.application_date}
    return {d for d in dates if isinstance(d, dt.date)}


def _doc_text_head(claim: ClaimFile, doc: Document) -> str:
    pages = claim.pages_of(doc)
    head = pages[0].text[:600] if pages else ""
    return f"{doc.title or ''} {head}"


@dataclass
class RecordMatch:
    """One records-reviewed entry and what it was matched to."""

    report: str                      # id of the QME/AME report or UR letter listing the entry
    index: int                       # position in its records_reviewed list
    record: Record
    kind: str | None
    document: str | None = None
    exact: bool = False
    actual_date: dt.date | None = None   # the matched document's nearest date

    @property
    def near(self) -> bool:
        return self.document is not None and not self.exact


def _named_in(description: str | None, name: str | None) -> bool:
    """The document's author is named in the entry's description ("On 04/25, Jane Roe, M.D.,
    of the radiology group read ..."): every word of the name, or the surname, with a title."""
    tokens = name_tokens(name)
    if not description or not tokens:
        return False
    words = set(name_tokens(description))
    if all(t in words for t in tokens):
        return len(tokens) >= 2 or bool(re.search(
            rf"\b(?:dr|doctor)\.?\s+{re.escape(tokens[0])}\b", description, re.IGNORECASE))
    return False


def _author_ok(record: Record, doc: Document) -> float:
    """Author similarity 0..1 (0.5 when unknown on either side). The entry's author is what
    the extractor took for it; an author the description itself names counts too (the
    extractor may have taken the referring physician)."""
    from pipeline.analyze.findings import doc_author
    author = doc_author(doc)
    score = name_similarity(record.author, author)
    if _named_in(record.description, author):
        return 1.0
    return 0.5 if score < 0 else score / 100.0


def _modality_ok(record: Record, doc: Document, head: str) -> bool:
    cited = modalities(record.description)
    actual = modalities(head)
    return not cited or not actual or bool(cited & actual)


def match_report(claim: ClaimFile, report: Document, records: list[Record],
                 settings: Settings) -> list[RecordMatch]:
    window = settings.legal.record_date_window_days
    candidates = [d for d in claim.documents
                  if d.id != report.id and d.duplicate_of is None]
    heads = {d.id: _doc_text_head(claim, d) for d in candidates}
    dates = {d.id: document_dates(d) for d in candidates}
    results = [RecordMatch(report.id, i, r, record_kind(r)) for i, r in enumerate(records)]
    used: set[str] = set()

    # exact: the document carries the cited date
    pairs = []
    for m in results:
        if m.record.date is None:
            continue
        for d in candidates:
            if m.record.date not in dates[d.id]:
                continue
            ks = kind_score(m.kind, d.type)
            if ks == 0.0:
                continue
            author = _author_ok(m.record, d)
            if author < 0.5 and ks < 1.0:
                continue
            # "X-ray report" for the radiologist's MRI of that day: the same record, misnamed
            if not _modality_ok(m.record, d, heads[d.id]) and not (ks == 1.0 and author >= 0.85):
                continue
            pairs.append((ks + author, m.index, d))
    for _score, index, d in sorted(pairs, key=lambda p: -p[0]):
        m = results[index]
        if m.document is None and d.id not in used:
            m.document, m.exact, m.actual_date = d.id, True, m.record.date
            used.add(d.id)
    # an entry whose date a same-kind record already matched carries a real date: cited twice
    for m in results:
        if m.document is None and m.record.date is not None:
            for d in candidates:
                if (m.record.date in dates[d.id] and kind_score(m.kind, d.type) >= 0.6
                        and _modality_ok(m.record, d, heads[d.id])):
                    m.document, m.exact, m.actual_date = d.id, True, m.record.date
                    break

    # near: same kind a few days away, author not contradicting
    pairs = []
    for m in results:
        if m.document is not None or m.record.date is None or m.kind is None:
            continue
        for d in candidates:
            if d.id in used or kind_score(m.kind, d.type) < 0.6:
                continue
            author = _author_ok(m.record, d)
            if author != 0.5 and author < 0.6:       # both authors known and different
                continue
            if not _modality_ok(m.record, d, heads[d.id]) and author < 0.85:
                continue
            near = [x for x in dates[d.id] if 0 < abs((x - m.record.date).days) <= window]
            if not near:
                continue
            closest = min(near, key=lambda x: abs((x - m.record.date).days))
            delta = abs((closest - m.record.date).days)
            score = kind_score(m.kind, d.type) + author - delta / (window + 1)
            pairs.append((score, m.index, d, closest))
    for _score, index, d, closest in sorted(pairs, key=lambda p: -p[0]):
        m = results[index]
        if m.document is None and d.id not in used:
            m.document, m.exact, m.actual_date = d.id, False, closest
            used.add(d.id)

    # a document of the cited kind whose date could not be read may be the record: the file
    # cannot show that it is absent (nor that its date differs)
    for m in results:
        if m.document is not None or m.kind is None:
            continue
        for d in candidates:
            if (d.id not in used and not dates[d.id] and kind_score(m.kind, d.type) == 1.0
                    and _modality_ok(m.record, d, heads[d.id])):
                m.document, m.exact, m.actual_date = d.id, True, None
                used.add(d.id)
                break

    for m in results:
        m.record.matched_document = m.document
    return results


def records_of(doc: Document) -> list[Record]:
    if doc.qme is not None and doc.type in ("qme_report", "ame_report"):
        return doc.qme.records_reviewed
    if doc.ur is not None and doc.type == "ur_decision":
        return doc.ur.records_reviewed
    return []


def match_records(claim: ClaimFile, settings: Settings) -> list[RecordMatch]:
    """Match the records-reviewed entries of every QME/AME report and UR letter of the file."""
    out: list[RecordMatch] = []
    for doc in claim.documents:
        if doc.type in REPORT_TYPES and doc.duplicate_of is None:
            out.extend(match_report(claim, doc, records_of(doc), settings))
    return out


# --- the RFA a UR letter decides -----------------------------------------------------------------

def _treatment_overlap(a: Document, b: Document) -> float:
    ta = (a.ur.treatments if a.ur else []) + (a.rfa.treatments if a.rfa else [])
    tb = (b.ur.treatments if b.ur else []) + (b.rfa.treatments if b.rfa else [])
    best = 0.0
    for x in ta:
        for y in tb:
            if x.cpt and y.cpt and x.cpt == y.cpt:
                return 1.0
            best = max(best, fuzz.token_set_ratio(x.description or "", y.description or "") / 100)
    return best


def rfa_for_ur(claim: ClaimFile, ur_doc: Document,
               matches: list[RecordMatch] | None = None) -> Document | None:
    """The RFA document a UR letter decides, if the file has it."""
    if ur_doc.ur is None:
        return None
    ur = ur_doc.ur
    decided = ur.decision_date or ur.letter_date or ur_doc.date
    listed = {m.document for m in matches or [] if m.report == ur_doc.id and m.document}
    best, best_score = None, 0.0
    for doc in claim.documents:
        if doc.type != "rfa" or doc.duplicate_of is not None:
            continue
        rfa_dates = {doc.date, doc.rfa.date_signed if doc.rfa else None,
                     doc.rfa.received_date if doc.rfa else None} - {None}
        reference = ur.rfa_received_date or decided
        if reference and rfa_dates and min(rfa_dates) > reference:
            continue                          # written after the UR received (or decided) it
        score = 0.0
        if ur.rfa_received_date and ur.rfa_received_date in rfa_dates:
            score += 2.0
        if doc.id in listed:
            score += 2.0
        score += _treatment_overlap(ur_doc, doc)
        physician = doc.rfa.requesting_physician if doc.rfa else doc.author
        if same_person(ur.requesting_physician, physician):
            score += 0.5
        if ur.rfa_received_date and rfa_dates and ur.rfa_received_date not in rfa_dates:
            # signed or sent a few days before the UR received it (mail, fax queues)
            lead = (ur.rfa_received_date - max(rfa_dates)).days
            if 0 <= lead <= 14:
                score += 1.0 - lead / 28
        if decided and rfa_dates:
            gap = (decided - max(rfa_dates)).days
            score += max(0.0, 0.5 - gap / 60)
        if score > best_score:
            best, best_score = doc, score
    return best if best_score >= 0.8 else None

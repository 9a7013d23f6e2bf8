"""The pre-QME and IMR completeness checklists (contract; domain §9) and their
MISSING_DOCUMENT findings (claim-level: ``document`` null, ``details.checklist`` / ``item``).

pre_qme: the record packet a claim file should hold before any QME/AME evaluation, so the list
applies to every claim file (a QME may be requested at any time; domain §9(b) lists no
condition).
- ``treating_reports``, ``imaging_reports``, ``therapy_notes``, ``medication_list``,
  ``job_description``, ``accident_report`` (employer's report or DWC-1) and ``wage_statement``
  are always owed: present with the documents that satisfy them, else missing.
- ``operative_reports``, ``prior_imr_decisions`` and ``peer_to_peer_notes`` are owed only when
  the file shows the thing happened: a records-reviewed entry of that kind, or a page (outside
  RFAs and UR/IMR letters for surgery, where it is only requested) saying so - "status post
  arthroscopy", "the IMR determination upheld ...", "a peer-to-peer discussion was held"
  (not "peer-to-peer attempted, unable to reach"). Otherwise ``not_applicable``: no surgery
  mentioned -> no operative report owed.
imr (for the most recent UR letter denying, modifying or delaying treatment)
- All ``not_applicable`` when no UR letter does.
- With no IMR application in the file, the rows about the application's contents (signed,
  review type, JCN, timely) are ``not_applicable``: only ``imr_application`` is missing.
- An application counts when it names the UR decision's date, or (naming none) is dated on or
  after it, and is not an MPN-IMR or home-made form.
- ``imr_application_timely``: the application's date is on or before the IMR deadline of
  ``pipeline.analyze.deadlines``; ``not_applicable`` when the application is unsigned or
  undated (it has not been filed; the signature row already reports it).
- ``rfa``: the RFA the UR letter decides (``matching.rfa_for_ur``).
- ``supporting_records``: a treating report dated on or before the RFA.
"""

from __future__ import annotations

import datetime as dt
import re

from pipeline.analyze.findings import make_finding
from pipeline.analyze.matching import rfa_for_ur
from pipeline.analyze.rules.context import RuleContext, disputes_treatment, live_documents
from pipeline.model import IMR_ITEMS, PRE_QME_ITEMS, CheckItem, ClaimFile, Document, Finding

TREATING = ("treating_report", "doctor_first_report")
#: documents where treatment is only requested or decided, not shown to have happened
REQUEST_TYPES = frozenset({"rfa", "ur_decision", "imr_application", "imr_notice",
                           "imr_determination"})

#: item -> (document types that satisfy it, record kinds that show it is owed, text patterns)
#: A surgery is shown by what happened to the patient ("status post", "underwent"), not by a
#: "post-operative" item that is only requested or recommended; an IMR decision by the IMR's
#: own outcome, not by "an Independent Medical Review of the utilization review decision" (the
#: UR's decision) nor by an application for one.
_OWED_BY_MENTION: dict[str, tuple[tuple[str, ...], tuple[str, ...], str]] = {
    "operative_reports": (
        ("operative_report",), ("operative_report",),
        r"\b(status[\s-]post|s/p|underwent|had|prior|history of)\b[^.\n]{0,50}"
        r"(\w+(ectomy|otomy|plasty|scopy|desis)\b|surgery|surgical|repair|fusion|release|ORIF|"
        r"reconstruction|replacement)|\boperative report\b"),
    "prior_imr_decisions": (
        ("imr_determination",), ("imr_determination",),
        r"\b(IMR|independent medical review)\b(?:(?!\b(?:utilization review|UR|application|"
        r"apply|applied|request(?:ed|s)?)\b)[^.\n]){0,60}\b(upheld|overturned|determination|"
        r"decision)\b|final determination letter"),
    "peer_to_peer_notes": (
        ("peer_to_peer_note",), ("peer_to_peer_note",),
        r"\bpeer[\s-]*to[\s-]*peer\b"),
}
#: items a UR letter itself shows (it reports the peer-to-peer call it held)
_SEARCH_LETTERS = frozenset({"peer_to_peer_notes"})
_ALWAYS_OWED: dict[str, tuple[str, ...]] = {
    "treating_reports": TREATING,
    "imaging_reports": ("imaging_report", "diagnostic_report"),
    "therapy_notes": ("therapy_note",),
    "medication_list": ("medication_list",),
    "job_description": ("job_description",),
    "accident_report": ("employer_report", "claim_form"),
    "wage_statement": ("wage_statement",),
}


def _texts(claim: ClaimFile, exclude_types: frozenset[str] = frozenset()) -> list[str]:
    out = []
    for doc in live_documents(claim):
        if doc.type in exclude_types:
            continue
        out.extend(p.text for p in claim.pages_of(doc))
    return out


_NEGATION = re.compile(r"\b(no|not|denies|denied|never|none|without|negative for)\b",
                       re.IGNORECASE)

#: a peer-to-peer call that did not happen: attempted, unanswered, not required or declined
_P2P_FAILED = re.compile(
    r"\b(unable|attempt\w*|unsuccessful|unanswered|no answer|no return(?:ed)? call"
    r"|not (?:be )?(?:reached|available|returned|required|held|conducted|completed|performed"
    r"|possible|indicated)|(?:did|does|could) not (?:take place|occur|happen|respond|reach"
    r"|speak|connect)|never (?:took place|occurred|returned)|voice ?mail|left (?:a )?message"
    r"|declined|not (?:been )?returned|(?:nobody|no one|never) (?:called|returned|answered)"
    r"|took a message|no response|did not answer)\b", re.IGNORECASE)
#: what the rest of the sentence (or, after a heading, the next one) may not say
_REJECT: dict[str, re.Pattern[str]] = {"peer_to_peer_notes": _P2P_FAILED}
#: what may not stand just before the mention: an IMR one may apply for or request is no
#: IMR determination
_REJECT_BEFORE: dict[str, re.Pattern[str]] = {"prior_imr_decisions": re.compile(
    r"\b(application|apply|applying|request\w*|right|eligible|file|filing)\b\W+(?:\w+\W+){0,2}$",
    re.IGNORECASE)}
#: a sentence's end, not an initial's or a title's period ("Dr. M. R. Haddad was reached")
_SENTENCE_END = re.compile(r"(?<!\b[A-Za-z])(?<!\b(?:Dr|Mr|Ms|St|Jr|Sr))(?<!\bMrs)[.!?](?=\s|$)")


def _window(text: str, start: int, end: int, limit: int = 250, least: int = 100) -> str:
    """From a match to the end of its sentence and the next one (a heading's paragraph), at
    least ``least`` characters when the text goes on."""
    stop = min(len(text), start + limit)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, end, stop)][:2]
    return text[start:max(ends[-1] if ends else stop, min(stop, start + least))]


def mentioned(pattern: str, texts: list[str], reject: re.Pattern[str] | None = None,
              reject_before: re.Pattern[str] | None = None) -> bool:
    """A match of ``pattern`` in any text, not negated within its own words or just before,
    and (with ``reject``) not followed in its sentence by words that undo it, nor (with
    ``reject_before``) preceded by words that make it something else."""
    regex = re.compile(pattern, re.IGNORECASE)
    for text in texts:
        for match in regex.finditer(text):
            line_start = text.rfind("\n", 0, match.start()) + 1
            before = text[max(line_start, match.start() - 25):match.start()]
            if _NEGATION.search(before + " " + match.group(0)):
                continue
            if reject is not None and reject.search(_window(text, match.start(), match.end())):
                continue
            if reject_before is not None and reject_before.search(before):
                continue
            return True
    return False


_NOT_DONE = re.compile(r"\b(application|apply|applied|request(?:ed|s)?|recommend\w*|planned)\b",
                       re.IGNORECASE)


def _record_kinds(claim: ClaimFile) -> set[str]:
    """Kinds of the records-reviewed entries that name a record (an application for or a
    request of a thing is not the thing: "Application for Independent Medical Review")."""
    from pipeline.analyze.matching import record_kind, records_of
    return {record_kind(r) for d in live_documents(claim) for r in records_of(d)
            if not _NOT_DONE.search(r.description or "")} - {None}


def pre_qme_checklist(claim: ClaimFile) -> list[CheckItem]:
    texts = {False: _texts(claim, REQUEST_TYPES), True: _texts(claim)}
    kinds = _record_kinds(claim)
    rows = []
    for item in PRE_QME_ITEMS:
        if item in _ALWAYS_OWED:
            docs = [d.id for d in live_documents(claim, *_ALWAYS_OWED[item])]
            rows.append(CheckItem(item, "present" if docs else "missing", docs))
            continue
        types, record_kinds, pattern = _OWED_BY_MENTION[item]
        docs = [d.id for d in live_documents(claim, *types)]
        if docs:
            rows.append(CheckItem(item, "present", docs))
        elif kinds & set(record_kinds):
            rows.append(CheckItem(item, "missing", note="cited in a records-reviewed list"))
        elif mentioned(pattern, texts[item in _SEARCH_LETTERS], _REJECT.get(item),
                       _REJECT_BEFORE.get(item)):
            rows.append(CheckItem(item, "missing", note="mentioned in the file"))
        else:
            rows.append(CheckItem(item, "not_applicable", note="nothing in the file shows one"))
    return rows


def _ur_day(doc: Document) -> dt.date | None:
    if doc.ur is None:
        return doc.date
    return doc.ur.decision_date or doc.ur.letter_date or doc.date


def disputed_ur(claim: ClaimFile) -> Document | None:
    """The most recent UR letter that denies, modifies or delays treatment."""
    letters = [d for d in live_documents(claim, "ur_decision") if disputes_treatment(d)]
    if not letters:
        return None
    return max(letters, key=lambda d: (_ur_day(d) or dt.date.min, d.page_start))


_NOT_DWC_FORM = re.compile(r"\bMPN\b|medical provider network", re.IGNORECASE)


def applications_for(claim: ClaimFile, ur_doc: Document) -> list[Document]:
    decided = _ur_day(ur_doc)
    out = []
    for doc in live_documents(claim, "imr_application"):
        head = " ".join([doc.title or ""] + [p.text[:400] for p in claim.pages_of(doc)[:1]])
        if _NOT_DWC_FORM.search(head):
            continue
        named = doc.imr.ur_decision_date if doc.imr else None
        dated = (doc.imr.application_date if doc.imr else None) or doc.date
        if named is not None and decided is not None:
            if named == decided:
                out.append(doc)
            continue
        if decided is None or dated is None or dated >= decided:
            out.append(doc)
    return out


def imr_checklist(claim: ClaimFile, ctx: RuleContext | None = None) -> list[CheckItem]:
    ur_doc = disputed_ur(claim)
    if ur_doc is None:
        return [CheckItem(item, "not_applicable",
                          note="no UR letter denies, modifies or delays treatment")
                for item in IMR_ITEMS]
    rows: dict[str, CheckItem] = {"ur_decision": CheckItem("ur_decision", "present", [ur_doc.id])}
    apps = applications_for(claim, ur_doc)
    app = apps[-1] if apps else None
    ids = [a.id for a in apps]

    def flag(item: str, ok: bool | None, note: str) -> None:
        if app is None:
            rows[item] = CheckItem(item, "not_applicable", note="no IMR application in the file")
        else:
            rows[item] = CheckItem(item, "present" if ok else "missing", ids if ok else [],
                                   None if ok else note)

    rows["imr_application"] = (CheckItem("imr_application", "present", ids) if app else
                               CheckItem("imr_application", "missing",
                                         note="no DWC Form IMR in the file"))
    imr = app.imr if app else None
    flag("imr_application_signed", bool(imr and imr.signed), "the application is not signed")
    flag("imr_review_type_indicated", bool(imr and imr.review_type_marked),
         "neither expedited nor regular review is marked")
    flag("imr_jcn_present", bool(imr and imr.jcn), "no JCN / WCIS number")
    dated = ((imr.application_date if imr else None) or app.date) if app else None
    if app is not None and (dated is None or not (imr and imr.signed)):
        rows["imr_application_timely"] = CheckItem(
            "imr_application_timely", "not_applicable",
            note="the application is not signed and dated, so it has not been filed")
    else:
        deadline = _imr_deadline(ur_doc, ctx)
        flag("imr_application_timely",
             dated is not None and (deadline is None or dated <= deadline),
             "not dated within the filing period")
    rfa = rfa_for_ur(claim, ur_doc, ctx.matches if ctx else None)
    rows["rfa"] = (CheckItem("rfa", "present", [rfa.id]) if rfa else
                   CheckItem("rfa", "missing", note="the RFA the UR letter decides"))
    before = ((rfa.rfa.date_signed if rfa and rfa.rfa else None) or (rfa.date if rfa else None)
              or (ur_doc.ur.rfa_received_date if ur_doc.ur else None) or _ur_day(ur_doc))
    received = ur_doc.ur.rfa_received_date if ur_doc.ur else None
    if before is not None and received is not None and received > before:
        # whatever the reviewer had when the request arrived supports it; this also keeps a
        # misread RFA date (a scan's 11/18 read as 01/18) from hiding the reports sent with it
        before = received
    support = [d.id for d in live_documents(claim, *TREATING)
               if d.date is not None and (before is None or d.date <= before)]
    rows["supporting_records"] = (
        CheckItem("supporting_records", "present", support) if support else
        CheckItem("supporting_records", "missing", note="no treating report before the RFA"))
    return [rows[item] for item in IMR_ITEMS]


def _imr_deadline(ur_doc: Document, ctx: RuleContext | None) -> dt.date | None:
    if ur_doc.ur is not None and ur_doc.ur.imr_deadline is not None:
        return ur_doc.ur.imr_deadline
    if ctx is None:
        return None
    from pipeline.analyze.rules.deadlines import imr_deadline_of
    result = imr_deadline_of(ur_doc, ctx)
    return result.deadline if result else None


def build_checklists(claim: ClaimFile, ctx: RuleContext | None = None) -> None:
    claim.checklists = {"pre_qme": pre_qme_checklist(claim), "imr": imr_checklist(claim, ctx)}


_ITEM_WORDS = {
    "treating_reports": "treating physician reports", "imaging_reports": "imaging reports",
    "operative_reports": "operative reports", "therapy_notes": "therapy notes",
    "medication_list": "a medication list", "prior_imr_decisions": "prior IMR determinations",
    "peer_to_peer_notes": "peer-to-peer notes", "job_description": "a job description",
    "accident_report": "the employer's report of injury (DWC-1 / Form 5020)",
    "wage_statement": "a wage statement", "ur_decision": "a copy of the UR decision",
    "imr_application": "the DWC Form IMR application",
    "imr_application_signed": "the employee's signature on the IMR application",
    "imr_review_type_indicated": "the review type (expedited or regular) on the IMR application",
    "imr_jcn_present": "the JCN on the IMR application",
    "imr_application_timely": "an IMR application dated within the filing period",
    "rfa": "the RFA the UR decision answers",
    "supporting_records": "treating reports supporting the RFA",
}


def missing_document_findings(claim: ClaimFile) -> list[Finding]:
    out = []
    ur_doc = disputed_ur(claim)
    for checklist, rows in claim.checklists.items():
        for row in rows:
            if row.status != "missing":
                continue
            what = _ITEM_WORDS.get(row.item, row.item.replace("_", " "))
            if checklist == "imr":
                message = f"The IMR packet lacks {what}."
                severity, related = "medium", [ur_doc] if ur_doc else []
            else:
                message = f"The pre-QME record packet lacks {what}."
                severity, related = "low", []
            out.append(make_finding("MISSING_DOCUMENT", severity, message, related=related,
                                    details={"checklist": checklist, "item": row.item,
                                             "note": row.note}))
    return out

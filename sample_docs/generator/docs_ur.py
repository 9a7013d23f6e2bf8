"""Utilization review letters: decisions in three vendor styles (prose letter, table of
requested services, brief approval), plus deferral notices and incomplete-RFA notices."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from reportlab.lib.units import inch

from .base import Case, GeneratedDoc, Person
from .common import (
    P,
    Styles,
    common_fields,
    grid,
    kv_table,
    letterhead,
    proof_of_service,
    re_block,
    signature,
    sp,
)
from .dates import fmt, iso, pick_style
from .vocab import UR_VENDORS, spell_part

WORDS = {
    "approved": ["CERTIFIED", "AUTHORIZED", "APPROVED", "Certified as requested"],
    "denied": ["NON-CERTIFIED", "DENIED", "Not medically necessary - non-certified", "NON-CERTIFY"],
    "modified": ["MODIFIED", "PARTIALLY CERTIFIED", "Certified as modified", "MODIFY"],
    "delayed": ["DELAYED - pending information", "PENDING INFORMATION", "Delayed"],
    "cnc": ["CONDITIONALLY NON-CERTIFIED"],
}
REVIEW_WORDS = {"prospective": ["Prospective", "Prospective (pre-service)"],
                "concurrent": ["Concurrent"], "retrospective": ["Retrospective",
                                                                "Retrospective (post-service)"]}

RATIONALE = {
    "denied": [
        "The submitted records do not document a trial and failure of conservative care of "
        "adequate duration. The guideline supports this request only after at least six weeks of "
        "documented therapy without functional gain, and that was not shown.",
        "There are no new objective neurological findings since the prior study. Repeat imaging is "
        "not recommended absent a significant change in symptoms or red-flag findings, so medical "
        "necessity is not established.",
        "The records do not show functional improvement from the prior course of this treatment. "
        "Continuing it without measurable benefit is not consistent with the cited guideline.",
    ],
    "modified": [
        "An initial trial is supported by the guideline, but the quantity requested exceeds the "
        "recommended trial. The request is modified to the guideline-supported number, with further "
        "care contingent on documented objective functional improvement.",
        "The guideline supports a shorter initial course. A partial certification is issued so "
        "the treating physician can document response before additional visits are requested.",
    ],
    "approved": [
        "The documentation supports the request: conservative care has been tried, findings are "
        "consistent with the diagnosis, and the request falls within the guideline's recommendations.",
        "The request is consistent with the cited guideline for the documented diagnosis and "
        "functional deficits.",
    ],
    "delayed": [
        "The most recent progress report referenced in the request was not attached. A decision "
        "cannot be made without the clinical findings that support the request. Please send the "
        "report; a decision will be issued within 14 days of the original receipt of the request.",
    ],
}
MISSING_INFO = ["the most recent PR-2 progress report with objective findings",
                "the prior imaging report referenced in the request",
                "documentation of the number of therapy visits already completed"]

IMR_PARAS = [
    "If you disagree with this decision, you may request an Independent Medical Review (IMR) from "
    "the Division of Workers' Compensation. Any dispute of this decision shall be resolved only by "
    "IMR. You must file the enclosed Application for Independent Medical Review, DWC Form IMR, "
    "within 30 days after service of this decision. Mail it with a copy of this letter to DWC-IMR, "
    "c/o Maximus Federal Services, in the addressed envelope provided.",
    "RIGHT TO INDEPENDENT MEDICAL REVIEW: This decision may be disputed only through Independent "
    "Medical Review under Labor Code section 4610.5. To request IMR, the injured worker must sign "
    "and return the enclosed DWC Form IMR no later than thirty (30) days after this decision was "
    "served. A pre-addressed envelope is enclosed. A copy of this decision must be attached.",
]
HELP_PARA = ("If you have questions about the information in this notice, please call your claims "
             "adjuster. You may also contact a Division of Workers' Compensation Information and "
             "Assistance officer, or visit www.dwc.ca.gov, or call 1-800-736-7401.")
APPEAL_PARA = ("An internal appeal process is available. Participation is voluntary and does not "
               "extend the deadline to request Independent Medical Review.")


def _dec_word(rng: random.Random, decision: str, cnc: bool = False) -> str:
    if decision == "denied" and cnc:
        return WORDS["cnc"][0]
    return rng.choice(WORDS[decision])


def overall(treatments: list[dict]) -> str:
    decs = {t["decision"] for t in treatments}
    return decs.pop() if len(decs) == 1 else "mixed"


def ur_decision(rng: random.Random, case: Case, *, style: str, decision_date: dt.date,
                rfa_received: dt.date, rfa_date: dt.date, treatments: list[dict],
                reviewer: Person, requesting: str, records: list[dict], parts: list[str],
                review_type: str = "prospective", expedited: bool = False,
                info_requested: bool = False, service_date: dt.date | None = None,
                service_method: str | None = "mail", defects: frozenset[str] = frozenset(),
                peer_to_peer: str | None = None, vendor: int = 0, cnc: bool = False,
                doi: Any = "case", claimant: str | None = None, claim_no: str | None = None,
                received_as: str = "prose", key: str = "") -> GeneratedDoc:
    """A UR decision letter. ``treatments``: dicts with description, cpt, quantity, decision,
    and for modifications ``approved_qty``. ``defects`` may hold no_specialty, no_reviewer,
    no_guideline, no_rationale, no_imr_notice."""
    ds = pick_style(rng, formal=style != "table")
    fam = {"letter": "b", "table": "a", "brief": "a"}[style]
    st = Styles(fam, 10)
    vname, vaddr, vphone = UR_VENDORS[vendor % len(UR_VENDORS)]
    rev_disp = f"{reviewer.first} {reviewer.last}, {reviewer.degree}" if rng.random() < 0.6 \
        else f"Dr. {reviewer.name}"
    spec = reviewer.specialty or "Orthopedic Surgery"
    guides = sorted({t["guideline"] for t in treatments if t.get("guideline")})
    adverse = any(t["decision"] != "approved" for t in treatments)
    ov = overall(treatments)
    fl: list[Any] = []
    fl += letterhead(vname, [vaddr, f"Phone {vphone}  |  Fax {vphone[:-4]}0100",
                             "Utilization Review Organization - URAC accredited"], st,
                     align="center" if style != "brief" else "left")
    title = {"letter": rng.choice(["NOTICE OF UTILIZATION REVIEW DECISION",
                                   "UTILIZATION REVIEW DETERMINATION"]),
             "table": "UTILIZATION REVIEW DECISION - REQUESTED SERVICES",
             "brief": rng.choice(["Notice of Certification", "Authorization Notice"])}[style]
    if expedited:
        title = "EXPEDITED " + title
    fl.append(P(title, st.h1))
    fl.append(P(f"Date: {fmt(decision_date, ds)}", st.body))
    sent_to = [f"{requesting} (requesting physician)", f"{case.claimant.name} (injured worker)"]
    if case.applicant_attorney:
        sent_to.append(f"{case.applicant_attorney} (applicant attorney)")
    fl.append(P("To: " + "; ".join(sent_to), st.small))
    fl.append(sp(4))
    fl.append(re_block(case, st, ds, claimant=claimant, claim_number=claim_no, doi=doi,
                       labels=vendor, extra=[("UR Ref #:", f"UR-{rng.randint(100000, 999999)}")]))
    fl.append(sp(6))
    rfa_s, rec_s = fmt(rfa_date, ds), fmt(rfa_received, ds)
    rt_word = rng.choice(REVIEW_WORDS[review_type])
    if received_as == "table" or style == "table":
        fl.append(kv_table([("Request for Authorization dated:", rfa_s),
                            ("Date RFA received:", rec_s),
                            ("Review type:", rt_word + (" - EXPEDITED" if expedited else "")),
                            ("Determination date:", fmt(decision_date, ds)),
                            ("Requesting provider:", requesting)], st, boxed=True,
                           widths=(2.2 * inch, 4.5 * inch)))
        fl.append(sp(6))
    else:
        fl.append(P(rng.choice([
            f"This letter answers the Request for Authorization dated {rfa_s} from {requesting}, "
            f"which our office received on {rec_s}. The request was handled as a {rt_word.lower()} "
            f"{'expedited ' if expedited else ''}review.",
            f"On {rec_s} we received a DWC Form RFA signed by {requesting} on {rfa_s}. "
            f"Review type: {rt_word}{' (expedited)' if expedited else ''}.",
        ]), st.body))
    if info_requested:
        fl.append(P(f"Additional information was requested from the provider: {rng.choice(MISSING_INFO)}.",
                    st.body))
    # decision section
    if style == "table":
        rows = [["Requested service", "CPT/HCPCS", "Qty", "Decision"]]
        for t in treatments:
            dec = _dec_word(rng, t["decision"], cnc)
            if t["decision"] == "modified":
                dec += f" to {t['approved_qty']}"
            rows.append([t["description"], t["cpt"], t["quantity"], dec])
        fl.append(grid(rows, st, widths=[3.1 * inch, 1.0 * inch, 0.9 * inch, 1.9 * inch]))
        fl.append(sp(8))
    else:
        for t in treatments:
            dec = _dec_word(rng, t["decision"], cnc)
            line = f"Requested: {t['description']} (CPT/HCPCS {t['cpt']}), quantity {t['quantity']}. " \
                   f"Decision: {dec}"
            if t["decision"] == "modified":
                line += f"; certified quantity: {t['approved_qty']}"
            fl.append(P(line + ".", st.bold))
    # rationale + guidelines
    if "no_rationale" not in defects or not adverse:
        fl.append(P("Clinical rationale", st.h2))
        for t in treatments:
            fl.append(P(f"{t['description']}: " + rng.choice(RATIONALE[t["decision"]]), st.body))
    if guides and "no_guideline" not in defects:
        fl.append(P(rng.choice(["Guideline(s) relied upon:", "Criteria used:", "Evidence-based guideline:"]),
                    st.bold))
        for g in guides:
            fl.append(P(g, st.body))
    if peer_to_peer == "held":
        fl.append(P(f"A peer-to-peer discussion took place with {requesting} before this decision; "
                    f"the information discussed did not change the outcome.", st.body))
    elif peer_to_peer == "attempted":
        fl.append(P(f"A peer-to-peer call to {requesting} was attempted; a voicemail was left and the "
                    f"call was not returned before the due date.", st.body))
    # records reviewed
    if records:
        fl.append(P(rng.choice(["Medical records reviewed:", "Records reviewed", "Documents reviewed:"]),
                    st.h2))
        rds = pick_style(rng)
        if style == "table":
            rows = [["Date", "Document", "Author"]]
            for r in records:
                rows.append([fmt(r["date"], rds), r["description"], r.get("author") or ""])
            fl.append(grid(rows, st, widths=[1.1 * inch, 3.8 * inch, 2.0 * inch]))
        else:
            for r in records:
                by = f", {r['author']}" if r.get("author") else ""
                fl.append(P(f"- {r['description']}{by}, dated {fmt(r['date'], rds)}", st.body))
    # reviewer
    reviewer_pairs = []
    if "no_reviewer" not in defects:
        reviewer_pairs.append(("Physician reviewer:", rev_disp))
    if "no_specialty" not in defects and "no_reviewer" not in defects:
        reviewer_pairs.append(("Specialty:", rng.choice([spec, f"Board Certified in {spec}"])))
    if reviewer_pairs:
        reviewer_pairs.append(("Reviewer availability:",
                               f"Monday-Friday 9:00 a.m. - 12:30 p.m. PT at {vphone}"))
        fl.append(sp(4))
        fl.append(kv_table(reviewer_pairs, st))
    if adverse and "no_imr_notice" not in defects:
        fl.append(P(rng.choice(IMR_PARAS), st.body))
        fl.append(P(APPEAL_PARA, st.small))
    fl.append(P(HELP_PARA, st.small))
    if style == "brief" and not adverse:
        fl += signature(f"{vname} - Certification Unit", [], st, signed=False)
    else:
        fl += signature(rev_disp if "no_reviewer" not in defects else f"{vname}",
                        [spec] if "no_reviewer" not in defects and "no_specialty" not in defects else [],
                        st, closing=rng.choice(["Sincerely,", "Respectfully,"]))
    encl = []
    if adverse and "no_imr_notice" not in defects:
        encl = ["DWC Form IMR (Application for Independent Medical Review)", "Addressed envelope"]
        fl.append(P("Enclosures: " + "; ".join(encl), st.small))
    if service_date:
        fl += proof_of_service(rng, st, service_date, service_method or "mail", ds,
                               sent_to, f"{rng.choice(['K. Alvarez', 'T. Nguyen', 'M. Ortiz'])}, "
                                        f"UR Coordinator")
    if received_as == "stamp":
        pass  # the RFA copy carries the stamp; the letter states the date in its table
    doc = GeneratedDoc("ur_decision", fl, footer=rng.choice(["Page {page} of {pages}",
                                                             f"{vname} | Page {{page}} of {{pages}}"]),
                       key=key)
    author = rev_disp if "no_reviewer" not in defects else None
    f = common_fields(case, decision_date, author=author, parts=parts, doi=doi, claimant=claimant,
                      claim_no_value=claim_no)
    f["service_date"] = iso(service_date)
    f["ur.decision_date"] = iso(decision_date)
    f["ur.rfa_received_date"] = iso(rfa_received)
    f["ur.overall_decision"] = ov
    f["ur.review_type"] = review_type
    f["ur.expedited"] = expedited
    f["ur.reviewer_name"] = author
    f["ur.reviewer_specialty"] = spec if ("no_specialty" not in defects and author) else None
    f["ur.treatments"] = [{"description": t["description"], "cpt": t["cpt"], "decision": t["decision"]}
                          for t in treatments]
    f["ur.records_reviewed"] = [{"date": iso(r["date"]), "description": r["description"],
                                 "author": r.get("author")} for r in records]
    f["ur.notice_kind"] = "decision"
    f["ur.additional_info_requested"] = info_requested
    f["ur.imr_rights_notice"] = bool(adverse and "no_imr_notice" not in defects)
    f["ur.imr_form_enclosed"] = bool(encl)
    doc.fields = f
    return doc


def deferral_notice(rng: random.Random, case: Case, *, date: dt.date, rfa_date: dt.date,
                    treatment: str, requesting: str, parts: list[str], key: str = "") -> GeneratedDoc:
    """The claims administrator defers UR because liability is disputed (LC 4610(l)). A
    ``ur_decision`` with ``ur.notice_kind`` "deferral": it decides nothing about medical
    necessity, so it owes no IMR deadline and no decision-letter content."""
    ds = pick_style(rng, formal=True)
    st = Styles("a")
    fl: list[Any] = letterhead(case.claims_administrator, ["Workers' Compensation Claims",
                                                           "P.O. Box 25510, Fresno, CA 93729"], st)
    fl.append(P(fmt(date, ds), st.body))
    fl.append(P(f"{requesting}", st.body))
    fl.append(re_block(case, st, ds))
    fl.append(P("NOTICE OF DEFERRAL OF UTILIZATION REVIEW", st.h1))
    fl.append(P(f"We received your Request for Authorization dated {fmt(rfa_date, ds)} for {treatment}. "
                f"Utilization review of this request is deferred because liability for the "
                f"{spell_part(rng, parts[0])} is disputed on grounds other than medical necessity. "
                f"The claims administrator has not accepted this body part as part of the claim.", st.body))
    fl.append(P("If liability is later accepted, the request will be sent to utilization review and "
                "the review timeframes will run from the date of that decision. This is not a "
                "decision about medical necessity.", st.body))
    signer = rng.choice(['Karen Hollis', 'Dean Forsythe', 'Amy Takeda'])
    fl += signature(f"{signer}, Senior Claims Examiner", [case.claims_administrator], st)
    doc = GeneratedDoc("ur_decision", fl, key=key)
    doc.fields = common_fields(case, date, author=signer, parts=parts)
    doc.fields["ur.notice_kind"] = "deferral"
    doc.fields["ur.overall_decision"] = "delayed"   # the contract: deferred -> delayed
    return doc


def incomplete_rfa_notice(rng: random.Random, case: Case, *, date: dt.date, rfa_date: dt.date,
                          requesting: str, vendor: int = 0, key: str = "") -> GeneratedDoc:
    """The RFA is returned as not complete: a ``ur_decision`` with ``ur.notice_kind``
    "incomplete_rfa" (no decision was made; the UR clock has not started)."""
    ds = pick_style(rng)
    st = Styles("a")
    vname, vaddr, vphone = UR_VENDORS[vendor % len(UR_VENDORS)]
    fl: list[Any] = letterhead(vname, [vaddr, vphone], st)
    fl.append(P("NOTICE: REQUEST FOR AUTHORIZATION NOT COMPLETE", st.h1))
    fl.append(P(f"Date: {fmt(date, ds)}", st.body))
    fl.append(re_block(case, st, ds, labels=1))
    missing = rng.sample(["the requesting physician's signature",
                          "a specific description of the treatment requested (CPT code and quantity)",
                          "the supporting progress report documenting the need for the treatment"], 2)
    fl.append(P(f"The DWC Form RFA from {requesting} dated {fmt(rfa_date, ds)} is being returned "
                f"because it is not a complete request. It is missing " + " and ".join(missing) + ". "
                "The time limits for utilization review will begin when a completed request is received.",
                st.body))
    fl.append(P("Please resubmit the request with the missing items.", st.body))
    fl += signature("UR Intake Department", [vname], st, signed=False)
    doc = GeneratedDoc("ur_decision", fl, key=key, footer="Page {page} of {pages}")
    doc.fields = common_fields(case, date, author=None, parts=None)
    doc.fields["ur.notice_kind"] = "incomplete_rfa"
    doc.fields["ur.overall_decision"] = "delayed"   # the contract: deferred -> delayed
    return doc

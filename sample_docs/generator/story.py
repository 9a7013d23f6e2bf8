"""One claim's story told as documents: intake forms, treatment, RFAs and UR decisions, IMR,
the QME panel and report, with the defects a scenario asks for planted and recorded."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from .base import Case
from .claim import MEDICAL_TYPES, Claim, Entry, record_of
from .deadlines import (
    QME_REPORT_DAYS,
    UR_NOTICE_BUSINESS_DAYS,
    add_business_days,
    business_days_between,
    next_business_day_on_or_after,
    service_deadline,
    ur_decision_due,
)
from .docs_forms import (
    claim_form,
    employer_report,
    imr_application,
    imr_determination,
    imr_notice,
    qme_panel_list,
    rfa,
)
from .docs_medical import (
    doctor_first_report,
    emg_report,
    imaging_report,
    medication_list,
    operative_report,
    peer_to_peer_note,
    therapy_note,
    treating_report,
)
from .docs_misc import (
    attorney,
    cover_letter,
    deposition,
    fax_cover,
    job_description,
    separator,
    wage_statement,
)
from .docs_ur import deferral_notice, incomplete_rfa_notice, ur_decision
from .vocab import (
    ADMINISTRATORS,
    CLINICS,
    EMPLOYERS,
    OCCUPATIONS,
    UR_SPECIALTIES,
    doctor_display,
    guideline_for,
    random_person,
    spell_part,
    spell_parts,
    treatments_for,
)

try:  # the QME/AME generator is another engineer's module
    from .qme import qme_report
except ImportError:  # pragma: no cover - only while it does not exist yet
    qme_report = None


@dataclass
class URSpec:
    style: str = "letter"                      # letter | table | brief
    decisions: tuple[str, ...] = ("denied",)   # one per treatment line
    review_type: str = "prospective"
    expedited: bool = False
    info_requested: bool = False
    late: bool = False                         # UR_UNTIMELY
    comm_late: bool = False                    # UR_UNTIMELY (written notice after 2 business days)
    before_rfa: bool = False                   # DATE_SEQUENCE: decided before the RFA arrived
    defects: frozenset[str] = frozenset()      # UR_NOTICE_DEFECT: no_specialty, no_guideline, ...
    service_method: str | None = "mail"     # None: no proof of service
    received_as: str = "stamp"                 # how the RFA shows receipt: stamp | fax | both
    shift_record: bool = False                 # RECORD_DATE_MISMATCH in its records list
    cite_missing: bool = False                 # CITED_RECORD_MISSING in its records list
    cnc: bool = False
    peer_to_peer: str | None = None         # held | attempted
    p2p_note: bool = False
    imr: dict | None = None                 # {"signed", "jcn", "type", "late"} -> DWC Form IMR
    noarfi: bool = False
    fdl: tuple[str, ...] | None = None      # per treatment: upheld | overturned
    rfa_in_file: bool = True
    doi_mismatch: bool = False
    vendor: int | None = None


@dataclass
class QMESpec:
    role: str = "panel_qme"
    kind: str = "initial"
    style: str = "a"
    defects: frozenset[str] = frozenset()
    omit: int = 0                              # QME_RECORD_OMITTED
    shift_record: bool = False                 # RECORD_DATE_MISMATCH
    cite_missing: bool = False                 # CITED_RECORD_MISSING
    service_method: str = "mail"
    served: bool = True
    cover_first: bool = False                  # the report's first page is its cover letter
    late_days: int = 0
    records_letter: bool = True                # a cover letter sending records before the exam


@dataclass
class Scenario:
    claim_id: str
    title: str
    seed: int
    as_of: dt.date
    age_days: int = 420                        # DOI this many days before as_of (about)
    parts: list[str] | None = None
    ct: bool = False
    represented: bool = True
    n_pr2: int = 4
    urs: list[URSpec] = field(default_factory=list)
    qme: QMESpec | None = None
    qme2: QMESpec | None = None               # a later report (supplemental / re-evaluation)
    panel: bool = True
    include: frozenset[str] = frozenset({"imaging", "therapy", "medlist", "job", "wage", "dfr",
                                         "claim_form", "employer_report"})
    misfiled: int = 0                          # CLAIMANT_MISMATCH (documents of another patient)
    duplicate: bool = False                    # DUPLICATE_DOCUMENT
    doi_mismatch: bool = False                 # a PR-2 states a wrong DOI
    future_date: bool = False                  # DATE_SEQUENCE: a record dated after as_of
    fax_bundle: bool = False
    deferral: bool = False
    incomplete_rfa: bool = False
    surgery_without_op: bool = False           # a PR-2 mentions surgery, no operative report
    bates: str | None = None
    separators: bool = False
    scan_types: tuple[str, ...] = ()           # demo: document types rendered image-only


PART_SETS = [["lumbar spine"], ["lumbar spine", "right shoulder"], ["right knee", "lumbar spine"],
             ["cervical spine", "left shoulder"], ["bilateral wrist", "cervical spine"],
             ["right shoulder", "cervical spine", "lumbar spine"], ["left knee"],
             ["lumbar spine", "psyche"]]

RECORD_DESC = {
    "treating_report": ["PR-2 progress report", "Primary treating physician's progress report",
                        "PTP progress report (PR-2)"],
    "doctor_first_report": ["Doctor's First Report of Occupational Injury (5021)"],
    "imaging_report": ["{mod} report"],
    "operative_report": ["Operative report"],
    "therapy_note": ["Physical therapy daily note", "Therapy note"],
    "diagnostic_report": ["EMG/NCS report", "Electrodiagnostic study"],
    "medication_list": ["Medication list"],
    "ur_decision": ["Utilization review decision"],
    "rfa": ["Request for authorization (DWC Form RFA)"],
    "claim_form": ["DWC-1 claim form"],
    "employer_report": ["Employer's report of injury (5020)"],
    "job_description": ["Job description"],
    "wage_statement": ["Wage statement"],
    "deposition": ["Deposition transcript of applicant"],
    "imr_determination": ["IMR final determination"],
}
MISSING_RECORDS = [("Functional capacity evaluation", "other"),
                   ("Urine drug screen results", "other"),
                   ("Internal medicine consultation report", "treating_report")]


def _bday(d: dt.date) -> dt.date:
    return next_business_day_on_or_after(d)


class Story:
    def __init__(self, sc: Scenario):
        self.sc = sc
        self.rng = random.Random(sc.seed)
        rng = self.rng
        parts = sc.parts or rng.choice(PART_SETS)
        doi = sc.as_of - dt.timedelta(days=sc.age_days + rng.randint(0, 20))
        injury: Any = doi
        if sc.ct:
            injury = (doi - dt.timedelta(days=rng.randint(700, 1500)), doi)
        claimant = random_person(rng)
        ptp = random_person(rng, doctor=True, specialty=rng.choice(["Orthopedic Surgery",
                                                                   "Occupational Medicine",
                                                                   "Physical Medicine and Rehabilitation"]))
        self.case = Case(
            claimant=claimant,
            date_of_birth=dt.date(rng.randint(1962, 1998), rng.randint(1, 12), rng.randint(1, 28)),
            claim_number=rng.choice([f"05-{rng.randint(100000, 999999)}",
                                     f"WC{rng.randint(10, 26)}-{rng.randint(10000, 99999)}",
                                     f"{rng.randint(1000000, 9999999)}-001"]),
            adj_number=f"ADJ{rng.randint(10000000, 19999999)}" if sc.represented else None,
            injury=injury, employer=rng.choice(EMPLOYERS),
            claims_administrator=rng.choice(ADMINISTRATORS), body_parts=list(parts),
            occupation=rng.choice(OCCUPATIONS), treating_physician=ptp,
            applicant_attorney=attorney(rng) if sc.represented else None)
        self.ptp = ptp
        self.ptp_disp = doctor_display(rng, ptp)
        self.case.extra["ptp_disp"] = self.ptp_disp
        self.clinic = rng.choice(CLINICS)
        self.claim = Claim(sc.claim_id, self.case, sc.as_of, sc.title)
        self.claim.bates = sc.bates
        self.doi = doi
        self.pr2s: list[Entry] = []

    # ---- helpers --------------------------------------------------------------------------
    def desc(self, e_type: str, **kw) -> str:
        return self.rng.choice(RECORD_DESC[e_type]).format(**kw)

    def add(self, doc, *, cite=True, desc_kw=None, **kw) -> Entry:
        rec = None
        if cite and doc.type in RECORD_DESC:
            rec = record_of(doc.type, dt.date.fromisoformat(doc.fields["date"]),
                            self.desc(doc.type, **(desc_kw or {})), doc.fields.get("author"))
        return self.claim.add(doc, record=rec, **kw)

    def description(self) -> str:
        rng = self.rng
        how = rng.choice(["lifting a heavy box", "repetitive lifting and carrying over time",
                          "a slip on a wet floor", "moving a patient", "pulling a pallet jack"])
        return f"{how.capitalize()}; injured {spell_parts(rng, self.case.body_parts)}."

    # ---- the story ---------------------------------------------------------------------------
    def build(self) -> Claim:
        sc, rng, case = self.sc, self.rng, self.case
        c = self.claim
        d0 = self.doi
        intake: list[Entry] = []
        if "claim_form" in sc.include:
            cf_date = d0 + dt.timedelta(days=rng.randint(1, 4))
            intake.append(self.add(claim_form(rng, case, date=cf_date, employer_received=cf_date,
                                              parts=case.body_parts, description=self.description())))
        if "employer_report" in sc.include:
            intake.append(self.add(employer_report(rng, case, date=d0 + dt.timedelta(days=rng.randint(2, 5)),
                                                   parts=case.body_parts, description=self.description(),
                                                   last_worked=d0)))
        if "job" in sc.include:
            intake.append(self.add(job_description(rng, case, date=d0 - dt.timedelta(days=rng.randint(200, 600)))))
        if "dfr" in sc.include:
            self.add(doctor_first_report(rng, case, date=_bday(d0 + dt.timedelta(days=rng.randint(1, 3))),
                                         physician=self.ptp, phys_disp=self.ptp_disp, clinic=self.clinic,
                                         parts=case.body_parts, description=self.description()))
        if "wage" in sc.include:
            self.add(wage_statement(rng, case, date=d0 + dt.timedelta(days=rng.randint(20, 40))))
        # progress reports every 30-45 days; UR cycles hang on them
        day = d0 + dt.timedelta(days=rng.randint(12, 20))
        surgery_date = None
        for i in range(sc.n_pr2):
            day = _bday(day)
            parts = list(case.body_parts)
            note = None
            if surgery_date and day > surgery_date:
                note = (f"Status post {spell_part(rng, parts[-1])} surgery on "
                        f"{surgery_date.strftime('%m/%d/%Y')}; incisions healed, motion improving.")
            doi_val: Any = "case"
            if sc.doi_mismatch and i == 1:
                wrong = (self.doi + dt.timedelta(days=rng.choice([9, -9, 30, 365])))
                doi_val = wrong
            urspec = sc.urs[i] if i < len(sc.urs) else None
            rfa_items = self._rfa_items(urspec) if urspec else None
            e = self.add(treating_report(rng, case, date=day, physician=self.ptp, phys_disp=self.ptp_disp,
                                         clinic=self.clinic, parts=parts, rfa_items=rfa_items,
                                         surgery_note=note, doi=doi_val, long=(i % 2 == 1)),
                         meta={"mentions_surgery": bool(note)})
            self.pr2s.append(e)
            if doi_val != "case":
                c.plant("DOI_MISMATCH", e, f"PR-2 states DOI {doi_val.isoformat()}; the claim's DOI is "
                        f"{self.doi.isoformat()}", expected=self.doi.isoformat(), found=doi_val.isoformat())
            if i == 0 and "imaging" in sc.include:
                self._imaging(day + dt.timedelta(days=rng.randint(5, 12)))
            if i == 0 and "therapy" in sc.include:
                self._therapy(day + dt.timedelta(days=rng.randint(14, 20)))
            if i == 0 and "emg" in sc.include:
                self.add(emg_report(rng, case, date=_bday(day + dt.timedelta(days=rng.randint(16, 25))),
                                    physician=doctor_display(rng, random_person(rng, doctor=True,
                                                                                specialty="Neurology")),
                                    parts=[p for p in case.body_parts if "wrist" in p or "hand" in p]
                                    or [case.body_parts[0]]))
            if urspec:
                self._ur_cycle(urspec, e, rfa_items)
            if i == 1 and ("op" in sc.include or sc.surgery_without_op):
                surgery_date = _bday(day + dt.timedelta(days=rng.randint(15, 25)))
                if "op" in sc.include:
                    part = case.body_parts[-1]
                    proc = (f"{spell_part(rng, part, plain=True).capitalize()} arthroscopy with "
                            f"debridement")
                    self.add(operative_report(rng, case, date=surgery_date, part=part,
                                              surgeon=self.ptp_disp, procedure=proc))
            day = day + dt.timedelta(days=rng.randint(30, 45))
        if sc.deferral:
            last = self.pr2s[-1]
            self.add(deferral_notice(rng, case, date=_bday(last.date + dt.timedelta(days=4)),
                                     rfa_date=last.date, treatment="a psychological consultation",
                                     requesting=self.ptp_disp, parts=["psyche"]), cite=False)
        if sc.incomplete_rfa:
            last = self.pr2s[0]
            self.add(incomplete_rfa_notice(rng, case, date=_bday(last.date + dt.timedelta(days=3)),
                                           rfa_date=last.date, requesting=self.ptp_disp, vendor=1),
                     cite=False)
        if "medlist" in sc.include:
            self.add(medication_list(rng, case, date=self.pr2s[-1].date, prescriber=self.ptp_disp))
        if "depo" in sc.include:
            self.add(deposition(rng, case, date=_bday(self.pr2s[-1].date + dt.timedelta(days=10)),
                                parts=case.body_parts[:1]))
        if sc.panel or sc.qme:
            self._qme_track(day)
        if sc.future_date:
            part = case.body_parts[0]
            fut = sc.as_of + dt.timedelta(days=rng.randint(40, 120))
            e = self.add(therapy_note(rng, case, date=fut, part=part, therapist="Dana Whitley, PT",
                                      visit=9, of=12), cite=False)
            c.plant("DATE_SEQUENCE", e, f"therapy note dated {fut.isoformat()}, after the as-of date",
                    date=fut.isoformat(), as_of=sc.as_of.isoformat())
        if sc.misfiled:
            self._misfiled(sc.misfiled)
        if sc.duplicate:
            self._duplicate()
        if sc.fax_bundle:
            self._fax_bundle()
        if sc.separators:
            self._separators()
        for e in c.entries:
            if e.type in sc.scan_types:
                e.scan = True
        for e in c.entries:
            d = e.date
            if d and d > sc.as_of and not any(f["code"] == "DATE_SEQUENCE" and f["document"] == e.key
                                              for f in c.findings):
                raise ValueError(f"{sc.claim_id}: {e.key} dated {d} after as_of; shorten the story")
        c.derive()
        return c

    # ---- pieces ------------------------------------------------------------------------------
    def _imaging(self, day: dt.date) -> None:
        rng, case = self.rng, self.case
        part = case.body_parts[0]
        mod = rng.choice(["MRI", "MRI", "X-ray"])
        self.add(imaging_report(rng, case, date=_bday(day), part=part, modality=mod,
                                radiologist=doctor_display(rng, random_person(rng, doctor=True,
                                                                              specialty="Radiology")),
                                facility=rng.choice(["Central Valley Imaging", "Pacific Open MRI",
                                                     "Sutter Diagnostic Radiology"])),
                 desc_kw={"mod": mod})

    def _therapy(self, day: dt.date) -> None:
        rng, case = self.rng, self.case
        part = case.body_parts[0]
        chiro = rng.random() < 0.3
        therapist = rng.choice(["Kim Nakamura, DPT", "Jorge Reyes, PT", "Alicia Stone, PT, DPT"]) \
            if not chiro else "Dr. Ben Aldana, DC"
        visits = sorted(rng.sample([2, 4, 6, 8, 10], rng.randint(2, 3)))
        for j, v in enumerate(visits):
            self.add(therapy_note(rng, case, date=_bday(day + dt.timedelta(days=7 * j)), part=part,
                                  therapist=therapist, visit=v, of=12, chiro=chiro))

    def _rfa_items(self, spec: URSpec) -> list[dict]:
        rng, case = self.rng, self.case
        items = []
        pool = []
        for p in case.body_parts:
            pool += [(t, p) for t in treatments_for(rng, p)]
        picks = rng.sample(pool, min(len(spec.decisions), len(pool)))
        while len(picks) < len(spec.decisions):
            picks.append(pool[len(picks) % len(pool)])
        # a modification cuts a quantity: give "modified" lines a multi-unit request
        multi = [p for p in pool if p[0][2] != "1" and p not in picks]
        for j, dec in enumerate(spec.decisions):
            if dec == "modified" and picks[j][0][2] == "1" and multi:
                picks[j] = multi.pop(rng.randrange(len(multi)))
        for (desc, cpt, qty), part in picks:
            items.append({"description": desc, "cpt": cpt, "quantity": qty, "part": part,
                          "guideline": guideline_for(rng, part)})
        return items

    def _ur_cycle(self, spec: URSpec, pr2: Entry, items: list[dict]) -> None:
        rng, case, c = self.rng, self.case, self.claim
        rfa_date = pr2.date
        received = _bday(rfa_date + dt.timedelta(days=rng.randint(0, 2)))
        if spec.rfa_in_file:
            self.add(rfa(rng, case, date=rfa_date, received=received, physician=self.ptp,
                                 phys_disp=self.ptp_disp, clinic=self.clinic, treatments=items,
                                 parts=sorted({t["part"] for t in items}),
                                 dx=spell_part(rng, items[0]["part"]) + " pain",
                                 expedited=spec.expedited, received_as=spec.received_as,
                                 fax_time=f"{rng.randint(8, 16):02d}:{rng.randint(0, 59):02d}"),
                             meta={"received": received})
        due = ur_decision_due(received, review_type=spec.review_type, expedited=spec.expedited,
                              info_requested=spec.info_requested)
        if spec.before_rfa:
            decided = received - dt.timedelta(days=rng.randint(2, 4))
        elif spec.late:
            decided = add_business_days(due, rng.randint(2, 5))
        elif spec.expedited:
            decided = received + dt.timedelta(days=1)
        elif spec.review_type == "retrospective":
            decided = received + dt.timedelta(days=rng.randint(8, 25))
        elif spec.info_requested:
            decided = received + dt.timedelta(days=rng.randint(9, 13))
        else:
            decided = add_business_days(received, rng.randint(2, 5))
        if spec.before_rfa:
            while decided.weekday() >= 5:
                decided -= dt.timedelta(days=1)
        elif decided.weekday() >= 5:
            decided = add_business_days(decided, 1) if not spec.late else decided + dt.timedelta(
                days=7 - decided.weekday())
            if not spec.late and not spec.before_rfa and decided > due:
                decided = due
        treatments = []
        for t, dec in zip(items, spec.decisions):
            tt = dict(t, decision=dec)
            if dec == "modified":
                n = "".join(ch for ch in t["quantity"] if ch.isdigit())
                tt["approved_qty"] = f"{max(1, int(n) // 2)} {t['quantity'].split(' ', 1)[1]}" \
                    if n and " " in t["quantity"] else "1"
            treatments.append(tt)
        # records reviewed: the supporting PR-2 and earlier medical records
        recs_e = [pr2] + [e for e in c.records_before(rfa_date, ("imaging_report", "doctor_first_report",
                                                                  "diagnostic_report"))][-2:]
        records = []
        for e in recs_e:
            r = dict(e.record)
            if r["type"] == "imaging_report":
                r["description"] = f"{r['description']}, {spell_part(rng, e.doc.fields['body_parts'][0], plain=True)}"
            r["_entry"] = e
            records.append(r)
        planted = []
        if spec.shift_record and records:
            r = records[-1] if len(records) > 1 else records[0]
            actual = r["date"]
            shift = rng.choice([-5, -3, 3, 4, 6])
            r["date"] = actual + dt.timedelta(days=shift)
            planted.append(("RECORD_DATE_MISMATCH", r, actual))
        if spec.cite_missing:
            desc, kind = MISSING_RECORDS[rng.randrange(2)]
            missing_date = rfa_date - dt.timedelta(days=rng.randint(20, 60))
            r = {"date": missing_date, "description": desc, "author": None, "type": kind}
            records.append(r)
            planted.append(("CITED_RECORD_MISSING", r, None))
        records.sort(key=lambda r: r["date"])
        parts = sorted({t["part"] for t in items} |
                       {p for r in records if r.get("_entry") is not None and r["_entry"].type == "imaging_report"
                        for p in r["_entry"].doc.fields["body_parts"]})
        reviewer = random_person(rng, doctor=True, specialty=rng.choice(UR_SPECIALTIES))
        service_date = None
        if spec.service_method:
            service_date = decided if rng.random() < 0.6 else add_business_days(decided, 1)
            if spec.comm_late:  # decided in time, but the written notice went out late
                service_date = add_business_days(decided, UR_NOTICE_BUSINESS_DAYS + rng.randint(2, 4))
        doi_val: Any = "case"
        if spec.doi_mismatch:
            doi_val = self.doi + dt.timedelta(days=rng.choice([1, -1, 10]))
        vendor = spec.vendor if spec.vendor is not None else rng.randrange(3)
        doc = ur_decision(rng, case, style=spec.style, decision_date=decided, rfa_received=received,
                          rfa_date=rfa_date, treatments=treatments, reviewer=reviewer,
                          requesting=self.ptp_disp, records=records, parts=parts,
                          review_type=spec.review_type, expedited=spec.expedited,
                          info_requested=spec.info_requested, service_date=service_date,
                          service_method=spec.service_method, defects=spec.defects,
                          peer_to_peer=spec.peer_to_peer, vendor=vendor, cnc=spec.cnc,
                          doi=doi_val, received_as="table" if spec.style == "table" else
                          rng.choice(["prose", "table"]))
        ur_e = self.add(doc, meta={"service_method": spec.service_method or "mail",
                                   "peer_to_peer": spec.peer_to_peer})
        ov = doc.fields["ur.overall_decision"]
        if doi_val != "case":
            c.plant("DOI_MISMATCH", ur_e, f"UR letter states DOI {doi_val.isoformat()}; claim DOI "
                    f"{self.doi.isoformat()}", expected=self.doi.isoformat(), found=doi_val.isoformat())
        for code, r, actual in planted:
            if code == "RECORD_DATE_MISMATCH":
                c.plant(code, ur_e, f"UR records list cites {r['description']} dated {r['date'].isoformat()}; "
                        f"the file has it dated {actual.isoformat()}", related=[r["_entry"]],
                        cited=r["date"].isoformat(), actual=actual.isoformat())
            else:
                c.plant(code, ur_e, f"UR records list cites {r['description']} dated "
                        f"{r['date'].isoformat()}, which is not in the file",
                        cited={"date": r["date"].isoformat(), "description": r["description"]})
        if spec.late:
            c.plant("UR_UNTIMELY", ur_e, f"RFA received {received.isoformat()}; {spec.review_type} decision "
                    f"due {due.isoformat()}, made {decided.isoformat()} "
                    f"({business_days_between(received, decided)} business days)",
                    kind="decision", due=due.isoformat(), actual=decided.isoformat())
        if spec.comm_late:
            due_c = add_business_days(decided, UR_NOTICE_BUSINESS_DAYS)
            c.plant("UR_UNTIMELY", ur_e, f"decided {decided.isoformat()} but served in writing "
                    f"{service_date.isoformat()}, after {due_c.isoformat()} (2 business days)",
                    kind="communication", due=due_c.isoformat(), actual=service_date.isoformat())
        if spec.before_rfa:
            c.plant("DATE_SEQUENCE", ur_e, f"UR decision {decided.isoformat()} precedes RFA receipt "
                    f"{received.isoformat()}", decision_date=decided.isoformat(),
                    rfa_received=received.isoformat())
        adverse = ov != "approved"
        if adverse and spec.defects:
            missing = sorted({"no_specialty": "reviewer_specialty", "no_reviewer": "reviewer_name",
                              "no_guideline": "guideline", "no_rationale": "rationale",
                              "no_imr_notice": "imr_rights_notice"}[d] for d in spec.defects)
            if "imr_rights_notice" in missing:
                missing.append("imr_application")
            c.plant("UR_NOTICE_DEFECT", ur_e, f"{ov} letter lacks: {', '.join(missing)}", missing=sorted(missing))
        if spec.p2p_note and spec.peer_to_peer == "held":
            self.add(peer_to_peer_note(rng, case, date=decided - dt.timedelta(days=1) if decided.weekday() else decided,
                                       reviewer=doc.fields["ur.reviewer_name"] or "UR physician",
                                       requesting=self.ptp_disp, treatment=items[0]["description"]))
        # IMR
        if spec.imr is not None and adverse:
            served = service_date or decided
            deadline = service_deadline(served, 30, spec.service_method or "mail")
            if spec.imr.get("late"):
                app_date = deadline + dt.timedelta(days=rng.randint(3, 9))
            else:
                app_date = served + dt.timedelta(days=rng.randint(6, 20))
            disputed = [t for t in treatments if t["decision"] != "approved"]
            app_e = self.add(imr_application(rng, case, date=app_date, ur_date=decided, treatments=disputed,
                                             requesting=self.ptp_disp, signed=spec.imr.get("signed", True),
                                             review_type_marked=spec.imr.get("type", "regular"),
                                             jcn=spec.imr.get("jcn")), cite=False,
                             meta={"review_type_marked": spec.imr.get("type", "regular"),
                                   "jcn": spec.imr.get("jcn")})
            app_e.meta["app_date"] = app_date
            if spec.noarfi or spec.fdl:
                yy = app_date.year % 100
                cm = f"CM{yy:02d}-{rng.randint(1000000, 9999999):07d}"
                nd = _bday(app_date + dt.timedelta(days=rng.randint(8, 20)))
                if spec.noarfi:
                    self.add(imr_notice(rng, case, date=nd, case_number=cm, ur_date=decided, rfa_date=rfa_date,
                                        treatments=disputed, requesting=self.ptp_disp), cite=False)
                if spec.fdl:
                    fd = _bday(nd + dt.timedelta(days=rng.randint(20, 35)))
                    recs = [{"date": pr2.date, "description": "Progress report (PR-2)"},
                            {"date": decided, "description": "Utilization review determination"}]
                    self.add(imr_determination(rng, case, date=fd, case_number=cm, ur_date=decided,
                                               treatments=[dict(t, imr=o) for t, o in zip(disputed, spec.fdl)],
                                               reviewer_specialty=reviewer.specialty or "Orthopedic Surgery",
                                               records=recs))

    def _qme_track(self, last_day: dt.date) -> None:
        rng, case, sc = self.rng, self.case, self.sc
        spec = sc.qme
        panel_day = _bday(self.pr2s[min(1, len(self.pr2s) - 1)].date + dt.timedelta(days=rng.randint(10, 20)))
        evaluator = None
        if sc.panel:
            docs3 = [random_person(rng, doctor=True, specialty="Orthopedic Surgery") for _ in range(3)]
            self.add(qme_panel_list(rng, case, date=panel_day, panel_no=rng.randint(7000000, 7999999),
                                    specialty="Orthopedic Surgery (MOS)", physicians=docs3,
                                    represented=sc.represented), cite=False)
            evaluator = rng.choice(docs3)
        if not spec or qme_report is None:
            return
        if evaluator is not None and spec.role == "panel_qme":
            case.extra["panel_qme_evaluator"] = evaluator
        first = self._qme_report(spec, panel_day)
        if sc.qme2:
            self._qme_report(sc.qme2, first.date + dt.timedelta(days=rng.randint(10, 25)))

    def _qme_report(self, spec: QMESpec, start: dt.date) -> Entry:
        rng, case, c = self.rng, self.case, self.claim
        exam = _bday(start + dt.timedelta(days=rng.randint(45, 70)))
        if "late_no_extension" in spec.defects:
            report_day = exam + dt.timedelta(days=QME_REPORT_DAYS + rng.randint(8, 20))
        elif "report_before_exam" in spec.defects:
            report_day = exam - dt.timedelta(days=rng.randint(3, 9))
        else:
            report_day = exam + dt.timedelta(days=rng.randint(10, 27))
        report_day = _bday(report_day) if "report_before_exam" not in spec.defects else report_day
        if "late_no_extension" not in spec.defects and "report_before_exam" not in spec.defects \
                and (report_day - exam).days > QME_REPORT_DAYS:
            report_day = exam + dt.timedelta(days=QME_REPORT_DAYS - 2)
        served = None
        if spec.served:
            served = report_day + dt.timedelta(days=rng.randint(0, 3))
        # the contract's rule: records dated before the exam (the report date when there is none)
        threshold = exam if spec.kind in ("initial", "reevaluation") else report_day
        before = [e for e in c.records_before(threshold)]
        listed, omitted = [], []
        med = [e for e in before if e.type in MEDICAL_TYPES]
        if spec.omit:
            pool = [e for e in med if e.type in ("imaging_report", "therapy_note", "treating_report",
                                                 "diagnostic_report", "operative_report")]
            omitted = rng.sample(pool, min(spec.omit, len(pool)))
        records = []
        shifted = None
        for e in before:
            if e in omitted:
                continue
            r = dict(e.record, key=e.key)
            records.append(r)
            listed.append(e)
        if spec.shift_record:
            cands = [r for r in records if r["type"] in ("imaging_report", "treating_report",
                                                           "diagnostic_report")]
            r = rng.choice(cands)
            actual = r["date"]
            r["date"] = actual + dt.timedelta(days=rng.choice([-4, -2, 2, 5]))
            # no other record of that kind sits on the cited date
            shifted = (r, actual)
        cited_missing = None
        if spec.cite_missing:
            desc, kind = MISSING_RECORDS[2 if spec.shift_record else rng.randrange(2)]
            r = {"date": threshold - dt.timedelta(days=rng.randint(100, 140)), "description": desc,
                 "author": None, "type": kind, "key": "missing"}
            records.append(r)
            cited_missing = r
        if spec.records_letter and spec.kind in ("initial", "reevaluation"):
            letter_day = _bday(exam - dt.timedelta(days=rng.randint(22, 30)))
            self.add(cover_letter(rng, case, date=letter_day, sender=case.claims_administrator,
                                  recipient="Qualified Medical Evaluator (panel)",
                                  enclosures=sorted({r["description"] for r in records if r.get("key") != "missing"}),
                                  purpose="records"), cite=False)
        doc = qme_report(rng, case, role=spec.role, kind=spec.kind, style=spec.style,
                         exam_date=exam if spec.kind in ("initial", "reevaluation") else None,
                         report_date=report_day, service_date=served,
                         service_method=spec.service_method, records=records,
                         defects=set(spec.defects))
        if spec.cover_first:
            self._prepend_cover(doc, report_day)
        qe = self.claim.add(doc, record=record_of(doc.type, report_day, "Medical-legal evaluation report",
                                                  doc.fields.get("author")),
                            meta={"service_method": spec.service_method})
        for d in doc.fields.get("_defects", []):
            c.plant(d["code"], qe, f"{doc.type}: planted {d['code']} {d.get('details', {})}",
                    **d.get("details", {}))
        for e in omitted:
            c.plant("QME_RECORD_OMITTED", qe, f"{e.type} dated {e.date.isoformat()} predates the "
                    f"{'exam' if spec.kind in ('initial', 'reevaluation') else 'report'} and is not in "
                    f"the records-reviewed list", related=[e], record_date=e.date.isoformat(),
                    record_type=e.type)
        if shifted:
            r, actual = shifted
            src = c.by_key(r["key"])
            c.plant("RECORD_DATE_MISMATCH", qe, f"report cites {r['description']} dated "
                    f"{r['date'].isoformat()}; the file's record is dated {actual.isoformat()}",
                    related=[src], cited=r["date"].isoformat(), actual=actual.isoformat())
        if cited_missing:
            c.plant("CITED_RECORD_MISSING", qe, f"report lists {cited_missing['description']} dated "
                    f"{cited_missing['date'].isoformat()}; no such record in the file",
                    cited={"date": cited_missing["date"].isoformat(),
                           "description": cited_missing["description"]})
        return qe

    def _prepend_cover(self, doc, day: dt.date) -> None:
        from .common import P, Styles, page_break, sp
        st = Styles("b", 11)
        ev = doc.fields.get("author") or "the evaluator"
        cover = [P(f"{ev}", st.h2), P("Medical-Legal Evaluations", st.body), sp(20),
                 P(day.strftime("%B %d, %Y").replace(" 0", " "), st.body), sp(10),
                 P("To all parties:", st.body),
                 P(f"Enclosed is my medical-legal report concerning {self.case.claimant.name}, claim "
                   f"number {self.case.claim_number}. The report, the proof of service and my billing "
                   f"are enclosed. Please contact my office with any questions.", st.body),
                 sp(20), P("Respectfully,", st.body), P(ev, st.body), page_break()]
        doc.flowables = cover + list(doc.flowables)

    def _misfiled(self, n: int) -> None:
        rng, c = self.rng, self.claim
        other = random_person(rng)
        while other.last == self.case.claimant.last:
            other = random_person(rng)
        other_case = Case(claimant=other, date_of_birth=dt.date(1975, 5, 5),
                          claim_number=f"05-{rng.randint(100000, 999999)}", adj_number=None,
                          injury=self.doi - dt.timedelta(days=rng.randint(100, 300)),
                          employer=rng.choice(EMPLOYERS), claims_administrator=self.case.claims_administrator,
                          body_parts=["left knee"], occupation="cashier")
        other_case.extra["ptp_disp"] = "Dr. Susan Hale"
        other_doc = random_person(rng, doctor=True)
        base_day = self.pr2s[min(1, len(self.pr2s) - 1)].date + dt.timedelta(days=3)
        docs = [treating_report(rng, other_case, date=_bday(base_day), physician=other_doc,
                                phys_disp=doctor_display(rng, other_doc), clinic=rng.choice(CLINICS),
                                parts=["left knee"]),
                imaging_report(rng, other_case, date=_bday(base_day - dt.timedelta(days=9)), part="left knee",
                               modality="MRI", radiologist="Dr. Carl Benning", facility="Pacific Open MRI")][:n]
        # place them inside the file, after the first PR-2 of the claimant at or after base_day
        for d in docs:
            e = c.add(d, misfiled=True)
            c.entries.remove(e)
            idx = next((i for i, x in enumerate(c.entries) if x.date and x.date > base_day), len(c.entries))
            c.entries.insert(idx, e)
            c.plant("CLAIMANT_MISMATCH", e, f"{d.type} names {other.name}, claim {other_case.claim_number}: "
                    f"another patient's record", expected=self.case.claimant.name, found=other.name,
                    found_claim_number=other_case.claim_number)

    def _duplicate(self) -> None:
        import copy
        rng, c = self.rng, self.claim
        cands = [e for e in c.own() if e.type in ("treating_report", "imaging_report", "rfa")]
        orig = cands[rng.randrange(len(cands))]
        doc = copy.deepcopy(orig.doc)
        from .common import fax_header, fax_line
        when = orig.date + dt.timedelta(days=rng.randint(3, 12))
        doc.decorations = list(doc.decorations) + [fax_header(fax_line(when, "16:05", "5595550135",
                                                                       self.clinic.upper()))]
        e = c.add(doc, duplicate_of=orig.key, record=None, meta=dict(orig.meta))
        c.entries.remove(e)
        # the copy comes later in the file than the original, near its fax date
        start = c.entries.index(orig) + 1
        idx = next((i for i in range(start, len(c.entries))
                    if c.entries[i].date and c.entries[i].date > when), len(c.entries))
        c.entries.insert(idx, e)
        c.plant("DUPLICATE_DOCUMENT", e, f"second copy of {orig.type} dated {orig.date.isoformat()} "
                f"(faxed again)", related=[orig], duplicate_of_date=orig.date.isoformat())

    def _fax_bundle(self) -> None:
        """A fax cover sheet followed by the documents it carried (the PR-2 + RFA of one cycle)."""
        rng, c = self.rng, self.claim
        rfas = [e for e in c.entries if e.type == "rfa"]
        if not rfas:
            return
        target = rfas[-1]
        idx = c.entries.index(target)
        prev = c.entries[idx - 1]
        carried = [prev, target] if prev.type == "treating_report" else [target]
        from .render import render
        total = 1 + sum(render(x.doc)[1] for x in carried)
        cover = fax_cover(rng, self.case, date=target.date, sender=f"{self.clinic}",
                          to=f"{self.case.claims_administrator} - UR intake", pages=total)
        e = c.add(cover)
        c.entries.remove(e)
        c.entries.insert(c.entries.index(carried[0]), e)
        c.fax_bundles.append((e.key, [x.key for x in carried],
                              {"date": target.meta.get("received") or target.date,
                               "sender": self.clinic.upper()}))

    def _separators(self) -> None:
        rng, c = self.rng, self.claim
        labels = ["MEDICAL RECORDS", "UTILIZATION REVIEW", None]
        firsts = {}
        for e in c.entries:
            grp = "MEDICAL RECORDS" if e.type in MEDICAL_TYPES else (
                "UTILIZATION REVIEW" if e.type == "ur_decision" else None)
            if grp and grp not in firsts:
                firsts[grp] = e
        for lab in labels:
            if lab and lab in firsts:
                s = c.add(separator(rng, lab))
                c.entries.remove(s)
                c.entries.insert(c.entries.index(firsts[lab]), s)
        qmes = [e for e in c.entries if e.type in ("qme_report", "ame_report")]
        if qmes:  # a blank sheet before the medical-legal report
            s = c.add(separator(rng, None))
            c.entries.remove(s)
            c.entries.insert(c.entries.index(qmes[0]), s)

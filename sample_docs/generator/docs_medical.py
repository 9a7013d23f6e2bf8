"""Medical records: PR-2 progress reports, Doctor's First Report (5021), imaging, operative,
therapy notes, EMG/NCS, medication lists, peer-to-peer notes."""

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
    page_break,
    re_block,
    signature,
    sp,
)
from .dates import fmt, fmt_doi, pick_style
from .vocab import MEDICATIONS, spell_part, spell_parts

SUBJECTIVE = [
    "The patient reports constant aching pain in the {p}, rated {n}/10, worse with bending, lifting "
    "and prolonged sitting. Sleep is interrupted two to three times a night.",
    "Patient states the {p} pain is about the same as at the last visit, {n}/10 on average, with "
    "intermittent flare-ups after household chores.",
    "Ongoing complaints of {p} pain with stiffness in the morning lasting about an hour. Pain level "
    "{n}/10. Medications help for a few hours.",
]
OBJECTIVE = [
    "Examination of the {p}: tenderness to palpation with guarding. Range of motion is reduced by "
    "about one third in all planes. Motor strength 5-/5. Sensation intact.",
    "{P}: positive provocative testing, decreased range of motion, no atrophy. Gait is antalgic.",
    "Inspection of the {p} shows no swelling or discoloration. Palpation reproduces the pain. "
    "Neurovascular status intact distally.",
]
SUBJECTIVE_OTHER = {
    "psyche": ["Since the injury the patient reports worry, low mood and poor sleep ({p}); stress is "
               "rated {n}/10 on most days.",
               "The patient describes irritability and trouble concentrating at home ({p}); sleeps four "
               "to five hours a night."],
    "head": ["Intermittent headaches after the blow to the {p}, {n}/10, with light sensitivity."],
    "internal": ["Heartburn and stomach upset with the anti-inflammatory medication ({p}), {n}/10."],
}
OBJECTIVE_OTHER = {
    "psyche": ["Mental status ({p}): alert and oriented, mood anxious, affect constricted, thought "
               "process linear, no suicidal ideation."],
    "head": ["{P}: no scalp tenderness; cranial nerves intact; gait steady."],
    "internal": ["{P}: abdomen soft, mild epigastric tenderness, no guarding."],
}
PLAN = [
    "Continue home exercise program and current medications.",
    "Request for authorization submitted for the treatment listed below.",
    "Follow up in four to six weeks or sooner if symptoms worsen.",
    "Modified duty with no lifting over 15 pounds and no repetitive bending.",
]
DX = {"lumbar spine": "Lumbar sprain/strain with radiculopathy (M54.16)",
      "cervical spine": "Cervical sprain/strain (S13.4XXA)",
      "thoracic spine": "Thoracic sprain/strain (S23.3XXA)",
      "shoulder": "Rotator cuff tendinitis / impingement (M75.41)",
      "knee": "Internal derangement, tear of medial meniscus (M23.221)",
      "wrist": "Carpal tunnel syndrome (G56.01)", "hand": "Hand sprain (S63.90XA)",
      "elbow": "Lateral epicondylitis (M77.11)", "hip": "Hip strain (S76.011A)",
      "ankle": "Ankle sprain (S93.401A)", "foot": "Plantar fasciitis (M72.2)",
      "psyche": "Adjustment disorder with anxiety (F43.22)", "head": "Head contusion (S00.83XA)",
      "internal": "Gastritis secondary to NSAID use (K29.70)"}


def dx_for(part: str) -> str:
    base = part.split(" ")[-1]
    return DX.get(part, DX.get(base, "Sprain/strain"))


def _clinic_head(rng, st, clinic: str) -> list[Any]:
    return letterhead(clinic, [f"{rng.randint(100, 8999)} {rng.choice(['N. Fresno St.', 'Stockdale Hwy', 'J Street', 'Mission Blvd.'])}, "
                               f"Suite {rng.randint(100, 400)}", f"Tel (559) 555-{rng.randint(1000, 9999)}  Fax (559) 555-{rng.randint(1000, 9999)}"],
                      st, align=rng.choice(["center", "left"]))


def treating_report(rng: random.Random, case: Case, *, date: dt.date, physician: Person, phys_disp: str,
                    clinic: str, parts: list[str], rfa_items: list[dict] | None = None,
                    surgery_note: str | None = None, doi: Any = "case", long: bool = False,
                    claimant: str | None = None, claim_no: str | None = None,
                    key: str = "") -> GeneratedDoc:
    """PR-2 progress report: a clinic's narrative layout, or the state form's boxed layout."""
    ds = pick_style(rng)
    st = Styles(rng.choice(["a", "b"]), 10)
    reasons_all = ["Periodic report (required 45 days after last report)", "Change in treatment plan",
                   "Request for authorization", "Change in work status", "Need for referral or consultation"]
    reasons = rng.sample(reasons_all, 2)
    if rng.random() < 0.4:   # the DWC form layout
        fl: list[Any] = [P("State of California - Division of Workers' Compensation", st.center),
                         P("PRIMARY TREATING PHYSICIAN'S PROGRESS REPORT (PR-2)", st.h1),
                         P("Check the box(es) which indicate why you are submitting a report at this "
                           "time. If the patient is permanent and stationary, use the PR-4.", st.small)]
        fl.append(P("   ".join(f"{'[X]' if r in reasons else '[ ]'} {r}" for r in reasons_all), st.small))
        name = claimant or case.claimant.name
        first, last = name.rsplit(" ", 1)
        injury = case.injury if doi == "case" else doi
        from .dates import fmt_doi as _fd
        fl.append(kv_table([("Patient (Last, First):", f"{last}, {first}"),
                            ("Date of Injury:", _fd(injury, ds)), ("Date of Exam:", fmt(date, ds)),
                            ("Occupation:", case.occupation), ("Claim Number:", claim_no or case.claim_number),
                            ("Employer:", case.employer), ("Claims Administrator:", case.claims_administrator)],
                           st, boxed=True, widths=(2.2 * inch, 4.6 * inch)))
        fl.append(sp(4))
    else:
        fl = _clinic_head(rng, st, clinic)
        fl.append(P("PRIMARY TREATING PHYSICIAN'S PROGRESS REPORT (PR-2)", st.h1))
        fl.append(re_block(case, st, ds, claimant=claimant, claim_number=claim_no, doi=doi,
                           labels=rng.randrange(3), extra=[("Date of exam:", fmt(date, ds))]))
        fl.append(P("Reason for submission: " + "; ".join(reasons), st.small))
    fl.append(P("SUBJECTIVE COMPLAINTS", st.h2))
    for p in parts:
        fl.append(P(rng.choice(SUBJECTIVE_OTHER.get(p, SUBJECTIVE)).format(p=spell_part(rng, p),
                                                                            n=rng.randint(4, 8)), st.body))
    if surgery_note:
        fl.append(P(surgery_note, st.body))
    fl.append(P("OBJECTIVE FINDINGS", st.h2))
    for p in parts:
        w = spell_part(rng, p)
        fl.append(P(rng.choice(OBJECTIVE_OTHER.get(p, OBJECTIVE)).format(p=w, P=w[:1].upper() + w[1:]),
                    st.body))
    if long:
        fl.append(page_break())
        fl.append(P("HISTORY (interval)", st.h2))
        for _ in range(4):
            fl.append(P("The patient has continued with the home exercise program as instructed and "
                        "reports partial benefit. Activities of daily living remain limited for "
                        "prolonged standing, carrying groceries and yard work. No new injury since the "
                        "last visit. Medications are tolerated without gastrointestinal upset.", st.body))
    fl.append(P("DIAGNOSES", st.h2))
    for i, p in enumerate(parts, 1):
        fl.append(P(f"{i}. {dx_for(p)}", st.body))
    fl.append(P("TREATMENT PLAN", st.h2))
    for line in rng.sample(PLAN, 2):
        fl.append(P(line, st.body))
    if rfa_items:
        for t in rfa_items:
            fl.append(P(f"- Request: {t['description']} ({t['cpt']}), {t['quantity']}", st.body))
    fl.append(P("WORK STATUS", st.h2))
    fl.append(P(rng.choice(["Temporarily totally disabled until the next visit.",
                            "Return to modified work with restrictions as above.",
                            "Regular work without restrictions."]), st.body))
    fl.append(P("I declare under penalty of perjury that this report is true and correct to the best "
                "of my knowledge and that I have not violated Labor Code section 139.3.", st.small))
    fl += signature(phys_disp, [physician.specialty or "", clinic], st, closing=f"Signed {fmt(date, ds)}")
    doc = GeneratedDoc("treating_report", fl, key=key, footer=rng.choice([None, "Page {page} of {pages}",
                                                                          "PR-2 - page {page}"]))
    doc.fields = common_fields(case, date, author=phys_disp, parts=parts, doi=doi, claimant=claimant,
                               claim_no_value=claim_no)
    return doc


def doctor_first_report(rng: random.Random, case: Case, *, date: dt.date, physician: Person,
                        phys_disp: str, clinic: str, parts: list[str], description: str,
                        key: str = "") -> GeneratedDoc:
    """Form 5021, Doctor's First Report of Occupational Injury or Illness."""
    ds = pick_style(rng)
    st = Styles("a", 9)
    fl: list[Any] = [P("STATE OF CALIFORNIA", st.center),
                     P("DOCTOR'S FIRST REPORT OF OCCUPATIONAL INJURY OR ILLNESS", st.h1),
                     P("Within 5 days of your initial examination, for every occupational injury or "
                       "illness, send two copies of this report to the employer's workers' compensation "
                       "insurance carrier or the insured employer. Failure to file a timely doctor's "
                       "report may result in assessment of a civil penalty.", st.small)]
    pairs = [("1. Insurer name and address:", case.claims_administrator),
             ("2. Employer name:", case.employer),
             ("7. Patient name:", case.claimant.name),
             ("11. Occupation:", case.occupation),
             ("13. Date of birth:", fmt(case.date_of_birth, ds)),
             ("14. Date of injury or onset of illness:", fmt_doi(case.injury, ds)),
             ("16. Date of first examination:", fmt(date, ds)),
             ("17. Describe how the accident or exposure happened:", description),
             ("18. Subjective complaints:", f"Pain in the {spell_parts(rng, parts)}."),
             ("19. Objective findings:", "Tenderness, reduced range of motion, guarding."),
             ("20. Diagnosis:", "; ".join(dx_for(p) for p in parts)),
             ("22. Treatment rendered:", "Exam, medications, ice/heat, home exercise instructions."),
             ("24. Work status:", "Modified work, no lifting over 10 lbs, for two weeks.")]
    fl.append(kv_table(pairs, st, boxed=True, widths=(2.6 * inch, 4.2 * inch)))
    fl.append(sp(6))
    fl.append(P(f"Doctor's signature: /s/ {phys_disp}    Date of report: {fmt(date, ds)}", st.body))
    fl.append(P(f"Doctor name and degree: {phys_disp}   {clinic}", st.body))
    fl.append(P("Any person who makes or causes to be made any knowingly false or fraudulent material "
                "statement or material representation for the purpose of obtaining or denying workers' "
                "compensation benefits or payments is guilty of a felony.", st.small))
    doc = GeneratedDoc("doctor_first_report", fl, key=key, footer="Form 5021 (Rev. 5)")
    doc.fields = common_fields(case, date, author=phys_disp, parts=parts, claim_number=False)
    return doc


def imaging_report(rng: random.Random, case: Case, *, date: dt.date, part: str, modality: str,
                   radiologist: str, facility: str, key: str = "") -> GeneratedDoc:
    ds = pick_style(rng)
    st = Styles("a", 10)
    region = spell_part(rng, part, plain=True)
    fl: list[Any] = letterhead(facility, ["Diagnostic Imaging", "Tel (559) 555-0110"], st)
    title = f"{'MRI' if modality == 'MRI' else 'X-RAY'} {region.upper()}" + \
        (" WITHOUT CONTRAST" if modality == "MRI" else f", {rng.choice(['2', '3'])} VIEWS")
    fl.append(P(title, st.h1))
    fl.append(kv_table([("Patient:", case.claimant.name), ("DOB:", fmt(case.date_of_birth, ds)),
                        ("Date of service:", fmt(date, ds)), ("Referring:", case.extra.get("ptp_disp", "")),
                        ("Claim #:", case.claim_number)], st))
    fl.append(P("CLINICAL HISTORY", st.h2))
    fl.append(P(f"Work injury. Pain in the {region}.", st.body))
    fl.append(P("TECHNIQUE", st.h2))
    fl.append(P("Multiplanar multisequence images were obtained on a 1.5 Tesla magnet without "
                "intravenous contrast." if modality == "MRI" else
                "Standard radiographic views were obtained.", st.body))
    fl.append(P("FINDINGS", st.h2))
    base = part.split(" ")[-1]
    findings = {
        "spine": "Mild disc desiccation with a 3 mm broad-based disc protrusion at the lower levels, "
                 "mild narrowing of the lateral recess. No fracture. Alignment is maintained.",
        "shoulder": "Partial-thickness articular-surface tear of the supraspinatus tendon. Mild "
                    "acromioclavicular joint arthrosis. No full-thickness tear.",
        "knee": "Oblique tear of the posterior horn of the medial meniscus extending to the inferior "
                "articular surface. Small joint effusion. Ligaments intact.",
    }
    fl.append(P(findings.get(base, "No acute osseous abnormality. Soft tissues unremarkable."), st.body))
    fl.append(P("IMPRESSION", st.h2))
    fl.append(P({"spine": "1. Mild degenerative disc disease with small disc protrusion.",
                 "shoulder": "1. Partial-thickness supraspinatus tear.",
                 "knee": "1. Medial meniscus tear, posterior horn."}.get(base, "1. No acute findings."),
                st.body))
    fl.append(P(f"Electronically signed by {radiologist} on {fmt(date, ds)}", st.small))
    doc = GeneratedDoc("imaging_report", fl, key=key)
    doc.fields = common_fields(case, date, author=radiologist, parts=[part], doi=None)
    return doc


def operative_report(rng: random.Random, case: Case, *, date: dt.date, part: str, surgeon: str,
                     procedure: str, key: str = "") -> GeneratedDoc:
    ds = pick_style(rng)
    st = Styles("b", 10)
    region = spell_part(rng, part, plain=True)
    fl: list[Any] = letterhead(rng.choice(["Fresno Surgical Center", "Valley Ambulatory Surgery Center"]),
                               ["Outpatient Surgery"], st)
    fl.append(P("OPERATIVE REPORT", st.h1))
    fl.append(kv_table([("Patient:", case.claimant.name), ("Date of surgery:", fmt(date, ds)),
                        ("Surgeon:", surgeon), ("Anesthesia:", "General with interscalene block"),
                        ("Claim #:", case.claim_number)], st))
    fl.append(P("PREOPERATIVE DIAGNOSIS", st.h2))
    fl.append(P(f"{dx_for(part)}, {region}.", st.body))
    fl.append(P("POSTOPERATIVE DIAGNOSIS", st.h2))
    fl.append(P("Same.", st.body))
    fl.append(P("PROCEDURE PERFORMED", st.h2))
    fl.append(P(procedure + ".", st.body))
    fl.append(P("DESCRIPTION OF PROCEDURE", st.h2))
    for _ in range(3):
        fl.append(P("The patient was identified in the preoperative holding area and the operative site "
                    "was marked. After induction of anesthesia the patient was positioned and padded. "
                    "The extremity was prepped and draped in the usual sterile fashion. A time-out was "
                    "performed. Standard portals were established and a diagnostic examination was "
                    "carried out. The pathology was addressed as described. The portals were closed with "
                    "nylon sutures and a sterile dressing applied.", st.body))
    fl.append(P("ESTIMATED BLOOD LOSS: Minimal. COMPLICATIONS: None. The patient went to recovery in "
                "stable condition.", st.body))
    fl += signature(surgeon, ["Attending surgeon"], st, closing="Dictated and signed:")
    doc = GeneratedDoc("operative_report", fl, key=key, footer="Page {page} of {pages}")
    doc.fields = common_fields(case, date, author=surgeon, parts=[part], doi=None)
    return doc


def therapy_note(rng: random.Random, case: Case, *, date: dt.date, part: str, therapist: str,
                 visit: int, of: int, chiro: bool = False, key: str = "") -> GeneratedDoc:
    ds = pick_style(rng)
    st = Styles("a", 9.5)
    region = spell_part(rng, part)
    clinic = "Summit Chiropractic & Wellness" if chiro else rng.choice(["Motion Physical Therapy",
                                                                       "Valley PT & Rehab"])
    fl: list[Any] = letterhead(clinic, ["Daily treatment note"], st, align="left")
    fl.append(P(("CHIROPRACTIC DAILY NOTE" if chiro else "PHYSICAL THERAPY DAILY NOTE") +
                f" - visit {visit} of {of}", st.h2))
    fl.append(kv_table([("Patient:", case.claimant.name), ("Date of service:", fmt(date, ds)),
                        ("Claim:", case.claim_number), ("Treating area:", region)], st))
    fl.append(P(f"S: Patient reports {rng.choice(['slight improvement', 'no change', 'less stiffness'])} "
                f"in the {region} since the last session; pain {rng.randint(3, 7)}/10.", st.body))
    fl.append(P("O: Therapeutic exercise 20 min, manual therapy 15 min, neuromuscular re-education "
                "10 min. Tolerated well.", st.body))
    fl.append(P("A: Progressing toward goals; functional reach and lifting tolerance improving.", st.body))
    fl.append(P("P: Continue plan of care.", st.body))
    fl.append(P(f"Therapist: {therapist}", st.body))
    doc = GeneratedDoc("therapy_note", fl, key=key)
    # the truth names the therapist without credentials ("Kim Nakamura, DPT" -> "Kim Nakamura")
    doc.fields = common_fields(case, date, author=therapist.split(",")[0], parts=[part], doi=None)
    return doc


def emg_report(rng: random.Random, case: Case, *, date: dt.date, physician: str, parts: list[str],
               key: str = "") -> GeneratedDoc:
    ds = pick_style(rng)
    st = Styles("a", 9.5)
    fl: list[Any] = letterhead("Neurodiagnostic Associates", ["Electrodiagnostic Laboratory"], st)
    fl.append(P("ELECTRODIAGNOSTIC CONSULTATION: EMG / NERVE CONDUCTION STUDY", st.h1))
    fl.append(kv_table([("Patient:", case.claimant.name), ("Date of study:", fmt(date, ds)),
                        ("Claim No.:", case.claim_number), ("Examiner:", physician)], st))
    fl.append(P(f"Reason for referral: numbness and tingling in the {spell_parts(rng, parts)}.", st.body))
    fl.append(P("NERVE CONDUCTION STUDIES", st.h2))
    rows = [["Nerve / site", "Latency (ms)", "Amplitude", "Velocity (m/s)"],
            ["R median motor (wrist)", "4.9", "6.1 mV", "50"], ["L median motor (wrist)", "4.4", "7.0 mV", "52"],
            ["R median sensory", "4.1", "12 uV", "38"], ["R ulnar motor", "3.0", "9.2 mV", "58"]]
    fl.append(grid(rows, st, widths=[2.4 * inch, 1.4 * inch, 1.4 * inch, 1.4 * inch]))
    fl.append(P("NEEDLE EMG", st.h2))
    fl.append(P("No spontaneous activity in the sampled muscles. Normal recruitment.", st.body))
    fl.append(P("IMPRESSION", st.h2))
    fl.append(P("Electrodiagnostic evidence of mild median neuropathy at the wrist (carpal tunnel "
                "syndrome), right greater than left. No evidence of radiculopathy.", st.body))
    fl.append(P(f"{physician}", st.body))
    doc = GeneratedDoc("diagnostic_report", fl, key=key)
    doc.fields = common_fields(case, date, author=physician, parts=parts, doi=None)
    return doc


def medication_list(rng: random.Random, case: Case, *, date: dt.date, prescriber: str,
                    key: str = "") -> GeneratedDoc:
    ds = pick_style(rng)
    st = Styles("a", 10)
    fl: list[Any] = [P("CURRENT MEDICATION LIST", st.h1)]
    fl.append(kv_table([("Patient:", case.claimant.name), ("As of:", fmt(date, ds)),
                        ("Claim:", case.claim_number), ("Prescriber:", prescriber)], st))
    rows = [["Medication", "Directions", "Start"]]
    for m, d in rng.sample(MEDICATIONS, 5):
        rows.append([m, d, fmt(date - dt.timedelta(days=rng.randint(20, 200)), ds)])
    fl.append(grid(rows, st, widths=[2.4 * inch, 3.0 * inch, 1.2 * inch]))
    fl.append(P("Allergies: NKDA", st.body))
    doc = GeneratedDoc("medication_list", fl, key=key)
    doc.fields = common_fields(case, date, author=prescriber, parts=None, doi=None)
    return doc


def peer_to_peer_note(rng: random.Random, case: Case, *, date: dt.date, reviewer: str,
                      requesting: str, treatment: str, key: str = "") -> GeneratedDoc:
    ds = pick_style(rng)
    st = Styles("c", 9.5)
    fl: list[Any] = [P("PEER-TO-PEER CONVERSATION NOTE", st.h1)]
    fl.append(kv_table([("Claimant:", case.claimant.name), ("Claim #:", case.claim_number),
                        ("Date of call:", fmt(date, ds)), ("UR physician:", reviewer),
                        ("Treating physician:", requesting)], st))
    fl.append(P(f"Called the treating physician's office to discuss the request for {treatment}. "
                f"Spoke with the requesting physician for about 10 minutes. The physician confirmed "
                f"that the patient completed six sessions of therapy with partial relief, and that "
                f"no new neurological deficit was documented. The guideline criteria were reviewed "
                f"together. No additional records will be sent.", st.body))
    fl.append(P(f"Documented by {reviewer}", st.body))
    doc = GeneratedDoc("peer_to_peer_note", fl, key=key)
    doc.fields = common_fields(case, date, author=reviewer, parts=None, claim_number=True, doi=None)
    return doc

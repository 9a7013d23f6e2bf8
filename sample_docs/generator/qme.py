"""QME / AME medical-legal reports for the sample corpus.

``qme_report(rng, case, role=..., kind=..., style=..., ...)`` returns one report as platypus
flowables plus its truth (``fields``) and the defects it plants (``fields["_defects"]``).

Two layouts:

- style ``"a"``: a panel-QME style comprehensive report: numbered ALL-CAPS headings, a narrative
  review of records in date order ("05/12/2025 - MRI right shoulder, Dr. X: ..."), an impairment
  summary table citing AMA Guides 5th ed. tables and a step-by-step Combined Values statement.
- style ``"b"``: an AME style report: Title Case headings (Roman numerals or none, sometimes run
  into the paragraph), a summary of conclusions up front, a records table (Date | Provider | Type
  | Summary) that may span pages, impairments in prose, long-form dates.

Clean reports are internally right: the combined WPI is the Combined Values Chart result of the
per-part ratings (largest first, ``A + B(1 - A)``, rounded half up at each step), apportionment
adds to 100 with a how-and-why explanation, the declaration under penalty of perjury is dated and
names the county, and every claimed body part is diagnosed and rated. Each requested defect breaks
exactly one of those and is listed in ``fields["_defects"]`` with its contract finding code.

All wording here was written for this corpus. Never imports ``pipeline``.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    LongTable,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from .base import Case, GeneratedDoc, Person
from .dates import fmt, fmt_doi, iso, iso_doi

ROLES = ("panel_qme", "qme", "ame")
KINDS = ("initial", "reevaluation", "supplemental", "record_review")
STYLES = ("a", "b")
SERVICE_METHODS = ("mail", "fax", "email", "personal")
DEFECTS = frozenset({
    "wpi_arithmetic", "summary_body_mismatch", "apportionment_sum", "apportionment_unexplained",
    "no_declaration", "late_no_extension", "body_part_missing", "report_before_exam",
})
#: the day the current ML fee schedule starts (8 CCR 9795; exams on or after it use ML201-203)
NEW_ML_SCHEDULE = dt.date(2021, 4, 1)
#: days after the exam within which a comprehensive report is due (8 CCR 38(a))
REPORT_DUE_DAYS = 30

#: pages a report may have; the composer aims inside TARGET_PAGES
MIN_PAGES, MAX_PAGES = 5, 30
TARGET_PAGES = (6, 27)
MAX_VERBOSITY = 5

_RATING_DEFECTS = {"wpi_arithmetic", "summary_body_mismatch", "apportionment_sum",
                   "apportionment_unexplained"}


# --------------------------------------------------------------------------------------------
# Combined Values Chart
# --------------------------------------------------------------------------------------------

def combine_step(a: int, b: int) -> int:
    """One Combined Values Chart step for whole percents: ``a + b(1 - a)``, rounded half up."""
    hi, lo = max(a, b), min(a, b)
    hundredths = hi * 100 + lo * (100 - hi)       # the exact value, in hundredths of a percent
    return (hundredths + 50) // 100


def combine_wpi(values: list[int]) -> int:
    """Combine whole-person ratings largest first, rounding at every step (chart convention)."""
    ordered = sorted((v for v in values), reverse=True)
    if not ordered:
        return 0
    acc = ordered[0]
    for v in ordered[1:]:
        acc = combine_step(acc, v)
    return acc


def combine_steps(values: list[int]) -> list[tuple[int, int, int]]:
    """The (larger, smaller, result) steps of :func:`combine_wpi`, for the report's statement."""
    ordered = sorted(values, reverse=True)
    steps = []
    if not ordered:
        return steps
    acc = ordered[0]
    for v in ordered[1:]:
        res = combine_step(acc, v)
        steps.append((acc, v, res))
        acc = res
    return steps


# --------------------------------------------------------------------------------------------
# Body parts: how a report writes them, what it diagnoses, how it rates them
# --------------------------------------------------------------------------------------------

SPINE = {"cervical spine": "cervical", "thoracic spine": "thoracic", "lumbar spine": "lumbar"}
SIDED = ("shoulder", "elbow", "wrist", "hand", "hip", "knee", "ankle", "foot")
UPPER = ("shoulder", "elbow", "wrist", "hand")
PLURAL = {"foot": "feet"}

_SPINE_WORDS = {
    "lumbar spine": ["lumbar spine", "lumbosacral spine", "low back", "L/S", "lumbar spine"],
    "cervical spine": ["cervical spine", "neck", "C-spine", "cervical spine"],
    "thoracic spine": ["thoracic spine", "mid back", "T-spine", "thoracic spine"],
    "head": ["head", "head"],
    "psyche": ["psyche", "psychiatric component"],
    "internal": ["internal system", "internal medicine component"],
}
_SIDE_WORDS = {"right": ["right", "rt", "R", "Rt.", "right"], "left": ["left", "lt", "L", "Lt.", "left"]}


def _split(part: str) -> tuple[str | None, str]:
    head, _, rest = part.partition(" ")
    if head in ("right", "left", "bilateral") and rest in SIDED:
        return head, rest
    return None, part


def part_formal(part: str) -> str:
    """Plain, formal wording of a canonical body part ("right shoulder", "both knees")."""
    side, region = _split(part)
    if side == "bilateral":
        return f"bilateral {PLURAL.get(region, region + 's')}"
    return part


def part_varied(rng: random.Random, part: str) -> str:
    """One of the ways reports write a body part ("rt shoulder", "L/S", "both knees")."""
    side, region = _split(part)
    if side is None:
        return rng.choice(_SPINE_WORDS.get(part, [part]))
    if side == "bilateral":
        plural = PLURAL.get(region, region + "s")
        return rng.choice([f"bilateral {plural}", f"both {plural}", f"B/L {plural}"])
    return f"{rng.choice(_SIDE_WORDS[side])} {region}"


# diagnoses: region -> [(text with {Side}/{side}, ICD-10 by side or plain)]
_DX: dict[str, list[tuple[str, Any]]] = {
    "lumbar": [("Lumbar sprain/strain", "S39.012A"),
               ("Lumbar disc protrusion at L4-L5", "M51.26"),
               ("Degenerative disc disease, lumbar spine, aggravated", "M51.36")],
    "cervical": [("Cervical sprain/strain", "S13.4XXA"),
                 ("Cervical disc displacement at C5-C6", "M50.20"),
                 ("Cervicalgia with myofascial pain", "M54.2")],
    "thoracic": [("Thoracic sprain/strain", "S23.3XXA"), ("Thoracic spondylosis", "M47.814")],
    "shoulder": [("{Side} shoulder impingement syndrome", {"right": "M75.41", "left": "M75.42"}),
                 ("Partial-thickness rotator cuff tear, {side} shoulder",
                  {"right": "M75.111", "left": "M75.112"}),
                 ("{Side} shoulder sprain", {"right": "S43.401A", "left": "S43.402A"})],
    "elbow": [("Lateral epicondylitis, {side} elbow", {"right": "M77.11", "left": "M77.12"}),
              ("Medial epicondylitis, {side} elbow", {"right": "M77.01", "left": "M77.02"})],
    "wrist": [("Carpal tunnel syndrome, {side}", {"right": "G56.01", "left": "G56.02"}),
              ("{Side} wrist sprain", {"right": "S63.501A", "left": "S63.502A"})],
    "hand": [("Tenosynovitis of the {side} hand", {"right": "M65.841", "left": "M65.842"}),
             ("{Side} hand contusion, healed", {"right": "S60.221A", "left": "S60.222A"})],
    "hip": [("{Side} hip strain", {"right": "S76.011A", "left": "S76.012A"}),
            ("Osteoarthritis of the {side} hip, aggravated", {"right": "M16.11", "left": "M16.12"})],
    "knee": [("Tear of the medial meniscus, {side} knee", {"right": "S83.241A", "left": "S83.242A"}),
             ("Osteoarthritis of the {side} knee", {"right": "M17.11", "left": "M17.12"}),
             ("Patellofemoral pain syndrome, {side} knee", {"right": "M22.2X1", "left": "M22.2X2"})],
    "ankle": [("{Side} ankle sprain", {"right": "S93.401A", "left": "S93.402A"}),
              ("Post-traumatic synovitis, {side} ankle", {"right": "M65.971", "left": "M65.972"})],
    "foot": [("Plantar fasciitis, {side} foot", {"right": "M72.2", "left": "M72.2"}),
             ("{Side} foot sprain", {"right": "S93.601A", "left": "S93.602A"})],
    "head": [("Post-traumatic headache", "G44.309"),
             ("Concussion without loss of consciousness, resolved", "S06.0X0A")],
    "psyche": [("Adjustment disorder with mixed anxiety and depressed mood", "F43.23"),
               ("Major depressive disorder, single episode, moderate", "F32.1")],
    "internal": [("Hypertension, aggravated by industrial stress", "I10"),
                 ("Gastroesophageal reflux disease secondary to NSAID use", "K21.9")],
}


def _diagnosis(rng: random.Random, part: str) -> tuple[str, str]:
    side, region = _split(part)
    key = SPINE.get(part, region)
    text, code = rng.choice(_DX[key])
    if side is None:
        return text.replace("{Side} ", "").replace("{side} ", ""), str(code)
    if side == "bilateral":
        text = text.replace("{Side}", "Bilateral").replace("{side}", "bilateral")
        codes = code if isinstance(code, str) else f"{code['right']}, {code['left']}"
        return text, codes
    text = text.replace("{Side}", side.capitalize()).replace("{side}", side)
    return text, code if isinstance(code, str) else code[side]


@dataclass
class Rating:
    part: str
    wpi: int
    method: str              # "Table 15-3, DRE Lumbar Category II"
    basis: str               # a sentence on how the figure was reached
    regional: str | None = None   # "9% UE" style intermediate


def _rate(rng: random.Random, part: str) -> Rating:
    side, region = _split(part)
    both = side == "bilateral"
    if part in SPINE:
        label = SPINE[part].capitalize()
        table = {"lumbar": "15-3", "thoracic": "15-4", "cervical": "15-5"}[SPINE[part]]
        if rng.random() < 0.75:
            wpi, cat = rng.randint(5, 8), "II"
            why = ("non-verifiable radicular complaints and documented muscle guarding, "
                   "with no objective signs of radiculopathy")
        else:
            wpi = rng.randint(10, 13) if SPINE[part] == "lumbar" else rng.randint(15, 18)
            if SPINE[part] == "thoracic":
                wpi = rng.randint(15, 18)
            cat = "III"
            why = ("radiculopathy confirmed by dermatomal sensory loss and a reflex asymmetry "
                   "that matches the imaging")
        method = f"Table {table}, DRE {label} Category {cat}"
        return Rating(part, wpi, method, f"The findings fit {method} because of {why}.")
    if region in UPPER:
        figs = {"shoulder": "Figures 16-40, 16-43 and 16-46", "elbow": "Figures 16-34 and 16-37",
                "wrist": "Figures 16-28 and 16-31", "hand": "Figures 16-21 and 16-23"}[region]
        ue = rng.randint(4, 12) if region == "shoulder" else rng.randint(2, 9)
        if both:
            ue = rng.randint(6, 14)
        wpi = max(1, (ue * 6 + 5) // 10)
        method = f"{figs}; Table 16-3"
        return Rating(part, wpi, method,
                      f"Loss of motion measured per {figs} gives {ue}% upper extremity impairment, "
                      f"which converts to {wpi}% whole person impairment per Table 16-3.",
                      f"{ue}% UE")
    if region in ("hip", "knee", "ankle", "foot"):
        tab = {"hip": "Table 17-9", "knee": "Table 17-33", "ankle": "Table 17-11",
               "foot": "Table 17-33"}[region]
        le = rng.choice([5, 7, 10, 12, 15, 17, 20])
        wpi = max(1, (le * 4 + 5) // 10)
        what = {"hip": "restricted flexion and internal rotation",
                "knee": "the diagnosis-based estimate for the documented knee pathology",
                "ankle": "loss of plantar flexion and dorsiflexion",
                "foot": "the diagnosis-based estimate for the residual hindfoot findings"}[region]
        return Rating(part, wpi, f"{tab}; Table 17-3",
                      f"{tab} ({what}) gives {le}% lower extremity impairment, or {wpi}% whole "
                      f"person impairment per Table 17-3.", f"{le}% LE")
    if part == "head":
        wpi = rng.randint(2, 5)
        return Rating(part, wpi, "Table 13-8, episodic neurologic disorder, Class 1",
                      "Intermittent headaches that interfere only mildly with daily activities "
                      f"fall in Class 1 of Table 13-8; I assign {wpi}% whole person impairment.")
    if part == "psyche":
        gaf = rng.randint(58, 66)
        wpi = {58: 18, 59: 16, 60: 15, 61: 13, 62: 12, 63: 10, 64: 8, 65: 7, 66: 5}[gaf]
        return Rating(part, wpi, f"Chapter 14; GAF {gaf}",
                      f"The Global Assessment of Function score is {gaf}, which the rating "
                      f"schedule's GAF conversion translates to {wpi}% whole person impairment.")
    wpi = rng.randint(3, 9)
    return Rating(part, wpi, "Table 4-2, Class 1",
                  "Blood pressure that is controlled on one medication with no end-organ change "
                  f"falls in Class 1 of Table 4-2; I assign {wpi}% whole person impairment.")


_EXAM_FINDINGS = {
    "spine": ["Tenderness to palpation over the paraspinal musculature with palpable guarding.",
              "Range of motion is limited, with pain at the end of flexion and extension.",
              "No spasm is present today; motion is guarded in all planes.",
              "Percussion over the spinous processes is mildly tender."],
    "lumbar": ["Straight leg raise produces back pain without radiating leg pain.",
               "Heel and toe walking are performed without difficulty."],
    "cervical": ["Spurling test is negative on both sides.",
                 "Foraminal compression reproduces neck pain without arm symptoms."],
    "thoracic": ["Rib springing is non-tender; chest expansion is symmetric."],
    "upper": ["Tenderness over the anterior aspect of the joint.",
              "Impingement signs (Neer and Hawkins) are positive.",
              "Grip strength by Jamar dynamometer is reduced compared with the opposite side.",
              "Tinel and Phalen signs are negative; sensation is intact to light touch."],
    "lower": ["There is medial joint line tenderness.",
              "McMurray test is equivocal; there is no ligamentous laxity.",
              "Mild effusion is present; gait is slightly antalgic.",
              "Motion is limited by pain at the end of flexion."],
    "head": ["Cranial nerves II through XII are grossly intact.",
             "There is no scalp tenderness; Romberg is negative."],
    "psyche": ["Affect is constricted and mood is described as low.",
               "Thought process is linear; there is no suicidal ideation."],
    "internal": ["Blood pressure is measured at 146/92 seated.",
                 "Heart rate is regular; the abdomen is soft with mild epigastric tenderness."],
}

_ROM = {
    "lumbar": [("Flexion", 60), ("Extension", 25), ("Right lateral bending", 25),
               ("Left lateral bending", 25)],
    "cervical": [("Flexion", 50), ("Extension", 60), ("Right rotation", 80), ("Left rotation", 80)],
    "thoracic": [("Flexion", 50), ("Right rotation", 30), ("Left rotation", 30)],
    "shoulder": [("Flexion", 180), ("Abduction", 180), ("Internal rotation", 80),
                 ("External rotation", 90)],
    "elbow": [("Flexion", 140), ("Extension", 0), ("Pronation", 80), ("Supination", 80)],
    "wrist": [("Dorsiflexion", 60), ("Palmar flexion", 60), ("Radial deviation", 20),
              ("Ulnar deviation", 30)],
    "hip": [("Flexion", 100), ("Internal rotation", 40), ("External rotation", 50)],
    "knee": [("Flexion", 140), ("Extension", 0)],
    "ankle": [("Dorsiflexion", 20), ("Plantar flexion", 40), ("Inversion", 30), ("Eversion", 20)],
}


_MEDS = [("Ibuprofen 800 mg", "one tablet three times a day with food"),
         ("Cyclobenzaprine 10 mg", "one tablet at bedtime"),
         ("Naproxen 550 mg", "one tablet twice a day"), ("Gabapentin 300 mg", "three times a day"),
         ("Lidocaine 5% patch", "twelve hours on, twelve off"),
         ("Omeprazole 20 mg", "once a day"), ("Tramadol 50 mg", "as needed for severe pain"),
         ("Amlodipine 5 mg", "once a day")]
_ADL = ["Self-care and personal hygiene", "Communication", "Standing", "Sitting", "Reclining",
        "Walking", "Climbing stairs", "Hand function: grasping", "Hand function: tactile",
        "Lifting", "Travel: riding in a car", "Travel: driving", "Sexual function",
        "Restful sleep", "Social and recreational activities"]


def _exam_group(part: str) -> str:
    side, region = _split(part)
    if part in SPINE:
        return "spine"
    if region in UPPER:
        return "upper"
    if region in ("hip", "knee", "ankle", "foot"):
        return "lower"
    return part


# --------------------------------------------------------------------------------------------
# Evaluators, places
# --------------------------------------------------------------------------------------------

_EVAL_FIRST = ["Harold", "Susan", "Arjun", "Meredith", "Leonard", "Camille", "Ernesto", "Judith",
               "Rajesh", "Eleanor", "Frederick", "Mariko", "Nathaniel", "Rebecca", "Tobias", "Yvette"]
_EVAL_LAST = ["Abramson", "Kurosawa", "Delacroix", "Pennington", "Varga", "Holloway", "Sandoval",
              "Okonkwo", "Reinholt", "Bhattacharya", "Montague", "Esparza", "Whitley", "Lindahl"]
_SPECIALTIES = [("Orthopaedic Surgery", "MD"), ("Orthopedic Surgery", "MD"),
                ("Physical Medicine and Rehabilitation", "MD"), ("Occupational Medicine", "DO"),
                ("Chiropractic", "DC")]
_PLACES = [("Fresno", "Fresno", "93721"), ("Bakersfield", "Kern", "93301"),
           ("Santa Ana", "Orange", "92701"), ("Torrance", "Los Angeles", "90503"),
           ("Oakland", "Alameda", "94612"), ("San Jose", "Santa Clara", "95113"),
           ("Riverside", "Riverside", "92501"), ("Sacramento", "Sacramento", "95814"),
           ("San Diego", "San Diego", "92101"), ("Modesto", "Stanislaus", "95354"),
           ("Ventura", "Ventura", "93001"), ("Redding", "Shasta", "96001")]
_STREETS = ["Medical Center Drive", "West Shaw Avenue", "Truxtun Avenue", "North Broadway",
            "Hawthorne Boulevard", "Telegraph Avenue", "Park Avenue", "Lemon Street",
            "Capitol Mall", "Camino del Rio South", "McHenry Avenue", "Victoria Avenue"]


def _evaluator(rng: random.Random, case: Case, role: str) -> Person:
    for key in (f"{role}_evaluator", "evaluator"):
        p = case.extra.get(key)
        if p is not None and all(hasattr(p, a) for a in ("first", "last", "name", "degree")):
            return p                      # a Person (duck-typed: the package may load twice)
    spec, degree = rng.choice(_SPECIALTIES)
    if "psyche" in case.body_parts and all(_exam_group(p) in ("psyche", "internal", "head")
                                           for p in case.body_parts):
        spec, degree = "Psychiatry", "MD"
    return Person(rng.choice(_EVAL_FIRST), rng.choice(_EVAL_LAST),
                  middle=rng.choice([None, None, "R", "T", "K"]), title="Dr.", degree=degree,
                  specialty=spec)


def _ml_code(rng: random.Random, kind: str, when: dt.date) -> str:
    if when >= NEW_ML_SCHEDULE:
        return {"initial": "ML201", "reevaluation": "ML202", "supplemental": "ML203",
                "record_review": "ML203"}[kind]
    return {"initial": rng.choice(["ML102", "ML103", "ML104"]), "reevaluation": "ML101",
            "supplemental": "ML106", "record_review": "ML106"}[kind]


def _role_title(role: str) -> str:
    return {"panel_qme": "Panel Qualified Medical Evaluation",
            "qme": "Qualified Medical Evaluation",
            "ame": "Agreed Medical Evaluation"}[role]


def _role_person(role: str) -> str:
    return {"panel_qme": "Panel Qualified Medical Evaluator",
            "qme": "Qualified Medical Evaluator", "ame": "Agreed Medical Evaluator"}[role]


def _kind_title(kind: str, style: str) -> str:
    if style == "a":
        return {"initial": "Initial Comprehensive Medical-Legal Evaluation",
                "reevaluation": "Comprehensive Medical-Legal Re-Evaluation",
                "supplemental": "Supplemental Report",
                "record_review": "Medical-Legal Evaluation by Review of Records"}[kind]
    return {"initial": "Comprehensive Medical-Legal Report",
            "reevaluation": "Re-Evaluation Report",
            "supplemental": "Supplemental Medical-Legal Report",
            "record_review": "Record Review Report"}[kind]


# --------------------------------------------------------------------------------------------
# Record summaries
# --------------------------------------------------------------------------------------------

_RECORD_SUMMARY = {
    "imaging_report": [
        "The impression describes findings consistent with the clinical picture; no fracture "
        "or dislocation is reported.",
        "The radiologist notes mild degenerative change and a small area of signal abnormality.",
        "The study is read as showing a partial-thickness tear and adjacent tendinosis.",
    ],
    "diagnostic_report": [
        "Electrodiagnostic testing is described as showing mild slowing across the wrist.",
        "The study was interpreted as within normal limits except for mild changes.",
    ],
    "treating_report": [
        "The applicant reported ongoing pain; the physician continued modified duty and "
        "requested further treatment.",
        "Examination showed tenderness and reduced motion. Medications were refilled and a "
        "follow-up was planned in four to six weeks.",
        "The treating physician kept the applicant on temporary total disability and requested "
        "authorization for additional therapy.",
    ],
    "doctor_first_report": [
        "First visit after the injury. The doctor recorded the mechanism of injury, took the "
        "applicant off work and prescribed anti-inflammatory medication.",
    ],
    "operative_report": [
        "The procedure was performed without complication; the postoperative diagnosis matched "
        "the preoperative one.",
    ],
    "therapy_note": [
        "Therapy visit: modalities, therapeutic exercise and manual therapy; the applicant "
        "tolerated treatment with a modest gain in motion.",
        "The therapist documents slow progress toward the functional goals.",
    ],
    "ur_decision": [
        "Utilization review letter addressing the requested treatment; the reviewer cited the "
        "MTUS guidelines.",
    ],
    "imr_determination": [
        "Independent medical review determination on the disputed treatment.",
    ],
    "rfa": ["Request for authorization from the treating physician."],
    "claim_form": ["The claim form identifies the date of injury and the parts of body claimed."],
    "employer_report": ["The employer's report describes the incident as reported by the "
                        "applicant and the last day worked."],
    "job_description": ["The job description lists the essential functions and the physical "
                        "demands of the position, including lifting up to 50 pounds."],
    "wage_statement": ["Earnings information for the year before the injury."],
    "deposition": ["Transcript of the applicant's testimony on the mechanism of injury and "
                   "prior complaints."],
    "medication_list": ["List of current medications and dosages."],
    "qme_report": ["Prior medical-legal report; its conclusions are discussed below."],
    "ame_report": ["Prior medical-legal report; its conclusions are discussed below."],
    "peer_to_peer_note": ["Note of a peer-to-peer conversation about the requested treatment."],
}
_GENERIC_SUMMARY = ["Reviewed and considered.", "The document was read in full; nothing in it "
                    "changes the conclusions below.", "Contents noted."]

_TYPE_LABEL = {
    "imaging_report": "Imaging", "diagnostic_report": "Diagnostic", "treating_report": "PTP report",
    "doctor_first_report": "DFR (5021)", "operative_report": "Operative", "therapy_note": "Therapy",
    "ur_decision": "UR", "imr_determination": "IMR", "rfa": "RFA", "claim_form": "DWC-1",
    "employer_report": "Employer rpt", "job_description": "Job desc.", "wage_statement": "Wages",
    "deposition": "Deposition", "medication_list": "Meds", "qme_report": "QME", "ame_report": "AME",
    "peer_to_peer_note": "P2P note", "correspondence": "Letter",
}


_FOLLOWUP = ["This is consistent with the history the applicant gave me.",
             "I note that the work status recorded here differs from later reports.",
             "No objective measurements are recorded.",
             "The findings are unchanged from the previous entry.",
             "This record supports the timeline described in the history."]


def _record_followup(rng: random.Random, rec: dict) -> str:
    return rng.choice(_FOLLOWUP)


def _record_summary(rng: random.Random, rec: dict, short: bool) -> str:
    opts = _RECORD_SUMMARY.get(rec.get("type", ""), _GENERIC_SUMMARY)
    text = rng.choice(opts)
    if short:
        text = text.split(";")[0].split(". ")[0].rstrip(".") + "."
    return text


# --------------------------------------------------------------------------------------------
# Layout helpers
# --------------------------------------------------------------------------------------------

@dataclass
class _Look:
    style: str
    body: ParagraphStyle
    small: ParagraphStyle
    head: ParagraphStyle
    title: ParagraphStyle
    center: ParagraphStyle
    right: ParagraphStyle
    cell: ParagraphStyle
    datefmt: str
    tabledate: str
    numbering: str           # "arabic" | "roman" | "none" | "runin"
    n: int = 0

    def p(self, text: str, st: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(text, st or self.body)

    def d(self, day: dt.date) -> str:
        return fmt(day, self.datefmt)


def _look(rng: random.Random, style: str) -> _Look:
    if style == "a":
        font, bold, size = "Times-Roman", "Times-Bold", 11
        datefmt = "mdy"
        numbering = "arabic"
    else:
        font, bold, size = "Helvetica", "Helvetica-Bold", 10
        datefmt = rng.choice(["long", "long", "abbr_ord", "dmy_long"])
        numbering = rng.choice(["roman", "none", "runin"])
    body = ParagraphStyle("body", fontName=font, fontSize=size, leading=size * 1.35,
                          alignment=TA_JUSTIFY if style == "a" else TA_LEFT, spaceAfter=6)
    small = ParagraphStyle("small", parent=body, fontSize=size - 1.5, leading=(size - 1.5) * 1.3)
    head = ParagraphStyle("head", parent=body, fontName=bold, spaceBefore=10, spaceAfter=5,
                          alignment=TA_LEFT)
    title = ParagraphStyle("title", parent=body, fontName=bold, fontSize=size + 3,
                           leading=(size + 3) * 1.3, alignment=TA_CENTER, spaceAfter=8)
    center = ParagraphStyle("center", parent=body, alignment=TA_CENTER)
    right = ParagraphStyle("right", parent=body, alignment=TA_RIGHT)
    cell = ParagraphStyle("cell", parent=body, fontSize=size - 2, leading=(size - 2) * 1.25,
                          alignment=TA_LEFT, spaceAfter=0)
    tabledate = rng.choice(["mdy_short", "mdy_nopad", "mdy"]) if style == "b" else "mdy"
    return _Look(style, body, small, head, title, center, right, cell, datefmt, tabledate,
                 numbering)


_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
          "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV"]


@dataclass
class _Out:
    look: _Look
    items: list = field(default_factory=list)
    pending_runin: str | None = None

    def heading(self, title: str) -> None:
        lk = self.look
        lk.n += 1
        if lk.style == "a":
            self.items.append(CondPageBreak(1.2 * inch))
            self.items.append(lk.p(f"{lk.n}. {escape(title.upper())}", lk.head))
            return
        if lk.numbering == "roman":
            self.items.append(CondPageBreak(1.0 * inch))
            self.items.append(lk.p(f"{_ROMAN[min(lk.n, len(_ROMAN)) - 1]}. {escape(title)}",
                                   lk.head))
        elif lk.numbering == "none":
            self.items.append(CondPageBreak(1.0 * inch))
            self.items.append(lk.p(f"<u>{escape(title)}</u>", lk.head))
        else:                      # run-in: the heading starts the next paragraph
            self.pending_runin = title

    def para(self, text: str, st: ParagraphStyle | None = None) -> None:
        if self.pending_runin:
            bold = "Times-Bold" if self.look.style == "a" else "Helvetica-Bold"
            text = f"<font name='{bold}'>{escape(self.pending_runin)}:</font> {text}"
            self.pending_runin = None
        self.items.append(self.look.p(text, st))

    def add(self, flowable) -> None:
        if self.pending_runin:
            self.para("")
        self.items.append(flowable)


def _grid(look: _Look, rows: list[list[str]], widths: list[float], *, long: bool = False,
          header: bool = True) -> Table:
    data = [[Paragraph(c, look.cell) for c in r] for r in rows]
    cls = LongTable if long else Table
    t = cls(data, colWidths=widths, repeatRows=1 if header else 0)
    st = [("GRID", (0, 0), (-1, -1), 0.5, colors.black),
          ("VALIGN", (0, 0), (-1, -1), "TOP"),
          ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    if header:
        st.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dddddd")))
    t.setStyle(TableStyle(st))
    return t


def _join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


# --------------------------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------------------------

@dataclass
class _Plan:
    """Everything the report states, decided before any text is written."""

    evaluator: Person
    practice: str
    street: str
    city: str
    county: str
    zipcode: str
    phone: str
    ml_code: str
    parts: list[str]                       # body parts the report addresses (canonical)
    missing_part: str | None
    diagnoses: list[tuple[str, str, str]]  # (part, text, icd)
    mmi: str                               # "mmi" | "not_mmi"
    mmi_date: dt.date | None
    ratings: list[Rating]
    summary_wpi: dict[str, int]            # what the summary shows per part
    combined_true: int | None
    combined_stated: int | None
    combined_mode: str                     # "ok" | "added" | "miscombined"
    apportionment: list[dict]
    extension_noted: bool
    declaration: bool
    signature_date: dt.date | None
    defects: list[dict]
    ttd: list[tuple[dt.date, dt.date | None]]


def _injury_start(case: Case) -> dt.date:
    return case.injury[1] if isinstance(case.injury, tuple) else case.injury


def _check_args(case, role, kind, style, exam_date, report_date, service_method, defects,
                body_parts) -> None:
    if role not in ROLES:
        raise ValueError(f"role must be one of {ROLES}, not {role!r}")
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    if style not in STYLES:
        raise ValueError(f"style must be one of {STYLES}, not {style!r}")
    if service_method not in SERVICE_METHODS:
        raise ValueError(f"service_method must be one of {SERVICE_METHODS}")
    unknown = set(defects) - DEFECTS
    if unknown:
        raise ValueError(f"unknown defects {sorted(unknown)}")
    examined = kind in ("initial", "reevaluation")
    if examined and exam_date is None:
        raise ValueError(f"a {kind} report needs an exam_date")
    timing = {"late_no_extension", "report_before_exam"} & set(defects)
    if timing and not examined:
        raise ValueError(f"{sorted(timing)} need an examination (kind initial/reevaluation)")
    if examined:
        if "report_before_exam" in defects:
            if not report_date < exam_date:
                raise ValueError("report_before_exam needs report_date < exam_date")
        elif report_date < exam_date:
            raise ValueError("report_date precedes exam_date; ask for the report_before_exam defect")
        if "late_no_extension" in defects and not (
                report_date - exam_date).days > REPORT_DUE_DAYS:
            raise ValueError("late_no_extension needs report_date > exam_date + 30 days")
    if "body_part_missing" in defects and len(case.body_parts) < 2:
        raise ValueError("body_part_missing needs a case with at least two claimed body parts")
    if body_parts is not None and "body_part_missing" not in defects:
        left_out = [p for p in case.body_parts if p not in body_parts]
        if left_out:
            raise ValueError(f"body_parts leaves out claimed parts {left_out}; a clean report "
                             "addresses all of them (ask for body_part_missing)")


def _plan(rng: random.Random, case: Case, role: str, kind: str, exam_date, report_date,
          defects: set[str], body_parts) -> _Plan:
    ev = _evaluator(rng, case, role)
    city, county, zipcode = rng.choice(_PLACES)
    street = f"{rng.randint(100, 9899)} {rng.choice(_STREETS)}, Suite {rng.randint(1, 4)}{rng.randint(0, 2)}0"
    field_word = {"Orthopaedic Surgery": "Orthopaedic", "Orthopedic Surgery": "Orthopedic",
                  "Chiropractic": "Chiropractic", "Psychiatry": "Psychiatric"}.get(
        ev.specialty or "", "Occupational")
    practice = rng.choice([f"{ev.last} {field_word} Medical Group",
                           f"{city} Medical-Legal Associates",
                           f"{ev.first} {ev.last}, {ev.degree}, Inc.",
                           "California Industrial Evaluations", f"{county} Spine and Joint Evaluators"])
    if ev.specialty == "Psychiatry":
        practice = f"{city} Forensic Psychiatry"
    phone = f"({rng.randint(209, 951)}) 555-{rng.randint(100, 199):04d}"
    ml = _ml_code(rng, kind, exam_date if exam_date and kind in ("initial", "reevaluation")
                  else report_date)

    parts = list(body_parts) if body_parts is not None else list(case.body_parts)
    missing = None
    if "body_part_missing" in defects:
        candidates = [p for p in case.body_parts if p in parts] or list(case.body_parts)
        missing = rng.choice(candidates)
        parts = [p for p in parts if p != missing]
    diagnoses = []
    for p in parts:
        text, icd = _diagnosis(rng, p)
        diagnoses.append((p, text, icd))

    rating_needed = bool(_RATING_DEFECTS & defects)
    if kind == "initial":
        mmi = "mmi" if (rating_needed or rng.random() < 0.8) else "not_mmi"
    elif kind == "record_review":
        mmi = "mmi" if (rating_needed or rng.random() < 0.7) else "not_mmi"
    else:
        mmi = "mmi"
    if kind in ("initial", "reevaluation"):
        mmi_date = exam_date if mmi == "mmi" else None
    elif kind == "record_review" and mmi == "mmi":
        mmi_date = report_date
    else:
        mmi_date = None

    ratings = [_rate(rng, p) for p in parts] if mmi == "mmi" else []
    values = [r.wpi for r in ratings]
    combined_true = combine_wpi(values) if ratings else None
    combined_stated, mode = combined_true, "ok"
    out_defects: list[dict] = []
    summary = {r.part: r.wpi for r in ratings}

    if "summary_body_mismatch" in defects:
        r = rng.choice(ratings)
        shown = r.wpi + rng.choice([2, 3, 4]) if r.wpi <= 5 or rng.random() < 0.5 else r.wpi - 2
        summary[r.part] = shown
        out_defects.append({"code": "WPI_ARITHMETIC",
                            "details": {"body_part": r.part, "summary": shown, "body": r.wpi}})
    if "wpi_arithmetic" in defects:
        added = sum(values)
        if len(values) >= 2 and added - combined_true >= 1 and rng.random() < 0.6:
            combined_stated, mode = added, "added"
        else:
            combined_stated = combined_true + rng.choice([1, 2, 3, -1, -2])
            if combined_stated < 1:
                combined_stated = combined_true + 2
            mode = "miscombined"
        out_defects.append({"code": "WPI_ARITHMETIC",
                            "details": {"stated": combined_stated, "computed": combined_true}})

    apportionment = []
    if ratings:
        nonind_choices = [0, 10, 15, 20, 25, 30, 40, 50]
        for r in ratings:
            non = rng.choice(nonind_choices)
            apportionment.append({"body_part": r.part, "industrial_pct": 100 - non,
                                  "nonindustrial_pct": non, "explained": True})
        if "apportionment_sum" in defects:
            a = rng.choice(apportionment)
            if a["nonindustrial_pct"] == 0:
                a["nonindustrial_pct"] = rng.choice([10, 20, 25])
            else:
                a["industrial_pct"] += rng.choice([10, -10, 5, 15])
            if a["industrial_pct"] + a["nonindustrial_pct"] == 100:
                a["industrial_pct"] += 10
            out_defects.append({"code": "APPORTIONMENT_DEFECT",
                                "details": {"body_part": a["body_part"],
                                            "industrial_pct": a["industrial_pct"],
                                            "nonindustrial_pct": a["nonindustrial_pct"]}})
        if "apportionment_unexplained" in defects:
            pool = [a for a in apportionment if "details" not in a]
            a = rng.choice(pool)
            if a["nonindustrial_pct"] == 0:
                a["nonindustrial_pct"] = rng.choice([20, 25, 30])
                a["industrial_pct"] = 100 - a["nonindustrial_pct"]
            a["explained"] = False
            out_defects.append({"code": "APPORTIONMENT_DEFECT",
                                "details": {"body_part": a["body_part"], "explained": False}})

    extension_noted = False
    if kind in ("initial", "reevaluation") and exam_date and (
            report_date - exam_date).days > REPORT_DUE_DAYS:
        if "late_no_extension" in defects:
            out_defects.append({"code": "QME_REPORT_LATE",
                                "details": {"exam_date": exam_date.isoformat(),
                                            "report_date": report_date.isoformat()}})
        else:
            extension_noted = True
    if "report_before_exam" in defects:
        out_defects.append({"code": "DATE_SEQUENCE",
                            "details": {"exam_date": exam_date.isoformat(),
                                        "report_date": report_date.isoformat()}})
    declaration = "no_declaration" not in defects
    if not declaration:
        out_defects.append({"code": "DECLARATION_MISSING", "details": {}})
    if missing:
        out_defects.append({"code": "BODY_PART_NOT_ADDRESSED", "details": {"body_part": missing}})

    ttd: list[tuple[dt.date, dt.date | None]] = []
    start = _injury_start(case) + dt.timedelta(days=rng.randint(1, 10))
    end_limit = mmi_date or report_date
    if (end_limit - start).days > 40:
        first_end = start + dt.timedelta(days=rng.randint(20, max(21, (end_limit - start).days // 2)))
        ttd.append((start, first_end))
        if mmi == "not_mmi":
            ttd.append((first_end + dt.timedelta(days=rng.randint(20, 60)), None))
            if ttd[-1][0] > report_date:
                ttd.pop()

    return _Plan(ev, practice, street, city, county, zipcode, phone, ml, parts, missing, diagnoses,
                 mmi, mmi_date, ratings, summary, combined_true, combined_stated, mode,
                 apportionment, extension_noted, declaration,
                 report_date if declaration else None, out_defects, ttd)


def _trial_pages(flowables: list) -> int:
    """Pages the flowables fill on the corpus renderer's page frame (letter, same margins)."""
    import copy
    import io

    from reportlab.lib.pagesizes import letter
    from reportlab.platypus import SimpleDocTemplate

    buf = io.BytesIO()
    tmpl = SimpleDocTemplate(buf, pagesize=letter, leftMargin=0.8 * inch, rightMargin=0.8 * inch,
                             topMargin=0.75 * inch, bottomMargin=0.8 * inch, invariant=1)
    tmpl.build(copy.deepcopy(list(flowables)))
    return tmpl.page


def qme_report(rng: random.Random, case: Case, *, role: str, kind: str, style: str,
               exam_date: dt.date | None, report_date: dt.date,
               service_date: dt.date | None, service_method: str, records: list[dict],
               defects: set[str] = frozenset(), body_parts: list[str] | None = None
               ) -> GeneratedDoc:
    """One QME/AME report (see the module docstring); deterministic for a given ``rng`` state.

    ``records`` are the records the report lists as reviewed (each ``{"date", "description",
    "author", "type", "key"}``); ``body_parts`` the parts it addresses (default: the claim's).
    Supplemental and record-review reports have no examination: ``exam_date`` is ignored.
    """
    defects = set(defects)
    _check_args(case, role, kind, style, exam_date, report_date, service_method, defects,
                body_parts)
    if kind in ("supplemental", "record_review"):
        exam_date = None
    records = sorted(records, key=lambda r: r["date"])
    seed = rng.getrandbits(64)

    def compose(verbosity: int) -> tuple[_Plan, _Look, _Out, random.Random]:
        r = random.Random(seed)           # the same plan and wording choices at every verbosity
        plan = _plan(r, case, role, kind, exam_date, report_date, defects, body_parts)
        look = _look(r, style)
        out = _Out(look)
        writer = _StyleA if style == "a" else _StyleB
        writer(r, case, plan, look, out, role, kind, exam_date, report_date, service_date,
               service_method, records, verbosity).write()
        return plan, look, out, r

    # Pick how much optional material (ROS, ADL table, questions, longer record summaries) to
    # write so the report lands inside MIN_PAGES..MAX_PAGES under the corpus renderer.
    verbosity = 2
    if kind in ("supplemental", "record_review") and len(records) < 12:
        verbosity = 4
    elif len(records) > 80:
        verbosity = 1
    plan, look, out, rr = compose(verbosity)
    pages = _trial_pages(out.items)
    while pages < TARGET_PAGES[0] and verbosity < MAX_VERBOSITY:
        verbosity += 1
        plan, look, out, rr = compose(verbosity)
        pages = _trial_pages(out.items)
    while pages > TARGET_PAGES[1] and verbosity > 0:
        verbosity -= 1
        plan, look, out, rr = compose(verbosity)
        pages = _trial_pages(out.items)
    rng = rr

    ev = plan.evaluator
    claimant = case.claimant.name
    doc_type = "ame_report" if role == "ame" else "qme_report"
    fields: dict[str, Any] = {
        "date": report_date.isoformat(),
        "service_date": iso(service_date),
        "author": ev.name,
        "claimant_name": claimant,
        "claim_number": case.claim_number,
        "date_of_injury": iso_doi(case.injury),
        "body_parts": list(plan.parts),
        "qme.evaluator_role": role,
        "qme.evaluator_name": ev.name,
        "qme.specialty": ev.specialty,
        "qme.report_kind": kind,
        "qme.ml_code": plan.ml_code,
        "qme.exam_date": iso(exam_date),
        "qme.report_date": report_date.isoformat(),
        "qme.signature_date": iso(plan.signature_date),
        "qme.impairments": [{"body_part": r.part, "wpi": plan.summary_wpi[r.part]}
                            for r in plan.ratings],
        "qme.combined_wpi": plan.combined_stated,
        "qme.apportionment": [{k: a[k] for k in ("body_part", "industrial_pct",
                                                 "nonindustrial_pct", "explained")}
                              for a in plan.apportionment],
        "qme.declaration_present": plan.declaration,
        "qme.mmi_status": plan.mmi,
        "qme.mmi_date": iso(plan.mmi_date),
        "qme.causation": "industrial",
        "qme.records_reviewed": [{"date": r["date"].isoformat(), "description": r["description"],
                                  "author": r.get("author")} for r in records],
        "_defects": plan.defects,
    }
    if style == "a":
        header = f"Re: {claimant}, Claim No. {case.claim_number}"
        footer = "Page {page} of {pages}"
    else:
        header = (f"{claimant.upper()}  |  Claim # {case.claim_number}  |  "
                  f"DOI {fmt_doi(case.injury, look.tabledate)}")
        footer = rng.choice(["Page {page} of {pages}", "{page}", "- {page} -"])
    return GeneratedDoc(type=doc_type, flowables=out.items, fields=fields, header=header,
                        footer=footer, key=f"{doc_type}:{report_date.isoformat()}")


# --------------------------------------------------------------------------------------------
# Shared section writers
# --------------------------------------------------------------------------------------------

class _Writer:
    def __init__(self, rng, case, plan, look, out, role, kind, exam_date, report_date,
                 service_date, service_method, records, verbosity: int = 2):
        self.verb = verbosity
        self.rng: random.Random = rng
        self.case: Case = case
        self.plan: _Plan = plan
        self.lk: _Look = look
        self.out: _Out = out
        self.role = role
        self.kind = kind
        self.exam = exam_date
        self.report = report_date
        self.service = service_date
        self.method = service_method
        self.records = records
        self.ev = plan.evaluator
        self.mr = {"F": "Ms.", "M": "Mr."}.get(str(case.extra.get("sex", "")), "")
        self.applicant = f"{self.mr} {case.claimant.last}".strip() if self.mr else \
            rng.choice(["the applicant", f"{case.claimant.first} {case.claimant.last}"])

    # --- small helpers -----------------------------------------------------------------
    def P(self, text: str, st=None) -> None:
        self.out.para(text, st)

    def H(self, title: str) -> None:
        self.out.heading(title)

    def d(self, day: dt.date) -> str:
        return self.lk.d(day)

    def name_sig(self) -> str:
        return f"{self.ev.name}, {self.ev.degree}"

    def vp(self, part: str) -> str:
        return escape(part_varied(self.rng, part))

    def parts_text(self, formal: bool = False) -> str:
        f = part_formal if formal else (lambda p: part_varied(self.rng, p))
        return escape(_join([f(p) for p in self.plan.parts]))

    def doi_text(self) -> str:
        inj = self.case.injury
        if isinstance(inj, tuple):
            return (f"a continuous trauma from {self.d(inj[0])} through {self.d(inj[1])}")
        return f"a specific injury on {self.d(inj)}"

    # --- sections both styles use --------------------------------------------------------
    def letterhead(self) -> None:
        lk, ev, pl = self.lk, self.ev, self.plan
        self.P(f"<font size='15'><b>{escape(pl.practice)}</b></font>", lk.center)
        self.P(escape(f"{ev.name}, {ev.degree}") + (
            f" &nbsp;|&nbsp; Diplomate, {escape(ev.specialty or '')}" if ev.degree != "DC" else
            " &nbsp;|&nbsp; Doctor of Chiropractic"), lk.center)
        self.P(escape(f"{pl.street}, {pl.city}, California {pl.zipcode}") +
               f" &nbsp;&nbsp; Tel. {pl.phone}", lk.center)
        self.out.add(Spacer(1, 8))

    def addressees(self) -> None:
        c = self.case
        lines = [escape(c.claims_administrator), "Attn: Claims Examiner"]
        if c.applicant_attorney:
            lines += ["", escape(c.applicant_attorney), "Attorney for Applicant"]
        self.P("<br/>".join(lines))

    def re_block(self, rows_extra: list[tuple[str, str]]) -> None:
        c = self.case
        rows = [("Applicant", c.claimant.name), ("Date of Birth", self.d(c.date_of_birth)),
                ("Employer", c.employer), ("Claim Number", c.claim_number)]
        if c.adj_number:
            rows.append(("WCAB Case No.", c.adj_number))
        rows.append(("Date of Injury", fmt_doi(c.injury, self.lk.datefmt)))
        rows += rows_extra
        data = [[Paragraph(f"<b>{escape(a)}:</b>", self.lk.cell),
                 Paragraph(escape(b), self.lk.cell)] for a, b in rows]
        t = Table(data, colWidths=[1.6 * inch, 4.4 * inch])
        t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                               ("TOPPADDING", (0, 0), (-1, -1), 1)]))
        self.out.add(t)
        self.out.add(Spacer(1, 8))

    def exam_rom_table(self, part: str) -> None:
        side, region = _split(part)
        key = SPINE.get(part, region)
        if key not in _ROM:
            return
        rows = [["Motion", "Normal", "Right" if side else "Measured", "Left" if side else ""]]
        for motion, normal in _ROM[key]:
            def meas(affected: bool, normal: int = normal) -> str:
                if normal == 0:
                    return "0"
                v = int(normal * (self.rng.uniform(0.55, 0.85) if affected else
                                  self.rng.uniform(0.92, 1.0)))
                return str(v - v % 5)
            if side:
                r_aff = side in ("right", "bilateral")
                l_aff = side in ("left", "bilateral")
                rows.append([motion, f"{normal}", meas(r_aff), meas(l_aff)])
            else:
                rows.append([motion, f"{normal}", meas(True), ""])
        if not side:
            rows = [r[:3] for r in rows]
            widths = [2.2 * inch, 1.2 * inch, 1.2 * inch]
        else:
            widths = [2.2 * inch, 1.0 * inch, 1.0 * inch, 1.0 * inch]
        self.out.add(KeepTogether([self.lk.p(f"<i>{escape(part_formal(part).capitalize())} range "
                                             "of motion (degrees)</i>", self.lk.small),
                                   _grid(self.lk, rows, widths)]))
        self.out.add(Spacer(1, 6))

    def exam_findings(self) -> None:
        rng = self.rng
        ht = rng.randint(60, 74)
        self.P(f"<b>General:</b> Height {ht // 12}'{ht % 12}\", weight {rng.randint(130, 260)} "
               f"pounds. The applicant is {rng.choice(['right', 'right', 'left'])}-hand dominant, "
               "alert, cooperative and in no acute distress. Gait is "
               f"{rng.choice(['normal', 'mildly antalgic', 'slow but steady'])}.")
        for part in self.plan.parts:
            group = _exam_group(part)
            finds = rng.sample(_EXAM_FINDINGS[group], k=min(3, len(_EXAM_FINDINGS[group])))
            if part in SPINE:
                finds = finds[:2] + [rng.choice(_EXAM_FINDINGS[SPINE[part]])]
            self.P(f"<b>{escape(part_varied(rng, part)).capitalize()}:</b> " + " ".join(finds))
            self.exam_rom_table(part)

    def diagnoses_list(self, numbered: bool = True) -> None:
        for i, (_part, text, icd) in enumerate(self.plan.diagnoses, 1):
            lead = f"{i}." if numbered else "&bull;"
            self.P(f"{lead} {escape(text)} (ICD-10 {escape(icd)})", self.lk.body)

    def causation_text(self) -> str:
        c = self.case
        occ = c.occupation or "job"
        return self.rng.choice([
            f"Within reasonable medical probability, the injuries to the {self.parts_text()} arose "
            f"out of and occurred in the course of employment as a {escape(occ)} at "
            f"{escape(c.employer.rstrip('.'))}. The mechanism described is consistent with the diagnoses, "
            "the timing of the complaints fits, and the records contain no competing explanation.",
            f"I find industrial causation for the {self.parts_text()}. The applicant's history, "
            "the contemporaneous treating records and the examination findings agree with one "
            "another and with the reported mechanism of injury.",
        ])

    def declaration_text(self) -> str:
        return self.rng.choice([
            "I declare under penalty of perjury under the laws of the State of California that the "
            "information in this report and its attachments is true and correct to the best of my "
            "knowledge and belief, except as to information I have indicated I received from "
            "others; as to that information, I declare under penalty of perjury that it accurately "
            "describes what was provided to me and that, except as noted, I believe it to be true.",
            "Pursuant to Labor Code section 4628(j), I declare under penalty of perjury that the "
            "contents of this report are true and correct to the best of my knowledge, except for "
            "information received from others, which I have accurately described and which, "
            "unless I say otherwise, I believe to be true.",
        ])

    def disclosure_text(self) -> str:
        rng = self.rng
        face = rng.choice([45, 60, 75, 90])
        recs = rng.choice([1.5, 2, 2.5, 3, 4])
        rep = rng.choice([1.5, 2, 3])
        exam_words = ("I personally took the history from the applicant, performed the physical "
                      f"examination at my office in {escape(self.plan.city)}, ")
        if self.exam is None:
            exam_words = ""
        return (f"{exam_words}I personally reviewed and summarized the records and composed the "
                "conclusions of this report (Labor Code section 4628). "
                + (f"Face-to-face time with the applicant was {face} minutes. " if self.exam else "")
                + f"Record review took approximately {recs} hours and preparation of the report "
                f"{rep} hours; this time is consistent with the guidelines of the Administrative "
                "Director. Clerical staff transcribed the dictation and assembled the exhibits; "
                "no other person took part in the evaluation.")

    def apportionment_para(self, a: dict) -> str:
        part = a["body_part"]
        ind, non = a["industrial_pct"], a["nonindustrial_pct"]
        words = escape(part_varied(self.rng, part))
        the_words = words if words.startswith("both ") else f"the {words}"
        if not a["explained"]:
            return self.rng.choice([
                f"Regarding the {words}: {ind}% industrial, {non}% nonindustrial.",
                f"{words.capitalize()} - apportionment is {ind}% to the industrial injury and "
                f"{non}% to other factors.",
            ])
        if non == 0:
            return (f"For {the_words}, I find no basis to apportion to nonindustrial factors: the "
                    "applicant had no prior complaints or treatment of this area, the imaging "
                    "shows no degenerative change beyond what the injury explains, and the "
                    f"disability is therefore {ind}% industrial and {non}% nonindustrial.")
        cause = self.rng.choice([
            "pre-existing degenerative changes shown on imaging that are older than the injury",
            "a prior non-industrial injury with treatment documented in the records",
            "age-related arthritis that would have produced some disability on its own",
        ])
        how = self.rng.choice([
            "the nonindustrial factor accounts for part of the present loss of function because "
            "it was present and progressing before the injury, and the injury added the "
            "remainder by aggravating it; this split reflects reasonable medical probability "
            "and not speculation.",
            "this condition would by itself cause stiffness and pain of the kind measured today, "
            "so it explains part of the impairment; the injury caused the rest, as shown by the "
            "sudden change in symptoms and function after it. The percentages rest on the "
            "imaging, the history and my examination.",
            "the records document the earlier condition and the level of function before the "
            "injury; comparing that level with the present one shows how much of the loss the "
            "injury added, and why the remaining share belongs to the earlier condition.",
        ])
        return (f"For {the_words}, {ind}% of the permanent disability is caused by the industrial "
                f"injury and {non}% by other factors, namely {cause}. How and why: {how}")

    def clinical_sections(self) -> None:
        if not self.exam:
            if self.verb >= 1:
                self.medications()
            return
        self.complaints()
        if self.verb >= 1:
            self.adl_table()
        self.past_history()
        if self.verb >= 1:
            self.medications()
            self.review_of_systems()
        self.H("Physical Examination")
        self.exam_findings()
        if self.verb >= 2:
            self.neuro_table()
            self.validity()

    def treatment_course(self) -> None:
        rng = self.rng
        self.H("Course of Treatment")
        for part in self.plan.parts:
            self.P(f"<b>{escape(part_varied(rng, part)).capitalize()}.</b> "
                   + rng.choice([
                       "Care began with rest, ice and anti-inflammatory medication, followed by "
                       "physical therapy two to three times a week. ",
                       "The applicant was treated conservatively with medication, a home exercise "
                       "program and a course of supervised therapy. ",
                   ])
                   + rng.choice([
                       "Therapy gave partial relief that did not last. ",
                       "Progress was slow but steady in the first months and then levelled off. ",
                   ])
                   + rng.choice([
                       "An injection was discussed but not performed. ",
                       "A surgical consultation was obtained; surgery was not recommended. ",
                       "Modified duty was offered for part of this period. ",
                   ]) + "The treating records document these steps.")

    # --- optional material, written when the verbosity asks for it ----------------------
    def medications(self) -> None:
        rng = self.rng
        meds = rng.sample(_MEDS, k=rng.randint(2, 4))
        self.H("Current Medications")
        for name, how in meds:
            self.P(f"&bull; {escape(name)}, {escape(how)}")

    def review_of_systems(self) -> None:
        rng = self.rng
        self.H("Review of Systems")
        sleep = rng.choice(["wakes two or three times a night because of pain",
                            "sleeps about five hours a night", "reports no sleep disturbance"])
        self.P(f"Constitutional: no fever or weight loss. Sleep: the applicant {sleep}. "
               "Cardiovascular and respiratory: no chest pain or shortness of breath. "
               f"Gastrointestinal: {rng.choice(['no complaints', 'occasional heartburn with anti-inflammatory medication'])}. "
               "Genitourinary: negative. Neurological: "
               f"{rng.choice(['no headaches', 'occasional numbness in the hands at night', 'no weakness'])}. "
               f"Psychiatric: {rng.choice(['frustration about being off work', 'no complaints', 'some worry about finances'])}.")

    def adl_table(self) -> None:
        rng = self.rng
        self.H("Activities of Daily Living")
        self.P("The applicant completed the activities-of-daily-living questionnaire (AMA Guides "
               "Table 1-2 categories). The answers were:")
        rows = [["Activity", "Difficulty reported"]]
        for act in _ADL:
            rows.append([act, rng.choice(["None", "Mild", "Mild", "Moderate", "Moderate",
                                          "Severe", "Needs help"])])
        self.out.add(_grid(self.lk, rows, [3.2 * inch, 2.2 * inch]))
        self.out.add(Spacer(1, 6))

    def neuro_table(self) -> None:
        rng = self.rng
        rows = [["Test", "Right", "Left"]]
        for test in ["Biceps reflex (C5)", "Brachioradialis reflex (C6)", "Triceps reflex (C7)",
                     "Patellar reflex (L4)", "Achilles reflex (S1)", "Grip strength (kg)",
                     "Light touch sensation", "Motor strength, major groups"]:
            if "Grip" in test:
                rows.append([test, str(rng.randint(18, 40)), str(rng.randint(18, 40))])
            elif "reflex" in test:
                rows.append([test, rng.choice(["2+", "2+", "1+"]), rng.choice(["2+", "2+", "1+"])])
            elif "sensation" in test:
                rows.append([test, rng.choice(["intact", "intact", "decreased"]), "intact"])
            else:
                rows.append([test, rng.choice(["5/5", "5/5", "4+/5"]), "5/5"])
        self.out.add(KeepTogether([self.lk.p("<i>Neurological examination</i>", self.lk.small),
                                   _grid(self.lk, rows, [2.6 * inch, 1.2 * inch, 1.2 * inch])]))
        self.out.add(Spacer(1, 6))

    def work_history(self) -> None:
        rng = self.rng
        c = self.case
        self.H("Employment History")
        years = rng.randint(2, 15)
        self.P(f"The applicant worked for {escape(c.employer.rstrip('.'))} for about {years} years "
               f"as a {escape(c.occupation or 'worker')}. The job requires "
               f"{rng.choice(['lifting and carrying up to 50 pounds', 'standing most of the shift', 'frequent bending and twisting', 'repetitive use of both hands'])}"
               f" and {rng.choice(['occasional overtime', 'ten-hour shifts', 'work at varying heights', 'operating powered equipment'])}. "
               "Before that the applicant held similar jobs without injury.")

    def validity(self) -> None:
        self.H("Validity of the Examination")
        self.P(self.rng.choice([
            "Waddell signs were 0 of 5. Effort appeared full and consistent across repeated "
            "measurements; the coefficient of variation for grip testing was under 15 percent.",
            "Non-organic signs were absent. Range-of-motion measurements were repeated three "
            "times and were consistent within the limits the Guides require.",
        ]))

    def questions(self) -> None:
        rng = self.rng
        self.H("Answers to the Parties' Questions")
        qa = [
            ("Is the claimed injury industrial?",
             "Yes. The reasons are given under Causation."),
            ("Is further treatment reasonable?",
             "Yes, within the scope set out under Future Medical Care; nothing more aggressive "
             "is indicated at this time."),
            ("Is the applicant able to return to the usual and customary job?",
             rng.choice(["Not without the restrictions listed.",
                         "Yes, with the restrictions listed, if the employer can accommodate them."])),
            ("Is any further medical-legal evaluation needed?",
             rng.choice(["No.", "An evaluation in another specialty may be considered if "
                                "the psychological complaints continue."])),
        ]
        if self.verb >= 4:
            qa += [
                ("Did the applicant's prior activities contribute to the condition?",
                 "Any contribution is addressed in the apportionment discussion; the history "
                 "does not show a separate injury outside work."),
                ("Are the treating physician's reports substantial medical evidence?",
                 "They are generally consistent with my findings, although they do not explain "
                 "the basis for the ongoing disability status in detail."),
            ]
        for i, (q, a) in enumerate(qa, 1):
            self.P(f"<b>Question {i}:</b> {q}")
            self.P(f"<b>Answer:</b> {a}")

    def literature(self) -> None:
        self.H("Medical Discussion")
        self.P("Soft-tissue injuries of this kind usually improve within three months; symptoms "
               "that last beyond a year are less likely to resolve completely. Degenerative "
               "changes on imaging are common in people of the applicant's age and do not by "
               "themselves explain the onset of symptoms at the time of the injury.")
        self.P("The treatment given so far follows the approach of the Medical Treatment "
               "Utilization Schedule: active therapy first, medication for flare-ups, and "
               "procedures only where the examination and imaging agree. I have taken this into "
               "account in my recommendations.")
        self.P("Where the records disagree, I have relied on the documents written closest to "
               "the events, on objective test results over reported symptoms, and on my own "
               "examination over older findings.")

    def pos_page(self, title: str) -> None:
        if self.service is None:
            return
        rng = self.rng
        self.out.add(PageBreak())
        self.P(f"<b>{escape(title)}</b>", self.lk.title)
        how = {"mail": "by placing a true copy in a sealed envelope with postage fully prepaid "
                       f"in the United States mail at {escape(self.plan.city)}, California",
               "fax": "by facsimile transmission to the fax numbers listed below",
               "email": "by electronic mail to the addresses listed below",
               "personal": "by personal delivery to the persons listed below"}[self.method]
        server = f"{rng.choice(_EVAL_FIRST)} {rng.choice(_EVAL_LAST)}"
        self.P(f"I am over eighteen years of age and not a party to this action. On "
               f"{self.d(self.service)}, I served the foregoing medical-legal report dated "
               f"{self.d(self.report)} {how}, addressed as follows:")
        lines = [escape(self.case.claims_administrator)]
        if self.case.applicant_attorney:
            lines.append(escape(self.case.applicant_attorney))
        lines.append(escape(self.case.claimant.name) + " (applicant)")
        for line in lines:
            self.P("&nbsp;&nbsp;&nbsp;&nbsp;" + line)
        method_word = {"mail": "U.S. Mail", "fax": "Fax", "email": "E-mail",
                       "personal": "Personal service"}[self.method]
        self.P(f"Method of service: <b>{method_word}</b>. &nbsp; Date of service: "
               f"<b>{self.d(self.service)}</b>.")
        self.P("I declare under penalty of perjury under the laws of the State of California that "
               f"the foregoing is true and correct. Executed at {escape(self.plan.city)}, "
               "California.")
        self.out.add(Spacer(1, 16))
        self.P(f"______________________________<br/>{escape(server)}, office manager")


# --------------------------------------------------------------------------------------------
# Style A
# --------------------------------------------------------------------------------------------

class _StyleA(_Writer):
    def write(self) -> None:
        rng, lk, pl = self.rng, self.lk, self.plan
        self.letterhead()
        self.P(self.d(self.report), lk.right)
        self.addressees()
        title = f"{_role_title(self.role)} - {_kind_title(self.kind, 'a')}".upper()
        self.P(escape(title), lk.title)
        extra = []
        if self.exam:
            extra.append(("Date of Evaluation", self.d(self.exam)))
        extra.append(("Date of Report", self.d(self.report)))
        extra.append(("Billing Code", pl.ml_code))
        if self.role == "panel_qme":
            extra.append(("Panel No.", str(rng.randint(7000000, 7999999))))
        self.re_block(extra)
        self.intro()
        if self.verb >= 5:
            self.out.add(PageBreak())
        if self.kind != "supplemental":
            self.history()
            if self.verb >= 2:
                self.work_history()
        if self.verb >= 4:
            self.treatment_course()
        self.records_section()
        self.clinical_sections()
        self.diagnostics()
        self.H("Diagnoses")
        self.diagnoses_list()
        self.discussion()
        if self.verb >= 3:
            self.literature()
        self.H("Causation")
        self.P(self.causation_text())
        self.status()
        if pl.mmi == "mmi":
            self.rating()
            self.apportionment()
        self.future_medical()
        if self.kind != "supplemental":
            self.restrictions()
            self.temporary_disability()
        if self.verb >= 2:
            self.questions()
        self.H("Labor Code Section 4628 Disclosure")
        self.P(self.disclosure_text())
        if pl.extension_noted:
            self.P("This report is served after the 30-day period because an extension of time "
                   "was requested on DWC Form QME 112 and approved by the Medical Director; "
                   "the approval is on file.")
        self.signature()
        self.pos_page("PROOF OF SERVICE")

    def intro(self) -> None:
        pl = self.plan
        rng = self.rng
        role = _role_person(self.role)
        if self.kind in ("initial", "reevaluation"):
            again = "re-evaluated" if self.kind == "reevaluation" else "evaluated"
            self.P(f"Dear Sir or Madam: The applicant was {again} on {self.d(self.exam)} at my "
                   f"office at {escape(pl.street)}, {escape(pl.city)}, California, in my capacity "
                   f"as {role} in {escape(self.ev.specialty or '')}. "
                   + ("The parties selected me from the panel issued by the DWC Medical Unit. "
                      if self.role == "panel_qme" else "")
                   + "The body parts at issue are the "
                   f"{self.parts_text()}. The evaluation addresses the issues raised by the "
                   "parties. An interpreter was "
                   f"{rng.choice(['not needed', 'not requested', 'present (Spanish)'])}.")
        elif self.kind == "supplemental":
            self.P("Dear Counsel and Claims Examiner: This supplemental report responds to the "
                   f"request that I review additional records and comment on the {self.parts_text()}. "
                   "I have not re-examined the applicant for this report. My earlier "
                   "conclusions are restated below where the new records change nothing.")
        else:
            self.P(f"This evaluation was performed as a review of records only, at the request "
                   f"of the parties; the applicant was not examined. I reviewed the records "
                   f"listed below concerning the {self.parts_text()} and answer the questions "
                   "posed by the parties.")

    def history(self) -> None:
        c, rng = self.case, self.rng
        self.H("History of Injury" if self.kind != "reevaluation" else "Interval History")
        occ = c.occupation or "worker"
        if self.kind == "reevaluation":
            self.P(f"Since my prior evaluation the applicant has continued treating with the "
                   f"primary treating physician. Symptoms in the {self.parts_text()} persist with "
                   f"{rng.choice(['little', 'some', 'no meaningful'])} improvement.")
            return
        self.P(f"The applicant is a {self.age()}-year-old {escape(occ)} employed by "
               f"{escape(c.employer)}, who reports {self.doi_text()}. "
               + rng.choice([
                   "While lifting a heavy box from a pallet, the applicant felt a pull and then "
                   "a sharp pain. ",
                   "The applicant slipped on a wet floor and fell, striking the ground. ",
                   "The applicant attributes the symptoms to repetitive duties performed over "
                   "many months, with pain that built up gradually. ",
               ])
               + "The injury was reported to the supervisor and the applicant was referred for "
               "care. Treatment has included medication, physical therapy and modified duty.")
        self.P(rng.choice([
            "The applicant has not returned to regular duty. ",
            "The applicant returned to modified work for a time, but the employer could not "
            "keep accommodating the restrictions. ",
        ]) + "There is no history of a similar injury before this claim.")

    def age(self) -> int:
        ref = self.exam or self.report
        b = self.case.date_of_birth
        return ref.year - b.year - ((ref.month, ref.day) < (b.month, b.day))

    def records_section(self) -> None:
        rng = self.rng
        self.H("Review of Medical Records")
        n = len(self.records)
        self.P(f"I received and reviewed {n} item{'s' if n != 1 else ''}, summarized below in "
               "chronological order. Unless noted otherwise, I relied on all of them." if n else
               "No records were provided for this evaluation.")
        short = n > 45 or self.verb == 0
        for r in self.records:
            author = f", {escape(r['author'])}" if r.get("author") else ""
            self.P(f"{self.d(r['date'])} - {escape(r['description'])}{author}: "
                   f"{_record_summary(rng, r, short)}"
                   + (f" {_record_followup(rng, r)}" if self.verb >= 3 else ""), self.lk.body)

    def complaints(self) -> None:
        rng = self.rng
        self.H("Current Complaints")
        for part in self.plan.parts:
            level = rng.randint(3, 8)
            self.P(f"{self.vp(part).capitalize()}: pain rated {level}/10, "
                   f"{rng.choice(['constant', 'intermittent', 'frequent'])}, worse with "
                   f"{rng.choice(['lifting', 'prolonged sitting', 'reaching overhead', 'walking', 'gripping'])}"
                   f", eased by rest and medication.")
        self.P("Activities of daily living: the applicant reports difficulty with "
               f"{rng.choice(['sleep', 'household chores', 'driving', 'dressing'])} and with "
               f"{rng.choice(['lifting groceries', 'yard work', 'prolonged standing', 'carrying laundry'])}.")

    def past_history(self) -> None:
        rng = self.rng
        self.H("Past Medical and Social History")
        self.P(f"Medical illnesses: {rng.choice(['none reported', 'controlled hypertension', 'type 2 diabetes, diet controlled'])}. "
               f"Surgeries: {rng.choice(['appendectomy in childhood', 'none', 'cholecystectomy'])}. "
               f"Allergies: {rng.choice(['no known drug allergies', 'penicillin'])}. "
               f"The applicant {rng.choice(['does not smoke', 'smokes half a pack per day', 'quit smoking years ago'])} "
               f"and {rng.choice(['drinks alcohol rarely', 'drinks alcohol socially', 'does not drink alcohol'])}.")

    def diagnostics(self) -> None:
        studies = [r for r in self.records if r.get("type") in ("imaging_report",
                                                                 "diagnostic_report")]
        self.H("Diagnostic Studies")
        if not studies:
            self.P("No new diagnostic studies were obtained for this evaluation; the available "
                   "imaging is summarized in the review of records.")
            return
        for r in studies:
            self.P(f"{escape(r['description'])} ({self.d(r['date'])}): reviewed; the findings are "
                   "discussed above and are consistent with my diagnoses.")

    def discussion(self) -> None:
        self.H("Discussion")
        self.P(self.rng.choice([
            "The history, the records and the examination are consistent. The applicant's "
            "complaints are proportionate to the objective findings and there is no evidence of "
            "symptom magnification on the validity measures.",
            "I have weighed the treating physician's conclusions against the objective findings. "
            "The imaging supports the clinical diagnoses; the treatment to date has been "
            "reasonable and has reached a plateau.",
        ]))
        if self.plan.mmi == "mmi":
            self.P("The applicant has received adequate conservative care and further "
                   "significant improvement is not expected within the next year.")

    def status(self) -> None:
        pl = self.plan
        self.H("Disability Status: Permanent and Stationary / MMI")
        if pl.mmi == "mmi":
            when = f" as of {self.d(pl.mmi_date)}" if pl.mmi_date else ""
            self.P(f"The applicant has reached maximal medical improvement and is permanent and "
                   f"stationary{when}.")
        else:
            self.P("The applicant is not yet permanent and stationary (not at MMI). Further "
                   "treatment is expected to improve the condition; I will re-evaluate in about "
                   "four months and defer impairment rating and apportionment until then.")

    def rating(self) -> None:
        pl, lk = self.plan, self.lk
        self.H("Impairment Rating")
        self.P("Ratings follow the AMA Guides to the Evaluation of Permanent Impairment, Fifth "
               "Edition.")
        for r in pl.ratings:
            self.P(f"<b>{escape(part_varied(self.rng, r.part)).capitalize()}:</b> {escape(r.basis)} "
                   f"Whole person impairment for this part: {r.wpi}% WPI.")
        rows = [["Body part", "AMA Guides reference", "Regional", "WPI"]]
        for r in pl.ratings:
            rows.append([escape(part_varied(self.rng, r.part)), escape(r.method),
                         escape(r.regional or "-"), f"{pl.summary_wpi[r.part]}%"])
        rows.append(["<b>Combined</b>", "Combined Values Chart, p. 604", "",
                     f"<b>{pl.combined_stated}%</b>"])
        self.out.add(KeepTogether([lk.p("<b>Impairment summary</b>", lk.small),
                                   _grid(lk, rows, [1.5 * inch, 2.8 * inch, 0.9 * inch,
                                                    0.7 * inch])]))
        self.out.add(Spacer(1, 6))
        self.P(self.combined_statement())

    def combined_statement(self) -> str:
        pl = self.plan
        vals = [r.wpi for r in pl.ratings]
        if len(vals) == 1:
            return (f"With a single rated body part, the whole person impairment is "
                    f"{pl.combined_stated}% WPI.")
        if pl.combined_mode == "added":
            return ("Because the impairments affect different activities, I have added them: "
                    + " + ".join(f"{v}%" for v in sorted(vals, reverse=True))
                    + f" = {pl.combined_stated}% WPI.")
        steps = combine_steps(vals)
        text = "Using the Combined Values Chart (AMA Guides, 5th ed., p. 604), largest value first: "
        text += "; ".join(f"{a}% combined with {b}% gives {c}%" for a, b, c in steps[:-1])
        a, b, _c = steps[-1]
        text += ("; " if len(steps) > 1 else "") + f"{a}% combined with {b}% gives " \
            f"{pl.combined_stated}%."
        return text + f" The combined whole person impairment is {pl.combined_stated}% WPI."

    def apportionment(self) -> None:
        self.H("Apportionment")
        self.P("Apportionment is addressed under Labor Code sections 4663 and 4664.")
        for a in self.plan.apportionment:
            self.P(self.apportionment_para(a))

    def future_medical(self) -> None:
        self.H("Future Medical Care")
        self.P(f"The applicant should have access to future medical care for the "
               f"{self.parts_text()}: follow-up with a physician, anti-inflammatory medication, "
               "a short course of physical therapy for flare-ups, and "
               f"{self.rng.choice(['an orthopaedic consultation if symptoms worsen', 'one corticosteroid injection per year as needed', 'a home exercise program'])}.")

    def restrictions(self) -> None:
        self.H("Work Restrictions")
        self.P(self.rng.choice([
            "No lifting over 25 pounds; no repetitive bending or stooping; change position "
            "every 30 minutes.",
            "No work above shoulder level; no forceful gripping or torquing; lifting up to "
            "20 pounds.",
            "No prolonged standing or walking over one hour at a time; no climbing ladders.",
        ]))

    def temporary_disability(self) -> None:
        self.H("Temporary Disability")
        if not self.plan.ttd:
            self.P("The records do not document a period of temporary total disability.")
            return
        for a, b in self.plan.ttd:
            end = self.d(b) if b else "the present (ongoing)"
            self.P(f"Temporary total disability from {self.d(a)} through {end}.")

    def signature(self) -> None:
        pl = self.plan
        self.out.add(CondPageBreak(2.2 * inch))
        if pl.declaration:
            self.H("Declaration")
            self.P(self.declaration_text())
            self.P(f"Executed on {self.d(self.report)}, at {escape(pl.city)}, "
                   f"{escape(pl.county)} County, California.")
        self.out.add(Spacer(1, 18))
        self.P("______________________________<br/>"
               f"{escape(self.name_sig())}<br/>{_role_person(self.role)}")


# --------------------------------------------------------------------------------------------
# Style B
# --------------------------------------------------------------------------------------------

class _StyleB(_StyleA):
    """AME-style layout. Reuses style A's section text where the wording is generic enough."""

    def write(self) -> None:
        rng, lk, pl = self.rng, self.lk, self.plan
        self.letterhead()
        self.P(f"{self.d(self.report)}", lk.body)
        self.addressees()
        self.P(f"<b>Re: {escape(_role_title(self.role))} - {escape(_kind_title(self.kind, 'b'))}"
               "</b>")
        extra = []
        if self.exam:
            extra.append(("Examined", self.d(self.exam)))
        extra.append(("ML code", pl.ml_code))
        self.re_block(extra)
        self.summary_up_front()
        self.intro_b()
        if self.verb >= 5:
            self.out.add(PageBreak())
        if self.kind != "supplemental":
            self.history()
            if self.verb >= 2:
                self.work_history()
        self.records_table()
        if self.verb >= 4:
            self.treatment_course()
        self.clinical_sections()
        self.H("Diagnoses")
        self.diagnoses_list(numbered=rng.random() < 0.5)
        if self.verb >= 3:
            self.literature()
        self.H("Discussion and Causation")
        self.P(self.causation_text())
        self.status()
        if pl.mmi == "mmi":
            self.rating_prose()
            self.H("Apportionment")
            for a in pl.apportionment:
                self.P(self.apportionment_para(a))
        self.future_medical()
        if self.kind != "supplemental":
            self.restrictions()
            self.temporary_disability()
        if self.verb >= 2:
            self.questions()
        self.H("Disclosures")
        self.P(self.disclosure_text())
        if pl.extension_noted:
            self.P("Timeliness: the Medical Director approved my request for an extension of "
                   "time to serve this report (Form 112).")
        self.signature_b()
        self.pos_page(rng.choice(["DECLARATION OF SERVICE", "Proof of Service"]))

    def summary_up_front(self) -> None:
        pl = self.plan
        self.H("Summary of Conclusions")
        bits = [f"Body parts addressed: {self.parts_text(formal=True)}."]
        if pl.mmi == "mmi":
            rated = "; ".join(f"{escape(part_formal(r.part))} {pl.summary_wpi[r.part]}% WPI"
                              for r in pl.ratings)
            bits.append(f"Permanent and stationary. Ratings: {rated}; combined "
                        f"{pl.combined_stated}% WPI.")
        else:
            bits.append("Not permanent and stationary; ratings deferred.")
        bits.append("Causation: industrial.")
        self.P(" ".join(bits))

    def intro_b(self) -> None:
        pl = self.plan
        self.H("Introduction")
        if self.exam:
            capacity = (f"the {_role_person(self.role)} agreed upon by the parties"
                        if self.role == "ame" else _role_person(self.role))
            self.P(f"I saw {escape(self.case.claimant.name)} on {self.d(self.exam)} at "
                   f"{escape(pl.street)}, {escape(pl.city)}, as {capacity}. The history was "
                   "taken in English, without an interpreter.")
        elif self.kind == "supplemental":
            self.P("At the request of counsel I have reviewed additional medical records and "
                   "provide this supplemental report without a new examination.")
        else:
            self.P("This report is based on a review of the records only; no examination was "
                   "performed.")

    def records_table(self) -> None:
        lk = self.lk
        self.H("Records Reviewed")
        if not self.records:
            self.P("No records were received.")
            return
        self.P(f"The following {len(self.records)} records were received and reviewed:")
        rows = [["Date", "Provider", "Type", "Summary"]]
        short = len(self.records) > 45 or self.verb == 0
        for r in self.records:
            rows.append([fmt(r["date"], lk.tabledate), escape(r.get("author") or "-"),
                         escape(_TYPE_LABEL.get(r.get("type", ""), "Record")),
                         f"{escape(r['description'])}. {_record_summary(self.rng, r, short)}"])
        self.out.add(_grid(lk, rows, [0.85 * inch, 1.45 * inch, 0.9 * inch, 3.7 * inch],
                           long=True))
        self.out.add(Spacer(1, 8))

    def rating_prose(self) -> None:
        pl = self.plan
        self.H("Permanent Impairment")
        for r in pl.ratings:
            self.P(f"Turning to the {escape(part_varied(self.rng, r.part))}: {escape(r.basis)} "
                   f"I rate this at {r.wpi}% whole person impairment under {escape(r.method)} of "
                   "the AMA Guides, Fifth Edition.")
        vals = [r.wpi for r in pl.ratings]
        if len(vals) == 1:
            self.P(f"There is one rated impairment; the whole person impairment is "
                   f"{pl.combined_stated}%.")
        elif pl.combined_mode == "added":
            self.P("The impairments do not overlap in their effect on daily activities, so I "
                   f"have added them for a total of {pl.combined_stated}% whole person impairment.")
        else:
            self.P(f"Combining the values of {_join([f'{v}%' for v in sorted(vals, reverse=True)])} "
                   f"on the Combined Values Chart gives {pl.combined_stated}% whole person "
                   "impairment.")

    def signature_b(self) -> None:
        pl = self.plan
        self.out.add(CondPageBreak(2.0 * inch))
        if pl.declaration:
            self.P(self.declaration_text())
            self.P(f"Signed this day, {self.d(self.report)}, in {escape(pl.county)} County, "
                   "California.")
        self.out.add(Spacer(1, 18))
        self.P(f"______________________________<br/>{escape(self.name_sig())}<br/>"
               f"{escape(self.ev.specialty or '')}")

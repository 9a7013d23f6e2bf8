"""Word lists the document generators draw from: people, companies, body parts, treatments.

Canonical body-part names are the truth's (TRUTH_FORMAT.md); the spellings are how documents
write them. Everything here is invented for the corpus.
"""

from __future__ import annotations

import random

from .base import Person

FIRST = ["Maria", "Jose", "Linda", "David", "Rosa", "Kevin", "Angela", "Luis", "Patricia",
         "Thomas", "Guadalupe", "Brian", "Teresa", "Miguel", "Sandra", "Anthony", "Veronica",
         "Daniel", "Yolanda", "Robert", "Esperanza", "Jason", "Monica", "Ricardo", "Denise",
         "Samuel", "Irene", "Victor", "Carmen", "Howard"]
LAST = ["Gonzalez", "Whitfield", "Nguyen", "Ramirez", "Okafor", "Delgado", "Brennan", "Salazar",
        "Kowalski", "Fuentes", "Harrington", "Villanueva", "Tran", "Castellanos", "Morrison",
        "Ibarra", "Lindqvist", "Pacheco", "Abernathy", "Soto", "Yamamoto", "Quintero", "Becker",
        "Arellano", "Donovan", "Espinoza", "Kaur", "Medina", "Sorensen", "Zavala"]
DOC_FIRST = ["Alan", "Ravi", "Helen", "Marcus", "Priya", "Steven", "Janet", "Omar", "Grace",
             "Victor", "Lena", "Paul", "Farah", "Gregory", "Nina", "Charles", "Irma", "Wesley"]
DOC_LAST = ["Cho", "Patel", "Marsh", "Feldman", "Raman", "Oyelaran", "Whitcomb", "Haddad",
            "Lindgren", "Sato", "Berkowitz", "Mehta", "Castillo", "Thornton", "Ashby", "Kwan",
            "Rosales", "Duarte", "Pham", "Gallagher"]
SPECIALTIES = ["Orthopedic Surgery", "Physical Medicine and Rehabilitation", "Neurology",
               "Pain Medicine", "Occupational Medicine", "Family Medicine", "Neurosurgery",
               "Internal Medicine", "Chiropractic", "Psychiatry"]
UR_SPECIALTIES = ["Orthopedic Surgery", "Physical Medicine and Rehabilitation", "Pain Medicine",
                  "Occupational Medicine", "Neurosurgery", "Anesthesiology"]

EMPLOYERS = ["Valley Packing Co.", "Sierra Freight Lines, Inc.", "Coastal Harvest Growers",
             "Bayside Memorial Hospital", "Redwood Unified School District", "Pacific Crest Plumbing",
             "Golden Hills Warehouse LLC", "Mission Foods Distribution", "Tri-County Transit Authority",
             "Sunrise Senior Living of Fresno", "Capitol Steel Fabricators", "Harbor View Hotel Group"]
ADMINISTRATORS = ["Golden State Claims Services", "Pacific Risk Administrators",
                  "Sequoia Workers' Comp Solutions", "Western Shield Insurance Company",
                  "Central Valley Claims Management", "Bay Area Employers Mutual"]
OCCUPATIONS = ["warehouse associate", "forklift operator", "registered nurse", "bus driver",
               "line cook", "school custodian", "plumber", "farm laborer", "caregiver",
               "welder", "housekeeper", "delivery driver"]
UR_VENDORS = [
    ("Apex Utilization Review, Inc.", "P.O. Box 4410, Sacramento, CA 95812", "(916) 555-0142"),
    ("MedReview Partners of California", "2200 Harbor Blvd., Suite 310, Costa Mesa, CA 92626",
     "(714) 555-0199"),
    ("ClearPath UR Services", "1450 N. First Street, San Jose, CA 95112", "(408) 555-0170"),
]
ATTORNEYS = ["Law Offices of Rivera & Stone", "Delgado Injury Law Group", "Kessler Workers' Rights, APC",
             "Hanford & Muir, LLP"]
CLINICS = ["Valley Orthopedic Medical Group", "Golden Gate Occupational Health",
           "Inland Spine & Joint Center", "Central Coast Industrial Medicine",
           "Riverside Pain & Rehabilitation", "Sacramento Sports and Spine"]

# canonical name -> ways documents write it
BODY_PART_SPELLINGS: dict[str, list[str]] = {
    "cervical spine": ["cervical spine", "neck", "C/S", "cervical spine (neck)"],
    "thoracic spine": ["thoracic spine", "mid back", "T/S", "upper back"],
    "lumbar spine": ["lumbar spine", "low back", "L/S", "lumbosacral spine", "lower back"],
    "psyche": ["psyche", "psychiatric condition", "anxiety/depression (psyche)"],
    "head": ["head", "head (scalp contusion)"],
    "internal": ["internal (GERD)", "internal medicine complaints"],
}
SIDED = ["shoulder", "elbow", "wrist", "hand", "hip", "knee", "ankle", "foot"]
SIDE_SPELL = {
    "right": ["right {p}", "rt {p}", "R {p}", "{p}, right", "Rt. {p}"],
    "left": ["left {p}", "lt {p}", "L {p}", "{p}, left", "Lt. {p}"],
    "bilateral": ["bilateral {p}s", "both {p}s", "B/L {p}s", "bilateral {p}"],
}


def spell_part(rng: random.Random, canonical: str, plain: bool = False) -> str:
    if canonical in BODY_PART_SPELLINGS:
        opts = BODY_PART_SPELLINGS[canonical]
        return opts[0] if plain else rng.choice(opts)
    side, part = canonical.split(" ", 1)
    opts = SIDE_SPELL[side]
    return (opts[0] if plain else rng.choice(opts)).format(p=part)


def spell_parts(rng: random.Random, parts: list[str], plain: bool = False) -> str:
    words = [spell_part(rng, p, plain) for p in parts]
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " and " + words[-1]


# treatments by body part: (description, CPT/HCPCS, quantity)
TREATMENTS: dict[str, list[tuple[str, str, str]]] = {
    "lumbar spine": [("MRI lumbar spine without contrast", "72148", "1"),
                     ("Physical therapy, lumbar spine", "97110", "12 visits"),
                     ("Lumbar epidural steroid injection L4-L5", "62323", "1"),
                     ("Chiropractic manipulation, lumbar", "98940", "8 visits"),
                     ("Lumbar support brace", "L0631", "1")],
    "cervical spine": [("MRI cervical spine without contrast", "72141", "1"),
                       ("Cervical epidural steroid injection C5-C6", "62321", "1"),
                       ("Physical therapy, cervical spine", "97140", "8 visits")],
    "thoracic spine": [("X-ray thoracic spine, 3 views", "72072", "1")],
    "shoulder": [("MRI {side} shoulder without contrast", "73221", "1"),
                 ("{Side} shoulder arthroscopy with subacromial decompression", "29826", "1"),
                 ("Post-operative physical therapy, {side} shoulder", "97110", "12 visits"),
                 ("Subacromial corticosteroid injection, {side} shoulder", "20610", "1")],
    "knee": [("MRI {side} knee without contrast", "73721", "1"),
             ("{Side} knee arthroscopy with partial meniscectomy", "29881", "1"),
             ("Hinged knee brace, {side}", "L1832", "1"),
             ("Viscosupplementation injection, {side} knee", "J7325", "1"),
             ("Physical therapy, {side} knee", "97110", "12 visits")],
    "wrist": [("EMG/NCS bilateral upper extremities", "95886", "1"),
              ("{Side} carpal tunnel release", "64721", "1"),
              ("Wrist splint, {side}", "L3908", "1"),
              ("Occupational therapy, {side} wrist", "97530", "8 visits")],
    "hand": [("Occupational therapy, {side} hand", "97530", "8 visits")],
    "elbow": [("MRI {side} elbow", "73221", "1"), ("Physical therapy, {side} elbow", "97110", "8 visits")],
    "hip": [("MRI {side} hip", "73721", "1"), ("Physical therapy, {side} hip", "97110", "10 visits")],
    "ankle": [("MRI {side} ankle", "73721", "1"), ("Ankle brace, {side}", "L1906", "1")],
    "foot": [("Custom orthotics, {side} foot", "L3020", "1")],
    "psyche": [("Cognitive behavioral therapy, psyche", "90837", "6 sessions")],
    "head": [("CT head without contrast", "70450", "1")],
    "internal": [("Internal medicine consultation", "99244", "1")],
}
MEDICATIONS = [("Ibuprofen 800 mg", "1 tab PO TID with food"), ("Cyclobenzaprine 10 mg", "1 tab PO at bedtime"),
               ("Naproxen sodium 550 mg", "1 tab PO BID"), ("Gabapentin 300 mg", "1 cap PO TID"),
               ("Lidocaine 5% patch", "apply 12 h on / 12 h off"), ("Tramadol 50 mg", "1 tab PO q6h PRN pain"),
               ("Omeprazole 20 mg", "1 cap PO daily"), ("Duloxetine 30 mg", "1 cap PO daily"),
               ("Meloxicam 15 mg", "1 tab PO daily"), ("Acetaminophen 500 mg", "2 tabs PO q8h PRN")]
MED_TREATMENTS = [("Tramadol 50 mg #60", "J3490", "60 tabs"), ("Cyclobenzaprine 10 mg #30", "J3490", "30 tabs"),
                  ("Gabapentin 300 mg #90", "J3490", "90 caps")]


def treatments_for(rng: random.Random, part: str) -> list[tuple[str, str, str]]:
    """Treatment lines (description, code, quantity) suited to a canonical body part."""
    if " " in part and part.split(" ", 1)[0] in ("right", "left", "bilateral"):
        side, base = part.split(" ", 1)
        side_word = side
        return [(d.format(side=side_word, Side=side_word.capitalize()), c, q)
                for d, c, q in TREATMENTS.get(base, [])]
    return list(TREATMENTS.get(part, []))


GUIDELINES = [
    "CA MTUS ACOEM Practice Guidelines, Low Back Disorders (2020)",
    "CA MTUS ACOEM Practice Guidelines, Chapter 12, Low Back Complaints",
    "CA MTUS ACOEM Practice Guidelines, Shoulder Disorders (2016)",
    "CA MTUS ACOEM Chapter 9, Shoulder Complaints",
    "CA MTUS ACOEM Chapter 13, Knee Complaints",
    "CA MTUS Chronic Pain Medical Treatment Guidelines",
    "CA MTUS Drug Formulary (8 CCR 9792.27.1 et seq.)",
    "Official Disability Guidelines (ODG), Treatment in Workers' Comp, Low Back",
    "ODG Treatment, Knee & Leg (Acute & Chronic)",
    "CA MTUS ACOEM Practice Guidelines, Chapter 8, Neck Complaints",
]
GUIDE_BY_PART = {
    "lumbar spine": [0, 1, 7, 5], "cervical spine": [9, 5], "thoracic spine": [9],
    "shoulder": [2, 3], "knee": [4, 8], "wrist": [5], "hand": [5], "elbow": [5], "hip": [5],
    "ankle": [5], "foot": [5], "psyche": [5], "head": [5], "internal": [5],
}


def guideline_for(rng: random.Random, part: str) -> str:
    base = part.split(" ", 1)[1] if part.split(" ", 1)[0] in ("right", "left", "bilateral") else part
    return GUIDELINES[rng.choice(GUIDE_BY_PART.get(base, [5]))]


def random_person(rng: random.Random, *, doctor: bool = False, specialty: str | None = None) -> Person:
    if doctor:
        degree = "DC" if specialty == "Chiropractic" else rng.choice(["MD", "MD", "MD", "DO"])
        return Person(rng.choice(DOC_FIRST), rng.choice(DOC_LAST), middle=rng.choice([None, "J", "A", "R"]),
                      title="Dr.", degree=degree, specialty=specialty or rng.choice(SPECIALTIES))
    return Person(rng.choice(FIRST), rng.choice(LAST), middle=rng.choice([None, None, "L", "M", "T"]))


def doctor_display(rng: random.Random, p: Person) -> str:
    """A physician's name as a letter signs it: with or without Dr. / degree."""
    style = rng.randrange(4)
    if style == 0:
        return f"Dr. {p.name}"
    if style == 1:
        return f"{p.name}, {p.degree}"
    if style == 2:
        return f"Dr. {p.first} {p.last}"
    return f"{p.first} {p.last}, {p.degree}"

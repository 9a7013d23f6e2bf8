"""QME/AME extraction end to end on hand-written reports in three house styles.

Style A: panel QME, roman-numbered upper-case headings, a numbered records list over a page
break, body-text ratings with ranges and UE conversions, OCR noise ("O5/12/2O25", "06/|0/2025").
Style B: AME re-evaluation, title-case and run-together inline headings, chronological
paragraph records, deferred P&S and ratings, an extension.
Style C: supplemental QME, a records table read from word positions, an impairment summary
table that disagrees with the body text, no declaration.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.extract.qme import extract_qme
from pipeline.model import DateRange, Document, Page, Word
from pipeline.settings import Settings

SOURCE = "claim.pdf"


def pages_of(texts: list[str], first: int = 1) -> list[Page]:
    return [Page(SOURCE, first + i, text=t, text_source="text_layer") for i, t in enumerate(texts)]


# --- style A: panel QME, roman-numbered upper-case headings, numbered records list ------------

STYLE_A = [
    """WESTSIDE ORTHOPAEDIC MEDICAL GROUP
1200 Wilshire Blvd, Los Angeles, CA 90017

June 20, 2025

PANEL QUALIFIED MEDICAL EVALUATOR
COMPREHENSIVE MEDICAL-LEGAL EVALUATION (ML201)

Applicant: Maria L. Gonzalez
Employer: Valley Packing Co.
Claim No.: 05-123456
Date of Injury: 03/12/2024
Date of Examination: 06/02/2025

Dear Counsel:
I am a Panel Qualified Medical Evaluator, Board Certified in Orthopaedic Surgery.

I. HISTORY OF INJURY
The applicant reports lifting a 60-pound box on 03/12/2024 and feeling low back pain that
radiated to the right leg. She also injured her right shoulder.

II. REVIEW OF MEDICAL RECORDS
1. 03/15/2024 - Doctor's First Report of Occupational Injury, Dr. Ravi Patel. Lumbar strain.
2. 03/10/2025 - PR-2 progress report, Dr. Ravi Patel. Diagnosis: lumbar strain. Plan: PT.
3. O5/12/2O25 - MRI of the right shoulder, read by Susan Kim, M.D.: partial-thickness tear
of the supraspinatus tendon, with mild acromioclavicular arthrosis.
Page 1 of 4
Re: Maria L. Gonzalez""",
    """Re: Maria L. Gonzalez
4. 05/20/2025 - Physical therapy daily note (visit 6 of 12), Mark Lee, PT. (3 pages)
5. 06/|0/2025 - Utilization Review determination by Dr. Alan Cho, non-certifying lumbar
epidural steroid injection.
   DIAGNOSIS: lumbar radiculopathy.

III. PHYSICAL EXAMINATION
Lumbar flexion 40 degrees. Right shoulder abduction 150 degrees.

IV. DIAGNOSES
1. Lumbar disc protrusion L4-5 with right radiculopathy (M51.16)
2. Right shoulder partial-thickness rotator cuff tear (ICD-10: M75.111)

V. CAUSATION
Within reasonable medical probability the injury arose out of and occurred in the course of
employment (AOE/COE). Causation is industrial.
Page 2 of 4
Re: Maria L. Gonzalez""",
    """Re: Maria L. Gonzalez
VI. PERMANENT AND STATIONARY STATUS
The applicant has reached maximum medical improvement and is permanent and stationary as of
06/02/2025.

VII. IMPAIRMENT RATING
Lumbar Spine:
She falls within DRE Lumbar Category III, Table 15-3, 10-13% WPI. I assign 12% whole person
impairment given the verified radiculopathy.
Right Shoulder:
Per Figure 16-40, range of motion loss equals 8% upper extremity impairment, which converts
to 5% WPI (Table 16-3).
Using the Combined Values Chart, 12% combined with 5% results in 16% whole person impairment.

VIII. APPORTIONMENT
Pursuant to Labor Code 4663, I apportion 80% of the lumbar spine disability to the industrial
injury and 20% to pre-existing degenerative disc disease, based on the MRI showing multilevel
desiccation. The right shoulder disability is 100% industrial; there is no evidence of a
prior shoulder injury.

IX. FUTURE MEDICAL CARE
Future medical care should include orthopedic follow-up and epidural injections.

X. WORK RESTRICTIONS
No lifting over 20 pounds. No repetitive overhead work with the right arm.
Page 3 of 4
Re: Maria L. Gonzalez""",
    """Re: Maria L. Gonzalez
XI. TEMPORARY DISABILITY
She was temporarily totally disabled from 03/13/2024 through 09/30/2024.

XII. DECLARATION
I declare under penalty of perjury that the information contained in this report and its
attachments, if any, is true and correct to the best of my knowledge. Executed on 06/20/2025,
in the County of Los Angeles, California.

/s/ Jane Q. Smith, M.D.
Jane Q. Smith, M.D., Panel QME

PROOF OF SERVICE
I am over 18 years of age. On 06/23/2025 I served the foregoing report by placing a true copy
in a sealed envelope with postage fully prepaid in the United States mail at Los Angeles.
I declare under penalty of perjury that the foregoing is true and correct.
Page 4 of 4
Re: Maria L. Gonzalez""",
]

STYLE_A_RECORDS = [
    ("2024-03-15", "Doctor's First Report of Occupational Injury", "Dr. Ravi Patel",
     "doctor_first_report"),
    ("2025-03-10", "PR-2 progress report", "Dr. Ravi Patel", "treating_report"),
    ("2025-05-12", "MRI of the right shoulder", "Susan Kim, M.D.", "imaging_report"),
    ("2025-05-20", "Physical therapy daily note (visit 6 of 12)", "Mark Lee, PT",
     "therapy_note"),
    ("2025-06-10", "Utilization Review determination", "Dr. Alan Cho", "ur_decision"),
]


# --- style B: AME re-evaluation, title-case headings with colons, inline run-together
# headings, chronological-paragraph records and a summary table that disagrees with the body --

STYLE_B = [
    """Agreed Medical Evaluation - Orthopedic Re-Evaluation
Report Date: July 30, 2025
Date of Re-Evaluation: July 1, 2025
Examiner: Dr. Henry Okafor
Specialty: Orthopedic Surgery
Billing code ML2O2

Patient: Tom Nguyen      DOI: 01/05/2023

History:
Mr. Nguyen was re-examined today for his neck and left knee.

Summary of Medical Records:
On 01/20/2025, Dr. Lisa Wong, the primary treating physician, saw the applicant for neck pain
and ordered an MRI. On 02/03/2025, an MRI of the cervical spine was performed at Coastal
Imaging showing C5-6 disc bulge. Dr. Wong reviewed it again on 02/10/2025 with the applicant.
03/14/2025: Operative report, left knee arthroscopy with partial medial meniscectomy, by
Dr. Paul Reyes.
Tom Nguyen - AME Re-Evaluation - page 1""",
    """04/22/2025: Physical therapy progress note, 8 visits completed.
Diagnoses:
- Cervical disc bulge C5-6, M50.20
- Left knee medial meniscus tear, status post arthroscopy, S83.242A
Causation: The cervical and left knee conditions are industrial.
Disability Status: The applicant is not yet permanent and stationary; he remains temporarily
totally disabled pending recovery from surgery.
Impairment: Deferred until MMI.
Apportionment: Deferred.
Temporary Disability: TTD from 03/14/2025 through 08/31/2025.
Work Status: Off work.
Extension: An extension of time to serve this report was granted by the Medical Director
(Form 112).
Tom Nguyen - AME Re-Evaluation - page 2""",
]


# --- style C: QME supplemental-style with a records table and an impairment summary table ---

def table_page(number: int, rows: list[list[tuple[float, str]]], head: list[str] | None = None,
               tail: list[str] | None = None) -> Page:
    """A page whose table rows carry word boxes (x0 fractions), like pdfplumber gives."""
    lines: list[str] = []
    words: list[Word] = []
    y = 0.05
    for text in head or []:
        lines.append(text)
        words += _words(text, 0.08, y)
        y += 0.02
    for cells in rows:
        parts = []
        for x0, cell in cells:
            words += _words(cell, x0, y)
            parts.append(cell)
        lines.append(" ".join(p for p in parts if p))
        y += 0.02
    for text in tail or []:
        lines.append(text)
        words += _words(text, 0.08, y)
        y += 0.02
    return Page(SOURCE, number, text="\n".join(lines), words=words, text_source="text_layer")


def _words(text: str, x0: float, top: float) -> list[Word]:
    out = []
    x = x0
    for token in text.split():
        width = 0.0075 * len(token)
        out.append(Word(token, (x, top, x + width, top + 0.011)))
        x += width + 0.005
    return out



COLUMNS = (0.08, 0.20, 0.42, 0.62)


def style_c_pages() -> list[Page]:
    def row(*cells: str) -> list[tuple[float, str]]:
        return list(zip(COLUMNS, cells))

    page1 = table_page(1, [
        row("Date", "Provider", "Document Type", "Summary"),
        row("01/15/2025", "Ravi Patel, MD", "PR-2 report", "Low back pain; PT"),
        row("", "", "", "recommended."),
        row("02/O3/2025", "Coastal Imaging", "MRI lumbar spine", "L4-5 protrusion."),
    ], head=["SUPPLEMENTAL MEDICAL-LEGAL REPORT", "Qualified Medical Evaluator: Amy Chen, D.C.",
             "Date of Report: 09/02/2025", "RECORDS REVIEWED"],
        tail=["Supplemental report - Page 1 of 3"])
    page2 = table_page(2, [
        row("03/01/2025", "Dr. Alan Cho", "UR decision", "Chiropractic denied."),
        row("04/11/2025", "Kim Ortiz, PT", "Therapy note", "Visit 6 of 12."),
    ], head=["RE: Carla Diaz"], tail=["DISCUSSION", "Supplemental report - Page 2 of 3"])
    page3 = Page(SOURCE, 3, text="""RE: Carla Diaz
IMPAIRMENT SUMMARY
Body Part          Method                    WPI
Lumbar spine       DRE II, Table 15-3        8%
Cervical spine     DRE II, Table 15-5        6%
Combined WPI                                 13%
The lumbar spine rates 7% WPI per DRE Category II (Table 15-3).
APPORTIONMENT
Lumbar spine: 70% industrial, 30% non-industrial.
Cervical spine: 90% industrial and 10% nonindustrial.
Supplemental report - Page 3 of 3""", text_source="text_layer")
    return [page1, page2, page3]


# --- helpers ---------------------------------------------------------------------------------

def _extract(pages: list[Page], doc_type: str = "qme_report") -> tuple[Document, object]:
    doc = Document("D7", SOURCE, pages[0].number, pages[-1].number, type=doc_type)
    return doc, extract_qme(doc, pages, Settings())


D = dt.date


# --- style A ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def style_a():
    return _extract(pages_of(STYLE_A))


def test_a_evaluator_and_kind(style_a) -> None:
    _, block = style_a
    assert block.evaluator_role == "panel_qme"
    assert block.evaluator_name == "Jane Q. Smith"
    assert block.specialty == "Orthopaedic Surgery"
    assert (block.report_kind, block.ml_code) == ("initial", "ML201")


def test_a_dates(style_a) -> None:
    _, block = style_a
    assert block.exam_date == D(2025, 6, 2)
    assert block.report_date == D(2025, 6, 20)
    assert block.signature_date == D(2025, 6, 20)
    assert (block.service_date, block.service_method) == (D(2025, 6, 23), "mail")


def test_a_medical_findings(style_a) -> None:
    _, block = style_a
    assert [(d.icd10, d.text) for d in block.diagnoses] == [
        ("M51.16", "Lumbar disc protrusion L4-5 with right radiculopathy"),
        ("M75.111", "Right shoulder partial-thickness rotator cuff tear")]
    assert block.causation == "industrial"
    assert (block.mmi_status, block.mmi_date) == ("mmi", D(2025, 6, 2))
    assert block.ttd_periods == [DateRange(D(2024, 3, 13), D(2024, 9, 30))]
    assert block.work_restrictions.startswith("No lifting over 20 pounds")
    assert "epidural injections" in block.future_medical


def test_a_ratings_skip_ranges_and_extremity_figures(style_a) -> None:
    _, block = style_a
    rated = [(i.body_part, i.wpi, i.where) for i in block.impairments]
    assert rated == [("lumbar spine", 12, "body"), ("right shoulder", 5, "body")]
    assert "Table 15-3" in block.impairments[0].method
    assert "Table 16-3" in block.impairments[1].method
    assert block.combined_wpi == 16


def test_a_apportionment(style_a) -> None:
    _, block = style_a
    rows = [(a.body_part, a.industrial_pct, a.nonindustrial_pct, a.explained)
            for a in block.apportionment]
    assert rows == [("lumbar spine", 80, 20, True), ("right shoulder", 100, 0, True)]


def test_a_records_cross_the_page_break(style_a) -> None:
    _, block = style_a
    got = [(r.date.isoformat(), r.description, r.author, r.kind) for r in block.records_reviewed]
    assert got == STYLE_A_RECORDS
    assert block.records_reviewed[3].pages == "3"
    assert block.records_reviewed[4].evidence.page == 2


def test_a_declaration_signature_body_parts(style_a) -> None:
    _, block = style_a
    assert block.declaration_present is True
    assert block.declaration_date == D(2025, 6, 20)
    assert block.declaration_county == "Los Angeles"
    assert block.signature_present is True
    assert block.extension_noted is False
    assert block.body_parts_addressed == ["lumbar spine", "right shoulder"]


def test_a_provenance_points_at_the_right_pages(style_a) -> None:
    doc, _ = style_a
    assert doc.provenance["qme.exam_date"].page == 1
    assert "06/02/2025" in doc.provenance["qme.exam_date"].quote
    assert doc.provenance["qme.combined_wpi"].page == 3
    assert doc.provenance["qme.service_date"].page == 4
    assert all(ev.document == "D7" for ev in doc.provenance.values())


# --- style B ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def style_b():
    return _extract(pages_of(STYLE_B), doc_type="ame_report")


def test_b_header_fields(style_b) -> None:
    _, block = style_b
    assert block.evaluator_role == "ame"
    assert block.evaluator_name == "Henry Okafor"
    assert block.specialty == "Orthopedic Surgery"
    assert (block.report_kind, block.ml_code) == ("reevaluation", "ML202")
    assert (block.exam_date, block.report_date) == (D(2025, 7, 1), D(2025, 7, 30))


def test_b_deferred_and_not_stationary(style_b) -> None:
    _, block = style_b
    assert block.mmi_status == "not_mmi"
    assert block.mmi_date is None
    assert block.impairments == [] and block.combined_wpi is None
    assert block.apportionment == []
    assert block.causation == "industrial"
    assert block.ttd_periods == [DateRange(D(2025, 3, 14), D(2025, 8, 31))]
    assert block.work_restrictions == "Off work."
    assert block.extension_noted is True


def test_b_no_declaration(style_b) -> None:
    _, block = style_b
    assert block.declaration_present is False
    assert block.signature_date is None
    assert block.service_date is None


def test_b_paragraph_records(style_b) -> None:
    _, block = style_b
    got = [(r.date, r.author, r.kind) for r in block.records_reviewed]
    assert got == [
        (D(2025, 1, 20), "Dr. Lisa Wong", "treating_report"),
        (D(2025, 2, 3), "Dr. Wong", "imaging_report"),
        (D(2025, 3, 14), "Dr. Paul Reyes", "operative_report"),
        (D(2025, 4, 22), None, "therapy_note"),
    ]
    # "reviewed it again on 02/10/2025" continues the MRI entry, it is no record of its own
    assert D(2025, 2, 10) not in [r.date for r in block.records_reviewed]
    assert block.records_reviewed[2].description.startswith("Operative report, left knee")


def test_b_diagnoses_and_body_parts(style_b) -> None:
    _, block = style_b
    assert [d.icd10 for d in block.diagnoses] == ["M50.20", "S83.242A"]
    assert block.body_parts_addressed == ["cervical spine", "left knee"]


# --- style C ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def style_c():
    return _extract(style_c_pages())


def test_c_supplemental_chiropractor(style_c) -> None:
    _, block = style_c
    assert block.evaluator_role == "qme"
    assert block.evaluator_name == "Amy Chen"
    assert block.specialty == "Chiropractic"
    assert block.report_kind == "supplemental"
    assert block.report_date == D(2025, 9, 2)
    assert block.exam_date is None


def test_c_summary_and_body_disagree_both_kept(style_c) -> None:
    _, block = style_c
    rated = [(i.body_part, i.wpi, i.where) for i in block.impairments]
    assert rated == [("lumbar spine", 8, "summary"), ("cervical spine", 6, "summary"),
                     ("lumbar spine", 7, "body")]
    assert block.combined_wpi == 13


def test_c_unexplained_apportionment(style_c) -> None:
    _, block = style_c
    rows = [(a.body_part, a.industrial_pct, a.nonindustrial_pct, a.explained)
            for a in block.apportionment]
    assert rows == [("lumbar spine", 70, 30, False), ("cervical spine", 90, 10, False)]


def test_c_table_records_from_word_positions(style_c) -> None:
    _, block = style_c
    got = [(r.date, r.author, r.kind) for r in block.records_reviewed]
    assert got == [
        (D(2025, 1, 15), "Ravi Patel, MD", "treating_report"),
        (D(2025, 2, 3), "Coastal Imaging", "imaging_report"),
        (D(2025, 3, 1), "Dr. Alan Cho", "ur_decision"),
        (D(2025, 4, 11), "Kim Ortiz, PT", "therapy_note"),
    ]
    assert block.records_reviewed[0].description == "PR-2 report: Low back pain"


def test_c_declaration_missing(style_c) -> None:
    _, block = style_c
    assert block.declaration_present is False
    assert block.signature_present is None


# --- smaller variations ----------------------------------------------------------------------

def _one_page(text: str, doc_type: str = "qme_report"):
    return _extract([Page(SOURCE, 1, text=text)], doc_type)[1]


def test_legacy_ml_code_and_ame_title() -> None:
    block = _one_page("AGREED MEDICAL EXAMINATION\nComplex comprehensive evaluation, ML-103\n"
                      "Date of Examination: 02/11/2020\n")
    assert (block.evaluator_role, block.ml_code, block.report_kind) == ("ame", "ML103", "initial")
    assert block.exam_date == D(2020, 2, 11)


def test_record_review_report_kind() -> None:
    block = _one_page("QUALIFIED MEDICAL EVALUATOR\nMEDICAL-LEGAL RECORD REVIEW REPORT\n"
                      "REVIEW OF RECORDS\n1. 01/02/2025 PR-2, Dr. Lee.\n")
    assert block.report_kind == "record_review"
    assert [r.date for r in block.records_reviewed] == [D(2025, 1, 2)]


def test_proof_of_service_checkbox_method() -> None:
    block = _one_page("PANEL QME REPORT\nDISCUSSION\nNone.\nPROOF OF SERVICE\n"
                      "Date Served: 08/01/2025\n[ ] U.S. Mail   [X] Electronic mail (email)   "
                      "[ ] Fax\n")
    assert (block.service_date, block.service_method) == (D(2025, 8, 1), "email")


def test_nonindustrial_causation_and_mmi_date_as_of_exam() -> None:
    block = _one_page("PANEL QME REPORT\nDate of Evaluation: 04/04/2025\nCAUSATION\n"
                      "The psyche claim did not arise out of employment; causation is "
                      "non-industrial.\nMMI\nShe reached maximum medical improvement as of the "
                      "date of my examination.\n")
    assert block.causation == "nonindustrial"
    assert (block.mmi_status, block.mmi_date) == ("mmi", D(2025, 4, 4))


def test_unsigned_declaration() -> None:
    block = _one_page("QME REPORT\nDECLARATION\nI declare under penalty of perjury that the "
                      "foregoing is true. Executed in Fresno County, California.\n"
                      "Signature: ____________\n")
    assert block.declaration_present is True
    assert block.declaration_county == "Fresno"
    assert block.signature_present is False


def test_other_physicians_rating_is_not_the_evaluators() -> None:
    block = _one_page("QME REPORT\nREVIEW OF RECORDS\n01/05/2025 PR-4, Dr. Patel rated 15% WPI "
                      "for the lumbar spine.\nIMPAIRMENT RATING\nDr. Patel previously rated 15% "
                      "WPI. I find the lumbar spine at 8% WPI (Table 15-3).\n")
    assert [(i.body_part, i.wpi) for i in block.impairments] == [("lumbar spine", 8)]


@pytest.mark.parametrize("sentence", [
    "The applicant has reached maximal medical improvement and is permanent and stationary as "
    "of Dec. 26th,\n2025.",
    "The applicant has reached maximal medical improvement and is permanent and. stationary as "
    "of December 26,\n2025.",
])
def test_mmi_date_survives_abbreviations_and_ocr_full_stops(sentence: str) -> None:
    block = _one_page("PANEL QME REPORT\nSummary: Permanent and stationary.\n"
                      "Disability Status: Permanent and Stationary / MMI\n" + sentence + "\n")
    assert (block.mmi_status, block.mmi_date) == ("mmi", D(2025, 12, 26))


def test_ocr_noisy_signature_block_and_closing() -> None:
    block = _one_page("AGREED MEDICAL EVALUATION\nDECLARATION\n| declare under penalty of perjury "
                      "that the foregoing is true.\nSigned this day, January 20, 2026, in Santa "
                      "Clara County, California.\n\n-Leonard K..Varga, MD\nOrthopaedic Surgery. —\n")
    assert block.evaluator_name == "Leonard K. Varga"
    assert block.specialty == "Orthopaedic Surgery"
    assert (block.signature_date, block.declaration_county) == (D(2026, 1, 20), "Santa Clara")
    cover = _one_page("Leonard K. Varga\nMedical-Legal Evaluations\nTo all parties:\nEnclosed is "
                      "my AME report.\nRespectfully,\nLeonard K. Varga\n")
    assert cover.evaluator_name == "Leonard K. Varga"


def test_exam_date_from_narrative_with_ocr_pipe_for_i() -> None:
    block = _one_page("PANEL QME REPORT\nIntroduction: '| saw Samuel T. Kaur on March 19, 2026 at "
                      "741 McHenry Avenue.\nI examined the MRI films on 05/01/2025.\n")
    assert block.exam_date == D(2026, 3, 19)
    narrative = _one_page("QME REPORT\nI examined the MRI films on 05/01/2025.\n")
    assert narrative.exam_date is None


def test_apportionment_without_a_recognised_heading() -> None:
    block = _one_page("QME REPORT\nIMPAIRMENT RATING\nRight shoulder 6% WPI (Table 16-3).\n"
                      "Apportionment is addressed under Labor Code sections 4663 and 4664.\n\n"
                      "For the rt shoulder, 80% of the permanent disability is caused by the "
                      "industrial injury and 20%. by other\nfactors, namely pre-existing "
                      "degenerative changes shown on imaging.\n\nFUTURE MEDICAL CARE\nNone.\n")
    assert [(a.body_part, a.industrial_pct, a.nonindustrial_pct, a.explained)
            for a in block.apportionment] == [("right shoulder", 80, 20, True)]


def test_title_over_two_lines_reevaluation_wins_over_comprehensive() -> None:
    block = _one_page("QUALIFIED MEDICAL EVALUATION - COMPREHENSIVE\nMEDICAL-LEGAL RE-EVALUATION\n"
                      "Date of Evaluation: 06/01/2026\nBilling Code: ML202\n")
    assert (block.report_kind, block.ml_code) == ("reevaluation", "ML202")


# --- a letter-style AME supplemental: no new exam, records in a bullet list -------------------

AME_LETTER = ["""HAROLD K. OYELARAN, M.D.
Qualified and Agreed Medical Evaluator -- Physical Medicine and Rehabilitation
410 Harbor Blvd, Oxnard, CA 93035

March 3, 2026

Re: Dana Whitfield v. Coastal Freight
Supplemental report, ML203

Dear Counsel:

I write as the Agreed Medical Examiner in this case. No further examination was held; this
letter answers your questions on records that arrived after my evaluation.

Records received and reviewed for this letter
- Physical therapy discharge note of Kim Lao, PT, dated 01/12/2026.
- CT of the cervical spine dated 01/20/2026, read by Omar Feld, M.D.

Impairment
Cervical spine: DRE Cervical Category II of Table 15-5, 6% whole person impairment.
Right elbow: 5% upper extremity impairment, which converts to 3% whole person impairment.
Summing the two figures, 6% + 3%, the impairment of the whole person comes to 9%.

Apportionment
Cervical spine: 75% industrial and 25% to the disc degeneration seen on the 01/20/2026 CT.
"""]


def test_letter_style_ame_supplemental() -> None:
    _, block = _extract(pages_of(AME_LETTER), doc_type="ame_report")
    assert block.evaluator_role == "ame"
    assert block.exam_date is None
    assert [(r.date, r.description) for r in block.records_reviewed] == [
        (D(2026, 1, 12), "Physical therapy discharge note"),
        (D(2026, 1, 20), "CT of the cervical spine")]
    assert [(i.body_part, i.wpi) for i in block.impairments] == [
        ("cervical spine", 6), ("right elbow", 3)]
    assert block.combined_wpi == 9

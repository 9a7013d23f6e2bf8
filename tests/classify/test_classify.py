"""Every contract type is recognisable from a short, realistic first page."""

import datetime as dt

import pytest

from pipeline.classify import classify_documents, classify_pages
from pipeline.model import ClaimFile, Document, Page

SAMPLES = {
    "ur_decision": "GOLDEN STATE REVIEW SERVICES\nNotice of Utilization Review Determination\n"
                   "Date RFA received: 03/20/2025\nRequested: MRI lumbar spine (72148) - "
                   "NON-CERTIFIED\nReviewing physician: Alan Cho, MD, Board Certified in "
                   "Orthopedic Surgery\nGuideline: MTUS ACOEM\nYou may request an Independent "
                   "Medical Review.",
    "imr_application": "APPLICATION FOR INDEPENDENT MEDICAL REVIEW\nDWC Form IMR\nType of "
                       "Utilization Review: [X] Regular [ ] Expedited\nDate of UR decision: "
                       "04/02/2025\nWCIS Jurisdictional Claim Number: 2025123456\n"
                       "Signature of employee: ________",
    "imr_determination": "MAXIMUS FEDERAL SERVICES\nIndependent Medical Review Final "
                         "Determination\nThe expert reviewer found that the requested lumbar "
                         "MRI is not medically necessary and appropriate. The UR decision is "
                         "upheld.",
    "imr_notice": "MAXIMUS FEDERAL SERVICES\nNotice of Assignment and Request for Information\n"
                  "IMR Case Number: CM25-0012345\nThe dispute has been assigned. Please submit "
                  "the following documents within 15 days.",
    "qme_panel_list": "STATE OF CALIFORNIA DIVISION OF WORKERS' COMPENSATION MEDICAL UNIT\n"
                      "QME PANEL LIST\nPanel No: 7654321  Date panel issued: 01/10/2025\n"
                      "Specialty: Orthopaedic Surgery\n1. Dr. A  2. Dr. B  3. Dr. C\n"
                      "Each party may strike one name.",
    "qme_report": "ANN LEE, M.D.\nPANEL QUALIFIED MEDICAL EVALUATION\nML-201 Comprehensive "
                  "Medical-Legal Evaluation\nRecords reviewed ... Causation ... Apportionment "
                  "... whole person impairment per the AMA Guides.",
    "ame_report": "ROBERT KIM, M.D.\nAGREED MEDICAL EVALUATION\nI was selected as the Agreed "
                  "Medical Evaluator by the parties. Causation, apportionment and whole person "
                  "impairment are discussed below.",
    "rfa": "REQUEST FOR AUTHORIZATION\nDWC Form RFA\n[X] New Request [ ] Resubmission - Change "
           "in Material Facts\nRequested treatment: physical therapy 2x6, CPT/HCPCS 97110\n"
           "Requesting physician signature: ______",
    "treating_report": "VALLEY ORTHOPEDICS\nPRIMARY TREATING PHYSICIAN'S PROGRESS REPORT "
                       "(PR-2)\nSubjective complaints: low back pain 6/10\nObjective findings: "
                       "tenderness L4-5\nTreatment plan: continue PT\nWork status: modified "
                       "duty",
    "doctor_first_report": "STATE OF CALIFORNIA\nDOCTOR'S FIRST REPORT OF OCCUPATIONAL INJURY "
                           "OR ILLNESS\nAny person who makes or causes to be made any knowingly "
                           "false or fraudulent material statement ... is guilty of a felony.",
    "imaging_report": "COASTAL IMAGING CENTER\nMRI OF THE LUMBAR SPINE WITHOUT CONTRAST\n"
                      "Technique: sagittal and axial images.\nComparison: none.\nFindings: "
                      "L4-5 disc protrusion.\nImpression: mild stenosis.\nRadiologist: J. Park",
    "diagnostic_report": "NEURODIAGNOSTICS INC\nELECTRODIAGNOSTIC STUDY (EMG/NCS)\nMotor nerve "
                         "conduction: distal latency and amplitude normal; conduction velocity "
                         "normal. Needle EMG: no denervation.",
    "operative_report": "MERCY SURGICAL CENTER\nOPERATIVE REPORT\nPreoperative diagnosis: "
                        "right shoulder impingement\nPostoperative diagnosis: same\nProcedure "
                        "performed: arthroscopic subacromial decompression\nAnesthesia: "
                        "general\nEstimated blood loss: minimal",
    "therapy_note": "COASTAL PHYSICAL THERAPY\nPhysical Therapy Daily Note\nVisit 4 of 12\n"
                    "Therapeutic exercise 97110 x 2 units, manual therapy 97140. Patient "
                    "tolerated treatment well.",
    "medication_list": "CENTRAL PHARMACY\nPRESCRIPTION HISTORY\nGabapentin 300 mg capsule, by "
                       "mouth three times daily, refills: 2\nPrescriber: Dr. Patel",
    "claim_form": "STATE OF CALIFORNIA\nDWC 1 EMPLOYEE'S CLAIM FOR WORKERS' COMPENSATION "
                  "BENEFITS\nEmployee: complete this section.\nDescribe injury and part of "
                  "body affected: lifting boxes, low back.\nDate employer first knew of injury:",
    "employer_report": "EMPLOYER'S REPORT OF OCCUPATIONAL INJURY OR ILLNESS\nForm 5020\nLast "
                       "day worked: 03/12/2024\nHow did the injury occur: lifting a pallet.",
    "job_description": "VALLEY PACKING CO.\nJOB DESCRIPTION: Warehouse Associate\nEssential "
                       "functions: lift up to 50 lbs frequently; stand constantly.\nPhysical "
                       "demands: bending occasionally.",
    "wage_statement": "VALLEY PACKING CO. PAYROLL\nWAGE STATEMENT\nPay period 01/01/2024 - "
                      "01/14/2024  Hours worked 80  Hourly rate 22.00  Gross pay 1,760.00  "
                      "Net pay 1,402.11",
    "deposition": "WORKERS' COMPENSATION APPEALS BOARD\nDEPOSITION OF MARIA GONZALEZ\n"
                  "Appearances: ...\nThe witness, having been duly sworn, testified: "
                  "EXAMINATION BY MR. SMITH",
    "peer_to_peer_note": "GOLDEN STATE REVIEW SERVICES\nPEER-TO-PEER CONVERSATION\nSpoke with "
                         "Dr. Patel's office on 03/25/2025 and discussed the case.",
    "correspondence": "SMITH & JONES LLP\nAttorneys at Law\nDear Adjuster:\nPlease find "
                      "enclosed the records requested. Thank you for your attention.\nVery "
                      "truly yours,",
}


def _page(text, number=1):
    return Page(source="a.pdf", number=number, text=text, text_source="text_layer")


@pytest.mark.parametrize("expected", sorted(SAMPLES))
def test_each_contract_type_is_recognised(expected):
    verdict = classify_pages([_page(SAMPLES[expected])])
    assert verdict.type == expected, verdict.scores
    assert 0.0 <= verdict.confidence <= 1.0


def test_fax_cover_sheet_is_correspondence():
    verdict = classify_pages([_page("FAX COVER SHEET\nTo: Dr. Lee\nFrom: Coastal Claims\n"
                                    "Pages including cover: 6")])
    assert verdict.type == "correspondence"
    assert verdict.title == "FAX COVER SHEET"


def test_deferral_and_incomplete_rfa_notices_are_ur_decisions():
    deferral = "COASTAL CLAIMS\nNOTICE OF DEFERRAL\nUtilization review of the requested " \
               "treatment is deferred because liability for the claim is disputed."
    incomplete = "COASTAL CLAIMS\nNotice of Incomplete Request for Authorization\nThe RFA " \
                 "received 03/20/2025 is not complete: missing signature."
    assert classify_pages([_page(deferral)]).type == "ur_decision"
    assert classify_pages([_page(incomplete)]).type == "ur_decision"


def test_qme_records_list_on_later_pages_does_not_change_the_type():
    first = _page(SAMPLES["qme_report"])
    records = _page("RECORDS REVIEWED\n03/10/2025 MRI of the lumbar spine\n04/01/2025 Operative "
                    "report, right shoulder\n04/02/2025 Utilization Review Determination\n"
                    "05/01/2025 Physical therapy daily note", 2)
    assert classify_pages([first, records]).type == "qme_report"


def test_unreadable_document_is_other_and_needs_review():
    claim = ClaimFile("c", dt.date(2025, 1, 1))
    claim.pages = [_page("zxq qqv lorem ipsum dolor sit amet, consectetur adipiscing 1234 elit "
                         "sed do eiusmod tempor")]
    claim.documents = [Document("D001", "a.pdf", 1, 1)]
    classify_documents(claim)
    doc = claim.documents[0]
    assert doc.type == "other" and doc.needs_review and doc.confidence < 0.5


def test_classify_documents_sets_type_title_and_confidence():
    claim = ClaimFile("c", dt.date(2025, 1, 1))
    claim.pages = [_page(SAMPLES["operative_report"]), _page(SAMPLES["rfa"], 2)]
    claim.documents = [Document("D001", "a.pdf", 1, 1), Document("D002", "a.pdf", 2, 2)]
    classify_documents(claim)
    assert [d.type for d in claim.documents] == ["operative_report", "rfa"]
    assert claim.documents[0].title == "OPERATIVE REPORT"
    assert all(d.confidence >= 0.5 and not d.needs_review for d in claim.documents)


def test_transmittal_listing_records_is_correspondence_not_the_records():
    letter = _page("Pacific Risk Administrators\nFresno, California\n1 December 2025\nClaimant: "
                   "Maria Gonzalez\nEnclosed please find the records listed below for your "
                   "review in connection with the evaluation.\n- Primary treating physician's "
                   "progress report\n- PR-2 progress report\n- MRI report\n- Operative report\n"
                   "Sincerely,\nR. Ibarra")
    verdict = classify_pages([letter])
    assert verdict.type == "correspondence", verdict.scores


def test_report_fronted_by_its_cover_letter_takes_the_report_title():
    cover = _page("LEONARD K. VARGA, MD\nJanuary 20, 2026\nTo all parties:\nEnclosed is my "
                  "medical-legal report concerning Robert Abernathy.\nRespectfully,\nL. Varga")
    report = _page("LEONARD K. VARGA, MD\nRe: Agreed Medical Evaluation - Comprehensive "
                   "Medical-Legal Report\nApplicant: Robert Abernathy\nI saw the applicant as the "
                   "Agreed Medical Evaluator selected by the parties and reviewed the records.", 2)
    verdict = classify_pages([cover, report])
    assert verdict.type == "ame_report", verdict.scores


def test_title_given_after_re_types_a_report_letter():
    page = _page("BERKOWITZ ORTHOPAEDIC MEDICAL GROUP\n03/24/2026\nRe: Panel Qualified Medical "
                 "Evaluation - Comprehensive Medical-Legal Report\nDear Sir or Madam:\nI saw the "
                 "applicant as the Panel Qualified Medical Evaluator and reviewed the records.")
    assert classify_pages([page]).type == "qme_report"


def test_separator_sheet_is_other_whatever_it_says():
    verdict = classify_pages([_page("UTILIZATION REVIEW")])
    assert verdict.type == "other" and verdict.title == "UTILIZATION REVIEW"
    assert not verdict.needs_review


def test_blank_separator_is_other_with_confidence():
    verdict = classify_pages([Page(source="a.pdf", number=1, text="", text_source="empty")])
    assert verdict.type == "other" and not verdict.needs_review


def test_fax_cover_under_a_clinic_letterhead_is_correspondence():
    verdict = classify_pages([_page("LAKESIDE PHYSICAL THERAPY\n200 Elm St, Modesto CA\n"
                                    "FAX COVER SHEET\nTo: Acme Claims\nFrom: Front desk\n"
                                    "Pages: 3 with cover\nVisit notes you asked for.")])
    assert verdict.type == "correspondence", verdict.scores


def test_delivery_notation_does_not_make_a_letter_a_fax_cover():
    verdict = classify_pages([_page(
        "SUMMIT REVIEW PARTNERS\nMarch 3, 2025\nVIA FACSIMILE\nDr. Ann Lee\n"
        "NOTICE OF UTILIZATION REVIEW DETERMINATION\nClaim No.: 55-1234\n"
        "Dear Dr. Lee:\nThe requested lumbar MRI is not certified.\n")])
    assert verdict.type == "ur_decision", verdict.scores

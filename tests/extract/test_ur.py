"""UR decision letters of several styles: tables, prose, brief approvals, deferrals,
incomplete-RFA notices, CNC wording, expedited/retrospective reviews, received stamps, fax
headers, proofs of service and OCR noise."""

import datetime as dt

import pytest
from page_builder import CW, make_page  # noqa: F401  (tests/extract helper)

from pipeline.extract.ur import extract_ur, is_expedited, notice_kind, review_type, service_method
from pipeline.model import Document
from pipeline.settings import Settings

D = dt.date


def run(*texts: str):
    pages = [make_page(t, i + 1) for i, t in enumerate(texts)]
    doc = Document(id="D001", source="claim.pdf", page_start=1, page_end=len(pages),
                   type="ur_decision")
    return extract_ur(doc, pages, Settings()), doc


TABLE_LETTER = """Golden State Utilization Review
April 2, 2025
Dear Dr. Ravi Patel:
Claimant: Maria L. Gonzalez      Claim No: 05-123456
Date of Injury: 03/12/2024
RFA Received: 03/20/2025
Date of Decision: 04/02/2025
Review Type: Prospective / Standard

Requested Service                       CPT      Qty    Decision
Physical therapy lumbar spine           97110    12     Modified to 6 sessions
MRI lumbar spine without contrast       72148    1      Non-certified
Lumbar epidural steroid injection       62323    1      Certified

Medical Records Reviewed:
03/10/2025 PR-2 progress report, Dr. Patel
02/01/2025 X-ray lumbar spine

Rationale: The claimant has chronic low back pain without radicular findings on examination.
There is no documentation of failed conservative care with measurable functional improvement,
therefore the MRI is not supported by MTUS ACOEM Chapter 12 guidelines at this time.

Physician Reviewer: Alan Cho, MD, Orthopedic Surgery
You have the right to request an Independent Medical Review (IMR). An Application for Independent
Medical Review (DWC Form IMR) is enclosed. It must be filed within 30 days after service of this decision.
"""

POS = """PROOF OF SERVICE
I served the foregoing on 04/03/2025 by placing it in the U.S. Mail, first class postage prepaid,
addressed to the employee.
"""


def test_table_letter_every_field():
    ur, doc = run(TABLE_LETTER, POS)
    assert ur.letter_date == D(2025, 4, 2)
    assert ur.decision_date == D(2025, 4, 2)
    assert ur.rfa_received_date == D(2025, 3, 20)
    assert (ur.service_date, ur.service_method) == (D(2025, 4, 3), "mail")
    assert (ur.notice_kind, ur.review_type, ur.expedited) == ("decision", "prospective", False)
    assert ur.requesting_physician == "Dr. Ravi Patel"
    assert (ur.reviewer_name, ur.reviewer_specialty) == ("Alan Cho, MD", "Orthopedic Surgery")
    assert [(t.cpt, t.decision) for t in ur.treatments] == [
        ("97110", "modified"), ("72148", "denied"), ("62323", "approved")]
    assert (ur.treatments[0].quantity, ur.treatments[0].quantity_approved) == ("12", "6")
    assert ur.overall_decision == "mixed"
    assert "ACOEM Chapter 12" in ur.guidelines_cited
    assert ur.treatments[1].guidelines == ["MTUS", "ACOEM Chapter 12"]   # the MRI paragraph
    assert ur.clinical_rationale is True
    assert ur.imr_rights_notice is True and ur.imr_form_enclosed is True
    assert [(r.date, r.description) for r in ur.records_reviewed] == [
        (D(2025, 3, 10), "PR-2 progress report"), (D(2025, 2, 1), "X-ray lumbar spine")]
    # served by mail on 04/03: 30 + 5 days
    assert (ur.imr_deadline, ur.imr_deadline_basis) == (D(2025, 5, 8), "service_date")
    assert doc.provenance["ur.service_date"].page == 2
    assert doc.provenance["ur.rfa_received_date"].quote == "RFA Received: 03/20/2025"
    assert all(t.evidence and t.evidence.document == "D001" for t in ur.treatments)


PROSE_DENIAL = """03/27/2025 16:05 FROM: VALLEY ORTHO FAX 916-555-0100 TO: CLAIMS P.1/2
PACIFIC REVIEW SERVICES
NOTICE OF UTILIZATION REVIEW DETERMINATION
Date: April 4, 2025
Re: John Q. Smith, Claim 22-998877
Requesting Provider: Susan Lee, DC
Your Request for Authorization dated 03/25/2025 was reviewed.
The request for 12 sessions of chiropractic manipulation to the cervical spine is non-certified.
Per the Official Disability Guidelines (ODG), Neck and Upper Back, a trial of 6 visits over two weeks
is recommended; because the claimant has already attended 18 visits without documented objective
functional improvement, additional treatment is not supported.
Reviewed by: Dr. Kevin Wong
Specialty: Physical Medicine and Rehabilitation
If you disagree with this decision you may request Independent Medical Review by filing the enclosed
Application for Independent Medical Review within 30 days.
"""


def test_prose_denial_fax_header_receipt_and_no_proof_of_service():
    ur, doc = run(PROSE_DENIAL)
    assert ur.rfa_received_date == D(2025, 3, 27)        # fax header before the decision
    assert ur.letter_date == D(2025, 4, 4)
    assert ur.decision_date == D(2025, 4, 4)             # no separate one: the letter's date
    assert (ur.service_date, ur.service_method) == (None, None)
    assert [(t.decision, t.quantity) for t in ur.treatments] == [("denied", "12")]
    assert ur.treatments[0].description.startswith("12 sessions of chiropractic")
    assert ur.treatments[0].guidelines == ["ODG Neck and Upper Back"]
    assert ur.overall_decision == "denied"
    assert ur.requesting_physician == "Susan Lee, DC"
    assert (ur.reviewer_name, ur.reviewer_specialty) == (
        "Dr. Kevin Wong", "Physical Medicine and Rehabilitation")
    assert ur.clinical_rationale is True
    assert ur.imr_form_enclosed is True
    # no proof of service: from the letter date, mail assumed: 04/04 + 35 = 05/09
    assert (ur.imr_deadline, ur.imr_deadline_basis) == (D(2025, 5, 9), "letter_date")
    assert "FAX" in doc.provenance["ur.rfa_received_date"].quote


BRIEF_APPROVAL = """RECEIVED MAR 20 2025
Utilization Review Approval
Date: 03/24/2025
Requesting Physician: Dr. Ravi Patel
Authorization is granted for the following:
Requested Treatment: Physical therapy x 8 visits (97110)
Decision: CERTIFIED
"""


def test_brief_approval_with_received_stamp():
    ur, _ = run(BRIEF_APPROVAL)
    assert ur.rfa_received_date == D(2025, 3, 20)
    assert [(t.cpt, t.quantity, t.decision) for t in ur.treatments] == [("97110", "8", "approved")]
    assert ur.overall_decision == "approved"
    assert ur.imr_deadline is None                     # nothing to dispute
    assert ur.clinical_rationale is False
    assert ur.imr_rights_notice is False and ur.imr_form_enclosed is False


DEFERRAL = """NOTICE OF DEFERRAL OF UTILIZATION REVIEW
Date: 05/01/2025
Date RFA Received: 04/28/2025
The request for right shoulder arthroscopy has been received. Utilization review of this request is
deferred because liability for the right shoulder is disputed on grounds other than medical
necessity. Once liability is resolved, the request will be reviewed.
"""


def test_deferral_notice():
    ur, doc = run(DEFERRAL)
    assert ur.notice_kind == "deferral"
    assert ur.overall_decision == "delayed"
    assert ur.rfa_received_date == D(2025, 4, 28)
    assert "ur.notice_kind" in doc.provenance


PROSE_RECEIPT = """UTILIZATION REVIEW DETERMINATION
Date: 10/03/2025
On 09/24/2025 we received a DWC Form RFA signed by Dr. Ravi Rosales on 09/22/2025. Review type: Prospective
(pre-service).
Requested: MRI lumbar spine without contrast (CPT/HCPCS 72148), quantity 1. Decision: Not medically
necessary - non-certified.
Clinical rationale
This decision may be disputed only through Independent Medical Review under Labor Code section 4610.5.
"""


def test_receipt_in_prose_and_wrapped_inline_decision():
    ur, _ = run(PROSE_RECEIPT)
    assert ur.rfa_received_date == D(2025, 9, 24)       # not the signature date after "received"
    assert [(t.description, t.cpt, t.quantity, t.decision) for t in ur.treatments] == [
        ("MRI lumbar spine without contrast", "72148", "1", "denied")]
    assert ur.imr_rights_notice is True


INCOMPLETE = """Notice of Incomplete Request for Authorization
Date: 06/02/2025
We received your DWC Form RFA on 05/30/2025. The RFA is incomplete: it is not signed by the
requesting physician and no supporting documentation was attached. Please resubmit a completed
RFA with the additional information requested.
Requesting Physician: Ravi Patel, MD
"""


def test_incomplete_rfa_notice():
    ur, _ = run(INCOMPLETE)
    assert ur.notice_kind == "incomplete_rfa"
    assert ur.overall_decision == "delayed"
    assert ur.rfa_received_date == D(2025, 5, 30)
    assert ur.additional_info_requested is True
    assert ur.requesting_physician == "Ravi Patel, MD"


CNC = """UTILIZATION REVIEW DETERMINATION
Date of Determination: 07/15/2025
Date Request Received: 07/10/2025
Type of Review: Retrospective
Priority: Expedited
Item 1: Lumbar brace (L0637)
Decision: Conditionally Non-Certified - additional information is required: the most recent
progress report and the prescription.
"""


def test_cnc_expedited_retrospective():
    ur, _ = run(CNC)
    assert ur.decision_date == D(2025, 7, 15)
    assert ur.rfa_received_date == D(2025, 7, 10)
    assert ur.review_type == "retrospective"
    assert ur.expedited is True
    assert [(t.cpt, t.decision) for t in ur.treatments] == [("L0637", "denied")]
    assert ur.additional_info_requested is True


OCR_LETTER = """N0TICE 0F UTILIZATI0N REVIEW DECISI0N
Date of Decisi0n: O4/O2/2O25
RFA Received: O3/2O/2O25
Treatment Requested             CPT       Decision
Acupuncture x 6 sessions        97810     N0N-CERTIFIED
Follow up visit                 99213     Certifed
Physician Reviewer: Dr. Alan Cho
"""


def test_ocr_noise():
    ur, _ = run(OCR_LETTER)
    assert ur.decision_date == D(2025, 4, 2)
    assert ur.rfa_received_date == D(2025, 3, 20)
    assert [(t.cpt, t.decision) for t in ur.treatments] == [("97810", "denied"),
                                                             ("99213", "approved")]
    assert ur.overall_decision == "mixed"


FAX_POS = """PROOF OF SERVICE
Date served: 04/03/2025
Method:  [ ] U.S. Mail   [X] Facsimile   [ ] Personal Delivery
Fax: (916) 555-0100
"""


def test_proof_of_service_boxes_fax():
    ur, _ = run(TABLE_LETTER, FAX_POS)
    assert (ur.service_date, ur.service_method) == (D(2025, 4, 3), "fax")
    assert ur.imr_deadline == D(2025, 5, 5)              # no mail extension for fax


def test_mailed_on_statement_outside_a_proof_of_service():
    ur, _ = run(TABLE_LETTER + "\nThis determination was mailed on 04/07/2025 to all parties.\n")
    assert (ur.service_date, ur.service_method) == (D(2025, 4, 7), "mail")


@pytest.mark.parametrize("text, expected", [
    ("Review Type: Concurrent", "concurrent"),
    ("This retrospective review concerns services already rendered", "retrospective"),
    ("The request was handled as a prospective (pre-service) review.", "prospective"),
    ("For prospective or concurrent review, the timeframe is...\nType of Review: Retro", "retrospective"),
    ("nothing here", None),
])
def test_review_type(text, expected):
    found = review_type(text)
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize("text, expected", [
    ("Review Type: Expedited Prospective", True),
    ("[X] Expedited review", True),
    ("[ ] Expedited  [X] Standard", False),
    ("You may request expedited review by the IMR organization if ...", False),
    ("Review Type: Standard", False),
])
def test_expedited(text, expected):
    assert is_expedited(text)[0] is expected


@pytest.mark.parametrize("text, expected", [
    ("served by depositing a copy in the United States mail", "mail"),
    ("I served the document via facsimile to 916-555-0100", "fax"),
    ("served electronically by e-mail to the address of record", "email"),
    ("by personal delivery to the employee", "personal"),
    ("Fax: (916) 555-0100  Phone: (916) 555-0101", None),
])
def test_service_method(text, expected):
    found = service_method(text)
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize("text, expected", [
    ("Liability for the claim is disputed; UR has been deferred.", "deferral"),
    ("Your request is incomplete and is being returned.", "incomplete_rfa"),
    ("The request is certified.", "decision"),
])
def test_notice_kind(text, expected):
    assert notice_kind(text) == expected


# --- end to end: a real PDF (reportlab table) read by the ingest stage, text layer and OCR ------

def _letter_pdf(path):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    body = [
        Paragraph("Sierra Review Partners - Notice of Utilization Review Decision", styles["Title"]),
        Paragraph("Date: 05/14/2025", styles["Normal"]),
        Paragraph("Date Request Received: 05/09/2025", styles["Normal"]),
        Paragraph("Requesting Physician: Dr. Helen Ortiz", styles["Normal"]),
        Spacer(1, 12),
    ]
    table = Table([
        ["Requested Service", "CPT", "Qty", "Determination"],
        ["Acupuncture, cervical spine", "97810", "12", "Modified to 6"],
        ["Cervical MRI without contrast", "72141", "1", "Non-Certified"],
        ["Office follow-up visit", "99213", "1", "Certified"],
    ], colWidths=[220, 60, 40, 120])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    body += [table, Spacer(1, 12), Paragraph(
        "Physician Reviewer: Dr. Paul Kim, Board Certified in Physical Medicine and "
        "Rehabilitation.", styles["Normal"])]
    SimpleDocTemplate(str(path), pagesize=letter).build(body)


def _read(path, settings):
    from pipeline.ingest import read_claim
    from pipeline.model import ClaimFile

    claim = ClaimFile("t", D(2025, 6, 1))
    read_claim(path, claim, settings)
    doc = Document(id="D1", source=claim.pages[0].source, page_start=1, page_end=1,
                   type="ur_decision")
    return extract_ur(doc, claim.pages, settings), claim.pages


def test_real_pdf_table_text_layer(tmp_path):
    pdf = tmp_path / "letter.pdf"
    _letter_pdf(pdf)
    settings = Settings(use_cache=False)
    settings.ocr.mode = "off"
    ur, pages = _read(pdf, settings)
    assert pages[0].text_source == "text_layer"
    assert [(t.cpt, t.decision) for t in ur.treatments] == [
        ("97810", "modified"), ("72141", "denied"), ("99213", "approved")]
    assert ur.treatments[0].quantity_approved == "6"
    assert ur.rfa_received_date == D(2025, 5, 9)
    assert ur.reviewer_specialty == "Physical Medicine and Rehabilitation"


@pytest.mark.ocr
def test_real_scan_table_ocr(tmp_path):
    import pypdfium2 as pdfium

    pdf = tmp_path / "letter.pdf"
    _letter_pdf(pdf)
    image = pdfium.PdfDocument(str(pdf))[0].render(scale=300 / 72).to_pil().convert("L")
    png = tmp_path / "letter.png"
    image.save(png)
    ur, pages = _read(png, Settings(use_cache=False))
    assert pages[0].text_source == "ocr"
    assert [(t.cpt, t.decision) for t in ur.treatments] == [
        ("97810", "modified"), ("72141", "denied"), ("99213", "approved")]
    assert ur.overall_decision == "mixed"


CONCURRENT = """FAX CONFIRMATION REPORT  Transmission OK  05/16/2025 17:42  To: 9165550100
MedReview Solutions, LLC
Utilization Review Notice - Concurrent Review - EXPEDITED
Notice Date: May 15, 2025
Patient: Ana Ruiz   DOB: 02/03/1980   WC Claim: 44-55-66
Provider: Dr. Samuel Green, Orthopaedic Surgery
Request Receipt Date: 05/14/2025 3:05 PM

Item #1
Service: Inpatient stay, 2 additional days
Recommendation: Non-certify
Reason: Post-operative course is uncomplicated; per ODG Hip, the median length of stay has been
exceeded and there is no documentation of complications, therefore continued stay is not
medically necessary.

Item #2
Service: Home health nursing visits x 4
Recommendation: Certify

Peer reviewer: Linda Park, DO
Board Certified in Physical Medicine & Rehabilitation
The injured worker may request IMR; an IMR application form is attached.
Served via fax and U.S. Mail on 05/15/2025.
"""


def test_other_vendor_concurrent_expedited_blocks():
    ur, _ = run(CONCURRENT)
    assert (ur.review_type, ur.expedited) == ("concurrent", True)
    assert ur.rfa_received_date == D(2025, 5, 14)
    assert ur.letter_date == D(2025, 5, 15)
    assert [(t.description, t.decision) for t in ur.treatments] == [
        ("Inpatient stay, 2 additional days", "denied"),
        ("Home health nursing visits x 4", "approved")]
    assert ur.treatments[0].guidelines == ["ODG Hip"]
    assert ur.overall_decision == "mixed"
    assert ur.requesting_physician == "Dr. Samuel Green"
    assert (ur.reviewer_name, ur.reviewer_specialty) == (
        "Linda Park, DO", "Physical Medicine & Rehabilitation")
    assert (ur.service_date, ur.service_method) == (D(2025, 5, 15), "mail")
    assert ur.communication_date == D(2025, 5, 16)      # the fax confirmation
    assert ur.imr_form_enclosed is True
    assert ur.imr_deadline == D(2025, 6, 19)


def test_requesting_physician_named_before_its_role():
    text = ("UTILIZATION REVIEW DETERMINATION\nDate: 01/07/2026\n"
            "To: Dr. Farah R. Sato (requesting physician); Jason L. Soto (injured worker)\n"
            "Employee: Jason L. Soto\n")
    ur, _ = run(text)
    assert ur.requesting_physician == "Dr. Farah R. Sato"


def test_a_standard_review_that_says_not_expedited_is_not_expedited():
    assert is_expedited("Type of review: prospective, standard (not expedited)")[0] is False
    assert is_expedited("Type of review: expedited prospective")[0] is True


def _records(letter: str) -> list[tuple]:
    block, _ = run(letter)
    return [(r.date, r.description, r.author) for r in block.records_reviewed]


def test_records_list_under_a_heading_then_a_column_header():
    # a column header in mixed case is no section heading: the table under it is the list
    letter = """Pacific Peer Review Group
Date of decision: 06/09/2025
Records Reviewed
Date       Document                       Author
05/02/25   Orthopedic consultation        Tomas Reyes, MD
5/20/25    Lumbar spine MRI report        Harbor Imaging
Peer reviewer: Dana Cho, DO
"""
    assert _records(letter) == [
        (D(2025, 5, 2), "Orthopedic consultation", "Tomas Reyes, MD"),
        (D(2025, 5, 20), "Lumbar spine MRI report", "Harbor Imaging")]


def test_bulleted_records_list_ends_at_the_reviewer_line():
    letter = """Pacific Peer Review Group
Date of decision: 06/09/2025
Information reviewed:
- Initial evaluation, Tomas Reyes, MD, dated May 2, 2025
- Physical therapy progress note, dated May 28, 2025
Reviewing physician: Dana Cho, DO
"""
    assert _records(letter) == [
        (D(2025, 5, 2), "Initial evaluation", "Tomas Reyes, MD"),
        (D(2025, 5, 28), "Physical therapy progress note", None)]


# --- issue #5: who asked, who reviewed, which date is the letter's, what an incomplete notice asks

REVIEWER_IN_A_SENTENCE = """Summit Utilization Partners
February 9, 2026
Claimant: Teodora P. Lindgren     Claim No.: SU-7781
Requesting Provider: Adaeze N. Okafor, M.D.     Provider Specialty: Family Medicine
Date RFA Received: 02/03/2026     Date of Determination: 02/09/2026
The request for a lumbar epidural steroid injection is non-certified.
REVIEWING PHYSICIAN
The review was completed by Ignatius R. Baptiste, M.D., Board Certified in Pain Medicine, who
was not involved in the care of the employee.
"""


def test_reviewer_named_in_a_sentence_and_the_requesting_providers_specialty_ignored():
    ur, _ = run(REVIEWER_IN_A_SENTENCE)
    assert ur.reviewer_name == "Ignatius R. Baptiste, M.D."
    assert ur.reviewer_specialty == "Pain Medicine"
    assert ur.requesting_physician == "Adaeze N. Okafor, M.D."


def test_requesting_md_label():
    ur, _ = run("UR DETERMINATION\nDATE OF DETERMINATION: 06/01/2026\n"
                "REQUESTING MD:  Pradeep L. Varma, DO (Pain Medicine), fax 555-0101\n"
                "Dear Dr. Varma:\nThe request for acupuncture x 6 is certified.\n")
    assert ur.requesting_physician == "Pradeep L. Varma, DO"


def test_salutation_surname_takes_the_full_name_from_the_address_block():
    ur, _ = run("Coastline Review Group\nJuly 7, 2026\nSENT BY FAX AND U.S. MAIL\n\n"
                "Hollis J. Abernethy-Cole, M.D.\nBayside Spine Center\n\n"
                "Dear Dr. Abernethy-Cole:\n"
                "The request for a cervical collar is non-certified.\n")
    assert ur.requesting_physician == "Hollis J. Abernethy-Cole, M.D."


def test_letter_addressed_to_a_physician_names_the_requester():
    ur, _ = run("NOTICE - REQUEST RETURNED\nDATE: 03.04.2026\n"
                "TO:   Wendell K. Ashby, D.O. / Foothill Pain Clinic\n"
                "FROM: Intake Unit\nThe RFA is incomplete: it has no signature.\n")
    assert ur.requesting_physician == "Wendell K. Ashby, D.O."


def test_the_rfa_dated_label_is_not_the_letters_date():
    ur, _ = run("Harbor Claims Group\n\nMarch 18, 2026\n\n"
                "Employee: Lucia Benavides     Claim Number: HC-1200\n"
                "RFA dated: 03/09/2026     RFA received: 03/11/2026\n"
                "Utilization review of this request is deferred because liability for the "
                "claimed condition is disputed.\n")
    assert ur.letter_date == D(2026, 3, 18)
    assert ur.decision_date == D(2026, 3, 18)


def test_an_incomplete_rfa_notice_asks_for_what_is_missing():
    ur, _ = run("NOTICE: REQUEST FOR AUTHORIZATION NOT COMPLETE\nDate: 05/05/2026\n"
                "The request is incomplete: the treating report was not attached.\n"
                "Please resubmit the DWC Form RFA with that report.\n")
    assert ur.notice_kind == "incomplete_rfa"
    assert ur.additional_info_requested is True

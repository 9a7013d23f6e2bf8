"""Tests of pipeline/extract/common.py: the common facts of a document, with provenance."""

import datetime as dt

import pytest

from pipeline.extract.common import extract_common
from pipeline.model import DateRange, Document, Page


def _pages(*texts, source="claim.pdf"):
    return [Page(source=source, number=i + 1, text=t, text_source="text_layer")
            for i, t in enumerate(texts)]


def _doc(doc_type, n_pages=1):
    return Document(id="D001", source="claim.pdf", page_start=1, page_end=n_pages, type=doc_type)


UR_PAGE_1 = """Blue Ridge Review Services
1200 J Street, Sacramento, CA 95814  |  Phone (916) 555-0199
NOTICE OF UTILIZATION REVIEW DECISION
Date: April 2, 2025
To: Dr. Ravi Patel (requesting physician); Maria L. Gonzalez (injured worker)
Injured Worker: Maria L. Gonzalez
Claim No.: 05-123456
Date of Injury: 03/12/2024
Employer: Valley Packing Co.
ADJ No.: ADJ11223344
This letter answers the Request for Authorization dated March 18, 2025 from Dr. Ravi Patel,
which our office received on March 20, 2025.
Requested: MRI lumbar spine (CPT/HCPCS 72148), quantity 1. Decision: NON-CERTIFIED.
"""
UR_PAGE_2 = """Physician reviewer: Alan Cho, MD
Specialty: Orthopedic Surgery
Sincerely,
/s/ Alan Cho
Alan Cho, MD
Orthopedic Surgery
PROOF OF SERVICE
I am over the age of eighteen and not a party to this action. On April 3, 2025, I served the
foregoing document on the parties listed below by placing a true copy in the United States mail.
I declare under penalty of perjury that the foregoing is true and correct. Executed on
April 3, 2025 at Sacramento, California.
K. Alvarez, UR Coordinator
"""


def test_ur_letter_common_facts():
    doc = _doc("ur_decision", 2)
    extract_common(doc, _pages(UR_PAGE_1, UR_PAGE_2))
    assert doc.date == dt.date(2025, 4, 2) and doc.date_label == "letter_date"
    assert doc.service_date == dt.date(2025, 4, 3)
    assert doc.author == "Alan Cho" and doc.author_role == "UR reviewer"
    assert doc.claimant_name == "Maria L. Gonzalez"
    assert doc.claim_number == "05-123456"
    assert doc.adj_number == "ADJ11223344"
    assert doc.date_of_injury == dt.date(2024, 3, 12)
    assert doc.employer == "Valley Packing Co."
    assert doc.body_parts == ["lumbar spine"]


def test_every_value_has_provenance_with_page_and_quote():
    doc = _doc("ur_decision", 2)
    extract_common(doc, _pages(UR_PAGE_1, UR_PAGE_2))
    assert doc.provenance["date"].quote == "Date: April 2, 2025"
    assert doc.provenance["date"].page == 1
    assert doc.provenance["service_date"].page == 2
    assert "April 3, 2025" in doc.provenance["service_date"].quote
    assert doc.provenance["author"].page == 2
    for field in ("claimant_name", "claim_number", "adj_number", "date_of_injury", "employer",
                  "body_parts"):
        assert doc.provenance[field].document == "D001"
        assert doc.provenance[field].source == "claim.pdf"


def test_report_date_wins_over_exam_date_for_a_qme_report():
    text = ("PANEL QUALIFIED MEDICAL EVALUATION\nDate of Examination: 05/01/2025\n"
            "Date of Report: 05/20/2025\nApplicant: Tom Reyes\nDOI: CT 01/01/2019 - 03/15/2023\n"
            "DOB: 07/04/1975\nClaims Administrator: Golden State Claims Services\n"
            "Body parts claimed: neck, low back, bilateral knees\n")
    doc = _doc("qme_report")
    extract_common(doc, _pages(text))
    assert doc.date == dt.date(2025, 5, 20) and doc.date_label == "report_date"
    assert doc.date_of_injury == DateRange(dt.date(2019, 1, 1), dt.date(2023, 3, 15))
    assert doc.date_of_birth == dt.date(1975, 7, 4)
    assert doc.claims_administrator == "Golden State Claims Services"
    assert doc.body_parts == ["cervical spine", "lumbar spine", "bilateral knee"]
    assert doc.author is None and doc.author_role is None     # nobody signed this page
    assert doc.service_date is None


def test_date_of_service_for_a_progress_report_not_the_first_date():
    text = ("PRIMARY TREATING PHYSICIAN'S PROGRESS REPORT (PR-2)\n"
            "Patient: REYES, TOM   DOB: 07/04/1975   DOI: 02/02/2024\n"
            "Date of Service: 03/10/2025\nPain 6/10. Right shoulder tenderness.\n"
            "Next visit in 4 weeks.\nElectronically signed by: Lisa Wong, MD on 03/11/2025\n")
    doc = _doc("treating_report")
    extract_common(doc, _pages(text))
    assert doc.date == dt.date(2025, 3, 10) and doc.date_label == "date_of_service"
    assert doc.claimant_name == "Tom Reyes"
    assert doc.author == "Lisa Wong"
    assert doc.body_parts == ["right shoulder"]


def test_rfa_date_is_the_signature_date():
    text = ("REQUEST FOR AUTHORIZATION  DWC Form RFA\nEmployee Information\n"
            "Name (Last, First, Middle): GONZALEZ, MARIA L.\nDate of Injury: 3/12/2024\n"
            "Claim Number: 05-123456\nRequested treatment: Physical therapy lumbar spine x8\n"
            "RECEIVED\nMAR 20 2025\n"
            "Requesting Physician Signature: /s/ Ravi Patel, MD      Date: 03/18/2025\n")
    doc = _doc("rfa")
    extract_common(doc, _pages(text))
    assert doc.date == dt.date(2025, 3, 18)
    assert doc.claimant_name == "Maria L. Gonzalez"
    assert doc.author == "Ravi Patel"


def test_letter_with_a_bare_date_line():
    text = ("Golden State Claims Services\nWorkers' Compensation Claims\n"
            "April 9, 2025\nDr. Ravi Patel\nRE: Maria Gonzalez  Claim #: 05-123456\n"
            "NOTICE OF DEFERRAL OF UTILIZATION REVIEW\n"
            "We received your Request for Authorization dated 03/18/2025 for knee surgery.\n"
            "Sincerely,\nKaren Hollis, Senior Claims Examiner\n")
    doc = _doc("correspondence")
    extract_common(doc, _pages(text))
    assert doc.date == dt.date(2025, 4, 9) and doc.date_label == "letter_header"
    assert doc.claimant_name == "Maria Gonzalez"
    assert doc.claim_number == "05-123456"


def test_no_date_rather_than_a_guess():
    text = "Medication list\nIbuprofen 800 mg, 1 tab 3 of 4 times daily; pain 6/10\n"
    doc = _doc("medication_list")
    extract_common(doc, _pages(text))
    assert doc.date is None and doc.date_label is None
    assert "date" not in doc.provenance


def test_ocr_noise_in_numbers_and_dates():
    text = "Date: O4/O2/2O25\nClaim No: 05-l23456\nADJ 1l223344\nD.O.I.: 3/l2/24\n"
    doc = _doc("ur_decision")
    extract_common(doc, _pages(text))
    assert doc.date == dt.date(2025, 4, 2)
    assert doc.adj_number == "ADJ11223344"
    assert doc.date_of_injury == dt.date(2024, 3, 12)


def test_empty_pages_leave_the_document_empty():
    doc = _doc("other")
    extract_common(doc, _pages(""))
    assert doc.date is None and doc.author is None and doc.body_parts == []
    extract_common(doc, [])
    assert doc.provenance == {}


# --- end to end: a real PDF (text layer) and its scan (real Tesseract) -------------------------

def _write_ur_pdf(path):
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table

    ss = getSampleStyleSheet()
    flow = [
        Paragraph("Blue Ridge Review Services", ss["Title"]),
        Paragraph("1200 J Street, Sacramento, CA 95814 | Phone (916) 555-0199", ss["Normal"]),
        Paragraph("NOTICE OF UTILIZATION REVIEW DECISION", ss["Heading2"]),
        Paragraph("Date: April 2, 2025", ss["Normal"]),
        Table([["Injured Worker:", "GONZALEZ, MARIA L."], ["Claim No.:", "05-123456"],
               ["Date of Injury:", "CT 01/01/2019 - 03/15/2023"],
               ["Employer:", "Valley Packing Co."], ["ADJ No.:", "ADJ11223344"]]),
        Spacer(1, 8),
        Paragraph("On March 20, 2025 we received a DWC Form RFA signed by Dr. Ravi Patel on "
                  "March 18, 2025. Requested: MRI lumbar spine (CPT 72148), quantity 1. "
                  "Decision: NON-CERTIFIED. Pain is rated 6/10.", ss["Normal"]),
        Paragraph("Sincerely,", ss["Normal"]), Paragraph("/s/ Alan Cho", ss["Normal"]),
        Paragraph("Alan Cho, MD", ss["Normal"]), Paragraph("Orthopedic Surgery", ss["Normal"]),
        PageBreak(),
        Paragraph("PROOF OF SERVICE", ss["Heading2"]),
        Paragraph("I am over the age of eighteen. On 04/03/2025, I served the foregoing document "
                  "on the parties listed below by depositing it in the United States mail. "
                  "Executed on 04/03/2025 at Sacramento, California.", ss["Normal"]),
        Paragraph("K. Alvarez, UR Coordinator", ss["Normal"]),
    ]
    SimpleDocTemplate(str(path), pagesize=letter).build(flow)


def _run(path):
    from pipeline import ingest
    from pipeline.extract.stage import extract_documents
    from pipeline.model import ClaimFile
    from pipeline.settings import Settings

    settings = Settings(use_cache=False, cache_dir=None, jobs=1)
    claim = ClaimFile(claim_id="e2e", as_of=dt.date(2025, 9, 30))
    ingest.read_claim(path, claim, settings)
    doc = Document(id="D001", source=claim.sources[0].path, page_start=1,
                   page_end=len(claim.pages), type="ur_decision")
    claim.documents = [doc]
    extract_documents(claim, settings)
    return claim, doc


def _assert_ur_facts(claim, doc):
    assert not [e for e in claim.errors if "common" in e]
    assert (doc.date, doc.date_label) == (dt.date(2025, 4, 2), "letter_date")
    assert doc.service_date == dt.date(2025, 4, 3)
    assert doc.author == "Alan Cho"
    assert doc.claimant_name == "Maria L. Gonzalez"
    assert (doc.claim_number, doc.adj_number) == ("05-123456", "ADJ11223344")
    assert doc.date_of_injury == DateRange(dt.date(2019, 1, 1), dt.date(2023, 3, 15))
    assert doc.employer == "Valley Packing Co."
    assert doc.body_parts == ["lumbar spine"]
    date_evidence = doc.provenance["date"]
    assert date_evidence.page == 1 and "April 2, 2025" in date_evidence.quote
    assert date_evidence.box is not None
    assert doc.provenance["service_date"].page == 2


def test_end_to_end_text_layer_pdf(tmp_path):
    path = tmp_path / "ur.pdf"
    _write_ur_pdf(path)
    claim, doc = _run(path)
    assert all(p.text_source == "text_layer" for p in claim.pages)
    _assert_ur_facts(claim, doc)


@pytest.mark.ocr
def test_end_to_end_scanned_pages_through_tesseract(tmp_path):
    import pypdfium2 as pdfium

    pdf_path = tmp_path / "ur.pdf"
    _write_ur_pdf(pdf_path)
    pdf = pdfium.PdfDocument(str(pdf_path))
    images = [pdf[i].render(scale=300 / 72).to_pil().convert("L") for i in range(len(pdf))]
    pdf.close()
    scan = tmp_path / "scan.tif"
    images[0].save(scan, save_all=True, append_images=images[1:], dpi=(300, 300))
    claim, doc = _run(scan)
    assert all(p.text_source == "ocr" for p in claim.pages)
    _assert_ur_facts(claim, doc)


def test_a_failing_type_extractor_does_not_lose_the_claim(monkeypatch):
    import pipeline.extract.stage as extract
    from pipeline.model import ClaimFile
    from pipeline.settings import Settings

    def broken(doc, pages, settings):
        raise ValueError("boom")

    monkeypatch.setitem(extract.TYPE_EXTRACTORS, "rfa", (broken, "rfa"))
    claim = ClaimFile(claim_id="c", as_of=dt.date(2025, 9, 30))
    claim.pages = _pages("Date: 04/01/2025\nClaim No.: 05-123456", "Other doc")
    bad = Document(id="D001", source="claim.pdf", page_start=1, page_end=1, type="rfa")
    good = Document(id="D002", source="claim.pdf", page_start=2, page_end=2, type="other")
    claim.documents = [bad, good]
    extract.extract_documents(claim, Settings())
    assert bad.needs_review and bad.claim_number == "05-123456"
    assert len(claim.errors) == 1 and "ValueError" in claim.errors[0]
    assert "boom" not in claim.errors[0]
    assert not good.needs_review


def test_numbered_form_labels_claim_form_and_employer_report():
    claim_form = ("WORKERS' COMPENSATION CLAIM FORM (DWC 1)\n1. Name: Maria L. Gonzalez\n"
                  "Today's Date: 03/14/2024\n3. Date of Injury: 03/12/2024\n"
                  "5. Describe injury and part of body affected: lifting boxes, low back and "
                  "rt shoulder\n7. Signature of employee: /s/ Maria L. Gonzalez\n"
                  "8. Name of employer: Valley Packing Co.\n"
                  "13. Name and address of insurance carrier or adjusting agency: Golden State "
                  "Claims Services, P.O. Box 25510, Fresno, CA 93729\n")
    doc = _doc("claim_form")
    extract_common(doc, _pages(claim_form))
    assert doc.date == dt.date(2024, 3, 14)
    assert doc.date_of_injury == dt.date(2024, 3, 12)
    assert doc.body_parts == ["lumbar spine", "right shoulder"]
    assert doc.employer == "Valley Packing Co."
    assert doc.claims_administrator == "Golden State Claims Services"
    assert doc.author == "Maria L. Gonzalez"

    report = ("EMPLOYER'S REPORT OF OCCUPATIONAL INJURY OR ILLNESS\n1. Firm name: Valley "
              "Packing Co.\n10. Employee name: Maria L. Gonzalez\n12. Date of birth: 05/05/1970\n"
              "19. Date of injury or onset of illness: 03/12/2024\n"
              "29. Part of body injured: lower back\nCompleted by: Helen Marquez\n"
              "Date: 03/15/2024\n")
    doc = _doc("employer_report")
    extract_common(doc, _pages(report))
    assert doc.date == dt.date(2024, 3, 15)
    assert doc.claimant_name == "Maria L. Gonzalez"
    assert doc.date_of_birth == dt.date(1970, 5, 5)
    assert doc.date_of_injury == dt.date(2024, 3, 12)
    assert doc.employer == "Valley Packing Co."
    assert doc.body_parts == ["lumbar spine"]
    assert doc.author == "Helen Marquez"


def test_operative_and_progress_report_closings():
    operative = ("OPERATIVE REPORT\nPatient: Maria Gonzalez   Date of surgery: 06/02/2025\n"
                 "Procedure: right shoulder arthroscopy.\nDictated and signed:\n"
                 "/s/ Peter Lin\nPeter Lin, MD\nAttending surgeon\n")
    doc = _doc("operative_report")
    extract_common(doc, _pages(operative))
    assert doc.date == dt.date(2025, 6, 2) and doc.date_label == "date_of_service"
    assert doc.author == "Peter Lin"

    pr2 = ("PROGRESS REPORT\nPatient: Maria Gonzalez\nDate of exam: 05/05/2025\n"
           "Lumbar spine: tender.\nSigned May 6, 2025\n/s/ Ravi Patel\nRavi Patel, MD\n")
    doc = _doc("treating_report")
    extract_common(doc, _pages(pr2))
    assert doc.date == dt.date(2025, 5, 5) and doc.date_label == "exam_date"
    assert doc.author == "Ravi Patel" and doc.author_role == "PTP"


def test_ocr_form_layout_values_on_the_next_line_and_stray_marks():
    text = ("EMPLOYER'S REPORT\n\n10. Employee name:\n\nRobert M: Abernathy\n\n"
            "| 19, Date of injury or onset of illness: : 09/02/2025 .\n\n"
            "Claim number: a 05-136437\n\n| Completed by:\n\nHelen Marquez, Human-Resources: "
            "Manager\n\nDate: .\n\n09/06/2025 .\n")
    doc = _doc("employer_report")
    extract_common(doc, _pages(text))
    assert doc.claimant_name == "Robert M. Abernathy"
    assert doc.date_of_injury == dt.date(2025, 9, 2)
    assert doc.claim_number == "05-136437"
    assert doc.author == "Helen Marquez"
    assert doc.date == dt.date(2025, 9, 6)
    letter = "Pacific Risk Administrators |\n\u201cNovember 24, 2025\nEmployee: is Ana Ruiz\n"
    doc = _doc("correspondence")
    extract_common(doc, _pages(letter))
    assert doc.date == dt.date(2025, 11, 24) and doc.claimant_name == "Ana Ruiz"


def test_other_vendors_labels():
    text = ("Date of Loss: 02/14/2024\nClaim ID: WC-2024-55123\nPatient Name: DOE, JANE\n"
            "Visit Date: 03/01/2025\n")
    doc = _doc("therapy_note")
    extract_common(doc, _pages(text))
    assert doc.date_of_injury == dt.date(2024, 2, 14)
    assert doc.claim_number == "WC-2024-55123"
    assert doc.claimant_name == "Jane Doe"
    assert doc.date == dt.date(2025, 3, 1)


def test_a_body_part_broken_over_lines_is_read_whole():
    doc = _doc("qme_report")
    extract_common(doc, _pages("Report\r\nThe parts of body in dispute are the low\r\nback and"
                               " the lt knee. History follows.\r\n"))
    assert doc.body_parts == ["lumbar spine", "left knee"]
    assert "low" in doc.provenance["body_parts"].quote


def test_an_ocr_mark_inside_the_body_parts_label():
    doc = _doc("qme_report")
    extract_common(doc, _pages("Summary: Body; parts evaluated: cervical spine and right wrist.\n"
                               "Psychological complaints were reported but not evaluated.\n"))
    assert doc.body_parts == ["cervical spine", "right wrist"]


@pytest.mark.parametrize("line,expected", [
    ("D/A: 7/30/2024", dt.date(2024, 7, 30)),
    ("Date of Accident: July 30, 2024", dt.date(2024, 7, 30)),
    ("DOA  07-30-24", dt.date(2024, 7, 30)),
    ("DA: 07/30/2024", dt.date(2024, 7, 30)),                 # OCR lost the slash
    ("D/A: unknown; the worker first reported pain in a letter of 7/30/2024", None),
])
def test_the_date_of_the_accident_is_the_date_of_injury(line, expected):
    doc = _doc("correspondence")
    extract_common(doc, _pages(f"Claimant: Rosa Delgado\nClaim #: WC44-1234\n{line}\n"))
    assert doc.date_of_injury == expected


def test_claim_number_after_ocr_punctuation():
    doc = _doc("rfa")
    extract_common(doc, _pages("Employee Information\nClaim Number: ; WC44-10293\nEmployer: X\n"))
    assert doc.claim_number == "WC44-10293"


def test_therapy_evaluation_date_with_dots_and_abbreviated_label():
    pages = _pages("HAND CLINIC\nPt: ROE, Jan DOB: 03.04.1975\n"
                   "Payer: WC, clm# QX25-100200\nDate of eval: 05.06.2025 Visit 1 of 6\n"
                   "Pain R wrist 4/10, L wrist 2/10.\n")
    doc = _doc("therapy_note")
    extract_common(doc, pages)
    assert doc.date == dt.date(2025, 5, 6)
    assert doc.claimant_name == "Jan Roe"
    assert doc.claim_number == "QX25-100200"
    assert doc.body_parts == ["bilateral wrist"]


def test_claim_number_label_with_a_dot_leader_or_the_value_below():
    doc = _doc("ur_decision")
    extract_common(doc, _pages("CLAIM NO. ......... QX-2020-000123\n"))
    assert doc.claim_number == "QX-2020-000123"
    doc = _doc("operative_report")
    extract_common(doc, _pages("FINANCIAL CLASS: Workers' Comp - Acme, clm\nQX25-100200\n"))
    assert doc.claim_number == "QX25-100200"


def test_a_fax_cover_without_a_signature_is_authored_by_its_sender():
    doc = _doc("correspondence")
    extract_common(doc, _pages("FACSIMILE\nTo: Claims Unit\nFrom: Noor Haddad, WC desk\n"
                               "Date: 03/04/2025\nPages: 3\n"))
    assert doc.author == "Noor Haddad"
    report = _doc("treating_report")
    extract_common(report, _pages("From: Noor Haddad\nVisit note\n"))
    assert report.author is None


# --- round 2: reading rules for body parts and document dates ----------------------------------

def test_a_wrapped_form_cell_keeps_every_part_and_a_worded_psychological_injury():
    # the label ends its line; the handwritten answer runs over the lines below it
    form = ("Employee section\n1. Name: Jon Q. Sample Today's Date: 4-2-25\n"
            "5. Describe injury and part of\nbody affected:\n"
            "Aching in my lower\nback, pins and needles in\nboth feet. Nervousness and\n"
            "depression from the pressure\nat the plant.\n"
            "6. Social Security Number: XXX-XX-0000\n")
    doc = _doc("claim_form")
    extract_common(doc, _pages(form))
    assert doc.body_parts == ["lumbar spine", "bilateral foot", "psyche"]


def test_psychological_complaint_words_count_only_inside_a_body_part_cell():
    doc = _doc("employer_report")
    extract_common(doc, _pages("12. Part of body affected: right knee; worker also "
                               "mentions work stress and anxiety\n"))
    assert doc.body_parts == ["right knee", "psyche"]
    note = _doc("treating_report")
    extract_common(note, _pages("Visit note\nLeft elbow pain. Denies anxiety.\n"))
    assert note.body_parts == ["left elbow"]
    stress = _doc("employer_report")
    extract_common(stress, _pages("Parts of body injured: repetitive stress to the R hand\n"))
    assert stress.body_parts == ["right hand"]


def test_a_specialty_or_an_internal_appeal_is_not_the_internal_body_part():
    doc = _doc("ur_decision")
    extract_common(doc, _pages("Items reviewed\n1 Lumbar fusion\n2 Clearance by an\n"
                               "Internal Medicine\nconsultant\n3 Internal Medicine consult, "
                               "pre-op\nYou may ask for an internal\nappeal in writing.\n"))
    assert doc.body_parts == ["lumbar spine"]
    claimed = _doc("qme_report")
    extract_common(claimed, _pages("Body parts claimed: psyche, internal medicine complaints\n"))
    assert claimed.body_parts == ["psyche", "internal"]


def test_a_guideline_title_does_not_add_its_body_parts():
    doc = _doc("imr_determination")
    extract_common(doc, _pages("Treatment at issue: EMG of the lower extremities\n"
                               "Guideline cited: MTUS ACOEM Low Back and Thoracic Spine "
                               "Disorders (2020).\nThe L5 radiculopathy of the lumbar spine "
                               "is documented.\n"))
    assert doc.body_parts == ["lumbar spine"]


def test_a_diagnosis_word_names_its_region():
    doc = _doc("rfa")
    extract_common(doc, _pages("Diagnosis: M54.5 lumbago; M54.2 cervicalgia\n"))
    assert doc.body_parts == ["lumbar spine", "cervical spine"]


def test_an_employer_paper_is_dated_by_its_date_not_the_hire_date_or_an_acknowledgement():
    posting = ("ESSENTIAL FUNCTIONS - WAREHOUSE LEAD\nWorker: Pat Example Hire date: 06/01/2015\n"
               "Duties: loads trucks.\nDate: 2/3/2024\n")
    doc = _doc("job_description")
    extract_common(doc, _pages(posting))
    assert doc.date == dt.date(2024, 2, 3)
    header = ("Acme Foods, Human Resources\nApril 9, 2025\nPOSITION DUTIES - PACKER\n"
              "Lifting to 40 lb.\nWorker acknowledgment on file, signed 08/15/2019.\n")
    doc = _doc("job_description")
    extract_common(doc, _pages(header))
    assert doc.date == dt.date(2025, 4, 9)


def test_a_letter_is_not_dated_by_the_request_it_answers():
    letter = ("Acme Claims\nMay 20, 2024\nRE: Pat Example\nRFA dated: 05/02/2024 RFA received: "
              "05/06/2024\nWe defer the request.\n")
    doc = _doc("ur_decision")
    extract_common(doc, _pages(letter))
    assert doc.date == dt.date(2024, 5, 20)

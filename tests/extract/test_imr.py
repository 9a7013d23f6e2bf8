"""IMR documents: applications (signed or blank, review type marked, JCN), notices of
assignment, final determinations (per-treatment upheld/overturned and the overall result)."""

import datetime as dt

import pytest
from page_builder import CW, make_page  # noqa: F401  (tests/extract helper)

from pipeline.extract.imr import (
    _jcn,
    case_number,
    extract_imr,
    imr_kind,
    is_signed,
    overall_outcome,
)
from pipeline.model import Document
from pipeline.settings import Settings

D = dt.date


def run(text: str, doc_type: str = "other"):
    doc = Document(id="D003", source="claim.pdf", page_start=1, page_end=1, type=doc_type)
    return extract_imr(doc, [make_page(text)], Settings()), doc


FDL = """MAXIMUS FEDERAL SERVICES
May 20, 2025
Notice of Independent Medical Review Determination
IMR Case Number: CM25-OO12345
Date of UR Decision: 04/02/2025
Maximus Federal Services has determined the request for MRI lumbar spine (CPT 72148) is not
medically necessary and appropriate. The request for physical therapy 6 sessions is medically
necessary and appropriate. The reviewer relied on MTUS ACOEM Chapter 12.
"""


def test_final_determination_partially_overturned():
    imr, doc = run(FDL, "imr_determination")
    assert imr.kind == "determination"
    assert imr.case_number == "CM25-0012345"              # OCR "OO" read as zeros
    assert imr.determination_date == D(2025, 5, 20)
    assert imr.ur_decision_date == D(2025, 4, 2)
    assert [(t.description, t.cpt, t.outcome, t.decision) for t in imr.treatments] == [
        ("MRI lumbar spine", "72148", "upheld", "denied"),
        ("physical therapy 6 sessions", None, "overturned", "approved")]
    assert imr.decision == "partially_overturned"
    assert doc.provenance["imr.case_number"].page == 1


def test_single_item_upheld_from_classifier_less_text():
    text = ("Independent Medical Review Final Determination Letter\nDate: 06/30/2025\n"
            "Case Number: CM25-0098765\nThe requested lumbar fusion L4-5 is not medically "
            "necessary.\n")
    imr, _ = run(text)
    assert imr.kind == "determination"
    assert imr.decision == "upheld"
    assert imr.determination_date == D(2025, 6, 30)


def test_table_of_outcomes():
    text = """IMR FINAL DETERMINATION
Date of Determination: 08/01/2025
Treatment Requested               CPT      Determination
Acupuncture 6 sessions            97810    Overturned
Norco 10/325 #60                  J3490    Upheld
"""
    imr, _ = run(text, "imr_determination")
    assert [t.outcome for t in imr.treatments] == ["overturned", "upheld"]
    assert imr.decision == "partially_overturned"
    assert imr.determination_date == D(2025, 8, 1)


APPLICATION = """APPLICATION FOR INDEPENDENT MEDICAL REVIEW
DWC Form IMR
Type of Utilization Review:   {reg} Regular    {exp} Expedited
WCIS Jurisdictional Claim Number (JCN): {jcn}
Date of UR Decision: 04/02/2025
Disputed Treatment: MRI lumbar spine (CPT 72148)
Signature of Employee or Representative: {sig}     Date: {date}
"""


def test_signed_application():
    text = APPLICATION.format(reg="[X]", exp="[ ]", jcn="2025123456789",
                              sig="/s/ Maria L. Gonzalez", date="04/20/2025")
    imr, doc = run(text, "imr_application")
    assert imr.kind == "application"
    assert imr.signed is True
    assert imr.application_date == D(2025, 4, 20)
    assert imr.review_type_marked is True
    assert imr.jcn == "2025123456789"
    assert imr.ur_decision_date == D(2025, 4, 2)
    assert [(t.description, t.cpt) for t in imr.treatments] == [("MRI lumbar spine (CPT 72148)",
                                                                 "72148")]
    assert "imr.signed" in doc.provenance


def test_blank_application():
    text = APPLICATION.format(reg="[ ]", exp="[ ]", jcn="", sig="______________________",
                              date="________")
    imr, _ = run(text, "imr_application")
    assert imr.signed is False
    assert imr.application_date is None
    assert imr.review_type_marked is False
    assert imr.jcn is None


def test_expedited_marked_counts_as_marked():
    text = APPLICATION.format(reg="☐", exp="☒", jcn="", sig="", date="")
    imr, _ = run(text, "imr_application")
    assert imr.review_type_marked is True
    assert imr.signed is False


def test_notice_of_assignment():
    text = """NOTICE OF ASSIGNMENT AND REQUEST FOR INFORMATION
Notice Date: 05/02/2025
IMR Case No. CM 25 - 0012345
Date of UR Decision: 04/02/2025
"""
    imr, _ = run(text)
    assert imr.kind == "notice"
    assert imr.case_number == "CM25-0012345"
    assert imr.notice_date == D(2025, 5, 2)
    assert imr.ur_decision_date == D(2025, 4, 2)


@pytest.mark.parametrize("text, expected", [
    ("Signature: /s/ John Smith", True),
    ("Employee Signature: ____________  Date: ______", False),
    ("John Smith          04/20/2025\n________________  ________\nSignature        Date", True),
    ("no signing block here", None),
])
def test_is_signed(text, expected):
    assert is_signed(text)[0] is expected


def test_case_number_and_kind_and_overall():
    assert case_number("Case: CM24-l234567")[0] == "CM24-1234567"
    assert imr_kind("NOTICE OF ASSIGNMENT AND REQUEST FOR INFORMATION") == "notice"
    assert overall_outcome(["upheld", "upheld"]) == "upheld"
    assert overall_outcome(["overturned"]) == "overturned"
    assert overall_outcome([]) is None


def test_application_with_disputed_items_table():
    text = """APPLICATION FOR INDEPENDENT MEDICAL REVIEW
Type of Utilization Review: [ ] Regular [ ] Expedited
Date of UR Decision: 01/16/2026
Disputed treatment / service                 CPT/HCPCS
Viscosupplementation injection, right knee   J7325
Lumbar epidural steroid injection L4-L5      62323
Employee Signature
Signature: ______________________________ Date: ______________
"""
    imr, _ = run(text, "imr_application")
    assert [(t.description, t.cpt, t.decision) for t in imr.treatments] == [
        ("Viscosupplementation injection, right knee", "J7325", None),
        ("Lumbar epidural steroid injection L4-L5", "62323", None)]
    assert imr.signed is False
    assert imr.review_type_marked is False


NARROW_CELLS = """APPLICATION FOR INDEPENDENT MEDICAL REVIEW
DWC Form IMR
Claim Number: ZZ-40021 Date of Injury (MM/DD/YYYY): 01/15/2026
Date of UR Decision
(MM/DD/YYYY):
04/30/2026 EAMS Case Number (if
applicable):
ADJ55512345
WCIS Jurisdictional Claim
Number (JCN):
2026077ZZ0040021B Employer Name: Canyon Freight
Utilization Review
Organization:
Northstar Review
UR Case No.: NSR-2604-99120
Employee Signature: /s/ Imani Fairweather   Date: 05/12/2026
"""


def test_application_labels_wrapped_in_narrow_cells():
    imr, _ = run(NARROW_CELLS, "imr_application")
    assert imr.ur_decision_date == D(2026, 4, 30)
    assert imr.jcn == "2026077ZZ0040021B"
    assert imr.case_number is None          # the UR organization's case number is not IMR's


def test_a_sentence_about_the_request_names_no_treatment():
    imr, _ = run("Final Determination Letter\nIMR Case Number: CM26-0044321\n"
                 "1. Cervical pillow - is medically necessary.\n"
                 "The request for a cervical pillow is medically necessary. The request meets "
                 "the guideline criteria and is medically necessary.\n", "imr_determination")
    assert len(imr.treatments) == 1
    assert "cervical pillow" in imr.treatments[0].description


def test_jcn_read_when_ocr_splits_the_label_cell_around_the_value():
    # a scanned form read row by row: the label's second line comes after the value
    ocr = ("WCIS Jurisdictional Claim 2024077XY0012345B Employer Name: Acme Hauling\n"
           "Number (JCN): Co.\n")
    value, start, end = _jcn(ocr)
    assert value == "2024077XY0012345B" and ocr[start:end] == value
    # the label alone, with no value next to it: nothing is invented
    assert _jcn("WCIS Jurisdictional Claim Employer Name: Acme\nNumber (JCN): Co.\n") is None

"""DWC Form RFA: physician, signature date, receipt stamp or fax header, expedited box (checked
and unchecked), requested treatments from the form's table; plus the shared form readers."""

import datetime as dt

import pytest
from page_builder import CW, make_page  # noqa: F401  (tests/extract helper)

from pipeline.extract.rfa import checkbox, clean_name, extract_rfa, label_value
from pipeline.model import Document
from pipeline.settings import Settings

D = dt.date


def run(text: str):
    doc = Document(id="D002", source="claim.pdf", page_start=1, page_end=1, type="rfa")
    return extract_rfa(doc, [make_page(text)], Settings()), doc


FORM = """REQUEST FOR AUTHORIZATION
DWC Form RFA
RECEIVED MAR 20 2025
{new} New Request   [ ] Resubmission - Change in Material Facts
{exp} Expedited Review: Check box if employee faces an imminent and serious threat to health
Employee Information
Name: Maria L. Gonzalez     Date of Injury: 03/12/2024
Requesting Physician Information
Name: Ravi Patel, MD      Practice Name: Valley Orthopedics
Requested Treatment
Diagnosis (Required)     ICD-Code    Service/Good Requested          CPT/HCPCS Code   Other Information
Lumbar radiculopathy     M54.16      MRI lumbar spine w/o contrast   72148            x1
Lumbar strain            S39.012A    Physical therapy                97110            2x6 weeks

Requesting Physician Signature: /s/ Ravi Patel      Date: 03/18/2025
"""


def test_form_fields_and_table():
    rfa, doc = run(FORM.format(new="[X]", exp="[ ]"))
    assert rfa.requesting_physician == "Ravi Patel, MD"
    assert rfa.date_signed == D(2025, 3, 18)
    assert rfa.received_date == D(2025, 3, 20)
    assert rfa.expedited is False
    assert [(t.description, t.cpt, t.quantity) for t in rfa.treatments] == [
        ("MRI lumbar spine w/o contrast", "72148", "1"), ("Physical therapy", "97110", "12")]
    assert all(t.decision is None for t in rfa.treatments)
    assert doc.provenance["rfa.received_date"].quote == "RECEIVED MAR 20 2025"


@pytest.mark.parametrize("mark, expected", [
    ("[X]", True), ("[x]", True), ("☒", True), ("X", True), ("☑", True),
    ("[ ]", False), ("☐", False), ("[]", False),
])
def test_expedited_box(mark, expected):
    rfa, _ = run(FORM.format(new="[ ]", exp=mark))
    assert rfa.expedited is expected


def test_fax_header_is_the_receipt_when_no_stamp():
    text = ("03/21/2025 09:14 FROM: VALLEY ORTHO (916) 555-0100 TO: ABC CLAIMS P.001/003\n"
            + FORM.format(new="[X]", exp="[ ]").replace("RECEIVED MAR 20 2025\n", ""))
    rfa, _ = run(text)
    assert rfa.received_date == D(2025, 3, 21)


def test_item_lines_when_no_table():
    text = """Request for Authorization
Requesting Physician: Dr. Susan Lee
Requested treatment: Chiropractic manipulation x 12 visits (CPT 98941)
Requested treatment: Cervical pillow (HCPCS E0943)
Date Signed: 04/01/2025
"""
    rfa, _ = run(text)
    assert rfa.requesting_physician == "Dr. Susan Lee"
    assert rfa.date_signed == D(2025, 4, 1)
    assert [(t.cpt, t.quantity) for t in rfa.treatments] == [("98941", "12"), ("E0943", None)]
    assert rfa.received_date is None and rfa.expedited is None


@pytest.mark.parametrize("text, expected", [
    ("[X] Expedited Review", True), ("X Expedited Review", True), ("☒ Expedited", True),
    ("[ ] Expedited Review", False), ("☐ Expedited", False), ("Expedited: No", False),
    ("Expedited: Yes", True), ("Expedited [X]", True), ("Nothing about it", None),
])
def test_checkbox(text, expected):
    assert checkbox(text, r"expedited(?:\s+review)?") is expected


def test_label_value_stops_at_next_label_and_reads_next_line():
    assert label_value("Provider Name: Ravi Patel, MD   NPI: 123", ("Provider Name",))[0] == (
        "Ravi Patel, MD")
    assert label_value("Requesting Physician:\nDr. Ann Roe\n", ("Requesting Physician",))[0] == (
        "Dr. Ann Roe")


def test_clean_name():
    assert clean_name("Dr. Alan Cho, M.D., Orthopedic Surgery") == "Dr. Alan Cho, M.D."
    assert clean_name("N/A") is None


def test_ocr_blank_lines_and_colon_after_dr():
    text = ("Request for Authorization\nRequesting Physician Information\n\nName:\n\n"
            "Dr: Gregory Gallagher\n\nPractice Name:\n\nCentral Coast Industrial Medicine\n")
    rfa, _ = run(text)
    assert rfa.requesting_physician == "Dr. Gregory Gallagher"


def test_label_value_stops_at_the_next_label_not_inside_the_name():
    text = "Name: Odalys R. Quintero M.D. Practice Name: Valley Hand Surgery\n"
    value = label_value(text, ("Name",))
    assert value is not None and value[0] == "Odalys R. Quintero M.D."
    assert clean_name(value[0]) == "Odalys R. Quintero M.D."

"""Single document generators, rendered for real and read back through pypdfium2."""

import datetime as dt
import random

import pypdfium2 as pdfium
from generator.base import Case, Person
from generator.claim import is_adverse_decision
from generator.docs_forms import imr_application, rfa
from generator.docs_ur import deferral_notice, ur_decision
from generator.render import render

D = dt.date


def _case() -> Case:
    return Case(claimant=Person("Maria", "Gonzalez", middle="L"), date_of_birth=D(1980, 2, 2),
                claim_number="05-123456", adj_number="ADJ11223344", injury=D(2025, 3, 12),
                employer="Valley Packing Co.", claims_administrator="Golden State Claims Services",
                body_parts=["lumbar spine"])


def _text(doc) -> str:
    pdf, _ = render(doc)
    d = pdfium.PdfDocument(pdf)
    out = "\n".join(d[i].get_textpage().get_text_range() for i in range(len(d)))
    d.close()
    return out


REVIEWER = Person("Alan", "Cho", title="Dr.", degree="MD", specialty="Orthopedic Surgery")


def _ur(decisions, defects=frozenset(), style="letter", seed=1):
    items = [{"description": "MRI lumbar spine without contrast", "cpt": "72148", "quantity": "1",
              "guideline": "CA MTUS ACOEM Chapter 12, Low Back Complaints"},
             {"description": "Physical therapy, lumbar spine", "cpt": "97110", "quantity": "12 visits",
              "guideline": "CA MTUS Chronic Pain Medical Treatment Guidelines"}]
    treatments = []
    for t, d in zip(items, decisions):
        treatments.append(dict(t, decision=d, approved_qty="6 visits"))
    return ur_decision(random.Random(seed), _case(), style=style, decision_date=D(2025, 4, 2),
                       rfa_received=D(2025, 3, 27), rfa_date=D(2025, 3, 25), treatments=treatments,
                       reviewer=REVIEWER, requesting="Dr. Ravi Patel",
                       records=[{"date": D(2025, 3, 10), "description": "PR-2 progress report",
                                 "author": "Dr. Ravi Patel"}],
                       parts=["lumbar spine"], service_date=D(2025, 4, 2), service_method="fax",
                       defects=defects)


def test_denial_letter_states_what_the_truth_says():
    doc = _ur(("denied",))
    text = _text(doc)
    f = doc.fields
    assert f["ur.overall_decision"] == "denied" and f["ur.imr_rights_notice"] is True
    assert "Independent Medical Review" in text and "DWC Form IMR" in text
    assert "Orthopedic Surgery" in text and "Cho" in text
    assert "MTUS" in text
    assert f["ur.records_reviewed"] == [{"date": "2025-03-10", "description": "PR-2 progress report",
                                         "author": "Dr. Ravi Patel"}]


def test_mixed_decisions_in_the_table_style():
    doc = _ur(("approved", "modified"), style="table")
    assert doc.fields["ur.overall_decision"] == "mixed"
    assert [t["decision"] for t in doc.fields["ur.treatments"]] == ["approved", "modified"]
    assert "6 visits" in _text(doc)


def test_notice_defects_leave_the_content_out():
    doc = _ur(("denied",), defects=frozenset({"no_imr_notice", "no_specialty", "no_guideline"}))
    text = _text(doc)
    assert "Independent Medical Review" not in text and "MTUS" not in text
    assert "Orthopedic Surgery" not in text
    assert doc.fields["ur.imr_rights_notice"] is False and doc.fields["ur.reviewer_specialty"] is None


def test_approval_has_no_imr_paragraph():
    doc = _ur(("approved",), style="brief")
    assert doc.fields["ur.overall_decision"] == "approved"
    assert "Independent Medical Review" not in _text(doc)


def test_deferral_is_a_ur_notice_that_decides_nothing():
    doc = deferral_notice(random.Random(3), _case(), date=D(2025, 5, 1), rfa_date=D(2025, 4, 25),
                          treatment="a psychological consultation", requesting="Dr. Ravi Patel",
                          parts=["psyche"])
    assert doc.type == "ur_decision"
    assert doc.fields["ur.notice_kind"] == "deferral" and doc.fields["ur.overall_decision"] == "delayed"
    assert not is_adverse_decision(doc.fields)
    assert "deferred" in _text(doc)


def test_rfa_marks_the_expedited_box_and_lists_codes():
    items = [{"description": "MRI lumbar spine without contrast", "cpt": "72148", "quantity": "1",
              "part": "lumbar spine"}]
    doc = rfa(random.Random(4), _case(), date=D(2025, 3, 25), received=D(2025, 3, 27),
              physician=Person("Ravi", "Patel", degree="MD", specialty="Occupational Medicine"),
              phys_disp="Dr. Ravi Patel", clinic="Valley Ortho", treatments=items,
              parts=["lumbar spine"], dx="low back pain", expedited=True, received_as="both")
    text = _text(doc)
    assert "[X] Expedited Review" in text and "72148" in text
    assert "03/27/2025" in text            # the fax header carries the received date
    assert doc.fields["rfa.expedited"] is True


def test_unsigned_imr_application_has_no_date():
    doc = imr_application(random.Random(5), _case(), date=None, ur_date=D(2025, 4, 2),
                          treatments=[{"description": "MRI lumbar spine", "cpt": "72148"}],
                          requesting="Dr. Ravi Patel", signed=False, review_type_marked=None, jcn=None)
    assert doc.fields["imr.signed"] is False and doc.fields["date"] is None
    assert doc.fields["imr.review_type_marked"] is False
    assert "[ ] Regular" in _text(doc)

"""DATE_SEQUENCE: a document's own dates in an impossible order."""

from pipeline.analyze.rules.sequence import date_sequence, sequence_problems
from pipeline.model import QmeBlock, UrBlock

from .builders import d, make_claim, make_ctx, make_doc

AS_OF = d("2025-06-30")


def test_report_and_signature_before_exam():
    doc = make_doc("D1", "qme_report", 1, date=d("2025-04-01"),
                   qme=QmeBlock(exam_date=d("2025-04-10"), report_date=d("2025-04-01"),
                                signature_date=d("2025-04-02")))
    kinds = [p["kind"] for p in sequence_problems(doc, AS_OF, None)]
    assert kinds == ["report_before_exam", "signature_before_exam"]
    (finding,) = date_sequence(make_claim(doc), make_ctx(make_claim(doc)))
    assert finding.severity == "high"
    assert finding.details["earlier"] == "2025-04-01" and finding.details["later"] == "2025-04-10"


def test_ur_decision_before_receipt():
    doc = make_doc("D1", "ur_decision", 1, date=d("2025-03-18"),
                   ur=UrBlock(decision_date=d("2025-03-18"), rfa_received_date=d("2025-03-20")))
    (problem,) = sequence_problems(doc, AS_OF, None)
    assert problem["kind"] == "decision_before_rfa_received"


def test_date_after_as_of_and_service_before_birth():
    future = make_doc("D1", "treating_report", 1, date=d("2025-08-01"))
    assert [p["kind"] for p in sequence_problems(future, AS_OF, None)] == ["after_as_of"]
    early = make_doc("D2", "treating_report", 2, date=d("1965-02-01"))
    (problem,) = sequence_problems(early, AS_OF, d("1968-05-01"))
    assert problem["kind"] == "service_before_birth"
    claim = make_claim(future, early, as_of="2025-06-30", date_of_birth=d("1968-05-01"))
    findings = date_sequence(claim, make_ctx(claim))
    assert {f.document for f in findings} == {"D1", "D2"}
    assert all(f.severity == "medium" for f in findings)


def test_consistent_dates_are_clean():
    doc = make_doc("D1", "qme_report", 1, date=d("2025-05-01"),
                   qme=QmeBlock(exam_date=d("2025-04-10"), report_date=d("2025-05-01")))
    assert sequence_problems(doc, AS_OF, d("1968-05-01")) == []


def test_a_deferral_gives_no_decision_date_to_compare_with_receipt():
    notice = make_doc("D1", "ur_decision", 1, date=d("2025-03-18"),
                      ur=UrBlock(notice_kind="deferral", decision_date=d("2025-03-18"),
                                 rfa_received_date=d("2025-03-20")))
    assert sequence_problems(notice, AS_OF, None) == []

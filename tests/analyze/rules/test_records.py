"""QME_RECORD_OMITTED, RECORD_DATE_MISMATCH, CITED_RECORD_MISSING and DUPLICATE_DOCUMENT."""

from pipeline.analyze.rules.records import (
    cited_record_missing,
    duplicate_document,
    qme_record_omitted,
    record_date_mismatch,
    text_citations,
)
from pipeline.model import QmeBlock, Record, Section, UrBlock

from .builders import d, make_claim, make_ctx, make_doc


def _file(report_kind="initial", exam="2025-04-10", records=None):
    pr2 = make_doc("D1", "treating_report", 1, date=d("2025-03-10"), author="Dr. Ravi Patel")
    mri = make_doc("D2", "imaging_report", 2, date=d("2025-02-14"), title="MRI lumbar spine")
    op = make_doc("D3", "operative_report", 3, date=d("2025-04-20"))
    job = make_doc("D4", "job_description", 4, date=d("2025-01-05"))
    qme = make_doc("D5", "qme_report", 5, 4, date=d("2025-05-01"),
                   qme=QmeBlock(exam_date=d(exam) if exam else None, report_kind=report_kind,
                                report_date=d("2025-05-01"), evaluator_name="Dr. Susan Lee",
                                records_reviewed=records if records is not None else [
                                    Record(d("2025-03-10"), "PR-2 progress report",
                                           author="Dr. Patel")]))
    return make_claim(pr2, mri, op, job, qme)


def test_one_finding_per_omitted_medical_record_before_the_exam():
    claim = _file()
    findings = qme_record_omitted(claim, make_ctx(claim))
    # the MRI is omitted; the op report is after the exam; a job description is not medical
    assert [(f.document, f.related) for f in findings] == [("D5", ["D2"])]
    assert findings[0].details["cutoff"] == "2025-04-10"
    assert findings[0].details["cutoff_basis"] == "exam"


def test_supplemental_without_exam_uses_the_report_date():
    claim = _file(report_kind="supplemental", exam=None)
    related = sorted(r for f in qme_record_omitted(claim, make_ctx(claim)) for r in f.related)
    assert related == ["D2", "D3"]


def test_unreadable_records_list_is_skipped_unless_a_section_exists():
    claim = _file(records=[])
    assert qme_record_omitted(claim, make_ctx(claim)) == []
    claim.document("D5").qme.sections.append(Section("records_review", "RECORDS REVIEWED", 6, 6))
    assert len(qme_record_omitted(claim, make_ctx(claim))) == 2


def test_dispute_history_and_medical_legal_reports_are_not_omissions():
    claim = _file(report_kind="supplemental", exam=None)
    claim.documents += [
        make_doc("D6", "qme_report", 9, date=d("2025-03-01"),
                 qme=QmeBlock(evaluator_name="Susan Lee, M.D.")),
        make_doc("D7", "rfa", 10, date=d("2025-03-01")),
        make_doc("D8", "ur_decision", 11, date=d("2025-03-05"))]
    related = {r for f in qme_record_omitted(claim, make_ctx(claim)) for r in f.related}
    assert related == {"D2", "D3"}


def test_near_dated_citation_is_a_date_mismatch_not_an_omission():
    claim = _file(records=[Record(d("2025-03-12"), "PR-2 progress report", author="Dr. Patel"),
                           Record(d("2025-02-14"), "MRI lumbar spine")])
    ctx = make_ctx(claim)
    (finding,) = record_date_mismatch(claim, ctx)
    assert finding.related == ["D1"]
    assert finding.details["cited"] == "2025-03-12" and finding.details["actual"] == "2025-03-10"
    assert qme_record_omitted(claim, ctx) == []
    assert claim.document("D5").qme.records_reviewed[0].matched_document == "D1"


def test_citation_far_from_any_record_is_missing():
    claim = _file(records=[Record(d("2024-11-02"), "MRI right shoulder"),
                           Record(d("2025-03-10"), "PR-2", author="Dr. Patel"),
                           Record(d("2025-02-14"), "MRI lumbar spine")])
    ctx = make_ctx(claim)
    (finding,) = cited_record_missing(claim, ctx)
    assert finding.document == "D5" and finding.details["cited"] == "2024-11-02"
    assert record_date_mismatch(claim, ctx) == []


def test_dated_study_named_in_a_treating_report():
    pr2 = make_doc("D1", "treating_report", 1, date=d("2025-03-10"))
    text = ("HISTORY: MRI of the lumbar spine dated 02/14/2025 showed an L4-5 protrusion.\n"
            "EMG/NCS performed on 01/20/2025 was normal. An MRI of the right knee is "
            "scheduled on 03/20/2025.")
    claim = make_claim(pr2, texts={"D1": text})
    cited = text_citations(claim, pr2)
    assert [(r.date.isoformat(), r.kind) for r in cited] == [
        ("2025-02-14", "imaging_report"), ("2025-01-20", "diagnostic_report")]
    assert cited[0].evidence.page == 1 and "02/14/2025" in cited[0].evidence.quote
    claim.documents.append(make_doc("D2", "imaging_report", 2, date=d("2025-02-14")))
    findings = cited_record_missing(claim, make_ctx(claim))
    assert [f.details["cited"] for f in findings] == ["2025-01-20"]


def test_duplicate_document_points_at_the_original():
    first = make_doc("D1", "treating_report", 1, date=d("2025-03-10"))
    again = make_doc("D2", "treating_report", 2, date=d("2025-03-10"), duplicate_of="D1")
    claim = make_claim(first, again)
    (finding,) = duplicate_document(claim, make_ctx(claim))
    assert finding.document == "D2" and finding.related == ["D1"]


def test_each_citing_report_gets_its_own_missing_record_finding():
    claim = _file(records=[Record(d("2024-11-02"), "Functional capacity evaluation")])
    claim.documents.append(make_doc(
        "D6", "ur_decision", 9, date=d("2025-01-10"),
        ur=UrBlock(records_reviewed=[Record(d("2024-11-02"), "Functional capacity evaluation")])))
    findings = cited_record_missing(claim, make_ctx(claim))
    assert sorted(f.document for f in findings) == ["D5", "D6"]


def test_initial_report_without_a_read_exam_date_is_skipped():
    claim = _file(report_kind="initial", exam=None)
    assert qme_record_omitted(claim, make_ctx(claim)) == []


def test_a_page_headed_with_the_cited_date_means_the_record_is_in_the_file():
    claim = _file(records=[Record(d("2024-11-02"), "Functional capacity evaluation")])
    page = next(p for p in claim.pages if p.number == 4)        # inside the job description
    page.text = "FUNCTIONAL CAPACITY EVALUATION\nDate of evaluation: 11/02/2024\n..."
    assert cited_record_missing(claim, make_ctx(claim)) == []


def test_a_dated_entry_naming_no_kind_of_record_is_not_a_missing_record():
    """A line of history or a heading the list extraction took in ("Started the job", "pay
    quota increased") names no record a paralegal could request."""
    claim = _file(records=[Record(d("2018-06-01"), "Started work as a warehouse lead"),
                           Record(d("2024-11-02"), "Urine drug screen")])
    (finding,) = cited_record_missing(claim, make_ctx(claim))
    assert finding.details["cited"] == "2024-11-02"

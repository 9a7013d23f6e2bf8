"""The rule registry and analyze_claim: every code has a rule, ids, clean files stay clean."""

import pipeline.analyze.rules as rules_pkg
from pipeline.analyze.stage import analyze_claim
from pipeline.model import (
    FINDING_CATEGORY,
    Impairment,
    ImrBlock,
    QmeBlock,
    Record,
    RfaBlock,
    Treatment,
    UrBlock,
)
from pipeline.settings import Settings

from .builders import d, make_claim, make_doc


def test_every_contract_code_has_a_rule():
    assert set(rules_pkg.RULES) | {"MISSING_DOCUMENT"} == set(FINDING_CATEGORY)


def _clean_file():
    common = {"claimant_name": "Maria L. Gonzalez", "claim_number": "05-123456",
              "date_of_injury": d("2024-03-12")}
    form = make_doc("D1", "claim_form", 1, date=d("2024-03-14"), body_parts=["lumbar spine"],
                    **common)
    report = make_doc("D2", "employer_report", 2, date=d("2024-03-15"), **common)
    pr2 = make_doc("D3", "treating_report", 3, date=d("2025-03-10"), author="Dr. Ravi Patel",
                   body_parts=["lumbar spine"], **common)
    rfa = make_doc("D4", "rfa", 4, date=d("2025-03-18"),
                   rfa=RfaBlock(requesting_physician="Dr. Ravi Patel",
                                date_signed=d("2025-03-18"), received_date=d("2025-03-20"),
                                treatments=[Treatment("MRI lumbar spine", cpt="72148")]),
                   **common)
    ur = make_doc("D5", "ur_decision", 5, 2, date=d("2025-03-26"),
                  ur=UrBlock(decision_date=d("2025-03-26"), rfa_received_date=d("2025-03-20"),
                             overall_decision="approved", reviewer_name="Dr. Alan Cho",
                             treatments=[Treatment("MRI lumbar spine", "approved",
                                                   cpt="72148")]),
                  **common)
    job = make_doc("D6", "job_description", 7, date=d("2024-01-01"), **common)
    wage = make_doc("D7", "wage_statement", 8, date=d("2024-03-01"), **common)
    mri = make_doc("D9", "imaging_report", 13, date=d("2024-04-02"), title="MRI lumbar spine",
                   **common)
    pt = make_doc("D10", "therapy_note", 14, date=d("2024-05-02"), **common)
    meds = make_doc("D11", "medication_list", 15, date=d("2024-05-03"), **common)
    qme = make_doc("D8", "qme_report", 9, 4, date=d("2025-05-01"),
                   qme=QmeBlock(exam_date=d("2025-04-10"), report_date=d("2025-05-01"),
                                service_date=d("2025-05-02"), evaluator_name="Dr. Susan Lee",
                                impairments=[Impairment("lumbar spine", 8, where="summary")],
                                combined_wpi=8, declaration_present=True,
                                signature_present=True, body_parts_addressed=["lumbar spine"],
                                records_reviewed=[
                                    Record(d("2024-03-14"), "DWC-1 claim form"),
                                    Record(d("2024-03-15"), "Employer's report 5020"),
                                    Record(d("2025-03-10"), "PR-2, Dr. Patel"),
                                    Record(d("2025-03-18"), "RFA"),
                                    Record(d("2025-03-26"), "UR certification"),
                                    Record(d("2024-04-02"), "MRI lumbar spine"),
                                    Record(d("2024-05-02"), "Physical therapy note")]),
                   **common)
    return make_claim(form, report, pr2, rfa, ur, job, wage, qme, mri, pt, meds,
                      as_of="2025-05-20")


def test_clean_file_gets_only_its_deadline_alerts():
    claim = _clean_file()
    analyze_claim(claim, Settings())
    assert claim.errors == []
    assert [(f.id, f.code) for f in claim.findings] == [("F001", "QME_OBJECTION_DEADLINE")]
    assert claim.findings[0].details["deadline"] == "2025-06-06"
    assert {row.status for row in claim.checklists["imr"]} == {"not_applicable"}
    assert {r.matched_document for r in claim.document("D8").qme.records_reviewed} == {
        "D1", "D2", "D3", "D4", "D5", "D9", "D10"}
    kinds = {e.kind for e in claim.timeline}
    assert {"qme_exam", "rfa_received", "qme_objection_deadline"} <= kinds
    assert [e.date for e in claim.timeline] == sorted(e.date for e in claim.timeline)


def test_a_failing_rule_is_recorded_and_the_others_still_run(monkeypatch):
    def broken(claim, ctx):
        raise RuntimeError("boom")

    monkeypatch.setitem(rules_pkg.RULES, "WPI_ARITHMETIC", broken)
    claim = _clean_file()
    claim.document("D3").date_of_injury = d("2024-03-21")
    analyze_claim(claim, Settings())
    assert any("WPI_ARITHMETIC" in e for e in claim.errors)
    assert {"DOI_MISMATCH", "QME_OBJECTION_DEADLINE"} <= {f.code for f in claim.findings}


def test_empty_and_bare_claim_files_analyze_cleanly():
    empty = make_claim()
    analyze_claim(empty, Settings())
    assert empty.errors == [] and {r.status for r in empty.checklists["imr"]} == {
        "not_applicable"}
    bare = make_claim(*[make_doc(f"D{i}", t, i) for i, t in enumerate(
        ("ur_decision", "qme_report", "ame_report", "rfa", "imr_application", "qme_panel_list",
         "other"), 1)])
    for doc in bare.documents:   # blocks present but empty, as an extractor that read nothing
        doc.ur, doc.qme, doc.rfa, doc.imr = UrBlock(), QmeBlock(), RfaBlock(), ImrBlock()
    analyze_claim(bare, Settings())
    assert bare.errors == []
    assert {f.code for f in bare.findings} <= {"MISSING_DOCUMENT"}

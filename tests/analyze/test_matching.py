"""Record matching: records-reviewed entries -> documents of the file; names; the decided RFA."""

from rules.builders import d, make_claim, make_doc

from pipeline.analyze.matching import (
    match_records,
    name_similarity,
    name_tokens,
    record_kind,
    rfa_for_ur,
    same_person,
)
from pipeline.model import QmeBlock, Record, RfaBlock, Treatment, UrBlock
from pipeline.settings import Settings


def test_names_ignore_titles_initials_and_order():
    assert name_tokens("GONZALEZ, MARIA L.") == ["maria", "gonzalez"]
    assert name_tokens("Alan Cho, M.D.") == ["alan", "cho"]
    assert same_person("Maria L. Gonzalez", "GONZALEZ, MARIA")
    assert same_person("Dr. Patel", "Ravi Patel, MD")
    assert same_person("Maria Gonzales", "Maria Gonzalez")      # OCR / spelling noise
    assert not same_person("Maria Gonzalez", "Robert Chen")
    assert name_similarity(None, "Robert Chen") == -1


def test_record_kind_from_description_when_the_extractor_left_none():
    assert record_kind(Record(None, "MRI of the lumbar spine")) == "imaging_report"
    assert record_kind(Record(None, "whatever", kind="therapy_note")) == "therapy_note"


def _claim(records):
    pr2a = make_doc("D1", "treating_report", 1, date=d("2025-03-10"), author="Dr. Ravi Patel")
    pr2b = make_doc("D2", "treating_report", 2, date=d("2025-03-14"), author="Dr. Ann Wu")
    mri = make_doc("D3", "imaging_report", 3, date=d("2025-02-14"), title="MRI LUMBAR SPINE")
    qme = make_doc("D4", "qme_report", 4, date=d("2025-05-01"),
                   qme=QmeBlock(exam_date=d("2025-04-10"), records_reviewed=records))
    return make_claim(pr2a, pr2b, mri, qme)


def test_exact_near_and_unmatched_entries():
    records = [Record(d("2025-03-10"), "PR-2 progress report", author="Patel"),
               Record(d("2025-02-16"), "MRI lumbar spine"),
               Record(d("2024-12-01"), "X-ray right knee")]
    claim = _claim(records)
    matches = match_records(claim, Settings())
    assert [(m.document, m.exact) for m in matches] == [("D1", True), ("D3", False),
                                                        (None, False)]
    assert matches[1].actual_date == d("2025-02-14")
    assert [r.matched_document for r in records] == ["D1", "D3", None]


def test_near_match_prefers_the_cited_author():
    records = [Record(d("2025-03-12"), "PR-2", author="Dr. Wu")]
    (m,) = match_records(_claim(records), Settings())
    assert m.document == "D2" and not m.exact


def test_modality_keeps_an_x_ray_from_matching_an_mri():
    records = [Record(d("2025-02-14"), "X-ray lumbar spine")]
    (m,) = match_records(_claim(records), Settings())
    assert m.document is None


def test_window_is_a_setting():
    records = [Record(d("2025-02-16"), "MRI lumbar spine")]
    settings = Settings()
    settings.legal.record_date_window_days = 1
    (m,) = match_records(_claim(records), settings)
    assert m.document is None


def test_rfa_for_a_letter_with_several_treatments():
    old = make_doc("D1", "rfa", 1, date=d("2024-11-01"),
                   rfa=RfaBlock(date_signed=d("2024-11-01"),
                                treatments=[Treatment("Acupuncture x6")]))
    new = make_doc("D2", "rfa", 2, date=d("2025-03-18"),
                   rfa=RfaBlock(date_signed=d("2025-03-18"), received_date=d("2025-03-20"),
                                treatments=[Treatment("MRI lumbar spine", cpt="72148"),
                                            Treatment("Physical therapy 2x6")]))
    later = make_doc("D4", "rfa", 4, date=d("2025-05-01"),
                     rfa=RfaBlock(treatments=[Treatment("Physical therapy 2x6")]))
    ur = make_doc("D3", "ur_decision", 3, date=d("2025-03-26"),
                  ur=UrBlock(decision_date=d("2025-03-26"),
                             treatments=[Treatment("Physical therapy 2 x 6", "approved"),
                                         Treatment("MRI L-spine", "denied", cpt="72148")]))
    claim = make_claim(old, new, ur, later)
    assert rfa_for_ur(claim, ur).id == "D2"


def test_a_same_kind_document_without_a_date_may_be_the_record():
    job = make_doc("D1", "job_description", 1)
    qme = make_doc("D2", "qme_report", 2, date=d("2025-05-01"),
                   qme=QmeBlock(records_reviewed=[Record(d("2024-06-11"), "Job description"),
                                                  Record(d("2024-07-01"), "Wage statement")]))
    matches = match_records(make_claim(job, qme), Settings())
    assert [(m.document, m.exact) for m in matches] == [("D1", True), (None, False)]


def test_rfa_found_by_its_date_just_before_receipt():
    first = make_doc("D1", "rfa", 1, date=d("2025-11-24"), rfa=RfaBlock(date_signed=d("2025-11-24")))
    second = make_doc("D2", "rfa", 2, date=d("2026-01-07"),
                      rfa=RfaBlock(date_signed=d("2026-01-07")))
    ur = make_doc("D3", "ur_decision", 3, date=d("2026-01-16"),
                  ur=UrBlock(decision_date=d("2026-01-16"), rfa_received_date=d("2026-01-09")))
    claim = make_claim(first, second, ur)
    assert rfa_for_ur(claim, ur).id == "D2"
    ur.ur.rfa_received_date = d("2025-11-26")
    ur.ur.decision_date = d("2025-12-03")
    assert rfa_for_ur(claim, ur).id == "D1"


def test_names_survive_ocr_digits_and_hyphenated_surnames():
    assert same_person("Marla Gonza1ez", "Maria L. Gonzalez")
    assert same_person("MARIA GONZALEZ-LOPEZ", "Maria Gonzalez")
    assert not same_person("Sandra Zavala", "Brian Abernathy")


def test_same_day_same_author_study_matches_despite_a_misnamed_modality():
    mri = make_doc("D1", "imaging_report", 1, date=d("2025-12-26"), author="Priya R. Berkowitz, MD",
                   title="MRI LUMBAR SPINE")
    records = [Record(d("2025-12-26"), "X-ray report", author="Dr. Berkowitz")]
    qme = make_doc("D2", "qme_report", 2, date=d("2026-04-20"),
                   qme=QmeBlock(records_reviewed=records))
    (m,) = match_records(make_claim(mri, qme), Settings())
    assert m.document == "D1"


def test_near_dated_study_by_the_same_radiologist_despite_the_modality_named():
    xray = make_doc("D1", "imaging_report", 1, date=d("2025-12-02"), author="Priya Feldman, MD",
                    title="X-RAY RIGHT KNEE, 3 VIEWS")
    records = [Record(d("2025-11-29"), "MRI report, right knee", author="Priya Feldman, MD")]
    ur = make_doc("D2", "ur_decision", 2, date=d("2026-01-16"),
                  ur=UrBlock(records_reviewed=records))
    (m,) = match_records(make_claim(xray, ur), Settings())
    assert m.document == "D1" and m.near


def test_author_named_in_the_description_beats_the_extracted_author():
    """The extractor took the referring doctor as the author; the description names the
    radiologist who signed the study, cited three days off."""
    records = [Record(d("2025-02-17"), "Helen Park, M.D., of Westside Imaging read the study",
                      author="Dr. Ravi Patel", kind="imaging_report")]
    claim = _claim(records)
    claim.document("D3").author = "Helen Park"
    (m,) = match_records(claim, Settings())
    assert m.document == "D3" and not m.exact


def test_a_visit_note_read_as_a_treating_report_matches_the_therapy_note_of_its_day():
    """"The therapist saw the patient for visit 6 (daily note)" guessed as a treating report."""
    note = make_doc("D5", "therapy_note", 5, date=d("2025-03-20"))
    records = [Record(d("2025-03-20"), "The therapist saw the patient for visit 6",
                      kind="treating_report")]
    claim = _claim(records)
    claim.documents.insert(3, note)
    (m,) = match_records(claim, Settings())
    assert m.document == "D5" and m.exact


def test_a_panel_list_entry_is_not_a_medical_legal_report():
    assert record_kind(Record(None, "QME panel list no. 5512, internal medicine",
                              kind="qme_report")) == "qme_panel_list"
    assert record_kind(Record(None, "Panel QME report of Dr. Lee")) == "qme_report"
    panel = make_doc("P1", "qme_panel_list", 5, date=d("2025-03-03"))
    records = [Record(d("2025-03-03"), "Medical Unit QME panel list No. 5512")]
    claim = _claim(records)
    claim.documents.insert(3, panel)
    (m,) = match_records(claim, Settings())
    assert m.document == "P1"


def test_a_cited_notice_or_imr_paper_matches_the_letter_of_its_day():
    notice = make_doc("N1", "ur_decision", 5, date=d("2025-03-05"))
    app = make_doc("A1", "imr_application", 6, date=d("2025-04-02"))
    records = [Record(d("2025-03-05"), "Notice", kind="correspondence"),
               Record(d("2025-04-02"), "DWC Form IMR, regular review",
                      kind="imr_determination")]
    claim = _claim(records)
    claim.documents[3:3] = [notice, app]
    assert [m.document for m in match_records(claim, Settings())] == ["N1", "A1"]

"""Section detection in QME/AME reports: varied heading styles, inline headings, running heads."""

from __future__ import annotations

import pytest

from pipeline.extract.sections import ReportText, find_sections, match_heading
from pipeline.model import Page

# style A: roman-numbered upper-case headings, a records list running over a page break
STYLE_A = [
    """PANEL QUALIFIED MEDICAL EVALUATOR
I. HISTORY OF INJURY
Lifting injury on 03/12/2024.
II. REVIEW OF MEDICAL RECORDS
1. 03/10/2025 - PR-2 progress report, Dr. Ravi Patel.
Page 1 of 3
Re: Maria L. Gonzalez""",
    """Re: Maria L. Gonzalez
2. 06/10/2025 - Utilization Review determination by Dr. Alan Cho.
   DIAGNOSIS: lumbar radiculopathy.
III. PHYSICAL EXAMINATION
Lumbar flexion 40 degrees.
IV. DIAGNOSES
1. Lumbar disc protrusion (M51.16)
V. CAUSATION
Industrial.
Page 2 of 3
Re: Maria L. Gonzalez""",
    """Re: Maria L. Gonzalez
VI. PERMANENT AND STATIONARY STATUS
P&S as of 06/02/2025.
VII. IMPAIRMENT RATING
12% WPI lumbar spine.
VIII. APPORTIONMENT
80% industrial.
IX. FUTURE MEDICAL CARE
Injections.
X. WORK RESTRICTIONS
No lifting over 20 pounds.
XI. TEMPORARY DISABILITY
TTD 03/13/2024 through 09/30/2024.
XII. DECLARATION
I declare under penalty of perjury ...
PROOF OF SERVICE
Served by mail.
Page 3 of 3
Re: Maria L. Gonzalez""",
]

# style B: title-case headings with colons and run-together inline headings
STYLE_B = [
    """Agreed Medical Evaluation - Orthopedic Re-Evaluation
History:
Mr. Nguyen was re-examined today for his neck and left knee.
Summary of Medical Records:
On 01/20/2025, Dr. Lisa Wong saw the applicant. Work status: TTD.
04/22/2025: Physical therapy progress note, 8 visits completed.
Diagnoses:
- Cervical disc bulge C5-6, M50.20
Causation: The cervical and left knee conditions are industrial.
Disability Status: The applicant is not yet permanent and stationary.
Impairment: Deferred until MMI.
Apportionment: Deferred.
Temporary Disability: TTD from 03/14/2025 through 08/31/2025.
Work Status: Off work.
Extension: An extension of time was granted (Form 112).""",
]


def _pages(texts: list[str]) -> list[Page]:
    return [Page("x.pdf", i + 1, text=t) for i, t in enumerate(texts)]


def _names(texts: list[str]) -> list[str]:
    return [s.name for s in find_sections(ReportText(_pages(texts)))]


@pytest.mark.parametrize("line, name", [
    ("IV. DIAGNOSES", "diagnoses"),
    ("7. Apportionment", "apportionment"),
    ("A) FUTURE MEDICAL CARE", "future_medical"),
    ("(b) Work Restrictions:", "work_restrictions"),
    ("REVIEW OF MEDICAL RECORDS (412 pages)", "records_review"),
    ("Summary of Medical Records:", "records_review"),
    ("PERMANENT AND STATIONARY STATUS", "disability_status"),
    ("Maximum Medical Improvement", "disability_status"),
    ("CAUSATION OF INJURY", "causation"),
    ("Periods of Temporary Disability", "temporary_disability"),
    ("DECLARATION OF SERVICE", "proof_of_service"),
    ("Proof of Service by Mail", "proof_of_service"),
    ("DECLARATION UNDER PENALTY OF PERJURY", "declaration"),
    ("XII. IMPAIRMENT RATING - LUMBAR SPINE", "impairment"),
    ("history of present illness", None),          # lower case, no numbering: running text
])
def test_heading_forms(line: str, name: str | None) -> None:
    report = ReportText([Page("x.pdf", 1, text=line)])
    heading = match_heading(report.lines[0])
    assert (heading.name if heading else None) == name


def test_inline_heading_starts_its_section_after_the_colon() -> None:
    text = ("DISCUSSION\nThe applicant improved.\nAPPORTIONMENT: Pursuant to Labor Code 4663, "
            "I apportion 80% to the industrial injury.\nCausation: industrial.")
    report = ReportText([Page("x.pdf", 1, text=text)])
    spans = find_sections(report)
    assert [s.name for s in spans] == ["discussion", "apportionment", "causation"]
    apportionment = spans[1]
    assert report.text[apportionment.body_start:].startswith("Pursuant to Labor Code")
    assert apportionment.heading == "APPORTIONMENT"


def test_prose_mentioning_a_heading_word_is_not_a_heading() -> None:
    text = ("HISTORY\nThe applicant has a history of diabetes and her diagnosis was discussed at "
            "length with the treating physician before apportionment was considered.")
    assert _names([text]) == ["history"]


def test_record_labels_do_not_end_the_records_review() -> None:
    text = """REVIEW OF RECORDS
03/10/2025 PR-2, Dr. Patel.
Diagnosis: lumbar strain.
IMPRESSION: Partial tear.
Work status: modified duty.
Impression
L4-5 protrusion.
PHYSICAL EXAMINATION
Normal gait."""
    report = ReportText([Page("x.pdf", 1, text=text)])
    spans = find_sections(report)
    assert [s.name for s in spans] == ["records_review", "physical_exam"]
    assert "L4-5 protrusion" in report.text[spans[0].body_start:spans[0].end]


def test_style_a_numbered_upper_case_sections_span_pages() -> None:
    spans = find_sections(ReportText(_pages(STYLE_A)))
    names = [s.name for s in spans]
    assert names == ["history", "records_review", "physical_exam", "diagnoses", "causation",
                     "disability_status", "impairment", "apportionment", "future_medical",
                     "work_restrictions", "temporary_disability", "declaration",
                     "proof_of_service"]
    records = spans[1]
    assert (records.page_start, records.page_end) == (1, 2)
    assert spans[-1].page_end == 3
    assert records.heading == "II. REVIEW OF MEDICAL RECORDS"
    # the record summary's upper-case "DIAGNOSIS:" label did not open a diagnoses section
    assert spans[3].heading == "IV. DIAGNOSES"


def test_style_b_title_case_and_inline_headings() -> None:
    assert _names(STYLE_B) == ["history", "records_review", "diagnoses", "causation",
                               "disability_status", "impairment", "apportionment",
                               "temporary_disability", "work_restrictions", "extension"]


def test_running_headers_and_page_markers_are_marked() -> None:
    report = ReportText(_pages(STYLE_A))
    running = {ln.stripped for ln in report.lines if ln.running}
    assert "Re: Maria L. Gonzalez" in running
    assert "Page 2 of 3" in running
    assert not any("REVIEW OF MEDICAL RECORDS" in t for t in running)


def test_ocr_page_marker_with_pipe_for_one() -> None:
    report = ReportText([Page("x.pdf", 1, text="Text\nPage | of 4"), Page("x.pdf", 2, text="More")])
    assert [ln.running for ln in report.lines] == [False, True, False]


def test_offsets_map_back_to_pages() -> None:
    pages = [Page("x.pdf", 5, text="abc\ndef"), Page("x.pdf", 6, text="ghi")]
    report = ReportText(pages)
    at = report.text.index("ghi")
    assert report.position(at) == (6, 0)
    assert report.offset_of(6, 1) == at + 1
    evidence = report.evidence(at, at + 3)
    assert (evidence.page, evidence.quote) == (6, "ghi")


def test_run_together_records_heading_ends_at_the_next_inline_heading() -> None:
    text = ("Records Reviewed: The following 2 records were received and reviewed:\n"
            "1/7/2026 Dr. Sato PR-2 progress report.\n"
            "Diagnosis: lumbar strain.\n"
            "Current Complaints: R knee: pain rated 5/10.\n")
    spans = find_sections(ReportText([Page("x.pdf", 1, text=text)]))
    assert [s.name for s in spans] == ["records_review", "complaints"]


@pytest.mark.parametrize("line", ["Extension 25 15", "Impairment 12 8 4", "Records 1-4"])
def test_table_rows_starting_with_a_heading_word_are_not_headings(line: str) -> None:
    assert match_heading(ReportText([Page("x.pdf", 1, text=line)]).lines[0]) is None


def test_ocr_comma_after_the_section_number() -> None:
    heading = match_heading(ReportText([Page("x.pdf", 1, text="17, APPORTIONMENT")]).lines[0])
    assert (heading.name, heading.numbering) == ("apportionment", "arabic")


def test_sentence_case_records_heading_standing_alone_starts_the_records_review() -> None:
    text = ("Dear Counsel:\nYou asked me to comment on records received since my evaluation.\n"
            "Records received and reviewed for this supplemental letter\n"
            "- Chiropractic note of Dr. Ames dated 2/3/2025.\n- X-ray report dated 2/9/2025.\n"
            "Discussion\nThe records do not change my opinion.")
    assert _names([text]) == ["records_review", "discussion"]


def test_sentence_case_heading_words_inside_a_paragraph_are_not_a_heading() -> None:
    text = ("The applicant brought copies of his chart, and I have\n"
            "records received and reviewed in the last month which show a wide range of\n"
            "complaints over time.")
    assert "records_review" not in _names([text])

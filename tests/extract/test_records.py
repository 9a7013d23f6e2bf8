"""Records-reviewed entries as lists, chronological paragraphs, label blocks and tables."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.extract.records import parse_records, record_kind
from pipeline.model import Page, Word

D = dt.date


def _page(text: str, number: int = 1) -> Page:
    return Page("r.pdf", number, text=text)


def _rows(records) -> list[tuple]:
    return [(r.date, r.description, r.author, r.kind) for r in records]


def test_numbered_list_over_a_page_break_skips_running_heads() -> None:
    p1 = _page("""RECORDS REVIEWED
Re: John Smith   Claim 05-1
1) 01/02/2025 Doctor's First Report, Dr. Ravi Patel. Lumbar strain.
2) 1/16/25 PR-2 progress report by Ravi Patel, M.D.: improving; continue
physical therapy and modified duty.
Page 1 of 2""")
    p2 = _page("""Re: John Smith   Claim 05-1
3) February 3, 2025 - MRI lumbar spine (Coastal Imaging), read by Dr. Susan Kim:
L4-5 protrusion.
Page 2 of 2""", 2)
    records = parse_records([p1, p2], (1, p1.text.index("1)")))
    assert _rows(records) == [
        (D(2025, 1, 2), "Doctor's First Report", "Dr. Ravi Patel", "doctor_first_report"),
        (D(2025, 1, 16), "PR-2 progress report", "Ravi Patel, M.D.", "treating_report"),
        (D(2025, 2, 3), "MRI lumbar spine (Coastal Imaging)", "Dr. Susan Kim",
         "imaging_report"),
    ]
    assert [r.evidence.page for r in records] == [1, 1, 2]


def test_bulleted_list_keeps_undated_entries_and_page_counts() -> None:
    text = """- Deposition transcript of the applicant (84 pages)
- 03/03/2025 Job description, Valley Packing Co.
- Wage statement (2 pp.)"""
    records = parse_records([_page(text)])
    assert [(r.date, r.kind, r.pages) for r in records] == [
        (None, "deposition", "84"), (D(2025, 3, 3), "job_description", None),
        (None, "wage_statement", "2")]


def test_ocr_noise_in_dates() -> None:
    text = "O5/12/2O25 - MRI right shoulder, Dr. Kim.\n06/|0/2025 - UR decision, Dr. Cho."
    assert [r.date for r in parse_records([_page(text)])] == [D(2025, 5, 12), D(2025, 6, 10)]


def test_chronological_paragraphs_split_at_sentences_that_open_with_a_date() -> None:
    text = ("On 01/20/2025, Dr. Lisa Wong saw the applicant for neck pain and ordered an MRI. "
            "On 02/03/2025, an MRI of the cervical spine showed a C5-6 bulge; Dr. Wong "
            "reviewed it with him on 02/10/2025.\nPhysical therapy notes followed.\n"
            "03/14/2025: Operative report, left knee arthroscopy, by Dr. Paul Reyes.")
    records = parse_records([_page(text)])
    assert [(r.date, r.kind) for r in records] == [
        (D(2025, 1, 20), "treating_report"), (D(2025, 2, 3), "imaging_report"),
        (D(2025, 3, 14), "operative_report")]
    assert records[0].author == "Dr. Lisa Wong"
    assert records[2].author == "Dr. Paul Reyes"


def test_label_value_blocks() -> None:
    text = """Date of Service: 04/15/2025
Provider: Valley Imaging
Type: MRI lumbar spine
Impression: L4-5 disc protrusion.
Date of Service: 04/20/2025
Provider: Dr. Ann Lee
Type: Orthopedic consultation"""
    assert _rows(parse_records([_page(text)])) == [
        (D(2025, 4, 15), "MRI lumbar spine", "Valley Imaging", "imaging_report"),
        (D(2025, 4, 20), "Orthopedic consultation", "Dr. Ann Lee", "treating_report")]


def test_preamble_and_totals_are_not_records() -> None:
    text = """I have reviewed the following records:
Total pages reviewed: 412
05/01/2025 PT daily note, visit 3 of 12."""
    records = parse_records([_page(text)])
    assert [(r.date, r.kind) for r in records] == [(D(2025, 5, 1), "therapy_note")]


def test_span_between_two_positions() -> None:
    text = "HISTORY\nInjured 01/01/2024.\nRECORDS\n02/02/2025 PR-2, Dr. Lee.\nEXAM\n03/03/2025 x"
    page = _page(text)
    records = parse_records([page], (1, text.index("02/02")), (1, text.index("EXAM")))
    assert [r.date for r in records] == [D(2025, 2, 2)]


def _table_page(rows: list[list[str]], columns: tuple[float, ...]) -> Page:
    lines, words = [], []
    for r, cells in enumerate(rows):
        top = 0.1 + 0.02 * r
        for x0, cell in zip(columns, cells):
            x = x0
            for token in cell.split():
                words.append(Word(token, (x, top, x + 0.0075 * len(token), top + 0.011)))
                x += 0.0075 * len(token) + 0.005
        lines.append(" ".join(c for c in cells if c))
    return Page("r.pdf", 1, text="\n".join(lines), words=words)


def test_table_columns_from_word_positions_with_wrapped_cells() -> None:
    page = _table_page([
        ["Date of Service", "Physician", "Record", "Findings"],
        ["03/10/2025", "Ravi Patel, MD", "PR-2", "Lumbar strain, PT"],
        ["", "", "", "recommended"],
        ["05/12/2025", "Valley Imaging", "MRI R shoulder", "Partial tear"],
        ["", "", "report", ""],
    ], (0.05, 0.22, 0.45, 0.65))
    records = parse_records([page])
    assert _rows(records) == [
        (D(2025, 3, 10), "PR-2: Lumbar strain, PT recommended", "Ravi Patel, MD",
         "treating_report"),
        (D(2025, 5, 12), "MRI R shoulder report: Partial tear", "Valley Imaging",
         "imaging_report")]


def test_pipe_table_without_word_positions() -> None:
    text = """Date | Provider | Type | Summary
01/02/2025 | Dr. Lee | UR decision | Denied PT
01/09/2025 | Kim Ortiz, PT | Therapy note | Visit 2"""
    records = parse_records([_page(text)])
    assert _rows(records) == [
        (D(2025, 1, 2), "UR decision: Denied PT", "Dr. Lee", "ur_decision"),
        (D(2025, 1, 9), "Therapy note: Visit 2", "Kim Ortiz, PT", "therapy_note")]


@pytest.mark.parametrize("text, kind", [
    ("MRI of the right shoulder", "imaging_report"),
    ("X-rays lumbar spine", "imaging_report"),
    ("EMG/NCS bilateral upper extremities", "diagnostic_report"),
    ("Operative report - arthroscopic repair", "operative_report"),
    ("Chiropractic treatment note", "therapy_note"),
    ("Primary treating physician's progress report (PR-2)", "treating_report"),
    ("Utilization review non-certification", "ur_decision"),
    ("Request for Authorization (DWC Form RFA)", "rfa"),
    ("IMR final determination (Maximus)", "imr_determination"),
    ("Peer-to-peer conversation note", "peer_to_peer_note"),
    ("Prior panel QME report of Dr. Wu", "qme_report"),
    ("Employer's Report of Occupational Injury (Form 5020)", "employer_report"),
    ("Pharmacy medication list", "medication_list"),
    ("Something else entirely", None),
])
def test_record_kind(text: str, kind: str | None) -> None:
    assert record_kind(text) == kind


def test_table_ends_where_text_returns_to_the_left_margin() -> None:
    page = _table_page([
        ["Date", "Provider", "Type", "Summary"],
        ["12/23/2025", "Dr. Alan Raman", "Meds", "Medication list."],
        ["", "", "", "Current dosages."],
        ["Current complaints: the knee pain is rated 7/10 and worse on 12/30/2025 stairs", "", "",
         ""],
    ], (0.05, 0.22, 0.45, 0.65))
    records = parse_records([page])
    assert [(r.date, r.description) for r in records] == [
        (D(2025, 12, 23), "Meds: Medication list")]


def test_ocr_month_with_a_four_for_a_one_in_a_table_date_cell() -> None:
    page = _table_page([
        ["Date", "Provider", "Type", "Summary"],
        ["11/21/2025", "Helen Marquez", "Employer rpt", "Employer's report of injury."],
        ["42/04/2025", "Charles Lindgren, DO", "PTP report", "PR-2 progress report."],
        ["12/22/2025", "Kim Nakamura", "Therapy", "Therapy note."],
    ], (0.05, 0.22, 0.45, 0.65))
    assert [r.date for r in parse_records([page])] == [
        D(2025, 11, 21), D(2025, 12, 4), D(2025, 12, 22)]


def test_ocr_split_digits_in_a_date_cell_do_not_end_the_table() -> None:
    page = _table_page([
        ["Date", "Provider", "Type", "Summary"],
        ["9/5/2025", "Dr. Wesley Oyelaran", "UR", "Utilization review decision."],
        ["9/1 1/2025", "Marcus Marsh, MD", "Imaging", "X-ray report."],
        ["9/23/2025", "Kim Nakamura", "Therapy", "Therapy note."],
    ], (0.05, 0.22, 0.45, 0.65))
    assert [r.date for r in parse_records([page])] == [
        D(2025, 9, 5), D(2025, 9, 11), D(2025, 9, 23)]


def test_description_drops_words_left_dangling_by_the_date_and_author() -> None:
    from pipeline.extract.records import _clean_description
    assert _clean_description("CT scan of the cervical spine dated") == \
        "CT scan of the cervical spine"
    assert _clean_description("Physical therapy note of") == "Physical therapy note"
    assert _clean_description("Progress report, read by") == "Progress report"


def _lines_page(lines: list[str], number: int, columns: tuple[float, ...] = (0.05, 0.25, 0.6)
                ) -> Page:
    """A page of table lines; "\t" separates a line's cells, placed at ``columns``."""
    words, texts = [], []
    for r, line in enumerate(lines):
        top = 0.05 + 0.02 * r
        cells = line.split("\t")
        for x0, cell in zip(columns if len(cells) > 1 else (0.05,), cells):
            x = x0
            for token in cell.split():
                words.append(Word(token, (x, top, x + 0.0075 * len(token), top + 0.011)))
                x += 0.0075 * len(token) + 0.005
        texts.append(" ".join(c for c in cells if c))
    return Page("u.pdf", number, text="\n".join(texts), words=words)


def test_table_with_dates_wrapped_in_their_cell_across_a_page_break() -> None:
    # the date column is narrow: "March 3," and its year sit on lines of their own, and the
    # table runs on to the next page under a repeated column header
    first = _lines_page([
        "Westside Review Services", "Materials considered",
        "Date\tRecord\tSource",
        "March 3,", "2026", "\tInitial orthopedic evaluation\tAnil Gupta, MD",
    ], 1)
    second = _lines_page([
        "Page 2 of 2", "Date\tRecord\tSource",
        "March 24,", "2026", "\tMRI left hip\tCoast Imaging",
        "Apr. 2,", "2026", "\tPhysical therapy notes\tBay PT", "",
        "Reviewer: Ellen Ward, DO",
    ], 2)
    records = parse_records([first, second], start=(1, first.text.index("Date")),
                            end=(2, second.text.index("Reviewer")))
    assert [(r.date, r.description, r.author) for r in records] == [
        (D(2026, 3, 3), "Initial orthopedic evaluation", "Anil Gupta, MD"),
        (D(2026, 3, 24), "MRI left hip", "Coast Imaging"),
        (D(2026, 4, 2), "Physical therapy notes", "Bay PT")]


@pytest.mark.parametrize("cell, expected", [
    ("| 9/2 1/2025", D(2025, 9, 21)),     # a table rule before the date, a split day
    ("02/4 7/26", D(2026, 2, 17)),        # "1" read as "4" in the day
    ("¦ 11/4 9/2025", D(2025, 11, 19)),
])
def test_ocr_damaged_dates_in_a_records_table(cell: str, expected: dt.date) -> None:
    page = _table_page([
        ["Date", "Author", "Document"],
        [cell, "Dr. Lee", "Chest X-ray"],
    ], (0.05, 0.25, 0.5))
    assert [r.date for r in parse_records([page])] == [expected]

"""QME/AME reading rules that held-out reports showed were missing: qualified headings,
wrapped rating tables, dated MMI statements, work periods in a TD section, causation wording,
apportionment labels and OCR specks, wrapped table cells and name initials in records lists,
and a letterhead name that is not a running head."""

from __future__ import annotations

import datetime as dt

from pipeline.extract.apportionment import find_apportionment
from pipeline.extract.impairments import find_combined_wpi, find_impairments
from pipeline.extract.qme import extract_qme
from pipeline.extract.records import parse_records
from pipeline.extract.sections import ReportText, find_sections
from pipeline.model import Document, Page
from pipeline.settings import Settings
from tests.extract.page_builder import make_page


def _report(text: str, words: bool = False) -> ReportText:
    page = make_page(text, number=3) if words else Page("q.pdf", 3, text=text)
    return ReportText([page])


def _qme(texts: list[str]):
    pages = [Page("q.pdf", i + 1, text=t, text_source="text_layer") for i, t in enumerate(texts)]
    doc = Document(id="D1", source="q.pdf", page_start=1, page_end=len(pages), type="qme_report")
    return extract_qme(doc, pages, Settings())


# --- sections -----------------------------------------------------------------------------

def test_a_heading_with_a_parenthetical_qualifier_is_still_its_section() -> None:
    text = ("Prior text ends here.\n"
            "APPORTIONMENT (Per Labor Code Sections 4663 and 4664 of the Code)\n"
            "Neck: 60% industrial and 40% non-industrial.\n"
            "IMPAIRMENT RATING (AMA Guides to the Evaluation of Permanent\n"
            "Impairment, 5th Ed.)\n"
            "Neck: 5% WPI.\n")
    names = [s.name for s in find_sections(_report(text))]
    assert names[:2] == ["apportionment", "impairment"]


def test_letterhead_name_and_closing_signature_are_not_running_lines() -> None:
    pages = ["JANE Q. EXAMPLE, M.D.\nOrthopaedic Surgery\nQualified Medical Evaluator\n\n"
             "Body of the report.\nMore text on the first page.\nAnd more.",
             "Middle page text one.\nMiddle page text two.\nMiddle page text three.\n"
             "Middle four.",
             "Closing remarks here.\nI declare under penalty of perjury that this is true.\n"
             "Signed on May 2, 2025.\nJane Q. Example, M.D."]
    block = _qme(pages)
    assert block.evaluator_name == "Jane Q. Example"


# --- impairment tables ----------------------------------------------------------------------

WRAPPED_TABLE = """Region           Rating basis                    WPI
Thoracic spine   DRE Thoracolumbar Category II,
                 Table 15-4
                                                 6%
Left hip         Range of motion, Figs. 17-9/10;
                 12% LE, Table 17-3
                                                 5%
Neck (pain)      folded into the thoracic rating 0%
Combined (CVC)   6 c 5                           11%
"""


def test_wrapped_rating_table_rows_read_the_wpi_column() -> None:
    report = _report(WRAPPED_TABLE, words=True)
    rated = [(i.body_part, i.wpi, i.where) for i in find_impairments(report)]
    assert ("thoracic spine", 6, "summary") in rated
    assert ("left hip", 5, "summary") in rated
    assert all(part != "left hip" or wpi == 5 for part, wpi, _ in rated)
    assert find_combined_wpi(report).value == 11


def test_a_zero_row_that_points_at_another_rating_rates_nothing() -> None:
    text = ("Body part | Method | WPI\nLumbar spine | DRE II | 7%\n"
            "Psyche | included in the lumbar rating | 0%\nCombined | | 7%\n")
    rated = [(i.body_part, i.wpi) for i in find_impairments(_report(text))]
    assert rated == [("lumbar spine", 7)]


def test_wrapped_rows_without_word_positions_take_the_last_figure() -> None:
    text = ("Body part Method Whole person impairment\n"
            "Right ankle Range of motion, Table\n17-11\n3%\n"
            "Combined (Combined Values\nChart)\n3%\n")
    report = _report(text)
    assert [(i.body_part, i.wpi) for i in find_impairments(report)] == [("right ankle", 3)]
    assert find_combined_wpi(report).value == 3


# --- P&S / MMI, TTD, causation --------------------------------------------------------------

def test_a_general_remark_about_mmi_does_not_hide_the_dated_finding() -> None:
    block = _qme(["PERMANENT AND STATIONARY STATUS\n"
                  "An injured worker who refuses surgery can be considered to have reached MMI. "
                  "Accordingly I find him permanent and stationary, at MMI, effective "
                  "April 3, 2025, for the left hip.\n"
                  "WORK RESTRICTIONS\nNone."])
    assert block.mmi_status == "mmi"
    assert block.mmi_date == dt.date(2025, 4, 3)


def test_a_period_at_work_in_the_td_section_is_not_a_td_period() -> None:
    block = _qme(["TEMPORARY DISABILITY\n"
                  "He was temporarily totally disabled from 01/05/2024 through 03/01/2024. "
                  "He worked light duty at the depot from 03/02/2024 to 05/30/2024; he was not "
                  "temporarily disabled then. He was again temporarily totally disabled from "
                  "05/31/2024 through 09/09/2024.\n"
                  "FUTURE MEDICAL CARE\nNone."])
    periods = [(p.start, p.end) for p in block.ttd_periods]
    assert periods == [(dt.date(2024, 1, 5), dt.date(2024, 3, 1)),
                       (dt.date(2024, 5, 31), dt.date(2024, 9, 9))]


def test_causation_stated_as_arising_out_of_employment() -> None:
    block = _qme(["CAUSATION\nIn my opinion the repetitive strain injury is one arising out of "
                  "and in the course of his employment as a welder.\n"
                  "DIAGNOSES\n1. Tendinitis."])
    assert block.causation == "industrial"


# --- apportionment --------------------------------------------------------------------------

def _rows(text: str) -> list[tuple]:
    report = _report(text)
    return [(a.body_part, a.industrial_pct, a.nonindustrial_pct)
            for a in find_apportionment(report)]


def test_a_labelled_paragraph_owns_its_figures_despite_later_part_names() -> None:
    text = ("Right elbow: 70% industrial and 30% non-industrial.\n"
            "Left elbow: 70% of the disability is industrial and 30% non-industrial, for the "
            "reasons given for the right elbow, as both hands did the same work.")
    assert _rows(text) == [("right elbow", 70, 30), ("left elbow", 70, 30)]


def test_an_ocr_full_stop_inside_a_sentence_does_not_cut_it() -> None:
    text = "Right hip: 100% of the disability is due to. the industrial injury and 0% to other causes."
    assert _rows(text) == [("right hip", 100, 0)]


# --- records lists --------------------------------------------------------------------------

def test_a_wrapped_summary_cell_starting_with_a_date_is_not_a_new_row() -> None:
    text = """Date        Author            Document           Summary
01/04/2025  Pat Doe, M.D.     PR-2 report        Knee pain; seen again on
                                                 02/01/2025 for follow-up.
02/10/2025  Lee Roe, M.D.     MRI right knee     Meniscus tear."""
    records = parse_records([make_page(text)])
    assert [r.date for r in records] == [dt.date(2025, 1, 4), dt.date(2025, 2, 10)]


def test_a_wrapped_name_initial_is_not_a_lettered_item() -> None:
    text = ("On 03/03/2025, Coastline Review issued a determination signed by Mary\n"
            "T. Okoro, M.D., which certified the therapy.\n"
            "On 04/04/2025, Dr. Ng saw the applicant.")
    records = parse_records([Page("r.pdf", 1, text=text)])
    assert [r.date for r in records] == [dt.date(2025, 3, 3), dt.date(2025, 4, 4)]


def test_a_reader_that_fails_loses_only_its_own_field(monkeypatch) -> None:
    import pipeline.extract.qme as qme

    def broken(*_args):
        raise ValueError("damaged text")

    monkeypatch.setattr(qme, "_ttd", broken)
    block = _qme(["CAUSATION\nThe injury is industrial.\nTEMPORARY DISABILITY\n"
                  "TTD from 01/02/2024 to 02/03/2024.\nDIAGNOSES\n1. Strain."])
    assert block.causation == "industrial"
    assert block.ttd_periods == []

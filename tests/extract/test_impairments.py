"""WPI ratings from body text and summary tables."""

from __future__ import annotations

import pytest

from pipeline.extract.impairments import find_combined_wpi, find_impairments, method_cited
from pipeline.extract.sections import ReportText
from pipeline.model import Page


def _report(text: str) -> ReportText:
    return ReportText([Page("i.pdf", 4, text=text)])


def _rated(text: str) -> list[tuple]:
    return [(i.body_part, i.wpi, i.where) for i in find_impairments(_report(text))]


@pytest.mark.parametrize("text, expected", [
    ("The lumbar spine is rated at 8% whole person impairment.", [("lumbar spine", 8, "body")]),
    ("Cervical spine: DRE Category II, 5-8% WPI. I assign 6% WPI.",
     [("cervical spine", 6, "body")]),
    ("Left knee: 10% lower extremity impairment, which converts to 4% WPI.",
     [("left knee", 4, "body")]),
    ("For the right wrist the WPI is 3%.", [("right wrist", 3, "body")]),
    ("Psyche: GAF of 55 equates to 15 percent whole person impairment.",
     [("psyche", 15, "body")]),
    ("Range 5% to 8% WPI for the lumbar spine; I rate 7% WPI.", [("lumbar spine", 7, "body")]),
])
def test_sentence_phrasings(text: str, expected: list[tuple]) -> None:
    assert _rated(text) == expected


def test_sub_heading_gives_the_body_part() -> None:
    text = "B. RIGHT SHOULDER\nLoss of motion per Figure 16-40 yields 4% WPI.\nLumbar Spine:\n" \
           "DRE Category II applies. This yields 7% WPI (Table 15-3)."
    items = find_impairments(_report(text))
    assert [(i.body_part, i.wpi) for i in items] == [("right shoulder", 4), ("lumbar spine", 7)]
    assert items[0].method == "Figure 16-40"
    assert items[1].method == "DRE Category II; Table 15-3"
    assert items[1].evidence.page == 4


def test_other_raters_and_combined_figures_are_not_part_ratings() -> None:
    text = ("The PTP previously rated 20% WPI for the lumbar spine. Lumbar spine 8% WPI. "
            "These combine to a total of 12% WPI.")
    assert _rated(text) == [("lumbar spine", 8, "body")]


def test_summary_table_and_disagreeing_body() -> None:
    text = """IMPAIRMENT SUMMARY
Body Part | Table | WPI
Lumbar spine | 15-3 | 8
Right knee | 17-33 | 2
Combined | | 10
The right knee rates 3% WPI under Table 17-33."""
    report = _report(text)
    assert [(i.body_part, i.wpi, i.where) for i in find_impairments(report)] == [
        ("lumbar spine", 8, "summary"), ("right knee", 2, "summary"),
        ("right knee", 3, "body")]
    combined = find_combined_wpi(report)
    assert (combined.value, combined.where) == (10, "summary")


def test_agreeing_restatement_is_kept_once() -> None:
    text = "Lumbar spine: 8% WPI.\nIn summary, the lumbar spine rates 8% whole person."
    assert _rated(text) == [("lumbar spine", 8, "body")]


@pytest.mark.parametrize("text, value", [
    ("Using the Combined Values Chart, 12% combined with 5% results in 16% WPI.", 16),
    ("Combined whole person impairment: 21%", 21),
    ("The total combined WPI is 9%.", 9),
    ("These impairments combine for an overall rating of 14% whole person impairment.", 14),
])
def test_combined(text: str, value: int) -> None:
    assert find_combined_wpi(_report(text)).value == value


def test_no_combined_statement() -> None:
    assert find_combined_wpi(_report("Lumbar spine 5% WPI.")) is None


def test_method_cited() -> None:
    assert method_cited("per Table 15-3 and Figure 16-40, DRE Cervical Category III") == \
        "Table 15-3; Figure 16-40; DRE Cervical Category III"
    assert method_cited("no tables here") is None


@pytest.mark.parametrize("text, total", [
    ("Lumbar spine: 9% WPI.\nRight knee: 4% WPI.\n"
     "When the two figures are added together, 9% plus 4%, the whole person impairment totals "
     "13%.", 13),
    ("Lumbar spine: 9% WPI.\nRight knee: 4% WPI.\nSumming these ratings (9% + 4%) gives a whole "
     "person impairment of 13%.", 13),
    ("Lumbar spine: 9% WPI.\nRight knee: 4% WPI.\nI add the lumbar and knee figures for a whole "
     "person impairment of 13%.", 13),
])
def test_a_summed_total_is_the_combined_figure_not_a_part_rating(text: str, total: int) -> None:
    assert [(p, w) for p, w, _ in _rated(text)] == [("lumbar spine", 9), ("right knee", 4)]
    combined = find_combined_wpi(_report(text))
    assert combined is not None and combined.value == total


def test_labelled_summary_items_are_all_summary_rows() -> None:
    text = ("SUMMARY OF FINDINGS\nParts evaluated: left hip and thoracic spine. MMI reached. "
            "Impairment: left hip 5% WPI; thoracic spine 2% WPI; combined 7% WPI.\n"
            "DISCUSSION\nThe thoracic spine falls in DRE Thoracic Category II: 5% whole person "
            "impairment.")
    rated = _rated(text)
    assert ("left hip", 5, "summary") in rated and ("thoracic spine", 2, "summary") in rated
    assert ("thoracic spine", 5, "body") in rated

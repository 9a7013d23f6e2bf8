"""Apportionment phrasings, tables, and whether the report explains how and why."""

from __future__ import annotations

import pytest

from pipeline.extract.apportionment import find_apportionment, is_explained
from pipeline.extract.sections import ReportText
from pipeline.model import Page


def _rows(text: str) -> list[tuple]:
    report = ReportText([Page("a.pdf", 2, text=text)])
    return [(a.body_part, a.industrial_pct, a.nonindustrial_pct, a.explained)
            for a in find_apportionment(report)]


@pytest.mark.parametrize("text, expected", [
    ("I apportion 80% of the lumbar spine disability to the industrial injury and 20% to "
     "pre-existing degenerative disc disease seen on the 2019 MRI.",
     [("lumbar spine", 80, 20, True)]),
    ("Lumbar spine: 70% industrial, 30% non-industrial.", [("lumbar spine", 70, 30, False)]),
    ("Right knee - Industrial: 60%  Non-industrial: 40%", [("right knee", 60, 40, False)]),
    ("Regarding the cervical spine, 25% is due to his prior 2012 motor vehicle accident and "
     "75% is due to the industrial injury.", [("cervical spine", 75, 25, True)]),
    ("For the left shoulder, 90% is industrial, with the remainder attributable to "
     "non-industrial factors because of the prior rotator cuff repair.",
     [("left shoulder", 90, 10, True)]),
    ("There is no basis for apportionment of the right wrist disability.",
     [("right wrist", 100, 0, False)]),
])
def test_phrasings(text: str, expected: list[tuple]) -> None:
    assert _rows(text) == expected


def test_several_body_parts_and_shared_reasoning() -> None:
    text = ("Based on the x-rays showing advanced osteoarthritis, apportionment is as follows:\n"
            "Lumbar spine: 60% industrial / 40% nonindustrial.\n"
            "Left knee: 50% industrial / 50% nonindustrial.")
    assert _rows(text) == [("lumbar spine", 60, 40, True), ("left knee", 50, 50, True)]


def test_table() -> None:
    text = """Body Part        Industrial    Non-Industrial
Lumbar spine       75%           25%
Left knee          100%          0%"""
    assert _rows(text) == [("lumbar spine", 75, 25, False), ("left knee", 100, 0, False)]


def test_percentages_that_do_not_add_up_are_kept_as_stated() -> None:
    assert _rows("Lumbar spine: 70% industrial and 20% non-industrial.") == [
        ("lumbar spine", 70, 20, False)]


def test_statute_recital_is_no_explanation() -> None:
    assert not is_explained("Pursuant to Labor Code 4663, apportionment is based on causation.")
    assert is_explained("This is because of the degenerative changes documented in 2019.")
    assert not is_explained("80% industrial and 20% non-industrial.")


def test_nothing_apportioned() -> None:
    assert _rows("Apportionment is deferred until the applicant is P&S.") == []

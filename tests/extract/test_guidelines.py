"""Guideline citations: canonical names, chapters/topics, spelled-out names, OCR noise."""

import pytest

from pipeline.extract.guidelines import find_guideline_cites, find_guidelines


@pytest.mark.parametrize("text, expected", [
    ("per CA MTUS ACOEM Practice Guidelines, 2nd Edition, Chapter 12", ["MTUS", "ACOEM Chapter 12"]),
    ("The MTUS Chronic Pain Medical Treatment Guidelines do not support", ["MTUS Chronic Pain"]),
    ("Official Disability Guidelines (ODG), Treatment in Workers' Comp, Low Back",
     ["ODG Low Back"]),
    ("Medical Treatment Utilization Schedule and ODG", ["MTUS", "ODG"]),
    ("ACOEM Ch. l2 recommends against", ["ACOEM Chapter 12"]),   # OCR "l2"
    ("0DG Shoulder chapter", ["ODG Shoulder"]),                    # OCR "0DG"
    ("Criteria: MCG and InterQual", ["MCG", "InterQual"]),
    ("MTUS Drug Formulary lists it as non-exempt", ["MTUS Drug Formulary"]),
])
def test_canonical_names(text, expected):
    assert find_guidelines(text) == expected


def test_each_name_once_in_order_of_first_mention():
    text = "ODG was consulted. MTUS applies. ODG again, and MTUS again."
    assert find_guidelines(text) == ["ODG", "MTUS"]


def test_specific_citation_hides_bare_base():
    assert find_guidelines("ACOEM guidelines; see ACOEM Chapter 9 shoulder") == ["ACOEM Chapter 9"]


def test_no_guideline_words():
    assert find_guidelines("The patient reports pain in the modus operandi of the odgers") == []


def test_cites_carry_spans():
    text = "Guideline: ODG Knee."
    cite = find_guideline_cites(text)[0]
    assert cite.name == "ODG Knee"
    assert text[cite.start:cite.end].startswith("ODG")

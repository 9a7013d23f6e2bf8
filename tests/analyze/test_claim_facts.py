"""Tests of pipeline/analyze/claim_facts.py: claim facts across documents."""

import datetime as dt

from pipeline.analyze.claim_facts import consolidate_claim
from pipeline.model import ClaimFile, DateRange, Document, Evidence

DOI = dt.date(2024, 3, 12)


def _doc(n, doc_type, **fields):
    doc = Document(id=f"D{n:03d}", source="claim.pdf", page_start=n, page_end=n, type=doc_type)
    for name, value in fields.items():
        setattr(doc, name, value)
        field = {"body_parts": "body_parts"}.get(name, name)
        doc.cite(field, Evidence("claim.pdf", n, f"{name} on page {n}"))
    return doc


def _claim(*docs):
    claim = ClaimFile(claim_id="c", as_of=dt.date(2025, 9, 30))
    claim.documents = list(docs)
    return claim


def test_most_common_claimant_with_the_fullest_spelling():
    claim = _claim(_doc(1, "ur_decision", claimant_name="Maria Gonzalez"),
                   _doc(2, "rfa", claimant_name="Maria L. Gonzalez"),
                   _doc(3, "treating_report", claimant_name="Maria Gonzalez"),
                   _doc(4, "correspondence", claimant_name="John Smith"))
    consolidate_claim(claim)
    assert claim.claim.claimant_name == "Maria L. Gonzalez"
    assert claim.claim.provenance["claimant_name"].page == 2


def test_numbers_are_distinct_and_ordered_by_frequency():
    claim = _claim(_doc(1, "ur_decision", claim_number="05-999", adj_number="ADJ1"),
                   _doc(2, "rfa", claim_number="05-123456", adj_number="ADJ2"),
                   _doc(3, "treating_report", claim_number="05 123456", adj_number="ADJ2"))
    consolidate_claim(claim)
    # "05-123456" and "05 123456" are one number (first spelling kept on a tie)
    assert claim.claim.claim_numbers == ["05-123456", "05-999"]
    assert claim.claim.adj_numbers == ["ADJ2", "ADJ1"]


def test_claim_form_doi_comes_first():
    claim = _claim(_doc(1, "ur_decision", date_of_injury=dt.date(2024, 3, 21)),
                   _doc(2, "treating_report", date_of_injury=dt.date(2024, 3, 21)),
                   _doc(3, "claim_form", date_of_injury=DOI))
    consolidate_claim(claim)
    assert claim.claim.dates_of_injury == [DOI]
    assert claim.claim.provenance["dates_of_injury"].page == 3


def test_without_a_claim_form_the_doi_most_documents_agree_on():
    ct = DateRange(dt.date(2019, 1, 1), dt.date(2023, 3, 15))
    claim = _claim(_doc(1, "ur_decision", date_of_injury=ct),
                   _doc(2, "rfa", date_of_injury=ct),
                   _doc(3, "treating_report", date_of_injury=ct),
                   _doc(4, "qme_report", date_of_injury=dt.date(2023, 3, 16)))
    consolidate_claim(claim)
    assert claim.claim.dates_of_injury == [ct]


def test_parties_birth_date_and_body_parts():
    claim = _claim(
        _doc(1, "claim_form", employer="Valley Packing Co.", body_parts=["lumbar spine"],
             date_of_birth=dt.date(1970, 5, 5)),
        _doc(2, "ur_decision", claims_administrator="Golden State Claims Services",
             body_parts=["lumbar spine", "right knee"]),
        _doc(3, "treating_report", employer="VALLEY PACKING CO", body_parts=["psyche"]),
        _doc(4, "qme_report", employer="Valley Packing Co.", body_parts=["right knee", "head"]),
    )
    consolidate_claim(claim)
    facts = claim.claim
    assert facts.employer == "Valley Packing Co."
    assert facts.claims_administrator == "Golden State Claims Services"
    assert facts.date_of_birth == dt.date(1970, 5, 5)
    # claimed on the claim form, or named by two documents; "psyche"/"head" only once
    assert facts.body_parts == ["lumbar spine", "right knee"]


def test_duplicates_do_not_vote_and_empty_claim_stays_empty():
    dup = _doc(2, "ur_decision", claimant_name="John Smith")
    dup.duplicate_of = "D001"
    claim = _claim(_doc(1, "ur_decision", claimant_name="Maria Gonzalez"), dup,
                   _doc(3, "rfa", claimant_name="John Smith"))
    consolidate_claim(claim)
    assert claim.claim.claimant_name == "Maria Gonzalez"   # first seen wins the 1-1 tie
    empty = _claim()
    consolidate_claim(empty)
    assert empty.claim.claimant_name is None and empty.claim.body_parts == []
    assert empty.claim.dates_of_injury == []


def test_a_misfiled_document_does_not_add_its_numbers():
    claim = _claim(_doc(1, "ur_decision", claimant_name="Maria Gonzalez", claim_number="05-1"),
                   _doc(2, "rfa", claimant_name="Maria L. Gonzalez", claim_number="05-1"),
                   _doc(3, "qme_report", claimant_name="John Smith", claim_number="07-9",
                        date_of_injury=dt.date(2020, 1, 1)),
                   _doc(4, "therapy_note", claim_number="05-1", date_of_injury=DOI))
    consolidate_claim(claim)
    assert claim.claim.claim_numbers == ["05-1"]
    assert claim.claim.dates_of_injury == [DOI]


def test_a_claimed_joint_on_both_sides_is_one_bilateral_part():
    claim = _claim(_doc(1, "claim_form", body_parts=["right elbow", "left elbow"]),
                   _doc(2, "treating_report", body_parts=["bilateral elbow", "head"]),
                   _doc(3, "treating_report", body_parts=["bilateral elbow", "head"]))
    consolidate_claim(claim)
    assert claim.claim.body_parts == ["bilateral elbow", "head"]
